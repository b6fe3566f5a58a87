"""PDF import of right-to-left and Chinese text as office programs draw it: words from the gaps between glyph
runs, logical order, digits and punctuation in place (QA4 defect 14)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from briefing.importers import import_file
from briefing.importers.pdf_glyphs import Glyph, glyph_lines, logical_order

ARABIC = "بالموازاة مع ذلك وللإشارة إلى المنطقة المغاربية بشكل عام (الجزائر الحالية)، ص 12."
PERSIAN = "در سال ۱۳۹۱ دولت کانادا روابط دیپلماتیک خود را با ایران قطع کرد و دیپلمات‌های ایرانی را اخراج کرد."
HEBREW = "למעשה, השפה הנשמעת בפי דוברים ילידיים זהה כמעט בכל חלקי ישראל."
CHINESE = "搜狐在线国庆免费大酬宾 拨95933上网魔力宝贝免费玩"
VOCALISED = "قال: نعم فعلاً جِدّاً مُهِمٌّ."  # marks LibreOffice draws before their letters, a shadda and a tanween stacked
# a dagesh, shin dot and holam where two letters meet; LibreOffice gives a cluster of marks its text in /ActualText
POINTED = "בְּרֵאשִׁית בָּרָא אֱלֹהִים: אֵת הַשָּׁמַיִם, וְאֵת הָאָרֶץ."
# in a paragraph not marked right-to-left (left-to-right, as python-docx and many templates make it): the full stop
# is drawn at the right end of the line, after the words
HEBREW_IN_LTR_PARAGRAPH = "שר החוץ אמר כי השיחות יימשכו."


@pytest.fixture(scope="module")
def office_pdf(tmp_path_factory) -> Path:
    """A DOCX with right-to-left paragraphs, made into a PDF by LibreOffice (as an analyst's office PDF is)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    from docx import Document
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    folder = tmp_path_factory.mktemp("rtl")
    document = Document()
    document.add_paragraph("An English line first.")
    for text in (ARABIC, PERSIAN, HEBREW, VOCALISED, POINTED):
        paragraph = document.add_paragraph()
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
        run = paragraph.add_run(text)
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        run._r.get_or_add_rPr().find(qn("w:rtl")).set(qn("w:val"), "1")
    document.add_paragraph(CHINESE)
    document.add_paragraph(HEBREW_IN_LTR_PARAGRAPH)
    document.save(str(folder / "rtl.docx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(folder / "rtl.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / "rtl.pdf"


@pytest.mark.parametrize(
    "sentence",
    [ARABIC, PERSIAN, HEBREW, VOCALISED, POINTED, CHINESE],
    ids=["ar", "fa", "he", "ar-vocalised", "he-pointed", "zh"],
)
def test_office_pdf_reads_in_logical_order_with_its_spaces(office_pdf: Path, sentence: str) -> None:
    text = " ".join(import_file(office_pdf).text.split())
    assert sentence in text


def test_a_right_to_left_sentence_in_a_left_to_right_paragraph_keeps_its_full_stop_last(office_pdf: Path) -> None:
    # QA9 D11: read back ".שר החוץ אמר כי השיחות יימשכו", the full stop first, so the sentence could not be quoted
    assert HEBREW_IN_LTR_PARAGRAPH in " ".join(import_file(office_pdf).text.split())
    # as drawn: the words right to left, the full stop on their right; a right-aligned line's is its start
    visual = ["ו", "כ", "ש", "מ", "י", "י", " ", "ר", "ש", "."]
    assert "".join(logical_order(visual, "L")) == "שר יימשכו."
    assert "".join(logical_order(visual, "R")) == ".שר יימשכו"
    # a list number's point beside its digit is no full stop: it stays with the number
    assert "".join(logical_order(["ם", "ו", "ל", "ש", " ", "1", "."], "L")) == ".1 שלום"


def test_visual_order_to_logical() -> None:
    # "در سال ۱۳۹۱ دولت." drawn left to right: the full stop first, the digits left to right
    visual = [".", "ت", "ل", "و", "د", " ", "۱", "۳", "۹", "۱", " ", "ل", "ا", "س", " ", "ر", "د"]
    assert "".join(logical_order(visual)) == "در سال ۱۳۹۱ دولت."
    # a left-to-right line keeps its order, with a right-to-left word in it put right
    visual = ["T", "h", "e", " ", "w", "o", "r", "d", " ", "م", "ا", "ل", "س", " ", "i", "s"]
    assert "".join(logical_order(visual)) == "The word سلام is"


def test_word_gaps_become_spaces_and_joiners_stay_between_their_letters() -> None:
    def glyph(x: float, text: str, width: float = 5.0) -> Glyph:
        return Glyph(x, x + width, 700.0, 10.0, text)

    # "ب ها" drawn as two runs with no space glyph; a non-joiner with a width of its own, kerned back
    glyphs = [glyph(100, "ا"), glyph(105, "\u200c"), glyph(104.8, "ه"), glyph(115, "ب")]
    [(_, _, _, text, _)] = glyph_lines(glyphs)
    assert text == "ب ه\u200cا"


def test_a_right_to_left_page_in_two_columns_reads_the_right_column_first(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = Document()
    section = document.sections[0]._sectPr
    columns = section.find(qn("w:cols"))
    if columns is None:
        columns = OxmlElement("w:cols")
        section.append(columns)
    columns.set(qn("w:num"), "2")
    section.append(OxmlElement("w:bidi"))  # an Arabic document: its first column is the right one
    first, second = ("الفقرة الأولى في العمود الأيمن " * 3).strip(), ("الفقرة الثانية في العمود الأيسر " * 3).strip()
    for i, text in enumerate((first, second)):
        for _ in range(6):
            paragraph = document.add_paragraph()
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            paragraph.add_run(text + ".")
        if i == 0:
            paragraph.add_run().add_break(WD_BREAK.COLUMN)
    document.save(str(tmp_path / "columns.docx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "columns.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = " ".join(import_file(tmp_path / "columns.pdf").text.split())
    assert first in text and second in text
    assert text.index(first) < text.index(second)


def test_briefings_own_pdf_reads_back_with_its_brackets_the_right_way(tmp_path: Path, capsys) -> None:
    # Briefing's PDF export (as ReportLab's PDFs) writes right-to-left text in visual order with its brackets
    # mirrored (")" where an opening one is drawn): read back, they face the right way again
    from tests.test_cli import run

    sentence = "قال الوزير إن 25% من الميزانية ستخصص لبرنامج COVID-19 في عام 2021 (انظر الصفحة 12)."
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Mixed")[0] == 0
    assert run(capsys, "note", str(note), "--section", "background", "--text", sentence)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    assert sentence in " ".join(import_file(tmp_path / "n.pdf").text.split())
    # a LibreOffice PDF maps the glyph drawn on the left of "(ب)" to ")", the logical character: not turned
    assert "".join(logical_order([")", "ب", "("])) == "(ب)"
    assert "".join(logical_order(["(", "ب", ")"], mirrored=True)) == "(ب)"


def test_a_word_final_tanween_stays_on_its_letter_before_the_full_stop(tmp_path: Path, capsys) -> None:
    # QA6 defect 1: "أولاً." and "فعلاً." read back "أولا.ً", the mark after the full stop, so the sentence could not
    # be quoted; a tanween before a comma ("أيضاً،") read right
    from tests.test_cli import run

    sentences = ["قال: نعم فعلاً.", "وأن الوصول القنصلي إلى الكنديين المحتجزين سيأتي أولاً.", "قال أيضاً، نعم."]
    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Tanween")[0] == 0
    for sentence in sentences:
        assert run(capsys, "note", str(note), "--section", "background", "--text", sentence)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    text = import_file(tmp_path / "n.pdf").text
    for sentence in sentences:
        assert sentence in text
    # as LibreOffice draws it: the mark's origin over the full stop, the alef (here in the lam-alef) beside it
    glyphs = [
        Glyph(492.3, 495.35, 600.0, 11.0, "."),
        Glyph(493.5, 493.5, 600.0, 11.0, "\u064b"),
        Glyph(495.4, 501.67, 600.0, 11.0, "لا"),
        Glyph(501.69, 506.99, 600.0, 11.0, "و"),
        Glyph(506.99, 512.0, 600.0, 11.0, "أ"),
    ]
    assert glyph_lines(glyphs)[0][3] == "أولاً."


def test_pointed_hebrew_of_briefings_own_pdf_keeps_each_mark_on_its_letter(tmp_path: Path, capsys) -> None:
    # QA7 defect 4: a dagesh, shin dot or holam drawn where one letter ends and the next begins read back on the
    # neighbouring letter ("בְרֵּאשִיׁת"); the order the marks are drawn in tells their letter
    from tests.test_cli import run

    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Pointed")[0] == 0
    assert run(capsys, "note", str(note), "--section", "background", "--text", POINTED)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    assert unicodedata.normalize("NFC", POINTED) in import_file(tmp_path / "n.pdf").text


def test_a_mark_between_two_letters_goes_with_the_letter_drawn_with_it() -> None:
    # a right-to-left word drawn left to right: each letter's marks come before it ("בְּ": sheva, dagesh, bet; the
    # dagesh where resh ends and bet begins); a Latin letter's mark comes after it, at its end ("û" in "brûlée")
    hebrew = [
        Glyph(527.89, 533.77, 600.0, 11.0, "ר"),
        Glyph(536.78, 536.78, 600.0, 11.0, "\u05b0"),
        Glyph(533.77, 533.77, 600.0, 11.0, "\u05bc"),
        Glyph(533.77, 540.35, 600.0, 11.0, "ב"),
    ]
    assert glyph_lines(hebrew)[0][3] == "בְּר"
    latin = [
        Glyph(100.0, 106.0, 500.0, 11.0, "r"),
        Glyph(106.0, 112.0, 500.0, 11.0, "u"),
        Glyph(112.0, 112.0, 500.0, 11.0, "\u0302"),
        Glyph(112.0, 115.0, 500.0, 11.0, "l"),
    ]
    assert unicodedata.normalize("NFC", glyph_lines(latin)[0][3]) == "rûl"


def test_a_one_line_right_to_left_paragraph_at_a_pages_foot_goes_on_on_the_next_page(tmp_path: Path) -> None:
    # a paragraph's first line alone at the foot of a page (widow control off, as many documents have it): the line
    # runs to the left margin, so the paragraph goes on on the next page, as a left-to-right one's lower-case start
    # shows; Arabic and Hebrew have no lower case, and a one-line paragraph no other lines to compare its length to
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    from docx import Document
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement
    from docx.shared import Pt

    arabic_clause = (
        "قال وزير الخارجية إن المحادثات بين البلدين ستستمر الأسبوع المقبل في جنيف، وأضاف أن الوفدين اتفقا على"
    )
    arabic = " ".join([arabic_clause] * 5) + " مواصلة العمل."
    hebrew_clause = "שר החוץ אמר כי השיחות בין שתי המדינות יימשכו בשבוע הבא בז'נבה, והוסיף כי המשלחות הסכימו על"
    hebrew = " ".join([hebrew_clause] * 3) + " המשך העבודה."
    document = Document()
    section = document.sections[0]
    # ten lines to a page: 14 pt lines, 6 pt after each paragraph
    section.page_height = Pt(72 + 72 + 10 * 20 + 4)
    section.top_margin = section.bottom_margin = Pt(72)
    section.header_distance = section.footer_distance = Pt(36)
    arabic_fillers = [f"وأكد الوزير أن الوضع مستقر {n}." for n in range(1, 10)]
    hebrew_fillers = [f"השר אמר שהמצב יציב {n}." for n in range(1, 6)]
    # page 1: nine one-line paragraphs and the Arabic paragraph's first line; page 2: its other six, five more and
    # the Hebrew paragraph's first line; page 3: the rest of it
    for text in [*arabic_fillers, arabic, *hebrew_fillers, hebrew]:
        paragraph = document.add_paragraph()
        properties = paragraph._p.get_or_add_pPr()
        properties.append(OxmlElement("w:bidi"))
        widows = OxmlElement("w:widowControl")
        widows.set(qn("w:val"), "0")
        spacing = OxmlElement("w:spacing")
        for name, value in (("before", "0"), ("after", "120"), ("line", "280"), ("lineRule", "exact")):
            spacing.set(qn(f"w:{name}"), value)
        properties.extend([widows, spacing])
        paragraph.add_run(text)
    document.save(str(tmp_path / "foot.docx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "foot.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    source = import_file(tmp_path / "foot.pdf")
    assert source.meta.pages == 3
    paragraphs = [source.text[b.start : b.end] for b in source.blocks]
    assert paragraphs == [*arabic_fillers, arabic, *hebrew_fillers, hebrew]
    # each page after the first starts inside the paragraph it cut, after that paragraph's first line
    for page, text in ((1, arabic), (2, hebrew)):
        start = source.text.index(text)
        assert start + 40 < source.meta.page_starts[page] < start + 100
