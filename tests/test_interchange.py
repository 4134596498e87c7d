"""CSV, TSV, TBX and JSON: round trips, other tools' files, malformed input."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.errors import DataError
from glossary.house import Entry, Kind, System, load_glossary
from glossary.interchange import (
    Format,
    entries_from_rows,
    export,
    format_for,
    plan_import,
    read_rows,
)

FIXTURES = Path(__file__).parent / "fixtures" / "house"
ENTRIES = list(load_glossary([FIXTURES / "small.toml", FIXTURES / "dotted.toml"]).entries)


def round_trip(entries: list[Entry], fmt: Format, **options: bool) -> list[Entry]:
    text = export(entries, fmt, **options)
    back, _ = entries_from_rows(read_rows(text, fmt, "mem"), "mem")
    return back


@pytest.mark.parametrize("fmt", list(Format))
def test_round_trip_is_lossless(fmt: Format) -> None:
    assert round_trip(ENTRIES, fmt) == ENTRIES


def test_two_column_csv_keeps_what_it_can_carry() -> None:
    text = export(ENTRIES, Format.CSV, two_columns=True)
    assert text.splitlines()[0] == "蔡英文,Tsai Ing-wen"
    rows = read_rows(text, Format.CSV, "mem")
    assert [(r.table["hanzi"], r.table["english"]) for r in rows] == [
        (e.hanzi, e.english) for e in ENTRIES
    ]


def test_csv_quotes_and_tsv_flattens() -> None:
    entry = Entry(
        hanzi="一国两制",
        traditional="一國兩制",
        pinyin="yī guó liǎng zhì",
        english="one country, two systems",
        system=System.OTHER,
        kind=Kind.TERM,
        notes='Said "yi guo liang zhi";\tsee also 港人治港.',
    )
    csv_text = export([entry], Format.CSV)
    assert csv_text.startswith('一国两制,"one country, two systems","pinyin:')
    assert round_trip([entry], Format.CSV)[0].notes == 'Said "yi guo liang zhi"; see also 港人治港.'
    tsv_text = export([entry], Format.TSV)
    assert tsv_text.count("\t") == 2 and tsv_text.endswith("\n")


def test_tbx_structure() -> None:
    root = ET.fromstring(export(ENTRIES, Format.TBX))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert root.get("type") == "TBX-Basic"
    concepts = root.findall(".//t:conceptEntry", ns)
    assert len(concepts) == len(ENTRIES)
    yang = next(c for c in concepts if c.find(".//t:term", ns).text == "杨洁篪")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    langs = [sec.get(lang) for sec in yang.findall("t:langSec", ns)]
    assert langs == ["zh-Hans", "zh-Hant", "en"]
    assert yang.find(".//t:termNote[@type='pronunciation']", ns).text == "Yáng Jiéchí"
    statuses = [n.text for n in yang.findall(".//t:termNote[@type='administrativeStatus']", ns)]
    assert statuses == ["preferredTerm-admn-sts", "admittedTerm-admn-sts"]


def test_reads_older_martif_tbx() -> None:
    text = """<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1">
    <descrip type="definition">Taiwanese politician.</descrip>
    <langSet xml:lang="zh"><tig><term>蔡英文</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>Tsai Ing-wen</term></tig></langSet>
  </termEntry>
