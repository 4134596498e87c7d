"""Pilot tests of the review UI's flows at 80x24.

The UI's mechanics (moving, fixing, ignoring, undo, saving, quitting) are driven with a small
fake checker so that they do not move when the rules change; the real core is used for the
entry form, the names panel and look-up, and in `test_real_core_*`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import shutil
import sys
import threading
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import CancelledError
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, RadioSet, Select, Static

from glossary.check.findings import Finding, Fix, Severity
from glossary.errors import GlossaryError
from glossary.repair.charmaps import corrupt_seed
from tui import bridge
from tui.app import ReviewApp, create_app
from tui.screens.entry_form import EntryFormScreen
from tui.screens.modals import ChoiceScreen, HelpScreen
from tui.screens.repair import RepairScreen
from tui.screens.review import ReviewScreen
from tui.startup import ChildCheck, open_review
from tui.warmup import WarmUp
from tui.widgets.article import ArticleLine, ArticleView
from tui.widgets.findings import FindingsList
from tui.widgets.lookup import LookupPanel
from tui.widgets.names import NamesTable

FIXTURE = Path(__file__).parent / "fixtures" / "tui" / "rome.md"
SIZE = (80, 24)


def pilot_test(test: Callable[..., Coroutine[None, None, None]]) -> Callable[..., None]:
    """Run an async pilot test in its own event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def fake_check(path: Path, text: str, glossary: object) -> bridge.Review:
    """Findings at fixed strings of the fixture: two of one kind with fixes, one without."""
    findings = []
    for needle, finding in (
        ("Jiechei", ("GL301", "inconsistent-spelling", Severity.ERROR, "Jiechi")),
        ("Céng", ("GL102", "surname-reading", Severity.WARNING, "Zēng")),
        ("刘鹏宇", ("GL601", "unknown-name", Severity.INFO, None)),
    ):
        start = text.find(needle)
        while start != -1:
            end = start + len(needle)
            code, rule, severity, replacement = finding
            fix = Fix(start, end, replacement) if replacement else None
            line_end = text.find("\n", start)
            suppressed = (
                f"disable-line={code}" in text[start : line_end if line_end != -1 else None]
            )
            if not suppressed:
                findings.append(Finding(code, rule, severity, f"{needle}: {rule}", start, end, fix))
            start = text.find(needle, end)
    findings.sort(key=lambda f: f.start)
    return bridge.Review(tuple(findings), ())


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "rome.md"
    shutil.copyfile(FIXTURE, path)
    return path


