"""Every rule: declared properly, its own failing and passing examples, and extra cases."""

from __future__ import annotations

import re

import pytest

from glossary.check.engine import apply_fixes, check_text
from glossary.check.findings import Severity
from glossary.check.knowledge import Knowledge
from glossary.check.rules import Rule, all_rules
from glossary.config import Config, config_from_table

RULES = all_rules()


def _config(rule: Rule) -> Config:
    return config_from_table(dict(rule.config), "test") if rule.config else Config()


def codes(text: str, config: Config | None = None, path: str = "t.txt") -> list[str]:
    return [f.code for f in check_text(text, path, config=config)]


def test_rule_table_is_well_formed() -> None:
    assert len(RULES) >= 20
    seen_codes, seen_names = set(), set()
    for rule in RULES:
        assert re.fullmatch(r"GL\d{3}", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert rule.code not in seen_codes and rule.name not in seen_names
        seen_codes.add(rule.code)
        seen_names.add(rule.name)
        assert len(rule.doc) > 60, f"{rule.code} needs a one-paragraph doc"
        assert rule.bad and rule.good and rule.bad != rule.good


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_is_reported(rule: Rule) -> None:
    found = [f for f in check_text(rule.bad, config=_config(rule)) if f.code == rule.code]
    assert found, f"{rule.code} ({rule.name}) does not report its own failing example"
    for finding in found:
        assert 0 <= finding.start <= finding.end <= len(rule.bad)
        assert finding.message


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_is_not_reported(rule: Rule) -> None:
    found = [f for f in check_text(rule.good, config=_config(rule)) if f.code == rule.code]
    assert not found, [f.message for f in found]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_fixes_remove_the_finding_and_are_idempotent(rule: Rule) -> None:
    config = _config(rule)
    findings = check_text(rule.bad, config=config)
    fixes = [f.fix for f in findings if f.fix is not None and f.code == rule.code]
    if not fixes:
        pytest.skip(f"{rule.code} offers no certain fix for its example")
    fixed, count = apply_fixes(rule.bad, fixes)
    assert count and fixed != rule.bad
    assert rule.code not in [f.code for f in check_text(fixed, config=config)]
    again, count = apply_fixes(fixed, [f.fix for f in check_text(fixed, config=config) if f.fix])
    assert (again, count) == (fixed, 0) or rule.code not in codes(again, config)


# --- extra cases per rule -------------------------------------------------------------------


def test_pinyin_mismatch_fix_and_plain_near_miss() -> None:
    [finding] = [f for f in check_text("Yáng Jiéchì 杨洁篪 spoke.") if f.code == "GL101"]
    assert finding.severity is Severity.ERROR
    assert finding.fix is not None and finding.fix.replacement == "Jiéchí"
    plain = [f for f in check_text("Yang Jiezhi (杨洁篪) spoke.") if f.code == "GL101"]
    assert plain and plain[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        "Premier Chou En-lai (周恩来) met Nixon.",  # Wade-Giles made of valid pinyin syllables
        "Taipei mayor Ko Wen-je (柯文哲) resigned.",
        "The activist Agnes Chow (周庭) left.",
        "Tsai Ing-wen 蔡英文 spoke.",
        "Chen Shui-bian (陈水扁) was president.",
        "Lee Teng-hui (李登輝) died in 2020.",
        "Li Ka-shing 李嘉誠 retired.",
        "Mao Tse-tung (毛泽东) led the party.",
        "The general Wang Chen (王震) spoke.",  # Wade-Giles, one letter from pinyin Zhen
        "Chiang Ching-kuo (蔣經國) ruled Taiwan.",
    ],
)
def test_non_pinyin_forms_are_never_corrected_to_pinyin(text: str) -> None:
    found = check_text(text)
    assert [f for f in found if f.severity is not Severity.INFO] == []


