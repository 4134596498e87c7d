"""How fast the review UI answers.

1. End to end (the goal: under 1 s): from launching `python -m glossary review ARTICLE` in a
   pseudo-terminal of 100x30 until "N findings" is on the screen, as an editor sees it. The
   project is byte-compiled first and the child may use its .pyc files (as an installed tool
   does); the quit key ends each run. Also reported: the CPU seconds the process and the
   children it reaped had used by then (less at the mercy of the machine's load than the
   wall clock). With `--compare DIR` another checkout (e.g. this one with the UI of an
   earlier commit: `git archive COMMIT tui glossary/commands/review.py | tar -x -C DIR`
   over a copy of glossary/ and dictionaries/) is timed in the same run, interleaved, for a
   fair before/after on a shared machine; it keeps its compiled caches apart. Quit: the quit
   key is sent as soon as the findings show; from then until the process has exited.
2. Open, in-process with Textual's headless pilot: from building the app until the findings
   are listed. "Cold" is the first open in a fresh process after the imports (it pays for
   loading the house glossary, the checker's indexes and the romanizer; compiled caches on
   disk are already built); "warm" is a later open in the same process.
3. Look-up right after opening (both trees with `--compare`, interleaved): in a fresh process
   started as `glossary review` starts (first check forked, collector paused until the first
   frame), the editor types the queries as soon as the findings show, while the background
   warm-up has work left; then again once it is over. Also the collector's runs meanwhile.
4. Look-up: from a keystroke in the look-up panel until its results are on screen, with the
   full CC-CEDICT index (goal: under 50 ms), over queries typed one character at a time.

    .venv/bin/python bench/tui_bench.py [--article PATH]... [--runs N] [--compare DIR]
        [--e2e-only]

The seed article is read in place (../shared/seeds/ relative to the repository).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import contextlib
import hashlib
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
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
# what the article's border shows at its bottom right once the findings are listed
# ("checking…" before); the border's corner keeps a count in the article text from matching
FINDINGS_SHOWN = re.compile("(\\d+) findings? (?:─)+╯".encode())
# escape sequences: CSI (colours, cursor moves), OSC, and the short two-byte ones
ESCAPES = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])"
)
QUIT_KEY = b"\x11"  # ctrl+q


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
        await _warmed_up(app)  # background warm-up: not part of the figure
        app.exit()
    return elapsed, count


async def _warmed_up(app: object) -> None:
    """Wait for the review screen's background warm-up (a Textual worker in earlier trees,
    a thread of its own since)."""
    import threading

    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await _until(lambda: not any(t.name == "glossary-warm-up" for t in threading.enumerate()), 60)


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
        await _warmed_up(app)
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


async def measure_lookup_at_open(article: Path) -> dict[str, object]:
    """As `glossary review` opens (the first check in a forked child, the collector paused
    until the first frame), the editor goes to the look-up as soon as the findings show and
    types the queries while the background warm-up has work left ("at open"); then, once the
    warm-up is over, types them again ("after warm-up"). Seconds per keystroke of each phase,
    the first search (it loads the CC-CEDICT index) and the collector's pauses while typing.
    Run in a fresh process (`--lookup-child`): the fork needs a process with one thread."""
    import gc
    import threading

    from textual import events
    from textual.widgets import Input

    gc.disable()  # as `glossary review` does
    from tui.startup import open_review

    opened = open_review(article, fork=True)
    from tui.app import create_app
    from tui.screens.review import ReviewScreen
    from tui.widgets.lookup import LookupPanel

    app = create_app(article, cursor_blink=False, opened=opened, collect_after_start=True)
    pauses: list[float] = []
    started: list[float] = []

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(time.perf_counter())
        elif started:
            pauses.append(time.perf_counter() - started.pop())

    result: dict[str, object] = {}
    async with app.run_test(size=SIZE):

        def shown() -> bool:
            screen = app.screen
            return isinstance(screen, ReviewScreen) and screen.checked_text == app.session.text

        await _until(shown)

        def warming() -> bool:
            busy = any(w.group == "warm-up" and not w.is_finished for w in app.workers)
            return busy or any(t.name == "glossary-warm-up" for t in threading.enumerate())

        with contextlib.suppress(TimeoutError):  # the warm-up starts after the first frame
            await _until(warming, timeout=3)
        panel = app.screen.query_one(LookupPanel)
        field = app.screen.query_one("#lookup-input", Input)
        # the key as a terminal sends it: pilot.press would wait for the machine to be idle,
        # i.e. for the warm-up to end
        app.post_message(events.Key("slash", "/"))
        await _until(lambda: field.has_focus)
        overlapped = [0]

        async def type_query(query: str, timings: list[float] | None) -> None:
            for char in query:
                wanted = field.value + char
                overlapped[0] += warming()
                before = time.perf_counter()
                app.post_message(events.Key("space" if char == " " else char, char))
                await _until(lambda wanted=wanted: panel.query_shown == wanted)
                if timings is not None:
                    timings.append(time.perf_counter() - before)
            field.value = ""
            await _until(lambda: panel.query_shown == "")

        gc.callbacks.append(collector)
        result["warming_at_first_key"] = warming()
        result["collector on at first key"] = gc.isenabled()
        before = time.perf_counter()
        await type_query("a", None)
        result["first_search"] = time.perf_counter() - before
        for phase in ("at open", "after warm-up"):
            if phase == "after warm-up":
                await app.workers.wait_for_complete()
                await _until(lambda: not warming(), timeout=60)
            timings: list[float] = []
            del pauses[:]
            overlapped[0] = 0
            for query in QUERIES:
                await type_query(query, timings)
            result[phase] = timings
            result[f"{phase} overlapped"] = overlapped[0]  # keystrokes sent while warming up
            result[f"{phase} gc"] = list(pauses)
        result["collector on"] = gc.isenabled()
        gc.callbacks.remove(collector)
        app.exit()
    return result


def lookup_at_open(article: Path, tree: Path, cache: Path | None) -> dict[str, object]:
    """`measure_lookup_at_open` in a fresh process running `tree`'s packages."""
    import json

    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is not None:
        env["GLOSSARY_CACHE_DIR"] = str(cache)
    command = [sys.executable, __file__, "--lookup-child", str(tree), "--article", str(article)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=env, cwd=tree)
    return json.loads(done.stdout.splitlines()[-1])


