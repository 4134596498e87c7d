"""How often `romanize` gets a whole name exactly right, next to plain pypinyin.

Two sets, both built here from data, nothing hand-picked:

(a) CC-CEDICT people: Han-character entries of 2-4 characters whose definition carries
    life dates ("(1950-)", "(1893-1976)"), whose reading has a capital on each word (so the
    surname/given split is known) and one syllable per character, and that are Chinese
    names: the English name is the pinyin, or the surname is in the surname table (this
    keeps Tsai Ing-wen and drops Japanese and Western names written in characters; Korean
    and Vietnamese names with a table surname stay, read in Mandarin as CC-CEDICT gives them).
    Left out: entries that are not people although CC-CEDICT glosses them with dates like
    people (polities and events such as 东德 East Germany, 后唐 Later Tang, 楚汉战争 Chu-Han
    Contention; `glossary.cedict` does not count them as people), and short forms that
    give a "full name" elsewhere (林郑).
    The gold form is that reading written per GB/T 28039 (``Yáng Jiéchí``); three words
    for four characters whose first two are single surnames (``Chen2 Fang1 An1 sheng1``)
    are a double surname, hyphenated (``Chén-Fāng Ānshēng``, §5.1.2).
    The romanizer runs with ``sources={Source.RULES}``: it may not look the person up,
    and its given-name statistics leave out the person's own entries (the name itself
    and any other writing of the same person, 利玛窦/利马窦), so the figure measures
    the rules.

(b) Synthetic names: every surname of the table that plain readings could get wrong (a
    character with several readings, or whose name reading is not its first reading),
    each combined with given names drawn (fixed seed) from characters with exactly one
    reading. The gold form uses the table's preferred reading; names whose characters
    could also start a longer surname (司 + 马力 vs 司马) are left out as ambiguous.

Plain pypinyin is ``lazy_pinyin(name, style=Style.TONE)`` formatted the same way, with the
surname length taken from the gold split (so it is not penalised for not splitting).

    .venv/bin/python bench/romanize_accuracy.py [--errors 20] [--write]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.chars import is_han_text, readings  # noqa: E402
from glossary.pinyin import Syllable, format_name, parse_syllable  # noqa: E402
from glossary.romanize import (  # noqa: E402
    NotAName,
    Source,
    cedict_name_words,
    format_double_name,
    is_pinyin_named,
    romanize,
)
from glossary.surnames import surname_table  # noqa: E402

if TYPE_CHECKING:
    from glossary.cedict import CedictEntry

LIFE_DATES = re.compile(r"\((?:c\.\s*)?\d{1,4}(?:\s*BC)?\s*-\s*(?:c\.\s*)?(?:\d{1,4}(?:\s*BC)?)?\)")
RESULTS = ROOT / "bench" / "results" / "romanize.md"


@dataclass(frozen=True)
class Case:
    hanzi: str
    surname_len: int
    gold: str  # "Yáng Jiéchí"
    note: str = ""
    double: bool = False  # a double surname: the first two characters, hyphenated


def person_key(definitions: Sequence[str]) -> str | None:
    """A person's gloss up to the life dates (``Matteo Ricci (1552-1610)``): one key per person."""
    for definition in definitions:
        match = LIFE_DATES.search(definition)
        if match:
            return definition[: match.end()]
    return None


def is_short_form(definitions: Sequence[str]) -> bool:
    """A short form of a longer name (林郑 for 林郑月娥): its gloss names the full name."""
    return any("full name" in d for d in definitions)


