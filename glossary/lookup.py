"""Translator look-up over the house glossary, then CC-CEDICT.

A query is characters (simplified or traditional), pinyin (tone marks, tone
numbers or none; spaced or not), an English form (``Tsai Ing-wen``) or an
English gloss (``common prosperity``). MDBG-style prefixes force the field:
``c:`` characters, ``p:`` pinyin, ``e:`` English; ``*`` is a wildcard.
Without a prefix, Latin text is tried both as pinyin and as English.

Results come in tiers: exact matches, then partial ones (prefix, wildcard,
gloss words), then near misses (a misspelling such as ``Yang Jiechei``,
scored with rapidfuzz). Within a tier the house glossary comes first.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property, lru_cache

from glossary.chars import HAN_RUN_RE
from glossary.pinyin import (
    all_splits,
    has_tone_marks,
    join_syllables,
    numbered_to_marked,
    parse_syllable,
    split_syllables,
)
from glossary.records import FrozenSlotRecord, NamedTuple

TYPE_CHECKING = False  # not `typing`'s: a cold `glossary lookup` does without importing it
if TYPE_CHECKING:
    from typing import Any

    from glossary.cedict import Cedict, CedictEntry
    from glossary.house import Entry, Glossary


class Field(enum.Enum):
    ANY = "any"
    HANZI = "c"
    PINYIN = "p"
    ENGLISH = "e"


class Origin(enum.Enum):
    HOUSE = "house"
    CEDICT = "cedict"
    RULES = "rules"  # the romanizer, for a name found in neither source


class Tier(enum.IntEnum):
    EXACT = 0
    PARTIAL = 1
    NEAR = 2


class Result(FrozenSlotRecord):
    """One answer to a query. Immutable; equal (and hashed) by every field but `entry`.

    (A slotted class with a frozen dataclass's behaviour, without importing `dataclasses`
    (+inspect, ast, dis: ~10 ms of every cold `glossary lookup`).)
    """

    __slots__ = __match_args__ = _FIELDS = (
        "hanzi",
        "traditional",
        "pinyin",
        "english",
        "source",
        "definition",
        "notes",
        "kind",
        "match",
        "tier",
        "score",
        "aliases",
        "entry",
    )
    _COMPARED = len(_FIELDS) - 1  # all but `entry`

    hanzi: str
    traditional: str
    pinyin: str  # tone-marked
    english: str
    source: Origin
    definition: str
    notes: str
    kind: str  # person | place | organisation | term | surname
    match: str  # how it matched: characters, pinyin, english, gloss, wildcard, near
    tier: Tier
    score: float
    aliases: tuple[str, ...]
    entry: Entry | CedictEntry | None  # not compared, not in the repr

    def __init__(
        self,
        hanzi: str,
        traditional: str,
        pinyin: str,
        english: str,
        source: Origin,
        definition: str,
        notes: str,
        kind: str,
        match: str,
        tier: Tier,
        score: float,
        aliases: tuple[str, ...] = (),
        entry: Entry | CedictEntry | None = None,
    ) -> None:
        setter = object.__setattr__
        setter(self, "hanzi", hanzi)
        setter(self, "traditional", traditional)
        setter(self, "pinyin", pinyin)
        setter(self, "english", english)
        setter(self, "source", source)
        setter(self, "definition", definition)
        setter(self, "notes", notes)
        setter(self, "kind", kind)
        setter(self, "match", match)
        setter(self, "tier", tier)
        setter(self, "score", score)
        setter(self, "aliases", aliases)
        setter(self, "entry", entry)

    def to_json(self) -> dict[str, Any]:
        return {
            "hanzi": self.hanzi,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "english": self.english,
            "source": self.source.value,
            "kind": self.kind,
            "definition": self.definition,
            "notes": self.notes,
            "aliases": list(self.aliases),
            "match": self.match,
            "score": round(self.score, 1),
        }


class Query(NamedTuple):
    text: str  # without the field prefix
    field: Field
    wildcard: bool


_PATTERNS = {
    "prefix": r"^\s*([cpeCPE])\s*:\s*",
    "tone-number": r"(?i)[a-zü:][1-5](?:\b|[a-z])",
    "tone-digit": r"(?i)[a-zü:][1-5]",
    "umlaut": r"(?i)[üǖǘǚǜ]|u:|(?<![a-z])[ln]yu(?![aeiou])|[ln]v",
    "passport-u": r"(?i)(?<![a-z])([ln])yu(?![aeiou])",
    "word-break": r"[\s\-·]+",
    "words": r"[\w'’-]+",
    "parenthesis": r"\([^)]*\)",
}


@cache
def _regexes() -> dict[str, re.Pattern[str]]:
    """The patterns above, compiled on first use from the user cache (`resources.load_regexes`):
    compiling them (case-insensitive classes with ü) cost ~2 ms of every cold look-up."""
    from glossary.resources import load_regexes

    return load_regexes("lookup", _PATTERNS)


def parse_query(text: str) -> Query:
    """Split off an MDBG field prefix (``c:``, ``p:``, ``e:``) and note wildcards."""
    text = unicodedata.normalize("NFKC", text).strip()  # full-width ｙａｎｇ, ｃ： too
    chosen = Field.ANY
    patterns = _regexes()
    match = patterns["prefix"].match(text)
    if match:
        chosen = Field(match.group(1).lower())
        text = text[match.end() :].strip()
    text = text.replace("＊", "*")
    if chosen is Field.ANY:
        if HAN_RUN_RE.search(text):
            chosen = Field.HANZI
        elif has_tone_marks(text) or patterns["tone-number"].search(text):
            chosen = Field.PINYIN
    return Query(text=text, field=chosen, wildcard="*" in text)


# --- keys ------------------------------------------------------------------------


def pinyin_key(text: str) -> str:
    """Toneless, spaceless, lowercase: ``Yáng Jiéchí`` / ``yang2 jie2 chi2`` -> ``yangjiechi``.

    Passport-style ``Lyu``/``Nyu`` count as lü/nü.
    """
    from glossary.cedict import toneless_key

    return toneless_key(_regexes()["passport-u"].sub(r"\1u", text))


def name_key(text: str) -> str:
    from glossary.cedict import fold_name

    return fold_name(text)


def query_tones(text: str) -> tuple[tuple[str, int], ...] | None:
    """The syllables of a pinyin query with their tones, or None when it gives no tones.

    ``yang2 jie2chi2`` and ``Yáng Jiéchí`` give tones; a syllable written
    without one is 0 (any tone). Letters that do not split into pinyin: None.
    """
    patterns = _regexes()
    if not (has_tone_marks(text) or patterns["tone-digit"].search(text)):
        return None
    out: list[tuple[str, int]] = []
    for word in patterns["word-break"].split(text.strip()):
        if not word:
            continue
        splits = all_splits(word, require_apostrophes=False)
        if not splits:
            return None
        best = min(splits, key=len)
        out.extend((s.base.replace("ü", "u"), s.tone) for s in best)
    return tuple(out)


def query_shape(text: str) -> tuple[str, ...] | None:
    """The syllables a pinyin query is written as (``Xi'an`` -> xi, an; ``xian`` -> xian)."""
    out: list[str] = []
    for word in _regexes()["word-break"].split(text.strip()):
        if not word:
            continue
        split = split_syllables(word) or split_syllables(word, require_apostrophes=False)
        if not split:
            return None
        out.extend(s.base.replace("ü", "u") for s in split)
    return tuple(out) or None


def tones_agree(wanted: Sequence[tuple[str, int]], have: Sequence[tuple[str, int]]) -> bool:
    if len(wanted) != len(have):
        return "".join(b for b, _ in wanted) == "".join(b for b, _ in have)
    return all(tone in (0, other) for (_, tone), (_, other) in zip(wanted, have, strict=True))


@cache
def _entry_tones(pinyin: str) -> tuple[tuple[str, int], ...]:
    out: list[tuple[str, int]] = []
    for word in _regexes()["word-break"].split(pinyin.strip()):
        splits = all_splits(word) or all_splits(word, require_apostrophes=False)
        if splits:
            out.extend((s.base.replace("ü", "u"), s.tone) for s in splits[0])
    return tuple(out)


def cedict_pinyin(entry: CedictEntry) -> str:
    """Tone-marked pinyin; proper nouns written as words (``Yáng Jiéchí``, ``Xī'ān``).

    CC-CEDICT capitalises the first syllable of each word of a proper noun,
    which is enough to group its syllables the way a name is written.
    """
    if not entry.is_proper:
        return entry.pinyin
    return _proper_pinyin(entry.numbered)


@lru_cache(maxsize=65536)
def _proper_pinyin(numbered: str) -> str:
    words: list[list[str]] = []
    for token in numbered.split():
        if (
            token[:1].isupper()
            or not words
            or parse_syllable(token) is None
            or parse_syllable(words[-1][-1]) is None
        ):
            words.append([token])
        else:
            words[-1].append(token)
    out = []
    for word in words:
        syllables = [parse_syllable(t) for t in word]
        if all(s is not None for s in syllables):
            joined = join_syllables([s for s in syllables if s is not None])
            out.append(joined[:1].upper() + joined[1:] if word[0][:1].isupper() else joined)
        else:
            out.append(numbered_to_marked(" ".join(word)))
    return " ".join(out)


# --- the engine -------------------------------------------------------------------


def _house_result(entry: Entry, tier: Tier, score: float, match: str) -> Result:
    parts = [entry.kind.value, entry.system.value]
    if entry.region:
        parts.append(entry.region)
    if entry.order == "western":
        parts.append("given name first")
    return Result(
        hanzi=entry.hanzi,
        traditional=entry.traditional,
        pinyin=entry.pinyin,
        english=entry.english,
        source=Origin.HOUSE,
        definition=", ".join(parts),
        notes=entry.notes,
        kind=entry.kind.value,
        match=match,
        tier=tier,
        score=score,
        aliases=entry.aliases,
        entry=entry,
    )


def _cedict_result(entry: CedictEntry, tier: Tier, score: float, match: str) -> Result:
    return Result(
        hanzi=entry.simplified,
        traditional=entry.traditional,
        pinyin=cedict_pinyin(entry),
        english=entry.english,
        source=Origin.CEDICT,
        definition="; ".join(entry.definitions),
        notes="",
        kind=entry.kind,
        match=match,
        tier=tier,
        score=score,
        entry=entry,
    )


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + ".*".join(re.escape(p) for p in pattern.split("*")) + "$", re.I)


