"""`glossary repair`: stdout, --in-place, --explain, and bad input (exit 2, one line)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.repair.charmaps import corrupt_cp1252, corrupt_seed

CLEAN = "Vice Premier Hé Lìfēng 何立峰 said talks were “frank.”\n"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _run(args: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, str, str]:
    code = main(["repair", *args])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


def test_repairs_a_file_to_stdout(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(corrupt_seed(CLEAN), encoding="utf-8")
    code, out, err = _run([str(path)], capsysbinary)
    assert (code, out, err) == (0, CLEAN, "")
    assert path.read_text(encoding="utf-8") == corrupt_seed(CLEAN)  # never touched unasked


def test_clean_text_passes_through(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "clean.txt"
    path.write_bytes(CLEAN.replace("\n", "\r\n").encode())
    code, out, _ = _run([str(path)], capsysbinary)
    assert code == 0 and out == CLEAN.replace("\n", "\r\n")


def test_in_place_keeps_a_backup(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "article.txt"
    broken = corrupt_cp1252(CLEAN)
    path.write_text(broken, encoding="utf-8")
    code, out, err = _run(["--in-place", str(path)], capsysbinary)
    assert code == 0 and out == ""
    assert "run(s) repaired" in err
    assert path.read_text(encoding="utf-8") == CLEAN
    assert (tmp_path / "article.txt~").read_text(encoding="utf-8") == broken


def test_explain_lists_runs_on_stderr(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "article.txt"
    path.write_text("x\n" + corrupt_seed("Yáng Jiéchí 杨洁篪") + " \ufffd\n", encoding="utf-8")
    code, out, err = _run(["--explain", str(path)], capsysbinary)
    assert code == 0 and out == "x\nYáng Jiéchí 杨洁篪 \ufffd\n"
    lines = err.splitlines()
    assert (
        f"{path}:2:2: utf-8 read as cp874/cp1252, undefined bytes dropped: 'รก' -> 'á'" in lines[0]
    )
    assert any("'ๆจๆด็ฏช' -> '杨洁篪'" in line and "2 bytes lost" in line for line in lines)
    assert "not repaired" in lines[-1] and "U+FFFD" in lines[-1]


def test_undecided_candidates_are_listed(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(corrupt_seed("“杨”") + "\n", encoding="utf-8")  # no pinyin, no name
    code, out, err = _run(["--explain", str(path)], capsysbinary)
    assert code == 0
    assert "ๆจ" in out  # left as it was
    assert "candidates:" in err and "杨" in err and "恨" in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"abc\x00def", "binary file"),
        (b"ok\n\xff\xfe", "<stdin>:2:1: not UTF-8"),
    ],
)
def test_bad_stdin_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
    data: bytes,
    message: str,
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    code, out, err = _run(["-"], capsysbinary)
    assert code == 2 and out == ""
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_empty_input_is_empty_output(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert _run([], capsysbinary) == (0, "", "")


def test_missing_file_and_in_place_on_stdin(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, _, err = _run([str(tmp_path / "nope.txt")], capsysbinary)
    assert code == 2 and "no such file" in err
    code, _, err = _run(["--in-place", "-"], capsysbinary)
    assert code == 2 and "--in-place needs a FILE" in err
