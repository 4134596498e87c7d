"""The one place where the UI calls the `glossary` core, and the plain rows it renders.

Nothing here decides what is right or wrong about a name: it asks the checker, the house
glossary, the romanizer, the look-up and the repairer, and turns their answers into rows the
widgets show. Every function may be slow the first time (dictionaries load), so screens call
them from workers.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.chars import is_han
from glossary.check.findings import Finding, Fix
from glossary.errors import DataError, GlossaryError
from glossary.house import (
    NEW_FILE_HEADER,
    REGIONS,
    Entry,
    Glossary,
    GlossaryFile,
    Kind,
    System,
    check_duplicates,
    default_paths,
    edit_in_place,
    entry_block,
    load_glossary,
    parse_glossary_text,
    same_identity,
    writable_target,
)
from tui.session import ChangedOnDisk

if TYPE_CHECKING:
    from glossary.check.mentions import PersonInfo
    from glossary.config import Config
    from glossary.lookup import Lookup
    from glossary.repair import Repair

# -- rows the widgets render ------------------------------------------------------------------


class Status(enum.Enum):
    IN_GLOSSARY = "in glossary"
    NEW = "new"
    INCONSISTENT = "inconsistent"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class PersonRow:
    hanzi: str
    pinyin: str
    english: str
    status: Status
    spans: tuple[tuple[int, int], ...] = ()  # where the article mentions this person


@dataclass(frozen=True)
class LookupRow:
    hanzi: str
    traditional: str
    pinyin: str
    english: str
    source: str  # "house" or "cedict"


@dataclass(frozen=True)
class Review:
    findings: tuple[Finding, ...]
    people: tuple[PersonRow, ...] = ()


# -- the house glossary as this review sees it ---------------------------------------------------


@dataclass(frozen=True)
class Change:
    """An entry added (`old` None) or edited in this session, not yet saved."""

    old: Entry | None
    new: Entry


class House:
    """The shipped glossary plus `--glossary` files, and this session's unsaved changes."""

    def __init__(self, paths: Sequence[Path], *, article: Path) -> None:
        self.paths = tuple(paths)
        self.article = article
        self._lookup: tuple[object, Lookup] | None = None
        self._lookup_lock = threading.Lock()
        self._seen: dict[str, str] | None = None  # path -> SHA-256 as this session read it

    @cached_property
    def configured(self) -> tuple[Path, ...]:
        """Glossary files named by the article's configuration (`glossaries = [...]`)."""
        return config_for(self.article).glossaries

    @cached_property
    def warnings(self) -> tuple[str, ...]:
        """One line for each configured glossary file that does not exist yet (it reads as
        empty), worded as the CLI commands print it on stderr."""
        from glossary.config import readable_glossaries

        return tuple(readable_glossaries(config_for(self.article))[1])

    @property
    def target(self) -> Path | None:
        """Where new entries are saved (the core's `writable_target`, from the article's
        folder): the first `--glossary` file, else the first configured, else
        `$GLOSSARY_FILE`, else the shipped files of a source checkout; None: nowhere."""
        try:
            return self.target_for(Kind.PERSON)
        except GlossaryError:
            return None

    def target_for(self, kind: Kind) -> Path:
        return writable_target(
            kind, self.paths[0] if self.paths else None, start=self.article.resolve().parent
        )

    def files(self) -> list[Path]:
        shipped = default_paths()
        extra = [p for p in (*self.configured, *self.paths) if p.exists() and p not in shipped]
        return [*shipped, *dict.fromkeys(extra)]

    def base(self) -> Glossary:
        """The glossary files as on disk (cached by the core per file modification time)."""
        glossary = load_glossary(self.files())
        if self._seen is None:  # what the session read first: the changed-on-disk reference
            self._seen = dict(glossary.digests)
        return glossary

    def effective(self, changes: Sequence[object]) -> Glossary:
        """The glossary with this session's changes applied, for checking and look-up."""
        base = self.base()
        if not changes:
            return base
        gone = [c.old for c in _changes(changes) if c.old is not None]
        new = [c.new for c in _changes(changes)]
        kept = [e for e in base.entries if e not in gone and e not in new]
        return Glossary([*kept, *new], base.digests)

    def lookup(self, changes: Sequence[object]) -> Lookup:
        """The look-up engine over the effective glossary and CC-CEDICT (built once per state)."""
        from glossary.cedict import load_cedict
        from glossary.lookup import Lookup

        key = (tuple(changes), self.base())
        # one builder at a time: a search typed while the warm-up builds waits for its engine
        # instead of building a second one beside it (and taking twice as long)
        with self._lookup_lock:
            cached = self._lookup
            if cached is None or cached[0] != key:
                cached = self._lookup = (key, Lookup(self.effective(changes), load_cedict()))
        return cached[1]

    def find(self, changes: Sequence[object], hanzi: str) -> Entry | None:
        """The entry (as edited in this session, if it was) for these characters."""
        found = self.effective(changes).by_hanzi(hanzi)
        return found[0] if found else None

    def put(
        self, changes: tuple[object, ...], old: Entry | None, form: FormValues
    ) -> tuple[object, ...]:
        """The session's changes after adding or editing an entry from the form."""
        return self.put_entry(changes, old, form.entry(old))

    def put_entry(
        self, changes: tuple[object, ...], old: Entry | None, new: Entry
    ) -> tuple[object, ...]:
        """The session's changes with `old` (None: nothing) replaced by `new`, validated."""
        parse_glossary_text(entry_block(new), "entry")  # the loader's rules and messages
        listed = list(_changes(changes))
        for index, change in enumerate(listed):
            if old is not None and change.new == old:  # editing an entry added or edited now
                # once saved, the entry is edited where it was written
                written = next((e for e in self.base().entries if e == old and e.path), None)
                listed[index] = Change(written or change.old, new)
                break
        else:
            listed.append(Change(old, new))
        check_duplicates(self.effective(tuple(listed)).entries)
        return tuple(listed)

    def save(self, changes: Sequence[object], *, force: bool = False) -> Path:
        """Write every change into its file: edits where the entry was read (unless that is
        installed package data), additions and overrides to `target_for`. Atomic, with a
        backup; refuses a file that changed on disk since this session read it (unless
        `force`)."""
        self.base()
        seen = self._seen or {}
        by_file: dict[Path, list[Change]] = {}
        for change in _changes(changes):
            old = change.old
            if old is not None and edit_in_place(old.path):
                path = Path(old.path)
            else:  # a new entry, or one read from installed data: the user's file overrides it
                if old is not None and old.path and not same_identity(old, change.new):
                    raise GlossaryError(
                        f"{old.hanzi}: the installed entry is told apart from namesakes by its "
                        "notes; a copy with other notes would be another person"
                    )
                path = self.target_for(change.new.kind)
            by_file.setdefault(path, []).append(change)
        for path, file_changes in by_file.items():
            handle = GlossaryFile.open(path, create=True, header=NEW_FILE_HEADER)
            if not force and handle.digest != seen.get(str(path)):
                raise ChangedOnDisk(path)
            for change in file_changes:
                if change.new in handle.entries:
                    continue  # written by an earlier save
                if change.old is not None and change.old in handle.entries:
                    handle.replace(change.old, change.new)
                else:
                    handle.add(change.new)
            if path.exists():  # keep the previous version, as the article's save does
                backup = path.with_name(path.name + "~")
                backup.write_bytes(path.read_bytes())
            handle.save()
            seen[str(path)] = handle.digest or ""
        self._seen = seen
        return self.target or next(iter(by_file))


