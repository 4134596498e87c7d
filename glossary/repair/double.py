"""Chinese pipelines: UTF-8 read as GBK/GB18030 or Big5, and GBK read as Windows-1252.

UTF-8 read as a double-byte code page: each mojibake character stands for
two bytes (U+FFFD for one byte the decoder rejected), so a UTF-8 character
can straddle two mojibake characters. The decoder re-encodes the run and
reads UTF-8 from each mojibake character on, up to the first point where
both readings end together; that stretch is one piece. A U+FFFD stands for
an unknown byte: every filling that the code page would have turned into
the same mojibake is a candidate.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from itertools import pairwise, product

from glossary.repair.charmaps import (
    CP1252_DECODE,
    CP1252_ENCODE,
    REPLACEMENT,
    Chain,
    char_class,
    utf8_trail_count,
)
from glossary.repair.pieces import Piece, best_path
from glossary.repair.plausible import IMPOSSIBLE, UNKNOWN_HAN, char_cost, is_han, text_cost
from glossary.repair.runs import runs_around

CHAIN_COST = 4.0  # bits per decoded character: genuine Chinese is the likelier reading
WILD_COST = 2.0
_MAX_BYTES = 30  # a stretch is at most this long before both readings line up
_MAX_FILLINGS = 4096
_OUTSIDE_WORD = 4.0  # bits extra for an accented letter that is not part of a word
_MAX_OPTIONS = 64  # candidates kept per filled-in character
_PLAUSIBLE = 24.0  # a filled-in character costlier than this is not offered
# Every code page whose mojibake these chains read: the triggers come from all of them
# (Big5-HKSCS's ⑹ is C6 B0, ư; Big5's is C7 F8).
_TRIGGER_CODECS = ("gb18030", "gbk", "big5", "cp950", "big5hkscs")
_LATIN_HIGH = "".join(CP1252_DECODE[b] for b in range(0x80, 0x100)) + "".join(
    map(chr, range(0x80, 0xA0))
)
_RUN_RE = re.compile(r"[^\x00-\x7f\s]+")


def _codec_chars(codec: str) -> str:
    """Characters that begin GBK or Big5 mojibake of a three-byte UTF-8 character
    that the decoder can give back (what ``_carried`` accepts).

    Only continuation bytes (80-BF) follow a lead byte in UTF-8, and only some
    leads lead to carried text: E4-E9 (Han), E2 80-81 (quotes, dashes), E3 80
    (CJK punctuation), EF BC-BD (full-width forms), E1 B8-BB (Vietnamese). The
    rest of those rows (GBK's traditional characters with trail 40-7E, 於 out
    of EC B6, which would be Hangul) never begin such mojibake, and genuine
    traditional text is full of them.
    """
    pairs = [(lead, range(0x80, 0xC0)) for lead in range(0xE4, 0xEA)]
    pairs += [(0xE1, range(0xB8, 0xBC)), (0xE2, range(0x80, 0x82)), (0xE3, range(0x80, 0x81))]
    pairs += [(0xEF, range(0xBC, 0xBE))]
    chars = []
    for lead, trails in pairs:
        for trail in trails:
            try:
                char = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(char) == 1 and ord(char) > 0x7F:
                chars.append(char)
    return "".join(chars)


def trigger_pattern() -> str:
    """Characters that begin UTF-8 mojibake in GBK or Big5: their first byte is E0-EF
    (CJK), or they are a Cyrillic or Greek letter read as GBK or Big5.

    Genuine text that uses one is decoded only if that reading is cheaper,
    like any other run.
    """
    return _triggers()["pattern"]


def trigger_chars() -> str:
    """Every character that can start (or, glued, be) a trigger, as a class body."""
    return _triggers()["chars"]


@cache
def _triggers() -> dict[str, str]:
    """The trigger classes, built from Python's codecs once and kept in the user cache.

    Building them decodes some 16,000 byte pairs (40 ms of every cold lint run);
    the key covers the Python version (its codec tables) and this code.
    """
    import sys
    from pathlib import Path

    from glossary.repair import charmaps
    from glossary.resources import load_compiled, sources_digest

    key = sources_digest([Path(__file__), Path(charmaps.__file__)], salt=sys.version)
    data = load_compiled("repair-triggers", key, _build_triggers)
    assert isinstance(data, dict)
    return data


def _build_triggers() -> dict[str, str]:
    chars = _codec_chars("gb18030") + _codec_chars("big5") + _word_chars()
    glued = char_class(_glued_chars())
    inverted, currency = char_class(_sign_chars(INVERTED)), char_class(_sign_chars(CURRENCY))
    lower = char_class(_sign_chars(_CYRILLIC_LOWER))
    pattern = (
        f"[{char_class(chars)}]|[{glued}](?<=[A-Za-z].)|[{glued}](?=[A-Za-z])"
        f"|[{inverted}]{_AFTER_ASCII}(?=[A-Z])"
        f"|[{currency}]{_AFTER_ASCII}(?=[0-9])"
        f"|[{lower}]{_AFTER_ASCII}[{lower}]{{2,}}(?![^\\x00-\\x7f\\s])"
        f"|[\u00a1-\u00ff][{char_class(_LATIN_HIGH)}]"
    )
    signs = _sign_chars(INVERTED + CURRENCY + _CYRILLIC_LOWER)
    return {"pattern": pattern, "chars": char_class(chars + _glued_chars() + signs)}


# Every alternative starts with its character class (the regex engine then skips ahead
# fast); the character just matched must follow ASCII, a space or the start.
_AFTER_ASCII = "(?<=(?<![^\\x00-\\x7f\\s]).)"
INVERTED = "¡¿"  # open a Spanish sentence: glued to the capital after them
CURRENCY = "¢£¥"  # glued to the amount after them
# Cyrillic а-п (UTF-8 D0 B0-BF) read as GBK are common Chinese characters (薪芯 for но):
# only a whole run of three or more of them, a word on its own, is worth reading.
_CYRILLIC_LOWER = "".join(map(chr, range(0x430, 0x440)))


def _sign_chars(signs: str) -> str:
    """What each two-byte UTF-8 character in ``signs`` reads as in GBK and Big5."""
    out = []
    for sign in signs:
        for codec in _TRIGGER_CODECS:
            try:
                char = sign.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            if len(char) == 1:
                out.append(char)
    return "".join(out)


def _word_chars() -> str:
    """Characters that are a Cyrillic or Greek letter (UTF-8 CE-D1 80-A0) read as GBK or Big5.

    (р-я, А-Я and most Greek; а-п read as common Chinese characters and are
    left to the runs these start.)
    """
    chars = []
    for codec in _TRIGGER_CODECS:
        for lead in range(0xCE, 0xD2):
            for trail in range(0x80, 0xA1):
                try:
                    chars.append(bytes([lead, trail]).decode(codec))
                except UnicodeDecodeError:
                    continue
    return "".join(c for c in chars if len(c) == 1)


def _glued_chars() -> str:
    """Characters that are an accented Latin letter (UTF-8 C2-DF xx) read as GBK or Big5.

    They begin mojibake only inside a Latin word (``Y谩ng`` for ``Yáng``).
    """
    chars = []
    for codec in _TRIGGER_CODECS:
        for lead in range(0xC3, 0xCA):
            for trail in range(0x80, 0xC0):
                try:
                    char = bytes([lead, trail]).decode(codec)
                    latin = bytes([lead, trail]).decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if len(char) == 1 and latin.isalpha():
                    chars.append(char)
    return "".join(chars)


@cache
def _trigger_re() -> re.Pattern[str]:
    from glossary.resources import load_regex

    return load_regex("repair-trigger", trigger_pattern().rsplit("|", 1)[0] + "|" + REPLACEMENT)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """This module's patterns but the triggers, compiled once into the user cache.

    ``gbk_pairs``: GBK read as Windows-1252 is a run of byte pairs, a lead (81-FE, a
    Latin-1 letter or sign) and a trail that is one too or, for GBK's traditional forms,
    ASCII 40-7E. ``private_use``: what only GB18030 decodes (``_decoders``).
    """
    from glossary.resources import load_regexes

    high = char_class(_LATIN_HIGH)
    return load_regexes(
        "repair-double",
        {
            "latin_run": f"[{high}]{{2,}}",
            "gbk_pairs": f"(?:[{high}][{high}\\x40-\\x7e])+",
            "private_use": "[\ue000-\uf8ff]",
            "amount": "[0-9][0-9.,]*",
            "ascii": "([\\x00-\\x7f]+)",
        },
    )


def _gbk_runs(text: str) -> list[tuple[int, str]]:
    """Runs of byte pairs around each pair of Latin-1 letters and signs (``µÄÊÛƒr``)."""
    out: list[tuple[int, str]] = []
    end = 0
    for hit in _patterns()["latin_run"].finditer(text):
        if hit.start() < end:
            continue
        start = hit.start()
        # Back over pairs whose trail is ASCII: ``Å_`` before ``±±``.
        while (
            start >= 2 + end
            and "\x40" <= text[start - 1] <= "\x7e"
            and text[start - 2] in CP1252_ENCODE
        ):
            start -= 2
        found = _patterns()["gbk_pairs"].match(text, start)
        if found is None:
            continue
        end = max(found.end(), hit.end())
        out.append((start, found.group()))
    return out


_WILD = -1


@cache
def _units(char: str, codecs: str) -> tuple[int, ...] | None:
    """The two bytes ``char`` was decoded from, by the first of ``codecs`` (``+``-joined)
    that has it: Big5 mojibake may come from cp950 or Big5-HKSCS."""
    if char == REPLACEMENT:
        return (_WILD,)
    for codec in codecs.split("+"):
        try:
            data = char.encode(codec)
        except UnicodeEncodeError:
            continue
        return tuple(data) if len(data) > 1 else None
    return None


def _decoders(chain: Chain, text: str) -> str:
    """The code pages that may have made this text's mojibake, ``+``-joined.

    GBK (cp936) and GB18030 reject different bytes, so a byte lost to U+FFFD has
    the candidates of either, unless the text shows GB18030: private-use
    characters, which only GB18030 decodes out of GBK's user-defined rows.
    """
    if chain is Chain.BIG5:
        return "big5+cp950+big5hkscs"
    if _patterns()["private_use"].search(text):
        return "gb18030"
    return "gb18030+gbk"


def _carried(char: str) -> bool:
    """What a Chinese pipeline plausibly carried: Han, CJK and general punctuation, letters.

    Other scripts (Hangul, kana, symbols) decoded out of GBK or Big5 mojibake
    are far likelier to be a wrong reading than the original.
    """
    code = ord(char)
    return (
        (is_han(char) and char_cost(char) < UNKNOWN_HAN + 4 and not "\u3400" <= char <= "\u4dbf")
        or (code >= 0x20000 and is_han(char))  # rare (𠮷): four whole bytes say so, never guessed
        or 0x3000 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF5E
        or 0x2010 <= code <= 0x203A
        or 0xA0 <= code <= 0x24F
        or 0x1E00 <= code <= 0x1EFF
        or 0x386 <= code <= 0x3CE
        or 0x401 <= code <= 0x45F
    )


def _wild_options(stream: list[int], k: int, codecs: str, lead: bool) -> tuple[int, ...]:
    """The bytes an unknown byte at ``stream[k]`` can have been.

    The code page printed U+FFFD for it and went on with the next byte, so
    it was a byte the code page rejects there: in GB18030 before a valid
    trail byte that leaves only 0x80, which makes most losses recoverable;
    GBK also rejects its user-defined rows (AA-AF, F8-FE). With several
    ``codecs`` a byte any of them rejects is a candidate.
    """
    after: list[int] = []
    for byte in stream[k + 1 : k + 5]:
        if byte == _WILD:
            break
        after.append(byte)
    rest = bytes(after)
    pool = range(0xE4, 0xEA) if lead else range(0x80, 0xC0)
    options: set[int] = set()
    for codec in codecs.split("+"):
        expected = REPLACEMENT + rest.decode(codec, errors="replace")
        options.update(
            b for b in pool if (bytes([b]) + rest).decode(codec, errors="replace") == expected
        )
    return tuple(sorted(options))


def _fill(seq: list[int], options: list[tuple[int, ...]]) -> list[bytes]:
    """Every byte string for a UTF-8 sequence with unknown bytes filled in from ``options``."""
    choices: list[tuple[int, ...]] = []
    wild = iter(options)
    for byte in seq:
        choices.append((byte,) if byte != _WILD else next(wild))
    total = 1
    for choice in choices:
        total *= len(choice)
    if total > _MAX_FILLINGS:
        return []
    return [bytes(combo) for combo in product(*choices)]


def _stretch(
    run: str, i: int, units: list[tuple[int, ...] | None], codec: str, letter_after: bool = False
) -> tuple[int, list[list[tuple[str, float]]]] | None:
    """UTF-8 read from mojibake character ``i`` to the first common boundary.

    Returns the index of the character after the stretch and, per decoded
    character, its candidates with costs; None if no UTF-8 fits.
    """
    first = units[i]
    if first is not None and first[0] >= 0x80 and utf8_trail_count(first[0]) < 0:
        return None  # most genuine Han characters: their first byte cannot begin UTF-8
    stream: list[int] = []
    bounds: set[int] = set()
    j = i
    while j < len(run) and len(stream) < _MAX_BYTES:
        unit = units[j]
        if unit is None:
            break
        stream.extend(unit)
        j += 1
        bounds.add(len(stream))
    pos = 0
    chars: list[list[tuple[str, float]]] = []
    while pos < len(stream):
        lead = stream[pos]
        if 0 <= lead < 0x80:  # an ASCII byte the code page paired with the one before
            # It ends the stretch. A letter that then begins the Latin word after the run
            # (燲 is NBSP + X) is free; one wedged between Chinese characters (悝M out
            # of 鎮滿 in 北鎮滿族) or a sign (悅^ out of 鎮區) is what genuine text is not.
            ascii_char = chr(lead)
            pos += 1
            if pos not in bounds:
                return None
            end = i + sorted(bounds).index(pos) + 1
            # Free when it goes on a Latin word: the one after the run, or the letter
            # decoded right before it (廕要 is ận).
            after_latin = bool(chars) and _latin_like(chars[-1][0][0])
            free = ascii_char.isalnum() and end == len(run) and (letter_after or after_latin)
            chars.append([(ascii_char, 0.0 if free else 4 * _OUTSIDE_WORD)])
            return end, chars
        need = 2 if lead == _WILD else utf8_trail_count(lead)
        if need < 0 or pos + 1 + need > len(stream):
            return None
        seq = stream[pos : pos + 1 + need]
        if any(b != _WILD and not 0x80 <= b <= 0xBF for b in seq[1:]):
            return None
        wild = seq.count(_WILD)
        if wild and codec.startswith("big5"):
            # Big5 rejects most continuation bytes, and its variants reject different
            # ones (Big5-HKSCS decodes many more): a lost byte is not guessed at.
            return None
        fillers = [
            _wild_options(stream, pos + k, codec, lead=k == 0)
            for k, byte in enumerate(seq)
            if byte == _WILD
        ]
        options: dict[str, float] = {}
        for data in _fill(seq, fillers):
            try:
                char = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            cost = char_cost(char)
            if cost >= IMPOSSIBLE or not _carried(char) or (wild and cost > _PLAUSIBLE):
                continue
            options[char] = cost + CHAIN_COST + wild * WILD_COST
        rare = CHAIN_COST + wild * WILD_COST + UNKNOWN_HAN
        if not options or (wild and min(options.values()) >= rare):
            return None  # a guess among rare characters only is no reading
        chars.append(sorted(options.items(), key=lambda kv: (kv[1], kv[0]))[:_MAX_OPTIONS])
        pos += 1 + need
        if pos in bounds:
            return i + sorted(bounds).index(pos) + 1, chars
    return None


def _product_size(chars: list[list[tuple[str, float]]]) -> int:
    total = 1
    for option in chars:
        total *= len(option)
    return total


def _verified(candidates: list[str], mojibake: str, codecs: str) -> list[str]:
    """Candidates that one of the pipelines really turns into ``mojibake``."""
    return [
        c
        for c in candidates
        if any(
            c.encode("utf-8").decode(codec, errors="replace") == mojibake
            for codec in codecs.split("+")
        )
    ]


def _latin_letter(char: str) -> bool:
    """A letter of a Latin word: ASCII, Latin-1, Extended-A, pinyin's ǎ ǐ ǒ ǔ ǖ-ǜ."""
    return char.isalpha() and (char < "\u0180" or "\u01cd" <= char <= "\u01dc")


