"""People, places, organisations and terms in Chinese-language text, for translators.

The text is segmented with jieba's part-of-speech tagger, with every house
glossary entry and every person CC-CEDICT knows added as a user word (so 蔡英文
stays one name, not 蔡 + 英文, and 马克龙 is not 马克 + 龙). A token is reported
when it is

- a house glossary entry (any kind; names with a middle dot are found by search);
- a person: a CC-CEDICT person; a ``nr``/``nrfg`` token of 2-4 characters that
  starts with a known surname and does not end in a title (王先生 is Mr Wang);
  ``nrt`` (a transliterated name); a lone surname the tagger split off a given
  name is joined back (欧阳 + 娜娜);
- a place (``ns``) or an organisation (``nt``) that CC-CEDICT knows or that ends
  like one (…省, …市, …公司, …委员会), so pieces of longer names are left out;
- a proper noun (``nz``) that CC-CEDICT knows as one.

Each is given a suggested pinyin and English form: the house glossary's, else
the romanizer's for people, else CC-CEDICT's (composed from its words, and
marked so, when it has no entry for the whole).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from glossary.chars import HAN_RUN_RE, is_han_text

if TYPE_CHECKING:
    from glossary.cedict import Cedict
    from glossary.house import Entry, Glossary

PERSON, PLACE, ORGANISATION, TERM = "person", "place", "organisation", "term"
_CEDICT_PERSON = "nrc"  # our part-of-speech tag for people added from CC-CEDICT
_NAME_FREQUENCY = 1000  # enough to keep a known name whole, not enough to swallow a word
_TAG_FOR_KIND = {PERSON: "nr", PLACE: "ns", ORGANISATION: "nt", TERM: "nz"}
# Words after a surname that make a title, not a given name: 张先生 is Mr Zhang.
_TITLES = frozenset(
    [
        "先生",
        "女士",
        "小姐",
        "太太",
        "夫人",
        "老师",
        "教授",
        "博士",
        "同志",
        "主席",
        "总理",
        "总统",
        "部长",
        "书记",
        "市长",
        "省长",
        "县长",
        "局长",
        "院长",
        "校长",
        "所长",
        "经理",
        "总裁",
        "董事长",
        "委员",
        "代表",
        "大使",
        "将军",
        "司令",
        "医生",
        "律师",
        "记者",
        "老",
        "某",
        "氏",
        "家",
        "姓",
        "总",
        "董",
        "哥",
        "姐",
        "叔",
        "婶",
        "伯",
        "爷",
        "妈",
        "爸",
    ]
)


_PLACE_ENDINGS = tuple("省市县区镇乡村州岛山河湖江海港湾街路国盟旗峡原城岭峰洲道")
_ORGANISATION_ENDINGS = (
    *("公司", "集团", "大学", "学院", "学校", "银行", "委员会", "中心", "组织", "协会"),
    *("基金会", "法院", "政府", "部", "局", "院", "社", "报", "党", "会", "厅", "署"),
    *("所", "军", "队", "台", "处", "办", "网", "厂", "馆"),
)


@dataclass(frozen=True)
class Found:
    """One name or term, with every place it occurs (offsets into the text)."""

    hanzi: str  # simplified
    traditional: str
    kind: str  # person | place | organisation | term
    pinyin: str
    english: str
    source: str  # house | cedict | rules | "" (no suggestion)
    in_glossary: bool
    forms: tuple[str, ...]  # as written in the text (simplified and/or traditional)
    positions: tuple[int, ...]  # start offsets, in order
    tag: str  # jieba part of speech of the first occurrence ("house" for glossary words)
    ambiguous: bool = False
    alternatives: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    entry: Entry | None = field(default=None, compare=False, repr=False)

    @property
    def count(self) -> int:
        return len(self.positions)

    @property
    def first(self) -> int:
        return self.positions[0]

    def to_json(self, line_of: Any = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "hanzi": self.hanzi,
            "traditional": self.traditional,
            "kind": self.kind,
            "pinyin": self.pinyin,
            "english": self.english,
            "source": self.source,
            "in_glossary": self.in_glossary,
            "count": self.count,
            "first": self.first,
            "forms": list(self.forms),
            "positions": list(self.positions),
            "ambiguous": self.ambiguous,
            "alternatives": list(self.alternatives),
            "notes": list(self.notes),
        }
        if line_of is not None:
            line, column = line_of(self.first)
            data["line"], data["column"] = line, column
        return data


# --- the tokenizer ------------------------------------------------------------------


@cache
def _jieba() -> Any:
    """jieba, imported quietly (its logger, and a pkg_resources deprecation warning)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*pkg_resources.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="jieba.*")
        import jieba
        import jieba.posseg
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _tokenizer(glossary: Glossary) -> Any:
    """A part-of-speech tokenizer of our own (not jieba's global one) with the glossary added."""
    from glossary.resources import cache_dir

    jieba = _jieba()
    base = jieba.Tokenizer()
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        base.tmp_dir = str(folder)  # jieba's dictionary cache: our folder, not a shared /tmp
    except OSError:
        pass
    base.initialize()
    # People CC-CEDICT knows, so that 马克龙 (Macron) is not read as 马克 + 龙. Words jieba
    # already has (common words that are also someone's name) keep jieba's reading.
    from glossary.cedict import load_cedict

    for person in load_cedict().people():
        for form in dict.fromkeys((person.simplified, person.traditional)):
            if 2 <= len(form) <= 8 and is_han_text(form) and not base.FREQ.get(form):
                base.add_word(form, freq=_NAME_FREQUENCY, tag=_CEDICT_PERSON)
    for entry in glossary.entries:
        tag = _TAG_FOR_KIND[entry.kind.value]
        for form in dict.fromkeys((entry.hanzi, entry.traditional)):
            chars = form.replace("·", "")
            if len(chars) > 1 and is_han_text(chars):
                base.add_word(form, freq=max(base.suggest_freq(form, False), 1000), tag=tag)
    return _pos_tokenizer(jieba, base)