def _changes(changes: Sequence[object]) -> list[Change]:
    return [c for c in changes if isinstance(c, Change)]


# -- the entry form ------------------------------------------------------------------------------

SYSTEM_CHOICES = [(s.value, s.value) for s in System]
KIND_CHOICES = [(k.value, k.value) for k in Kind]
REGION_CHOICES = [("—", ""), *((r, r) for r in REGIONS)]


@dataclass(frozen=True)
class FormValues:
    hanzi: str = ""
    pinyin: str = ""
    english: str = ""
    system: str = System.PINYIN.value
    kind: str = Kind.PERSON.value
    region: str = ""
    notes: str = ""

    def entry(self, old: Entry | None = None) -> Entry:
        """The entry the form describes (validated by the house glossary's own loader)."""
        draft = Entry(
            hanzi=self.hanzi,
            traditional=old.traditional if old is not None and old.hanzi == self.hanzi else "",
            pinyin=self.pinyin,
            english=self.english,
            system=System(self.system),
            kind=Kind(self.kind),
            surname=old.surname if old is not None and self.kind == Kind.PERSON.value else None,
            region=(self.region or None) if self.kind == Kind.PERSON.value else None,
            order=old.order if old is not None else "eastern",
            aliases=old.aliases if old is not None else (),
            notes=self.notes,
            sources=old.sources if old is not None else (),
        )
        (entry,) = parse_glossary_text(entry_block(draft), "entry")
        # where it was read from (an edit is saved there); a new entry has no place yet
        return entry._replace(path=old.path if old else "", line=old.line if old else 0)


