"""The golden corpus: own-written articles in the styles real outlets use.

`tests/golden/clean/` holds correct articles: the checker must report nothing at warning or
error severity in them (a false alarm there is what costs editors' trust). `tests/golden/faulty/`
holds articles with known mistakes; each `NAME.expect.toml` lists:

- `[[must]]`: `line` and `code` (a code or rule name, or a list of them where the domain
  allows either) of a finding that must be reported; `severity` when it is not warning/error
  (e.g. `"info"`); `fix` when the offered replacement is certain;
- `[[must_not]]`: `line` and `code` of a finding that must not be reported at any severity
  (with `message`, only one whose message contains that text: a wrong proposal in an info);
- `after_fix_contains`: text the article must contain after `--fix` (which must then be
  idempotent);
- `first-mention`, `script`: the house style to check a faulty article under (as in
  `.glossary.toml`); by default the checker's defaults.

Beyond its `must` findings a faulty article may have nothing at warning or error severity. A
clean article may have a sidecar too, with `[[must_not]]` entries only.
Known gaps of the checker are strict xfails below, so that they flip when fixed.
"""

from __future__ import annotations

import html
import textwrap
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from glossary.check.engine import check_text, fix_text
from glossary.check.findings import Finding, Severity
from glossary.check.knowledge import Knowledge, load_knowledge
from glossary.config import Config, FirstMention, ScriptPolicy

GOLDEN = Path(__file__).resolve().parent / "golden"
SETTINGS = {"first-mention", "script"}  # house-style keys a faulty article's sidecar may set
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}

CLEAN = sorted(p for p in (GOLDEN / "clean").iterdir() if p.suffix in ARTICLE_SUFFIXES)
FAULTY = sorted(p for p in (GOLDEN / "faulty").iterdir() if p.suffix in ARTICLE_SUFFIXES)

# Clean articles the checker still raises false alarms on: name -> what goes wrong.
KNOWN_FALSE_ALARMS: dict[str, str] = {}


