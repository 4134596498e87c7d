"""Mojibake repair: every broken run with its repair, before and after; apply the chosen ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from glossary.check.findings import LineIndex

if TYPE_CHECKING:
    from glossary.repair import Repair


def _clip(text: str, width: int = 30) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


def repair_prompt(repair: Repair, lines: LineIndex) -> Text:
    prompt = Text()
    prompt.append(f"{lines.position(repair.start).line:>4} ", "dim")
    prompt.append(_clip(repair.original), "red")
    prompt.append(" → ")
    if repair.recoverable:
        prompt.append(_clip(repair.replacement), "bold green")
    else:
        prompt.append("(not recoverable)", "yellow")
    return prompt


class RepairScreen(ModalScreen["list[Repair] | None"]):
    """Dismisses with the repairs to apply, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+a,A", "apply", "Apply selected"),
    ]

    def __init__(self, text: str, repairs: Sequence[Repair]) -> None:
        super().__init__(classes="dialog-screen")
        self._text = text
        self._repairs = tuple(repairs)

    def compose(self) -> ComposeResult:
        lines = LineIndex(self._text)
        count = len(self._repairs)
        with Vertical(classes="dialog wide"):
            yield Static(
                f"Mojibake: {count} run{'s' if count != 1 else ''} to repair",
                classes="dialog-title",
            )
            yield Static(
                "Before → after. Space toggles a repair; A applies the checked ones.",
                classes="dialog-message",
            )
            yield SelectionList[int](
                *(
                    Selection(repair_prompt(repair, lines), index, repair.recoverable)
                    for index, repair in enumerate(self._repairs)
                ),
                id="repairs",
            )
            yield Static("", id="repair-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", id="apply", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._show_detail(0)

    @on(SelectionList.SelectionHighlighted)
    def _highlighted(self, event: SelectionList.SelectionHighlighted[int]) -> None:
        self._show_detail(event.selection_index)

    def _show_detail(self, index: int) -> None:
        if not 0 <= index < len(self._repairs):
            return
        repair = self._repairs[index]
        detail = Text()
        detail.append("before: ", "dim")
        detail.append(repair.original.replace("\n", "⏎"))
        detail.append("\nafter:  ", "dim")
        detail.append(repair.replacement.replace("\n", "⏎"), "bold")
        detail.append(f"\n{repair.chain}, confidence {repair.confidence:.0%}", "dim")
        if repair.candidates:
            detail.append("\nit may have read: ", "dim")
            detail.append(", ".join(repair.candidates[:6]))
        self.query_one("#repair-detail", Static).update(detail)

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        chosen = self.query_one(SelectionList).selected
        self.dismiss([self._repairs[i] for i in sorted(chosen)] or None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
