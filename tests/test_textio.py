"""The one reader of commands' input: each failure is one line naming the file (and the line
and column of the first bad byte)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.errors import GlossaryError
from glossary.textio import read_text


def test_utf8_text_is_read_as_is_bom_included(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff杨洁篪\n".encode())
    assert read_text(str(path)) == "\ufeff杨洁篪\n"  # a rewrite (repair, lint --fix) keeps it


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"ok\n\xe6\x9d\xa8 \xff\xfe\n", ":2:3: not UTF-8 text (byte 0xFF); convert it to UTF-8"),
        ("第一行\n".encode() + "杨洁篪".encode("gbk"), ":2:1: not UTF-8 text (byte 0xD1)"),
        (b"abc\ndef\x00", ":2:4: a binary file (NUL byte), not text"),
        # the checker's line ends: CRLF and a lone CR (old Mac files) end a line too
        (b"ok\r\n\xe6\x9d\xa8 \xff\xfe\r\n", ":2:3: not UTF-8 text (byte 0xFF)"),
        (b"ok\r\xe6\x9d\xa8 \xff\xfe\r", ":2:3: not UTF-8 text (byte 0xFF)"),
        (b"a\rb\rcd\x00", ":3:3: a binary file (NUL byte), not text"),
    ],
)
def test_bad_bytes_are_reported_at_their_line_and_column(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(GlossaryError) as caught:
        read_text(str(path))
    assert str(caught.value).startswith(f"{path}{message}")
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match=r"absent\.txt: no such file$"):
        read_text(str(tmp_path / "absent.txt"))
    with pytest.raises(GlossaryError, match=r"is a folder, not a file$"):
        read_text(str(tmp_path))


def test_stdin_is_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x\n\xff")))
    with pytest.raises(GlossaryError, match=r"^<stdin>:2:1: not UTF-8 text"):
        read_text("-")


@pytest.mark.parametrize(
    "argv",
    [["lint"], ["repair"], ["extract"]],
    ids=lambda argv: argv[0],
)
def test_every_reading_command_reports_bad_input_the_same_way(
    tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一行\n".encode() + "杨洁篪".encode("gbk"))
    assert main([*argv, str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and f"{path}:2:1: not UTF-8 text (byte 0xD1)" in err[0]
    assert main([*argv, str(tmp_path / "absent.txt")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "absent.txt: no such file" in err[0]  # lint: "or folder"
