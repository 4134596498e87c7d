"""`glossary repair [FILE|-]`: undo mojibake, run by run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.commands import add_glossary_option
from glossary.errors import GlossaryError

if TYPE_CHECKING:
    import argparse

_EPILOG = """\
The repaired text goes to standard output (or back into FILE with --in-place,
keeping the previous content as FILE~). With --explain, each run found is
listed on standard error as

  FILE:LINE:COLUMN: CHAIN: 'BEFORE' -> 'AFTER' (confidence 0.95)

and runs that cannot be restored (bytes lost, or candidates that context
cannot choose between) as

  FILE:LINE:COLUMN: CHAIN: 'BEFORE' not repaired; candidates: A, B, ...

They are left as they are. Exit status: 0 when the text was read (repaired or
not), 2 when it could not be (missing, binary, or not UTF-8).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    import argparse  # for the help formatter; the rest of the command does without it

    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = _EPILOG
    parser.add_argument(
        "file", nargs="?", default="-", help="the text to repair (default or '-': standard input)"
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="write the repaired text back into FILE (atomically; the old content is kept as FILE~)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="list every run found on standard error: position, encoding chain, before -> after, "
        "confidence, candidates",
    )
    add_glossary_option(
        parser,
        "a house glossary file (TOML) whose names help choose lost characters, instead of "
        "the shipped and configured ones (repeatable)",
    )


def _explain(label: str, text: str, repairs: list[Any]) -> None:
    from glossary.check.findings import LineIndex

    index = LineIndex(text)
    for repair in repairs:
        where = index.position(repair.start)
        head = f"{label}:{where.line}:{where.column}: {repair.chain}: {repair.original!r}"
        if repair.changes:
            line = f"{head} -> {repair.replacement!r} (confidence {repair.confidence:.2f})"
        else:
            options = ", ".join(repair.candidates) if repair.candidates else "none (bytes lost)"
            line = f"{head} not repaired; candidates: {options}"
        print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.in_place and args.file == "-":
        raise GlossaryError("--in-place needs a FILE, not standard input")
    from glossary.config import load_own_house
    from glossary.textio import folder_of, read_text, warn

    text = read_text(args.file)
    from glossary.repair import repair_text

    # names that help choose lost characters: the shipped glossary plus the newsroom's own,
    # configured for the file's folder (as `glossary lint` reads them), or --glossary's;
    # None (only the shipped files) lets repair load them only when a lost byte needs them
    glossary = load_own_house(args.glossary, folder_of(args.file), warn=warn)
    repaired, repairs = repair_text(text, glossary=glossary)
    label = "<stdin>" if args.file == "-" else args.file
    if args.explain:
        _explain(label, text, repairs)
    if args.in_place:
        if repaired != text:
            from glossary.resources import atomic_write_text

            try:
                atomic_write_text(Path(args.file), repaired, backup=True)
            except OSError as exc:
                raise GlossaryError(
                    f"{label}: cannot write: {exc.strerror or exc}; nothing was changed"
                ) from None
        changed = sum(r.changes for r in repairs)
        print(f"{label}: {changed} run(s) repaired", file=sys.stderr)
        return 0
    sys.stdout.buffer.write(repaired.encode("utf-8"))
    sys.stdout.flush()
    return 0
