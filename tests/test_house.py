"""The house glossary: loading, validation with file/line/field, and safe editing."""

from __future__ import annotations

import operator
import shutil
from pathlib import Path

import pytest

from glossary.errors import DataError, GlossaryError
from glossary.house import (
    Entry,
    GlossaryFile,
    Kind,
    System,
    default_paths,
    load_glossary,
    pinyin_problem,
    with_changes,
)

FIXTURES = Path(__file__).parent / "fixtures" / "house"
SMALL = FIXTURES / "small.toml"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    shutil.copy(SMALL, path)
    return path


def test_loads_entries_with_enums_and_positions() -> None:
    glossary = load_glossary([SMALL])
    yang = glossary.by_hanzi("杨洁篪")[0]
    assert yang.traditional == "楊潔篪"
    assert yang.system is System.PINYIN and yang.kind is Kind.PERSON
    assert yang.aliases == ("Yang Chieh-chih",)
    assert yang.path == str(SMALL)
    assert SMALL.read_text(encoding="utf-8").splitlines()[yang.line - 1] == "[[entry]]"
    tsai = glossary.by_english("Tsai Ing-wen")[0]
    assert tsai.system is System.WADE_GILES and tsai.region == "taiwan"


def test_lookup_by_traditional_english_case_and_alias() -> None:
    glossary = load_glossary([SMALL])
    assert [e.hanzi for e in glossary.by_hanzi("楊潔篪")] == ["杨洁篪"]
    assert [e.hanzi for e in glossary.by_hanzi("林鄭月娥")] == ["林郑月娥"]
    assert [e.hanzi for e in glossary.by_english("yang  JIECHI")] == ["杨洁篪"]
    assert [e.hanzi for e in glossary.by_english("Yang Chieh-chih")] == ["杨洁篪"]
    assert glossary.by_english("Yang Jiechei") == []
    assert {e.hanzi for e in glossary.people()} == {"杨洁篪", "蔡英文", "林郑月娥", "吕"}


def test_traditional_is_derived_when_absent() -> None:
    assert load_glossary([SMALL]).by_hanzi("吕")[0].traditional == "呂"


def test_shipped_dictionaries_load() -> None:
    if not default_paths():
        pytest.skip("no shipped glossary yet")
    glossary = load_glossary()
    assert len(glossary) > 0


def test_load_is_cached_until_the_file_changes(small: Path) -> None:
    first = load_glossary([small])
    assert load_glossary([small]) is first
    text = small.read_text(encoding="utf-8").replace("Tsai Ying-wen", "Tsai Yingwen")
    small.write_text(text + "\n", encoding="utf-8")
    assert load_glossary([small]).by_english("Tsai Yingwen")


