"""Documents -> segments: the prose of a plain-text, Markdown or HTML file, with offsets.

A `Segment` is a stretch of prose copied verbatim from the file: `text == source[start:end]`
always holds, so every finding points into the user's original text. Code, URLs, front matter,
markup, tags and attributes never become segments.

Segments of one block (a paragraph, heading, list item, table cell) are grouped into a
`Passage`. Mention detection reads a passage as one string (`Passage.text`) so that a name
split by inline markup (`**Wáng Yì** 王毅`, `[Wang Yi](…) (王毅)`) is still one mention;
`Passage.span()` maps a range of that string back to offsets in the file.

Comments are not prose, but suppression directives in them are collected (`Directive`).
"""

from __future__ import annotations

import bisect
from functools import cache

from glossary.check.findings import LineIndex
from glossary.check.formats import Format, format_for
from glossary.records import NamedTuple
from glossary.resources import load_regexes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Segment(NamedTuple):
    start: int
    end: int
    text: str


class Directive(NamedTuple):
    """A suppression comment: `glossary: disable=GL201` and friends.

    kind is one of disable, enable, disable-line, disable-next-line; codes empty means all.
    """

    kind: str
    codes: frozenset[str]
    line: int  # 1-based line of the comment's start
    end_line: int  # 1-based line of the comment's end


class Passage(NamedTuple):
    """The segments of one block, read as one string.

    Between two segments the joined text holds the real whitespace when the gap is
    whitespace, a single space when the gap holds whitespace and markup, and nothing when the
    gap is markup only (`**`, `](url)`): so `**Wáng Yì** 王毅` reads `Wáng Yì 王毅`.
    """

    segments: tuple[Segment, ...]
    text: str
    # parallel arrays: joined index where a piece starts, its file offset, whether it is real
    piece_starts: tuple[int, ...]
    piece_offsets: tuple[int, ...]
    piece_real: tuple[bool, ...]

    @classmethod
    def build(cls, segments: list[Segment], source: str) -> Passage:
        parts: list[str] = []
        starts: list[int] = []
        offsets: list[int] = []
        real: list[bool] = []
        length = 0
        previous: Segment | None = None
        for segment in segments:
            if previous is not None:
                gap = source[previous.end : segment.start]
                if gap and gap.isspace():
                    starts.append(length)
                    offsets.append(previous.end)
                    real.append(True)
                    parts.append(gap)
                    length += len(gap)
                elif gap:
                    stand_in = _gap_text(gap)
                    if stand_in:
                        starts.append(length)
                        offsets.append(previous.end)
                        real.append(False)
                        parts.append(stand_in)
                        length += len(stand_in)
            starts.append(length)
            offsets.append(segment.start)
            real.append(True)
            parts.append(segment.text)
            length += len(segment.text)
            previous = segment
        return cls(tuple(segments), "".join(parts), tuple(starts), tuple(offsets), tuple(real))

    def offset(self, index: int) -> int:
        """File offset of the joined text's character at `index`."""
        piece = bisect.bisect_right(self.piece_starts, index) - 1
        if not self.piece_real[piece]:
            return self.piece_offsets[piece]
        return self.piece_offsets[piece] + index - self.piece_starts[piece]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets [start, end) of the joined text's range [start, end) (end > start)."""
        if len(self.piece_starts) == 1 and self.piece_real[0]:  # one verbatim stretch
            return self.piece_offsets[0] + start, self.piece_offsets[0] + end
        last = end - 1
        piece = bisect.bisect_right(self.piece_starts, last) - 1
        if self.piece_real[piece]:
            file_end = self.piece_offsets[piece] + last - self.piece_starts[piece] + 1
        else:
            file_end = self.piece_offsets[piece] + 1
        return self.offset(start), file_end

    def is_contiguous(self, start: int, end: int, source: str) -> bool:
        """Whether the joined range is also one verbatim stretch of the file (fixable)."""
        file_start, file_end = self.span(start, end)
        return source[file_start:file_end] == self.text[start:end]


