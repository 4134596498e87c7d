"""The names panel: every person in the article with characters, pinyin, English and status."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from tui.bridge import PersonRow, Status

STATUS_STYLE: dict[Status, str] = {
    Status.IN_GLOSSARY: "green",
    Status.NEW: "bold cyan",
    Status.INCONSISTENT: "bold red",
    Status.AMBIGUOUS: "bold yellow",
}


class NamesTable(DataTable[Text | str]):
    """One row per person; Enter (or `a`) opens the entry form for the highlighted person."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.people: tuple[PersonRow, ...] = ()

    def on_mount(self) -> None:
        self.add_columns("Characters", "Pinyin", "English", "Status")

    def show(self, people: Sequence[PersonRow]) -> None:
        keep = self.cursor_row
        self.people = tuple(people)
        self.clear()
        for index, person in enumerate(self.people):
            self.add_row(
                person.hanzi or "—",
                person.pinyin or "—",
                person.english or "—",
                Text(person.status.value, STATUS_STYLE[person.status]),
                key=str(index),
            )
        if self.people:
            self.move_cursor(row=min(keep, len(self.people) - 1))

    @property
    def current(self) -> PersonRow | None:
        if not self.people or not 0 <= self.cursor_row < len(self.people):
            return None
        return self.people[self.cursor_row]
