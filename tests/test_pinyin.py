"""The pinyin module: syllables, tone marks, apostrophes, ü, conversions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.pinyin import (
    SYLLABLES,
    Syllable,
    all_splits,
    ascii_fold,
    format_name,
    format_numbered,
    has_tone_marks,
    join_syllables,
    mark_vowel,
    marked_to_numbered,
    normalize_lookalikes,
    numbered_to_marked,
    parse_syllable,
    split_syllables,
    strip_tones,
    tone_marks_well_placed,
)


def syl(text: str) -> Syllable:
    parsed = parse_syllable(text)
    assert parsed is not None, text
    return parsed


@pytest.mark.parametrize(
    ("base", "tone", "expected"),
    [
        ("yang", 2, "yáng"),  # a wins
        ("jie", 2, "jié"),  # e wins
        ("zhou", 1, "zhōu"),  # o of ou
        ("liu", 2, "liú"),  # otherwise the last vowel
        ("gui", 4, "guì"),
        ("lü", 3, "lǚ"),
        ("lüe", 4, "lüè"),
        ("er", 4, "èr"),
        ("ma", 0, "ma"),  # neutral tone unmarked
    ],
)
def test_tone_mark_placement(base: str, tone: int, expected: str) -> None:
    assert mark_vowel(base, tone) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jié", Syllable("jie", 2)),
        ("jie2", Syllable("jie", 2)),
        ("lv3", Syllable("lü", 3)),
        ("lu:3", Syllable("lü", 3)),
        ("LǙ", Syllable("lü", 3)),
        ("ma5", Syllable("ma", 0)),
        ("YANG", Syllable("yang", 0)),
    ],
)
def test_parse_syllable_forms(text: str, expected: Syllable) -> None:
    assert parse_syllable(text) == expected


@pytest.mark.parametrize("text", ["Tsai", "Ching", "jíe2", "xyz", "", "ab", "jiě2"])
def test_parse_syllable_rejects(text: str) -> None:
    assert parse_syllable(text) is None


def test_misplaced_tone_mark_only_accepted_leniently() -> None:
    assert parse_syllable("jíe") is None
    assert parse_syllable("jíe", strict=False) == Syllable("jie", 2)
    assert not tone_marks_well_placed("Jíechí", split_syllables("Jíechí") or [])
    assert tone_marks_well_placed("Jiéchí", split_syllables("Jiéchí") or [])


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Jiéchí", ["jié", "chí"]),
        ("Péngyǔ", ["péng", "yǔ"]),
        ("Xī'ān", ["xī", "ān"]),
        ("Xī’ān", ["xī", "ān"]),  # typographic apostrophe
        ("xian", ["xian"]),  # xi'an would need the apostrophe
        ("Fangan", ["fan", "gan"]),  # fang'an would need the apostrophe
        ("Ōuyáng", ["ōu", "yáng"]),
        ("jie2chi2", ["jié", "chí"]),
        ("Hǎi'ōu", ["hǎi", "ōu"]),
    ],
)
def test_split_syllables(word: str, expected: list[str]) -> None:
    syllables = split_syllables(word)
    assert syllables is not None
    assert [s.marked for s in syllables] == expected


@pytest.mark.parametrize("word", ["Tsai", "Ching", "Jie-chi", "Jiechei", "Lee", "hello", "'an"])
def test_split_syllables_rejects_non_pinyin(word: str) -> None:
    assert split_syllables(word) is None


def test_missing_apostrophe_found_only_leniently() -> None:
    assert split_syllables("Haiou") is None
    assert [s.base for s in all_splits("Haiou", require_apostrophes=False)[0]] == ["hai", "ou"]


def test_join_inserts_apostrophes_before_a_o_e() -> None:
    assert join_syllables([syl("xi1"), syl("an1")]) == "xī'ān"
    assert join_syllables([syl("you3"), syl("ai4")]) == "yǒu'ài"
    assert join_syllables([syl("ping2"), syl("an1")], tones=False) == "ping'an"
    assert join_syllables([syl("jie2"), syl("chi2")]) == "jiéchí"


def test_format_name() -> None:
    assert format_name([syl("yang2")], [syl("jie2"), syl("chi2")]) == "Yáng Jiéchí"
    assert format_name([syl("ou1"), syl("yang2")], [syl("xiu1")]) == "Ōuyáng Xiū"
    assert format_name([syl("lü3")], [syl("he2"), syl("ping2")], tones=False) == "Lü Heping"
    assert format_numbered([syl("yang2")], [syl("jie2"), syl("chi2")]) == "Yang2 Jie2chi2"
    assert format_name([syl("wang2")], []) == "Wáng"


def test_conversions() -> None:
    assert numbered_to_marked("yang2 jie2chi2") == "yáng jiéchí"
    assert numbered_to_marked("Lv3 and 3 apples") == "Lǚ and 3 apples"
    assert marked_to_numbered("Yáng Jiéchí") == "Yang2 Jie2chi2"
    assert strip_tones("Lǚ Xī'ān") == "Lü Xi'an"
    assert ascii_fold("Lǚ Xī'ān") == "lu xian"
    assert ascii_fold("Tsai Ing-wen") == "tsai ingwen"
    assert has_tone_marks("Yáng") and not has_tone_marks("Yang")


def test_lookalike_diacritics() -> None:
    assert normalize_lookalikes("Lĭ Kĕqiăng") == "Lǐ Kěqiǎng"
    assert normalize_lookalikes("Yáng") == "Yáng"


_syllables = st.builds(
    Syllable, st.sampled_from(sorted(SYLLABLES)), st.integers(min_value=0, max_value=4)
)


@given(_syllables)
def test_marked_and_numbered_round_trip(syllable: Syllable) -> None:
    assert parse_syllable(syllable.marked) == Syllable(syllable.base, syllable.tone)
    assert parse_syllable(syllable.numbered) == syllable


@given(st.lists(_syllables, min_size=1, max_size=4))
def test_joined_words_split_back(syllables: list[Syllable]) -> None:
    word = join_syllables(syllables)
    splits = all_splits(word)
    assert syllables in splits
    assert strip_tones(word) == join_syllables(syllables, tones=False)


@given(st.lists(_syllables, min_size=1, max_size=2), st.lists(_syllables, max_size=3))
def test_format_name_numbered_round_trip(surname: list[Syllable], given_: list[Syllable]) -> None:
    marked = format_name(surname, given_)
    assert numbered_to_marked(marked_to_numbered(marked)).replace("'", "") == marked.replace(
        "'", ""
    )
