"""The real article, repaired in full.

The seed is third-party text, so its expected output is not stored: it is the
seed with the substitutions below applied, each worked out by hand from the
bytes (and re-checked here against the forward pipeline). Everything outside
them must come back byte-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary.repair import find_repairs, repair_text
from glossary.repair.charmaps import corrupt_seed

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ce24db06936a9ddc.txt"
pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="the seed article is not checked out next to the repo"
)

# (mojibake, original), applied in this order. Worked out by hand:
#   杨 E6 9D A8 -> ๆ [9D dropped] จ      洁 E6 B4 81 -> ๆ ด [81 dropped]
#   篪 E7 AF AA -> ็ ฏ ช                 á C3 A1 -> ร ก; é C3 A9 -> ร ฉ; í C3 AD -> ร ญ
#   刘 E5 88 98 -> ๅ ˆ ˜                 鹏 E9 B9 8F -> ้ น [8F dropped]
#   宇 E5 AE 87 -> ๅ ฎ ‡                 ú C3 BA -> ร บ; ǔ C7 94 -> ว ”
#   “ E2 80 9C -> โ € œ    ’ E2 80 99 -> โ € ™    ” E2 80 9D -> โ € [9D dropped]
SUBSTITUTIONS: list[tuple[str, str]] = [
    ("Yรกng Jiรฉchรญ ๆจๆด็ฏช", "Yáng Jiéchí 杨洁篪"),
    ("Liรบ Pรฉngyว” ๅˆ˜้นๅฎ‡", "Liú Péngyǔ 刘鹏宇"),
    ("โ€œ", "“"),
    ("โ€™", "’"),
    ("โ€", "”"),  # must come after the two above, which share its first two characters
]
COUNTS = {"โ€œ": 13, "โ€™": 4}  # and 13 closing quotes, counted below
THAI_RE = re.compile("[\u0e00-\u0e7f]")


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _expected(seed: str) -> str:
    for mojibake, original in SUBSTITUTIONS:
        assert mojibake in seed, mojibake
        seed = seed.replace(mojibake, original)
    return seed


def test_substitutions_are_what_the_pipeline_does() -> None:
    for mojibake, original in SUBSTITUTIONS:
        assert corrupt_seed(original) == mojibake


def test_seed_repaired_in_full() -> None:
    seed = _seed()
    for mojibake, count in COUNTS.items():
        assert seed.count(mojibake) == count
    assert seed.count("โ€") == 13 + 13 + 4
    repaired, repairs = repair_text(seed)
    assert repaired == _expected(seed)
    assert "Yáng Jiéchí 杨洁篪" in repaired
    assert "Liú Péngyǔ 刘鹏宇" in repaired
    assert not THAI_RE.search(repaired)
    assert all(r.recoverable and r.changes for r in repairs)


def test_seed_untouched_parts_are_byte_identical() -> None:
    seed = _seed()
    repaired, _ = repair_text(seed)
    seed_lines, repaired_lines = seed.split("\n"), repaired.split("\n")
    assert len(seed_lines) == len(repaired_lines)
    for before, after in zip(seed_lines, repaired_lines, strict=True):
        if not THAI_RE.search(before):
            assert after == before
    haass = [line for line in seed_lines if "Haass" in line]
    assert haass and all(line in repaired_lines for line in haass)
    assert repaired.count("•") == seed.count("•")


def test_seed_repairs_point_into_the_original() -> None:
    seed = _seed()
    repairs = find_repairs(seed)
    assert repairs
    for repair in repairs:
        assert seed[repair.start : repair.end] == repair.original
    names = {r.replacement for r in repairs if r.replacement in ("杨洁篪", "刘鹏宇")}
    assert names == {"杨洁篪", "刘鹏宇"}
    assert repair_text(repair_text(seed)[0])[1] == []
