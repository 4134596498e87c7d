"""The seed's pipeline: UTF-8 read as Windows-874 (Thai) with Windows-1252 for 0x80-0x9F.

Genuine Thai is made of the same characters, so the chain applies only when
the document shows the pipeline: most of its Thai letters read as convincing
UTF-8 (accented letters only inside a Latin word, a guessed byte as half a
proof, at least one piece with no byte lost). Then a Thai letter as written
is near-impossible and short runs with a lost byte are read too.
"""

from __future__ import annotations

import re
from functools import cache

from glossary.repair.charmaps import SEED_ENCODE, THAI_CHARS, Chain, char_class
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


@cache
def thai_pattern() -> str:
    """A character of the seed's mojibake: the Thai letters cp874 puts at A1-FF."""
    return f"[{char_class(THAI_CHARS)}]"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    from glossary.resources import load_regexes

    return load_regexes(
        "repair-seed", {"thai": thai_pattern(), "run": f"[{char_class(''.join(SEED_ENCODE))}]+"}
    )


def _thai_count(text: str) -> int:
    return len(_patterns()["thai"].findall(text))


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


def after_letter(text: str, start: int) -> bool:
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


def _no_thai_kept(run: str, start: int, pieces: list[Piece]) -> bool:
    """Every Thai letter of ``run`` (at ``start``) is inside one of its decoded ``pieces``.

    Then the cheapest reading at a higher cost for Thai kept as written is the same:
    that cost only makes other readings dearer (``single._literal``).
    """
    covered = {k for p in pieces for k in range(p.start - start, p.end - start)}
    return all(k in covered for k, c in enumerate(run) if "\u0e01" <= c <= "\u0e5b")


def find_pieces(text: str) -> list[Piece]:
    """Pieces of the seed's mojibake, if the document shows that pipeline at all."""
    runs = runs_around(text, _patterns()["thai"], _patterns()["run"])
    if not runs:
        return []
    # Evidence first: how much of the Thai reads as UTF-8 (at the usual cost of
    # a lost byte) and gives characters such text is made of, at least one
    # piece with no byte lost. A sample is enough: the pipeline damages all
    # of a document, so genuine Thai and seed mojibake do not mix.
    total = certain = 0
    decoded = 0.0
    weighed: dict[int, list[Piece]] = {}
    for start, run in runs:
        total += _thai_count(run)
        weighed[start] = decode_run(
            run,
            start,
            Chain.SEED,
            drops=True,
            thai_cost=_THAI_WEIGHING,
            after_letter=after_letter(text, start),
        )
        for piece in weighed[start]:
            if not _convincing(piece.best):
                continue
            thai = _thai_count(text[piece.start : piece.end])
            glued = _in_latin_word(text, piece.start, piece.end)
            mojibake = text[piece.start + 1 : piece.end]
            latin = _is_latin(piece.best)
            if (latin and glued) or (not latin and mojibake.strip(_GENUINE_PUNCTUATION)):
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
        earlier = weighed.get(start)
        if earlier is not None and _no_thai_kept(run, start, earlier):
            # Dearer Thai letters cannot change a reading that kept none as written.
            pieces += earlier
            continue
        pieces += decode_run(
            run,
            start,
            Chain.SEED,
            drops=True,
            thai_cost=_THAI_IN_MOJIBAKE,
            after_letter=after_letter(text, start),
        )
    return pieces
