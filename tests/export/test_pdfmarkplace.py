"""Arabic harakat and Hebrew points drawn in place in the PDF (pdfmarkplace): positioned by the font's GPOS through
HarfBuzz, each glyph its own character, so the text reads back with its marks and nothing warns."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from briefing.core.model import Briefing, Note
from briefing.core.templates import Template
from briefing.demo import demo_briefing
from briefing.export import build_tree, export_briefing
from briefing.export.bidi import visual, visual_runs
from briefing.export.pdfmarks import unshown_marks
from tests.export.test_pdf_tags import _check
from tests.export.test_pdfmarks import _quoting

ARABIC = "حَبيبي"  # a fatha above the hah
HEBREW = "שָׁלוֹם"  # a qamats below the shin, a shin dot and a holam above
DPI = 100


def _marks(text: str) -> list[str]:
    return [ch for ch in unicodedata.normalize("NFKD", text) if unicodedata.combining(ch)]


def test_the_marks_are_in_the_pdfs_text(demo: Briefing, template: Template, tmp_path: Path) -> None:
    briefing = _quoting(demo, ARABIC, HEBREW)
    pdf = export_briefing(briefing, template, tmp_path / "note.pdf")
    printed = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert unicodedata.normalize("NFKC", ARABIC) in printed  # in logical order, each mark after its letter
    assert HEBREW in printed
    poppler = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert set(_marks(ARABIC)) | set(_marks(HEBREW)) <= set(_marks(poppler))  # (poppler's order is its own)
    assert unshown_marks(build_tree(briefing, template)) == []  # nothing to warn about: the fonts place them
    _check(pdf, build_tree(briefing, template))  # tagged as before, and pdfua finds nothing


def test_a_quotation_split_over_two_pages_keeps_its_marks_in_place(demo: Briefing, template: Template, tmp_path: Path):
    sentence = "وَقَالَ وَزِيرُ الخَارِجِيَّةِ إِنَّ المُحَادَثَاتِ بَدَأَتْ عَلَى المُسْتَوَى الرَّسْمِيِّ"
    pdf = export_briefing(_quoting(demo, "، ".join([sentence] * 40)), template, tmp_path / "long.pdf")
    pages = [unicodedata.normalize("NFKC", page.extract_text()) for page in PdfReader(pdf).pages]
    word = unicodedata.normalize("NFKC", "الخَارِجِيَّةِ")
    assert sum(page.count(word) for page in pages) == 40  # every line's marks after their letters, both parts
    assert len([page for page in pages if word in page]) >= 2


def _page(briefing: Briefing, template: Template, path: Path) -> tuple[Image.Image, list[tuple[float, ...]]]:
    """The first page at DPI, black and white, and the boxes (in pixels) of its right-to-left words."""
    export_briefing(briefing, template, path)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-gray", str(path), str(path)], check=True)
    image = Image.open(next(path.parent.glob(path.name + "*.pgm"))).point(lambda v: 255 if v < 128 else 0)
    words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    boxes = [
        tuple(float(v) * DPI / 72 for v in match.groups()[:4])
        for match in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', words)
        if re.search("[\u0590-\u06ff\ufb1d-\ufeff]", match.group(5))
    ]
    return image.convert("1"), boxes


def _ink(image: Image.Image, box: tuple[float, ...]) -> tuple[list[int], list[int]]:
    """The rows and the columns with ink in a box of the page."""
    left, top, right, bottom = (round(v) for v in box)
    crop = image.crop((left, top, right, bottom))
    dots = [(x, y) for y in range(crop.height) for x in range(crop.width) if crop.getpixel((x, y))]
    return sorted({top + y for _, y in dots}), sorted({left + x for x, _ in dots})


def test_the_marks_are_drawn_above_and_below_their_letters(template: Template, tmp_path: Path) -> None:
    for marked, where in ((ARABIC, "above"), (HEBREW, "below")):
        bare = "".join(ch for ch in marked if not unicodedata.combining(ch))
        with_marks, boxes = _page(_quoting(demo_briefing(), marked), template, tmp_path / f"marked-{where}.pdf")
        without, _ = _page(_quoting(demo_briefing(), bare), template, tmp_path / f"bare-{where}.pdf")
        left = min(box[0] for box in boxes) - 1
        right = max(box[2] for box in boxes) + 1
        top = min(box[1] for box in boxes) - 4
        bottom = max(box[3] for box in boxes) + 4
        letters, columns = _ink(without, (left, top, right, bottom))  # the bare word's ink
        extra = Image.frombytes(
            "1",
            with_marks.size,
            bytes(a & ~b & 0xFF for a, b in zip(with_marks.tobytes(), without.tobytes(), strict=True)),
        )
        marks, mark_columns = _ink(extra, (left, top, right, bottom))  # ink the bare word does not have
        assert letters and marks, f"no ink for {marked}"
        # beyond the letters' height, over the word's own columns (not beside it, as a mark drawn unplaced is)
        assert (min(marks) < min(letters)) if where == "above" else (max(marks) > max(letters)), (where, marks, letters)
        assert min(columns) <= min(mark_columns) and max(mark_columns) <= max(columns), (mark_columns, columns)


# The analyst's right-to-left writing with bold or italic, and right-to-left list items, lost their marks without a
# word: they were joined and ordered without them (bidi.visual_runs) and list items were not placed (PlacedMarks)
AR_WRITTEN = "وَقَالَ **الوَزِيرُ** إِنَّ المُحَادَثَاتِ بَدَأَتْ"
HE_WRITTEN = "שָׁלוֹם *עֲלֵיכֶם* כָּאן"


def _writing(text: str) -> Briefing:
    briefing = demo_briefing()
    briefing.section("background").items.append(Note(id="n-marks", text=text))
    return briefing


def test_right_to_left_writing_and_list_items_keep_their_marks(template: Template, tmp_path: Path) -> None:
    for name, text in (("bold", AR_WRITTEN), ("italic", HE_WRITTEN), ("list", f"- {AR_WRITTEN}\n- {HE_WRITTEN}")):
        briefing = _writing(text)
        pdf = export_briefing(briefing, template, tmp_path / f"{name}.pdf")
        printed = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(pdf).pages))
        for written in (AR_WRITTEN, HE_WRITTEN):
            if written.replace("*", "") in text.replace("*", ""):
                for word in written.replace("*", "").split():  # each word with all its marks, in logical order
                    assert unicodedata.normalize("NFKC", word) in printed, (name, word)
        assert unshown_marks(build_tree(briefing, template)) == []
        _check(pdf, build_tree(briefing, template))  # list items still tagged L > LI > Lbl + LBody


def test_marks_in_bold_and_list_items_are_drawn_above_and_below_their_letters(
    template: Template, tmp_path: Path
) -> None:
    for marked, where in (("**حَبيبي**", "above"), ("- *שָׁלוֹם* כאב", "below")):
        bare = "".join(ch for ch in marked if not unicodedata.combining(ch))
        with_marks, boxes = _page(_writing(marked), template, tmp_path / f"marked-{where}.pdf")
        without, _ = _page(_writing(bare), template, tmp_path / f"bare-{where}.pdf")
        _assert_placed(with_marks, without, boxes, where)


def _assert_placed(with_marks: Image.Image, without: Image.Image, boxes: list[tuple[float, ...]], where: str) -> None:
    """The marks' ink (what the page with them has more) is beyond the letters' height, over their columns."""
    left, right = min(box[0] for box in boxes) - 1, max(box[2] for box in boxes) + 1
    top, bottom = min(box[1] for box in boxes) - 4, max(box[3] for box in boxes) + 4
    letters, columns = _ink(without, (left, top, right, bottom))
    extra = Image.frombytes(
        "1", with_marks.size, bytes(a & ~b & 0xFF for a, b in zip(with_marks.tobytes(), without.tobytes(), strict=True))
    )
    marks, mark_columns = _ink(extra, (left, top, right, bottom))
    assert letters and marks
    assert (min(marks) < min(letters)) if where == "above" else (max(marks) > max(letters)), (where, marks, letters)
    assert min(columns) <= min(mark_columns) and max(mark_columns) <= max(columns), (mark_columns, columns)


def test_a_mark_between_lam_and_alef_stays_with_its_run() -> None:
    """arabic-reshaper moves the fatha of لَا after the lam-alef ligature: the runs still line up (they did not,
    and each run was joined on its own, so letters did not join across bold), and the mark is in its letter's."""
    pieces = [("لَا", "b"), ("بَيْت", "")]
    ordered = visual_runs(pieces, marks=True)
    assert "".join(text for text, _ in ordered) == visual("لَابَيْت", True, marks=True)
    bold = "".join(text for text, tag in ordered if tag == "b")
    assert unicodedata.normalize("NFKC", bold) == unicodedata.normalize("NFKC", "\ufefc\u064e")  # joined, with mark
