"""What the repairer costs a cold `glossary lint`: what it imports, and shortcuts that must
agree with what they replace (cached patterns and code-page tables)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest


def _new_modules(script: str) -> set[str]:
    """Modules a fresh process imports running ``script`` after what lint has loaded
    by the time the mojibake rule runs (the checker's own modules and stdlib)."""
    code = (
        "import sys, json, re, typing, enum, functools, collections, bisect, unicodedata\n"
        "import glossary.records, glossary.resources, glossary.chars, glossary.pinyin\n"
        "before = set(sys.modules)\n"
        f"{script}\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_importing_the_repairer_loads_only_its_own_modules() -> None:
    # No dataclasses (+inspect, ast, dis...), codecs, math, hashlib: ~20 ms once.
    new = _new_modules("import glossary.repair")
    assert new, "the repairer was imported before the test ran"
    assert {m for m in new if not m.startswith("glossary.repair")} == set()
    # Choosing among lost bytes' candidates and U+FFFD runs wait until a text needs them.
    assert not {"glossary.repair.context", "glossary.repair.lost"} & new


def test_a_document_of_seed_mojibake_loads_no_gbk_codec_and_no_lost_module() -> None:
    # Quotes through the seed's chain (“ is โ€œ) pair up like GBK read as cp1252 (€œ):
    # rejected before decoding, since GBK's 80 is one byte.
    script = (
        "from glossary.repair import repair_text\n"
        "from glossary.repair.charmaps import corrupt_seed\n"
        "clean = 'He said “Yáng Jiéchí 杨洁篪 met Wáng Yì 王毅” in Rome.\\n'\n"
        "assert repair_text(corrupt_seed(clean))[0] == clean\n"
    )
    new = _new_modules(script)
    assert "glossary.repair.context" in new  # pieces were found and chosen among
    assert not {"encodings.gbk", "encodings.gb18030", "glossary.repair.lost"} & new


def test_cached_patterns_equal_re_compile(tmp_path: Path, monkeypatch: Any) -> None:
    from glossary.repair import context, double, seed, windows1252

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    modules = (context, double, seed, windows1252)
    for module in modules:
        module._patterns.cache_clear()
    try:
        for _ in ("cold", "warm"):
            for module in modules:
                for name, compiled in module._patterns().items():
                    assert compiled == re.compile(compiled.pattern), (module.__name__, name)
                module._patterns.cache_clear()
        assert len(list(tmp_path.glob("regexes-repair-*.json"))) == len(modules)
    finally:
        for module in modules:
            module._patterns.cache_clear()


def test_code_page_halves_from_the_cache_are_pythons(tmp_path: Path, monkeypatch: Any) -> None:
    from glossary.repair import charmaps

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    expected = {
        cp: bytes(range(0x80, 0x100)).decode(cp, errors="replace") for cp in ("cp1252", "cp874")
    }
    assert charmaps._high_halves() == expected  # built and written
    (cached,) = tmp_path.glob("repair-code-pages-*.json")
    assert charmaps._high_halves() == expected  # read back
    cached.write_text('{"cp1252": "short"}', encoding="utf-8")
    assert charmaps._high_halves() == expected  # a broken file is not believed
    assert expected == charmaps._HIGH_HALVES


@pytest.mark.parametrize(
    "run",
    ["€œ", "€™", "ˆ˜", "µÄ", "ÊÛ", "Ñî½à", "¡°"],
)
def test_gbk_runs_rejected_early_agree_with_decoding(run: str) -> None:
    """A pair with no GBK lead byte, or a lone pair away from a Latin word: nothing, as
    the decoding would have concluded."""
    from glossary.repair import double

    for before, after in ((" ", " "), ("a", " "), (" ", "b"), ("a", "b")):
        text = f"x{before}{run}{after}y"
        got = double._gbk_as_cp1252(text, 2, run)
        data = bytes(double.CP1252_ENCODE.get(c, ord(c)) for c in run)
        try:
            decoded = data.decode("gbk")
        except UnicodeDecodeError:
            decoded = ""
        if len(decoded) * 2 != len(run):
            assert got == []
        glued = before.isalnum() or after.isalnum()
        if not glued and len(run) == 2:
            assert got == []