ENTRY = '[[entry]]\nhanzi = "杨洁篪"\npinyin = "Yáng Jiéchí"\nenglish = "Yang Jiechi"\n'


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (ENTRY + 'pinyn = "x"\n', 5, "pinyn", "did you mean 'pinyin'"),
        (ENTRY.replace('english = "Yang Jiechi"\n', ""), 1, "english", "required"),
        (ENTRY.replace("Jiéchí", "Jiéchì"), 3, "pinyin", "not a reading of 篪"),
        (ENTRY.replace("Yáng Jiéchí", "Yang2 Jie2chi2"), 3, "pinyin", "not tone-marked"),
        (ENTRY.replace("Yáng Jiéchí", "Yáng Jié"), 3, "pinyin", "2 syllables for 3"),
        (ENTRY.replace("Jiéchí", "Jiéchi\u0301x"), 3, "pinyin", "not pinyin"),
        (ENTRY.replace("Yáng", "Yańg"), 3, "pinyin", "misplaced"),
        (ENTRY.replace("Yang Jiechi", "Yang Jie-chi"), 4, "english", "without tones"),
        (ENTRY + 'system = "hanyu"\n', 5, "system", "not one of"),
        (ENTRY + 'kind = "people"\n', 5, "kind", "not one of"),
        (ENTRY + 'region = "china"\n', 5, "region", "not one of"),
        (ENTRY + 'order = "surname-first"\n', 5, "order", "not one of"),
        (ENTRY + 'kind = "term"\nregion = "mainland"\n', 6, "region", "people only"),
        (ENTRY + 'traditional = "楊潔"\n', 5, "traditional", "not as long"),
        (ENTRY + 'surname = "洁"\n', 5, "surname", "not how"),
        (ENTRY.replace("杨洁篪", "Yang"), 2, "hanzi", "not Han characters"),
        (ENTRY + "aliases = [1]\n", 5, "aliases", "list of strings"),
        (ENTRY + "notes = 3\n", 5, "notes", "must be a string"),
        ("# header\n" + ENTRY + "\n" + ENTRY, 7, "hanzi", "already defined"),
        ('title = "x"\n' + ENTRY, 1, "title", "unknown key"),
        (ENTRY + "\n[meta]\nversion = 1\n", 6, "meta", "unknown key"),
        (ENTRY + "notes = \n", 5, None, "not valid TOML"),
        ('# one\n[entry]\nhanzi = "杨洁篪"\n', 2, "entry", "[[entry]] tables"),
    ],
)
def test_bad_entries_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str | None, words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_glossary([path])
    error = info.value
    assert (error.path, error.line, error.field) == (str(path), line, field)
    assert words in error.message
    assert str(error).startswith(f"{path}:{line}:")


