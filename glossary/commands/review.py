"""`glossary review ARTICLE`: the editors' review UI (Textual, imported only when run)."""

from __future__ import annotations

import gc
from pathlib import Path

from glossary.errors import GlossaryError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", type=Path, help="the article to review (text, Markdown, HTML)")
    parser.add_argument(
        "--glossary",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a house glossary file (TOML) to use besides the shipped ones; the first one given "
        "is where entries added in the review are saved (repeatable)",
    )
    parser.add_argument(
        "--theme", choices=("dark", "light"), default="dark", help="colour theme (default: dark)"
    )


def run(args: argparse.Namespace) -> int:
    article: Path = args.article
    if article.is_dir():
        raise GlossaryError(f"{article}: is a folder, not a file (review opens one article)")
    if not article.is_file():
        raise GlossaryError(f"{article}: no such file")
    for path in args.glossary:
        if path.exists() and not path.is_file():
            raise GlossaryError(f"{path}: not a file")
    # Start-up allocates a great deal and frees little, so the cyclic garbage collector only
    # slows it down (~10%): it is off until the app has painted its first frame.
    gc.disable()
    try:
        # The first check starts (in a child process, where it can) before Textual is
        # imported: it runs while the UI loads, and the findings are in the first frame.
        from tui.startup import open_review

        opened = open_review(article, args.glossary, fork=True)
        from tui.app import create_app

        app = create_app(article, theme=args.theme, opened=opened, collect_after_start=True)
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0
