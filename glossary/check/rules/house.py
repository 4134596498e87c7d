"""The house glossary's word: established forms, characters, scripts, names it lacks."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from glossary.check.findings import Severity
from glossary.check.knowledge import Person, fold_key
from glossary.check.mentions import (
    Kind,
    Mention,
    join_initials,
    sequence_ratio,
    similar_spelling,
)
from glossary.check.rules import Context, Hit, Rule
from glossary.config import ScriptPolicy, Umlaut
from glossary.pinyin import has_tone_marks, normalize_lookalikes, strip_tones

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glossary.chars import Script


def _toneless(text: str) -> str:
    return strip_tones(normalize_lookalikes(text))


# --- GL103 -----------------------------------------------------------------------------

RARE = 50  # a character used fewer times than this in jieba's corpus counts as rare


def _wrong_characters(ctx: Context) -> Iterator[Hit]:
    from glossary.chars import readings

    printed = {m.hanzi for m in ctx.paired(people_only=False)}
    for mention in ctx.paired(people_only=False):
        people = ctx.knowledge.house_by_english(_toneless(mention.latin))
        if not people:
            continue
        if ctx.knowledge.house_by_hanzi(mention.hanzi):
            if any(p in people for p in ctx.knowledge.house_by_hanzi(mention.hanzi)):
                continue
            continue  # the characters are another known person's: not a typo
        person = people[0]
        expected = person.traditional if _is_traditional(mention.hanzi) else person.hanzi
        differing = [(a, b) for a, b in zip(mention.hanzi, expected, strict=False) if a != b]
        # A rare character that sounds like the glossary's one is an input-method slip
        # (杨洁箎 for 杨洁篪); a common one is more likely a namesake (王怡, not 王毅), unless
        # it has the very same sound and tone in a given name of two characters or more
        # (王护宁 for 王沪宁): a whole name identical in toned pinyin is the IME's wrong pick.
        homophone_slip = False
        if len(mention.hanzi) == len(expected) and len(differing) == 1:
            written, wanted = differing[0]
            same_sound = {r.base for r in readings(written)} & {r.base for r in readings(wanted)}
            frequency = ctx.knowledge.frequency(written)
            homophone_slip = bool(same_sound) and frequency is not None and frequency < RARE
            same_tone = {(r.base, r.tone) for r in readings(written)} & {
                (r.base, r.tone) for r in readings(wanted)
            }
            in_given = len(expected) >= 3 and mention.hanzi[0] == expected[0]
            # an article that prints the house characters too means someone else by these
            namesake = bool({person.hanzi, person.traditional} & printed)
            homophone_slip = homophone_slip or (bool(same_tone) and in_given and not namesake)
        message = (
            f"{mention.latin} is {person.hanzi}"
            + (f" ({person.traditional})" if person.traditional != person.hanzi else "")
            + f" in the house glossary, not {mention.hanzi}"
        )
        if homophone_slip:
            yield Hit(
                mention.hanzi_start,
                mention.hanzi_end,
                message,
                ctx.fix(mention.hanzi_start, mention.hanzi_end, expected),
            )
        else:
            yield Hit(
                mention.hanzi_start,
                mention.hanzi_end,
                message + "; if this is someone else, add them to the glossary",
                severity=Severity.INFO,
            )


def _is_traditional(hanzi: str) -> bool:
    from glossary.chars import Script, script_of

    return script_of(hanzi) is Script.TRADITIONAL


# --- GL104 / GL105 -------------------------------------------------------------------------


def _mixed_script(ctx: Context) -> Iterator[Hit]:
    from glossary.chars import Script, script_of

    for mention in ctx.with_characters():
        if script_of(mention.hanzi) is not Script.MIXED:
            continue
        target = _script_target(ctx, mention)
        fix = None
        if target is not None:
            fix = ctx.fix(mention.hanzi_start, mention.hanzi_end, target)
        yield Hit(
            mention.hanzi_start,
            mention.hanzi_end,
            f"{mention.hanzi} mixes simplified and traditional characters"
            + (f": {target}" if target is not None else ""),
            fix,
        )


def _script_target(ctx: Context, mention: Mention) -> str | None:
    """The name of a mixed-script mention written in one script, when which one is clear: the
    house's configured script; else the one most of the name's own characters are in; else,
    for a known person, their region's (Hong Kong, Macau, Taiwan: traditional; mainland:
    simplified); else the script of the article's other characters when they are all (nine
    in ten) in one. The characters are the known person's, else the name's own converted
    where the conversion is one to one."""
    from glossary.chars import Script, char_script, forms_in

    known = mention.known
    region = known.region if known is not None else None
    regional = {
        "mainland": Script.SIMPLIFIED,
        "hong-kong": Script.TRADITIONAL,
        "macau": Script.TRADITIONAL,
        "taiwan": Script.TRADITIONAL,
    }
    policy = ctx.config.script
    want: Script | None = None
    if policy is ScriptPolicy.SIMPLIFIED:
        want = Script.SIMPLIFIED
    elif policy is ScriptPolicy.TRADITIONAL:
        want = Script.TRADITIONAL
    elif policy is ScriptPolicy.TRADITIONAL_FOR_HK_TW_MO and region is not None:
        want = regional.get(region)
    if want is None:
        simplified = sum(char_script(c) is Script.SIMPLIFIED for c in mention.hanzi)
        traditional = sum(char_script(c) is Script.TRADITIONAL for c in mention.hanzi)
        if simplified != traditional:
            want = Script.SIMPLIFIED if simplified > traditional else Script.TRADITIONAL
    if want is None and region is not None:
        want = regional.get(region)
    if want is None:
        want = _article_script(ctx, mention)
    if want is None:
        return None
    if known is not None:
        target = known.hanzi if want is Script.SIMPLIFIED else known.traditional
        return target if len(target) == len(mention.hanzi) else None
    out = []
    for char in mention.hanzi:
        forms = forms_in(char, want) if char_script(char) not in (want, Script.NEUTRAL) else ()
        if forms and len(forms) != 1:
            return None  # 发 is 發 or 髮: not ours to guess
        out.append(forms[0] if forms else char)
    return "".join(out)


def _article_script(ctx: Context, mention: Mention) -> Script | None:
    """The script the article's other Han characters are in, when nine in ten of those in
    one script or the other are (and there are at least two)."""
    from glossary.chars import HAN_RUN_RE, Script, char_script, script_of

    counts = {Script.SIMPLIFIED: 0, Script.TRADITIONAL: 0}
    for passage in ctx.document.passages:
        for run in HAN_RUN_RE.finditer(passage.text):
            start, end = passage.span(run.start(), run.end())
            if start < mention.hanzi_end and end > mention.hanzi_start:
                continue  # the name itself (and whatever run it is cut from)
            if len(run.group(0)) <= 4 and script_of(run.group(0)) is Script.MIXED:
                continue  # another name mixing scripts says nothing of the article's
            for char in run.group(0):
                script = char_script(char)
                if script in counts:
                    counts[script] += 1
    simplified, traditional = counts[Script.SIMPLIFIED], counts[Script.TRADITIONAL]
    if max(simplified, traditional) < 2:
        return None
    if simplified >= 9 * traditional:
        return Script.SIMPLIFIED
    if traditional >= 9 * simplified:
        return Script.TRADITIONAL
    return None


def _script_policy(ctx: Context) -> Iterator[Hit]:
    from glossary.chars import Script, script_of, to_simplified, to_traditional

    policy = ctx.config.script
    if policy is ScriptPolicy.ANY:
        return
    for mention in ctx.with_characters():
        script = script_of(mention.hanzi)
        if script in (Script.NEUTRAL, Script.MIXED):
            continue
        region = mention.known.region if mention.known is not None else None
        if policy is ScriptPolicy.TRADITIONAL_FOR_HK_TW_MO:
            if region is None:
                continue
            want = (
                Script.TRADITIONAL
                if region in ("hong-kong", "taiwan", "macau")
                else Script.SIMPLIFIED
            )
        else:
            want = Script.SIMPLIFIED if policy is ScriptPolicy.SIMPLIFIED else Script.TRADITIONAL
        if script is want:
            continue
        known = mention.known
        if known is not None:
            target = known.hanzi if want is Script.SIMPLIFIED else known.traditional
        else:
            target = (
                to_simplified(mention.hanzi)
                if want is Script.SIMPLIFIED
                else to_traditional(mention.hanzi)
            )
        fix = ctx.fix(mention.hanzi_start, mention.hanzi_end, target) if known is not None else None
        yield Hit(
            mention.hanzi_start,
            mention.hanzi_end,
            f"house style prints {'this name' if region is None else region + ' names'} in "
            f"{want.value} characters: {target}",
            fix,
        )


# --- GL401 -----------------------------------------------------------------------------


def _toned_key(text: str) -> str:
    """A tone-marked form compared letter and tone for letter and tone, ignoring hyphens,
    apostrophes, spaces and capitals (`Lín-Zhèng Yuè'é` ~ `lín zhèng yuè’é`)."""
    folded = unicodedata.normalize("NFC", normalize_lookalikes(text)).casefold()
    return "".join(c for c in folded if c.isalpha())


def _glossary_form(ctx: Context) -> Iterator[Hit]:
    """A house person with an established (non-pinyin) form written otherwise.

    Only forms that try to be the house form are judged: the pinyin (`Cai Yingwen`), a near
    miss (`Tsai Ingwen`) or other capitals (`Tsai Ing-Wen`). `President Tsai (蔡英文)` is left
    alone. Pinyin names spelt otherwise are GL301's.
    """
    for mention in ctx.analysis.mentions:
        if mention.kind not in (Kind.PAIRED, Kind.NAME) or not mention.words:
            continue
        if (
            mention.kind is Kind.PAIRED
            and mention.alignment is not None
            and person_is_pinyin(mention)
        ):
            continue  # pinyin beside its characters: the pinyin rules judge it
        person = _house_person(ctx, mention)
        if person is None:
            continue
        latin = mention.latin
        written = _toneless(latin)
        if any(
            written == f
            or join_initials(written) == join_initials(f)
            or _caps_surname_variant(written, f)
            for f in person.forms
        ):
            continue  # (`C. Y. Leung` is `CY Leung`: initials written either way)
        if mention.toned and mention.kind is Kind.PAIRED:
            continue  # `Cài Yīngwén` beside the characters is a pronunciation guide
        if mention.toned and _toned_key(latin) == _toned_key(person.pinyin):
            continue  # the person's exact tone-marked pinyin: how to say it, not a misprint
        if person.is_pinyin:
            continue  # a pinyin name spelt otherwise is GL301's (or GL203's for capitals)
        folded = fold_key(written)
        forms = [fold_key(f) for f in person.forms]
        pinyin = bool(person.pinyin) and folded == fold_key(person.pinyin)
        attempt = (
            pinyin
            or any(written.casefold() == f.casefold() for f in person.forms)
            or any(similar_spelling(folded, f) for f in forms)
        )
        if not attempt:
            continue
        target = person.english if pinyin else _nearest_form(written, person.forms)
        fix = None
        if ctx.contiguous(mention.latin_start, mention.latin_end, latin) and not mention.toned:
            fix = ctx.fix(mention.latin_start, mention.latin_end, target)
        message = f"the house form for {person.hanzi} is '{target}' ({person.system}), " + (
            f"not the pinyin '{latin}'" if pinyin else f"not '{latin}'"
        )
        yield Hit(mention.latin_start, mention.latin_end, message, fix)


def _nearest_form(written: str, forms: tuple[str, ...]) -> str:
    """The house form (or alias) the written one is a slip of: same number of words first."""

    def score(form: str) -> tuple[bool, float]:
        same_shape = len(form.split()) == len(written.split())
        return same_shape, sequence_ratio(written.casefold(), form.casefold())

    return max(forms, key=score)


def person_is_pinyin(mention: Mention) -> bool:
    return mention.known is None or mention.known.is_pinyin


def _caps_surname_variant(written: str, form: str) -> bool:
    """`TSAI Ing-wen` for `Tsai Ing-wen`: the surname in capitals is a formal variant."""
    words, form_words = written.split(), form.split()
    if len(words) != len(form_words) or not words:
        return False
    return all(
        w == f or (w.isupper() and w.casefold() == f.casefold())
        for w, f in zip(words, form_words, strict=True)
    )


def _house_person(ctx: Context, mention: Mention) -> Person | None:
    if mention.known is not None and mention.known.source == "house":
        return mention.known
    if mention.hanzi:
        found = ctx.knowledge.house_by_hanzi(mention.hanzi)
        return found[0] if found else None
    found = ctx.knowledge.by_name(mention.latin, cedict=False)
    return found[0] if found else None


# --- GL402 -----------------------------------------------------------------------------


def _unknown_name(ctx: Context) -> Iterator[Hit]:
    by_hanzi: dict[str, list[Mention]] = {}
    for mention in ctx.paired():
        by_hanzi.setdefault(mention.hanzi, []).append(mention)
    for hanzi, mentions in by_hanzi.items():
        if ctx.knowledge.house_by_hanzi(hanzi):
            continue
        if any(ctx.knowledge.house_by_english(_toneless(m.latin)) for m in mentions):
            continue  # a known person with other characters: GL103
        # the proposal follows the best form the article gives: its pinyin if it has one
        best = next((m for m in mentions if m.alignment is not None), mentions[0])
        printed = " ".join(ctx.source[best.latin_start : best.latin_end].split())
        proposal = _proposal(best, ctx.config.umlaut, printed)
        if proposal is None:
            continue
        pinyin, english = proposal
        first = mentions[0]
        yield Hit(
            first.start,
            first.end,
            f"{hanzi} is not in the house glossary; proposed entry: "
            f'hanzi = "{hanzi}", pinyin = "{pinyin}", english = "{english}"',
            data=(("hanzi", hanzi), ("pinyin", pinyin), ("english", english)),
        )


def _proposal(
    mention: Mention, umlaut: Umlaut = Umlaut.DIAERESIS, printed: str = ""
) -> tuple[str, str] | None:
    """Pinyin and English for a new entry: the article's own spelling where it is pinyin, with
    tones from the article, else from the characters' readings (romanize decides ties).

    The English form is never one another rule calls wrong (`Lv Xin`, `Yang Jie Chi`): a
    plain pinyin form is kept only when it is the name's correct toneless pinyin (or a
    Taiwan-style hyphenated given name of the same letters); otherwise the correct form.
    """
    from glossary.chars import readings
    from glossary.check.knowledge import surname_of
    from glossary.check.rules.orthography import surname_reading_issue
    from glossary.pinyin import Syllable, format_name
    from glossary.romanize import NotAName, romanize

    try:
        result = romanize(mention.hanzi)
    except NotAName:
        result = None
    alignment = mention.alignment
    if alignment is None:
        if result is None:
            return None
        # a non-pinyin English form (`Agnes Chow`) is the article's to propose; one written
        # with tone or length marks (the Japanese reading `Mō Takutō`) is not English
        own = mention.words and not has_tone_marks(normalize_lookalikes(mention.latin))
        # as printed (`K. C. Chan` keeps its full stops), when the words are all it holds
        english = (
            printed
            if printed and join_initials(printed) == join_initials(mention.latin)
            else mention.latin
        )
        return result.pinyin, english if own else with_umlaut(result.english, umlaut)
    suggested = list(result.surname_syllables) + list(result.given_syllables) if result else []
    chosen: list[Syllable] = []
    for index, match in enumerate(alignment.matches):
        written = match.written
        if surname_reading_issue(alignment, index, mention.hanzi) or not match.base_ok:
            return (result.pinyin, with_umlaut(result.english, umlaut)) if result else None
        bases = {r.base for r in readings(match.char)}
        if written.base not in bases:
            # `Lu`/`Lv` for 律 lǜ (aligned as a near spelling): the ü the character reads
            umlauts = sorted(b for b in bases if b.replace("ü", "u") == written.base)
            if umlauts:
                written = Syllable(umlauts[0], written.tone)
        if written.tone and match.reading_ok:
            chosen.append(written)
            continue
        options = [r for r in readings(match.char) if r.base == written.base]
        surname = surname_of(mention.hanzi[: alignment.surname_chars])
        if surname is not None and index < alignment.surname_chars:
            options = [
                r[index] for r in surname.readings if r[index].base == written.base
            ] or options
        hint = suggested[index] if index < len(suggested) else None
        if hint is not None and hint.base == written.base:
            chosen.append(hint)
        elif len({o.tone for o in options}) == 1:
            chosen.append(options[0])
        else:
            chosen.append(Syllable(written.base, 0))
    k = alignment.surname_chars
    pinyin = format_name(chosen[:k], chosen[k:])
    english = format_name(chosen[:k], chosen[k:], tones=False)
    if not mention.toned:
        printed = " ".join(w.text for w in alignment.words)
        hyphens = not (mention.known and mention.known.is_pinyin)
        if _same_pinyin(printed, english, umlaut, hyphens=hyphens):
            # plain pinyin is the English form the article prints (Taiwan's `Lin Fei-fan` too)
            return pinyin, printed.replace("’", "'")
    return pinyin, with_umlaut(english, umlaut)


def _same_pinyin(printed: str, correct: str, umlaut: Umlaut, *, hyphens: bool) -> bool:
    """Whether a printed plain form is `correct` (toneless, ü or not as the house writes it),
    up to the apostrophe's shape and, with `hyphens`, a hyphen inside the given name."""
    printed = printed.replace("’", "'")
    if printed in (correct, with_umlaut(correct, umlaut)):
        return True
    words = printed.split(" ")
    if not hyphens or len(words) != 2 or "-" not in words[1] or words[1].startswith("-"):
        return False
    joined = f"{words[0]} {words[1][0]}{words[1][1:].replace('-', '').lower()}"
    return joined == correct


