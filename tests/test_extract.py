"""Extraction of people, places and terms from Chinese-language text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.extract import extract
from glossary.house import Glossary, load_glossary

FIXTURES = Path(__file__).parent / "fixtures" / "house"
SMALL = FIXTURES / "small.toml"
DOTTED = FIXTURES / "dotted.toml"
EMPTY = FIXTURES / "empty.toml"

# Our own sentences (facts only).
TEXT = (
    "外交部长杨洁篪周三在北京会见了来访的代表团。\n"
    "发言人刘鹏宇表示，共同富裕仍是目标。蔡英文当天在台北讲话，新华社作了报道。\n"
    "张先生说，阿沛·阿旺晋美曾在拉萨任职。楊潔篪随后离开北京。\n"
)


@pytest.fixture(scope="module")
def house() -> Glossary:
    return load_glossary([SMALL, DOTTED])


@pytest.fixture(scope="module")
def found(house: Glossary) -> dict[str, object]:
    return {f.hanzi: f for f in extract(TEXT, glossary=house)}


def test_house_entries_are_found_whole_with_all_their_forms(found: dict) -> None:
    yang = found["杨洁篪"]
    assert yang.in_glossary and yang.source == "house" and yang.kind == "person"
    assert yang.english == "Yang Jiechi" and yang.pinyin == "Yáng Jiéchí"
    assert yang.count == 2 and set(yang.forms) == {"杨洁篪", "楊潔篪"}
    tsai = found["蔡英文"]  # jieba alone splits it into 蔡 + 英文
    assert tsai.in_glossary and tsai.english == "Tsai Ing-wen"
    assert found["共同富裕"].kind == "term" and found["共同富裕"].english == "common prosperity"
    assert found["阿沛·阿旺晋美"].english == "Ngapoi Ngawang Jigme"


def test_positions_point_into_the_text(found: dict) -> None:
    for item in found.values():
        for position in item.positions:
            assert any(TEXT.startswith(form, position) for form in item.forms), item.hanzi
        assert list(item.positions) == sorted(item.positions)
    order = [item.first for item in found.values()]
    assert order == sorted(order)


def test_new_people_places_and_organisations(found: dict) -> None:
    liu = found["刘鹏宇"]
    assert liu.kind == "person" and not liu.in_glossary
    assert liu.pinyin == "Liú Péngyǔ" and liu.english == "Liu Pengyu"
    assert liu.source in ("cedict", "rules")
    beijing = found["北京"]
    assert (beijing.kind, beijing.english, beijing.source, beijing.count) == (
        "place", "Beijing", "cedict", 2,
    )  # fmt: skip
    assert found["台北"].english == "Taipei"
    assert found["新华社"].kind == "organisation"


def test_titles_are_not_names(found: dict) -> None:
    assert not any(key.startswith("张") for key in found)
    assert "外交部长" not in found


def test_without_the_glossary_a_split_name_is_rejoined() -> None:
    result = {f.hanzi: f for f in extract("蔡英文当天讲话。", glossary=load_glossary([EMPTY]))}
    assert "蔡英文" in result and result["蔡英文"].kind == "person"
    assert not result["蔡英文"].in_glossary


def test_text_without_han_characters(house: Glossary) -> None:
    assert extract("Yang Jiechi met Tsai Ing-wen.", glossary=house) == []
    assert extract("", glossary=house) == []


def test_cli_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "zh.txt"
    source.write_text(TEXT, encoding="utf-8")
    glossary = ["--glossary", str(SMALL), "--glossary", str(DOTTED)]
    assert main(["extract", *glossary, str(source)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:4] == ["characters", "kind", "pinyin", "english"]
    assert "Yang Jiechi" in out and "NEW" in out
    assert main(["extract", "--json", "--new", *glossary, str(source)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and not any(item["in_glossary"] for item in data)
    liu = next(item for item in data if item["hanzi"] == "刘鹏宇")
    assert (liu["line"], liu["column"]) == (2, 4)


def test_cli_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("刘鹏宇表示。".encode())))
    assert main(["extract", "--json", "--glossary", str(SMALL), "-"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["hanzi"] == "刘鹏宇"


def test_cli_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "gbk.txt"
    latin.write_bytes("第一行\n".encode() + "杨洁篪".encode("gbk"))
    assert main(["extract", str(latin)]) == 2
    err = capsys.readouterr().err
    assert f"{latin}:2:" in err and "not UTF-8" in err
    assert main(["extract", str(tmp_path / "absent.txt")]) == 2
    assert "absent.txt: no such file" in capsys.readouterr().err


def test_known_names_stay_whole_and_titles_are_not_names(house: Glossary) -> None:
    text = "法国总统马克龙会见了欧阳娜娜。王先生说，华为公司在深圳。"
    result = {f.hanzi: f for f in extract(text, glossary=house)}
    macron = result["马克龙"]  # CC-CEDICT's people are jieba words: not 马克 + 龙
    assert (macron.kind, macron.english, macron.source) == ("person", "Emmanuel Macron", "cedict")
    assert result["欧阳娜娜"].kind == "person"  # a compound surname the tagger split off
    assert result["欧阳娜娜"].pinyin == "Ōuyáng Nànà"
    assert not any(key.startswith("王") for key in result)  # 王先生 is Mr Wang
    huawei = result["华为公司"]
    assert huawei.kind == "organisation" and huawei.pinyin and "check" in huawei.notes[0]


def test_pieces_of_longer_names_are_not_reported(house: Glossary) -> None:
    result = {f.hanzi for f in extract("粤港澳大湾区建设取得新进展。", glossary=house)}
    assert not result & {"大湾", "新进展"}


_PIECES = ["杨洁篪", "楊潔篪", "蔡英文", "北京", "说", "，", "。", "会见", "刘鹏宇", "和", "\n",
           "共同富裕", "Yang ", "台北", "阿沛·阿旺晋美", "表示", "张先生"]  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_every_position_slices_back_to_a_form(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = extract(text, glossary=load_glossary([SMALL, DOTTED]))
    for item in found:
        assert item.count == len(item.positions) >= 1
        for position in item.positions:
            assert any(text.startswith(form, position) for form in item.forms)
    assert len({f.hanzi for f in found}) == len(found)  # one row per name
