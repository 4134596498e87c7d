"""The editors' review UI (Textual). It renders what the `glossary` core returns.

Importing the package itself loads no Textual: `glossary review` starts the article's first
check (`tui.startup`) before the UI's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen


def still_cursors(screen: Screen[Any]) -> None:
    """Stop input cursors blinking when the app asks for it (snapshots must not flicker)."""
    from textual.widgets import Input

    if not getattr(screen.app, "cursor_blink", True):
        for field in screen.query(Input):
            field.cursor_blink = False
