"""`glossary lint FOLDER`: unreadable files do not stop the run, skipped suffixes are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.cli import main

BAD = "Foreign affairs chief Yáng Jiéchì 杨洁篪 spoke first.\n"  # GL101 at 1:28
GOOD = "Foreign affairs chief Yáng Jiéchí 杨洁篪 spoke first.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """a.md (a finding), b.txt (not UTF-8), c.txt (clean), an image and an .rst file."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    (root / "a.md").write_text(BAD, encoding="utf-8")
    (root / "b.txt").write_bytes("Yáng Jiéchì".encode("gb18030"))
    (root / "sub" / "c.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    (root / "notes.rst").write_text(BAD, encoding="utf-8")
    return root


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["lint", "--no-cache", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unreadable_file_is_reported_and_the_rest_checked(
    folder: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    status, out, err = run(["--jobs", jobs, str(folder)], capsys)
    assert status == 2  # could not read one file: 2 beats the findings' 1
    assert f"{folder / 'a.md'}:1:28: error GL101" in out
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert errors[0].startswith(f"glossary lint: error: {folder / 'b.txt'}:1:")
    assert "not UTF-8" in errors[0]
    assert "Traceback" not in err
    summary = err.splitlines()[-1]
    assert summary == (
        "2 file(s) checked, 2 skipped (not .txt/.md/.html): 1 error; 1 file(s) could not be read"
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_still_has_the_readable_files_findings(
    folder: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    status, out, err = run(["--format", "json", "--jobs", jobs, str(folder)], capsys)
    assert status == 2
    assert [(i["path"], i["code"]) for i in json.loads(out)] == [(str(folder / "a.md"), "GL101")]
    assert "b.txt" in err


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_go_on_past_an_unreadable_file(
    folder: Path, capsys: pytest.CaptureFixture[str], mode: str
) -> None:
    status, out, err = run([mode, "--jobs", "2", str(folder)], capsys)
    assert status == 2
    assert err.count("glossary lint: error:") == 1 and "b.txt" in err
    fixed = (folder / "a.md").read_text(encoding="utf-8")
    if mode == "--fix":
        assert fixed == GOOD
        assert "fixed 1 file(s)" in err
    else:
        assert fixed == BAD
        assert "+Foreign affairs chief Yáng Jiéchí" in out
    assert (folder / "b.txt").read_bytes() == "Yáng Jiéchì".encode("gb18030")


def test_every_unreadable_file_gets_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("x.md", "y.md"):
        (tmp_path / name).write_bytes(b"\xff\xfe\x00\x00binary\x00")
    (tmp_path / "z.md").write_text(GOOD, encoding="utf-8")
    status, out, err = run([str(tmp_path)], capsys)
    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert [line.split(":")[1].strip() for line in lines[:2]] == ["error", "error"]
    assert str(tmp_path / "x.md") in lines[0] and str(tmp_path / "y.md") in lines[1]
    assert lines[2] == "1 file(s) checked, no findings; 2 file(s) could not be read"


def test_clean_folder_with_skipped_files_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    status, _out, err = run([str(tmp_path)], capsys)
    assert status == 0
    assert err.strip() == "1 file(s) checked, 1 skipped (not .txt/.md/.html), no findings"


def test_a_file_named_explicitly_is_read_as_plain_text_whatever_its_suffix(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run([str(folder / "notes.rst")], capsys)
    assert status == 1
    assert f"{folder / 'notes.rst'}:1:28: error GL101" in out
    assert err.strip() == "1 file(s) checked: 1 error"  # nothing skipped


def test_a_missing_path_is_reported_and_the_rest_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Like ruff: a typo in one path does not hide the other files' findings; exit 2."""
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    status, out, err = run([str(tmp_path / "a.md"), str(tmp_path / "nope.md")], capsys)
    assert status == 2
    assert "GL101" in out
    lines = err.strip().splitlines()
    assert lines[0] == f"glossary lint: error: {tmp_path / 'nope.md'}: no such file or folder"
    assert lines[1].endswith("; 1 file(s) could not be read")


def test_only_missing_paths_give_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run([str(tmp_path / "nope.md"), str(tmp_path / "gone")], capsys)
    assert status == 2
    assert out == ""
    assert err.strip().splitlines() == [
        f"glossary lint: error: {tmp_path / 'nope.md'}: no such file or folder",
        f"glossary lint: error: {tmp_path / 'gone'}: no such file or folder",
    ]
