"""The place of an excerpt (briefing/core/citation.py): the same in the window, every export format and the CLI."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.core.citation import place
from briefing.core.model import Briefing, Source, SourceMeta
from briefing.core.operations import AddSource, file_excerpt, new_excerpt
from briefing.core.templates import DEFAULT_TEMPLATE, load_catalog, new_briefing
from briefing.core.text import build_text
from briefing.export import export_briefing

PARAGRAPHS = ["Heading of the report", "Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota."]


def _source(*, paged: bool) -> Source:
    text, blocks = build_text([("paragraph", 0, p) for p in PARAGRAPHS])
    # two paragraphs a page: page 1 holds paragraphs 1-2, page 2 paragraphs 3-4
    starts = [0, blocks[2].start] if paged else []
    meta = SourceMeta(title="Report", file_name="report.pdf" if paged else "report.txt", page_starts=starts)
    return Source(id="src-paged" if paged else "src-plain", text=text, blocks=blocks, meta=meta)


def _span(source: Source, first: str, last: str) -> tuple[int, int]:
    return source.text.index(first), source.text.index(last) + len(last)


def test_paragraphs_for_an_unpaged_source() -> None:
    source = _source(paged=False)
    assert place(source, *_span(source, "Delta", "zeta.")) == "para. 3"
    assert place(source, *_span(source, "gamma", "Delta")) == "paras. 2–3"  # runs on: both are cited
    assert place(source, *_span(source, "Alpha", "gamma.")) == "para. 2"  # the end is exclusive


def test_pages_for_a_paged_source() -> None:
    source = _source(paged=True)
    assert place(source, *_span(source, "Delta", "zeta.")) == "p. 2"
    assert place(source, *_span(source, "gamma", "Delta")) == "pp. 1–2"


def test_no_place_without_blocks_or_pages() -> None:
    source = Source(id="s", text="loose text")
    assert place(source, 0, 5) == ""


@pytest.fixture
def briefing() -> Briefing:
    catalog = load_catalog()
    briefing = new_briefing(catalog.templates[DEFAULT_TEMPLATE], title="Places")
    section = briefing.sections[0].id
    for paged in (False, True):
        source = _source(paged=paged)
        AddSource(source).apply(briefing)
        file_excerpt(section, new_excerpt(source, *_span(source, "Delta", "zeta."))).apply(briefing)
    return briefing


def test_every_export_format_gives_the_same_place(briefing: Briefing, tmp_path: Path) -> None:
    template = load_catalog().templates[briefing.template]
    wanted = [place(s, e.anchor.start, e.anchor.end) for s, e in _excerpts(briefing)]
    assert wanted == ["para. 3", "p. 2"]
    markdown = export_briefing(briefing, template, tmp_path / "n.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(export_briefing(briefing, template, tmp_path / "n.docx")) as archive:
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
    pdf = " ".join(p.extract_text() for p in PdfReader(export_briefing(briefing, template, tmp_path / "n.pdf")).pages)
    for text in (markdown, footnotes, pdf):
        assert "report.txt, para. 3." in text and "report.pdf, p. 2." in text


def _excerpts(briefing: Briefing) -> list:
    return [(briefing.source(e.source_id), e) for _, e in briefing.excerpts()]


def test_a_page_read_by_ocr_is_cited_as_ocr_text() -> None:
    source = _source(paged=True)
    source.meta.pages, source.meta.ocr_pages = 2, [2]
    assert place(source, *_span(source, "Delta", "zeta.")) == "p. 2 (OCR text)"
    assert place(source, *_span(source, "gamma", "Delta")) == "pp. 1–2 (OCR text)"  # runs onto the scanned page
    assert place(source, *_span(source, "Alpha", "gamma.")) == "p. 1"  # page 1 has a text layer


def test_the_ocr_note_names_the_pages_ocr_read() -> None:
    from briefing.core.citation import ocr_note

    source = _source(paged=True)
    source.meta.pages = 7
    assert ocr_note(source) == ""
    source.meta.ocr_pages = [2]
    assert ocr_note(source) == "Page 2 read by OCR"
    source.meta.ocr_pages = [5, 1, 6, 7]
    assert ocr_note(source) == "Pages 1, 5–7 read by OCR"
    source.meta.ocr_pages = list(range(1, 8))
    assert ocr_note(source) == "Text read by OCR"


def test_exports_say_a_scan_was_read_by_ocr(briefing: Briefing, tmp_path: Path) -> None:
    scanned = briefing.sources[1]
    scanned.meta.pages, scanned.meta.ocr_pages = 2, [1, 2]
    template = load_catalog().templates[briefing.template]
    markdown = export_briefing(briefing, template, tmp_path / "n.md").read_text(encoding="utf-8")
    assert "report.pdf, p. 2 (OCR text)." in markdown  # the footnote
    assert "report.pdf. Text read by OCR." in markdown  # the source list
    assert "report.txt. Text read by OCR" not in markdown


def _email(to: list[str], cc: list[str] | None = None) -> Source:
    text, blocks = build_text([("paragraph", 0, "We will meet on Friday.")])
    meta = SourceMeta(
        title="Talks", author="Jane Doe", published="2026-12-03T09:15:00-05:00", file_name="talks.eml", format="eml"
    )
    meta.to, meta.cc = to, cc or []
    return Source(id="src-mail", text=text, blocks=blocks, meta=meta)


def test_an_email_is_cited_as_correspondence_with_its_recipients() -> None:
    from briefing.core.citation import correspondence
    from briefing.export.tree import citation_text

    one = _email(["John Smith <john.smith@example.gc.ca>"], cc=["Ann <ann@example.gc.ca>"])
    assert correspondence(one) == "e-mail to John Smith"  # the name, not the address; Cc is not cited
    assert correspondence(one, "fr") == "courriel à John Smith"
    assert (
        correspondence(_email(["a@example.org", '"Li, Bo" <bo@example.org>'])) == "e-mail to a@example.org and Li, Bo"
    )
    assert correspondence(_email(["A", "B", "C"]), "fr") == "courriel à A et autres"
    assert correspondence(_source(paged=False)) == ""  # not an e-mail: nothing to say
    excerpt = new_excerpt(one, 0, 10)
    text, _url = citation_text(one, excerpt)
    assert text == "Jane Doe, e-mail to John Smith, “Talks”, 3 December 2026, talks.eml, para. 1."
    french, _url = citation_text(one, excerpt, language="fr")
    assert french.startswith("Jane Doe, courriel à John Smith, “Talks”, 3 décembre 2026")
    from briefing.export.tree import source_entry  # the Sources list: each part a sentence

    assert source_entry(one).text.startswith(
        "Jane Doe. E-mail to John Smith. Talks. 3 December 2026."
    )  # French quotes: the export's


def test_an_email_without_a_subject_is_cited_without_the_placeholder_as_a_title() -> None:
    """QA8 D11: « (no subject) » in a French note's footnotes and Sources list, quoted as if it were the title. The
    placeholder is not a title: the e-mail is cited as one, by its file, in the note's language."""
    from briefing.core.language import Wording
    from briefing.core.model import NO_SUBJECT
    from briefing.export.tree import citation_text, short_citation_text, source_entry

    mail = _email([])
    mail.meta.title, mail.meta.author, mail.meta.published, mail.meta.file_name = NO_SUBJECT, "x@y.z", "", "n.eml"
    excerpt = new_excerpt(mail, 0, 10)
    assert citation_text(mail, excerpt)[0] == "x@y.z, e-mail, n.eml, para. 1."
    assert short_citation_text(mail, excerpt) == "x@y.z, n.eml, para. 1."
    assert source_entry(mail).text == "x@y.z. E-mail. n.eml."
    french = Wording("fr").citation(citation_text(mail, excerpt, language="fr")[0])
    assert french == "x@y.z, courriel, n.eml, paragr. 1."
    assert source_entry(mail, "fr").text == "x@y.z. Courriel. n.eml."
    assert "subject" not in Wording("fr").citation(short_citation_text(mail, excerpt, "fr"))


