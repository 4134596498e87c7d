"""Output formats for findings: pure functions from reports to a string.

- text: compiler style, `path:line:col: severity CODE message`, then the source line with the
  span marked by carets (wide characters counted as two columns).
- json: a list of objects, layout version 1 (docs/lint-json.md).
- github: workflow commands that GitHub Actions shows as annotations.
- sarif: SARIF 2.1.0 for code-scanning tools.

Lines and columns are 1-based; columns count characters (Unicode code points).
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Sequence

from glossary import __version__
from glossary.check.findings import Finding, LineIndex, Severity
from glossary.records import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

JSON_LAYOUT_VERSION = 1


class OutputFormat(enum.Enum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


class FileReport:
    """The findings of one checked file, with its text (to derive lines and columns).

    A plain class (read-only by convention) rather than a frozen dataclass: cheaper to define
    at start-up, and it keeps its line table once built."""

    __slots__ = ("_lines", "findings", "path", "source")

    def __init__(self, path: str, source: str, findings: tuple[Finding, ...]) -> None:
        self.path = path
        self.source = source
        self.findings = findings
        self._lines: LineIndex | None = None

    def __repr__(self) -> str:
        return f"FileReport(path={self.path!r}, findings={len(self.findings)})"

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines


class Located(NamedTuple):
    finding: Finding
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # 1-based, exclusive of nothing: the column of the span's last character + 1


def locate(report: FileReport) -> list[Located]:
    out = []
    for finding in report.findings:
        start = report.lines.position(finding.start)
        end = report.lines.position(max(finding.start, finding.end))
        out.append(Located(finding, report.path, start.line, start.column, end.line, end.column))
    return out


_CONTEXT = 60  # characters of the source line shown either side of a finding's span


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_text(reports: Sequence[FileReport], *, color: bool = False) -> str:
    colors = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"} if color else {}
    reset = "\x1b[0m" if color else ""
    out: list[str] = []
    for report in reports:
        for item in locate(report):
            f = item.finding
            sev = f.severity.value
            out.append(
                f"{item.path}:{item.line}:{item.column}: "
                f"{colors.get(sev, '')}{sev}{reset} {f.code} {f.message}"
            )
            line_start = report.lines.line_start(item.line)
            line_text = report.source[line_start : report.lines.line_end(item.line, report.source)]
            span_end = min(f.end, line_start + len(line_text))
            # long lines (a paragraph is one line) are shown as a window around the span
            left = max(line_start, f.start - _CONTEXT)
            right = min(line_start + len(line_text), max(span_end, f.start) + _CONTEXT)
            shown = report.source[left:right].replace("\t", " ")
            prefix = "…" if left > line_start else ""
            suffix = "…" if right < line_start + len(line_text) else ""
            pad = len(prefix) + _width(report.source[left : f.start].replace("\t", " "))
            carets = max(1, _width(report.source[f.start : span_end]))
            out.append(f"    {prefix}{shown}{suffix}")
            out.append(f"    {' ' * pad}{'^' * carets}")
            if f.fix is not None:
                out.append(f"    fix: {f.fix.replacement!r}")
    return "\n".join(out) + ("\n" if out else "")


def summary(reports: Sequence[FileReport]) -> str:
    counts = dict.fromkeys(Severity, 0)
    for report in reports:
        for finding in report.findings:
            counts[finding.severity] += 1
    total = sum(counts.values())
    if not total:
        return f"{len(reports)} file(s) checked, no findings"
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return f"{len(reports)} file(s) checked: {', '.join(parts)}"


def _json_item(item: Located) -> dict[str, Any]:
    f = item.finding
    return {
        "path": item.path,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "fix": None if f.fix is None else f.fix.replacement,
    }


def format_json(reports: Sequence[FileReport]) -> str:
    import json

    items = [_json_item(item) for report in reports for item in locate(report)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(reports: Sequence[FileReport]) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for report in reports:
        for item in locate(report):
            f = item.finding
            props = ",".join(
                [
                    f"file={_escape_property(item.path)}",
                    f"line={item.line}",
                    f"col={item.column}",
                    f"endLine={item.end_line}",
                    f"endColumn={item.end_column}",
                    f"title={_escape_property(f.code)}",
                ]
            )
            out.append(f"::{level[f.severity.value]} {props}::{_escape_data(f.message)}")
    return "\n".join(out) + ("\n" if out else "")


def format_sarif(reports: Sequence[FileReport], rules: Iterable[tuple[str, str, str]] = ()) -> str:
    """SARIF 2.1.0; `rules` are (code, name, doc) for the tool's rule table."""
    import json

    sarif_level = {"error": "error", "warning": "warning", "info": "note"}
    rule_list = sorted(set(rules))
    rule_index = {code: i for i, (code, _, _) in enumerate(rule_list)}
    results = []
    for report in reports:
        for item in locate(report):
            f = item.finding
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": sarif_level[f.severity.value],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": item.path.replace("\\", "/")},
                            "region": {
                                "startLine": item.line,
                                "startColumn": item.column,
                                "endLine": item.end_line,
                                "endColumn": item.end_column,
                            },
                        }
                    }
                ],
            }
            if f.code in rule_index:
                result["ruleIndex"] = rule_index[f.code]
            if f.fix is not None:
                start = report.lines.position(f.fix.start)
                end = report.lines.position(f.fix.end)
                result["fixes"] = [
                    {
                        "description": {"text": f"replace with {f.fix.replacement!r}"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": item.path.replace("\\", "/")},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": start.line,
                                            "startColumn": start.column,
                                            "endLine": end.line,
                                            "endColumn": end.column,
                                        },
                                        "insertedContent": {"text": f.fix.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            results.append(result)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "glossary",
                        "version": __version__,
                        "rules": [
                            {
                                "id": code,
                                "name": name,
                                "shortDescription": {"text": doc.split(". ")[0].strip()},
                                "fullDescription": {"text": doc},
                            }
                            for code, name, doc in rule_list
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(
    fmt: OutputFormat,
    reports: Sequence[FileReport],
    *,
    rules: Iterable[tuple[str, str, str]] = (),
    color: bool = False,
) -> str:
    if fmt is OutputFormat.JSON:
        return format_json(reports)
    if fmt is OutputFormat.GITHUB:
        return format_github(reports)
    if fmt is OutputFormat.SARIF:
        return format_sarif(reports, rules)
    return format_text(reports, color=color)
