"""UTF-8 read as Windows-1252 or Latin-1, also twice, also with U+FFFD for undefined bytes."""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

from glossary.repair.charmaps import (
    CP1252_DECODE,
    CP1252_ENCODE,
    REPLACEMENT,
    Chain,
    char_class,
)
from glossary.repair.pieces import Piece
from glossary.repair.runs import runs_around
from glossary.repair.seed import after_letter
from glossary.repair.single import decode_run

_MAX_TIMES = 3


@cache
def trigger_pattern() -> str:
    """A UTF-8 lead byte (C2-F4) read as Windows-1252, then a continuation byte (80-BF)."""
    leads = "".join(CP1252_DECODE[b] for b in range(0xC2, 0xF5))
    conts = "".join(CP1252_DECODE[b] for b in range(0x80, 0xC0)) + "".join(
        map(chr, range(0x80, 0xA0))
    )
    return f"[{char_class(leads)}][{char_class(conts)}{REPLACEMENT}]"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    from glossary.resources import load_regexes

    return load_regexes(
        "repair-windows1252",
        {
            "run": f"[{char_class(''.join(CP1252_ENCODE))}{REPLACEMENT}]+",
            "trigger": trigger_pattern(),
        },
    )


def _again(text: str, pieces: list[Piece], times: int) -> list[Piece]:
    """Doubly encoded text: decode the decoded characters again where they still decode."""
    if times >= _MAX_TIMES or not pieces:
        return pieces
    out: list[Piece] = []
    group: list[Piece] = []

    def flush() -> None:
        if not group:
            return
        inner = "".join(p.best for p in group)
        redone: list[Piece] = []
        if (
            all(not p.ambiguous for p in group)
            and all(c in CP1252_ENCODE for c in inner)
            and _patterns()["trigger"].search(inner)
        ):
            redone = decode_run(
                inner,
                0,
                Chain.CP1252,
                drops=False,
                controls=True,
                after_letter=after_letter(text, group[0].start),
            )
        offsets = accumulate((len(p.best) for p in group), initial=0)
        starts = {offset: k for k, offset in enumerate(offsets)}
        k = 0
        for second in redone:
            if second.start not in starts or second.end not in starts:
                continue
            a, b = starts[second.start], starts[second.end]
            out.extend(group[k:a])
            out.append(
                Piece(
                    start=group[a].start,
                    end=group[b - 1].end,
                    chain=Chain.CP1252,
                    candidates=second.candidates,
                    costs=second.costs,
                    lost=second.lost + sum(p.lost for p in group[a:b]),
                    times=times + 1,
                )
            )
            k = b
        out.extend(group[k:])
        group.clear()

    for piece in pieces:
        if group and group[-1].end != piece.start:
            flush()
        group.append(piece)
    flush()
    if any(p.times > times for p in out):
        return _again(text, out, times + 1)
    return out


def _has_c1(text: str) -> bool:
    return any("\x80" <= c <= "\x9f" for c in text)


def find_pieces(text: str) -> list[Piece]:
    """Pieces of UTF-8 read as Windows-1252 or Latin-1, once or more."""
    pieces: list[Piece] = []
    for start, run in runs_around(text, _patterns()["trigger"], _patterns()["run"]):
        if run:
            decoded = decode_run(
                run,
                start,
                Chain.CP1252,
                drops=False,
                controls=True,
                after_letter=after_letter(text, start),
            )
            # A C1 control is only ever a middle step of doubly encoded text.
            pieces += _whole_enough(
                run, [p for p in _again(text, decoded, 1) if not _has_c1(p.best)]
            )
    return pieces


def _whole_enough(run: str, pieces: list[Piece]) -> list[Piece]:
    """Pieces of a run that reads as UTF-8 mojibake through and through.

    UTF-8 read as Windows-1252 decodes end to end; a run where Latin-1 letters
    are left over between the decoded pieces is other mojibake (GBK read as
    Windows-1252: ``Ò»Î»Ë®`` is 一位水, not Cyrillic and Greek). There, none
    is taken if more is left over than decoded, else only Latin and punctuation.
    """
    if not pieces:
        return pieces
    covered = sum(p.end - p.start for p in pieces)
    leftover = sum(not c.isascii() for c in run) - covered
    if leftover <= 0:
        return pieces
    if leftover > covered:
        return []
    return [p for p in pieces if all(map(_common_output, p.best))]


def _common_output(char: str) -> bool:
    code = ord(char)
    return (
        code < 0x180
        or 0x1CD <= code <= 0x1DC  # pinyin's ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
        or 0x1E00 <= code <= 0x1EFF
        or 0x2000 <= code <= 0x214F
        or code >= 0x2E80
    )
