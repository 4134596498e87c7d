"""Hanyu Pinyin syllables: parse, validate, convert and format (GB/T 16159, GB/T 28039).

Plain functions over plain strings; no third-party imports, so the CLI, the
checker and the look-up can use it at start-up for free.

Conventions:
- A `Syllable` is a toneless base (lowercase, ü written ``ü``) plus a tone
  1-4, or 0 when unmarked (neutral tone, or text written without tones).
- Input is accepted tone-marked (``Jié``), tone-numbered (``jie2``, ``lv3``,
  ``lu:3``) or plain; capitals do not matter.
- In a word, a syllable starting with a, o or e must follow an apostrophe
  unless it starts the word (``Xī'ān``); this is what makes splitting a
  written word into syllables unambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from glossary.records import NamedTuple
from glossary.resources import load_regexes

# Every standard Mandarin syllable (toneless), from the readings in pypinyin's
# character table, less interjection-only ones (m, n, ng, hm, hng, ê) that no
# name uses and that would make splitting words ambiguous.
_SYLLABLE_LIST = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca
cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu
chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de
dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa
fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui
hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke
kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng
li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe ma mai man mang mao
me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni
nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe o ou pa pai pan pang pao
pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu
qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang
sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan
shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian
tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian
xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you
yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen
zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun
zuo
"""
SYLLABLES: frozenset[str] = frozenset(_SYLLABLE_LIST.split())
_MAX_SYLLABLE = max(map(len, SYLLABLES))

# Combining marks for tones 1-4 (macron, acute, caron, grave).
_TONE_MARK = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}
_MARK_FOR_TONE = {tone: mark for mark, tone in _TONE_MARK.items()}
_DIAERESIS = "\u0308"
_VOWELS = "aeiouü"
# Look-alike diacritics seen in published text, mapped to the pinyin mark they imitate.
_LOOKALIKE_COMBINING = {
    "\u0306": "\u030c",  # breve (ă) for caron (ǎ)
    "\u0302": "\u030c",  # circumflex (â) for caron
    "\u0303": "\u0304",  # tilde (ã) for macron
    "\u0305": "\u0304",  # overline for macron
    "\u0341": "\u0301",  # deprecated acute tone mark
    "\u0340": "\u0300",  # deprecated grave tone mark
}
_LOOKALIKE_LETTERS = {"ɑ": "a", "ɡ": "g", "ı": "i"}
# the same as str.translate tables (the two maps share no key), and as one set to test against
_LOOKALIKE_TABLE = str.maketrans({**_LOOKALIKE_COMBINING, **_LOOKALIKE_LETTERS})
_LOOKALIKES = frozenset(_LOOKALIKE_COMBINING) | frozenset(_LOOKALIKE_LETTERS)
_TONE_MARKS = frozenset(_TONE_MARK)
_DROP_TONE_MARKS = str.maketrans(dict.fromkeys(_TONE_MARK))
_APOSTROPHES = "'’‘ʼ′"
# The module's patterns, compiled once into the user cache (glossary.resources.load_regexes).
_PATTERNS = load_regexes(
    "pinyin",
    {
        "syllable-token": r"([A-Za-zÜüÊêɑ:]+)([0-5])",
        "word-pieces": r"([" + _APOSTROPHES + r"0-5])",
        "v-for-u": r"(?i)(?<=[ln])v",
        "not-folded": r"[^0-9A-Za-z ]+",  # what ascii_fold drops (after NFD)
        "spaces": " +",
        "word": r"[^\W\d_]+(?:['’][^\W\d_]+)*",
    },
)
_SYLLABLE_TOKEN_RE = _PATTERNS["syllable-token"]
_WORD_PIECES_RE = _PATTERNS["word-pieces"]
_V_FOR_U_RE = _PATTERNS["v-for-u"]
_NOT_FOLDED_RE = _PATTERNS["not-folded"]
_SPACES_RE = _PATTERNS["spaces"]


