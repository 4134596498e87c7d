"""Chinese names in characters -> tone-marked pinyin and English (GB/T 28039 / GB/T 16159).

Where the answer comes from, in order:

1. the house glossary (`Source.HOUSE`): the form the house prints, established
   non-pinyin forms included (Tsai Ing-wen, Carrie Lam);
2. a known person in CC-CEDICT (`Source.CEDICT`): its reading, re-spaced from
   CC-CEDICT's ``Yang2 Jie2 chi2`` (capitals mark where the surname ends) into
   ``Yáng Jiéchí``;
3. rules (`Source.RULES`): the surname from the surname table (longest prefix,
   so compound surnames first) with its name reading (曾 Zēng, not céng); each
   given-name character by `dictionaries/given_names.tsv` (长 cháng), else by the
   reading other people's given names use for it (counted over CC-CEDICT's person
   entries, never counting the name being romanized), else by pypinyin in the
   context of the given name.

Every syllable produced by the rules is a known reading of its character. Where a
name may be read two ways (乐 Yuè or Lè; 单于 a compound or 单 + 于...; a possible
double surname), the result says so (`ambiguous`) and lists the other forms.
See docs/romanization.md.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.chars import (
    Script,
    is_han,
    is_han_text,
    readings,
    script_of,
    to_simplified,
    to_traditional,
)
from glossary.pinyin import (
    Syllable,
    capitalize,
    format_name,
    format_numbered,
    join_syllables,
    marked_to_numbered,
    parse_syllable,
    split_syllables,
    strip_tones,
)
from glossary.surnames import Surname, surname_table

if TYPE_CHECKING:
    from glossary.cedict import CedictEntry
    from glossary.house import Entry, Glossary

MAX_NAME_LENGTH = 6  # Han characters; longer runs are text, not a personal name
_NAME_SEPARATORS = "·・•‧."  # middle dots in transliterated names (阿沛·阿旺晋美)


class Source(enum.Enum):
    HOUSE = "house"
    CEDICT = "cedict"
    RULES = "rules"


ALL_SOURCES: frozenset[Source] = frozenset(Source)


class NotAName(ValueError):
    """The input is not a Chinese name written in Han characters."""


@dataclass(frozen=True)
class Romanization:
    input: str
    simplified: str
    traditional: str
    surname: str  # simplified characters of the surname ("" when the name cannot be split)
    given: str  # simplified characters of the given name
    surname_syllables: tuple[Syllable, ...]
    given_syllables: tuple[Syllable, ...]
    pinyin: str  # "Yáng Jiéchí"
    english: str  # "Yang Jiechi", or the established form ("Tsai Ing-wen")
    numbered: str  # "Yang2 Jie2chi2"
    source: Source
    ambiguous: bool
    alternatives: tuple[str, ...] = ()  # other tone-marked forms the name may take
    entry: Entry | None = None  # the house glossary entry, when the answer came from one
    notes: tuple[str, ...] = ()
    cedict_entry: CedictEntry | None = field(default=None, compare=False)

    @property
    def syllables(self) -> tuple[Syllable, ...]:
        return self.surname_syllables + self.given_syllables


# --- input ------------------------------------------------------------------------------


def _clean(name: str) -> str:
    text = re.sub(r"\s+", "", name)
    if not text:
        raise NotAName("empty name")
    parts = re.split(f"[{re.escape(_NAME_SEPARATORS)}]", text)
    if any(not is_han_text(part) for part in parts):
        bad = next((c for c in text if not is_han(c) and c not in _NAME_SEPARATORS), text)
        raise NotAName(f"{name.strip()!r} is not a name in Han characters ({bad!r})")
    if len(parts) == 1 and len(text) > MAX_NAME_LENGTH:
        raise NotAName(f"{name.strip()!r} is too long for a personal name")
    return text


# --- house glossary -----------------------------------------------------------------------


def _pinyin_syllables(pinyin: str) -> list[list[Syllable]] | None:
    """Words of a written name (``Fàn-Xú Lìlì``) as syllables; None if not pinyin."""
    words = []
    for word in re.split(r"\s+", pinyin.strip()):
        syllables: list[Syllable] = []
        for part in word.split("-"):
            split = split_syllables(part)
            if not split:
                return None
            syllables.extend(split)
        words.append(syllables)
    return words


def _from_house(text: str, simplified: str, glossary: Glossary) -> Romanization | None:
    from glossary.house import Kind

    entries = [e for e in glossary.by_hanzi(text) if e.kind is Kind.PERSON]
    if not entries and simplified != text:
        entries = [e for e in glossary.by_hanzi(simplified) if e.kind is Kind.PERSON]
    if not entries:
        return None
    entry = entries[0]
    others = tuple(dict.fromkeys(e.pinyin for e in entries[1:] if e.pinyin != entry.pinyin))
    notes = []
    if len(entries) > 1:
        notes.append(f"{len(entries)} people in the house glossary share these characters")
    words = _pinyin_syllables(entry.pinyin)
    flat = [s for word in words or [] for s in word]
    entry_simplified = entry.hanzi.replace("·", "")
    if entry.surname:
        surname_len = len(to_simplified(entry.surname))
    elif words and len(words) > 1:
        surname_len = len(words[0])
    else:
        surname_len = 0
    if len(flat) != len(entry_simplified):
        flat = []
        notes.append("the glossary pinyin does not give one syllable per character")
    traditional = entry.traditional or to_traditional(entry.hanzi)
    return Romanization(
        input=text,
        simplified=entry.hanzi,
        traditional=traditional,
        surname=entry.hanzi[:surname_len],
        given=entry.hanzi[surname_len:],
        surname_syllables=tuple(flat[:surname_len]),
        given_syllables=tuple(flat[surname_len:]),
        pinyin=entry.pinyin,
        english=entry.english,
        numbered=marked_to_numbered(entry.pinyin),
        source=Source.HOUSE,
        ambiguous=bool(others),
        alternatives=others,
        entry=entry,
        notes=tuple(notes),
    )


# --- CC-CEDICT ----------------------------------------------------------------------------


def cedict_name_words(numbered: str) -> list[list[Syllable]] | None:
    """CC-CEDICT's ``Ou1 yang2 Xiu1`` -> words [[ōu, yáng], [xiū]]: a capital starts a word."""
    words: list[list[Syllable]] = []
    for token in numbered.split():
        syllable = parse_syllable(token)
        if syllable is None:
            return None
        if syllable.tone == 5:
            syllable = Syllable(syllable.base, 0)
        if token[:1].isupper() or not words:
            words.append([syllable])
        else:
            words[-1].append(syllable)
    return words


