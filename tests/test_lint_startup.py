"""Cold start of `glossary lint`: what a run may skip, and shortcuts that must agree with
the slow path they replace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from glossary.cedict import data_path
from glossary.house import _cedict_data_file


def test_house_cache_key_finds_the_cedict_file_as_cedict_does() -> None:
    assert _cedict_data_file() == data_path()


def _modules_after_lint(text: str, folder: Path) -> set[str]:
    """Modules imported by one in-process `glossary lint --no-cache` of `text`."""
    path = folder / "article.md"
    path.write_text(text, encoding="utf-8")
    script = (
        "import sys, io, contextlib\n"
        "from glossary.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['lint', '--no-cache', {str(path)!r}])\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_an_article_of_known_names_needs_neither_cedict_nor_pypinyin(tmp_path: Path) -> None:
    modules = _modules_after_lint(
        "Foreign Minister Wáng Yì 王毅 met Yáng Jiéchí 杨洁篪.\n", tmp_path
    )
    assert "glossary.check.mentions" in modules  # the checker did run
    assert not {"sqlite3", "pypinyin", "jieba", "glossary.cedict"} & modules


def test_ascii_text_holds_nothing_the_repairer_would_look_at() -> None:
    """GL001 returns before importing glossary.repair when the article is ASCII."""
    from glossary.repair import find_repairs
    from glossary.repair.engine import _fast_re, _prefilter
    from glossary.repair.lost import GBK_LOST_FIRST

    ascii_chars = "".join(map(chr, range(128)))
    assert _prefilter().search(ascii_chars) is None
    assert _fast_re().search(ascii_chars) is None
    assert not GBK_LOST_FIRST.isascii()
    assert find_repairs("Wang Yi met Yang Jiechi \x00\x7f in Rome.\n") == []


def test_regexes_from_the_cache_equal_re_compile(tmp_path: Path, monkeypatch: Any) -> None:
    import re

    from glossary import chars
    from glossary.repair import double, engine
    from glossary.resources import load_regex

    assert re.compile(f"[{chars.HAN_CLASS}]+") == chars.HAN_RUN_RE
    assert re.compile(f"[{chars.HAN_CLASS}]") == chars._HAN_CHAR_RE
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    patterns = {
        "fast": engine._fast_re().pattern,
        "prefilter": engine._prefilter().pattern,
        "trigger": double._trigger_re().pattern,
        "groups": r"(?P<word>[^\W\d_]+)(?:['’](s))?|\d{2,}",
    }
    for name, pattern in patterns.items():
        cold = load_regex(name, pattern)  # compiled and written
        warm = load_regex(name, pattern)  # read from the cache file
        for compiled in (cold, warm):
            assert compiled == re.compile(pattern)  # same flags, pattern and program
            assert compiled.groupindex == re.compile(pattern).groupindex
            assert compiled.groups == re.compile(pattern).groups
    assert load_regex("groups", patterns["groups"]).match("Xi’s").groups() == ("Xi", "s")


def test_a_corrupt_regex_cache_falls_back_to_re_compile(tmp_path: Path, monkeypatch: Any) -> None:
    import re

    from glossary.resources import load_regex

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    load_regex("broken", "a+b")
    for path in tmp_path.glob("regex-broken-*.json"):
        path.write_text('{"flags": 32, "code": [1, 2, 3], "groups": 0}', encoding="utf-8")
    assert load_regex("broken", "a+b") == re.compile("a+b")


def test_han_costs_from_the_cache_equal_the_direct_ones(tmp_path: Path, monkeypatch: Any) -> None:
    import random

    from glossary.repair import plausible

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    plausible._han_cost_table.cache_clear()
    try:
        everything = plausible._all_han()
        sample = [chr(c) for c in random.Random(5).sample(everything, 3000)]
        sample += list("杨洁篪王毅東賴谌𠮷〇")
        sample = [c for c in sample if plausible.is_han(c)]
        assert plausible._han_cost_table() is not None
        for char in sample:
            assert plausible._compiled_han_cost(char) == plausible._han_cost(char), char
        (table,) = tmp_path.glob("han-cost-*.bin")
        # A truncated table (an interrupted copy) is rebuilt, not misread.
        whole = table.read_bytes()
        table.write_bytes(whole[:-2])
        plausible._han_cost_table.cache_clear()
        assert plausible._compiled_han_cost("杨") == plausible._han_cost("杨")
        assert table.read_bytes() == whole
    finally:
        plausible._han_cost_table.cache_clear()


def test_han_costs_without_a_writable_cache(tmp_path: Path, monkeypatch: Any) -> None:
    from glossary.repair import plausible

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocked / "cache"))
    plausible._han_cost_table.cache_clear()
    try:
        assert plausible._han_cost_table() is None
        assert plausible._compiled_han_cost("杨") == plausible._han_cost("杨")
    finally:
        plausible._han_cost_table.cache_clear()


def test_lean_sha256_is_hashlibs() -> None:
    import hashlib

    from glossary.resources import sha256

    for data in (b"", b"abc", "杨洁篪".encode(), bytes(range(256)) * 300):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    digest = sha256(b"ab")
    digest.update(b"c")
    assert digest.hexdigest() == hashlib.sha256(b"abc").hexdigest()


def test_result_cache_fingerprint_covers_every_module_and_data_file() -> None:
    """The scandir walk names exactly the files Path.rglob would (the way it was found)."""
    import glossary
    from glossary.commands.lint import _code_and_data_fingerprint
    from glossary.resources import dictionaries_dir

    package = Path(glossary.__file__).resolve().parent
    expected = {str(p) for p in package.rglob("*.py")}
    expected |= {str(p) for p in dictionaries_dir().iterdir() if p.is_file()}
    parts = _code_and_data_fingerprint().split(";")[1:]
    assert {part.rsplit(":", 2)[0] for part in parts} == expected
    assert len(parts) == len(expected)


def test_result_cache_prune_drops_the_oldest_beyond_keep(tmp_path: Path, monkeypatch: Any) -> None:
    import os

    from glossary.commands.lint import _ResultCache

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cache = _ResultCache()
    cache.folder.mkdir(parents=True)
    for age in range(6):
        path = cache.folder / f"{age}.json"
        path.write_text("[]", encoding="utf-8")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))  # 5.json is the oldest
    (cache.folder / "note.txt").write_text("not a result", encoding="utf-8")
    cache.prune(keep=3)  # nothing written in this run: nothing pruned
    assert len(list(cache.folder.glob("*.json"))) == 6
    cache.written = 1
    cache.prune(keep=3)
    assert sorted(p.name for p in cache.folder.iterdir()) == [
        "0.json",
        "1.json",
        "2.json",
        "note.txt",
    ]


def test_the_han_cost_table_covers_exactly_is_han() -> None:
    """The table's ranges and `is_han` (its hot test, written out) name the same characters:
    a drift would price characters from the wrong slot."""
    from glossary.repair import plausible

    for first, end in plausible._HAN_RANGES:
        for code in (first - 1, first, end - 1, end):
            inside = any(a <= code < b for a, b in plausible._HAN_RANGES)
            assert plausible.is_han(chr(code)) is inside, hex(code)
