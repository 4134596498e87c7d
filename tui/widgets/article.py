"""The article, line by line, with each finding's span highlighted in place."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from glossary.check.findings import Finding, LineIndex


class ArticleLine(Static):
    """One line of the file (a paragraph, in most articles)."""

    DEFAULT_CSS = """
    ArticleLine { width: 1fr; height: auto; }
    """


class ArticleView(VerticalScroll, can_focus=True):
    """Read-only view of the article text; a click on a highlighted span selects its finding."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--error",
        "article--warning",
        "article--info",
        "article--current",
    }

    DEFAULT_CSS = """
    ArticleView > .article--error { background: $error 35%; text-style: underline; }
    ArticleView > .article--warning { background: $warning 30%; }
    ArticleView > .article--info { text-style: underline; }
    ArticleView > .article--current { background: $primary; color: $text; text-style: bold; }
    """

    def __init__(
        self,
        text: str = "",
        findings: Sequence[Finding] = (),
        current: int | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._text = text
        self._findings: tuple[Finding, ...] = tuple(findings)
        self._current: int | None = current
        self._starts: list[int] = []
        self._rendered: list[Text] = []
        self._composed = False

    def compose(self) -> ComposeResult:
        """The lines as given to the constructor, so that they are in the first frame."""
        self._composed = True
        self._rendered = self._render_texts()
        yield from (ArticleLine(text) for text in self._rendered)

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str, findings: Sequence[Finding] = (), current: int | None = None) -> None:
        """Display `text` with `findings` highlighted; `current` (an index) stands out."""
        self._text = text
        self._findings = tuple(findings)
        self._current = current
        self._render_lines()

    def set_current(self, current: int | None) -> None:
        if current == self._current:
            return
        self._current = current
        self._render_lines()
        self.scroll_to_finding(current)

    def scroll_to_finding(self, index: int | None) -> None:
        """Scroll so that the line holding finding `index` is in view."""
        if index is None or not 0 <= index < len(self._findings):
            return
        line = LineIndex(self._text).position(self._findings[index].start).line - 1
        lines = list(self.query(ArticleLine))
        if 0 <= line < len(lines):
            self.scroll_to_widget(lines[line], animate=False, center=True)

    def _style(self, finding: Finding, index: int) -> Style:
        name = (
            "article--current" if index == self._current else f"article--{finding.severity.value}"
        )
        style = self.get_component_rich_style(name, partial=True)
        return style + Style(meta={"@click": f"screen.select_finding({index})"})

    def _render_lines(self) -> None:
        if self._composed:  # before compose, the lines are made there
            self._apply(self._render_texts())

    def _render_texts(self) -> list[Text]:
        lines = self._text.split("\n")
        starts: list[int] = []
        offset = 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        texts = [Text(line.rstrip("\r"), no_wrap=False, end="") for line in lines]
        order = sorted(
            range(len(self._findings)),
            # paint the more severe over the less severe, the current one last
            key=lambda i: (i == self._current, self._findings[i].severity.rank),
        )
        for index in order:
            finding = self._findings[index]
            style = self._style(finding, index)
            first = _line_of(starts, finding.start)
            last = _line_of(starts, max(finding.start, finding.end - 1))
            for number in range(first, last + 1):
                begin = max(finding.start - starts[number], 0)
                end = min(finding.end - starts[number], len(texts[number].plain))
                if finding.end == finding.start:  # an empty span: mark one character
                    end = min(begin + 1, len(texts[number].plain))
                if end > begin:
                    texts[number].stylize(style, begin, end)
        self._starts = starts
        return texts

    def _apply(self, texts: list[Text]) -> None:
        widgets = list(self.query(ArticleLine))
        for widget, text, old in zip(widgets, texts, self._rendered, strict=False):
            if text != old:
                widget.update(text)
        if len(texts) > len(widgets):
            self.mount_all(ArticleLine(text) for text in texts[len(widgets) :])
        for widget in widgets[len(texts) :]:
            widget.remove()
        self._rendered = texts


def _line_of(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)
