"""Which files the checker reads and as what: a suffix table, cheap to import."""

from __future__ import annotations

import enum
from pathlib import PurePath


class Format(enum.Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


# file suffix -> format; these are also the suffixes `glossary lint FOLDER` reads.
SUFFIXES: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN,
    ".mkd": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
}


def format_for(path: str | PurePath) -> Format:
    """The format of a file from its suffix; anything unknown is read as plain text."""
    return SUFFIXES.get(PurePath(path).suffix.lower(), Format.TEXT)
