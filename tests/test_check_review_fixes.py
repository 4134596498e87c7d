"""Cases found by reviewing the checker on unseen articles: possessives, proposals that must
not repeat a spelling another finding calls wrong, and false alarms on correct text."""

from __future__ import annotations

import pytest

from glossary.check.engine import apply_fixes, check_text
from glossary.check.findings import Finding
from glossary.check.knowledge import Knowledge
from glossary.config import config_from_table


def _found(text: str, code: str, **kwargs: object) -> list[Finding]:
    return [f for f in check_text(text, **kwargs) if f.code == code]  # type: ignore[arg-type]


def _spans(text: str, code: str) -> list[str]:
    return [text[f.start : f.end] for f in _found(text, code)]


# --- possessives ------------------------------------------------------------------------


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_is_not_part_of_a_misspelt_name(apostrophe: str) -> None:
    text = f"Yáng Jiéchí 杨洁篪 met the envoy. Later Yang Jiechei{apostrophe}s remarks were read."
    [finding] = _found(text, "GL301")
    assert text[finding.start : finding.end] == "Yang Jiechei"
    assert finding.fix is not None and finding.fix.replacement == "Yang Jiechi"
    fixed, _ = apply_fixes(text, [finding.fix])
    assert f"Yang Jiechi{apostrophe}s remarks" in fixed


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_of_a_house_person_in_pinyin(apostrophe: str) -> None:
    text = f"Cai Yingwen{apostrophe}s party lost the vote."
    [finding] = _found(text, "GL401")
    assert text[finding.start : finding.end] == "Cai Yingwen"
    assert finding.fix is not None and finding.fix.replacement == "Tsai Ing-wen"
    clean = f"Tsai Ing-wen{apostrophe}s party lost. Xi Jinping{apostrophe}s speech ran long."
    assert [f.code for f in check_text(clean) if f.severity.value != "info"] == []


def test_possessive_reversed_name_and_surname_only() -> None:
    text = "Yáng Jiéchí 杨洁篪 met him. Jiechi Yang’s memo followed. Yang's aide left."
    [order] = _found(text, "GL209")
    assert text[order.start : order.end] == "Jiechi Yang"
    assert order.fix is not None and order.fix.replacement == "Yang Jiechi"
    assert not _found(text, "GL304") and not _found(text, "GL305")


def test_possessive_surname_only_is_a_mention() -> None:
    # `Wang's` refers to the Wang introduced: neither dangling nor ambiguous
    text = "Wáng Yì 王毅 spoke. Wang's office and Wang’s staff said nothing."
    codes = [f.code for f in check_text(text)]
    assert "GL304" not in codes and "GL305" not in codes
    # and with two Wangs it is ambiguous, with the span on the surname alone
    two = "Wáng Yì 王毅 and Wáng Huning 王沪宁 spoke. Wang’s office said nothing."
    assert _spans(two, "GL305") in ([], ["Wang"])


def test_apostrophe_inside_pinyin_words_still_counts() -> None:
    assert not _found("Zhāng Xī'ān 张西安 spoke. Zhāng Xī’ān’s book sold.", "GL204")
    [missing] = _found("Zhāng Xīān 张西安 spoke.", "GL204")
    assert missing.fix is not None and missing.fix.replacement == "Xī'ān"


# --- proposals (GL402) ------------------------------------------------------------------

EMPTY = Knowledge(None, use_cedict=False)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Lv Xin 吕新 is a scholar.", "Lü Xin"),
        ("Lu Xin 吕新 is a scholar.", "Lü Xin"),
        ("Yang Jie Chi 杨洁篪 spoke.", "Yang Jiechi"),
        ("Ou Yang Xiu 欧阳修 wrote.", "Ouyang Xiu"),
        ("Si Maqian (司马迁) wrote.", "Sima Qian"),
        ("Yang JieChi 杨洁篪 spoke.", "Yang Jiechi"),
        ("Zhang Xian (张西安) spoke.", "Zhang Xi'an"),
    ],
)
def test_proposal_never_repeats_a_spelling_reported_wrong(text: str, english: str) -> None:
    [proposal] = _found(text, "GL402", knowledge=EMPTY)
    assert dict(proposal.data)["english"] == english
    others = [f for f in check_text(text, knowledge=EMPTY) if f.code != "GL402"]
    assert others, "the example must carry another finding"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Wang Jianguo (王建国) spoke.", "Wang Jianguo"),
        ("Zhang Xi’an (张西安) spoke.", "Zhang Xi'an"),
        ("Activist Lin Fei-fan (林飛帆) spoke.", "Lin Fei-fan"),
        ("Activist Agnes Chow (周庭) spoke.", "Agnes Chow"),
    ],
)
def test_proposal_keeps_a_correct_printed_form(text: str, english: str) -> None:
    [proposal] = _found(text, "GL402", knowledge=EMPTY)
    assert dict(proposal.data)["english"] == english