def _pos_tokenizer(jieba: Any, base: Any) -> Any:
    """jieba's part-of-speech tokenizer over `base`, reusing the tag table jieba read at import.

    The constructor reads the 350,000-line dictionary again (about a second);
    a copy of the table already in memory does the same job. The copy matters:
    user words' tags are added to it, and jieba's own tokenizer must not see them.
    """
    posseg = jieba.posseg
    shared = getattr(getattr(posseg, "dt", None), "word_tag_tab", None)
    if not isinstance(shared, dict):
        return posseg.POSTokenizer(base)
    tokenizer = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
    tokenizer.tokenizer = base
    tokenizer.word_tag_tab = dict(shared)
    return tokenizer


@lru_cache(maxsize=2)
def tokenizer_for(glossary: Glossary) -> Any:
    """One tokenizer per glossary object (building one costs about a second)."""
    return _tokenizer(glossary)


def tokens(text: str, glossary: Glossary) -> Iterator[tuple[int, str, str]]:
    """(offset, word, part of speech) for each token of the Han runs of `text`.

    Glossary entries written with a middle dot (阿沛·阿旺晋美), which jieba
    cannot hold as one word, are found by plain search first; the Han runs
    around them are segmented as usual.
    """
    posseg = tokenizer_for(glossary)
    taken: list[tuple[int, int]] = []
    dotted = _dotted_forms(glossary)
    if dotted:
        for match in dotted.finditer(text):
            taken.append((match.start(), match.end()))
            yield match.start(), match.group(0), "house"
    for run in HAN_RUN_RE.finditer(text):
        pieces = [(run.start(), run.end())]
        for start, end in taken:
            pieces = [
                part
                for a, b in pieces
                for part in ((a, min(b, start)), (max(a, end), b))
                if part[0] < part[1]
            ]
        for a, b in pieces:
            offset = a
            for pair in posseg.cut(text[a:b], HMM=True):
                word, tag = str(pair.word), str(pair.flag)
                yield offset, word, tag
                offset += len(word)


def _dotted_forms(glossary: Glossary) -> re.Pattern[str] | None:
    forms = {
        form
        for entry in glossary.entries
        for form in (entry.hanzi, entry.traditional)
        if "·" in form
    }
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


# --- classification -------------------------------------------------------------------


@dataclass
class _Tally:
    key: str
    kind: str
    tag: str
    forms: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)