class Document(NamedTuple):
    path: str
    source: str
    format: Format
    passages: tuple[Passage, ...]
    directives: tuple[Directive, ...]

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for p in self.passages for s in p.segments)


# ---------------------------------------------------------------------------------------------
# shared helpers

# The module's patterns, compiled once into the user cache (glossary.resources.load_regexes).
_PATTERNS = load_regexes(
    "check-document",
    {
        "url": (
            r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
            r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
        ),
        "directive": (
            r"glossary:\s*(disable-next-line|disable-line|disable|enable)\b"
            r"(?:\s*=\s*([\w\-]+(?:\s*,\s*[\w\-]+)*))?"
        ),
        "tag": r"<[^>]*>",
        "code": r"[A-Za-z]+\d+",
        "front-matter": r"(?s)\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)",
        "text-comment": r"(?ms)^[ \t]*(?:#|//)[^\n]*?glossary:[^\n]*|<!--.*?-->",
        "blank-lines": r"\n[ \t\r]*\n",
        "lone-cr": r"\r(?!\n)",
    },
)
_URL_RE = _PATTERNS["url"]
_DIRECTIVE_RE = _PATTERNS["directive"]


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


_TAG_RE = _PATTERNS["tag"]


def _gap_text(gap: str) -> str:
    """What a reader sees between two segments: a space, a character reference's character
    (`&rsquo;` -> `’`), or nothing (markup such as `**`, `](url)`, `</b>`)."""
    text = _TAG_RE.sub("", gap)
    decoded = _unescape(text) if "&" in text else text
    if any(ch.isspace() for ch in decoded):
        return " "
    if decoded != text and 0 < len(decoded) <= 3:
        return decoded
    return ""


def _split_urls(start: int, end: int, source: str) -> list[Segment]:
    """The stretch [start, end) of source as segments, URLs and e-mail addresses left out."""
    out: list[Segment] = []
    cursor = start
    for match in _URL_RE.finditer(source, start, end):
        if match.start() > cursor:
            out.append(Segment(cursor, match.start(), source[cursor : match.start()]))
        cursor = match.end()
    if end > cursor:
        out.append(Segment(cursor, end, source[cursor:end]))
    return out


_CODE_RE = _PATTERNS["code"]


def _directives_in(comment: str, start: int, lines: LineIndex) -> list[Directive]:
    out = []
    for match in _DIRECTIVE_RE.finditer(comment):
        codes = frozenset(
            c.strip().upper() if _CODE_RE.fullmatch(c.strip()) else c.strip().lower()
            for c in (match.group(2) or "").split(",")
            if c.strip()
        )
        out.append(
            Directive(
                match.group(1),
                codes,
                lines.position(start).line,
                lines.position(start + len(comment)).line,
            )
        )
    return out


def _mask(source: str) -> str:
    """A same-length copy that parsers can read without changing offsets (CR, NUL)."""
    return source.replace("\r", " ").replace("\x00", "\ufffd")


_FRONT_MATTER_RE = _PATTERNS["front-matter"]


def front_matter_end(source: str) -> int:
    """Offset where YAML (`---`) or TOML (`+++`) front matter ends; 0 when there is none."""
    match = _FRONT_MATTER_RE.match(source)
    return match.end() if match else 0


# ---------------------------------------------------------------------------------------------
# plain text

_TEXT_COMMENT_RE = _PATTERNS["text-comment"]
_BLANK_LINES_RE = _PATTERNS["blank-lines"]


def _trim(segment: Segment) -> Segment:
    """The segment without surrounding whitespace (offsets moved to match)."""
    lead = len(segment.text) - len(segment.text.lstrip())
    text = segment.text.strip()
    return Segment(segment.start + lead, segment.start + lead + len(text), text)


