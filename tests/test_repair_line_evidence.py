"""A lone character read as GBK/Big5 mojibake when its own line shows the pipeline.

A glued letter repaired on the line (``Gen猫ve``: è) is evidence for the lone
two-byte characters beside it (``脌``: À, ``芦``: «); without it, or on another
line, or through another chain, a lone Han character is genuine text.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest

from glossary.repair import double, repair_text
from glossary.repair.charmaps import corrupt_cp1252, corrupt_double

GBK_FAMILY = ("gb18030", "gbk")
BIG5_FAMILY = ("big5", "cp950", "big5hkscs")

RESTORED = [
    *((clean, codec) for clean in ("À Genève, les", "on ü: Lǚ,") for codec in GBK_FAMILY),
    *(("était « tendue", codec) for codec in GBK_FAMILY + BIG5_FAMILY),
    *(("Zürich, « vite » dit-il.", codec) for codec in GBK_FAMILY + BIG5_FAMILY),
]


@pytest.mark.parametrize(("clean", "codec"), RESTORED)
def test_a_glued_letter_on_the_line_reads_the_lone_characters_too(clean: str, codec: str) -> None:
    broken = corrupt_double(clean, codec)
    fixed, _ = repair_text(broken)
    assert fixed == clean
    assert repair_text(fixed) == (clean, [])  # idempotent


@pytest.mark.parametrize(("clean", "codec"), RESTORED)
def test_without_the_line_rule_the_lone_character_stays(
    clean: str, codec: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rule under test is what restores these runs, not document-wide evidence.
    monkeypatch.setattr(double, "_lone_in_line", lambda *args: [])
    assert repair_text(corrupt_double(clean, codec))[0] != clean


CLEAN = [
    # The character quoted on its own, in French and English.
    "En chinois, le caractère 禄 signifie « salaire », et 芦 est un nom de famille.",
    "the surname 芦 (Lu)",
    "Note on 眉: it means eyebrow, and 羹 is a thick soup.",
    # A real Han name glued to Latin in a product name, with a lone character on the line.
    "The 华为Mate phone and the Apple蘋果 shop; the sign 禄 hung by the door.",
    "他用iPad聽音樂, and the surname 芦 (Lu) is on the cover.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_a_lone_character_without_evidence_on_its_line_stays(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_evidence_counts_on_its_own_line_only() -> None:
    broken = corrupt_double("À Genève", "gb18030") + "\nthe character 禄 means salary"
    fixed, _ = repair_text(broken)
    assert fixed == "À Genève\nthe character 禄 means salary"


def test_evidence_of_another_chain_does_not_count() -> None:
    # cp1252 mojibake on the line (cafÃ©) says nothing about GBK: 禄 stays.
    broken = corrupt_cp1252("café") + " and the character 禄 means salary"
    assert repair_text(broken)[0] == "café and the character 禄 means salary"
    # Big5 evidence (矇 for é) does not make the GBK reading of 芦 («) fit either.
    broken = corrupt_double("était", "big5") + " 芦 tendue"
    assert repair_text(broken)[0] == "était 芦 tendue"


def test_only_letters_and_guillemets_that_fit_are_read() -> None:
    glued = corrupt_double("Genève", "gb18030")
    # 路 is · (C2 B7) and 禄禄 would be »»: neither is read, evidence or not.
    assert repair_text(glued + " 路 Paris 禄禄 x")[0] == "Genève 路 Paris 禄禄 x"
    # 芦 (« ) must open something; glued after a word it is not a guillemet.
    assert repair_text(glued + " x芦")[0] == "Genève x芦"
    # A lone three-byte Han character is never turned into another one.
    assert repair_text(glued + " 杨 said")[0] == "Genève 杨 said"


@cache
def _bench_no_evidence():  # type: ignore[no-untyped-def]
    """bench/repair_bench.py's test for a run that shows no corruption (the bench is no package)."""
    path = Path(__file__).resolve().parent.parent / "bench" / "repair_bench.py"
    spec = importlib.util.spec_from_file_location("repair_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module._no_evidence


@pytest.mark.parametrize(
    ("broken", "bare"),
    [
        ("correcte 禄.", True),  # a lone Han character between a space and a full stop
        ("芦 tendue mais", True),
        ("note on 眉: it", True),
        ("茅tait 芦 tendue", False),  # 茅 is glued to a word: evidence
        ("Gen猫ve", False),
        ("鏉ㄦ磥绡 said", False),  # a run of several characters
        ("caf脙漏 芦 x", False),
        ("芦芦 x", False),
        ("x 脙 y", True),  # any lone Han character, whatever it decodes to
        ("x Ã y", False),  # not Han: cp1252-style mojibake
        ("plain ASCII", False),
    ],
)
def test_the_bench_counts_runs_without_evidence(broken: str, bare: bool) -> None:
    assert _bench_no_evidence()(broken) is bare
