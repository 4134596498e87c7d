"""romanize(): orthography, surname readings, sources, ambiguity, traditional input."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.chars import readings
from glossary.house import load_glossary
from glossary.pinyin import join_syllables
from glossary.romanize import NotAName, Source, acceptable_readings, romanize
from glossary.surnames import surname_table

RULES = {Source.RULES}


def rules(name: str) -> str:
    return romanize(name, sources=RULES).pinyin


# --- orthography (GB/T 28039, GB/T 16159) ----------------------------------------------


def test_surname_first_given_name_one_word_with_capitals() -> None:
    result = romanize("杨洁篪", sources=RULES)
    assert result.pinyin == "Yáng Jiéchí"
    assert result.english == "Yang Jiechi"
    assert result.numbered == "Yang2 Jie2chi2"
    assert (result.surname, result.given) == ("杨", "洁篪")


def test_compound_surname_is_one_word() -> None:
    assert rules("欧阳修") == "Ōuyáng Xiū"
    assert rules("司马光") == "Sīmǎ Guāng"
    assert rules("诸葛亮") == "Zhūgě Liàng"
    assert rules("尉迟恭") == "Yùchí Gōng"
    assert rules("万俟卨") == "Mòqí Xiè"
    assert rules("长孙无忌") == "Zhǎngsūn Wújì"
    assert rules("令狐冲") == "Línghú Chōng"
    assert rules("上官婉儿").startswith("Shàngguān ")


def test_apostrophe_before_a_o_e_inside_a_word_only() -> None:
    assert rules("张海鸥") == "Zhāng Hǎi'ōu"
    assert rules("李西安") == "Lǐ Xī'ān"
    assert romanize("张海鸥", sources=RULES).english == "Zhang Hai'ou"
    assert rules("王安") == "Wáng Ān"  # a word-initial vowel takes no apostrophe
    assert rules("欧阳修").startswith("Ōuyáng")


def test_u_umlaut_kept_with_and_without_tones() -> None:
    result = romanize("吕和平", sources=RULES)
    assert result.pinyin == "Lǚ Hépíng"
    assert result.english == "Lü Heping"
    assert result.numbered.startswith("Lü3 ")
    assert romanize("聂女", sources=RULES).pinyin == "Niè Nǚ"


def test_tone_mark_placement() -> None:
    assert rules("刘贵") == "Liú Guì"  # iu -> u, ui -> i
    assert rules("欧阳修").startswith("Ōu")  # ou -> o
    assert rules("谢雪") == "Xiè Xuě"  # e wins


def test_single_character_is_a_surname_alone() -> None:
    result = romanize("曾", sources=RULES)
    assert result.pinyin == "Zēng"
    assert (result.surname, result.given) == ("曾", "")


# --- surnames ----------------------------------------------------------------------------

# Hand-checked: each polyphonic surname in a name of unambiguous given-name characters.
EXPECTED_SURNAMES = {
    "曾": "Zēng", "单": "Shàn", "解": "Xiè", "仇": "Qiú", "区": "Ōu", "查": "Zhā", "朴": "Piáo",
    "盖": "Gě", "缪": "Miào", "覃": "Qín", "种": "Chóng", "华": "Huà", "翟": "Zhái", "薄": "Bó",
    "令": "Lìng", "阚": "Kàn", "董": "Dǒng", "燕": "Yān", "召": "Shào", "乐": "Yuè", "尉": "Wèi",
    "长": "Cháng", "沈": "Shěn", "过": "Guō", "秘": "Bì", "繁": "Pó", "员": "Yùn", "宁": "Nìng",
}  # fmt: skip


@pytest.mark.parametrize(("hanzi", "expected"), sorted(EXPECTED_SURNAMES.items()))
def test_hand_checked_surname_reading(hanzi: str, expected: str) -> None:
    result = romanize(hanzi + "建国", sources=RULES)
    assert result.pinyin == f"{expected} Jiànguó"
    assert result.surname == hanzi


def _polyphonic_rows() -> list[tuple[str, str]]:
    rows = []
    for surname in surname_table():
        own = [readings(c) for c in surname.hanzi]
        if any(len(r) > 1 for r in own) or any(
            not r or r[0] != s for r, s in zip(own, surname.preferred, strict=True)
        ):
            rows.append((surname.hanzi, join_syllables(surname.preferred)))
    return rows


@pytest.mark.parametrize(("hanzi", "reading"), _polyphonic_rows())
def test_every_polyphonic_surname_of_the_table(hanzi: str, reading: str) -> None:
    result = romanize(hanzi + "建国", sources=RULES)
    assert result.surname == hanzi
    assert join_syllables(result.surname_syllables) == reading


def test_ambiguous_surname_says_so_and_offers_both() -> None:
    result = romanize("乐嘉", sources=RULES)
    assert result.ambiguous
    assert result.pinyin == "Yuè Jiā"
    assert result.alternatives == ("Lè Jiā",)
    assert any("乐" in note for note in result.notes)


def test_compound_that_may_be_a_single_surname_is_ambiguous() -> None:
    result = romanize("单于丹", sources=RULES)
    assert result.pinyin == "Chányú Dān"
    assert result.ambiguous
    assert "Shàn Yúdān" in result.alternatives


def test_four_characters_may_be_a_double_surname() -> None:
    result = romanize("范徐丽泰", sources=RULES)
    assert result.pinyin == "Fàn-Xú Lìtài"
    assert result.english == "Fan-Xu Litai"
    assert result.numbered == "Fan4-Xu2 Li4tai4"
    assert (result.surname, result.given) == ("范徐", "丽泰")
    assert result.ambiguous and "Fàn Xúlìtài" in result.alternatives
    assert any("double surname" in note for note in result.notes)


@pytest.mark.parametrize(
    ("name", "pinyin", "traditional"),
    [
        ("陈方安生", "Chén-Fāng Ānshēng", "陳方安生"),
        ("陳方安生", "Chén-Fāng Ānshēng", "陳方安生"),
        ("叶刘淑仪", "Yè-Liú Shūyí", "葉劉淑儀"),
        ("梁刘柔芬", "Liáng-Liú Róufēn", "梁劉柔芬"),
        # The second surname keeps its name reading (曾 Zēng, not céng as a given name).
        ("范曾丽华", "Fàn-Zēng Lìhuá", "范曾麗華"),
    ],
)
def test_hong_kong_married_name_is_a_double_surname(
    name: str, pinyin: str, traditional: str
) -> None:
    result = romanize(name, sources=RULES)
    assert result.pinyin == pinyin
    assert result.traditional == traditional
    assert result.ambiguous and len(result.alternatives) >= 1
    assert len(result.syllables) == 4


def test_double_surname_offers_both_readings_of_an_ambiguous_half() -> None:
    result = romanize("乐单安生", sources=RULES)
    assert result.pinyin == "Yuè-Shàn Ānshēng"
    assert result.alternatives == ("Lè-Shàn Ānshēng", "Yuè Dān'ānshēng")


def test_compound_surname_is_not_a_double_surname() -> None:
    result = romanize("欧阳予倩", sources=RULES)
    assert result.pinyin == "Ōuyáng Yúqiàn"
    assert "-" not in result.pinyin


def test_three_characters_are_never_a_double_surname() -> None:
    assert rules("方安生") == "Fāng Ānshēng"


def test_unknown_surname_character_still_reads() -> None:
    result = romanize("丂明", sources=RULES)
    assert result.surname == "丂" and result.given == "明"
    assert any("surname table" in note for note in result.notes)


# --- sources -----------------------------------------------------------------------------


def test_house_glossary_wins_and_keeps_established_forms() -> None:
    result = romanize("蔡英文")
    assert result.source is Source.HOUSE
    assert result.english == "Tsai Ing-wen"
    assert result.pinyin == "Cài Yīngwén"
    assert result.entry is not None and result.entry.hanzi == "蔡英文"
    assert romanize("杨洁篪").source is Source.HOUSE


def test_cedict_person_is_respaced_per_gb_t_28039() -> None:
    result = romanize("曾国藩", sources={Source.CEDICT})
    assert result.source is Source.CEDICT
    assert result.pinyin == "Zēng Guófān"
    assert result.numbered == "Zeng1 Guo2fan1"
    compound = romanize("欧阳修", sources={Source.CEDICT})
    assert compound.pinyin == "Ōuyáng Xiū" and compound.surname == "欧阳"


def test_cedict_three_words_are_a_double_surname() -> None:
    # CC-CEDICT: 陳方安生 [Chen2 Fang1 An1 sheng1] - three words, two of them surnames.
    result = romanize("陳方安生", sources={Source.CEDICT})
    assert result.source is Source.CEDICT
    assert result.pinyin == "Chén-Fāng Ānshēng"
    assert result.english == "Chen-Fang Ansheng"
    assert result.numbered == "Chen2-Fang1 An1sheng1"
    assert (result.surname, result.given) == ("陈方", "安生")


def test_cedict_short_form_of_a_double_surname_is_hyphenated() -> None:
    # 林郑 "Carrie Lam ..., full name 林郑月娥[Lin2 Zheng4 Yue4 e2]": the double surname alone.
    result = romanize("林鄭", sources={Source.CEDICT})
    assert result.pinyin == "Lín-Zhèng" and result.english == "Lin-Zheng"
    assert (result.surname, result.given, result.numbered) == ("林郑", "", "Lin2-Zheng4")


@pytest.mark.parametrize(
    ("name", "pinyin"),
    [("刘禅", "Liú Shàn"), ("曾参", "Zēng Shēn"), ("范蠡", "Fàn Lǐ"), ("米芾", "Mǐ Fú")],
)
def test_historical_special_readings_come_from_cedict(name: str, pinyin: str) -> None:
    """Readings no rule derives (禅 Shàn, 参 Shēn): person knowledge, from CC-CEDICT."""
    result = romanize(name)
    assert result.source is Source.CEDICT
    assert result.pinyin == pinyin


def test_cedict_comes_before_rules() -> None:
    assert romanize("曾国藩", sources={Source.CEDICT, Source.RULES}).source is Source.CEDICT
    assert romanize("曾建国", sources={Source.CEDICT, Source.RULES}).source is Source.RULES


def test_without_rules_an_unknown_name_is_not_a_name() -> None:
    with pytest.raises(NotAName):
        romanize("曾建国", sources={Source.HOUSE, Source.CEDICT})


def test_house_double_barrel_surname_takes_a_hyphen(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[entry]]\nhanzi = "范徐丽泰"\ntraditional = "范徐麗泰"\npinyin = "Fàn-Xú Lìtài"\n'
        'english = "Rita Fan"\nsystem = "established"\nkind = "person"\nsurname = "范徐"\n'
        'region = "hong-kong"\norder = "western"\n',
        encoding="utf-8",
    )
    result = romanize("范徐丽泰", glossary=load_glossary([path]))
    assert result.source is Source.HOUSE
    assert result.surname == "范徐" and result.given == "丽泰"
    assert result.pinyin == "Fàn-Xú Lìtài"
    assert result.english == "Rita Fan"
    assert result.numbered == "Fan4-Xu2 Li4tai4"
    assert not result.ambiguous


def test_house_entry_resolves_an_ambiguous_surname(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        '[[entry]]\nhanzi = "乐嘉"\npinyin = "Lè Jiā"\nenglish = "Le Jia"\n', encoding="utf-8"
    )
    result = romanize("乐嘉", glossary=load_glossary([path]))
    assert (result.pinyin, result.ambiguous, result.source) == ("Lè Jiā", False, Source.HOUSE)


# --- scripts -----------------------------------------------------------------------------


def test_traditional_input() -> None:
    result = romanize("楊潔篪", sources=RULES)
    assert result.pinyin == "Yáng Jiéchí"
    assert result.simplified == "杨洁篪"
    assert result.traditional == "楊潔篪"
    assert romanize("楊潔篪").source is Source.HOUSE
    assert romanize("歐陽修", sources=RULES).pinyin == "Ōuyáng Xiū"
    assert romanize("區家麟", sources=RULES).pinyin.startswith("Ōu ")


def test_traditional_form_of_surname_comes_from_the_table() -> None:
    # OpenCC alone would not know that the surname 范 stays 范.
    assert romanize("范建国", sources=RULES).traditional == "范建國"
    assert romanize("杨洁篪", sources=RULES).traditional == "楊潔篪"


def test_character_conversion_does_not_change_the_reading() -> None:
    # OpenCC turns 乾 into 干 (gàn); the reading follows the character as written.
    assert romanize("萧乾", sources=RULES).pinyin == "Xiāo Qián"


# --- not a name --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "Yang Jiechi", "杨a", "杨洁篪!", "一二三四五六七八"])
def test_not_a_name(text: str) -> None:
    with pytest.raises(NotAName):
        romanize(text)


def test_transliterated_name_with_middle_dot() -> None:
    result = romanize("阿沛·阿旺晋美", sources=RULES)
    assert result.pinyin == "Āpèi Āwàngjìnměi"
    assert result.surname == ""


# --- what the checker needs ----------------------------------------------------------------


def test_acceptable_readings_limit_the_surname() -> None:
    options = acceptable_readings("曾国藩")
    assert [s.marked for s in options[0]] == ["zēng"]
    assert {s.marked for s in options[2]} >= {"fān"}
    ambiguous = acceptable_readings("乐嘉")
    assert {s.marked for s in ambiguous[0]} == {"yuè", "lè"}


def test_acceptable_readings_include_the_house_form() -> None:
    options = acceptable_readings("杨洁篪")
    assert [s.marked for s in options[0]] == ["yáng"]
    assert "chí" in {s.marked for s in options[2]}


def test_acceptable_readings_keep_the_single_surname_split_possible() -> None:
    options = acceptable_readings("单于丹")
    assert {s.marked for s in options[0]} >= {"chán", "shàn"}


def test_given_name_readings_table_is_valid_and_used() -> None:
    from glossary.romanize import given_name_readings

    table = given_name_readings()
    assert table and all(s in readings(c) for c, s in table.items())
    assert rules("李长春") == "Lǐ Chángchūn"  # not zhǎng
    assert rules("孙少平") == "Sūn Shàopíng"  # not shǎo
    assert rules("王荫堂") == "Wáng Yìntáng"  # 荫 统读 yìn (审音表); pypinyin's first is yīn


def test_given_name_reading_follows_other_peoples_names() -> None:
    # Counts over CC-CEDICT's people, leaving the name itself out.
    assert rules("王华") == "Wáng Huá"


def test_a_compound_surname_alone_is_the_surname() -> None:
    result = romanize("欧阳", sources=RULES)
    assert (result.pinyin, result.surname, result.given) == ("Ōuyáng", "欧阳", "")
    rare = romanize("钟离", sources=RULES)
    assert rare.pinyin == "Zhōnglí" and rare.ambiguous and rare.alternatives == ("Zhōng Lí",)


def test_cedict_answer_keeps_traditional_input() -> None:
    result = romanize("曾國藩", sources={Source.CEDICT})
    assert (result.simplified, result.traditional) == ("曾国藩", "曾國藩")


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("长\tcháng\n", None, "3 tab-separated"),
        ("长长\tcháng\t-\n", "hanzi", "one Han character"),
        ("长\tchang\t-\n", "reading", "tone-marked"),
        ("长\tmíng\t-\n", "reading", "reading of 长"),
        ("长\tcháng\t-\n长\tzhǎng\t-\n", "hanzi", "listed twice"),
    ],
)
def test_bad_given_name_rows_name_file_line_and_field(
    tmp_path: Path, row: str, field: str | None, message: str
) -> None:
    from glossary.errors import DataError
    from glossary.romanize import load_given_names

    path = tmp_path / "given_names.tsv"
    path.write_text("# header\n" + row, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_given_names(path)
    assert caught.value.field == field and message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{row.count(chr(10)) + 1}:")


def test_simplified_form_of_a_known_name_comes_from_cedict() -> None:
    assert romanize("蕭乾", sources=RULES).simplified == "萧乾"
    assert romanize("萧乾", sources=RULES).simplified == "萧乾"
