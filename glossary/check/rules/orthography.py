"""Pinyin against its characters, and the spelling of pinyin names (GB/T 28039, GB/T 16159).

These rules read PAIRED mentions whose Latin form aligns with the characters as pinyin
(tone-marked, or plain and matching), so Wade-Giles, Cantonese and personal spellings
(`Chou En-lai`, `Ko Wen-je`, `Agnes Chow`) are never "corrected" into pinyin.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterator, Sequence

from glossary.check.findings import Severity
from glossary.check.mentions import WORD_RE, Alignment, Mention, SyllableMatch, Word
from glossary.check.rules import Context, Hit, Rule
from glossary.config import Umlaut
from glossary.pinyin import (
    Syllable,
    all_splits,
    capitalize,
    has_lookalikes,
    has_tone_marks,
    join_syllables,
    normalize_lookalikes,
)
from glossary.resources import load_regexes

# The module's patterns, compiled once into the user cache (glossary.resources.load_regexes).
_PATTERNS = load_regexes(
    "check-orthography",
    {"v-after-l-n": r"(?i)(?<=[ln])v", "vowel-mark": r"[aeiouvüAEIOUVÜ][\u0300-\u036f]+"},
)
_UMLAUT_BASES = {"lü": "lu", "nü": "nu", "lüe": "lue", "nüe": "nue"}


def _aligned(
    ctx: Context, *, people_only: bool = True, toned: bool = False
) -> Iterator[tuple[Mention, Alignment]]:
    """PAIRED mentions read as pinyin; with `toned`, also tone-marked names without characters
    (whose alignment has no characters: only the checks of the spelling itself apply)."""
    from glossary.check.mentions import Kind

    for mention in ctx.paired(people_only=people_only):
        if mention.alignment is not None:
            yield mention, mention.alignment
    if toned:
        for mention in ctx.analysis.mentions:
            if mention.kind is Kind.TONED and mention.alignment is not None:
                yield mention, mention.alignment


def _word_syllables(alignment: Alignment, word_index: int) -> list[SyllableMatch]:
    return [m for m in alignment.matches if m.word_index == word_index]


def word_text(alignment: Alignment, match: SyllableMatch) -> str:
    return alignment.words[match.word_index].text.lower()


def _chars_text(chars: str) -> str:
    from glossary.chars import readings

    return ", ".join(r.marked for r in readings(chars)) or "none known"


def _case_like(template: str, word: str) -> str:
    """`word` with the capitalisation pattern of `template` (Xx, XX or xx)."""
    letters = [c for c in template if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return word.upper()
    if template[:1].isupper():
        return capitalize(word)
    return word


def _rebuild(word: Word, syllables: Sequence[Syllable], *, toned: bool | None = None) -> str:
    if toned is None:
        toned = has_tone_marks(normalize_lookalikes(word.text))
    text = join_syllables(syllables, tones=toned)
    if "’" in word.text:
        text = text.replace("'", "’")
    return _case_like(word.text, text)


def _with_tone(syllable: Syllable, char: str) -> Syllable:
    """An unmarked syllable with the tone of its character's only reading of that sound."""
    from glossary.chars import readings

    if syllable.tone:
        return syllable
    tones = {r.tone for r in readings(char) if r.base == syllable.base}
    return Syllable(syllable.base, tones.pop()) if len(tones) == 1 else syllable


def _is_umlaut_miss(match: SyllableMatch) -> bool:
    from glossary.chars import readings

    written = match.written.base
    return any(
        _UMLAUT_BASES.get(r.base) == written and r.base != written for r in readings(match.char)
    )


# --- GL101 -----------------------------------------------------------------------------


