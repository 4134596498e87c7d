"""Tone marks on later mentions without characters, English-form spans beside characters and
the fix for a name mixing scripts: each with the contexts that must stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.check.engine import check_text
from glossary.check.findings import Severity


def _found(text: str, code: str, *, serious: bool = True) -> list[tuple[str, str | None]]:
    return [
        (text[f.start : f.end], f.fix.replacement if f.fix else None)
        for f in check_text(text)
        if f.code == code and (not serious or f.severity in (Severity.WARNING, Severity.ERROR))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Yáng Jiéchí (杨洁篪) arrived. Later Yáng Jiechí spoke.",  # after an ordinary word
        "Yáng Jiéchí (杨洁篪) arrived. The envoy met Yáng Jiechí.",
    ],
)
def test_a_later_mention_with_a_tone_mark_missing_is_checked(text: str) -> None:
    assert _found(text, "GL301") == [("Yáng Jiechí", "Yáng Jiéchí")]


@pytest.mark.parametrize(
    ("text", "slip", "fix"),
    [
        # an untoned article, one stray mark: the characters' (house) reading is the fix
        ("Yang Jiechi (杨洁篪) arrived. Yang Jiéchi also spoke.", "Yang Jiéchi", "Yáng Jiéchí"),
        # not in the house glossary: the tones of the characters printed beside the name
        ("Chen Le (陈乐) came. Chén Le left.", "Chén Le", "Chén Lè"),
        ("Zhang Wei (张伟) arrived. Zhāng Wèi left.", "Zhāng Wèi", "Zhāng Wěi"),
        # no characters: the house glossary's pinyin
        ("Later, Wang Yí met him.", "Wang Yí", "Wáng Yì"),
        ("Later, Wáng Yí met him.", "Wáng Yí", "Wáng Yì"),
        # no characters, nobody known: a slip, with no fix
        ("Zhāng Wei spoke.", "Zhāng Wei", None),
    ],
)
def test_a_name_toned_in_part_or_against_its_reading_is_reported(
    text: str, slip: str, fix: str | None
) -> None:
    assert _found(text, "GL301") == [(slip, fix)]


@pytest.mark.parametrize(
    "text",
    [
        # a namesake the article introduces with characters: its own reading, not the house's
        "The poet Wáng Yí 王怡 read first. Later, Wáng Yí left.",
        "The poet Wang Yi (王怡) read first. Later, Wáng Yí left.",
        # a polyphonic given name: any reading of the character counts
        "Wang He (王和) came. Wáng Hè left.",  # 和 hé or hè
        # every syllable marked, as the characters read
        "Yang Jiechi (杨洁篪) arrived. Yáng Jiéchí also spoke.",
        # a neutral syllable left unmarked, as the characters allow
        "Kong Zi (孔子) is quoted. Kǒng Zi taught.",
        # fully toned against CC-CEDICT only (not the house): maybe a namesake
        "Later, Lǐ Nā won.",
    ],
)
def test_tones_the_reading_allows_stay_quiet(text: str) -> None:
    assert _found(text, "GL301") == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("Yang Jiechi (杨潔篪) arrived.", "杨洁篪"),  # known, mainland: simplified
        # the rest of the article is in traditional characters: one form per character
        ("Lam Wai-man (林偉文) met Chan Tai-man (陳大文) and Chan Wai-man (陳伟文).", "陳偉文"),
        # ... and in simplified: the known person's simplified characters
        ("Wáng Yì 王毅 met Lǐ Qiáng 李强 and Yáng Jiéchí 楊洁篪.", "杨洁篪"),
    ],
)
def test_a_mixed_script_name_is_fixed_in_the_script_that_is_clear(text: str, fix: str) -> None:
    assert [f for _, f in _found(text, "GL104")] == [fix]


@pytest.mark.parametrize(
    "text",
    [
        "Chen Weiwen (陳伟文) spoke.",  # nobody known, no other characters: no guess
        # 发 is 發 or 髮 in traditional: not ours to choose
        "Lam Wai-man (林偉文) met Chan Tai-man (陳大文) and Chan Fat-man (陳发敏).",
        # an article with both scripts in equal measure says nothing
        "Wang Jun (王军) met Lau Hui-man (劉慧敏) and Chan Wai-man (陳伟文).",
    ],
)
def test_a_mixed_script_name_gets_no_fix_when_the_script_is_unclear(text: str) -> None:
    assert [f for _, f in _found(text, "GL104")] == [None]


def _english_span(text: str) -> list[tuple[str, str]]:
    """(span, proposed English form) of every unknown-name proposal."""
    return [
        (text[f.start : f.end], dict(f.data)["english"])
        for f in check_text(text)
        if f.code == "GL402"
    ]


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # one Western given name before the surname word the characters support
        ("Democrat Emily Lau (劉慧卿) was absent.", "Emily Lau"),
        ("Legislator Regina Ip (葉劉淑儀) was absent.", "Regina Ip"),
        ("The Democrat Emily Lau (劉慧卿) was absent.", "Emily Lau"),
        # an English name before a Cantonese one keeps both
        ("Emily Lau Wai-hing (劉慧卿) was absent.", "Emily Lau Wai-hing"),
        ("Yesterday Democrat Emily Lau Wai-hing (劉慧卿) spoke.", "Emily Lau Wai-hing"),
        # initials, as printed
        ("Professor K. C. Chan (陳家強) spoke.", "K. C. Chan"),
        # a capital letter ending a phrase is not an initial
        ("They chose Plan B. Chan Tai-man (陳大文) objected.", "Chan Tai-man"),
        # a Wade-Giles surname (蔡 cài): `Tsai`
        ("Chairman Tsai Ming-liang (蔡明亮) spoke.", "Tsai Ming-liang"),
    ],
)
def test_the_english_form_beside_characters_is_as_long_as_the_name(text: str, english: str) -> None:
    [(span, proposed)] = _english_span(text)
    assert proposed == english and span.startswith(english.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        "Premier Li Qiang (李强) spoke.",
        "Former chief executive Carrie Lam (林鄭月娥) spoke.",
        "C. Y. Leung (梁振英) spoke.",
        "C.Y. Leung (梁振英) spoke.",
        "CY Leung (梁振英) spoke.",
    ],
)
def test_house_people_with_titles_and_initials_are_their_house_forms(text: str) -> None:
    assert [f for f in check_text(text) if f.severity is not Severity.INFO] == []


def test_a_toned_mention_goes_to_the_namesake_its_tones_spell() -> None:
    text = (
        "Wáng Yì (王毅) spoke. The poet Wáng Yí (王怡) read. Later Wáng Yí left, "
        "and Wáng Yì stayed."
    )
    assert _found(text, "GL301") == []


def test_a_glossary_namesake_leaves_the_tones_unjudged(tmp_path: Path) -> None:
    """Two people the glossary writes Wang Yi: tones that fit the other are not a slip, and
    a partly marked name is one with no fix (whose tones would it take?)."""
    from glossary.check.knowledge import load_knowledge

    extra = tmp_path / "people.toml"
    extra.write_text(
        '[[entry]]\nhanzi = "王怡"\npinyin = "Wáng Yí"\nenglish = "Wang Yi"\n'
        'notes = "A poet; not the foreign minister."\n',
        encoding="utf-8",
    )
    knowledge = load_knowledge([extra])

    def found(text: str) -> list[tuple[str, str | None]]:
        return [
            (text[f.start : f.end], f.fix.replacement if f.fix else None)
            for f in check_text(text, knowledge=knowledge)
            if f.code == "GL301"
        ]

    assert found("Later, Wáng Yí met him.") == []
    assert found("Later, Wang Yí met him.") == [("Wang Yí", None)]


def test_a_tone_slip_between_two_namesakes_gets_no_fix() -> None:
    text = "Wáng Yì (王毅) spoke. The poet Wáng Yí (王怡) read. Later Wáng Yi left."
    assert _found(text, "GL301") == [("Wáng Yi", None)]
    # with one person so spelt, the fix is certain
    assert _found("Wáng Yì (王毅) spoke. Later Wáng Yi left.", "GL301") == [("Wáng Yi", "Wáng Yì")]


def test_a_partly_toned_pinyin_name_beside_an_established_form_takes_the_house_pinyin() -> None:
    text = (
        "Chiang Kai-shek (蔣介石) fled to Taiwan. Jiǎng Jieshi, as mainland books call him, died."
    )
    assert _found(text, "GL301") == [("Jiǎng Jieshi", "Jiǎng Jièshí")]
