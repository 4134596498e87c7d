"""How an article refers to each person: order, consistency, first mentions, surnames."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from glossary.check.findings import Severity
from glossary.check.mentions import (
    ENGLISH_WORD_SURNAMES,
    SPEECH_VERBS,
    TITLES,
    WORD_RE,
    Kind,
    Mention,
    PersonInfo,
)
from glossary.check.rules import Context, Hit, Rule
from glossary.check.rules.house import with_umlaut
from glossary.pinyin import Syllable, normalize_lookalikes, strip_tones
from glossary.records import NamedTuple
from glossary.resources import load_regexes

# The module's patterns, compiled once into the user cache (glossary.resources.load_regexes).
_PATTERNS = load_regexes(
    "check-people",
    {
        "html-heading": r"(?i)<(/?)h[1-6]\b",
        "surnamed": r"\bsurnamed\s+([A-Z][a-z]+)",
        "name-withheld": (
            r"(?i)\b(?:surname|surnamed|last name|family name|full name|first name|given name"
            r"|identified (?:herself |himself |themselves )?(?:only )?(?:as|by)"
            r"|(?:his|her|their) name (?:only )?as|known only as"
            r"|not to be (?:fully |publicly )?(?:named|identified))\b"
        ),
        "qualifier": r"(?i)\b(?:elder|younger|senior|junior)\s+$",
        "apposition-after": r",\s+(?:the|a|an|his|her)\s+[a-z]",
        "apposition-before": r"\b(?:[Tt]he|[Hh]is|[Hh]er)(?:\s+[a-z][a-z-]*){1,4},\s+$",
        "other-name-before": r"(?i)\b(?:born|n[ée]e|formerly|birth name|born as)\s+$",
    },
)


@lru_cache(maxsize=16384)
def _plain(text: str) -> str:
    if not text.isascii():  # (ASCII text has no tone mark, look-alike or ’ to replace)
        text = strip_tones(normalize_lookalikes(unicodedata.normalize("NFC", text)))
        text = text.replace("’", "'")
    return " ".join(text.split())


def _display(info: PersonInfo) -> str:
    if info.known is not None and info.known.source == "house":
        return info.known.english
    return f"{info.surname} {info.given}".strip()


# --- GL209 -----------------------------------------------------------------------------


def _own_western_order(info: PersonInfo | None) -> bool:
    """Whether the article introduces someone given name first in plain letters beside their
    characters (`Minxin Pei (裴敏欣)`, `Hui Shan (单辉)`) and never writes them surname first,
    with no record saying otherwise: likely their own English name (diaspora, bank
    economists), not a slip. Tone-marked pinyin (`Jiéchí Yáng`) is never someone's own."""
    if info is None or (info.known is not None and info.known.order == "eastern"):
        return False
    full = info.full_mentions
    return bool(full) and all(
        (m.kind is Kind.PAIRED and m.reversed and not m.toned) or m.kind is Kind.REVERSED
        for m in full
    )


def _name_order(ctx: Context) -> Iterator[Hit]:
    people = {p.key: p for p in ctx.people}
    for mention in ctx.paired():
        if not mention.reversed or mention.alignment is None:
            continue
        surname, given = mention.alignment.words[0].text, mention.alignment.words[1].text
        replacement = f"{surname} {given}"
        own = _own_western_order(people.get(mention.person_key))
        fix = None
        if not own and ctx.contiguous(mention.latin_start, mention.latin_end, mention.latin):
            fix = ctx.fix(mention.latin_start, mention.latin_end, replacement)
        yield Hit(
            mention.latin_start,
            mention.latin_end,
            f"surname first: '{replacement}', not '{mention.latin}'"
            + (" (unless given name first is this person's own English name)" if own else ""),
            fix,
            severity=Severity.INFO if own else None,
        )
    for mention in ctx.analysis.mentions:
        if mention.kind is not Kind.REVERSED:
            continue
        info = people.get(mention.person_key)
        if info is None or _own_western_order(info):
            continue
        words = mention.words
        replacement = f"{words[-1].text} {' '.join(w.text for w in words[:-1])}"
        fix = (
            ctx.fix(mention.start, mention.end, replacement)
            if ctx.contiguous(mention.start, mention.end, mention.latin)
            else None
        )
        yield Hit(
            mention.start,
            mention.end,
            f"surname first for {_display(info)}: '{replacement}', not '{mention.latin}'",
            fix,
        )
    yield from _titled_given_name(ctx)


