"""Benchmark `glossary lookup`: cold command-line runs and in-process query latency.

    .venv/bin/python bench/lookup_bench.py            # full run
    .venv/bin/python bench/lookup_bench.py --runs 21 --skip-build
    .venv/bin/python bench/lookup_bench.py --runs 4 --write   # also bench/results/lookup.txt

Reports:
- cold-cache build: one `glossary lookup` with an empty cache folder (CC-CEDICT
  compiled into SQLite, the house glossary validated) — paid once per install;
- cold `glossary lookup` with a warm cache: a fresh process each run, wall time,
  median and p95 over the query mix (goal: median <= 150 ms);
- in-process queries on a loaded index: median and p95 per query (goal: <= 5 ms).
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "lookup.txt"

QUERIES = [
    "杨洁篪",
    "楊潔篪",
    "Yáng Jiéchí",
    "yang2 jie2 chi2",
    "yangjiechi",
    "Yang Jiechi",
    "Tsai Ing-wen",
    "Yang Jiechei",
    "common prosperity",
    "gong4 tong2 fu4 yu4",
    "human rights",
    "Xi'an",
    "shi4",
    "c:*文",
    "p:nian*ji*",
    "e:rest*",
    "Jiang Zeming",
    "北京大学",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def run_cli(query: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "glossary", "lookup", "--limit", "10", query],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold runs per query (default 3)")
    parser.add_argument("--repeat", type=int, default=20, help="in-process repeats per query")
    parser.add_argument("--skip-build", action="store_true", help="do not time a cold-cache build")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.name}")
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE for the child processes (every run compiles the "
        "modules from source, which an installed package never does)",
    )
    args = parser.parse_args(argv)
    figures: dict[str, object] = {"queries": len(QUERIES)}

    env = dict(os.environ)
    if not args.no_bytecode:
        # An installed package has its .pyc files: compile the project (PYTHONDONTWRITEBYTECODE
        # may be set here), and let the children write those of the libraries they load.
        compileall.compile_dir(ROOT / "glossary", quiet=1)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    figures["bytecode_cached"] = not args.no_bytecode
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as empty:
            env_empty = {**env, "GLOSSARY_CACHE_DIR": empty}
            figures["cold_cache_build_s"] = round(run_cli("杨洁篪", env_empty), 2)

    # Warm the user cache once, then time fresh processes.
    run_cli("杨洁篪", env)
    cold = [run_cli(q, env) for _ in range(args.runs) for q in QUERIES]
    figures["cli_runs"] = len(cold)
    figures["cli_median_ms"] = round(statistics.median(cold) * 1000, 1)
    figures["cli_p95_ms"] = round(percentile(cold, 0.95) * 1000, 1)
    start_only = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        start_only.append(time.perf_counter() - start)
    figures["python_startup_median_ms"] = round(statistics.median(start_only) * 1000, 1)

    from glossary.lookup import lookup

    start = time.perf_counter()
    lookup("杨洁篪")
    figures["in_process_first_query_ms"] = round((time.perf_counter() - start) * 1000, 1)
    for query in QUERIES:  # warm: rapidfuzz imported, jieba-free paths cached
        lookup(query)
    latencies: list[float] = []
    per_query: dict[str, float] = {}
    for query in QUERIES:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            lookup(query)
            times.append(time.perf_counter() - start)
        per_query[query] = round(statistics.median(times) * 1000, 2)
        latencies += times
    figures["in_process_median_ms"] = round(statistics.median(latencies) * 1000, 2)
    figures["in_process_p95_ms"] = round(percentile(latencies, 0.95) * 1000, 2)
    figures["in_process_per_query_median_ms"] = per_query

    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    lines = [
        f"queries in the mix:              {len(QUERIES)}",
        f"bytecode cached:                 {figures['bytecode_cached']}",
    ]
    if "cold_cache_build_s" in figures:
        lines.append(f"cold-cache build (first run):    {figures['cold_cache_build_s']} s")
    lines += [
        f"python start-up alone (median):  {figures['python_startup_median_ms']} ms",
        f"cold `glossary lookup` (warm cache, {len(cold)} runs): "
        f"median {figures['cli_median_ms']} ms, p95 {figures['cli_p95_ms']} ms",
        f"in-process first query (loads the index): {figures['in_process_first_query_ms']} ms",
        f"in-process queries ({len(latencies)}): median {figures['in_process_median_ms']} ms, "
        f"p95 {figures['in_process_p95_ms']} ms",
    ]
    lines += [f"  {ms:8.2f} ms  {query}" for query, ms in per_query.items()]
    print("\n".join(lines))
    if args.write:
        given = argv if argv is not None else sys.argv[1:]
        command = " ".join(["lookup_bench.py", *(a for a in given if a != "--write")])
        today = datetime.date.today().isoformat()
        header = f"# .venv/bin/python bench/{command}   (measured {today}, 2-core shared machine)"
        RESULTS.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
