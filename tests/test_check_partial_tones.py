"""Tone marks on later mentions without characters, English-form spans beside characters and
the fix for a name mixing scripts: each with the contexts that must stay quiet."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text
from glossary.check.findings import Severity


def _found(text: str, code: str, *, serious: bool = True) -> list[tuple[str, str | None]]:
    return [
        (text[f.start : f.end], f.fix.replacement if f.fix else None)
        for f in check_text(text)
        if f.code == code and (not serious or f.severity in (Severity.WARNING, Severity.ERROR))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Yáng Jiéchí (杨洁篪) arrived. Later Yáng Jiechí spoke.",  # after an ordinary word
        "Yáng Jiéchí (杨洁篪) arrived. The envoy met Yáng Jiechí.",
    ],
)
def test_a_later_mention_with_a_tone_mark_missing_is_checked(text: str) -> None:
    assert _found(text, "GL301") == [("Yáng Jiechí", "Yáng Jiéchí")]
