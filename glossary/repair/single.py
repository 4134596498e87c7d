"""Decode a run of single-byte mojibake back to UTF-8, allowing for lost bytes.

Each mojibake character stands for one byte. A best-path search (Viterbi)
over the run either keeps a character as written or reads a UTF-8 sequence
starting at it; when the chain drops bytes (the seed's) or replaced them by
U+FFFD, a sequence may be short of continuation bytes, and every way of
filling the gap with an undefined byte is a candidate. Costs come from
``plausible.char_cost`` on both sides, so genuine text stays as written.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, product

from glossary.repair.charmaps import (
    CP1252_ENCODE,
    REPLACEMENT,
    SEED_ENCODE,
    UNDEFINED_1252,
    Chain,
    utf8_trail_count,
)
from glossary.repair.pieces import Piece, best_path
from glossary.repair.plausible import char_cost, is_han

DROP_COST = 4.0  # bits per byte the pipeline dropped (a guess the context must back)
WILD_COST = 2.0  # bits per U+FFFD standing for an undefined byte
DECODE_COST = 1.0  # bits per decoded character: a slight prior for text as written
_WILD = -1
# What genuine text often has right after an accented or Thai letter: a
# reading that rests only on these as continuation bytes is weak evidence.
GENUINE_AFTER = frozenset("\u00a0“”‘’–—•…")
WEAK_COST = 6.0
# Right after an ASCII letter, mojibake is an accented letter of the same word
# (``cafÃ©``), far more often than a Han character or a symbol.
GLUED_COST = 10.0
MAX_DECODED_COST = 22.0
_C1_COST = 12.0


def _is_c1(char: str) -> bool:
    return "\x80" <= char <= "\x9f"


def _is_cont(byte: int) -> bool:
    return byte == _WILD or 0x80 <= byte <= 0xBF


def _decode_one(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


def _fillings(lead: int, conts: list[int], need: int, drops: int) -> list[tuple[bytes, int]]:
    """Every byte sequence: ``lead`` + ``conts`` with ``drops`` undefined bytes put back.

    Returns (bytes, number of lost bytes) pairs; a U+FFFD in ``conts`` stands
    for any undefined byte. Gaps vary slowest, then the U+FFFD fillings.
    """
    out: list[tuple[bytes, int]] = []
    wild_slots = [k for k, b in enumerate(conts) if b == _WILD]
    lost = drops + len(wild_slots)
    for gap_slots in combinations(range(need), drops):
        kept = [slot for slot in range(need) if slot not in gap_slots]
        seq = [lead, 0, 0, 0][: need + 1]
        for slot, byte in zip(kept, conts, strict=True):
            seq[slot + 1] = byte
        # The positions each filled-in byte goes to: the gaps, then the U+FFFDs.
        free = [slot + 1 for slot in gap_slots] + [kept[k] + 1 for k in wild_slots]
        if not free:
            out.append((bytes(seq), lost))
            continue
        for values in product(UNDEFINED_1252, repeat=len(free)):
            for position, value in zip(free, values, strict=True):
                seq[position] = value
            out.append((bytes(seq), lost))
    return out


@lru_cache(maxsize=65536)
def _readings(
    lead: int,
    conts: tuple[int, ...],
    need: int,
    missing: int,
    controls: bool,
    weak: bool,
    glued: bool,
) -> tuple[tuple[str, float, int], ...]:
    """(character, cost, bytes lost) for one UTF-8 sequence, cheapest first; cached by bytes."""
    options: dict[str, tuple[float, int]] = {}
    for seq, lost in _fillings(lead, list(conts), need, missing):
        char = _decode_one(seq)
        if char is None or char == REPLACEMENT:
            continue
        cost = _C1_COST if controls and _is_c1(char) else char_cost(char)
        if cost > MAX_DECODED_COST and (lost or need < 3 or not is_han(char)):
            # A reading this unlikely is never worth a repair, unless four whole bytes
            # make a Han character (𠮷, U+20BB7: rare characters live past U+20000).
            continue
        cost += DECODE_COST + missing * DROP_COST + (lost - missing) * WILD_COST
        if weak:
            cost += WEAK_COST
        if glued and char >= "\u0250":
            cost += GLUED_COST
        if cost < options.get(char, (float("inf"), 0))[0]:
            options[char] = (cost, lost)
    ranked = sorted(options.items(), key=lambda kv: (kv[1][0], kv[0]))
    return tuple((char, cost, lost) for char, (cost, lost) in ranked)


def decode_run(
    run: str,
    offset: int,
    chain: Chain,
    *,
    drops: bool,
    thai_cost: float | None = None,
    controls: bool = False,
    after_letter: bool = False,
) -> list[Piece]:
    """The decoded pieces of ``run`` (found at ``offset`` in the text) on its cheapest reading.

    ``thai_cost`` overrides the cost of a Thai letter kept as written (in a
    document of seed mojibake it is near-impossible). With ``controls``, a C1
    control may be decoded: it is never text, but in doubly encoded mojibake
    it is the middle step (U+0081 in ``Ã„Â\x81``). ``after_letter``: the run
    follows an ASCII letter.
    """
    found = _decode(run, chain, drops, thai_cost, controls, after_letter)
    if not offset:
        return list(found)
    return [
        Piece(p.start + offset, p.end + offset, p.chain, p.candidates, p.costs, p.lost, p.times)
        for p in found
    ]


_ENCODERS = {Chain.SEED: SEED_ENCODE, Chain.CP1252: CP1252_ENCODE}


# Windows-1252 signs that genuine text has at most at a word's edge; wedged
# between two other non-ASCII characters (``é•›``) they are mojibake.
_EDGE_ONLY = frozenset("€‚ƒ„†‡ˆ‰Š‹ŒŽ•˜™š›œžŸ") | frozenset(map(chr, range(0x80, 0xA0)))
_MIDDLE_COST = 6.0


def _literal(char: str, thai_cost: float | None) -> float:
    if thai_cost is not None and "\u0e01" <= char <= "\u0e5b":
        return thai_cost
    return char_cost(char)


@lru_cache(maxsize=16384)
def _decode(
    run: str,
    chain: Chain,
    drops: bool,
    thai_cost: float | None,
    controls: bool,
    after_letter: bool,
) -> tuple[Piece, ...]:
    encode = _ENCODERS[chain]
    data = [_WILD if c == REPLACEMENT else encode[c] for c in run]
    n = len(run)
    best: list[float] = [0.0] + [float("inf")] * n
    back: list[tuple[int, Piece | None]] = [(0, None)] * (n + 1)
    for i in range(n):
        if best[i] == float("inf"):
            continue
        as_written = best[i] + _literal(run[i], thai_cost)
        if 0 < i < n - 1 and run[i] in _EDGE_ONLY:
            as_written += _MIDDLE_COST
        if as_written < best[i + 1]:
            best[i + 1] = as_written
            back[i + 1] = (i, None)
        need = utf8_trail_count(data[i])
        if need < 0:
            continue
        avail = 0
        while avail < need and i + 1 + avail < n and _is_cont(data[i + 1 + avail]):
            avail += 1
        for taken in range(avail + 1):
            missing = need - taken
            if missing and (not drops or missing > 2):
                continue
            # Seed: a reading resting only on what genuine text has after a letter is weak.
            weak = (
                drops and taken > 0 and all(c in GENUINE_AFTER for c in run[i + 1 : i + 1 + taken])
            )
            glued = after_letter and i == 0
            ranked = _readings(
                data[i], tuple(data[i + 1 : i + 1 + taken]), need, missing, controls, weak, glued
            )
            if not ranked:
                continue
            end = i + 1 + taken
            total = best[i] + ranked[0][1]
            if total < best[end]:
                best[end] = total
                piece = Piece(
                    start=i,
                    end=end,
                    chain=chain,
                    candidates=tuple(c for c, _, _ in ranked),
                    costs=tuple(cost for _, cost, _ in ranked),
                    lost=ranked[0][2],
                )
                back[end] = (i, piece)
    return best_path(back)
