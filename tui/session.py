"""What the review UI is editing: the article's text, the glossary's new entries, undo.

Plain Python (no Textual), so it is tested without an app. It holds UI state only: the text is
changed by replacing spans the core computed (a `Fix`, a `Repair`), never by rules of its own.
Saving is explicit, atomic, keeps a backup, and refuses to overwrite a file that changed on disk
since it was read unless told to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.resources import atomic_write_text


class ChangedOnDisk(GlossaryError):
    """The file was changed by someone else since we read it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: changed on disk since it was opened; not overwritten")


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def read_article(path: Path) -> str:
    """The article's text, read by the CLI's one reader (`glossary.textio`): a file that is not
    UTF-8 text is one clear error, worded as `glossary lint` words it for the same file."""
    from glossary.textio import STDIN, read_text

    name = str(path)
    if name == STDIN:  # a file named '-', not standard input
        name = f"./{name}"
    # Keep the file's own newlines: offsets must point into exactly what is on disk.
    return read_text(name)


def replace_spans(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Replace `text[start:end]` by each replacement; overlapping edits after the first are skipped.

    The spans come from the core (fixes, repairs) and all point into the same `text`.
    """
    ordered = sorted(set(edits), key=lambda e: (e[0], e[1]))
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in ordered:
        if start < cursor or not 0 <= start <= end <= len(text):
            continue
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


@dataclass(frozen=True)
class State:
    """One undoable state: the article text and the entries added or edited in this session."""

    text: str
    entries: tuple[object, ...]  # glossary.house.Entry, new or replacing one of the same hanzi
    label: str  # what produced this state ("apply fix GL101")


class ReviewSession:
    """The article and glossary edits of one review, with undo and safe saving."""

    def __init__(self, path: Path) -> None:
        self.path = path
        text = read_article(path)
        self._article_digest = _digest(path)
        self._saved_text = text
        self._saved_entries: tuple[object, ...] = ()
        self._history: list[State] = [State(text, (), "open")]

    # -- state ---------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._history[-1]

    @property
    def text(self) -> str:
        return self.state.text

    @property
    def entries(self) -> tuple[object, ...]:
        return self.state.entries

    @property
    def article_dirty(self) -> bool:
        return self.text != self._saved_text

    @property
    def glossary_dirty(self) -> bool:
        return self.entries != self._saved_entries

    @property
    def dirty(self) -> bool:
        return self.article_dirty or self.glossary_dirty

    @property
    def can_undo(self) -> bool:
        return len(self._history) > 1

    def edit_text(self, text: str, label: str) -> bool:
        """Record a new article text; False when nothing changed."""
        if text == self.text:
            return False
        self._history.append(State(text, self.entries, label))
        return True

    def replace(self, edits: Iterable[tuple[int, int, str]], label: str) -> bool:
        return self.edit_text(replace_spans(self.text, edits), label)

    def set_entries(self, entries: tuple[object, ...], label: str) -> None:
        self._history.append(State(self.text, entries, label))

    def undo(self) -> str | None:
        """Go back one step; the label of what was undone, or None when there is nothing."""
        if not self.can_undo:
            return None
        return self._history.pop().label

    # -- saving --------------------------------------------------------------------------------

    def article_changed_on_disk(self) -> bool:
        return _digest(self.path) != self._article_digest

    def save_article(self, *, force: bool = False) -> None:
        """Write the article atomically with a backup (`name~`)."""
        if not force and self.article_changed_on_disk():
            raise ChangedOnDisk(self.path)
        atomic_write_text(self.path, self.text, backup=True)
        self._article_digest = _digest(self.path)
        self._saved_text = self.text

    def mark_glossary_saved(self) -> None:
        self._saved_entries = self.entries