def _split_words(simplified: str, words: list[list[Syllable]]) -> tuple[int, list[Syllable]]:
    """Surname length and the flat syllables of a CC-CEDICT name."""
    flat = [s for word in words for s in word]
    if len(words) >= 2:
        return len(words[0]), flat
    return _rules_split(simplified)[0], flat


@cache
def _cedict():  # type: ignore[no-untyped-def]
    from glossary.cedict import load_cedict

    return load_cedict()


def _is_han_name_entry(entry: CedictEntry) -> bool:
    """A person written in Han characters (not a transliteration with ·)."""
    return entry.is_person and is_han_text(entry.simplified) and entry.numbered[:1].isupper()


def is_pinyin_named(entry: CedictEntry) -> bool:
    """A person whose English name in CC-CEDICT is their pinyin (``Yang Jiechi``).

    Leaves out Japanese, Korean and Western names written in characters and people
    known by another romanization (``Tsai Ing-wen``): what is left are Chinese names
    read in Mandarin, the ones the rules are for.
    """
    from glossary.cedict import toneless_key

    name = entry.person_name
    return bool(name) and _is_han_name_entry(entry) and toneless_key(name or "") == entry.toneless


def cedict_people(simplified: str) -> list[CedictEntry]:
    """CC-CEDICT person entries written with exactly these (simplified) characters."""
    return [
        e
        for e in _cedict().by_hanzi(simplified)
        if e.simplified == simplified and _is_han_name_entry(e)
    ]


def cedict_double_surname(simplified: str, words: list[list[Syllable]]) -> bool:
    """CC-CEDICT's three words for a four-character name: a double surname (陈方安生).

    ``Chen2 Fang1 An1 sheng1`` is Chén, Fāng and Ānshēng: when the first two words are
    single surnames of the table, the name is written ``Chén-Fāng Ānshēng`` (GB/T 28039
    §5.1.2), not ``Chén Fāng'ānshēng``.
    """
    if len(simplified) != 4 or [len(w) for w in words] != [1, 1, 2]:
        return False
    table = surname_table()
    first, second = table.get(simplified[0]), table.get(simplified[1])
    return first is not None and second is not None and not first.compound and not second.compound


