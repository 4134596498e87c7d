"""Glossary interchange: CSV, TSV, TBX (ISO 30042, TBX-Basic style) and JSON.

CSV and TSV have the three columns OmegaT and translate-toolkit read:
source (characters), target (English), comment. The comment carries the
other fields as ``key: value`` parts (``pinyin: Yáng Jiéchí; kind: person;
...; notes: ...``), so a file written here comes back without loss; a
comment without such keys (from another tool) becomes the entry's notes.
`two_columns=True` writes source and target only, as DeepL's glossary upload
takes them.

TBX: one ``conceptEntry`` per entry with language sections ``zh-Hans``
(characters, pinyin as a ``pronunciation`` term note), ``zh-Hant``
(traditional) and ``en`` (the English form as the preferred term, aliases as
admitted terms, notes as the definition); sources as ``admin type="source"``;
kind, system, region, order and surname as ``note`` elements. Reading also
accepts the older ``martif``/``termEntry``/``langSet``/``tig`` names.

Parsing builds `Entry` objects through the house validation, so a bad row is
reported with file, line (CSV/TSV) and field, and nothing is written.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from glossary.errors import DataError
from glossary.house import (
    KEYS,
    Entry,
    Glossary,
    Kind,
    System,
    check_duplicates,
    entry_from_table,
)
from glossary.pinyin import strip_tones


class Format(enum.Enum):
    CSV = "csv"
    TSV = "tsv"
    TBX = "tbx"
    JSON = "json"


_SUFFIXES = {
    ".csv": Format.CSV,
    ".csv8": Format.CSV,
    ".tsv": Format.TSV,
    ".tsv8": Format.TSV,
    ".tab": Format.TSV,
    ".txt": Format.TSV,
    ".utf8": Format.TSV,
    ".tbx": Format.TBX,
    ".xml": Format.TBX,
    ".json": Format.JSON,
}


def format_for(path: Path | str) -> Format | None:
    """The format a file name suggests (OmegaT's ``.utf8`` and ``.txt`` are TSV)."""
    return _SUFFIXES.get(Path(path).suffix.lower())


# Fields carried in a CSV/TSV comment, in the order written (notes last: it is free text).
_COMMENT_KEYS = ("pinyin", "traditional", "kind", "system", "surname", "region", "order",
                 "aliases", "sources", "notes")  # fmt: skip
_LIST_SEPARATOR = " | "
_COMMENT_KEY_RE = re.compile(r"(?:^|;\s)(" + "|".join(_COMMENT_KEYS) + r"):\s")


# --- writing ---------------------------------------------------------------------------


def _comment(entry: Entry) -> str:
    table = entry.to_table()
    table["traditional"] = entry.traditional
    parts = []
    for key in _COMMENT_KEYS:
        value = table.get(key)
        if key == "order" and entry.kind is not Kind.PERSON:
            continue
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = _LIST_SEPARATOR.join(value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_delimited(entries: Iterable[Entry], fmt: Format, *, two_columns: bool = False) -> str:
    """CSV (RFC 4180 quoting) or TSV (no quoting: tabs and newlines become spaces).

    Two columns (DeepL) hold one target per source: when two people share
    characters, the first entry's English is kept.
    """
    if two_columns:
        firsts: dict[str, Entry] = {}
        for entry in entries:
            firsts.setdefault(entry.hanzi, entry)
        entries = firsts.values()
    rows = [
        [entry.hanzi, entry.english] + ([] if two_columns else [_comment(entry)])
        for entry in entries
    ]
    if fmt is Format.TSV:
        return "".join("\t".join(_one_line(cell) for cell in row) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([[_one_line(cell) for cell in row] for row in rows])
    return buffer.getvalue()


_TBX_NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STRUCTURED_NOTES = ("kind", "system", "region", "order", "surname")


def to_tbx(entries: Iterable[Entry]) -> str:
    """A TBX-Basic style (DCA) document."""
    ET.register_namespace("", _TBX_NS)
    q = _qualified
    root = ET.Element(q("tbx"), {"type": "TBX-Basic", "style": "dca", _XML_LANG: "en"})
    header = ET.SubElement(root, q("tbxHeader"))
    file_desc = ET.SubElement(header, q("fileDesc"))
    source_desc = ET.SubElement(file_desc, q("sourceDesc"))
    ET.SubElement(source_desc, q("p")).text = "House glossary of Chinese names and terms"
    body = ET.SubElement(ET.SubElement(root, q("text")), q("body"))
    for number, entry in enumerate(entries, start=1):
        concept = ET.SubElement(body, q("conceptEntry"), {"id": f"c{number}"})
        for source in entry.sources:
            ET.SubElement(concept, q("admin"), {"type": "source"}).text = source
        values = {
            "kind": entry.kind.value,
            "system": entry.system.value,
            "region": entry.region,
            "order": entry.order if entry.kind is Kind.PERSON else None,
            "surname": entry.surname,
        }
        for key in _STRUCTURED_NOTES:
            if values[key]:
                ET.SubElement(concept, q("note")).text = f"{key}: {values[key]}"
        hans = ET.SubElement(concept, q("langSec"), {_XML_LANG: "zh-Hans"})
        term_sec = ET.SubElement(hans, q("termSec"))
        ET.SubElement(term_sec, q("term")).text = entry.hanzi
        ET.SubElement(term_sec, q("termNote"), {"type": "pronunciation"}).text = entry.pinyin
        part_of_speech = "noun" if entry.kind is Kind.TERM else "properNoun"
        ET.SubElement(term_sec, q("termNote"), {"type": "partOfSpeech"}).text = part_of_speech
        if entry.traditional:  # always: deriving it again might not give the same form
            hant = ET.SubElement(concept, q("langSec"), {_XML_LANG: "zh-Hant"})
            ET.SubElement(ET.SubElement(hant, q("termSec")), q("term")).text = entry.traditional
        english = ET.SubElement(concept, q("langSec"), {_XML_LANG: "en"})
        if entry.notes:
            ET.SubElement(english, q("descrip"), {"type": "definition"}).text = entry.notes
        for form, status in [(entry.english, "preferredTerm-admn-sts")] + [
            (alias, "admittedTerm-admn-sts") for alias in entry.aliases
        ]:
            sec = ET.SubElement(english, q("termSec"))
            ET.SubElement(sec, q("term")).text = form
            ET.SubElement(sec, q("termNote"), {"type": "administrativeStatus"}).text = status
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _qualified(tag: str) -> str:
    return f"{{{_TBX_NS}}}{tag}"


def to_json(entries: Iterable[Entry]) -> str:
    records = []
    for entry in entries:
        record = entry.to_table()
        record["traditional"] = entry.traditional
        if entry.kind is Kind.PERSON:
            record["order"] = entry.order
        records.append({key: record[key] for key in KEYS if key in record})
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def export(entries: Iterable[Entry], fmt: Format, *, two_columns: bool = False) -> str:
    if fmt in (Format.CSV, Format.TSV):
        return to_delimited(entries, fmt, two_columns=two_columns)
    if fmt is Format.TBX:
        return to_tbx(entries)
    return to_json(entries)


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One imported record before validation: a TOML-like table and where it was read."""

    table: dict[str, Any]
    line: int | None
    label: str  # "line 4", "entry 3", "conceptEntry c7"


Proposer = Callable[[str, str], tuple[str, str] | None]  # (hanzi, kind) -> (pinyin, english)


def _parse_comment(comment: str) -> dict[str, Any]:
    """``pinyin: X; kind: person; notes: ...`` -> fields; free text -> notes."""
    comment = comment.strip()
    matches = list(_COMMENT_KEY_RE.finditer(comment))
    if not matches or matches[0].start() != 0:
        return {"notes": comment} if comment else {}
    out: dict[str, Any] = {}
    for i, match in enumerate(matches):
        key = match.group(1)
        last = key == "notes" or i + 1 == len(matches)  # notes come last and are free text
        end = len(comment) if last else matches[i + 1].start()
        value = comment[match.end() : end].strip()
        if key in ("aliases", "sources"):
            out[key] = [v.strip() for v in value.split(_LIST_SEPARATOR.strip()) if v.strip()]
        else:
            out[key] = value
        if key == "notes":
            break
    return out


_LANGUAGE_CODE_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*$")
_HEADER_WORDS = {"source", "target", "term", "zh", "en", "chinese", "english", "comment", "hanzi"}


def _numbered_rows(text: str, fmt: Format) -> Iterable[tuple[int, list[str]]]:
    """(line number, cells): CSV with RFC 4180 quoting, TSV split at tabs only."""
    if fmt is Format.TSV:
        yield from ((n, line.split("\t")) for n, line in enumerate(text.splitlines(), start=1))
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    for cells in reader:
        yield reader.line_num, cells


def read_delimited(text: str, fmt: Format, path: str) -> list[Row]:
    """Rows of a CSV/TSV glossary: source, target[, comment] (DeepL's language columns skipped)."""
    delimiter = "\t" if fmt is Format.TSV else ","
    rows: list[Row] = []
    line = 0
    try:
        for line, raw in _numbered_rows(text, fmt):
            cells = [unicodedata.normalize("NFC", c).strip() for c in raw]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if not rows and {c.casefold() for c in cells[:2]} <= _HEADER_WORDS:
                continue  # a header row
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise DataError(
                    path,
                    line,
                    None,
                    f"expected source{delimiter!r}target[{delimiter!r}comment], "
                    f"got {len([c for c in cells if c])} non-empty column(s)",
                )
            table: dict[str, Any] = {"hanzi": cells[0], "english": cells[1]}
            rest = cells[2:]
            if len(rest) >= 2 and all(_LANGUAGE_CODE_RE.match(c) for c in rest[:2]):
                rest = rest[2:]  # DeepL: source_lang, target_lang
            comment = ", ".join(c for c in rest if c)  # an unquoted comma split a comment
            table.update(_parse_comment(comment))
            rows.append(Row(table, line, f"line {line}"))
    except csv.Error as exc:
        raise DataError(path, line + 1, None, f"malformed CSV: {exc}") from None
    return rows


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def read_tbx(text: str, path: str) -> list[Row]:
    """Concept entries of a TBX file (TBX 2019 DCA or the older martif names)."""
    if re.search(r"<!ENTITY", text):
        raise DataError(path, None, None, "TBX with entity declarations is not accepted")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise DataError(path, line, None, f"not well-formed XML: {exc.msg}") from None  # type: ignore[attr-defined]
    if _local(root.tag) not in ("tbx", "martif"):
        raise DataError(path, None, None, f"not TBX (root element <{_local(root.tag)}>)")
    rows: list[Row] = []
    concepts = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    for number, concept in enumerate(concepts, start=1):
        label = f"concept entry {concept.get('id') or number}"
        table: dict[str, Any] = {}
        notes: list[str] = []
        sources = [
            (e.text or "").strip()
            for e in _children(concept, "admin")
            if e.get("type") == "source" and (e.text or "").strip()
        ]
        for note in _children(concept, "note"):
            content = (note.text or "").strip()
            key, sep, value = content.partition(":")
            if sep and key.strip() in _STRUCTURED_NOTES and value.strip():
                table[key.strip()] = value.strip()
            elif content:
                notes.append(content)
        notes += [
            (d.text or "").strip()
            for d in concept.iter()
            if _local(d.tag) == "descrip"
            and d.get("type") == "definition"
            and (d.text or "").strip()
        ]
        english: list[tuple[str, str]] = []
        for lang_sec in _children(concept, "langSec", "langSet"):
            lang = (lang_sec.get(_XML_LANG) or lang_sec.get("lang") or "").lower()
            for term_sec in _children(lang_sec, "termSec", "tig", "ntig"):
                term, term_notes = _term_of(term_sec)
                if not term:
                    continue
                if lang.startswith("zh-latn") or lang == "zh-pinyin":
                    table.setdefault("pinyin", term)  # pinyin kept as its own language
                elif lang.startswith("zh") and (
                    "hant" in lang or lang in ("zh-tw", "zh-hk", "zh-mo")
                ):
                    table.setdefault("traditional", term)
                elif lang.startswith("zh"):
                    table.setdefault("hanzi", term)
                    if term_notes.get("pronunciation"):
                        table.setdefault("pinyin", term_notes["pronunciation"])
                elif lang.startswith("en"):
                    status = term_notes.get("administrativeStatus", "")
                    english.append((term, status))
        preferred = [t for t, s in english if s.startswith("preferred")]
        others = [t for t, s in english if not s.startswith("preferred")]
        forms = preferred + others
        if forms:
            table["english"] = forms[0]
            aliases = [f for f in forms[1:] if f != forms[0]]
            if aliases:
                table["aliases"] = aliases
        if notes:
            table["notes"] = " ".join(notes)
        if sources:
            table["sources"] = sources
        if "hanzi" not in table and "traditional" in table:
            from glossary.chars import to_simplified

            table["hanzi"] = to_simplified(table["traditional"])  # a Taiwan-only term base
        for key in ("hanzi", "english"):
            if key not in table:
                raise DataError(
                    path,
                    None,
                    key,
                    f"{label}: no {'Chinese' if key == 'hanzi' else 'English'} term",
                )
        rows.append(Row(table, None, label))
    return rows


def _term_of(term_sec: ET.Element) -> tuple[str, dict[str, str]]:
    term = ""
    notes: dict[str, str] = {}
    for element in term_sec.iter():
        name = _local(element.tag)
        if name == "term" and not term:
            term = unicodedata.normalize("NFC", "".join(element.itertext())).strip()
        elif name == "termNote" and element.get("type"):
            notes[str(element.get("type"))] = (element.text or "").strip()
    return term, notes


def read_json(text: str, path: str) -> list[Row]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(path, exc.lineno, None, f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise DataError(path, None, None, "expected a JSON list of objects")
    return [Row(dict(item), None, f"entry {n}") for n, item in enumerate(data, start=1)]


def read_rows(text: str, fmt: Format, path: str) -> list[Row]:
    text = text.removeprefix("\ufeff")
    if fmt in (Format.CSV, Format.TSV):
        return read_delimited(text, fmt, path)
    if fmt is Format.TBX:
        return read_tbx(text, path)
    return read_json(text, path)


def entries_from_rows(
    rows: Sequence[Row], path: str, *, propose: Proposer | None = None
) -> tuple[list[Entry], list[str]]:
    """Validated entries, and notes on what was filled in (proposed pinyin, inferred system).

    A row without pinyin gets one from `propose` (the romanizer for people);
    a row without a system gets ``pinyin`` when its English is the pinyin
    without tones, else ``established`` for people and ``other`` otherwise.
    """
    entries: list[Entry] = []
    filled: list[str] = []
    for row in rows:
        table = {k: v for k, v in row.table.items() if v not in (None, "", [])}
        where = row.label
        if "pinyin" not in table and propose is not None and isinstance(table.get("hanzi"), str):
            proposal = propose(table["hanzi"], str(table.get("kind", "")))
            if proposal is None:
                what = f"{table['hanzi']!r}: missing, and none could be proposed"
                raise DataError(  # CSV names the line once; JSON and TBX their entry
                    path, row.line, "pinyin", what if row.line is not None else f"{where}: {what}"
                )
            table["pinyin"] = proposal[0]
            filled.append(f"{where}: {table['hanzi']} pinyin proposed: {proposal[0]}")
            if "kind" not in table and strip_tones(proposal[0]) == table.get("english"):
                table["kind"] = Kind.PERSON.value
        if "kind" not in table:
            table["kind"] = _guess_kind(str(table.get("hanzi", "")), str(table.get("pinyin", "")))
            filled.append(f"{where}: {table.get('hanzi')} kind not given: {table['kind']}")
        if "system" not in table and isinstance(table.get("pinyin"), str):
            if strip_tones(str(table["pinyin"])) == table.get("english"):
                table["system"] = System.PINYIN.value
            elif table["kind"] == Kind.PERSON.value:
                table["system"] = System.ESTABLISHED.value
            else:
                table["system"] = System.OTHER.value
        try:
            entry = entry_from_table(table, path, None)
        except DataError as exc:
            line = row.line if row.line is not None else exc.line
            message = exc.message if row.line is not None else f"{where}: {exc.message}"
            raise DataError(path, line, exc.field, message) from None
        entries.append(entry._replace(line=row.line or 0))
    check_duplicates(entries)
    return entries, filled


def _guess_kind(hanzi: str, pinyin: str) -> str:
    """person for a 2-4 character name that starts with a surname and is written as a name
    (every pinyin word capitalised); else term."""
    from glossary.surnames import surname_table

    words = pinyin.split()
    name_like = bool(words) and all(w[:1].isupper() for w in words) and len(words) <= 3
    if name_like and 2 <= len(hanzi) <= 4 and surname_table().prefixes(hanzi):
        return Kind.PERSON.value
    return Kind.TERM.value


# --- merging into the house glossary ------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    new: Entry
    existing: Entry

    def describe(self) -> str:
        differences = [
            f"{key} {_plain(getattr(self.existing, key))!r} -> {_plain(getattr(self.new, key))!r}"
            for key in ("pinyin", "english", "system", "kind", "traditional", "notes")
            if _plain(getattr(self.existing, key)) != _plain(getattr(self.new, key))
        ]
        where = f"{self.existing.path}:{self.existing.line}"
        return f"{self.new.hanzi}: differs from {where}: " + "; ".join(
            differences or ["other fields"]
        )


def _plain(value: object) -> object:
    return value.value if isinstance(value, enum.Enum) else value


@dataclass(frozen=True)
class Plan:
    add: tuple[Entry, ...]
    unchanged: tuple[Entry, ...]
    conflicts: tuple[Conflict, ...]


def plan_import(entries: Sequence[Entry], glossary: Glossary) -> Plan:
    """Which entries are new, already there, or in conflict (same characters, other data)."""
    add: list[Entry] = []
    unchanged: list[Entry] = []
    conflicts: list[Conflict] = []
    for entry in entries:
        existing = glossary.by_hanzi(entry.hanzi)
        if not existing:
            add.append(entry)
        elif any(e == entry for e in existing):
            unchanged.append(entry)
        else:
            same_pinyin = [e for e in existing if e.pinyin == entry.pinyin]
            conflicts.append(Conflict(entry, (same_pinyin or existing)[0]))
    return Plan(tuple(add), tuple(unchanged), tuple(conflicts))


# --- proposing a reading ---------------------------------------------------------------


def propose(hanzi: str, kind: str = "") -> tuple[str, str] | None:
    """A suggested (pinyin, English) for characters: the romanizer for people,
    else CC-CEDICT (the word itself, or the phrase read as its words).

    Only a proposal: `glossary add` shows it and the user may override it.
    """
    if kind in ("", Kind.PERSON.value):
        from glossary.romanize import NotAName, romanize

        try:
            found = romanize(hanzi)
        except NotAName:
            found = None
        if found is not None and (kind or found.source.value != "rules"):
            return found.pinyin, found.english
    from glossary.lookup import lookup

    for result in lookup(f"c:{hanzi}", limit=10):
        if result.hanzi == hanzi and result.pinyin:
            if result.source.value == "cedict" and result.match != "composed":
                return _as_words(hanzi, result.entry) or result.pinyin, result.english
            return result.pinyin, result.english
    return None


def _as_words(hanzi: str, entry: object) -> str | None:
    """CC-CEDICT's reading of a common word, spaced as its shorter words (人工智能 ->
    réngōng zhìnéng), the way GB/T 16159 writes a phrase."""
    from glossary.cedict import CedictEntry, load_cedict
    from glossary.pinyin import join_syllables, parse_syllable

    if not isinstance(entry, CedictEntry) or entry.is_proper:
        return None
    syllables = [parse_syllable(t) for t in entry.numbered.split()]
    if len(syllables) != len(hanzi) or any(s is None for s in syllables):
        return None
    cedict = load_cedict()
    spans: list[list[int]] = []
    start = 0
    while start < len(hanzi):
        end = next(
            (
                end
                for end in range(min(len(hanzi), start + 4), start + 1, -1)
                if end - start < len(hanzi) and cedict.by_hanzi(hanzi[start:end])
            ),
            start + 1,
        )
        if end - start == 1 and spans:
            spans[-1][1] = end  # a single character joins the word before it
        else:
            spans.append([start, end])
        start = end
    if len(spans) > 1 and spans[0][1] - spans[0][0] == 1:
        spans[1][0] = 0  # ... or, at the start, the word after it
        spans.pop(0)
    return " ".join(join_syllables([s for s in syllables[a:b] if s is not None]) for a, b in spans)
