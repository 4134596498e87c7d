"""One module per CLI sub-command: `add_arguments(parser)` and `run(args) -> int`.

Each module imports heavy libraries inside `run`, never at module level, so that
`glossary --help` and argument errors stay fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.house import GlossaryFile

INSTEAD = "house glossary file to use instead of the shipped and configured ones (repeatable)"


def add_glossary_option(parser: argparse.ArgumentParser, text: str = INSTEAD) -> None:
    """`--glossary FILE` (repeatable; `args.glossary` is a list of paths, empty when not
    given): for the commands that read only the files given instead of the house glossary
    every command reads by default (`glossary.config.load_house`)."""
    parser.add_argument(
        "--glossary", action="append", type=Path, default=[], metavar="FILE", help=text
    )


def save_or_preview(edit: GlossaryFile, block: str, *, dry_run: bool, done: str, would: str) -> int:
    """Save a glossary edit atomically, or with `--dry-run` only show it; prints
    ``# <done>:`` or ``# <would>:`` and the entry's TOML block."""
    if dry_run:
        sys.stdout.write(f"# {would}:\n{block}")
        return 0
    edit.save()
    sys.stdout.write(f"# {done}:\n{block}")
    return 0
