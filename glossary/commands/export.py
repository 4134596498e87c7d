"""`glossary export --format csv|tsv|tbx|json -o FILE`: the house glossary for other tools.

glossary export --format tbx -o house.tbx          # CAT tools (TBX-Basic style)
glossary export --format tsv -o glossary.utf8      # OmegaT: source, target, comment
glossary export --format csv --two-columns -o deepl.csv   # DeepL: source, target
glossary export --format json --kind person        # to standard output
"""

from __future__ import annotations

import sys
from pathlib import Path

from glossary.commands import add_glossary_option
from glossary.errors import GlossaryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["csv", "tsv", "tbx", "json"],
        help="output format (default: from the -o file name)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: stdout)"
    )
    add_glossary_option(
        parser,
        "glossary file to export instead of the shipped and configured ones (repeatable)",
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=["person", "place", "organisation", "term"],
        help="export only these kinds (repeatable)",
    )
    parser.add_argument(
        "--two-columns",
        action="store_true",
        help="CSV/TSV: source and target only, without the comment column (DeepL)",
    )


def run(args: argparse.Namespace) -> int:
    from glossary.config import load_house
    from glossary.interchange import Format, export, format_for
    from glossary.resources import atomic_write_text

    fmt = Format(args.format) if args.format else (format_for(args.output) if args.output else None)
    if fmt is None:
        raise GlossaryError("give --format csv|tsv|tbx|json (or an -o file name ending in one)")
    from glossary.textio import warn

    # the shipped glossary plus the newsroom's own (.glossary.toml / $GLOSSARY_FILE)
    glossary = load_house(args.glossary, warn=warn)
    entries = [e for e in glossary.entries if not args.kind or e.kind.value in args.kind]
    text = export(entries, fmt, two_columns=args.two_columns)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            atomic_write_text(args.output, text)
        except OSError as exc:
            raise GlossaryError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
        print(f"{len(entries)} entries written to {args.output} ({fmt.value})", file=sys.stderr)
    return 0
