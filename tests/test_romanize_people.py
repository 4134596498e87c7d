"""The starter house glossary (dictionaries/people.toml): loads, and agrees with CC-CEDICT."""

from __future__ import annotations

import pytest

from glossary.house import Entry, Kind, System, load_glossary
from glossary.pinyin import format_name
from glossary.resources import dictionaries_dir
from glossary.romanize import Source, cedict_name_words, cedict_people, romanize

PATH = dictionaries_dir() / "people.toml"

# Where the glossary knowingly differs from CC-CEDICT's person entry.
CEDICT_DIFFERS = {
    "杨振宁": "CC-CEDICT has Zhènnìng; 宁 in his name is níng (Yáng Zhènníng)",
}


def _entries() -> list[Entry]:
    return list(load_glossary([PATH]).entries)


def test_starter_glossary_loads_with_the_seed_people() -> None:
    glossary = load_glossary([PATH])
    assert len(glossary.entries) >= 50
    assert glossary.by_hanzi("杨洁篪")[0].pinyin == "Yáng Jiéchí"
    assert glossary.by_hanzi("刘鹏宇")[0].pinyin == "Liú Péngyǔ"
    assert all(e.kind is Kind.PERSON and e.region for e in glossary.entries)


def _in_cedict() -> list[Entry]:
    return [e for e in _entries() if e.hanzi not in CEDICT_DIFFERS and cedict_people(e.hanzi)]


def test_most_entries_can_be_checked_against_cedict() -> None:
    assert len(_in_cedict()) >= 30


@pytest.mark.parametrize("entry", _in_cedict(), ids=lambda e: e.hanzi)
def test_entry_agrees_with_cedict(entry: Entry) -> None:
    people = cedict_people(entry.hanzi)
    forms = set()
    for person in people:
        words = cedict_name_words(person.numbered)
        assert words
        forms.add(format_name(words[0], [s for w in words[1:] for s in w]))
        assert person.traditional == entry.traditional
    pinyin = entry.pinyin.replace("-", " ") if entry.surname else entry.pinyin
    assert pinyin in forms or entry.pinyin in forms


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e.hanzi)
def test_romanize_returns_the_house_form(entry: Entry) -> None:
    glossary = load_glossary([PATH])
    result = romanize(entry.traditional, glossary=glossary)
    assert result.source is Source.HOUSE
    assert (result.pinyin, result.english) == (entry.pinyin, entry.english)
    assert len(result.syllables) == len(entry.hanzi)


def test_established_forms_are_not_pinyin() -> None:
    glossary = load_glossary([PATH])
    for hanzi, english in [
        ("蔡英文", "Tsai Ing-wen"),
        ("林郑月娥", "Carrie Lam"),
        ("孙中山", "Sun Yat-sen"),
    ]:
        (entry,) = glossary.by_hanzi(hanzi)
        assert entry.english == english
        assert entry.system is not System.PINYIN


def test_polyphonic_surnames_in_the_glossary_match_the_surname_table() -> None:
    for hanzi in ("曾庆红", "解振华", "单霁翔", "查良镛", "华国锋", "薄熙来", "令计划"):
        house = romanize(hanzi, glossary=load_glossary([PATH]))
        rules = romanize(hanzi, sources={Source.RULES})
        assert house.surname_syllables == rules.surname_syllables, hanzi
