"""One module per CLI sub-command: `add_arguments(parser)` and `run(args) -> int`.

Each module imports heavy libraries inside `run`, never at module level, so that
`glossary --help` and argument errors stay fast.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not `typing`'s, nor pathlib at the top: `glossary --help` imports this
if TYPE_CHECKING:
    import argparse

    from glossary.house import GlossaryFile

INSTEAD = "house glossary file to use instead of the shipped and configured ones (repeatable)"


def add_glossary_option(parser: argparse.ArgumentParser, text: str = INSTEAD) -> None:
    """`--glossary FILE` (repeatable; `args.glossary` is a list of paths, empty when not
    given): for the commands that read only the files given instead of the house glossary
    every command reads by default (`glossary.config.load_house`)."""
    from pathlib import Path

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


def terminal_width(fallback: int) -> int:
    """`shutil.get_terminal_size((fallback, 24)).columns` without importing shutil (and the
    zlib, bz2 and lzma modules it loads): `$COLUMNS`, else the terminal's width, else
    `fallback` (not a terminal, or a stand-in stream)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    stdout = sys.__stdout__
    if columns <= 0 and stdout is not None:
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal, or a stand-in stream
            columns = 0
    return columns or fallback
