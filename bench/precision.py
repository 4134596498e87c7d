"""Precision of `glossary lint` on the golden corpus: false alarms and misses, per article.

    .venv/bin/python bench/precision.py [--write]

Runs the real command (`glossary lint --no-cache --format json`) over every article in
`tests/golden/clean/` (correct articles: any warning or error is a false alarm) and
`tests/golden/faulty/` (each with `NAME.expect.toml`: `[[must]]` findings that must be
reported, `[[must_not]]` ones that must not). Prints a table; with `--write` also writes
`bench/results/precision.md`.

Counted per article:
- false alarms: warning/error findings in a clean article; in a faulty article, warning/error
  findings that match no `[[must]]` entry, plus any finding that matches a `[[must_not]]` entry;
- caught / missed: `[[must]]` entries found at their line (at warning/error, or at the
  severity the entry names) or not;
- wrong infos: info findings matching a `[[must_not]]` entry (line, code, `message` text), such
  as an unknown-name proposal with a wrong English form; clean articles may have a sidecar
  with `[[must_not]]` entries for this.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
RESULTS = ROOT / "bench" / "results" / "precision.md"
SUFFIXES = {".txt", ".md", ".html"}
SERIOUS = {"warning", "error"}


@dataclass
class Row:
    article: str  # clean/NAME or faulty/NAME
    findings: list[dict[str, Any]]
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    caught: list[str] = field(default_factory=list)
    wrong_infos: list[dict[str, Any]] = field(default_factory=list)  # info a sidecar forbids
    missed: list[str] = field(default_factory=list)

    @property
    def infos(self) -> int:
        return sum(f["severity"] == "info" for f in self.findings)


def _articles() -> list[Path]:
    return [
        p
        for kind in ("clean", "faulty")
        for p in sorted((GOLDEN / kind).iterdir())
        if p.suffix in SUFFIXES
    ]


def _lint(paths: list[Path], *options: str) -> tuple[list[dict[str, Any]], list[str], float]:
    cmd = [
        str(Path(sys.executable).parent / "glossary"),
        "lint",
        "--no-cache",
        "--format",
        "json",
        *options,
        *(str(p.relative_to(ROOT)) for p in paths),
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"glossary lint could not run (exit {proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout or "[]"), cmd, elapsed


def _codes(value: str | list[str]) -> str:
    """One code or rule name, or several (`|`-joined) where the domain allows either."""
    return value if isinstance(value, str) else "|".join(value)


def _by_settings(paths: list[Path]) -> dict[tuple[str, ...], list[Path]]:
    """Articles grouped by the house style their sidecar sets (`first-mention`, `script`)."""
    groups: dict[tuple[str, ...], list[Path]] = {}
    for path in paths:
        sidecar = path.with_name(path.stem + ".expect.toml")
        options: tuple[str, ...] = ()
        if sidecar.is_file():
            with sidecar.open("rb") as handle:
                data = tomllib.load(handle)
            for key in ("first-mention", "script"):
                if key in data:
                    options += (f"--{key}", str(data[key]))
        groups.setdefault(options, []).append(path)
    return groups


def _matches(finding: dict[str, Any], line: int, code: str) -> bool:
    return finding["line"] == line and any(
        finding["code"] == c.upper() or finding.get("rule") == c.lower() for c in code.split("|")
    )


def _label(finding: dict[str, Any]) -> str:
    return f"{finding['line']}:{finding['code']} {finding['message']}"


def _score(path: Path, findings: list[dict[str, Any]]) -> Row:
    row = Row(f"{path.parent.name}/{path.name}", findings)
    serious = [f for f in findings if f["severity"] in SERIOUS]
    sidecar = path.with_name(path.stem + ".expect.toml")
    expect: dict[str, Any] = {}
    if sidecar.is_file():
        with sidecar.open("rb") as handle:
            expect = tomllib.load(handle)
    row.wrong_infos = [
        f
        for item in expect.get("must_not", [])
        for f in findings
        if f["severity"] == "info"
        and _matches(f, int(item["line"]), _codes(item["code"]))
        and item.get("message", "") in f["message"]
    ]
    if path.parent.name == "clean":
        row.false_alarms = serious
        return row
    must = expect.get("must", [])
    for item in must:
        line, code, severity = int(item["line"]), _codes(item["code"]), item.get("severity")
        hits = [
            f
            for f in findings
            if _matches(f, line, code)
            and (f["severity"] in SERIOUS if severity is None else f["severity"] == severity)
        ]
        (row.caught if hits else row.missed).append(f"{line}:{code}")
    expected = [(int(i["line"]), _codes(i["code"])) for i in must if i.get("severity") is None]
    row.false_alarms = [
        f for f in serious if not any(_matches(f, line, code) for line, code in expected)
    ]
    for item in expect.get("must_not", []):
        line, code = int(item["line"]), _codes(item["code"])
        row.false_alarms += [
            f
            for f in serious
            if _matches(f, line, code)
            and item.get("message", "") in f["message"]
            and f not in row.false_alarms
        ]
    return row


def _commit() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "glossary", "dictionaries"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return f"{head}{' + uncommitted checker/data edits' if dirty else ''}"


def _house_styles() -> list[tuple[str, int, list[str]]]:
    """Each house style's clean articles linted with that style configured: (style, articles,
    warning/error findings as text)."""
    with (GOLDEN / "house_styles.toml").open("rb") as handle:
        styles = tomllib.load(handle)
    out = []
    for style, names in styles.items():
        paths = [GOLDEN / "clean" / name for name in names]
        findings, _, _ = _lint(paths, "--first-mention", style)
        serious = [
            f"{Path(f['path']).name} {_label(f)}" for f in findings if f["severity"] in SERIOUS
        ]
        out.append((style, len(paths), serious))
    return out


def report(
    rows: list[Row], cmd: list[str], elapsed: float, styles: list[tuple[str, int, list[str]]]
) -> str:
    clean = [r for r in rows if r.article.startswith("clean/")]
    faulty = [r for r in rows if r.article.startswith("faulty/")]
    by_code = Counter(f["code"] for r in rows for f in r.false_alarms)
    caught = sum(len(r.caught) for r in faulty)
    missed = sum(len(r.missed) for r in faulty)
    serious = sum(1 for r in rows for f in r.findings if f["severity"] in SERIOUS)
    alarms = sum(len(r.false_alarms) for r in rows)
    lines = [
        "# Precision of `glossary lint` on the golden corpus",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at {_commit()}, with",
        "",
        "    .venv/bin/python bench/precision.py --write",
        "",
        f"which runs `{' '.join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd[:5]))}"
        f" tests/golden/...` over {len(rows)} articles ({elapsed:.1f} s; articles whose sidecar sets"
        " `first-mention` or `script` run with that option).",
        "",
        "Many clean articles were written to probe likely false alarms (namesakes, places named",
        "after people, foreign diacritics, metalinguistic mentions), so these figures describe",
        "this corpus, not a random sample of published articles.",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| clean articles | {len(clean)} |",
        f"| clean articles with a false alarm | {sum(bool(r.false_alarms) for r in clean)} |",
        f"| faulty articles | {len(faulty)} |",
        f"| false alarms (warning/error not expected), all articles | {alarms} |",
        "| false alarms by code | "
        + (", ".join(f"{c} {n}" for c, n in sorted(by_code.items())) or "none")
        + " |",
        f"| warning/error findings in all | {serious} |",
        f"| precision (warning/error findings that are expected) | "
        f"{(serious - alarms) / serious:.1%} |"
        if serious
        else "| precision | n/a (no findings) |",
        f"| expected findings caught | {caught} of {caught + missed} |",
        f"| info findings (allowed anywhere) | {sum(r.infos for r in rows)} |",
        f"| info findings a sidecar forbids (wrong proposals) | "
        f"{sum(len(r.wrong_infos) for r in rows)} |",
        "",
        "## Per article",
        "",
        "| article | warn/err | info | false alarms | caught | missed |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        n_serious = sum(f["severity"] in SERIOUS for f in r.findings)
        exp = r.article.startswith("faulty/")
        lines.append(
            f"| {r.article} | {n_serious} | {r.infos} | {len(r.false_alarms)} | "
            f"{len(r.caught) if exp else '-'} | {len(r.missed) if exp else '-'} |"
        )
    details = [f"- {r.article} {_label(f)}" for r in rows for f in r.false_alarms]
    misses = [f"- {r.article} {m}" for r in rows for m in r.missed]
    lines += [
        "",
        "## Clean articles under their own configured house style",
        "",
        "`--first-mention STYLE` over the articles tests/golden/house_styles.toml lists for it:",
        "",
        "| style | articles | warnings/errors |",
        "| --- | --- | --- |",
        *(f"| {style} | {n} | {len(serious)} |" for style, n, serious in styles),
        "",
        *(f"- {style}: {text}" for style, _, serious in styles for text in serious),
    ]
    lines += ["", "## False alarms (default settings)", "", *(details or ["none"])]
    wrong = [f"- {r.article} {_label(f)}" for r in rows for f in r.wrong_infos]
    lines += ["", "## Misses", "", *(misses or ["none"])]
    lines += ["", "## Wrong info findings (forbidden by a sidecar)", "", *(wrong or ["none"]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"also write {RESULTS.name}")
    args = parser.parse_args(argv)
    paths = _articles()
    findings: list[dict[str, Any]] = []
    cmd: list[str] = []
    elapsed = 0.0
    for options, group in _by_settings(paths).items():
        got, run_cmd, took = _lint(group, *options)
        findings += got
        elapsed += took
        cmd = cmd or run_cmd
    per_file: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        per_file.setdefault(str((ROOT / f["path"]).resolve()), []).append(f)
    rows = [_score(p, per_file.get(str(p.resolve()), [])) for p in paths]
    text = report(rows, cmd, elapsed, _house_styles())
    print(text)
    if args.write:
        from glossary.resources import atomic_write_text

        atomic_write_text(RESULTS, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