def _wildcard_word_regex(pattern: str) -> re.Pattern[str]:
    """``rest*`` as words inside a gloss (a word starting with rest)."""
    parts = [re.escape(p) for p in pattern.split("*")]
    return re.compile(r"\b" + r"[\w'-]*".join(parts), re.IGNORECASE)


_NEAR_CUTOFF = 78.0


class _Candidate(NamedTuple):
    """A match scored cheaply; the Result is built only if it makes the cut."""

    tier: Tier
    source: Origin
    score: float
    identity: tuple[object, ...]
    make: Callable[[], Result]
    frequency: int = 0  # ties go to the more common word

    def sort_key(self) -> tuple[int, bool, float, bool, int, int]:
        chars = len(str(self.identity[1]))
        return (
            self.tier,
            self.source is not Origin.HOUSE,
            -round(self.score, 3),
            chars == 1,  # on a tie, 西藏 before the one-character 藏
            -self.frequency,
            chars,
        )


def _house(entry: Entry, tier: Tier, score: float, match: str) -> _Candidate:
    return _Candidate(
        tier,
        Origin.HOUSE,
        score,
        (Origin.HOUSE, entry.hanzi, entry.pinyin, entry.notes),
        lambda: _house_result(entry, tier, score, match),
    )


def _ced(entry: CedictEntry, tier: Tier, score: float, match: str) -> _Candidate:
    if entry.is_variant:
        score -= 3
    return _Candidate(
        tier,
        Origin.CEDICT,
        score,
        (Origin.CEDICT, entry.simplified, entry.numbered, entry.definitions),
        lambda: _cedict_result(entry, tier, score, match),
        entry.frequency,
    )


