"""Clean text that looks most like GBK or Big5 mojibake must come back byte-identical.

Each line is genuine text built to sit where a decoder's rule would fire: a Han
character glued to a Latin word or a number, a lone character between English
words, runs of the characters that Cyrillic а-п turn into when read as GBK,
traditional characters that Big5 mojibake of accented letters is made of, and
rare characters beyond the Basic Multilingual Plane.
"""

from __future__ import annotations

import pytest

from glossary.repair import repair_text

CLEAN = [
    # Han glued to Latin letters and digits (GBK/Big5 readings exist for several).
    "A股和B股的差价收窄，X光与T恤的广告也多了。",
    "他用iPad聽音樂，用iPhone看書。",
    "Apple蘋果的官方價格沒有變。",
    "新店在3楼，旧店在楼3层。",
    "第3季度的订单约3成来自海外。",
    "卡拉OK店的老板姓茅。",
    # A lone character between English words: it may be the subject of the sentence.
    "The character 禄 means an official's salary.",
    "The surname 芦 is rare; 眉 means eyebrow.",
    "Write 楼 for a storey and 隆 for grand.",
    "In Taipei the sign read 獺 (otter) and 瞼 (eyelid).",
    # The characters Cyrillic а-п become in GBK, in genuine Chinese.
    "谢谢你写的信。",
    "芯片、蟹黄和薪水，写在一张纸上。",
    "他说：谢谢。",
    # Traditional text of the rows Big5 mojibake of accented letters comes from.
    "矇矓的月光下，水獺在河邊游。",
    "羹湯與蘋果派都賣完了。",
    # Rare characters, also beyond the BMP, and with English.
    "招牌上的𠮷字与喆、堃、燊一样少见。",
    "Mr Zhèng 鄭喆 and Ms Lín 林堃 opened the 燊記 shop.",
    "Prices: ¥38 in Shanghai, £12 in London, «quoted» in Paris.",
    # Dictionary-style lines: traditional and simplified side by side, ASCII glued to Han
    # (found by running the repair over CC-CEDICT, which is clean).
    "A片 A片 [A pian4] /film/\n圈a 圈a [quan1 a] /sign/",
    "北鎮滿族自治縣 北镇满族自治县 [Bei3 zhen4]\n前鎮區 前镇区 [Qian2 zhen4 qu1]",
    "反璞歸真|返璞歸真 [fan3 pu2 gui1 zhen1]",
    # Latin-1 signs that pair up as GBK read as cp1252 (found by a longer random search).
    "Beijing U.S.\u00a0¿°C in May",  # not 牽癈
    "¡°C!",  # not “C
    # Accented Latin words whose letters pair up as GBK (Þó, Æð, Ðu, ég, áá) next to
    # ASCII letters, in mixed and upper case: none is Chinese glued to a Latin word.
    "Þórður Guðmundsson og Þóra fóru til Ísafjarðar; þau ræða framtíð útgerðarinnar.",
    "Æðarfuglinn verpir í Höfðaþúfu, og Sigríður taldi 2.400 hreiður í sumar.",
    "ÞÓRÐUR ÆTLAR AÐ HÆTTA; ÍSAFJÖRÐUR FÆR NÝJAN BÆJARSTJÓRA.",
    "¿Dónde está la estación? ¡Qué día! Cuesta £12 y hace 38°C en Córdoba.",
    "Señor Muñoz pidió 5 µg de ácido fólico; ¿cuántos años tendrá?",
    "Die Straße heißt Größenweg; Jürgen Müßig aß dort Weißwürste für 12 £.",
    "ÜBERMÄßIG GRÖßER: DIE STRAßE ÖFFNET ÜBERMORGEN.",
    "L'été dernier, Hélène a créé à Besançon une société réélue « à l'unanimité ».",
    "ÉTÉ ÉCOLE CRÉÉE À L'ÎLE; ÇA N'A PAS ÉTÉ FACILE, DÉCLARE LA PRÉFÈTE.",
    "A ação e a decisão são questões de coração em São João.",
    "The 2.5 µm filter, ±0.1°C, ¼ cup, ¾ full, ½ price, ©2024, ®, §4 ¶2.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_that_looks_like_chinese_mojibake_is_unchanged(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_clean_lines_unchanged_together() -> None:
    # Together, as one document: the document-wide evidence rules must not fire either.
    text = "\n".join(CLEAN)
    assert repair_text(text) == (text, [])


# Clean lines with the words a sweep over CC-CEDICT once "repaired" (螞蟻 -> Λρ,
# 岷縣 -> ếh, 鐮倉 -> 砂}, 鏈烴 -> 期N, 牛B -> ţB, C羅 -> Cù): a dictionary word, a short
# reading that is no text of its own, or a Han character glued to a lone letter on a
# Chinese line is left alone unless its line shows confirmed mojibake of the same pipeline.
CEDICT_WORDS = [
    "院子裡的螞蟻排成一行，把糖屑搬回了洞口。",
    "The ants (螞蟻) came back after the rain.",
    "他小時候住在岷縣，後來搬去了蘭州。",
    "雨中的鐮倉很安靜，大佛前只有幾個遊客。",
    "鐮倉幕府設在海邊的小城。",
    "鏈烴的沸點隨碳原子數增加而升高。",
    "這台舊電腦還能跑新遊戲，真牛B。",
    "这台旧电脑还能跑新游戏，真牛B。",
    "C羅在最後一分鐘射進了那一球。",
    "球迷都叫他C羅，很少叫全名。",
    "In Lisbon the fans chanted C羅 all night.",
    "华为Mate新款的屏幕更亮了。",
    "A羅和B羅是兄弟。",
]


@pytest.mark.parametrize("text", CEDICT_WORDS)
def test_clean_dictionary_words_are_unchanged(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_clean_dictionary_words_unchanged_together() -> None:
    text = "\n".join(CEDICT_WORDS)
    assert repair_text(text) == (text, [])


@pytest.mark.parametrize(
    ("clean", "codec"),
    [
        # Two-letter Cyrillic words read as GBK (啸褝 is Хэ): a vowel makes them text.
        ("Хэ", "gb18030"),
        ("Хэ Лифэн заявил", "gb18030"),
        # A lone letter glued to an accented one on a Latin line is still repaired.
        ("Vice Premier Hé", "big5"),
        ("Vice Premier Hé", "gb18030"),
        # The mojibake of Λρ is 螞蟻, a word: repaired when its line shows the pipeline.
        ("Λρ and Хэ Лифэн", "gb18030"),
    ],
)
def test_mojibake_of_the_same_shapes_is_still_repaired(clean: str, codec: str) -> None:
    from glossary.repair.charmaps import corrupt_double

    assert repair_text(corrupt_double(clean, codec))[0] == clean


def test_a_dictionary_word_alone_is_left_even_if_it_was_mojibake() -> None:
    # Λρ read as GBK is 螞蟻 ("ants"): with nothing else on the line, clean text wins.
    from glossary.repair.charmaps import corrupt_double

    broken = corrupt_double("Λρ", "gb18030")
    assert broken == "螞蟻"
    assert repair_text(broken) == (broken, [])
