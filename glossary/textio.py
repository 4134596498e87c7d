"""The text a command is given, and its one-line warnings.

Every command that reads an article or a list (`lint`, `repair`, `extract`, `romanize -`) reads
it here, so that a file that cannot be read as text is reported the same way everywhere: one
line naming the file, and the line and column of the first bad byte (exit status 2). A binary
file (an archive, a PDF, an image) is named as such rather than checked as text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from glossary.errors import GlossaryError

STDIN = "-"
STDIN_LABEL = "<stdin>"
NOT_UTF8_HINT = "convert it to UTF-8 first (e.g. iconv -f GB18030 -t UTF-8)"

# The first bytes of common binary formats an editor might hand over by mistake. Some of them
# are followed by bytes that happen to be valid UTF-8 with no NUL, so without this they would be
# checked as (odd) text.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP archive, e.g. .docx, .xlsx, .epub"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"%PDF-", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document, e.g. .doc"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    *((b"BZh%d1AY&SY" % level, "bzip2 archive") for level in range(1, 10)),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "ELF executable"),
)
# Only this much of a file is inspected for control characters: it keeps the test cheap on
# large articles, and a binary file shows itself in its first few KB.
_HEAD = 8192
# C0 control characters that plain text does not use (tab, LF, CR and form feed excluded; NUL
# too, which `decode` reports with its position).
_CONTROLS = bytes(b for b in range(1, 32) if b not in b"\t\n\r\f")
# Text with a stray escape or vertical tab still reads; a head where more than one byte in
# _CONTROL_SHARE is a control character (and at least _CONTROL_MIN of them) is binary data.
_CONTROL_SHARE = 10
_CONTROL_MIN = 4
_PREFIXES = tuple(signature for signature, _ in _SIGNATURES)


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
    file) or a byte sequence that is not UTF-8 is an error at its line and column; so is a
    binary file (see `binary_kind`), named as such."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise GlossaryError(
            f"{where}:1:1: UTF-16 text (byte-order mark), not UTF-8; "
            "convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)"
        )
    kind = binary_kind(data)
    if kind is not None:
        raise GlossaryError(f"{where}: a binary file ({kind}), not text")
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


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` is (a known signature at its start, or a head thick with
    control characters), or None when it may be text. NUL bytes are left to `decode`, which
    reports where the first one is."""
    if data.startswith(_PREFIXES):
        return next(kind for signature, kind in _SIGNATURES if data.startswith(signature))
    head = data[:_HEAD]
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if controls >= _CONTROL_MIN and controls * _CONTROL_SHARE > len(head):
        return f"{controls} control characters in its first {len(head)} bytes"
    return None


def read_text(name: str) -> str:
    """The UTF-8 text of file `name`, or of standard input for '-' (see `decode`)."""
    return decode(read_bytes(name), label(name))


def folder_of(name: str) -> Path | None:
    """The folder whose configuration applies to input `name` (as for `glossary lint`): the
    file's own; None, meaning the current folder, for standard input."""
    return None if name == STDIN else Path(name).resolve().parent


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters of the valid text before it) of byte `offset`,
    with the checker's line ends (`\\n`, `\\r\\n`, a lone `\\r`): an error in a CR-only file
    names the same line a finding there would."""
    from glossary.check.findings import LineIndex

    before = data[:offset].decode("utf-8", errors="replace")
    line, column = LineIndex(before).position(len(before))
    return line, column


def warn(message: str) -> None:
    """One line on standard error that does not stop the command."""
    print(f"glossary: warning: {message}", file=sys.stderr)