def _read_text(path: str, source: str) -> Document:
    lines = LineIndex(source)
    directives: list[Directive] = []
    hidden: list[tuple[int, int]] = []
    for match in _TEXT_COMMENT_RE.finditer(source):
        found = _directives_in(match.group(0), match.start(), lines)
        if found or match.group(0).startswith("<!--"):
            directives.extend(found)
            hidden.append((match.start(), match.end()))
    passages: list[Passage] = []
    cursor = 0
    bounds = [m.start() for m in _BLANK_LINES_RE.finditer(source)] + [len(source)]
    for bound in bounds:
        segments: list[Segment] = []
        piece_start = cursor
        for h_start, h_end in hidden:
            if h_end <= cursor or h_start >= bound:
                continue
            segments.extend(_split_urls(piece_start, max(piece_start, h_start), source))
            piece_start = max(piece_start, h_end)
        segments.extend(_split_urls(piece_start, bound, source))
        segments = [_trim(s) for s in segments if s.text.strip()]
        if segments:
            passages.append(Passage.build(segments, source))
        cursor = bound
    return Document(path, source, Format.TEXT, tuple(passages), tuple(directives))


# ---------------------------------------------------------------------------------------------
# HTML

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "samp",
        "tt",
        "var",
        "textarea",
        "svg",
        "math",
        "template",
        "noscript",
        "rt",  # ruby annotations (pinyin over characters) are not running text
        "rp",
    ]
)


def _html_blocks(
    fragment: str, base: int, file_lines: LineIndex
) -> tuple[list[list[Segment]], list[Directive]]:
    from html.parser import HTMLParser

    class _HTMLSegmenter(HTMLParser):
        """html.parser with raw character references, so data is verbatim source text."""

        def __init__(self, source: str, base: int, lines: LineIndex, file_lines: LineIndex) -> None:
            super().__init__(convert_charrefs=False)
            self._source = source  # the fragment being parsed (masked)
            self._base = base  # its offset in the file
            self._lines = lines
            self._file_lines = file_lines
            self._skip_stack: list[str] = []
            self.blocks: list[list[Segment]] = [[]]
            self.directives: list[Directive] = []

        def _offset(self) -> int:
            line, column = self.getpos()
            return self._lines.line_start(line) + column

        def _break(self) -> None:
            if self.blocks[-1]:
                self.blocks.append([])

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _SKIP_TAGS:
                self._skip_stack.append(tag)
                self._break()
            elif tag in _BLOCK_TAGS:
                self._break()

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _BLOCK_TAGS or tag in ("img", "input"):
                self._break()

        def handle_endtag(self, tag: str) -> None:
            if tag in _SKIP_TAGS and tag in self._skip_stack:
                while self._skip_stack and self._skip_stack.pop() != tag:
                    pass
                self._break()
            elif tag in _BLOCK_TAGS:
                self._break()

        def handle_data(self, data: str) -> None:
            if self._skip_stack or not data:
                return
            start = self._offset()
            if self._source[start : start + len(data)] != data:  # never guess an offset
                return
            self.blocks[-1].extend(
                Segment(s.start + self._base, s.end + self._base, s.text)
                for s in _split_urls(start, start + len(data), self._source)
            )

        def handle_comment(self, data: str) -> None:
            start = self._offset()
            self.directives.extend(_directives_in(data, start + self._base, self._file_lines))

    parser = _HTMLSegmenter(fragment, base, LineIndex(fragment), file_lines)
    parser.feed(fragment)
    parser.close()
    return [b for b in parser.blocks if b], parser.directives


def _read_html(path: str, source: str) -> Document:
    lines = LineIndex(source)
    blocks, directives = _html_blocks(_mask(source), 0, lines)
    passages = _passages(blocks, source)
    return Document(path, source, Format.HTML, tuple(passages), tuple(directives))


def _passages(blocks: list[list[Segment]], source: str) -> list[Passage]:
    out = []
    for block in blocks:
        kept = [Segment(s.start, s.end, source[s.start : s.end]) for s in block]
        if any(s.text.strip() for s in kept):
            out.append(Passage.build(kept, source))
    return out


# ---------------------------------------------------------------------------------------------
# Markdown