def surname_reading_issue(alignment: Alignment, index: int, hanzi: str) -> bool:
    """Whether syllable `index` belongs to the surname and is a non-surname reading of it."""
    from glossary.check.knowledge import surname_of

    if index >= alignment.surname_chars:
        return False
    surname = surname_of(hanzi[: alignment.surname_chars])
    if surname is None:
        return False
    written = alignment.matches[index].written
    bases = {reading[index].base for reading in surname.readings}
    if written.base in {b.replace("ü", "u") for b in bases}:
        return False  # `Lu` for 吕 Lǚ: how ü is written is GL205's (and the house's) call
    return alignment.matches[index].base_ok and written.base not in bases


def _pinyin_mismatch(ctx: Context) -> Iterator[Hit]:
    from glossary.chars import readings

    for mention, alignment in _aligned(ctx, people_only=False):
        toned = mention.toned
        for index, match in enumerate(alignment.matches):
            # names have no neutral tone: an unmarked syllable in a tone-marked name is a slip
            missing_tone = mention.is_person and toned and match.base_ok and not match.written.tone
            if (
                missing_tone
                and "ü" in match.written.base
                and "ü" not in word_text(alignment, match)
            ):
                missing_tone = False  # `Lv Hóng`: GL205 rewrites the word, tone included
            if (match.reading_ok and not missing_tone) or _is_umlaut_miss(match):
                continue
            if mention.is_person and surname_reading_issue(alignment, index, mention.hanzi):
                continue  # GL102 says it better
            if missing_tone:
                message = (
                    f"'{match.written.base}' has no tone mark while the rest of the name has; "
                    f"{match.char} reads {_chars_text(match.char)}"
                )
            else:
                message = (
                    f"'{match.written.marked if toned else match.written.base}' is not a reading "
                    f"of {match.char} ({_chars_text(match.char)})"
                )
            word = alignment.words[match.word_index]
            # a fix only when one reading is left: the same base with the tone corrected,
            # or the character has a single reading
            options = [r for r in readings(match.char) if r.base == match.written.base]
            if not options and len({r.base for r in readings(match.char)}) == 1:
                options = list(readings(match.char))
            if not options:
                options = _house_reading(mention, index)  # `Jìnpín 习近平`: the glossary's píng
            fix = None
            if len(options) == 1 and "-" not in word.text:
                syllables = [
                    options[0] if m is match else m.written
                    for m in _word_syllables(alignment, match.word_index)
                ]
                if not toned:
                    syllables = [Syllable(s.base, 0) for s in syllables]
                fix = ctx.fix(word.start, word.end, _rebuild(word, syllables, toned=toned))
            yield Hit(
                word.start,
                word.end,
                message,
                fix,
                severity=None if toned else Severity.WARNING,
            )


def _house_reading(mention: Mention, index: int) -> list[Syllable]:
    """The syllable the house glossary gives character `index` of a person it lists with
    exactly these characters (`píng` for 平 in 习近平), as the one fix for a misspelt
    reading; [] for anyone else."""
    known = mention.known
    if known is None or known.source != "house" or not known.pinyin:
        return []
    if mention.hanzi not in (known.hanzi, known.traditional):
        return []
    splits = [all_splits(word, require_apostrophes=False) for word in known.pinyin.split()]
    if not all(splits):
        return []
    flat = [syllable for options in splits for syllable in options[0]]
    return [flat[index]] if len(flat) == len(mention.hanzi) else []


# --- GL102 -----------------------------------------------------------------------------


def _surname_reading(ctx: Context) -> Iterator[Hit]:
    from glossary.check.knowledge import surname_of

    for mention, alignment in _aligned(ctx):
        surname = surname_of(mention.hanzi[: alignment.surname_chars])
        if surname is None:
            continue
        for index in range(alignment.surname_chars):
            if not surname_reading_issue(alignment, index, mention.hanzi):
                continue
            written = alignment.matches[index].written
            shown = " or ".join(
                capitalize("".join(s.marked if mention.toned else s.base for s in r))
                for r in surname.readings
            )
            word = alignment.words[alignment.matches[index].word_index]
            message = (
                f"{surname.hanzi} as a surname reads {shown}, not "
                f"'{written.marked if mention.toned else written.base}'"
            )
            fix = None
            if not surname.ambiguous and alignment.surname_words == 1:
                syllables = list(surname.preferred)
                if not mention.toned:
                    syllables = [Syllable(s.base, 0) for s in syllables]
                fix = ctx.fix(word.start, word.end, _rebuild(word, syllables))
            yield Hit(word.start, word.end, message, fix)
            break


