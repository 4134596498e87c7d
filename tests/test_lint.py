"""`glossary lint`: exit statuses, formats, fixes, stdin, folders, config, suppression."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from glossary.cli import main

BAD = "Foreign affairs chief Yáng Jiéchì 杨洁篪 spoke first.\n"
GOOD = "Foreign affairs chief Yáng Jiéchí 杨洁篪 spoke first.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text(BAD, encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["lint", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_exit_status_0_clean_1_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert run([str(good)], capsys)[0] == 0
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    status, out, err = run([str(bad)], capsys)
    assert status == 1
    assert f"{bad}:1:28: error GL101" in out
    assert "^^^^^^" in out
    assert "1 error" in err


def test_info_only_does_not_fail_unless_fail_level_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The researcher Zhōu Lìmíng 周立明 said so.\n", encoding="utf-8")
    assert run([str(path)], capsys)[0] == 0
    assert run([str(path), "--fail-level", "info"], capsys)[0] == 1


def test_exit_2_on_missing_file_and_bad_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run([str(tmp_path / "nope.md")], capsys)
    assert status == 2 and "no such file" in err and "Traceback" not in err
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"ok\n\xff\xfe bad\n")
    status, _, err = run([str(binary)], capsys)
    assert status == 2 and f"{binary}:2:1: not UTF-8" in err and len(err.splitlines()) == 1


def test_bad_config_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".glossary.toml").write_text('script = "any"\nfirst-mention = "loud"\n')
    (tmp_path / "a.txt").write_text(GOOD)
    status, _, err = run([str(tmp_path / "a.txt")], capsys)
    assert status == 2
    assert err.count("\n") == 1
    assert ".glossary.toml:2: field 'first-mention'" in err
    (tmp_path / ".glossary.toml").write_text("colour = 1\n")
    status, _, err = run([str(tmp_path / "a.txt")], capsys)
    assert status == 2 and "field 'colour': unknown key" in err
    (tmp_path / ".glossary.toml").write_text('select = ["GL999"]\n')
    status, _, err = run([str(tmp_path / "a.txt")], capsys)
    assert status == 2 and "no rule matches 'GL999'" in err
    (tmp_path / ".glossary.toml").write_text("select = [\n")
    status, _, err = run([str(tmp_path / "a.txt")], capsys)
    assert status == 2 and "not valid TOML" in err


def test_config_from_pyproject_walking_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.glossary]\nignore = ["pinyin-mismatch"]\n'
    )
    sub = tmp_path / "posts" / "2024"
    sub.mkdir(parents=True)
    (sub / "a.md").write_text(BAD, encoding="utf-8")
    assert run([str(sub / "a.md")], capsys)[0] == 0
    # an explicit --config wins over discovery
    explicit = tmp_path / "strict.toml"
    explicit.write_text('fail-level = "warning"\n')
    assert run([str(sub / "a.md"), "--config", str(explicit)], capsys)[0] == 1


def test_json_format(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([str(article), "--format", "json"], capsys)
    assert status == 1
    [item] = [i for i in json.loads(out) if i["code"] == "GL101"]
    assert item == {
        "path": str(article),
        "line": 1,
        "column": 28,
        "end_line": 1,
        "end_column": 34,
        "code": "GL101",
        "rule": "pinyin-mismatch",
        "severity": "error",
        "message": item["message"],
        "fix": "Jiéchí",
    }
    assert BAD[item["column"] - 1 : item["end_column"] - 1] == "Jiéchì"


def test_github_and_sarif_formats(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run([str(article), "--format", "github"], capsys)
    assert out.startswith(
        f"::error file={article},line=1,col=28,endLine=1,endColumn=34,title=GL101"
    )
    _, out, _ = run([str(article), "--format", "sarif"], capsys)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    rule_ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    result = next(r for r in run_["results"] if r["ruleId"] == "GL101")
    assert "GL101" in rule_ids and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 28)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "Jiéchí"
    }


def test_fix_is_atomic_and_idempotent(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run([str(article), "--fix"], capsys)
    assert status == 0 and "fixed 1 file" in err
    assert article.read_text(encoding="utf-8") == GOOD
    status, _, err = run([str(article), "--fix"], capsys)
    assert status == 0 and "fixed 0 file" in err
    assert article.read_text(encoding="utf-8") == GOOD
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.md"]  # no temp files left


def test_diff_changes_nothing(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run([str(article), "--diff"], capsys)
    assert status == 1
    assert (
        "-Foreign affairs chief Yáng Jiéchì" in out and "+Foreign affairs chief Yáng Jiéchí" in out
    )
    assert article.read_text(encoding="utf-8") == BAD


def test_crlf_file_fixed_in_place_keeps_line_endings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(("# Title\r\n\r\n" + BAD.replace("\n", "\r\n")).encode())
    run([str(path), "--fix"], capsys)
    assert path.read_bytes() == ("# Title\r\n\r\n" + GOOD.replace("\n", "\r\n")).encode()


def test_stdin_with_filename(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "<p>Foreign affairs chief Yáng Jiéchì <b>杨洁篪</b> spoke.</p>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    status, out, _ = run(["-", "--stdin-filename", "page.html", "--format", "json"], capsys)
    assert status == 1
    assert json.loads(out)[0]["path"] == "page.html"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(source.encode())))
    assert run(["-", "--fix"], capsys)[0] == 2


def test_folders_recursively_and_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(6):
        folder = tmp_path / f"d{i % 2}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{i}.md").write_text(BAD if i == 3 else GOOD, encoding="utf-8")
    (tmp_path / "d0" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(BAD)
    status, out, _err = run([str(tmp_path), "--jobs", "2", "--format", "json"], capsys)
    assert status == 1
    assert {Path(i["path"]).name for i in json.loads(out)} == {"a3.md"}
    single = run([str(tmp_path), "--format", "json"], capsys)
    assert single[1] == out


def test_select_and_ignore(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(article), "--ignore", "GL101"], capsys)[0] == 0
    assert run([str(article), "--select", "GL2,GL3"], capsys)[0] == 0
    assert run([str(article), "--select", "pinyin-mismatch"], capsys)[0] == 1
    assert run([str(article), "--select", "nonsense"], capsys)[0] == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.md", "<!-- glossary: disable-next-line=GL101 -->\n" + BAD),
        ("a.md", BAD.rstrip("\n") + " <!-- glossary: disable-line -->\n"),
        ("a.md", "<!-- glossary: disable=pinyin-mismatch -->\n\n" + BAD),
        ("a.html", "<!-- glossary: disable=GL1 -->\n<p>" + BAD + "</p>"),
        ("a.txt", "# glossary: disable-next-line\n" + BAD),
        ("a.txt", "// glossary: disable=GL101\n\n" + BAD),
    ],
)
def test_inline_suppression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert run([str(path)], capsys)[0] == 0


def test_suppression_block_ends_at_enable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- glossary: disable=GL101 -->\n\n"
        + BAD
        + "\n<!-- glossary: enable=GL101 -->\n\n"
        + BAD,
        encoding="utf-8",
    )
    status, out, _ = run([str(path), "--format", "json"], capsys)
    assert status == 1
    assert [i["line"] for i in json.loads(out) if i["code"] == "GL101"] == [7]


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--list-rules"], capsys)
    assert status == 0 and "GL001" in out and "GL402" in out


def test_help_does_not_load_heavy_modules() -> None:
    import subprocess

    code = (
        "import sys; from glossary.cli import main; main(['lint', '--help']);"
        "print(sorted(m for m in ('jieba', 'pypinyin', 'opencc', 'textual', 'markdown_it') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("[]")


def test_result_cache_is_used_and_invalidated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.commands import lint

    path = tmp_path / "a.md"
    path.write_text(BAD, encoding="utf-8")
    first = run([str(path), "--format", "json"], capsys)
    calls: list[str] = []
    original = lint._run_task

    def counting(task: lint._Task) -> lint._Result:
        calls.append(task.path)
        return original(task)

    monkeypatch.setattr(lint, "_run_task", counting)
    again = run([str(path), "--format", "json"], capsys)
    assert again[:2] == first[:2] and calls == []  # from the cache
    path.write_text(GOOD, encoding="utf-8")
    assert run([str(path)], capsys)[0] == 0 and calls == [str(path)]  # the text changed
    assert run([str(path), "--no-cache"], capsys)[0] == 0 and len(calls) == 2
