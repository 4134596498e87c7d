"""CC-CEDICT: parsing, the compiled SQLite index and its cache, people and surnames."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from glossary import cedict as cedict_module
from glossary.cedict import (
    Cedict,
    CedictEntry,
    data_path,
    database_path,
    load_cedict,
    parse,
    person_name,
    syllable_tones,
    toneless_key,
)
from glossary.errors import DataError

HEADWORDS = {
    "楊潔篪", "蔡英文", "呂", "西安", "孫中山", "曾國藩", "王毅", "共同", "富裕", "中國",
    "你好", "一戰", "漢朝", "上海", "楊", "人權", "北京", "休", "臺北", "錫安", "女人",
    "習近平", "毛澤東", "鄧小平", "阿道司·赫胥黎", "五指山", "丁", "香港",
}  # fmt: skip


@pytest.fixture(scope="module")
def small_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real CC-CEDICT lines, taken from the installed data file."""
    lines = []
    with gzip.open(data_path(), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#!") or line.split(" ", 1)[0] in HEADWORDS:
                lines.append(line)
    path = tmp_path_factory.mktemp("cedict") / "mini.txt"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def mini(small_source: Path, cache: Path) -> Cedict:
    return Cedict(database_path(small_source))


def test_data_file_is_found_and_parses() -> None:
    path = data_path()
    assert path.name.endswith(".txt.gz")
    first = next(parse(path))
    assert first.definitions and first.numbered


def test_lookup_by_simplified_and_traditional(mini: Cedict) -> None:
    for text in ("杨洁篪", "楊潔篪"):
        (entry,) = mini.by_hanzi(text)
        assert entry.numbered == "Yang2 Jie2 chi2"
        assert entry.pinyin == "Yáng Jié chí"
        assert entry.is_person and entry.english == "Yang Jiechi"


def test_umlaut_and_surname(mini: Cedict) -> None:
    entries = mini.by_hanzi("吕")
    surname = next(e for e in entries if e.is_surname)
    assert surname.pinyin == "Lǚ" and surname.english == "Lü"
    assert any(not e.is_surname for e in entries)
    assert toneless_key("Lu:3") == toneless_key("lv3") == toneless_key("Lǚ") == "lu"


def test_people_and_surnames(mini: Cedict) -> None:
    people = {e.simplified for e in mini.people()}
    assert {"杨洁篪", "蔡英文", "孙中山", "曾国藩", "王毅", "阿道司·赫胥黎"} <= people
    assert not {"一战", "汉朝", "五指山", "上海", "共同"} & people
    surnames = {e.simplified for e in mini.surname_entries()}
    assert {"吕", "杨", "丁"} <= surnames
    assert all(e.is_surname for e in mini.surname_entries())


@pytest.mark.parametrize(
    ("definition", "name"),
    [
        ("Yang Jiechi (1950-), Chinese politician", "Yang Jiechi"),
        ("Dr Sun Yat-sen (1866-1925), first president", "Sun Yat-sen"),
        ("Tao Yuanming (c. 365-427), Jin dynasty poet", "Tao Yuanming"),
        ("Xu Fu (3rd century BC), court necromancer", "Xu Fu"),
        ("Xiang Yu the Conqueror (232-202 BC), warlord", "Xiang Yu the Conqueror"),
        ("World War I (1914-1918)", None),
        ("Han Dynasty (206 BC-220 AD)", None),
        ("Wuzhi Mountain (1,840 m), highest mountain in Hainan", None),
        ("Churkin (name)", None),
        ("East Germany (1945-1990)", None),
        ("Eastern Wu (222-280)", None),
        ("Later Tang of the Five Dynasties (923-936)", None),
        ("Chu-Han Contention (206-202 BC), power struggle", None),
        ("Emperor Ningzong of Southern Song (1168-1224)", "Emperor Ningzong of Southern Song"),
        ("surname Yang", None),
    ],
)
def test_person_name(definition: str, name: str | None) -> None:
    assert person_name(definition) == name


def test_toneless_and_wildcards(mini: Cedict) -> None:
    assert [e.simplified for e in mini.by_toneless("nihao")] == ["你好"]
    assert {e.simplified for e in mini.by_toneless("xian")} >= {"西安", "锡安"}
    assert {e.simplified for e in mini.glob_hanzi("*安")} >= {"西安", "锡安"}
    assert {e.simplified for e in mini.glob_hanzi("共*")} == {"共同"}
    assert {e.simplified for e in mini.glob_toneless("*jiechi")} == {"杨洁篪"}
    assert mini.glob_hanzi("[") == []  # GLOB specials are literal


def test_english_search(mini: Cedict) -> None:
    assert "人权" in {e.simplified for e in mini.search_english("human rights")}
    assert "休" in {e.simplified for e in mini.search_english("rest*")}
    assert mini.search_english("   ") == []
    assert [e.simplified for e in mini.by_name("tsai ing wen")] == ["蔡英文"]


def test_syllable_tones() -> None:
    assert syllable_tones("Lu:3 Jia1 min2") == (("lu", 3), ("jia", 1), ("min", 2))
    assert syllable_tones("ma5") == (("ma", 0),)


def test_cache_is_keyed_by_source_and_rebuilt_when_stale(
    small_source: Path, cache: Path, tmp_path: Path
) -> None:
    source = tmp_path / "copy.txt"
    source.write_text(small_source.read_text(encoding="utf-8"), encoding="utf-8")
    first = database_path(source)
    assert first.parent == cache and first.is_file()
    assert database_path(source) == first  # reused
    with source.open("a", encoding="utf-8") as handle:
        handle.write("測試 测试 [ce4 shi4] /to test/\n")
    second = database_path(source)
    assert second != first and not first.exists()  # stale index replaced
    assert Cedict(second).by_hanzi("测试")[0].definitions == ("to test",)
    assert not list(cache.glob(".*.tmp"))  # no temporary files left behind
    with sqlite3.connect(second) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["format"] == str(
            cedict_module.FORMAT_VERSION
        )


def test_malformed_source_names_file_and_line(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("# comment\n中國 中国 [Zhong1 guo2] /China/\nnot a line\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        database_path(source)
    assert (info.value.path, info.value.line) == (str(source), 3)
    assert not list(cache.glob("*.sqlite3")) and not list(cache.glob(".*"))  # nothing half-built


def test_entry_properties_without_index() -> None:
    entry = CedictEntry("西安", "西安", "Xi1 an1", ("Xi'an, sub-provincial city",))
    assert entry.is_place and entry.kind == "place" and entry.english == "Xi'an"
    assert entry.toneless == "xian"


def test_full_dictionary_loads() -> None:
    """The real index (built once into the user cache, as the CLI does)."""
    full = load_cedict()
    assert len(full) > 100_000
    assert full.by_hanzi("习近平")[0].english == "Xi Jinping"
    assert len(full.people()) > 1000
    assert len(full.surname_entries()) > 500


def test_a_damaged_index_is_rebuilt(small_source: Path, cache: Path) -> None:
    built = database_path(small_source)
    built.write_bytes(built.read_bytes()[:4096])  # cut short
    again = database_path(small_source)
    assert again == built and Cedict(again).by_hanzi("杨洁篪")


def test_load_cedict_checks_the_index_on_the_connection_it_keeps(
    small_source: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "own.txt"
    source.write_text(small_source.read_text(encoding="utf-8"), encoding="utf-8")
    built = database_path(source)

    def no_second_connection(path: Path) -> bool:
        raise AssertionError("checked on a connection of its own")

    with monkeypatch.context() as patch:
        patch.setattr(cedict_module, "_intact", no_second_connection)
        assert load_cedict(source).by_hanzi("杨洁篪")  # intact: opened once
    load_cedict.cache_clear()
    built.write_bytes(built.read_bytes()[:4096])  # cut short: rebuilt, as database_path does
    assert load_cedict(source).by_hanzi("杨洁篪") and built.stat().st_size > 4096
    load_cedict.cache_clear()
    with sqlite3.connect(built) as db:  # an index of another format version
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    db.close()
    assert load_cedict(source).by_hanzi("杨洁篪")
    with sqlite3.connect(built) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["format"] == str(
            cedict_module.FORMAT_VERSION
        )
    db.close()
    load_cedict.cache_clear()