def _titled_given_name(ctx: Context) -> Iterator[Hit]:
    """`Mr Yi` for Wang Yi: an honorific goes with the surname (`Mr Wang`), and a Chinese
    name's last word is the given name. Only for people introduced in pinyin in a Chinese
    order (a personal Western-order form such as `John Lee` is left alone); never when
    someone in the article has that word as a surname, or when a name follows it (`Mr Yi
    Gang`)."""
    by_given: dict[str, list[PersonInfo]] = {}
    surnames = {_plain(p.surname) for p in ctx.people if p.surname}
    for info in ctx.people:
        if not (info.is_pinyin and info.surname and info.given):
            continue
        if (info.known is not None and info.known.order == "western") or _own_western_order(info):
            continue
        given = _plain(info.given)
        if given not in surnames:
            by_given.setdefault(given, []).append(info)
    if not by_given:
        return
    for passage in ctx.document.passages:
        words = list(WORD_RE.finditer(passage.text))
        for i in range(1, len(words)):
            title, match = words[i - 1], words[i]
            if title.group(0) not in TITLES or passage.text[title.end() : match.start()] not in (
                " ",
                "\n",  # a wrapped line
            ):
                continue
            word = _bare(match.group(0))
            people = by_given.get(_plain(word))
            if people is None:
                continue
            nxt = words[i + 1] if i + 1 < len(words) else None
            if (
                nxt is not None
                and nxt.group(0)[:1].isupper()
                and passage.text[match.end() : nxt.start()] in (" ", "\n")
            ):
                continue  # a full name after the title
            start, end = passage.span(match.start(), match.start() + len(word))
            if len(people) == 1:
                info = people[0]
                yield Hit(
                    start,
                    end,
                    f"'{word}' is {_display(info)}'s given name; a title goes with the "
                    f"surname: '{title.group(0)} {info.surname}'",
                    ctx.fix(start, end, info.surname) if ctx.contiguous(start, end, word) else None,
                )
            else:
                names = " and ".join(_display(p) for p in people)
                yield Hit(
                    start,
                    end,
                    f"'{word}' is the given name of {names}; a title goes with the surname",
                )


# --- GL301 -----------------------------------------------------------------------------


def _canonical(info: PersonInfo) -> tuple[str, Mention | None]:
    """The spelling the article should keep: the house form, else its first pinyin form."""
    if info.known is not None and info.known.source == "house":
        return info.known.english, None
    for mention in info.mentions:
        if mention.kind is Kind.PAIRED and mention.alignment is not None:
            return _plain(mention.latin), mention
    first = info.full_mentions[0] if info.full_mentions else None
    return (_plain(first.latin) if first else ""), first


def _inconsistent(ctx: Context) -> Iterator[Hit]:
    for info in ctx.people:
        if info.known is not None and info.known.source == "house" and not info.known.is_pinyin:
            continue  # an established form (Tsai Ing-wen) is GL401's
        canonical, origin = _canonical(info)
        if not canonical:
            continue
        accepted = {canonical.casefold()}
        if info.known is not None:
            accepted.update(_plain(f).casefold() for f in info.known.forms)
        correct = _with_correct_umlaut(origin) or canonical
        if "ü" in correct:
            # `Lü Xin`, and `Lu Xin` / `Lyu Xin` where the house writes ü so (GL205's call)
            accepted.update(
                {correct.casefold(), with_umlaut(correct, ctx.config.umlaut).casefold()}
            )
            if "ü" not in canonical:
                canonical = with_umlaut(correct, ctx.config.umlaut)  # not back to a `Lu`
        for mention in info.mentions:
            if mention is origin:
                continue
            if mention.kind is Kind.PAIRED:
                # a house pinyin name misspelt beside its characters (`Yang Jiechei (杨洁篪)`)
                if mention.alignment is not None or origin is not None or not mention.words:
                    continue
                if info.known is None or not info.known.is_pinyin:
                    continue
                if not _similar(_fold(mention.latin), _fold(canonical)):
                    continue
            elif mention.kind is not Kind.NAME:
                continue
            written = _plain(mention.latin)
            if written.casefold() in accepted or _caps_variant(written, accepted):
                continue
            if (
                info.known is not None
                and not info.known.is_pinyin
                and _fold(written) == _fold(info.known.pinyin)
            ):
                continue  # GL401 (glossary form) reports pinyin for an established form
            where = f" (line {ctx.line_of(origin.start)})" if origin is not None else ""
            source = "the house form" if origin is None else "first written"
            replacement = canonical
            fix = None
            start, end = mention.latin_start, mention.latin_end
            if ctx.contiguous(start, end, mention.latin) and not mention.toned:
                fix = ctx.fix(start, end, replacement)
            yield Hit(
                start,
                end,
                f"'{mention.latin}' spells {canonical} differently ({source} '{canonical}'{where})",
                fix,
            )


