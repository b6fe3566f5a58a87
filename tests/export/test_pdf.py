"""PDF export read back with pypdf: text order, footnotes per page, marking, fonts, outline, metadata."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.model import Anchor, Briefing, Excerpt, Note, Source, SourceMeta
from briefing.core.script import is_rtl
from briefing.core.templates import Template
from briefing.export import ExportError, export_briefing
from briefing.export.pdf import write_pdf
from briefing.export.tree import Citation, DocumentTree, Quotation, build_tree
from tests.export.conftest import MULTILINGUAL


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pages(path: Path) -> list[str]:
    return [_flat(page.extract_text() or "") for page in PdfReader(path).pages]


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded, for every font on every page."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


@pytest.fixture
def pdf(tmp_path: Path, demo: Briefing, template: Template) -> Path:
    return export_briefing(demo, template, tmp_path / "note.pdf")


def test_excerpts_in_order_with_marking_and_page_numbers(pdf: Path, demo: Briefing) -> None:
    pages = _pages(pdf)
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert page.count("UNCLASSIFIED") == 2  # header and footer banner
        assert f"Page {number} of 2" in page
        assert "DRAFT" not in page
    flat = " ".join(pages)
    positions = [flat.index(" ".join(e.anchor.exact.split())) for _, e in demo.excerpts()]
    assert positions == sorted(positions)
    headings = [flat.index(s.heading) for s in demo.sections if s.items]
    assert headings == sorted(headings)
    assert flat.index("Canada–Iran: talks on renewing diplomatic ties") < headings[0]
    assert "MEMORANDUM TO THE DIRECTOR" in flat and "Prepared by: A. Analyst, Middle East Policy" in flat


def test_footnotes_sit_on_the_page_of_their_quotation(pdf: Path, demo: Briefing, template: Template) -> None:
    tree = build_tree(demo, template)
    pages = _pages(pdf)
    total = 0
    for quote in (n for n in tree.body if isinstance(n, Quotation)):
        ending = " ".join(quote.text.split()[-4:])
        page = next(p for p in pages if ending in p)
        para = quote.citation.text.rsplit("para. ", 1)[1]
        # the first citation in full, the others short (the template's choice)
        cited = (
            "“Canada Confirms Talks to Renew Iran Ties”"
            if total == 0
            else "Sample news article, “Canada Confirms Talks”"
        )
        assert re.search(rf"{quote.citation.number} {cited}, .*?para\. {para}", page)
        total += 1
    footnote_lines = sum(len(re.findall(r"(?:canada-iran-talks.txt|Confirms Talks”), para\. \d+\.", p)) for p in pages)
    assert footnote_lines == total == len(tree.citations) == 8


def test_fonts_embedded_metadata_and_outline(pdf: Path, demo: Briefing) -> None:
    reader = PdfReader(pdf)
    fonts = _fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert {name.split("+")[-1] for name in fonts} == {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic"}
    meta = reader.metadata
    assert meta is not None
    assert meta.title == demo.title_block.title
    assert meta.author == "A. Analyst, Middle East Policy"
    assert "UNCLASSIFIED" in str(meta.get("/Keywords"))
    assert "ReportLab" not in str(meta.get("/Producer")) and "anonymous" not in str(meta)
    outline = [item.title for item in reader.outline]
    assert outline == [s.heading for s in demo.sections if s.items] + ["Sources"]
    assert reader.get_destination_page_number(reader.outline[0]) == 0


def test_urls_are_clickable_and_a4_draft(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.sources[0].meta.url = "https://example.org/news/canada-iran?id=1&x=2"
    a4 = dataclasses.replace(template, page_size="a4", marking_placement=("header",), marking_style="top-right")
    path = export_briefing(demo, a4, tmp_path / "a4.pdf", draft=True)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    uris = [
        a.get_object()["/A"]["/URI"] for page in reader.pages for a in page.get("/Annots", []) if "/A" in a.get_object()
    ]
    # the first footnote (the others are short, without the URL) and the sources list
    assert uris.count("https://example.org/news/canada-iran?id=1&x=2") == 1 + 1
    for page in _pages(path):
        assert "DRAFT" in page
        assert page.count("UNCLASSIFIED") == 1


def test_multilingual_text_uses_fallback_fonts(tmp_path: Path, multilingual: Briefing, template: Template) -> None:
    path = export_briefing(multilingual, template, tmp_path / "ml.pdf")
    reader = PdfReader(path)
    fonts = _fonts(reader)
    assert all(fonts.values())
    families = {name.split("+")[-1].split("-")[0] for name in fonts}
    assert families == {"LiberationSans", "NotoNaskhArabic", "DroidSansFallback"}
    flat = " ".join(_pages(path))
    for text in (MULTILINGUAL[0], MULTILINGUAL[1], MULTILINGUAL[4], MULTILINGUAL[5]):
        assert text in flat, text
    # Arabic and Persian are drawn joined, as presentation forms, but read back as their letters (test_pdf_tags);
    # pypdf puts the right-to-left words back in reading order, so each word must read correctly
    for text in (MULTILINGUAL[2], MULTILINGUAL[3]):
        for word in text.rstrip(".").split():
            if not re.search(r"[0-9۰-۹]", word):
                assert word in flat, word
    images = sum(len(p["/Resources"].get("/XObject", {})) for p in reader.pages)
    assert images >= 3  # the three emoji


def test_long_briefing_paginates_with_every_footnote(tmp_path: Path, demo: Briefing, template: Template) -> None:
    for section in demo.sections:
        section.items = section.items * 8
    tree = build_tree(demo, template)
    path = export_briefing(demo, template, tmp_path / "long.pdf")
    pages = _pages(path)
    assert len(pages) >= 5
    numbers = [int(n) for p in pages for n in re.findall(r"(\d+) (?:Sample news article, )?“Canada Confirms Talks", p)]
    assert numbers == list(range(1, len(tree.citations) + 1))
    for number, page in enumerate(pages, start=1):
        assert page.count("UNCLASSIFIED") == 2 and f"Page {number} of {len(pages)}" in page


def test_every_quotation_carries_its_footnote_mark(tmp_path: Path, demo: Briefing, template: Template) -> None:
    section, first = demo.excerpts()[0]
    text = "Ties & sanctions <2012> were cut"  # entities must not break the mark or the footnote
    demo.sources.append(Source(id="src-entities", text=text, meta=SourceMeta(title="Entities")))
    anchor = Anchor(exact=text, prefix="", suffix="", start=0, end=len(text))
    section.items.insert(
        section.items.index(first) + 1, Excerpt(id="x-entities", source_id="src-entities", anchor=anchor)
    )
    tree = build_tree(demo, template)
    flat = " ".join(_pages(export_briefing(demo, template, tmp_path / "marks.pdf")))
    for quote in (n for n in tree.body if isinstance(n, Quotation)):
        ending = re.escape(" ".join(quote.text.split()[-3:]))
        assert re.search(rf"{ending} ?{quote.citation.number} ", flat), quote.text
    assert "1 “Canada Confirms Talks" in flat


def test_a_page_with_no_room_is_a_one_line_error(tmp_path: Path, demo: Briefing, template: Template) -> None:
    from briefing.core.templates import Margins

    # margins the template loader would refuse, as a template made in code could still have them
    cramped = dataclasses.replace(template, margins_mm=Margins(top=140, bottom=140, left=100, right=100))
    target = tmp_path / "cramped.pdf"
    target.write_bytes(b"earlier export")
    with pytest.raises(ExportError) as info:
        export_briefing(demo, cramped, target)
    assert str(info.value) == (
        "cramped.pdf: the text does not fit on the page: template 'information-note' (letter, 11 pt, margins "
        "top 140, right 100, bottom 140, left 100 mm) leaves 16 × 0 mm for it; use smaller margins or another template"
    )
    assert target.read_bytes() == b"earlier export"


def test_hebrew_is_drawn_right_to_left_with_its_own_font(tmp_path: Path, demo: Briefing, template: Template) -> None:
    hebrew = "השיחות בין קנדה לאיראן נמשכות מאז 2016."
    demo.section("positions").items.append(Note(id="note-he", text=hebrew))
    path = export_briefing(demo, template, tmp_path / "he.pdf")
    fonts = _fonts(PdfReader(path))
    assert all(fonts.values()) and {name.split("+")[-1] for name in fonts} == {
        "LiberationSans",  # Arial's twin draws Hebrew, as Arial does in Word
        "LiberationSans-Bold",
        "LiberationSans-Italic",
    }
    flat = " ".join(_pages(path))
    for word in hebrew.rstrip(".").split()[:-1]:  # pypdf reads the words back in reading order
        assert word in flat, word


def test_arabic_and_hebrew_are_bold_where_the_latin_is(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.title_block.title = "Talks גזירה گزارش"  # the title is bold; its Hebrew and Persian were drawn regular
    demo.section("positions").items.append(Note(id="note-rtl", text="Body גזירה گزارش"))  # regular stays regular
    fonts = {name.split("+")[-1] for name in _fonts(PdfReader(export_briefing(demo, template, tmp_path / "b.pdf")))}
    assert {"LiberationSans", "LiberationSans-Bold", "NotoNaskhArabic-Bold", "NotoNaskhArabic-Regular"} <= fonts


@pytest.mark.parametrize(
    ("logical", "number"),
    [
        ("في الساعة 16:20 اليوم", "16:20"),
        ("بلغ 3.5 مليون", "3.5"),
        ("تاريخ 15/04/2016 هنا", "15/04/2016"),
        ("عدد 1,000 شخص", "1,000"),
        ("عدد ٣٫٥ مليون", "٣٫٥"),
        ("סכום של 3.5 מיליון", "3.5"),
        ("עלה ב-12.5% בשנים 2024-2025", "12.5%"),
        ("עלה ב-12.5% בשנים 2024-2025", "2024-2025"),
        # after Arabic letters, digits are Arabic numbers, which % and - do not join: % sits on the left and a range
        # reads right to left, as Word, LibreOffice and the source view show them
        ("نسبة 12.5% فقط", "%12.5"),
        ("سنوات 2024-2025 هنا", "2025-2024"),
    ],
)
def test_a_number_in_right_to_left_text_is_drawn_as_the_unicode_rules_order_it(logical: str, number: str) -> None:
    from briefing.export.bidi import visual

    # drawn left to right, the number keeps its own order: 16:20 was drawn 20:16, 3.5 as 5.3
    assert number in visual(logical, True)


def test_hebrew_points_are_dropped_not_misplaced() -> None:
    from briefing.export.bidi import shape

    assert shape("שָׁלוֹם עוֹלָם") == "שלום עולם"  # ReportLab cannot position marks; the letters stay
    assert shape("בֵּית־הַמִּקְדָּשׁ") == "בית־המקדש"  # the maqaf (a hyphen) is a letter's neighbour, not a mark


def test_scripts_no_bundled_font_draws_are_refused_not_left_blank(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    text = "Thai: สวัสดีครับ. Hindi: नमस्ते दुनिया. Korean: 안녕하세요. Georgian: გამარჯობა. Hebrew: שלום"
    demo.section("positions").items.append(Note(id="note-scripts", text=text))
    with pytest.raises(ExportError) as info:
        export_briefing(demo, template, tmp_path / "scripts.pdf")
    assert str(info.value) == (
        "scripts.pdf: the PDF fonts cannot show some of the text: Thai (สวัสดีครับ.), Devanagari (नमस्ते), "
        "Hangul (안녕하세요.); export to DOCX instead, which keeps all text"
    )
    assert not list(tmp_path.iterdir())
    docx = export_briefing(demo, template, tmp_path / "scripts.docx")  # the advice holds
    with zipfile.ZipFile(docx) as archive:
        assert text in archive.read("word/document.xml").decode("utf-8")


def test_a_marking_no_font_draws_is_refused(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.title_block.classification = "ลับ"  # drawn on every page, outside the story
    with pytest.raises(ExportError, match=r"cannot show some of the text: Thai \(ลับ\); export to DOCX"):
        export_briefing(demo, template, tmp_path / "marking.pdf")


def test_arrows_maths_signs_and_dingbats_are_drawn(tmp_path: Path, demo: Briefing, template: Template) -> None:
    symbols = "→ ← ⇒ ≤ ≥ ≠ ∞ ✓ ✗ ★ ■ ● ◆ ① ② ‣ ►"  # pasted from Word; Noto Sans has none of them
    demo.section("positions").items.append(Note(id="note-symbols", text=f"Costs {symbols} done"))
    path = export_briefing(demo, template, tmp_path / "symbols.pdf")
    flat = " ".join(_pages(path))
    assert all(symbol in flat for symbol in symbols.split())
    fonts = _fonts(PdfReader(path))
    assert [embedded for name, embedded in fonts.items() if "DejaVuSans" in name] == [True]  # the fallback


def test_a_marking_in_another_script_is_drawn_in_its_font(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.title_block.classification = "机密 SECRET"  # Noto Sans has no Chinese: it was drawn blank
    path = export_briefing(demo, template, tmp_path / "marking.pdf")
    for text in _pages(path):
        assert text.count("机密") >= 2  # header and footer of every page
    assert any("DroidSans" in name for name in _fonts(PdfReader(path)))


def test_invisible_and_private_use_characters_are_not_drawn(tmp_path: Path, demo: Briefing, template: Template) -> None:
    # direction marks from a right-to-left editor, an icon font's glyph from a web page, Word's Symbol bullet
    text = "Left\u200e mark\u200f, icon \ue060 here, \uf0b7 first point"
    demo.section("positions").items.append(Note(id="note-marks", text=text))
    path = export_briefing(demo, template, tmp_path / "marks.pdf")  # not refused: nothing to draw is lost
    flat = " ".join(_pages(path))
    assert "Left mark, icon" in flat and "• first point" in flat
    assert not any(ch in flat for ch in "\u200e\u200f\ue060\uf0b7")


def _text_runs(pdf: bytes) -> list[tuple[str, float, float, str, float]]:
    """(text, x, y, font, size) of each text run on the first page, as pypdf reads it."""
    runs = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), x, y, str(font["/BaseFont"]).split("+")[-1] if font else "", size))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def _in_three_scripts() -> list[tuple[str, float, float, str, float]]:
    """The text runs of a PDF with a Latin, a Chinese and an Arabic quotation, with footnotes likewise."""
    url = "https://example.org/a/long/path/to/the/article.html"
    citation = f"Author, “A long title for a source that runs on”, Publisher of the Source, 1 May 2016, {url}, para. 4."
    quotes = [
        ("Talks have started, yes, at the official level, Dion said.", citation),
        ("中文：加拿大与伊朗恢复外交关系的谈判 at the official level.", citation.replace("Author", "作者")),
        (" ".join(["العلاقات الدبلوماسية بين كندا وإيران مقطوعة منذ عام 2012."] * 3), citation),
    ]
    citations = [Citation(n, c, url, "s") for n, (_, c) in enumerate(quotes, start=1)]
    body = [Quotation(q, c, rtl=is_rtl(q)) for (q, _), c in zip(quotes, citations, strict=True)]
    stream = io.BytesIO()
    write_pdf(DocumentTree("T", "", "UNCLASSIFIED", False, [], body, citations, [], marking_placement=()), stream)
    return _text_runs(stream.getvalue())


def test_footnotes_in_any_script_look_alike() -> None:
    """The number hangs in the indent at the same size, whatever the footnote's scripts."""
    runs = _in_three_scripts()
    start = next(i for i, r in enumerate(runs) if r[0] == "1" and r[3] == "LiberationSans")
    footnotes = [r for r in runs[start:] if not r[0].startswith("Page")]
    numbers = [r for r in footnotes if r[4] < 8]
    assert [r[0] for r in numbers] == ["1", "2", "3"]
    assert len({(r[1], r[3], r[4]) for r in numbers}) == 1  # same place, face and size
    lines = {round(r[1], 1) for r in footnotes if r[4] > 8}
    assert lines == {round(numbers[0][1] + 10, 1)}  # every line of every footnote starts after the number