def test_proposal_follows_the_house_umlaut() -> None:
    config = config_from_table({"umlaut": "yu"}, "t")
    [proposal] = _found("Lǚ Xīn 吕新 is a scholar.", "GL402", knowledge=EMPTY, config=config)
    assert dict(proposal.data)["english"] == "Lyu Xin"
    assert dict(proposal.data)["pinyin"] == "Lǚ Xīn"


def test_proposal_given_name_umlaut() -> None:
    [proposal] = _found("Wang Lu (王律) spoke.", "GL402", knowledge=EMPTY)
    assert dict(proposal.data)["english"] == "Wang Lü"
    config = config_from_table({"umlaut": "u"}, "t")
    [house_u] = _found("Wang Lu (王律) spoke.", "GL402", knowledge=EMPTY, config=config)
    assert dict(house_u.data)["english"] == "Wang Lu"


# --- false alarms on correct text -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Xi Jinping-led commission took over. Xi Jinping (习近平) chairs it.",
        "Yáng Jiéchí 杨洁篪 spoke. Yang Jiechi-era diplomacy was blunt.",
        "Wang Yi-style diplomacy and Li Qiang-backed reforms were discussed.",
    ],
)
def test_english_compound_after_a_name_is_not_part_of_it(text: str) -> None:
    assert [f.code for f in check_text(text) if f.severity.value != "info"] == []


def test_hyphenated_romanizations_are_still_one_word() -> None:
    # the hyphen of a Wade-Giles or Cantonese given name stays part of the name
    text = "Tsai Ing-wen (蔡英文) met Hou Yu-ih (侯友宜) and Leung Chun-ying (梁振英)."
    assert [f.code for f in check_text(text) if f.severity.value != "info"] == []
    [hyphen] = _found("Yáng Jié-chí 杨洁篪 spoke.", "GL202")
    assert hyphen.fix is not None and hyphen.fix.replacement == "Jiéchí"


@pytest.mark.parametrize(
    "intro",
    [
        "A woman who identified herself only as Mrs. Huang said her son had lost his job.",
        "A driver, who asked to be identified only as Mr. Huang, said fares were down.",
        "A trader who gave his name only as Huang said fares were down.",
        "Mr. Huang, who asked not to be fully named for fear of reprisals, runs a shop.",
    ],
)
def test_sources_named_by_surname_on_purpose_are_not_dangling(intro: str) -> None:
    text = f"{intro} Huang said he was looking again.\n\nLater, Huang said the firm had closed."
    assert _found(text, "GL304") == []


def test_dangling_surname_still_reported() -> None:
    text = "Prices rose again.\n\nHuang said the firm had closed."
    assert _spans(text, "GL304") == ["Huang"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Wang, the foreign minister, was more direct.",
        "The foreign minister, Wang, was more direct.",
        "Wang, a veteran diplomat, was more direct.",
    ],
)
def test_surname_with_an_apposition_is_not_ambiguous(sentence: str) -> None:
    text = (
        "Wang Yi (王毅) and Commerce Minister Wang Wentao (王文涛) both attended. "
        f"Wang Wentao spoke first. {sentence}"
    )
    assert _found(text, "GL305") == []
    bare = text.replace(sentence, "Wang was more direct.")
    assert _spans(bare, "GL305") == ["Wang"]


@pytest.mark.parametrize(
    "text",
    [
        "The singer Renée Lê performed in Hanoi.",
        "The painter Hélène Lê showed her work.",
        "Deputy Prime Minister Lê Minh Khái and Tô Lâm met.",
    ],
)
def test_other_languages_marks_beside_accented_given_names(text: str) -> None:
    assert _found(text, "GL207") == []


def test_look_alike_beside_a_pinyin_name_still_reported() -> None:
    [finding] = _found("The scholar Wáng Xiâohóng spoke.", "GL207")
    assert finding.fix is not None and finding.fix.replacement == "Xiǎohóng"