def _with_correct_umlaut(origin: Mention | None) -> str:
    """The first pinyin form, toneless, with ü where its characters read ü (`Lu Xin` 吕新 is
    `Lü Xin`); "" when it has no such syllable or is not aligned with characters."""
    from glossary.chars import readings
    from glossary.pinyin import capitalize, join_syllables

    if origin is None or origin.alignment is None or origin.reversed:
        return ""
    alignment = origin.alignment
    changed = False
    words = []
    for index in range(len(alignment.words)):
        syllables = []
        for match in (m for m in alignment.matches if m.word_index == index):
            written = match.written
            bases = {r.base for r in readings(match.char)}
            umlauts = sorted(b for b in bases if "ü" in b and b.replace("ü", "u") == written.base)
            if written.base not in bases and umlauts:
                written, changed = Syllable(umlauts[0], written.tone), True
            syllables.append(written)
        words.append(capitalize(join_syllables(syllables, tones=False)))
    if not changed and not any("ü" in m.written.base for m in alignment.matches):
        return ""
    return " ".join(words)


def _spellings(ctx: Context) -> Iterator[Hit]:
    yield from _inconsistent(ctx)
    yield from _inconsistent_tones(ctx)


def _similar(a: str, b: str) -> bool:
    from glossary.check.mentions import similar_spelling

    return similar_spelling(a, b)


def _fold(text: str) -> str:
    from glossary.check.knowledge import fold_key

    return fold_key(text)


def _toned_form(info: PersonInfo) -> Mention | None:
    """The person's first tone-marked pinyin form that matches the characters, if any."""
    for mention in info.mentions:
        if (
            mention.kind is Kind.PAIRED
            and mention.alignment is not None
            and mention.toned
            and not mention.reversed
            and all(m.reading_ok and m.written.tone for m in mention.alignment.matches)
        ):
            return mention
    return None


def _inconsistent_tones(ctx: Context) -> Iterator[Hit]:
    """A later tone-marked mention with other tones than the checked first one
    (`Wáng Yi` after `Wáng Yì 王毅`); failing a tone-marked first form, a mention marked on
    some syllables only or against the person's checked reading (see `_tone_slip`). When
    the article names two people by one toneless spelling (`Wáng Yì 王毅`, `Wáng Yí 王怡`), a
    slip is reported without a fix: whose tones were meant is not certain."""
    spellings: dict[str, set[str]] = {}
    for info in ctx.people:
        for mention in info.mentions:
            if mention.kind is Kind.PAIRED and mention.alignment is not None:
                spellings.setdefault(_fold(mention.latin), set()).add(info.key)
    for info in ctx.people:
        origin = _toned_form(info)
        canonical = _nfc(origin.latin) if origin is not None else ""
        reading: _Reading | None = None
        for mention in info.mentions:
            if mention.kind is not Kind.TONED:
                continue
            if origin is None or mention.start < origin.start:
                partial = _partly_toned(mention)
                if reading is None or (partial and not reading.bases):
                    # CC-CEDICT is asked only for a name marked on some syllables only
                    reading = _checked_reading(ctx, info, origin, cedict=partial)
                hit = _tone_slip(ctx, mention, reading)
                if hit is not None:
                    yield _without_fix(hit) if _shared(spellings, mention) else hit
                continue
            written = _nfc(mention.latin)
            if written.casefold() == canonical.casefold():
                continue
            if _plain(written).casefold() != _plain(canonical).casefold():
                continue  # another spelling altogether: the plain comparison reports it
            fix = None
            if ctx.contiguous(mention.latin_start, mention.latin_end, mention.latin) and not (
                _shared(spellings, mention)
            ):
                fix = ctx.fix(mention.latin_start, mention.latin_end, canonical)
            yield Hit(
                mention.latin_start,
                mention.latin_end,
                f"'{mention.latin}' has other tone marks than '{canonical}' "
                f"(line {ctx.line_of(origin.start)})",
                fix,
            )


def _shared(spellings: dict[str, set[str]], mention: Mention) -> bool:
    """Whether the article introduced more than one person spelt like this mention."""
    return len(spellings.get(_fold(mention.latin), ())) > 1


def _without_fix(hit: Hit) -> Hit:
    return hit._replace(fix=None)


class _Reading(NamedTuple):
    """How a person's name is checked to read, syllable by syllable."""

    bases: tuple[str, ...]  # toneless syllables, ü written u
    tones: tuple[frozenset[int], ...]  # the tones each syllable may have (0: neutral)
    form: str  # the tone-marked name, as a fix; "" when the tones are not all certain
    source: str  # where the reading comes from, for the message
    binding: bool  # a syllable marked with another tone is a slip (else maybe a namesake)
    # a name to count namesakes of before the reading is used (a glossary person's, counted
    # only once a slip is found: CC-CEDICT is not opened for every tone-marked name)
    namesakes: str = ""
    hanzi: str = ""  # whose reading it is


