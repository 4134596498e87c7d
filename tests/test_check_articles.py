"""Whole articles: clean ones in several house styles, faulty ones, the example, the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.check.engine import check_text, fix_text
from glossary.check.findings import Severity
from glossary.check.knowledge import load_knowledge
from glossary.config import Config

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
SEED = ROOT.parent / "shared" / "seeds" / "000_ce24db06936a9ddc.txt"

CLEAN = sorted((ARTICLES / "clean").iterdir())


def _check(path: Path) -> list:
    return check_text(path.read_text(encoding="utf-8"), str(path))


def _serious(findings: list) -> list[str]:
    return [
        f"{f.code} {f.message}"
        for f in findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def test_there_are_clean_articles_in_several_formats() -> None:
    assert len(CLEAN) >= 5
    assert {p.suffix for p in CLEAN} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_clean_articles_have_no_warnings_or_errors(path: Path) -> None:
    assert _serious(_check(path)) == []


# faulty fixture -> (line, code) pairs that must be reported; nothing else may be an error
# or a warning
FAULTY = {
    "orthography.md": {
        (3, "GL207"),
        (3, "GL201"),
        (4, "GL202"),
        (6, "GL203"),
        (8, "GL204"),
        (9, "GL206"),
    },
    "people.txt": {(6, "GL209"), (6, "GL301"), (7, "GL303"), (10, "GL304")},
    "glossary.html": {(5, "GL401"), (6, "GL103"), (6, "GL102"), (7, "GL104")},
}


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_faulty_articles_report_exactly_their_mistakes(name: str) -> None:
    path = ARTICLES / "faulty" / name
    source = path.read_text(encoding="utf-8")
    findings = check_text(source, str(path))
    got = {
        (source.count("\n", 0, f.start) + 1, f.code)
        for f in findings
        if f.severity is not Severity.INFO
    }
    assert got == FAULTY[name]


def test_faulty_articles_are_clean_after_fix() -> None:
    knowledge = load_knowledge()
    path = ARTICLES / "faulty" / "orthography.md"
    fixed, count = fix_text(path.read_text(encoding="utf-8"), str(path), Config(), knowledge)
    assert count >= 6
    assert _serious(check_text(fixed, str(path))) == []
    again, count = fix_text(fixed, str(path), Config(), knowledge)
    assert (again, count) == (fixed, 0)


def test_example_article_shows_findings() -> None:
    findings = _check(ROOT / "examples" / "rome-talks.md")
    found = {f.code for f in findings}
    assert {"GL001", "GL101", "GL205", "GL209", "GL304", "GL401"} <= found


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_raw_fails_on_mojibake() -> None:
    findings = check_text(SEED.read_text(encoding="utf-8"), str(SEED))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert errors and {f.code for f in errors} == {"GL001"}
    # the names are among the garbled runs
    text = SEED.read_text(encoding="utf-8")
    assert any(text[f.start : f.end].startswith("ๆจ") for f in errors)


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_after_repair_has_no_warnings_or_errors() -> None:
    from glossary.repair import repair_text

    repaired, _ = repair_text(SEED.read_text(encoding="utf-8"))
    assert "Yáng Jiéchí 杨洁篪" in repaired
    findings = check_text(repaired, "seed.txt")
    assert _serious(findings) == []
    # it still knows who is who: the late full-form introduction is noted, not failed
    assert {f.code for f in findings} <= {"GL302", "GL402"}