def test_quotation_marks_in_any_script_look_alike() -> None:
    """The same size, face and height above the line, after the quotation's end (left of an Arabic one)."""
    runs = _in_three_scripts()
    marks = [i for i, r in enumerate(runs) if r[3] != "LiberationSans" and r[4] < 8]
    assert [runs[i][0] for i in marks] == ["1", "2", "3"]
    assert {(runs[i][3], runs[i][4]) for i in marks} == {("LiberationSans-Italic", 11 * 0.62)}
    lines = [runs[i - 1] for i in marks]  # the run before a mark starts its quotation's last line
    assert len({round(runs[i][2] - line[2], 1) for i, line in zip(marks, lines, strict=True)}) == 1
    assert runs[marks[0]][1] > lines[0][1] and runs[marks[2]][1] < lines[2][1]


@pytest.mark.parametrize(
    ("body", "heading", "expected"),
    [
        (  # body text, its bold labels and the marking in Times's twin; title, French title, headings in Calibri's
            "Times New Roman",
            "Calibri",
            {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "Carlito-Bold", "Carlito-Italic"},
        ),
        ("Helvetica", "Arial", {"LiberationSans", "LiberationSans-Italic", "LiberationSans-Bold"}),
        ("Garamond", "Garamond", {"LiberationSans", "LiberationSans-Italic", "LiberationSans-Bold"}),  # no twin
    ],
)
def test_the_pdf_draws_the_template_fonts_with_their_twins(
    tmp_path: Path, demo: Briefing, template: Template, body: str, heading: str, expected: set[str]
) -> None:
    template = dataclasses.replace(template, body_font=body, heading_font=heading)
    fonts = _fonts(PdfReader(export_briefing(demo, template, tmp_path / "twins.pdf")))
    assert all(fonts.values()) and {name.split("+")[-1] for name in fonts} == expected


def test_a_fallback_family_lacks_what_it_says_so_a_chinese_note_loads_no_arabic_or_hebrew_font() -> None:
    import subprocess
    import sys

    from briefing.export import pdftext

    for family in pdftext.FALLBACKS:
        covered = pdftext.register(family)
        assert not [hex(code) for lacked in family.lacks for code in lacked if code in covered], family.key
    script = (
        "from briefing.export import pdftext as t; "
        "print(t.needs_font('中', t.SANS.key), t.needs_font('，', t.SANS.key), sorted(t._registered))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["BriefingCJK", "BriefingCJK", "['BriefingCJK',", "'BriefingSans']"]