_NO_READING = _Reading((), (), "", "", False)


def _partly_toned(mention: Mention) -> bool:
    if mention.alignment is None:
        return False
    tones = [s.tone for split in mention.alignment.splits for s in split]
    return any(tones) and not all(tones)


def _checked_reading(
    ctx: Context, info: PersonInfo, origin: Mention | None, *, cedict: bool
) -> _Reading:
    """The reading a person's tone-marked mentions are held to: the article's checked
    tone-marked form; else the house glossary's pinyin for the characters the article
    prints, else those characters' readings; else, with no characters in the article, the
    pinyin of the one person (house glossary or CC-CEDICT) who writes this name so."""
    if origin is not None and origin.alignment is not None:
        syllables = [m.written for m in origin.alignment.matches]
        where = f"'{_nfc(origin.latin)}' (line {ctx.line_of(origin.start)})"
        return _reading_of(syllables, _nfc(origin.latin), where)
    paired = next(
        (
            m
            for m in info.mentions
            if m.kind is Kind.PAIRED and m.alignment is not None and not m.reversed
        ),
        None,
    )
    known = info.known
    if paired is not None and paired.alignment is not None:
        line = ctx.line_of(paired.start)
        if (
            known is not None
            and known.source == "house"
            and paired.hanzi in (known.hanzi, known.traditional)
        ):
            from_house = _reading_of_pinyin(known.pinyin, f"the house glossary's {paired.hanzi}")
            if from_house.bases == tuple(_base(m.written) for m in paired.alignment.matches):
                return from_house
        return _reading_of_characters(paired, f"{paired.hanzi} (line {line})")
    first = info.full_mentions[0] if info.full_mentions else None
    if first is None:
        return _NO_READING
    namesakes = _plain(first.latin)
    if known is not None and any(
        m.kind is Kind.PAIRED and m.hanzi in (known.hanzi, known.traditional) for m in info.mentions
    ):
        namesakes = ""  # the article prints their characters (beside another form): them
    if known is None:
        if not cedict:
            return _NO_READING
        named = ctx.knowledge.people_named(namesakes)
        if len(named) != 1:
            return _NO_READING  # nobody, or namesakes: the tones may be anyone's
        known, namesakes = named[0], ""
    if not known.pinyin:
        return _NO_READING
    where = "the house glossary" if known.source == "house" else "CC-CEDICT"
    reading = _reading_of_pinyin(known.pinyin, f"{where}'s {known.hanzi}")
    if not reading.bases:
        return _NO_READING
    return reading._replace(binding=known.source == "house", namesakes=namesakes, hanzi=known.hanzi)


def _base(syllable: Syllable) -> str:
    return syllable.base.replace("ü", "u")


def _reading_of(syllables: list[Syllable], form: str, source: str) -> _Reading:
    return _Reading(
        tuple(_base(s) for s in syllables),
        tuple(frozenset([s.tone]) for s in syllables),
        form,
        source,
        True,
    )


def _reading_of_pinyin(pinyin: str, source: str) -> _Reading:
    from glossary.pinyin import split_syllables

    syllables: list[Syllable] = []
    for word in _nfc(pinyin).replace("-", " ").split():
        split = split_syllables(word, require_apostrophes=False)
        if split is None:
            return _NO_READING
        syllables.extend(split)
    return _reading_of(syllables, _nfc(pinyin), source)


def _reading_of_characters(mention: Mention, source: str) -> _Reading:
    """Tones from the characters printed beside a plain pinyin form: a surname's from the
    surname table, a given name's any reading of that sound; the form (the fix) only when
    each syllable has one tone."""
    from glossary.chars import readings
    from glossary.check.knowledge import surname_of
    from glossary.pinyin import capitalize, join_syllables

    alignment = mention.alignment
    assert alignment is not None
    surname = surname_of(mention.hanzi[: alignment.surname_chars])
    tones: list[frozenset[int]] = []
    chosen: list[Syllable | None] = []  # None: more than one tone fits
    for index, match in enumerate(alignment.matches):
        base = match.written.base
        options: set[int] = set()
        if surname is not None and index < alignment.surname_chars:
            options = {
                r[index].tone for r in surname.readings if _base(r[index]) == _base(match.written)
            }
        if not options:
            options = {r.tone for r in readings(match.char) if _base(r) == _base(match.written)}
        if not options:
            return _NO_READING
        tones.append(frozenset(options))
        chosen.append(Syllable(base, options.pop()) if len(options) == 1 else None)
    form = ""
    certain = [s for s in chosen if s is not None]
    if len(certain) == len(chosen):
        words = []
        for index, word in enumerate(alignment.words):
            syllables = [
                s for s, m in zip(certain, alignment.matches, strict=True) if m.word_index == index
            ]
            joined = join_syllables(syllables, tones=True)
            words.append(
                joined.upper() if word.text.isupper() and len(word.text) > 1 else capitalize(joined)
            )
        form = " ".join(words)
    return _Reading(
        tuple(_base(m.written) for m in alignment.matches), tuple(tones), form, source, True
    )


