"""Correct writing the checker must leave alone (each case next to the slip it still reports)."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text
from glossary.config import Config, FirstMention


def _codes(text: str, path: str, code: str, config: Config | None = None) -> list[str]:
    findings = check_text(text, path=path, config=config or Config())
    return [text[f.start : f.end] for f in findings if f.code == code]


@pytest.mark.parametrize(
    ("path", "head", "tail"),
    [
        ("a.md", "# Who is Cài Qí 蔡奇?\n\n", ""),
        ("a.html", "<h2>Who is Cài Qí 蔡奇?</h2><p>", "</p>"),
        ("a.txt", "Who is Cài Qí 蔡奇?\n\n", ""),
    ],
)
def test_characters_in_a_headline_do_not_make_the_body_repeat_them(
    path: str, head: str, tail: str
) -> None:
    config = Config(first_mention=FirstMention.TONES_CHARACTERS)
    body = "Cài Qí 蔡奇 met Xí Jìnpíng 习近平 in Beijing."
    assert _codes(head + body + tail, path, "GL303", config) == []
    again = head + body + " Later Cài Qí 蔡奇 left." + tail
    assert _codes(again, path, "GL303", config) == ["蔡奇"]


@pytest.mark.parametrize(
    "text",
    [
        "Wáng Yì 王毅 met Wáng Hùníng 王沪宁. The two men, both surnamed Wang, are not related.",
        'Wáng Yì 王毅 met Wáng Hùníng 王沪宁. Papers avoid writing "Wang" alone.',
        "Wáng Yì 王毅 met Wáng Hùníng 王沪宁. Papers avoid writing “Wang” alone.",
        # a birth name is the same man, not a second Deng
        "Dèng Xiǎopíng 邓小平 was born Dèng Xīxián 邓希贤 in 1904. Deng kept the new name.",
        # a title and surname that begin someone's glossary alias (Madame Chiang Kai-shek)
        "Chiang Kai-shek and Chiang Ching-kuo ruled Taiwan. Soong Mei-ling was his wife.\n\n"
        "Madame Chiang spoke to Congress in 1943.",
    ],
)
def test_a_surname_that_says_who_or_is_only_a_word_is_not_ambiguous(text: str) -> None:
    assert _codes(text, "a.txt", "GL305") == []


@pytest.mark.parametrize(
    "text",
    [
        "Wáng Yì 王毅 met Wáng Hùníng 王沪宁. Wang said the talks went well.",
        "Dèng Xiǎopíng 邓小平 met Dèng Pǔfāng 邓朴方. Deng said little.",
        "Chiang Kai-shek and Chiang Ching-kuo ruled Taiwan.\n\nMr. Chiang spoke to Congress.",
    ],
)
def test_a_surname_two_people_share_is_still_ambiguous(text: str) -> None:
    assert _codes(text, "a.txt", "GL305") != []


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Wang Yi spoke. Yi Wang, a political scientist, said little.",
        "Foreign Minister Wang Yi spoke. Yi Wang, the author of a book on diplomacy, agreed.",
        "Yáng Jiéchí 杨洁篪 arrived. Jiechi Yang, a student from Wuhan, was there too.",
    ],
)
def test_a_reversed_name_with_its_own_description_is_another_person(text: str) -> None:
    assert _codes(text, "a.txt", "GL209") == []


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Wang Yi spoke. Later Yi Wang said little.",
        "Yáng Jiéchí 杨洁篪 arrived. Jiechi Yang, the former foreign minister, left.",
    ],
)
def test_a_reversed_name_without_a_description_of_its_own_is_reported(text: str) -> None:
    assert _codes(text, "a.txt", "GL209") != []


def test_the_exact_tone_marked_pinyin_of_an_established_form_is_a_pronunciation() -> None:
    table = (
        "| Characters | Pinyin | English |\n| --- | --- | --- |\n"
        "| 林郑月娥 | Lín-Zhèng Yuè'é | Carrie Lam |\n"
        "| 蔡英文 | Cài Yīngwén | Tsai Ing-wen |\n"
    )
    assert _codes(table, "a.md", "GL401") == []
    slips = "Carrie Lam spoke. Lin-Zheng Yue'e left. Lín-Zhēng Yuè'é came back."
    assert _codes(slips, "a.txt", "GL401") == ["Lin-Zheng Yue'e", "Lín-Zhēng Yuè'é"]


def test_characters_in_the_next_table_cell_are_the_first_mentions_characters() -> None:
    config = Config(first_mention=FirstMention.CHARACTERS)
    table = "| Name | Characters |\n| --- | --- |\n| Xi Jinping | 习近平 |\n| 李强 | Li Qiang |\n"
    assert _codes(table + "\nXi and Li met.\n", "a.md", "GL302", config) == []
    late = "Wang Yi spoke first.\n\n| Name | Characters |\n| --- | --- |\n| Wang Yi | 王毅 |\n"
    assert _codes(late, "a.md", "GL302", config) == ["Wang Yi"]
