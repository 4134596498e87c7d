"""Findings: what the checker reports, as frozen records.

Offsets are indexes into the *original* file's text (a `str`), never into a
transformed copy; line and column are derived from a table of line starts.

The checker's records are `NamedTuple`s, not frozen dataclasses: as immutable, and a tenth of
the cost to define (a frozen dataclass costs about 1.5 ms at import, which every cold
`glossary lint` pays).
"""

from __future__ import annotations

import bisect
import enum
import re

from glossary.records import NamedTuple


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            choices = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


class Fix(NamedTuple):
    """Replace `text[start:end]` with `replacement`."""

    start: int
    end: int
    replacement: str


class Finding(NamedTuple):
    code: str  # stable code, e.g. "GL101"
    rule: str  # readable rule name, e.g. "pinyin-mismatch"
    severity: Severity
    message: str
    start: int  # offset into the original text
    end: int
    fix: Fix | None = None
    path: str = ""
    # Extra facts for formatters and the UI (e.g. the person's entry, candidates).
    data: tuple[tuple[str, str], ...] = ()


class Position(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based, in characters


class LineIndex:
    """Maps offsets in a text to 1-based (line, column) positions.

    A line ends at `\\n`, `\\r\\n` or a lone `\\r` (old Mac files, some CMS exports), as in
    the Language Server Protocol and ruff; U+2028/U+2029 and form feeds do not end a line.
    """

    def __init__(self, text: str) -> None:
        self._text_length = len(text)
        self._starts = [0]
        if "\r" in text and text.count("\r") != text.count("\r\n"):  # a lone CR (rare)
            self._starts.extend(m.end() for m in re.finditer(r"\r\n?|\n", text))
            return
        index = text.find("\n")
        while index != -1:
            self._starts.append(index + 1)
            index = text.find("\n", index + 1)

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_end(self, line: int, text: str) -> int:
        """Offset where `line` of `text` (the indexed text) ends, before its line break."""
        end = self._starts[line] if line < len(self._starts) else self._text_length
        while end > self._starts[line - 1] and text[end - 1] in "\r\n":
            end -= 1
        return end

    @property
    def line_count(self) -> int:
        return len(self._starts)
