"""Find mojibake run by run and turn decoded pieces into repairs.

The fast path is one precompiled regular expression for characters and pairs
that only mojibake produces; text without a match is returned untouched
after a single scan. Each chain then looks at its own runs only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Any

from glossary.repair import double, lost
from glossary.repair.charmaps import (
    CP1252_DECODE,
    CP1252_ENCODE,
    REPLACEMENT,
    SEED_ENCODE,
    THAI_CHARS,
    Chain,
    char_class,
)
from glossary.repair.context import CONFIDENCE, Decision, Method, resolve
from glossary.repair.pieces import Piece
from glossary.repair.plausible import UNKNOWN_HAN, char_cost, is_han
from glossary.repair.runs import runs_around
from glossary.repair.single import GENUINE_AFTER, decode_run

# In a document where most Thai letters are seed mojibake, a Thai letter as
# written is this unlikely (bits), so short runs with a lost byte decode too.
_THAI_IN_MOJIBAKE = 24.0
# While weighing the evidence, a Thai letter as written costs a little more than
# usual, so that a lost byte in a tone-marked vowel (Zhฤng) may count.
_THAI_WEIGHING = 12.0
_MAX_TIMES = 3

_THAI_RE = re.compile(f"[{char_class(THAI_CHARS)}]")
_SEED_RUN_RE = re.compile(f"[{char_class(''.join(SEED_ENCODE))}]+")
_CP1252_RUN_RE = re.compile(f"[{char_class(''.join(CP1252_ENCODE))}{REPLACEMENT}]+")
_CP1252_LEADS = "".join(CP1252_DECODE[b] for b in range(0xC2, 0xF5))
_CP1252_CONTS = "".join(CP1252_DECODE[b] for b in range(0x80, 0xC0)) + "".join(
    map(chr, range(0x80, 0xA0))
)
_CP1252_TRIGGER = f"[{char_class(_CP1252_LEADS)}][{char_class(_CP1252_CONTS)}{REPLACEMENT}]"
_CP1252_TRIGGER_RE = re.compile(_CP1252_TRIGGER)


@dataclass(frozen=True)
class Repair:
    """One run of mojibake at ``text[start:end]`` and what it should read.

    ``recoverable`` is False when the original cannot be restored with
    confidence (bytes lost, context undecided): then ``replacement`` equals
    ``original`` and ``candidates`` lists what it may have been.
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


@cache
def _fast_re() -> re.Pattern[str]:
    """One scan that finds anything any chain might decode (or must report)."""
    return re.compile(
        f"{_THAI_RE.pattern}|{_CP1252_TRIGGER}|[{REPLACEMENT}{lost.GBK_LOST_FIRST}]"
        f"|{double.trigger_pattern()}"
    )


@cache
def _prefilter() -> re.Pattern[str]:
    """A single character class that every trigger starts with (or, for the
    glued ones, contains): English with curly quotes and dashes never matches,
    so clean text costs one tight scan."""
    return re.compile(
        f"[\u0e01-\u0e5b\u00a1-\u00ff{REPLACEMENT}{lost.GBK_LOST_FIRST}{double.trigger_chars()}]"
    )


def _thai_count(text: str) -> int:
    return len(_THAI_RE.findall(text))


def _convincing(char: str) -> bool:
    """A decoded character that text in our languages is made of (not Arabic out of Thai)."""
    code = ord(char)
    if is_han(char):
        return char_cost(char) < UNKNOWN_HAN
    return (
        0xA1 <= code <= 0x24F
        or 0x1E00 <= code <= 0x1EFF
        or 0x401 <= code <= 0x45F  # modern Cyrillic, not ѹ out of Thai ั + น
        or 0xE01 <= code <= 0xE5B
        or 0x2010 <= code <= 0x203A
        or 0x20A0 <= code <= 0x20CF
        or 0x3000 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF5E
    )


_GENUINE_PUNCTUATION = "".join(GENUINE_AFTER)


def _after_letter(text: str, start: int) -> bool:
    before = text[start - 1 : start]
    return before.isascii() and before.isalpha()


def _is_latin(char: str) -> bool:
    return "\xc0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"


