"""Choose among a lost byte's candidates by context, or admit that nothing decides.

In order: the pinyin written next to a run of Han characters (``Yáng`` picks
杨), a Latin word that becomes valid pinyin with one candidate only, the
house glossary and CC-CEDICT (a combination that is a known name or word),
then frequency when one candidate is far likelier than the rest. Anything
else stays undecided and is reported with its candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from functools import cache, lru_cache
from itertools import product

from glossary.records import NamedTuple
from glossary.repair.charmaps import REPLACEMENT
from glossary.repair.pieces import Piece
from glossary.repair.plausible import is_han

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FREQ_MARGIN = 3.0  # bits: the best candidate must be 8x likelier than the next
# By frequency alone, the best candidate must hold this share of the probability
# of all of them (Han stricter: names are rarer than their characters' frequency says).
FREQ_SHARE = 0.9
HAN_FREQ_SHARE = 0.97
_MAX_COMBOS = 512
_MAX_NEIGHBOUR_OPTIONS = 10
_MIN_WORD_FREQ = 20  # jieba counts: rarer "words" are mostly names and noise
_PLACEHOLDER = "\x00"
_WINDOW = 300
_MAX_ROUNDS = 4


class Method(Enum):
    ONLY = "only candidate"
    PINYIN = "adjacent pinyin"
    WORD = "pinyin word"
    KNOWN = "known name"
    WORDS = "dictionary words around it"
    TYPOGRAPHY = "quotes and dashes around it"
    FREQUENCY = "character frequency"
    UNDECIDED = "undecided"


CONFIDENCE = {
    Method.ONLY: 1.0,
    Method.PINYIN: 0.95,
    Method.WORD: 0.9,
    Method.KNOWN: 0.9,
    Method.WORDS: 0.85,
    Method.TYPOGRAPHY: 0.85,
    Method.FREQUENCY: 0.75,
    Method.UNDECIDED: 0.2,
}


class Decision(NamedTuple):
    choice: str | None  # None: undecided
    method: Method


def resolve(text: str, pieces: Sequence[Piece], glossary: Any = None) -> list[Decision]:
    """One decision per piece, in order.

    The methods run in rounds until nothing more is decided: a choice made
    late in one round (德 by the 。 after it) is context for an earlier method
    in the next (a known name 賴清德), as it would be on a second pass.
    """
    decisions = [
        Decision(p.best, Method.ONLY) if not p.ambiguous else Decision(None, Method.UNDECIDED)
        for p in pieces
    ]
    for _ in range(_MAX_ROUNDS):
        before = sum(d.choice is not None for d in decisions)
        if before == len(decisions):
            break
        _round(text, pieces, decisions, glossary)
        if sum(d.choice is not None for d in decisions) == before:
            break
    return decisions


def _round(text: str, pieces: Sequence[Piece], decisions: list[Decision], glossary: Any) -> None:
    # Latin letters first: the pinyin they make is context for the Han characters.
    for i, piece in enumerate(pieces):
        if decisions[i].choice is None and _latin_letters(piece):
            view, owner, at = _view(text, pieces, decisions, i)
            for k, decision in _latin_word(view, owner, at, pieces).items():
                decisions[k] = decision
    han = [i for i, p in enumerate(pieces) if p.ambiguous and all(map(_all_han, p.candidates))]
    for i in han:
        if decisions[i].choice is None:
            view, _, at = _view(text, pieces, decisions, i)
            decisions[i] = _pinyin_context(view, at, pieces[i]) or decisions[i]
    undecided_han = [i for i in han if decisions[i].choice is None]
    if undecided_han:
        _known_names(text, pieces, decisions, undecided_han, glossary)
    for i in han:
        if decisions[i].choice is None:
            view, owner, at = _view(text, pieces, decisions, i)
            decisions[i] = _words(view, owner, at, pieces[i], pieces) or decisions[i]
    for i, piece in enumerate(pieces):
        if decisions[i].choice is None and any(map(_is_quote_or_dash, piece.candidates)):
            view, _, at = _view(text, pieces, decisions, i)
            decisions[i] = _typography(text, view, at, piece) or decisions[i]
    for i, piece in enumerate(pieces):
        if decisions[i].choice is None and any(map(_is_cjk_punctuation, piece.candidates)):
            view, _, at = _view(text, pieces, decisions, i)
            decisions[i] = _cjk_punctuation(view, at, piece) or decisions[i]
    for i, piece in enumerate(pieces):
        if decisions[i].choice is None and len(piece.costs) > 1:
            share = HAN_FREQ_SHARE if _all_han(piece.best) else FREQ_SHARE
            weights = [2.0 ** (piece.costs[0] - cost) for cost in piece.costs]
            if 1.0 / sum(weights) >= share:
                decisions[i] = Decision(piece.best, Method.FREQUENCY)


def _all_han(text: str) -> bool:
    return bool(text) and all(is_han(c) for c in text)


def _view(
    text: str, pieces: Sequence[Piece], decisions: Sequence[Decision], focus: int
) -> tuple[str, list[int | None], int]:
    """The line around piece ``focus`` (at most ``_WINDOW`` characters each side),
    with decided pieces applied.

    Undecided pieces show as placeholders (one per character of their
    candidates); ``owner`` maps each view position to the piece behind a
    placeholder. Returns the view, the owners and where the focus starts.
    """
    piece = pieces[focus]
    lo = max(text.rfind("\n", 0, piece.start) + 1, piece.start - _WINDOW)
    hi = text.find("\n", piece.end)
    hi = min(len(text) if hi < 0 else hi, piece.end + _WINDOW)
    first = focus
    while first > 0 and pieces[first - 1].end > lo:
        first -= 1
    last = focus
    while last + 1 < len(pieces) and pieces[last + 1].start < hi:
        last += 1
    lo = min(lo, pieces[first].start)
    hi = max(hi, pieces[last].end)
    out: list[str] = []
    holes: list[tuple[int, int, int]] = []  # (view position, length, piece)
    pos = lo
    size = at = 0
    for i in range(first, last + 1):
        other = pieces[i]
        out.append(text[pos : other.start])
        size += other.start - pos
        choice = decisions[i].choice
        if i == focus:
            at = size
        if i == focus or choice is None:
            width = len(other.best)
            holes.append((size, width, i))
            out.append(_PLACEHOLDER * width)
            size += width
        else:
            out.append(choice)
            size += len(choice)
        pos = other.end
    out.append(text[pos:hi])
    view = "".join(out)
    owner: list[int | None] = [None] * len(view)
    for start, width, who in holes:
        owner[start : start + width] = [who] * width
    return view, owner, at


@lru_cache(maxsize=8192)
def _split(word: str) -> list[Any] | None:
    from glossary.pinyin import split_syllables

    return split_syllables(word)


def _latin_letters(piece: Piece) -> bool:
    return piece.ambiguous and all(
        len(c) == 1 and c.isalpha() and not is_han(c) for c in piece.candidates
    )


def _latin_word(
    view: str, owner: list[int | None], at: int, pieces: Sequence[Piece]
) -> dict[int, Decision]:
    """Letters lost in one word are chosen together: the only way it reads as pinyin.

    ``Jวntฤo``: ǐ and ā, of five candidates each.
    """
    from glossary.pinyin import tone_marks_well_placed

    def letter_at(k: int) -> bool:
        who = owner[k]
        if who is not None:
            return _latin_letters(pieces[who])
        return view[k].isalpha() and not is_han(view[k])

    start = at
    while start > 0 and letter_at(start - 1):
        start -= 1
    end = at + 1
    while end < len(view) and letter_at(end):
        end += 1
    members: list[tuple[int, int]] = []  # (position in the view, piece)
    for k in range(start, end):
        who = owner[k]
        if who is not None:
            members.append((k, who))
    if end - start < 2 or len(members) > 3:
        return {}
    fixed = [view[k] for k in range(start, end) if owner[k] is None]
    all_caps = len(fixed) > 1 and "".join(fixed).isupper()
    fits = []
    for combo in product(*(pieces[who].candidates for _, who in members)):
        if any(
            c.isupper() and k != start and not all_caps
            for (k, _), c in zip(members, combo, strict=True)
        ):
            continue  # a capital inside a lowercase word: LǏ is not how Lǐ is written
        chars = list(view[start:end])
        for (k, _), char in zip(members, combo, strict=True):
            chars[k - start] = char
        word = "".join(chars)
        syllables = _split(word)
        if syllables is not None and tone_marks_well_placed(word, syllables):
            fits.append(combo)
    if len(fits) != 1:
        return {}
    return {who: Decision(c, Method.WORD) for (_, who), c in zip(members, fits[0], strict=True)}


_OPENING = "“‘"
_CLOSING = "”’"


def _is_quote_or_dash(candidate: str) -> bool:
    return bool(candidate) and candidate[-1] in "“”‘’—–"


def _typography(text: str, view: str, at: int, piece: Piece) -> Decision | None:
    """A quote or dash lost a byte: its neighbours say which one it was.

    Between letters an apostrophe; after a word the closing quote of the
    quotation open on the line; before a word the opening quote of the one
    closed later on the line;
    between spaces the dash this text uses elsewhere. Candidates may share a
    head (``。”``, ``。“``): only their last character is judged.
    """
    heads = {c[:-1] for c in piece.candidates}
    if len(heads) != 1:
        return None
    head = heads.pop()
    at += len(head)
    options = {c[-1] for c in piece.candidates}
    before = view[at - 1] if at else " "
    after = view[at + 1] if at + 1 < len(view) else " "
    # Something written right before (a word, 5%, a full stop) and nothing after: closing.
    word_before = not before.isspace() and before not in "([{" + _OPENING
    word_after = not after.isspace() and after not in ")]}.,;:!?…" + _CLOSING + _OPENING
    choice: str | None = None
    if before.isalnum() and after.isalnum():
        choice = "’"
    elif word_before and not word_after:
        # A closing quote closes what is open; nothing open: ” and ’ stay possible.
        if view[:at].count("“") > view[:at].count("”"):
            choice = "”"
        elif view[:at].count("‘") > view[:at].count("’"):
            choice = "’"
    elif word_after and not word_before:
        if view[at:].count("”") > view[at:].count("“"):
            choice = "“"
        elif view[at:].count("’") > view[at:].count("‘"):
            choice = "‘"
    elif before.isspace() and after.isspace():
        dashes = [d for d in "—–" if d in options and d in text]
        choice = dashes[0] if len(dashes) == 1 else None
    if choice in options:
        return Decision(head + choice, Method.TYPOGRAPHY)
    return None


_CJK_PAIRS = {"「": "」", "『": "』", "【": "】", "〔": "〕", "《": "》", "〈": "〉", "（": "）"}
_CJK_CLOSERS = {close: open_ for open_, close in _CJK_PAIRS.items()}
_QUOTE_PAIRS = {"“": "”", "‘": "’", **_CJK_PAIRS}


def _all_closed(line: str) -> bool:
    """Every quotation and bracket opened on ``line`` is closed, and no undecided
    text (which may hold a closing mark) follows an opening one."""
    for opening, closing in _QUOTE_PAIRS.items():
        last = line.rfind(opening)
        if last < 0:
            continue
        if line.count(opening) > line.count(closing) or _PLACEHOLDER in line[last:]:
            return False
    return True


def _is_cjk_punctuation(candidate: str) -> bool:
    last = candidate[-1:]
    return bool(last) and (last in "、。，；：！？" or last in _CJK_PAIRS or last in _CJK_CLOSERS)


def _cjk_punctuation(view: str, at: int, piece: Piece) -> Decision | None:
    """Brackets must pair up on the line; a line ends with 。; then the commonest mark.

    A line ends with 。 only when no quotation or bracket is still open on it:
    ``会谈“坦率、深入、`` stops inside a quotation, so it was cut mid-sentence.

    Candidates may share a head (``谈。``, ``谈、``: the byte lost was the
    mark's); only their last character is judged.
    """
    heads = {c[:-1] for c in piece.candidates}
    if len(heads) != 1:
        return None
    head = heads.pop()
    written = view[:at] + head  # the line up to the mark, the piece's own head included
    at += len(head)
    before, after = view[:at], view[at + 1 :].split("\n", 1)[0]
    options = []
    for candidate in piece.candidates:
        mark = candidate[-1]
        if mark in _CJK_CLOSERS and before.count(_CJK_CLOSERS[mark]) <= before.count(mark):
            continue
        if mark in _CJK_CLOSERS and _PLACEHOLDER in before[before.rfind(_CJK_CLOSERS[mark]) :]:
            continue  # undecided text since the opening bracket may hold its close (「燊記」)
        if mark in _CJK_PAIRS and after.count(_CJK_PAIRS[mark]) <= after.count(mark):
            continue
        options.append(candidate)
    if head + "。" in options and not after.strip() and _all_closed(written):
        return Decision(head + "。", Method.TYPOGRAPHY)
    closing = [c for c in options if c[-1] in _CJK_CLOSERS]
    if len(closing) == 1:  # the bracket opened earlier on the line is the one closing here
        return Decision(closing[0], Method.TYPOGRAPHY)
    cost = dict(zip(piece.candidates, piece.costs, strict=True))
    options.sort(key=lambda c: cost[c])
    if len(options) == 1 or (options and cost[options[1]] - cost[options[0]] >= FREQ_MARGIN):
        return Decision(options[0], Method.TYPOGRAPHY)
    return None


def _han_run(view: str, at: int) -> tuple[int, int]:
    start = at
    while start > 0 and (is_han(view[start - 1]) or view[start - 1] == _PLACEHOLDER):
        start -= 1
    end = at + 1
    while end < len(view) and (is_han(view[end]) or view[end] == _PLACEHOLDER):
        end += 1
    return start, end


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Words, and up to four words before and after a run (compiled once into the cache)."""
    from glossary.resources import load_regexes

    return load_regexes(
        "repair-context",
        {
            "word": r"[^\W\d_]+(?:['’][^\W\d_]+)*",
            "before": r"((?:[^\W\d_]+(?:['’][^\W\d_]+)*[ \t-]+){1,4})$",
            "after": r"^[ \t]*[(（]?[ \t]*((?:[^\W\d_]+(?:['’][^\W\d_]+)*[ \t-]*){1,4})",
        },
    )


def syllables_near(view: str, start: int, end: int, count: int) -> list[list[Any]]:
    """Pinyin readings of ``count`` syllables written right before or after a Han run.

    Only spaces (or an opening bracket, after the run) may come between: in
    ``Yáng Jiéchí 杨洁篪`` and ``杨洁篪 (Yáng Jiéchí)`` the pinyin is the name's.
    A run that touches unrecovered bytes has unknown extent and gets none.
    """
    if (start and view[start - 1] == REPLACEMENT) or view[end : end + 1] == REPLACEMENT:
        return []
    found: list[list[Any]] = []
    before = _patterns()["before"].search(view[max(0, start - 60) : start])
    after = _patterns()["after"].search(view[end : end + 60])
    sides = [
        (list(reversed(_patterns()["word"].findall(before.group(1)))) if before else [], True),
        (_patterns()["word"].findall(after.group(1)) if after else [], False),
    ]
    for words, is_before in sides:
        syllables: list[Any] = []
        for word in words:
            split = _split(word)
            if split is None or _PLACEHOLDER in word:
                break
            syllables = split + syllables if is_before else syllables + split
            if len(syllables) >= count:
                break
        if len(syllables) == count:
            found.append(syllables)
    return found


def _fits(candidate: str, targets: Sequence[Any], *, exact: bool) -> bool:
    from glossary.chars import readings

    for char, target in zip(candidate, targets, strict=True):
        options = readings(char)
        if exact and target not in options:
            return False
        if not exact and all(r.base != target.base for r in options):
            return False
    return True


def _pinyin_context(view: str, at: int, piece: Piece) -> Decision | None:
    start, end = _han_run(view, at)
    width = len(piece.best)
    for syllables in syllables_near(view, start, end, end - start):
        targets = syllables[at - start : at - start + width]
        exact = [c for c in piece.candidates if _fits(c, targets, exact=True)]
        if all(t.tone for t in targets) and exact:
            choice = _one_of(exact, view, piece)
            if choice is not None:
                return Decision(choice, Method.PINYIN)
        loose = [c for c in piece.candidates if _fits(c, targets, exact=False)]
        choice = _one_of(loose, view, piece) if loose else None
        if choice is not None:
            return Decision(choice, Method.PINYIN)
    return None


def _standard(candidate: str) -> str:
    from glossary.chars import to_simplified

    return to_simplified(candidate)


def _one_of(fitting: list[str], view: str, piece: Piece) -> str | None:
    """The single candidate left once the script of the text and frequency have a say.

    杨 and 楊 read the same; in simplified text it is 杨. 峰 and its variant 峯
    read the same; unless the text is traditional it is 峰.
    """
    if len(fitting) > 1:
        from glossary.chars import Script, script_of

        script = script_of("".join(c for c in view if is_han(c)))
        if script in (Script.SIMPLIFIED, Script.TRADITIONAL):
            other = Script.TRADITIONAL if script is Script.SIMPLIFIED else Script.SIMPLIFIED
            fitting = [c for c in fitting if script_of(c) is not other]
        if script is not Script.TRADITIONAL:
            # A variant (峯) gives way to its standard form (峰) when both fit.
            fitting = [c for c in fitting if _standard(c) == c or _standard(c) not in fitting]
    if len(fitting) > 1:
        cost = dict(zip(piece.candidates, piece.costs, strict=True))
        ranked = sorted(fitting, key=lambda c: cost[c])
        if cost[ranked[1]] - cost[ranked[0]] >= FREQ_MARGIN:
            fitting = ranked[:1]
    return fitting[0] if len(fitting) == 1 else None


def _words(
    view: str, owner: list[int | None], at: int, piece: Piece, pieces: Sequence[Piece]
) -> Decision | None:
    """The candidate that makes a common word with its neighbours (经贸, not 结贸).

    An undecided neighbour counts with whichever of its own candidates fits best.
    """
    from glossary.repair.plausible import word_freqs

    words = word_freqs()
    width = len(piece.best)
    start, end = _han_run(view, at)
    focus = owner[at]
    if end - start <= _NAME_LENGTH and not _chinese_around(view, start, end):
        return None  # a name in a Latin line (叶牛平, said): names are not made of words
    for side in (at - 1, at + width):
        who = owner[side] if 0 <= side < len(owner) else None
        if (
            who is not None
            and who != focus
            and len(pieces[who].candidates) > _MAX_NEIGHBOUR_OPTIONS
        ):
            # A neighbour too uncertain to score may make the better word with the other
            # candidate (海上 beats 上海一 only while 一家 cannot be seen).
            return None
    scores: dict[str, int] = {}
    for candidate in piece.candidates:
        best = 0
        for size in range(2, 5):
            for left in range(max(start, at - size + 1), min(at + width, end - size + 1)):
                if at <= left and left + size <= at + width:
                    continue  # inside the candidate itself: no context
                best = max(
                    best,
                    _best_word(view, owner, left, left + size, focus, candidate, pieces, words),
                )
        scores[candidate] = best
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= _MIN_WORD_FREQ and (len(ranked) == 1 or ranked[0][1] >= 8 * ranked[1][1]):
        return Decision(ranked[0][0], Method.WORDS)
    return None


_NAME_LENGTH = 4


def _chinese_around(view: str, start: int, end: int) -> bool:
    """Chinese punctuation right before or after the Han run: it is part of Chinese text."""
    before = view[start - 1] if start else ""
    after = view[end] if end < len(view) else ""
    return any(_cjk_mark(c) for c in before + after)


def _cjk_mark(char: str) -> bool:
    return "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff5e" or char in "“”‘’"


def _best_word(
    view: str,
    owner: list[int | None],
    left: int,
    right: int,
    focus: int | None,
    candidate: str,
    pieces: Sequence[Piece],
    words: dict[str, int],
) -> int:
    """The frequency of the commonest word that view[left:right] can be."""
    parts: list[tuple[str, ...]] = []
    k = left
    while k < right:
        who = owner[k]
        if who is None:
            parts.append((view[k],))
            k += 1
            continue
        options = (candidate,) if who == focus else pieces[who].candidates
        if len(options) > _MAX_NEIGHBOUR_OPTIONS:
            return 0  # a neighbour this uncertain would make any word out of anything
        first = k
        while first > 0 and owner[first - 1] == who:
            first -= 1
        length = len(pieces[who].best)
        if first < left or first + length > right or any(len(o) != length for o in options):
            return 0  # the window cuts a piece in two
        parts.append(options)
        k = first + length
    best = 0
    total = 1
    for part in parts:
        total *= len(part)
    if total > _MAX_COMBOS:
        return 0
    for combo in product(*parts):
        best = max(best, words.get("".join(combo), 0))
    return best


def _known_names(
    text: str,
    pieces: Sequence[Piece],
    decisions: list[Decision],
    undecided: Sequence[int],
    glossary: Any,
) -> None:
    """Decide Han pieces whose only fitting combination is a known name or word."""
    for i in undecided:
        if decisions[i].choice is not None:
            continue
        view, owner, at = _view(text, pieces, decisions, i)
        start, end = _han_run(view, at)
        members = list(dict.fromkeys(o for o in owner[start:end] if o is not None))
        if None not in owner[start:end]:
            continue  # no character outside the guesses to anchor the name
        if not all(all(map(_all_han, pieces[m].candidates)) for m in members):
            continue
        options = [pieces[m].candidates for m in members]
        total = 1
        for option in options:
            total *= len(option)
        if total > _MAX_COMBOS:
            continue
        matches = []
        for combo in product(*options):
            fill = dict(zip(members, combo, strict=True))
            chars: list[str] = []
            for k in range(start, end):
                who = owner[k]
                if who is None:
                    chars.append(view[k])
                elif k == 0 or owner[k - 1] != who:
                    chars.append(fill[who])
            if _is_known("".join(chars), glossary):
                matches.append(combo)
        if len(matches) == 1:
            for member, choice in zip(members, matches[0], strict=True):
                decisions[member] = Decision(choice, Method.KNOWN)


def _is_known(hanzi: str, glossary: Any) -> bool:
    if glossary is None:
        glossary = house_glossary()
    if glossary is not None and glossary.by_hanzi(hanzi):
        return True
    dictionary = cc_cedict()
    return dictionary is not None and bool(dictionary.by_hanzi(hanzi))


@cache
def house_glossary() -> Any:
    """The shipped house glossary, loaded once and only when a lost byte needs it."""
    from glossary.house import load_glossary

    return load_glossary()


@cache
def cc_cedict() -> Any:
    """CC-CEDICT, loaded once and only when a lost byte needs it."""
    from glossary.cedict import load_cedict

    return load_cedict()
