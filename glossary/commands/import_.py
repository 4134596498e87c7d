"""`glossary import FILE`: bring CSV, TSV, TBX or JSON into the house glossary.

glossary import house.tbx --glossary dictionaries/people.toml
glossary import deepl.csv --dry-run

The whole file is read and validated first: a malformed file exits 2 and
nothing is written. An entry whose characters are already in the glossary
with other data (different pinyin, English, ...) is a conflict: it is
reported and left out, never overwritten (exit status 1). Entries without
pinyin get the romanizer's proposal (people) or CC-CEDICT's, and say so.
Without --glossary, entries go where `glossary add` puts them
(`glossary.house.writable_target`: the configured glossary, $GLOSSARY_FILE, or
the shipped files of a source checkout), never into installed package data.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from glossary.errors import DataError, GlossaryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument(
        "--format",
        choices=["csv", "tsv", "tbx", "json"],
        help="input format (default: from the file name; OmegaT .utf8/.txt are TSV)",
    )
    parser.add_argument("--glossary", type=Path, metavar="FILE", help="the glossary file to add to")
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would happen, write nothing"
    )


def run(args: argparse.Namespace) -> int:
    from glossary.house import (
        NEW_FILE_HEADER,
        GlossaryFile,
        house_paths,
        load_glossary,
        writable_target,
    )
    from glossary.interchange import (
        Format,
        entries_from_rows,
        format_for,
        plan_import,
        propose,
        read_rows,
    )

    fmt = Format(args.format) if args.format else format_for(args.file)
    if fmt is None:
        raise GlossaryError(f"{args.file}: give --format csv|tsv|tbx|json")
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise DataError(args.file, None, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(args.file, data[: exc.start].count(b"\n") + 1, None, "not UTF-8") from None
    rows = read_rows(text, fmt, str(args.file))
    entries, filled = entries_from_rows(rows, str(args.file), propose=propose)

    # decided before anything else: no file to write to is exit 2, nothing written
    targets = {kind: writable_target(kind, args.glossary) for kind in {e.kind for e in entries}}
    known = {p.resolve() for p in house_paths()}
    extra = [t for t in targets.values() if t.exists() and t.resolve() not in known]
    plan = plan_import(entries, load_glossary([*house_paths(), *dict.fromkeys(extra)]))

    by_file: dict[Path, list] = defaultdict(list)
    for entry in plan.add:
        by_file[targets[entry.kind]].append(entry)
    edits = []
    for path, new in by_file.items():
        edit = GlossaryFile.open(path, create=True, header=NEW_FILE_HEADER)
        for entry in new:
            edit.add(entry)  # validated as the file would be written
        edits.append((edit, len(new)))
    for note in filled:
        print(f"note: {note}", file=sys.stderr)
    for conflict in plan.conflicts:
        print(f"conflict, not imported: {conflict.describe()}", file=sys.stderr)
    changed = [str(edit.path) for edit, _ in edits if edit.changed_on_disk()]
    if changed and not args.dry_run:
        raise GlossaryError(f"{', '.join(changed)} changed on disk meanwhile; nothing was written")
    verb = "would add" if args.dry_run else "added"
    for edit, count in edits:
        if not args.dry_run:
            edit.save()
        print(f"{verb} {count} {'entry' if count == 1 else 'entries'} to {edit.path}")
    print(f"{len(plan.unchanged)} already present, {len(plan.conflicts)} conflicts")
    return 1 if plan.conflicts else 0
