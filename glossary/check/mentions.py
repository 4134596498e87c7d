"""Mentions: the Chinese names in a document, with their spans.

Four kinds, found per passage (see document.py):

- PAIRED: a Latin form next to Han characters, in any common layout: `Yáng Jiéchí 杨洁篪`,
  `Yang Jiechi (杨洁篪)`, `杨洁篪 (Yáng Jiéchí)`, `**Wáng Yì 王毅**`. When the Latin form
  reads as pinyin its syllables are aligned with the characters (`Alignment`).
- NAME: a Latin-only full name of a person the article introduced or the house glossary or
  CC-CEDICT knows (`Yang Jiechi`), including near spellings of an introduced person
  (`Yang Jiechei`, `Yang Jie-chi`).
- REVERSED: given name first (`Jiechi Yang`) for a person written surname first.
- SURNAME: the surname alone (`Yang said`) of a person the article mentions.

An English word that happens to be a surname (`He said`, `Long March`) is only a mention when
a person with that surname appears in the article, and a few such words never are.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache

from glossary.chars import HAN_RUN_RE, readings
from glossary.check.document import Document, Passage
from glossary.check.knowledge import (
    Knowledge,
    Person,
    SurnameFacts,
    fold_key,
    surname_spellings,
)
from glossary.pinyin import (
    Syllable,
    all_splits,
    has_tone_marks,
    normalize_lookalikes,
    strip_tones,
)
from glossary.records import NamedTuple, SlotRecord
from glossary.resources import load_regexes

_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_C = "\u0300-\u036f"
# The module's patterns, compiled once into the user cache (a dozen compiles cost a cold run
# a few milliseconds; see glossary.resources.load_regexes).
_PATTERNS = load_regexes(
    "check-mentions",
    {
        "word": rf"(?:[{_L}][{_C}]*)+(?:['’\-](?:[{_L}][{_C}]*)+)*",
        # English words that make a compound with a name before them (`Xi Jinping-led`,
        # `Xi-era`). No romanization of Chinese ends in `d`, so any `-...d` tail (`-backed`,
        # `-appointed`) is English; the others are listed.
        "compound-tail": (
            r"-(?:[a-z]+d|era|style|like|type|friendly|leaning|ism|ist|ists|ite|ites|esque|wing)$"
        ),
        # between a Latin form and the characters after it; after characters, before a Latin
        # form; after that form
        "gap-before": r"\s{0,2}[(（]?\s{0,2}",
        "open-after": r"\s{0,2}[(（]\s{0,2}",
        "close-after": r"\s{0,2}[)）,;，]",
        # a run of initials: `C. Y.`, `C.Y.`, `C Y` before a name word
        "initials": r"\b[A-Z](?:\.\s?|\s)(?:[A-Z](?:\.\s?|\s))*(?=[A-Z])",
        "hyphened": r"-([a-z]+)",
        # a description set after a name that brings someone new in: `Yi Wang, a political
        # scientist`
        "introduced": r",\s+(?:an?|who)\s+[a-z]",
        "described": r",\s+(?:an?|who|the|his|her)\s+[a-z]",
        # what makes a name its own person's: a description, an age or characters right after
        # it, or other names beside it (a list of people: `Zhang Wen, Zhang Min and ...`)
        "own-introduction": (
            r"\s*(?:,\s*(?:(?:an?|who|the|his|her|their)\b|\d|[A-Z])|\(|\s(?:and|or|&)\s+[A-Z])"
        ),
    },
)
WORD_RE = _PATTERNS["word"]

# Surnames that are also everyday English words: never a surname-only mention on their own.
ENGLISH_WORD_SURNAMES = frozenset(
    [
        "He", "Long", "Sun", "Song", "Fan", "Ban", "Man", "Ding", "Gang", "Hang", "Tang",
        "Bo", "Mo", "Ma", "Bi", "Ye", "You", "Le", "Pan", "Pin", "Tan", "Yin", "Wan", "Chin",
        "King", "Wing", "Lee", "Lang", "Sang", "Chi", "Ai", "An", "Bing", "Dong", "Gong",
        "Hong", "Fang", "Fu", "Gu", "Ha", "Meng", "Ping", "Ran", "Rong", "Run", "Sha", "She",
        "Shen", "Tai", "Tong", "Tu",
    ]
)  # fmt: skip

# A name followed by one of these names a thing, not a person: `Sun Yat-sen University`.
INSTITUTION_WORDS = frozenset(
    [
        "Causeway",
        "Cottage",
        "Village",
        "Garden",
        "Gardens",
        "Temple",
        "Pagoda",
        "Lake",
        "River",
        "Mountain",
        "Mountains",
        "Hill",
        "Gate",
        "Palace",
        "Tomb",
        "Tombs",
        "Lane",
        "Alley",
        "Market",
        "Canal",
        "Island",
        "Bay",
        "Valley",
        "Pavilion",
        "Monastery",
        "Residence",
        "Mansion",
        "House",
        "Fort",
        "Dam",
        "Port",
        "Harbour",
        "Harbor",
        "Town",
        "County",
        "District",
        "Province",
        "City",
        "Prefecture",
        "Cave",
        "Caves",
        "Grottoes",
        "Peak",
        "Dynasty",
        "Clan",
        "Family",
        "University",
        "College",
        "School",
        "Institute",
        "Academy",
        "Road",
        "Street",
        "Avenue",
        "Boulevard",
        "Square",
        "Park",
        "Memorial",
        "Mausoleum",
        "Hospital",
        "Foundation",
        "Prize",
        "Award",
        "Center",
        "Centre",
        "Library",
        "Museum",
        "Stadium",
        "Bridge",
        "Station",
        "Airport",
        "Hall",
        "Building",
        "Tower",
        "Lecture",
        "Lectures",
        "Thought",
        "Theory",
        "Group",
        "Company",
        "Corporation",
        "Holdings",
        "Laboratories",
        "Fund",
        "Trust",
        "Society",
        "Era",
    ]
)

# Titles and roles before a name (`Secretary Regina Ip Lau`): not part of the name.
ROLE_WORDS = frozenset(
    [
        "President",
        "Premier",
        "Minister",
        "Secretary",
        "Chief",
        "Executive",
        "Vice",
        "General",
        "Director",
        "Governor",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Mayor",
        "Ambassador",
        "Envoy",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Professor",
        "Dr",
        "Mr",
        "Ms",
        "Mrs",
        "Leader",
        "Chancellor",
        "King",
        "Queen",
        "Prince",
        "Emperor",
        "General",
        "Admiral",
        "Commissioner",
        "Judge",
        "Justice",
        "Senator",
        "Representative",
        "Legislator",
        "Lawmaker",
        "Deputy",
        "Foreign",
        "Defence",
        "Defense",
        "Finance",
        "Prime",
    ]
)

SPEECH_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "noted",
        "wrote",
        "argued",
        "explained",
        "asked",
        "replied",
        "insisted",
        "warned",
        "stressed",
        "claimed",
        "stated",
        "responded",
    ]
)
TITLES = frozenset(
    [
        "Mr",
        "Mr.",
        "Ms",
        "Ms.",
        "Mrs",
        "Mrs.",
        "Dr",
        "Dr.",
        "Prof",
        "Prof.",
        "Professor",
        "Madam",
        "Madame",
    ]
)


class Kind(enum.Enum):
    PAIRED = "paired"
    TONED = "toned"  # tone-marked pinyin without characters: `Yáng Jiéchí`
    CHARS = "chars"  # characters alone (a Chinese quotation): `王毅表示`
    NAME = "name"
    REVERSED = "reversed"
    SURNAME = "surname"


class Word(NamedTuple):
    text: str
    start: int  # file offsets
    end: int
    p_start: int  # offsets in the passage's joined text
    p_end: int

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def toned(self) -> bool:
        return _is_toned(self.text)


class SyllableMatch(NamedTuple):
    """One written syllable aligned with its character."""

    written: Syllable
    char: str
    word_index: int  # which word of the Latin form it belongs to
    reading_ok: bool  # the base is a reading of the character (tone too, when marked)
    base_ok: bool  # the base is a reading of the character, whatever the tone


class Alignment(NamedTuple):
    """How a Latin form's syllables line up with the characters printed beside it."""

    words: tuple[Word, ...]
    splits: tuple[tuple[Syllable, ...], ...]  # syllables of each word (hyphens dropped)
    matches: tuple[SyllableMatch, ...]
    surname_words: int  # how many leading words spell the surname (1; 2 for `Ou Yang`)
    surname_chars: int  # how many leading characters are the surname

    @property
    def base_matched(self) -> int:
        return sum(m.base_ok for m in self.matches)