def test_surname_reading_ambiguous_surname_accepts_either() -> None:
    assert "GL102" not in codes("The writer Lè Jiā 乐嘉 spoke. The general Yuè Fēi 岳飞 too.")
    assert "GL102" not in codes("The general Yuè Yì 乐毅 won.")
    [finding] = [f for f in check_text("Dān Jìxiáng 单霁翔 ran the museum.") if f.code == "GL102"]
    assert finding.fix is not None and finding.fix.replacement == "Shàn"


def test_split_compound_surname() -> None:
    found = [f for f in check_text("Ōu Yáng Xiū 欧阳修 wrote it.") if f.code == "GL201"]
    assert found and found[0].fix is not None and found[0].fix.replacement == "Ōuyáng"
    assert "GL201" not in codes("Ōuyáng Xiū 欧阳修 wrote it. Sīmǎ Qiān 司马迁 too.")


def test_capitals_accept_all_caps_surname_and_headline_caps() -> None:
    assert "GL203" not in codes("YANG Jiechi (杨洁篪) spoke.")
    assert "GL203" not in codes("YANG JIECHI (杨洁篪) SPOKE.")
    assert "GL203" in codes("Yang JieChi (杨洁篪) spoke.")
    # a double surname capitalises both halves (GB/T 28039)
    assert [c for c in codes("Zhāng-Wáng Shūfāng 张王淑芳 spoke.") if c != "GL402"] == []


def test_umlaut_house_choice() -> None:
    assert "GL205" in codes("The writer Lu Xun 吕迅 replied.")
    assert "GL205" not in codes(
        "The writer Lu Xun 吕迅 replied.", config_from_table({"umlaut": "u"}, "t")
    )
    assert "GL205" not in codes("The writer Lǚ Xùn 吕迅 replied.")
    # 鲁迅 really is Lǔ Xùn
    assert codes("The writer Lǔ Xùn 鲁迅 wrote it.") in ([], ["GL402"])


def test_look_alike_diacritics_only_on_pinyin_words() -> None:
    assert "GL207" in codes("Premier Lĭ Kèqiáng arrived.")
    assert "GL207" not in codes("Traian Băsescu and Recep Erdoğan met.")


def test_invalid_syllable_needs_tone_marks() -> None:
    assert "GL208" not in codes("José Martí 何塞 was a poet.")


def test_name_order_only_for_introduced_surname_first_people() -> None:
    assert "GL209" not in codes("Physicist Chen-Ning Yang 杨振宁 won the prize.")
    assert "GL209" not in codes("Ming Li, a Chinese-American chemist, spoke.")


def test_inconsistent_spellings() -> None:
    text = "Yang Jiechi (杨洁篪) arrived. Then Yang Jie-chi spoke, and Yang Jiechei left."
    found = [f for f in check_text(text) if f.code == "GL301"]
    assert len(found) == 2
    assert all(f.fix is not None and f.fix.replacement == "Yang Jiechi" for f in found)
    assert "GL301" not in codes("Yang Jiechi (杨洁篪) arrived. YANG Jiechi spoke.")
    [beside] = [f for f in check_text("Yang Jiechei (杨洁篪) arrived.") if f.code == "GL301"]
    assert beside.fix is not None and beside.fix.replacement == "Yang Jiechi"


def test_first_mention_configured_style_is_a_warning_inferred_is_info() -> None:
    text = "Wáng Yì 王毅 met Liú Jiànchāo 刘建超 and Xi Jinping."
    inferred = [f for f in check_text(text) if f.code == "GL302"]
    assert inferred and all(f.severity is Severity.INFO for f in inferred)
    strict = config_from_table({"first-mention": "tones+characters"}, "t")
    assert [f.severity for f in check_text(text, config=strict) if f.code == "GL302"] == [
        Severity.WARNING
    ]
    assert "GL302" not in codes(text, config_from_table({"first-mention": "any"}, "t"))
    plain = "Wang Yi met Xi Jinping. Wang said little."
    assert codes(plain) == []


