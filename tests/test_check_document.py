"""Documents -> passages and segments: every span points into the original text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.check.document import Format, format_for, front_matter_end, read_document


def _check_spans(path: str, source: str) -> None:
    document = read_document(path, source)
    for passage in document.passages:
        for segment in passage.segments:
            assert source[segment.start : segment.end] == segment.text
        # every character of the joined text maps back inside the file
        for index in range(len(passage.text)):
            start, end = passage.span(index, index + 1)
            assert 0 <= start <= end <= len(source)
            if passage.is_contiguous(index, index + 1, source):
                assert source[start:end] == passage.text[index]


def _texts(path: str, source: str) -> list[str]:
    return [p.text for p in read_document(path, source).passages]


PIECES = st.sampled_from(
    [
        "Yáng Jiéchí 杨洁篪",
        "**Wáng Yì** 王毅",
        "`code 王毅`",
        "[link](http://example.com/a_(b))",
        "<https://example.org>",
        "&amp;",
        "&nbsp;",
        "\\*",
        "<!-- glossary: disable=GL101 -->",
        "<b>bold</b>",
        "\n\n",
        "\n",
        "\r\n",
        "# ",
        "- ",
        "> ",
        "```\nfenced 杨\n```\n",
        "    indented code\n",
        "---\n",
        "| a | b |\n|---|---|\n| 杨 | x |\n",
        " ",
        "x",
        "Liú Péngyǔ",
        "https://www.example.com/x.y",
        "<script>var a = '王毅';</script>",
        "<p>",
        "</p>",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(PIECES | st.text(max_size=8), max_size=25),
    st.sampled_from(["a.md", "a.html", "a.txt"]),
)
def test_segments_slice_back_to_the_original(pieces: list[str], path: str) -> None:
    _check_spans(path, "".join(pieces))


def test_format_by_suffix() -> None:
    assert format_for("a/b.MD") is Format.MARKDOWN
    assert format_for("x.htm") is Format.HTML
    assert format_for("notes") is Format.TEXT


def test_markdown_skips_code_urls_front_matter_and_markup() -> None:
    source = (
        "---\ntitle: Yang Jie-chi\n---\n"
        "# Head **Wáng Yì** 王毅\n\n"
        "Text `Xi JinPing` and [Liú](https://x.org/Jie-chi) see https://a.b/Jie-chi.\n\n"
        "```\nJiechi Yang\n```\n\n"
        "<div>Block <code>Lv</code> html</div>\n"
    )
    texts = _texts("a.md", source)
    joined = " | ".join(texts)
    assert "Wáng Yì 王毅" in joined  # emphasis markers do not split the mention
    for hidden in ("Jie-chi", "JinPing", "Jiechi Yang", "title", "Lv", "https"):
        assert hidden not in joined
    assert "Liú" in joined
    assert front_matter_end(source) == len("---\ntitle: Yang Jie-chi\n---\n")


def test_markdown_escapes_and_entities_keep_offsets() -> None:
    source = "Wáng\\*Yì &amp; Lǐ Qiáng 李强 &nbsp;said\n"
    document = read_document("a.md", source)
    [passage] = document.passages
    assert "Lǐ Qiáng 李强" in passage.text
    start = passage.text.index("李强")
    assert passage.span(start, start + 2) == (source.index("李强"), source.index("李强") + 2)


def test_html_skips_script_style_code_pre_and_attributes() -> None:
    source = (
        "<html><head><title>T</title><style>x{}</style><script>var a='王毅'</script></head>"
        '<body><p title="Yang Jie-chi">Yáng Jiéchí <b>杨洁篪</b>&nbsp;said</p>'
        "<pre>Lv</pre><p>a <code>Xi JinPing</code> b</p></body></html>"
    )
    texts = _texts("a.html", source)
    assert "Yáng Jiéchí 杨洁篪 said" in texts
    joined = " ".join(texts)
    for hidden in ("王毅", "Jie-chi", "Lv", "JinPing", "x{}"):
        assert hidden not in joined


def test_plain_text_paragraphs_and_urls() -> None:
    source = "Yang Jiechi 杨洁篪\nsaid http://x.y/Jie-chi ok\n\nSecond  para."
    texts = _texts("a.txt", source)
    assert texts[0].startswith("Yang Jiechi 杨洁篪\nsaid ")
    assert "Jie-chi" not in " ".join(texts)
    assert texts[1] == "Second  para."


def test_directives_in_each_format() -> None:
    md = "a\n\n<!-- glossary: disable=GL101,pinyin-mismatch -->\n\nb <!-- glossary: disable-line -->\n"
    directives = read_document("a.md", md).directives
    assert [(d.kind, sorted(d.codes), d.line) for d in directives] == [
        ("disable", ["GL101", "pinyin-mismatch"], 3),
        ("disable-line", [], 5),
    ]
    html = "<p>x</p>\n<!-- glossary: disable-next-line=GL2 -->\n<p>y</p>"
    [directive] = read_document("a.html", html).directives
    assert (directive.kind, directive.codes, directive.line) == ("disable-next-line", {"GL2"}, 2)
    text = "x\n# glossary: enable\n// glossary: disable=GL3\n"
    kinds = [d.kind for d in read_document("a.txt", text).directives]
    assert kinds == ["enable", "disable"]
    # a directive line is not prose
    assert all("glossary" not in p.text for p in read_document("a.txt", text).passages)


def test_crlf_markdown_keeps_offsets() -> None:
    source = "# Title\r\n\r\nWáng Yì 王毅 said.\r\n"
    [_, passage] = read_document("a.md", source).passages
    start = passage.text.index("王毅")
    file_start, _ = passage.span(start, start + 2)
    assert source[file_start : file_start + 2] == "王毅"


def test_one_markdown_parser_reads_every_file_alike() -> None:
    """The Markdown parser is set up once per process and reused: a file reads the same
    before and after others (tables, lists, links, code and HTML blocks in between)."""
    first = "# Talks\n\n**Wáng Yì** 王毅 met [Blinken](https://x.test) in `Rome`.\n"
    others = [
        "| a | b |\n|---|---|\n| 杨洁篪 | Yang Jiechi |\n",
        "- one\n- two\n\n> quote ~~struck~~\n\n<div>Hu 胡</div>\n\n```\ncode 王毅\n```\n",
    ]
    before = read_document("a.md", first)
    for i, text in enumerate(others):
        read_document(f"{i}.md", text)
    after = read_document("a.md", first)
    assert after == before
    assert [p.text for p in after.passages] == ["Talks", "Wáng Yì 王毅 met Blinken in ", "."]


def test_markdown_its_patterns_come_precompiled_and_exact(tmp_path: Path) -> None:
    """markdown-it's regular expressions are put in `re`'s cache from the user cache before
    it is imported (recorded on a first run): every pattern `re` then hands out is the one
    `re.compile` makes, and the file reads the same."""
    import json
    import os
    import subprocess
    import sys

    probe = (
        "import re\n"
        "from re import _compiler\n"
        "from glossary.check.document import read_document\n"
        "d = read_document('a.md', '# T\\n\\n**Wáng Yì** 王毅 [x](https://x.test) `c`\\n')\n"
        "bad = [k for k in list(re._cache)\n"
        "       if k[0] is str and re._cache[k] != _compiler.compile(k[1], k[2])]\n"
        "print(len(bad), [p.text for p in d.passages])\n"
    )
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(tmp_path)}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        ).stdout
        for _ in range(2)  # records, then reads back and primes
    ]
    assert outputs[0] == outputs[1] == "0 ['T', 'Wáng Yì 王毅 x ']\n"
    if sys.version_info[:2] == (3, 11):
        (table,) = tmp_path.glob("regex-table-markdown-it-*.json")
        assert len(json.loads(table.read_text(encoding="utf-8"))) >= 40