def test_second_entry_errors_point_into_the_second_block(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    second = (
        ENTRY.replace("杨洁篪", "王毅")
        .replace("Yáng Jiéchí", "Wáng Yī")
        .replace("Yang Jiechi", "Wang Yi")
    )
    path.write_text(ENTRY + "\n# the minister\n" + second, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_glossary([path])
    assert info.value.line == 9 and info.value.field == "pinyin"
    assert "'yī' is not a reading of 毅" in info.value.message


def test_same_characters_for_two_people_told_apart_by_notes(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    text = ENTRY + 'notes = "the diplomat"\n\n' + ENTRY + 'notes = "a namesake"\n'
    path.write_text(text, encoding="utf-8")
    assert len(load_glossary([path]).by_hanzi("杨洁篪")) == 2


def test_duplicates_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "b.toml").write_text(ENTRY, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_glossary([tmp_path / "a.toml", tmp_path / "b.toml"])
    assert info.value.path == str(tmp_path / "b.toml")


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_glossary([tmp_path / "absent.toml"])
    path = tmp_path / "latin1.toml"
    path.write_bytes(ENTRY.encode("utf-8") + b'notes = "caf\xe9"\n')
    with pytest.raises(DataError) as info:
        load_glossary([path])
    assert info.value.line == 5


@pytest.mark.parametrize(
    ("hanzi", "pinyin", "ok"),
    [
        ("西安", "Xī'ān", True),
        ("西安", "Xiān", False),  # one syllable for two characters
        ("曾国藩", "Zēng Guófān", True),
        ("东西", "dōngxi", True),  # neutral tone unmarked
        ("吕", "Lǚ", True),
        ("吕", "Lǔ", False),
        ("阿沛·阿旺晋美", "Āpèi Āwàng Jìnměi", True),
        ("刘", "Líu", False),  # tone mark on the wrong vowel
    ],
)
def test_pinyin_problem(hanzi: str, pinyin: str, ok: bool) -> None:
    assert (pinyin_problem(hanzi, pinyin) is None) is ok


# --- editing ---------------------------------------------------------------------

WANG = Entry(
    hanzi="王毅",
    traditional="",
    pinyin="Wáng Yì",
    english="Wang Yi",
    kind=Kind.PERSON,
    region="mainland",
    notes="Foreign minister.",
)


def test_add_inserts_sorted_and_keeps_comments(small: Path) -> None:
    before = small.read_text(encoding="utf-8")
    edit = GlossaryFile.open(small)
    edit.add(WANG)
    edit.save()
    after = small.read_text(encoding="utf-8")
    assert after.startswith("# A small house glossary for tests")
    assert "# the seed article's first name" in after
    assert (
        after.index('hanzi = "吕"') < after.index('hanzi = "王毅"') < after.index('hanzi = "西安"')
    )
    assert len(after.splitlines()) == len(before.splitlines()) + 9  # 8 lines and a blank
    assert load_glossary([small]).by_hanzi("王毅")[0].notes == "Foreign minister."


def test_add_to_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "g.toml"
    edit = GlossaryFile.open(path, create=True)
    edit.add(WANG)
    edit.save()
    assert path.read_text(encoding="utf-8").startswith('[[entry]]\nhanzi = "王毅"\n')
    assert load_glossary([path]).by_english("Wang Yi")


def test_replace_touches_only_changed_lines(small: Path) -> None:
    before = small.read_text(encoding="utf-8").splitlines()
    edit = GlossaryFile.open(small)
    old = edit.find("杨洁篪")[0]
    edit.replace(old, with_changes(old, notes="Foreign minister.", aliases=(), surname="杨"))
    edit.save()
    after = small.read_text(encoding="utf-8").splitlines()
    at = before.index('aliases = ["Yang Chieh-chih"]')
    expected = [*before[: at - 1], 'surname = "杨"', before[at - 1], *before[at + 1 :]]
    expected[expected.index('notes = "PRC foreign minister 2007-2013."')] = (
        'notes = "Foreign minister."'
    )
    assert after == expected
    entry = load_glossary([small]).by_hanzi("杨洁篪")[0]
    assert entry.surname == "杨" and entry.aliases == () and entry.notes == "Foreign minister."


def test_replace_keeps_a_trailing_comment_on_a_changed_line(small: Path) -> None:
    edit = GlossaryFile.open(small)
    old = edit.find("杨洁篪")[0]
    edit.replace(old, with_changes(old, hanzi="杨洁篪", surname="杨", region="historical"))
    edit.save()
    text = small.read_text(encoding="utf-8")
    assert 'region = "historical"' in text and 'surname = "杨"' in text
    assert 'hanzi = "杨洁篪"   # the seed article\'s first name' in text


def test_replace_multiline_value(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(
        ENTRY + 'aliases = [\n    "Yang Chieh-chih",  # Wade-Giles\n]\nnotes = "x"\n',
        encoding="utf-8",
    )
    edit = GlossaryFile.open(path)
    old = edit.entries[0]
    edit.replace(old, with_changes(old, aliases=("Yang C.",), notes="y"))
    edit.save()
    text = path.read_text(encoding="utf-8")
    assert text.endswith('aliases = ["Yang C."]\nnotes = "y"\n')
    assert load_glossary([path]).entries[0].aliases == ("Yang C.",)


def test_remove(small: Path) -> None:
    edit = GlossaryFile.open(small)
    edit.remove(edit.find("共同富裕")[0])
    edit.save()
    glossary = load_glossary([small])
    assert not glossary.by_hanzi("共同富裕") and glossary.by_hanzi("林郑月娥")


def test_invalid_change_is_refused_and_nothing_written(small: Path) -> None:
    before = small.read_bytes()
    edit = GlossaryFile.open(small)
    old = edit.find("杨洁篪")[0]
    with pytest.raises(DataError) as info:
        edit.replace(old, with_changes(old, pinyin="Yáng Jiéchì"))
    assert info.value.field == "pinyin"
    with pytest.raises(DataError):
        edit.add(with_changes(WANG, english="Wang Yee"))
    with pytest.raises(DataError, match="already defined"):
        edit.add(with_changes(old, notes=""))
    edit.save()
    assert small.read_bytes() == before


def test_changed_on_disk_is_refused(small: Path) -> None:
    edit = GlossaryFile.open(small)
    edit.add(WANG)
    small.write_text(small.read_text(encoding="utf-8") + "\n# someone else\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="changed on disk"):
        edit.save()
    assert "王毅" not in small.read_text(encoding="utf-8")


def test_save_checks_digest_from_an_earlier_load(small: Path) -> None:
    glossary = load_glossary([small])
    digest = glossary.digests[str(small)]
    small.write_text(small.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edit = GlossaryFile.open(small)
    edit.add(WANG)
    with pytest.raises(GlossaryError, match="changed on disk"):
        edit.save(expected_digest=digest)


def test_by_hanzi_accepts_middle_dot_lookalikes() -> None:
    glossary = load_glossary([FIXTURES / "dotted.toml"])
    for dot in "·・•‧":
        assert glossary.by_hanzi(f"阿沛{dot}阿旺晋美"), dot


def test_a_reading_only_cc_cedict_knows_is_accepted() -> None:
    # 操 is cāo in pypinyin's table; CC-CEDICT also has cào (a real reading).
    assert pinyin_problem("操", "cào") is None
    assert "not a reading" in (pinyin_problem("操", "cǎo") or "")


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    path.write_bytes(SMALL.read_bytes().replace(b"\n", b"\r\n"))
    edit = GlossaryFile.open(path)
    edit.add(WANG)
    old = edit.find("杨洁篪")[0]
    edit.replace(old, with_changes(old, notes="Changed."))
    edit.save()
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert load_glossary([path]).by_hanzi("杨洁篪")[0].notes == "Changed."
    assert load_glossary([path]).by_hanzi("王毅")


def test_a_damaged_cache_is_not_trusted(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossary import house

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))
    house.clear_cache()
    assert len(load_glossary([small])) == 6
    (cached,) = (tmp_path / "cache").glob("house-*.json")
    cached.write_text('[{"hanzi": "x"}]', encoding="utf-8")
    house.clear_cache()
    assert len(load_glossary([small])) == 6


def test_another_traditional_form_finds_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "places.toml"
    path.write_text(
        '[[entry]]\nhanzi = "台湾"\ntraditional = "臺灣"\npinyin = "Táiwān"\n'
        'english = "Taiwan"\nkind = "place"\n',
        encoding="utf-8",
    )
    glossary = load_glossary([path])
    assert glossary.by_hanzi("台灣") and glossary.by_hanzi("臺灣") and glossary.by_hanzi("台湾")
    assert glossary.by_hanzi("北京") == []


def test_entry_equality_ignores_where_it_was_read() -> None:
    """Entry is a NamedTuple that keeps the frozen dataclass's semantics: `path` and `line`
    take no part in ==, != or hash, only entries compare equal, and fields cannot be set."""
    here = with_changes(WANG, path="a.toml", line=3)
    there = WANG._replace(path="b.toml", line=9)
    assert operator.eq(here, there) and not operator.ne(here, there)
    assert hash(here) == hash(there) and len({here, there, WANG}) == 1
    assert (here.path, here.line) == ("a.toml", 3)
    other = with_changes(WANG, notes="Another Wang Yi.")
    assert operator.ne(other, WANG) and not operator.eq(other, WANG)
    assert hash(other) != hash(WANG)
    as_tuple = tuple(WANG)
    for left, right in ((WANG, as_tuple), (as_tuple, WANG)):
        assert operator.ne(left, right) and not operator.eq(left, right)
    with pytest.raises(AttributeError):
        WANG.notes = "changed"  # type: ignore[misc]
    with pytest.raises(ValueError):
        with_changes(WANG, nickname="x")
    assert WANG.english_forms == (WANG.english, *WANG.aliases)


def test_a_file_named_twice_is_loaded_once(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A configured glossary listed twice, or a shipped file named again (in another spelling
    of its path), is one file: not a crash, not every entry a duplicate of itself."""
    once = load_glossary([small])
    again = load_glossary([small, tmp_path / "." / small.name, small])
    assert len(again) == len(once) > 0
    shipped = default_paths()
    if not shipped:
        pytest.skip("no shipped glossary")
    monkeypatch.chdir(shipped[0].parent.parent)
    relative = Path(shipped[0].parent.name) / shipped[0].name  # dictionaries/people.toml
    assert len(load_glossary([*shipped, relative, small])) == len(load_glossary([*shipped, small]))
