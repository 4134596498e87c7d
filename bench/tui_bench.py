"""How fast the review UI answers, measured in-process with Textual's headless pilot.

1. Open: from building the app until the seed article is on screen with its findings
   listed (goal: under 1 s). "Cold" is the first open in a fresh process (it pays for
   loading the house glossary, the checker's indexes and the romanizer; compiled caches on
   disk are already built), measured in several fresh processes; "warm" is a later open
   in the same process.
2. Look-up: from a keystroke in the look-up panel until its results are on screen, with the
   full CC-CEDICT index (goal: under 50 ms), over queries typed one character at a time.

    .venv/bin/python bench/tui_bench.py [--article PATH] [--runs N]

The seed article is read in place (../shared/seeds/ relative to the repository).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEED = REPO.parent / "shared" / "seeds" / "000_ce24db06936a9ddc.txt"
QUERIES = (
    "yang jiechi",
    "杨洁篪",
    "xi jinping",
    "tsai ing-wen",
    "zhong1guo2",
    "common prosperity",
    "liu pengyu",
    "北京",
)
SIZE = (100, 30)


async def _until(condition: object, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("the UI did not answer in time")
        await asyncio.sleep(0.0005)


async def measure_open(article: Path) -> tuple[float, int]:
    """Seconds from app creation until the findings are listed; and how many there are."""
    from tui.app import create_app
    from tui.screens.review import ReviewScreen
    from tui.widgets.findings import FindingsList

    start = time.perf_counter()
    app = create_app(article, cursor_blink=False)
    async with app.run_test(size=SIZE):

        def shown() -> bool:
            screen = app.screen
            if not isinstance(screen, ReviewScreen) or screen.checked_text != app.session.text:
                return False
            listed = screen.query_one(FindingsList).option_count
            return listed == len(screen.findings)

        await _until(shown)
        elapsed = time.perf_counter() - start
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        count = len(screen.findings)
        await app.workers.wait_for_complete()  # background warm-up: not part of the figure
        app.exit()
    return elapsed, count


async def measure_lookup(article: Path) -> list[tuple[str, float]]:
    """(query so far, seconds) for every keystroke of every query."""
    from textual import events
    from textual.widgets import Input

    from tui.app import create_app
    from tui.widgets.lookup import LookupPanel

    app = create_app(article, cursor_blink=False)
    timings: list[tuple[str, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        panel = app.screen.query_one(LookupPanel)
        field = app.screen.query_one("#lookup-input", Input)

        async def type_query(query: str, record: bool) -> None:
            for char in query:
                wanted = field.value + char
                before = time.perf_counter()
                # the key as a terminal sends it (pilot.press would add its own idle waits)
                app.post_message(events.Key("space" if char == " " else char, char))
                await _until(lambda wanted=wanted: panel.query_shown == wanted)
                if record:
                    timings.append((wanted, time.perf_counter() - before))
            field.value = ""
            await _until(lambda: panel.query_shown == "")

        # warm-up: load CC-CEDICT's index and build the look-up once, as the first search does
        started = time.perf_counter()
        await type_query("a", record=False)
        print(f"first search (loads the CC-CEDICT index): {time.perf_counter() - started:.3f} s")
        for query in QUERIES:
            await type_query(query, record=True)
        app.exit()
    return timings


def cold_open(article: Path) -> float:
    """The first open in a fresh interpreter (imports done before the clock starts)."""
    code = (
        "import asyncio, sys; sys.path.insert(0, sys.argv[1]); import bench.tui_bench as b; "
        "import tui.app; print(asyncio.run(b.measure_open(b.Path(sys.argv[2])))[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(REPO), str(article)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=5, help="cold and warm opens to time")
    args = parser.parse_args(argv)
    if not args.article.is_file():
        print(f"tui_bench: {args.article}: no such file", file=sys.stderr)
        return 2

    cold = [cold_open(args.article) for _ in range(args.runs)]
    print(
        f"open, cold (fresh process) x{len(cold)}: median {statistics.median(cold):.3f} s, "
        f"min {min(cold):.3f} s, max {max(cold):.3f} s (goal < 1 s)"
    )
    warm = []
    count = 0
    for _ in range(args.runs + 1):
        elapsed, count = asyncio.run(measure_open(args.article))
        warm.append(elapsed)
    warm = warm[1:]  # the first one in this process is cold
    print(
        f"open, warm x{len(warm)}: median {statistics.median(warm):.3f} s, "
        f"max {max(warm):.3f} s ({args.article.name}, {count} findings shown)"
    )

    timings = asyncio.run(measure_lookup(args.article))
    values = sorted(t for _, t in timings)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    slowest = max(timings, key=lambda item: item[1])
    print(
        f"look-up keystroke -> results ({len(values)} keystrokes over {len(QUERIES)} queries): "
        f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {slowest[1] * 1000:.1f} ms at {slowest[0]!r} (goal < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