# --- GL201 .. GL208 ----------------------------------------------------------------------


def _given_words(alignment: Alignment) -> tuple[Word, ...]:
    return alignment.words[alignment.surname_words :]


def _split_given(ctx: Context) -> Iterator[Hit]:
    for mention, alignment in _aligned(ctx):
        given = _given_words(alignment)
        if len(given) < 2:
            continue
        start, end = given[0].start, given[-1].end
        syllables = [
            s
            for i in range(alignment.surname_words, len(alignment.words))
            for s in alignment.splits[i]
        ]
        joined = join_syllables(syllables, tones=mention.toned)
        replacement = _case_like(given[0].text, joined) if given[0].text[:1].isupper() else joined
        text = " ".join(w.text for w in given)
        message = f"the given name is one word: '{replacement}', not '{text}'"
        fix = (
            ctx.fix(start, end, replacement)
            if all(ctx.source[a.end : b.start] == " " for a, b in itertools.pairwise(given))
            else None
        )
        yield Hit(start, end, message, fix)
    # a compound surname cut in the wrong place: `Si Maqian` for 司马迁 (Sīmǎ Qiān)
    for mention, alignment in _aligned(ctx):
        words = alignment.words
        if alignment.surname_words != 1 or len(alignment.splits[0]) >= alignment.surname_chars:
            continue
        flat = [m.written for m in alignment.matches]
        c = alignment.surname_chars
        surname = _case_like(words[0].text, join_syllables(flat[:c], tones=mention.toned))
        given_text = capitalize(join_syllables(flat[c:], tones=mention.toned))
        replacement = f"{surname} {given_text}".strip()
        text = " ".join(w.text for w in words)
        fix = None
        if all(ctx.source[a.end : b.start] == " " for a, b in itertools.pairwise(words)):
            fix = ctx.fix(words[0].start, words[-1].end, replacement)
        yield Hit(
            words[0].start,
            words[-1].end,
            f"the compound surname {mention.hanzi[:c]} is one word: '{replacement}', not '{text}'",
            fix,
        )
    # split compound surnames: `Ou Yang Xiu`
    for mention, alignment in _aligned(ctx):
        if alignment.surname_words == 2:
            a, b = alignment.words[0], alignment.words[1]
            joined = join_syllables(
                [*alignment.splits[0], *alignment.splits[1]], tones=mention.toned
            )
            replacement = _case_like(a.text, joined)
            fix = (
                ctx.fix(a.start, b.end, replacement) if ctx.source[a.end : b.start] == " " else None
            )
            yield Hit(a.start, b.end, f"a compound surname is one word: '{replacement}'", fix)


def _hyphenated_given(ctx: Context) -> Iterator[Hit]:
    for mention, alignment in _aligned(ctx, toned=True):
        known_pinyin = mention.known is not None and mention.known.is_pinyin
        if not (mention.toned or known_pinyin):
            continue  # plain `Chen Shui-bian` may well be Wade-Giles: not ours to judge
        for index in range(alignment.surname_words, len(alignment.words)):
            word = alignment.words[index]
            if "-" not in word.text:
                continue
            replacement = _rebuild(word, alignment.splits[index])
            yield Hit(
                word.start,
                word.end,
                f"a pinyin given name takes no hyphen: '{replacement}'",
                ctx.fix(word.start, word.end, replacement),
            )


