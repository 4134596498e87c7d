"""The compiled copy of pypinyin's in-context readings answers exactly as pypinyin does."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from pypinyin import Style, pinyin
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from glossary import phrases
from glossary.phrases import pypinyin_context


def _no_reading(chars: str) -> Any:
    return [""] * len(chars)


def _pypinyin(text: str) -> list[list[str]]:
    return pinyin(text, style=Style.TONE3, heteronym=False, errors=_no_reading)


def test_phrases_single_characters_and_other_pairs_read_as_pypinyin_reads_them() -> None:
    rng = random.Random(11)
    chars = [chr(code) for code in pinyin_dict]
    two = sorted(p for p in phrases_dict if len(p) == 2)
    longer_starts = sorted({p[:2] for p in phrases_dict if len(p) > 2} - set(phrases_dict))
    cases = [
        "朝阳",
        "淑仪",
        "建奎",
        "馥莉",
        *rng.sample(chars, 3000),
        *rng.sample(two, 3000),
        *rng.sample(longer_starts, 2000),  # begin a longer phrase: read char by char
        *(rng.choice(chars) + rng.choice(chars) for _ in range(5000)),
    ]
    for text in cases:
        assert pypinyin_context(text) == _pypinyin(text), text


def test_what_the_cache_cannot_answer_is_left_to_pypinyin() -> None:
    assert pypinyin_context("刘淑仪") is None  # three characters: pypinyin segments them
    assert pypinyin_context("x朝") is None
    assert pypinyin_context("") is None


def test_a_lookup_does_not_import_pypinyin() -> None:
    pypinyin_context("朝阳")  # the cache exists now
    script = (
        "import sys\n"
        "from glossary.phrases import pypinyin_context\n"
        "assert pypinyin_context('朝阳') == [['zhao1'], ['yang2']]\n"
        "print('pypinyin' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_without_a_writable_cache_pypinyin_answers(tmp_path: Path, monkeypatch: Any) -> None:
    """Building the shards costs seconds: not worth it when they cannot be kept."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    phrases._cache_usable.cache_clear()
    try:
        assert phrases.pypinyin_context("朝阳") is None
    finally:
        phrases._cache_usable.cache_clear()
