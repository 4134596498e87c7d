"""Where the user's entries go (`writable_target`), and how they override shipped ones.

A wheel is simulated by pointing the shipped dictionaries at a read-only temporary folder
named `_dictionaries` (inside a `site-packages`), as `pip install .` lays them out.
"""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary import house
from glossary.cli import main
from glossary.errors import DataError, GlossaryError
from glossary.house import (
    NEW_FILE_HEADER,
    NO_TARGET,
    Kind,
    house_paths,
    is_installed_data,
    load_glossary,
    writable_target,
)

SMALL = Path(__file__).parent / "fixtures" / "house" / "small.toml"
NEW = ["--pinyin", "Liú Péngyǔ", "--english", "Liu Pengyu"]  # no proposal needed
ERROR_LINE = f"glossary add: error: {NO_TARGET}\n"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Shipped data installed read-only as package data; the current folder a newsroom's."""
    shipped = tmp_path / "site-packages" / "glossary" / "_dictionaries"
    shipped.mkdir(parents=True)
    shutil.copy(SMALL, shipped / "people.toml")
    (shipped / "people.toml").chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    shipped.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    monkeypatch.setattr(house, "dictionaries_dir", lambda: shipped)
    work = tmp_path / "newsroom"
    (work / "articles").mkdir(parents=True)
    monkeypatch.chdir(work / "articles")
    monkeypatch.delenv("GLOSSARY_FILE", raising=False)
    house.clear_cache()
    yield shipped
    shipped.chmod(stat.S_IRWXU)  # let pytest clean up


def test_wheel_layout_is_installed_data(wheel: Path) -> None:
    assert house.default_paths() == [wheel / "people.toml"]
    assert is_installed_data(wheel / "people.toml")
    assert not is_installed_data(Path.cwd() / "names.toml")
    with pytest.raises(GlossaryError, match="no house glossary to write to"):
        writable_target(Kind.PERSON)
    assert writable_target(Kind.TERM, "mine.toml") == Path("mine.toml")