def _expected_case(word: str, *, surname: bool) -> bool:
    """One capital at the start of each part: `Yáng`, `YANG` (a formal variant), the double
    surname `Zhāng-Wáng`; a hyphenated given name may capitalise its second part or not."""
    if "-" in word:
        head, *tail = word.split("-")
        return _expected_case(head, surname=surname) and all(
            _expected_case(part, surname=True) if surname else _lower_or_capitalised(part)
            for part in tail
        )
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return True
    if surname and len(letters) > 1 and all(c.isupper() for c in letters):
        return True  # `YANG Jiechi`: an accepted formal variant
    return letters[0].isupper() and not any(c.isupper() for c in letters[1:])


def _lower_or_capitalised(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return not any(c.isupper() for c in letters[1:])


def _name_words(ctx: Context) -> Iterator[tuple[tuple[Word, ...], int]]:
    """(words, how many spell the surname) of every pinyin name whose shape is known."""
    from glossary.check.mentions import Kind

    for _mention, alignment in _aligned(ctx, toned=True):
        yield alignment.words, alignment.surname_words
    pinyin_people = {
        info.key
        for info in ctx.people
        if info.is_pinyin and (info.known is None or info.known.is_pinyin)
    }
    for mention in ctx.analysis.mentions:
        # a pinyin person without characters, known to the house (`Li QIang`) or introduced
        # earlier with characters (`Wang weiguo` after `Wáng Wèiguó 王卫国`)
        if mention.kind is not Kind.NAME:
            continue
        if mention.known is not None:
            if mention.known.is_pinyin:
                yield mention.words, 1
        elif mention.person_key in pinyin_people:
            yield mention.words, 1


def _capitals(ctx: Context) -> Iterator[Hit]:
    for words, surname_words in _name_words(ctx):
        all_caps = all(
            all(c.isupper() for c in w.text if c.isalpha()) and len(w.text) > 1 for w in words
        )
        if all_caps:
            continue  # a name in a headline or a byline in capitals
        for index, word in enumerate(words):
            if surname_words == 2 and index < 2:
                continue  # the split compound surname is reported as such
            if "-" in word.text and index >= surname_words:
                continue  # GL202 reports the hyphen and rebuilds the word
            if _expected_case(word.text, surname=index < surname_words):
                continue
            replacement = capitalize(word.text.lower())
            yield Hit(
                word.start,
                word.end,
                f"a name word takes one capital, at its start: '{replacement}'",
                ctx.fix(word.start, word.end, replacement),
            )


def _apostrophe(ctx: Context) -> Iterator[Hit]:
    # people, and tone-marked places and terms (`Xīān 西安`); plain `Tiananmen` and `Xian`
    # are established English spellings
    for mention, alignment in _aligned(ctx, people_only=False):
        if not mention.is_person and not mention.toned:
            continue
        for index, word in enumerate(alignment.words):
            if "-" in word.text or len(alignment.splits[index]) < 2:
                continue
            syllables = alignment.splits[index]
            needed = sum(1 for s in syllables[1:] if s.base[0] in "aoe")
            present = sum(word.text.count(a) for a in "'’ʼ")
            if needed == present:
                continue
            replacement = _rebuild(word, syllables)
            if needed > present:
                message = (
                    f"an apostrophe separates a syllable starting with a, o or e: '{replacement}'"
                )
            else:
                message = f"an apostrophe goes only before a, o or e: '{replacement}'"
            yield Hit(
                word.start,
                word.end,
                message,
                ctx.fix(word.start, word.end, replacement),
                severity=None,
            )


_V_AFTER_L_N_RE = _PATTERNS["v-after-l-n"]


def _umlaut(ctx: Context) -> Iterator[Hit]:
    style = ctx.config.umlaut
    for mention, alignment in _aligned(ctx):
        for match in alignment.matches:
            word = alignment.words[match.word_index]
            uses_v = bool(_V_AFTER_L_N_RE.search(word.text))
            miss = _is_umlaut_miss(match)
            if not uses_v and not miss:
                continue
            if miss and not uses_v and not mention.toned and style is Umlaut.U:
                continue  # the house writes Lu for Lü
            syllables = [
                Syllable(m.written.base.replace("u", "ü", 1), m.written.tone)
                if (m is match and miss)
                else m.written
                for m in _word_syllables(alignment, match.word_index)
            ]
            if mention.toned:
                # in a tone-marked name the word gets its tone too (`Lv Hóng` -> `Lǚ Hóng`)
                syllables = [
                    _with_tone(s, m.char)
                    for s, m in zip(
                        syllables, _word_syllables(alignment, match.word_index), strict=True
                    )
                ]
            replacement = _rebuild(word, syllables, toned=mention.toned)
            if style is Umlaut.YU and not mention.toned:
                replacement = replacement.replace("ü", "yu").replace("Ü", "Yu")
            what = "'v'" if uses_v else "'u'"
            yield Hit(
                word.start,
                word.end,
                f"{match.char} is read with ü; {what} for ü is wrong: '{replacement}'",
                ctx.fix(word.start, word.end, replacement),
                severity=Severity.ERROR if uses_v or mention.toned else None,
            )
            break


def _tone_placement(ctx: Context) -> Iterator[Hit]:
    for mention, alignment in _aligned(ctx, people_only=False, toned=True):
        if not mention.toned:
            continue
        for index, word in enumerate(alignment.words):
            if has_lookalikes(word.text):
                continue  # GL207 first
            parts = word.text.split("-")
            expected_parts = []
            cursor = 0
            for part in parts:
                count = (
                    len(all_splits(part, require_apostrophes=False)[0])
                    if all_splits(part, require_apostrophes=False)
                    else 0
                )
                expected_parts.append(
                    join_syllables(alignment.splits[index][cursor : cursor + count], tones=True)
                )
                cursor += count
            strip = str.maketrans("", "", "'’ʼ")
            actual = unicodedata.normalize("NFC", word.text).lower().translate(strip)
            expected = "-".join(expected_parts).translate(strip)
            if actual == expected:
                continue
            # only the placement differs (same letters, same tones)?
            if _letters_and_tones(actual) != _letters_and_tones(expected):
                continue
            replacement = _case_like(word.text, "-".join(expected_parts))
            yield Hit(
                word.start,
                word.end,
                f"tone mark on the wrong vowel: '{replacement}' (on a or e; the o of ou; "
                "else the last vowel)",
                ctx.fix(word.start, word.end, replacement),
            )


def _letters_and_tones(text: str) -> tuple[str, list[str]]:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if c.isalpha() and c.isascii()), sorted(
        c for c in decomposed if unicodedata.combining(c) and c != "\u0308"
    )


