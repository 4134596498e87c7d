"""Mojibake repair: exact-restoration rates per corruption kind, this tool vs ftfy, and speed.

Runs are built from our own articles (tests/fixtures/repair): every window of
three words (or clause, in Chinese) holding a non-ASCII character. Each run
is put through each broken pipeline; a repair counts only if it gives back the
clean run exactly. Runs where the pipeline lost bytes (the seed's dropped
bytes, U+FFFD) are counted apart: "lossless" is what must come back, "lossy"
is what context may or may not recover. Clean runs must come back unchanged.

    .venv/bin/python bench/repair_bench.py            # full: 10 MB throughput inputs
    .venv/bin/python bench/repair_bench.py --size-mb 1
    .venv/bin/python bench/repair_bench.py --cedict-sweep   # clean CC-CEDICT: must be 0
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glossary.repair import repair_text
from glossary.repair.charmaps import (
    UNDEFINED_1252,
    corrupt_cp1252,
    corrupt_double,
    corrupt_gbk_as_cp1252,
    corrupt_latin1,
    corrupt_seed,
)
from glossary.repair.plausible import is_han

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "repair"
_CLAUSE_RE = re.compile(r"[^，。、；：！？]+[，。、；：！？]?")


def _lost_seed(text: str) -> bool:
    return any(b in UNDEFINED_1252 for b in text.encode("utf-8"))


def _has_fffd(corrupt: Callable[[str], str]) -> Callable[[str, str], bool]:
    return lambda clean, broken: "\ufffd" in broken


def _gbk_encodable(text: str) -> bool:
    try:
        text.encode("gbk")
    except UnicodeEncodeError:
        return False
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@dataclass(frozen=True)
class Kind:
    name: str
    corrupt: Callable[[str], str]
    lossy: Callable[[str, str], bool]  # (clean, broken) -> bytes were lost
    applies: Callable[[str], bool] = lambda text: True


KINDS = [
    Kind("seed: cp874/cp1252, bytes dropped", corrupt_seed, lambda c, b: _lost_seed(c)),
    Kind("utf-8 as cp1252", corrupt_cp1252, lambda c, b: False),
    Kind("utf-8 as latin-1", corrupt_latin1, lambda c, b: False),
    Kind("utf-8 as cp1252, twice", lambda t: corrupt_cp1252(t, times=2), lambda c, b: False),
    Kind(
        "utf-8 as cp1252, strict (U+FFFD)",
        lambda t: corrupt_cp1252(t, strict=True),
        lambda c, b: "\ufffd" in b,
    ),
    Kind("utf-8 as gb18030", lambda t: corrupt_double(t, "gb18030"), lambda c, b: "\ufffd" in b),
    Kind("utf-8 as big5", lambda t: corrupt_double(t, "big5"), lambda c, b: "\ufffd" in b),
    # The same pipelines through the code pages' other variants in Python.
    Kind("utf-8 as gbk (cp936)", lambda t: corrupt_double(t, "gbk"), lambda c, b: "\ufffd" in b),
    Kind("utf-8 as cp950", lambda t: corrupt_double(t, "cp950"), lambda c, b: "\ufffd" in b),
    Kind(
        "utf-8 as big5hkscs", lambda t: corrupt_double(t, "big5hkscs"), lambda c, b: "\ufffd" in b
    ),
    Kind("gbk as cp1252", corrupt_gbk_as_cp1252, lambda c, b: False, _gbk_encodable),
]


def build_runs() -> list[str]:
    runs: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) == 1 and len(line) > 12:  # Chinese: a clause each
                words = _CLAUSE_RE.findall(line)
            for k in range(len(words)):
                window = words[k : k + 3]
                text = " ".join(window) if " " in line else "".join(window)
                if not text.isascii() and text not in runs:
                    runs.append(text)
    return runs


@dataclass
class Score:
    n: int = 0
    ours: int = 0
    ftfy: int = 0
    ours_wrong: int = 0  # changed, but not to the clean text
    bare: int = 0  # broken text shows no sign of corruption (see _no_evidence)
    bare_ours: int = 0  # ... restored anyway
    notes: list[str] = field(default_factory=list)

    def rate(self, hits: int) -> str:
        return f"{100 * hits / self.n:5.1f}%" if self.n else "    -"


def _ftfy() -> Callable[[str], str]:
    """ftfy.fix_text told to fix encodings only: its default also straightens curly
    quotes and narrows full-width forms, which would count against it here."""
    import ftfy

    config = ftfy.TextFixerConfig(
        uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False
    )
    return lambda text: ftfy.fix_text(text, config)


def score_kinds(runs: list[str]) -> list[tuple[str, Score, Score]]:
    fix_text = _ftfy()
    rows = []
    for kind in KINDS:
        lossless, lossy = Score(), Score()
        for clean in runs:
            if not kind.applies(clean):
                continue
            broken = kind.corrupt(clean)
            if broken == clean:
                continue
            score = lossy if kind.lossy(clean, broken) else lossless
            score.n += 1
            ours = repair_text(broken)[0]
            score.ours += ours == clean
            if _no_evidence(broken):
                score.bare += 1
                score.bare_ours += ours == clean
            score.ours_wrong += ours not in (clean, broken) and _wrong(clean, broken, ours)
            score.ftfy += fix_text(broken) == clean
        rows.append((kind.name, lossless, lossy))
    return rows


def _no_evidence(broken: str) -> bool:
    """The corrupted run looks like clean text: every non-ASCII character in it is a lone
    Han character between spaces, ASCII punctuation or the run's ends (``correcte 禄.``),
    with no glued letter and no other mojibake. Genuine text says "the character 禄
    means" too, so in isolation such a run must be left alone."""
    for k, char in enumerate(broken):
        if char.isascii():
            continue
        before = broken[k - 1] if k else " "
        after = broken[k + 1] if k + 1 < len(broken) else " "
        if not is_han(char) or any(
            not (c.isspace() or (c.isascii() and not c.isalnum())) for c in (before, after)
        ):
            return False
    return not broken.isascii()


