"""The plain record every decoder returns: one original character and its candidates."""

from __future__ import annotations

from glossary.records import NamedTuple
from glossary.repair.charmaps import Chain


class Piece(NamedTuple):
    """Mojibake at ``text[start:end]`` that decodes to one of ``candidates``.

    ``candidates`` is ordered by ``costs`` (bits, lower = likelier); it has
    more than one entry only when bytes were lost and several originals fit.
    ``lost`` counts the bytes that were dropped or replaced by U+FFFD.
    (A NamedTuple, not a frozen dataclass: `dataclasses` costs every cold lint ~10 ms;
    `glossary.records`' one, which does not import `typing` at run time.)
    """

    start: int
    end: int
    chain: Chain
    candidates: tuple[str, ...]
    costs: tuple[float, ...]
    lost: int = 0
    times: int = 1  # how many times the pipeline was applied (doubly encoded: 2)

    @property
    def best(self) -> str:
        return self.candidates[0]

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def best_path(back: list[tuple[int, Piece | None]]) -> tuple[Piece, ...]:
    """The pieces on the cheapest path of a left-to-right search over a run.

    ``back[end]`` holds ``(start, piece)`` for the best way to reach position
    ``end``: a decoded piece, or None where the character was kept as written.
    """
    pieces: list[Piece] = []
    pos = len(back) - 1
    while pos > 0:
        prev, step = back[pos]
        if step is not None:
            pieces.append(step)
        pos = prev
    pieces.reverse()
    return tuple(pieces)
