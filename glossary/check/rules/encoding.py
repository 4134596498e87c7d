"""GL001: mojibake, text garbled by a wrong decoding (from `glossary.repair`)."""

from __future__ import annotations

from collections.abc import Iterator

from glossary.check.findings import Fix, Severity
from glossary.check.rules import Context, Hit, Rule


def _ordinary(char: str) -> bool:
    """Characters an English article about China is made of (what a repair should yield)."""
    from glossary.chars import is_han

    code = ord(char)
    return (
        code < 0x250  # ASCII, Latin-1, Latin Extended A/B (pinyin)
        or 0x1E00 <= code < 0x1F00  # Latin Extended Additional
        or 0x2000 <= code < 0x2070  # general punctuation: quotes, dashes
        or 0x3000 <= code < 0x3040  # CJK punctuation
        or 0xFF00 <= code < 0xFFF0  # full-width forms
        or is_han(char)
    )


def _plausible(original: str, replacement: str) -> bool:
    """A repair must not turn ordinary text into something stranger (Han into a Coptic sign)."""
    return all(_ordinary(c) for c in replacement) or not all(_ordinary(c) for c in original)


def _mojibake(ctx: Context) -> Iterator[Hit]:
    if ctx.source.isascii():  # no mojibake is ASCII: skip importing the repairer (~12 ms)
        return
    from glossary.repair import find_repairs

    for repair in find_repairs(ctx.source, glossary=ctx.knowledge.glossary):
        if not _plausible(repair.original, repair.replacement):
            continue
        shown = repair.original if len(repair.original) <= 40 else repair.original[:37] + "..."
        message = f"mojibake: {shown!r} is garbled text ({repair.chain})"
        if repair.recoverable:
            message += f"; it reads {repair.replacement!r}"
        else:
            message += "; bytes were lost and it cannot be restored for certain"
        # The fix is the repair `glossary repair` makes: one decision, in the repair module.
        fix = Fix(repair.start, repair.end, repair.replacement) if repair.applied else None
        yield Hit(repair.start, repair.end, message, fix)


RULES = (
    Rule(
        code="GL001",
        name="mojibake",
        severity=Severity.ERROR,
        doc=(
            "Text that went through a wrong decoding (UTF-8 read as Windows-1252, Windows-874 "
            "or Latin-1, bytes dropped on the way) reads as garbage: `Yรกng Jiรฉchรญ ๆจๆด็ฏช` "
            "for `Yáng Jiéchí 杨洁篪`. Each garbled run is reported with what it reads when "
            "repaired; the fix is offered where `glossary repair` would make it (never where "
            "lost bytes leave candidates that context cannot decide between)."
        ),
        bad="Foreign Minister Wรกng Yรฌ met his counterpart.",
        good="Foreign Minister Wáng Yì 王毅 met his counterpart.",
        check=_mojibake,
    ),
)
