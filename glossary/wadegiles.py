"""Wade-Giles spellings read as the pinyin they stand for (``Teng Hsiao-p'ing`` -> Deng Xiaoping).

For look-up only: each Wade-Giles syllable maps to the few pinyin syllables it
may stand for (the aspiration mark is often dropped, so ``ping`` may be bing
or ping); the candidates that are valid pinyin make toneless search keys.
"""

from __future__ import annotations

import itertools
import re

from glossary.cedict import toneless_key
from glossary.pinyin import SYLLABLES

# Initials: Wade-Giles -> pinyin, without and with the aspiration mark (which is often dropped).
_WG_INITIALS = (
    ("tz", ("z", "c"), ("c",)),
    ("ts", ("z", "c"), ("c",)),
    ("ch", ("zh", "j", "ch", "q"), ("ch", "q")),
    ("hs", ("x",), ("x",)),
    ("sh", ("sh",), ("sh",)),
    ("ss", ("s",), ("s",)),
    ("sz", ("s",), ("s",)),
    ("k", ("g", "k"), ("k",)),
    ("p", ("b", "p"), ("p",)),
    ("t", ("d", "t"), ("t",)),
    ("j", ("r",), ("r",)),
)
# Finals that Wade-Giles spells differently (others are the same in both).
_WG_FINALS = {
    "ih": ("i",),
    "ieh": ("ie",),
    "ien": ("ian",),
    "üeh": ("ue",),
    "ueh": ("ue",),
    "ung": ("ong",),
    "iung": ("iong",),
    "eh": ("e",),
    "erh": ("er",),
    "o": ("o", "e", "uo"),  # ko -> ge, to -> duo
    "uei": ("ui",),
    "ü": ("u", "ü"),
    "üan": ("uan",),
    "ün": ("un",),
}
_WG_WHOLE = {"yu": ("you",), "yü": ("yu",), "yung": ("yong",), "yeh": ("ye",), "yen": ("yan",),
             "erh": ("er",), "yüeh": ("yue",), "yüan": ("yuan",), "yün": ("yun",)}  # fmt: skip


def wade_giles_syllables(syllable: str) -> tuple[str, ...]:
    """The toneless pinyin syllables a Wade-Giles syllable may stand for (ü as ``u``)."""
    text = syllable.lower().replace("’", "'").replace("‘", "'").replace("ʻ", "'")
    text = re.sub(r"\d", "", text).replace("u:", "ü").replace("v", "ü")
    aspirated = "'" in text
    text = text.replace("'", "")
    options: list[str] = list(_WG_WHOLE.get(text, ()))
    initial, finals = "", text
    initials: tuple[str, ...] = ("",)
    for wade, plain, marked in _WG_INITIALS:
        if text.startswith(wade):
            initial, finals = wade, text[len(wade) :]
            initials = marked if aspirated else plain
            break
    else:
        if text[:1] and text[0] not in "aeiouü":
            initials, finals = (text[0],), text[1:]
    extra: tuple[str, ...] = ("i",) if finals == "u" and initial in ("tz", "ts", "ss", "sz") else ()
    for head in initials:
        for final in (finals, *_WG_FINALS.get(finals, ()), *extra):  # tzu -> zi, ssu -> si
            candidate = head + final
            if head in ("j", "q", "x") or candidate.startswith("y"):
                candidate = candidate.replace("ü", "u")
            options.append(candidate)
    valid = [o for o in dict.fromkeys(options) if o in SYLLABLES]
    return tuple(dict.fromkeys(v.replace("ü", "u") for v in valid))


def wade_giles_keys(text: str, *, limit: int = 32) -> list[str]:
    """Toneless pinyin keys for a Wade-Giles name, syllables split at spaces and hyphens."""
    words = [w for w in re.split(r"[\s\-]+", text.strip()) if w]
    if not words or len(words) > 6:
        return []
    choices = [wade_giles_syllables(w) for w in words]
    if not all(choices):
        return []
    keys = ("".join(combo) for combo in itertools.product(*choices))
    original = toneless_key(text)
    return [k for k in itertools.islice(dict.fromkeys(keys), limit) if k != original]