def _latin_neighbour(text: str, start: int, end: int) -> bool:
    """An ASCII letter right before ``start`` or right at ``end``."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


_MIXED_COST = 8.0  # bits: a Greek, Cyrillic or kana letter glued to Han characters


def _as_written(run: str, i: int, lone: bool = False, codecs: str = "") -> float:
    """The cost of ``run[i]`` kept as written; a letter of another script wedged
    against Han characters (``鏈存Э鎯``) is what GBK mojibake looks like, and so
    is a lone Han character glued to a Latin word or a number (``隆Ojal``, ``楼38``).

    A kana or numbered symbol that one of ``codecs`` makes of a Latin letter
    (``_symbol_letter``: ⑹ is ư) costs as much extra wherever it stands: it is
    read only where its letter is glued to a Latin word, and kept there only
    when that word is Vietnamese (``_symbols_fit``).
    """
    char = run[i]
    cost = char_cost(char)
    foreign = char.isalpha() and not is_han(char) and not char.isascii()
    wedged = foreign and ((i and is_han(run[i - 1])) or (i + 1 < len(run) and is_han(run[i + 1])))
    if wedged or (codecs and _symbol_letter(char, codecs)):
        cost += _MIXED_COST
    if lone and is_han(char):
        cost += _MIXED_COST
    return cost


@cache
def _symbol_letter(char: str, codecs: str) -> str:
    """The Latin letter that a kana or a numbered symbol is the mojibake of in one of
    ``codecs`` (``+``-joined), or "".

    Big5's symbol rows C6 A1-C8 FE hold kana (Big5, cp950) or circled and
    parenthesised numbers (Big5-HKSCS) where UTF-8 has Latin Extended-B: ư
    (C6 B0) reads as が or ⑹, ơ as ヾ or ①, Ư as か or ⑸. Each code page puts
    the symbol elsewhere, so each is asked (``_units`` asks only the first that
    has it).
    """
    if char.isascii() or is_han(char) or _latin_like(char):
        return ""
    for codec in codecs.split("+"):
        try:
            data = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(data) != 2 or not 0xC2 <= data[0] <= 0xDF:
            continue
        try:
            letter = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _latin_like(letter):
            return letter
    return ""


@cache
def _sign_reading(char: str, codecs: str) -> str:
    """The Latin-1 sign (« » ¡ ¿ ...) that ``char`` is the mojibake of in one of
    ``codecs``, or ""."""
    for codec in codecs.split("+"):
        try:
            sign = char.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if len(sign) == 1 and "\u00a1" <= sign <= "\u00bf":
            return sign
    return ""


# A Vietnamese syllable with ơ or ư in it, tone marks taken off (ơ and ư are Vietnamese
# letters: the word a symbol's letter makes must be one).
@cache
def _vietnamese_re() -> re.Pattern[str]:
    return re.compile(
        "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
        "(?:ươ(?:ng|[icmnptu])?|ư(?:ng|[aicmnptu])?|uơ|ơ(?:[icmnpt])?)"
    )


_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


def _vietnamese_syllable(word: str) -> bool:
    """``word`` is one Vietnamese syllable with ơ or ư, in one case (tưng, Hưng, TRƯỜNG)."""
    if word not in (word.lower(), word.upper(), word.capitalize()):
        return False
    bare = unicodedata.normalize(
        "NFC", unicodedata.normalize("NFD", word.lower()).translate(_TONE_MARKS)
    )
    return _vietnamese_re().fullmatch(bare) is not None


def _word_letters(chunk: str, *, left: bool) -> tuple[str, str | None]:
    """The letters of ``chunk`` next to the word (its end when ``left``, else its start)
    and the character that ends the word there (None if ``chunk`` is all letters)."""
    k = len(chunk)
    if left:
        while k and _latin_like(chunk[k - 1]):
            k -= 1
        return chunk[k:], chunk[k - 1] if k else None
    j = 0
    while j < k and _latin_like(chunk[j]):
        j += 1
    return chunk[:j], chunk[j] if j < k else None


def _symbols_fit(text: str, pieces: list[Piece], codecs: str) -> list[Piece]:
    """``pieces`` without the ones that read a kana or numbered symbol as a Latin letter
    (``_symbol_letter``) where the word that makes is no Vietnamese syllable, is glued to
    Chinese or Japanese text (``AppleがiPhone``, ``Aか、``) or begins with the symbol
    and has no other repair in or right next to it (``⑸A``, ``①i``: a list's numbering,
    not ƯA or ơi)."""

    def symbol(piece: Piece) -> bool:
        return any(_symbol_letter(c, codecs) for c in text[piece.start : piece.end])

    if not any(map(symbol, pieces)):
        return pieces
    by_start = {p.start: p for p in pieces}
    by_end = {p.end: p for p in pieces}

    def side(pos: int, left: bool) -> tuple[str, str, bool]:
        """The letters of the word on one side of ``pos``, the character that ends it
        there (a space at either end of the text) and whether another repair is in it."""
        letters, repaired = "", False
        while True:
            piece = (by_end if left else by_start).get(pos)
            if piece is not None:
                chunk, pos = piece.best, (piece.start if left else piece.end)
                repaired = repaired or not symbol(piece)
            elif (pos > 0) if left else (pos < len(text)):
                chunk = text[pos - 1] if left else text[pos]
                pos += -1 if left else 1
            else:
                return letters, " ", repaired
            found, stop = _word_letters(chunk, left=left)
            letters = found + letters if left else letters + found
            if stop is not None:
                return letters, stop, repaired

    def cjk(char: str) -> bool:
        """A digit, a kept letter, Han, kana, CJK punctuation: not where a Latin word ends;
        a Han character that is itself a sign's mojibake (罈 is », 竄 is «) is that sign."""
        if is_han(char) and (sign := _sign_reading(char, codecs)):
            char = sign
        return char.isalnum() or char >= "\u2e80"

    kept = []
    for piece in pieces:
        if symbol(piece):
            before, stop_before, repaired_before = side(piece.start, left=True)
            after, stop_after, repaired_after = side(piece.end, left=False)
            if cjk(stop_before) or cjk(stop_after):
                continue
            if not (before or repaired_before or repaired_after):
                continue
            if not _vietnamese_syllable(before + piece.best + after):
                continue
        kept.append(piece)
    return kept


