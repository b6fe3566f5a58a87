"""Citations in full, short or "Ibid." form, and the decision and contact blocks: in the tree, then read back from
each written format (issue 13, parts 5 and 6)."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_TAB_LEADER
from pypdf import PdfReader

from briefing.core.model import Briefing, Source
from briefing.core.operations import AddSource, add_note, file_excerpt, new_excerpt
from briefing.core.templates import ContactSpec, Template, new_briefing
from briefing.export.docx import write_docx
from briefing.export.markdown import SIGNING_LINE, render_markdown
from briefing.export.pages import count_pages
from briefing.export.pdf import write_pdf
from briefing.export.tree import ContactBlock, DecisionBlock, DocumentTree, build_tree
from briefing.importers import import_file

TALKS = ["Officials from both countries met in Geneva.", "Dion said talks would go step by step.", "Sanctions stay."]
REVIEW = ["The review of sanctions continues this year.", "Some measures were lifted in February."]
CONTACT = "A. Analyst, Policy Officer, 613-555-0100"


@pytest.fixture
def gc(catalog_templates: dict[str, Template]) -> Template:
    return catalog_templates["gc-briefing-note"]


def _source(tmp_path: Path, name: str, paragraphs: list[str], **meta: str) -> Source:
    path = tmp_path / f"{name}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    source = import_file(path)
    for key, value in meta.items():
        setattr(source.meta, key, value)
    return source


def _note(tmp_path: Path, template: Template, purpose: str = "for-decision") -> Briefing:
    """Six citations of two sources: talks ¶1, talks ¶1 again, talks ¶2, review ¶1, talks ¶3, review ¶1."""
    briefing = new_briefing(
        template, title="Renewing ties", purpose=purpose, prepared_by="A. Analyst, Policy Officer", phone="613-555-0100"
    )
    talks = _source(
        tmp_path, "talks", TALKS, title="Canada confirms talks to renew ties with Iran: officials meet",
        author="CBC News", url="https://example.org/talks",
    )  # fmt: skip
    review = _source(tmp_path, "review", REVIEW, title="Sanctions review", publisher="Global Affairs Canada")
    AddSource(talks).apply(briefing)
    AddSource(review).apply(briefing)
    section = briefing.sections[0].id
    for source, paragraph in ((talks, 0), (talks, 0), (talks, 1), (review, 0), (talks, 2), (review, 0)):
        text = (TALKS if source is talks else REVIEW)[paragraph]
        start = source.text.index(text)
        file_excerpt(section, new_excerpt(source, start, start + len(text))).apply(briefing)
    return briefing


def _citations(tree: DocumentTree) -> list[tuple[str, str]]:
    return [(c.form, c.text) for c in tree.citations]


TALKS_FULL = "CBC News, “Canada confirms talks to renew ties with Iran: officials meet”, https://example.org/talks"
REVIEW_FULL = "“Sanctions review”, Global Affairs Canada, review.txt"


def test_repeated_citations_full_short_or_ibid(tmp_path: Path, gc: Template) -> None:
    briefing = _note(tmp_path, gc)
    full = build_tree(briefing, dataclasses.replace(gc, citations="full"))
    assert _citations(full) == [
        ("full", f"{TALKS_FULL}, para. 1."), ("full", f"{TALKS_FULL}, para. 1."), ("full", f"{TALKS_FULL}, para. 2."),
        ("full", f"{REVIEW_FULL}, para. 1."), ("full", f"{TALKS_FULL}, para. 3."), ("full", f"{REVIEW_FULL}, para. 1."),
    ]  # fmt: skip
    # short: author (or publisher) and the main title's first words, not ending on "to"; no URL to click
    short = build_tree(briefing, gc)
    assert gc.citations == "short"
    assert _citations(short) == [
        ("full", f"{TALKS_FULL}, para. 1."), ("short", "CBC News, “Canada confirms talks”, para. 1."),
        ("short", "CBC News, “Canada confirms talks”, para. 2."), ("full", f"{REVIEW_FULL}, para. 1."),
        ("short", "CBC News, “Canada confirms talks”, para. 3."),
        ("short", "Global Affairs Canada, “Sanctions review”, para. 1."),
    ]  # fmt: skip
    assert [c.url for c in short.citations] == ["https://example.org/talks", "", "", "", "", ""]
    # ibid: only right after the same source ("Ibid." alone at the same place); short after another source
    ibid = build_tree(briefing, dataclasses.replace(gc, citations="ibid"))
    assert _citations(ibid) == [
        ("full", f"{TALKS_FULL}, para. 1."), ("ibid", "Ibid."), ("ibid", "Ibid., para. 2."),
        ("full", f"{REVIEW_FULL}, para. 1."), ("short", "CBC News, “Canada confirms talks”, para. 3."),
        ("short", "Global Affairs Canada, “Sanctions review”, para. 1."),
    ]  # fmt: skip
    assert [c.number for c in ibid.citations] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("title", "short"),
    [
        # QA4 1: French titles ended on an article or preposition (« Le ministre de la »)
        ("Le ministre de la Santé sommé de démissionner", "Le ministre"),
        ("Les négociations avec le Canada reprennent", "Les négociations"),
        ("La crise des otages continue à Téhéran", "La crise des otages"),
        ("Retour à l’ambassade de Téhéran", "Retour à l’ambassade"),
        ("Canada confirms talks to renew ties with Iran", "Canada confirms talks"),
        ("Talks resume, ministers say in Ottawa", "Talks resume"),  # a comma is a natural place to stop
        ("Iran, Canada agree to talks", "Iran, Canada agree"),
        ("Sanctions review", "Sanctions review"),
        # QA8 D4: an e-mail's reply or forward prefix was the whole short title (« Re »)
        ("Re: Note sur l’Iran — prochaines étapes", "Note sur l’Iran"),
        ("RE: Fwd: Sanctions review", "Sanctions review"),
        ("TR : AW: WG: Iran talks: next steps", "Iran talks"),
        ("Fw:Re[2]: Talks resume", "Talks resume"),
        ("Réf. : Re: Point de situation", "Point de situation"),  # QA9 D13 (« Réf. » was the short title)
    ],
)
def test_a_short_title_stops_at_a_natural_place_in_french_as_in_english(
    tmp_path: Path, gc: Template, title: str, short: str
) -> None:
    briefing = _note(tmp_path, gc)
    briefing.sources[0].meta.title = title
    cited = [c.text for c in build_tree(briefing, gc).citations if c.form == "short"]
    assert cited[0] == f"CBC News, “{short}”, para. 1."


def test_a_short_title_that_would_be_only_a_reply_prefix_is_left_out(tmp_path: Path, gc: Template) -> None:
    briefing = _note(tmp_path, gc)
    briefing.sources[0].meta.title = "Re:"
    cited = [c.text for c in build_tree(briefing, gc).citations if c.form == "short"]
    assert cited[0] == "CBC News, talks.txt, para. 1."
    # QA9 D13: nor is "Re:" the title of the full citation: nothing is left of it once the prefix is dropped
    full = [c.text for c in build_tree(briefing, gc).citations if c.form == "full"]
    assert "Re:" not in full[0] and "“" not in full[0]


def test_the_decision_block_is_only_for_a_note_for_decision(tmp_path: Path, gc: Template) -> None:
    decision = build_tree(_note(tmp_path, gc), gc).decision
    # "Memorandum to the Minister" (the GC default addressee) is signed by the "Minister"
    assert decision == DecisionBlock(("I concur", "I do not concur"), ("Minister", "Date"))
    assert build_tree(_note(tmp_path, gc, "for-information"), gc).decision is None
    assert build_tree(_note(tmp_path, dataclasses.replace(gc, decision_block=None)), gc).decision is not None
    assert build_tree(_note(tmp_path, gc), dataclasses.replace(gc, decision_block=None)).decision is None
    unnamed = dataclasses.replace(gc, decision_block=dataclasses.replace(gc.decision_block, signer=""))
    unshown = dataclasses.replace(gc, title_fields=("classification", "title", "purpose"))  # no addressee field
    for template in (unnamed, unshown):
        assert build_tree(_note(tmp_path, gc), template).decision == DecisionBlock(
            ("I concur", "I do not concur"), ("Signature", "Date")
        )


def test_the_contact_line_after_the_sections_or_in_the_title_block(tmp_path: Path, gc: Template) -> None:
    briefing = _note(tmp_path, gc)
    tree = build_tree(briefing, gc)
    assert tree.contact == ContactBlock("Prepared by", CONTACT)
    assert not {"prepared_by", "phone"} & {row.name for row in tree.title_rows}  # not twice
    in_title = dataclasses.replace(gc, contact_block=ContactSpec("title-block", ("prepared_by", "phone")))
    tree = build_tree(briefing, in_title)
    assert tree.contact is None
    rows = [(row.name, row.label, row.value) for row in tree.title_rows]
    assert ("prepared_by", "Prepared by", CONTACT) in rows and "phone" not in {row[0] for row in rows}
    # without the contact block, each field is its own row, as before
    rows = [
        (row.name, row.value)
        for row in build_tree(briefing, dataclasses.replace(gc, contact_block=ContactSpec())).title_rows
    ]
    assert ("prepared_by", "A. Analyst, Policy Officer") in rows and ("phone", "613-555-0100") in rows
    briefing.title_block.prepared_by = briefing.title_block.phone = ""
    assert build_tree(briefing, gc).contact is None


def test_markdown_prints_the_blocks_and_short_footnotes(tmp_path: Path, gc: Template) -> None:
    text = render_markdown(build_tree(_note(tmp_path, gc), dataclasses.replace(gc, citations="ibid")))
    blocks = (
        f"**Prepared by:** {CONTACT}\n\n- [ ] I concur\n- [ ] I do not concur\n\n"
        f"Minister: {SIGNING_LINE}  \nDate: {SIGNING_LINE}\n\n[^1]: "
    )
    assert blocks in text
    assert text.index(REVIEW[0]) < text.index(blocks)  # after the last section
    assert "[^2]: Ibid.\n[^3]: Ibid., para. 2.\n" in text and "## Sources" not in text


def _pdf_pages(tree: DocumentTree) -> list[str]:
    stream = io.BytesIO()
    write_pdf(tree, stream)
    return [page.extract_text() or "" for page in PdfReader(stream).pages]


def test_pdf_prints_the_blocks_after_the_sections(tmp_path: Path, gc: Template) -> None:
    pages = _pdf_pages(build_tree(_note(tmp_path, gc), dataclasses.replace(gc, citations="ibid")))
    flat = re.sub(r"\s+", " ", " ".join(pages))
    order = [flat.index(text) for text in (REVIEW[0], f"Prepared by: {CONTACT}", "I concur", "I do not concur")]
    assert order == sorted(order)
    assert re.search(r"I do not concur Minister Date", flat)  # the lines' labels under the options
    assert "2 Ibid. 3 Ibid., para. 2." in flat and "Sources" not in flat


def test_the_decision_block_stays_on_one_page_and_is_counted(tmp_path: Path, gc: Template) -> None:
    """Notes added one by one push the block over the page's foot: it moves whole, never split, with the contact
    line before it (never a page of boxes and lines to sign alone, QA4 8), and the page count (which lays the same
    tree out) sees it."""
    briefing = _note(tmp_path, gc)
    for added in range(50):
        add_note(briefing.sections[1].id, f"Point {added}: to be checked with the desk before Friday.").apply(briefing)
        pages = _pdf_pages(build_tree(briefing, gc))
        options = next(n for n, page in enumerate(pages) if "I concur" in page)
        assert "Minister" in pages[options] and "Date" in pages[options], added
        contact = next(n for n, page in enumerate(pages) if "Prepared by" in page)
        assert contact == options, added
        assert count_pages(briefing, gc).pages == len(pages)
        if options > 0:
            break  # moved over to page 2
    assert options > 0


def test_without_a_contact_line_the_last_paragraph_goes_with_the_decision_block(
    tmp_path: Path, catalog_templates: dict[str, Template]
) -> None:
    """The information note has its contact in the title block: its last paragraph keeps the block company."""
    template = catalog_templates["information-note"]
    briefing = new_briefing(template, title="Renewing ties", purpose="for-decision")
    last = briefing.sections[-1].id
    for added in range(80):
        add_note(last, f"Point {added}: to be checked with the desk before Friday.").apply(briefing)
        pages = _pdf_pages(build_tree(briefing, template))
        options = next(n for n, page in enumerate(pages) if "I concur" in page)
        assert f"Point {added}:" in pages[options], added
        assert count_pages(briefing, template).pages == len(pages)
        if options > 0:
            break  # moved over to page 2
    assert options > 0
    stream = io.BytesIO()
    write_docx(build_tree(briefing, template), stream)
    paragraphs = docx.Document(stream).paragraphs
    paragraph = next(p for p in paragraphs if p.text.startswith(f"Point {added}:"))
    assert paragraph.paragraph_format.keep_with_next  # as the PDF keeps them
    assert not any(p.paragraph_format.keep_with_next for p in paragraphs if p.text.startswith(f"Point {added - 1}:"))


def test_docx_prints_the_blocks_with_styles_and_signing_tabs(tmp_path: Path, gc: Template) -> None:
    stream = io.BytesIO()
    write_docx(build_tree(_note(tmp_path, gc), dataclasses.replace(gc, citations="ibid")), stream)
    document = docx.Document(stream)
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    tail = paragraphs[paragraphs.index(("Contact Block", f"Prepared by: {CONTACT}")) :]
    assert tail == [
        ("Contact Block", f"Prepared by: {CONTACT}"),
        ("Decision Option", "☐  I concur"),
        ("Decision Option", "☐  I do not concur"),
        ("Signature Line", "\t\u00a0\t\t"),  # the no-break space makes it a line of text in LibreOffice too
        ("Signature Label", "Minister\tDate"),
    ]
    contact = next(p for p in document.paragraphs if p.text.startswith("Prepared by"))
    assert contact.paragraph_format.keep_with_next  # on the block's page, as in the PDF
    styles = document.styles
    assert styles["Decision Option"].paragraph_format.keep_with_next  # the block stays on one page
    assert styles["Signature Line"].paragraph_format.keep_with_next
    leaders = [stop.leader for stop in styles["Signature Line"].paragraph_format.tab_stops]
    assert leaders == [WD_TAB_LEADER.LINES, WD_TAB_LEADER.SPACES, WD_TAB_LEADER.LINES]  # line, gap, line
    footnotes = zipfile.ZipFile(stream).read("word/footnotes.xml").decode("utf-8")
    assert ">Ibid.</w:t>" in footnotes and ">Ibid., para. 2.</w:t>" in footnotes  # after the number and a tab


def test_docx_spaces_the_decision_block_as_the_pdf(tmp_path: Path, gc: Template) -> None:
    """The PDF (pdf.py _decision_block) sets the options 1.5 font sizes below the text, each option a line plus half
    a font size, and the lines to sign 3.5 font sizes below the options: the DOCX the same, so pages agree."""
    stream = io.BytesIO()
    write_docx(build_tree(_note(tmp_path, gc), gc), stream)
    document = docx.Document(stream)
    size = gc.font_size_pt
    first = next(p for p in document.paragraphs if p.text.endswith("I concur"))
    assert first.paragraph_format.space_before is not None and first.paragraph_format.space_before.pt == size * 1.5
    styles = document.styles
    option = styles["Decision Option"].paragraph_format
    assert option.space_after is not None and option.space_after.pt == size * 0.5
    line = styles["Signature Line"].paragraph_format
    assert line.space_before is not None  # the line drawn at the foot of its own line of text (1.35 font sizes)
    assert line.space_before.pt + size * 1.35 == pytest.approx(size * 3.5, abs=0.05)


def test_a_note_for_information_has_neither_block_nor_its_styles(tmp_path: Path, gc: Template) -> None:
    stream = io.BytesIO()
    briefing = _note(tmp_path, gc, "for-information")
    briefing.title_block.prepared_by = briefing.title_block.phone = ""
    write_docx(build_tree(briefing, gc), stream)
    names = {style.name for style in docx.Document(stream).styles}
    assert not {"Contact Block", "Decision Option", "Signature Line", "Signature Label"} & names


@pytest.mark.parametrize("template_id", ["gc-briefing-note", "information-note"])
def test_with_a_sources_list_a_note_for_decision_still_ends_with_its_decision_block(
    tmp_path: Path, catalog_templates: dict[str, Template], template_id: str
) -> None:
    """QA10 D10: the Sources list came after the lines to sign; it goes before the contact line and the block (the
    information note has no contact line: its last entry keeps the block company). A note for information keeps
    its sources list last."""
    template = dataclasses.replace(catalog_templates[template_id], export_sources_list=True)
    tree = build_tree(_note(tmp_path, template), template)
    assert tree.sources
    last_entry = "Sanctions review. Global Affairs Canada. review.txt."
    flat = re.sub(r"\s+", " ", " ".join(_pdf_pages(tree)))
    text = flat[: flat.index(" 1 CBC News, “")]  # (the footnotes at the page's foot)
    assert text.index("Sources") < text.index(last_entry) < text.index("I concur") and text.endswith(" Date")
    markdown = render_markdown(tree)
    tail = markdown[markdown.index("## Sources") :]
    assert "- [ ] I concur" in tail and tail.index("- [ ] I concur") > tail.index(last_entry)
    stream = io.BytesIO()
    write_docx(tree, stream)
    paragraphs = docx.Document(stream).paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[-1].endswith("\tDate") and texts.index("Sources") < texts.index("☐  I concur")
    last = next(p for p in paragraphs if last_entry in p.text)
    assert last.paragraph_format.keep_with_next is (None if tree.contact else True)
    information = build_tree(_note(tmp_path, template, "for-information"), template)
    markdown = render_markdown(information)
    assert markdown.index("## Sources") > markdown.index("Sanctions stay.")  # after the sections, as before


@pytest.mark.parametrize("placement", ["end", "title-block"])
def test_another_persons_field_in_the_contact_block_keeps_its_own_label(
    tmp_path: Path, gc: Template, placement: str
) -> None:
    """QA10 D6: a template listing approved_by with the contact printed the director under "Prepared by", as a second
    author, and "Approved by" nowhere. The contact's telephone stays on its line; another field gets its own."""
    template = dataclasses.replace(gc, contact_block=ContactSpec(placement, ("prepared_by", "phone", "approved_by")))
    briefing = _note(tmp_path, template)
    briefing.title_block.approved_by = "M. Tremblay, Director"
    tree = build_tree(briefing, template)
    lines = [f"Prepared by: {CONTACT}", "Approved by: M. Tremblay, Director"]
    markdown = render_markdown(tree)
    assert all(f"**{line.replace(': ', ':** ', 1)}" in markdown for line in lines)
    stream = io.BytesIO()
    write_docx(tree, stream)
    texts = [p.text for p in docx.Document(stream).paragraphs]
    pdf = re.sub(r"\s+", " ", " ".join(_pdf_pages(tree)))
    assert all(line in pdf for line in lines)
    if placement == "end":
        assert texts[texts.index(lines[0]) + 1] == lines[1]
    else:
        assert [row.label for row in tree.title_rows if row.name in ("prepared_by", "approved_by")] == [
            "Prepared by",
            "Approved by",
        ]
        assert lines[0] in " ".join(texts) and lines[1] in " ".join(texts)
