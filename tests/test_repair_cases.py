"""Small cases, one behaviour each: what is repaired, how lost bytes are chosen, what is left."""

from __future__ import annotations

import pytest

from glossary.repair import find_repairs, repair_text
from glossary.repair.charmaps import (
    corrupt_cp1252,
    corrupt_double,
    corrupt_gbk_as_cp1252,
    corrupt_seed,
)
from tests.test_repair_corpus import ARTICLES, _article, _assert_nothing_invented


def test_adjacent_pinyin_picks_among_the_ten_candidates() -> None:
    broken = corrupt_seed("Yáng Jiéchí 杨洁篪")
    (name,) = [r for r in find_repairs(broken) if "杨" in r.replacement]
    assert name.replacement == "杨洁篪" and name.confidence >= 0.9
    # Without the pinyin, 杨 (E6 9D A8, 9D dropped) is one of several candidates.
    alone = find_repairs(corrupt_seed("“杨”"))
    undecided = [r for r in alone if not r.recoverable and "杨" in r.candidates]
    assert len(undecided) == 1 and {"杨", "恨"} <= set(undecided[0].candidates)
    # The closing quote is held back too: a second pass would read its 0x94 as
    # the byte 杨 lost.
    assert repair_text(corrupt_seed("“杨”"))[0] == "“" + corrupt_seed("杨”")


def test_pinyin_after_the_characters_counts_too() -> None:
    assert repair_text(corrupt_seed("杨洁篪 (Yáng Jiéchí) said"))[0] == "杨洁篪 (Yáng Jiéchí) said"


def test_pinyin_word_decides_a_lost_tone_mark() -> None:
    # ā is C4 81; 0x81 was dropped, leaving ā, č, ď, Đ or ĝ: only ā makes pinyin.
    assert repair_text(corrupt_seed("“Zhāng Lǐ”"))[0] == "“Zhāng Lǐ”"


def test_dictionary_words_decide_in_chinese_text() -> None:
    # 经 (E7 BB 8F) lost 0x8F: 经, 绍, 结, 绝 fit; only 经贸 is a word.
    assert repair_text(corrupt_seed("“双方举行经贸磋商。”"))[0] == "“双方举行经贸磋商。”"


def test_script_of_the_text_breaks_a_tie() -> None:
    # 龙 and 龍 both read lóng; the text around is simplified.
    broken = corrupt_double("Lǚ Xiǎolóng 吕小龙, a delegate", "gb18030")
    assert repair_text(broken)[0] == "Lǚ Xiǎolóng 吕小龙, a delegate"


@pytest.mark.parametrize(
    ("broken", "clean"),
    [
        (corrupt_cp1252("café “naïve” Zhōu"), "café “naïve” Zhōu"),
        (corrupt_cp1252("Zhōu Ēnlái 周恩来", times=2), "Zhōu Ēnlái 周恩来"),
        (corrupt_cp1252("Yáng 杨洁篪 said", strict=True), "Yáng 杨洁篪 said"),
        (corrupt_double("杨洁篪说：“好。”", "gb18030"), "杨洁篪说：“好。”"),
        ("Yang Jiechi " + corrupt_gbk_as_cp1252("杨洁篪") + " met", "Yang Jiechi 杨洁篪 met"),
        ("Premier " + corrupt_double("Lǐ Qiáng", "gb18030"), "Premier Lǐ Qiáng"),
    ],
)
def test_each_chain(broken: str, clean: str) -> None:
    assert broken != clean
    assert repair_text(broken)[0] == clean


def test_partly_damaged_text_keeps_its_clean_parts() -> None:
    clean = "Haass wrote: “To do so means…” • Yáng Jiéchí 杨洁篪 — ok"
    broken = clean.replace("Yáng Jiéchí 杨洁篪", corrupt_seed("Yáng Jiéchí 杨洁篪"))
    repaired, repairs = repair_text(broken)
    assert repaired == clean
    assert all(broken[r.start : r.end] == r.original for r in repairs)
    assert min(r.start for r in repairs) == broken.index("รก")  # nothing before the name