def test_repeated_characters_not_reported_when_the_article_repeats_them() -> None:
    text = "Wáng Yì 王毅 met Liú Jiànchāo 刘建超. Later Wáng Yì 王毅 left and Liú Jiànchāo 刘建超 stayed."
    assert "GL303" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "He said the talks went well.",
        "Long March rockets launched. Sun Microsystems grew.",
        "President Xi said the talks went well.",  # a title then a name: not a lone surname
        "Our reporter Kim Yeh wrote it. Yeh said so.",
        "Ma said she would cook.",
        "Ms. Chen, who gave only her surname for fear of reprisals, said she was afraid.",
        "A teacher surnamed Liu spoke.\n\nLater, Liu said the school had closed.",
    ],
)
def test_dangling_surname_needs_name_context(text: str) -> None:
    assert "GL304" not in codes(text)


def test_dangling_surname_reported() -> None:
    assert "GL304" in codes("The meeting ran late, Mr. Zhao said.")


def test_ambiguous_surname_resolved_by_recency() -> None:
    text = (
        "Wáng Yì 王毅 met Antony Blinken.\n\n"
        "Separately, Wāng Wénbīn 汪文斌 briefed reporters.\n\n"
        "Nothing new was said.\n\n"
        "Wang said the talks went well."
    )
    assert "GL305" in codes(text)
    recent = (
        "Wáng Yì 王毅 met Blinken.\n\nLater Wāng Wénbīn 汪文斌 briefed reporters. Wang said little."
    )
    assert "GL305" not in codes(recent)


def test_glossary_form_for_latin_only_mentions() -> None:
    found = [f for f in check_text("Cai Yingwen spoke in Taipei.") if f.code == "GL401"]
    assert found and found[0].fix is not None and found[0].fix.replacement == "Tsai Ing-wen"
    assert "GL401" not in codes("Tsai Ing-wen 蔡英文 (Cài Yīngwén) spoke.")


def test_wrong_characters_unrelated_person_is_info_only() -> None:
    found = [f for f in check_text("Wang Yi (王一鸣) is a painter.") if f.code == "GL103"]
    assert found and all(f.severity is Severity.INFO for f in found)


def test_mixed_script_fix_for_known_person() -> None:
    [finding] = [f for f in check_text("Zhao Leji (趙樂际) spoke.") if f.code == "GL104"]
    assert finding.fix is not None and finding.fix.replacement == "趙樂際"
    # one simplified and one traditional character: no majority, so the known person's
    # region decides (a mainland official: simplified); for nobody known, no fix
    [tie] = [f for f in check_text("Yang Jiechi (楊洁篪) spoke.") if f.code == "GL104"]
    assert tie.fix is not None and tie.fix.replacement == "杨洁篪"
    [unknown] = [f for f in check_text("Chen Weiwen (陳伟文) spoke.") if f.code == "GL104"]
    assert unknown.fix is None


def test_script_policy_for_hong_kong_taiwan_macau() -> None:
    config = config_from_table({"script": "traditional-for-hk-tw-mo"}, "t")
    assert "GL105" in codes("Tsai Ing-wen (蔡英文) and Joshua Wong (黄之锋) spoke.", config)
    assert "GL105" not in codes("Joshua Wong (黃之鋒) and Wang Yi (王毅) spoke.", config)


def test_unknown_name_proposes_an_entry() -> None:
    empty = Knowledge(None, use_cedict=False)  # nobody is known: independent of shipped data
    found = check_text("Zhào Lìjiān 赵立坚 spoke.", knowledge=empty)
    [finding] = [f for f in found if f.code == "GL402"]
    assert finding.severity is Severity.INFO
    assert dict(finding.data) == {
        "hanzi": "赵立坚",
        "pinyin": "Zhào Lìjiān",
        "english": "Zhao Lijian",
    }
    # plain pinyin in the article: tones come from the characters' readings
    [plain] = [
        f for f in check_text("Zhai Jun (翟隽) spoke.", knowledge=empty) if f.code == "GL402"
    ]
    assert dict(plain.data)["english"] == "Zhai Jun"
    assert dict(plain.data)["pinyin"].startswith("Zhái J")


