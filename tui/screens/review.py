"""The review screen: the article with findings in place, findings, names and look-up."""

from __future__ import annotations

import gc
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Input,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from glossary.chars import HAN_RUN_RE
from glossary.check.findings import Finding, LineIndex
from glossary.errors import GlossaryError
from tui import bridge, still_cursors
from tui.commands import ReviewCommands
from tui.session import ChangedOnDisk, ReviewSession
from tui.startup import ChildCheck
from tui.warmup import WarmUp
from tui.widgets.article import ArticleView
from tui.widgets.findings import FindingsList
from tui.widgets.lookup import LookupPanel
from tui.widgets.names import NamesTable

if TYPE_CHECKING:
    from glossary.repair import Repair
    from tui.screens.entry_form import FormResult

# The background warm-up waits while the editor has typed in the look-up this recently (s).
LOOK_UP_PAUSE = 1.0

# The dialogs (entry form, choices, help, repair) and their widgets are imported when first
# opened: the first frame does not need them and `glossary review` starts faster without.


class ReviewScreen(Screen[None]):
    COMMANDS: ClassVar = {ReviewCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_finding", "Next"),
        Binding("p", "previous_finding", "Prev"),
        Binding("f", "apply_fix", "Fix"),
        Binding("F", "apply_fix_all", "Fix all", show=False),
        Binding("i", "ignore", "Ignore"),
        Binding("a", "entry", "Entry"),
        Binding("slash", "lookup", "Look-up"),
        Binding("r", "repair", "Repair", show=False),
        Binding("u,ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+s", "save", "Save"),
        Binding("1", "show_tab('findings')", "Findings", show=False),
        Binding("2", "show_tab('names')", "Names", show=False),
        Binding("3", "show_tab('lookup')", "Look-up", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "app.quit", "Quit"),
    ]

    @dataclass
    class Checked(Message):
        """The core re-checked the article (text is what was checked)."""

        text: str
        entries: tuple[object, ...]
        review: bridge.Review

    def __init__(
        self,
        session: ReviewSession,
        house: bridge.House,
        first_check: Future[bridge.Review] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.house = house
        # the check of the text as opened, started before the UI (see tui.startup)
        self._first_check = (session.text, first_check) if first_check is not None else None
        self._checked_elsewhere = isinstance(first_check, ChildCheck)
        self.review: bridge.Review | None = None
        self.checked_text: str | None = None
        self.checked_entries: tuple[object, ...] = ()
        self.current: int | None = None
        self._anchor: int | None = None  # offset of the selected finding across a re-check
        self._warm: WarmUp | None = None
        self._looked_up_at = -LOOK_UP_PAUSE  # when the editor last typed in the look-up

    @property
    def findings(self) -> tuple[Finding, ...]:
        return (
            self.review.findings if self.review and self.checked_text == self.session.text else ()
        )

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        ready = self._ready_first_check()
        if ready is not None:  # checked while the UI loaded: findings in the first frame
            self._accept(self.session.text, self.session.entries, ready)
        text, findings = self.session.text, self.findings
        yield ArticleView(text, findings, self.current, id="article")
        yield Static("", id="detail")
        with TabbedContent(id="panels", initial="findings"):
            with TabPane("Findings", id="findings"):
                yield FindingsList(findings, text, self.current, id="findings-list")
            with TabPane("Names", id="names"):
                yield NamesTable(id="names-table")
            with TabPane("Look-up", id="lookup"):
                yield LookupPanel(self._search, id="lookup-panel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        still_cursors(self)
        for warning in self.house.warnings:  # as the CLI commands warn on stderr
            self.notify(warning, title="Glossary", severity="warning", timeout=10)
        self.query_one(FindingsList).focus()
        if self.review is not None:  # the first check was there for compose
            self._refresh_view()
            self._after_first_check()
            return
        self._update_titles(checking=True)
        self.recheck()

    def _ready_first_check(self) -> bridge.Review | None:
        """The first check's result when it has already arrived (and is of this text)."""
        first = self._first_check
        if first is None or first[0] != self.session.text or self.session.entries:
            return None
        future = first[1]
        if not future.done() or future.exception() is not None:
            return None  # still running, or failed: the worker waits or reports it
        self._first_check = None
        return future.result()

    # -- checking (in a worker) ------------------------------------------------------------------

    @work(exclusive=True, thread=True, group="check")
    def recheck(self) -> None:
        text, entries = self.session.text, self.session.entries
        first, self._first_check = self._first_check, None
        try:
            if first is not None and first[0] == text and not entries:
                review = first[1].result()
            else:
                glossary = self.house.effective(entries)
                review = bridge.check(self.session.path, text, glossary)
        except GlossaryError as exc:
            self.app.call_from_thread(self._check_failed, str(exc))
            return
        except Exception as exc:  # a checker bug must not close the app and lose the edits
            self.log.error(f"check failed: {exc!r}")
            message = f"The checker failed ({type(exc).__name__}: {exc}); edits are kept."
            self.app.call_from_thread(self._check_failed, message)
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Checked(text, entries, review))

    def _check_failed(self, message: str) -> None:
        self.query_one(ArticleView).border_subtitle = "check failed"
        self.notify(message, severity="error", timeout=10)

    def on_review_screen_checked(self, message: Checked) -> None:
        if (message.text, message.entries) != (self.session.text, self.session.entries):
            return  # stale: a newer check is running
        self._show_review(message.text, message.entries, message.review)

    def _show_review(self, text: str, entries: tuple[object, ...], review: bridge.Review) -> None:
        first = self.review is None
        self._accept(text, entries, review)
        self._refresh_view()
        if first:
            self._after_first_check()

    def _accept(self, text: str, entries: tuple[object, ...], review: bridge.Review) -> None:
        """Take the check of `text` as the one shown (the selection stays where it was)."""
        finding = self._current_finding()
        anchor = finding.start if finding is not None else self._anchor
        self.review = review
        self.checked_text = text
        self.checked_entries = entries
        self.current = _nearest(self.review.findings, anchor)

    def _after_first_check(self) -> None:
        # once the findings are painted: the warm-up would slow the first frame down
        self.call_after_refresh(self._warm_up, checked_elsewhere=self._checked_elsewhere)

    def _warm_up(self, *, checked_elsewhere: bool) -> None:
        """After the findings are shown, so that the first look-up keystroke is fast too; and
        when the first check ran in a child process, so that the first re-check is too. In a
        thread of its own that quitting does not wait for (`tui.warmup`)."""
        if self._warm is not None or not self.is_mounted:
            return
        house, entries, session = self.house, self.session.entries, self.session
        # first what the look-up needs (its searches wait for these rather than load the same
        # tables beside them); then the check, which waits while the editor types there
        steps = bridge.warm_up_steps(house, entries)
        if checked_elsewhere:
            steps.append(
                ("check", lambda: bridge.check(session.path, session.text, house.effective(())))
            )
        self._warm = WarmUp(
            steps,
            pausable={"check"},
            busy=self._typing_in_look_up,
            on_error=self._warm_up_failed,
            then=self._warmed_up,
        )
        self._warm.start()

    def _warmed_up(self) -> None:
        """With `glossary review` in charge of the collector (`collect_after_start`): what
        start-up and the warm-up loaded (Textual, the checker's and CC-CEDICT's indexes, the
        romanizer's tables) lives as long as the app, so it is frozen out of the collector's
        way: a full collection while the editor types then does not walk it all again."""
        if getattr(self.app, "collect_after_start", False):
            gc.freeze()

    def _typing_in_look_up(self) -> bool:
        """Whether the editor typed in the look-up within the last second (read by the warm-up
        thread: a float, written only by the event loop)."""
        return time.monotonic() - self._looked_up_at < LOOK_UP_PAUSE

    def _warm_up_failed(self, step: str, exc: Exception) -> None:
        # only a head start: the look-up and the checker report their own errors
        self.log.warning(f"warm-up ({step}) failed: {exc!r}")

    @on(Input.Changed, "#lookup-input")
    def _looked_up(self) -> None:
        self._looked_up_at = time.monotonic()

    def on_unmount(self) -> None:
        if self._warm is not None:
            self._warm.stop()

    def _refresh_view(self) -> None:
        text = self.session.text
        findings = self.findings
        self.query_one(ArticleView).show(text, findings, self.current)
        self.query_one(FindingsList).show(findings, text, self.current)
        if self.review is not None:
            self.query_one(NamesTable).show(self.review.people)
        self._update_titles(checking=self.checked_text != text)
        self._update_detail()
        self.query_one(ArticleView).scroll_to_finding(self.current)

    def _update_titles(self, *, checking: bool) -> None:
        article = self.query_one(ArticleView)
        mark = " (modified)" if self.session.article_dirty else ""
        article.border_title = f"{self.session.path.name}{mark}"
        if checking:
            article.border_subtitle = "checking…"
        else:
            count = len(self.findings)
            article.border_subtitle = f"{count} finding{'s' if count != 1 else ''}"
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("findings").label = f"Findings {len(self.findings)}"  # type: ignore[assignment]
        people = len(self.review.people) if self.review else 0
        tabs.get_tab("names").label = f"Names {people}"  # type: ignore[assignment]
        glossary_mark = " (glossary modified)" if self.session.glossary_dirty else ""
        self.app.sub_title = f"{self.session.path.name}{mark}{glossary_mark}"

    def _update_detail(self) -> None:
        detail = self.query_one("#detail", Static)
        finding = self._current_finding()
        if finding is None:
            detail.update("No findings." if self.review is not None and not self.findings else "")
            return
        where = LineIndex(self.session.text).position(finding.start)
        line = Text()
        line.append(f"{finding.code} {finding.rule} ", "bold")
        line.append(f"line {where.line}: ", "dim")
        line.append(finding.message)
        if finding.fix is not None:
            before = self.session.text[finding.fix.start : finding.fix.end]
            line.append("  fix: ", "dim")
            line.append(f"{before} → {finding.fix.replacement}", "bold green")
        detail.update(line)

    def _current_finding(self) -> Finding | None:
        findings = self.findings
        if self.current is None or not 0 <= self.current < len(findings):
            return None
        return findings[self.current]

    def _changed(self, message: str) -> None:
        """The article or the glossary changed: show it and re-check."""
        shown = self.review.findings if self.review is not None else ()
        if self.current is not None and self.current < len(shown):
            self._anchor = shown[self.current].start  # come back here after the re-check
        self.query_one(ArticleView).show(self.session.text)
        self.query_one(FindingsList).show((), self.session.text, None)
        self._update_titles(checking=True)
        self._update_detail()
        self.notify(message, timeout=3)
        self.recheck()

    # -- moving between findings ------------------------------------------------------------------

    def select_finding(self, index: int) -> None:
        if not 0 <= index < len(self.findings):
            return
        self.current = index
        self.query_one(ArticleView).set_current(index)
        findings_list = self.query_one(FindingsList)
        if findings_list.highlighted != index:
            findings_list.highlighted = index
        self._update_detail()

    def action_select_finding(self, index: int) -> None:
        self.select_finding(index)

    def action_next_finding(self) -> None:
        self._step(1)

    def action_previous_finding(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        count = len(self.findings)
        if not count:
            self.notify("No findings.", timeout=2)
            return
        index = 0 if self.current is None and delta > 0 else (self.current or 0) + delta
        self.select_finding(index % count)

    @on(OptionList.OptionHighlighted, "#findings-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.current:
            self.select_finding(event.option_index)

    @on(OptionList.OptionSelected, "#findings-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.select_finding(event.option_index)

    # -- fixes, ignoring, undo --------------------------------------------------------------------

    def action_apply_fix(self) -> None:
        finding = self._current_finding()
        if finding is None or finding.fix is None:
            self.notify("This finding has no automatic fix.", severity="warning", timeout=3)
            return
        text = bridge.apply_fixes(self.session.text, [finding.fix])
        if self.session.edit_text(text, f"fix {finding.code}"):
            self._changed(f"Applied the fix for {finding.code}.")

    def action_apply_fix_all(self) -> None:
        finding = self._current_finding()
        if finding is None:
            return
        fixes = [f.fix for f in self.findings if f.code == finding.code and f.fix is not None]
        if not fixes:
            self.notify(f"No {finding.code} finding has a fix.", severity="warning", timeout=3)
            return
        text = bridge.apply_fixes(self.session.text, fixes)
        if self.session.edit_text(text, f"fix all {finding.code}"):
            self._changed(
                f"Applied {len(fixes)} {finding.code} fix{'es' if len(fixes) > 1 else ''}."
            )

    def action_ignore(self) -> None:
        from tui.screens.modals import ChoiceScreen

        finding = self._current_finding()
        if finding is None:
            return
        choices = [("comment", "Suppression comment"), ("glossary", "Glossary exception")]
        choices.append(("cancel", "Cancel"))
        message = (
            f"Ignore {finding.code} here with a comment in the article, "
            "or record an exception in the house glossary?"
        )
        self.app.push_screen(
            ChoiceScreen(f"Ignore {finding.code}", message, choices),
            lambda choice: self._ignore(finding, choice or ""),
        )

    def _ignore(self, finding: Finding, choice: str) -> None:
        from tui.screens.entry_form import EntryFormScreen

        if choice == "comment":
            edit = bridge.suppression_edit(self.session.path, self.session.text, finding)
            if self.session.replace([edit], f"ignore {finding.code}"):
                self._changed(f"{finding.code} suppressed with a comment in the article.")
        elif choice == "glossary":
            try:
                entry, changes = bridge.add_exception(
                    self.house, self.session.entries, finding, self.session.text, self.review
                )
            except bridge.NoEntry as exc:
                self.notify(f"{exc}: add an entry for it.", timeout=4)
                self.app.push_screen(
                    EntryFormScreen(self.house, self.session.entries, exc.hanzi), self._entry_done
                )
                return
            except GlossaryError as exc:
                self.notify(str(exc), severity="error", timeout=6)
                return
            self.session.set_entries(changes, f"exception {finding.code}")
            self._changed(
                f"{entry.aliases[-1]!r} accepted as a form of {entry.hanzi} (save to keep it)."
            )

    def action_undo(self) -> None:
        label = self.session.undo()
        if label is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._changed(f"Undid: {label}.")

    # -- glossary entries ---------------------------------------------------------------------------

    def action_entry(self) -> None:
        from tui.screens.entry_form import EntryFormScreen

        hanzi = self._selected_hanzi()
        self.app.push_screen(
            EntryFormScreen(self.house, self.session.entries, hanzi), self._entry_done
        )

    def _selected_hanzi(self) -> str:
        tabs = self.query_one(TabbedContent)
        if tabs.active == "names":
            person = self.query_one(NamesTable).current
            return person.hanzi if person else ""
        if tabs.active == "lookup":
            panel = self.query_one(LookupPanel)
            results = panel.query_one(OptionList)
            if results.highlighted is not None and results.highlighted < len(panel.rows):
                return panel.rows[results.highlighted].hanzi
            return ""
        finding = self._current_finding()
        return bridge.hanzi_of(finding, self.review) if finding else ""

    def _entry_done(self, result: FormResult | None) -> None:
        if result is None:
            return
        self.session.set_entries(result.entries, result.label)
        self._changed(f"{result.label} (save with ctrl+s to keep it).")

    @on(OptionList.OptionSelected, "#lookup-results")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_entry()

    @on(DataTable.RowSelected, "#names-table")
    def _person_chosen(self, event: DataTable.RowSelected) -> None:
        self.action_entry()

    # -- look-up ----------------------------------------------------------------------------------

    def _search(self, query: str) -> list[bridge.LookupRow]:
        """(In a worker.) While the warm-up loads what this search needs, wait for it."""
        warm = self._warm
        if warm is not None:
            warm.wait_for("look-up")
            if HAN_RUN_RE.search(query):  # characters: the romanizer reads them
                warm.wait_for("romanizer")
        return bridge.search(self.house.lookup(self.session.entries), query)

    def action_lookup(self) -> None:
        self.action_show_tab("lookup")

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        target = {
            "findings": "#findings-list",
            "names": "#names-table",
            "lookup": "#lookup-input",
        }[tab]
        self.query_one(target).focus()

    # -- mojibake ---------------------------------------------------------------------------------

    def action_repair(self) -> None:
        self._find_repairs(self.session.text)

    @work(exclusive=True, thread=True, group="repair")
    def _find_repairs(self, text: str) -> None:
        repairs = bridge.find_repairs(text, self.house.effective(self.session.entries))
        self.app.call_from_thread(self._show_repairs, text, repairs)

    def _show_repairs(self, text: str, repairs: list[Repair]) -> None:
        if text != self.session.text:
            return  # the article changed meanwhile: ask again
        if not repairs:
            self.notify("No mojibake found.", timeout=3)
            return
        from tui.screens.repair import RepairScreen

        self.app.push_screen(RepairScreen(text, repairs), self._repair_done)

    def _repair_done(self, repairs: list[Repair] | None) -> None:
        if not repairs:
            return
        runs = f"{len(repairs)} run{'s' if len(repairs) > 1 else ''}"
        text = bridge.apply_repairs(self.session.text, repairs)
        if self.session.edit_text(text, f"repair {runs}"):
            self._changed(f"Repaired {runs} of mojibake.")

    # -- saving -----------------------------------------------------------------------------------

    def action_save(self) -> None:
        self.save()

    def save(self, *, force_article: bool = False, force_glossary: bool = False) -> bool:
        """Save what changed; asks before overwriting a file that changed on disk."""
        session = self.session
        saved: list[str] = []
        if session.article_dirty:
            try:
                session.save_article(force=force_article)
            except ChangedOnDisk as exc:
                self._ask_overwrite(exc, glossary=False)
                return False
            except OSError as exc:
                self.notify(f"{session.path}: not saved: {exc.strerror or exc}", severity="error")
                return False
            saved.append(session.path.name)
        if session.glossary_dirty:
            try:
                target = self.house.save(session.entries, force=force_glossary)
            except ChangedOnDisk as exc:
                self._ask_overwrite(exc, glossary=True)
                return False
            except GlossaryError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return False
            except OSError as exc:
                self.notify(f"glossary not saved: {exc}", severity="error", timeout=8)
                return False
            session.mark_glossary_saved()
            saved.append(target.name)
        self._update_titles(checking=self.checked_text != session.text)
        self.notify(f"Saved {', '.join(saved)}." if saved else "Nothing to save.", timeout=3)
        return True

    def _ask_overwrite(self, exc: ChangedOnDisk, *, glossary: bool) -> None:
        from tui.screens.modals import ChoiceScreen

        message = (
            f"{exc.path.name} was changed on disk after it was opened. "
            "Overwrite it with your version (the file on disk is kept as a backup with ~)?"
        )

        def answered(choice: str | None) -> None:
            if choice == "overwrite":
                self.save(force_article=not glossary, force_glossary=glossary)
            else:
                self.notify(f"{exc.path.name} not saved.", severity="warning", timeout=4)

        self.app.push_screen(
            ChoiceScreen(
                "Changed on disk",
                message,
                [("cancel", "Keep the file"), ("overwrite", "Overwrite")],
            ),
            answered,
        )

    # -- help -------------------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.modals import HelpScreen

        self.app.push_screen(HelpScreen())


def _nearest(findings: tuple[Finding, ...], anchor: int | None) -> int | None:
    """After a re-check, stay on the finding at (or next after) where the old one was."""
    if not findings:
        return None
    if anchor is None:
        return 0
    for index, finding in enumerate(findings):
        if finding.start >= anchor:
            return index
    return len(findings) - 1
