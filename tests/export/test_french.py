"""French and bilingual notes: the export's words, markings, page numbers, citations and language tags."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export import build_tree, export_briefing
from briefing.export.markdown import render_markdown


def _in(briefing: Briefing, language: str) -> Briefing:
    briefing.title_block.language = language
    briefing.title_block.classification = "PROTECTED B"
    briefing.title_block.date = "2026-12-04"
    briefing.title_block.prepared_by = "A. Analyste"
    return briefing


def test_a_french_note_prints_french_headings_labels_marking_date_and_citations(
    demo: Briefing, template: Template
) -> None:
    tree = build_tree(_in(demo, "fr"), template)
    headings = [n.text for n in tree.body if type(n).__name__ == "Heading"]
    by_id = {s.id: s.heading_fr for s in demo.sections if s.items}
    assert headings == list(by_id.values()) and "Contexte" in headings
    assert tree.classification == "PROTÉGÉ B"
    rows = {row.name: (row.label, row.value) for row in tree.title_rows}
    assert rows["date"] == ("Date", "4 décembre 2026")
    assert rows["prepared_by"][0] == "Préparé par"
    text = render_markdown(tree)
    assert "**Préparé par\u00a0:** A. Analyste" in text  # a non-breaking space before the colon
    assert "Prepared by" not in text and "PROTECTED" not in text
    assert all("para. " not in c.text and "“" not in c.text for c in tree.citations)
    assert any("paragr. " in c.text or "p. " in c.text for c in tree.citations)


def test_a_bilingual_note_shows_both_languages(demo: Briefing, template: Template) -> None:
    tree = build_tree(_in(demo, "bilingual"), template)
    assert "Background / Contexte" in [n.text for n in tree.body if type(n).__name__ == "Heading"]
    assert tree.classification == "PROTECTED B / PROTÉGÉ B"
    assert tree.wording.page(1, 2) == "Page 1 of 2 / Page 1 de 2"
    assert tree.wording.tag == "en-CA"


def test_the_default_addressee_and_its_signature_label_follow_the_note_language(
    demo: Briefing, catalog_templates: dict[str, Template]
) -> None:
    template = catalog_templates["gc-briefing-note"]
    demo.title_block.addressee = "Memorandum to the Minister"  # the template's default, left as it is
    demo.title_block.purpose = "for-decision"
    expected = {
        "fr": ("Note au ministre", "Ministre"),
        "bilingual": ("Memorandum to the Minister / Note au ministre", "Minister / Ministre"),
        "en": ("Memorandum to the Minister", "Minister"),
    }
    for language, (addressee, signer) in expected.items():
        tree = build_tree(_in(demo, language), template)
        rows = {row.name: row.value for row in tree.title_rows}
        assert tree.decision is not None
        assert (rows["addressee"], tree.decision.lines[0]) == (addressee, signer), language
    demo.title_block.addressee = "Memo to the Deputy Minister"  # typed by the analyst: printed as typed
    tree = build_tree(_in(demo, "fr"), template)
    assert tree.decision is not None and tree.decision.lines[0] == "Deputy Minister"


def test_an_english_note_is_unchanged(demo: Briefing, template: Template) -> None:
    tree = build_tree(_in(demo, "en"), template)
    assert tree.classification == "PROTECTED B" and "Background" in [getattr(n, "text", "") for n in tree.body]


def test_french_pdf_says_page_1_de_n_and_is_tagged_french(demo: Briefing, template: Template, tmp_path: Path) -> None:
    out = tmp_path / "note.pdf"
    export_briefing(_in(demo, "fr"), template, out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Page 1 de " in text and "PROTÉGÉ B" in text and "Contexte" in text
    assert "Page 1 of" not in text
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "fr-CA"


def test_french_docx_default_language_and_the_english_title_tagged(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    demo.title_block.title_fr = "Canada–Iran : pourparlers"
    out = tmp_path / "note.docx"
    export_briefing(_in(demo, "fr"), template, out)
    with zipfile.ZipFile(out) as zf:
        styles = zf.read("word/styles.xml").decode()
        document = zf.read("word/document.xml").decode()
        footer = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
    assert '<w:lang w:val="fr-CA"' in styles.split("</w:rPrDefault>")[0]
    assert "Canada–Iran : pourparlers" in document.split(demo.title_block.title)[0]  # the French title first
    subtitle = document.split(demo.title_block.title)[0].rsplit("<w:r>", 1)[1]
    assert '<w:lang w:val="en-CA"/>' in subtitle
    assert "Page " in footer and " de " in footer and " of " not in footer


@pytest.mark.parametrize("language", ["en", "fr", "bilingual"])
def test_every_language_exports_every_format(demo: Briefing, template: Template, tmp_path: Path, language: str) -> None:
    for suffix in (".pdf", ".docx", ".md"):
        out = tmp_path / f"note{suffix}"
        export_briefing(_in(demo, language), template, out)
        assert out.stat().st_size > 0


def test_a_french_quotation_in_an_english_note_is_tagged_french(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    demo.sources[0].meta.language = "fr"
    path = tmp_path / "note.docx"
    export_briefing(_in(demo, "en"), template, path)
    with zipfile.ZipFile(path) as zf:
        document = zf.read("word/document.xml").decode()
    quote = document.split('w:val="Quote"')[1].split("</w:p>")[0]
    assert '<w:lang w:val="fr"/>' in quote


def test_a_french_quotation_in_an_english_pdf_is_a_french_element(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    demo.sources[0].meta.language = "fr"
    out = tmp_path / "note.pdf"
    export_briefing(_in(demo, "en"), template, out)
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "en-CA"
        found = set()
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                if "/Lang" in node:
                    found.add((str(node.S), str(node.Lang)))
                stack.append(node.get("/K"))
    assert ("/BlockQuote", "fr") in found and ("/P", "fr-CA") in found  # the quotation, the French title