def _tone_slip(ctx: Context, mention: Mention, reading: _Reading) -> Hit | None:
    """A tone-marked name without characters marked on some syllables only (`Yang Jiéchi`),
    where the unmarked ones are not neutral in the checked reading, or marked against it
    (`Wáng Yí` for the house glossary's Wáng Yì): the fix is the checked form."""
    if mention.alignment is None:
        return None
    syllables = [s for split in mention.alignment.splits for s in split]
    if not any(s.tone for s in syllables):
        return None
    checked = bool(reading.bases) and tuple(_base(s) for s in syllables) == reading.bases
    if checked:
        partial = any(
            not s.tone and 0 not in tones for s, tones in zip(syllables, reading.tones, strict=True)
        )
        against = any(
            s.tone and s.tone not in tones
            for s, tones in zip(syllables, reading.tones, strict=True)
        )
    else:
        partial, against = any(not s.tone for s in syllables), False
    if checked and (partial or (against and reading.binding)) and reading.namesakes:
        named = ctx.knowledge.people_named(reading.namesakes)
        if len(named) != 1 or named[0].hanzi != reading.hanzi:
            # namesakes: the tones may well be another person's; a partly marked name is
            # still a slip, with no fix
            checked, against = False, False
            partial = any(not s.tone for s in syllables)
    if not partial and not (against and reading.binding):
        return None
    start, end = mention.latin_start, mention.latin_end
    fix = None
    if checked and reading.form and ctx.contiguous(start, end, mention.latin):
        fix = ctx.fix(start, end, reading.form)
    what = "tone marks on some syllables only" if partial else "other tone marks"
    message = f"'{mention.latin}' has {what}"
    if checked:
        message += (
            f"; {reading.source} reads '{reading.form}'" if reading.form else f" ({reading.source})"
        )
    return Hit(start, end, message, fix)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", normalize_lookalikes(text)).split())


def _caps_variant(written: str, accepted: set[str]) -> bool:
    """`YANG Jiechi` for `Yang Jiechi`: the surname in capitals is a formal variant."""
    return written.casefold() in accepted and written != written.lower()


# --- GL302 / GL303 -------------------------------------------------------------------------


def _needs(info: PersonInfo, characters: bool, tones: bool) -> tuple[bool, bool]:
    return characters, tones and info.is_pinyin


def _carries(mention: Mention, characters: bool, tones: bool) -> bool:
    if characters and mention.kind is not Kind.PAIRED:
        return False
    return not (tones and not mention.toned)


def _style_words(characters: bool, tones: bool) -> str:
    return {
        (True, True): "tone-marked pinyin and characters",
        (True, False): "characters",
        (False, True): "tone-marked pinyin",
    }[(characters, tones)]


def _characters_in_next_cell(ctx: Context, info: PersonInfo, mention: Mention) -> bool:
    """Whether a table row gives the person's characters in the cell next to the name
    (`| Xi Jinping | 习近平 |` or `| 习近平 | Xi Jinping |`)."""
    for other in info.mentions:
        if other.kind is not Kind.CHARS:
            continue
        if other.start >= mention.end:
            gap = ctx.source[mention.end : other.start]
        else:
            gap = ctx.source[other.end : mention.start]
        if gap.strip(" \t") == "|":
            return True
    return False


def _first_mention(ctx: Context) -> Iterator[Hit]:
    style = ctx.style
    for info in ctx.people:
        characters, tones = _needs(info, style.characters, style.tones)
        if not characters and not tones:
            continue
        full = info.full_mentions
        if not full:
            continue
        first = full[0]
        if _carries(first, characters, tones):
            continue
        if characters and _characters_in_next_cell(ctx, info, first):
            if not tones or first.toned:
                continue
            characters = False  # `| Xi Jinping | 习近平 |`: only the tones are missing
        wanted = _style_words(characters, tones)
        missing = (
            _style_words(characters and first.kind is not Kind.PAIRED, tones and not first.toned)
            if not _carries(first, characters, tones)
            else wanted
        )
        origin = "this article's style" if style.inferred else "house style"
        later = next((m for m in full[1:] if _carries(m, characters, tones)), None)
        if later is not None:
            yield Hit(
                first.start,
                first.end,
                f"{_display(info)} gets {wanted} only at a later mention "
                f"(line {ctx.line_of(later.start)}); {origin} gives them at the first",
                severity=Severity.INFO,
            )
            continue
        # an inferred style is a guess about the house: say so, but do not fail the article
        yield Hit(
            first.start,
            first.end,
            f"first mention of {_display(info)} without {missing} ({origin})",
            severity=Severity.INFO if style.inferred else None,
        )