class Syllable(NamedTuple):
    """A toneless base and a tone. (A NamedTuple rather than a frozen dataclass: the same
    fields, equality, order and hash, and nothing costly to define at import.)"""

    base: str  # toneless, lowercase, ü kept: "lü", "jie"
    tone: int  # 1-4; 0 = unmarked (neutral tone or toneless text)

    @property
    def marked(self) -> str:
        return mark_vowel(self.base, self.tone)

    @property
    def numbered(self) -> str:
        return f"{self.base}{self.tone or 5}"

    @property
    def plain(self) -> str:
        return self.base

    def __str__(self) -> str:
        return self.marked


# One letter of a pinyin word after normalisation: (lowercase base letter with ü kept, the
# tone mark it carries or 0). A plain tuple: words are split letter by letter.
_Letter = tuple[str, int]


@lru_cache(maxsize=4096)
def mark_vowel(base: str, tone: int) -> str:
    """Put the tone mark on the right vowel: a or e; the o of ou; else the last vowel."""
    if not tone:
        return base
    if "a" in base:
        index = base.index("a")
    elif "e" in base:
        index = base.index("e")
    elif "ou" in base:
        index = base.index("o")
    else:
        vowel_positions = [i for i, c in enumerate(base) if c in _VOWELS]
        if not vowel_positions:
            return base
        index = vowel_positions[-1]
    marked = unicodedata.normalize("NFC", base[index] + _MARK_FOR_TONE[tone])
    return base[:index] + marked + base[index + 1 :]


def _mark_index(base: str) -> int:
    return next(i for i, (a, b) in enumerate(zip(mark_vowel(base, 1), base, strict=True)) if a != b)


def normalize_lookalikes(text: str) -> str:
    """Replace look-alike diacritics (breve ``ă`` for caron ``ǎ`` ...) with pinyin tone marks."""
    if text.isascii():  # most words: no diacritic, no look-alike letter
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if _LOOKALIKES.isdisjoint(decomposed):
        return text
    return unicodedata.normalize("NFC", decomposed.translate(_LOOKALIKE_TABLE))


def has_tone_marks(text: str) -> bool:
    return not text.isascii() and not _TONE_MARKS.isdisjoint(unicodedata.normalize("NFD", text))


def has_lookalikes(text: str) -> bool:
    return normalize_lookalikes(text) != text


def _letters(word: str) -> list[_Letter] | None:
    """Split a (tone-marked) word into base letters with their tone marks.

    Returns None when the word holds something that cannot be pinyin.
    """
    letters: list[_Letter] = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONE_MARK:
            if not letters or letters[-1][1]:
                return None
            letters[-1] = (letters[-1][0], _TONE_MARK[char])
        elif char == _DIAERESIS:
            if not letters or letters[-1][0] != "u":
                return None
            letters[-1] = ("ü", letters[-1][1])
        elif char.isascii() and char.isalpha():
            letters.append((char.lower(), 0))
        else:
            return None
    return letters


def _normalize_ascii_umlaut(word: str) -> str:
    """``lu:3``, ``lv3``, ``LYU``-free spellings of ü -> ``ü`` (only where ü is possible)."""
    word = word.replace("u:", "ü").replace("U:", "Ü")
    if "v" in word or "V" in word:
        word = _V_FOR_U_RE.sub(lambda m: "Ü" if m.group(0) == "V" else "ü", word)
    return word


@lru_cache(maxsize=16384)
def parse_syllable(text: str, *, strict: bool = True) -> Syllable | None:
    """Parse one syllable: ``Jié``, ``jie2``, ``lv3``, ``lu:3``, ``lü``.

    With ``strict`` (the default) a tone mark must sit on the vowel the rules
    put it on; ``strict=False`` accepts it on any vowel of the syllable. (Kept per text:
    the romanizer parses the same few hundred syllables thousands of times.)
    """
    text = _normalize_ascii_umlaut(unicodedata.normalize("NFC", text.strip()))
    number = 0
    if text and text[-1] in "012345":
        number = int(text[-1]) % 5
        text = text[:-1]
    letters = _letters(text)
    if not letters:
        return None
    base = "".join(char for char, _ in letters)
    if base not in SYLLABLES:
        return None
    marks = [(i, tone) for i, (_, tone) in enumerate(letters) if tone]
    if len(marks) > 1 or (marks and number):
        return None
    if marks:
        index, tone = marks[0]
        if letters[index][0] not in _VOWELS:
            return None
        if strict and index != _mark_index(base):
            return None
        return Syllable(base, tone)
    return Syllable(base, number)


