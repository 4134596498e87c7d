"""The checker's rules, each one declaration: code, name, severity, doc, examples, check.

A rule's `check` reads a `Context` (the document, its mentions grouped by person, the
configuration and what the house glossary knows) and yields `Hit`s; the engine turns hits
into `Finding`s, applying the configured severity, selection and inline suppressions.

Every rule carries a failing (`bad`) and a passing (`good`) example; a meta-test runs both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, cached_property

from glossary.check.findings import Fix, Severity
from glossary.records import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from glossary.check.document import Document
    from glossary.check.knowledge import Knowledge
    from glossary.check.mentions import Analysis, Mention, PersonInfo
    from glossary.config import Config


class Hit(NamedTuple):
    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # None: the rule's (configured) severity
    data: tuple[tuple[str, str], ...] = ()


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    doc: str
    bad: str  # an article snippet the rule reports
    good: str  # a snippet it does not
    check: Callable[[Context], Iterable[Hit]]
    config: tuple[tuple[str, str], ...] = ()  # settings the examples need, as in .glossary.toml


class Style(NamedTuple):
    """What a first mention must carry in this article."""

    characters: bool
    tones: bool
    inferred: bool
    repeats_characters: bool = False  # the article itself prints characters at every mention


class Context:
    """What a rule reads. (Records here are NamedTuples and this a plain class, not
    dataclasses: a dataclass costs 0.5-1.5 ms to define, paid by every cold `glossary lint`.)"""

    def __init__(
        self, document: Document, analysis: Analysis, config: Config, knowledge: Knowledge
    ) -> None:
        self.document = document
        self.analysis = analysis
        self.config = config
        self.knowledge = knowledge

    @property
    def source(self) -> str:
        return self.document.source

    def line_of(self, offset: int) -> int:
        return self.source.count("\n", 0, offset) + 1

    def contiguous(self, start: int, end: int, text: str) -> bool:
        """Whether `text` is exactly what the file holds at [start, end) (safe to replace)."""
        return self.source[start:end] == text

    def fix(self, start: int, end: int, replacement: str) -> Fix | None:
        if self.source[start:end] == replacement or "\n" in self.source[start:end]:
            return None
        return Fix(start, end, replacement)

    @cached_property
    def people(self) -> list[PersonInfo]:
        return [p for p in self.analysis.people if p.mentions]

    def paired(self, *, people_only: bool = True) -> list[Mention]:
        from glossary.check.mentions import Kind

        return [
            m
            for m in self.analysis.mentions
            if m.kind is Kind.PAIRED and (m.is_person or not people_only)
        ]

    def with_characters(self) -> list[Mention]:
        """People's names printed in characters: beside a Latin form, or alone."""
        from glossary.check.mentions import Kind

        return [
            m
            for m in self.analysis.mentions
            if (m.kind is Kind.PAIRED and m.is_person) or m.kind is Kind.CHARS
        ]

    @cached_property
    def style(self) -> Style:
        from glossary.config import FirstMention

        chosen = self.config.first_mention
        if chosen is FirstMention.TONES_CHARACTERS:
            return Style(True, True, False)
        if chosen is FirstMention.CHARACTERS:
            return Style(True, False, False)
        if chosen is FirstMention.TONES:
            return Style(False, True, False)
        if chosen in (FirstMention.PLAIN, FirstMention.ANY):
            return Style(False, False, False)
        return infer_style(self.people)


def infer_style(people: Iterable[PersonInfo]) -> Style:
    """The article's own style: what most of its people carry somewhere among their mentions.

    A feature is required when more than half of the people have it (tones: more than half of
    the people written in pinyin), so one odd name never sets the rule for the others.
    """
    from glossary.check.mentions import Kind

    people = list(people)
    with_chars = sum(any(m.kind is Kind.PAIRED for m in p.mentions) for p in people)
    pinyin_people = [p for p in people if p.is_pinyin]
    with_tones = sum(any(m.toned for m in p.full_mentions) for p in pinyin_people)
    multi = [
        p
        for p in people
        if len([m for m in p.mentions if m.kind is Kind.PAIRED]) >= 1 and len(p.full_mentions) >= 2
    ]
    repeating = sum(len([m for m in p.mentions if m.kind is Kind.PAIRED]) >= 2 for p in multi)
    return Style(
        characters=bool(people) and with_chars * 2 > len(people),
        tones=bool(pinyin_people) and with_tones * 2 > len(pinyin_people),
        inferred=True,
        repeats_characters=repeating >= 2 and repeating * 2 > len(multi),
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    from glossary.check.rules import encoding, house, orthography, people

    rules = [*encoding.RULES, *orthography.RULES, *people.RULES, *house.RULES]
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes)), "duplicate rule code"
    return tuple(sorted(rules, key=lambda r: r.code))


def rule_names() -> list[tuple[str, str]]:
    return [(r.code, r.name) for r in all_rules()]