def cedict_gold() -> list[Case]:
    from glossary.cedict import load_cedict

    table = surname_table()
    cases: dict[str, Case] = {}
    for entry in load_cedict().people():
        name = entry.simplified
        if not (2 <= len(name) <= 4 and is_han_text(name)):
            continue
        if not any(LIFE_DATES.search(d) for d in entry.definitions) or not entry.is_person:
            continue
        if is_short_form(entry.definitions):  # polities and events: not entry.is_person
            continue
        words = cedict_name_words(entry.numbered)
        if not words or len(words) < 2 or sum(map(len, words)) != len(name):
            continue
        # A Chinese name: its English name is its pinyin (Yang Jiechi), or CC-CEDICT's
        # surname is a Chinese surname (Tsai Ing-wen 蔡英文); not 伊藤博文 or 勒庞.
        if not is_pinyin_named(entry) and table.get(name[: len(words[0])]) is None:
            continue
        double = [len(w) for w in words] == [1, 1, 2] and all(
            (s := table.get(c)) is not None and not s.compound for c in name[:2]
        )
        if double:  # Chen2 Fang1 An1 sheng1: Chén-Fāng Ānshēng
            surname = words[0] + words[1]
            gold = format_double_name(words[0], words[1], words[2])
        else:
            surname = words[0]
            gold = format_name(surname, [s for word in words[1:] for s in word])
        if name in cases and cases[name].gold != gold:
            continue  # two people, two readings: keep the first
        case = Case(name, len(surname), gold, entry.definitions[0][:60], double)
        cases.setdefault(name, case)
    return list(cases.values())


