"""How plausible a character is in real text, as a cost in bits (lower = likelier).

The decoder compares the cost of reading a run of characters as written
against the cost of reading it as mojibake of something else, so both sides
are scored with the same model: Han characters by their frequency in jieba's
dictionary (a data file shipped with the package), everything else by its
Unicode block and category.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from glossary.resources import load_compiled

IMPOSSIBLE = 40.0
UNKNOWN_HAN = 21.0  # a Han character jieba's dictionary never uses
_PINYIN_VOWELS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ")

# (first, last, cost) for blocks; first match wins.
_BLOCKS: tuple[tuple[int, int, float], ...] = (
    (0x00A0, 0x00A0, 7.0),  # no-break space
    (0x00A1, 0x00BF, 10.0),  # Latin-1 signs
    (0x00D7, 0x00D7, 10.0),  # ×
    (0x00F7, 0x00F7, 10.0),  # ÷
    (0x00C0, 0x017F, 7.0),  # accented Latin letters
    (0x0180, 0x024F, 12.0),  # Latin Extended-B (pinyin's ǎ ǐ ǒ ǔ ǚ are priced above)
    (0x0250, 0x02AF, 18.0),  # IPA
    (0x02B0, 0x02FF, 12.0),  # modifier letters (ˆ ˜ ˇ)
    (0x0300, 0x036F, 10.0),  # combining diacritics
    (0x0370, 0x03FF, 9.0),  # Greek
    (0x0401, 0x045F, 9.0),  # Cyrillic
    (0x0400, 0x04FF, 14.0),  # Cyrillic for other languages and historic letters
    (0x0500, 0x058F, 14.0),
    (0x0590, 0x06FF, 10.0),  # Hebrew, Arabic
    (0x0700, 0x08FF, 30.0),  # Syriac, Thaana, NKo, Samaritan, ...
    (0x0900, 0x0DFF, 12.0),  # Indic
    (0x0E01, 0x0E5B, 9.0),  # Thai
    (0x0E5C, 0x1DFF, 24.0),  # Lao to Mongolian: not what this tool's texts are written in
    (0x1E00, 0x1EFF, 9.0),  # Latin Extended Additional (Vietnamese)
    (0x1F00, 0x1FFF, 12.0),  # Greek extended
    (0x2013, 0x2014, 6.0),  # – —
    (0x2018, 0x2019, 6.0),  # ‘ ’
    (0x201C, 0x201D, 6.0),  # “ ”
    (0x2022, 0x2022, 6.0),  # •
    (0x2026, 0x2026, 6.0),  # …
    (0x2000, 0x206F, 10.0),
    (0x20A0, 0x20CF, 10.0),  # currency
    (0x2100, 0x214F, 11.0),  # ™ ℃ №
    (0x2150, 0x2BFF, 13.0),  # arrows, maths, boxes, shapes
    (0x2E80, 0x2FDF, 16.0),  # CJK radicals
    (0x3001, 0x3002, 5.0),  # 、。
    (0x300A, 0x300B, 7.0),  # 《》
    (0x300C, 0x300D, 7.0),  # 「」
    (0x3000, 0x303F, 9.0),  # CJK punctuation
    (0x3040, 0x30FF, 11.0),  # kana
    (0x3100, 0x312F, 16.0),  # bopomofo
    (0x3130, 0x318F, 14.0),
    (0x3190, 0x33FF, 15.0),
    (0xAC00, 0xD7AF, 11.0),  # Hangul
    (0xE000, 0xF8FF, IMPOSSIBLE),  # private use
    (0xFE30, 0xFE4F, 12.0),  # CJK compatibility forms
    (0xFF0C, 0xFF0C, 5.0),  # ，
    (0xFF01, 0xFF1F, 7.0),  # full-width punctuation and digits
    (0xFF01, 0xFF5E, 9.0),  # full-width ASCII
    (0xFF5F, 0xFFEF, 12.0),
    (0xFFFD, 0xFFFD, 20.0),
    (0x1F300, 0x1FAFF, 11.0),  # emoji
)


@cache
def _jieba_dict() -> Path | None:
    from glossary.chars import package_folder

    folder = package_folder("jieba")
    path = None if folder is None else folder / "dict.txt"
    return path if path is not None and path.is_file() else None


def _build_han_costs() -> dict[str, float]:
    """Bits per Han character from jieba's word frequencies (characters counted in words)."""
    path = _jieba_dict()
    if path is None:
        return {}
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            freq = int(rest.split(" ", 1)[0] or 0)
            for char in word:
                if char >= "\u3400":
                    counts[char] = counts.get(char, 0) + freq
    import math

    total = sum(counts.values()) or 1
    return {char: round(math.log2(total / n), 2) for char, n in counts.items() if n > 0}


@cache
def _jieba_key() -> str:
    path = _jieba_dict()
    if path is None:
        return "none"
    stat = path.stat()
    return f"{stat.st_size:x}{int(stat.st_mtime):x}"


@cache
def han_costs() -> dict[str, float]:
    table = load_compiled("han-costs", _jieba_key(), _build_han_costs)
    assert isinstance(table, dict)
    return table


def _build_word_freqs() -> dict[str, int]:
    """Words of two to four characters in jieba's dictionary, with their frequencies."""
    path = _jieba_dict()
    if path is None:
        return {}
    words: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            if 2 <= len(word) <= 4 and all(map(is_han, word)):
                words[word] = int(rest.split(" ", 1)[0] or 0)
    return words


