"""Lines break inside words (web addresses) where LibreOffice breaks them, and the text stays whole."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

import briefing.export.pdf  # noqa: F401  (installs the line breaking)
from briefing.export.linebreak import breaks

URL = "https://www.sciencesetavenir.fr/sante/covid-19-et-infox-comment-une-rumeur-devient-realite_147359"


@pytest.mark.parametrize(
    "marked",
    [
        # as LibreOffice 7.4 broke these words, pushed across a line end at every position ("|": a break)
        "https://www.sciencesetavenir.fr/sante/covid-|19-|et-|infox-|comment-|une-|rumeur-|devient-|realite_147359",
        "https://example.gc.ca/a:b?|x=1&y=2,3;z=4#frag|%20x+y~q@w!|e*r'(t)",
        "https://en.wikipedia.org/wiki/Mozilla_(disambiguation)?|action=edit&section=3",
        "foo_bar_baz/qux,quux;corge.grault:garply\\|fred",  # never after / , ; . : _
        "word|\u2014|word\u2013|word\u2010|word-|word--|word",
        "a/b/12/34/1,000,000/3.14-|5/x-|5/v1.2.3-|rc1",
        "(paren)text[brack]|{brace}\u00abguil\u00bbend",
        "aa]|{bb",
        "aa-)bb",
        "aa…|11",
        "中|文，|标|点。|测|试|（括|号）|abc",
    ],
)
def test_breaks_where_libreoffice_breaks(marked: str) -> None:
    parts = marked.split("|")
    expected = [len("".join(parts[: i + 1])) for i in range(len(parts) - 1)]
    assert breaks("".join(parts)) == tuple(expected)


def _lines(text: str, width: float) -> list[str]:
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, embeddedHyphenation=1)
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 1000)
    return [" ".join(words) for _, words in paragraph.blPara.lines]


def test_a_web_address_breaks_after_a_hyphen_instead_of_moving_whole() -> None:
    lead = "Sciences et Avenir, 14 septembre 2020,"
    width = stringWidth(f"{lead} {URL[: URL.index('realite') + 3]}", "Helvetica", 10)  # room up to "devient-rea"
    lines = _lines(f"{lead} {URL}, paragr. 12.", width)
    assert lines[0] == f"{lead} {URL[: URL.index('devient-') + 8]}"  # ReportLab put the whole address below
    assert "".join(lines).replace(" ", "") == f"{lead}{URL},paragr.12.".replace(" ", "")  # nothing added


def test_an_address_wider_than_the_line_starts_the_next_line_and_breaks_at_a_hyphen() -> None:
    # LibreOffice does not cut "https://w|ww…" at the end of the first line, as ReportLab did
    lead = "Voir aussi le texte complet en ligne :"  # leaves less room than "https://…/sante/covid-" needs
    width = stringWidth(URL[:60], "Helvetica", 10)
    assert stringWidth(f"{lead} {URL[: URL.index('covid-') + 6]}", "Helvetica", 10) > width
    lines = _lines(f"{lead} {URL}", width)
    assert lines[0] == lead
    assert all(line.endswith("-") for line in lines[1:-1]) and "".join(lines[1:]) == URL


def test_the_pdf_text_keeps_the_address_whole(tmp_path: object) -> None:
    out = io.BytesIO()
    width = stringWidth(f"See {URL[:70]}", "Helvetica", 10)
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, embeddedHyphenation=1)
    doc = SimpleDocTemplate(out, pagesize=(width + 20, 400), leftMargin=10, rightMargin=10)
    doc.build([Paragraph(f'See <a href="{URL}">{URL}</a> now.', style)])
    text = PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text()
    assert len(text.splitlines()) > 1 and URL in text.replace("\n", "")