def _wrong(clean: str, broken: str, ours: str) -> bool:
    """Changed into something that is neither the clean text nor a partial repair of it."""
    import difflib

    matcher = difflib.SequenceMatcher(None, clean, ours, autojunk=False)
    return any(
        op in ("replace", "insert") and ours[j1:j2] not in broken
        for op, _, _, j1, j2 in matcher.get_opcodes()
    )


def _why(clean: str, broken: str, ours: str, corrupt: Callable[[str], str]) -> str:
    """What kind of failure a run is: which clean characters came back wrong, and how."""
    import difflib

    notes = []
    matcher = difflib.SequenceMatcher(None, clean, ours, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        want, got = clean[i1:i2], ours[j1:j2]
        left = corrupt(want) == got or got in broken
        sizes = sorted({len(c.encode()) for c in want if not c.isascii()})
        before = clean[i1 - 1] if i1 else " "
        after = clean[i2] if i2 < len(clean) else " "
        glued = (before.isalpha() and before.isascii()) or (after.isalpha() and after.isascii())
        shape = f"{'/'.join(map(str, sizes))}-byte"
        where = "glued to a letter" if glued else "alone"
        notes.append(f"{want!r}->{got!r} {'left' if left else 'WRONG'} {shape} {where}")
    return "; ".join(notes)


def failures(runs: list[str], names: Sequence[str]) -> None:
    """Every lossless run of the named kinds not restored exactly, with why."""
    for kind in KINDS:
        if kind.name not in names:
            continue
        print(f"\n{kind.name}: lossless runs not restored")
        for clean in runs:
            broken = kind.corrupt(clean) if kind.applies(clean) else clean
            if broken == clean or kind.lossy(clean, broken):
                continue
            ours = repair_text(broken)[0]
            if ours != clean:
                why = _why(clean, broken, ours, kind.corrupt)
                if _no_evidence(broken):
                    why += " (no evidence in the run)"
                print(f"  {clean!r:40} {broken!r:40} {why}")


def score_in_articles() -> list[tuple[str, int, int, int, int, int]]:
    """Lines restored exactly when whole articles go through each pipeline.

    A run in a real document has the rest of the document as context (the
    pipeline damaged all of it); this is the figure for that case. Returns
    (kind, lines, ours, ftfy, lines where no byte was lost, ours among them).
    """
    fix_text = _ftfy()
    rows = []
    articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    for kind in KINDS:
        lines = ours = theirs = whole = whole_ours = 0
        for article in articles:
            if not kind.applies(article):
                continue
            try:
                broken = kind.corrupt(article)
            except UnicodeEncodeError:
                continue
            clean_lines = article.split("\n")
            for clean, bad, mine, other in zip(
                clean_lines,
                broken.split("\n"),
                repair_text(broken)[0].split("\n"),
                fix_text(broken).split("\n"),
                strict=False,
            ):
                if clean.isascii():
                    continue
                lines += 1
                ours += mine == clean
                theirs += other == clean
                if not kind.lossy(clean, bad):
                    whole += 1
                    whole_ours += mine == clean
        rows.append((kind.name, lines, ours, theirs, whole, whole_ours))
    return rows


def cedict_sweep(block: int = 2000) -> int:
    """Repairs that would change clean text: CC-CEDICT's data file (comment lines left out),
    in blocks of ``block`` lines. Prints each changed line's original and replacement."""
    import gzip

    from glossary.cedict import data_path
    from glossary.repair import find_repairs

    path = data_path()
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        lines = [line.rstrip("\n") for line in handle if not line.startswith("#")]
    changed = 0
    for k in range(0, len(lines), block):
        text = "\n".join(lines[k : k + block])
        for repair in find_repairs(text):
            if not repair.applied:
                continue
            changed += 1
            line_start = text.rfind("\n", 0, repair.start) + 1
            line_end = text.find("\n", repair.start)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            print(f"  {repair.original!r} -> {repair.replacement!r} ({repair.chain}): {line[:70]}")
    print(
        f"CC-CEDICT ({len(lines)} lines, blocks of {block}): {changed} repairs (clean: must be 0)"
    )
    return changed


def _pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}%" if total else "    -"


