"""Output formats are pure functions over findings; positions are 1-based characters."""

from __future__ import annotations

import json

from glossary.check.findings import Finding, Fix, Severity
from glossary.check.formatters import (
    FileReport,
    format_github,
    format_json,
    format_sarif,
    format_text,
    summary,
)

SOURCE = "line one\n杨洁篪 Yáng Jiéchì, said\n"
START = SOURCE.index("Jiéchì")
FINDING = Finding(
    "GL101",
    "pinyin-mismatch",
    Severity.ERROR,
    "'chì' is not a reading of 篪: 50%, a, b",
    START,
    START + 6,
    Fix(START, START + 6, "Jiéchí"),
    "a.md",
)
REPORT = FileReport("a.md", SOURCE, (FINDING,))


def test_text_marks_the_span_counting_wide_characters() -> None:
    out = format_text([REPORT]).splitlines()
    assert out[0] == "a.md:2:10: error GL101 'chì' is not a reading of 篪: 50%, a, b"
    assert out[1] == "    杨洁篪 Yáng Jiéchì, said"
    assert out[2] == "    " + " " * 12 + "^" * 6  # three wide characters count as six columns
    assert out[3] == "    fix: 'Jiéchí'"


def test_json_layout() -> None:
    [item] = json.loads(format_json([REPORT]))
    assert item["line"] == 2 and item["column"] == 10
    assert item["end_line"] == 2 and item["end_column"] == 16
    assert item["severity"] == "error" and item["fix"] == "Jiéchí"
    no_fix = FileReport(
        "a.md", SOURCE, (Finding("GL402", "unknown-name", Severity.INFO, "m", 9, 12),)
    )
    assert json.loads(format_json([no_fix]))[0]["fix"] is None
    assert json.loads(format_json([])) == []


def test_github_escapes() -> None:
    line = format_github([REPORT]).strip()
    assert line.startswith("::error file=a.md,line=2,col=10,endLine=2,endColumn=16,title=GL101::")
    assert line.endswith("::'chì' is not a reading of 篪: 50%25, a, b")


def test_sarif_minimal_shape() -> None:
    sarif = json.loads(format_sarif([REPORT], [("GL101", "pinyin-mismatch", "Doc. More.")]))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["id"] == "GL101"
    assert run["results"][0]["ruleIndex"] == 0
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 10


def test_summary() -> None:
    assert summary([REPORT]) == "1 file(s) checked: 1 error"
    assert summary([FileReport("b", "", ())]) == "1 file(s) checked, no findings"
