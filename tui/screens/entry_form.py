"""Add or edit a house-glossary entry: pinyin proposed by the romanizer, validated as you type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from glossary.errors import GlossaryError
from glossary.house import Entry
from tui import bridge, still_cursors


@dataclass(frozen=True)
class FormResult:
    entries: tuple[object, ...]  # the session's new/edited entries after this form
    label: str  # "add 刘鹏宇" / "edit 杨洁篪"


class EntryFormScreen(ModalScreen[FormResult | None]):
    """Dismisses with the session's entries including the new or edited one, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save entry"),
    ]

    def __init__(self, house: bridge.House, entries: tuple[object, ...], hanzi: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self._house = house
        self._entries = entries
        self._hanzi = hanzi
        self._existing = house.find(entries, hanzi) if hanzi else None
        self._opened_for_edit = self._existing is not None  # else: add, or edit what is typed
        self._touched: set[str] = set()  # fields the user typed in: never overwritten
        self._filling = False
        self.errors: list[str] = []
        self.proposal: bridge.Proposal | None = None

    def compose(self) -> ComposeResult:
        form = bridge.form_values(self._existing, self._hanzi)
        title = "Edit glossary entry" if self._existing is not None else "Add glossary entry"
        with Vertical(classes="dialog wide", id="entry-dialog"):
            yield Static(title, classes="dialog-title", id="entry-title")
            with Grid(id="entry-grid"):
                yield Label("Characters")
                yield Input(form.hanzi, id="hanzi", compact=True)
                yield Label("Pinyin")
                yield Input(form.pinyin, id="pinyin", compact=True, placeholder="Yáng Jiéchí")
                yield Label("English")
                yield Input(form.english, id="english", compact=True, placeholder="Yang Jiechi")
                yield Label("System")
                yield Select(
                    bridge.SYSTEM_CHOICES,
                    value=form.system,
                    id="system",
                    compact=True,
                    allow_blank=False,
                )
                yield Label("Kind")
                yield Select(
                    bridge.KIND_CHOICES, value=form.kind, id="kind", compact=True, allow_blank=False
                )
                yield Label("Region")
                yield Select(
                    bridge.REGION_CHOICES,
                    value=form.region,
                    id="region",
                    compact=True,
                    allow_blank=False,
                )
                yield Label("Notes")
                yield Input(form.notes, id="notes", compact=True)
            yield Static("", id="entry-note")
            yield Vertical(id="alternatives")  # a RadioSet of readings when ambiguous
            yield Static("", id="entry-errors")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save entry", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        still_cursors(self)
        if self._existing is not None:
            self._touched.update({"pinyin", "english"})
        target = "#pinyin" if self._hanzi else "#hanzi"
        self.query_one(target, Input).focus()
        self._propose(self.query_one("#hanzi", Input).value)
        self._validate()

    # -- proposal from the romanizer (a worker: the first call loads the dictionaries) -----------

    @on(Input.Changed, "#hanzi")
    def _hanzi_changed(self, event: Input.Changed) -> None:
        if self._filling:
            return
        if not self._opened_for_edit:
            # characters already in the glossary: edit that entry rather than add a second one
            hanzi = event.value.strip()
            found = self._house.find(self._entries, hanzi) if hanzi else None
            if found != self._existing:
                self._existing = found
                if found is not None:
                    self._load(found)
                self.query_one("#entry-title", Static).update(
                    "Edit glossary entry" if found is not None else "Add glossary entry"
                )
        self._propose(event.value)
        self._validate()

    @work(exclusive=True, thread=True, group="propose")
    def _propose(self, hanzi: str) -> None:
        proposal = bridge.propose(hanzi.strip(), self._house.effective(self._entries))
        self.post_message(self.Proposed(hanzi, proposal))  # thread-safe

    @dataclass
    class Proposed(Message):
        """The romanizer answered for `hanzi`."""

        hanzi: str
        proposal: bridge.Proposal | None

    async def on_entry_form_screen_proposed(self, message: Proposed) -> None:
        hanzi, proposal = message.hanzi, message.proposal
        if self.query_one("#hanzi", Input).value != hanzi:
            return
        self.proposal = proposal
        note = self.query_one("#entry-note", Static)
        box = self.query_one("#alternatives", Vertical)
        await box.remove_children()
        if proposal is None:
            note.update("")
            self._validate()
            return
        self._fill("pinyin", proposal.pinyin)
        self._fill("english", proposal.english)
        note.update(proposal.note)
        if proposal.choices:
            # A RadioSet takes its buttons when built (it tracks the pressed one from mount).
            current = self._value("pinyin")
            await box.mount(
                RadioSet(
                    *(
                        RadioButton(f"{p}  ({e})", value=(p == current), compact=True)
                        for p, e in proposal.choices
                    ),
                    compact=True,
                )
            )
        self._validate()

    def _load(self, entry: Entry) -> None:
        """Show an existing entry's fields (what the user typed is replaced: it is that entry)."""
        values = bridge.form_values(entry, entry.hanzi)
        self._filling = True
        try:
            for field in ("pinyin", "english", "notes"):
                self.query_one(f"#{field}", Input).value = getattr(values, field)
            for field in ("system", "kind", "region"):
                self.query_one(f"#{field}", Select).value = getattr(values, field)
        finally:
            self._filling = False
        self._touched.update({"pinyin", "english"})

    def _fill(self, field: str, value: str) -> None:
        if field in self._touched:
            return
        self._filling = True
        try:
            self.query_one(f"#{field}", Input).value = value
        finally:
            self._filling = False

    @on(RadioSet.Changed)
    def _alternative(self, event: RadioSet.Changed) -> None:
        if self.proposal is None or event.index < 0:
            return
        pinyin, english = self.proposal.choices[event.index]
        self._touched.discard("pinyin")
        self._touched.discard("english")
        self._fill("pinyin", pinyin)
        self._fill("english", english)
        self._validate()

    # -- live validation --------------------------------------------------------------------------

    @on(Input.Changed, "#pinyin, #english, #notes")
    def _typed(self, event: Input.Changed) -> None:
        if not self._filling and event.input.id:
            self._touched.add(event.input.id)
        self._validate()

    @on(Select.Changed)
    def _selected(self) -> None:
        self._validate()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    def _form(self) -> bridge.FormValues:
        def choice(field: str) -> str:
            value = self.query_one(f"#{field}", Select).value
            return value if isinstance(value, str) else ""

        return bridge.FormValues(
            hanzi=self._value("hanzi").strip(),
            pinyin=self._value("pinyin").strip(),
            english=self._value("english").strip(),
            system=choice("system"),
            kind=choice("kind"),
            region=choice("region"),
            notes=self._value("notes").strip(),
        )

    def _validate(self) -> None:
        self.errors = bridge.validate_form(self._form())
        errors = self.query_one("#entry-errors", Static)
        errors.update("\n".join(f"✗ {e}" for e in self.errors) if self.errors else "✓ valid")
        errors.set_class(bool(self.errors), "invalid")
        self.query_one("#save", Button).disabled = bool(self.errors)

    # -- done -------------------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self._validate()
        if self.errors:
            self.notify(self.errors[0], severity="error", timeout=4)
            return
        form = self._form()
        try:
            entries = self._house.put(self._entries, self._existing, form)
        except GlossaryError as exc:
            self.notify(str(exc), severity="error", timeout=6)
            return
        verb = "edit" if self._existing is not None else "add"
        self.dismiss(FormResult(entries, f"{verb} {form.hanzi}"))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
