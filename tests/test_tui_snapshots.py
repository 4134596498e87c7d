"""Snapshots of the review UI's main screens at 80x24 (pytest-textual-snapshot).

The core is replaced by fixed answers so that a snapshot changes only when the UI does, on any
machine: no dictionaries, caches, timings or absolute paths reach the screen. Update with
`pytest tests/test_tui_snapshots.py --snapshot-update` and look at the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from glossary.repair import Repair
from tests.test_tui import FIXTURE, fake_check, settle
from tui import bridge
from tui.app import ReviewApp, create_app
from tui.widgets.lookup import LookupPanel

SIZE = (80, 24)

PEOPLE = (
    bridge.PersonRow("杨洁篪", "Yáng Jiéchí", "Yang Jiechi", bridge.Status.INCONSISTENT),
    bridge.PersonRow("曾国藩", "Zēng Guófān", "Zeng Guofan", bridge.Status.NEW),
    bridge.PersonRow("刘鹏宇", "Liú Péngyǔ", "Liu Pengyu", bridge.Status.IN_GLOSSARY),
    bridge.PersonRow("乐嘉", "Yuè Jiā", "Yue Jia", bridge.Status.AMBIGUOUS),
)

LOOKUP = [
    bridge.LookupRow("杨洁篪", "楊潔篪", "Yáng Jiéchí", "Yang Jiechi", "house"),
    bridge.LookupRow("杨", "楊", "Yáng", "surname Yang", "cedict"),
    bridge.LookupRow("杨树", "楊樹", "yángshù", "poplar tree", "cedict"),
]


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> ReviewApp:
    def check(path: Path, text: str, glossary: object) -> bridge.Review:
        return bridge.Review(fake_check(path, text, glossary).findings, PEOPLE)

    def propose(hanzi: str, glossary: object) -> bridge.Proposal | None:
        if hanzi != "乐嘉":
            return None
        return bridge.Proposal(
            "Yuè Jiā",
            "Yue Jia",
            "proposed from the surname table and readings; ambiguous: choose a reading below",
            ("Lè Jiā",),
            (("Yuè Jiā", "Yue Jia"), ("Lè Jiā", "Le Jia")),
        )

    def repairs(text: str, glossary: object) -> list[Repair]:
        start = text.index("Yáng Jiéchí")
        return [
            Repair(
                start,
                start + 11,
                "Yรกng Jiรฉchรญ",
                "Yáng Jiéchí",
                "utf-8 read as cp874",
                0.98,
                (),
                True,
            )
        ]

    monkeypatch.setattr(bridge, "check", check)
    monkeypatch.setattr(bridge, "warm_up_steps", lambda house, changes: [])
    monkeypatch.setattr(bridge, "propose", propose)
    monkeypatch.setattr(bridge, "find_repairs", repairs)
    monkeypatch.setattr(bridge, "search", lambda engine, query, limit=30: LOOKUP if query else [])
    monkeypatch.setattr(bridge.House, "lookup", lambda self, changes: None)
    monkeypatch.setattr(bridge.House, "find", lambda self, changes, hanzi: None)
    return create_app(FIXTURE, cursor_blink=False)


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_screen(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


def test_main_screen_light_theme(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("ctrl+t", "n"))


def test_names_panel(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("2", "down"))


def test_lookup_panel(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await keys("slash", *"yang")(pilot)
        assert pilot.app.screen.query_one(LookupPanel).query_shown == "yang"

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_entry_form_with_alternatives(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("2", "down", "down", "down", "a"))


def test_help_screen(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("question_mark"))


def test_repair_screen(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("r"))


def test_quit_with_unsaved_changes(app: ReviewApp, snap_compare: Callable[..., bool]) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f", "q"))
