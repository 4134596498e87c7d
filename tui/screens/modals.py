"""Small modal screens: a choice between buttons, and the help screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceScreen(ModalScreen[str]):
    """A question with a few answers as buttons; dismisses with the chosen key ("" on Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        message: str,
        choices: Sequence[tuple[str, str]],
        *,
        default: str | None = None,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self._title = title
        self._message = message
        self._choices = tuple(choices)
        self._default = default or (self._choices[0][0] if self._choices else None)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title, classes="dialog-title")
            yield Static(self._message, classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for key, label in self._choices:
                    yield Button(
                        label,
                        id=f"choice-{key}",
                        variant="primary" if key == self._default else "default",
                        compact=True,
                    )

    def on_mount(self) -> None:
        if self._default is not None:
            self.query_one(f"#choice-{self._default}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        assert event.button.id is not None
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss("")


HELP_INTRO = (
    "Check an article's Chinese names before publication. Findings are highlighted in the "
    "text; the panels below list the findings, the people named, and look-up."
)

KEYS: tuple[tuple[str, str], ...] = (
    ("n / p", "next / previous finding"),
    ("f", "apply the selected finding's fix"),
    ("F", "apply every fix of the selected finding's kind"),
    ("i", "ignore the finding: suppression comment or glossary exception"),
    ("a", "add or edit the glossary entry for the selected person"),
    ("/", "look up a name or term (house glossary, then CC-CEDICT)"),
    ("escape", "leave the look-up; close a dialog"),
    ("enter", "on a person or a look-up result: its glossary entry"),
    ("r", "repair mojibake, showing before and after"),
    ("u", "undo the last change"),
    ("ctrl+s", "save the article and the glossary"),
    ("1 2 3", "show findings / names / look-up"),
    ("tab", "move between the article, the lists and the look-up"),
    ("ctrl+t", "switch between the light and the dark theme"),
    ("ctrl+p", "command palette: every action by name"),
    ("?", "this help"),
    ("q", "quit (asks first when there are unsaved changes)"),
)

HELP_SAVING = (
    "Nothing is written until you save. The article and the glossary are written "
    "atomically, the previous version kept as NAME~. If a file changed on disk since it "
    "was opened, you are told and asked before it is overwritten.\n\n"
    "The mouse works too: click a highlighted name, a finding, a person or a tab."
)


def _keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for key, what in KEYS:
        table.add_row(key, what)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static("glossary review: help", classes="dialog-title")
            yield Static(HELP_INTRO, classes="dialog-message")
            yield Static("Keys", classes="help-heading")
            yield Static(_keys_table(), classes="dialog-message")
            yield Static("Saving", classes="help-heading")
            yield Static(HELP_SAVING)
        yield Static("escape: close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
