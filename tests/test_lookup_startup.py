"""A cold `glossary lookup`: what it imports, its records without dataclasses, its cached keys."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import cedict as cedict_module
from glossary import lookup as lookup_module
from glossary.cedict import CedictEntry, fold_name, toneless_key
from glossary.house import load_glossary
from glossary.lookup import Lookup, Origin, Result, Tier, name_key, pinyin_key

SMALL = Path(__file__).parent / "fixtures" / "house" / "small.toml"


def _modules_after(args: list[str]) -> set[str]:
    probe = (
        "import sys, io, contextlib\n"
        "from glossary.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_a_cold_lookup_imports_no_heavy_standard_module() -> None:
    """dataclasses (+inspect, ast), hashlib, tempfile, gzip, threading and sqlite3's Python
    wrapper (+datetime) cost ~30 ms of a cold look-up; none of them is needed to answer, nor
    typing (the records' NamedTuple does without it) or argparse (the CLI's fast path)."""
    from glossary.cli import main

    assert main(["lookup", "--limit", "1", "Yang Jiechi"]) == 0  # the caches are built
    modules = _modules_after(["lookup", "Yang Jiechi"])
    assert "glossary.cedict" in modules and "_sqlite3" in modules  # the index was queried
    heavy = {"dataclasses", "inspect", "hashlib", "tempfile", "gzip", "threading", "datetime"}
    assert not heavy & modules
    assert not {"typing", "argparse"} & modules  # nor, on this path, any module of ours
    assert "sqlite3" not in modules


def test_lookup_help_does_not_open_the_index() -> None:
    modules = _modules_after(["lookup", "--help"])
    assert not {"_sqlite3", "sqlite3", "glossary.cedict", "glossary.lookup"} & modules


def test_cedict_entry_behaves_as_the_frozen_dataclass_did() -> None:
    plain = CedictEntry("西安", "西安", "Xi1 an1", ("Xi'an",))
    indexed = CedictEntry("西安", "西安", "Xi1 an1", ("Xi'an",), "place", "Xi'an", 7)
    assert plain == indexed and hash(plain) == hash(indexed)  # index fields not compared
    assert plain != CedictEntry("西安", "西安", "Xi1 an1", ("Xi'an", "other"))
    assert plain != ("西安", "西安", "Xi1 an1", ("Xi'an",))
    assert repr(indexed) == (
        "CedictEntry(traditional='西安', simplified='西安', numbered='Xi1 an1', "
        'definitions=("Xi\'an",))'
    )
    assert (indexed.known_kind, indexed.known_english, indexed.frequency) == ("place", "Xi'an", 7)
    with pytest.raises(AttributeError):
        indexed.numbered = "Xi1 an1"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del indexed.frequency
    for twin in (copy.copy(indexed), pickle.loads(pickle.dumps(indexed))):
        assert twin == indexed and twin.frequency == 7 and twin.known_kind == "place"


def test_result_behaves_as_the_frozen_dataclass_did() -> None:
    def make(entry: object = None, **changes: object) -> Result:
        fields: dict[str, object] = {
            "hanzi": "杨洁篪",
            "traditional": "楊潔篪",
            "pinyin": "Yáng Jiéchí",
            "english": "Yang Jiechi",
            "source": Origin.CEDICT,
            "definition": "d",
            "notes": "",
            "kind": "person",
            "match": "characters",
            "tier": Tier.EXACT,
            "score": 100.0,
        }
        fields.update(changes)
        return Result(**fields, entry=entry)  # type: ignore[arg-type]

    entry = CedictEntry("楊潔篪", "杨洁篪", "Yang2 Jie2 chi2", ("Yang Jiechi",))
    with_entry, without = make(entry), make()
    assert with_entry == without and hash(with_entry) == hash(without)  # entry not compared
    assert with_entry.aliases == () and with_entry.entry is entry
    assert make(score=99.0) != without and make(aliases=("Yang",)) != without
    assert repr(with_entry).startswith("Result(hanzi='杨洁篪', traditional='楊潔篪', ")
    assert repr(with_entry).endswith("score=100.0, aliases=())")  # no entry in the repr
    with pytest.raises(AttributeError):
        with_entry.score = 1.0  # type: ignore[misc]
    twin = pickle.loads(pickle.dumps(with_entry))
    assert twin == with_entry and twin.entry == entry


def test_the_cached_patterns_are_re_compiles() -> None:
    for name, pattern in lookup_module._PATTERNS.items():
        cached = lookup_module._regexes()[name]
        plain = re.compile(pattern)
        assert (cached.pattern, cached.flags, cached.groups) == (
            plain.pattern,
            plain.flags,
            plain.groups,
        )
    assert lookup_module._regexes()["tone-digit"].flags & re.IGNORECASE
    for name, cached in cedict_module._query_patterns().items():
        plain = re.compile(cached.pattern)
        assert (cached.flags, cached.groups, name) == (plain.flags, plain.groups, name)
    assert cedict_module._escape_glob("a?[b]*") == "a[?][[]b[]]*"


def _strings(count: int) -> tuple[list[str], list[str]]:
    pinyins = [f"Lǚ Xī'ān {i}" if i % 2 else f"Yáng Jiéchí{i}" for i in range(count)]
    forms = [f"Lyu Xi'an {i}" if i % 3 else f"Tsai Ing-wen {i}" for i in range(count)]
    return pinyins, forms


def test_house_keys_come_from_the_cache_and_equal_the_folding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    pinyins, forms = _strings(40)
    expected = ([pinyin_key(p) for p in pinyins], [name_key(f) for f in forms])
    assert expected[0][1] == toneless_key("lu xian 1") and expected[1][0] == fold_name(forms[0])
    assert lookup_module._house_keys(pinyins, forms) == expected  # built and stored
    assert list(tmp_path.glob("lookup-keys-*.json"))

    def unused(text: str) -> str:
        raise AssertionError("folded again although cached")

    with monkeypatch.context() as patch:
        patch.setattr(lookup_module, "pinyin_key", unused)
        patch.setattr(lookup_module, "name_key", unused)
        assert lookup_module._house_keys(pinyins, forms) == expected  # read back
        # another version of the folding code (an edit to lookup, cedict or pinyin): rebuilt
        patch.setattr(lookup_module, "_keys_code_stamp", lambda: "another version")
        with pytest.raises(AssertionError, match="folded again"):
            lookup_module._house_keys(pinyins, forms)


def test_a_damaged_keys_file_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    pinyins, forms = _strings(40)
    expected = lookup_module._house_keys(pinyins, forms)
    (cached,) = tmp_path.glob("lookup-keys-*.json")
    for damage in ('{"pinyin": ["x"], "name": []}', "[1, 2]", '{"pinyin": '):
        cached.write_text(damage, encoding="utf-8")
        assert lookup_module._house_keys(pinyins, forms) == expected


def test_small_glossaries_are_folded_without_a_cache_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    engine = Lookup(load_glossary([SMALL]))
    assert engine.search("Yang Jiechi")[0].hanzi == "杨洁篪"
    assert not list(tmp_path.glob("lookup-keys-*"))


def test_the_indexes_hold_every_entry_in_glossary_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    glossary = load_glossary()  # the shipped one: large enough to be cached
    for _ in range(2):  # built, then read from the cache
        engine = Lookup(glossary)
        by_pinyin: dict[str, list[object]] = {}
        by_name: dict[str, list[object]] = {}
        for entry in glossary.entries:
            by_pinyin.setdefault(pinyin_key(entry.pinyin), []).append(entry)
            for form in entry.english_forms:
                by_name.setdefault(name_key(form), []).append(entry)
        assert engine._by_pinyin == by_pinyin and list(engine._by_pinyin) == list(by_pinyin)
        assert engine._by_name == by_name and list(engine._by_name) == list(by_name)
    assert list(tmp_path.glob("lookup-keys-*.json"))
