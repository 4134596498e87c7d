"""Correct writing the checker must leave alone (each case next to the slip it still reports)."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text
from glossary.config import Config, FirstMention


def _codes(text: str, path: str, code: str, config: Config | None = None) -> list[str]:
    findings = check_text(text, path=path, config=config or Config())
    return [text[f.start : f.end] for f in findings if f.code == code]


@pytest.mark.parametrize(
    ("path", "head", "tail"),
    [
        ("a.md", "# Who is Cài Qí 蔡奇?\n\n", ""),
        ("a.html", "<h2>Who is Cài Qí 蔡奇?</h2><p>", "</p>"),
        ("a.txt", "Who is Cài Qí 蔡奇?\n\n", ""),
    ],
)
def test_characters_in_a_headline_do_not_make_the_body_repeat_them(
    path: str, head: str, tail: str
) -> None:
    config = Config(first_mention=FirstMention.TONES_CHARACTERS)
    body = "Cài Qí 蔡奇 met Xí Jìnpíng 习近平 in Beijing."
    assert _codes(head + body + tail, path, "GL303", config) == []
    again = head + body + " Later Cài Qí 蔡奇 left." + tail
    assert _codes(again, path, "GL303", config) == ["蔡奇"]
