"""Benchmark: `glossary lint` against `proselint check`, side by side, and bulk throughput.

    .venv/bin/python bench/lint_bench.py [--runs 15] [--articles 1000] [--jobs 2] [--write]
        [--breakdown]

1. Start-up on one article (the seed, ../shared/seeds/000_...txt, or any file given with
   --file): each command runs in a fresh process, N times, interleaved so that machine load
   hits all of them alike; the median wall time is reported. `glossary lint` is timed twice:
   with `--no-cache` (the whole checker runs) and with its result cache (a file checked
   before with the same settings and data). One untimed warm-up run of each fills the
   compiled-data caches and bytecode first, for every command alike; glossary's caches go
   to a temporary folder of the bench's own (GLOSSARY_CACHE_DIR), which other runs on a
   shared machine cannot replace mid-bench. With `--breakdown`, commands that each do a
   little more (start Python; import the checker; import the mojibake repairer; lint without
   the mojibake rule; lint the same text as a .md file) run in the same rounds, so the
   differences show where the time goes.
2. Throughput: 1,000 generated articles (names from the house glossary, some misspelt) in a
   temporary folder, checked with `--no-cache --jobs N` and with `--jobs 1`; wall time and
   the CPU time of the command and its workers. On a machine shared with other work, the
   load average printed at the end says how far the wall times can be trusted.

With `--write` the report also goes to bench/results/lint.txt, under the command and date.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SEED = ROOT.parent / "shared" / "seeds" / "000_ce24db06936a9ddc.txt"
RESULTS = ROOT / "bench" / "results" / "lint.txt"


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # every tool may keep its bytecode, as installed
    # A cache folder of the bench's own, filled by the warm-up runs: as on a user's machine,
    # and safe from other runs on this machine (tests with other data replace cache files).
    env["GLOSSARY_CACHE_DIR"] = str(cache)
    return env


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


# --breakdown: where a cold `glossary lint --no-cache` spends its time, as differences
# between commands that each do a little more (timed in the same interleaved rounds).
_CHECKER = (
    "import glossary.cli, glossary.commands.lint, glossary.config, glossary.house, "
    "glossary.check.engine, glossary.check.formatters; "
    "from glossary.check.rules import all_rules; all_rules()"
)
BREAKDOWN = {
    "python -c pass": ["-c", "pass"],
    "python: import the checker": ["-c", _CHECKER],
    "python: ... and glossary.repair": ["-c", _CHECKER + "; import glossary.repair"],
}


def startup(path: Path, runs: int, cache: Path, *, breakdown: bool = False) -> dict[str, float]:
    env = _env(cache)
    commands = {
        "proselint check": [str(BIN / "proselint"), "check", str(path)],
        "glossary lint --no-cache": [str(BIN / "glossary"), "lint", "--no-cache", str(path)],
        "glossary lint (result cache)": [str(BIN / "glossary"), "lint", str(path)],
    }
    if breakdown:
        for label, args in BREAKDOWN.items():
            commands[label] = [sys.executable, *args]
        # the standard-library (and third-party) modules the checker's import brings in
        listing = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; before = set(sys.modules); " + _CHECKER + "; print(' '.join("
                "sorted(m for m in set(sys.modules) - before if m.split('.')[0] != 'glossary')))",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        commands["python: import the checker's stdlib modules"] = [
            sys.executable,
            "-c",
            "import " + ", ".join(listing),
        ]
        commands["glossary lint --no-cache --ignore GL001"] = [
            *commands["glossary lint --no-cache"][:-1],
            "--ignore",
            "GL001",
            str(path),
        ]
        # the same text as Markdown: what users' .md articles add (markdown-it-py's import
        # and parse)
        markdown = cache.parent / f"{cache.name}-article.md"
        markdown.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        commands["glossary lint --no-cache, the file as .md"] = [
            *commands["glossary lint --no-cache"][:-1],
            str(markdown),
        ]
    for cmd in commands.values():  # warm-up, not timed
        _time(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for i in range(runs):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            times[name].append(_time(commands[name], env))
    return {name: statistics.median(values) for name, values in times.items()}


# --- generated articles -------------------------------------------------------------------

OPENINGS = [
    "{title} {name} opened talks with visiting delegates on {day}.",
    "Officials said {title} {name} would chair a meeting on the economy.",
    "In a speech on {day}, {title} {name} urged local governments to cut debt.",
    "The agenda, drafted by aides to {title} {name}, ran to nine pages.",
]
FOLLOW_UPS = [
    "{surname} told reporters that the talks had been useful.",
    "A spokesperson for {surname} declined to comment on the details.",
    "{surname} is expected to travel again before the end of the month.",
    "Diplomats said {surname} spoke for nearly an hour without notes.",
]
FILLER = [
    "Trade figures released the same week showed exports rising for a third month.",
    "Analysts in Hong Kong said the market had already priced in a modest stimulus.",
    "The statement did not mention Taiwan, a departure from previous readouts.",
    "Several provinces have announced new measures to support property developers.",
    "The ministry published a summary of the meeting late in the evening.",
]
TITLES = ["Vice Premier", "Foreign Minister", "the official", "the party secretary", "Premier"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _misspell(english: str, rng: random.Random) -> str:
    surname, _, given = english.partition(" ")
    if len(given) > 4 and rng.random() < 0.5:
        return f"{surname} {given[:2]}-{given[2:].lower()}"
    return f"{given} {surname}" if given else english


def generate(folder: Path, count: int, seed: int = 7) -> None:
    from glossary.house import load_glossary
    from glossary.pinyin import strip_tones

    people = [e for e in load_glossary().people() if e.system.value == "pinyin"]
    rng = random.Random(seed)
    for n in range(count):
        chosen = rng.sample(people, 3)
        paragraphs = []
        for person in chosen:
            day, title = rng.choice(DAYS), rng.choice(TITLES)
            first = f"{person.pinyin} {person.hanzi}"
            paragraphs.append(rng.choice(OPENINGS).format(title=title, name=first, day=day))
            paragraphs.append(" ".join(rng.sample(FILLER, 2)))
            surname = strip_tones(person.pinyin).split()[0]
            paragraphs.append(rng.choice(FOLLOW_UPS).format(surname=surname))
        if rng.random() < 0.3:  # a mistake in some articles
            paragraphs.append(f"Later, {_misspell(chosen[0].english, rng)} left the venue.")
        suffix = rng.choice([".md", ".txt", ".html"])
        body = "\n\n".join(paragraphs) + "\n"
        if suffix == ".md":
            body = f"# Report {n}\n\n{body}"
        elif suffix == ".html":
            body = (
                "<html><body>" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</body></html>\n"
            )
        (folder / f"article-{n:04d}{suffix}").write_text(body, encoding="utf-8")


def _cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def throughput(count: int, jobs: int, cache: Path) -> dict[str, tuple[float, float]]:
    """label -> (wall seconds, CPU seconds of the process and its workers)."""
    env = _env(cache)
    out: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, count)
        base = [str(BIN / "glossary"), "lint", "--no-cache", "--format", "json", str(folder)]
        _time([*base[:-1], str(next(folder.iterdir()))], env)  # warm-up
        for label, extra in ((f"--jobs {jobs}", ["--jobs", str(jobs)]), ("--jobs 1", [])):
            cpu = _cpu()
            elapsed = _time([*base, *extra], env)
            out[label] = (elapsed, _cpu() - cpu)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--file", type=Path, default=SEED)
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.name}")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time interpreter start, imports and the checker without GL001 (mojibake)",
    )
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    # bytecode for the whole project, as an installed tool has it (PYTHONDONTWRITEBYTECODE
    # may be set here; the timed children run without it)
    compileall.compile_dir(ROOT / "glossary", quiet=1)
    lines: list[str] = []

    def report(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    report(f"start-up, median of {args.runs} interleaved runs on {args.file.name}:")
    cache = Path(tempfile.mkdtemp(prefix="lint-bench-cache-"))
    medians = startup(args.file, args.runs, cache, breakdown=args.breakdown)
    reference = medians["proselint check"]
    for name, value in medians.items():
        report(f"  {name:<46} {value * 1000:7.0f} ms   {value / reference:4.2f}x proselint")
    if args.articles:
        report(f"throughput on {args.articles} generated articles (no result cache):")
        for label, (elapsed, cpu) in throughput(args.articles, args.jobs, cache).items():
            report(
                f"  glossary lint {label:<10} {elapsed:6.1f} s wall ({cpu:5.1f} s CPU)"
                f"   {args.articles / elapsed:6.0f} articles/s"
            )
    shutil.rmtree(cache, ignore_errors=True)
    (cache.parent / f"{cache.name}-article.md").unlink(missing_ok=True)
    load = os.getloadavg()[0]
    report(f"load average during the run: {load:.2f} on {os.cpu_count()} cores")
    if args.write:
        command = " ".join(["lint_bench.py", *(argv if argv is not None else sys.argv[1:])])
        today = datetime.date.today().isoformat()
        header = f"# .venv/bin/python bench/{command}   (measured {today}, 2-core shared machine)"
        RESULTS.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
