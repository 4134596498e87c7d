"""Runs whose bytes are gone: U+FFFD and ``锟斤拷`` (U+FFFD written as UTF-8, read as GBK).

Nothing can restore them; they are reported so an editor can restore the
text from the source, never filled in. Where the gap sits in a name with its
pinyin printed next to it (``Yáng Jiéchí ��篪``), the known names that fit
(house glossary, then CC-CEDICT) are offered as candidates.
"""

from __future__ import annotations

import re
from functools import cache

from glossary.records import NamedTuple
from glossary.repair.charmaps import GBK_LOST_FIRST

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["GBK_LOST_FIRST", "Lost", "find_lost"]


@cache
def _lost_re() -> re.Pattern[str]:
    return re.compile("(?:锟斤拷)+(?:锟斤?)?|锟斤|\ufffd+")


class Lost(NamedTuple):
    start: int
    end: int
    what: str
    candidates: tuple[str, ...] = ()


def find_lost(text: str, glossary: Any = None) -> list[Lost]:
    if "\ufffd" not in text and GBK_LOST_FIRST not in text:
        return []
    out = []
    for match in _lost_re().finditer(text):
        run = match.group()
        if run.startswith("\ufffd"):
            what = f"{len(run)} replacement character{'s' if len(run) > 1 else ''} (U+FFFD)"
            names = _names_fitting(text, match.start(), match.end(), glossary)
        else:
            what = "锟斤拷: U+FFFD written as UTF-8 and read as GBK"
            names = ()
        out.append(Lost(match.start(), match.end(), what, names))
    return out


_MAX_LOST_CHARS = 3


def _names_fitting(text: str, start: int, end: int, glossary: Any) -> tuple[str, ...]:
    """What known names put in the gap: same pinyin as printed, same surviving characters."""
    from glossary.repair.context import syllables_near
    from glossary.repair.plausible import is_han

    lo = start
    while lo > 0 and is_han(text[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(text) and is_han(text[hi]):
        hi += 1
    before, after = text[lo:start], text[end:hi]
    if not before and not after:
        return ()
    view = text[:start] + "\x00" + text[end:]
    for lost_chars in range(1, _MAX_LOST_CHARS + 1):
        count = len(before) + lost_chars + len(after)
        for syllables in syllables_near(
            view.replace("\x00", "\x00" * lost_chars), lo, lo + count, count
        ):
            names = _known_names(syllables, before, after, glossary)
            if names:
                return names
    return ()


def _known_names(syllables: list[Any], before: str, after: str, glossary: Any) -> tuple[str, ...]:
    from glossary.repair.context import cc_cedict, house_glossary

    key = "".join(s.base.replace("ü", "u") for s in syllables)
    numbered = [s.numbered for s in syllables]
    found: list[str] = []

    def fits(hanzi: str) -> bool:
        return len(hanzi) == len(syllables) and hanzi.startswith(before) and hanzi.endswith(after)

    house = glossary if glossary is not None else house_glossary()
    for entry in getattr(house, "entries", ()):
        from glossary.cedict import toneless_key

        if toneless_key(entry.pinyin) == key:
            found += [h for h in (entry.hanzi, entry.traditional) if h and fits(h)]
    dictionary = cc_cedict()
    if dictionary is not None:
        for entry in dictionary.by_toneless(key):
            tones = entry.numbered.lower().split()
            if all(t.endswith("5") for t in numbered) or tones == [n.lower() for n in numbered]:
                found += [h for h in (entry.simplified, entry.traditional) if fits(h)]
    # What fills the gap, so that a candidate replaces exactly the U+FFFD run.
    return tuple(dict.fromkeys(h[len(before) : len(h) - len(after)] for h in found))