def _merge_split_names(items: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A lone surname the tagger split off its given name: 蔡/nr + 英文/nz -> 蔡英文/nr."""
    from glossary.surnames import surname_table

    table = surname_table()
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(items):
        offset, word, tag = items[i]
        surname = table.get(word) if len(word) <= 2 else None
        lone = surname is not None and (tag == "nr" or len(word) == 2)  # 欧阳 may come as ns
        if lone and i + 1 < len(items):
            next_offset, next_word, next_tag = items[i + 1]
            if (
                next_offset == offset + len(word)
                and 1 <= len(next_word) <= 2
                and next_tag in ("nr", "nrfg", "nrt", "nz", "ng", _CEDICT_PERSON)
                and next_word not in _TITLES
                and is_han_text(next_word)
            ):
                out.append((offset, word + next_word, "nr"))
                i += 2
                continue
        out.append(items[i])
        i += 1
    return out


def _kind_of(word: str, tag: str, glossary: Glossary, cedict: Cedict | None) -> str | None:
    from glossary.surnames import surname_table

    if glossary.by_hanzi(word):
        return glossary.by_hanzi(word)[0].kind.value
    if tag == _CEDICT_PERSON:
        return PERSON
    if tag in ("nr", "nrfg"):
        titled = any(word.endswith(t) and len(word) > len(t) for t in _TITLES)
        if 2 <= len(word) <= 4 and surname_table().prefixes(word) and not titled:
            return PERSON
        return None
    if tag == "nrt" and len(word) >= 2:
        return PERSON
    if tag in ("ns", "nt") and len(word) >= 2:
        # The tagger also marks pieces of longer names (大湾 from 粤港澳大湾区): keep what
        # CC-CEDICT knows, or what ends like a place or an organisation (香港特区, 华为公司).
        suffixes = _PLACE_ENDINGS if tag == "ns" else _ORGANISATION_ENDINGS
        known = cedict is not None and bool(cedict.by_hanzi(word))
        if known or (len(word) >= 3 and word.endswith(suffixes)):
            return PLACE if tag == "ns" else ORGANISATION
        return None
    proper = tag == "nz" and len(word) >= 2 and cedict is not None
    if proper and cedict is not None and any(e.is_proper for e in cedict.by_hanzi(word)):
        return TERM
    return None


def extract(
    text: str, *, glossary: Glossary | None = None, cedict: Cedict | None = None
) -> list[Found]:
    """Names and terms in `text`, in order of first occurrence.

    ``glossary`` defaults to the shipped house glossary; ``cedict`` to the
    compiled CC-CEDICT (used for places, organisations and terms).
    """
    from glossary.chars import to_simplified

    if glossary is None:
        from glossary.house import load_glossary

        glossary = load_glossary()
    if cedict is None:
        from glossary.cedict import load_cedict

        cedict = load_cedict()
    tallies: dict[str, _Tally] = {}
    for offset, word, tag in _merge_split_names(sorted(tokens(text, glossary))):
        if not is_han_text(word.replace("·", "").replace("・", "")):
            continue
        kind = _kind_of(word, tag, glossary, cedict)
        if kind is None:
            continue
        key = to_simplified(word)
        tally = tallies.get(key)
        if tally is None:
            in_house = bool(glossary.by_hanzi(word))
            tally = tallies[key] = _Tally(key, kind, "house" if in_house else tag)
        if word not in tally.forms:
            tally.forms.append(word)
        tally.positions.append(offset)
    return [_describe(t, glossary, cedict) for t in tallies.values()]


def _describe(tally: _Tally, glossary: Glossary, cedict: Cedict | None) -> Found:
    """Attach the suggested pinyin and English form to a tally."""
    from glossary.chars import to_traditional

    word = tally.forms[0]
    base: dict[str, Any] = {
        "hanzi": tally.key,
        "kind": tally.kind,
        "forms": tuple(tally.forms),
        "positions": tuple(tally.positions),
        "tag": tally.tag,
    }
    entries = glossary.by_hanzi(word)
    if entries:
        entry = entries[0]
        notes: tuple[str, ...] = (entry.notes,) if entry.notes else ()
        if len(entries) > 1:
            notes += (f"{len(entries)} people share these characters: check which",)
        return Found(
            traditional=entry.traditional,
            pinyin=entry.pinyin,
            english=entry.english,
            source="house",
            in_glossary=True,
            ambiguous=len(entries) > 1,
            alternatives=tuple(e.english for e in entries[1:]),
            notes=notes,
            entry=entry,
            **base,
        )
    if tally.kind == PERSON and tally.tag not in ("nrt", _CEDICT_PERSON):
        from glossary.romanize import NotAName, romanize

        try:
            found = romanize(word, glossary=glossary)
        except NotAName:
            pass
        else:
            return Found(
                traditional=found.traditional,
                pinyin=found.pinyin,
                english=found.english,
                source=found.source.value,
                in_glossary=False,
                ambiguous=found.ambiguous,
                alternatives=found.alternatives,
                notes=found.notes,
                **base,
            )
    if cedict is not None:
        from glossary.lookup import cedict_pinyin

        known = cedict.by_hanzi(word)
        if tally.key != word:  # 台灣 is only a variant entry; 台湾 finds 臺灣 "Taiwan"
            known += [e for e in cedict.by_hanzi(tally.key) if e not in known]
        proper = sorted([e for e in known if e.is_proper] or known, key=lambda e: e.is_variant)
        if tally.kind == PERSON:
            proper = [e for e in proper if e.is_person] or proper
        if proper:
            best = proper[0]
            return Found(
                traditional=best.traditional,
                pinyin=cedict_pinyin(best),
                english=best.english,
                source="cedict",
                in_glossary=False,
                alternatives=tuple(dict.fromkeys(e.english for e in proper[1:])),
                **base,
            )
    from glossary.interchange import propose

    proposal = propose(word, tally.kind)
    if proposal is not None:
        return Found(
            traditional=to_traditional(tally.key),
            pinyin=proposal[0],
            english=proposal[1],
            source="cedict",
            in_glossary=False,
            notes=("composed from CC-CEDICT's words: check it",),
            **base,
        )
    return Found(
        traditional=to_traditional(tally.key),
        pinyin="",
        english="",
        source="",
        in_glossary=False,
        notes=("no suggestion: not in the glossary or CC-CEDICT",),
        **base,
    )
