"""Fixes: applied together they never overlap, and fixing twice changes nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.engine import check_text, fix_text
from glossary.check.knowledge import load_knowledge
from glossary.config import Config

SNIPPETS = [
    "Foreign affairs chief Yáng Jiéchì 杨洁篪 spoke first.",
    "Premier Lĭ Kèqiáng 李克强 arrived.",
    "Professor Líu Xiǎobō 刘晓波 wrote it.",
    "Xí JìnPíng 习近平 spoke for an hour.",
    "The writer Lv Xin 吕欣 replied.",
    "Yáng Jié-chí 杨洁篪 met the delegation.",
    "The poet Lǐ Píngān 李平安 read first.",
    "Taiwan's leader Cai Yingwen (蔡英文) spoke.",
    "Later Jiechi Yang left.",
    "Ōu Yáng Xiū 欧阳修 wrote it.",
    "A plain sentence about the weather.",
    "The statesman Céng Guófān 曾国藩 raised an army.",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=6),
    st.sampled_from(["\n\n", " ", "\n"]),
    st.sampled_from(["a.txt", "a.md"]),
)
def test_fix_is_idempotent(snippets: list[str], joiner: str, path: str) -> None:
    knowledge = load_knowledge()
    source = joiner.join(snippets) + "\n"
    fixed, _ = fix_text(source, path, Config(), knowledge)
    again, count = fix_text(fixed, path, Config(), knowledge)
    assert (again, count) == (fixed, 0)
    for finding in check_text(fixed, path, knowledge=knowledge):
        assert finding.fix is None, finding
        assert 0 <= finding.start <= finding.end <= len(fixed)