@pytest.fixture
def fake_core(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    checked: list[str] = []

    def check(path: Path, text: str, glossary: object) -> bridge.Review:
        checked.append(text)
        return fake_check(path, text, glossary)

    monkeypatch.setattr(bridge, "check", check)
    monkeypatch.setattr(bridge, "warm_up_steps", lambda house, changes: [])  # tested on its own
    yield checked


def make_app(article: Path, **kwargs: object) -> ReviewApp:
    return create_app(article, cursor_blink=False, **kwargs)  # type: ignore[arg-type]


def _quiet(app: App[None]) -> bool:
    """No worker running, and the review screen shows the check of the current text."""
    if not all(worker.is_finished for worker in app.workers):
        return False
    for screen in app.screen_stack:
        if isinstance(screen, ReviewScreen):
            view = screen.query_one(ArticleView)
            failed = view.border_subtitle == "check failed"
            shown = (screen.checked_text, screen.checked_entries)
            return failed or shown == (screen.session.text, screen.session.entries)
    return True


async def warmed_up(app: ReviewApp, timeout: float = 30) -> bool:
    """Wait for the review screen's background warm-up to end; whether it did."""
    for _ in range(round(timeout / 0.01)):
        warm = review(app)._warm
        if warm is not None and warm.finished.is_set():
            return True
        await asyncio.sleep(0.01)
    return False


async def settle(pilot: Pilot[None]) -> None:
    """Let callbacks and workers (checking, romanizing, searching) finish, the screen refresh."""
    for _ in range(200):  # a worker may start only after a dialog's callback has run
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if _quiet(pilot.app):
            return
    raise AssertionError("the UI did not settle")


def review(app: ReviewApp) -> ReviewScreen:
    screen = app.screen_stack[1]
    assert isinstance(screen, ReviewScreen)
    return screen


# -- opening and moving ---------------------------------------------------------------------------


@pilot_test
async def test_opens_with_findings_highlighted_and_listed(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        assert len(screen.findings) == 4
        assert review(app).query_one(FindingsList).option_count == 4
        view = review(app).query_one(ArticleView)
        assert view.text == article.read_text(encoding="utf-8")
        assert view.border_subtitle == "4 findings"
        assert screen.current == 0
        first = str(review(app).query_one(FindingsList).get_option_at_index(0).prompt)
        assert "GL301" in first and "4:6" in first
        assert "Jiechei → Jiechi" in str(review(app).query_one("#detail", Static).render())


@pilot_test
async def test_next_and_previous_move_through_findings_and_wrap(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        await pilot.press("n", "n")
        assert screen.current == 2
        assert review(app).query_one(FindingsList).highlighted == 2
        await pilot.press("n", "n")
        assert screen.current == 0  # wrapped
        await pilot.press("p")
        assert screen.current == 3


@pilot_test
async def test_clicking_a_finding_selects_it(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        findings_list = review(app).query_one(FindingsList)
        await pilot.click(FindingsList, offset=(5, 1))
        assert findings_list.highlighted == 1
        assert review(app).current == 1


# -- fixing, ignoring, undo -----------------------------------------------------------------------


@pilot_test
async def test_apply_one_fix_then_undo(article: Path, fake_core: list[str]) -> None:
    original = article.read_text(encoding="utf-8")
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        await pilot.press("f")
        await settle(pilot)
        assert app.session.text == original.replace("Jiechei", "Jiechi", 1)
        assert len(screen.findings) == 3
        assert fake_core[-1] == app.session.text  # re-checked the new text
        assert "(modified)" in str(review(app).query_one(ArticleView).border_title)
        await pilot.press("u")
        await settle(pilot)
        assert app.session.text == original
        assert len(screen.findings) == 4
    assert article.read_text(encoding="utf-8") == original  # nothing saved


@pilot_test
async def test_apply_all_fixes_of_a_kind(article: Path, fake_core: list[str]) -> None:
    original = article.read_text(encoding="utf-8")
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert app.session.text == original.replace("Jiechei", "Jiechi")
        assert [f.code for f in review(app).findings] == ["GL102", "GL601"]


@pilot_test
async def test_a_finding_without_a_fix_says_so(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "n", "f")  # GL601 has no fix
        await settle(pilot)
        assert not app.session.dirty
        assert any("no automatic fix" in n.message for n in app._notifications)


@pilot_test
async def test_ignore_with_a_suppression_comment(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "i")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#choice-comment")
        await settle(pilot)
        line = app.session.text.splitlines()[5]
        assert line.endswith("<!-- glossary: disable-line=GL102 -->")
        assert "GL102" not in [f.code for f in review(app).findings]
        await pilot.press("u")
        await settle(pilot)
        assert "disable-line" not in app.session.text


@pilot_test
async def test_escape_cancels_ignoring(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert not app.session.dirty


# -- saving and quitting --------------------------------------------------------------------------


@pilot_test
async def test_save_writes_the_article_with_a_backup(article: Path, fake_core: list[str]) -> None:
    original = article.read_text(encoding="utf-8")
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert article.read_text(encoding="utf-8") == original  # not before saving
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
    assert article.read_text(encoding="utf-8") == original.replace("Jiechei", "Jiechi", 1)
    assert article.with_name("rome.md~").read_text(encoding="utf-8") == original


@pilot_test
async def test_save_refuses_to_overwrite_a_file_changed_on_disk(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        article.write_text("Changed by someone else.\n", encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "changed on disk" in str(app.screen.query_one(".dialog-message", Static).render())
        await pilot.press("enter")  # the default is to keep the file
        await settle(pilot)
        assert article.read_text(encoding="utf-8") == "Changed by someone else.\n"
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.click("#choice-overwrite")
        await settle(pilot)
        assert "Jiechi" in article.read_text(encoding="utf-8")
        assert (
            article.with_name("rome.md~").read_text(encoding="utf-8")
            == "Changed by someone else.\n"
        )


@pilot_test
async def test_quit_without_changes_just_quits(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pilot_test
async def test_quit_with_unsaved_changes_asks_first(article: Path, fake_core: list[str]) -> None:
    original = article.read_text(encoding="utf-8")
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # "Stay" is the default
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert not app.is_running
    assert article.read_text(encoding="utf-8") == original


@pilot_test
async def test_save_and_quit(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "q")
        await settle(pilot)
        await pilot.click("#choice-save")
        await pilot.pause()
        assert not app.is_running
    assert "Yang Jiechi said" in article.read_text(encoding="utf-8")


# -- help, theme, command palette -----------------------------------------------------------------


@pilot_test
async def test_help_screen_opens_and_closes(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


@pilot_test
async def test_light_and_dark_themes(article: Path, fake_core: list[str]) -> None:
    app = make_app(article, theme="light")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


@pilot_test
async def test_command_palette_runs_a_review_action(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next finding")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert review(app).current == 1


# -- glossary entries (the real house glossary and romanizer) ----------------------------------------


@pilot_test
async def test_entry_form_proposes_pinyin_and_validates_live(
    article: Path, fake_core: list[str], tmp_path: Path
) -> None:
    app = make_app(article, glossary_paths=[tmp_path / "house.toml"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        hanzi = form.query_one("#hanzi", Input)
        hanzi.value = "曾国藩"
        await settle(pilot)
        assert form.query_one("#pinyin", Input).value == "Zēng Guófān"
        assert form.query_one("#english", Input).value == "Zeng Guofan"
        assert not form.errors
        form.query_one("#pinyin", Input).value = "Zēng Guófàn"
        await pilot.pause()
        assert form.errors and form.errors[0].startswith("pinyin:")
        assert form.query_one("#save", Button).disabled
        # the user's own typing is never overwritten by a later proposal
        hanzi.value = "曾国藩 "
        await settle(pilot)
        assert form.query_one("#pinyin", Input).value == "Zēng Guófàn"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert not app.session.dirty


@pilot_test
async def test_entry_form_offers_alternatives_for_an_ambiguous_surname(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        form.query_one("#hanzi", Input).value = "乐嘉"
        await settle(pilot)
        alternatives = form.query_one(RadioSet)
        assert form.proposal is not None and len(form.proposal.choices) >= 2
        labels = [str(button.label) for button in alternatives.query("RadioButton")]
        assert any(label.startswith("Yuè") for label in labels)
        assert any(label.startswith("Lè") for label in labels)
        other = next(
            i
            for i, (p, _) in enumerate(form.proposal.choices)
            if p != form.query_one("#pinyin", Input).value
        )
        alternatives.focus()
        await pilot.press(*["down"] * other, "enter")  # the keyboard way
        await pilot.pause()
        assert form.query_one("#pinyin", Input).value == form.proposal.choices[other][0]
        assert form.query_one("#english", Input).value == form.proposal.choices[other][1]


@pilot_test
async def test_adding_an_entry_rechecks_and_saves_the_glossary(
    article: Path, fake_core: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "house.toml"
    seen: list[int] = []

    def check(path: Path, text: str, glossary: object) -> bridge.Review:
        seen.append(len(glossary.by_hanzi("张小明")))  # type: ignore[attr-defined]
        return fake_check(path, text, glossary)

    monkeypatch.setattr(bridge, "check", check)
    app = make_app(article, glossary_paths=[target])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        form.query_one("#hanzi", Input).value = "张小明"
        await settle(pilot)
        assert form.query_one("#pinyin", Input).value == "Zhāng Xiǎomíng"
        form.query_one("#notes", Input).value = "A student in the fixture."
        await pilot.pause()
        await pilot.click("#save")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.session.glossary_dirty and not app.session.article_dirty
        assert seen[-1] == 1  # re-checked with the new entry
        assert not target.exists()  # nothing written before saving
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
    saved = target.read_text(encoding="utf-8")
    assert 'hanzi = "张小明"' in saved and 'pinyin = "Zhāng Xiǎomíng"' in saved


@pilot_test
async def test_saving_a_new_entry_without_a_glossary_file_explains(
    article: Path, fake_core: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossary import house

    # as installed from a wheel: the shipped files are package data, never written
    installed = tmp_path / "site" / "glossary" / "_dictionaries"
    monkeypatch.setattr(house, "default_file", lambda kind: installed / "people.toml")
    monkeypatch.delenv("GLOSSARY_FILE", raising=False)
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        form.query_one("#hanzi", Input).value = "张小明"
        await settle(pilot)
        await pilot.press("ctrl+s")  # in the form: save the entry
        await settle(pilot)
        await pilot.press("ctrl+s")  # on the review screen: save files
        await settle(pilot)
        assert app.session.glossary_dirty
        assert any("--glossary" in n.message for n in app._notifications)


@pilot_test
async def test_entry_form_kind_and_region_are_choices(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        kind = app.screen.query_one("#kind", Select)
        assert kind.value == "person"
        app.screen.query_one("#hanzi", Input).value = "北京"
        kind.value = "place"
        app.screen.query_one("#pinyin", Input).value = "Běijīng"
        app.screen.query_one("#english", Input).value = "Beijing"
        await settle(pilot)
        assert app.screen.errors == []  # type: ignore[attr-defined]


# -- look-up ------------------------------------------------------------------------------------------


@pilot_test
async def test_lookup_searches_as_you_type(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "lookup-input"
        await pilot.press(*"yang jiechi")
        await settle(pilot)
        panel = review(app).query_one(LookupPanel)
        assert panel.query_shown == "yang jiechi"
        assert panel.rows and panel.rows[0].hanzi == "杨洁篪"
        assert review(app).query_one("#lookup-results", OptionList).option_count == len(panel.rows)
        results = review(app).query_one("#lookup-results", OptionList)
        results.focus()
        results.highlighted = 0
        await pilot.press("enter")  # a result's glossary entry
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        assert form.query_one("#hanzi", Input).value == "杨洁篪"
        assert "Edit" in str(form.query_one("#entry-title", Static).render())
        await pilot.press("escape")
        review(app).query_one("#lookup-input", Input).focus()
        await pilot.press(*["backspace"] * 11)
        await settle(pilot)
        assert panel.rows == ()


# -- mojibake -----------------------------------------------------------------------------------------


@pilot_test
async def test_repair_shows_before_and_after_and_applies(
    tmp_path: Path, fake_core: list[str]
) -> None:
    broken = "Talks in Rome with " + corrupt_seed("Yáng Jiéchí") + " today.\n"
    path = tmp_path / "broken.txt"
    path.write_text(broken, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RepairScreen)
        detail = str(screen.query_one("#repair-detail", Static).render())
        assert "before:" in detail and "after:" in detail
        await pilot.click("#apply")
        await settle(pilot)
        assert "Yáng Jiéchí" in app.session.text
        await pilot.press("u")
        await settle(pilot)
        assert app.session.text == broken


# -- names panel (real checker) --------------------------------------------------------------------


@pilot_test
async def test_names_panel_lists_people_with_status(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await pilot.pause()
        table = review(app).query_one(NamesTable)
        rows = {person.hanzi: person for person in table.people}
        assert rows["杨洁篪"].status is bridge.Status.INCONSISTENT  # "Yang Jiechei"
        assert rows["杨洁篪"].pinyin == "Yáng Jiéchí"
        assert rows["刘鹏宇"].status is bridge.Status.IN_GLOSSARY
        assert "乐嘉" in rows
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryFormScreen)


@pilot_test
async def test_real_core_opens_the_example_with_findings() -> None:
    example = Path(__file__).parent.parent / "examples" / "review_demo.md"
    app = make_app(example)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        assert screen.review is not None
        codes = {f.code for f in screen.findings}
        # the misspelling, the misread surname and the reversed name order the example holds
        assert {"GL301", "GL102", "GL209"} <= codes
        assert review(app).query_one(FindingsList).option_count == len(screen.findings)


@pilot_test
async def test_ignore_as_a_glossary_exception_accepts_the_spelling(article: Path) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        index = next(i for i, f in enumerate(screen.findings) if f.code == "GL301")
        screen.select_finding(index)
        await pilot.press("i")
        await settle(pilot)
        await pilot.click("#choice-glossary")
        await settle(pilot)
        (change,) = app.session.entries
        assert isinstance(change, bridge.Change)
        assert change.new.hanzi == "杨洁篪" and "Yang Jiechei" in change.new.aliases
        assert "GL301" not in {f.code for f in screen.findings}
        assert not app.session.article_dirty and app.session.glossary_dirty
        await pilot.press("u")
        await settle(pilot)
        assert "GL301" in {f.code for f in screen.findings}


@pilot_test
async def test_ignore_as_a_glossary_exception_for_an_unknown_name_offers_an_entry(
    article: Path,
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        index = next(i for i, f in enumerate(screen.findings) if f.code == "GL402")
        hanzi = dict(screen.findings[index].data)["hanzi"]
        screen.select_finding(index)
        await pilot.press("i")
        await settle(pilot)
        await pilot.click("#choice-glossary")
        await settle(pilot)
        assert isinstance(app.screen, EntryFormScreen)
        assert app.screen.query_one("#hanzi", Input).value == hanzi


@pilot_test
async def test_after_a_fix_the_selection_stays_where_it_was(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        await pilot.press("n", "f")  # fix GL102 (second finding)
        await settle(pilot)
        assert screen.current is not None
        assert screen.findings[screen.current].code == "GL601"  # the next one, not the first
        assert review(app).query_one(FindingsList).highlighted == screen.current


@pilot_test
async def test_clicking_a_highlighted_name_in_the_article_selects_its_finding(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        line = list(screen.query(ArticleLine))[5]  # "Historian Céng Guófān ..."
        assert line.render().plain.startswith("Historian Céng")  # type: ignore[union-attr]
        await pilot.click(line, offset=(len("Historian "), 0))
        await pilot.pause()
        assert screen.current == 1
        assert screen.findings[1].code == "GL102"


@pilot_test
async def test_escape_leaves_the_lookup_input(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert isinstance(app.focused, FindingsList)


HOUSE = """\
# a house glossary of the test's own
[[entry]]
hanzi = "张小明"
pinyin = "Zhāng Xiǎomíng"
english = "Zhang Xiaoming"
system = "pinyin"
kind = "person"
notes = "A student."
"""


async def _edit_notes(pilot: Pilot[None], app: ReviewApp, hanzi: str, notes: str) -> None:
    await pilot.press("a")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, EntryFormScreen)
    form.query_one("#hanzi", Input).value = hanzi
    await settle(pilot)
    form.query_one("#notes", Input).value = notes
    await pilot.pause()
    await pilot.press("ctrl+s")  # save the entry (the form's binding)
    await settle(pilot)
    assert isinstance(app.screen, ReviewScreen)


@pilot_test
async def test_editing_an_entry_changes_it_in_its_file(
    article: Path, fake_core: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "house.toml"
    target.write_text(HOUSE, encoding="utf-8")
    app = make_app(article, glossary_paths=[target])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        await pilot.press("escape")
        await _edit_notes(pilot, app, "张小明", "A student in Rome.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
        # edit again after saving: still one entry, changed in place
        await _edit_notes(pilot, app, "张小明", "A student in Rome, 2022.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
    saved = target.read_text(encoding="utf-8")
    assert saved.count("[[entry]]") == 1
    assert 'notes = "A student in Rome, 2022."' in saved
    assert saved.startswith("# a house glossary of the test's own\n")  # comments survive
    assert 'notes = "A student in Rome."' in target.with_name("house.toml~").read_text(
        encoding="utf-8"
    )


@pilot_test
async def test_a_glossary_changed_on_disk_is_not_overwritten_silently(
    article: Path, fake_core: list[str], tmp_path: Path
) -> None:
    target = tmp_path / "house.toml"
    target.write_text(HOUSE, encoding="utf-8")
    app = make_app(article, glossary_paths=[target])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _edit_notes(pilot, app, "张小明", "Edited in the review.")
        changed = HOUSE.replace("A student.", "Edited by a colleague.")
        target.write_text(changed, encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # keep the file
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == changed
        assert app.session.glossary_dirty


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("story.md", "# Rome\n\nThe historian Céng Guófān 曾国藩 was not there.\n"),
        ("story.txt", "Rome\n\nThe historian Céng Guófān 曾国藩 was not there.\n"),
        ("story.html", "<p>The historian Céng Guófān 曾国藩\nwas not there.</p>\n"),
    ],
)
@pilot_test
async def test_a_suppression_comment_silences_the_real_checker(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        index = next(i for i, f in enumerate(screen.findings) if f.code == "GL102")
        screen.select_finding(index)
        await pilot.press("i")
        await settle(pilot)
        await pilot.click("#choice-comment")
        await settle(pilot)
        assert "glossary: disable-line=GL102" in app.session.text
        assert "GL102" not in {f.code for f in screen.findings}


@pilot_test
async def test_a_failing_checker_keeps_the_app_and_says_so(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, text: str, glossary: object) -> bridge.Review:
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(bridge, "check", broken)
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert review(app).query_one(ArticleView).border_subtitle == "check failed"
        assert any("rule exploded" in n.message for n in app._notifications)


@pilot_test
async def test_the_first_check_starts_before_the_ui(article: Path, fake_core: list[str]) -> None:
    app = make_app(article)
    await asyncio.sleep(0.2)  # the UI has not started: the check is already running
    assert fake_core == [article.read_text(encoding="utf-8")]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(review(app).findings) == 4
    assert len(fake_core) == 1  # its result was used, not computed again


def test_bad_input_is_one_clear_line_before_the_ui_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.cli import main

    bad = tmp_path / "house.toml"
    bad.write_text('[[entry]]\nhanzi = "张伟"\npinyin = "Zhang Wei"\nenglish = "Zhang Wei"\n')
    assert main(["review", str(FIXTURE), "--glossary", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: field 'pinyin'" in err and len(err.strip().splitlines()) == 1
    assert main(["review", str(tmp_path / "missing.md")]) == 2
    assert "no such file" in capsys.readouterr().err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"caf\xe9\n")
    assert main(["review", str(latin1)]) == 2
    assert "latin1.txt:1:4: not UTF-8 text" in capsys.readouterr().err


@pilot_test
async def test_look_up_is_warmed_up_after_the_first_check(
    article: Path, fake_core: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    warmed: list[object] = []
    monkeypatch.setattr(
        bridge, "warm_up_steps", lambda house, changes: [("note", lambda: warmed.append(changes))]
    )
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await warmed_up(app)
        assert warmed == [()]
        await pilot.press("f")  # later checks do not warm up again
        await settle(pilot)
        assert warmed == [()]


def test_warm_up_runs_real_queries(article: Path) -> None:
    house = bridge.House((), article=article)
    bridge.warm_up(house, ())
    assert bridge.search(house.lookup(()), "王毅")[0].hanzi == "王毅"


# -- start-up: the first check in a child process (glossary review) -------------------------------

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="the child check forks on Linux")


def _no_other_threads() -> None:
    """Forking is safe only with one thread: let the previous tests' threads end first."""
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(timeout=30)


@linux_only
def test_open_review_checks_in_a_child_process(article: Path, fake_core: list[str]) -> None:
    _no_other_threads()
    opened = open_review(article, fork=True)
    assert isinstance(opened.first_check, ChildCheck)
    text = article.read_text(encoding="utf-8")
    assert opened.first_check.result(timeout=30) == fake_check(article, text, None)
    assert fake_core == []  # not checked in this process


@linux_only
def test_a_failed_child_check_is_redone_in_process(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()

    def unpicklable_in_child(path: Path, text: str, glossary: object) -> bridge.Review:
        if os.getpid() != parent:
            return bridge.Review((), (lambda: None,))  # type: ignore[arg-type]
        return fake_check(path, text, glossary)

    monkeypatch.setattr(bridge, "check", unpicklable_in_child)
    _no_other_threads()
    first = open_review(article, fork=True).first_check
    assert len(first.result(timeout=30).findings) == 4

    def broken(path: Path, text: str, glossary: object) -> bridge.Review:
        raise GlossaryError(f"{path.name}: no good (pid {os.getpid() == parent})")

    monkeypatch.setattr(bridge, "check", broken)
    _no_other_threads()
    first = open_review(article, fork=True).first_check
    with pytest.raises(GlossaryError, match=r"rome.md: no good \(pid True\)"):
        first.result(timeout=30)  # the error as this process raises it


@linux_only
def test_the_child_finds_what_the_core_finds(article: Path) -> None:
    _no_other_threads()
    opened = open_review(article, fork=True)
    here = bridge.check(article, opened.session.text, opened.house.effective(()))
    assert here.findings
    assert opened.first_check.result(timeout=60) == here


@pilot_test
async def test_a_finished_first_check_is_in_the_first_frame(
    article: Path, fake_core: list[str]
) -> None:
    app = make_app(article)
    app._first_check.result(timeout=30)  # type: ignore[union-attr]
    async with app.run_test(size=SIZE):
        screen = review(app)  # no pause: what mounting alone put on the screen
        assert screen.query_one(ArticleView).border_subtitle == "4 findings"
        assert screen.query_one(FindingsList).option_count == 4
        assert screen.current == 0 and screen.query_one(FindingsList).highlighted == 0
        assert len(screen.query(ArticleLine)) == len(screen.session.text.split("\n"))
        assert not [w for w in app.workers if w.group == "check"]  # nothing left to check


@linux_only
def test_glossary_review_shows_the_findings_in_a_terminal(article: Path) -> None:
    """The command as an editor runs it, in a pseudo-terminal: findings on screen, then quit."""
    from tests.bench_modules import load_bench

    end_to_end = load_bench("tui_bench").end_to_end

    expected = bridge.check(
        article,
        article.read_text(encoding="utf-8"),
        bridge.House((), article=article).effective(()),
    )
    _, count, _, quit_seconds = end_to_end(article)
    assert count == len(expected.findings) > 0
    assert quit_seconds < 10  # the quit key ends it (the warm-up is not waited for)


@pilot_test
async def test_the_collector_paused_for_start_up_runs_again_after_the_first_frame(
    article: Path, fake_core: list[str]
) -> None:
    import gc

    gc.disable()  # as `glossary review` does
    try:
        app = make_app(article, collect_after_start=True)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects out of the collector's way
            frozen = gc.get_freeze_count()
            gc.collect()  # a few objects only: the start-up's are not walked again
            assert await warmed_up(app)
            assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
        gc.enable()


@pilot_test
async def test_the_collector_is_left_alone_unless_the_app_paused_it(
    article: Path, fake_core: list[str]
) -> None:
    import gc

    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await warmed_up(app)
        assert gc.get_freeze_count() == 0


def test_warm_up_steps_in_order_and_a_search_waits_for_the_one_it_needs() -> None:
    import time

    ran: list[str] = []
    release = threading.Event()

    def slow() -> None:
        release.wait(30)
        ran.append("slow")

    warm = bridge_warm_up([("slow", slow), ("quick", lambda: ran.append("quick"))])
    warm.start()
    waiter = threading.Thread(target=warm.wait_for, args=("slow",))
    waiter.start()
    time.sleep(0.05)
    assert waiter.is_alive() and ran == []  # waiting for the step under way
    release.set()
    waiter.join(30)
    assert warm.finished.wait(30) and ran == ["slow", "quick"] == warm.done
    warm.wait_for("unknown")  # a step that is not part of it: no wait


def test_a_stopped_or_failed_warm_up_runs_no_further_step_and_wakes_its_waiters() -> None:
    ran: list[str] = []
    errors: list[str] = []

    def fail() -> None:
        raise RuntimeError("no tables")

    warm = bridge_warm_up(
        [("fail", fail), ("after", lambda: ran.append("after"))],
        on_error=lambda name, exc: errors.append(f"{name}: {exc}"),
        then=lambda: ran.append("then"),
    )
    warm.start()
    warm.wait_for("after", timeout=30)  # woken although the step never ran
    assert warm.finished.wait(30) and ran == [] and errors == ["fail: no tables"]

    busy = threading.Event()
    busy.set()
    warm = bridge_warm_up(
        [("paused", lambda: ran.append("paused"))],
        pausable={"paused"},
        busy=busy.is_set,
        then=lambda: ran.append("then"),
        poll=0.01,
    )
    warm.start()
    warm.wait_for("paused", timeout=30)  # a paused step is not waited for
    warm.stop()
    assert warm.finished.wait(30) and ran == [] and warm.stopped


def bridge_warm_up(steps: list[tuple[str, Callable[[], object]]], **kwargs: object) -> WarmUp:
    return WarmUp(steps, **kwargs)  # type: ignore[arg-type]


@linux_only
def test_a_child_still_checking_at_exit_is_stopped(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    parent = os.getpid()
    checked: list[str] = []

    def slow_in_child(path: Path, text: str, glossary: object) -> bridge.Review:
        if os.getpid() != parent:
            time.sleep(60)
        checked.append(text)
        return fake_check(path, text, glossary)

    monkeypatch.setattr(bridge, "check", slow_in_child)
    _no_other_threads()
    first = open_review(article, fork=True).first_check
    assert isinstance(first, ChildCheck)
    started = time.monotonic()
    first.stop()
    with pytest.raises(CancelledError):
        first.result(timeout=30)
    assert time.monotonic() - started < 30
    assert checked == []  # not checked here either


# -- the background warm-up never keeps the editor waiting ----------------------------------------


@pilot_test
async def test_quitting_during_the_warm_up_does_not_wait_for_it(
    article: Path, fake_core: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow() -> None:
        started.set()
        release.wait(30)
        ran.append("slow")

    monkeypatch.setattr(
        bridge,
        "warm_up_steps",
        lambda house, changes: [("slow", slow), ("next", lambda: ran.append("next"))],
    )
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await asyncio.to_thread(started.wait, 30)
        warm = review(app)._warm
        assert warm is not None
        before = time.monotonic()
        await pilot.press("q")  # nothing to save: quits at once
    assert time.monotonic() - before < 5  # not the 30 s the step would take
    assert app.return_code == 0 and warm.stopped
    release.set()
    assert await asyncio.to_thread(warm.finished.wait, 30)
    assert ran == ["slow"]  # the step under way ends; none starts after the quit


@pilot_test
async def test_the_warm_up_waits_while_the_editor_types_in_the_look_up(
    article: Path, fake_core: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[str] = []
    typing = [True]
    monkeypatch.setattr(ReviewScreen, "_typing_in_look_up", lambda self: typing[0])
    monkeypatch.setattr(  # the re-check is the step the look-up does not need
        bridge, "warm_up_steps", lambda house, changes: [("check", lambda: ran.append("check"))]
    )
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(30):
            await pilot.pause(0.01)
        warm = review(app)._warm
        assert warm is not None and not warm.finished.is_set() and ran == []
        typing[0] = False  # the editor stopped typing
        assert await warmed_up(app)
        assert ran == ["check"]


@pilot_test
async def test_a_keystroke_in_the_look_up_means_the_editor_is_typing(
    article: Path, fake_core: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bridge.House, "lookup", lambda self, changes: None)
    monkeypatch.setattr(bridge, "search", lambda engine, query, limit=30: [])
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(app)
        assert not screen._typing_in_look_up()
        await pilot.press("slash", "w")
        assert screen._typing_in_look_up()


QUIT_DURING_WARM_UP = """
import sys, time
from pathlib import Path
from tui import bridge
marker = Path(sys.argv[2])

def busy():  # a step that holds the interpreter lock, as the romanizer's loading does
    marker.write_text("started")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sum(range(1000))

bridge.warm_up_steps = lambda house, changes: [("busy", busy), ("never", busy)]
from glossary.cli import main
sys.exit(main(["review", sys.argv[1]]))
"""


@linux_only
def test_glossary_review_quits_at_once_during_the_warm_up(article: Path, tmp_path: Path) -> None:
    """In a terminal, as an editor runs it: q while the warm-up is busy ends the process at
    once, with status 0 and no traceback."""
    import pty
    import select
    import subprocess
    import time

    marker = tmp_path / "warm-up started"
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    env["TERM"] = "xterm-256color"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", QUIT_DURING_WARM_UP, str(article), str(marker)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = b""

    def read(seconds: float) -> None:
        nonlocal output
        if select.select([master], [], [], seconds)[0]:
            with contextlib.suppress(OSError):  # EIO: the child let go of the terminal
                output += os.read(master, 1 << 16)

    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            read(0.05)
        assert marker.exists(), output[-500:]
        read(0.2)
        os.write(master, b"q")
        quit_at = time.monotonic()
        while process.poll() is None and time.monotonic() - quit_at < 10:
            read(0.05)
        took = time.monotonic() - quit_at
        assert process.poll() == 0, output[-500:]
        assert took < 3, f"quitting took {took:.2f} s"
        read(0.2)
        assert b"Traceback" not in output and b"Error" not in output
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


# -- a configured glossary file not created yet ----------------------------------------------------


@pilot_test
async def test_a_configured_glossary_not_created_yet_is_a_warning_at_open(
    tmp_path: Path, fake_core: list[str]
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".glossary.toml").write_text('glossaries = ["house.toml"]\n', encoding="utf-8")
    path = desk / "rome.md"
    shutil.copyfile(FIXTURE, path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1
        message = warnings[0].message
        assert f"{desk / 'house.toml'}: no such glossary file" in message
        assert str(desk / ".glossary.toml") in message
        assert len(review(app).findings) == 4  # the check ran all the same
    assert not (desk / "house.toml").exists()  # nothing created by opening


@pilot_test
async def test_no_glossary_warning_when_the_configured_files_exist(
    article: Path, fake_core: list[str]
) -> None:
    (article.parent / ".glossary.toml").write_text('glossaries = ["house.toml"]\n')
    (article.parent / "house.toml").write_text("", encoding="utf-8")
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [n for n in app._notifications if n.severity == "warning"]