_FULL_NAME_RE = re.compile(r"full name (?:[^|\s\[]+\|)?([^|\s\[]+)\[([^\]]+)\]")


def _short_for_double(simplified: str, entry: CedictEntry) -> bool:
    """A two-character entry that is the double surname of its full name (林郑, 林郑月娥).

    CC-CEDICT glosses it ``full name 林鄭月娥|林郑月娥[Lin2 Zheng4 Yue4 e2]``; when the full
    name is a double surname (`cedict_double_surname`), the short form is that surname
    alone, written ``Lín-Zhèng``.
    """
    if len(simplified) != 2:
        return False
    for definition in entry.definitions:
        for full, numbered in _FULL_NAME_RE.findall(definition):
            words = cedict_name_words(numbered)
            if full.startswith(simplified) and words and cedict_double_surname(full, words):
                return True
    return False


def _cedict_forms(surname_len: int, flat: list[Syllable], double: bool) -> tuple[str, str, str]:
    """(tone-marked, toneless, numbered) forms of a CC-CEDICT reading."""
    surname, given = flat[:surname_len], flat[surname_len:]
    if double:
        return (
            format_double_name(surname[:1], surname[1:], given),
            format_double_name(surname[:1], surname[1:], given, tones=False),
            _numbered_double(surname[:1], surname[1:], given),
        )
    return (
        format_name(surname, given),
        format_name(surname, given, tones=False),
        format_numbered(surname, given),
    )


def _from_cedict(text: str, simplified: str) -> Romanization | None:
    found = []
    for entry in cedict_people(simplified):
        words = cedict_name_words(entry.numbered)
        if not words or sum(map(len, words)) != len(simplified):
            continue
        double = cedict_double_surname(simplified, words) or _short_for_double(simplified, entry)
        surname_len, flat = (
            (2, [s for w in words for s in w]) if double else _split_words(simplified, words)
        )
        found.append((entry, surname_len, flat, _cedict_forms(surname_len, flat, double)))
    if not found:
        return None
    entry, surname_len, flat, (pinyin, english, numbered) = found[0]
    others = tuple(dict.fromkeys(forms[0] for *_, forms in found[1:] if forms[0] != pinyin))
    traditional = text if script_of(text) is Script.TRADITIONAL else entry.traditional
    return Romanization(
        input=text,
        simplified=simplified,
        traditional=traditional,
        surname=simplified[:surname_len],
        given=simplified[surname_len:],
        surname_syllables=tuple(flat[:surname_len]),
        given_syllables=tuple(flat[surname_len:]),
        pinyin=pinyin,
        english=english,
        numbered=numbered,
        source=Source.CEDICT,
        ambiguous=bool(others),
        alternatives=others,
        notes=(f"CC-CEDICT: {entry.definitions[0]}",) if entry.definitions else (),
        cedict_entry=entry,
    )


def _name_readings_of(entry: CedictEntry) -> list[tuple[str, Syllable]]:
    """The (character, reading) pairs of an entry's given name, if the entry is a person's name.

    Only CC-CEDICT person entries (life dates) count: names glossed without dates are often
    ancient ones with readings of their own (南宫适 Kuò) that would mislead modern names.
    The reading must have a capital on each word (so the given name is known) and one
    syllable per character.
    """
    name = entry.simplified
    if not (2 <= len(name) <= 4 and _is_han_name_entry(entry)):
        return []
    words = cedict_name_words(entry.numbered)
    if not words or len(words) < 2 or sum(map(len, words)) != len(name):
        return []
    given = [s for word in words[1:] for s in word]
    return [(c, s) for c, s in zip(name[len(words[0]) :], given, strict=True) if s.tone]


