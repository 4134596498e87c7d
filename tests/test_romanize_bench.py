"""The romanization benchmark's gold set is built as the issue says, without leakage."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from glossary.chars import readings
from glossary.pinyin import Syllable, split_syllables
from tests.bench_modules import load_bench


def _bench() -> Any:
    return load_bench("romanize_accuracy")


@cache
def _gold() -> dict[str, Any]:
    return {case.hanzi: case for case in _bench().cedict_gold()}


def _syllables(gold: str) -> list[Syllable]:
    return [s for part in re.split("[ -]", gold) for s in split_syllables(part) or []]


def test_gold_forms_are_tone_marked_and_formatted() -> None:
    gold = _gold()
    assert len(gold) > 800
    for case in gold.values():
        words = case.gold.split(" ")
        assert len(words) == 2, case
        assert all(part[:1].isupper() for part in re.split("[ -]", case.gold)), case
        syllables = _syllables(case.gold)
        assert len(syllables) == len(case.hanzi), case
        assert all(s.tone for s in syllables), case
        assert ("-" in words[0]) == case.double, case


def test_gold_holds_people_only() -> None:
    gold = _gold()
    for not_a_person in ("东德", "后唐", "东吴", "南朝", "楚汉战争", "拓跋魏"):
        assert not_a_person not in gold
    assert "林郑" not in gold  # a short form; the full name is 林郑月娥
    assert "刘毅" in gold  # "Western Jin dynasty" later in the gloss does not make it a polity


def test_gold_writes_a_double_surname_with_a_hyphen() -> None:
    case = _gold()["陈方安生"]
    assert case.gold == "Chén-Fāng Ānshēng" and case.double


def test_gold_readings_are_mostly_known_readings() -> None:
    """A reading the character table lacks is CC-CEDICT's (徐继畲 yú): few, and listed here."""
    unknown = {
        char
        for case in _gold().values()
        for char, syllable in zip(case.hanzi, _syllables(case.gold), strict=True)
        if syllable not in readings(char)
    }
    assert unknown <= {"畲"}


@pytest.mark.parametrize(("name", "other"), [("利玛窦", "利马窦"), ("孙中山", "孙逸仙")])
def test_other_writings_of_the_same_person_do_not_leak(name: str, other: str) -> None:
    from glossary.romanize import _own_counts

    strict = _bench().own_counts_of_person(name)
    plain = _own_counts(name)
    other_chars = set(other) - set(name)
    assert other_chars & set(strict) and not other_chars & set(plain)


def test_a_different_person_with_the_same_english_name_is_not_left_out() -> None:
    # 刘向 (77-6 BC) and 刘翔 (1983-) are both "Liu Xiang": different people.
    assert "翔" not in _bench().own_counts_of_person("刘向")