def test_translated_terms_beside_characters_are_not_people() -> None:
    empty = Knowledge(None, use_cedict=False)
    text = "It became the White Paper Movement (白纸运动). White Paper Movement (白纸运动) again."
    assert [f.code for f in check_text(text, knowledge=empty)] == []
    [person] = [f.code for f in check_text("The singer Denise Ho (何韵诗) spoke.", knowledge=empty)]
    assert person == "GL402"


def test_places_and_terms_beside_characters_are_not_people() -> None:
    text = "The Huáng Hé 黄河 floods. Officials in Běijīng 北京 met. Xīnhuá Shè 新华社 reported."
    assert [c for c in codes(text) if c != "GL101"] == []


def test_severity_override_and_selection() -> None:
    text = "Yáng Jiéchì 杨洁篪 spoke."
    config = config_from_table({"severity": {"pinyin-mismatch": "info"}}, "t")
    assert [f.severity for f in check_text(text, config=config) if f.code == "GL101"] == [
        Severity.INFO
    ]
    assert "GL101" not in codes(text, config_from_table({"ignore": ["GL1"]}, "t"))
    assert codes(text, config_from_table({"select": ["GL101"]}, "t")) == ["GL101"]


def test_every_rule_is_documented() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "lint.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} |" in docs, rule.code


def test_runs_of_characters_are_cut_with_jieba() -> None:
    # the run holds a title after the name: the name is still paired with its Latin form
    assert codes("Foreign Minister Wang Yi 王毅外长 spoke.") == []
    found = check_text("Foreign Minister Wáng Yī 王毅外长 spoke.")
    assert [f.code for f in found] == ["GL101"]
    # characters alone (a quotation) still name a known person for the script rules
    config = config_from_table({"script": "simplified"}, "t")
    [finding] = [
        f
        for f in check_text("The paper wrote: 習近平主席表示。", config=config)
        if f.code == "GL105"
    ]
    assert finding.fix is not None and finding.fix.replacement == "习近平"


def test_people_known_without_characters() -> None:
    # a house person written in Western order after the surname-first form
    text = "Yang Jiechi spoke first.\n\nLater Jiechi Yang left."
    [finding] = [f for f in check_text(text) if f.code == "GL209"]
    assert finding.fix is not None and finding.fix.replacement == "Yang Jiechi"
    # a two-syllable pinyin name nobody lists is still a person of this article
    empty = Knowledge(None, use_cedict=False)
    text = "Commerce Minister Wang Wentao and Foreign Minister Wang Yi met.\n\nWang said so."
    assert "GL305" in codes(text)
    found = check_text(
        "The minister Wang Wentao met Wang Lijun.\n\nLater, Wang said so.", knowledge=empty
    )
    assert [f.code for f in found] == ["GL305"]
    # not names: places, one-syllable words after a surname
    for text in ("Hong Kong and Feng Shui and Tai Chi.", "Zhang Jiajie is scenic."):
        assert codes(text) == []


def test_namesakes_are_not_wrong_characters() -> None:
    text = "Wang Yi (王怡), a pastor, is no relation of the minister."
    assert [f.severity for f in check_text(text) if f.code == "GL103"] == [Severity.INFO]


def test_house_forms_without_characters() -> None:
    [near] = [f for f in check_text("President Xi Jingping spoke.") if f.code == "GL301"]
    assert near.fix is not None and near.fix.replacement == "Xi Jinping"
    [caps] = [f for f in check_text("Premier Li QIang spoke.") if f.code == "GL203"]
    assert caps.fix is not None and caps.fix.replacement == "Qiang"
    [established] = [f for f in check_text("Tsai Ing-Wen spoke.") if f.code == "GL401"]
    assert established.fix is not None and established.fix.replacement == "Tsai Ing-wen"
    # a title with the surname, beside the characters, is not an attempt at the full name
    assert codes("President Tsai (蔡英文) spoke. TSAI Ing-wen, too.") == []
    # a one-syllable given name first may be the person's own order
    assert "GL209" not in codes("Qiang Li, a chemist at Stanford, spoke.")