def _repeated(ctx: Context) -> Iterator[Hit]:
    style = ctx.style
    if style.inferred and style.repeats_characters:
        return
    from glossary.config import FirstMention

    if ctx.config.first_mention is FirstMention.ANY:
        return
    for info in ctx.people:
        # a name cut from a longer run (`蔡元培故居`, the residence) is not the person's own
        # characters, so neither sets nor repeats them
        paired = [m for m in info.mentions if m.kind is Kind.PAIRED and not m.partial]
        # a headline is not the first mention: the body gives the characters again on purpose
        paired = [m for m in paired if not _in_headline(ctx, m.start)]
        for mention in paired[1:]:
            yield Hit(
                mention.hanzi_start,
                mention.hanzi_end,
                f"characters for {_display(info)} repeated; they were given at line "
                f"{ctx.line_of(paired[0].start)}",
            )


_HTML_HEADING_RE = _PATTERNS["html-heading"]


def _in_headline(ctx: Context, offset: int) -> bool:
    """Whether `offset` is in a heading: a Markdown `#` line, an HTML `<h1>`..`<h6>`, or a
    plain-text article's first paragraph when it is one line without a full stop."""
    from glossary.check.formats import Format

    source = ctx.source
    line_start = source.rfind("\n", 0, offset) + 1
    line_end = source.find("\n", offset)
    line = source[line_start : line_end if line_end >= 0 else len(source)]
    fmt = ctx.document.format
    if fmt is Format.MARKDOWN:
        return line.lstrip(" ").startswith("#")
    if fmt is Format.HTML:
        tags = list(_HTML_HEADING_RE.finditer(source, 0, offset))
        return bool(tags) and not tags[-1].group(1)
    passages = ctx.document.passages
    if not passages or not passages[0].segments:
        return False
    first = passages[0].segments
    start, end = first[0].start, first[-1].end
    title = source[start:end].rstrip()
    return start <= offset < end and "\n" not in title and not title.endswith(".")


# --- GL304 / GL305 -------------------------------------------------------------------------


@cache
def _pinyin_surnames() -> frozenset[str]:
    from glossary.check.knowledge import surname_spellings

    return frozenset(s.replace("ü", "u").capitalize() for s in surname_spellings())


