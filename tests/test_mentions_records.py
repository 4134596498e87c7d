"""The checker's mention records: plain classes with a dataclass's behaviour (constructor with
defaults, equality by field, repr without the passage), and `sequence_ratio` is difflib's."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from glossary.check.mentions import Kind, Mention, PersonInfo, sequence_ratio


def test_mention_defaults_equality_and_repr() -> None:
    mention = Mention(Kind.SURNAME, 3, 7)
    assert (mention.words, mention.hanzi, mention.hanzi_start, mention.layout) == ((), "", -1, "")
    assert mention.is_person and not mention.reversed and not mention.partial
    assert mention.known is None and mention.alignment is None and mention.passage is None
    same = Mention(Kind.SURNAME, 3, 7)
    assert mention == same and mention != Mention(Kind.SURNAME, 3, 8)
    same.person_key = "x"  # mutable, compared by value
    assert mention != same
    assert Mention(Kind.NAME, 0, 1, passage=None) != Mention(Kind.NAME, 0, 1, passage="p")  # type: ignore[arg-type]
    assert "passage" not in repr(mention) and repr(mention).startswith("Mention(kind=<Kind.SURNAME")


def test_person_info_gets_its_own_mention_list() -> None:
    first, second = PersonInfo("a"), PersonInfo("a")
    first.mentions.append(Mention(Kind.SURNAME, 0, 1))
    assert second.mentions == [] and first != second
    assert PersonInfo("b", surname="Wang") == PersonInfo("b", surname="Wang")
    assert repr(PersonInfo("b")).startswith("PersonInfo(key='b', mentions=[]")


@given(st.text("abcdefgh ", max_size=30), st.text("abcdefgh ", max_size=30))
def test_sequence_ratio_is_difflibs(a: str, b: str) -> None:
    assert sequence_ratio(a, b) == difflib.SequenceMatcher(None, a, b).ratio()


def test_sequence_ratio_of_long_strings_is_difflibs() -> None:
    a, b = "ab" * 150 + "xyz", "ba" * 140 + "xy"  # difflib's autojunk applies from 200
    assert sequence_ratio(a, b) == difflib.SequenceMatcher(None, a, b).ratio()


@given(st.text("abcdeio", max_size=14), st.text("abcdeio", max_size=14))
def test_similar_spelling_is_its_definition(a: str, b: str) -> None:
    """The letter-count shortcut decides as difflib's ratio would."""
    from glossary.check.mentions import _edit_distance_one, similar_spelling

    if not a or not b:
        expected = False
    elif a == b:
        expected = True
    elif min(len(a), len(b)) < 4:
        expected = False
    else:
        expected = _edit_distance_one(a, b) or (difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)
    assert similar_spelling(a, b) == expected