class Lookup:
    """Look-up over one house glossary and (optionally) CC-CEDICT; reuse it for many queries."""

    def __init__(self, glossary: Glossary, cedict: Cedict | None = None) -> None:
        self.glossary = glossary
        self.cedict = cedict

    @cached_property
    def _by_pinyin(self) -> dict[str, list[Entry]]:
        """Toneless pinyin key -> house entries (built on the first query that needs it)."""
        index: dict[str, list[Entry]] = {}
        for entry, key in zip(self.glossary.entries, self._keys[0], strict=True):
            index.setdefault(key, []).append(entry)
        return index

    @cached_property
    def _by_name(self) -> dict[str, list[Entry]]:
        """Folded English form or alias -> house entries."""
        index: dict[str, list[Entry]] = {}
        keys = iter(self._keys[1])
        for entry in self.glossary.entries:
            for _ in entry.english_forms:
                index.setdefault(next(keys), []).append(entry)
        return index

    @cached_property
    def _keys(self) -> tuple[list[str], list[str]]:
        entries = self.glossary.entries
        return _house_keys(
            [e.pinyin for e in entries], [f for e in entries for f in e.english_forms]
        )

    def search(self, text: str, *, limit: int = 20) -> list[Result]:
        """Results for one query, best first (at most `limit`; 0 or less: all)."""
        query = parse_query(text)
        if not query.text or not query.text.strip("* "):
            return []
        found: list[_Candidate] = []
        if query.field is Field.HANZI:
            found += self._hanzi(query)
        else:
            if query.field in (Field.ANY, Field.PINYIN):
                found += self._pinyin(query)
            if query.field in (Field.ANY, Field.ENGLISH):
                found += self._english(query)
            if not query.wildcard and not any(c.tier is Tier.EXACT for c in found):
                found += self._wade_giles(query)
                found += self._near(query)
        return _rank(found, limit)

    # characters

    def _hanzi(self, query: Query) -> list[_Candidate]:
        text = "".join(query.text.split())
        out: list[_Candidate] = []
        if query.wildcard:
            pattern = _wildcard_regex(text)
            out += [
                _house(e, Tier.PARTIAL, 70, "wildcard")
                for e in self.glossary.entries
                if pattern.match(e.hanzi) or pattern.match(e.traditional)
            ]
            if self.cedict:
                out += [
                    _ced(e, Tier.PARTIAL, 70 - len(e.simplified) * 0.1, "wildcard")
                    for e in self.cedict.glob_hanzi(text, limit=400)
                ]
            return out
        out += [_house(e, Tier.EXACT, 100, "characters") for e in self.glossary.by_hanzi(text)]
        out += [
            _house(e, Tier.PARTIAL, 60, "characters")
            for e in self.glossary.entries
            if text not in (e.hanzi, e.traditional) and (text in e.hanzi or text in e.traditional)
        ]
        if not self.cedict:
            return out
        exact = self.cedict.by_hanzi(text)
        if not exact or all(e.is_variant for e in exact):
            # 台灣 is listed only as a variant; its simplified form 台湾 finds 臺灣 "Taiwan".
            from glossary.chars import to_simplified

            simplified = to_simplified(text)
            if simplified != text:
                exact += [e for e in self.cedict.by_hanzi(simplified) if e not in exact]
        out += [_ced(e, Tier.EXACT, 100 - 0.01 * i, "characters") for i, e in enumerate(exact)]
        out += [
            _ced(e, Tier.PARTIAL, 60 - len(e.simplified), "characters")
            for e in self.cedict.glob_hanzi(text + "*", limit=40)
            if text not in (e.simplified, e.traditional)
        ]
        if not any(c.tier is Tier.EXACT for c in out) and len(text) > 1:
            romanized = self._romanize(text)
            if romanized:
                out.append(romanized)
            composed = self._compose_hanzi(text)
            if composed:
                out.append(composed)
        return out

    def _romanize(self, text: str) -> _Candidate | None:
        """A name in neither source (付凌晖): the romanizer's reading, marked as such."""
        from glossary.surnames import surname_table

        if not 2 <= len(text) <= 4 or not surname_table().prefixes(text):
            return None
        from glossary.romanize import NotAName, romanize

        try:
            found = romanize(text, glossary=self.glossary)
        except NotAName:
            return None
        if found.source.value == "house":
            return None  # already an exact house result
        notes = ["romanized by rule: in neither the house glossary nor CC-CEDICT; check it"]
        notes += list(found.notes)
        definition = "person's name"
        if found.alternatives:
            definition += "; or " + ", ".join(found.alternatives)

        def make() -> Result:
            return Result(
                hanzi=found.simplified,
                traditional=found.traditional,
                pinyin=found.pinyin,
                english=found.english,
                source=Origin.RULES,
                definition=definition,
                notes="; ".join(notes),
                kind="person",
                match="romanized",
                tier=Tier.PARTIAL,
                score=58,
            )

        return _Candidate(Tier.PARTIAL, Origin.RULES, 58, (Origin.RULES, text), make)

    def _compose_hanzi(self, text: str) -> _Candidate | None:
        """A phrase no dictionary has, read as its longest known words (``共同富裕`` = 共同 + 富裕)."""
        assert self.cedict is not None
        parts: list[Entry | CedictEntry] = []
        start = 0
        while start < len(text):
            for end in range(min(len(text), start + 8), start, -1):
                piece = text[start:end]
                house = self.glossary.by_hanzi(piece)
                if house:
                    parts.append(house[0])
                    break
                entries = _best_first(self.cedict.by_hanzi(piece), capital=False)
                if entries:
                    parts.append(entries[0])
                    break
            else:
                return None
            start += len(_hanzi_of(parts[-1]))
        if len(parts) < 2:
            return None
        return _composed(text, parts, Tier.PARTIAL)

    # pinyin

    def _pinyin(self, query: Query) -> list[_Candidate]:
        out: list[_Candidate] = []
        if query.wildcard:
            pattern = "*".join(pinyin_key(p) for p in query.text.split("*"))
            regex = _wildcard_regex(pattern)
            out += [
                _house(e, Tier.PARTIAL, 70, "wildcard")
                for e in self.glossary.entries
                if regex.match(pinyin_key(e.pinyin))
            ]
            if self.cedict and pattern.strip("*"):
                out += [
                    _ced(e, Tier.PARTIAL, 65 - len(e.simplified) * 0.1, "wildcard")
                    for e in self.cedict.glob_toneless(pattern, limit=400)
                ]
            return out
        key = pinyin_key(query.text)
        if not key:
            return []
        wanted = query_tones(query.text)
        shape = query_shape(query.text)
        capital = query.text[:1].isupper()
        umlaut = _regexes()["umlaut"].search(query.text) is not None  # lǚ, lv, lu:, Lyu: ü, not u
        for entry in self._by_pinyin.get(key, ()):
            have = _entry_tones(entry.pinyin)
            score = 99 + (0.5 if shape and shape == tuple(b for b, _ in have) else 0)
            score += 0.3 if umlaut and "ü" in entry.pinyin.lower() else 0
            if wanted is None or tones_agree(wanted, have):
                out.append(_house(entry, Tier.EXACT, score, "pinyin"))
            else:
                out.append(_house(entry, Tier.PARTIAL, score - 25, "pinyin (other tones)"))
        if self.cedict:
            for i, word in enumerate(self.cedict.by_toneless(key, limit=500)):
                have = _cedict_tones(word)
                score = 95 - i * 0.001
                if word.is_proper == capital:
                    score += 1
                if shape and shape == tuple(b for b, _ in have):
                    score += 2
                if umlaut and "u:" in word.numbered.lower():
                    score += 1.5
                if capital and not word.is_proper:
                    # "Hu Jingtao" is a misspelt name, not 护颈套: a common word ranks low.
                    out.append(_ced(word, Tier.NEAR, 80 + score / 100, "pinyin"))
                elif wanted is None or tones_agree(wanted, have):
                    out.append(_ced(word, Tier.EXACT, score, "pinyin"))
                else:
                    out.append(_ced(word, Tier.PARTIAL, score - 25, "pinyin (other tones)"))
            if not any(c.tier is Tier.EXACT for c in out):
                # With tones the words are well pinned down; without, a guess ranks low.
                syllables = wanted or tuple((b, 0) for b in shape or ())
                if wanted or not capital:  # a capitalised toneless query is a name, not a phrase
                    tier = Tier.PARTIAL if wanted else Tier.NEAR
                    composed = self._compose_pinyin(syllables, tier)
                    if composed:
                        out.append(composed)
        return out

    def _compose_pinyin(
        self, syllables: Sequence[tuple[str, int]], tier: Tier
    ) -> _Candidate | None:
        """A run of syllables read as the fewest known words (``gong4 tong2 fu4 yu4``)."""
        assert self.cedict is not None
        n = len(syllables)
        if n < 2:
            return None
        best: list[list[Entry | CedictEntry] | None] = [None] * (n + 1)
        best[0] = []
        for start in range(n):
            so_far = best[start]
            if so_far is None:
                continue
            for end in range(min(n, start + 6), start, -1):
                piece = syllables[start:end]
                key = "".join(b for b, _ in piece)
                house = [
                    e
                    for e in self._by_pinyin.get(key, ())
                    if tones_agree(piece, _entry_tones(e.pinyin))
                ]
                entries: list[Entry | CedictEntry] = list(house)
                if not entries:
                    entries += _best_first(
                        [
                            e
                            for e in self.cedict.by_toneless(key, limit=60)
                            if tones_agree(piece, _cedict_tones(e))
                        ],
                        capital=False,
                    )
                if not entries:
                    continue
                candidate = [*so_far, entries[0]]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
        parts = best[n]
        if not parts or len(parts) < 2:
            return None
        return _composed("".join(_hanzi_of(p) for p in parts), parts, tier)

    # Wade-Giles and other older spellings

    def _wade_giles(self, query: Query) -> list[_Candidate]:
        """``Teng Hsiao-p'ing`` -> Deng Xiaoping: the pinyin a Wade-Giles spelling stands for."""
        if query.field is Field.ENGLISH or has_tone_marks(query.text):
            return []
        from glossary.wadegiles import wade_giles_keys

        keys = wade_giles_keys(query.text)
        out: list[_Candidate] = []
        for key in keys:
            out += [_house(e, Tier.PARTIAL, 88, "wade-giles") for e in self._by_pinyin.get(key, ())]
            if self.cedict:
                out += [
                    _ced(e, Tier.PARTIAL, 85 + e.is_proper, "wade-giles")
                    for e in self.cedict.by_toneless(key, limit=20)
                ]
        return out

    # English

    def _english(self, query: Query) -> list[_Candidate]:
        out: list[_Candidate] = []
        text = query.text
        if query.wildcard:
            regex = _wildcard_regex(text)
            out += [
                _house(e, Tier.PARTIAL, 70, "wildcard")
                for e in self.glossary.entries
                if any(regex.match(f) for f in e.english_forms)
            ]
            if self.cedict:
                word_regex = _wildcard_word_regex(text)
                for word in self.cedict.search_english(text, limit=150):
                    lengths = [len(d) for d in word.definitions if word_regex.search(d)]
                    score = 60 - 0.1 * min(lengths, default=100)
                    out.append(_ced(word, Tier.PARTIAL, score, "gloss"))
            return out
        key = name_key(text)
        seen: set[int] = set()
        for entry in self.glossary.by_english(text):
            seen.add(id(entry))
            out.append(_house(entry, Tier.EXACT, 100, "english"))
        for entry in self._by_name.get(key, ()):
            if id(entry) not in seen:
                seen.add(id(entry))
                out.append(_house(entry, Tier.EXACT, 97, "english"))
        out += self._reversed_name(text, seen)
        words = _words(text)
        if words:
            starts = [re.compile(rf"\b{re.escape(w)}") for w in words]  # compiled once per query
            for entry in self.glossary.entries:
                if id(entry) in seen:
                    continue
                haystack = " ".join(entry.english_forms).casefold()
                if all(start.search(haystack) for start in starts):
                    out.append(_house(entry, Tier.PARTIAL, 65, "english words"))
        if self.cedict:
            if key:
                out += [_ced(e, Tier.EXACT, 96, "english") for e in self.cedict.by_name(text)]
            folded = " ".join(words)
            for word in self.cedict.search_english(text, limit=150):
                score, tier = _gloss_score(word, folded)
                if any(d == text or d.startswith(text + ",") for d in word.definitions):
                    score += 0.5  # same capitals too: "Canton" the city, not a canton
                out.append(_ced(word, tier, score, "gloss"))
        return out

    def _reversed_name(self, text: str, seen: set[int]) -> list[_Candidate]:
        """``Jiechi Yang`` (given name first) finds Yang Jiechi, and ``Lam Carrie`` Carrie Lam."""
        parts = text.split()
        if len(parts) != 2:
            return []
        flipped = f"{parts[1]} {parts[0]}"
        out = []
        for index in (self._by_name, self._by_pinyin):
            key = name_key(flipped) if index is self._by_name else pinyin_key(flipped)
            for entry in index.get(key, ()):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    out.append(_house(entry, Tier.PARTIAL, 90, "english (other name order)"))
        if self.cedict:
            out += [
                _ced(e, Tier.PARTIAL, 88, "english (other name order)")
                for e in self.cedict.by_name(flipped)
                if e.kind == "person"
            ]
        return out

    # misspellings

    def _near(self, query: Query) -> list[_Candidate]:
        """Near misses: the folded query against English names and/or pinyin keys.

        CC-CEDICT is searched among keys sharing the query's first letters (an
        index range), which keeps a query to a few milliseconds.
        """
        from rapidfuzz import fuzz, process

        sides: list[tuple[str, dict[str, list[Entry]], str, int]] = []
        if query.field in (Field.ANY, Field.ENGLISH):
            sides.append((name_key(query.text), self._by_name, "name_key", 2))
        if query.field in (Field.ANY, Field.PINYIN):
            sides.append((pinyin_key(query.text), self._by_pinyin, "toneless", 3))
        out: list[_Candidate] = []
        for key, house_index, column, prefix_length in sides:
            if len(key) < 3:
                continue
            house_keys = [(k, e) for k, es in house_index.items() for e in es]
            for _, score, index in process.extract(
                key,
                [k for k, _ in house_keys],
                scorer=fuzz.ratio,
                score_cutoff=_NEAR_CUTOFF,
                limit=20,
            ):
                out.append(_house(house_keys[index][1], Tier.NEAR, score, "near"))
            if not self.cedict:
                continue
            # Longer keys share a longer prefix with their target, and fewer rows to score.
            length = prefix_length + (len(key) >= 8)
            block = self.cedict.keys_with_prefix(column, key[:length])
            found = process.extract(
                key, [k for _, k in block], scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=20
            )
            ids = [block[i][0] for _, _, i in found]
            scores = {block[i][0]: score for _, score, i in found}
            out += [
                _ced(e, Tier.NEAR, scores[i] - 0.5, "near")
                for i, e in zip(ids, self.cedict.by_ids(ids), strict=True)
            ]
        return out


