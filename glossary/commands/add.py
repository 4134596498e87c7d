"""`glossary add HANZI`: add an entry to the house glossary, its pinyin proposed.

glossary add 刘鹏宇 --note "Embassy spokesperson"      # pinyin and English proposed
glossary add 林郑月娥 --english "Carrie Lam" --system established --region hong-kong \\
    --order western --surname 林郑
glossary add 共同富裕 --kind term --english "common prosperity" --glossary terms.toml

The entry is validated (pinyin against the characters' readings, and so on)
before anything is written; the file is written atomically and only if it did
not change on disk meanwhile. The file is `glossary.house.writable_target`'s:
--glossary FILE, else the first `glossaries` file of .glossary.toml /
[tool.glossary] (created when missing), else $GLOSSARY_FILE, else the shipped
dictionaries/people.toml or terms.toml of a source checkout -- never the data
installed with the package.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.commands import save_or_preview
from glossary.errors import DataError, GlossaryError
from glossary.house import ORDERS, REGIONS, Kind, System

if TYPE_CHECKING:
    import argparse


def add_field_arguments(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    """The per-field options shared by `add` and `edit`."""
    verb = "new" if editing else "the"
    parser.add_argument("--pinyin", help=f"{verb} tone-marked pinyin (default: proposed)")
    parser.add_argument("--english", help=f"{verb} English form the house prints")
    parser.add_argument("--traditional", help=f"{verb} traditional characters")
    parser.add_argument("--system", choices=[s.value for s in System], help="romanization system")
    parser.add_argument(
        "--kind", choices=[k.value for k in Kind], help="person (default), place, ..."
    )
    parser.add_argument("--surname", help="people: the surname characters, when not obvious")
    parser.add_argument("--region", choices=REGIONS, help="people: where they are from")
    parser.add_argument(
        "--order", choices=ORDERS, help="people: eastern (surname first) or western"
    )
    parser.add_argument(
        "--alias", action="append", metavar="FORM", help="another spelling (repeatable)"
    )
    parser.add_argument("--note", dest="notes", metavar="TEXT", help="notes (who this is)")
    parser.add_argument(
        "--source", action="append", metavar="SOURCE", help="where it was checked (repeatable)"
    )
    parser.add_argument(
        "--glossary",
        type=Path,
        metavar="FILE",
        help="the glossary file to write"
        + (
            " (default: the file holding the entry; an installed shipped entry is copied to"
            " the configured glossary)"
            if editing
            else " (default: the first configured glossary, else $GLOSSARY_FILE)"
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be written, write nothing"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("hanzi", metavar="HANZI", help="the characters (simplified)")
    add_field_arguments(parser, editing=False)


def field_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given on the command line, as Entry keyword arguments."""
    changes: dict[str, Any] = {}
    for key in ("pinyin", "english", "traditional", "surname", "region", "order", "notes"):
        value = getattr(args, key, None)
        if value is not None:
            changes[key] = value.strip()
    if args.system:
        changes["system"] = System(args.system)
    if args.kind:
        changes["kind"] = Kind(args.kind)
    if args.alias is not None:
        changes["aliases"] = tuple(a.strip() for a in args.alias if a.strip())
    if args.source is not None:
        changes["sources"] = tuple(s.strip() for s in args.source if s.strip())
    return changes


def infer_system(pinyin: str, english: str, kind: Kind) -> System:
    """pinyin when the English form is the pinyin without tones; else established/other."""
    from glossary.pinyin import strip_tones

    if strip_tones(pinyin) == english:
        return System.PINYIN
    return System.ESTABLISHED if kind is Kind.PERSON else System.OTHER


def validate_new(entry: Any) -> None:
    """Check one entry on its own, so an error names the field, not a line of a file."""
    from glossary.house import entry_block, parse_glossary_text

    try:
        parse_glossary_text(entry_block(entry), "<new entry>")
    except DataError as exc:
        raise GlossaryError(f"{entry.hanzi}: field '{exc.field}': {exc.message}") from None


def run(args: argparse.Namespace) -> int:
    from glossary.house import (
        NEW_FILE_HEADER,
        Entry,
        GlossaryFile,
        check_duplicates,
        entry_block,
        house_paths,
        load_glossary,
        writable_target,
    )
    from glossary.interchange import propose

    hanzi = args.hanzi.strip()
    changes = field_changes(args)
    kind = changes.get("kind", Kind.PERSON)
    target = writable_target(kind, args.glossary)  # no file to write to: exit 2 before any work
    proposal_note = ""
    if "pinyin" not in changes or "english" not in changes:
        proposal = propose(hanzi, kind.value)
        if proposal is None and "pinyin" not in changes:
            raise GlossaryError(f"no pinyin could be proposed for {hanzi!r}: give --pinyin")
        if proposal is not None:
            changes.setdefault("pinyin", proposal[0])
            changes.setdefault("english", proposal[1])
            proposal_note = f"proposed: {proposal[0]} / {proposal[1]}"
    if "english" not in changes:
        raise GlossaryError("give --english")
    changes.setdefault("system", infer_system(changes["pinyin"], changes["english"], kind))
    if not changes.get("traditional"):
        from glossary.chars import is_han_text, to_traditional

        if is_han_text(hanzi.replace("·", "")):
            changes["traditional"] = to_traditional(hanzi)  # written out, so a reader sees it
    entry = Entry(hanzi=hanzi, **changes)

    validate_new(entry)
    edit = GlossaryFile.open(target, create=True, header=NEW_FILE_HEADER)
    others = [p for p in house_paths() if p.resolve() != target.resolve()]
    same = [e for e in edit.entries if e.hanzi == hanzi]
    if others:
        same += [e for e in load_glossary(others).entries if e.hanzi == hanzi]
    for earlier in same:
        try:
            check_duplicates([earlier, entry])
        except DataError:
            raise GlossaryError(
                f"{hanzi} is already in {earlier.path}:{earlier.line}: use `glossary edit`, "
                "or give --note to tell two people apart"
            ) from None
    edit.add(entry)  # validates the whole file as it would be written
    block = entry_block(entry)
    if proposal_note:
        print(proposal_note, file=sys.stderr)
    return save_or_preview(
        edit, block, dry_run=args.dry_run, done=f"added to {target}", would=f"would add to {target}"
    )
