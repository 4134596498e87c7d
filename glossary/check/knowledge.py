"""What the checker knows about people: the house glossary first, then CC-CEDICT.

`Knowledge` puts both behind one small interface (look a person up by characters or by a
written English/pinyin form) so that rules never care where a fact came from. CC-CEDICT is
read through `glossary.cedict`: people and
its words are queried from the compiled database, so a lint run never loads it whole.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache
from pathlib import Path

from glossary.pinyin import Syllable, ascii_fold, split_syllables, strip_tones
from glossary.records import NamedTuple

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from glossary.house import Entry, Glossary


@lru_cache(maxsize=8192)
def fold_key(name: str) -> str:
    """A spelling-insensitive key: `Yáng Jiéchí`, `Yang Jie-chi`, `yang jiechi` -> `yangjiechi`."""
    return ascii_fold(name).replace(" ", "")


class Person(NamedTuple):
    """A known person, from the house glossary (`entry` set) or CC-CEDICT."""

    hanzi: str
    traditional: str
    pinyin: str  # tone-marked, name-formatted ("Yáng Jiéchí"); may be "" when unknown
    english: str  # the form the house prints
    aliases: tuple[str, ...] = ()
    system: str = "pinyin"  # pinyin | wade-giles | cantonese | established | other
    region: str | None = None
    order: str = "eastern"
    surname_hanzi: str | None = None
    source: str = "house"  # house | cedict
    entry: Entry | None = None

    @property
    def is_pinyin(self) -> bool:
        return self.system == "pinyin"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.english, *self.aliases)

    @property
    def surname(self) -> str:
        """The English surname as printed (first word for eastern order, last for western)."""
        words = self.english.split()
        if not words:
            return ""
        return words[-1] if self.order == "western" else words[0]

    @property
    def given(self) -> str:
        words = self.english.split()
        if len(words) < 2:
            return ""
        return " ".join(words[:-1]) if self.order == "western" else " ".join(words[1:])


def _person_from_entry(entry: Entry) -> Person:
    return Person(
        hanzi=entry.hanzi,
        traditional=entry.traditional or entry.hanzi,
        pinyin=entry.pinyin,
        english=entry.english,
        aliases=tuple(entry.aliases),
        system=entry.system.value,
        region=entry.region,
        order=entry.order,
        surname_hanzi=entry.surname,
        source="house",
        entry=entry,
    )


@cache
def _cedict():  # type: ignore[no-untyped-def]
    """CC-CEDICT's compiled database (glossary.cedict): queried, never loaded whole."""
    from glossary.cedict import load_cedict

    return load_cedict()


def _name_pinyin(numbered: str) -> str:
    """CC-CEDICT's `Ou1 yang2 Xiu1` -> `Ōuyáng Xiū`: a capital starts a word."""
    from glossary.pinyin import numbered_to_marked

    words: list[list[str]] = []
    for syllable in numbered.split():
        if syllable[:1].isupper() or not words:
            words.append([])
        words[-1].append(numbered_to_marked(syllable.lower()))
    return " ".join("".join(w)[:1].upper() + "".join(w)[1:] for w in words)


def _cedict_person(entry: Any) -> Person:
    pinyin = _name_pinyin(entry.numbered)
    return Person(
        hanzi=entry.simplified,
        traditional=entry.traditional,
        pinyin=pinyin,
        english=entry.english or strip_tones(pinyin),
        source="cedict",
    )


