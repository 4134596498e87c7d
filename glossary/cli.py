"""The `glossary` command line.

Sub-commands are registered by name and imported only when chosen, so that
`glossary --help` touches neither pypinyin, jieba, OpenCC nor Textual.

argparse is the one authority on the command line: help, usage errors and every unusual form.
The common forms (`glossary lint [options] PATH...`) are also read by a small fast path that
takes the options from the same `add_arguments` declarations and gives up, leaving the line to
argparse, on anything it does not fully understand: building argparse's parsers (and the
gettext and locale look-ups they make) costs several ms of every start.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from types import SimpleNamespace

from glossary import __version__

TYPE_CHECKING = False  # not `typing`'s: `glossary --help` does without importing it
if TYPE_CHECKING:
    import argparse
    from typing import Any

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


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    import argparse

    from glossary.commands import terminal_width

    class HelpFormatter(argparse.HelpFormatter):
        def __init__(self, prog: str) -> None:
            super().__init__(prog, width=terminal_width(80) - 2)

    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Chinese names in English-language writing: romanize, check, look up.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"glossary {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _chosen_command(argv)
    for name, (module_name, help_text) in COMMANDS.items():
        if chosen is not None and name != chosen:
            continue  # only `glossary --help` lists them; each parser costs start-up time
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, formatter_class=HelpFormatter
        )
        if name == chosen:
            module = importlib.import_module(f"glossary.commands.{module_name}")
            module.add_arguments(command_parser)
            command_parser.set_defaults(_run=module.run)
    return parser


# --- the fast path -----------------------------------------------------------------------


class _Unsupported(Exception):
    """A declaration or an argument the fast path does not read: argparse does."""


class _Option:
    """One `add_argument` declaration, as far as the fast path reads it."""

    _KEYS = frozenset({"action", "nargs", "type", "default", "choices", "metavar", "help", "dest"})

    def __init__(self, names: tuple[str, ...], kwargs: dict[str, Any]) -> None:
        if not names or set(kwargs) - self._KEYS:
            raise _Unsupported(names)
        self.positional = not names[0].startswith("-")
        self.action = kwargs.get("action", "store")
        self.nargs = kwargs.get("nargs")
        if self.positional:
            ok = len(names) == 1 and "dest" not in kwargs and self.action == "store"
            ok = ok and self.nargs in (None, "?", "*", "+") and "choices" not in kwargs
            self.dest = names[0]
        else:
            ok = all(n.startswith("-") and len(n) > 1 for n in names) and self.nargs is None
            ok = ok and self.action in ("store", "store_true", "store_false", "append")
            long = [n for n in names if n.startswith("--")]
            self.dest = kwargs.get("dest") or (long or names)[0].lstrip("-").replace("-", "_")
        default = kwargs.get("default")
        if self.action == "append" and not (default is None or type(default) is list):
            ok = False
        if not ok or default == "==SUPPRESS==":  # argparse.SUPPRESS
            raise _Unsupported(names)
        self.names = names
        self.type: Callable[[str], Any] | None = kwargs.get("type")
        self.choices = kwargs.get("choices")
        flag = self.action in ("store_true", "store_false")
        self.default = kwargs.get("default", self.action == "store_false" if flag else None)
        self.takes_value = not flag

    def value(self, text: str) -> Any:
        """`text` converted and checked as argparse would; _Unsupported where it would fail."""
        try:
            value = text if self.type is None else self.type(text)
        except Exception:  # argparse reports it (exit 2)
            raise _Unsupported(text) from None
        if self.choices is not None and value not in self.choices:
            raise _Unsupported(text)
        return value


class _Declarations:
    """Stands in for the command's ArgumentParser while `add_arguments` runs: records each
    `add_argument`; anything else a parser can do (groups, defaults, sub-parsers) is
    beyond the fast path."""

    def __init__(self) -> None:
        self.epilog: str | None = None
        self.options: list[_Option] = []

    def add_argument(self, *names: str, **kwargs: Any) -> None:
        self.options.append(_Option(names, kwargs))

    def __getattr__(self, name: str) -> Any:
        raise _Unsupported(name)


def fast_parse(argv: Sequence[str]) -> SimpleNamespace | None:
    """The namespace argparse would give for `argv` (`COMMAND [options] [positionals]`), or
    None when the line is anything else: then argparse reads it, reports errors and prints
    help. Only whole option names, given before or after the positional arguments (not
    between them), are read (`--name VALUE`, `--name=VALUE`, `-j N`); a value or positional
    argument that starts with `-`, `--`, an unknown or abbreviated option, a missing value or
    one argparse would reject all leave the line to argparse."""
    if not argv or argv[0] not in COMMANDS:
        return None
    module = importlib.import_module(f"glossary.commands.{COMMANDS[argv[0]][0]}")
    declared = _Declarations()
    try:
        module.add_arguments(declared)
    except Exception:  # a declaration beyond the fast path; argparse runs it for real
        return None
    try:
        return _read(argv[0], argv[1:], declared.options, module.run)
    except _Unsupported:
        return None


def _read(
    command: str, args: Sequence[str], options: list[_Option], run: Callable[..., int]
) -> SimpleNamespace:
    by_name = {name: o for o in options if not o.positional for name in o.names}
    positional = [o for o in options if o.positional]
    flags = [name for o in options if not o.positional for name in o.names]
    if len(positional) > 1 or len(by_name) != len(flags):  # one positional; no name twice
        raise _Unsupported(command)
    values = {o.dest: o.default for o in options}
    if {"command", "_run"} & set(values):  # the names main() and argparse's set_defaults use
        raise _Unsupported(command)
    given: set[str] = set()
    rest: list[str] = []
    after_rest = False  # an option came after the positional arguments
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-") or arg == "-":
            if after_rest:  # `a.md --fix b.md`: argparse's rules are subtle there
                raise _Unsupported(arg)
            rest.append(arg)
            continue
        after_rest = bool(rest)
        name, equals, text = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        option = by_name.get(name)
        if option is None or (equals and not option.takes_value):
            raise _Unsupported(arg)
        given.add(option.dest)
        if option.action == "store_true":
            values[option.dest] = True
        elif option.action == "store_false":
            values[option.dest] = False
        else:
            if not equals:
                if i >= len(args) or args[i].startswith("-"):
                    raise _Unsupported(arg)
                text = args[i]
                i += 1
            value = option.value(text)
            if option.action == "append":
                value = [*(values[option.dest] or ()), value]
            values[option.dest] = value
    if positional:
        option = positional[0]
        given.add(option.dest)
        if option.nargs in ("*", "+"):
            if option.nargs == "+" and not rest:
                raise _Unsupported(option.dest)
            default = [] if option.default is None else option.default
            values[option.dest] = [option.value(a) for a in rest] if rest else default
        elif len(rest) == 1:
            values[option.dest] = option.value(rest[0])
        elif rest or option.nargs is None:
            raise _Unsupported(option.dest)
        elif isinstance(option.default, str):  # nargs="?" left out: the default, converted
            values[option.dest] = option.value(option.default)
    elif rest:
        raise _Unsupported(rest[0])
    for option in options:  # argparse converts a string default that was not overridden
        if option.dest not in given and isinstance(option.default, str) and option.type:
            values[option.dest] = option.value(option.default)
    return SimpleNamespace(command=command, **values, _run=run)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status (0 ok, 1 findings, 2 could not run)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | SimpleNamespace | None = fast_parse(args_list)
    if args is None:
        parser = build_parser(args_list)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # argparse: --help, --version (0) or a usage error (2)
            return int(exc.code or 0)
        if args.command is None:
            parser.print_help()
            return 2
    # imported here, not at the top: `glossary --help` does not need it
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
    """Console-script entry point (and `python -m glossary`'s).

    The cyclic garbage collector is off: a command allocates a great deal (modules, tables,
    findings) and makes next to no cycles, so collections only cost time (~8 ms of a cold
    lint of the seed; the same peak memory on a 60-file lint). `review`, the one
    long-running command, turns it back on once its UI is up.
    """
    import gc

    gc.disable()
    status = main()
    end_process(status)
    sys.exit(status)


def end_process(status: int) -> None:
    """End the process now, without the interpreter's teardown, if nothing is lost by it.

    At exit CPython frees every module and object one by one: ~7 ms after a lint, several
    percent of the whole run on every commit. What that exit does for us is done here first:
    standard output and error flushed, ``atexit`` handlers run. Returns (for the ordinary
    exit) when a thread teardown would wait for is alive or a stream cannot be flushed, so
    that the ordinary exit reports it as before.
    """
    threading = sys.modules.get("threading")
    if threading is not None:
        main_thread = threading.main_thread()
        if any(t is not main_thread and not t.daemon for t in threading.enumerate()):
            return
    import atexit
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken stream
        return
    atexit._run_exitfuncs()
    try:  # what the handlers printed; a stream they broke loses it, as at an ordinary exit
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)
