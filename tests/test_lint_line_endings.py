"""`glossary lint` on LF, CRLF and lone-CR files: same positions, and --fix keeps the endings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.check.findings import LineIndex
from glossary.cli import main

# Our own article: a wrong tone (GL101) and two house forms spelt otherwise (GL301), on
# lines 3 and 5 of a Markdown file with a heading and blank lines between paragraphs.
ARTICLE = (
    "# Talks in Geneva\n"
    "\n"
    "Foreign minister Wáng Yí 王毅 arrived on Monday.\n"
    "\n"
    "He met Li Ke Qiang and Xi Jin-ping later.\n"
    "\n"
    "Wang said the talks went well; Zhang agreed.\n"
)
ENDINGS = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
EXPECTED = [(3, 23, 3, 25, "GL101"), (5, 8, 5, 19, "GL301"), (5, 24, 5, 35, "GL301")]


def write(folder: Path, name: str, text: str, suffix: str = ".md") -> Path:
    path = folder / f"{name}{suffix}"
    path.write_bytes(text.encode("utf-8"))
    return path


def with_endings(text: str, ending: str) -> str:
    return text.replace("\n", ending)


def test_line_index_counts_every_line_break() -> None:
    lines = LineIndex("a\r\nb\rc\nd\u2028e")
    assert [lines.position(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert lines.position(9) == (4, 3)  # U+2028 is not a line break (LSP, ruff)
    assert lines.line_count == 4
    text = "ab\r\ncd\ref\n"
    index = LineIndex(text)
    assert [text[index.line_start(n) : index.line_end(n, text)] for n in (1, 2, 3, 4)] == [
        "ab",
        "cd",
        "ef",
        "",
    ]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_json_positions_do_not_depend_on_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    article = ARTICLE if suffix != ".html" else ARTICLE.replace("# Talks in Geneva", "<p>Talks</p>")
    found = {}
    for name, ending in ENDINGS.items():
        path = write(tmp_path, name, with_endings(article, ending), suffix)
        assert main(["lint", "--no-cache", "--format", "json", str(path)]) == 1
        items = json.loads(capsys.readouterr().out)
        found[name] = [
            (i["line"], i["column"], i["end_line"], i["end_column"], i["code"]) for i in items
        ]
    assert found["lf"] == EXPECTED
    assert found["crlf"] == found["lf"]
    assert found["cr"] == found["lf"]


def test_text_output_is_the_same_for_every_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {}
    for name, ending in ENDINGS.items():
        path = write(tmp_path, name, with_endings(ARTICLE, ending))
        assert main(["lint", "--no-cache", str(path)]) == 1
        outputs[name] = capsys.readouterr().out.replace(str(path), "ARTICLE")
    assert "ARTICLE:3:23: error GL101" in outputs["lf"]
    # the source line shown under a finding is that line alone, not the rest of the file
    assert "\n    He met Li Ke Qiang and Xi Jin-ping later.\n" in outputs["cr"]
    assert "\r" not in outputs["cr"]
    assert outputs["crlf"] == outputs["lf"]
    assert outputs["cr"] == outputs["lf"]


def test_suppression_comments_count_lone_cr_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ARTICLE.replace(
        "He met", "<!-- glossary: disable-next-line=GL301 -->\nHe met"
    )  # line 5 becomes 6, and its two findings are off
    path = write(tmp_path, "cr", with_endings(text, "\r"))
    assert main(["lint", "--no-cache", "--format", "json", str(path)]) == 1
    codes = [(i["line"], i["code"]) for i in json.loads(capsys.readouterr().out)]
    assert codes == [(3, "GL101")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fix_keeps_each_files_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    paths = {
        name: write(tmp_path, name, with_endings(ARTICLE, ending))
        for name, ending in ENDINGS.items()
    }
    assert main(["lint", "--fix", "--jobs", jobs, *map(str, paths.values())]) in (0, 1)
    capsys.readouterr()
    fixed_lf = paths["lf"].read_bytes().decode("utf-8")
    assert "Wáng Yì 王毅" in fixed_lf and "Li Keqiang" in fixed_lf and "Xi Jinping" in fixed_lf
    for name, ending in ENDINGS.items():
        # byte for byte: the LF result with this file's endings, nothing else changed
        assert paths[name].read_bytes() == with_endings(fixed_lf, ending).encode("utf-8")


def test_diff_reads_lines_as_the_checker_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diffs = {}
    for name, ending in ENDINGS.items():
        path = write(tmp_path, name, with_endings(ARTICLE, ending))
        assert main(["lint", "--diff", str(path)]) == 1
        diffs[name] = capsys.readouterr().out.replace(str(path), "ARTICLE")
    assert "No newline" not in diffs["cr"]
    header, body = diffs["cr"].split("@@\n", 1)
    assert header + "@@\n" + body.replace("\r", "\n") == diffs["lf"]
    assert diffs["crlf"].replace("\r\n", "\n") == diffs["lf"]
    # a form feed or U+2028 inside a line does not end it
    path = write(tmp_path, "ls", "Page\u2028one\x0c Wáng Yí 王毅 spoke.\n", ".txt")
    assert main(["lint", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert "No newline" not in out
    assert "-Page\u2028one\x0c Wáng Yí 王毅 spoke.\n+Page\u2028one\x0c Wáng Yì 王毅 spoke.\n" in out
