"""The look-up panel: search-as-you-type over the house glossary and CC-CEDICT."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.bridge import LookupRow

Searcher = Callable[[str], Sequence[LookupRow]]


def row_prompt(row: LookupRow) -> Text:
    prompt = Text()
    prompt.append(row.hanzi, "bold")
    if row.traditional and row.traditional != row.hanzi:
        prompt.append(f" [{row.traditional}]", "dim")
    prompt.append(f"  {row.pinyin}", "italic")
    prompt.append(f"  {row.english}")
    prompt.append(f"  ({row.source})", "dim green" if row.source == "house" else "dim")
    return prompt


class LookupPanel(Vertical):
    """An input and its results; each keystroke starts a search in a worker, newest wins."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.show_tab('findings')", "Back to findings", show=False),
    ]

    DEFAULT_CSS = """
    LookupPanel { height: 1fr; }
    LookupPanel > Input { margin: 0; }
    LookupPanel > OptionList { height: 1fr; border: none; }
    LookupPanel > #lookup-status { height: 1; color: $text-muted; }
    """

    class Shown(Message):
        """Results for `query` are on screen (the benchmark waits for this)."""

        def __init__(self, query: str, count: int) -> None:
            super().__init__()
            self.query = query
            self.count = count

    def __init__(self, searcher: Searcher, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._searcher = searcher
        self.rows: tuple[LookupRow, ...] = ()
        self.query_shown: str | None = None

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="characters, pinyin (yang2 / yáng / yang) or English",
            id="lookup-input",
            compact=True,
        )
        yield Static("", id="lookup-status")
        yield OptionList(id="lookup-results")

    @on(Input.Changed, "#lookup-input")
    def _changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(exclusive=True, thread=True, group="lookup")
    def search(self, query: str) -> None:
        rows = tuple(self._searcher(query)) if query.strip() else ()
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show, query, rows)

    def _show(self, query: str, rows: tuple[LookupRow, ...]) -> None:
        if self.query_one("#lookup-input", Input).value != query:
            return  # a newer keystroke is on its way
        self.rows = rows
        results = self.query_one("#lookup-results", OptionList)
        results.set_options(Option(row_prompt(row), id=str(i)) for i, row in enumerate(rows))
        status = self.query_one("#lookup-status", Static)
        if not query.strip():
            status.update("")
        elif rows:
            status.update(f"{len(rows)} result{'s' if len(rows) != 1 else ''}")
        else:
            status.update("no match in the house glossary or CC-CEDICT")
        self.query_shown = query
        self.post_message(self.Shown(query, len(rows)))

    def focus_input(self, text: str | None = None) -> None:
        field = self.query_one("#lookup-input", Input)
        if text is not None:
            field.value = text
        field.focus()
