"""The pinyin module: syllables, tone marks, apostrophes, ü, conversions."""

from __future__ import annotations

import re
import unicodedata

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


# Reference definitions of the string helpers, as first written (character by character):
# the fast paths (ASCII text, str.translate, a set test, one regex) must agree with them.
_LOOKALIKE_MARKS = {"\u0306": "\u030c", "\u0302": "\u030c", "\u0303": "\u0304"}
_LOOKALIKE_MARKS |= {"\u0305": "\u0304", "\u0341": "\u0301", "\u0340": "\u0300"}
_LOOKALIKE_CHARS = {"ɑ": "a", "ɡ": "g", "ı": "i"}
_TONES = "\u0304\u0301\u030c\u0300"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _reference_lookalikes(text: str) -> str:
    if not any(c in _LOOKALIKE_MARKS or c in _LOOKALIKE_CHARS for c in _nfd(text)):
        return text
    fixed = "".join(_LOOKALIKE_MARKS.get(c, _LOOKALIKE_CHARS.get(c, c)) for c in _nfd(text))
    return unicodedata.normalize("NFC", fixed)


_pinyin_like_text = st.text(
    st.sampled_from(
        [
            *"aeiouvüAEIOUÜnlgxzhXYZ -'’:25",
            *("á", "ǎ", "ă", "â", "ã", "ɑ", "ɡ", "ı", "Ǚ", "é", "\u0301", "\u0306", "\u0308"),
            *("ß", "\u0130", "\u212a", "ǅ", "ﬁ", "杨", "\t", "Ⅳ", "²"),
        ]
    ),
    max_size=12,
)


@given(_pinyin_like_text)
def test_string_helpers_agree_with_their_definitions(text: str) -> None:
    assert normalize_lookalikes(text) == _reference_lookalikes(text)
    assert has_tone_marks(text) == any(c in _TONES for c in _nfd(text))
    stripped = "".join(c for c in _nfd(text) if c not in _TONES)
    assert strip_tones(text) == unicodedata.normalize("NFC", stripped)
    lowered = _nfd(_reference_lookalikes(text).lower())
    kept = "".join(c for c in lowered if c.isascii() and (c.isalnum() or c == " "))
    assert ascii_fold(text) == re.sub(" +", " ", kept).strip()


@given(_pinyin_like_text, st.booleans())
def test_all_splits_are_stable_and_fresh(word: str, apostrophes: bool) -> None:
    """The splits are kept per word: the same answer each time, as new lists."""
    first = all_splits(word, require_apostrophes=apostrophes)
    first_copy = [list(split) for split in first]
    for split in first:
        split.append(Syllable("a", 1))  # a caller changing its lists changes nothing kept
    assert all_splits(word, require_apostrophes=apostrophes) == first_copy


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Xian", [["xian"], ["xi", "an"]]),  # without apostrophes both readings
        ("Lvliang", [["lü", "liang"], ["lü", "li", "ang"]]),  # v for ü after l/n
        ("XIAN", [["xian"], ["xi", "an"]]),
        ("Jiechi", [["jie", "chi"], ["ji", "e", "chi"]]),
    ],
)
def test_plain_words_split_as_lettered_ones(word: str, expected: list[list[str]]) -> None:
    splits = all_splits(word, require_apostrophes=False)
    assert sorted([s.base for s in split] for split in splits) == sorted(expected)


def test_syllable_is_a_record_of_base_and_tone() -> None:
    """Equality, order, hash and text as before (a frozen dataclass then)."""
    syllable = Syllable("jie", 2)
    assert syllable == Syllable("jie", 2) != Syllable("jie", 3)
    assert sorted([Syllable("yang", 2), Syllable("jie", 4), Syllable("jie", 2)]) == [
        Syllable("jie", 2),
        Syllable("jie", 4),
        Syllable("yang", 2),
    ]
    assert len({Syllable("jie", 2), Syllable("jie", 2)}) == 1
    assert str(syllable) == syllable.marked == "jié"
    assert repr(syllable) == "Syllable(base='jie', tone=2)"
    assert syllable.numbered == "jie2" and syllable.plain == "jie"