@pytest.mark.parametrize(
    "text",
    [
        "São Paulo, ação, Müller, Straße, Fuß», naïve, Ærø",
        "วันนี้อากาศดีมาก ๆ เราจึงออกไปเดินเล่น",
        "เด็ก ๆ “ไป…” รก",
        "Привет, «откровенно» — съезд",
        "国务院副总理何立峰周六率团抵达日内瓦。龍與鳳。",
        "Nǚ'érguó, Xī’ān, Lǚshùn, lüè",
        "Price: €12.50, ¥38, ฿60, 5 °C, ½ cup",
        "東京都は月曜日、新しい計画を発表した。ひらがなとカタカナも使う。",
        "서울에서 회담이 열렸다. 한국어 문장입니다.",
        "總統賴清德週一在高雄視察海軍基地，並發表談話。龜兔賽跑，鬱鬱蔥蔥。",
        "Español: ¿Qué tal? ¡Muy bien! «Hola» — dijo él. Año, niño, pingüino.",
        "Français : « Ça va ? » — Oui, très bien ; l’été est là. Œuvre, cœur.",
        "Türkçe: İstanbul, Şişli, çağ. Polski: Łódź, źdźbło. Čeština: kůň úpěl ďábelské ódy.",
        "math: 5 × 3 ÷ 2 ± 1, 90°, ½, ¼, ¾, µ, ©, ®, ™, §, ¶ and 😀 🇨🇳 ‰",
    ],
)
def test_clean_text_in_many_scripts_is_left_alone(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_lost_bytes_are_reported_not_invented() -> None:
    for text in ("x \ufffd\ufffd y", "名字：锟斤拷锟斤拷"):
        repaired, repairs = repair_text(text)
        assert repaired == text
        assert len(repairs) == 1 and not repairs[0].recoverable
        assert repairs[0].candidates == ()
        assert "lost" in repairs[0].chain


def test_empty_and_ascii() -> None:
    assert repair_text("") == ("", [])
    assert repair_text("plain ASCII, nothing to do.\n") == ("plain ASCII, nothing to do.\n", [])


def test_known_names_are_offered_for_a_gap_but_never_filled_in() -> None:
    text = "Yáng Jiéchí \ufffd\ufffd篪 said"
    repaired, (report,) = repair_text(text)
    assert repaired == text and not report.recoverable
    assert (report.start, report.end) == (12, 14)
    assert "杨洁" in report.candidates  # 杨洁篪 is the known name read yáng jié chí


NAMES = [
    ("Xí Jìnpíng", "习近平"),
    ("Lǐ Qiáng", "李强"),
    ("Wáng Yì", "王毅"),
    ("Hú Jǐntāo", "胡锦涛"),
    ("Zhū Róngjī", "朱镕基"),
    ("Zhā Liángyōng", "查良镛"),
    ("Piáo Jǐnhuì", "朴槿惠"),
    ("Zhuó Róngtài", "卓荣泰"),
    ("Sūn Zhōngshān", "孙中山"),
    ("Ōuyáng Xiū", "欧阳修"),
    ("Sīmǎ Qiān", "司马迁"),
    ("Zhào Lèjì", "赵乐际"),
    ("Dīng Xuēxiáng", "丁薛祥"),
    ("Wáng Hùníng", "王沪宁"),
    ("Lǚ Xiǎolóng", "吕小龙"),
]


@pytest.mark.parametrize(
    "corrupt",
    [
        corrupt_seed,
        lambda t: corrupt_cp1252(t, strict=True),
        lambda t: corrupt_double(t, "gb18030"),
    ],
    ids=["seed", "cp1252-strict", "gb18030"],
)
def test_names_with_their_pinyin_come_back(corrupt) -> None:  # type: ignore[no-untyped-def]
    for pinyin, hanzi in NAMES:
        for name in (f"{pinyin} {hanzi}", f"{hanzi} ({pinyin})"):
            clean = f"The official, {name}, said the talks were “useful.”"
            assert repair_text(corrupt(clean))[0] == clean


BRIEF = """Premier Lǐ Qiáng 李强 said growth would reach “around 5%” — a target set in March…
  • The statement (《人民日报》, page 1) quoted Wáng Yì 王毅: “合作共赢，互利互惠。”
  • Analysts at Nomura — including Lù Tíng 陆挺 — called it ‘ambitious’. It hit 38°C.
Ōuyáng Xiū 欧阳修 and Sīmǎ Qiān 司马迁 were cited; so was 鲁迅.
Prices: €12, ¥80, £9 — up 3½%."""


def test_a_brief_through_the_seeds_pipeline_comes_back_exactly() -> None:
    repaired, repairs = repair_text(corrupt_seed(BRIEF))
    assert repaired == BRIEF
    assert all(r.recoverable for r in repairs)


def test_no_break_spaces_between_accented_capitals_stay() -> None:
    # Found by hypothesis: C0 A0 read as GBK is a rare character, and A0 after a
    # letter is a no-break space, not half of a Chinese character.
    assert repair_text("À\u00a0À\u00a0") == ("À\u00a0À\u00a0", [])


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("¡Ojalá!", "gb18030"),  # ¡ (C2 A1) is 隆, glued to a capital
        ("¡Ojalá!", "big5"),
        ("Paris, ¥38 in", "gb18030"),  # ¥ (C2 A5) is 楼, glued to an amount
        ("Paris, ¥38 in", "big5"),
        ("Vice Premier Hé", "big5"),  # é is 矇: one letter, glued to a Latin word
        ("les négociateurs ont", "big5"),
        ("Minh đều ghi", "gb18030"),  # đ (膽) glued to ều, a letter of three bytes
        ("поздно вечером в", "gb18030"),  # поздно: а-п only, a whole word of six
        ("в субботу.", "gb18030"),  # субботу is evidence enough for в
    ],
)
def test_lone_two_byte_characters_in_gbk_and_big5(clean: str, codec: str) -> None:
    assert repair_text(corrupt_double(clean, codec))[0] == clean


