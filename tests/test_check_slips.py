"""Slips the corpus pinned as gaps: a lower-case given name, a bare near spelling of a person
already named, same-sound characters. Each with the contexts that must stay quiet."""

from __future__ import annotations

import pytest

from glossary.check.engine import check_text
from glossary.check.findings import Severity


def _serious(text: str, code: str) -> list[tuple[str, str | None]]:
    return [
        (text[f.start : f.end], f.fix.replacement if f.fix else None)
        for f in check_text(text)
        if f.code == code and f.severity in (Severity.WARNING, Severity.ERROR)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "President Xi jinping spoke.",
        "Wáng Wèiguó 王卫国 spoke. Later Wang weiguo left.",
    ],
)
def test_a_lower_case_given_name_is_capitalised(text: str) -> None:
    found = _serious(text, "GL203")
    assert len(found) == 1 and found[0][1] in ("Jinping", "Weiguo")


@pytest.mark.parametrize(
    "text",
    [
        "Lǐ Rán 李然 runs the mill. Li ran it for ten years.",  # one syllable: English
        'Search engines index "xi jinping" in lower case.',  # no capital at all
        "Xi jinxing arrived.",  # nobody's name
    ],
)
def test_lower_case_words_that_are_not_a_known_name_stay_quiet(text: str) -> None:
    assert _serious(text, "GL203") == []


def test_a_bare_later_name_one_letter_away_is_the_person_misspelt() -> None:
    text = "His predecessor, Liu He, negotiated the deal. Liu Hei retired in 2023."
    assert _serious(text, "GL301") == [("Liu Hei", "Liu He")]


@pytest.mark.parametrize(
    "text",
    [
        # introduced in its own right: description, age, characters, role
        "Liu He negotiated the deal. Liu Hei, a farmer, disagreed.",
        "Liu He negotiated the deal. Liu Hei, 45, disagreed.",
        "Liu He negotiated the deal. Liu Hei (刘黑) disagreed.",
        "Liu He negotiated the deal. The farmer Liu Hei disagreed.",
        # written more than once: a person of its own
        "Liu He negotiated the deal. Liu Hei disagreed. Liu Hei left.",
        # before the person is named: an introduction, not a later mention
        "Liu Hei disagreed. Liu He negotiated the deal.",
        # one letter from two people named in the article
        "Wang Yi (王毅) spoke. Wang Yu (王宇) listened. Wang Ye left.",
        # a name CC-CEDICT or the glossary knows is someone else
        "Wang Yi spoke. Wang Yang left.",
        # a list of people, each a person of their own
        "Zhang Wei (张伟) spoke. Zhang Wen, Zhang Min and Zhang Li were arrested.",
        "Zhang Wei (张伟) spoke. Police said Zhang Min and Zhang Wen were arrested.",
        "Zhang Wei (张伟) spoke. Zhang Wen and Zhang Min were arrested.",
        # an attribution after a quote is not checked (it may introduce a new voice)
        'Liu He negotiated the deal. "We agreed," Liu Hei said.',
    ],
)
def test_a_near_spelling_with_a_life_of_its_own_stays_quiet(text: str) -> None:
    assert _serious(text, "GL301") == []


def test_same_sound_and_tone_characters_for_a_house_person_get_the_fix() -> None:
    assert _serious("Wang Huning (王护宁) spoke.", "GL103") == [("王护宁", "王沪宁")]


@pytest.mark.parametrize(
    "text",
    [
        "Wang Yi (王怡), a pastor, spoke.",  # another tone: a namesake
        "Wang Huning (王沪宁) spoke. Another Wang Huning (王户宁) runs a bureau.",
    ],
)
def test_same_sound_characters_that_may_be_a_namesake_stay_info(text: str) -> None:
    assert _serious(text, "GL103") == []
