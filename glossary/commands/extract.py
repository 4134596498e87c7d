"""`glossary extract FILE|-`: the people, places and terms in a Chinese-language text.

glossary extract article-zh.txt          # a table, in order of first mention
glossary extract --json - < article.txt  # a JSON list
glossary extract --new article-zh.txt    # only what the house glossary lacks
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.errors import DataError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="UTF-8 text to read; '-' for standard input")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument(
        "--new", action="store_true", help="list only what is not yet in the house glossary"
    )
    parser.add_argument(
        "--glossary",
        action="append",
        type=Path,
        metavar="FILE",
        help="house glossary file to use instead of the shipped dictionaries (repeatable)",
    )


def read_text(name: str) -> str:
    """A UTF-8 file (a BOM is dropped), or standard input for '-'."""
    if name == "-":
        data = sys.stdin.buffer.read()
        where = "<stdin>"
    else:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise DataError(name, None, None, f"cannot read: {exc.strerror or exc}") from None
        where = name
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(where, line, None, "not UTF-8 text (try `glossary repair`)") from None


def run(args: argparse.Namespace) -> int:
    from glossary.check.findings import LineIndex
    from glossary.extract import extract
    from glossary.house import load_glossary

    text = read_text(args.file)
    glossary = load_glossary(args.glossary) if args.glossary else load_glossary()
    found = extract(text, glossary=glossary)
    if args.new:
        found = [f for f in found if not f.in_glossary]
    lines = LineIndex(text)

    def line_of(offset: int) -> tuple[int, int]:
        position = lines.position(offset)
        return position.line, position.column

    if args.json:
        data = [f.to_json(line_of) for f in found]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print("no names or terms found", file=sys.stderr)
        return 0
    from glossary.commands.lookup import table

    rows = []
    for item in found:
        hanzi = item.hanzi
        if item.traditional and item.traditional != item.hanzi:
            hanzi += f" ({item.traditional})"
        line, column = line_of(item.first)
        notes = "; ".join(item.notes)
        if item.ambiguous and item.alternatives:
            notes = "; ".join(filter(None, [notes, "or " + ", ".join(item.alternatives)]))
        rows.append(
            [
                hanzi,
                item.kind,
                item.pinyin or "?",
                item.english or "?",
                item.source or "-",
                "yes" if item.in_glossary else "NEW",
                str(item.count),
                f"{line}:{column}",
                notes,
            ]
        )
    header = ["characters", "kind", "pinyin", "english", "from", "house", "n", "first", "notes"]
    sys.stdout.write(table(rows, header))
    return 0
