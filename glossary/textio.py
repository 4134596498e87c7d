"""The text a command is given, and its one-line warnings.

Every command that reads an article or a list (`lint`, `repair`, `extract`, `romanize -`) reads
it here, so that a file that cannot be read as text is reported the same way everywhere: one
line naming the file, and the line and column of the first bad byte (exit status 2).
"""

from __future__ import annotations

import sys
from pathlib import Path

from glossary.errors import GlossaryError

STDIN = "-"
STDIN_LABEL = "<stdin>"
NOT_UTF8_HINT = "convert it to UTF-8 first (e.g. iconv -f GB18030 -t UTF-8)"


def label(name: str) -> str:
    """How messages name `name`: the path as given, or `<stdin>` for '-'."""
    return STDIN_LABEL if name == STDIN else name


def read_bytes(name: str) -> bytes:
    """The bytes of file `name`, or of standard input for '-'."""
    if name == STDIN:
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise GlossaryError(f"{STDIN_LABEL}: standard input is closed")
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # replaced by a text stream (an embedding program, a test)
            return sys.stdin.read().encode("utf-8")
        return stream.read()
    path = Path(name)
    if not path.exists():
        raise GlossaryError(f"{name}: no such file")
    if path.is_dir():
        raise GlossaryError(f"{name}: is a folder, not a file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{name}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, where: str) -> str:
    """`data` as UTF-8 text (a BOM kept, so a rewrite keeps it too). A NUL byte (a binary
    file) or a byte sequence that is not UTF-8 is an error at its line and column."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GlossaryError(
            f"{where}:1:1: UTF-16 text (byte-order mark), not UTF-8; "
            "convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        raise GlossaryError(f"{where}:{line}:{column}: a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise GlossaryError(
            f"{where}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02X}); "
            + NOT_UTF8_HINT
        ) from None


def read_text(name: str) -> str:
    """The UTF-8 text of file `name`, or of standard input for '-' (see `decode`)."""
    return decode(read_bytes(name), label(name))


def folder_of(name: str) -> Path | None:
    """The folder whose configuration applies to input `name` (as for `glossary lint`): the
    file's own; None, meaning the current folder, for standard input."""
    return None if name == STDIN else Path(name).resolve().parent


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters of the valid text before it) of byte `offset`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def warn(message: str) -> None:
    """One line on standard error that does not stop the command."""
    print(f"glossary: warning: {message}", file=sys.stderr)
