"""The review session: span edits, undo, and saving that never overwrites silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.errors import GlossaryError
from tui.session import ChangedOnDisk, ReviewSession, replace_spans


def _article(tmp_path: Path, text: str = "Wang Yi met Yang Jiechei.\n") -> Path:
    path = tmp_path / "story.md"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_replace_spans_applies_edits_against_the_original_offsets() -> None:
    text = "Yang Jiechei and Céng Guófān"
    ceng, jie = text.index("Céng"), text.index("Jiechei")
    edits = [(ceng, ceng + 4, "Zēng"), (jie, jie + 7, "Jiechi")]
    assert replace_spans(text, edits) == "Yang Jiechi and Zēng Guófān"


def test_replace_spans_skips_an_edit_that_overlaps_an_earlier_one() -> None:
    assert replace_spans("abcdef", [(1, 4, "X"), (2, 5, "Y")]) == "aXef"


@given(st.text(max_size=40), st.data())
def test_replace_spans_with_identity_edits_changes_nothing(text: str, data: st.DataObject) -> None:
    bounds = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = [(a, b, text[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=False)]
    assert replace_spans(text, edits) == text


def test_edit_and_undo(tmp_path: Path) -> None:
    session = ReviewSession(_article(tmp_path))
    assert not session.dirty and not session.can_undo
    start = session.text.index("Jiechei")
    assert session.replace([(start, start + 7, "Jiechi")], "fix GL301")
    assert session.text == "Wang Yi met Yang Jiechi.\n"
    assert session.dirty
    assert session.undo() == "fix GL301"
    assert session.text == "Wang Yi met Yang Jiechei.\n"
    assert not session.dirty
    assert session.undo() is None


def test_a_no_op_edit_is_not_recorded(tmp_path: Path) -> None:
    session = ReviewSession(_article(tmp_path))
    assert not session.replace([(0, 4, "Wang")], "nothing")
    assert not session.can_undo


def test_entries_are_undone_with_the_text(tmp_path: Path) -> None:
    session = ReviewSession(_article(tmp_path))
    session.set_entries(("an entry",), "add 王毅")
    assert session.glossary_dirty and not session.article_dirty
    session.replace([(0, 4, "WANG")], "caps")
    assert session.undo() == "caps"
    assert session.entries == ("an entry",)
    assert session.undo() == "add 王毅"
    assert session.entries == ()
    assert not session.dirty


def test_save_is_atomic_keeps_a_backup_and_preserves_crlf(tmp_path: Path) -> None:
    path = _article(tmp_path, "Yang Jiechei said.\r\nNext line.\r\n")
    session = ReviewSession(path)
    session.replace([(5, 12, "Jiechi")], "fix")
    session.save_article()
    assert path.read_bytes() == b"Yang Jiechi said.\r\nNext line.\r\n"
    assert (tmp_path / "story.md~").read_bytes() == b"Yang Jiechei said.\r\nNext line.\r\n"
    assert not session.dirty
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_save_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = _article(tmp_path)
    session = ReviewSession(path)
    session.replace([(0, 4, "WANG")], "caps")
    path.write_text("Someone else's edit.\n", encoding="utf-8")
    assert session.article_changed_on_disk()
    with pytest.raises(ChangedOnDisk, match="changed on disk"):
        session.save_article()
    assert path.read_text(encoding="utf-8") == "Someone else's edit.\n"
    session.save_article(force=True)
    assert path.read_text(encoding="utf-8").startswith("WANG Yi")
    assert (tmp_path / "story.md~").read_text(encoding="utf-8") == "Someone else's edit.\n"


def test_a_deleted_file_counts_as_changed_on_disk(tmp_path: Path) -> None:
    path = _article(tmp_path)
    session = ReviewSession(path)
    path.unlink()
    assert session.article_changed_on_disk()


def test_unreadable_articles_are_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"line one\ncaf\xe9\n")
    with pytest.raises(GlossaryError, match=r"latin1.txt:2:4: not UTF-8 text \(byte 0xE9\)"):
        ReviewSession(bad)
    with pytest.raises(GlossaryError, match="no such file"):
        ReviewSession(tmp_path / "missing.md")