def test_an_attachment_is_cited_with_the_email_it_came_with() -> None:
    """QA: a message attached to an e-mail, added as a source, was cited by "Budget figures.eml", a file name
    Briefing made up (its subject and .eml) that no reader can find. It is cited as attached to its e-mail; an
    attached file keeps its own name and names the e-mail too."""
    from briefing.core.citation import attachment_note, found_at
    from briefing.core.language import Wording
    from briefing.core.model import NO_SUBJECT
    from briefing.export.tree import citation_text, short_citation_text, source_entry

    attached = _email(["John Smith <john.smith@example.gc.ca>"])
    attached.meta.file_name, attached.meta.attached_to = "Talks.eml", "Fwd: Talks on Friday"
    excerpt = new_excerpt(attached, 0, 10)
    assert citation_text(attached, excerpt)[0] == (
        "Jane Doe, e-mail to John Smith, “Talks”, 3 December 2026, attached to the e-mail “Fwd: Talks on Friday”, "
        "para. 1."
    )
    assert source_entry(attached).text == (
        "Jane Doe. E-mail to John Smith. Talks. 3 December 2026. Attached to the e-mail “Fwd: Talks on Friday”."
    )
    french = Wording("fr").citation(citation_text(attached, excerpt, language="fr")[0])
    assert french == (
        "Jane Doe, courriel à John Smith, « Talks », 3 décembre 2026, joint au courriel « Fwd: Talks on Friday », "
        "paragr. 1."
    ).replace("« ", "«\u00a0").replace(" »", "\u00a0»")  # (French spacing: non-breaking)
    assert source_entry(attached, "fr").text.endswith(". Joint au courriel «\u00a0Fwd: Talks on Friday\u00a0».")
    attached.meta.title = NO_SUBJECT  # no title of its own: the short citation names its e-mail, not "Talks.eml"
    assert short_citation_text(attached, excerpt) == "Jane Doe, attached to the e-mail “Fwd: Talks on Friday”, para. 1."
    attached.meta.attached_to = NO_SUBJECT  # nor has that one
    assert attachment_note(attached) == "attached to an e-mail without a subject"
    assert attachment_note(attached, "fr") == "joint à un courriel sans objet"
    assert "Talks.eml" not in citation_text(attached, excerpt)[0] + source_entry(attached).text

    report = _source(paged=True)  # a report attached to an e-mail: its own name, then the e-mail
    report.meta.attached_to = "Weekly report"
    assert found_at(report) == ["report.pdf", "attached to the e-mail “Weekly report”"]
    assert citation_text(report, new_excerpt(report, 0, 10))[0] == (
        "“Report”, report.pdf, attached to the e-mail “Weekly report”, p. 1."
    )
    assert found_at(_source(paged=True)) == ["report.pdf"] and attachment_note(_source(paged=True)) == ""
