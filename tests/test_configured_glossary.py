"""Every command reads the same house glossary: the shipped files plus the newsroom's own,
named in `.glossary.toml` (or `[tool.glossary]`), as `glossary lint` does. A configured file
that does not exist yet reads as empty with a one-line warning; one that is bad stops the
command with file, line and field (exit 2)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from glossary.cli import main

# neither is in a shipped file: 周立明 is unknown, 乐嘉 is romanized by rule as Yuè Jiā (乐 is
# ambiguous as a surname); the newsroom's entry says Lè Jiā
OWN_ENTRIES = (
    '[[entry]]\nhanzi = "周立明"\npinyin = "Zhōu Lìmíng"\nenglish = "Zhou Liming"\n'
    'notes = "A researcher (test entry)."\n\n'
    '[[entry]]\nhanzi = "乐嘉"\npinyin = "Lè Jiā"\nenglish = "Le Jia"\n'
)
BAD_ENTRY = '[[entry]]\nhanzi = "杨洁篪"\npinyin = "Yang2"\nenglish = "Yang"\n'


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom folder whose `.glossary.toml` names `house.toml` (not written yet)."""
    monkeypatch.delenv("GLOSSARY_FILE", raising=False)
    (tmp_path / ".glossary.toml").write_text('glossaries = ["house.toml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _own(desk: Path, text: str = OWN_ENTRIES) -> Path:
    path = desk / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _err_lines(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    captured = capsys.readouterr()
    return captured.out, captured.err.splitlines()


# --- the configured entries are used -----------------------------------------------------


def test_romanize_uses_the_configured_glossary(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _own(desk)
    assert main(["romanize", "--json", "乐嘉", "周立明"]) == 0
    le, liu = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (le["pinyin"], le["source"]) == ("Lè Jiā", "house")
    assert liu["source"] == "house"


def test_extract_uses_the_glossary_configured_for_the_files_folder(
    desk: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _own(desk)
    article = desk / "article-zh.txt"
    article.write_text("研究员周立明表示，中方欢迎会谈。\n", encoding="utf-8")
    # the file's folder decides, not the current one (as for lint)
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert main(["extract", "--json", str(article)]) == 0
    found = {f["hanzi"]: f for f in json.loads(capsys.readouterr().out)}
    assert found["周立明"]["in_glossary"] is True


def test_extract_from_stdin_uses_the_current_folders_glossary(
    desk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _own(desk)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("周立明表示。".encode())))
    assert main(["extract", "--json", "--new", "-"]) == 0
    assert all(f["hanzi"] != "周立明" for f in json.loads(capsys.readouterr().out))


def test_export_includes_the_configured_entries(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _own(desk)
    assert main(["export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    entries = exported["entries"] if isinstance(exported, dict) else exported
    by_hanzi = {e["hanzi"]: e for e in entries}
    assert by_hanzi["周立明"]["english"] == "Zhou Liming"
    assert by_hanzi["乐嘉"]["pinyin"] == "Lè Jiā"
    assert "杨洁篪" in by_hanzi  # and the shipped ones are there too


def test_an_explicit_glossary_still_replaces_the_configured_ones(
    desk: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    _own(desk, BAD_ENTRY)  # would stop the command if it were read
    other = tmp_path_factory.mktemp("other") / "only.toml"
    other.write_text(OWN_ENTRIES, encoding="utf-8")
    assert main(["romanize", "--json", "--glossary", str(other), "乐嘉"]) == 0
    assert json.loads(capsys.readouterr().out)["pinyin"] == "Lè Jiā"


# --- a bad configured file stops every command, naming file, line and field ----------------


@pytest.mark.parametrize(
    "argv",
    [
        ["romanize", "杨洁篪"],
        ["extract", "article.txt"],
        ["export", "--format", "csv"],
        ["repair", "article.txt"],
        ["lint", "article.txt"],
        ["lookup", "杨洁篪"],
    ],
    ids=lambda argv: argv[0],
)
def test_every_command_reads_the_configured_file(
    desk: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _own(desk, BAD_ENTRY)
    (desk / "article.txt").write_text("Yang Jiechi (杨洁篪) spoke.\n", encoding="utf-8")
    assert main(argv) == 2
    _out, err = _err_lines(capsys)
    assert len(err) == 1 and "Traceback" not in err[0]
    assert f"{bad}:3:" in err[0] and "pinyin" in err[0]


# --- a configured file that does not exist yet -------------------------------------------


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["romanize", "杨洁篪"], 0),
        (["extract", "article.txt"], 0),
        (["export", "--format", "csv"], 0),
        (["repair", "article.txt"], 0),
        (["lint", "article.txt"], 0),
        (["lookup", "--no-cedict", "杨洁篪"], 0),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else str(value),
)
def test_a_configured_file_not_yet_created_reads_as_empty_with_one_warning(
    desk: Path, argv: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    (desk / "article.txt").write_text("Yáng Jiéchí 杨洁篪 spoke.\n", encoding="utf-8")
    assert main(argv) == status
    _out, err = _err_lines(capsys)
    warnings = [line for line in err if "warning" in line]
    assert len(warnings) == 1, err
    assert str(desk / "house.toml") in warnings[0] and "no such glossary file" in warnings[0]
    assert ".glossary.toml" in warnings[0]  # says where it is named
    assert not (desk / "house.toml").exists()  # reading never creates it


def test_lint_warns_once_for_many_articles(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (desk / name).write_text("Yáng Jiéchí 杨洁篪 spoke.\n", encoding="utf-8")
    assert main(["lint", "--no-cache", "a.txt", "b.txt", "c.md"]) == 0
    _out, err = _err_lines(capsys)
    assert sum("no such glossary file" in line for line in err) == 1


def test_lint_with_a_missing_glossary_on_the_command_line_exits_2(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _own(desk)
    (desk / "article.txt").write_text("Yáng Jiéchí 杨洁篪 spoke.\n", encoding="utf-8")
    assert main(["lint", "--glossary", "typo.toml", "article.txt"]) == 2
    _out, err = _err_lines(capsys)
    assert len(err) == 1 and "typo.toml: no such glossary file" in err[0]


def test_lint_reads_the_file_once_add_has_created_it(
    desk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = desk / "article.txt"
    article.write_text("Zhōu Lìmíng 周立明 spoke.\n", encoding="utf-8")
    assert main(["lint", "--no-cache", "--format", "json", str(article)]) == 0
    before = json.loads(capsys.readouterr().out)
    assert any(f["code"] == "GL402" for f in _findings(before))  # not in any glossary yet
    assert main(["add", "周立明", "--english", "Zhou Liming", "--pinyin", "Zhōu Lìmíng"]) == 0
    assert (desk / "house.toml").is_file()
    capsys.readouterr()
    assert main(["lint", "--no-cache", "--format", "json", str(article)]) == 0
    captured = capsys.readouterr()
    assert not any(f["code"] == "GL402" for f in _findings(json.loads(captured.out)))
    assert "warning" not in captured.err


def _findings(report: list[dict[str, object]]) -> list[dict[str, object]]:
    """The findings of `glossary lint --format json` (docs/lint-json.md: a list)."""
    assert isinstance(report, list)
    return report
