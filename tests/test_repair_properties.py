"""Invariants: clean text is left alone, repair is idempotent, spans slice back to the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.repair import apply_repairs, find_repairs, repair_text
from glossary.repair.charmaps import (
    corrupt_cp1252,
    corrupt_double,
    corrupt_latin1,
    corrupt_seed,
)

# Real words in the scripts an English-language China desk meets.
WORDS = [
    # English, with curly quotes, dashes and bullets
    "Beijing",
    "said",
    "the",
    "talks",
    "“frank”",
    "it’s",
    "—",
    "–",
    "•",
    "…",
    "U.S.",
    "2023",
    "minister’s",
    "(Reuters)",
    "€12",
    "naïve",
    "café",
    # tone-marked pinyin
    "Yáng",
    "Jiéchí",
    "Liú",
    "Péngyǔ",
    "Lǚ",
    "Xī’ān",
    "Zhāng",
    "Wáng",
    "Lǐ",
    "Qiáng",
    "Nǚ",
    "Guǎngzhōu",
    "Shēnzhèn",
    "Hé",
    "Lìfēng",
    "Mǎ",
    "Ōuyáng",
    # Chinese
    "杨洁篪",
    "刘鹏宇",
    "何立峰",
    "国务院",
    "经贸磋商",
    "外交部",
    "发言人",
    "表示，",
    "“坦率”",
    "。",
    "、",
    "《人民日报》",
    "賴清德",
    "臺灣",
    "香港特區",
    # Thai (ๆ is a real Thai character)
    "ภาษาไทย",
    "วันนี้",
    "ดีมาก",
    "ๆ",
    "กรุงเทพฯ",
    "ร้านกาแฟ",
    "เด็ก",
    "รก",
    # Cyrillic, Greek
    "Привет",
    "Москва",
    "«откровенно»",
    "съезд",
    "Ελλάδα",
    # accented Latin
    "São",
    "Paulo",
    "ação",
    "Müller",
    "Straße",
    "Bogotá",
    "señor",
    "¿Será?",
    "Hà",
    "Nội",
    "À",
    "Genève",
    "l’ambiance",
    "Ærø",
    "Øresund",
    "Đà",
    "Nẵng",
    "Ñandú",
    "ÉCOLE",
    "½",
    "°C",
    "№5",
    "±2",
    "¿",
    "¡",
    "Œuvre",
    "ß",
    "µm",
    # Japanese, Korean
    "東京",
    "ひらがな",
    "カタカナ",
    "서울",
    "한국어",
]
# "" glues two words: mojibake next to clean text of another script.
SEPARATORS = [" ", " ", " ", "\n", ", ", ": ", "\n\n", "\u00a0", ""]
CORRUPTIONS = [
    corrupt_seed,
    corrupt_cp1252,
    corrupt_latin1,
    lambda t: corrupt_cp1252(t, times=2),
    lambda t: corrupt_cp1252(t, strict=True),
    lambda t: corrupt_double(t, "gb18030"),
    lambda t: corrupt_double(t, "big5"),
]


@st.composite
def clean_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    out = []
    for word, after in zip(words, [*words[1:], ""], strict=True):
        out.append(word)
        separator = draw(st.sampled_from(SEPARATORS))
        if not separator and (_thai(word) or _thai(after)):
            # Thai glued to a Latin word is exactly what the seed's mojibake of
            # an accented letter looks like (รก is á); such text is not clean.
            separator = " "
        out.append(separator)
    return "".join(out)


def _thai(word: str) -> bool:
    return any("\u0e00" <= c <= "\u0e7f" for c in word)


@st.composite
def damaged_texts(draw: st.DrawFn) -> str:
    """Clean text with some words (or the whole) put through one broken pipeline."""
    text = draw(clean_texts())
    corrupt = draw(st.sampled_from(CORRUPTIONS))
    if draw(st.booleans()):
        return corrupt(text)
    words = text.split(" ")
    hits = draw(st.sets(st.integers(0, len(words) - 1)))
    return " ".join(corrupt(w) if k in hits else w for k, w in enumerate(words))


# Derandomized so CI runs the same examples every time (longer random searches
# found the cases pinned below).
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(clean_texts())
def test_clean_text_is_unchanged(text: str) -> None:
    assert repair_text(text) == (text, [])


@SETTINGS
@given(damaged_texts())
def test_repair_is_idempotent_and_spans_slice_back(text: str) -> None:
    repairs = find_repairs(text)
    previous_end = 0
    for repair in repairs:
        assert text[repair.start : repair.end] == repair.original
        assert repair.start >= previous_end  # ordered, never overlapping
        previous_end = repair.end
        assert 0.0 <= repair.confidence <= 1.0
        assert repair.recoverable == repair.changes
    once = apply_repairs(text, repairs)
    twice, again = repair_text(once)
    assert twice == once
    assert not any(r.changes for r in again)
    assert find_repairs(text) == repairs  # deterministic


@SETTINGS
@given(clean_texts())
def test_windows_1252_mojibake_comes_back_exactly(text: str) -> None:
    for corrupt in (corrupt_cp1252, corrupt_latin1, lambda t: corrupt_cp1252(t, times=2)):
        assert repair_text(corrupt(text))[0] == text


def test_a_lone_gbk_no_break_space_stays_put_on_a_second_pass() -> None:
    # Found by a longer random search: Big5 read 聽 as ť once its neighbours were repaired.
    once = repair_text("鈥斅燲墨鈥櫮乶聽")[0]
    assert repair_text(once)[0] == once