def throughput(text: str, fix: Callable[[str], object]) -> tuple[float, float]:
    """MB/s by wall clock and by this process's CPU time (the machine may be shared)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fix(text)
    size = len(text.encode("utf-8")) / 1e6
    return size / (time.perf_counter() - wall), size / (time.process_time() - cpu)


def _inputs(size_mb: float) -> tuple[str, str]:
    articles = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    clean_unit = "\n".join(articles)
    broken_unit = "\n".join(
        corrupt(a) for a in articles for corrupt in (corrupt_seed, corrupt_cp1252)
    )
    size = int(size_mb * 1e6)
    clean = clean_unit * (size // len(clean_unit.encode()) + 1)
    broken = broken_unit * (size // len(broken_unit.encode()) + 1)
    return clean, broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="throughput input size")
    parser.add_argument(
        "--failures", nargs="*", metavar="KIND", help="list failing lossless runs of these kinds"
    )
    parser.add_argument(
        "--cedict-sweep", action="store_true", help="count repairs over clean CC-CEDICT only"
    )
    args = parser.parse_args()
    if args.cedict_sweep:
        cedict_sweep()
        return

    runs = build_runs()
    if args.failures is not None:
        failures(runs, args.failures or ["utf-8 as gb18030", "utf-8 as big5"])
        return
    repair_text(corrupt_seed("warm up 杨洁篪 Yáng"))  # load the frequency tables once
    print(f"{len(runs)} runs from {FIXTURES.relative_to(FIXTURES.parents[2])}\n")
    header = f"{'corruption kind':36} {'runs':>5} {'ours':>6} {'ftfy':>6} {'wrong':>5}"
    print(f"{'':36} {'lossless':^26} {'no evidence':>12} {'with evidence':>14}   ", end="")
    print(f"{'lossy (bytes gone)':^26}")
    print(
        f"{header} {'runs':>5} {'ours':>6} {'runs':>6} {'ours':>7}"
        f"   {'runs':>5} {'ours':>6} {'ftfy':>6} {'wrong':>5}"
    )
    for name, lossless, lossy in score_kinds(runs):
        evident = lossless.n - lossless.bare
        print(
            f"{name:36} {lossless.n:5} {lossless.rate(lossless.ours)} {lossless.rate(lossless.ftfy)}"
            f" {lossless.ours_wrong:5} {lossless.bare:5} {_pct(lossless.bare_ours, lossless.bare)}"
            f" {evident:6} {_pct(lossless.ours - lossless.bare_ours, evident):>7}"
            f"   {lossy.n:5} {lossy.rate(lossy.ours)}"
            f" {lossy.rate(lossy.ftfy)} {lossy.ours_wrong:5}"
        )
    print(
        "no evidence: lossless runs whose corrupted text is only lone Han characters between"
        "\nspaces and punctuation (clean text looks the same: 'the character 禄 means'); they"
        "\nmust stay as they are in isolation. 'with evidence': the other lossless runs."
    )
    print("\nwhole articles corrupted: non-ASCII lines restored exactly")
    print(f"{'':50} {'no byte lost':>20}")
    print(f"{'corruption kind':36} {'lines':>5} {'ours':>6} {'ftfy':>6}   {'lines':>5} {'ours':>6}")
    for name, lines, ours, theirs, whole, whole_ours in score_in_articles():
        print(
            f"{name:36} {lines:5} {_pct(ours, lines)} {_pct(theirs, lines)}"
            f"   {whole:5} {_pct(whole_ours, whole)}"
        )
    fix_text = _ftfy()
    changed_ours = sum(repair_text(r)[0] != r for r in runs)
    changed_ftfy = sum(fix_text(r) != r for r in runs)
    print(f"\nclean runs changed: ours {changed_ours}/{len(runs)}, ftfy {changed_ftfy}/{len(runs)}")

    clean, broken = _inputs(args.size_mb)
    print(f"\nthroughput, MB/s (wall / CPU)  {'ours':>13} {'ftfy':>13}")
    for label, text in (("clean", clean), ("mojibake-heavy", broken)):
        mb = len(text.encode()) / 1e6
        speed = throughput(text, repair_text)
        speed_ftfy = throughput(text, fix_text)
        print(
            f"{label + f' ({mb:.1f} MB)':30} {speed[0]:6.2f} /{speed[1]:6.2f}"
            f" {speed_ftfy[0]:6.2f} /{speed_ftfy[1]:6.2f}"
        )
    print(f"clean input unchanged: {repair_text(clean)[0] == clean}")


if __name__ == "__main__":
    main()
