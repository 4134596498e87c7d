"""`glossary add`, `edit`, `export` and `import` from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary import house
from glossary.cli import main
from glossary.house import Kind, System, load_glossary

FIXTURES = Path(__file__).parent / "fixtures" / "house"
SMALL = FIXTURES / "small.toml"


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No shipped dictionaries; default files in a temporary folder."""
    folder = tmp_path / "dictionaries"
    folder.mkdir()
    monkeypatch.setattr(house, "default_paths", lambda: sorted(folder.glob("*.toml")))
    monkeypatch.setattr(
        house,
        "default_file",
        lambda kind: folder / ("people.toml" if kind is Kind.PERSON else "terms.toml"),
    )
    house.clear_cache()
    return folder


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    shutil.copy(SMALL, path)
    return path


def test_add_proposes_pinyin_and_english(
    isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "刘鹏宇", "--note", "Embassy spokesperson"]) == 0
    entry = load_glossary([isolated / "people.toml"]).by_hanzi("刘鹏宇")[0]
    assert (entry.pinyin, entry.english, entry.system) == (
        "Liú Péngyǔ",
        "Liu Pengyu",
        System.PINYIN,
    )
    assert entry.traditional == "劉鵬宇" and entry.notes == "Embassy spokesperson"
    captured = capsys.readouterr()
    assert "proposed: Liú Péngyǔ" in captured.err and 'hanzi = "刘鹏宇"' in captured.out


def test_add_an_established_form(isolated: Path) -> None:
    args = ["add", "林郑月娥", "--pinyin", "Lín Zhèng Yuè'é", "--english", "Carrie Lam",
            "--region", "hong-kong", "--order", "western", "--surname", "林郑"]  # fmt: skip
    assert main(args) == 0
    entry = load_glossary([isolated / "people.toml"]).by_english("Carrie Lam")[0]
    assert entry.system is System.ESTABLISHED and entry.order == "western"


def test_add_a_term_goes_to_the_terms_file(isolated: Path) -> None:
    assert main(["add", "共同富裕", "--kind", "term", "--english", "common prosperity"]) == 0
    entry = load_glossary([isolated / "terms.toml"]).entries[0]
    assert (entry.pinyin, entry.system, entry.kind) == ("gòngtóng fùyù", System.OTHER, Kind.TERM)


def test_add_refuses_bad_data_and_writes_nothing(
    isolated: Path, small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = small.read_bytes()
    assert main(["add", "王毅", "--pinyin", "Wáng Yí", "--glossary", str(small)]) == 2
    assert "field 'pinyin'" in capsys.readouterr().err
    assert main(["add", "王毅", "--pinyin", "Wang2 Yi4", "--glossary", str(small)]) == 2
    assert main(["add", "杨洁篪", "--glossary", str(small)]) == 2
    assert "already in" in capsys.readouterr().err
    assert main(["add", "王毅", "--glossary", str(small), "--dry-run"]) == 0
    assert small.read_bytes() == before


def test_add_the_same_characters_for_another_person(isolated: Path, small: Path) -> None:
    assert (
        main(["add", "杨洁篪", "--note", "A namesake, an engineer", "--glossary", str(small)]) == 0
    )
    assert len(load_glossary([small]).by_hanzi("杨洁篪")) == 2


def test_edit_changes_only_the_fields_given(isolated: Path, small: Path) -> None:
    before = small.read_text(encoding="utf-8").splitlines()
    args = [
        "edit",
        "楊潔篪",
        "--glossary",
        str(small),
        "--note",
        "Foreign minister.",
        "--no-aliases",
    ]
    assert main(args) == 0
    after = small.read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) - 1
    assert 'notes = "Foreign minister."' in after and "# A small house glossary" in after[0]
    entry = load_glossary([small]).by_hanzi("杨洁篪")[0]
    assert entry.aliases == () and entry.pinyin == "Yáng Jiéchí"