def _in_latin_word(text: str, start: int, end: int) -> bool:
    """An accented letter counts as evidence only inside a word: ``Yรกng``, not ``รก``."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


_EVIDENCE_SAMPLE = 400  # Thai letters: enough to tell mojibake from genuine Thai


def _seed_pieces(text: str) -> list[Piece]:
    runs = runs_around(text, _THAI_RE, _SEED_RUN_RE)
    if not runs:
        return []
    # Evidence first: how much of the Thai reads as UTF-8 (at the usual cost of
    # a lost byte) and gives characters such text is made of, at least one
    # piece with no byte lost. A sample is enough: the pipeline damages all
    # of a document, so genuine Thai and seed mojibake do not mix.
    total = certain = 0
    decoded = 0.0
    for start, run in runs:
        total += _thai_count(run)
        for piece in decode_run(
            run,
            start,
            Chain.SEED,
            drops=True,
            thai_cost=_THAI_WEIGHING,
            after_letter=_after_letter(text, start),
        ):
            if not _convincing(piece.best):
                continue
            thai = _thai_count(text[piece.start : piece.end])
            glued = _in_latin_word(text, piece.start, piece.end)
            mojibake = text[piece.start + 1 : piece.end]
            if glued or (mojibake.strip(_GENUINE_PUNCTUATION) and not _is_latin(piece.best)):
                decoded += thai / 2 if piece.lost else thai  # a guessed byte is half a proof
                certain += not piece.lost
            else:
                total -= thai  # "รก" may be á or a Thai word: it counts neither way
        if total >= _EVIDENCE_SAMPLE:
            break
    if not certain or decoded * 2 < total:
        return []  # genuine Thai: little of it reads as UTF-8, none without a lost byte

    pieces: list[Piece] = []
    for start, run in runs:
        pieces += decode_run(
            run,
            start,
            Chain.SEED,
            drops=True,
            thai_cost=_THAI_IN_MOJIBAKE,
            after_letter=_after_letter(text, start),
        )
    return pieces


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
            and _CP1252_TRIGGER_RE.search(inner)
        ):
            redone = decode_run(
                inner,
                0,
                Chain.CP1252,
                drops=False,
                controls=True,
                after_letter=_after_letter(text, group[0].start),
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


def _cp1252_pieces(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    for start, run in runs_around(text, _CP1252_TRIGGER_RE, _CP1252_RUN_RE):
        if run:
            decoded = decode_run(
                run,
                start,
                Chain.CP1252,
                drops=False,
                controls=True,
                after_letter=_after_letter(text, start),
            )
            # A C1 control is only ever a middle step of doubly encoded text.
            pieces += [p for p in _again(text, decoded, 1) if not _has_c1(p.best)]
    return pieces


def find_pieces(text: str) -> list[Piece]:
    """Every decodable piece of mojibake, left to right, without overlaps."""
    if not _prefilter().search(text) or not _fast_re().search(text):
        return []
    chinese = double.find_pieces(text)
    by_priority = [
        _seed_pieces(text),
        chinese[Chain.GBK_AS_CP1252],  # whole runs only, and only when cheaper than UTF-8
        _cp1252_pieces(text),
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


# What a chain could read again as its own mojibake if it came out of a partial repair.
_REREADABLE = {
    Chain.SEED: frozenset(THAI_CHARS),
    Chain.CP1252: frozenset(map(chr, range(0x80, 0x100))),
}


def _all_or_nothing(pieces: Sequence[Piece], decisions: Sequence[Decision]) -> list[Decision]:
    """Keep a block of adjacent pieces as it was when it is only partly decided
    and what it would decode to could itself be read as mojibake (Thai out of
    the seed's pipeline next to Thai-looking mojibake): a partial repair there
    would be re-read differently, and repair must be idempotent.
    """
    out = list(decisions)

    def rereadable(chain: Chain, text: str | None) -> bool:
        chars = _REREADABLE.get(chain, frozenset())
        return any(c in chars for c in text or "")

    # Document-wide for a chain whose undecided pieces could come out re-readable:
    # otherwise a second pass would see repaired Thai next to Thai-looking mojibake.
    held = {
        p.chain
        for p, d in zip(pieces, out, strict=True)
        if d.choice is None and any(rereadable(p.chain, c) for c in p.candidates)
    }
    for k, piece in enumerate(pieces):
        if piece.chain in held and rereadable(piece.chain, out[k].choice):
            out[k] = Decision(None, Method.UNDECIDED)
    block: list[int] = []

    def close() -> None:
        if any(out[k].choice is None for k in block) and any(
            rereadable(pieces[k].chain, c) for k in block for c in pieces[k].candidates
        ):
            for k in block:
                out[k] = Decision(None, Method.UNDECIDED)
        block.clear()

    for k, piece in enumerate(pieces):
        if block and pieces[block[-1]].end != piece.start:
            close()
        block.append(k)
    close()
    return out


def find_repairs(text: str, *, glossary: Any = None) -> list[Repair]:
    """Every run of mojibake in ``text`` with its repair, ordered by position.

    Offsets point into ``text``. Deterministic; repairing the repaired text
    finds nothing more to change.
    """
    pieces = find_pieces(text)
    repairs = _repairs_from(text, pieces, _all_or_nothing(pieces, resolve(text, pieces, glossary)))
    taken = [(r.start, r.end) for r in repairs]
    for report in lost.find_lost(text, glossary):
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
    repairs.sort(key=lambda r: r.start)
    return repairs


def apply_repairs(text: str, repairs: Sequence[Repair]) -> str:
    out: list[str] = []
    pos = 0
    for repair in sorted(repairs, key=lambda r: r.start):
        if repair.changes and repair.start >= pos:
            out.append(text[pos : repair.start])
            out.append(repair.replacement)
            pos = repair.end
    out.append(text[pos:])
    return "".join(out)


def repair_text(text: str, *, glossary: Any = None) -> tuple[str, list[Repair]]:
    """The repaired text and every repair found (applied or only reported)."""
    repairs = find_repairs(text, glossary=glossary)
    return apply_repairs(text, repairs), repairs
