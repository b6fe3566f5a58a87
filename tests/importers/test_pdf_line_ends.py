"""What a PDF line end means (QA6 defect 8): a compound's hyphen there stays ("well-known"), a word split by
hyphenation is joined back, and a URL, path or long token cut there goes on without a space."""

from __future__ import annotations

from pathlib import Path

from briefing.core.anchors import find_quote
from briefing.importers import import_file
from briefing.importers.pdf import Line, _paragraphs

COMPOUNDS = "a long-standing, well-known and government-to-government arrangement remained in force at the twenty-first session."
URL = (
    "https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/"
    "current-actuelles.aspx?lang=eng&section=iran&year=2026&document=regulations-amending-the-special-economic-"
    "measures-iran-regulations"
)
PATH = r"\\fileserver01\policy\briefings\2026\december\iran_consular_access_and_sanctions_relief_options_final.docx"
TOKEN = "AVERYLONGTOKENWITHOUTANYBREAKOPPORTUNITYWHATSOEVERTHATGOESONANDONANDONANDONANDONFORMORETHANALINEWIDTH"


def _export_and_import(tmp_path: Path, capsys, notes: list[str]) -> str:
    from tests.test_cli import run

    note = tmp_path / "n.briefing"
    assert run(capsys, "new", str(note), "--title", "Line ends")[0] == 0
    for text in notes:
        assert run(capsys, "note", str(note), "--section", "background", "--text", text)[0] == 0
    assert run(capsys, "export", str(note), "-o", str(tmp_path / "n.pdf"))[0] == 0
    return import_file(tmp_path / "n.pdf").text


def test_compounds_broken_at_a_line_end_keep_their_hyphen(tmp_path: Path, capsys) -> None:
    # 1 to 14 words before the compounds, so each of them falls at a line end in some note (QA6's hy.briefing)
    sentences = [f"The Minister said that {'word ' * n}{COMPOUNDS}" for n in range(1, 15)]
    text = _export_and_import(tmp_path, capsys, sentences)
    for sentence in sentences:
        assert len(find_quote(text, sentence)) == 1, sentence
    assert "wellknown" not in text and "longstanding" not in text and "togovernment" not in text


def test_urls_paths_and_long_tokens_cut_at_a_line_end_read_back_whole(tmp_path: Path, capsys) -> None:
    notes = [
        f"See {URL} for details, and {PATH} too. Also {TOKEN} end.",
        f"- bullet with https://example.org/{'a' * 150}/x1",
    ]
    text = " ".join(_export_and_import(tmp_path, capsys, notes).split())
    for whole in (
        f"See {URL} for details",
        f"and {PATH} too.",
        f"Also {TOKEN} end.",
        f"https://example.org/{'a' * 150}/x1",
    ):
        assert whole in text


def test_a_url_ending_a_short_line_is_not_glued_to_the_next_word() -> None:
    lines = [
        Line(72.0, 700.0, 11.0, "The full text is at https://example.org/report.html", 340.0),
        Line(72.0, 686.0, 11.0, "and the annex is at https://example.org/annex/", 320.0),
        Line(72.0, 672.0, 11.0, "which the Minister has read, as the rest of the page shows here", 540.0),
    ]
    assert [p.text() for p in _paragraphs([lines], 11.0)] == [
        "The full text is at https://example.org/report.html and the annex is at https://example.org/annex/ which"
        " the Minister has read, as the rest of the page shows here"
    ]


def test_a_signature_rule_of_underscores_is_not_glued_to_the_name_under_it() -> None:
    lines = [
        Line(72.0, 700.0, 11.0, "The Minister approves the recommendation, as the note sets it out below.", 540.0),
        Line(72.0, 686.0, 11.0, "_______________________________________ _________________________", 540.0),
        Line(72.0, 672.0, 11.0, "Minister of Foreign Affairs", 200.0),
    ]
    assert "_________________________ Minister of Foreign Affairs" in _paragraphs([lines], 11.0)[0].text()


def test_a_whole_word_ending_a_full_line_keeps_its_space() -> None:
    """QA7: "and/or" or a long hyphenated compound ending a line that runs to the margin is a word, not a cut
    token: it was glued to the next line's first word ("and/orMontréal")."""
    lines = [
        Line(72.0, 700.0, 11.0, "The consular access may be granted in Geneva and/or", 540.0),
        Line(72.0, 686.0, 11.0, "Montréal, with a one-of-a-kind-arrangement-for-the-twenty-first-century", 540.0),
        Line(72.0, 672.0, 11.0, "approach to the talks.", 200.0),
    ]
    assert _paragraphs([lines], 11.0)[0].text() == (
        "The consular access may be granted in Geneva and/or Montréal, with a"
        " one-of-a-kind-arrangement-for-the-twenty-first-century approach to the talks."
    )


def test_a_dash_between_words_at_a_line_end_keeps_them_together() -> None:
    """QA7: "Ottawa–Gatineau" broken after its en dash read back "Ottawa– Gatineau"; a dash set between spaces
    keeps them."""
    from briefing.importers.pdf import Para

    joined = Para("paragraph", 0)
    for line in ("The region of Ottawa–", "Gatineau and the talks —", "as the note says—", "again"):
        joined.add(line)
    assert joined.text() == "The region of Ottawa–Gatineau and the talks — as the note says—again"


def test_a_url_cut_at_a_page_end_reads_back_whole(tmp_path: Path) -> None:
    # a layout program breaks a URL at one of its slashes or its "?" wherever the line falls, the last of a page
    # too: the next page goes on with it, without a space (and not as a new paragraph when it opens in capitals)
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    url = "https://www.example.gc.ca/Sanctions/Current/Regulations/iran/notice_consular_access.aspx?lang=eng"
    filler = "The department confirmed that officials will meet again next week to discuss the"
    # at a slash, before a capital and before a lower-case letter; and anywhere, where the line is full
    cut_1, cut_2 = url.index("Regulations"), url.index("iran")
    full = "relief, as the report at "
    cut_3 = next(
        i
        for i in range(len(url))
        if stringWidth(full + url[:i], "Helvetica", 11) > stringWidth(filler, "Helvetica", 11)
    )
    pages = [
        [filler] * 44 + ["sanctions relief, as the notice at " + url[:cut_1]],
        [url[cut_1:] + " says."] + [filler] * 43 + ["sanctions relief, as the page at " + url[:cut_2]],
        [url[cut_2:] + " says."] + [filler] * 43 + [full + url[:cut_3]],
        [url[cut_3:] + " says."],
    ]
    canvas = Canvas(str(tmp_path / "u.pdf"), pagesize=(612, 792))
    for lines in pages:
        canvas.setFont("Helvetica", 11)
        for i, line in enumerate(lines):
            canvas.drawString(72, 720 - 14 * i, line)
        canvas.showPage()
    canvas.save()
    text = " ".join(import_file(tmp_path / "u.pdf").text.split())
    assert f"as the notice at {url} says." in text
    assert f"as the page at {url} says." in text
    assert f"as the report at {url} says." in text
