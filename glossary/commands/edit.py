"""`glossary edit HANZI`: change fields of a house glossary entry.

glossary edit 刘鹏宇 --note "Embassy spokesperson in Washington"
glossary edit 蔡英文 --alias "Tsai Ying-wen" --alias "Cai Yingwen"
glossary edit 杨洁篪 --propose          # show the romanizer's pinyin, change nothing
glossary edit 乐嘉 --pinyin "Lè Jiā" --which 2   # when several entries share characters

Only the lines of the changed fields are rewritten; the entry is validated
first, and the file is written atomically, only if it did not change on disk.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from glossary.commands.add import add_field_arguments, field_changes, validate_new
from glossary.errors import GlossaryError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("hanzi", metavar="HANZI", help="the entry's characters (either script)")
    add_field_arguments(parser, editing=True)
    parser.add_argument("--no-aliases", action="store_true", help="remove every alias")
    parser.add_argument("--no-sources", action="store_true", help="remove every source")
    parser.add_argument(
        "--which", type=int, metavar="N", help="the Nth entry when several share the characters"
    )
    parser.add_argument(
        "--propose",
        action="store_true",
        help="print the proposed pinyin and English; change nothing",
    )


def run(args: argparse.Namespace) -> int:
    from glossary.house import GlossaryFile, default_paths, entry_block

    paths = [args.glossary] if args.glossary else default_paths()
    matches = []
    for path in paths:
        edit = GlossaryFile.open(Path(path))
        matches += [(edit, entry) for entry in edit.find(args.hanzi.strip())]
    if not matches:
        where = ", ".join(str(p) for p in paths) or "the shipped dictionaries"
        raise GlossaryError(f"{args.hanzi} is not in {where} (use `glossary add`)")
    if len(matches) > 1 and args.which is None:
        listing = "; ".join(
            f"{n}: {e.english} ({e.notes or 'no notes'}) {e.path}:{e.line}"
            for n, (_, e) in enumerate(matches, start=1)
        )
        raise GlossaryError(
            f"{len(matches)} entries for {args.hanzi}: choose with --which: {listing}"
        )
    index = (args.which or 1) - 1
    if not 0 <= index < len(matches):
        raise GlossaryError(f"--which must be between 1 and {len(matches)}")
    edit, old = matches[index]

    if args.propose:
        from glossary.interchange import propose

        proposal = propose(old.hanzi, old.kind.value)
        if proposal is None:
            raise GlossaryError(f"no proposal for {old.hanzi}")
        print(
            f"{old.hanzi}: proposed {proposal[0]} / {proposal[1]}; now {old.pinyin} / {old.english}"
        )
        return 0

    changes = field_changes(args)
    if args.no_aliases:
        changes["aliases"] = ()
    if args.no_sources:
        changes["sources"] = ()
    if not changes:
        raise GlossaryError("nothing to change (give --pinyin, --english, --note, ...)")
    new = replace(old, **changes)
    if new == old:
        print(f"{old.hanzi}: no change", file=sys.stderr)
        return 0
    validate_new(new)
    edit.replace(old, new)
    if args.dry_run:
        sys.stdout.write(f"# would change {edit.path}:{old.line}:\n{entry_block(new)}")
        return 0
    edit.save()
    sys.stdout.write(f"# changed {edit.path}:{old.line}:\n{entry_block(new)}")
    return 0