def _kept_han(run: str, k: int, stretches: Mapping[int, object]) -> bool:
    """``run[k]`` is a Han character that no reading of this code page decodes from."""
    return is_han(run[k]) and stretches.get(k) is None


def _sign_fits(sign: str, text: str, start: int, end: int) -> bool:
    """An inverted mark or a currency sign where it belongs: after a space, a bracket or the
    line's start, glued to a capital (``¡Ojalá``) or to an amount that no Han follows (``¥38``).
    """
    before = text[start - 1] if start else " "
    if not (before.isspace() or before in "([\"'“‘"):
        return False
    rest = text[end : end + 12]
    if sign in INVERTED:
        return bool(rest) and rest[0].isupper() and rest[0].isascii()
    amount = _patterns()["amount"].match(rest)
    return (
        sign in CURRENCY
        and amount is not None
        and not (amount.end() < len(rest) and is_han(rest[amount.end()]))
    )


def _latin_like(char: str) -> bool:
    """A letter of a Latin word, Vietnamese's included (ề, ư)."""
    return (
        _latin_letter(char) or char in "ƠơƯư" or (char.isalpha() and "\u1e00" <= char <= "\u1eff")
    )


def _whole_word(run: str, units: list[tuple[int, ...] | None]) -> str | None:
    """The run read as one Cyrillic or Greek word (``袩褉懈胁械褌``: Привет), if it is one."""
    if any(unit is None or _WILD in unit for unit in units):
        return None
    try:
        word = bytes(b for unit in units if unit for b in unit).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return word if _whole_word_text(word) else None


