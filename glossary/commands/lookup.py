"""`glossary lookup QUERY`: how do we write this name or term?

glossary lookup 杨洁篪              # characters, simplified or traditional
glossary lookup yang2 jie2 chi2     # pinyin: tone marks, tone numbers or none
glossary lookup Tsai Ing-wen        # an English form, or a gloss: common prosperity
glossary lookup 'e:rest*'           # c: p: e: force the field; * is a wildcard

Exit status: 0 found, 1 nothing found, 2 could not run.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence

from glossary.commands import add_glossary_option, terminal_width
from glossary.errors import GlossaryError

TYPE_CHECKING = False  # not `typing`'s: a cold `glossary lookup` does without importing it
if TYPE_CHECKING:
    import argparse

    from glossary.lookup import Result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help="characters, pinyin or English (words are joined)")
    parser.add_argument("--json", action="store_true", help="print a JSON list, best first")
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N results (default 20; 0: all)"
    )
    add_glossary_option(parser)
    parser.add_argument("--no-cedict", action="store_true", help="search the house glossary only")


def run(args: argparse.Namespace) -> int:
    from glossary.lookup import lookup

    query = " ".join(args.query).strip()
    if not query:
        raise GlossaryError("empty query (e.g. glossary lookup 杨洁篪)")
    if args.limit < 0:
        raise GlossaryError("--limit must be 0 or more")
    from glossary.config import load_house
    from glossary.textio import warn

    # the shipped glossary plus the newsroom's own (.glossary.toml / $GLOSSARY_FILE)
    glossary = load_house(args.glossary, warn=warn)
    if not args.no_cedict:
        from glossary.cedict import is_compiled

        if not is_compiled():
            print("glossary lookup: compiling CC-CEDICT (once; a few seconds)", file=sys.stderr)
    results = lookup(query, glossary=glossary, use_cedict=not args.no_cedict, limit=args.limit)
    if args.json:
        import json

        json.dump([r.to_json() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif results:
        sys.stdout.write(format_results(results))
    if not results:
        print(f"glossary lookup: nothing found for {query!r}", file=sys.stderr)
        return 1
    return 0


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(map(_char_width, text))


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def fit(text: str, width: int) -> str:
    """Cut to `width` columns (with an ellipsis) and pad to exactly `width`."""
    text = " ".join(text.split())
    if display_width(text) > width:
        # the longest start that leaves a column for the ellipsis (widths add up per character)
        used = 0
        end = len(text)
        for index, char in enumerate(text):
            used += _char_width(char)
            if used > width - 1:
                end = index
                break
        text = text[:end] + "…"
    return text + " " * (width - display_width(text))


def table(
    rows: Sequence[Sequence[str]], header: Sequence[str], *, last_flexible: bool = True
) -> str:
    """An aligned plain-text table; the last column takes what the terminal has left."""
    columns = terminal_width(120)
    widths = [
        min(40, max(display_width(row[i]) for row in [header, *rows])) for i in range(len(header))
    ]
    if last_flexible:
        gaps = 2 * (len(widths) - 1)
        # Narrow the widest columns until the last one keeps at least 20 columns.
        while sum(widths[:-1]) + gaps + 20 > columns - 1 and max(widths[:-1]) > 10:
            widest = max(range(len(widths) - 1), key=lambda i: widths[i])
            widths[widest] -= 1
        widths[-1] = max(20, columns - 1 - sum(widths[:-1]) - gaps)
    lines = []
    for row in [header, *rows]:
        cells = [fit(cell, width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def format_results(results: Sequence[Result]) -> str:
    rows = []
    for result in results:
        hanzi = result.hanzi
        if result.traditional and result.traditional != result.hanzi:
            hanzi += f" ({result.traditional})"
        if result.source.value == "house":
            detail = " — ".join(p for p in (result.definition, result.notes) if p)
        else:  # the English column already shows the first gloss
            detail = result.definition
            if detail == result.english:
                detail = ""
            elif detail.startswith(result.english + "; "):
                detail = detail[len(result.english) + 2 :]
            detail = " — ".join(p for p in (detail, result.notes) if p)
        rows.append([hanzi, result.pinyin, result.english, result.source.value, detail])
    return table(rows, ["characters", "pinyin", "english", "source", "definition / notes"])
