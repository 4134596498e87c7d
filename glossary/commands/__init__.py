"""One module per CLI sub-command: `add_arguments(parser)` and `run(args) -> int`.

Each module imports heavy libraries inside `run`, never at module level, so that
`glossary --help` and argument errors stay fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path

INSTEAD = "house glossary file to use instead of the shipped and configured ones (repeatable)"


def add_glossary_option(parser: argparse.ArgumentParser, text: str = INSTEAD) -> None:
    """`--glossary FILE` (repeatable; `args.glossary` is a list of paths, empty when not
    given): for the commands that read only the files given instead of the house glossary
    every command reads by default (`glossary.config.load_house`)."""
    parser.add_argument(
        "--glossary", action="append", type=Path, default=[], metavar="FILE", help=text
    )