_KEYS_LAYOUT = "keys-v1"  # the cached key lists' format (part of their cache key)
_KEYS_CACHED_FROM = 50  # fewer strings are folded faster than a cache file is read


def _house_keys(pinyins: list[str], forms: list[str]) -> tuple[list[str], list[str]]:
    """`pinyin_key` of each house pinyin and `name_key` of each English form.

    Folding the shipped glossary's ~250 strings costs ~3 ms of every cold look-up, so the
    lists are kept in the user cache, one file per set of strings, keyed by the Python
    version and the size and time of the modules the folding comes from (this one,
    `cedict`, `pinyin`): an edit to any of them builds the lists again.
    """

    def build() -> dict[str, list[str]]:
        return {"pinyin": [pinyin_key(p) for p in pinyins], "name": [name_key(f) for f in forms]}

    data: object = None
    stamp = _keys_code_stamp() if len(pinyins) + len(forms) >= _KEYS_CACHED_FROM else None
    if stamp is not None:
        from glossary.resources import load_compiled, sha256

        strings = "\0".join(pinyins) + "\1" + "\0".join(forms)
        set_id = sha256(strings.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        key = sha256(f"{_KEYS_LAYOUT}\0{stamp}".encode()).hexdigest()[:16]
        data = load_compiled(f"lookup-keys-{set_id}", key, build, family="lookup-keys", keep=8)
    if not _keys_fit(data, len(pinyins), len(forms)):  # not cached, or a damaged file
        data = build()
    assert isinstance(data, dict)
    return data["pinyin"], data["name"]


def _keys_fit(data: object, pinyins: int, forms: int) -> bool:
    if not isinstance(data, dict):
        return False
    found = data.get("pinyin"), data.get("name")
    return all(
        isinstance(keys, list) and len(keys) == size and all(isinstance(k, str) for k in keys)
        for keys, size in zip(found, (pinyins, forms), strict=True)
    )


def _keys_code_stamp() -> str | None:
    """What the folding's result depends on besides the strings (None: not known)."""
    import sys
    from pathlib import Path

    from glossary import cedict, pinyin

    parts = [sys.version]
    try:
        for path in (__file__, cedict.__file__, pinyin.__file__):
            if path is None:
                return None
            stat = Path(path).stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        return None
    return "\0".join(parts)


def _hanzi_of(entry: Entry | CedictEntry) -> str:
    from glossary.house import Entry

    return entry.hanzi if isinstance(entry, Entry) else entry.simplified


def _best_first(entries: Sequence[CedictEntry], *, capital: bool) -> list[CedictEntry]:
    """Common words before variants and proper nouns (for composing a phrase)."""

    def rank(entry: CedictEntry) -> tuple[bool, bool]:
        return (entry.is_variant, entry.is_proper != capital)

    return sorted(entries, key=rank)


def _composed(text: str, parts: Sequence[Entry | CedictEntry], tier: Tier) -> _Candidate:
    from glossary.house import Entry

    pinyins: list[str] = []
    englishes: list[str] = []
    glosses: list[str] = []
    traditional = ""
    for part in parts:
        if isinstance(part, Entry):
            pinyins.append(part.pinyin)
            englishes.append(part.english)
            traditional += part.traditional or part.hanzi
            glosses.append(f"{part.hanzi} {part.pinyin}: {part.english} (house)")
        else:
            word = _word_pinyin(part)
            pinyins.append(word)
            gloss = part.english.split(";")[0].strip()
            englishes.append(gloss)
            traditional += part.traditional
            glosses.append(f"{part.simplified} {word}: {'; '.join(part.definitions[:2])}")

    def make() -> Result:
        return Result(
            hanzi=text,
            traditional=traditional,
            pinyin=" ".join(pinyins),
            english=" + ".join(englishes),
            source=Origin.CEDICT,
            definition=" | ".join(glosses),
            notes="composed from the words of CC-CEDICT: check the phrase",
            kind="term",
            match="composed",
            tier=tier,
            score=score,
        )

    score = 55.0 if tier is Tier.PARTIAL else 70.0  # below a near-miss name (78 and up)
    return _Candidate(tier, Origin.CEDICT, score, (Origin.CEDICT, text, "composed"), make)


def _word_pinyin(entry: CedictEntry) -> str:
    """A common word's syllables as one word (``gòngtóng``); proper nouns as names."""
    if entry.is_proper:
        return cedict_pinyin(entry)
    syllables = [parse_syllable(t) for t in entry.numbered.split()]
    if syllables and all(s is not None for s in syllables):
        return join_syllables([s for s in syllables if s is not None])
    return entry.pinyin


def _cedict_tones(entry: CedictEntry) -> tuple[tuple[str, int], ...]:
    from glossary.cedict import syllable_tones

    return syllable_tones(entry.numbered)


def _words(text: str) -> list[str]:
    return [w for w in _regexes()["words"].findall(text.casefold()) if w]


_ARTICLES = ("the ", "a ", "an ", "to ")


def _bare(words: str) -> str:
    """``the great wall`` -> ``great wall``; ``to rest`` -> ``rest``."""
    for article in _ARTICLES:
        if words.startswith(article):
            return words[len(article) :]
    return words


def _gloss_score(entry: CedictEntry, folded_query: str) -> tuple[float, Tier]:
    """An exact gloss beats one that starts with the words, which beats one that holds them.

    A gloss counts as exact when, without parentheses and a leading article,
    it is the query, or its head before a comma is (``Beijing, capital of ...``).
    """
    best = 50.0
    query = _bare(folded_query)
    parenthesis = _regexes()["parenthesis"]
    for rank, definition in enumerate(entry.definitions):
        text = parenthesis.sub(" ", definition)
        gloss = " ".join(_words(text))
        head = _bare(" ".join(_words(text.split(",")[0])))
        if _bare(gloss) == query:
            return 94.0 - rank * 0.3 - len(entry.definitions) * 0.1, Tier.EXACT
        if head == query:
            return 90.0 - rank * 0.3 - len(entry.definitions) * 0.1, Tier.EXACT
        if gloss.startswith(folded_query):
            best = max(best, 80 - len(gloss) * 0.1)
        elif folded_query in gloss:
            best = max(best, 70 - len(gloss) * 0.1)
    return best - len(entry.definitions) * 0.2, Tier.PARTIAL


def _rank(candidates: Iterable[_Candidate], limit: int) -> list[Result]:
    """Best first; one result per entry (its best match), built only for those kept."""
    seen: set[tuple[object, ...]] = set()
    out: list[Result] = []
    for candidate in sorted(candidates, key=_Candidate.sort_key):
        if candidate.identity in seen:
            continue
        seen.add(candidate.identity)
        out.append(candidate.make())
        if limit > 0 and len(out) >= limit:
            break
    return out


@lru_cache(maxsize=4)
def engine_for(glossary: Glossary, use_cedict: bool = True) -> Lookup:
    """One engine per glossary object (`load_glossary` returns a new one when a file changed)."""
    cedict = None
    if use_cedict:
        from glossary.cedict import load_cedict

        cedict = load_cedict()
    return Lookup(glossary, cedict)


def lookup(
    query: str,
    *,
    glossary: Glossary | None = None,
    use_cedict: bool = True,
    limit: int = 20,
) -> list[Result]:
    """Look `query` up: house glossary (the shipped one unless given) first, then CC-CEDICT."""
    if glossary is None:
        from glossary.house import load_glossary

        glossary = load_glossary()
    return engine_for(glossary, use_cedict).search(query, limit=limit)