def _bare(word: str) -> str:
    """The word without a possessive `'s` (`re.sub(r"['’]s$", "", word)` for a word of
    WORD_RE, which holds no newline)."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


_BARE_TITLES = frozenset(t.rstrip(".") for t in TITLES)
_SURNAMED_RE = _PATTERNS["surnamed"]
_NAME_WITHHELD_RE = _PATTERNS["name-withheld"]


def _dangling(ctx: Context) -> Iterator[Hit]:
    """A surname alone, said to speak or titled, with nobody of that surname in the article."""
    surnames = _pinyin_surnames()
    titles = _BARE_TITLES
    introduced = {p.surname for p in ctx.people if p.surname}
    in_names: set[str] = set()
    candidates: list[tuple[int, int, str]] = []
    for passage in ctx.document.passages:
        # "a teacher surnamed Chen", "Ms. Li, who gave only her surname": a surname alone on
        # purpose (sources who ask not to be named), not a slip
        for named in _SURNAMED_RE.finditer(passage.text):
            in_names.add(named.group(1))
        words = list(WORD_RE.finditer(passage.text))
        if _NAME_WITHHELD_RE.search(passage.text):
            # the source's surname stands for them later in the article too
            in_names.update(_bare(w.group(0)) for w in words if w.group(0)[:1].isupper())
            continue
        for i, match in enumerate(words):
            text = match.group()
            if not text[:1].isupper():
                continue  # neither a name's word nor (the surnames being capitalised) a surname
            word = _bare(text)
            nxt = words[i + 1] if i + 1 < len(words) else None
            prev = words[i - 1] if i else None
            close_next = nxt is not None and passage.text[match.end() : nxt.start()] == " "
            close_prev = prev is not None and passage.text[prev.end() : match.start()] == " "
            if word[:1].isupper() and (
                (close_next and nxt is not None and nxt.group(0)[:1].isupper())
                or (
                    close_prev
                    and prev is not None
                    and prev.group(0)[:1].isupper()
                    and prev.group(0).rstrip(".") not in titles
                )
            ):
                in_names.add(_plain(word))  # `Wáng Yì` names a later `Yi`
            if _plain(word) not in surnames or word in ENGLISH_WORD_SURNAMES:
                continue
            titled = prev is not None and prev.group(0).rstrip(".") in titles
            speaks = close_next and nxt is not None and nxt.group(0) in SPEECH_VERBS
            if not (titled or speaks):
                continue
            if close_next and nxt is not None and nxt.group(0)[:1].isupper():
                continue
            start, end = passage.span(match.start(), match.start() + len(word))
            candidates.append((start, end, word))
    repaired: str | None = None
    for start, end, word in candidates:
        if _plain(word) in introduced or word in in_names or _plain(word) in in_names:
            continue
        if repaired is None:
            repaired = _repaired_plain(ctx.source)
        if re.search(rf"\b{re.escape(_plain(word))}\s+[A-Z][a-z]", repaired):
            continue  # introduced in a garbled run (`Hรบ Chลซnhuรก`): GL001 reports that
        yield Hit(
            start, end, f"'{word}' alone, but no one named {word} is introduced in the article"
        )


def _repaired_plain(source: str) -> str:
    """The text with its mojibake repaired and tones removed, for finding garbled names."""
    from glossary.repair import repair_text

    repaired, repairs = repair_text(source)
    return _plain(repaired) if repairs else _plain(source)


_QUALIFIER_RE = _PATTERNS["qualifier"]
# a description set beside the surname: `Wang, the foreign minister,` / `The premier, Li,`
_APPOSITION_AFTER_RE = _PATTERNS["apposition-after"]
_APPOSITION_BEFORE_RE = _PATTERNS["apposition-before"]


def _named_within(
    people: list[PersonInfo], mention: Mention, index: dict[int, int], here: int, distance: int
) -> list[PersonInfo]:
    """Who of `people` was named in full, before `mention`, `distance` paragraphs back."""
    return [
        p
        for p in people
        if any(
            m.start < mention.start and here - index.get(id(m.passage), -9) == distance
            for m in p.full_mentions
        )
    ]


# `was born Deng Xixian`, `née Soong`, `formerly Zhou Shuren`: another name of someone
_OTHER_NAME_BEFORE_RE = _PATTERNS["other-name-before"]


def _other_name_only(info: PersonInfo) -> bool:
    """Whether the article names this "person" only as someone's birth or former name."""
    full = info.full_mentions
    return bool(full) and all(
        m.passage is not None
        and m.words
        and _OTHER_NAME_BEFORE_RE.search(m.passage.text[: m.words[0].p_start])
        for m in full
    )


def _ambiguous(ctx: Context) -> Iterator[Hit]:
    """Two people of one surname were introduced and the surname alone does not say who.

    Recency resolves it the way a reader does: if only one of them was named in this
    paragraph (or, when neither was, in the one before), the surname is theirs.
    """
    index = {id(p): i for i, p in enumerate(ctx.document.passages)}
    people_by_surname: dict[str, list[PersonInfo]] = {}
    for info in ctx.people:
        if info.surname:
            people_by_surname.setdefault(info.surname, []).append(info)
    for mention in ctx.analysis.mentions:
        if mention.kind is not Kind.SURNAME or mention.person_key:
            continue
        surname = _plain(mention.latin)
        if mention.passage is not None and mention.words:
            ahead = mention.passage.text[: mention.words[0].p_start]
            if _QUALIFIER_RE.search(ahead):
                continue  # `the elder Xi`, `the younger Xi`: the qualifier says who
            behind = mention.passage.text[mention.words[-1].p_end :]
            if _APPOSITION_AFTER_RE.match(behind) or (
                _APPOSITION_BEFORE_RE.search(ahead) and behind.startswith(",")
            ):
                continue  # `Wang, the foreign minister,`: the description says who
        before = [
            p
            for p in people_by_surname.get(surname, [])
            if p.full_mentions
            and p.full_mentions[0].start < mention.start
            and not _other_name_only(p)
        ]
        if len(before) < 2:
            continue
        here = index.get(id(mention.passage), 0)
        same = _named_within(before, mention, index, here, 0)
        previous = _named_within(before, mention, index, here, 1)
        if len(same) == 1 or (not same and len(previous) == 1):
            continue
        names = " or ".join(_display(p) for p in before)
        yield Hit(
            mention.start,
            mention.end,
            f"'{mention.latin}' alone could be {names}; use the full name",
        )