def _word_letters(word: str) -> list[tuple[_Letter, bool, int]] | None:
    """Letters of a word, each with 'an apostrophe precedes me' and a tone number if one follows.

    Tone numbers (``jie2chi2``) are attached to the letter before them.
    """
    word = _normalize_ascii_umlaut(unicodedata.normalize("NFC", word))
    out: list[tuple[_Letter, bool, int]] = []
    apostrophe = False
    for chunk in _WORD_PIECES_RE.split(word):
        if not chunk:
            continue
        if chunk in _APOSTROPHES:
            if not out or apostrophe:
                return None
            apostrophe = True
            continue
        if chunk.isdigit():
            if not out or out[-1][2]:
                return None
            letter, before, _ = out[-1]
            out[-1] = (letter, before, int(chunk) or 5)
            continue
        letters = _letters(chunk)
        if letters is None:
            return None
        for i, letter in enumerate(letters):
            out.append((letter, apostrophe and i == 0, 0))
        apostrophe = False
    if apostrophe:
        return None
    return out


# A written word longer than this is no pinyin (`Zhonghuarenmingongheguo` has 23 letters). Without
# the bound a long word overflows the recursion below (a 600-letter `aaa…`), and one of many
# ambiguous syllables (`XianXianXian…`: xian or xi an each time) has exponentially many readings.
_MAX_WORD_LETTERS = 48


def all_splits(word: str, *, require_apostrophes: bool = True) -> list[list[Syllable]]:
    """Every way to read a written word as a sequence of valid syllables.

    With ``require_apostrophes`` (the orthography rule) a syllable starting
    with a, o or e may only begin the word or follow an apostrophe; without it,
    missing apostrophes are tolerated (for finding them). An apostrophe must
    always fall on a syllable boundary. Tone numbers must end a syllable.
    Misplaced tone marks are accepted (the caller checks placement).
    """
    return [list(split) for split in _all_splits(word, require_apostrophes)]


@lru_cache(maxsize=16384)
def _all_splits(word: str, require_apostrophes: bool) -> tuple[tuple[Syllable, ...], ...]:
    """`all_splits`, kept per word: the checker asks about the same words many times."""
    if word.isascii() and word.isalpha() and "v" not in word and "V" not in word:
        # plain letters (most words): no ü spelt v, tone, apostrophe or number to read
        text = word.lower()
        n = len(text)
        if n > _MAX_WORD_LETTERS:
            return ()
        tones = [0] * n
        apostrophes = [False] * n
        numbers = [0] * n
    else:
        letters = _word_letters(word)
        if not letters or len(letters) > _MAX_WORD_LETTERS:
            return ()
        text = "".join(letter[0] for letter, _, _ in letters)
        tones = [letter[1] for letter, _, _ in letters]
        apostrophes = [before for _, before, _ in letters]
        numbers = [number for _, _, number in letters]
        n = len(text)
    memo: dict[int, tuple[tuple[Syllable, ...], ...]] = {n: ((),)}

    def from_position(start: int) -> tuple[tuple[Syllable, ...], ...]:
        found = memo.get(start)
        if found is not None:
            return found
        results: list[tuple[Syllable, ...]] = []
        for end in range(min(n, start + _MAX_SYLLABLE), start, -1):
            base = text[start:end]
            if base not in SYLLABLES:
                continue
            if any(apostrophes[start + 1 : end]):
                continue  # an apostrophe inside a syllable
            if any(numbers[start : end - 1]):
                continue  # a tone number inside a syllable
            if require_apostrophes and start > 0 and base[0] in "aoe" and not apostrophes[start]:
                continue
            marks = [tone for tone in tones[start:end] if tone]
            number = numbers[end - 1]
            if len(marks) > 1 or (marks and number):
                continue
            tone = marks[0] if marks else (number % 5)
            syllable = Syllable(base, tone)
            results.extend((syllable, *rest) for rest in from_position(end))
        memo[start] = found = tuple(results)
        return found

    return from_position(0)