def _summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {ordered[-1] * 1000:.1f} ms"
    )


def report_lookup_at_open(article: Path, runs: int, compare: Path | None) -> None:
    trees = _trees(compare)
    found: dict[str, list[dict[str, object]]] = {name: [] for name, _, _ in trees}
    for _ in range(runs):
        for name, tree, cache in trees:  # interleaved
            found[name].append(lookup_at_open(article, tree, cache))
    for name, _, _ in trees:
        results = found[name]
        warming = sum(bool(r["warming_at_first_key"]) for r in results)
        first = statistics.median(float(r["first_search"]) for r in results)  # type: ignore[arg-type]
        print(
            f"look-up right after opening, {name} x{len(results)} (warm-up still running at the "
            f"first key in {warming}); first search (CC-CEDICT index): median {first:.3f} s"
        )
        for phase in ("at open", "after warm-up"):
            values = [t for r in results for t in r[phase]]  # type: ignore[attr-defined]
            gc_pauses = [t for r in results for t in r[f"{phase} gc"]]  # type: ignore[attr-defined]
            overlapped = sum(int(r[f"{phase} overlapped"]) for r in results)  # type: ignore[call-overload]
            print(
                f"  keystroke -> results, {phase} ({len(values)} keystrokes, {overlapped} sent "
                f"while the warm-up thread was alive): {_summary(values)} (goal < 50 ms); "
                f"collector: {len(gc_pauses)} runs, longest {max(gc_pauses, default=0) * 1000:.1f} ms"
            )


def _trees(compare: Path | None) -> list[tuple[str, Path, Path | None]]:
    """This tree, and the compared one with its compiled caches apart: with another format
    version of a cache, the two would rebuild each other's at every turn."""
    trees: list[tuple[str, Path, Path | None]] = [("this tree", REPO, None)]
    if compare:
        key = hashlib.sha256(str(compare.resolve()).encode()).hexdigest()[:12]
        trees.append(("compared", compare, Path(tempfile.gettempdir()) / f"glossary-bench-{key}"))
    return trees


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


def byte_compile(tree: Path) -> None:
    """Write the .pyc files an installed tool has (PYTHONDONTWRITEBYTECODE is set here)."""
    compileall.compile_dir(tree / "glossary", quiet=1)
    compileall.compile_dir(tree / "tui", quiet=1)
    for folder in sys.path:
        if folder.endswith("site-packages"):
            compileall.compile_dir(folder, quiet=1)