class Knowledge:
    """People known to the house glossary and to CC-CEDICT, with indexes for the checker."""

    def __init__(self, glossary: Glossary | None, *, use_cedict: bool = True) -> None:
        self.glossary = glossary
        self.use_cedict = use_cedict

    @cached_property
    def house_people(self) -> tuple[Person, ...]:
        if self.glossary is None:
            return ()
        return tuple(_person_from_entry(e) for e in self.glossary.people())

    @cached_property
    def _house_by_fold(self) -> dict[str, list[Person]]:
        index: dict[str, list[Person]] = {}
        for person in self.house_people:
            keys = {fold_key(f) for f in person.forms}
            if person.pinyin:
                keys.add(fold_key(person.pinyin))
            for key in keys:
                if key:
                    index.setdefault(key, []).append(person)
        return index

    @cached_property
    def _house_by_hanzi(self) -> dict[str, list[Person]]:
        index: dict[str, list[Person]] = {}
        for person in self.house_people:
            for key in {person.hanzi, person.traditional}:
                index.setdefault(key, []).append(person)
        return index

    @cached_property
    def _house_by_surname(self) -> dict[str, list[Person]]:
        index: dict[str, list[Person]] = {}
        for person in self.house_people:
            if person.surname and person.given:
                index.setdefault(strip_tones(person.surname).casefold(), []).append(person)
        return index

    def house_by_surname(self, surname: str) -> list[Person]:
        """House people whose English surname is `surname` (tones and case aside)."""
        return list(self._house_by_surname.get(strip_tones(surname).casefold(), ()))

    @cached_property
    def _house_forms_by_words(self) -> dict[int, list[tuple[str, Person]]]:
        """(folded form, person) of every house form, by number of words, in glossary order."""
        index: dict[int, list[tuple[str, Person]]] = {}
        for person in self.house_people:
            for form in person.forms:
                index.setdefault(len(form.split()), []).append((fold_key(form), person))
        return index

    def house_near(self, name: str) -> Person | None:
        """The house person one slip away from `name`, a form of three or more words
        (`John Lee Ka-chui` for the alias `John Lee Ka-chiu`); None when none or several."""
        from glossary.check.mentions import similar_spelling

        key = fold_key(name)
        found = {
            person.hanzi: person
            for folded, person in self._house_forms_by_words.get(len(name.split()), ())
            if folded != key and similar_spelling(key, folded)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def names_house_hanzi(self, text: str) -> bool:
        """Whether some house person's characters occur in ``text`` (either script).

        A cheap test before segmenting a run with jieba, which costs a second or two
        to load: a house name jieba could find is a substring of the run.
        """
        from glossary.chars import simplify_char

        simplified = "".join(simplify_char(c) for c in text)
        return any(key in text or key in simplified for key in self._house_by_hanzi)

    def house_by_hanzi(self, hanzi: str) -> list[Person]:
        found = self._house_by_hanzi.get(hanzi)
        if found is None and self.glossary is not None:
            # traditional or mixed forms: the glossary converts (OpenCC) only when needed
            found = [_person_from_entry(e) for e in self.glossary.by_hanzi(hanzi) if _is_person(e)]
        return list(found or ())

    def by_hanzi(self, hanzi: str) -> list[Person]:
        """House entries for these characters; failing that, CC-CEDICT's people."""
        house = self.house_by_hanzi(hanzi)
        if house or not self.use_cedict:
            return house
        return [_cedict_person(e) for e in _cedict().by_hanzi(hanzi) if e.kind == "person"]

    def by_name(self, name: str, *, cedict: bool = True) -> list[Person]:
        """People written `name` in any spelling that folds the same (house first)."""
        key = fold_key(name)
        found = self._house_by_fold.get(key)
        if found:
            return list(found)
        if cedict and self.use_cedict and len(key) >= 4:
            return [
                _cedict_person(e)
                for e in _cedict().by_name(name)
                if e.kind == "person" and len(e.simplified) >= 2
            ]
        return []

    def people_named(self, name: str) -> list[Person]:
        """Every person, house glossary and CC-CEDICT together, written `name` in a spelling
        that folds the same: one per set of characters, house first (how many people a
        toneless name may be)."""
        found: dict[str, Person] = {}
        for person in self._house_by_fold.get(fold_key(name), ()):
            found.setdefault(person.hanzi, person)
        if self.use_cedict and len(fold_key(name)) >= 4:
            for entry in _cedict().by_name(name):
                if entry.kind == "person" and len(entry.simplified) >= 2:
                    found.setdefault(entry.simplified, _cedict_person(entry))
        return list(found.values())

    def house_by_english(self, name: str) -> list[Person]:
        """House people whose English form or alias is exactly `name` (case aside)."""
        if self.glossary is None:
            return []
        return [_person_from_entry(e) for e in self.glossary.by_english(name) if _is_person(e)]

    def house_terms(self, hanzi: str) -> bool:
        """Whether the house glossary lists these characters as a place, organisation or term."""
        if self.glossary is None:
            return False
        return any(not _is_person(e) for e in self.glossary.by_hanzi(hanzi))

    def segment(self, text: str) -> list[str]:
        """Cut a run of characters into words with jieba, the house glossary as user words."""
        from glossary.extract import tokens
        from glossary.house import Glossary

        glossary = self.glossary if self.glossary is not None else Glossary(())
        return [word for _, word, _ in tokens(text, glossary)]

    def frequency(self, hanzi: str) -> int | None:
        """How common a word or character is (jieba's count, via CC-CEDICT); None: unknown."""
        if not self.use_cedict:
            return None
        entries = _cedict().by_hanzi(hanzi)
        return max((e.frequency for e in entries), default=0)

    def is_known_term(self, latin: str) -> bool:
        """Whether CC-CEDICT knows this Latin spelling as a place or a term, not a person."""
        if not self.use_cedict:
            return False
        return any(e.kind != "person" for e in _cedict().by_name(latin))

    def is_word(self, hanzi: str) -> bool:
        """Whether CC-CEDICT lists these characters as an ordinary word or place, not a person."""
        if not self.use_cedict:
            return False
        return any(e.kind != "person" for e in _cedict().by_hanzi(hanzi))


def _is_person(entry: Entry) -> bool:
    return entry.kind.value == "person"


def load_knowledge(glossary_paths: Sequence[Path] = (), *, use_cedict: bool = True) -> Knowledge:
    """The house glossary (shipped files plus `glossary_paths`) and CC-CEDICT.

    One `Knowledge` per set of glossaries (as loaded, so an edited file is read again), so its
    indexes are built once for all the files of a run.
    """
    from glossary.house import default_paths, load_glossary

    paths = [*default_paths(), *glossary_paths]
    glossary = load_glossary(paths) if paths else None
    return _knowledge_for(glossary, use_cedict)


_KNOWLEDGE: dict[tuple[int, bool], tuple[object, Knowledge]] = {}


def _knowledge_for(glossary: Glossary | None, use_cedict: bool) -> Knowledge:
    key = (id(glossary), use_cedict)
    cached = _KNOWLEDGE.get(key)
    if cached is not None and cached[0] is glossary:
        return cached[1]
    knowledge = Knowledge(glossary, use_cedict=use_cedict)
    _KNOWLEDGE[key] = (glossary, knowledge)
    return knowledge


def looks_like_pinyin_word(word: str) -> bool:
    """Whether a written word reads as pinyin syllables (hyphens allowed between syllables)."""
    parts = unicodedata.normalize("NFC", word).split("-")
    return all(split_syllables(p, require_apostrophes=False) for p in parts if p)


class SurnameFacts(NamedTuple):
    """What the checker needs of a surname-table row (see glossary.surnames)."""

    hanzi: str
    readings: tuple[tuple[Syllable, ...], ...]  # preferred first
    ambiguous: bool

    @property
    def preferred(self) -> tuple[Syllable, ...]:
        return self.readings[0]


# The compiled surname table's layout (part of its cache key): each form's row as one string
# `hanzi|1 if ambiguous|reading;reading` (a reading: `ou1 yang2`), and every reading as one
# toneless word. Reading a few strings costs a fraction of building every row's records.
_SURNAME_LAYOUT = "rows-v1"


def _build_surname_digest() -> dict[str, object]:
    from glossary.surnames import surname_table

    index: dict[str, str] = {}
    for surname in surname_table():
        readings = ";".join(" ".join(f"{s.base}{s.tone}" for s in r) for r in surname.readings)
        row = f"{surname.hanzi}|{'1' if surname.ambiguous else ''}|{readings}"
        forms = sorted({surname.hanzi, surname.traditional, *surname.traditional_forms} - {""})
        index.setdefault(surname.hanzi, row)
        for form in forms:
            index.setdefault(form, row)
    spellings = {
        "".join(token[:-1] for token in reading.split())
        for row in index.values()
        for reading in row.split("|", 2)[2].split(";")
    }
    return {"index": index, "spellings": sorted(spellings)}


@cache
def _surname_digest() -> dict[str, Any]:
    """The surname table compiled once into the cache (see `_SURNAME_LAYOUT`).

    Parsing `surnames.tsv` validates every reading (hundreds of pinyin splits); the checker
    only needs the result, so it keeps a JSON copy keyed by the file's content (not its
    time: copies of the tree, as benches and other checkouts make, then share one cache
    file instead of replacing each other's on every run).
    """
    from glossary.resources import dictionaries_dir, load_compiled, sources_digest

    path = dictionaries_dir() / "surnames.tsv"
    try:
        key = sources_digest([path], salt=_SURNAME_LAYOUT)
    except OSError:
        key = "missing"
    data = load_compiled("checker-surname-rows", key, _build_surname_digest)
    assert isinstance(data, dict)
    return data


@lru_cache(maxsize=4096)
def _surname_row(row: str) -> SurnameFacts:
    from glossary.chars import syllable_of  # (imported by the checker already)

    hanzi, ambiguous, readings = row.split("|", 2)
    return SurnameFacts(
        hanzi,
        tuple(tuple(syllable_of(t) for t in reading.split()) for reading in readings.split(";")),
        bool(ambiguous),
    )


def surname_index() -> dict[str, SurnameFacts]:
    """The surname table by simplified and traditional forms (every row built: for one form
    `surname_of` is cheaper)."""
    return {form: _surname_row(row) for form, row in _surname_digest()["index"].items()}


@cache
def surname_spellings() -> frozenset[str]:
    """Every surname reading as one toneless word (`yang`, `ouyang`, `lü`)."""
    return frozenset(_surname_digest()["spellings"])


def surname_of(hanzi: str) -> SurnameFacts | None:
    row = _surname_digest()["index"].get(hanzi)
    return None if row is None else _surname_row(row)


def surname_prefixes(name: str) -> list[SurnameFacts]:
    """Surnames that `name` starts with, longest (compound) first."""
    index = _surname_digest()["index"]
    return [
        _surname_row(index[name[:n]]) for n in range(min(len(name), 3), 0, -1) if name[:n] in index
    ]