# Clean articles written consistently in one house style: tests/golden/house_styles.toml.
def _house_styles() -> dict[FirstMention, list[str]]:
    with (GOLDEN / "house_styles.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {FirstMention(style): names for style, names in data.items()}


HOUSE_STYLES = _house_styles()

# (house style, article) pairs still raising false alarms under that style only: what goes
# wrong (an article in KNOWN_FALSE_ALARMS is expected to fail under its style too).
KNOWN_STYLE_FALSE_ALARMS: dict[tuple[FirstMention, str], str] = {}

# Faulty-article expectations the checker does not meet yet: (article, kind, line, code) ->
# what goes wrong. `kind` is "must" (a miss), "must_not" (a wrong finding), "extra" (a
# warning/error beyond the expected ones) or "fix" (after_fix_contains not met); the last two
# are keyed with line 0 and code "".
KNOWN_GAPS: dict[tuple[str, str, int, str], str] = {}


@cache
def _knowledge() -> Knowledge:
    return load_knowledge()


@cache
def _findings(path: Path) -> tuple[Finding, ...]:
    source = path.read_text(encoding="utf-8")
    return tuple(check_text(source, path.name, config=_config(path), knowledge=_knowledge()))


def _settings(article: Path) -> dict[str, Any]:
    if not _expect_file(article).is_file():
        return {}
    return {k: v for k, v in _load_expect(article).items() if k in SETTINGS}


def _config(article: Path) -> Config:
    """The house style a sidecar sets (`first-mention`, `script`), else the defaults."""
    if not _expect_file(article).is_file():
        return Config()
    data = _load_expect(article)
    settings: dict[str, Any] = {}
    if "first-mention" in data:
        settings["first_mention"] = FirstMention(data["first-mention"])
    if "script" in data:
        settings["script"] = ScriptPolicy(data["script"])
    return Config(**settings)


def _line(path: Path, finding: Finding) -> int:
    return path.read_text(encoding="utf-8").count("\n", 0, finding.start) + 1


def _serious(finding: Finding) -> bool:
    return finding.severity in (Severity.ERROR, Severity.WARNING)


def _codes(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _matches(finding: Finding, code: str) -> bool:
    return any(finding.code == c.upper() or finding.rule == c.lower() for c in code.split("|"))


def _describe(path: Path, findings: Any) -> list[str]:
    return [
        f"{_line(path, f)}:{f.code} {f.severity.value} {f.message}"
        for f in sorted(findings, key=lambda f: f.start)
    ]


@dataclass(frozen=True)
class Expectation:
    article: Path
    kind: str  # must | must_not
    line: int
    code: str
    severity: str | None = None
    fix: str | None = None
    message: str | None = None  # must_not: only findings whose message contains this

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.article.name, self.kind, self.line, self.code)

    def __str__(self) -> str:
        return f"{self.article.name}:{self.kind}:{self.line}:{self.code}"


def _expect_file(article: Path) -> Path:
    return article.with_name(article.stem + ".expect.toml")


def _load_expect(article: Path) -> dict[str, Any]:
    with _expect_file(article).open("rb") as handle:
        return tomllib.load(handle)


def _expectations() -> list[Expectation]:
    out = []
    for article in FAULTY + [p for p in CLEAN if _expect_file(p).is_file()]:
        data = _load_expect(article)
        for kind in ("must", "must_not"):
            for item in data.get(kind, []):
                out.append(
                    Expectation(
                        article,
                        kind,
                        int(item["line"]),
                        "|".join(_codes(item["code"])),
                        item.get("severity"),
                        item.get("fix"),
                        item.get("message"),
                    )
                )
    return out


def _gap(key: tuple[str, str, int, str], param: Any) -> Any:
    reason = KNOWN_GAPS.get(key)
    if reason is None:
        return param
    return pytest.param(
        *param.values, id=param.id, marks=pytest.mark.xfail(strict=True, reason=reason)
    )


def _clean_params() -> list[Any]:
    params = []
    for path in CLEAN:
        reason = KNOWN_FALSE_ALARMS.get(path.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(path, id=path.name, marks=marks))
    return params


def _expectation_params() -> list[Any]:
    return [_gap(e.key, pytest.param(e, id=str(e))) for e in _expectations()]


def _extra_params() -> list[Any]:
    return [_gap((p.name, "extra", 0, ""), pytest.param(p, id=p.name)) for p in FAULTY]


def test_the_corpus_covers_the_formats_and_every_faulty_article_has_expectations() -> None:
    assert len(CLEAN) >= 12
    assert len(FAULTY) >= 8
    assert {p.suffix for p in CLEAN} == ARTICLE_SUFFIXES
    for article in FAULTY:
        assert _expect_file(article).is_file(), article.name
        data = _load_expect(article)
        assert data.get("must"), f"{article.name}: no [[must]] finding"
        assert set(data) <= {"must", "must_not", "after_fix_contains", *SETTINGS}, article.name
    styled = [name for names in HOUSE_STYLES.values() for name in names]
    assert sorted(styled) == sorted(set(styled)) and set(styled) <= {p.name for p in CLEAN}
    for article in CLEAN:
        if _expect_file(article).is_file():
            assert set(_load_expect(article)) == {"must_not"}, article.name


@pytest.mark.parametrize("path", _clean_params())
def test_clean_article_has_no_warnings_or_errors(path: Path) -> None:
    serious = [f for f in _findings(path) if _serious(f)]
    assert _describe(path, serious) == []


def _style_params() -> list[Any]:
    params = []
    for style, names in HOUSE_STYLES.items():
        for name in names:
            reason = KNOWN_STYLE_FALSE_ALARMS.get((style, name)) or KNOWN_FALSE_ALARMS.get(name)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(style, name, id=f"{style.value}:{name}", marks=marks))
    return params


@pytest.mark.parametrize(("style", "name"), _style_params())
def test_clean_article_passes_its_own_house_style(style: FirstMention, name: str) -> None:
    path = GOLDEN / "clean" / name
    source = path.read_text(encoding="utf-8")
    findings = check_text(
        source, path.name, config=Config(first_mention=style), knowledge=_knowledge()
    )
    assert _describe(path, [f for f in findings if _serious(f)]) == []


