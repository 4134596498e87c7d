"""`glossary edit HANZI`: change fields of a house glossary entry.

glossary edit 刘鹏宇 --note "Embassy spokesperson in Washington"
glossary edit 蔡英文 --alias "Tsai Ying-wen" --alias "Cai Yingwen"
glossary edit 杨洁篪 --propose          # show the romanizer's pinyin, change nothing
glossary edit 乐嘉 --pinyin "Lè Jiā" --which 2   # when several entries share characters

Only the lines of the changed fields are rewritten; the entry is validated
first, and the file is written atomically, only if it did not change on disk.

The entry is changed in the file it lives in when that file is writable and not
the data installed with the package. An entry found only in installed shipped
data is copied, changed, into the user's glossary (`writable_target`: --glossary,
the configured glossaries, $GLOSSARY_FILE), where it overrides the shipped one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.commands import save_or_preview
from glossary.commands.add import add_field_arguments, field_changes, validate_new
from glossary.errors import GlossaryError
from glossary.house import edit_in_place, is_shipped

if TYPE_CHECKING:
    import argparse

    from glossary.house import Entry, GlossaryFile


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
    from glossary.house import GlossaryFile, entry_block, house_paths, same_identity

    hanzi = args.hanzi.strip()
    matches = []
    if args.glossary and Path(args.glossary).exists():  # an entry in the named file: there
        edit = GlossaryFile.open(Path(args.glossary))
        matches = [(edit, entry) for entry in edit.find(hanzi)]
    paths = [] if matches else house_paths()
    found: list[tuple[GlossaryFile, Entry]] = []
    for path in paths:
        edit = GlossaryFile.open(path)
        found += [(edit, entry) for entry in edit.find(hanzi)]
    # an entry of the user's files hides the shipped one it overrides (as load_glossary does)
    own = [e for _, e in found if not is_shipped(e.path)]
    matches += [
        (f, e)
        for f, e in found
        if not (is_shipped(e.path) and any(same_identity(o, e) for o in own))
    ]
    if not matches:
        where = ", ".join(str(p) for p in [*([args.glossary] if args.glossary else []), *paths])
        raise GlossaryError(
            f"{args.hanzi} is not in {where or 'any glossary'} (use `glossary add`)"
        )
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
    new = old._replace(**changes)
    if new == old:
        print(f"{old.hanzi}: no change", file=sys.stderr)
        return 0
    validate_new(new)
    named = args.glossary is not None and edit.path == Path(args.glossary)
    # a shipped entry is changed in place only in a writable source checkout and when no
    # other file was named; otherwise it is overridden from the user's file
    if named or (edit_in_place(old.path) and not (args.glossary and is_shipped(old.path))):
        edit.replace(old, new)
        where = f"{edit.path}:{old.line}"
    else:
        edit = _override_file(old, new, args.glossary)
        where = f"{edit.path} (overriding {old.path}:{old.line})"
    return save_or_preview(
        edit,
        entry_block(new),
        dry_run=args.dry_run,
        done=f"changed {where}",
        would=f"would change {where}",
    )


def _override_file(old: Entry, new: Entry, explicit: Path | None) -> GlossaryFile:
    """The user's glossary file with `new` added, to override the installed entry `old`."""
    from glossary.house import NEW_FILE_HEADER, GlossaryFile, same_identity, writable_target

    if not same_identity(old, new):
        raise GlossaryError(
            f"{old.hanzi}: the shipped entry is told apart from namesakes by its notes "
            f"({old.notes!r}); a copy with other notes would be another person, not a change "
            "(use `glossary add --note` for a namesake)"
        )
    target = writable_target(new.kind, explicit)
    edit = GlossaryFile.open(target, create=True, header=NEW_FILE_HEADER)
    edit.add(new._replace(path="", line=0))  # validates the whole file as it would be written
    return edit
