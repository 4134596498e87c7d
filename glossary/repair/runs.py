"""Find the runs of text a chain should look at: only around its trigger characters."""

from __future__ import annotations

import re


def runs_around(text: str, trigger: re.Pattern[str], run: re.Pattern[str]) -> list[tuple[int, str]]:
    """Maximal runs of ``run``'s characters that contain a ``trigger`` match, with offsets.

    Only the neighbourhood of a trigger is looked at, so a long clean text
    costs one regex scan.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    while (match := trigger.search(text, pos)) is not None:
        pos = max(match.end(), match.start() + 1)
        start = _run_start(text, match.start(), run)
        found = run.match(text, start)
        if found is None or found.end() <= match.start():
            continue
        # The next search starts past this run: Chinese text, where every other
        # character may be a trigger, is scanned once.
        pos = max(pos, found.end())
        out.append((start, found.group()))
    return out


_STEP = 256


def _run_start(text: str, pos: int, run: re.Pattern[str]) -> int:
    """Where the run of ``run``'s characters that reaches ``pos`` starts (``pos`` if none).

    Searched a block at a time in the regex engine, not a character at a time
    in Python: a trigger deep in a paragraph of Chinese costs one scan back.
    ``run`` must be a repeated character class (``[...]+``).
    """
    start = pos
    while start > 0:
        lo = max(0, start - _STEP)
        found = list(run.finditer(text, lo, start))
        last = found[-1] if found else None
        if last is None or last.end() != start:
            break
        start = last.start()
        if start != lo:
            break
    return start