def split_syllables(word: str, *, require_apostrophes: bool = True) -> list[Syllable] | None:
    """The reading of a written word as syllables, or None when it is not pinyin.

    ``Jiéchí`` -> jié chí; ``Xī'ān`` -> xī ān; ``xian`` -> xian (one syllable,
    since ``xi an`` would need an apostrophe). When several readings remain,
    the one with the fewest syllables (longest first) wins.
    """
    splits = all_splits(word, require_apostrophes=require_apostrophes)
    if not splits:
        return None
    return min(splits, key=len)


def tone_marks_well_placed(word: str, syllables: Sequence[Syllable]) -> bool:
    """Whether each tone mark in ``word`` sits on the vowel the rules choose."""
    expected = join_syllables(syllables)
    actual = unicodedata.normalize("NFC", word).lower()
    for apostrophe in _APOSTROPHES:
        actual = actual.replace(apostrophe, "")
    return expected.replace("'", "") == actual


def join_syllables(syllables: Sequence[Syllable], *, tones: bool = True) -> str:
    """One lowercase word, with an apostrophe before a non-initial a/o/e syllable."""
    parts = []
    for i, syllable in enumerate(syllables):
        text = syllable.marked if tones else syllable.base
        if i and syllable.base[0] in "aoe":
            text = "'" + text
        parts.append(text)
    return "".join(parts)


def capitalize(word: str) -> str:
    """Upper-case the first letter only (``ōuyáng`` -> ``Ōuyáng``)."""
    return word[:1].upper() + word[1:] if word else word


def format_name(
    surname: Sequence[Syllable], given: Sequence[Syllable], *, tones: bool = True
) -> str:
    """``Yáng Jiéchí``: surname and given name each one capitalised word."""
    words = [capitalize(join_syllables(surname, tones=tones))]
    if given:
        words.append(capitalize(join_syllables(given, tones=tones)))
    return " ".join(words)


def format_numbered(surname: Sequence[Syllable], given: Sequence[Syllable]) -> str:
    """``Yang2 Jie2chi2``: the numbered form of a name (neutral tone written 5)."""
    words = [capitalize("".join(s.numbered for s in surname))]
    if given:
        words.append(capitalize("".join(s.numbered for s in given)))
    return " ".join(words)


def strip_tones(text: str) -> str:
    """Remove tone marks, keep ü: ``Lǚ Xī'ān`` -> ``Lü Xi'an``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", decomposed.translate(_DROP_TONE_MARKS))


def ascii_fold(text: str) -> str:
    """A search key: lowercase ASCII letters only (``Lǚ Xī'ān`` -> ``lu xian``).

    Spaces are kept; apostrophes, hyphens, tone marks and the umlaut go.
    """
    lowered = normalize_lookalikes(text).lower()
    if not lowered.isascii():
        lowered = unicodedata.normalize("NFD", lowered)
    elif lowered.replace(" ", "").isalnum():
        return " ".join(lowered.split())  # plain words and spaces: nothing to drop (common)
    # kept: ASCII letters, digits and spaces (what c.isascii() and (c.isalnum() or c == " "))
    return _SPACES_RE.sub(" ", _NOT_FOLDED_RE.sub("", lowered)).strip()


def numbered_to_marked(text: str) -> str:
    """``yang2 jie2chi2`` -> ``yáng jiéchí``; tokens that are not pinyin stay as they are."""

    def convert(match: re.Match[str]) -> str:
        syllable = parse_syllable(match.group(0))
        if syllable is None:
            return match.group(0)
        marked = syllable.marked
        return capitalize(marked) if match.group(1)[:1].isupper() else marked

    return _SYLLABLE_TOKEN_RE.sub(convert, text)


def marked_to_numbered(text: str) -> str:
    """``Yáng Jiéchí`` -> ``Yang2 Jie2chi2``; words that are not pinyin stay as they are.

    In a word that carries tone marks, an unmarked syllable is neutral (``5``).
    """

    def convert(match: re.Match[str]) -> str:
        word = match.group(0)
        syllables = split_syllables(word)
        if not syllables:
            return word
        if has_tone_marks(word):  # neutral syllables of a toned word get 5
            numbered = "".join(s.numbered for s in syllables)
        else:
            numbered = "".join(s.base for s in syllables)
        return capitalize(numbered) if word[:1].isupper() else numbered

    return _PATTERNS["word"].sub(convert, text)
