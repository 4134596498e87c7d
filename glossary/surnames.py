"""The surname table (`dictionaries/surnames.tsv`): which characters start a name, and how they read.

A surname character often reads differently in a name than in ordinary words
(曾 Zēng, not céng); compound surnames (欧阳, 尉迟, 万俟) are one word. The
table is loaded and validated on first use; a bad row raises `DataError`
naming file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from glossary.errors import DataError
from glossary.pinyin import Syllable, split_syllables
from glossary.resources import dictionaries_dir, load_compiled, sources_digest

_COLUMNS = ("hanzi", "traditional", "readings", "ambiguous", "sources", "note")


@dataclass(frozen=True)
class Surname:
    hanzi: str  # simplified
    traditional: str  # preferred traditional form
    readings: tuple[tuple[Syllable, ...], ...]  # one syllable per character, preferred first
    ambiguous: bool  # a person's actual reading needs confirming (乐 Yuè or Lè)
    note: str
    traditional_forms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def compound(self) -> bool:
        return len(self.hanzi) > 1

    @property
    def preferred(self) -> tuple[Syllable, ...]:
        return self.readings[0]


class SurnameTable:
    """Surnames by simplified or traditional characters."""

    def __init__(self, surnames: list[Surname]) -> None:
        self.surnames: tuple[Surname, ...] = tuple(surnames)
        self._index: dict[str, Surname] = {}
        for surname in surnames:
            self._index[surname.hanzi] = surname
        for surname in surnames:  # a traditional form never hides a simplified one
            for form in surname.traditional_forms:
                self._index.setdefault(form, surname)
        self._longest = max((len(s.hanzi) for s in surnames), default=0)

    def __iter__(self) -> Iterator[Surname]:
        return iter(self.surnames)

    def __len__(self) -> int:
        return len(self.surnames)

    def get(self, hanzi: str) -> Surname | None:
        return self._index.get(hanzi)

    def prefixes(self, name: str) -> list[Surname]:
        """Surnames that ``name`` starts with, longest (compound) first."""
        found = []
        for length in range(min(self._longest, len(name)), 0, -1):
            surname = self._index.get(name[:length])
            if surname is not None:
                found.append(surname)
        return found


def _parse_readings(
    hanzi: str, text: str, where: tuple[Path, int]
) -> tuple[tuple[Syllable, ...], ...]:
    out = []
    for word in text.split("|"):
        syllables = split_syllables(word.strip())
        if not syllables or len(syllables) != len(hanzi):
            raise DataError(
                *where,
                "readings",
                f"{word.strip()!r} is not {len(hanzi)} pinyin syllable(s) for {hanzi}",
            )
        if any(s.tone == 0 for s in syllables):
            raise DataError(*where, "readings", f"{word.strip()!r} lacks a tone mark")
        out.append(tuple(syllables))
    return tuple(out)


def parse_table(text: str, path: Path) -> list[Surname]:
    """Parse and validate the TSV text of a surname table."""
    from glossary.chars import is_han_text

    surnames: list[Surname] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = (path, number)
        if len(fields) != len(_COLUMNS):
            raise DataError(
                *where, None, f"expected {len(_COLUMNS)} tab-separated columns, got {len(fields)}"
            )
        hanzi, traditional, readings, ambiguous, sources, note = (f.strip() for f in fields)
        if not is_han_text(hanzi) or len(hanzi) > 4:
            raise DataError(*where, "hanzi", f"{hanzi!r} is not 1-4 Han characters")
        if hanzi in seen:
            raise DataError(*where, "hanzi", f"{hanzi} repeats line {seen[hanzi]}")
        seen[hanzi] = number
        forms = tuple(f.strip() for f in traditional.split(",") if f.strip())
        if not forms or any(not is_han_text(f) or len(f) != len(hanzi) for f in forms):
            raise DataError(
                *where, "traditional", f"{traditional!r} is not {len(hanzi)} Han character(s)"
            )
        if ambiguous not in ("ambiguous", "-"):
            raise DataError(*where, "ambiguous", f"{ambiguous!r} is neither 'ambiguous' nor '-'")
        parsed = _parse_readings(hanzi, readings, where)
        if ambiguous == "ambiguous" and len(parsed) < 2 and len(hanzi) < 2:
            raise DataError(*where, "readings", "an ambiguous surname needs two readings")
        surnames.append(
            Surname(
                hanzi=hanzi,
                traditional=forms[0],
                readings=parsed,
                ambiguous=ambiguous == "ambiguous",
                note="" if note == "-" else note,
                traditional_forms=forms,
                sources=tuple(s for s in sources.split(",") if s),
            )
        )
    return surnames


def surnames_path() -> Path:
    return dictionaries_dir() / "surnames.tsv"


def load_table(path: Path) -> SurnameTable:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, None, f"cannot read the surname table: {exc}") from exc
    return SurnameTable(parse_table(text, path))


# The compiled table's layout (part of its cache key): one row per surname, readings written
# `ou1 yang2;...`.
_TABLE_LAYOUT = "table-v1"


def _table_rows(table: SurnameTable) -> list[list[object]]:
    return [
        [
            s.hanzi,
            s.traditional,
            ";".join(" ".join(f"{x.base}{x.tone}" for x in reading) for reading in s.readings),
            s.ambiguous,
            s.note,
            list(s.traditional_forms),
            list(s.sources),
        ]
        for s in table
    ]


def _surname_from_row(row: list[Any]) -> Surname:
    from glossary.chars import syllable_of

    hanzi, traditional, readings, ambiguous, note, forms, sources = row
    parsed = [tuple(syllable_of(t) for t in reading.split()) for reading in readings.split(";")]
    return Surname(hanzi, traditional, tuple(parsed), ambiguous, note, tuple(forms), tuple(sources))


@cache
def surname_table() -> SurnameTable:
    """The shipped surname table, loaded once.

    Parsing and validating the file costs ~35 ms (hundreds of pinyin splits); the result is
    kept in the user cache keyed by the file's content, so a lint run that proposes an entry
    for an unknown name pays that once, not each time. A bad file raises `DataError` as it
    is parsed (and nothing is kept).
    """
    from glossary import pinyin

    path = surnames_path()
    try:
        # the file, and pinyin.py, whose syllable table decides how its readings split
        key = sources_digest([path, Path(pinyin.__file__)], salt=_TABLE_LAYOUT)
    except OSError:
        return load_table(path)  # (names the file it cannot read)
    rows = load_compiled("surname-table", key, lambda: _table_rows(load_table(path)))
    assert isinstance(rows, list)
    return SurnameTable([_surname_from_row(row) for row in rows])
