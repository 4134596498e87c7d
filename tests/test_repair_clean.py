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
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_that_looks_like_chinese_mojibake_is_unchanged(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_clean_lines_unchanged_together() -> None:
    # Together, as one document: the document-wide evidence rules must not fire either.
    text = "\n".join(CLEAN)
    assert repair_text(text) == (text, [])
