"""The CLI's fast path reads exactly what argparse would, or leaves the line to argparse."""

from __future__ import annotations

import contextlib
import importlib
import io
import subprocess
import sys
from collections.abc import Sequence
from itertools import chain
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import COMMANDS, _Declarations, build_parser, fast_parse, main


def _argparse(argv: Sequence[str]) -> dict[str, Any] | None:
    """argparse's namespace for `argv` as a dict; None where it stops (error or help)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(build_parser(argv).parse_args(argv))
        except SystemExit:
            return None


def _declared(command: str) -> _Declarations:
    module = importlib.import_module(f"glossary.commands.{COMMANDS[command][0]}")
    declared = _Declarations()
    with contextlib.suppress(Exception):
        module.add_arguments(declared)
    return declared


def _tokens(command: str) -> st.SearchStrategy[str]:
    """Arguments built from the command's own declarations, and the awkward ones."""
    declared = _declared(command)
    names = [name for o in declared.options if not o.positional for name in o.names]
    values = ["0", "2", "-1", "GL1", "GL101,GL2", "a.md", "x=y", "", " 3", "٣", "1_0"]
    for option in declared.options:
        values.extend(str(c) for c in option.choices or ())
    awkward = [
        "-",
        "--",
        "-h",
        "--help",
        "--version",
        "--bogus",
        "-x",
        "-j2",
        "-j=2",
        "lint",
        "-a b",
        "@file",
    ]
    awkward += [name[:-1] for name in names if name.startswith("--")]  # abbreviations
    return st.one_of(
        st.sampled_from(names),
        st.sampled_from(values),
        st.sampled_from(awkward),
        st.builds(lambda n, v: f"{n}={v}", st.sampled_from(names), st.sampled_from(values)),
        st.text(alphabet="ab-=.杨 ", max_size=5),
    )


def _well_formed(command: str) -> st.SearchStrategy[list[str]]:
    """Lines of the usual shape: options with fitting values, then positional arguments,
    then perhaps more options."""
    declared = _declared(command)
    options = [o for o in declared.options if not o.positional]
    if not options:
        return st.just([])

    def one(option: Any, value: str, equals: bool) -> list[str]:
        name = option.names[-1 if equals else 0]
        if not option.takes_value:
            return [name]
        if option.choices:
            value = str(option.choices[len(value) % len(option.choices)])
        elif option.type is int:
            value = str(len(value))
        return [f"{name}={value}"] if equals and name.startswith("--") else [name, value]

    part = st.builds(one, st.sampled_from(options), st.text("abc", max_size=3), st.booleans())
    words = st.lists(st.sampled_from(["a.md", "-", "杨洁篪", "x y", "lint"]), max_size=3)
    return st.builds(
        lambda before, rest, after: [*chain(*before), *rest, *chain(*after)],
        st.lists(part, max_size=4),
        words,
        st.lists(part, max_size=2),
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_path_declines_or_agrees_with_argparse(command: str, data: st.DataObject) -> None:
    args = data.draw(st.one_of(st.lists(_tokens(command), max_size=7), _well_formed(command)))
    argv = [command, *args]
    fast = fast_parse(argv)
    if fast is not None:
        assert vars(fast) == _argparse(argv), argv


COMMON = [
    ["lint", "article.md"],
    ["lint", "--no-cache", "a.md", "b.txt"],
    ["lint", "--format", "json", "--select", "GL1", "--select=GL2", "-j", "2", "docs"],
    ["lint", "--format=sarif", "--fail-level", "error", "--glossary", "g.toml", "-"],
    ["lint", "a.md", "--fix"],
    ["lint", "--diff", "a.md", "--ignore", "GL402"],
    ["lint", "--stdin-filename", "story.md", "-"],
    ["lint", "--list-rules"],
    ["lint"],
    ["lookup", "杨洁篪"],
    ["lookup", "--json", "--limit", "3", "yang2", "jie2", "chi2"],
    ["lookup", "--glossary", "own.toml", "--no-cedict", "Tsai", "Ing-wen"],
]


@pytest.mark.parametrize("argv", COMMON, ids=" ".join)
def test_common_forms_take_the_fast_path(argv: list[str]) -> None:
    fast = fast_parse(argv)
    assert fast is not None
    assert vars(fast) == _argparse(argv)


UNUSUAL = [
    [],
    ["--version"],
    ["--help"],
    ["lint", "--help"],
    ["lint", "-h", "a.md"],
    ["lint", "--form", "json", "a.md"],  # an abbreviation: argparse's to accept
    ["lint", "a.md", "--fix", "b.md"],  # an error in argparse
    ["lint", "--", "-odd-name.md"],
    ["lint", "--format", "yaml", "a.md"],  # not a choice
    ["lint", "-j", "many", "a.md"],  # not a number
    ["lint", "-j2", "a.md"],
    ["lint", "--fix=yes", "a.md"],
    ["lint", "--config"],  # no value
    ["lint", "--config", "-"],
    ["lint", "--bogus", "a.md"],
    ["lookup"],  # nargs="+" with nothing
    ["frobnicate", "a"],
]


@pytest.mark.parametrize("argv", UNUSUAL, ids=" ".join)
def test_unusual_forms_are_left_to_argparse(argv: list[str]) -> None:
    assert fast_parse(argv) is None


def test_argparse_still_reports_what_the_fast_path_declines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lint", "--format", "yaml", "a.md"]) == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err
    assert main(["lint", "a.md", "--fix", "b.md"]) == 2
    assert "unrecognized arguments: b.md" in capsys.readouterr().err


def test_a_lint_run_imports_neither_argparse_nor_other_heavy_standard_modules(
    tmp_path: Any,
) -> None:
    """The cold-start work of issue 4: none of these on the lint path (argparse's fast path,
    NamedTuples for dataclasses, the lean SHA-256 for hashlib). A text file: a Markdown one
    brings markdown-it-py, which imports dataclasses itself."""
    article = tmp_path / "a.txt"
    article.write_text(
        "Foreign Minister Wáng Yì 王毅 met Yang Jiechi. Wang said Mr Yang agreed.\n",
        encoding="utf-8",
    )
    probe = (
        "import sys, io, contextlib\n"
        "from glossary.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main(['lint', '--no-cache', {str(article)!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    modules = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "glossary.check.engine" in modules  # the checker ran
    assert not {"argparse", "gettext", "locale", "dataclasses", "hashlib"} & set(modules)