def test_umlaut_spelt_u_in_a_surname_is_the_umlaut_rule_only() -> None:
    # `Lu` for 吕 Lǚ is GL205's (by the house umlaut), not a misread surname (GL102)
    codes = sorted(f.code for f in check_text("Lu Xin 吕新 spoke.", knowledge=EMPTY))
    assert codes == ["GL205", "GL402"]
    house_u = config_from_table({"umlaut": "u"}, "t")
    found = check_text("Lu Xin 吕新 spoke.", knowledge=EMPTY, config=house_u)
    assert [f.code for f in found] == ["GL402"]
    assert dict(found[0].data)["english"] == "Lu Xin"
    # a real misreading of a surname is still GL102
    assert "GL102" in [f.code for f in check_text("Céng Guófān 曾国藩 wrote.", knowledge=EMPTY)]


@pytest.mark.parametrize(
    ("umlaut", "later", "reported"),
    [
        ("u", "Lu Xin", False),  # the house writes Lu for Lü in toneless text
        ("u", "Lü Xin", False),
        ("ü", "Lü Xin", False),
        ("ü", "Lu Xin", True),
        ("yu", "Lü Xin", False),
    ],
)
def test_later_toneless_mention_follows_the_house_umlaut(
    umlaut: str, later: str, reported: bool
) -> None:
    config = config_from_table({"umlaut": umlaut}, "t")
    text = f"Lǚ Xīn 吕新 spoke. Later {later} said no."
    found = _found(text, "GL301", knowledge=EMPTY, config=config)
    assert bool(found) is reported, [f.message for f in found]


def test_later_umlaut_is_not_fixed_back_to_a_wrong_first_spelling() -> None:
    text = "Lu Xin 吕新 spoke. Later Lü Xin said no."
    assert _found(text, "GL301", knowledge=EMPTY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Most officials are from the Han majority.",
        "The Zhou dynasty was older.",
        "Maps from Zhou times and a Zhou dynasty bronze were shown.",
        "Zhou-era bronzes were shown.",
    ],
)
def test_surname_as_a_dynasty_or_people_is_not_a_person(sentence: str) -> None:
    text = f"Zhou Qiang (周强) and Zhou Yongkang (周永康) were compared. Han Zheng (韩正) and Han Jun (韩俊) too. {sentence}"
    assert _found(text, "GL305") == []
    person = text.replace(sentence, "Zhou said nothing.")
    assert _spans(person, "GL305") == ["Zhou"]


def test_a_run_of_tone_marked_title_words_is_not_a_name() -> None:
    text = "Wáng Fēi 王菲 sang *Yuè Liang Dài Biǎo Wǒ de Xīn* at the gala."
    config = config_from_table({"first-mention": "characters"}, "t")
    assert _found(text, "GL302", config=config) == []
    # a tone-marked name without characters is still read as one
    named = "Wáng Fēi 王菲 sang with Zhāng Wěimíng at the gala."
    [first] = _found(named, "GL302", config=config)
    assert named[first.start : first.end] == "Zhāng Wěimíng"


@pytest.mark.parametrize(
    "text",
    [
        "Professor Minxin Pei (裴敏欣) of Claremont spoke. Minxin Pei said more later.",
        "Economist Hui Shan (单辉) of Goldman Sachs spoke. Shan expects a slowdown.",
    ],
)
def test_a_persons_own_western_order_is_not_a_warning(text: str) -> None:
    found = _found(text, "GL209", knowledge=EMPTY)
    assert all(f.severity.value == "info" for f in found), [f.message for f in found]
    assert all(f.fix is None for f in found)  # --fix must not rewrite someone's own name


@pytest.mark.parametrize(
    ("text", "knowledge"),
    [
        ("Jiéchí Yáng 杨洁篪 spoke.", EMPTY),  # tone-marked pinyin is surname first
        ("Jiechi Yang (杨洁篪) spoke.", None),  # the glossary knows him surname first
        ("Jiechi Yang (杨洁篪) spoke. Later Yang Jiechi left.", EMPTY),  # so does the article
    ],
)
def test_given_name_first_still_a_warning(text: str, knowledge: Knowledge | None) -> None:
    kwargs = {"knowledge": knowledge} if knowledge is not None else {}
    found = _found(text, "GL209", **kwargs)
    assert found and found[0].severity.value == "warning"


@pytest.mark.parametrize(
    "text",
    ["“Nǐ hǎo,” she said to Wáng Yì 王毅.", "Gān bēi! the crowd shouted at Wáng Yì 王毅."],
)
def test_tone_marked_phrases_are_not_names(text: str) -> None:
    assert [f.code for f in check_text(text) if f.code != "GL402"] == []


def test_a_clause_before_a_surname_is_not_an_apposition() -> None:
    text = (
        "Wang Yi (王毅) and Commerce Minister Wang Wentao (王文涛) both attended. "
        "Wang Wentao spoke first. At the same time, Wang said talks would go on."
    )
    assert _spans(text, "GL305") == ["Wang"]
