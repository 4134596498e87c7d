"""Cold start of `glossary lint`: what a run may skip, and shortcuts that must agree with
the slow path they replace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from glossary.cedict import data_path
from glossary.house import _cedict_data_file


def test_house_cache_key_finds_the_cedict_file_as_cedict_does() -> None:
    assert _cedict_data_file() == data_path()


def _modules_after_lint(text: str, folder: Path) -> set[str]:
    """Modules imported by one in-process `glossary lint --no-cache` of `text`."""
    path = folder / "article.md"
    path.write_text(text, encoding="utf-8")
    script = (
        "import sys, io, contextlib\n"
        "from glossary.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['lint', '--no-cache', {str(path)!r}])\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(run.stdout.split())


def test_an_article_of_known_names_needs_neither_cedict_nor_pypinyin(tmp_path: Path) -> None:
    modules = _modules_after_lint(
        "Foreign Minister Wáng Yì 王毅 met Yáng Jiéchí 杨洁篪.\n", tmp_path
    )
    assert "glossary.check.mentions" in modules  # the checker did run
    assert not {"sqlite3", "pypinyin", "jieba", "glossary.cedict"} & modules