def with_umlaut(english: str, umlaut: Umlaut) -> str:
    """A toneless form with ü written as the house writes it (`Lü`, `Lyu`, `Lu`)."""
    if umlaut is Umlaut.YU:
        return english.replace("ü", "yu").replace("Ü", "Yu")
    if umlaut is Umlaut.U:
        return english.replace("ü", "u").replace("Ü", "U")
    return english


RULES = (
    Rule(
        code="GL103",
        name="wrong-characters",
        severity=Severity.WARNING,
        doc=(
            "A person the house glossary knows is printed with other characters: "
            "`Yang Jiechi (杨洁箎)` for 杨洁篪. A one-character slip to a rare character with the "
            "same sound, or to any character with the same sound and tone in a given name of two "
            "characters (`Wang Huning (王护宁)`, unless the article prints 王沪宁 too), is a warning "
            "with a fix; anything else is info, since it may well be a namesake (`Wang Yi "
            "(王怡)`, a pastor, is not the minister 王毅)."
        ),
        bad="Yang Jiechi (杨洁箎) spoke to reporters.",
        good="Yang Jiechi (杨洁篪) spoke to reporters.",
        check=_wrong_characters,
    ),
    Rule(
        code="GL104",
        name="mixed-script",
        severity=Severity.WARNING,
        doc=(
            "One name in both simplified and traditional characters (`楊洁篪`) is always a "
            "slip. Either script is fine name by name unless `script` says otherwise. The fix "
            "writes the name in the configured script, else the one most of its own "
            "characters are in, else (a known person) their region's, else that of the "
            "article's other characters; only where the conversion is certain (the known "
            "person's characters, or one form per character)."
        ),
        bad="Yáng Jiéchí 楊洁篪 spoke to reporters.",
        good="Yáng Jiéchí 楊潔篪 spoke to reporters.",
        check=_mixed_script,
    ),
    Rule(
        code="GL105",
        name="script-policy",
        severity=Severity.WARNING,
        doc=(
            'With `script = "simplified"`, `"traditional"` or `"traditional-for-hk-tw-mo"` '
            "names must be printed in that script (the last: traditional for Hong Kong, Taiwan "
            "and Macau people, simplified for the mainland, by the glossary's region)."
        ),
        bad="Yáng Jiéchí 楊潔篪 spoke to reporters.",
        good="Yáng Jiéchí 杨洁篪 spoke to reporters.",
        check=_script_policy,
        config=(("script", "simplified"),),
    ),
    Rule(
        code="GL401",
        name="glossary-form",
        severity=Severity.WARNING,
        doc=(
            "Established English forms are not pinyin and stay as they are: where the house "
            "glossary says `Tsai Ing-wen`, the pinyin `Cai Yingwen`, a near miss or other "
            "capitals (`Tsai Ing-Wen`) are reported, with the house form as the fix. Tone-marked "
            "pinyin beside the characters, or the person's exact tone-marked pinyin "
            "(`Lín-Zhèng Yuè'é`), is read as a pronunciation guide, and a title with the "
            "surname (`President Tsai`) is not an attempt at the full name; both are left alone."
        ),
        bad="Taiwan's leader Cai Yingwen (蔡英文) spoke.",
        good="Taiwan's leader Tsai Ing-wen (蔡英文) spoke.",
        check=_glossary_form,
    ),
    Rule(
        code="GL402",
        name="unknown-name",
        severity=Severity.INFO,
        doc=(
            "A person printed with characters who is not in the house glossary; the finding "
            "proposes an entry (characters, tone-marked pinyin, English form) to add. The "
            "English form is the article's own when it is correct pinyin or not pinyin at all "
            "(`Agnes Chow`), else the correct pinyin (`Lü Xin` for a printed `Lv Xin`)."
        ),
        bad="The researcher Zhōu Lìmíng 周立明 said so.",
        good="The spokesman Liú Péngyǔ 刘鹏宇 said so.",
        check=_unknown_name,
    ),
)
