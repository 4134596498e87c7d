"""Any text at all: the checker never fails, and every finding points inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.engine import check_text
from glossary.check.knowledge import Knowledge

PIECES = st.sampled_from(
    [
        "Yáng",
        "Jiéchí",
        "杨洁篪",
        "王毅",
        "Wang",
        "Yi",
        "Lv",
        "Lĭ",
        "Xīān",
        "(",
        ")",
        "（",
        "）",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        "said",
        "Mr.",
        "'s",
        "-",
        "Ōu",
        "欧阳修",
        "Tsai",
        "Ing-wen",
        "蔡英文",
        "楊洁篪",
        "·",
        "**",
        "`",
        "<b>",
        "&amp;",
        "Wรกng",
        "ๆจ",
    ]
)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(PIECES | st.text(max_size=6), max_size=30),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_never_fails_and_spans_stay_inside(pieces: list[str], path: str) -> None:
    source = "".join(pieces)
    for knowledge in (None, Knowledge(None, use_cedict=False)):
        for finding in check_text(source, path, knowledge=knowledge):
            assert 0 <= finding.start <= finding.end <= len(source)
            if finding.fix is not None:
                assert 0 <= finding.fix.start <= finding.fix.end <= len(source)
