"""Big5's symbol rows: ư, ơ and Ư read as kana (Big5, cp950) or as numbered symbols
(Big5-HKSCS: ⑹, ①, ⑸).

UTF-8 ư is C6 B0; Big5 and cp950 decode it as が, Big5-HKSCS as ⑹ (which Big5
itself puts at C7 F8). Such a symbol is read as its letter only inside a Latin
word that is then a Vietnamese syllable, with a letter before it or another
repair in the word; genuine kana, enumerations and Vietnamese stay byte-identical.
"""

from __future__ import annotations

import pytest

from glossary.repair import repair_text
from glossary.repair.charmaps import corrupt_double

BIG5_KINDS = ["big5", "cp950", "big5hkscs"]


@pytest.mark.parametrize("codec", BIG5_KINDS)
@pytest.mark.parametrize(
    "clean",
    [
        "Thương mại",  # ư and ơ side by side (⑹①, がヾ) before other mojibake
        "Mr Le Van Hưng said.",  # the word's only non-ASCII letter
        "Le Phương, Nguyen",
        "Ms Dương and Mr Trương met.",
        "lưu, mưa, thư, như, tư, cơ, thơ",
        "«Hưng» and «tư» and «ơi»",  # the guillemets are mojibake too (竄 罈)
    ],
)
def test_letters_read_as_symbols_come_back(clean: str, codec: str) -> None:
    broken = corrupt_double(clean, codec)
    assert broken != clean and "\ufffd" not in broken
    assert repair_text(broken)[0] == clean


@pytest.mark.parametrize(
    "clean",
    # Big5 and cp950 lose a byte of ở, ờ and ớ; Big5-HKSCS keeps them (俲, 𩥉, 𢲷).
    ["trưởng xuất khẩu.", "(người nước)", "TRƯỜNG", "Cường"],
)
def test_a_symbol_next_to_other_mojibake_comes_back(clean: str) -> None:
    broken = corrupt_double(clean, "big5hkscs")
    assert "\ufffd" not in broken
    assert repair_text(broken)[0] == clean


def test_the_symbol_differs_between_the_variants() -> None:
    assert corrupt_double("tư", "big5hkscs") == "t⑹"
    assert corrupt_double("tư", "big5") == "tが"
    assert "⑹".encode("big5") == b"\xc7\xf8"  # not C6 B0: each variant is asked


@pytest.mark.parametrize("codec", BIG5_KINDS)
@pytest.mark.parametrize("clean", ["ưng ý", "ơi!", "Ưu tiên"])
def test_a_symbol_that_begins_a_word_alone_stays(clean: str, codec: str) -> None:
    # ⑹ng, ①i, ⑸u: with no letter before the symbol and no other repair in the word,
    # it reads as a list's numbering as well (⑸A, ①i); it is left as it is.
    broken = corrupt_double(clean, codec)
    assert repair_text(broken)[0][0] == broken[0]


CLEAN = [
    # Japanese: kana glued to Latin words and letters.
    "AppleがiPhoneを発表し、SonyがPSを出した。",
    "GoogleがAndroidを、MicrosoftがWindowsを更新した。",
    "AかBか、どちらかを選ぶ。NかTでもよい。",
    "iPadがほしい。Macがいい。Tokyoが好き。",
    "ThơかThưか、名前の読みが分からない。",
    "バージョンはv2かv3です。Pythonが動く。",
    "ヾ(＾▽＾)ノ と書いた。あゝ、いすゞのトラック。",
    # Enumerations: circled and parenthesised numbers, Roman numerals.
    "手順は次のとおり：①準備、②実行、③確認。",
    "⑴ 背景 ⑵ 目的 ⑶ 方法 ⑷ 結果 ⑸ 考察 ⑹ 結論",
    "见附件⑴和⑵；另请参阅第⑸条与第⑹条。",
    "Steps: ① open the lid, ② pour, ③ stir; see also ⑸ and ⑹.",
    "Options ⑴a, ⑴b and ⑵a; appendix ①A, ①B, ⑸A, ⑹B.",
    "①a ①b ①i ⑹t ⑸NG ⑹ng ①n",
    "Type ⅰ, ⅱ and ⅲ; stepⅰ and stepⅱ.",
    "第⑹項のAとB、⑸のCについて。",
    "按照①、②、③的顺序，分别由A组、B组完成。",
    "請參閱⑴至⑹項，以及①②③附表。",
    # Clean Vietnamese, with the letters these symbols stand for.
    "Trường Đại học Bách khoa Hà Nội tuyển sinh năm nay.",
    "Ông Nguyễn Văn Hưng, Phó Chủ tịch, phát biểu tại hội nghị thương mại.",
    "Mưa to ở Thừa Thiên Huế; người dân được sơ tán.",
    "TRƯƠNG THỊ MAI, DƯƠNG VĂN MINH VÀ LƯƠNG CƯỜNG",
    "ơi, ưng, ước, thuở, quơ, tư, như, thư, cơ, thơ, Ơn, ƯU",
]


@pytest.mark.parametrize("text", CLEAN)
def test_genuine_kana_enumerations_and_vietnamese_stay(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_genuine_symbols_stay_in_a_document_with_big5_mojibake() -> None:
    # The document shows the pipeline (two repairs): the clean lines still stay.
    broken = corrupt_double("Mr Le Van Hưng said, trưởng xuất khẩu.", "big5hkscs")
    text = "\n".join([broken, *CLEAN])
    repaired = repair_text(text)[0]
    assert repaired == "\n".join(["Mr Le Van Hưng said, trưởng xuất khẩu.", *CLEAN])