def _align(content: str, source: str, cursor: int, limit: int) -> tuple[list[tuple[int, int]], int]:
    """Where the inline text `content` sits in source[cursor:limit].

    markdown-it gives text with escapes and entities resolved (`\\*` -> `*`, `&amp;` -> `&`);
    the result is the verbatim stretches [(start, end)], leaving those out, and the new cursor.
    """
    found = source.find(content, cursor, limit)
    if found != -1:
        return [(found, found + len(content))], found + len(content)
    # slow path: walk both strings, skipping backslash escapes and character references
    first = source.find(content[0], cursor, limit)
    if first == -1:
        return [], cursor
    runs: list[tuple[int, int]] = []
    i, j, run_start = 0, first, first
    while i < len(content) and j < limit:
        if source[j] == "&":
            semi = source.find(";", j, min(limit, j + 12))
            decoded = _unescape(source[j : semi + 1]) if semi != -1 else "&"
            if decoded != source[j : semi + 1] and content.startswith(decoded, i):
                if j > run_start:
                    runs.append((run_start, j))
                i += len(decoded)
                j = semi + 1
                run_start = j
                continue
        if source[j] == content[i]:
            i += 1
            j += 1
            continue
        if j > run_start:
            runs.append((run_start, j))
        if source[j] == "\\" and j + 1 < limit and source[j + 1] == content[i]:
            j += 1
            run_start = j
            continue
        return runs, j  # could not align further: keep what is certain
    if j > run_start:
        runs.append((run_start, j))
    return runs, j


def _skip_link_tail(source: str, cursor: int, limit: int) -> int:
    """After a link's text: skip `](url "title")` or `][ref]`, if that is what follows."""
    if source.startswith("](", cursor):
        depth, j = 0, cursor + 1
        while j < limit:
            if source[j] == "(":
                depth += 1
            elif source[j] == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
    elif source.startswith("][", cursor):
        close = source.find("]", cursor + 2, limit)
        if close != -1:
            return close + 1
    return cursor


@cache
def _markdown_parser() -> MarkdownIt:
    """One CommonMark parser (with tables and strikethrough) for every Markdown file of a
    run: `parse` keeps no state between calls, and setting one up costs 1-5 ms."""
    import sys

    if "markdown_it" not in sys.modules:
        _precompile_markdown_patterns()
    return _new_markdown_parser()


def _new_markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


# Read once with each parser set up, so that the patterns its rules compile on first use
# are recorded along with those compiled at import.
_MARKDOWN_SAMPLE = (
    '# T\n\n**Wáng Yì** 王毅 [a](http://x.test "t") `c` <b>x</b> &amp; _e_ ~~s~~\n\n'
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n1. y\n\n> q\n\n    code\n\n<div>\nd\n</div>\n"
)


def _precompile_markdown_patterns() -> None:
    """Put markdown-it's regular expressions, compiled, in `re`'s own cache before it is
    imported: its ~70 patterns cost ~11 ms to compile at every cold lint of a Markdown file.

    The first run records which (pattern, flags) the import and a first parse compile (the
    entries that appear in `re`'s cache); `load_regex_table` keeps their compiled programs
    (CPython's own, keyed by the Python version). Later runs put them in `re._cache` under
    the key `re.compile` looks up, so markdown-it gets the very pattern objects it would have
    compiled. CPython 3.11's cache only (another version's may differ: then nothing is done);
    an entry markdown-it no longer compiles is unused, one it compiles anew is compiled."""
    import re
    import sys

    from glossary.chars import package_folder
    from glossary.resources import load_regex_table

    cache = getattr(re, "_cache", None)
    if sys.version_info[:2] != (3, 11) or not isinstance(cache, dict):
        return
    folder = package_folder("markdown_it")
    try:
        stat = (folder / "__init__.py").stat() if folder is not None else None
    except OSError:
        stat = None
    if stat is None:
        return
    key = f"v1-{stat.st_size:x}{int(stat.st_mtime):x}"
    table = load_regex_table("markdown-it", key, _record_markdown_patterns)
    if len(cache) + len(table) > getattr(re, "_MAXCACHE", 0):
        return  # (never crowd out what is there)
    for pattern, flags, compiled in table:
        cache.setdefault((str, pattern, flags), compiled)