def test_compound_surname_cut_in_the_wrong_place() -> None:
    [finding] = [
        f for f in check_text("The historian Si Maqian (司马迁) wrote.") if f.code == "GL201"
    ]
    assert finding.fix is not None and finding.fix.replacement == "Sima Qian"
    empty = Knowledge(None, use_cedict=False)
    [proposal] = [
        f for f in check_text("Si Maqian (司马迁) wrote.", knowledge=empty) if f.code == "GL402"
    ]
    assert dict(proposal.data)["pinyin"] == "Sīmǎ Qiān"


def test_apostrophe_only_before_a_o_e() -> None:
    [finding] = [f for f in check_text("Wáng Jiàn'guó 王建国 spoke.") if f.code == "GL204"]
    assert finding.fix is not None and finding.fix.replacement == "Jiànguó"


def test_proposals_keep_the_printed_english_form() -> None:
    empty = Knowledge(None, use_cedict=False)
    for text, english in (
        ("Activist Lin Fei-fan (林飛帆) spoke.", "Lin Fei-fan"),
        ("Leader Kim Jong Un (金正恩) spoke.", "Kim Jong Un"),
        ("Minister Chan Chun Sing (陈振声) spoke.", "Chan Chun Sing"),
    ):
        [finding] = [f for f in check_text(text, knowledge=empty) if f.code == "GL402"]
        assert dict(finding.data)["english"] == english, text


def test_near_miss_of_a_long_house_alias() -> None:
    [finding] = [
        f for f in check_text("Hong Kong leader John Lee Ka-chui spoke.") if f.code == "GL401"
    ]
    assert finding.fix is not None and finding.fix.replacement == "John Lee Ka-chiu"


def test_a_title_goes_with_the_surname_not_the_given_name() -> None:
    text = "Wáng Yì 王毅 arrived in Paris. Mr Yi said the talks were useful."
    [finding] = [f for f in check_text(text) if f.code == "GL209"]
    assert finding.fix is not None and finding.fix.replacement == "Wang"
    assert text[finding.start : finding.end] == "Yi"
    assert "GL304" not in codes(text)  # the given name, not a dangling surname
    # a possessive keeps its 's; a toneless introduction works alike
    text = "Spokeswoman Mao Ning (毛宁) spoke. Ms Ning's remarks were brief."
    [finding] = [f for f in check_text(text) if f.code == "GL209"]
    assert (text[finding.start : finding.end], finding.fix and finding.fix.replacement) == (
        "Ning",
        "Mao",
    )
    # two people with that given name: reported, no fix
    text = "Wang Yi (王毅) and Chen Yi (陈毅) were both ministers. Mr Yi spoke."
    [finding] = [f for f in check_text(text) if f.code == "GL209"]
    assert finding.fix is None and "Wang Yi and Chen Yi" in finding.message


def test_a_titled_word_that_is_someone_s_surname_is_left_alone() -> None:
    # somebody surnamed Yi is in the article
    assert "GL209" not in codes("Yì Gāng 易纲 and Wáng Yì 王毅 met. Mr Yi said so.")
    # a full name after the title
    assert "GL209" not in codes("Wang Yi (王毅) met Mr Yi Gang (易纲) there.")
    # the surname after the title, and a Western-order personal name
    assert "GL209" not in codes("Wang Yi (王毅) spoke. Mr Wang left.")
    assert "GL209" not in codes("Chief Executive John Lee (李家超) spoke. Mr Lee left.")
    # a title word that is not an honorific
    assert "GL209" not in codes("Wang Yi (王毅) spoke. The Yi people of Sichuan listened.")
