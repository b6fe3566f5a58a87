"""Direction and script of text: one rule for every importer, exporter and view (briefing/core/script.py)."""

from __future__ import annotations

import pytest

from briefing.core.model import Briefing, Note
from briefing.core.script import (
    direction,
    has_rtl,
    is_rtl,
    language_direction,
    language_of,
    script_name,
    scripts,
)
from briefing.core.templates import load_catalog
from briefing.demo import demo_briefing
from briefing.export.bidi import visual
from briefing.export.tree import BodyText, build_tree
from briefing.importers.text import text_to_source

BOM = "\ufeff"


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("نمستے", True),
        ("Hello", False),
        ("नमस्ते مرحبا", False),  # Devanagari is left-to-right: the first strong letter decides
        ("مرحبا नमस्ते", True),
        ("שלום world", True),
        ("2016: مرحبا", True),  # digits and punctuation have no direction of their own
        (BOM + "Hello", False),  # a byte order mark has none either
        (BOM + "مرحبا", True),
        ("\u0651\u064e", False),  # Arabic marks alone: no strong character
        ("中文 مرحبا", False),
        ("", False),
    ],
)
def test_a_paragraph_takes_the_direction_of_its_first_strong_character(text: str, rtl: bool) -> None:
    assert is_rtl(text) is rtl


def test_has_rtl_needs_a_right_to_left_letter() -> None:
    assert has_rtl("abc مرحبا") and has_rtl("שלום") and has_rtl("𞤀𞤣𞤤𞤢𞤥")  # Adlam is right-to-left too
    assert not has_rtl(BOM + "Hello") and not has_rtl("١٢٣")  # Arabic-Indic digits are numbers, not letters
    assert not has_rtl("नमस्ते 中文")


def test_a_source_direction_goes_by_the_share_of_its_letters() -> None:
    arabic = "العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012. " * 5
    assert direction("BBC News: " + arabic) == "rtl"  # a Latin name first does not make an Arabic article LTR
    assert direction("A long English report that quotes one Arabic word: سلام.") == "ltr"
    assert direction(BOM + "ok") == "ltr"  # a byte order mark is not a right-to-left letter
    assert direction("नमस्ते दुनिया") == "ltr"
    assert direction("2016 — 42") == "" and direction(BOM) == ""


def test_a_language_tag_implies_a_direction() -> None:
    assert language_direction("fa-IR") == language_direction("he") == "rtl"
    assert language_direction("en-CA") == language_direction("") == ""


def test_scripts_for_fonts_and_names_for_messages() -> None:
    assert scripts("مرحبا שלום 中文 Hello") == {"Arabic", "Hebrew", "CJK"}
    assert scripts("Hello") == set()
    assert script_name("ก") == "Thai" and script_name("→") == "" and script_name("7") == ""


def test_the_importers_use_the_same_rule() -> None:
    arabic = "العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012."
    assert text_to_source(f"BBC News\n\n{arabic}\n\n{arabic}", "a.txt").meta.direction == "rtl"
    assert text_to_source(BOM + "ok", "b.txt").meta.direction == "ltr"


@pytest.mark.parametrize("text", ["नमस्ते مرحبا", "مرحبا नमस्ते", BOM + "مرحبا", "2016: שלום"])
def test_the_document_tree_and_the_pdf_order_agree(text: str) -> None:
    briefing: Briefing = demo_briefing()
    briefing.section("positions").items.append(Note(id="note-x", text=text))
    template = load_catalog().templates[briefing.template]
    node = next(
        n for n in build_tree(briefing, template).body if isinstance(n, BodyText) and n.text == text.lstrip(BOM)
    )
    assert node.rtl is is_rtl(text)
    assert visual(text) == visual(text, is_rtl(text))  # the PDF's own guess, without the tree's word, is the same


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("العلاقات الدبلوماسية بين كندا وإيران", "ar"),
        ("روابط دیپلماتیک کانادا و ایران", "fa"),  # peh, keheh and Farsi yeh are Persian letters
        ("ﺭﻭﺍﺑﻂ ﺩﯾﭙﻠﻤﺎﺗﯿﮏ", "fa"),  # the same, as the presentation forms the PDF draws
        ("השיחות בין קנדה לאיראן", "he"),
        ("加拿大与伊朗恢复外交关系", "zh"),
        ("カナダとイランの外交関係", "ja"),
        ("캐나다와 이란", "ko"),
        ("Talks with Tehran (طهران) resumed", ""),  # mostly Latin: the note's own language
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας", "el"),  # scripts of one language (QA2 defect 16)
        ("กรุงเทพมหานคร", "th"),
        ("Հայաստանի Հանրապետություն", "hy"),
        ("საქართველო", "ka"),
        ("Переговоры", ""),  # Cyrillic, Latin: many languages, the script does not tell
        ("2016 — 12.5%", ""),
    ],
)
def test_the_script_tells_the_language_where_it_can(text: str, language: str) -> None:
    assert language_of(text) == language


