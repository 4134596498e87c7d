"""pypinyin's reading of one or two characters in context, without importing pypinyin.

The romanizer asks pypinyin how it reads a given name in context (its phrase table knows
朝阳 zhāoyáng), but importing pypinyin loads that table and costs 0.3-0.7 s of a lint run.
For one or two characters pypinyin's answer depends only on two tables: a two-character
string that is one of its phrases is read as that phrase, any other as its characters one
by one (checked against pypinyin on 165,000 pairs, among them every two-character start of a
longer phrase). So pypinyin's own answers for every single character and every
two-character phrase are compiled once into the user cache, in shards by the first
character's code point like `glossary.chars`' readings; a lookup loads one small shard.
Longer strings, or characters outside pypinyin's table, are left to pypinyin itself.
"""

from __future__ import annotations

from functools import cache

from glossary.resources import load_shard, shard_cache_usable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

FORMAT_VERSION = 1


def _no_reading(chars: str) -> Any:  # pypinyin's stubs say str; a list is what it accepts
    return [""] * len(chars)


@cache
def _build_shards() -> dict[str, object]:
    """{"671d": {"朝": "chao2", "朝阳": "zhao1 yang2"}, ...}: pypinyin's TONE3 readings."""
    from pypinyin import Style, pinyin
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    def read(text: str) -> str:
        found = pinyin(text, style=Style.TONE3, heteronym=False, errors=_no_reading)
        return " ".join(options[0] if options else "" for options in found)

    shards: dict[str, dict[str, str]] = {}
    for code in pinyin_dict:
        shards.setdefault(_shard_of(chr(code)), {})[chr(code)] = read(chr(code))
    for phrase in phrases_dict:
        if len(phrase) == 2:
            shards.setdefault(_shard_of(phrase), {})[phrase] = read(phrase)
    return dict(shards)


def _shard_of(text: str) -> str:
    return f"{ord(text[0]) >> 8:x}"


@cache
def _key() -> str:
    """Identifies the installed pypinyin tables without importing them."""
    from glossary.chars import package_folder

    folder = package_folder("pypinyin")
    if folder is None:
        return "none"
    parts = [f"v{FORMAT_VERSION}"]
    for name in ("pinyin_dict.py", "phrases_dict.py"):
        stat = (folder / name).stat()
        parts.append(f"{stat.st_size:x}{int(stat.st_mtime):x}")
    return "-".join(parts)


@cache
def _cache_usable() -> bool:
    """Building the shards costs seconds, more than pypinyin's own import, so without a
    usable cache pypinyin answers."""
    return shard_cache_usable("pypinyin-context", _key())


@cache
def _shard(shard: str) -> dict[str, str]:
    table = load_shard("pypinyin-context", _key(), shard, _build_shards)
    return table if isinstance(table, dict) else {}


def pypinyin_context(text: str) -> list[list[str]] | None:
    """What ``pinyin(text, style=Style.TONE3, heteronym=False, errors=<"" per character>)``
    returns, for one or two characters pypinyin knows; None: ask pypinyin."""
    if not 1 <= len(text) <= 2 or not _cache_usable():
        return None
    if any(_shard(_shard_of(c)).get(c) is None for c in text):
        return None
    phrase = _shard(_shard_of(text)).get(text) if len(text) == 2 else None
    if phrase is None:
        phrase = " ".join(_shard(_shard_of(c))[c] for c in text)
    return [[reading] for reading in phrase.split(" ")]
