"""`glossary romanize`: Chinese names in characters -> tone-marked pinyin and English.

glossary romanize 杨洁篪 刘鹏宇          # an aligned table
glossary romanize --json - < names.txt  # one JSON object per input line
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from glossary.commands import add_glossary_option
from glossary.errors import GlossaryError

if TYPE_CHECKING:
    import argparse

    from glossary.romanize import Romanization, Source

_SOURCES = ("house", "cedict", "rules")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="names in Han characters (simplified or traditional); '-' reads one name per line from stdin",
    )
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per name (JSON Lines), for scripts"
    )
    add_glossary_option(parser)
    parser.add_argument(
        "--sources",
        default=",".join(_SOURCES),
        metavar="LIST",
        help="where answers may come from, comma-separated: house,cedict,rules (default: all)",
    )


def _parse_sources(text: str) -> frozenset[Source]:
    from glossary.romanize import Source

    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in _SOURCES]
    if unknown or not chosen:
        raise GlossaryError(
            f"--sources: {', '.join(unknown) or 'nothing'} is not one of {', '.join(_SOURCES)}"
        )
    return frozenset(Source(part) for part in chosen)


def _names(args: argparse.Namespace) -> list[str]:
    names: list[str] = []
    for name in args.names:
        if name == "-":
            from glossary.textio import read_text

            text = read_text("-")
            lines = (line.replace("\ufeff", "").strip() for line in text.splitlines())
            names.extend(line for line in lines if line)  # a BOM is no part of a name
        elif name.strip():
            names.append(name.strip())
    return names


def run(args: argparse.Namespace) -> int:
    from glossary.romanize import NotAName, romanize

    sources = _parse_sources(args.sources)
    names = _names(args)
    if not names:
        where = "on standard input" if "-" in args.names else "given"
        raise GlossaryError(f"no names {where} (e.g. glossary romanize 杨洁篪)")
    glossary = None
    from glossary.romanize import Source

    if Source.HOUSE in sources:
        from glossary.config import load_house
        from glossary.textio import warn

        # the shipped glossary plus the newsroom's own (.glossary.toml / $GLOSSARY_FILE)
        glossary = load_house(args.glossary, warn=warn)

    if args.json:
        import json

        for name in names:
            try:
                record = _record(romanize(name, glossary=glossary, sources=sources))
            except NotAName as exc:
                record = {"input": name, "error": str(exc)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0

    results: list[Romanization] = []
    for name in names:
        try:
            results.append(romanize(name, glossary=glossary, sources=sources))
        except NotAName as exc:
            raise GlossaryError(str(exc)) from None
    sys.stdout.write(format_table(results))
    return 0


def _record(result: Romanization) -> dict[str, Any]:
    record: dict[str, Any] = {
        "input": result.input,
        "surname": result.surname,
        "given": result.given,
        "pinyin": result.pinyin,
        "english": result.english,
        "numbered": result.numbered,
        "simplified": result.simplified,
        "traditional": result.traditional,
        "source": result.source.value,
        "ambiguous": result.ambiguous,
        "alternatives": list(result.alternatives),
        "notes": list(result.notes),
    }
    if result.entry is not None:
        record["system"] = result.entry.system.value
        if result.entry.region:
            record["region"] = result.entry.region
    return record


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _note(result: Romanization) -> str:
    if result.ambiguous:
        return "ambiguous; also " + " / ".join(result.alternatives)
    return ""


def format_table(results: Iterable[Romanization]) -> str:
    """An aligned plain-text table: characters, pinyin, English, traditional, source, note."""
    header = ("characters", "pinyin", "English", "traditional", "source", "note")
    rows: list[Sequence[str]] = [header]
    for r in results:
        rows.append((r.input, r.pinyin, r.english, r.traditional, r.source.value, _note(r)))
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
