"""The exact page count: the same as the written PDF's, with each section's first page, for short and long notes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.model import Briefing
from briefing.core.templates import Template, load_catalog
from briefing.export import export_briefing
from briefing.export.pages import SOURCES, PageCount, SectionStart, count_pages, describe, from_layout
from briefing.export.pdf import Layout
from tests.export.test_pdf_pages import long_note


@pytest.fixture(scope="module")
def gc_template() -> Template:
    return load_catalog().get("gc-briefing-note")


def _check_against_pdf(briefing: Briefing, template: Template, path: Path) -> PageCount:
    count = count_pages(briefing, template)
    layouts: list[Layout] = []
    reader = PdfReader(export_briefing(briefing, template, path, on_layout=layouts.append))
    assert count.pages == len(reader.pages)
    assert from_layout(briefing, template, layouts[0]) == count  # the export's own layout says the same
    starts = [reader.get_destination_page_number(o) + 1 for o in reader.outline]
    assert [s.page for s in count.sections] == starts
    assert [s.heading for s in count.sections] == [o.title for o in reader.outline]
    return count


@pytest.mark.parametrize(("rounds", "pages"), [(0, 1), (1, 3), (20, 37)])
def test_the_count_is_the_written_pdfs(tmp_path: Path, gc_template: Template, rounds: int, pages: int) -> None:
    briefing = long_note(gc_template, rounds)
    if rounds == 0:  # a one-page note: three excerpts
        briefing = long_note(gc_template, 1)
        for index, section in enumerate(briefing.sections):
            section.items = section.items[:1] if index < 3 else []
    count = _check_against_pdf(briefing, gc_template, tmp_path / "note.pdf")
    assert count.pages == pages
    # the GC template has no sources list: its footnotes give every source in full
    assert [s.section_id for s in count.sections] == [s.id for s in briefing.sections if s.items]


def test_the_demo_and_a_changed_layout(tmp_path: Path, demo: Briefing, template: Template) -> None:
    count = _check_against_pdf(demo, template, tmp_path / "demo.pdf")
    assert count.pages == 2 and count.sections[-1].section_id == SOURCES  # the information note lists its sources
    for section in demo.sections:
        section.items = section.items * 5
    a4 = dataclasses.replace(template, page_size="a4", font_size_pt=13)
    letter = _check_against_pdf(demo, template, tmp_path / "letter.pdf")
    assert _check_against_pdf(demo, a4, tmp_path / "a4.pdf").pages > letter.pages  # the layout is really used


def test_where_the_budget_is_crossed() -> None:
    starts = (SectionStart("a", "Summary", 1), SectionStart("b", "Options", 2), SectionStart("c", "Recommendation", 3))
    assert PageCount(3, 2, starts).first_over_budget_section == starts[2]
    assert PageCount(3, 3, starts).first_over_budget_section is None
    assert PageCount(3, None, starts).first_over_budget_section is None
    assert PageCount(4, 3, starts).first_over_budget_section == starts[2]  # it runs onto page 4
    assert PageCount(3, 2, starts).over_budget and not PageCount(2, 2, starts).over_budget
    # QA10 D1: a long section filling the first page past the budget is named, not the next one to start
    long = (SectionStart("a", "Purpose", 1), SectionStart("b", "Summary", 4))
    assert PageCount(29, 2, long).first_over_budget_section == long[0]
    assert describe(PageCount(29, 2, long)).endswith("budget of 2: Purpose runs onto page 3")
    late = (SectionStart("a", "Purpose", 4), SectionStart("b", "Summary", 5))  # a title block of 3 pages
    assert PageCount(5, 2, late).first_over_budget_section == late[0]


def test_show_json_and_export_warn_when_over_budget(
    tmp_path: Path, gc_template: Template, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main
    from briefing.core.project_save import save_briefing

    note = tmp_path / "long.briefing"
    save_briefing(long_note(gc_template, 1), note)
    assert main(["show", str(note), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["pages"], data["page_budget"]) == (3, 2)
    out = tmp_path / "long.pdf"  # a warning from the export's own layout, and the file is written all the same
    assert main(["export", str(note), "-o", str(out)]) == 0 and len(PdfReader(out).pages) == 3
    assert capsys.readouterr().err == (
        "briefing: warning: long.pdf: 3 pages, over the template's budget of 2: Recommendation starts on page 3\n"
    )
    assert main(["export", str(note), "-o", str(tmp_path / "long.docx")]) == 0  # no PDF layout: Word paginates
    assert capsys.readouterr().err == ""


def test_export_within_budget_says_nothing(tmp_path: Path, demo: Briefing, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.cli import main
    from briefing.core.project_save import save_briefing

    note = tmp_path / "demo.briefing"
    save_briefing(demo, note)
    assert main(["export", str(note), "-o", str(tmp_path / "demo.pdf")]) == 0
    assert capsys.readouterr().err == ""


def test_describe() -> None:
    starts = (SectionStart("a", "Options", 2), SectionStart("b", "Recommendation", 3))
    assert describe(PageCount(1, 2, starts[:1])) == "1 page"
    assert describe(PageCount(2, None, starts)) == "2 pages"
    assert describe(PageCount(3, 2, starts)).endswith("budget of 2: Recommendation starts on page 3")
    assert describe(PageCount(4, 3, starts)).endswith("budget of 3: Recommendation runs onto page 4")


def test_a_note_the_pdf_fonts_cannot_draw_has_no_count_and_fails_check(
    tmp_path: Path, demo: Briefing, capsys: pytest.CaptureFixture[str]
) -> None:
    """The PDF export refuses Korean and Thai: `show --json` gives "pages": null (no PDF to count), and `check`
    names the scripts, as the export does, instead of calling the note sound."""
    from briefing.cli import main
    from briefing.core.model import Note
    from briefing.core.project_save import save_briefing
    from briefing.export.errors import ExportError

    demo.section("positions").items.append(Note(id="note-ko-th", text="안녕하세요. สวัสดีครับ."))
    note = tmp_path / "scripts.briefing"
    save_briefing(demo, note)
    with pytest.raises(ExportError, match="Thai"):
        count_pages(demo, load_catalog().get(demo.template))
    assert main(["show", str(note), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] is None
    assert main(["check", str(note)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("scripts.briefing: cannot be exported to PDF: the PDF fonts cannot show some of the text")
    assert "Hangul (안녕하세요.)" in err and "Thai (สวัสดีครับ.)" in err
    assert main(["export", str(note), "-o", str(tmp_path / "scripts.pdf")]) != 0  # the export refuses it indeed


@pytest.mark.parametrize("language", ["en", "fr", "bilingual"])
def test_an_empty_note_under_a_heading_is_counted_and_exported(tmp_path: Path, language: str) -> None:
    # an empty note right after a heading: keeping the heading with its first lines measured a KeepTogether with no
    # canvas, and the page count and the PDF export crashed in ReportLab ("no attribute 'canv'")
    from briefing.core.operations import add_note
    from briefing.core.templates import new_briefing

    template = load_catalog().get("gc-briefing-note")
    briefing = new_briefing(template, title="Empty note", language=language)
    add_note(briefing.sections[0].id, "").apply(briefing)
    assert count_pages(briefing, template).pages == 1
    assert len(PdfReader(export_briefing(briefing, template, tmp_path / "note.pdf")).pages) == 1
