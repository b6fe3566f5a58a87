"""Persian's zero-width non-joiner (U+200C) in the PDF: kept between its two letters, drawn as nothing, read back
in its place (qa4exp 2, qa5 11: it was drawn as a bar one letter early, and read back there)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from briefing.core.anchors import find_quote
from briefing.core.model import Briefing, Note
from briefing.core.templates import Template
from briefing.export import build_tree
from briefing.export.bidi import shape, visual
from briefing.export.pdf import write_pdf
from briefing.export.pdftext import ARABIC, HEBREW, SANS, register
from briefing.export.tree import Quotation
from briefing.importers import import_file

QUOTE = "ایران و کانادا گفت‌وگوهای رسمی را آغاز کرده‌اند. سفارت‌خانه نمی‌تواند نخستین گام باشد."
NOTE = "وزیر امور خارجه کانادا می‌گوید گفت‌وگوها با ایران در سطح رسمی آغاز شده‌اند و دیپلمات‌های دو کشور دیدار می‌کنند."
WORDS = re.compile("[\u0621-\u06ff\u200c]+")  # Arabic-script letters and the non-joiner (no punctuation)


def test_the_non_joiner_stays_between_its_two_letters_in_visual_order() -> None:
    word = "گفت\u200cوگوهای"
    shaped = shape(word)  # ت final, then و alone: arabic-reshaper does not join across the non-joiner
    assert shaped[2:5] == "\ufe96\u200c\ufeed"
    assert visual(word, True) == shaped[::-1]  # all right to left: the reversal of the logical order
    # with a Latin word and a number the line is reordered by levels: the same word, reversed whole
    mixed = visual(f"ایران و کانادا {word} Briefing 2024", True)
    assert shaped[::-1] in mixed and "Briefing 2024" in mixed


def _pdf(tmp_path: Path, demo: Briefing, template: Template) -> Path:
    """The demo note with a Persian quotation and a Persian note of the analyst's, as PDF."""
    demo.section("positions").items.append(Note(id="note-fa", text=NOTE))
    tree = build_tree(demo, template)
    index = next(i for i, node in enumerate(tree.body) if isinstance(node, Quotation))
    quotation = tree.body[index]
    assert isinstance(quotation, Quotation)
    tree.body[index] = dataclasses.replace(quotation, text=QUOTE, rtl=True, lang="fa")
    path = tmp_path / "fa.pdf"
    with path.open("wb") as out:
        write_pdf(tree, out)
    return path


def _words(text: str) -> str:
    return " ".join(WORDS.findall(text))


def test_persian_reads_back_word_for_word_with_its_non_joiners(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    path = _pdf(tmp_path, demo, template)
    texts = {"pypdf": " ".join(page.extract_text() for page in PdfReader(path).pages)}
    if shutil.which("pdftotext"):
        texts["pdftotext"] = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    for reader, text in texts.items():
        for sentence in [*QUOTE.split(". "), NOTE]:
            assert _words(sentence) in _words(text), reader
    # Briefing's own import of its PDF: the passages can be quoted back
    source = import_file(path)
    for passage in ["کانادا گفت‌وگوهای رسمی را آغاز کرده‌اند", "کانادا می‌گوید گفت‌وگوها با ایران"]:
        assert find_quote(source.text, passage), passage


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler's pdftoppm renders the page")
def test_joiners_draw_nothing(tmp_path: Path) -> None:
    # Noto Naskh Arabic, Noto Sans Hebrew and Liberation Sans have visible bars for the joiners (for editors)
    path = tmp_path / "joiners.pdf"
    page = canvas.Canvas(str(path), pagesize=(300, 300))
    for row, family in enumerate((ARABIC, HEBREW, SANS)):
        register(family)
        page.setFont(family.names()[0], 80)
        page.drawString(40, 40 + 90 * row, "\u200c \u200d \u200c\u200d")
    page.save()
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(path), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.pgm")))
    assert image.getextrema() == (255, 255)  # all white
