"""Regular expressions read from the user cache (`glossary.resources.load_regexes`) are the
ones `re.compile` makes, and a damaged cache file falls back to compiling."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from glossary.resources import load_regexes

PATTERNS = {
    "groups": r"(?P<word>[^\W\d_]+)(?:['’](s))?|\d{2,}",
    "dotall": r"(?s)\A(---)[ \t]*\n.*?\n\1",
    "class": r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+",
}


def test_bundled_patterns_equal_re_compile(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cold = load_regexes("test", PATTERNS)  # compiled and written
    warm = load_regexes("test", PATTERNS)  # read from the one cache file
    assert len(list(tmp_path.glob("regexes-test-*.json"))) == 1
    for compiled in (cold, warm):
        assert compiled.keys() == PATTERNS.keys()
        for key, pattern in PATTERNS.items():
            assert compiled[key] == re.compile(pattern)
            assert compiled[key].groupindex == re.compile(pattern).groupindex
    assert warm["groups"].match("Xi’s").groups() == ("Xi", "s")
    assert warm["dotall"].match("---\nx\n---") is not None


def test_a_changed_pattern_is_compiled_afresh(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    load_regexes("test", {"a": "a+b"})
    load_regexes("test", {"a": "a+c"})
    changed = load_regexes("test", {"a": "a+d"})
    assert changed["a"] == re.compile("a+d")
    # the oldest stale file pruned; the previous version kept for another install's sake
    assert len(list(tmp_path.glob("regexes-test-*.json"))) == 2


def test_a_damaged_cache_falls_back_to_re_compile(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    load_regexes("broken", {"a": "a+b", "b": "c"})
    for path in tmp_path.glob("regexes-broken-*.json"):
        path.write_text('{"a": {"flags": 32, "code": [1, 2, 3], "groups": 0}}', encoding="utf-8")
    again = load_regexes("broken", {"a": "a+b", "b": "c"})
    assert again == {"a": re.compile("a+b"), "b": re.compile("c")}


def test_the_checker_modules_patterns_are_re_compiles() -> None:
    """Each module's patterns, as read from the cache, are what `re.compile` makes of them."""
    from glossary import chars, pinyin
    from glossary.check import document, mentions
    from glossary.check.rules import orthography, people

    for module in (chars, pinyin, document, mentions, orthography, people):
        for key, compiled in module._PATTERNS.items():
            assert compiled == re.compile(compiled.pattern), (module.__name__, key)


def test_a_regex_table_is_re_compiles_with_flags(tmp_path: Path, monkeypatch: Any) -> None:
    from glossary.resources import load_regex_table

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    table = [("abc", int(re.I)), (r"^x.(?P<y>y)$", int(re.M | re.S)), (r"\w+", 0)]
    calls: list[int] = []

    def record() -> list[tuple[str, int]]:
        calls.append(1)
        return table

    for _ in range(2):  # recorded and compiled, then read back without recording
        found = load_regex_table("test", "k1", record)
        assert [(p, f) for p, f, _ in found] == table
        for pattern, flags, compiled in found:
            assert compiled == re.compile(pattern, flags)
            assert compiled.flags == re.compile(pattern, flags).flags
    assert calls == [1]

    def broken() -> list[tuple[str, int]]:
        raise RuntimeError("no")

    assert load_regex_table("test", "k2", broken) == []
