"""The `glossary` command line.

Sub-commands are registered by name and imported only when chosen, so that
`glossary --help` touches neither pypinyin, jieba, OpenCC nor Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from glossary import __version__

# name -> (module under glossary.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "romanize": ("romanize", "Chinese names in characters -> tone-marked pinyin and English"),
    "repair": ("repair", "undo mojibake (broken encodings) in a text"),
    "lint": ("lint", "check an article's Chinese names (the pre-publish hook)"),
    "lookup": ("lookup", "look up a name or term: house glossary, then CC-CEDICT"),
    "extract": ("extract", "list people, places and terms in Chinese-language text"),
    "add": ("add", "add an entry to the house glossary"),
    "edit": ("edit", "change an entry of the house glossary"),
    "export": ("export", "export the house glossary as CSV, TSV, TBX or JSON"),
    "import": ("import_", "import CSV, TSV, TBX or JSON into the house glossary"),
    "review": ("review", "review an article in the terminal UI"),
}


def _chosen_command(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None
    return None


def _terminal_width() -> int:
    """`shutil.get_terminal_size().columns` without importing shutil (and the zlib, bz2 and
    lzma modules it loads), which argparse's help formatter would do for every parser."""
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
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Chinese names in English-language writing: romanize, check, look up.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glossary {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen_command(argv)
    for name, (module_name, help_text) in COMMANDS.items():
        if chosen is not None and name != chosen:
            continue  # only `glossary --help` lists them; each parser costs start-up time
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, formatter_class=_HelpFormatter
        )
        if name == chosen:
            module = importlib.import_module(f"glossary.commands.{module_name}")
            module.add_arguments(command_parser)
            command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status (0 ok, 1 findings, 2 could not run)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help, --version (0) or a usage error (2)
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 2
    # imported here, not at the top: it loads pathlib, which `glossary --help` does not need
    from glossary.errors import GlossaryError

    try:
        return int(args._run(args))
    except GlossaryError as exc:
        print(f"glossary {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
