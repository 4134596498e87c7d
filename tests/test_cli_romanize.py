"""`glossary romanize`: the table, JSON Lines, and clear exit-2 errors."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest

from glossary.cli import main


def test_table_lists_each_name_aligned(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "杨洁篪", "刘鹏宇", "乐嘉"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["characters", "pinyin", "English", "traditional", "source", "note"]
    assert out[1].split()[:6] == ["杨洁篪", "Yáng", "Jiéchí", "Yang", "Jiechi", "楊潔篪"]
    assert "house" in out[1]
    assert "Liú Péngyǔ" in out[2]
    assert "ambiguous; also Lè Jiā" in out[3]
    # Columns line up on screen (a CJK character is two cells wide).
    cells = {_width(out[0][: out[0].index("pinyin")])}
    cells |= {
        _width(line[: line.index(word)])
        for line, word in zip(out[1:], ("Yáng", "Liú", "Yuè"), strict=True)
    }
    assert len(cells) == 1


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_historical_people_keep_their_special_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["romanize", "刘禅", "曾参", "范蠡", "米芾"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert [row[:3] for row in rows] == [
        ["刘禅", "Liú", "Shàn"],
        ["曾参", "Zēng", "Shēn"],
        ["范蠡", "Fàn", "Lǐ"],
        ["米芾", "Mǐ", "Fú"],
    ]
    assert all("cedict" in row for row in rows)


def test_established_form_in_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "蔡英文"]) == 0
    assert "Tsai Ing-wen" in capsys.readouterr().out


def test_json_lines_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\ufeff杨洁篪\nhello\n\n楊潔篪\n乐嘉\n"))
    assert main(["romanize", "--json", "-"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 4
    first = records[0]
    for key in ("input", "surname", "given", "pinyin", "english", "numbered", "simplified"):
        assert key in first
    assert first["pinyin"] == "Yáng Jiéchí"
    assert first["numbered"] == "Yang2 Jie2chi2"
    assert first["traditional"] == "楊潔篪"
    assert first["source"] == "house"
    assert first["ambiguous"] is False
    assert records[1]["input"] == "hello" and "error" in records[1]
    assert records[2]["input"] == "楊潔篪" and records[2]["simplified"] == "杨洁篪"
    assert records[3]["ambiguous"] is True and records[3]["alternatives"] == ["Lè Jiā"]


def test_sources_option_limits_the_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["romanize", "--json", "--sources", "rules", "蔡英文"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "rules" and record["english"] == "Cai Yingwen"


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["romanize"], "", "no names given"),
        (["romanize", "-"], "\n\n", "no names on standard input"),
        (["romanize", "abc"], "", "'abc' is not a name"),
        (["romanize", "--sources", "web", "杨洁篪"], "", "--sources: web"),
    ],
)
def test_unusable_arguments_exit_2_with_one_line(
    argv: list[str],
    stdin: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_bad_glossary_file_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[entry]]\nhanzi = "杨洁篪"\npinyin = "Yang2"\nenglish = "Yang"\n', encoding="utf-8"
    )
    assert main(["romanize", "--glossary", str(path), "杨洁篪"]) == 2
    err = capsys.readouterr().err.strip()
    assert f"{path}:3:" in err and "pinyin" in err
    assert len(err.splitlines()) == 1


def test_own_glossary_replaces_the_shipped_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[entry]]\nhanzi = "乐嘉"\npinyin = "Lè Jiā"\nenglish = "Le Jia"\n', encoding="utf-8"
    )
    assert main(["romanize", "--json", "--glossary", str(path), "乐嘉", "蔡英文"]) == 0
    le, tsai = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (le["pinyin"], le["source"], le["ambiguous"]) == ("Lè Jiā", "house", False)
    assert tsai["source"] != "house"


def test_stdin_that_is_not_utf8_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO("杨洁篪\n".encode("gbk")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["romanize", "--json", "-"]) == 2
    err = capsys.readouterr().err.strip()
    assert "not UTF-8" in err and len(err.splitlines()) == 1