def _record_markdown_patterns() -> list[tuple[str, int]]:
    """The (pattern, flags) that importing markdown-it and a first parse put in `re`'s cache."""
    import re

    before = set(re._cache)  # type: ignore[attr-defined]
    _new_markdown_parser().parse(_MARKDOWN_SAMPLE)
    return [
        (pattern, flags)
        for kind, pattern, flags in list(re._cache)  # type: ignore[attr-defined]
        if kind is str and (kind, pattern, flags) not in before
    ]


def _read_markdown(path: str, source: str) -> Document:
    lines = LineIndex(source)
    masked = list(_mask(source))
    fm_end = front_matter_end(source)
    for k in range(fm_end):
        if masked[k] != "\n":
            masked[k] = " "
    parse_text = "".join(masked)

    tokens = _markdown_parser().parse(parse_text)

    def line_offset(line0: int) -> int:
        return lines.line_start(line0 + 1) if line0 < lines.line_count else len(source)

    blocks: list[list[Segment]] = []
    directives: list[Directive] = []
    for token in tokens:
        if token.type == "html_block" and token.map:
            start, end = line_offset(token.map[0]), line_offset(token.map[1])
            html_blocks, html_directives = _html_blocks(parse_text[start:end], start, lines)
            blocks.extend(html_blocks)
            directives.extend(html_directives)
            continue
        if token.type != "inline" or not token.map:
            continue
        limit = line_offset(token.map[1])
        cursor = line_offset(token.map[0])
        block: list[Segment] = []
        in_link_autolink = False
        in_image = 0
        for child in token.children or []:
            if child.type == "text" and child.content and not in_link_autolink and not in_image:
                runs, cursor = _align(child.content, parse_text, cursor, limit)
                for run_start, run_end in runs:
                    block.extend(_split_urls(run_start, run_end, parse_text))
            elif child.type == "code_inline":
                found = parse_text.find(child.markup, cursor, limit)
                if found != -1:
                    close = parse_text.find(child.markup, found + len(child.markup), limit)
                    cursor = close + len(child.markup) if close != -1 else cursor
                if block:
                    blocks.append(block)
                    block = []
            elif child.type == "html_inline":
                found = parse_text.find(child.content, cursor, limit)
                if found != -1:
                    directives.extend(_directives_in(child.content, found, lines))
                    cursor = found + len(child.content)
            elif child.type == "link_open":
                in_link_autolink = child.markup == "autolink" or child.info == "auto"
                if in_link_autolink:
                    close = parse_text.find(">", cursor, limit)
                    cursor = close + 1 if close != -1 else cursor
            elif child.type == "link_close":
                if not in_link_autolink:
                    cursor = _skip_link_tail(parse_text, cursor, limit)
                in_link_autolink = False
            elif child.type == "image":
                found = parse_text.find("![", cursor, limit)
                if found != -1:
                    close = parse_text.find("]", found, limit)
                    if close != -1:
                        cursor = _skip_link_tail(parse_text, close, limit)
        if block:
            blocks.append(block)
    return Document(
        path, source, Format.MARKDOWN, tuple(_passages(blocks, source)), tuple(directives)
    )


_LONE_CR_RE = _PATTERNS["lone-cr"]


def read_document(path: str, source: str, fmt: Format | None = None) -> Document:
    """Split `source` (the file's text, as read) into passages of prose."""
    fmt = fmt or format_for(path)
    if "\r" not in source:
        return _read(path, source, fmt)
    # A lone CR ends a line (as in LineIndex): the parsers read it as LF, which changes no
    # offset; the segments are then cut from the original text again.
    document = _read(path, _LONE_CR_RE.sub("\n", source), fmt)
    passages = tuple(
        Passage.build(
            [Segment(s.start, s.end, source[s.start : s.end]) for s in p.segments], source
        )
        for p in document.passages
    )
    return document._replace(source=source, passages=passages)


def _read(path: str, source: str, fmt: Format) -> Document:
    if fmt is Format.MARKDOWN:
        return _read_markdown(path, source)
    if fmt is Format.HTML:
        return _read_html(path, source)
    return _read_text(path, source)
