"""The real article's names: once repaired, each printed pinyin is what romanize gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from glossary.romanize import Source, romanize

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ce24db06936a9ddc.txt"
# "Yáng Jiéchí 杨洁篪": two capitalised words, then 2-4 Han characters.
NAME_RE = re.compile(
    r"\b([A-ZÀ-Ǜ][^\W\d_]+ [A-ZÀ-Ǜ][^\W\d_']*(?:'[^\W\d_]+)?) ([\u4e00-\u9fff]{2,4})"
)


@pytest.mark.skipif(
    not SEED.exists(), reason="the seed article is not checked out next to the repo"
)
def test_seed_article_names_match_romanize() -> None:
    repair = pytest.importorskip("glossary.repair")
    text, _ = repair.repair_text(SEED.read_text(encoding="utf-8"))
    pairs = {(m.group(2), m.group(1)) for m in NAME_RE.finditer(text)}
    assert {("杨洁篪", "Yáng Jiéchí"), ("刘鹏宇", "Liú Péngyǔ")} <= pairs
    for hanzi, printed in pairs:
        assert romanize(hanzi).pinyin == printed
        assert romanize(hanzi, sources={Source.RULES}).pinyin == printed