def test_the_script_blocks_are_compiled_only_when_first_used() -> None:
    """Compiling the CJK ranges takes some 8 ms, and the importers (so the window's start) load this module."""
    import subprocess
    import sys

    code = (
        "from briefing.core import script\n"
        "blocks = [*script.SCRIPT_BLOCKS.values(), script._HANGUL]\n"
        "print(sum(b.is_compiled for b in blocks), script.language_of('\u4e2d\u6587'), "
        "script.language_of('\ud55c\uad6d\uc5b4'), script.SCRIPT_BLOCKS['CJK'].is_compiled)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "zh", "ko", "True"]


def test_punctuation_past_latin_tells_no_language_and_compiles_no_script_block() -> None:
    """The demo's ’ — “ ” and a stray 。 are not letters: nothing to tell, so the window's start compiles nothing."""
    from briefing.core import script

    script.language_of.cache_clear()
    blocks = [*script.SCRIPT_BLOCKS.values(), *script._ONE_LANGUAGE.values()]
    for block in blocks:
        block._compiled = None  # as at start-up: not compiled yet
    assert script.language_of("It’s the minister’s view — “step by step”。") == ""
    assert not any(block.is_compiled for block in blocks)
    assert script.language_of("قال الوزير — “خطوة بخطوة”") == "ar"


def _language_of_letter_by_letter(text: str) -> str:
    """language_of as it was written first: each letter looked at, each block's letters listed."""
    from briefing.core import script

    if not any(ch >= "\u0370" and ch.isalpha() for ch in set(text)):
        return ""
    found = "".join(ch for ch in text if ch.isalpha())
    if not found:
        return ""
    for name, block in script.SCRIPT_BLOCKS.items():
        if len(block.findall(found)) * 2 <= len(found):
            continue
        if name == "Arabic":
            return "fa" if script._PERSIAN.search(found) else "ar"
        if name == "Hebrew":
            return "he"
        return "ja" if script._KANA.search(found) else "ko" if script._HANGUL.search(found) else "zh"
    for language, block in script._ONE_LANGUAGE.items():
        if len(block.findall(found)) * 2 > len(found):
            return language
    return ""


def test_the_language_is_told_as_by_looking_at_each_letter() -> None:
    """language_of searches where it used to look at each character (a PDF export asks it of every quotation):
    the same answer for texts of every script it tells, mixed half and half, with marks, digits and punctuation
    past Latin (Arabic digits, CJK punctuation, fullwidth forms), letters outside the blocks, and none."""
    import random

    pieces = [
        "العلاقات", "ایران", "گفت‌وگو", "שָׁלוֹם", "中文", "カナ", "한국", "Ἀθῆναι", "ไทย", "Հայ", "ქართ", "Москва",
        "Ottawa", "٢٠١٢", "、。「」", "，！", "①½²", "—“”’", "ـ", "\u064e\u0651", "\u200c", " ", "12", "é", "ǅ", "𠀀",
        "\U0001f600", "ﺭﻭﺍ", "ﷲ", "ㄱ", "〇", "ᄀ", "", "ß",
    ]  # fmt: skip
    rng = random.Random(13)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(4000)]
    for text in texts:
        assert language_of.__wrapped__(text) == _language_of_letter_by_letter(text), text