_VOWEL_MARK_RE = _PATTERNS["vowel-mark"]


def _lookalikes(ctx: Context) -> Iterator[Hit]:
    """Look-alike marks on words that are pinyin in context: part of a name printed with its
    characters, next to characters, or next to another tone-marked pinyin word. `São Paulo`,
    `Lê Duẩn`, `Điện Biên Phủ` keep their own languages' marks."""
    from glossary.chars import HAN_RUN_RE

    for passage in ctx.document.passages:
        words = list(WORD_RE.finditer(passage.text))
        for i, match in enumerate(words):
            text = match.group(0)
            if not has_lookalikes(text):
                continue
            fixed = normalize_lookalikes(text)
            if not _is_pinyin_word(fixed):
                continue
            neighbours = [
                w.group(0)
                for w in (words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None)
                if w is not None
                and passage.text[
                    min(w.end(), match.end()) : max(w.start(), match.start())
                ].isspace()
            ]
            near_han = HAN_RUN_RE.search(passage.text[max(0, match.start() - 3) : match.end() + 3])
            if not near_han and not any(_fully_toned(normalize_lookalikes(n)) for n in neighbours):
                continue
            start, end = passage.span(match.start(), match.end())
            yield Hit(
                start,
                end,
                f"look-alike diacritic: '{text}' should be written '{fixed}' (pinyin tone marks "
                "are macron, acute, caron, grave)",
                ctx.fix(start, end, fixed) if ctx.contiguous(start, end, text) else None,
            )