</body></text></martif>"""
    rows = read_rows(text, Format.TBX, "old.tbx")
    assert rows[0].table == {
        "hanzi": "蔡英文",
        "english": "Tsai Ing-wen",
        "notes": "Taiwanese politician.",
    }


def test_other_tools_files_get_proposals() -> None:
    """A DeepL-style CSV: no comment; language columns; a header row."""
    text = "source,target\n刘鹏宇,Liu Pengyu,zh,en\n人工智能,artificial intelligence,zh,en\n"
    proposals = {"刘鹏宇": ("Liú Péngyǔ", "Liu Pengyu"), "人工智能": ("réngōng zhìnéng", "AI")}
    entries, filled = entries_from_rows(
        read_rows(text, Format.CSV, "deepl.csv"),
        "deepl.csv",
        propose=lambda hanzi, kind: proposals[hanzi],
    )
    liu, ai = entries
    assert (liu.pinyin, liu.kind, liu.system, liu.line) == (
        "Liú Péngyǔ",
        Kind.PERSON,
        System.PINYIN,
        2,
    )
    assert (ai.kind, ai.system, ai.english) == (Kind.TERM, System.OTHER, "artificial intelligence")
    assert any("pinyin proposed" in note for note in filled)


def test_free_text_comment_becomes_notes() -> None:
    rows = read_rows("蔡英文\tTsai Ing-wen\tpresident; DPP\n", Format.TSV, "omegat.utf8")
    assert rows[0].table["notes"] == "president; DPP"


@pytest.mark.parametrize(
    ("text", "fmt", "line", "words"),
    [
        ("杨洁篪\n", Format.CSV, 1, "1 non-empty column"),
        ('杨洁篪,Yang Jiechi\n王毅,"Wang Yi\n', Format.CSV, 2, "malformed CSV"),
        ("杨洁篪,Yang Jiechi,pinyin: Yáng Jiéchì\n", Format.CSV, 1, "not a reading"),
        ("杨洁篪\t\tcomment\n", Format.TSV, 1, "non-empty column"),
        ("Yang,Yang Jiechi,pinyin: Yáng\n", Format.CSV, 1, "not Han characters"),
        ("<tbx><text><body></tbx>", Format.TBX, 1, "not well-formed"),
        ("<html/>", Format.TBX, None, "not TBX"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><tbx/>', Format.TBX, None, "entity"),
        ("<tbx><text><body><conceptEntry><langSec xml:lang='en'><termSec><term>X</term>"
         "</termSec></langSec></conceptEntry></body></text></tbx>", Format.TBX, None, "no Chinese"),
        ("[{]", Format.JSON, 1, "not valid JSON"),
        ('{"hanzi": "x"}', Format.JSON, None, "list of objects"),
        ('[{"hanzi": "杨洁篪", "pinyin": "Yáng Jiéchí", "english": "Yang Jiechi", "pinyn": 1}]',
         Format.JSON, None, "entry 1: unknown key"),
    ],
)  # fmt: skip
def test_malformed_input_names_file_and_line(
    text: str, fmt: Format, line: int | None, words: str
) -> None:
    with pytest.raises(DataError) as info:
        entries_from_rows(read_rows(text, fmt, "in.file"), "in.file", propose=None)
    assert info.value.path == "in.file" and info.value.line == line
    assert words in info.value.message


def test_missing_pinyin_without_a_proposer_is_an_error() -> None:
    with pytest.raises(DataError, match="pinyin"):
        entries_from_rows(read_rows("杨洁篪,Yang Jiechi\n", Format.CSV, "x.csv"), "x.csv")


def test_duplicates_inside_an_import_are_errors() -> None:
    text = export(ENTRIES[:1] + ENTRIES[:1], Format.CSV)
    with pytest.raises(DataError, match="already defined"):
        entries_from_rows(read_rows(text, Format.CSV, "x.csv"), "x.csv")


def test_plan_import_reports_conflicts() -> None:
    glossary = load_glossary([FIXTURES / "small.toml"])
    yang = next(e for e in ENTRIES if e.hanzi == "杨洁篪")
    other_reading = Entry(
        hanzi="杨洁篪", traditional="楊潔篪", pinyin="Yáng Jiéchí", english="Yang Jie-chi",
        system=System.WADE_GILES,
    )  # fmt: skip
    dotted = next(e for e in ENTRIES if "·" in e.hanzi)
    plan = plan_import([yang, other_reading, dotted], glossary)
    assert plan.unchanged == (yang,) and plan.add == (dotted,)
    (conflict,) = plan.conflicts
    assert conflict.existing.hanzi == "杨洁篪"
    assert "english 'Yang Jiechi' -> 'Yang Jie-chi'" in conflict.describe()


def test_format_for_file_names() -> None:
    assert format_for("g.utf8") is Format.TSV and format_for("G.TBX") is Format.TBX
    assert format_for("g.csv") is Format.CSV and format_for("g.doc") is None


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=30
).map(lambda s: " ".join(unicodedata.normalize("NFC", s).split()))  # files are read as NFC


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(notes=_text, alias=_text)
def test_free_text_fields_survive_every_format(notes: str, alias: str) -> None:
    base = next(e for e in ENTRIES if e.hanzi == "杨洁篪")
    aliases = (alias,) if alias and alias != base.english and "|" not in alias else ()
    entry = Entry(
        hanzi=base.hanzi, traditional=base.traditional, pinyin=base.pinyin, english=base.english,
        notes=notes.strip(), aliases=aliases,
    )  # fmt: skip
    for fmt in Format:
        assert round_trip([entry], fmt) == [entry], fmt


def test_notes_that_look_like_keys_stay_notes() -> None:
    base = next(e for e in ENTRIES if e.hanzi == "杨洁篪")
    entry = Entry(
        hanzi=base.hanzi, traditional=base.traditional, pinyin=base.pinyin, english=base.english,
        notes="kind: diplomat; system: none; pinyin: Yáng",
    )  # fmt: skip
    for fmt in Format:
        assert round_trip([entry], fmt) == [entry], fmt


def test_tbx_with_traditional_only_and_pinyin_as_a_language() -> None:
    text = """<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"><text><body>
  <conceptEntry id="x">
    <langSec xml:lang="zh-TW"><termSec><term>蔡英文</term></termSec></langSec>
    <langSec xml:lang="zh-Latn-pinyin"><termSec><term>Cài Yīngwén</term></termSec></langSec>
    <langSec xml:lang="en-US"><termSec><term>Tsai Ing-wen</term></termSec></langSec>
  </conceptEntry></body></text></tbx>"""
    (entry,), _ = entries_from_rows(read_rows(text, Format.TBX, "tw.tbx"), "tw.tbx")
    assert (entry.hanzi, entry.traditional, entry.pinyin) == ("蔡英文", "蔡英文", "Cài Yīngwén")
    assert entry.system is System.ESTABLISHED and entry.kind is Kind.PERSON  # guessed


def test_two_columns_keep_one_target_per_source() -> None:
    yang = next(e for e in ENTRIES if e.hanzi == "杨洁篪")
    namesake = Entry(
        hanzi=yang.hanzi, traditional=yang.traditional, pinyin=yang.pinyin, english="Yang J.",
        notes="a namesake",
    )  # fmt: skip
    text = export([yang, namesake], Format.CSV, two_columns=True)
    assert text == "杨洁篪,Yang Jiechi\n"