@cache
def _name_reading_counts() -> dict[str, Counter[Syllable]]:
    """For each character, how often each reading occurs in the given names of CC-CEDICT people.

    A name's own entries are subtracted when it is romanized (`_own_counts`), so the
    rules never read the answer from the entry they are measured against. Counting reads
    every CC-CEDICT person (~50 ms of each lint that proposes a romanization), so the counts
    are kept in the user cache, keyed by the index they come from and the code that counts
    them (`_name_counts_key`), in the order counted.
    """
    from glossary.resources import load_compiled

    key = _name_counts_key()
    if key is None:
        return _count_name_readings()

    def build() -> dict[str, list[list[object]]]:
        return {
            char: [[s.base, s.tone, n] for s, n in counter.items()]
            for char, counter in _count_name_readings().items()
        }

    rows = load_compiled("name-reading-counts", key, build)
    assert isinstance(rows, dict)
    return {
        char: Counter({Syllable(base, tone): n for base, tone, n in items})
        for char, items in rows.items()
    }


def _count_name_readings() -> dict[str, Counter[Syllable]]:
    totals: dict[str, Counter[Syllable]] = {}
    for entry in _cedict().people():
        for char, syllable in _name_readings_of(entry):
            totals.setdefault(char, Counter())[syllable] += 1
    return totals


def _name_counts_key() -> str | None:
    """The CC-CEDICT index the counts come from, and the source of the modules that count
    them (this one; glossary.cedict's entries; glossary.pinyin's and glossary.chars' parsing
    and tests): any change to either counts again."""
    from pathlib import Path

    from glossary import cedict, chars, pinyin
    from glossary.resources import sources_digest

    modules = (__file__, cedict.__file__, pinyin.__file__, chars.__file__)
    try:
        index = Path(_cedict().path).name
        return "v1-" + sources_digest([Path(m) for m in modules], salt=index)
    except (OSError, AttributeError, TypeError):
        return None


def _own_counts(simplified: str) -> dict[str, Counter[Syllable]]:
    """The given-name readings that the CC-CEDICT entries of this very name contribute."""
    own: dict[str, Counter[Syllable]] = {}
    for entry in _cedict().by_hanzi(simplified):
        if entry.simplified != simplified:
            continue
        for char, syllable in _name_readings_of(entry):
            own.setdefault(char, Counter())[syllable] += 1
    return own


# --- rules --------------------------------------------------------------------------------


def _rules_split(simplified: str) -> tuple[int, Surname | None, Surname | None]:
    """(surname length, surname row, the single-character row a compound shadows)."""
    table = surname_table()
    whole = table.get(simplified)
    if whole is not None and whole.compound:  # 欧阳 alone: the surname, not Ōu Yáng
        single = table.get(simplified[0]) if whole.ambiguous else None
        return len(simplified), whole, single
    candidates = [s for s in table.prefixes(simplified) if len(s.hanzi) < len(simplified)]
    if not candidates:
        if whole is not None:
            return len(simplified), whole, None
        return 1, None, None
    best = candidates[0]
    single = next((s for s in candidates if len(s.hanzi) == 1), None) if best.compound else None
    return len(best.hanzi), best, single


def _double_surname(simplified: str, surname_len: int) -> tuple[Surname, Surname] | None:
    """Two single surnames followed by a two-character given name (范徐丽泰, 林郑月娥)."""
    if surname_len != 1 or len(simplified) != 4:
        return None
    table = surname_table()
    first, second = table.get(simplified[0]), table.get(simplified[1])
    if first is None or second is None or second.compound:
        return None
    return first, second


@cache
def given_name_readings() -> dict[str, Syllable]:
    """`dictionaries/given_names.tsv`: readings characters take in given names (长 cháng)."""
    from glossary.resources import dictionaries_dir

    return load_given_names(dictionaries_dir() / "given_names.tsv")


def load_given_names(path: Path) -> dict[str, Syllable]:
    """Read and validate a given-name readings table (DataError names file, line and field)."""
    from glossary.chars import reading_rows
    from glossary.errors import DataError

    table: dict[str, Syllable] = {}
    for number, hanzi, syllable, _note in reading_rows(path):
        if syllable not in readings(hanzi):
            raise DataError(
                path, number, "reading", f"{syllable.marked!r} is not a reading of {hanzi}"
            )
        if hanzi in table:
            raise DataError(path, number, "hanzi", f"{hanzi} is listed twice")
        table[hanzi] = syllable
    return table


def _no_reading(chars: str) -> Any:
    """pypinyin's error callback: one empty reading per character it cannot read."""
    return [""] * len(chars)