def _whole_word_text(word: str) -> bool:
    """Two or more Cyrillic or Greek letters, perhaps hyphenated, quoted or punctuated."""
    letters = word.strip("«»„“”‘’—–.,;:!?()\u00a0")
    return len(letters) >= 2 and all(
        ("\u0401" <= c <= "\u045f" or "\u0386" <= c <= "\u03ce") and c.isalpha()
        for c in letters.replace("-", "")
    )


def decode_run(
    run: str,
    offset: int,
    chain: Chain,
    text: str = "",
    *,
    letters: bool = False,
    codecs: str | None = None,
) -> list[Piece]:
    """Pieces of ``run`` (at ``offset`` in ``text``) on its cheapest reading.

    A stretch that decodes to letters of two-byte UTF-8 only (accented
    Latin, Greek, Cyrillic) counts only inside a Latin word or when the whole
    run is one Cyrillic or Greek word: a Han character on its own is far
    likelier to be genuine than to be ``é`` read as GBK.
    """
    codec = codecs or _decoders(chain, text)
    units = [_units(c, codec) for c in run]
    n = len(run)
    word = _whole_word(run, units)
    if word is not None:
        return [Piece(offset, offset + n, chain, (word,), (text_cost(word),))]
    right = _latin_neighbour(text, offset + n, offset + n)  # a letter right after the run
    stretches: dict[int, tuple[int, list[list[tuple[str, float]]]] | None] = {
        i: _stretch(run, i, units, codec, right) for i in range(n) if units[i] is not None
    }
    for i, char in enumerate(run):
        # A symbol that another variant of the code page makes of a letter (⑹ is Big5
        # C7 F8 but Big5-HKSCS C6 B0, ư): that letter is its reading.
        if stretches.get(i) is None and (letter := _symbol_letter(char, codec)):
            stretches[i] = (i + 1, [[(letter, char_cost(letter) + CHAIN_COST)]])
    while True:
        pieces = _cheapest(run, offset, chain, text, stretches, letters, codec)
        fit = _symbols_fit(text, pieces, codec)
        if len(fit) == len(pieces):
            return pieces
        # A symbol whose letter makes no Vietnamese word is kept as written, and glues
        # nothing to it: search again without its reading.
        for piece in pieces:
            if piece not in fit:
                stretches[piece.start - offset] = None