def _fully_toned(word: str) -> bool:
    """Pinyin with a tone mark on every syllable, as a tone-marked name has (`Xiǎohóng`);
    French `Renée` or `Hélène` read as pinyin only with an unmarked syllable."""
    if not _is_pinyin_word(word):
        return False
    return all(
        any(all(s.tone for s in split) for split in all_splits(part, require_apostrophes=False))
        for part in word.split("-")
        if part
    )


def _is_pinyin_word(word: str) -> bool:
    """Tone-marked pinyin syllables, marks on vowels only (hyphens allowed)."""
    if not has_tone_marks(word) or not _marks_on_vowels(word):
        return False
    return all(all_splits(p, require_apostrophes=False) for p in word.split("-") if p)


def _marks_on_vowels(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    for i, char in enumerate(decomposed):
        if unicodedata.combining(char) and char != "\u0308":
            previous = decomposed[i - 1] if i else ""
            if previous.lower() not in "aeiouü" and previous != "̈":
                return False
    return True


def _macrons_only(text: str) -> bool:
    marks = [c for c in unicodedata.normalize("NFD", text) if c in "\u0300\u0301\u0304\u030c"]
    return bool(marks) and all(c == "\u0304" for c in marks)


def _invalid_syllable(ctx: Context) -> Iterator[Hit]:
    from glossary.check.knowledge import looks_like_pinyin_word

    for mention in ctx.paired(people_only=False):
        if mention.alignment is not None or not mention.toned:
            continue
        if _macrons_only(mention.latin):
            continue  # Hepburn marks long vowels with macrons: `Mō Takutō 毛沢東` is Japanese
        words = mention.words
        good = [w for w in words if looks_like_pinyin_word(normalize_lookalikes(w.text))]
        if not good:
            continue  # nothing here is pinyin (`José 何塞`)
        for word in words:
            if looks_like_pinyin_word(normalize_lookalikes(word.text)):
                continue
            if not has_tone_marks(word.text):
                continue  # only a word written with tone marks is meant as pinyin
            yield Hit(
                word.start,
                word.end,
                f"'{word.text}' is not made of valid pinyin syllables (next to {mention.hanzi})",
            )


RULES = (
    Rule(
        code="GL101",
        name="pinyin-mismatch",
        severity=Severity.ERROR,
        doc=(
            "A syllable printed next to characters must be a reading of its character (any "
            "reading counts in a given name). Tone-marked pinyin that does not match is an "
            "error; plain pinyin with one near miss (`Jiechei`) is a warning. A fix is offered "
            "when only one reading fits."
        ),
        bad="Foreign affairs chief Yáng Jiéchì 杨洁篪 spoke first.",
        good="Foreign affairs chief Yáng Jiéchí 杨洁篪 spoke first.",
        check=_pinyin_mismatch,
    ),
    Rule(
        code="GL102",
        name="surname-reading",
        severity=Severity.ERROR,
        doc=(
            "Many surnames read differently from the same character in ordinary words: 曾 is "
            "Zēng (not céng), 单 Shàn, 解 Xiè, 仇 Qiú, 区 Ōu, 查 Zhā, 朴 Piáo. The surname "
            "table decides; an ambiguous surname (乐 Yuè or Lè) accepts either reading."
        ),
        bad="The statesman Céng Guófān 曾国藩 raised an army.",
        good="The statesman Zēng Guófān 曾国藩 raised an army.",
        check=_surname_reading,
    ),
    Rule(
        code="GL201",
        name="split-name",
        severity=Severity.ERROR,
        doc=(
            "A pinyin given name is one word (`Jiéchí`, not `Jié Chí`), and so is a compound "
            "surname (`Ōuyáng`, not `Ōu Yáng`) (GB/T 28039 §5.1)."
        ),
        bad="Yáng Jié Chí 杨洁篪 met the delegation.",
        good="Yáng Jiéchí 杨洁篪 met the delegation.",
        check=_split_given,
    ),
    Rule(
        code="GL202",
        name="hyphenated-given-name",
        severity=Severity.ERROR,
        doc=(
            "Pinyin given names take no hyphen (`Jiéchí`, not `Jié-chí`); the hyphen is a "
            "Wade-Giles habit. Only reported when the name is clearly pinyin (tone marks, or the "
            "house glossary says so): `Chen Shui-bian` is not corrected."
        ),
        bad="Yáng Jié-chí 杨洁篪 met the delegation.",
        good="Chen Shui-bian 陈水扁 met the delegation.",
        check=_hyphenated_given,
    ),
    Rule(
        code="GL203",
        name="name-capitals",
        severity=Severity.ERROR,
        doc=(
            "Surname and given name each start with a capital and have no other: `Xí Jìnpíng`, "
            "not `Xí JìnPíng` or `xí jìnpíng`. An all-capitals surname (`YANG Jiechi`) and a "
            "name wholly in capitals are accepted."
        ),
        bad="Xí JìnPíng 习近平 spoke for an hour.",
        good="XI Jinping (习近平) spoke for an hour.",
        check=_capitals,
    ),
    Rule(
        code="GL204",
        name="missing-apostrophe",
        severity=Severity.WARNING,
        doc=(
            "Inside a word, a syllable starting with a, o or e follows an apostrophe, or the "
            "word reads differently (`Xī'ān`, `Píng'ān`) (GB/T 16159)."
        ),
        bad="The poet Lǐ Píngān 李平安 read first.",
        good="The poet Lǐ Píng'ān 李平安 read first.",
        check=_apostrophe,
    ),
    Rule(
        code="GL205",
        name="umlaut",
        severity=Severity.WARNING,
        doc=(
            "ü stays ü: 吕 is `Lǚ` (toneless `Lü`); `Lv` is always wrong and `Lu` reads as "
            "another syllable. A house that writes `Lu` or passport-style `Lyu` sets "
            '`umlaut = "u"` or `"yu"`.'
        ),
        bad="The writer Lv Xin 吕欣 replied.",
        good="The writer Lü Xin 吕欣 replied.",
        check=_umlaut,
    ),
    Rule(
        code="GL206",
        name="tone-mark-placement",
        severity=Severity.ERROR,
        doc=(
            "The tone mark goes on a or e when there is one, on the o of ou, otherwise on the "
            "last vowel: `Liú`, `Guì`, `Jié` — not `Líu`, `Gùi`, `Jíe`."
        ),
        bad="Professor Líu Xiǎobō 刘晓波 wrote it.",
        good="Professor Liú Xiǎobō 刘晓波 wrote it.",
        check=_tone_placement,
    ),
    Rule(
        code="GL207",
        name="look-alike-diacritic",
        severity=Severity.ERROR,
        doc=(
            "Pinyin tone marks are the macron, acute, caron and grave. Look-alikes such as the "
            "breve (`ă`, `ĭ`) for the caron (`ǎ`, `ǐ`) or a circumflex are typing slips that "
            "real articles contain; the fix puts in the right mark."
        ),
        bad="Premier Lĭ Kèqiáng 李克强 arrived.",
        good="Premier Lǐ Kèqiáng 李克强 arrived.",
        check=_lookalikes,
    ),
    Rule(
        code="GL208",
        name="invalid-syllable",
        severity=Severity.ERROR,
        doc=(
            "A tone-marked word printed with characters must be made of valid Mandarin "
            "syllables (`Jiéchíi` is not)."
        ),
        bad="Yáng Jiéchíi 杨洁篪 met the delegation.",
        good="Yáng Jiéchí 杨洁篪 met the delegation.",
        check=_invalid_syllable,
    ),
)