@cache
def _pypinyin_given(given: str) -> tuple[Syllable | None, ...]:
    """pypinyin's reading of a given name in context (its phrase table knows 朝阳 zhāoyáng).

    None where pypinyin has no reading, or one that is not a known reading of the character.
    """
    from glossary.phrases import pypinyin_context

    found = pypinyin_context(given)  # pypinyin's answer from a compiled cache: no import
    if found is None:
        from pypinyin import Style, pinyin

        found = pinyin(given, style=Style.TONE3, heteronym=False, errors=_no_reading)
    if len(found) != len(given):
        return (None,) * len(given)
    out: list[Syllable | None] = []
    for char, options in zip(given, found, strict=True):
        syllable = parse_syllable(options[0]) if options and options[0] else None
        if syllable is not None and syllable.tone == 5:
            syllable = Syllable(syllable.base, 0)
        out.append(syllable if syllable is not None and syllable in readings(char) else None)
    return tuple(out)


def _given_syllables(
    simplified: str, given: str, *, written: str = "", use_counts: bool = True
) -> tuple[list[Syllable], list[str]]:
    """Readings for the given-name characters ``given`` (simplified) of the name ``simplified``.

    ``written`` is the given name as the input wrote it: its own characters decide which
    readings are possible (OpenCC turns the 乾 of 萧乾 into 干, which reads gàn).
    """
    counts = _name_reading_counts() if use_counts else {}
    own = _own_counts(simplified) if use_counts else {}
    if len(written) != len(given):
        written = given
    out: list[Syllable] = []
    notes: list[str] = []
    for index, (char, as_written) in enumerate(zip(given, written, strict=True)):
        known = readings(as_written) or readings(char)
        options = [s for s in known if s.tone] or list(known)
        if not options:
            raise NoReading(f"no reading is known for {as_written!r}")
        choice = options[0]
        preferred = given_name_readings().get(char)
        if preferred is not None and preferred in options:
            choice = preferred
        elif len(options) > 1:
            # The reading other people's given names use; else pypinyin's in context.
            tally = Counter(counts.get(char, Counter()))
            tally.subtract(own.get(char, Counter()))
            ranked = [(n, s) for s, n in tally.items() if n > 0 and s in options]
            if ranked:
                choice = max(ranked, key=lambda ns: (ns[0], -options.index(ns[1])))[1]
            else:  # pypinyin (and its phrase table) only when the counts do not decide
                in_context = _pypinyin_given(given)[index]
                if in_context is not None and in_context in options:
                    choice = in_context
        out.append(choice)
    return out, notes


class NoReading(NotAName):
    """A character of the name has no known reading."""


def _traditional_of(text: str, simplified: str, surname: Surname | None, surname_len: int) -> str:
    if script_of(text) is Script.TRADITIONAL:
        return text
    given = to_traditional(simplified[surname_len:])
    head = surname.traditional if surname is not None else to_traditional(simplified[:surname_len])
    return head + given


def format_double_name(
    first: Sequence[Syllable],
    second: Sequence[Syllable],
    given: Sequence[Syllable],
    *,
    tones: bool = True,
) -> str:
    """``Fàn-Xú Lìtài``: a double surname, hyphenated, each half capitalised (GB/T 28039 §5.1.2)."""
    head = f"{capitalize(join_syllables(first, tones=tones))}-{capitalize(join_syllables(second, tones=tones))}"
    return f"{head} {capitalize(join_syllables(given, tones=tones))}" if given else head


def _numbered_double(
    first: Sequence[Syllable], second: Sequence[Syllable], given: Sequence[Syllable]
) -> str:
    head = "-".join(capitalize("".join(s.numbered for s in part)) for part in (first, second))
    return f"{head} {capitalize(''.join(s.numbered for s in given))}" if given else head


