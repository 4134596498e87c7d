"""The lint finding for mojibake (GL001) offers exactly the fix `glossary repair` makes."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text
from glossary.repair import find_repairs, repair_text
from glossary.repair.charmaps import corrupt_double, corrupt_seed


def _fixed(source: str) -> str:
    """The text with every GL001 fix applied (they never overlap)."""
    fixes = sorted(
        (f.fix for f in check_text(source, "article.txt") if f.code == "GL001" and f.fix),
        key=lambda fix: fix.start,
    )
    out, pos = [], 0
    for fix in fixes:
        out.append(source[pos : fix.start] + fix.replacement)
        pos = fix.end
    return "".join(out) + source[pos:]


@pytest.mark.parametrize(
    "clean",
    [
        # ” is E2 80 9D: the seed's pipeline drops 0x9D, and the quote open on the line closes.
        "Both sides called it the “phase one” agreement.",
        "Vice Premier Liú Hè 刘鹤 signed it.",
        "He said the talks were “frank but useful” and left.",
    ],
)
def test_lint_fix_equals_repair_for_the_seed_pipeline(clean: str) -> None:
    broken = corrupt_seed(clean)
    assert repair_text(broken)[0] == clean
    assert _fixed(broken) == clean


def test_a_lost_byte_closing_quote_gets_a_fix() -> None:
    broken = corrupt_seed("It was the “phase one” deal.")
    (quote,) = [r for r in find_repairs(broken) if r.replacement == "”"]
    assert quote.applied and "lost" in quote.chain
    findings = [f for f in check_text(broken, "a.txt") if f.code == "GL001"]
    assert any(f.fix and f.fix.replacement == "”" for f in findings)


def test_no_fix_where_repair_leaves_candidates() -> None:
    # 杨 lost a byte and nothing around it decides among its candidates.
    broken = corrupt_seed("“杨”")
    assert all(not r.applied for r in find_repairs(broken) if r.candidates)
    assert _fixed(broken) == repair_text(broken)[0]


def test_lint_fix_equals_repair_for_gbk_mojibake() -> None:
    broken = corrupt_double("Vice Premier Hé Lìfēng 何立峰 led the talks.", "gb18030")
    assert (
        _fixed(broken) == repair_text(broken)[0] == "Vice Premier Hé Lìfēng 何立峰 led the talks."
    )