class Mention(SlotRecord):
    """One mention of a name. Mutable: `find_mentions` fills in the person and more.

    A plain class with slots rather than a dataclass (defining one costs about a millisecond
    at every start), with a dataclass's constructor, field equality and repr (the passage
    left out of the repr)."""

    __slots__ = (  # noqa: RUF023 (the fields' order: the constructor's, the repr's)
        "kind",
        "start",  # file offsets of the whole mention
        "end",
        "words",  # the Latin form's words
        "hanzi",
        "hanzi_start",
        "hanzi_end",
        "layout",  # "latin-first" | "han-first" for PAIRED
        "alignment",
        "person_key",  # which person (set by `find_mentions`)
        "known",  # house glossary or CC-CEDICT record
        "is_person",
        "passage",
        "reversed",  # PAIRED, given name first: `Jiéchí Yáng 杨洁篪`
        "partial",  # PAIRED, the name cut from a longer run (`王毅外长`, `蔡元培故居`)
    )
    _REPR_HIDDEN = ("passage",)

    def __init__(
        self,
        kind: Kind,
        start: int,
        end: int,
        words: tuple[Word, ...] = (),
        hanzi: str = "",
        hanzi_start: int = -1,
        hanzi_end: int = -1,
        layout: str = "",
        alignment: Alignment | None = None,
        person_key: str = "",
        known: Person | None = None,
        is_person: bool = True,
        passage: Passage | None = None,
        reversed: bool = False,
        partial: bool = False,
    ) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.words = words
        self.hanzi = hanzi
        self.hanzi_start = hanzi_start
        self.hanzi_end = hanzi_end
        self.layout = layout
        self.alignment = alignment
        self.person_key = person_key
        self.known = known
        self.is_person = is_person
        self.passage = passage
        self.reversed = reversed
        self.partial = partial

    @property
    def latin(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def latin_start(self) -> int:
        return self.words[0].start if self.words else self.start

    @property
    def latin_end(self) -> int:
        return self.words[-1].end if self.words else self.end

    @property
    def toned(self) -> bool:
        return any(w.toned for w in self.words)

    @property
    def pinyin(self) -> bool:
        """The Latin form reads as the characters' pinyin (aligned, syllables match)."""
        return self.alignment is not None


_COMPOUND_TAIL_RE = _PATTERNS["compound-tail"]


def _words(passage: Passage) -> list[Word]:
    """Latin words of a passage; a possessive `'s` is not part of the word (`Wang's`), nor
    an English word hyphenated to it (`Jinping-led`)."""
    out = []
    # a passage that is one stretch of the file maps offsets by addition (most of them)
    if len(passage.piece_starts) == 1 and passage.piece_real[0]:
        offset, span = passage.piece_offsets[0], None
    else:
        offset, span = 0, passage.span
    for match in WORD_RE.finditer(passage.text):
        text = match.group()
        p_start = match.start()
        # (a word holds no newline: `$` is its end; the searches only where they can match)
        if len(text) > 2 and text[-1] == "s" and text[-2] in "'’":
            text = text[:-2]
        if "-" in text:
            tail = _COMPOUND_TAIL_RE.search(text)
            if tail and tail.start() > 0:
                text = text[: tail.start()]
        p_end = p_start + len(text)
        if span is None:
            out.append(Word(text, offset + p_start, offset + p_end, p_start, p_end))
        else:
            start, end = span(p_start, p_end)
            out.append(Word(text, start, end, p_start, p_end))
    return out


def _single_space(passage: Passage, a: Word, b: Word) -> bool:
    gap = passage.text[a.p_end : b.p_start]
    return 0 < len(gap) <= 3 and gap.isspace() and gap.count("\n") <= 1


def _name_word(word: Word) -> bool:
    return word.capitalized or (word.toned and word.text[:1].isalpha())


@lru_cache(maxsize=16384)
def _is_toned(text: str) -> bool:
    return has_tone_marks(normalize_lookalikes(text))


def _syllable_options(word: str) -> list[list[Syllable]]:
    return [list(option) for option in _syllable_options_cached(word)]


@lru_cache(maxsize=16384)
def _syllable_options_cached(word: str) -> tuple[tuple[Syllable, ...], ...]:
    """Readings of a written word as syllables; hyphenated parts read one by one."""
    word = normalize_lookalikes(unicodedata.normalize("NFC", word))
    parts = [p for p in word.split("-") if p]
    if not parts:
        return ()
    combos: list[list[Syllable]] = [[]]
    for part in parts:
        splits = all_splits(part, require_apostrophes=False)
        if not splits:
            return ()
        combos = [c + s for c in combos for s in splits[:8]][:32]
    return tuple(tuple(c) for c in combos)


def _char_fit(
    syllable: Syllable, char: str, surname_readings: Sequence[Syllable]
) -> tuple[bool, bool]:
    options = list(readings(char)) + list(surname_readings)
    bases = {r.base for r in options}
    base_ok = syllable.base in bases or (
        syllable.base.replace("ü", "u") in {b.replace("ü", "u") for b in bases}
        and "ü" not in syllable.base
    )
    if syllable.tone == 0:
        return syllable.base in bases, base_ok
    return any(r.base == syllable.base and r.tone == syllable.tone for r in options), base_ok


def align(words: Sequence[Word], hanzi: str) -> Alignment | None:
    """Align a Latin form with its characters, or None if it does not read as their pinyin."""
    from glossary.check.knowledge import surname_of, surname_prefixes

    n = len(hanzi)
    options = [_syllable_options(w.text) for w in words]
    if any(not o for o in options):
        return None
    prefixes = surname_prefixes(hanzi)
    best: tuple[tuple[int, int], Alignment] | None = None

    def search(
        index: int, chosen: list[list[Syllable]], count: int
    ) -> Iterator[list[list[Syllable]]]:
        if count > n:
            return
        if index == len(words):
            if count == n:
                yield list(chosen)
            return
        for option in options[index]:
            chosen.append(option)
            yield from search(index + 1, chosen, count + len(option))
            chosen.pop()

    for combo in search(0, [], 0):
        first_len = len(combo[0])
        surname_chars = first_len if any(len(s.hanzi) == first_len for s in prefixes) else 1
        compound = max((len(s.hanzi) for s in prefixes), default=0)
        if compound >= 2 and n > compound:
            surname_chars = compound  # 司马迁 is Sīmǎ Qiān however it is printed (`Si Maqian`)
        if (
            len(words) >= 3
            and first_len == 1
            and len(combo[1]) == 1
            and any(len(s.hanzi) == 2 for s in prefixes)
        ):
            surname_chars = 2  # `Ou Yang Xiu` (a split compound surname)
        surname = surname_of(hanzi[:surname_chars])
        matches = []
        flat = [(i, s) for i, option in enumerate(combo) for s in option]
        for k, (word_index, syllable) in enumerate(flat):
            extra: Sequence[Syllable] = ()
            if surname is not None and k < surname_chars:
                extra = [reading[k] for reading in surname.readings]
            ok, base_ok = _char_fit(syllable, hanzi[k], extra)
            matches.append(SyllableMatch(syllable, hanzi[k], word_index, ok, base_ok))
        surname_words = (
            2
            if surname_chars == 2 and first_len == 1 and len(combo) >= 3 and len(combo[1]) == 1
            else 1
        )
        alignment = Alignment(
            tuple(words),
            tuple(tuple(o) for o in combo),
            tuple(matches),
            surname_words,
            surname_chars,
        )
        score = (alignment.base_matched, sum(m.reading_ok for m in matches))
        if best is None or score > best[0]:
            best = (score, alignment)
    return best[1] if best else None


def _edit_distance_one(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def plausible_pinyin(alignment: Alignment, toned: bool) -> bool:
    """Whether a form aligned with its characters is meant as their pinyin.

    Tone marks make it certain. Without them a Wade-Giles or Cantonese spelling can happen to
    be made of valid pinyin syllables (`Chou En-lai` 周恩来), so the form counts as pinyin only
    when it has no hyphen and every syllable is a reading of its character but at most one,
    which must then be a near miss (`Jiechei` for 篪 chí...), the kind of typo an editor means.
    """
    if toned:
        return alignment.base_matched >= max(1, len(alignment.matches) - 1) or all(
            m.base_ok or _near(m) for m in alignment.matches
        )
    if any("-" in w.text for w in alignment.words):
        return alignment.base_matched == len(alignment.matches)
    misses = [m for m in alignment.matches if not m.base_ok]
    if not misses:
        return True
    return len(misses) == 1 and len(alignment.matches) >= 2 and _near(misses[0])


def _near(match: SyllableMatch) -> bool:
    """A typo-like miss: one letter from a reading, and not that reading in another system
    (`Chen` for 震 zhèn is Wade-Giles, not a slip)."""
    written = match.written.base
    options = readings(match.char)
    if any(written in _other_spellings(r.base) for r in options):
        return False
    return any(_edit_distance_one(written, r.base) for r in options)


# Initials and finals as Wade-Giles (without apostrophes), Yale and postal spellings write them.
_OTHER_INITIALS = {
    "zh": ("ch", "j"),
    "ch": ("ch",),
    "j": ("ch", "j"),
    "q": ("ch",),
    "x": ("hs", "s"),
    "z": ("ts", "tz", "dz"),
    "c": ("ts", "tz"),
    "g": ("k",),
    "k": ("k",),
    "b": ("p",),
    "p": ("p",),
    "d": ("t",),
    "t": ("t",),
    "r": ("j", "y"),
    "sh": ("sh",),
    "s": ("ss", "sz"),
}
_OTHER_FINALS = {"ong": ("ung",), "ian": ("ien",), "e": ("o", "eh"), "ie": ("ieh",), "ui": ("uei",)}


@cache
def _other_spellings(base: str) -> frozenset[str]:
    """Other romanizations of a pinyin syllable that differ from it by a letter or two."""
    out = set()
    for initial, replacements in _OTHER_INITIALS.items():
        if base.startswith(initial):
            for replacement in replacements:
                out.add(replacement + base[len(initial) :])
    for final, replacements in _OTHER_FINALS.items():
        if base.endswith(final):
            for replacement in replacements:
                stem = base[: -len(final)]
                out.add(stem + replacement)
                out.update(o[: -len(final)] + replacement for o in list(out) if o.endswith(final))
    out.discard(base)
    return frozenset(out)


_GAP_BEFORE_RE = _PATTERNS["gap-before"]
_OPEN_AFTER_RE = _PATTERNS["open-after"]
_CLOSE_AFTER_RE = _PATTERNS["close-after"]


def _paired_in(passage: Passage, words: list[Word], knowledge: Knowledge) -> list[Mention]:
    text = passage.text
    out: list[Mention] = []
    for run in HAN_RUN_RE.finditer(text):
        rs, re_ = run.start(), run.end()
        hanzi = run.group(0)
        if len(hanzi) < 2:
            continue
        h_start, h_end = passage.span(rs, re_)
        # words are in text order: bisect, slice nothing (a long passage made this quadratic)
        n_before = bisect.bisect_right(words, rs, key=lambda w: w.p_end)
        candidates: list[tuple[str, list[Word]]] = []
        if n_before:
            last = words[n_before - 1]
            gap = text[last.p_end : rs]
            if _GAP_BEFORE_RE.fullmatch(gap) and _name_word(last):
                chain = [last]
                for w in (words[j] for j in range(n_before - 2, -1, -1)):
                    if (
                        len(chain) >= 5
                        or not _name_word(w)
                        or not (
                            _single_space(passage, w, chain[0])
                            or _initial_before(passage, w, chain[0])
                        )
                    ):
                        break
                    chain.insert(0, w)
                candidates.append(("latin-first", chain))
        after_match = _OPEN_AFTER_RE.match(text, re_)
        if after_match:
            start_after = after_match.end()
            chain = []
            first = bisect.bisect_left(words, start_after, key=lambda w: w.p_start)
            for w in (words[j] for j in range(first, len(words))):
                if not chain and w.p_start != start_after:
                    break
                if chain and not _single_space(passage, chain[-1], w):
                    break
                if not _name_word(w) or len(chain) >= 5:
                    chain = [] if not _name_word(w) and not chain else chain
                    break
                chain.append(w)
            if chain and _CLOSE_AFTER_RE.match(text, chain[-1].p_end):
                candidates.append(("han-first", chain))
        if not candidates:
            continue
        mention = None
        if len(hanzi) <= 5:
            mention = _best_pairing(candidates, hanzi, h_start, h_end, knowledge, passage)
        if (
            len(hanzi) > 2
            and (mention is None or (mention.alignment is None and mention.known is None))
            and not any(_spells_whole_run(chain, hanzi) for _, chain in candidates)
        ):
            # the run holds more than the name (`王毅外长`): the word next to the Latin form,
            # as jieba cuts it with the house glossary as its user dictionary
            for layout, chain in candidates:
                part = _name_part(hanzi, layout, knowledge)
                if part is None:
                    continue
                offset, name = part
                start, end = passage.span(rs + offset, rs + offset + len(name))
                better = _best_pairing([(layout, chain)], name, start, end, knowledge, passage)
                # only when the Latin form is this name's (its pinyin or a known form): in
                # `Du Fu Thatched Cottage (杜甫草堂)` the Latin words beside 杜甫 are not his
                if better is not None and (
                    better.alignment is not None
                    or (
                        better.known is not None
                        and any(_same_form(better.latin, f) for f in better.known.forms)
                    )
                ):
                    mention = better
                    mention.partial = True
                    break
        if mention is not None:
            mention.passage = passage
            out.append(mention)
    return out


def _spells_whole_run(chain: list[Word], hanzi: str) -> bool:
    """Whether the Latin words beside a Han run are one pinyin syllable per character.

    Then the run is the name itself, misspelt (`Jiā Guìdé 贾桂德`), not a name inside
    longer text: no need to segment it (loading jieba costs a second or two).
    """
    from glossary.pinyin import split_syllables

    count = 0
    for word in chain:
        syllables = split_syllables(word.text)
        if syllables is None:
            return False
        count += len(syllables)
    return count == len(hanzi)


def _name_part(hanzi: str, layout: str, knowledge: Knowledge) -> tuple[int, str] | None:
    """(offset, word): the word of a Han run that touches the Latin form beside it.

    A surname that jieba cut off its given name (`王` + `毅`) is joined back.
    """
    from glossary.check.knowledge import surname_of

    words = knowledge.segment(hanzi)
    if len(words) < 2:
        return None
    if layout == "latin-first":
        first = words[0]
        if len(first) == 1 and surname_of(first) and len(words[1]) <= 2:
            first += words[1]
        return (0, first) if 2 <= len(first) <= 4 else None
    last = words[-1]
    if len(words) >= 2 and len(words[-2]) == 1 and surname_of(words[-2]) and len(last) <= 2:
        last = words[-2] + last
    return (len(hanzi) - len(last), last) if 2 <= len(last) <= 4 else None


class _Spans:
    """Spans already taken by mentions. `free` looks at the few spans that can overlap the
    one asked about, not at every span: an article naming people thousands of times made lint
    quadratic in its mentions."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        self._longest = max(self._longest, end - start)

    def free(self, start: int, end: int) -> bool:
        """Whether no span (a, b) overlaps: all(end <= a or start >= b)."""
        # an overlapping span starts before `end` and, being at most `_longest` long, after
        # `start - _longest`
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return all(self._ends[i] <= start for i in range(lo, hi))


def _characters_only(
    passages_words: list[tuple[Passage, list[Word]]], taken: list[Mention], knowledge: Knowledge
) -> list[Mention]:
    """House-glossary people named in characters alone (`……王毅表示`), found with jieba."""
    if knowledge.glossary is None or not knowledge.house_people:
        return []
    spans = _Spans((m.start, m.end) for m in taken)
    out: list[Mention] = []
    for passage, _ in passages_words:
        for run in HAN_RUN_RE.finditer(passage.text):
            if len(run.group(0)) < 2 or not knowledge.names_house_hanzi(run.group(0)):
                continue
            start, end = passage.span(run.start(), run.end())
            if not spans.free(start, end):
                continue
            offset = 0
            for word in knowledge.segment(run.group(0)):
                people = knowledge.house_by_hanzi(word) if len(word) >= 2 else []
                if people:
                    w_start, w_end = passage.span(
                        run.start() + offset, run.start() + offset + len(word)
                    )
                    out.append(
                        Mention(
                            Kind.CHARS,
                            w_start,
                            w_end,
                            (),
                            word,
                            w_start,
                            w_end,
                            known=people[0],
                            passage=passage,
                        )
                    )
                offset += len(word)
    return out


def _best_pairing(
    candidates: list[tuple[str, list[Word]]],
    hanzi: str,
    h_start: int,
    h_end: int,
    knowledge: Knowledge,
    passage: Passage | None = None,
) -> Mention | None:
    from glossary.check.knowledge import surname_prefixes

    known = knowledge.by_hanzi(hanzi)
    for layout, chain in candidates:
        # 1. pinyin of these characters
        best: Alignment | None = None
        for k in range(1, len(chain) + 1):
            suffix = chain[-k:] if layout == "latin-first" else chain[:k]
            if sum(len(w.text) for w in suffix) > 12 * len(hanzi):
                break
            alignment = align(suffix, hanzi)
            if alignment is None:
                continue
            if not plausible_pinyin(alignment, any(w.toned for w in suffix)):
                continue
            if best is None or alignment.base_matched > best.base_matched:
                best = alignment
        if best is not None:
            person = known[0] if known else None
            return _paired(layout, list(best.words), hanzi, h_start, h_end, best, person)
        # 1b. given name first (`Jiéchí Yáng 杨洁篪`): the two words swapped read as the pinyin
        if len(chain) >= 2:
            pair = chain[-2:] if layout == "latin-first" else chain[:2]
            swapped = align([pair[1], pair[0]], hanzi)
            if (
                swapped is not None
                and swapped.base_matched == len(swapped.matches)
                and len(swapped.splits[0]) == swapped.surname_chars
                and surname_prefixes(hanzi)
            ):
                person = known[0] if known else None
                mention = _paired(layout, pair, hanzi, h_start, h_end, swapped, person)
                mention.reversed = True
                return mention
        # 2. a known English form (house glossary), longest first; or a known person's
        # pinyin written in place of the house's established form (`Cai Yingwen`)
        for k in range(len(chain), 0, -1):
            suffix = chain[-k:] if layout == "latin-first" else chain[:k]
            latin = " ".join(w.text for w in suffix)
            for person in known:
                if any(_same_form(latin, f) for f in person.forms) or (
                    person.pinyin and fold_key(latin) == fold_key(person.pinyin)
                ):
                    return _paired(layout, suffix, hanzi, h_start, h_end, None, person)
    # 4. some other Latin form (Wade-Giles, Cantonese, an English given name): keep the
    # nearest words, at most as many as a name has
    for layout, chain in candidates:
        words = [w for w in chain if w.capitalized]
        if not words:
            continue
        own = _western_style_name(words, hanzi, passage, knowledge)
        if layout == "latin-first" and own is not None:
            return _paired(layout, own, hanzi, h_start, h_end, None, known[0] if known else None)
        # as many words as the name has characters (`Kim Jong Un` 金正恩), less leading titles
        size = max(2, min(len(hanzi), 4))
        suffix = words[-size:] if layout == "latin-first" else words[:size]
        while len(suffix) > 2 and suffix[0].text.rstrip(".") in ROLE_WORDS:
            suffix = suffix[1:]
        return _paired(layout, suffix, hanzi, h_start, h_end, None, known[0] if known else None)
    return None


_INITIALS_RE = _PATTERNS["initials"]  # `C. Y.`, `C.Y.`, `C Y` before a name word


def _initial_before(passage: Passage, initial: Word, nxt: Word) -> bool:
    """`C.` before `Y.` or `Leung`: an initial and its full stop, then the next word."""
    gap = passage.text[initial.p_end : nxt.p_start]
    return len(initial.text) == 1 and initial.text.isupper() and gap in (".", ". ")


def _western_style_name(
    words: list[Word], hanzi: str, passage: Passage | None, knowledge: Knowledge
) -> list[Word] | None:
    """The name in the capitalised words before a person's characters, as far back as the
    characters allow: the word that spells their surname (pinyin, Wade-Giles, the house
    glossary's form, else any surname spelling, e.g. Cantonese `Lau` for 劉), the given-name
    words after it, and before it initials (`C. Y. Leung`) or at most one given name:
    `Democrat Emily Lau (劉慧卿)` is Emily Lau, `Emily Lau Wai-hing` keeps its English name.
    None when no word spells a surname (then the caller keeps as many words as characters)."""
    from glossary.check.knowledge import surname_prefixes

    if not 2 <= len(hanzi) <= 4 or passage is None:
        return None
    surnames = surname_prefixes(hanzi)
    if not surnames:
        return None
    strong = [i for i, w in enumerate(words) if _spells_surname_of(w.text, surnames, knowledge)]
    weak = [i for i, w in enumerate(words) if _surname_spelling(w.text)]
    if not strong and not weak:
        return None
    index = (strong or weak)[0]
    titles = ROLE_WORDS | {t.rstrip(".") for t in TITLES}

    def initial(word: Word) -> bool:
        return len(word.text) == 1 and word.text.isupper()

    start = index
    while start > 0 and initial(words[start - 1]):
        start -= 1  # initials
    if start < index and start > 0 and words[start - 1].text.rstrip(".") not in titles:
        return words[index:]  # `Plan B. Chan Tai-man`: the letter ends a phrase before it
    if start == index and index > 0:
        before = words[index - 1]
        if before.text.rstrip(".") not in titles and not initial(before):
            start = index - 1
    return words[start:]


def _spells_surname_of(word: str, surnames: Sequence[SurnameFacts], knowledge: Knowledge) -> bool:
    """Whether a written word is one of these surnames in pinyin, in Wade-Giles or postal
    spelling (`Tsai` for 蔡 cài), or as a house glossary person with that surname writes it."""
    key = _toneless(word).casefold().replace("ü", "u").replace("’", "'")
    for facts in surnames:
        for reading in facts.readings:
            pinyin = "".join(s.base for s in reading).replace("ü", "u")
            if key == pinyin or (len(reading) == 1 and key in _other_spellings(pinyin)):
                return True
        if any(p.hanzi.startswith(facts.hanzi) for p in knowledge.house_by_surname(word)):
            return True
    return False


def _same_form(a: str, b: str) -> bool:
    """The same form up to spacing, capitals, the apostrophe's shape and how initials are
    written (`C. Y. Leung`, `C.Y. Leung`, `CY Leung`)."""

    def norm(s: str) -> str:
        s = join_initials(s)
        return " ".join(unicodedata.normalize("NFC", s).replace("’", "'").split()).casefold()

    return norm(a) == norm(b)


def join_initials(text: str) -> str:
    """Initials written as one word: `C. Y. Leung`, `C.Y. Leung`, `C Y Leung` -> `CY Leung`."""
    return _INITIALS_RE.sub(lambda m: m.group(0).replace(".", "").replace(" ", ""), text)


def _paired(
    layout: str,
    words: Sequence[Word],
    hanzi: str,
    h_start: int,
    h_end: int,
    alignment: Alignment | None,
    known: Person | None,
) -> Mention:
    start = min(words[0].start, h_start)
    end = max(words[-1].end, h_end)
    return Mention(
        Kind.PAIRED,
        start,
        end,
        tuple(words),
        hanzi,
        h_start,
        h_end,
        layout,
        alignment,
        known=known,
    )


@cache
def _romanized_surnames() -> frozenset[str]:
    """Surname spellings that are not pinyin (dictionaries/romanized-surnames.txt)."""
    from glossary.resources import dictionaries_dir

    path = dictionaries_dir() / "romanized-surnames.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(
        line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")
    )


def _surname_spelling(word: str) -> bool:
    """Whether a written word can be a surname: pinyin (toneless) or a listed other spelling."""
    first = _toneless(word).split("-")[0].casefold().replace("ü", "u")
    return first in _romanized_surnames() or first in _plain_surname_spellings()


@cache
def _plain_surname_spellings() -> frozenset[str]:
    return frozenset(s.replace("ü", "u") for s in surname_spellings())


def _looks_like_person(mention: Mention, knowledge: Knowledge) -> bool:
    """Whether a PAIRED mention names a person, not a place, a body or a term."""
    from glossary.check.knowledge import surname_prefixes

    if mention.known is not None:
        return True
    if not 2 <= len(mention.hanzi) <= 4 or not surname_prefixes(mention.hanzi):
        return False
    capitalized = [w for w in mention.words if w.capitalized]
    if len(capitalized) < 2:
        return False
    alignment = mention.alignment
    if alignment is None and not any(_surname_spelling(w.text) for w in capitalized):
        return False  # `White Paper Movement (白纸运动)`: no word of it is a surname
    if any(w.text in INSTITUTION_WORDS for w in mention.words):
        return False  # `Su Causeway (苏堤)`, `Chen Village (陈家沟)`: places named after people
    if knowledge.house_terms(mention.hanzi) or knowledge.is_word(mention.hanzi):
        return False
    if alignment is None:
        return True  # a non-pinyin form such as `Agnes Chow 周庭` or `Ko Wen-je 柯文哲`
    if len(alignment.words) < 2:
        return False
    first = len(alignment.splits[0])
    # the first word spells the surname, or part of a compound one (`Si Maqian`, reported by
    # GL201), or a hyphenated double surname (`Zhāng-Wáng Shūfāng`); not `Xinhua She`
    return (
        first <= alignment.surname_chars
        or alignment.surname_words == 2
        or "-" in alignment.words[0].text
    )


class PersonInfo(SlotRecord):
    """Everything the article says about one person.

    A plain class with slots and a dataclass's constructor, field equality and repr (see
    `Mention`)."""

    __slots__ = (  # noqa: RUF023 (the fields' order: the constructor's, the repr's)
        "key",
        "mentions",
        "known",
        "hanzi",
        "surname",  # the surname as printed, toneless ("Yang")
        "given",
        "is_pinyin",  # introduced in pinyin (or the glossary says so)
    )

    def __init__(
        self,
        key: str,
        mentions: list[Mention] | None = None,
        known: Person | None = None,
        hanzi: str = "",
        surname: str = "",
        given: str = "",
        is_pinyin: bool = False,
    ) -> None:
        self.key = key
        self.mentions: list[Mention] = [] if mentions is None else mentions
        self.known = known
        self.hanzi = hanzi
        self.surname = surname
        self.given = given
        self.is_pinyin = is_pinyin

    @property
    def full_mentions(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind in (Kind.PAIRED, Kind.TONED, Kind.NAME)]

    @property
    def first(self) -> Mention:
        return min(self.full_mentions or self.mentions, key=lambda m: m.start)


@lru_cache(maxsize=16384)
def _toneless(text: str) -> str:
    if text.isascii():
        return text  # no tone mark, no look-alike, nothing to normalise
    return strip_tones(normalize_lookalikes(unicodedata.normalize("NFC", text)))


def _toned_spelling(latin: str) -> str:
    return unicodedata.normalize("NFC", normalize_lookalikes(latin)).casefold()


def _split_name(mention: Mention) -> tuple[str, str]:
    """(surname, given) as printed and without tones."""
    if mention.known is not None and mention.alignment is None:
        return mention.known.surname, mention.known.given
    source = mention.alignment.words if mention.alignment is not None else mention.words
    words = [_toneless(w.text) for w in source]
    alignment = mention.alignment
    if alignment is not None:
        k = alignment.surname_words
        if sum(len(split) for split in alignment.splits[:k]) == alignment.surname_chars:
            return " ".join(words[:k]).replace(" ", ""), "".join(words[k:])
        # the surname straddles the printed words (`Si Maqian`): go by the syllables
        flat = [m.written.base for m in alignment.matches]
        c = alignment.surname_chars
        return "".join(flat[:c]).capitalize(), "".join(flat[c:]).capitalize()
    if len(words) >= 2:
        return words[0], " ".join(words[1:])
    return (words[0] if words else ""), ""


class Analysis(NamedTuple):
    """The mentions of a document, grouped by person."""

    document: Document
    mentions: tuple[Mention, ...]
    people: tuple[PersonInfo, ...]


def find_mentions(document: Document, knowledge: Knowledge) -> Analysis:
    passages_words = [(p, _words(p)) for p in document.passages]
    mentions: list[Mention] = []
    for passage, words in passages_words:
        for mention in _paired_in(passage, words, knowledge):
            mention.is_person = _looks_like_person(mention, knowledge)
            mentions.append(mention)

    mentions.extend(_toned_names(passages_words, mentions, knowledge))
    mentions.extend(_characters_only(passages_words, mentions, knowledge))

    people: dict[str, PersonInfo] = {}
    spelled: dict[str, str] = {}  # folded pinyin spelling -> person key
    toned: dict[str, str] = {}  # tone-marked spelling (NFC, any case) -> person key
    for mention in sorted(mentions, key=lambda m: m.start):
        if not mention.is_person:
            continue
        if mention.kind is Kind.TONED and fold_key(mention.latin) in spelled:
            # the person the article introduced with characters by this spelling (`Wáng Yí
            # 王怡`), tones and all when two namesakes differ by them, not one the house
            # glossary lists (王毅)
            key = toned.get(_toned_spelling(mention.latin), spelled[fold_key(mention.latin)])
            mention.known = people[key].known
        elif mention.known is not None:
            key = mention.known.hanzi
        elif mention.kind is Kind.TONED:
            key = spelled.get(fold_key(mention.latin), "pinyin:" + fold_key(mention.latin))
        else:
            key = mention.hanzi
        if mention.alignment is not None:
            spelled.setdefault(fold_key(mention.latin), key)
            if mention.toned:
                toned.setdefault(_toned_spelling(mention.latin), key)
        info = people.get(key)
        if info is None:
            surname, given = _split_name(mention)
            info = people[key] = PersonInfo(
                key,
                known=mention.known,
                hanzi=mention.hanzi,
                surname=surname,
                given=given,
                is_pinyin=mention.alignment is not None
                or (mention.known is not None and mention.known.is_pinyin),
            )
        elif info.known is None and mention.known is not None:
            info.known = mention.known
        if mention.alignment is not None and not info.is_pinyin:
            info.is_pinyin = True
            info.surname, info.given = _split_name(mention)
        mention.person_key = key
        info.mentions.append(mention)

    taken = _Spans((m.start, m.end) for m in mentions)
    free = taken.free

    # Latin-only full names, reversed names and near spellings
    by_fold: dict[str, PersonInfo] = {}
    reversed_fold: dict[str, PersonInfo] = {}
    for info in people.values():
        forms = {f"{info.surname} {info.given}"}
        if info.known is not None:
            forms.update(info.known.forms)
            if info.known.pinyin:
                forms.add(info.known.pinyin)
        for form in forms:
            by_fold.setdefault(fold_key(form), info)
        if info.is_pinyin and info.given and (info.known is None or info.known.order == "eastern"):
            reversed_fold.setdefault(fold_key(f"{info.given} {info.surname}"), info)

    new_mentions: list[Mention] = []
    for passage, words in passages_words:
        capitalized = [w.capitalized for w in words]
        i = 0
        while i < len(words):
            if not capitalized[i]:
                i += 1  # a name starts with a capital (a lower-case given name is next to one)
                continue
            matched = False
            for length in (4, 3, 2):
                chunk = words[i : i + length]
                if len(chunk) < length:
                    continue
                if not all(capitalized[i : i + length]) and not (
                    length == 2 and _lower_case_given(chunk, by_fold, knowledge)
                ):
                    continue
                if not all(_single_space(passage, a, b) for a, b in itertools.pairwise(chunk)):
                    continue
                start, end = chunk[0].start, chunk[-1].end
                if not free(start, end):
                    continue
                after = words[i + length] if i + length < len(words) else None
                if (
                    after is not None
                    and after.text in INSTITUTION_WORDS
                    and _single_space(passage, chunk[-1], after)
                ):
                    continue
                latin = " ".join(w.text for w in chunk)
                key = fold_key(latin)
                info = by_fold.get(key)
                kind = Kind.NAME
                known: Person | None = None
                if (
                    info is None
                    and key in reversed_fold
                    and _is_reversed(chunk, reversed_fold[key])
                    and not _introduced_as_other(passage, chunk, reversed_fold[key])
                ):
                    info, kind = reversed_fold[key], Kind.REVERSED
                if info is None:
                    # the house glossary by any spelling; CC-CEDICT only for pinyin-looking words
                    # (`Jake Sullivan` never needs the dictionary opened)
                    found = knowledge.by_name(latin, cedict=False)
                    exact = any(_same_form(latin, f) for p in found for f in p.forms)
                    plausible = _plausible_name_words(chunk)
                    if not found and plausible and length in (2, 3):
                        found = knowledge.by_name(latin)
                    if found and (exact or plausible):
                        known = found[0]
                        info = _known_person(known, people, by_fold, reversed_fold)
                if info is None and length >= 3:
                    # a near miss of a longer house form (`John Lee Ka-chui`)
                    near = knowledge.house_near(latin)
                    if near is not None:
                        known = near
                        info = _known_person(near, people, by_fold, None)
                if info is None and length == 2:
                    # a house person given name first (`Jiechi Yang`), or a near miss of a
                    # house form (`Xi Jingping`): theirs, to be reported against the house form
                    house, how = _house_variant(chunk, knowledge)
                    if how == "reversed" and _introduced_as_other(passage, chunk, None):
                        house = None
                    if house is not None:
                        known = house
                        info = _known_person(house, people, by_fold, reversed_fold)
                        if how == "reversed":
                            kind = Kind.REVERSED
                if info is None and length == 2 and _unknown_pinyin_name(chunk, knowledge):
                    # `Wang Wentao`: a pinyin name nobody lists; known to this article only
                    pkey = "pinyin:" + key
                    info = people[pkey] = PersonInfo(
                        pkey,
                        surname=_toneless(chunk[0].text),
                        given=_toneless(chunk[1].text),
                        is_pinyin=True,
                    )
                    by_fold.setdefault(key, info)
                    _add_reversed(info, reversed_fold)
                if info is None:
                    continue
                mention = Mention(kind, start, end, tuple(chunk), known=info.known, passage=passage)
                mention.person_key = info.key
                info.mentions.append(mention)
                new_mentions.append(mention)
                taken.add(start, end)
                i += length
                matched = True
                break
            if not matched:
                i += 1
    # near spellings of introduced pinyin names: `Yang Jiechei`, `Yang Jie-chi`, `Yang Jie Chi`
    # (people by printed surname, in the order of `people`, which this loop does not change)
    pinyin_by_surname: dict[str, list[PersonInfo]] = {}
    for info in people.values():
        if info.is_pinyin and info.given:
            pinyin_by_surname.setdefault(info.surname, []).append(info)
    for passage, words in passages_words:
        for i, word in enumerate(words):
            for info in pinyin_by_surname.get(_toneless(word.text), ()):
                for length in (1, 2):
                    chunk = words[i + 1 : i + 1 + length]
                    if len(chunk) < length or not all(w.capitalized for w in chunk):
                        break
                    start, end = word.start, chunk[-1].end
                    if not all(
                        _single_space(passage, a, b)
                        for a, b in zip([word, *chunk], chunk, strict=False)
                    ):
                        break
                    if not free(start, end):
                        break
                    given = "".join(_toneless(w.text) for w in chunk)
                    pair = fold_key(given), fold_key(info.given)
                    if (
                        slip_of(*pair)
                        or (similar_spelling(*pair) and _same_role(passage, words, i, info))
                        or (
                            length == 1
                            and _bare_slip(
                                passages_words, passage, words, i, info, people, knowledge
                            )
                        )
                    ):
                        mention = Mention(
                            Kind.NAME, start, end, (word, *chunk), known=info.known, passage=passage
                        )
                        mention.person_key = info.key
                        info.mentions.append(mention)
                        new_mentions.append(mention)
                        taken.add(start, end)
                        break
    # surname-only mentions
    surnames: dict[str, list[PersonInfo]] = {}
    for info in people.values():
        if info.surname:
            surnames.setdefault(info.surname, []).append(info)
    for passage, words in passages_words:
        for index, word in enumerate(words):
            plain = _toneless(word.text)
            if plain not in surnames or not word.capitalized or not free(word.start, word.end):
                continue
            if plain in ENGLISH_WORD_SURNAMES and not _name_context(passage, words, index):
                continue
            nxt = words[index + 1] if index + 1 < len(words) else None
            if nxt is not None and nxt.capitalized and _single_space(passage, word, nxt):
                continue  # part of another name (`Yang Wanming`, `Wang Laboratories`)
            prev = words[index - 1] if index else None
            if not _refers_to_person(passage, words, index):
                continue  # `the Han majority`, `a Zhou dynasty bronze`, `Zhou times`
            if (
                prev is not None
                and prev.capitalized
                and prev.text not in TITLES
                and prev.text.rstrip(".") not in TITLES
                and _single_space(passage, prev, word)
            ):
                continue  # `Nadya Yeh`, `John Lee`: a Western-order name ending in it
            if _named_as_word(passage, words, index):
                continue  # `all surnamed Wang`, `writing "Wang" alone`: the word, not a person
            mention = Mention(Kind.SURNAME, word.start, word.end, (word,), passage=passage)
            candidates = surnames[plain]
            titled = _titled_form_of(prev, word, people.values())
            if titled is not None:
                candidates = [titled]  # `Madame Chiang`: Soong Mei-ling's `Madame Chiang Kai-shek`
            mention.person_key = candidates[0].key if len(candidates) == 1 else ""
            new_mentions.append(mention)
            for info in candidates:
                if len(candidates) == 1:
                    info.mentions.append(mention)
    everything = sorted([*mentions, *new_mentions], key=lambda m: m.start)
    for info in people.values():
        info.mentions.sort(key=lambda m: m.start)
    return Analysis(document, tuple(everything), tuple(people.values()))


def _toned_names(
    passages_words: list[tuple[Passage, list[Word]]], taken: list[Mention], knowledge: Knowledge
) -> list[Mention]:
    """Tone-marked names without characters: two capitalised pinyin words, a surname first."""
    surnames = surname_spellings()
    spans = _Spans((m.start, m.end) for m in taken)
    out: list[Mention] = []
    for passage, words in passages_words:
        i = 0
        while i + 1 < len(words):
            pair = words[i : i + 2]
            first, second = pair
            if not (
                first.capitalized
                and second.capitalized  # `Nǐ hǎo`, `Gān bēi` at a sentence start: phrases
                and (first.toned or second.toned)
                and _single_space(passage, first, second)
                and spans.free(first.start, second.end)
            ):
                i += 1
                continue
            splits = [_syllable_options(w.text) for w in pair]
            if not all(splits):
                i += 1
                continue
            first_split, second_split = min(splits[0], key=len), min(splits[1], key=len)
            if "".join(s.base for s in first_split) not in surnames:
                i += 1
                continue
            before = words[i - 1] if i else None
            after = words[i + 2] if i + 2 < len(words) else None
            # (the word before counts only when it is tone-marked itself: `Later Yáng Jiechí`
            # and `met Wáng Yì` are names after an ordinary word)
            if (
                before is not None and before.toned and _toned_title_word(passage, before, first)
            ) or (after is not None and _toned_title_word(passage, second, after)):
                # three or more tone-marked capitalised words in a row: a title or a slogan
                # (`Yuè Liang Dài Biǎo Wǒ de Xīn`), not a two-word name
                i += 2
                while i < len(words) and _toned_title_word(passage, words[i - 1], words[i]):
                    i += 1
                continue
            alignment = Alignment(
                tuple(pair), (tuple(first_split), tuple(second_split)), (), 1, len(first_split)
            )
            latin = f"{first.text} {second.text}"
            known = knowledge.by_name(latin, cedict=False)
            mention = Mention(
                Kind.TONED,
                first.start,
                second.end,
                tuple(pair),
                alignment=alignment,
                known=known[0] if known else None,
                passage=passage,
            )
            out.append(mention)
            i += 2
    return out


def _toned_title_word(passage: Passage, a: Word, b: Word) -> bool:
    """`b` is a capitalised tone-marked word right after `a`, in the same run of words."""
    return b.capitalized and b.toned and _single_space(passage, a, b)


def _known_person(
    known: Person,
    people: dict[str, PersonInfo],
    by_fold: dict[str, PersonInfo],
    reversed_fold: dict[str, PersonInfo] | None,
) -> PersonInfo:
    """The article's record of a known person, created (and its spellings indexed) once.

    With ``reversed_fold``, the given-name-first order is indexed too (not for near
    misses of long forms, which are not pinyin names).
    """
    info = people.get(known.hanzi)
    if info is None:
        info = people[known.hanzi] = PersonInfo(
            known.hanzi,
            known=known,
            hanzi=known.hanzi,
            surname=known.surname,
            given=known.given,
            is_pinyin=known.is_pinyin,
        )
        for form in (*known.forms, known.pinyin):
            by_fold.setdefault(fold_key(form), info)
        if reversed_fold is not None:
            _add_reversed(info, reversed_fold)
    return info


def _add_reversed(info: PersonInfo, reversed_fold: dict[str, PersonInfo]) -> None:
    """Let `Jiechi Yang` be found once `Yang Jiechi` (surname first, pinyin) is known."""
    if info.is_pinyin and info.given and (info.known is None or info.known.order == "eastern"):
        reversed_fold.setdefault(fold_key(f"{info.given} {info.surname}"), info)


def _house_variant(chunk: Sequence[Word], knowledge: Knowledge) -> tuple[Person | None, str]:
    """A house pinyin person written given name first (`Jiechi Yang`; two-syllable given
    names only, as `Qiang Li` may well be someone else's own order), or with a given name one
    slip from the house form (`Xi Jingping`)."""
    first, second = (_toneless(w.text) for w in chunk)
    for person in knowledge.house_by_surname(second):
        if not (person.is_pinyin and person.order == "eastern"):
            continue
        options = _syllable_options(person.given)
        if fold_key(first) == fold_key(person.given) and options and min(map(len, options)) >= 2:
            return person, "reversed"
    written = fold_key(second)
    for person in knowledge.house_by_surname(first):
        given = fold_key(person.given)
        # a pinyin form's near spelling may be another pinyin name; an established one's not
        near = slip_of if person.is_pinyin else similar_spelling
        if len(given) >= 4 and written != given and near(written, given):
            return person, "near"
    return None, ""


def _lower_case_given(
    chunk: Sequence[Word], by_fold: dict[str, PersonInfo], knowledge: Knowledge
) -> bool:
    """`Xi jinping`: a pinyin person's name, known to the article or the house glossary, with
    the given name in lower case (GL203 then capitalises it). Only a given name of two or more
    syllables: a one-syllable one (`Wang ran`) is too often an English word after a surname."""
    surname, given = chunk
    if not surname.capitalized or not given.text.isalpha() or not given.text.islower():
        return False
    # the name look-ups first: cheaper than reading the word as pinyin, which few pass
    key = fold_key(f"{surname.text} {given.text}")
    info = by_fold.get(key)
    if info is not None:
        if not (info.is_pinyin and fold_key(f"{info.surname} {info.given}") == key):
            return False
    elif not any(
        p.is_pinyin and fold_key(p.english) == key
        for p in knowledge.by_name(f"{surname.text} {given.text}", cedict=False)
    ):
        return False
    options = _syllable_options(given.text)
    return bool(options) and min(map(len, options)) >= 2


def _unknown_pinyin_name(chunk: Sequence[Word], knowledge: Knowledge) -> bool:
    """Two words that can only be a pinyin name: a pinyin surname, then a given name of two
    syllables (one-syllable ones such as `Kong` in `Hong Kong` are too often something else),
    and not a place or term CC-CEDICT knows by that spelling (`Zhang Jiajie`)."""
    surname, given = chunk
    if "-" in given.text or any(c.isupper() for c in given.text[1:]):
        return False
    if _toneless(surname.text).casefold().replace("ü", "u") not in _plain_surname_spellings():
        return False
    options = _syllable_options(given.text)
    if not options or min(len(o) for o in options) != 2:
        return False
    if not _syllable_options(surname.text):
        return False
    return not knowledge.is_known_term(f"{surname.text} {given.text}")


# Words after a surname that make it a dynasty, an era or a people, not a person.
_NOT_A_PERSON_AFTER = frozenset(
    ["dynasty", "dynasties", "era", "period", "times", "majority", "minority", "ethnic", "court"]
)


_HYPHENED_RE = _PATTERNS["hyphened"]


def _refers_to_person(passage: Passage, words: list[Word], index: int) -> bool:
    """Whether a surname alone can stand for a person: English puts no article before one
    (`the Han majority`, `a Zhou bronze`), nor does a person take `dynasty` or `era`."""
    word = words[index]
    nxt = words[index + 1] if index + 1 < len(words) else None
    if nxt is not None and nxt.text in _NOT_A_PERSON_AFTER and _single_space(passage, word, nxt):
        return False
    hyphened = _HYPHENED_RE.match(passage.text, word.p_end)
    if hyphened and hyphened.group(1) in _NOT_A_PERSON_AFTER:
        return False  # `Yuan-era maps`
    prev = words[index - 1] if index else None
    return not (
        prev is not None
        and prev.text in ("the", "The", "a", "A", "an", "An")
        and _single_space(passage, prev, word)
    )


_AS_WORD_BEFORE = frozenset(["surnamed", "surname", "named", "name"])


def _named_as_word(passage: Passage, words: list[Word], index: int) -> bool:
    """A surname spoken of as a word, not standing for anyone: after `surnamed` / `the name`
    (`all surnamed Wang`), or quoted on its own (`"Wang" alone`)."""
    word = words[index]
    prev = words[index - 1] if index else None
    if prev is not None and prev.text.lower() in _AS_WORD_BEFORE:
        return True
    before, after = passage.text[: word.p_start], passage.text[word.p_end :]
    quotes = {'"': '"', "“": "”", "‘": "’", "'": "'"}
    return bool(before) and before[-1] in quotes and after[:1] == quotes[before[-1]]


def _titled_form_of(
    title: Word | None, word: Word, people: Iterable[PersonInfo]
) -> PersonInfo | None:
    """The one introduced person a title and surname begin a known form of, when that is not
    their own surname: `Madame Chiang` is Soong Mei-ling (`Madame Chiang Kai-shek`)."""
    if title is None or title.text.rstrip(".") not in {t.rstrip(".") for t in TITLES}:
        return None
    start = [title.text.rstrip(".").casefold(), word.text.casefold()]
    found = [
        info
        for info in people
        if info.known is not None
        and _toneless(word.text) != info.surname
        and any(
            [w.rstrip(".").casefold() for w in form.split()[:2]] == start
            for form in info.known.forms
        )
    ]
    return found[0] if len(found) == 1 else None


def _name_context(passage: Passage, words: list[Word], index: int) -> bool:
    """`Mr. Ma`, `Ma said`: context that makes an English-looking surname a name."""
    prev = words[index - 1] if index else None
    nxt = words[index + 1] if index + 1 < len(words) else None
    if prev is not None and (prev.text in TITLES or prev.text + "." in TITLES):
        return True
    if nxt is not None and nxt.text in SPEECH_VERBS and _single_space(passage, words[index], nxt):
        return not _sentence_start(passage, words[index]) or words[index].text != "He"
    return False


def _sentence_start(passage: Passage, word: Word) -> bool:
    before = passage.text[: word.p_start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


# a description set after a name that brings someone new in: `Yi Wang, a political scientist`
_INTRODUCED_RE = _PATTERNS["introduced"]
_DESCRIBED_RE = _PATTERNS["described"]


def _introduced_as_other(passage: Passage, chunk: Sequence[Word], info: PersonInfo | None) -> bool:
    """Whether a name that reverses someone's (`Yi Wang` for Wang Yi) is followed by a
    description of its own, so introduces another person in their own order. A one-syllable
    given name reversed is a common name in its own right: any description will do."""
    behind = passage.text[chunk[-1].p_end :]
    if _INTRODUCED_RE.match(behind):
        return True
    given = info.given if info is not None else chunk[0].text
    options = _syllable_options(given)
    return bool(options) and min(map(len, options)) == 1 and bool(_DESCRIBED_RE.match(behind))


def _is_reversed(chunk: Sequence[Word], info: PersonInfo) -> bool:
    """`Jiechi Yang`: the words are the given name then the surname, exactly."""
    return len(chunk) == 2 and _toneless(chunk[-1].text) == info.surname


def _plausible_name_words(chunk: Sequence[Word]) -> bool:
    """Every word reads as pinyin or is a known English form's word (no `New York`)."""
    from glossary.check.knowledge import looks_like_pinyin_word

    return all(looks_like_pinyin_word(w.text) for w in chunk)


def similar_spelling(a: str, b: str) -> bool:
    """Near spellings of a given name (`jiechei` ~ `jiechi`); identical counts too."""
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if _edit_distance_one(a, b):
        return True
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < 0.8:
        return False  # difflib's ratio cannot reach 0.8: at most min(len) characters match
    shared = sum(min(a.count(c), b.count(c)) for c in set(a))
    if 2.0 * shared / (len(a) + len(b)) < 0.8:
        return False  # nor when fewer letters are common to both (the usual case): no match
    return sequence_ratio(a, b) >= 0.8


def sequence_ratio(a: str, b: str) -> float:
    """``difflib.SequenceMatcher(None, a, b).ratio()``, the same number computed here.

    Importing difflib costs a cold lint 1.5-2 ms, to compare names of a few letters. This is
    difflib's own algorithm without junk (the longest matching block, earliest in `a` then in
    `b`, then the same on each side of it); from 200 characters of `b` on, where difflib
    starts to ignore frequent characters (autojunk), difflib itself answers.
    """
    if len(b) >= 200:
        import difflib

        return difflib.SequenceMatcher(None, a, b).ratio()
    b2j: dict[str, list[int]] = {}
    for j, char in enumerate(b):
        b2j.setdefault(char, []).append(j)
    matched = 0
    queue = [(0, len(a), 0, len(b))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = _longest_match(a, b, b2j, alo, ahi, blo, bhi)
        if k:
            matched += k
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    length = len(a) + len(b)
    return 2.0 * matched / length if length else 1.0


def _longest_match(
    a: str, b: str, b2j: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int, int]:
    """difflib's `find_longest_match` with no junk: (i, j, size) of a[alo:ahi], b[blo:bhi]."""
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    for i in range(alo, ahi):
        new_j2len: dict[int, int] = {}
        for j in b2j.get(a[i], ()):
            if j < blo:
                continue
            if j >= bhi:
                break
            k = new_j2len[j] = j2len.get(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = new_j2len
    while besti > alo and bestj > blo and a[besti - 1] == b[bestj - 1]:
        besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
    while (
        besti + bestsize < ahi
        and bestj + bestsize < bhi
        and a[besti + bestsize] == b[bestj + bestsize]
    ):
        bestsize += 1
    return besti, bestj, bestsize


_HONORIFICS = frozenset(["Dr", "Mr", "Ms", "Mrs", "Professor"])


def _same_role(passage: Passage, words: list[Word], index: int, info: PersonInfo) -> bool:
    """Whether the name at `words[index]` follows the role an earlier mention of `info`
    followed (`Premier Li Jiang` after `Premier Li Qiang`): the same person, misspelt."""
    role = words[index - 1] if index else None
    if role is None or role.text not in ROLE_WORDS - _HONORIFICS:
        return False
    if not _single_space(passage, role, words[index]):
        return False
    start = words[index].start
    for mention in info.mentions:
        if mention.start >= start or mention.passage is None or not mention.words:
            continue
        before = mention.passage.text[: mention.words[0].p_start].rstrip(" ")
        if _ends_with_word(before, role.text):
            return True
    return False


def _ends_with_word(text: str, word: str) -> bool:
    """``re.search(rf"\\b{re.escape(word)}$", text)`` for a word that starts with a letter,
    without compiling a pattern per word: `$` is the end or a final newline's place."""
    ends = [len(text), len(text) - 1] if text.endswith("\n") else [len(text)]
    for end in ends:
        start = end - len(word)
        before = text[start - 1] if start > 0 else ""
        if start >= 0 and text[start:end] == word and not (before.isalnum() or before == "_"):
            return True
    return False


# what makes a name its own person's: a description, an age or characters right after it,
# or other names beside it (a list of people: `Zhang Wen, Zhang Min and ...`)
_OWN_INTRODUCTION_RE = _PATTERNS["own-introduction"]
# words after which a bare name is a later mention, not an introduction (not `and`, which
# ends lists of people)
_LINKING_WORDS = frozenset(["but", "said", "says", "that", "when", "while", "because"])


def _bare_slip(
    passages_words: list[tuple[Passage, list[Word]]],
    passage: Passage,
    words: list[Word],
    index: int,
    info: PersonInfo,
    people: dict[str, PersonInfo],
    knowledge: Knowledge,
) -> bool:
    """`Liu Hei retired` after `Liu He`: a name one letter from a person the article has
    already named, written once, bare (a sentence's subject, no role, description, age or
    characters of its own) and nobody's name the glossary or CC-CEDICT knows, is that person
    misspelt, however short or valid as pinyin the spelling is. Any other person by that
    surname near the spelling, or any introduction, leaves it alone (`Li Jiang, a software
    engineer`)."""
    word, given = words[index], words[index + 1]
    written, wanted = fold_key(_toneless(given.text)), fold_key(info.given)
    if not _edit_distance_one(written, wanted):
        return False
    if not any(m.start < word.start for m in info.mentions):
        return False  # not named yet: this may be the introduction of someone else
    for other in people.values():
        if other is not info and other.surname == info.surname and other.given:
            other_given = fold_key(other.given)
            if written == other_given or _edit_distance_one(written, other_given):
                return False
    prev = words[index - 1] if index else None
    if not _sentence_start(passage, word) and not (
        prev is not None and prev.text in _LINKING_WORDS and _single_space(passage, prev, word)
    ):
        return False
    if _OWN_INTRODUCTION_RE.match(passage.text[given.p_end :]):
        return False
    spelled = fold_key(f"{word.text} {given.text}")
    occurrences = sum(
        fold_key(f"{a.text} {b.text}") == spelled
        for _p, ws in passages_words
        for a, b in itertools.pairwise(ws)
    )
    if occurrences != 1:
        return False  # written so more than once: more likely a person of its own
    return not knowledge.by_name(f"{word.text} {given.text}")


def slip_of(written: str, given: str) -> bool:
    """Whether a given name written `written` (folded) is a slip for `given`, not a name of
    its own. A near spelling that is itself valid pinyin is very likely another person (`Li
    Jiang`, `Li Xiang` beside Premier Li Qiang; `He Lifang` beside He Lifeng), unless it is
    the typist's slip of a letter dropped or doubled in a longer given name (`Jingping` for
    `Jinping`, `Jiaobao` for `Jiabao`). One that is not pinyin (`Jiechei`) is a slip."""
    if written == given:
        return True  # the same letters: another hyphenation, spacing or capitals
    if not similar_spelling(written, given):
        return False
    if not _syllable_options(written):
        return True
    if len(written) == len(given) or not _edit_distance_one(written, given):
        return False  # a letter changed (`jiang`, `lifang`): a name in its own right
    options = _syllable_options(given)
    return bool(options) and min(len(o) for o in options) >= 2
