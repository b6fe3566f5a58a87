"""PDF import: reading order, pages, metadata, passwords, scans."""

from __future__ import annotations

import pytest

from briefing.importers import PasswordRequired, SourceImportError, import_file


def test_two_columns_read_column_by_column(corpus) -> None:
    source = import_file(corpus / "pdf" / "sample-files__multicolumn.pdf")
    text = source.text
    assert source.meta.title == "Two-Column Document with Lorem Ipsum"
    assert source.meta.pages == 3
    assert source.meta.published.startswith("2024-01-03")
    # the left column ends before the right column starts (pypdf's expected text shows them side by side)
    left_end = text.index("Nulla malesuada porttitor diam")
    right_start = text.index("pellentesque ante. Phasellus adipiscing semper elit")
    assert text.index("Lorem ipsum dolor sit amet, consectetuer adipiscing elit") < left_end < right_start
    assert "adip- iscing" not in text and "adipiscing" in text  # hyphenation at line ends is undone
    assert "ﬁ" not in text  # ligatures are letters again


def test_page_numbers_above_the_margin_are_not_text(corpus) -> None:
    # LaTeX sets the page number some 15 % up the page, below all the text: it split "Nam feugiat | 1 | lacus vel est"
    text = import_file(corpus / "pdf" / "sample-files__multicolumn.pdf").text
    assert "Nam feugiat lacus vel est" in " ".join(text.split())
    assert not [paragraph for paragraph in text.split("\n\n") if paragraph.strip().isdigit()]


def _pages_ending_with(path, last_lines: list[str]) -> list[str]:
    """The paragraphs of a PDF whose pages each end with a line of their own, set apart as a LaTeX page number is
    (15 % up the page)."""
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(612, 792))
    for last in last_lines:
        page.setFont("Helvetica", 10)
        for i in range(12):
            page.drawString(72, 700 - 14 * i, f"Line {i} of the report, with enough words to be a paragraph")
        page.drawString(300, 120, last)
        page.showPage()
    page.save()
    return import_file(path).text.split("\n\n")


def test_only_numbers_that_count_the_pages_are_dropped(tmp_path) -> None:
    assert not {"3", "4", "5"} & set(_pages_ending_with(tmp_path / "numbered.pdf", ["3", "4", "5"]))  # pages 3-5
    assert _pages_ending_with(tmp_path / "one.pdf", ["15"])[-1] == "15"  # a total ending the text
    assert {"2012", "2016"} <= set(_pages_ending_with(tmp_path / "years.pdf", ["2012", "2016"]))  # not page numbers


def test_page_of_an_offset(corpus) -> None:
    source = import_file(corpus / "pdf" / "sample-files__multicolumn.pdf")
    starts = source.meta.page_starts
    assert len(starts) == 3 and starts[0] == 0 and starts[0] < starts[1] < starts[2] < len(source.text)
    assert source.page_at(0) == 1
    assert source.page_at(starts[1]) == 2
    assert source.page_at(len(source.text) - 1) == 3
    # a block lies on one page, unless it is a paragraph that runs on to the next (QA4 19): that page starts in it,
    # mid-sentence
    for block in source.blocks:
        first, last = source.page_at(block.start), source.page_at(block.end - 1)
        assert first is not None and last is not None and first <= last
        for page in range(first + 1, last + 1):
            assert source.text[starts[page - 1]].islower(), source.text[starts[page - 1] :][:40]


def test_encrypted_pdf_needs_its_password(corpus) -> None:
    path = corpus / "pdf" / "pypdf__encrypted-file.pdf"
    with pytest.raises(PasswordRequired) as missing:
        import_file(path)
    assert not missing.value.wrong_password
    assert "password" in str(missing.value) and str(missing.value).startswith("pypdf__encrypted-file.pdf: ")
    with pytest.raises(PasswordRequired) as wrong:
        import_file(path, password="qwerty")
    assert wrong.value.wrong_password
    assert "wrong" in str(wrong.value)
    assert import_file(path, password="test").text.strip()


def test_aes256_encrypted_pdf(corpus) -> None:
    source = import_file(corpus / "pdf" / "pypdf__crazyones-encrypted-256.pdf", password="password")
    assert "The Crazy Ones" in source.text
    assert "misfits" in source.text


def test_scan_needs_ocr(corpus) -> None:
    # its pages are tiny images with no text: "needs OCR" without OCR here, "OCR found no text" with it
    # (tests/importers/test_ocr.py tests both ways on scans of known text)
    with pytest.raises(SourceImportError, match=r"^sample-files__imagemagick-images\.pdf: has no text layer .*OCR"):
        import_file(corpus / "pdf" / "sample-files__imagemagick-images.pdf")


def test_damaged_cross_reference_table_still_reads(corpus) -> None:
    source = import_file(corpus / "pdf" / "pypdf__issue-297.pdf")
    assert source.text.strip()


def test_pdf_without_info_dictionary(corpus) -> None:
    source = import_file(corpus / "pdf" / "pypdf__missing_info.pdf")
    assert source.meta.title == "pypdf__missing_info"  # falls back to the file name
    assert "PDF document without /Info key" in source.text


def test_arabic_pdf_is_rtl(corpus) -> None:
    source = import_file(corpus / "pdf" / "sample-files__habibi.pdf")
    assert source.meta.direction == "rtl"
    assert "habibi" in source.text