def test_a_rare_character_beyond_the_bmp_comes_back() -> None:
    clean = "招牌上的𠮷字"  # U+20BB7: four bytes, no known reading
    assert repair_text(corrupt_cp1252(clean))[0] == clean
    # ... and through GB18030, inside a run of Chinese mojibake.
    assert (
        repair_text(corrupt_double(clean + "保留原樣。\n", "gb18030"))[0] == clean + "保留原樣。\n"
    )


def test_traditional_gbk_with_ascii_trail_bytes_read_as_cp1252() -> None:
    # 週 is GBK 9C 73 and 臺 is C5 5F: their trail bytes are ASCII (s, _).
    clean = "臺北市週三公布的消息。"
    broken = corrupt_gbk_as_cp1252(clean)
    assert "_" in broken
    assert repair_text(broken)[0] == clean


def test_gbk_mojibake_is_not_read_as_utf8_of_other_scripts() -> None:
    # 票價 through GBK and cp1252 is Æ±ƒr: Æ± is also UTF-8 for Ʊ, which is wrong.
    broken = corrupt_gbk_as_cp1252("iPhone的售價")
    repaired = repair_text(broken)[0]
    assert repaired in ("iPhone的售價", broken)


@pytest.mark.parametrize(
    "clean",
    [
        # Traditional characters (GBK's extension rows: 獺 AB 48, 搶 93 8C, 聽 C2 A0) in a
        # long run of everyday Chinese: evidence on its own, no other mojibake needed.
        "颱風過後，淡水河邊的水獺又出來覓食，志工們忙著搶救被沖走的巢穴。",
        "圖書館週末開放到晚上九點，聽說還會加開兩場講座。",
        # Glued to a Latin word: two or more everyday characters read as Chinese.
        "the new iPad的螢幕更亮",
        "Samsung公司說價格不變",
        "他用MacBook寫報告、聽音樂。",
    ],
)
def test_traditional_gbk_read_as_cp1252_comes_back(clean: str) -> None:
    broken = corrupt_gbk_as_cp1252(clean)
    assert repair_text(broken)[0] == clean


def test_a_name_in_a_latin_line_is_not_chosen_by_dictionary_words() -> None:
    # 平 lost its last byte (U+FFFD); 牛年 is a word, but 叶牛平 is a name.
    broken = corrupt_double("叶牛平, said orders", "gb18030")
    repaired, repairs = repair_text(broken)
    assert "年" not in repaired
    assert repaired.startswith("叶牛")
    assert any(not r.recoverable and {"平", "年"} <= set(r.candidates) for r in repairs)


def test_a_sentence_cut_inside_a_quotation_does_not_get_a_full_stop() -> None:
    # 、 (E3 80 81) at the very end lost its last byte; the quotation is still open,
    # so the text was cut mid-sentence and 。 would be a guess.
    broken = corrupt_double("会谈“坦率、深入、", "gb18030")
    assert "。" not in repair_text(broken)[0]
    # With nothing left open, 。 is what ends the line.
    assert repair_text(corrupt_double("会谈“坦率”。\n", "gb18030"))[0] == "会谈“坦率”。\n"
    assert repair_text(corrupt_double("会谈坦率、深入。", "gb18030"))[0] == "会谈坦率、深入。"


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "big5", "cp950", "big5hkscs"])
@pytest.mark.parametrize("name", ARTICLES)
def test_every_code_page_variant_never_yields_wrong_text(codec: str, name: str) -> None:
    """GBK and GB18030 (and Big5, cp950, Big5-HKSCS) reject different bytes: a lost byte
    is filled only where every variant agrees, else left and reported."""
    text = _article(name)
    for part in (text, *text.split("\n")):
        broken = corrupt_double(part, codec)
        _assert_nothing_invented(part, broken, repair_text(broken)[0])


def test_a_closing_bracket_is_not_guessed_while_the_line_hides_one() -> None:
    # 」 after 燊記 is broken too: the lost 。 at the end must not become a second 」.
    broken = corrupt_double("「燊記」老店將遷往新址，招牌上的𠮷字保留原樣。", "gb18030")
    assert not repair_text(broken)[0].endswith("」")


@pytest.mark.parametrize(
    "text",
    # Found by a longer random search: a letter glued after a decoded no-break space,
    # and a no-break space that Big5 would read as ť once é was repaired.
    ["Beijing Beijing聽艑uy谩ng ", "Beijing caf茅聽Beijing聽"],
)
def test_repair_is_idempotent_around_no_break_spaces(text: str) -> None:
    once = repair_text(text)[0]
    assert repair_text(once)[0] == once


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        ("[杨洁篪](https://example.org) said", "gb18030"),  # ] is a GBK trail byte
        ("他说{好}", "gb18030"),
        ("王毅@外交部", "gb18030"),
        ("ghi nhận mức", "big5"),  # n after ậ goes on the Latin word
    ],
)
def test_an_ascii_byte_swallowed_by_a_pair_still_comes_back(clean: str, codec: str) -> None:
    assert repair_text(corrupt_double(clean, codec))[0] == clean
