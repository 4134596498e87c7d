"""The review app and its factory, shared by `glossary review` and the tests."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.bridge import House, Review
from tui.screens.review import ReviewScreen
from tui.session import ReviewSession
from tui.startup import Opened, open_review

THEMES = {"dark": "textual-dark", "light": "textual-light"}


class ReviewApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "glossary review"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
    ]

    def __init__(
        self,
        session: ReviewSession,
        house: House,
        *,
        theme: str = "dark",
        cursor_blink: bool = True,
        first_check: Future[Review] | None = None,
        collect_after_start: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.house = house
        self._first_check = first_check
        self._theme_name = THEMES[theme]
        self.cursor_blink = cursor_blink
        self.collect_after_start = collect_after_start

    def on_mount(self) -> None:
        self.theme = self._theme_name
        # After Textual's start-up batch: a frame painted inside it is thrown away, so the
        # review screen would be laid out and rendered twice before it is first shown.
        self.call_later(self._open_review)

    def _open_review(self) -> None:
        self.push_screen(ReviewScreen(self.session, self.house, self._first_check))
        if self.collect_after_start:  # `glossary review` paused the collector for start-up
            self.call_after_refresh(_collect_again)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    async def action_quit(self) -> None:
        """Quit; with unsaved changes, ask first (save, discard or stay)."""
        if not self.session.dirty:
            self.exit()
            return
        from tui.screens.modals import ChoiceScreen  # imported when first needed

        if isinstance(self.screen, ChoiceScreen):
            return  # already asking
        what = []
        if self.session.article_dirty:
            what.append(self.session.path.name)
        if self.session.glossary_dirty:
            what.append("the glossary")

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.exit()
            elif choice == "save":
                screen = self.screen
                if isinstance(screen, ReviewScreen) and screen.save():
                    self.exit()

        self.push_screen(
            ChoiceScreen(
                "Unsaved changes",
                f"{' and '.join(what)} changed. Save before quitting?",
                [("save", "Save and quit"), ("discard", "Quit without saving"), ("cancel", "Stay")],
                default="cancel",
            ),
            answered,
        )


def create_app(
    article: Path,
    *,
    glossary_paths: Sequence[Path] = (),
    theme: str = "dark",
    cursor_blink: bool = True,
    opened: Opened | None = None,
    collect_after_start: bool = False,
) -> ReviewApp:
    """Build the review app for `article`.

    The article and the glossary files are read now: bad input raises GlossaryError (the CLI
    prints one line and exits 2). The first check starts at once, in a thread; or it was
    started earlier (`opened`, from `tui.startup.open_review`). With `collect_after_start`
    the app turns the garbage collector back on once its first frame is painted, and moves
    what start-up and the warm-up loaded out of its way once the warm-up is over.
    """
    if opened is None:
        opened = open_review(Path(article), glossary_paths)
    return ReviewApp(
        opened.session,
        opened.house,
        theme=theme,
        cursor_blink=cursor_blink,
        first_check=opened.first_check,
        collect_after_start=collect_after_start,
    )


def _collect_again() -> None:
    """The collector back on after the first frame; what start-up built (Textual, the screen,
    the first check) lives as long as the app, so it is frozen out of the collector's way
    first: a full collection while the editor types does not walk it all again."""
    gc.freeze()
    gc.enable()