def _from_rules(text: str, simplified: str, *, use_counts: bool) -> Romanization:
    if any(c in _NAME_SEPARATORS for c in simplified):
        return _transliterated(text, simplified, use_counts=use_counts)
    # The characters as written first: 於 (Yū) is a surname of its own, not 于.
    surname_len, surname, shadowed = _rules_split(text)
    if surname is None:
        surname_len, surname, shadowed = _rules_split(simplified)
    elif len(simplified) == len(text):  # the table knows the surname's simplified form
        simplified = surname.hanzi + simplified[surname_len:]
    double = _double_surname(simplified, surname_len)
    if double is not None:
        return _double_from_rules(text, simplified, double, use_counts=use_counts)
    given = simplified[surname_len:]
    notes: list[str] = []
    alternatives: list[str] = []
    if surname is not None:
        surname_syllables = list(surname.preferred)
        if surname.note:
            notes.append(f"surname {surname.hanzi}: {surname.note}")
    else:
        head = simplified[:surname_len]
        surname_syllables, _ = _given_syllables(
            simplified, head, written=text[:surname_len], use_counts=False
        )
        notes.append(f"{head} is not in the surname table: read as an ordinary character")
    given_syllables, given_notes = _given_syllables(
        simplified, given, written=text[surname_len:], use_counts=use_counts
    )
    notes.extend(given_notes)
    ambiguous = bool(surname and surname.ambiguous)
    if surname is not None and surname.ambiguous:
        for other in surname.readings[1:]:
            alternatives.append(format_name(other, given_syllables))
        if shadowed is not None:  # 单于X: compound Chányú, or 单 Shàn + 于X
            alt_given, _ = _given_syllables(
                simplified, simplified[1:], written=text[1:], use_counts=use_counts
            )
            alternatives.append(format_name(shadowed.preferred, alt_given))
    traditional = _traditional_of(text, simplified, surname, surname_len)
    return Romanization(
        input=text,
        simplified=simplified,
        traditional=traditional,
        surname=simplified[:surname_len],
        given=given,
        surname_syllables=tuple(surname_syllables),
        given_syllables=tuple(given_syllables),
        pinyin=format_name(surname_syllables, given_syllables),
        english=format_name(surname_syllables, given_syllables, tones=False),
        numbered=format_numbered(surname_syllables, given_syllables),
        source=Source.RULES,
        ambiguous=ambiguous,
        alternatives=tuple(
            dict.fromkeys(
                a for a in alternatives if a != format_name(surname_syllables, given_syllables)
            )
        ),
        notes=tuple(notes),
    )


def _double_from_rules(
    text: str, simplified: str, double: tuple[Surname, Surname], *, use_counts: bool
) -> Romanization:
    """Two single surnames and a two-character given name: 陈方安生 Chén-Fāng Ānshēng.

    A Han given name of three characters is rare, and four-character names of this shape
    are mostly Hong Kong married names (husband's surname + own surname + given name:
    陈方安生, 范徐丽泰, 叶刘淑仪), so the double surname is preferred. The result is
    still ambiguous: the single-surname reading (Chén Fāng'ānshēng) is offered too.
    """
    first, second = double
    given = simplified[2:]
    given_syllables, notes = _given_syllables(
        simplified, given, written=text[2:], use_counts=use_counts
    )
    pinyin = format_double_name(first.preferred, second.preferred, given_syllables)
    alternatives = [
        format_double_name(a, b, given_syllables)
        for a in first.readings
        for b in second.readings
        if (a, b) != (first.preferred, second.preferred)
    ]
    single_given, _ = _given_syllables(
        simplified, simplified[1:], written=text[1:], use_counts=use_counts
    )
    alternatives.append(format_name(first.preferred, single_given))
    notes = [
        f"{first.hanzi}{second.hanzi} read as a double surname (e.g. husband's and own "
        f"surname, hyphenated per GB/T 28039); it may also be {first.hanzi} + a three-character "
        "given name: the house glossary decides",
        *(f"surname {s.hanzi}: {s.note}" for s in double if s.note),
        *notes,
    ]
    if script_of(text) is Script.TRADITIONAL:
        traditional = text
    else:
        traditional = first.traditional + second.traditional + to_traditional(given)
    surname_syllables = first.preferred + second.preferred
    return Romanization(
        input=text,
        simplified=first.hanzi + second.hanzi + given,
        traditional=traditional,
        surname=first.hanzi + second.hanzi,
        given=given,
        surname_syllables=surname_syllables,
        given_syllables=tuple(given_syllables),
        pinyin=pinyin,
        english=format_double_name(first.preferred, second.preferred, given_syllables, tones=False),
        numbered=_numbered_double(first.preferred, second.preferred, given_syllables),
        source=Source.RULES,
        ambiguous=True,
        alternatives=tuple(a for a in dict.fromkeys(alternatives) if a != pinyin),
        notes=tuple(notes),
    )