@cache
def word_freqs() -> dict[str, int]:
    table = load_compiled("han-words", _jieba_key(), _build_word_freqs)
    assert isinstance(table, dict)
    return table


def is_han(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


_RARE = 14.0  # bits: past this, a traditional character is judged by its simplified form


def _han_cost(char: str) -> float:
    """jieba counts simplified text: a traditional character (東, 賴) is as common as
    its simplified form, a little dearer; nothing readable costs more than UNKNOWN_HAN."""
    from glossary.chars import readings, simplify_char

    known = han_costs().get(char)
    if known is not None:
        cost = min(max(known, 5.0), UNKNOWN_HAN)
    else:  # readings only when they count (compiling every character's cost asks for all)
        cost = UNKNOWN_HAN if readings(char) else UNKNOWN_HAN + 4
    if cost > _RARE:
        simplified = simplify_char(char)
        if simplified != char and simplified in han_costs():
            cost = min(cost, max(han_costs()[simplified], 5.0) + 2.0)
    return cost


# --- _han_cost compiled once into the user cache -------------------------------------------
# A cold lint run otherwise parses jieba's frequencies (170 KB of JSON), pypinyin's reading
# shards and OpenCC's traditional table (together ~20 ms) to price a few dozen characters.
# The table holds `_han_cost` itself for every Han character (``is_han``), as one binary
# file read in one go: the candidates of a lost byte fall in many 256-character blocks
# (22 on the seed article), and a JSON shard per block cost ~4.5 ms to read and parse.

_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x31350))
_HAN_TABLE_SIZE = sum(end - first for first, end in _HAN_RANGES)


@cache
def _han_cost_key() -> str:
    """The sources of `_han_cost`: this code and what it reads (jieba, pypinyin, OpenCC,
    the readings supplement)."""
    import sys

    from glossary import chars, pinyin
    from glossary.resources import dictionaries_dir, sources_digest

    data = [_jieba_key(), chars._pypinyin_key(), chars._opencc_key() or "none"]
    files = [Path(__file__), Path(chars.__file__), Path(pinyin.__file__)]
    supplement = dictionaries_dir() / "readings.tsv"
    if supplement.is_file():
        files.append(supplement)
    return sources_digest(files, salt="-".join([*data, sys.version, sys.byteorder]))


def _han_ranges() -> tuple[range, ...]:
    return tuple(range(first, end) for first, end in _HAN_RANGES)


def _build_han_cost_table() -> bytes:
    """`_han_cost` of every Han character, in `_HAN_RANGES` order: how many distinct costs
    there are (8 bytes, little-endian), the costs (doubles: each is the very float
    `_han_cost` gave) and a 16-bit index into them per character, in this machine's byte
    order (the key names it)."""
    from array import array

    values: dict[float, int] = {}
    index = array("H", (values.setdefault(_han_cost(chr(c)), len(values)) for c in _all_han()))
    costs = array("d", values)
    return len(costs).to_bytes(8, "little") + costs.tobytes() + index.tobytes()


def _all_han() -> list[int]:
    return [code for block in _han_ranges() for code in block]


def _read_han_cost_table(data: bytes) -> tuple[memoryview[float], memoryview[int]] | None:
    """The costs and the per-character indexes of a table file, or None if it is not one."""
    if len(data) < 8:
        return None
    count = int.from_bytes(data[:8], "little")
    view = memoryview(data)
    if len(data) != 8 + 8 * count + 2 * _HAN_TABLE_SIZE:
        return None
    return view[8 : 8 + 8 * count].cast("d"), view[8 + 8 * count :].cast("H")


@cache
def _han_cost_table() -> tuple[memoryview[float], memoryview[int]] | None:
    """The compiled table from the user cache, built and written when absent or stale;
    None when the cache cannot be written (each character is then priced from the
    sources: building every cost costs more than a run needs)."""
    from glossary.resources import load_compiled_bytes

    data = load_compiled_bytes(
        "han-cost",
        _han_cost_key(),
        _build_han_cost_table,
        valid=lambda data: _read_han_cost_table(data) is not None,
    )
    return None if data is None else _read_han_cost_table(data)


def _han_position(code: int) -> int:
    """Where a Han code point (``is_han``) sits in the table."""
    offset = 0
    for first, end in _HAN_RANGES:
        if code < end:
            return offset + code - first
        offset += end - first
    raise ValueError(code)


def _compiled_han_cost(char: str) -> float:
    """`_han_cost(char)`, from the compiled table when the user cache allows."""
    table = _han_cost_table()
    if table is None:
        return _han_cost(char)
    costs, index = table
    return costs[index[_han_position(ord(char))]]


@cache
def char_cost(char: str) -> float:
    """Bits: how surprising ``char`` is in real text (a few for common letters, 40 never)."""
    code = ord(char)
    if code < 0x80:
        return 3.0 if char.isprintable() or char in "\t\n\r" else IMPOSSIBLE
    if is_han(char):
        return _compiled_han_cost(char)
    if char in _PINYIN_VOWELS:
        return 6.0
    category = unicodedata.category(char)
    if category in ("Cc", "Cn", "Co", "Cs"):
        return IMPOSSIBLE
    for first, last, cost in _BLOCKS:
        if first <= code <= last:
            return cost
    return 16.0


def text_cost(text: str) -> float:
    return sum(char_cost(c) for c in text)
