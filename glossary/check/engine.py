"""Run the rules over one document: text -> findings, and apply certain fixes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from glossary.check.document import Directive, Document, Format, read_document
from glossary.check.findings import Finding, Fix, LineIndex
from glossary.check.knowledge import Knowledge
from glossary.check.mentions import find_mentions
from glossary.check.rules import Context, Rule, all_rules
from glossary.config import Config


def _selector_matches(selector: str, code: str, name: str) -> bool:
    return code.startswith(selector.upper()) or selector.lower() == name


class Suppressions:
    """Which codes inline comments switch off on which lines."""

    def __init__(self, directives: Sequence[Directive]) -> None:
        self._blocks = sorted(
            (d for d in directives if d.kind in ("disable", "enable")), key=lambda d: d.line
        )
        self._lines: dict[int, list[frozenset[str]]] = {}
        for d in directives:
            if d.kind == "disable-line":
                for line in range(d.line, d.end_line + 1):
                    self._lines.setdefault(line, []).append(d.codes)
            elif d.kind == "disable-next-line":
                self._lines.setdefault(d.end_line + 1, []).append(d.codes)

    @staticmethod
    def _covers(codes: frozenset[str], code: str, name: str) -> bool:
        return not codes or any(_selector_matches(c, code, name) for c in codes)

    def suppressed(self, line: int, code: str, name: str) -> bool:
        if any(self._covers(c, code, name) for c in self._lines.get(line, ())):
            return True
        off = False
        for d in self._blocks:
            if d.line > line:
                break
            if self._covers(d.codes, code, name):
                off = d.kind == "disable"
        return off


def check_document(
    document: Document,
    config: Config,
    knowledge: Knowledge,
    *,
    rules: Iterable[Rule] | None = None,
) -> list[Finding]:
    """Every finding for one document, sorted by position."""
    analysis = find_mentions(document, knowledge)
    ctx = Context(document, analysis, config, knowledge)
    chosen = [
        r for r in (rules if rules is not None else all_rules()) if config.enabled(r.code, r.name)
    ]
    findings: list[Finding] = []
    for rule in chosen:
        override = config.severity_override(rule.code, rule.name)
        for hit in rule.check(ctx):
            sev = override or hit.severity or rule.severity
            findings.append(
                Finding(
                    code=rule.code,
                    rule=rule.name,
                    severity=sev,
                    message=hit.message,
                    start=hit.start,
                    end=max(hit.end, hit.start),
                    fix=hit.fix,
                    path=document.path,
                    data=hit.data,
                )
            )
    # text inside a garbled run is reported once, as mojibake
    garbled = [(f.start, f.end) for f in findings if f.code == "GL001"]
    if garbled:
        findings = [
            f
            for f in findings
            if f.code == "GL001" or all(f.end <= a or f.start >= b for a, b in garbled)
        ]
    if document.directives:
        suppressions = Suppressions(document.directives)
        lines = LineIndex(document.source)
        findings = [
            f
            for f in findings
            if not suppressions.suppressed(lines.position(f.start).line, f.code, f.rule)
        ]
    unique = {(f.start, f.end, f.code, f.message): f for f in findings}
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.code))


def check_text(
    source: str,
    path: str = "<text>",
    *,
    config: Config | None = None,
    knowledge: Knowledge | None = None,
    fmt: Format | None = None,
) -> list[Finding]:
    """Check an article's text (the whole file as read)."""
    from glossary.check.knowledge import load_knowledge

    config = config or Config()
    knowledge = knowledge or load_knowledge(config.glossaries)
    return check_document(read_document(path, source, fmt), config, knowledge)


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (the first of overlapping ones wins); returns text and count."""
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if chosen and fix.start < chosen[-1].end:
            continue
        if source[fix.start : fix.end] == fix.replacement:
            continue
        chosen.append(fix)
    parts = []
    cursor = 0
    for fix in chosen:
        parts.append(source[cursor : fix.start])
        parts.append(fix.replacement)
        cursor = fix.end
    parts.append(source[cursor:])
    return "".join(parts), len(chosen)


def fix_text(
    source: str,
    path: str,
    config: Config,
    knowledge: Knowledge,
    *,
    fmt: Format | None = None,
    passes: int = 4,
) -> tuple[str, int]:
    """Apply certain fixes until none is left (so that --fix is idempotent)."""
    total = 0
    for _ in range(passes):
        findings = check_document(read_document(path, source, fmt), config, knowledge)
        fixes = [f.fix for f in findings if f.fix is not None]
        if not fixes:
            break
        source, count = apply_fixes(source, fixes)
        total += count
        if not count:
            break
    return source, total
