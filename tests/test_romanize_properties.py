"""Invariants of romanize() over generated names (hypothesis)."""

from __future__ import annotations

from functools import cache

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glossary.chars import readings
from glossary.pinyin import SYLLABLES, join_syllables, marked_to_numbered, split_syllables
from glossary.romanize import Source, acceptable_readings, romanize
from glossary.surnames import surname_table


@cache
def _surnames() -> tuple[str, ...]:
    return tuple(s.hanzi for s in surname_table())


@cache
def _given_chars() -> tuple[str, ...]:
    """Common characters (the first block of CJK ideographs) that have a known reading."""
    return tuple(chr(code) for code in range(0x4E00, 0x9FA6) if readings(chr(code)))


names = st.builds(
    lambda surname, given: surname + "".join(given),
    st.sampled_from(_surnames()),
    st.lists(st.sampled_from(_given_chars()), min_size=1, max_size=2),
)
sources = st.sampled_from([frozenset({Source.RULES}), frozenset(Source)])


@settings(max_examples=150, deadline=None)
@given(names, sources)
def test_every_syllable_is_valid_and_a_reading_of_its_character(
    name: str, chosen: frozenset[Source]
) -> None:
    result = romanize(name, sources=chosen)
    syllables = result.syllables
    assert len(syllables) == len(result.simplified)
    options = acceptable_readings(name)
    for char, syllable, allowed in zip(result.simplified, syllables, options, strict=True):
        assert syllable.base in SYLLABLES
        assert syllable in allowed, f"{syllable.marked} for {char} in {name}"
    if chosen == {Source.RULES}:
        surname = surname_table().get(result.surname)
        if surname is not None:  # the surname reads as a surname
            assert result.surname_syllables in surname.readings


@settings(max_examples=150, deadline=None)
@given(names, sources)
def test_numbered_and_marked_round_trip(name: str, chosen: frozenset[Source]) -> None:
    result = romanize(name, sources=chosen)
    # A word of neutral syllables only carries no tone mark, so it reads back toneless.
    assume(all(s.tone for s in result.syllables))
    assert marked_to_numbered(result.pinyin) == result.numbered
    for word, numbered in zip(result.pinyin.split(), result.numbered.split(), strict=True):
        parsed = split_syllables(numbered, require_apostrophes=False)
        assert parsed is not None
        assert join_syllables(parsed) == word.lower()


@settings(max_examples=100, deadline=None)
@given(names)
def test_romanize_is_deterministic(name: str) -> None:
    assert romanize(name) == romanize(name)
    assert romanize(name, sources={Source.RULES}) == romanize(name, sources={Source.RULES})


@settings(max_examples=100, deadline=None)
@given(names)
def test_english_is_the_pinyin_without_tones_unless_the_house_says_otherwise(name: str) -> None:
    from glossary.pinyin import strip_tones

    result = romanize(name, sources={Source.CEDICT, Source.RULES})
    assert result.english == strip_tones(result.pinyin)