def test_edit_errors(isolated: Path, small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = small.read_bytes()
    assert main(["edit", "杨洁篪", "--glossary", str(small), "--pinyin", "Yáng Jiéchì"]) == 2
    assert main(["edit", "王毅", "--glossary", str(small), "--note", "x"]) == 2
    assert main(["edit", "杨洁篪", "--glossary", str(small)]) == 2  # nothing to change
    assert small.read_bytes() == before
    assert main(["add", "杨洁篪", "--note", "A namesake", "--glossary", str(small)]) == 0
    assert main(["edit", "杨洁篪", "--glossary", str(small), "--note", "y"]) == 2
    assert "choose with --which" in capsys.readouterr().err
    assert main(["edit", "杨洁篪", "--glossary", str(small), "--which", "2", "--note", "y"]) == 0
    assert {e.notes for e in load_glossary([small]).by_hanzi("杨洁篪")} == {
        "PRC foreign minister 2007-2013.",
        "y",
    }


def test_edit_propose(isolated: Path, small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["edit", "杨洁篪", "--glossary", str(small), "--propose"]) == 0
    assert "proposed Yáng Jiéchí / Yang Jiechi" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", ["tbx", "csv", "tsv", "json"])
def test_export_then_import_round_trip(isolated: Path, tmp_path: Path, suffix: str) -> None:
    exported = tmp_path / f"house.{suffix}"
    assert main(["export", "--glossary", str(SMALL), "-o", str(exported)]) == 0
    target = tmp_path / "imported.toml"
    assert main(["import", str(exported), "--glossary", str(target)]) == 0
    assert list(load_glossary([target]).entries) == list(load_glossary([SMALL]).entries)
    # A second import finds everything already there.
    assert main(["import", str(exported), "--glossary", str(target)]) == 0


def test_export_to_stdout_by_kind(isolated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--glossary", str(SMALL), "--format", "tsv", "--kind", "place"]) == 0
    assert capsys.readouterr().out.startswith("西安\tXi'an\tpinyin: Xī'ān")
    assert main(["export", "--glossary", str(SMALL)]) == 2  # no format


def test_import_reports_conflicts_and_never_overwrites(
    isolated: Path, small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incoming = tmp_path / "in.csv"
    incoming.write_text(
        "杨洁篪,Yang Jie-chi,pinyin: Yáng Jiéchí; system: wade-giles\n王毅,Wang Yi\n",
        encoding="utf-8",
    )
    before = small.read_text(encoding="utf-8")
    assert main(["import", str(incoming), "--glossary", str(small)]) == 1
    err = capsys.readouterr().err
    assert "conflict, not imported: 杨洁篪" in err and "Yang Jie-chi" in err
    glossary = load_glossary([small])
    assert glossary.by_hanzi("杨洁篪")[0].english == "Yang Jiechi"
    assert glossary.by_hanzi("王毅")[0].pinyin == "Wáng Yì"
    remaining = iter(small.read_text(encoding="utf-8").splitlines())
    assert all(line in remaining for line in before.splitlines())  # every old line, in order


def test_import_malformed_exits_2_and_writes_nothing(
    isolated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "target.toml"
    bad = tmp_path / "bad.tsv"
    bad.write_text("王毅\tWang Yi\n杨洁篪\n", encoding="utf-8")
    assert main(["import", str(bad), "--glossary", str(target)]) == 2
    assert f"{bad}:2:" in capsys.readouterr().err
    assert not target.exists()
    latin = tmp_path / "latin.csv"
    latin.write_bytes("王毅,Wang Yi\n".encode() + b"\xff\n")
    assert main(["import", str(latin), "--glossary", str(target)]) == 2
    assert main(["import", str(tmp_path / "g.doc"), "--glossary", str(target)]) == 2
    assert not target.exists()


def test_import_dry_run(isolated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    incoming = tmp_path / "in.tsv"
    incoming.write_text("王毅\tWang Yi\tForeign minister\n", encoding="utf-8")
    assert main(["import", str(incoming), "--dry-run"]) == 0
    assert "would add 1 entry" in capsys.readouterr().out
    assert not (isolated / "people.toml").exists()
