"""Errors that the CLI turns into one clear line and exit status 2."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class GlossaryError(Exception):
    """A problem with the user's input that stops a command (exit 2)."""


class DataError(GlossaryError):
    """Bad data in a file. The message names the file, the line and the field:

    ``dictionaries/people.toml:12: field 'pinyin': 'Yang2' is not tone-marked pinyin``
    """

    def __init__(self, path: Path | str, line: int | None, field: str | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        what = f" field '{field}':" if field else ""
        super().__init__(f"{where}:{what} {message}")
