"""The surname table: shipped data is valid, polyphonic surnames read as names, bad rows fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.chars import load_readings, readings
from glossary.errors import DataError
from glossary.pinyin import Syllable, ascii_fold, join_syllables
from glossary.resources import dictionaries_dir
from glossary.surnames import load_table, parse_table, surname_table, surnames_path

# Hand-checked name readings (DOMAIN.md, RESEARCH.md §2.2), independent of the TSV.
POLYPHONIC = {
    "曾": "zēng", "单": "shàn", "解": "xiè", "仇": "qiú", "区": "ōu", "查": "zhā", "朴": "piáo",
    "盖": "gě", "缪": "miào", "覃": "qín", "种": "chóng", "华": "huà", "翟": "zhái", "薄": "bó",
    "令": "lìng", "阚": "kàn", "董": "dǒng", "燕": "yān", "召": "shào", "乐": "yuè", "过": "guō",
    "秘": "bì", "繁": "pó", "员": "yùn", "纪": "jǐ", "牟": "móu", "任": "rén", "莘": "shēn",
    "隗": "wěi", "宓": "mì", "沈": "shěn", "长": "cháng", "尉": "wèi", "宁": "nìng", "折": "shé",
    "卜": "bǔ", "万": "wàn", "冯": "féng", "贾": "jiǎ", "陆": "lù", "石": "shí", "费": "fèi",
    "叶": "yè", "柏": "bǎi", "谌": "shèn", "祭": "zhài", "眭": "suī", "能": "néng",
}  # fmt: skip
AMBIGUOUS = {"乐", "盖", "隗", "纪", "牟", "任", "莘", "宓", "覃", "谌"}
COMPOUNDS = {
    "欧阳": "ōuyáng", "司马": "sīmǎ", "诸葛": "zhūgě", "尉迟": "yùchí", "万俟": "mòqí",
    "长孙": "zhǎngsūn", "令狐": "línghú", "上官": "shàngguān", "澹台": "tántái", "皇甫": "huángfǔ",
    "公孙": "gōngsūn", "东方": "dōngfāng", "夏侯": "xiàhóu", "慕容": "mùróng", "单于": "chányú",
    "端木": "duānmù", "宇文": "yǔwén", "闻人": "wénrén", "呼延": "hūyán", "轩辕": "xuānyuán",
    "司徒": "sītú", "西门": "xīmén", "南宫": "nángōng",
}  # fmt: skip


def test_table_loads_with_single_and_compound_surnames() -> None:
    table = surname_table()
    assert len(table) > 700
    assert sum(1 for s in table if s.compound) >= len(COMPOUNDS)


@pytest.mark.parametrize(("hanzi", "expected"), sorted(POLYPHONIC.items()))
def test_polyphonic_surname_reads_as_a_name(hanzi: str, expected: str) -> None:
    surname = surname_table().get(hanzi)
    assert surname is not None
    assert join_syllables(surname.preferred) == expected
    assert surname.ambiguous == (hanzi in AMBIGUOUS or hanzi in {"能"})


@pytest.mark.parametrize(("hanzi", "expected"), sorted(COMPOUNDS.items()))
def test_compound_surname(hanzi: str, expected: str) -> None:
    surname = surname_table().get(hanzi)
    assert surname is not None and surname.compound
    assert join_syllables(surname.preferred) == expected


@pytest.mark.parametrize("ambiguous", sorted(AMBIGUOUS))
def test_ambiguous_surnames_offer_two_readings(ambiguous: str) -> None:
    surname = surname_table().get(ambiguous)
    assert surname is not None and surname.ambiguous
    assert len(surname.readings) >= 2
    assert surname.note


def _rows() -> list[tuple[str, tuple[str, ...]]]:
    return [(s.hanzi, tuple(join_syllables(r) for r in s.readings)) for s in surname_table()]


@pytest.mark.parametrize(("hanzi", "forms"), _rows(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_reading_is_a_reading_of_its_characters(hanzi: str, forms: tuple[str, ...]) -> None:
    surname = surname_table().get(hanzi)
    assert surname is not None
    for reading in surname.readings:
        for char, syllable in zip(hanzi, reading, strict=True):
            known = {r.base for r in readings(char)}
            assert syllable.base in known, f"{hanzi}: {syllable.marked} is not a reading of {char}"


def test_traditional_forms_find_the_row() -> None:
    table = surname_table()
    assert table.get("區") is table.get("区")
    assert table.get("單") is table.get("单")
    assert table.get("歐陽") is table.get("欧阳")
    # The surname 范 stays 范 in traditional script (範 is "model"), and 于 stays 于.
    fan = table.get("范")
    yu = table.get("于")
    assert fan is not None and fan.traditional == "范"
    assert yu is not None and yu.traditional == "于"


def test_prefixes_longest_first() -> None:
    table = surname_table()
    assert [s.hanzi for s in table.prefixes("欧阳修")] == ["欧阳", "欧"]
    assert [s.hanzi for s in table.prefixes("万俟卨")] == ["万俟", "万"]
    assert [s.hanzi for s in table.prefixes("杨洁篪")] == ["杨"]
    assert table.prefixes("") == []


def test_shipped_file_is_sorted_by_preferred_reading() -> None:
    keys = [
        (ascii_fold(join_syllables(s.preferred)), join_syllables(s.preferred))
        for s in surname_table()
    ]
    assert keys == sorted(keys)


def test_shipped_file_has_a_commented_header() -> None:
    text = surnames_path().read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "readings" in text.split("\n\n")[0] or "readings" in text[:2000]


GOOD = "曾\t曾\tZēng\t-\thand\tnot céng\n"


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("曾\t曾\tZēng\t-\thand\n", None, "columns"),
        ("ab\t曾\tZēng\t-\thand\t-\n", "hanzi", "Han"),
        ("曾\t曾曾\tZēng\t-\thand\t-\n", "traditional", "Han character"),
        ("曾\t曾\tZeng\t-\thand\t-\n", "readings", "tone"),
        ("曾\t曾\tZēngyáng\t-\thand\t-\n", "readings", "syllable"),
        ("曾\t曾\tXyz\t-\thand\t-\n", "readings", "syllable"),
        ("曾\t曾\tZēng\tmaybe\thand\t-\n", "ambiguous", "ambiguous"),
        ("曾\t曾\tZēng\tambiguous\thand\t-\n", "readings", "two readings"),
        (GOOD + "曾\t曾\tZēng\t-\thand\t-\n", "hanzi", "repeats line 2"),
    ],
)
def test_bad_rows_name_file_line_and_field(row: str, field: str | None, message: str) -> None:
    path = Path("dictionaries/surnames.tsv")
    text = "# header\n" + row
    with pytest.raises(DataError) as caught:
        parse_table(text, path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == text.count("\n")
    assert error.field == field
    assert message in str(error)
    assert str(error).startswith(f"{path}:{error.line}:")


def test_unreadable_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_table(tmp_path / "missing.tsv")


def test_good_row_parses() -> None:
    (zeng,) = parse_table(GOOD, Path("x.tsv"))
    assert zeng.hanzi == "曾" and not zeng.compound and zeng.note == "not céng"


def test_shipped_table_is_what_the_generator_makes() -> None:
    """Hand decisions live in scripts/build_surnames.py (HAND), so regenerating loses none."""
    import contextlib
    import importlib.util
    import io

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_surnames.py"
    if not script.exists():
        pytest.skip("scripts/ is not part of this checkout (e.g. an sdist)")
    spec = importlib.util.spec_from_file_location("build_surnames", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert module.main() == 0
    assert out.getvalue() == surnames_path().read_text(encoding="utf-8")
    assert err.getvalue() == ""  # every disagreement between sources has a hand decision


# --- readings pypinyin lacks (dictionaries/readings.tsv) ----------------------------------


def test_surname_shen_is_a_known_reading_in_both_scripts() -> None:
    shen = Syllable("shen", 4)
    assert readings("谌")[0] == Syllable("chen", 2)  # the first reading stays pypinyin's
    assert shen in readings("谌") and shen in readings("諶")


def test_shen_surname_reads_shen_and_offers_chen() -> None:
    from glossary.romanize import Source, romanize

    for name in ("谌贻琴", "諶貽琴"):
        result = romanize(name, sources={Source.RULES})
        assert result.pinyin == "Shèn Yíqín"
        assert result.english == "Shen Yiqin"
        assert result.ambiguous and result.alternatives == ("Chén Yíqín",)
        assert any("Chén" in note for note in result.notes)


def test_shen_surname_is_accepted_either_way_by_the_checker() -> None:
    from glossary.romanize import acceptable_readings

    first = acceptable_readings("谌贻琴")[0]
    assert Syllable("shen", 4) in first and Syllable("chen", 2) in first


def test_shipped_readings_supplement_is_valid() -> None:
    table = load_readings(dictionaries_dir() / "readings.tsv")
    assert table["谌"] == (Syllable("shen", 4),)
    for char, extra in table.items():
        assert all(s in readings(char) for s in extra)


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("谌\tshen\tno tone", "reading"),
        ("谌\tshèn", None),
        ("谌谌\tshèn\tnote", "hanzi"),
        ("谌\tshèn\t", "note"),
        ("谌\txyz4\tnote", "reading"),
    ],
)
def test_bad_readings_supplement_row_names_line_and_field(
    tmp_path: Path, line: str, field: str | None
) -> None:
    path = tmp_path / "readings.tsv"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_readings(path)
    assert caught.value.line == 2 and caught.value.field == field
    assert str(path) in str(caught.value)


def test_readings_supplement_row_listed_twice_fails(tmp_path: Path) -> None:
    path = tmp_path / "readings.tsv"
    path.write_text("谌\tshèn\ta\n谌\tshèn\tb\n", encoding="utf-8")
    with pytest.raises(DataError, match="twice"):
        load_readings(path)


def test_the_checkers_compiled_surname_index_is_the_table() -> None:
    """The checker reads the table from its compiled copy (one string per form): the same
    rows, forms (a simplified form before traditional ones), readings and spellings."""
    from glossary.check.knowledge import (
        SurnameFacts,
        surname_index,
        surname_of,
        surname_prefixes,
        surname_spellings,
    )

    expected: dict[str, SurnameFacts] = {}
    for surname in surname_table():
        facts = SurnameFacts(surname.hanzi, surname.readings, surname.ambiguous)
        expected.setdefault(surname.hanzi, facts)
        for form in sorted({surname.hanzi, surname.traditional, *surname.traditional_forms}):
            expected.setdefault(form, facts)
    assert surname_index() == expected
    for form, facts in expected.items():
        assert surname_of(form) == facts
    assert surname_of("x") is None
    assert surname_spellings() == {
        "".join(s.base for s in reading) for f in expected.values() for reading in f.readings
    }
    assert [f.hanzi for f in surname_prefixes("欧阳修")] == ["欧阳", "欧"]
    assert [f.hanzi for f in surname_prefixes("歐陽脩")] == ["欧阳", "欧"]


def test_the_compiled_surname_table_is_the_parsed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """surname_table() reads its compiled copy: the same records as parsing the file, built
    into the cache on first use and read from it after."""
    import glossary.surnames as surnames

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    parsed = load_table(surnames_path())
    for _ in range(2):  # compiled and written, then read back
        surnames.surname_table.cache_clear()
        try:
            table = surnames.surname_table()
            assert table.surnames == parsed.surnames
            assert table._index == parsed._index
            assert table.prefixes("欧阳修") == parsed.prefixes("欧阳修")
        finally:
            surnames.surname_table.cache_clear()
        assert len(list(tmp_path.glob("surname-table-*.json"))) == 1


def test_a_bad_surname_file_is_reported_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossary.surnames as surnames

    bad = tmp_path / "surnames.tsv"
    bad.write_text("王\t王\twang\t-\tx\t-\n", encoding="utf-8")  # no tone mark
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(surnames, "surnames_path", lambda: bad)
    surnames.surname_table.cache_clear()
    try:
        with pytest.raises(DataError, match="tone"):
            surnames.surname_table()
        assert not list((tmp_path / "cache").glob("surname-table-*"))
    finally:
        surnames.surname_table.cache_clear()