def form_values(entry: Entry | None, hanzi: str) -> FormValues:
    if entry is None:
        return FormValues(hanzi=hanzi)
    return FormValues(
        hanzi=entry.hanzi,
        pinyin=entry.pinyin,
        english=entry.english,
        system=entry.system.value,
        kind=entry.kind.value,
        region=entry.region or "",
        notes=entry.notes,
    )


def validate_form(form: FormValues) -> list[str]:
    """What is wrong with the form, in the house glossary loader's own words."""
    missing = [name for name in ("hanzi", "pinyin", "english") if not getattr(form, name)]
    if missing:
        return [f"{', '.join(missing)}: required"]
    try:
        form.entry()
    except DataError as exc:
        where = f"{exc.field}: " if exc.field else ""
        return [f"{where}{exc.message}"]
    return []


@dataclass(frozen=True)
class Proposal:
    """What the romanizer proposes for the form."""

    pinyin: str
    english: str
    note: str
    alternatives: tuple[str, ...] = ()
    choices: tuple[tuple[str, str], ...] = field(default=())  # (pinyin, english), first = proposal


def propose(hanzi: str, glossary: Glossary) -> Proposal | None:
    """The romanizer's pinyin and English for a name, with alternatives when it is ambiguous."""
    if not hanzi:
        return None
    from glossary.pinyin import strip_tones
    from glossary.romanize import NotAName, romanize

    try:
        found = romanize(hanzi, glossary=glossary)
    except NotAName as exc:
        return Proposal("", "", str(exc))
    source = {
        "house": "house glossary",
        "cedict": "CC-CEDICT",
        "rules": "surname table and readings",
    }
    note = f"proposed from the {source.get(found.source.value, found.source.value)}"
    if found.ambiguous:
        note += "; ambiguous: choose a reading below"
    if found.notes:
        note += "; " + "; ".join(found.notes)
    others = [(alt, strip_tones(alt)) for alt in found.alternatives if alt != found.pinyin]
    choices = ((found.pinyin, found.english), *others)
    return Proposal(
        found.pinyin, found.english, note, found.alternatives, choices if len(choices) > 1 else ()
    )


# -- ignoring a finding ----------------------------------------------------------------------------


def suppression_edit(path: Path, text: str, finding: Finding) -> tuple[int, int, str]:
    """An edit that puts a `disable-line` comment at the end of the finding's line.

    The checker reads `glossary: disable-line=CODE` in an HTML comment in text, Markdown and
    HTML alike; at the end of the line it neither shows in rendered Markdown/HTML nor splits a
    paragraph (a comment on a line of its own would).
    """
    end = text.find("\n", finding.start)
    if end == -1:
        end = len(text)
    if end > 0 and text[end - 1] == "\r":
        end -= 1
    return (end, end, f" <!-- glossary: disable-line={finding.code} -->")


# -- checking ----------------------------------------------------------------------------------------

# Findings that mean a person is written inconsistently: with itself, with the characters,
# or with the house glossary (rule codes from glossary/check/rules).
INCONSISTENT_CODES = frozenset({"GL101", "GL102", "GL103", "GL209", "GL301", "GL401"})
AMBIGUOUS_CODES = frozenset({"GL305"})


def config_for(path: Path) -> Config:
    """The checker's configuration for the article, as `glossary lint` finds it."""
    from glossary.config import load_config

    return load_config(path.resolve().parent)


def check(path: Path, text: str, glossary: Glossary) -> Review:
    """The checker's findings for `text` (the article as edited) and the people it names."""
    from glossary.check.document import read_document
    from glossary.check.engine import check_document
    from glossary.check.knowledge import Knowledge
    from glossary.check.mentions import find_mentions

    document = read_document(path.name, text)
    knowledge = Knowledge(glossary)
    findings = tuple(check_document(document, config_for(path), knowledge))
    analysis = find_mentions(document, knowledge)
    people = tuple(
        _person_row(info, findings, glossary) for info in analysis.people if info.mentions
    )
    return Review(findings, people)


def prefetch(path: Path, text: str, house: House) -> Future[Review]:
    """Start the first check now, in a thread, so that it runs while the UI starts up."""
    future: Future[Review] = Future()

    def run() -> None:
        try:
            future.set_result(check(path, text, house.effective(())))
        except BaseException as exc:  # handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=run, name="glossary-first-check", daemon=True).start()
    return future


