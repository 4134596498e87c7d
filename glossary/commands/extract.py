"""`glossary extract FILE|-`: the people, places and terms in a Chinese-language text.

glossary extract article-zh.txt          # a table, in order of first mention
glossary extract --json - < article.txt  # a JSON list
glossary extract --new article-zh.txt    # only what the house glossary lacks
"""

from __future__ import annotations

import sys

from glossary.commands import add_glossary_option

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="UTF-8 text to read; '-' for standard input")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument(
        "--new", action="store_true", help="list only what is not yet in the house glossary"
    )
    add_glossary_option(parser)


def run(args: argparse.Namespace) -> int:
    from glossary.check.findings import LineIndex
    from glossary.config import load_house
    from glossary.extract import extract
    from glossary.textio import folder_of, read_text, warn

    text = read_text(args.file).removeprefix("\ufeff")  # a BOM is no part of the text
    # the shipped glossary plus the newsroom's own, configured for the file's folder
    glossary = load_house(args.glossary, folder_of(args.file), warn=warn)
    found = extract(text, glossary=glossary)
    if args.new:
        found = [f for f in found if not f.in_glossary]
    lines = LineIndex(text)

    def line_of(offset: int) -> tuple[int, int]:
        position = lines.position(offset)
        return position.line, position.column

    if args.json:
        import json

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
