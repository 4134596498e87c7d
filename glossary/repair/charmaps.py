"""The broken pipelines this package undoes, as byte maps and forward functions.

A *single-byte chain* is UTF-8 whose bytes were each decoded to one character
by a legacy code page. Reading the mojibake back to bytes is then a character
-> byte table; the forward functions (``corrupt_*``) say exactly what each
pipeline does, so the decoder can verify a guess and tests and the benchmark
can make mojibake from clean text.

- ``SEED``: 0xA0-0xFF as Windows-874 (Thai), 0x80-0x9F as Windows-1252, and
  bytes defined in neither (0x81, 0x8D, 0x8F, 0x90, 0x9D) dropped.
- ``CP1252``: Windows-1252 or Latin-1 ("sloppy": an undefined byte comes out
  as its C1 control, as Latin-1 does), or strict Windows-1252 where an
  undefined byte became U+FFFD.

Double-byte chains (UTF-8 read as GBK/GB18030 or Big5, GBK read as
Windows-1252) re-encode with the codec itself; see ``double.py``.
"""

from __future__ import annotations

from enum import Enum

# Bytes that Windows-1252 leaves undefined; the seed's pipeline dropped them.
UNDEFINED_1252: tuple[int, ...] = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
REPLACEMENT = "\ufffd"
GBK_LOST_FIRST = "锟"  # 锟斤拷: U+FFFD written as UTF-8 and read as GBK (``lost.py``)


class Chain(Enum):
    """A broken pipeline: which decoding turned UTF-8 (or GBK) into mojibake."""

    SEED = "utf-8 read as cp874/cp1252, undefined bytes dropped"
    CP1252 = "utf-8 read as cp1252/latin-1"
    GBK = "utf-8 read as gbk/gb18030"
    BIG5 = "utf-8 read as big5"
    GBK_AS_CP1252 = "gbk read as cp1252/latin-1"
    LOST = "bytes lost (U+FFFD / 锟斤拷)"


_CODE_PAGES = ("cp1252", "cp874")


def _high_halves() -> dict[str, str]:
    """Bytes 80-FF as each code page of ``_CODE_PAGES`` decodes them (U+FFFD: undefined).

    Python's codecs answer, kept in the user cache under a key naming the Python
    version and what was decoded: loading the two codecs costs ~1 ms of every
    start-up that reads a non-ASCII article.
    """
    import sys

    from glossary.resources import load_compiled, sha256

    def build() -> dict[str, str]:
        return {cp: bytes(range(0x80, 0x100)).decode(cp, errors="replace") for cp in _CODE_PAGES}

    key = sha256(f"{sys.version}|{'+'.join(_CODE_PAGES)}|80-FF".encode()).hexdigest()[:16]
    data = load_compiled("repair-code-pages", key, build)
    if not isinstance(data, dict) or any(len(data.get(cp, "")) != 0x80 for cp in _CODE_PAGES):
        data = build()
    return data


def _decoded(first: int, end: int, encoding: str) -> list[tuple[int, str | None]]:
    """Each byte of ``first``..``end`` - 1 decoded on its own (None: undefined there):
    a single-byte code page decodes each byte independently, and none of these maps a
    byte to U+FFFD."""
    chars = _HIGH_HALVES[encoding][first - 0x80 : end - 0x80]
    return [
        (b, None if c == REPLACEMENT else c) for b, c in zip(range(first, end), chars, strict=True)
    ]


def _seed_table() -> dict[int, str]:
    pairs = _decoded(0x80, 0xA0, "cp1252") + _decoded(0xA0, 0x100, "cp874")
    return {byte: char for byte, char in pairs if char is not None}


def _cp1252_table() -> dict[int, str]:
    # Latin-1 for the bytes Windows-1252 leaves undefined: their C1 control.
    return {byte: char or chr(byte) for byte, char in _decoded(0x80, 0x100, "cp1252")}


_HIGH_HALVES = _high_halves()
# byte -> character, for the high half (ASCII maps to itself in every chain).
SEED_DECODE: dict[int, str] = _seed_table()
CP1252_DECODE: dict[int, str] = _cp1252_table()

# character -> byte. Latin-1's C1 controls map to their own byte too, so one
# table reverses both Windows-1252 and Latin-1.
SEED_ENCODE: dict[str, int] = {char: byte for byte, char in SEED_DECODE.items()}
CP1252_ENCODE: dict[str, int] = {char: byte for byte, char in CP1252_DECODE.items()}
CP1252_ENCODE.update({chr(byte): byte for byte in range(0x80, 0xA0)})

# Seed mojibake always holds Thai letters from cp874's upper half.
THAI_CHARS = "".join(SEED_DECODE[b] for b in range(0xA1, 0x100) if b in SEED_DECODE)


def utf8_trail_count(lead: int) -> int:
    """How many continuation bytes follow a UTF-8 lead byte (-1: not a lead byte)."""
    if 0xC2 <= lead <= 0xDF:
        return 1
    if 0xE0 <= lead <= 0xEF:
        return 2
    if 0xF0 <= lead <= 0xF4:
        return 3
    return -1


def char_class(chars: str) -> str:
    """A regex character class body for ``chars``: sorted, escaped, runs of
    consecutive code points as ranges (``a-z``).

    The trigger classes hold thousands of characters; as ranges the regex
    compiles several times faster, which is most of a cold lint run.
    """
    import re

    codes = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        if j == i:
            parts.append(first)
        elif j == i + 1:
            parts.append(first + last)
        else:
            parts.append(f"{first}-{last}")
        i = j + 1
    return "".join(parts)


# --- forward pipelines (tests, benchmark, verification) -------------------------


def corrupt_seed(text: str) -> str:
    """UTF-8 bytes through the seed's pipeline (cp874 high half, cp1252 0x80-0x9F, drops)."""
    return "".join(chr(b) if b < 0x80 else SEED_DECODE.get(b, "") for b in text.encode("utf-8"))


def corrupt_cp1252(text: str, *, strict: bool = False, times: int = 1) -> str:
    """UTF-8 read as Windows-1252: sloppy (Latin-1 for undefined bytes) or strict (U+FFFD)."""
    for _ in range(times):
        data = text.encode("utf-8")
        if strict:
            text = data.decode("cp1252", errors="replace")
        else:
            text = "".join(chr(b) if b < 0x80 else CP1252_DECODE[b] for b in data)
    return text


def corrupt_latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def corrupt_double(text: str, codec: str) -> str:
    """UTF-8 read as a double-byte code page (``gb18030``, ``gbk``, ``big5``), errors replaced."""
    return text.encode("utf-8").decode(codec, errors="replace")


def corrupt_gbk_as_cp1252(text: str) -> str:
    """Text encoded as GBK, then read as Windows-1252 (Latin-1 for undefined bytes)."""
    return "".join(
        chr(b) if b < 0x80 else CP1252_DECODE[b] for b in text.encode("gbk", errors="replace")
    )