def _unambiguous_given_chars() -> list[str]:
    """Common given-name characters with exactly one reading, most frequent first."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for case in cedict_gold():
        counts.update(case.hanzi[case.surname_len :])
    return [c for c, _ in counts.most_common() if len(readings(c)) == 1 and readings(c)[0].tone]


def synthetic_gold(per_surname: int = 6, seed: int = 2024) -> list[Case]:
    table = surname_table()
    rng = random.Random(seed)
    pool = _unambiguous_given_chars()[:400]
    cases: list[Case] = []
    for surname in table:
        first_readings = [readings(c) for c in surname.hanzi]
        polyphonic = any(len(r) > 1 for r in first_readings) or any(
            not r or r[0] != s for r, s in zip(first_readings, surname.preferred, strict=True)
        )
        if not polyphonic:
            continue
        made = 0
        while made < per_surname:
            given = "".join(rng.sample(pool, rng.choice((1, 2, 2))))
            name = surname.hanzi + given
            longest = table.prefixes(name)
            if longest and longest[0].hanzi != surname.hanzi:
                continue  # 司 + 马力 also reads as 司马 + 力: genuinely ambiguous
            given_syllables = [readings(c)[0] for c in given]
            gold = format_name(surname.preferred, given_syllables)
            cases.append(
                Case(name, len(surname.hanzi), gold, "ambiguous" if surname.ambiguous else "")
            )
            made += 1
    return cases


@cache
def _writings_of_people() -> dict[str, frozenset[str]]:
    """Person key -> the simplified writings CC-CEDICT has for that person."""
    from glossary.romanize import _cedict

    found: dict[str, set[str]] = {}
    for entry in _cedict().people():
        key = person_key(entry.definitions)
        if key:
            found.setdefault(key, set()).add(entry.simplified)
    return {key: frozenset(names) for key, names in found.items()}


def own_counts_of_person(simplified: str) -> dict[str, Counter[Syllable]]:
    """The given-name readings of every CC-CEDICT entry of the person(s) written ``simplified``.

    Stands in for `glossary.romanize._own_counts` (which removes the name's own entries)
    so that another writing of the same person (利马窦 for 利玛窦) cannot leak either.
    """
    from glossary.romanize import _cedict, _name_readings_of

    def entries(writing: str) -> list[CedictEntry]:
        return [e for e in _cedict().by_hanzi(writing) if e.simplified == writing]

    keys = {k for e in entries(simplified) if (k := person_key(e.definitions))}
    writings = {simplified}.union(*(_writings_of_people().get(k, frozenset()) for k in keys))
    own: dict[str, Counter[Syllable]] = {}
    for writing in writings:
        for entry in entries(writing):
            if writing == simplified or person_key(entry.definitions) in keys:
                for char, syllable in _name_readings_of(entry):
                    own.setdefault(char, Counter())[syllable] += 1
    return own


def flagged(case: Case) -> bool:
    """The rules got it wrong but said the name is ambiguous and offered the gold form."""
    try:
        result = romanize(case.hanzi, sources={Source.RULES})
    except NotAName:
        return False
    return result.ambiguous and case.gold in result.alternatives


def tool(case: Case) -> str:
    try:
        return romanize(case.hanzi, sources={Source.RULES}).pinyin
    except NotAName as exc:
        return f"<{exc}>"


def tool_without_given_table(case: Case) -> str:
    """The rules without `dictionaries/given_names.tsv` (it was checked against this set)."""
    from unittest import mock

    import glossary.romanize

    with mock.patch.object(glossary.romanize, "given_name_readings", dict):
        return tool(case)


def plain_pypinyin(case: Case) -> str:
    from pypinyin import Style, lazy_pinyin

    syllables: list[Syllable] = []
    for text in lazy_pinyin(case.hanzi, style=Style.TONE):
        syllable = parse_syllable(text)
        if syllable is None:
            return f"<{text}>"
        syllables.append(syllable)
    if case.double:
        return format_double_name(syllables[:1], syllables[1:2], syllables[2:])
    return format_name(syllables[: case.surname_len], syllables[case.surname_len :])


def score(cases: Sequence[Case], run: Callable[[Case], str]) -> tuple[int, list[tuple[Case, str]]]:
    errors = [(case, got) for case in cases if (got := run(case)) != case.gold]
    return len(cases) - len(errors), errors


def _pct(hits: int, n: int) -> str:
    return f"{hits}/{n} = {100 * hits / n:.2f}%"


ANALYSIS_HEADING = "## Analysis"


def _kept_analysis() -> str:
    """The hand-written analysis at the end of the results file, kept when it is rewritten."""
    try:
        text = RESULTS.read_text(encoding="utf-8")
    except OSError:
        return ""
    at = text.find(ANALYSIS_HEADING)
    return "" if at < 0 else "\n" + text[at:]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per set")
    parser.add_argument(
        "--write", action="store_true", help=f"also write {RESULTS.relative_to(ROOT)}"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    sets = {"CC-CEDICT people": cedict_gold(), "synthetic polyphonic surnames": synthetic_gold()}
    lines = [
        "| set | names | glossary romanize (rules only) | of its errors, flagged ambiguous with the right form offered | same, without given_names.tsv | plain pypinyin |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    shown: list[str] = []  # errors printed (--errors N per set)
    everything: list[str] = []  # every error, for the results file
    from unittest import mock

    import glossary.romanize

    for label, cases in sets.items():
        with mock.patch.object(glossary.romanize, "_own_counts", own_counts_of_person):
            ours, our_errors = score(cases, tool)
            ablated, _ = score(cases, tool_without_given_table)
            n_flagged = sum(flagged(c) for c, _ in our_errors)
        theirs, _ = score(cases, plain_pypinyin)
        n = len(cases)
        lines.append(
            f"| {label} | {n} | {_pct(ours, n)} | {n_flagged}"
            f" | {_pct(ablated, n)} | {_pct(theirs, n)} |"
        )
        errors = [
            f"{label}: {c.hanzi}  gold {c.gold}  got {got}  ({c.note})" for c, got in our_errors
        ]
        shown.extend(errors[: args.errors])
        everything.extend(errors)
    elapsed = time.perf_counter() - started
    report = "\n".join(lines)
    print(report)
    if shown:
        print("\nErrors (this tool):")
        print("\n".join(f"  {line}" for line in shown))
    print(f"\n({elapsed:.1f} s)")
    if args.write:
        from glossary.resources import atomic_write_text

        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(
            RESULTS,
            "# Romanization accuracy\n\n"
            "Exact full-name match (tone marks, capitals, word split, apostrophes), rules only.\n"
            "Command: `.venv/bin/python bench/romanize_accuracy.py --write`\n\n"
            + report
            + "\n\n## Remaining errors of this tool\n\n"
            + "".join(f"- {line}\n" for line in everything)
            + _kept_analysis(),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
