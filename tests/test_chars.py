"""Character readings and script detection."""

from __future__ import annotations

from glossary.chars import (
    HAN_RUN_RE,
    Script,
    is_han,
    is_han_text,
    readings,
    script_of,
    to_simplified,
    to_traditional,
)
from glossary.pinyin import Syllable


def test_readings_include_surname_readings() -> None:
    assert Syllable("zeng", 1) in readings("曾")
    assert Syllable("ceng", 2) in readings("曾")
    assert readings("杨") == (Syllable("yang", 2),)
    assert readings("楊") == (Syllable("yang", 2),)  # traditional
    assert readings("a") == ()


def test_conversion_and_script() -> None:
    assert to_traditional("杨洁篪") == "楊潔篪"
    assert to_simplified("林鄭月娥") == "林郑月娥"
    assert script_of("杨洁篪") is Script.SIMPLIFIED
    assert script_of("楊潔篪") is Script.TRADITIONAL
    assert script_of("楊洁篪") is Script.MIXED
    assert script_of("王毅") is Script.NEUTRAL


def test_han_detection() -> None:
    assert is_han("杨") and not is_han("Y") and not is_han("ๆ")
    assert is_han_text("杨洁篪") and not is_han_text("杨 洁")
    assert [m.group(0) for m in HAN_RUN_RE.finditer("Yáng Jiéchí 杨洁篪, 𠮷野")] == [
        "杨洁篪",
        "𠮷野",
    ]
