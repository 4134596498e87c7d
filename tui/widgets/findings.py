"""The findings list: severity, code, position and message, one option per finding."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from glossary.check.findings import Finding, LineIndex, Severity

SEVERITY_STYLE: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("E", "bold red"),
    Severity.WARNING: ("W", "bold yellow"),
    Severity.INFO: ("i", "bold blue"),
}


def finding_prompt(finding: Finding, lines: LineIndex) -> Text:
    mark, style = SEVERITY_STYLE[finding.severity]
    where = lines.position(finding.start)
    prompt = Text()
    prompt.append(mark, style)
    prompt.append(f" {finding.code} ", "bold")
    prompt.append(f"{where.line}:{where.column} ", "dim")
    prompt.append(finding.message)
    if finding.fix is not None:
        prompt.append("  [f]", "dim")
    return prompt


class FindingsList(OptionList):
    """The checker's findings for the article, in file order."""

    def __init__(
        self,
        findings: Sequence[Finding] = (),
        text: str = "",
        current: int | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(*_options(findings, text), id=id)
        self.findings: tuple[Finding, ...] = tuple(findings)
        self._shown = (self.findings, text)
        if current is not None and current < len(self.findings):
            self.highlighted = current

    def show(self, findings: Sequence[Finding], text: str, current: int | None) -> None:
        if (tuple(findings), text) != self._shown:
            self.findings = tuple(findings)
            self._shown = (self.findings, text)
            self.set_options(_options(self.findings, text))
        if current is not None and current < len(self.findings):
            self.highlighted = current


def _options(findings: Sequence[Finding], text: str) -> list[Option]:
    lines = LineIndex(text)
    return [Option(finding_prompt(f, lines), id=str(i)) for i, f in enumerate(findings)]
