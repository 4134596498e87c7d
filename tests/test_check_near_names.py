"""A near spelling of a known name is a slip only when the evidence says it is the same person."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text


def _spelling_findings(text: str) -> list[str]:
    return [text[f.start : f.end] for f in check_text(text) if f.code in ("GL301", "GL401")]


@pytest.mark.parametrize(
    ("known", "other"),
    [
        ("Li Qiang", "Li Jiang"),  # an initial changed: another valid name
        ("Li Qiang", "Li Xiang"),
        ("Li Qiang", "Li Qing"),  # a letter dropped from a one-syllable given name
        ("Wang Yang", "Wang Yong"),
        ("Mao Ning", "Mao Ling"),
        ("He Lifeng", "He Lifang"),  # a vowel changed in a two-syllable given name
    ],
)
def test_another_valid_pinyin_name_is_another_person(known: str, other: str) -> None:
    text = f"Premier {known} spoke on Monday. Later {other}, a shopkeeper, said prices were high."
    assert _spelling_findings(text) == []
    assert _spelling_findings(f"{other}, a shopkeeper, said prices were high.") == []


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("President Xi Jingping spoke.", "Xi Jingping"),  # a letter doubled inside a syllable
        ("Hu Jingtao led the party.", "Hu Jingtao"),
        ("Wen Jiaobao was premier.", "Wen Jiaobao"),
        ("Yang Jiechi arrived. Then Yang Jiechei spoke.", "Yang Jiechei"),  # not pinyin
        ("Yang Jiechi arrived. Then Yang Jie-chi spoke.", "Yang Jie-chi"),  # a hyphen
        ("Xi Jinping arrived. Then Xi Jinpign spoke.", "Xi Jinpign"),
    ],
)
def test_a_slip_of_a_known_name_is_still_reported(text: str, slip: str) -> None:
    assert slip in _spelling_findings(text)


def test_the_same_role_makes_a_valid_near_spelling_the_same_person() -> None:
    text = "Premier Li Qiang spoke on Monday. On Tuesday Premier Li Jiang visited Shanghai."
    assert _spelling_findings(text) == ["Li Jiang"]
    other_role = "Premier Li Qiang spoke on Monday. On Tuesday Professor Li Jiang disagreed."
    assert _spelling_findings(other_role) == []