RULES = (
    Rule(
        code="GL209",
        name="name-order",
        severity=Severity.WARNING,
        doc=(
            "Chinese names are written surname first: once the article has introduced "
            "`Yang Jiechi`, `Jiechi Yang` is the wrong order. People whose glossary entry says "
            '`order = "western"` (`Chen-Ning Yang`) are left alone; someone the article only '
            "ever writes given name first, in plain letters beside their characters (`Minxin "
            "Pei (裴敏欣)`), is probably using their own English name: info, with no fix. A "
            "title goes with the surname too: `Mr Yi` for Wang Yi is `Mr Wang` (unless someone "
            "in the article has Yi as a surname)."
        ),
        bad="Yáng Jiéchí 杨洁篪 arrived on Monday. Jiechi Yang then left.",
        good="Yáng Jiéchí 杨洁篪 arrived on Monday. Yang then left.",
        check=_name_order,
    ),
    Rule(
        code="GL301",
        name="inconsistent-spelling",
        severity=Severity.WARNING,
        doc=(
            "One person, one spelling: after `Yang Jiechi`, a later `Yang Jiechei` or "
            "`Yang Jie-chi` is reported, with the house form (or the article's first pinyin form) "
            "as the fix; so is a near miss of a house pinyin name (`Xi Jingping`) and, after a "
            "checked tone-marked form, other tone marks (`Wáng Yi` after `Wáng Yì 王毅`). A "
            "tone-marked name without characters marked on some syllables only (`Yang Jiéchi`) "
            "is a slip, fixed from the person's characters in the article or the house "
            "glossary's pinyin; marked against them (`Wáng Yí` for the house's Wáng Yì) too, "
            "when no other known person writes the name so. A "
            "capitalised surname (`YANG Jiechi`) is accepted. A near spelling that is itself "
            "valid pinyin (`Li Jiang` beside Li Qiang) is another person, unless it drops or "
            "doubles a letter of a longer given name (`Jingping`) or follows the same role "
            "(`Premier Li Jiang` after `Premier Li Qiang`)."
        ),
        bad="Yang Jiechi (杨洁篪) flew in. Later Yang Jiechei spoke.",
        good="Yang Jiechi (杨洁篪) flew in. Later Yang Jiechi spoke.",
        check=_spellings,
    ),
    Rule(
        code="GL302",
        name="first-mention-style",
        severity=Severity.WARNING,
        doc=(
            "The first mention of a person carries what the house style asks for: characters "
            "and/or tone-marked pinyin (`first-mention` setting). By default the style is "
            "inferred from the article itself (what most of its people get) and findings are "
            "info, since an inferred style is a guess; a configured style makes them warnings. "
            "When the form comes only at a later mention the finding is info."
        ),
        bad="Yáng Jiéchí 杨洁篪 and Liú Jiànchāo 刘建超 met Wang Yi, Yang said.",
        good="Yáng Jiéchí 杨洁篪 and Liú Jiànchāo 刘建超 met Wáng Yì 王毅, Yang said.",
        check=_first_mention,
        config=(("first-mention", "tones+characters"),),
    ),
    Rule(
        code="GL303",
        name="repeated-characters",
        severity=Severity.WARNING,
        doc=(
            "Characters are given once, at the first mention; later mentions use the name "
            "(usually the surname) alone. Not reported when the article prints characters at "
            "every mention as its own style. Characters in a headline do not count: the "
            "body's first mention gives them again."
        ),
        bad="Wáng Yì 王毅 spoke. Liú Jiànchāo 刘建超 listened. Then Wáng Yì 王毅 left.",
        good="Wáng Yì 王毅 spoke. Liú Jiànchāo 刘建超 listened. Then Wang left.",
        check=_repeated,
    ),
    Rule(
        code="GL304",
        name="dangling-surname",
        severity=Severity.WARNING,
        doc=(
            "A surname alone (`Yang said`, `Mr. Yang`) needs the person introduced in the "
            "article. Only reported when the context makes it a name (a speech verb after it "
            "or a title before it) and no name in the article contains it."
        ),
        bad="The talks ended late, Zhao said.",
        good="Zhào Lìjiān 赵立坚 spoke. The talks ended late, Zhao said.",
        check=_dangling,
    ),
    Rule(
        code="GL305",
        name="ambiguous-surname",
        severity=Severity.WARNING,
        doc=(
            "When two people with the same surname have been introduced, the surname alone "
            "no longer says who is meant, unless only one of them was named in the same "
            "paragraph (or, failing that, in the previous one). A surname named as a word "
            '(`all surnamed Wang`, a quoted `"Wang"`) is not reported, nor is a birth name '
            "(`born Deng Xixian`) counted as a second person."
        ),
        bad="Wáng Yì 王毅 met Wāng Wénbīn 汪文斌. Wang said the talks went well.",
        good="Wáng Yì 王毅 met Liú Jiànchāo 刘建超. Wang said the talks went well.",
        check=_ambiguous,
    ),
)
