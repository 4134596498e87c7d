"""Find the runs of text a chain should look at: only around its trigger characters."""

from __future__ import annotations

import re


def runs_around(text: str, trigger: re.Pattern[str], run: re.Pattern[str]) -> list[tuple[int, str]]:
    """Maximal runs of ``run``'s characters that contain a ``trigger`` match, with offsets.

    Only the neighbourhood of a trigger is looked at, so a long clean text
    costs one regex scan.
    """
    out: list[tuple[int, str]] = []
    end = 0
    for match in trigger.finditer(text):
        if match.start() < end:
            continue
        start = match.start()
        while start > 0 and run.fullmatch(text[start - 1]):
            start -= 1
        found = run.match(text, start)
        if found is None or found.end() <= match.start():
            continue
        end = found.end()
        out.append((start, found.group()))
    return out
