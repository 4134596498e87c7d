"""The editors' review UI (Textual). It renders what the `glossary` core returns."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Input


def still_cursors(screen: Screen[Any]) -> None:
    """Stop input cursors blinking when the app asks for it (snapshots must not flicker)."""
    if not getattr(screen.app, "cursor_blink", True):
        for field in screen.query(Input):
            field.cursor_blink = False