@pytest.mark.parametrize("expectation", _expectation_params())
def test_article_expectation(expectation: Expectation) -> None:
    path = expectation.article
    lines = path.read_text(encoding="utf-8").splitlines()
    assert 1 <= expectation.line <= len(lines), f"line {expectation.line} is not in {path.name}"
    here = [
        f
        for f in _findings(path)
        if _line(path, f) == expectation.line and _matches(f, expectation.code)
    ]
    if expectation.kind == "must_not":
        if expectation.message is not None:
            here = [f for f in here if expectation.message in f.message]
        assert _describe(path, here) == []
        return
    if expectation.severity is None:
        here = [f for f in here if _serious(f)]
    else:
        here = [f for f in here if f.severity.value == expectation.severity]
    assert here, f"missing; reported: {_describe(path, _findings(path))}"
    if expectation.fix is not None:
        offered = [f.fix.replacement for f in here if f.fix is not None]
        assert expectation.fix in offered


@pytest.mark.parametrize("path", _extra_params())
def test_faulty_article_has_no_other_warnings_or_errors(path: Path) -> None:
    expected = {
        (int(item["line"]), "|".join(_codes(item["code"])))
        for item in _load_expect(path).get("must", [])
        if item.get("severity") is None
    }
    extra = [
        f
        for f in _findings(path)
        if _serious(f)
        and not any(_line(path, f) == line and _matches(f, code) for line, code in expected)
    ]
    assert _describe(path, extra) == []


def _fix_params() -> list[Any]:
    return [
        _gap((p.name, "fix", 0, ""), pytest.param(p, id=p.name))
        for p in FAULTY
        if _load_expect(p).get("after_fix_contains")
    ]


@pytest.mark.parametrize("path", _fix_params())
def test_faulty_article_reads_right_after_fix(path: Path) -> None:
    """`--fix` (fix_text) puts in the right forms, and a second run changes nothing."""
    source = path.read_text(encoding="utf-8")
    fixed, count = fix_text(source, path.name, _config(path), _knowledge())
    assert count > 0
    for text in _load_expect(path)["after_fix_contains"]:
        assert text in fixed
    assert fix_text(fixed, path.name, _config(path), _knowledge()) == (fixed, 0)


def _renderings(source: str) -> dict[str, str]:
    """A plain-text article as an HTML page, as Markdown (title as heading, paragraphs) and
    re-wrapped at 40 columns."""
    title, *body = source.strip().split("\n\n")
    paragraphs = "\n".join(f"<p>{html.escape(b, quote=False)}</p>" for b in body)
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n"
        f"{paragraphs}\n</body></html>\n"
    )
    paragraphs_of = [" ".join(p.split("\n")) for p in source.split("\n\n")]
    return {
        ".html": page,
        ".md": f"# {title}\n\n" + "\n\n".join(body) + "\n",
        # hard-wrapped at 40 columns, so that many names break across lines
        ".txt": "\n\n".join(textwrap.fill(p, 40, break_on_hyphens=False) for p in paragraphs_of),
    }


@pytest.mark.parametrize(
    "path",
    [p for p in CLEAN + FAULTY if p.suffix == ".txt" and not set(_settings(p))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_article_reads_the_same_in_other_formats_and_wrapping(path: Path) -> None:
    """The document format and line wrapping change nothing: the same warnings/errors on the
    same words (a name may now break across lines)."""
    source = path.read_text(encoding="utf-8")

    def serious(text: str, name: str) -> list[tuple[str, str]]:
        found = check_text(text, name, config=Config(), knowledge=_knowledge())
        return sorted(
            (f.code, " ".join(text[f.start : f.end].split())) for f in found if _serious(f)
        )

    expected = serious(source, path.name)
    for suffix, text in _renderings(source).items():
        assert serious(text, path.stem + suffix) == expected, suffix