def test_generated_pdf_metadata_and_headings(tmp_path) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    path = tmp_path / "report.pdf"
    story = [Paragraph("Water Security Review", styles["Title"])]
    for page in range(3):
        story.append(Paragraph(f"Findings for region {page + 1}", styles["Heading2"]))
        story += [
            Paragraph(f"Region {page + 1} paragraph {i}: reservoirs held steady. " * 3, styles["BodyText"])
            for i in range(3)
        ]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), title="Water Security Review", author="Jane Analyst").build(story)
    source = import_file(path)
    assert source.meta.title == "Water Security Review"
    assert source.meta.author == "Jane Analyst"
    headings = [source.text[b.start : b.end] for b in source.blocks if b.kind == "heading"]
    assert "Findings for region 2" in headings
    offset = source.text.index("Region 3 paragraph 0")
    assert source.page_at(offset) == 3


def test_not_a_pdf(tmp_path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"hello, this is not a pdf at all")
    with pytest.raises(SourceImportError, match="not a PDF"):
        import_file(path)


def _words(text: str) -> list[str]:
    import re

    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text.replace("ﬁ", "fi"))  # undo hyphenation at line ends
    return re.findall(r"\w+", text.lower())


def test_first_page_reading_order_matches_the_expected_columns(corpus) -> None:
    import difflib

    lines = (corpus / "pdf" / "pypdf__multicolumn-lorem-ipsum.txt").read_text("utf-8").splitlines()
    gutter = 66  # the expected text sets the right column from character 70
    header = [ln for ln in lines[:5]]
    body = [ln for ln in lines[5:] if ln.strip() and not ln.strip().isdigit()]
    left = "\n".join(ln[:gutter] for ln in body)
    right = "\n".join(ln[gutter:] for ln in body)
    expected = _words("\n".join(header) + "\n" + left + "\n" + right)
    source = import_file(corpus / "pdf" / "sample-files__multicolumn.pdf")
    page_one = source.text[: source.meta.page_starts[1]]
    got = _words(page_one)
    ratio = difflib.SequenceMatcher(a=expected, b=got, autojunk=False).ratio()
    assert ratio > 0.97, ratio


def test_columns_are_ordered_by_position_not_by_drawing_order(tmp_path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    page = canvas.Canvas(str(path), pagesize=(612, 792))
    page.setFont("Helvetica", 10)
    # the right column is drawn first, as some layout programs do
    for i in range(20):
        page.drawString(320, 700 - 14 * i, f"right column line {i} with enough words")
    for i in range(20):
        page.drawString(72, 700 - 14 * i, f"left column line {i} with enough words")
    page.setFont("Helvetica", 18)
    page.drawString(200, 740, "Columns Headline")
    page.save()
    text = import_file(path).text
    assert text.index("Columns Headline") < text.index("left column line 0") < text.index("left column line 19")
    assert text.index("left column line 19") < text.index("right column line 0") < text.index("right column line 19")


def test_block_cleaning_keeps_only_visible_text() -> None:
    from briefing.importers import pdf as pdf_importer

    assert pdf_importer._clean("ﬁnance \ue001committee") == "finance committee"  # ligature back, icon gone
    assert pdf_importer._clean(" \x00\u3000\ufeff ") == ""  # nothing a reader would see: no block
    assert pdf_importer._clean("plain ASCII text") == "plain ASCII text"
    # a line-end hyphen is kept (a compound), unless the document has the word whole and never hyphenated, or it
    # is a soft hyphen; before a capital it is always kept
    words = frozenset({"committee", "tuesday", "proposal", "well-known"})
    para = pdf_importer.Para("paragraph", 0)
    for line in (
        "The commit-",
        "tee met on Tues-",
        "Day for a well-",
        "known pro-",
        "posal and a long-",
        "term pro\u00ad",
        "ject.",
    ):
        para.add(line, words)
    assert para.text() == "The committee met on Tues-Day for a well-known proposal and a long-term project."


def test_running_marking_is_left_out_and_a_paragraph_goes_on_across_the_page_break(tmp_path) -> None:
    # QA4 19: "UNCLASSIFIED" at the top and foot of every page stayed in the text and cut the sentence running from
    # one page to the next ("…Firefox OS, a" | UNCLASSIFIED | UNCLASSIFIED | "web-based identity…")
    from reportlab.pdfgen import canvas

    words = [f"word{i}" for i in range(400)]
    lines = [" ".join(words[i : i + 10]) for i in range(0, len(words), 10)]
    lines[-1] += "."
    path = tmp_path / "marked.pdf"
    page = canvas.Canvas(str(path), pagesize=(612, 792))
    for first in (0, 20):
        page.setFont("Helvetica-Bold", 10)
        page.drawCentredString(306, 750, "UNCLASSIFIED")
        page.drawCentredString(306, 30, "UNCLASSIFIED")
        page.setFont("Helvetica", 10)
        for i, line in enumerate(lines[first : first + 20]):
            page.drawString(72, 700 - 14 * i, line)
        page.showPage()
    page.save()
    source = import_file(path)
    assert "UNCLASSIFIED" not in source.text
    assert source.text == " ".join(lines)  # one paragraph, as written
    assert source.text[source.meta.page_starts[1] :].startswith("word200 word201")  # page 2 starts inside it


def test_a_paragraph_continuing_in_the_next_column_is_one_paragraph(corpus) -> None:
    # QA4 18: the left column ends "…Donec nonummy", the right one goes on "pellentesque ante."
    paragraphs = import_file(corpus / "pdf" / "sample-files__multicolumn.pdf").text.split("\n\n")
    assert any("Donec nonummy pellentesque ante. Phasellus adipiscing" in p for p in paragraphs)
    assert any("Nam feugiat lacus vel est" in " ".join(p.split()) for p in paragraphs)
    assert not [p for p in paragraphs if p[:1].islower()]  # no paragraph starts mid-sentence