def _transliterated(text: str, simplified: str, *, use_counts: bool) -> Romanization:
    """A name with middle dots (阿沛·阿旺晋美): each part one word, no surname split."""
    parts = re.split(f"[{re.escape(_NAME_SEPARATORS)}]", simplified)
    words = [_given_syllables(simplified, part, use_counts=use_counts)[0] for part in parts]
    flat = [s for word in words for s in word]
    pinyin = " ".join(capitalize(join_syllables(w)) for w in words)
    return Romanization(
        input=text,
        simplified="·".join(parts),
        traditional="·".join(to_traditional(p) for p in parts),
        surname="",
        given="".join(parts),
        surname_syllables=(),
        given_syllables=tuple(flat),
        pinyin=pinyin,
        english=strip_tones(pinyin),
        numbered=marked_to_numbered(pinyin),
        source=Source.RULES,
        ambiguous=False,
        notes=("a transliterated name: each part written as one word",),
    )


def _simplified(text: str) -> str:
    """The simplified form: CC-CEDICT's for a name it knows, else OpenCC's.

    OpenCC converts character by character where a name needs none (萧乾 -> 萧干).
    """
    converted = to_simplified(text)
    if converted == text:
        return text
    entries = _cedict().by_hanzi(text)
    if any(e.simplified == text for e in entries):
        return text
    return next((e.simplified for e in entries if e.traditional == text), converted)


# --- entry point --------------------------------------------------------------------------


def romanize(
    name: str,
    *,
    glossary: Glossary | None = None,
    sources: Collection[Source] = ALL_SOURCES,
) -> Romanization:
    """Romanize one Chinese personal name given in Han characters (simplified or traditional).

    ``sources`` limits where the answer may come from; ``{Source.RULES}`` measures the
    rules alone (the benchmark does this). Raises `NotAName` for anything else.
    """
    text = _clean(name)
    simplified = _simplified(text)
    if Source.HOUSE in sources:
        if glossary is None:
            from glossary.house import load_glossary

            glossary = load_glossary()
        found = _from_house(text, simplified, glossary)
        if found is not None:
            return found
    is_dotted = any(c in _NAME_SEPARATORS for c in text)
    if Source.CEDICT in sources and not is_dotted:
        found = _from_cedict(text, simplified)
        if found is not None:
            return found
    if Source.RULES not in sources:
        raise NotAName(f"{name.strip()!r} is not a known name")
    return _from_rules(text, simplified, use_counts=True)


def acceptable_readings(
    hanzi: str, *, glossary: Glossary | None = None
) -> tuple[tuple[Syllable, ...], ...]:
    """For each character of a name, the readings a printed pinyin form may use.

    The surname's characters are limited to their surname readings (曾 Zēng, not
    Céng); given-name characters accept any reading of the character. Readings
    of a known person (house glossary, CC-CEDICT) are always accepted. Tones
    are part of each syllable; compare on ``base`` for toneless text.
    """
    text = _clean(hanzi).replace("·", "")
    text = re.sub(f"[{re.escape(_NAME_SEPARATORS)}]", "", text)
    simplified = to_simplified(text)
    options: list[list[Syllable]] = [list(readings(c)) for c in text]
    surname_len, surname, shadowed = _rules_split(text)
    if surname is None:
        surname_len, surname, shadowed = _rules_split(simplified)
    if surname is not None:
        for i in range(surname_len):
            options[i] = [r[i] for r in surname.readings]
        if shadowed is not None:  # the single-surname split stays possible
            options[0].extend(r[0] for r in shadowed.readings)
            options[1].extend(readings(text[1]))
    known: list[Romanization] = []
    for source in (Source.HOUSE, Source.CEDICT):
        try:
            known.append(romanize(text, glossary=glossary, sources={source}))
        except NotAName:
            continue
    for found in known:
        if len(found.syllables) == len(text):
            for i, syllable in enumerate(found.syllables):
                options[i].append(syllable)
    return tuple(tuple(dict.fromkeys(o)) for o in options)


syllable_options = acceptable_readings