def test_without_a_target_add_edit_import_exit_2_and_write_nothing(
    wheel: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(tmp_path)
    assert main(["add", "刘鹏宇", *NEW]) == 2
    assert capsys.readouterr().err == ERROR_LINE  # one line, no traceback
    assert main(["edit", "杨洁篪", "--alias", "Yang Chieh-chi"]) == 2
    assert capsys.readouterr().err == f"glossary edit: error: {NO_TARGET}\n"
    table = tmp_path / "in.csv"
    table.write_text("刘鹏宇,Liu Pengyu,pinyin: Liú Péngyǔ\n", encoding="utf-8")
    before[str(table.relative_to(tmp_path))] = table.read_bytes()
    assert main(["import", str(table)]) == 2
    assert capsys.readouterr().err == f"glossary import: error: {NO_TARGET}\n"
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".glossary.toml", 'glossaries = ["glossary/names.toml", "other.toml"]\n'),
        ("pyproject.toml", '[tool.glossary]\nglossaries = ["glossary/names.toml"]\n'),
    ],
)
def test_add_writes_to_the_first_configured_glossary(
    wheel: Path, name: str, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd().parent
    (work / name).write_text(text, encoding="utf-8")
    shipped_before = _snapshot(wheel)
    assert main(["add", "刘鹏宇", *NEW, "--note", "Embassy spokesperson."]) == 0
    target = work / "glossary" / "names.toml"
    written = target.read_text(encoding="utf-8")
    assert written.startswith(NEW_FILE_HEADER) and 'hanzi = "刘鹏宇"' in written
    assert f"# added to {target}" in capsys.readouterr().out
    assert _snapshot(wheel) == shipped_before
    # look-up loads the configured file with the shipped one
    assert house_paths() == [wheel / "people.toml", target]
    assert main(["lookup", "刘鹏宇", "--no-cedict"]) == 0
    assert "Liu Pengyu" in capsys.readouterr().out
    assert main(["lookup", "Carrie Lam", "--no-cedict"]) == 0


def test_env_var_is_the_target_without_a_config(
    wheel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "me" / "mine.toml"
    monkeypatch.setenv("GLOSSARY_FILE", str(mine))
    assert main(["add", "刘鹏宇", *NEW]) == 0
    assert load_glossary([mine]).by_hanzi("刘鹏宇")[0].english == "Liu Pengyu"
    assert mine in house_paths()  # loaded once it exists, as lint's configuration does
    from glossary.config import load_config

    assert load_config(Path.cwd()).glossaries == (mine,)
    # a configured glossary comes before the environment variable
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".glossary.toml").write_text('glossaries = ["team.toml"]\n', encoding="utf-8")
    assert writable_target(Kind.PERSON, start=desk) == desk / "team.toml"
    assert load_config(desk).glossaries == (desk / "team.toml", mine)


def test_edit_overrides_an_installed_entry_from_the_users_file(
    wheel: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    work = Path.cwd().parent
    (work / ".glossary.toml").write_text('glossaries = ["names.toml"]\n', encoding="utf-8")
    shipped_before = _snapshot(wheel)
    assert main(["edit", "杨洁篪", "--alias", "Yang Chieh-chih", "--alias", "Yang Jie-chi"]) == 0
    assert "overriding" in capsys.readouterr().out
    assert _snapshot(wheel) == shipped_before
    glossary = load_glossary(house_paths())
    (entry,) = glossary.by_hanzi("杨洁篪")  # the user's entry replaces the shipped one
    assert entry.path == str(work / "names.toml")
    assert entry.aliases == ("Yang Chieh-chih", "Yang Jie-chi")
    assert len(glossary.by_english("Carrie Lam")) == 1  # the rest of the shipped data stays
    # editing again changes the user's copy where it now lives
    lines = (work / "names.toml").read_text(encoding="utf-8").count("\n")
    assert main(["edit", "杨洁篪", "--no-aliases"]) == 0
    assert (work / "names.toml").read_text(encoding="utf-8").count("\n") == lines - 1
    assert load_glossary(house_paths()).by_hanzi("杨洁篪")[0].aliases == ()
    # other notes on an installed entry would make a second person, not a change
    (work / "names.toml").unlink()
    assert main(["edit", "杨洁篪", "--note", "Someone else."]) == 2
    assert "another person" in capsys.readouterr().err
    assert not (work / "names.toml").exists()


def test_add_refuses_an_entry_the_shipped_data_has(
    wheel: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (Path.cwd() / ".glossary.toml").write_text('glossaries = ["n.toml"]\n', encoding="utf-8")
    args = ["add", "杨洁篪", "--pinyin", "Yáng Jiéchí", "--english", "Yang Jiechi"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "already in" in err and "_dictionaries/people.toml" in err and "glossary edit" in err
    assert not (Path.cwd() / "n.toml").exists()


def _write(path: Path, *blocks: str) -> Path:
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


YANG = '[[entry]]\nhanzi = "杨洁篪"\npinyin = "Yáng Jiéchí"\nenglish = "Yang Jiechi"\n'


def test_override_rules(wheel: Path, tmp_path: Path) -> None:
    shipped = wheel / "people.toml"
    # same characters, no notes to tell them apart: the user's entry wins
    own = _write(tmp_path / "own.toml", YANG + 'aliases = ["Yang C."]\n')
    for order in ([shipped, own], [own, shipped]):
        (entry,) = load_glossary(order).by_hanzi("杨洁篪")
        assert entry.aliases == ("Yang C.",) and entry.path == str(own)
    # other notes: another person, both kept
    _write(own, YANG + 'notes = "A namesake, an engineer."\n')
    assert len(load_glossary([shipped, own]).by_hanzi("杨洁篪")) == 2
    # duplicates within one file, or between two of the user's files, stay errors
    _write(own, YANG, YANG)
    with pytest.raises(DataError, match="already defined"):
        load_glossary([shipped, own])
    _write(own, YANG)
    other = _write(tmp_path / "other.toml", YANG)
    with pytest.raises(DataError, match="already defined"):
        load_glossary([shipped, own, other])
    # without the shipped files nothing overrides: the old rule
    with pytest.raises(DataError, match="already defined"):
        load_glossary([own, other])


def test_an_override_must_say_which_namesake_it_replaces(wheel: Path, tmp_path: Path) -> None:
    shipped = wheel / "people.toml"
    shipped.chmod(stat.S_IRWXU)
    text = shipped.read_text(encoding="utf-8")
    shipped.write_text(
        text + "\n" + YANG + 'notes = "A namesake, an engineer."\n', encoding="utf-8"
    )
    house.clear_cache()
    own = _write(tmp_path / "own.toml", YANG)
    with pytest.raises(DataError, match="would replace 2 shipped entries") as caught:
        load_glossary([shipped, own])
    assert str(own) in str(caught.value)
    _write(own, YANG + 'notes = "A namesake, an engineer."\naliases = ["Y. J."]\n')
    found = load_glossary([shipped, own]).by_hanzi("杨洁篪")
    assert sorted(e.notes for e in found) == [
        "A namesake, an engineer.",
        "PRC foreign minister 2007-2013.",
    ]
    assert next(e for e in found if e.notes.startswith("A namesake")).aliases == ("Y. J.",)


def test_source_checkout_writes_the_shipped_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "repo" / "dictionaries"
    checkout.mkdir(parents=True)
    monkeypatch.setattr(house, "dictionaries_dir", lambda: checkout)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GLOSSARY_FILE", raising=False)
    assert writable_target(Kind.PERSON) == checkout / "people.toml"
    assert writable_target(Kind.PLACE) == checkout / "terms.toml"
    assert house.edit_in_place(checkout / "people.toml")


def test_review_ui_saves_an_override_to_the_configured_file(wheel: Path) -> None:
    from tui import bridge

    work = Path.cwd().parent
    (work / ".glossary.toml").write_text('glossaries = ["names.toml"]\n', encoding="utf-8")
    article = work / "articles" / "a.md"
    article.write_text("Yang Jiechi spoke.\n", encoding="utf-8")
    shipped_before = _snapshot(wheel)
    review = bridge.House((), article=article)
    old = review.find((), "杨洁篪")
    assert old is not None and old.path == str(wheel / "people.toml")
    changes = review.put_entry((), old, old._replace(aliases=("Yang C.",)))
    assert review.save(changes) == work / "names.toml"
    assert _snapshot(wheel) == shipped_before
    (entry,) = load_glossary(review.files()).by_hanzi("杨洁篪")
    assert entry.aliases == ("Yang C.",) and entry.path == str(work / "names.toml")


def test_review_ui_without_a_target_says_so(wheel: Path) -> None:
    from tui import bridge

    article = Path.cwd() / "a.md"
    article.write_text("Yang Jiechi spoke.\n", encoding="utf-8")
    review = bridge.House((), article=article)
    old = review.find((), "杨洁篪")
    assert old is not None and review.target is None
    changes = review.put_entry((), old, old._replace(aliases=()))
    before = _snapshot(wheel.parent)
    with pytest.raises(GlossaryError, match="no house glossary to write to"):
        review.save(changes)
    assert _snapshot(wheel.parent) == before


def test_lint_loads_the_override_through_the_configuration(wheel: Path) -> None:
    from glossary.check.knowledge import load_knowledge
    from glossary.config import load_config

    work = Path.cwd().parent
    (work / ".glossary.toml").write_text('glossaries = ["names.toml"]\n', encoding="utf-8")
    _write(work / "names.toml", YANG + 'aliases = ["Yang C."]\n')
    knowledge = load_knowledge(load_config(Path.cwd()).glossaries, use_cedict=False)
    assert knowledge.glossary is not None
    (entry,) = knowledge.glossary.by_hanzi("杨洁篪")
    assert entry.path == str(work / "names.toml") and entry.aliases == ("Yang C.",)
