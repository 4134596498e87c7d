"""Find mojibake run by run and turn decoded pieces into repairs.

The fast path is one character-class scan, then one regular expression for
the characters and pairs that only mojibake produces; text without a match
is returned untouched. Each chain (``seed``, ``windows1252``, ``double``)
looks at its own runs only; overlaps go to the likelier pipeline; lost
bytes are chosen by ``context``; runs whose bytes are gone come from ``lost``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from glossary.records import NamedTuple
from glossary.repair import double, seed, windows1252
from glossary.repair.charmaps import (
    CP1252_DECODE,
    GBK_LOST_FIRST,
    REPLACEMENT,
    SEED_DECODE,
    THAI_CHARS,
    Chain,
)
from glossary.repair.pieces import Piece
from glossary.resources import load_regex

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glossary.house import Glossary
    from glossary.repair.context import Decision

# ``context`` (choosing among a lost byte's candidates) and ``lost`` (U+FFFD runs) are
# imported when a text has pieces or U+FFFD: most non-ASCII articles have neither.


class Repair(NamedTuple):
    """One run of mojibake at ``text[start:end]`` and what it should read.

    ``recoverable`` is False when the original cannot be restored with
    confidence (bytes lost, context undecided): then ``replacement`` equals
    ``original`` and ``candidates`` lists what it may have been. A NamedTuple (as
    the checker's findings are): immutable, and no `dataclasses` import at start-up.
    """

    start: int
    end: int
    original: str
    replacement: str
    chain: str
    confidence: float
    candidates: tuple[str, ...]
    recoverable: bool

    @property
    def changes(self) -> bool:
        return self.replacement != self.original

    @property
    def applied(self) -> bool:
        """Whether ``repair_text`` writes the replacement (the lint fix offers the same)."""
        return self.recoverable and self.changes


@cache
def _fast_re() -> re.Pattern[str]:
    """One scan that finds anything any chain might decode (or must report)."""
    return load_regex(
        "repair-fast",
        f"{seed.thai_pattern()}|{windows1252.trigger_pattern()}|[{REPLACEMENT}{GBK_LOST_FIRST}]"
        f"|{double.trigger_pattern()}",
    )


@cache
def _prefilter() -> re.Pattern[str]:
    """A single character class that every trigger starts with (or, for the
    glued ones, contains): English with curly quotes and dashes never matches,
    so clean text costs one tight scan."""
    return load_regex(
        "repair-prefilter",
        f"[\u0e01-\u0e5b\u00a1-\u00ff{REPLACEMENT}{GBK_LOST_FIRST}{double.trigger_chars()}]",
    )


def find_pieces(text: str) -> list[Piece]:
    """Every decodable piece of mojibake, left to right, without overlaps."""
    if not _prefilter().search(text) or not _fast_re().search(text):
        return []
    chinese = double.find_pieces(text)
    by_priority = [
        seed.find_pieces(text),
        chinese[Chain.GBK_AS_CP1252],  # whole runs only, and only when cheaper than UTF-8
        windows1252.find_pieces(text),
        chinese[Chain.GBK],
        chinese[Chain.BIG5],
    ]
    taken: list[Piece] = []
    for pieces in by_priority:
        spans = sorted((p.start, p.end) for p in taken)
        starts = [a for a, _ in spans]
        for piece in pieces:
            k = bisect.bisect_right(starts, piece.start)
            if k and spans[k - 1][1] > piece.start:
                continue
            if k < len(spans) and spans[k][0] < piece.end:
                continue
            taken.append(piece)
    taken.sort(key=lambda p: p.start)
    return taken


def _chain_text(pieces: Sequence[Piece]) -> str:
    first = pieces[0]
    label = first.chain.value
    if any(p.times > 1 for p in pieces):
        label += f", {max(p.times for p in pieces)} times"
    lost_bytes = sum(p.lost for p in pieces)
    if lost_bytes:
        label += f", {lost_bytes} byte{'s' if lost_bytes > 1 else ''} lost"
    return label


def _repairs_from(
    text: str, pieces: Sequence[Piece], decisions: Sequence[Decision]
) -> list[Repair]:
    from glossary.repair.context import CONFIDENCE, Method

    repairs: list[Repair] = []
    group: list[tuple[Piece, Decision]] = []

    def flush() -> None:
        if not group:
            return
        start, end = group[0][0].start, group[-1][0].end
        replacement = "".join(d.choice or "" for _, d in group)
        confidence = min(
            CONFIDENCE[d.method] * (0.9 if p.lost and d.method is Method.ONLY else 1.0)
            for p, d in group
        )
        repairs.append(
            Repair(
                start=start,
                end=end,
                original=text[start:end],
                replacement=replacement,
                chain=_chain_text([p for p, _ in group]),
                confidence=round(confidence, 2),
                candidates=(),
                recoverable=True,
            )
        )
        group.clear()

    for piece, decision in zip(pieces, decisions, strict=True):
        if decision.choice is None:
            flush()
            repairs.append(
                Repair(
                    start=piece.start,
                    end=piece.end,
                    original=text[piece.start : piece.end],
                    replacement=text[piece.start : piece.end],
                    chain=_chain_text([piece]),
                    confidence=CONFIDENCE[Method.UNDECIDED],
                    candidates=piece.candidates[:12],
                    recoverable=False,
                )
            )
            continue
        if group and (group[-1][0].end != piece.start or group[-1][0].chain is not piece.chain):
            flush()
        group.append((piece, decision))
    flush()
    return repairs


# What a chain could read again as its own mojibake if it came out of a partial repair:
# letters that begin a sequence, anywhere in the document ...
_REREADABLE = {
    Chain.SEED: frozenset(THAI_CHARS),
    Chain.CP1252: frozenset(map(chr, range(0xC0, 0x100))),
}
# ... and signs a leftover lead byte right before them would take as its continuation.
_CONTINUING = {
    Chain.SEED: frozenset(SEED_DECODE[b] for b in range(0x80, 0xC0) if b in SEED_DECODE),
    Chain.CP1252: frozenset(CP1252_DECODE[b] for b in range(0x80, 0xC0)),
}


def _all_or_nothing(pieces: Sequence[Piece], decisions: Sequence[Decision]) -> list[Decision]:
    """Hold back repairs that a second pass would read differently (repair is idempotent).

    Thai out of the seed's pipeline is held document-wide while Thai-looking
    mojibake stays undecided; a partly decided block of adjacent pieces is held
    whole when its output could start a sequence; a decided piece right after
    an undecided one is held when its output could continue it (“ after ๆจ).
    """
    from glossary.repair.context import Decision, Method

    out = list(decisions)

    def has(table: dict[Chain, frozenset[str]], chain: Chain, text: str | None) -> bool:
        chars = table.get(chain, frozenset())
        return any(c in chars for c in text or "")

    held = {
        p.chain
        for p, d in zip(pieces, out, strict=True)
        if d.choice is None and any(has(_REREADABLE, p.chain, c) for c in p.candidates)
    }
    for k, piece in enumerate(pieces):
        if piece.chain in held and has(_REREADABLE, piece.chain, out[k].choice):
            out[k] = Decision(None, Method.UNDECIDED)
    block: list[int] = []

    def close() -> None:
        if any(out[k].choice is None for k in block) and any(
            has(_REREADABLE, pieces[k].chain, c) for k in block for c in pieces[k].candidates
        ):
            for k in block:
                out[k] = Decision(None, Method.UNDECIDED)
        block.clear()

    for k, piece in enumerate(pieces):
        if block and pieces[block[-1]].end != piece.start:
            close()
        block.append(k)
    close()
    for k in range(1, len(pieces)):
        choice = out[k].choice
        if (
            choice
            and out[k - 1].choice is None
            and pieces[k - 1].end == pieces[k].start
            and choice[0] in _CONTINUING.get(pieces[k].chain, frozenset())
        ):
            out[k] = Decision(None, Method.UNDECIDED)
    return out


def find_repairs(text: str, *, glossary: Glossary | None = None) -> list[Repair]:
    """Every run of mojibake in ``text`` with its repair, ordered by position.

    Offsets point into ``text``. Deterministic; repairing the repaired text
    finds nothing more to change.
    """
    pieces = find_pieces(text)
    repairs: list[Repair] = []
    if pieces:
        from glossary.repair.context import resolve

        decisions = _all_or_nothing(pieces, resolve(text, pieces, glossary))
        repairs = _repairs_from(text, pieces, decisions)
    if REPLACEMENT in text or GBK_LOST_FIRST in text:  # else lost.find_lost finds nothing
        _add_lost(text, repairs, glossary)
    repairs.sort(key=lambda r: r.start)
    return repairs


def _add_lost(text: str, repairs: list[Repair], glossary: Glossary | None) -> None:
    """Runs whose bytes are gone (``lost``), where no repair covers them."""
    from glossary.repair.lost import find_lost

    taken = [(r.start, r.end) for r in repairs]
    for report in find_lost(text, glossary):
        if not any(a < report.end and report.start < b for a, b in taken):
            repairs.append(
                Repair(
                    start=report.start,
                    end=report.end,
                    original=text[report.start : report.end],
                    replacement=text[report.start : report.end],
                    chain=Chain.LOST.value + f": {report.what}",
                    confidence=0.0,
                    candidates=report.candidates,
                    recoverable=False,
                )
            )


def apply_repairs(text: str, repairs: Sequence[Repair]) -> str:
    out: list[str] = []
    pos = 0
    for repair in sorted(repairs, key=lambda r: r.start):
        if repair.applied and repair.start >= pos:
            out.append(text[pos : repair.start])
            out.append(repair.replacement)
            pos = repair.end
    out.append(text[pos:])
    return "".join(out)


def repair_text(text: str, *, glossary: Glossary | None = None) -> tuple[str, list[Repair]]:
    """The repaired text and every repair found (applied or only reported)."""
    repairs = find_repairs(text, glossary=glossary)
    return apply_repairs(text, repairs), repairs