def _cheapest(
    run: str,
    offset: int,
    chain: Chain,
    text: str,
    stretches: dict[int, tuple[int, list[list[tuple[str, float]]]] | None],
    letters: bool,
    codec: str,
) -> list[Piece]:
    """The pieces on the cheapest reading of ``run``, given each character's ``stretches``."""
    n = len(run)
    left = _latin_neighbour(text, offset, offset)  # a letter right before the run
    right = _latin_neighbour(text, offset + n, offset + n)  # ... or right after it
    # A Latin letter decoded from a stretch (ü in ``l眉猫``) or swallowed into it
    # (``燲`` is NBSP + X) glues the stretch next to it to the same word.
    ends_in_letter = {
        found[0]
        for found in stretches.values()
        if found and found[1][-1][0][0].isascii() and found[1][-1][0][0].isalpha()
    }
    # ... and so does a stretch that starts with a letter and holds a three-byte one
    # (``峄乽`` is ều, so the ``膽`` before it is đ), or a symbol's letter.
    starts_with_letter = {
        i
        for i, found in stretches.items()
        if found
        and (
            (found[1][0][0][0].isascii() and found[1][0][0][0].isalpha())
            or found[1][0][0][0] == _symbol_letter(run[i], codec)  # ① in ``竄①i`` («ơi)
            or (
                _latin_like(found[1][0][0][0])
                and any(ord(option[0][0]) >= 0x800 for option in found[1])
                and all(_latin_like(option[0][0]) or option[0][0].isascii() for option in found[1])
            )
        )
    }
    # Glue passes on, left to right, through letters decoded from glued stretches.
    for i in sorted(stretches):
        found = stretches[i]
        if found and (i in ends_in_letter or (i == 0 and left)) and _latin_like(found[1][-1][0][0]):
            ends_in_letter.add(found[0])
    ends = {found[0] for found in stretches.values() if found}  # where a stretch ends
    best = [0.0] + [float("inf")] * n
    back: list[tuple[int, Piece | None]] = [(0, None)] * (n + 1)
    lone = n == 1 and (left or right or text[offset + 1 : offset + 2].isdigit())
    for i in range(n):
        if best[i] == float("inf"):
            continue
        as_written = best[i] + _as_written(run, i, lone, codec)
        if as_written < best[i + 1]:
            best[i + 1] = as_written
            back[i + 1] = (i, None)
        found = stretches.get(i)
        if found is None:
            continue
        end, chars = found
        after_letter = (i == 0 and left) or i in ends_in_letter
        before_letter = (end == n and right) or end in starts_with_letter
        # Glued means part of a Latin word: no Han character is kept on the other side
        # (``Apple蘋果``: 蘋 is not ī; ``iPad聽音樂``: 聽 is not a no-break space).
        if after_letter and not before_letter and end < n and _kept_han(run, end, stretches):
            after_letter = False
        if before_letter and not after_letter and i and is_han(run[i - 1]) and i not in ends:
            before_letter = False
        # ... and only letters Latin text commonly has (A片 is not Ƭ, 圈a is not Ȧ).
        common = all(
            _latin_like(c) or not c.isalpha() or c.isascii()
            for option in chars
            for c, _ in option[:1]
            if ord(c) < 0x800
        )
        glued = letters or (common and (after_letter or before_letter))
        while _product_size(chars) > _MAX_FILLINGS:
            widest = max(range(len(chars)), key=lambda k: len(chars[k]))
            chars[widest] = chars[widest][: max(1, len(chars[widest]) // 2)]
        sign = len(chars) == 1 and _sign_fits(chars[0][0][0], text, offset + i, offset + end)
        if all(ord(c) < 0x800 for option in chars for c, _ in option[:1]) and not (glued or sign):
            continue
        combos = sorted(
            (
                ("".join(c for c, _ in combo), sum(cost for _, cost in combo))
                for combo in product(*chars)
            ),
            key=lambda kv: (kv[1], kv[0]),
        )[:64]
        lost = run[i:end].count(REPLACEMENT)
        texts = [text for text, _ in combos]
        if lost:
            texts = _verified(texts, run[i:end], codec)
        if not texts:
            continue
        cost_of = dict(combos)
        total = best[i] + cost_of[texts[0]]
        if total < best[end]:
            best[end] = total
            back[end] = (
                i,
                Piece(
                    start=offset + i,
                    end=offset + end,
                    chain=chain,
                    candidates=tuple(texts),
                    costs=tuple(cost_of[t] for t in texts),
                    lost=lost,
                ),
            )
    return list(best_path(back))


def _chinese_text(char: str) -> bool:
    return (
        is_han(char)
        or "\u3000" <= char <= "\u303f"
        or ("\uff01" <= char <= "\uff5e" and not char.isalnum())  # full-width marks, not ｆ
        or char in "“”‘’—…·"
    )


def _utf8_cost(run: str) -> float:
    """The cost of the run read as UTF-8 in Windows-1252 instead (the likelier mix-up);
    ASCII in it (a GBK trail byte 40-7E) is read as itself."""
    if run.isascii() or any(c.isascii() for c in run):
        return sum(
            _utf8_cost(part) if not part.isascii() else sum(map(char_cost, part))
            for part in _patterns()["ascii"].split(run)
            if part
        )
    from glossary.repair import single

    pieces = single.decode_run(run, 0, Chain.CP1252, drops=False, controls=True)
    inside = {k for p in pieces for k in range(p.start, p.end)}
    rest = sum(char_cost(c) + _OUTSIDE_WORD for k, c in enumerate(run) if k not in inside)
    scripts = [_script(p.best) for p in pieces if p.best.isalpha()]
    switches = sum(a != b for a, b in pairwise(scripts))
    return sum(p.costs[0] for p in pieces) + rest + _OUTSIDE_WORD * switches


def _script(letter: str) -> str:
    """Latin, Cyrillic or Greek, by name: a word does not switch between them (Ҷţƽ)."""
    return unicodedata.name(letter, "?").split(" ", 1)[0]


_COMMON_OUTSIDE_GB2312 = 18.0  # bits
_FREQUENT = 14.0  # bits: a character everyday prose uses (的 8, 價 12.8; 蘋 17.8, 獺 20.5)
_LONG_RUN = 4  # decoded characters: a run of everyday Chinese this long is evidence alone


def _everyday_chinese(decoded: str, frequent: int) -> bool:
    """``decoded`` reads as Chinese prose: Han characters jieba uses and CJK marks only,
    at least ``frequent`` frequent Han characters, and three in four of them frequent.

    Genuine Latin-1 text that pairs up as GBK decodes to rare characters (GB2312's
    second level, the traditional extension rows) far more often than to prose.
    """
    if not all(map(_chinese_text, decoded)):
        return False
    costs = [char_cost(c) for c in decoded if is_han(c)]
    if any(cost >= UNKNOWN_HAN for cost in costs):
        return False
    common = sum(cost < _FREQUENT for cost in costs)
    return common >= frequent and 4 * common >= 3 * len(costs)


def _gbk_as_cp1252(text: str, start: int, run: str, *, loose: bool = False) -> list[Piece]:
    """A whole run of Latin-1 letters and signs that reads as Chinese in GBK.

    With ``loose`` (the document has shown this pipeline already), a lone
    pinyin letter or quote between spaces or next to punctuation counts too.
    """
    before = text[start - 1] if start else " "
    after = text[start + len(run)] if start + len(run) < len(text) else " "
    if (
        before in CP1252_ENCODE
        or before == REPLACEMENT
        or after in CP1252_ENCODE
        or after == REPLACEMENT
    ):
        return []  # part of a longer run of other mojibake
    glued = (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
    glued = glued or (loose and len(run) == 2)
    if len(run) % 2 or any(c not in CP1252_ENCODE for c in run[::2]):
        return []
    if any(c not in CP1252_ENCODE and not "\x40" <= c <= "\x7e" for c in run[1::2]):
        return []
    if not glued and len(run) < 4:
        return []  # one character on its own: what the checks below come to (elif ...)
    data = bytes(CP1252_ENCODE.get(c, ord(c)) for c in run)
    if any(not 0x81 <= lead <= 0xFE for lead in data[::2]):
        # Not a pair at each step (``€œ`` of a quote through the seed's chain: GBK's 80 is
        # one byte), so no decoding gives one character per pair; and the GBK codec
        # (~2.5 ms to load) is not needed.
        return []
    try:
        decoded = data.decode("gbk")
    except UnicodeDecodeError:
        return []
    if len(decoded) * 2 != len(run):
        return []
    # Everyday Chinese is evidence on its own: a long run of it (traditional forms
    # included: 水獺, 聽 out of ``Â\xa0``), or two frequent characters or more glued to a
    # Latin word (``iPhoneµÄÊÛƒr`` is iPhone的售價) unless the run is upper case glued to
    # a capital: an all-caps word (ÞÓRÐUR, CRÉÉE), whatever it decodes to.
    caps = run.upper() == run and (before.isupper() or after.isupper())
    evident = (
        _everyday_chinese(decoded, 2) and not caps
        if glued
        else len(decoded) >= _LONG_RUN and _everyday_chinese(decoded, _LONG_RUN - 1)
    )
    if 0xA0 in data[1::2] and not evident:
        return []  # a no-break space after a letter
    # Outside GB2312's area (traditional forms, ASCII trail bytes) only characters with a
    # reading, and until the document has shown this pipeline only common ones
    # (``\xa0¿°C`` is not 牽癈).
    limit = UNKNOWN_HAN + 4 if loose or evident else _COMMON_OUTSIDE_GB2312
    if any(
        (lead < 0xA1 or trail < 0xA1) and char_cost(char) >= limit
        for lead, trail, char in zip(data[::2], data[1::2], decoded, strict=True)
    ):
        return []
    if glued and not evident:
        # Next to a Latin word only GBK's pinyin letters (row A8: ¨¦ for é) and quotes;
        # quotes alone only once the document has shown this pipeline (¡°C is ¡ and °C).
        if not all(
            (lead == 0xA8 and char.isalpha()) or char in "“”‘’—…·"
            for lead, char in zip(data[::2], decoded, strict=True)
        ):
            return []
        if not loose and not any(char.isalpha() for char in decoded):
            return []
    elif len(decoded) < 2 or not all(map(_chinese_text, decoded)):
        return []
    as_written = sum(char_cost(c) + _OUTSIDE_WORD for c in run)
    as_chinese = sum(char_cost(c) + 1.0 for c in decoded)
    if (evident or not glued) and as_chinese >= min(as_written, _utf8_cost(run)):
        return []
    return [
        Piece(
            start=start + 2 * k,
            end=start + 2 * k + 2,
            chain=Chain.GBK_AS_CP1252,
            candidates=(char,),
            costs=(char_cost(char),),
        )
        for k, char in enumerate(decoded)
    ]


_DOCUMENT_EVIDENCE = 2  # pieces decoded from triggered runs before short runs are read too
_REACH = 24  # characters around a trigger worth decoding in a long run of Chinese


def _windows(run: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    """Stretches of ``run`` around its trigger characters (a paragraph of genuine
    Chinese with one rare character is not decoded end to end)."""
    if len(run) <= 2 * _REACH:
        return [(0, len(run))]
    out: list[tuple[int, int]] = []
    for match in trigger.finditer(run):
        lo, hi = max(0, match.start() - _REACH), min(len(run), match.end() + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _common_in_word(piece: Piece, text: str) -> bool:
    """One decoded letter that Latin text commonly has, glued to a Latin word with no Han
    character on its other side; or an inverted mark or currency sign where it belongs."""
    if len(piece.best) != 1 or piece.end - piece.start != 1:
        return False
    char = piece.best
    if _sign_fits(char, text, piece.start, piece.end):
        return True
    if _symbol_letter(text[piece.start], _decoders(Chain.BIG5, text)) == char:
        return True  # ⑹ in ``t⑹ng``: ``decode_run`` kept it only inside a Vietnamese word
    if not ("\u00c0" <= char <= "\u00ff" or char in _PINYIN_LETTERS) or not char.isalpha():
        return False
    before = text[piece.start - 1] if piece.start else " "
    after = text[piece.end] if piece.end < len(text) else " "
    if not ((before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())):
        return False
    return not (is_han(before) or is_han(after))


_PINYIN_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ"


def _glued_letter(piece: Piece, text: str) -> bool:
    """A piece with no byte lost that decodes to an accented Latin letter inside a Latin
    word (``Gen猫ve``, ``茅tait``, ``L菤``): evidence of its pipeline on that line."""
    before = text[piece.start - 1] if piece.start else " "
    after = text[piece.end] if piece.end < len(text) else " "
    return (
        not piece.lost
        and any(not c.isascii() and _latin_like(c) for c in piece.best)
        and ((before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()))
    )


def _lone_fits(char: str, text: str, start: int) -> bool:
    """A lone decoded character that fits where it stands: a Latin-1 or pinyin letter, an
    opening guillemet before a word or space, a closing one after a word or space."""
    before = text[start - 1] if start else " "
    after = text[start + 1] if start + 1 < len(text) else " "
    if char == "\u00ab":
        return (before.isspace() or before in "([") and (after.isspace() or after.isalpha())
    if char == "\u00bb":
        return (before.isspace() or before.isalpha()) and (after.isspace() or after in ".,;:!?)")
    return char.isalpha() and ("\u00c0" <= char <= "\u00ff" or char in _PINYIN_LETTERS)


def _lone_in_line(text: str, chain: Chain, pieces: list[Piece], codecs: str) -> list[Piece]:
    """Lone characters read by ``chain`` on the lines where it already repaired a glued
    letter (``脌 Gen猫ve``: 脌 is À; ``茅tait 芦``: 芦 is «).

    Short of document-wide evidence, a lone Han character is genuine (the character 禄
    means ...) unless its own line shows the pipeline; then only a whole one-character
    run that decodes to a Latin letter or a guillemet that fits is read.
    """
    lines = {text.rfind("\n", 0, p.start) + 1 for p in pieces if _glued_letter(p, text)}
    out: list[Piece] = []
    for start in sorted(lines):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for match in _RUN_RE.finditer(text, start, end):
            if len(match.group()) != 1 or any(p.start == match.start() for p in pieces):
                continue
            for piece in decode_run(
                match.group(), match.start(), chain, text, letters=True, codecs=codecs
            ):
                if (
                    piece.end - piece.start == 1
                    and not piece.lost
                    and len(piece.best) == 1
                    and _lone_fits(piece.best, text, piece.start)
                ):
                    out.append(piece)
    return out


def _groups(pieces: list[Piece]) -> list[list[Piece]]:
    """Adjacent pieces (one after the other, nothing between): one repair each."""
    out: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: p.start):
        if out and out[-1][-1].end == piece.start:
            out[-1].append(piece)
        else:
            out.append([piece])
    return out


def _token(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened over the Han characters and ASCII letters and digits
    glued to it (``牛`` in ``牛B``, ``羅`` in ``C羅``)."""

    def glued(char: str) -> bool:
        return is_han(char) or (char.isascii() and char.isalnum())

    while start > 0 and glued(text[start - 1]):
        start -= 1
    while end < len(text) and glued(text[end]):
        end += 1
    return start, end


def _is_word(word: str) -> bool:
    """A word of two or more characters in CC-CEDICT (either script) or in jieba's dictionary."""
    from glossary.repair.context import _MIN_WORD_FREQ, cc_cedict
    from glossary.repair.plausible import word_freqs

    if len(word) < 2:
        return False
    # CC-CEDICT first: an indexed look-up (15 ms to open); jieba's table takes 0.3 s to load.
    dictionary = cc_cedict()
    if dictionary is not None and dictionary.by_hanzi(word):
        return True
    return word_freqs().get(word, 0) >= _MIN_WORD_FREQ


def _single_letter_glue(text: str, start: int, end: int) -> bool:
    """One Han character glued on one side only to a Latin letter that is a word by itself
    (``C羅``, ``牛B``): a nickname or a product as often as ``Hé`` read as GBK."""
    if end - start != 1 or not is_han(text[start]):
        return False

    def letter(k: int) -> bool:
        return 0 <= k < len(text) and text[k].isascii() and text[k].isalpha()

    if letter(start - 1) and not letter(end):
        return not letter(start - 2)
    if letter(end) and not letter(start - 1):
        return not letter(end + 1)
    return False


_VOWELS = "аеёиоуыэюяαεηιουωάέήίόύώϊϋ"


def _implausible(decoded: str, after: str) -> bool:
    """A short reading, away from Latin words, that is no text of its own: a character
    and an ASCII sign, or a letter no Latin word goes on with (``砂}``, ``期N``, ``ếh``),
    or a two-letter Greek or Cyrillic "word" without a vowel (``Λρ``; ``Хэ`` is one)."""
    if len(decoded) > 2:
        return False
    if decoded[-1].isascii() and not (after.isascii() and after.isalpha()):
        return True
    if any(c.isascii() and not c.isalnum() for c in decoded):
        return True
    return _whole_word_text(decoded) and not any(c in _VOWELS for c in decoded.lower())


def _suspect(text: str, group: list[Piece], chinese_line: Callable[[], bool]) -> bool:
    """A repair that clean Chinese text makes as easily as mojibake does: what it would
    replace is Han characters that read as no text of their own (``_implausible``), or a
    dictionary word (螞蟻, 鐮倉), or sits in one with the letters and Han
    characters glued to it (牛B, C羅), or, on a line with other Chinese on it, is one common
    Han character glued to a lone letter (a Latin line's ``H矇`` is still ``Hé``)."""
    start, end = group[0].start, group[-1].end
    original = text[start:end]
    if not all(is_han(c) for c in original):
        return False
    # A character jieba never uses (菤 in ``L菤``, Lǚ) is no clean text's nickname.
    if (
        _single_letter_glue(text, start, end)
        and char_cost(original) < UNKNOWN_HAN
        and chinese_line()
    ):
        return True
    if not _latin_neighbour(text, start, end) and _implausible(
        "".join(p.best for p in group), text[end : end + 1]
    ):
        return True
    wide = _token(text, start, end)
    return _is_word(original) or (wide != (start, end) and _is_word(text[wide[0] : wide[1]]))


def _confirmed(text: str, pieces: list[Piece]) -> list[Piece]:
    """Pieces without the suspect repairs (``_suspect``) whose own line shows no confirmed
    mojibake of the same chain: a repair there that lost no byte and is not suspect.

    Line by line, and lazily: the first confirmed repair settles its line, so a document
    of mojibake costs a look-up or two per line, not one per repair.
    """
    if not pieces:
        return pieces
    newlines = [m.start() for m in re.finditer("\n", text)]
    by_line: dict[int, list[list[Piece]]] = {}
    for group in _groups(pieces):
        by_line.setdefault(bisect.bisect_left(newlines, group[0].start), []).append(group)
    covered = {k for p in pieces for k in range(p.start, p.end)}
    kept: list[Piece] = []
    for line in sorted(by_line):
        lo = newlines[line - 1] + 1 if line else 0
        hi = newlines[line] if line < len(newlines) else len(text)

        @cache
        def chinese_line(lo: int = lo, hi: int = hi) -> bool:
            """Han characters on the line that no piece reads as mojibake."""
            return any(is_han(text[k]) and k not in covered for k in range(lo, hi))

        groups = by_line[line]
        verdicts: list[bool | None] = [None] * len(groups)
        confirmed = False
        for k, group in enumerate(groups):
            if not any(p.lost for p in group):
                verdicts[k] = _suspect(text, group, chinese_line)
                if not verdicts[k]:
                    confirmed = True
                    break
        for k, group in enumerate(groups):
            verdict = verdicts[k]
            if confirmed or not (
                verdict if verdict is not None else _suspect(text, group, chinese_line)
            ):
                kept += group
    return kept


def find_pieces(text: str) -> dict[Chain, list[Piece]]:
    """Pieces per chain: UTF-8 as GBK, UTF-8 as Big5, GBK as cp1252."""
    out: dict[Chain, list[Piece]] = {Chain.GBK: [], Chain.BIG5: [], Chain.GBK_AS_CP1252: []}
    trigger = _trigger_re()
    runs = runs_around(text, trigger, _RUN_RE)
    gbk, big5 = (_decoders(Chain.GBK, text), _decoders(Chain.BIG5, text)) if runs else ("", "")
    for start, run in runs:
        for lo, hi in _windows(run, trigger):
            out[Chain.GBK] += decode_run(run[lo:hi], start + lo, Chain.GBK, text, codecs=gbk)
            out[Chain.BIG5] += decode_run(run[lo:hi], start + lo, Chain.BIG5, text, codecs=big5)
    for chain in (Chain.GBK, Chain.BIG5):
        out[chain] = _confirmed(text, out[chain])
    # Big5 is the weaker guess: a single accented letter (ť out of 聽) is not
    # taken for Big5 mojibake unless the document shows more of it, or it is a
    # Latin-1 letter or pinyin vowel inside a Latin word (H矇 is Hé) or a sign
    # where it belongs (瞼38 is ¥38).
    latin_only = [p for p in out[Chain.BIG5] if all(ord(c) < 0x800 for c in p.best)]
    if len(latin_only) == len(out[Chain.BIG5]) and len(latin_only) < _DOCUMENT_EVIDENCE:
        out[Chain.BIG5] = [p for p in latin_only if _common_in_word(p, text)]
    examined = sum(len(run) for _, run in runs)
    for chain in (Chain.GBK, Chain.BIG5):
        covered = sum(p.end - p.start for p in out[chain] if not p.lost)
        # One whole Cyrillic or Greek word (褋褍斜斜芯褌褍 is субботу) is evidence enough.
        word = any(len(p.best) >= 3 and _whole_word_text(p.best) for p in out[chain])
        if (len(out[chain]) >= _DOCUMENT_EVIDENCE or word) and covered * 2 >= examined:
            # The document went through this pipeline: short runs without a
            # trigger (``茅`` for é, ``胁`` for в) are read too.
            taken = [(p.start, p.end) for p in out[chain]]
            for match in _RUN_RE.finditer(text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                out[chain] += decode_run(
                    match.group(),
                    match.start(),
                    chain,
                    text,
                    letters=True,
                    codecs=gbk if chain is Chain.GBK else big5,
                )
        else:
            out[chain] += _lone_in_line(
                text, chain, out[chain], gbk if chain is Chain.GBK else big5
            )
    for chain in (Chain.GBK, Chain.BIG5):
        out[chain] = _confirmed(text, out[chain])
    gbk_runs = _gbk_runs(text)
    for start, run in gbk_runs:
        out[Chain.GBK_AS_CP1252] += _gbk_as_cp1252(text, start, run)
    if len(out[Chain.GBK_AS_CP1252]) >= _DOCUMENT_EVIDENCE:
        found = {p.start for p in out[Chain.GBK_AS_CP1252]}
        for start, run in gbk_runs:
            if start not in found:
                out[Chain.GBK_AS_CP1252] += _gbk_as_cp1252(text, start, run, loose=True)
        out[Chain.GBK_AS_CP1252].sort(key=lambda p: p.start)
    return out