def _person_row(info: PersonInfo, findings: Sequence[Finding], glossary: Glossary) -> PersonRow:
    known = info.known
    hanzi = info.hanzi or (known.hanzi if known is not None else "")
    pinyin = known.pinyin if known is not None else ""
    english = known.english if known is not None else ""
    ambiguous = False
    if hanzi and (known is None or known.source != "house"):
        from glossary.romanize import NotAName, romanize

        try:
            found = romanize(hanzi, glossary=glossary)
        except NotAName:
            pass
        else:
            pinyin = pinyin or found.pinyin
            english = english or found.english
            ambiguous = found.ambiguous
    if not english:
        english = info.first.latin
    spans = tuple((m.start, m.end) for m in info.mentions)
    codes = {f.code for f in findings if any(f.start < e and s < f.end for s, e in spans)}
    if codes & INCONSISTENT_CODES:
        status = Status.INCONSISTENT
    elif ambiguous or codes & AMBIGUOUS_CODES:
        status = Status.AMBIGUOUS
    elif known is not None and known.source == "house":
        status = Status.IN_GLOSSARY
    else:
        status = Status.NEW
    return PersonRow(hanzi, pinyin, english, status, spans)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """The text with the checker's fixes applied (its own rules for overlaps)."""
    from glossary.check.engine import apply_fixes as engine_apply

    return engine_apply(text, fixes)[0]


def hanzi_of(finding: Finding, review: Review | None) -> str:
    """The characters of the person a finding is about, when known."""
    data = dict(finding.data)
    if data.get("hanzi"):
        return data["hanzi"]
    for person in review.people if review is not None else ():
        if any(finding.start < e and s < finding.end for s, e in person.spans):
            return person.hanzi
    return ""


def add_exception(
    house: House, changes: tuple[object, ...], finding: Finding, text: str, review: Review | None
) -> tuple[Entry, tuple[object, ...]]:
    """Accept the flagged spelling as an alias of the person's house entry (the checker then
    treats it as a house form). Returns the entry and the session's new changes."""
    form = " ".join(text[finding.start : finding.end].split())
    hanzi = hanzi_of(finding, review)
    entry = house.find(changes, hanzi) if hanzi else None
    if entry is None:
        raise NoEntry(hanzi)
    if not form or any(is_han(c) for c in form):
        raise GlossaryError(
            f"{finding.code}: only a spelling can be recorded as an exception, not {form!r}; "
            "use a suppression comment"
        )
    if form in entry.english_forms:
        raise GlossaryError(f"{form!r} is already a form of {entry.hanzi} in the glossary")
    new = entry._replace(aliases=(*entry.aliases, form))
    return new, house.put_entry(changes, entry, new)


class NoEntry(GlossaryError):
    """The finding's person has no house entry yet (the UI offers to add one)."""

    def __init__(self, hanzi: str) -> None:
        self.hanzi = hanzi
        super().__init__(f"{hanzi or 'this name'} is not in the house glossary")


# -- mojibake ----------------------------------------------------------------------------------------


def find_repairs(text: str, glossary: Glossary) -> list[Repair]:
    """Every run of mojibake with its repair (the repairer's own answer, before and after)."""
    from glossary.repair import find_repairs as repairer

    return [r for r in repairer(text, glossary=glossary) if r.changes or r.candidates]


def apply_repairs(text: str, repairs: Sequence[Repair]) -> str:
    from glossary.repair import apply_repairs as repairer_apply

    return repairer_apply(text, repairs)


def warm_up(house: House, changes: Sequence[object]) -> None:
    """Load what the first look-ups and proposals load (CC-CEDICT's index, the romanizer's
    tables) ahead of the first keystroke (all of `warm_up_steps`, one after the other)."""
    for _, step in warm_up_steps(house, changes):
        step()


def warm_up_steps(
    house: House, changes: Sequence[object]
) -> list[tuple[str, Callable[[], object]]]:
    """The warm-up in steps (the screen's background warm-up may stop or pause between
    them): the look-up, with one query each of characters, pinyin and English; then one
    romanization of a name no dictionary knows (the romanizer's tables, for proposals)."""

    def look_up() -> None:
        engine = house.lookup(changes)
        for query in ("王毅", "wang yi", "Wang Yi"):
            engine.search(query, limit=1)

    return [
        ("look-up", look_up),
        ("romanizer", lambda: propose("杨小雨", house.effective(changes))),
    ]


# -- look-up -------------------------------------------------------------------------------------------


def search(engine: Lookup, query: str, *, limit: int = 30) -> list[LookupRow]:
    """Look-up results, best first: the house glossary, then CC-CEDICT."""
    return [
        LookupRow(
            hanzi=r.hanzi,
            traditional=r.traditional,
            pinyin=r.pinyin,
            english=r.english or r.definition,
            source=r.source.value,
        )
        for r in engine.search(query, limit=limit)
    ]
