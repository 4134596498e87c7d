"""Runs whose bytes are gone: U+FFFD and ``锟斤拷`` (U+FFFD written as UTF-8, read as GBK).

Nothing can restore them; they are reported so an editor can restore the
text from the source, never filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GBK_LOST_FIRST = "锟"
_LOST_RE = re.compile("(?:锟斤拷)+(?:锟斤?)?|锟斤|\ufffd+")


@dataclass(frozen=True)
class Lost:
    start: int
    end: int
    what: str
    candidates: tuple[str, ...] = ()


def find_lost(text: str) -> list[Lost]:
    if "\ufffd" not in text and GBK_LOST_FIRST not in text:
        return []
    out = []
    for match in _LOST_RE.finditer(text):
        run = match.group()
        if run.startswith("\ufffd"):
            what = f"{len(run)} replacement character{'s' if len(run) > 1 else ''} (U+FFFD)"
        else:
            what = "锟斤拷: U+FFFD written as UTF-8 and read as GBK"
        out.append(Lost(match.start(), match.end(), what))
    return out
