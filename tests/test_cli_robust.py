"""Hostile input to the CLI: one clear line and exit status 2, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import main


@pytest.mark.parametrize("command", ["lint", "repair", "extract"])
def test_closed_stdin_is_one_line_not_a_traceback(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when started with `<&-`
    assert main([command, "-"]) == 2
    err = capsys.readouterr().err
    assert err == f"glossary {command}: error: <stdin>: standard input is closed\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_named_as_such(
    encoding: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    text = "Yang Jiechi (杨洁篪)\n"
    # Python's "utf-16" writes a little-endian BOM; the big-endian one is written by hand
    data = text.encode("utf-16") if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
    path.write_bytes(data)
    assert main(["lint", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1:1: UTF-16 text (byte-order mark), not UTF-8" in err
    assert "iconv -f UTF-16 -t UTF-8" in err
    assert err.count("\n") == 1


_DOCUMENTS = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            [
                "杨洁篪",
                "Yang Jiechi",
                "Yáng Jiéchí",
                " (",
                ")",
                "\r\n",
                "\r",
                "\n",
                "# ",
                "<p>",
                "\ufeff",
                "Ã¦",
                "æ¨æ´ç¯ª",
                "---\ntitle: x\n---\n",
                "| a | b |\n",
                "王",
                "Mr Wang",
            ]
        ),
        max_size=30,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_DOCUMENTS, suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_fuzzed_documents_never_crash_lint_or_repair(
    data: bytes, suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    for argv in (["lint", "--no-cache", str(path)], ["repair", str(path)]):
        status = main(argv)
        err = capsys.readouterr().err
        assert status in (0, 1, 2), argv
        assert "Traceback" not in err
        if status == 2:
            assert err.count("\n") == 1 and str(path) in err
    assert path.read_bytes() == data  # neither command was asked to change the file


BAD = "Foreign affairs chief Yáng Jiéchì 杨洁篪 spoke first.\n"
GOOD = "Foreign affairs chief Yáng Jiéchí 杨洁篪 spoke first.\n"
MOJIBAKE = "杨洁篪 said so.\n".encode().decode("latin-1").encode()


@pytest.mark.parametrize(
    ("argv", "before", "after"),
    [
        (["lint", "--no-cache", "--fix"], BAD.encode(), GOOD.encode()),
        (["repair", "--in-place"], MOJIBAKE, "杨洁篪 said so.\n".encode()),
    ],
)
def test_a_symlink_stays_a_symlink_and_its_target_is_written(
    argv: list[str], before: bytes, after: bytes, tmp_path: Path
) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(before)
    link = tmp_path / "link.md"
    link.symlink_to("real.md")
    assert main([*argv, str(link)]) == 0
    assert link.is_symlink() and link.readlink() == Path("real.md")
    assert target.read_bytes() == after
    if argv[0] == "repair":  # the backup sits beside the file that changed
        assert (tmp_path / "real.md~").read_bytes() == before
    assert not (tmp_path / "link.md~").exists()


@pytest.mark.parametrize(
    ("argv", "before"),
    [(["lint", "--no-cache", "--fix"], BAD.encode()), (["repair", "--in-place"], MOJIBAKE)],
)
def test_a_read_only_file_is_not_replaced(
    argv: list[str], before: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(before)
    path.chmod(0o444)  # bites even for root: the mode bits are checked, not only access()
    assert main([*argv, str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: cannot write" in err and "read-only" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no temp file, no backup


def test_import_names_a_csv_line_once_and_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("characters,pinyin\n王毅,Wang Yi\n", encoding="utf-8")
    assert main(["import", str(path), "--glossary", str(tmp_path / "g.toml")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"glossary import: error: {path}:1: field 'pinyin': 'characters': missing, "
        "and none could be proposed\n"
    )
    assert not (tmp_path / "g.toml").exists()


@pytest.mark.parametrize("word", ["a" * 2000, "Xian" * 25])
def test_a_monster_word_is_no_pinyin_not_a_crash_or_a_hang(
    word: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    path = tmp_path / "a.md"
    path.write_text(f"Wang {word} said so.\n", encoding="utf-8")
    began = time.perf_counter()
    assert main(["lint", "--no-cache", str(path)]) in (0, 1)  # was RecursionError / minutes
    assert main(["lookup", "--no-cedict", word]) in (0, 1)
    assert time.perf_counter() - began < 30
    assert "Traceback" not in capsys.readouterr().err


def test_all_splits_gives_up_on_words_longer_than_any_pinyin() -> None:
    from glossary.pinyin import all_splits

    assert all_splits("Zhonghuarenmingongheguo", require_apostrophes=False)
    assert all_splits("xian" * 13, require_apostrophes=False) == []


@settings(max_examples=200, deadline=None)
@given(
    spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=20),
    query=st.tuples(st.integers(0, 70), st.integers(0, 12)),
)
def test_taken_spans_answer_as_the_scan_of_every_span_did(
    spans: list[tuple[int, int]], query: tuple[int, int]
) -> None:
    from glossary.check.mentions import _Spans

    pairs = [(a, a + n) for a, n in spans]
    taken = _Spans(pairs[:5])
    for a, b in pairs[5:]:
        taken.add(a, b)
    start, end = query[0], query[0] + query[1]
    assert taken.free(start, end) == all(end <= a or start >= b for a, b in pairs)


def test_lint_time_grows_with_the_article_not_its_square(tmp_path: Path) -> None:
    import time

    def seconds(copies: int) -> float:
        path = tmp_path / f"a{copies}.md"
        path.write_text("Yang Jiechi (杨洁篪) spoke. " * copies, encoding="utf-8")
        began = time.perf_counter()
        assert main(["lint", "--no-cache", str(path)]) in (0, 1)
        return time.perf_counter() - began

    seconds(50)  # warm: data loaded once
    small, large = seconds(500), seconds(2000)
    assert large < 4 * small * 2  # quadratic was 16x (4000 copies: 6 s, 8000: 21 s)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "pyproject.toml",
            '[tool.ruff]\nselect = ["E"]\n\n[tool.glossary]\nselect = 3\n',
            ":5: field 'select': expected a list of strings",  # not ruff's line 2
        ),
        (
            ".glossary.toml",
            'script = "any"\nseverity = {GL101 = "loud"}\n',
            ":2: field 'severity.GL101'",
        ),
        (
            ".glossary.toml",
            'script = "any"\n\n[colour]\nx = 1\n',
            ":3: field 'colour': unknown key",
        ),
        (".glossary.toml", 'script = "any"\nselect = [\n', ":2: not valid TOML"),
        ("pyproject.toml", "[tool.glossary]\nscript = \n", ":2: not valid TOML"),
    ],
)
def test_config_errors_name_the_line(
    name: str, text: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Yang Jiechi (杨洁篪) spoke.\n", encoding="utf-8")
    assert main(["lint", "--no-cache", str(article)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / name}{expected}" in err and err.count("\n") == 1


def test_review_of_a_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path)]) == 2  # was "no such file"
    assert capsys.readouterr().err == (
        f"glossary review: error: {tmp_path}: is a folder, not a file (review opens one article)\n"
    )


_BINARY_HEADS = [
    (b"PK\x03\x04" + "word/document.xml 杨洁篪 Yang Jiechi\n".encode(), "ZIP archive"),
    (b"%PDF-1.7\n%\xc3\xa4\xc3\xbc\n1 0 obj\nstream\n\x01\x02\x03\nendstream\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x01\x02", "PNG image"),
    (b"GIF89a\x01\x02", "GIF image"),
    (b"\x1f\x8b\x08\x08\x01\x02", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "7z archive"),
    (b"Rar!\x1a\x07\x01\x00", "RAR archive"),
    (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    (b"\x7fELF\x02\x01\x01", "ELF executable"),
    # valid UTF-8, no NUL, no known signature: a head thick with control characters
    (b"Yang\x01\x02\x03\x04\x05\x06\x07\x08 Jiechi\n" * 20, "control characters"),
]


@pytest.mark.parametrize(("data", "kind"), _BINARY_HEADS, ids=[k for _, k in _BINARY_HEADS])
@pytest.mark.parametrize("command", ["lint", "repair", "extract"])
def test_a_binary_file_is_named_not_checked_as_text(
    command: str, data: bytes, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(data)
    argv = [command, "--no-cache", str(path)] if command == "lint" else [command, str(path)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]  # lint may add a summary line after its error
    assert first.startswith(f"glossary {command}: error: {path}: a binary file (")
    assert kind in first and first.endswith("), not text")
    assert "Traceback" not in err
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    "text",
    [
        "Yang Jiechi\x0bspoke.\n",  # a stray vertical tab
        "\x1b[1mYang Jiechi\x1b[0m (杨洁篪) spoke first.\n",  # terminal escapes
        "Page one\fPage two\tand a tab\r\n",
        "PK is not a ZIP; %PDF is not a PDF; GIF8 is no image.\n",
        "BZh is no bzip2 archive.\n",
    ],
)
def test_text_with_a_few_control_characters_still_reads(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(text.encode())
    assert main(["lint", "--no-cache", str(path)]) in (0, 1)
    assert "binary" not in capsys.readouterr().err


def test_only_the_first_8_kb_are_inspected_for_control_characters() -> None:
    from glossary.textio import binary_kind

    text = b"Yang Jiechi spoke first.\n" * 400  # 10 000 bytes of text
    assert binary_kind(text + b"\x01" * 5000) is None  # the controls are past the head
    assert binary_kind(b"\x01" * 5000 + text) == "5000 control characters in its first 8192 bytes"


@pytest.mark.parametrize(
    "data",
    [
        b"line one\ncaf\xe9\n",  # Latin-1
        b"abc\ndef\x00",  # NUL
        "Yang Jiechi\n".encode("utf-16"),  # UTF-16 with its byte-order mark
        _BINARY_HEADS[0][0],  # a ZIP
        _BINARY_HEADS[-1][0],  # control characters
    ],
    ids=["latin1", "nul", "utf16", "zip", "controls"],
)
def test_review_reports_unreadable_articles_as_lint_does(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(data)
    assert main(["lint", "--no-cache", str(path)]) == 2
    lint_err = capsys.readouterr().err
    # the error must come before the UI: were tui.app imported, this would be an ImportError
    monkeypatch.setitem(sys.modules, "tui.app", None)
    assert main(["review", str(path)]) == 2
    review_err = capsys.readouterr().err
    assert review_err.startswith(f"glossary review: error: {path}") and review_err.count("\n") == 1
    # lint may add a summary line after its error; the error line itself is the same
    message = review_err.removeprefix("glossary review: ")
    assert lint_err.removeprefix("glossary lint: ").startswith(message)