def end_to_end(
    article: Path, tree: Path = REPO, size: tuple[int, int] = SIZE, cache: Path | None = None
) -> tuple[float, int, float, float]:
    """Seconds from launching `glossary review` in a pty until the findings count is on screen;
    that count; the CPU seconds the process (with the children it reaped) had used by then, a
    figure less at the mercy of the machine's load; and the seconds from the quit key, sent
    as soon as the findings are on screen, until the process has exited. The child runs from `tree` (its
    own `glossary` and `tui` packages), with the compiled caches in `cache` (None: the
    user's, as an installed tool has them)."""
    import fcntl
    import pty
    import struct
    import termios

    columns, rows = size
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["TERM"] = "xterm-256color"
    env["PYTHONPATH"] = str(tree)
    if cache is not None:
        env["GLOSSARY_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "glossary", "review", str(article.resolve())]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=tree, start_new_session=True
    )
    os.close(slave)
    screen = b""
    found: re.Match[bytes] | None = None
    try:
        while found is None:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                raise TimeoutError(f"{article.name}: no findings on screen after 60 s")
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # the child closed the terminal: it exited
                chunk = b""
            if not chunk:
                tail = ESCAPES.sub(b"", screen)[-300:].decode(errors="replace")
                raise RuntimeError(f"{article.name}: review exited before the findings: {tail}")
            screen += chunk
            found = FINDINGS_SHOWN.search(ESCAPES.sub(b"", screen))
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds(process.pid)
        os.write(master, QUIT_KEY)  # at once: the editor who opened the wrong article
        quit_at = time.perf_counter()
        deadline = quit_at + 120
        while process.poll() is None and time.perf_counter() < deadline:
            if select.select([master], [], [], 0.005)[0]:
                with contextlib.suppress(OSError):  # EIO: the child has let go of the pty
                    os.read(master, 1 << 16)
        quit_seconds = time.perf_counter() - quit_at
        if process.poll() is None:
            raise TimeoutError(f"{article.name}: review did not quit")
    finally:
        if process.returncode is None:
            process.kill()
            process.wait()
        os.close(master)
    return elapsed, int(found.group(1)), cpu, quit_seconds


def cpu_seconds(pid: int) -> float:
    """User and system time of a running process and of the children it has reaped (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def report_end_to_end(articles: list[Path], runs: int, compare: Path | None) -> None:
    trees = _trees(compare)
    for _, tree, _ in trees:
        byte_compile(tree)
    for article in articles:
        for _, tree, cache in trees:  # one unmeasured run each: caches on disk, page cache
            end_to_end(article, tree, cache=cache)
        timings: dict[str, list[float]] = {name: [] for name, _, _ in trees}
        cpu: dict[str, list[float]] = {name: [] for name, _, _ in trees}
        quits: dict[str, list[float]] = {name: [] for name, _, _ in trees}
        counts: dict[str, int] = {}
        for _ in range(runs):
            for name, tree, cache in trees:  # interleaved: the load falls on both alike
                elapsed, counts[name], used, quit_seconds = end_to_end(article, tree, cache=cache)
                timings[name].append(elapsed)
                cpu[name].append(used)
                quits[name].append(quit_seconds)
        for name, _, _ in trees:
            values = timings[name]
            print(
                f"end to end, launch -> findings on screen ({SIZE[0]}x{SIZE[1]} pty), "
                f"{article.name}, {name} x{len(values)}: median {statistics.median(values):.3f} s, "
                f"min {min(values):.3f} s, max {max(values):.3f} s ({counts[name]} findings; "
                f"goal < 1 s); CPU used by then: median {statistics.median(cpu[name]):.2f} s"
            )
        for name, _, _ in trees:
            values = quits[name]
            print(
                f"quit at once (ctrl+q as soon as the findings show) -> process exit, "
                f"{article.name}, {name} x{len(values)}: median {statistics.median(values):.3f} s, "
                f"min {min(values):.3f} s, max {max(values):.3f} s"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--article",
        type=Path,
        action="append",
        help="article to open (repeatable; default: the seed article and examples/rome-talks.md)",
    )
    parser.add_argument("--runs", type=int, default=5, help="opens to time, of each kind")
    parser.add_argument(
        "--compare", type=Path, metavar="DIR", help="another checkout to time end to end too"
    )
    parser.add_argument("--e2e-only", action="store_true", help="only the end-to-end figures")
    parser.add_argument("--lookup-child", type=Path, metavar="TREE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.lookup_child:  # one `measure_lookup_at_open`, with TREE's packages, as JSON
        import json

        sys.path.insert(0, str(args.lookup_child.resolve()))
        print(json.dumps(asyncio.run(measure_lookup_at_open(args.article[0].resolve()))))
        return 0
    articles: list[Path] = args.article or [SEED, REPO / "examples" / "rome-talks.md"]
    for path in [*articles, *([args.compare] if args.compare else [])]:
        if not path.exists():
            print(f"tui_bench: {path}: no such file", file=sys.stderr)
            return 2

    report_end_to_end(articles, args.runs, args.compare)
    if args.e2e_only:
        return 0
    article = articles[0]
    report_lookup_at_open(article, args.runs, args.compare)

    cold = [cold_open(article) for _ in range(args.runs)]
    print(
        f"open, cold (fresh process) x{len(cold)}: median {statistics.median(cold):.3f} s, "
        f"min {min(cold):.3f} s, max {max(cold):.3f} s (goal < 1 s)"
    )
    warm = []
    count = 0
    for _ in range(args.runs + 1):
        elapsed, count = asyncio.run(measure_open(article))
        warm.append(elapsed)
    warm = warm[1:]  # the first one in this process is cold
    print(
        f"open, warm x{len(warm)}: median {statistics.median(warm):.3f} s, "
        f"max {max(warm):.3f} s ({article.name}, {count} findings shown)"
    )

    timings = asyncio.run(measure_lookup(article))
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
