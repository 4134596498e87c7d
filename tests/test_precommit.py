"""The pre-commit hook, run by real `pre-commit` against a throw-away git repository.

pre-commit clones this repository at HEAD and pip-installs it into its own environment, so
the first run takes a while (later runs reuse pre-commit's cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def head() -> str:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of this repository")
    if not PRE_COMMIT.exists():
        pytest.skip("pre-commit is not installed next to this Python")
    sha = _git("rev-parse", "HEAD", cwd=ROOT)
    tracked = _git("ls-files", ".pre-commit-hooks.yaml", cwd=ROOT)
    if not tracked:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    return sha


def test_hook_reports_and_passes(tmp_path: Path, head: str) -> None:
    repo = tmp_path / "site"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: glossary-lint\n"
    )
    (repo / "good.md").write_text("Foreign Minister Wáng Yì 王毅 spoke.\n", encoding="utf-8")
    (repo / "bad.md").write_text("Foreign Minister Wáng Yī 王毅 spoke.\n", encoding="utf-8")
    (repo / "notes.py").write_text("# Wáng Yī 王毅 in code is not an article\n", encoding="utf-8")
    _git("add", ".", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_COLOR": "never", "SKIP": ""}
    env.setdefault("PRE_COMMIT_HOME", str(Path.home() / ".cache" / "pre-commit"))

    def pre_commit(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "--files", *files],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )

    passed = pre_commit("good.md", "notes.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    failed = pre_commit("good.md", "bad.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.md:1:23: error GL101" in failed.stdout
    assert "good.md" not in failed.stdout.split("GL101")[0].split("\n")[-1]
