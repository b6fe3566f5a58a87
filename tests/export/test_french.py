"""French and bilingual notes: the export's words, markings, page numbers, citations and language tags."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfua import validate
from PIL import Image
from pypdf import PdfReader

from briefing.core.model import Briefing, Excerpt, Source, SourceMeta
from briefing.core.operations import AddSource, add_note, file_excerpt, new_excerpt
from briefing.core.templates import Template
from briefing.core.text import build_text
from briefing.demo import demo_briefing
from briefing.export import build_tree, export_briefing
from briefing.export.markdown import render_markdown
from briefing.export.tree import DocumentTree, ListBlock


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


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_the_bilingual_draft_watermark_stays_on_the_page(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # QA4 7: "DRAFT / ÉBAUCHE" at the size of "DRAFT" ran off both edges of the page ("RAFT / ÉBAUC")
    path = export_briefing(_in(demo, "bilingual"), template, tmp_path / "draft.pdf", draft=True)
    subprocess.run(["pdftoppm", "-r", "20", "-f", "1", "-l", "1", "-gray", str(path), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.pgm")))
    width, height = page.size
    inner = page.crop((2, 2, width - 2, height - 2))
    assert inner.getextrema()[0] < 250  # the watermark (and the text) is drawn
    edges = [page.getpixel((x, y)) for x in range(width) for y in (0, 1, height - 2, height - 1)]
    edges += [page.getpixel((x, y)) for y in range(height) for x in (0, 1, width - 2, width - 1)]
    assert min(edges) >= 250  # nothing grey at the paper's edges


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
    assert "Canada–Iran\u00a0: pourparlers" in document.split(demo.title_block.title)[0]  # the French title first
    subtitle = document.split(demo.title_block.title)[0].rsplit("<w:r>", 1)[1]
    assert '<w:lang w:val="en-CA"/>' in subtitle
    assert "Page " in footer and " de " in footer and " of " not in footer


@pytest.mark.parametrize("language", ["en", "fr", "bilingual"])
def test_every_language_exports_every_format(demo: Briefing, template: Template, tmp_path: Path, language: str) -> None:
    for suffix in (".pdf", ".docx", ".md"):
        out = tmp_path / f"note{suffix}"
        export_briefing(_in(demo, language), template, out)
        assert out.stat().st_size > 0


def _declared(briefing: Briefing, source_id: str, language: str) -> Briefing:
    next(s for s in briefing.sources if s.id == source_id).meta.language = language
    return briefing


def test_a_french_quotation_in_an_english_note_is_tagged_french(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    path = tmp_path / "note.docx"
    export_briefing(_declared(_with_french_parts(demo, "en"), "src-fr", "fr-FR"), template, path)
    english = len(demo.excerpts()) - 1
    assert _quote_languages(path) == [set()] * english + [{"fr-FR"}]  # the source's own tag: its words agree


def test_a_french_quotation_in_an_english_pdf_is_a_french_element(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    out = tmp_path / "note.pdf"
    export_briefing(_declared(_with_french_parts(demo, "en"), "src-fr", "fr"), template, out)
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


TWEET = "Maybe worth considering chloroquine for C19 https://t.co/LEYob7Jofr"


@pytest.mark.parametrize(("language", "tag"), [("en", ""), ("fr", "en")])
def test_an_english_tweet_quoted_on_a_french_page_is_english(
    demo: Briefing, template: Template, tmp_path: Path, language: str, tag: str
) -> None:
    """QA2 defect 3: the quotation's own words decide its language, not its source's (a French page, declared
    French), so an English note leaves it untagged and a French note tags it English."""
    briefing = _in(demo, language)
    page = [("paragraph", 0, FRENCH_QUOTE), ("paragraph", 0, TWEET), ("paragraph", 0, "La rumeur a couru.")]
    text, blocks = build_text(page)
    meta = SourceMeta(title="Sciences et Avenir", published="2020-03-20", language="fr")
    AddSource(Source(id="src-fr", text=text, blocks=blocks, meta=meta)).apply(briefing)
    start = text.index(TWEET)
    file_excerpt("open-issues", new_excerpt(briefing.sources[-1], start, start + len(TWEET))).apply(briefing)
    export_briefing(briefing, template, tmp_path / "note.docx")
    export_briefing(briefing, template, tmp_path / "note.pdf")
    assert _quote_languages(tmp_path / "note.docx")[-1] == ({tag} if tag else set())
    assert sorted(_block_quote_languages(tmp_path / "note.pdf")).count(tag) == len(briefing.excerpts())


ENGLISH_TEXT = "The minister will meet her counterpart on Monday to discuss the file."
FRENCH_TEXT = "La ministre rencontrera son homologue lundi pour discuter du dossier: une première?"
FRENCH_QUOTE = "Le gouvernement a confirmé que les pourparlers se poursuivront: est-ce une surprise?"
FRENCH_LIST = "- Première option pour la ministre et son cabinet\n- Statu quo"


def _with_french_parts(briefing: Briefing, language: str) -> Briefing:
    """The demo in `language`, its last section holding an English paragraph, then a French one, a French
    quotation (from a source that does not say its language) and a French list."""
    _in(briefing, language)
    text, blocks = build_text([("paragraph", 0, "Titre"), ("paragraph", 0, FRENCH_QUOTE)])
    source = Source(id="src-fr", text=text, blocks=blocks, meta=SourceMeta(title="Le Devoir", published="2026-12-01"))
    AddSource(source).apply(briefing)
    start = text.index(FRENCH_QUOTE)
    for item in (
        add_note("open-issues", ENGLISH_TEXT),
        add_note("open-issues", FRENCH_TEXT),
        file_excerpt("open-issues", new_excerpt(source, start, start + len(FRENCH_QUOTE))),
        add_note("open-issues", FRENCH_LIST),
    ):
        item.apply(briefing)
    return briefing


def _tree_nodes(tree: DocumentTree) -> dict[str, Any]:
    by_text: dict[str, Any] = {}
    for node in tree.body:
        for part in node.items if isinstance(node, ListBlock) else (node,):
            by_text[part.text.split()[0]] = part
    return by_text


def test_a_bilingual_note_tells_each_paragraph_its_language(demo: Briefing, template: Template) -> None:
    tree = build_tree(_with_french_parts(demo, "bilingual"), template)
    nodes = _tree_nodes(tree)
    assert nodes["The"].lang == "" and nodes["The"].text == ENGLISH_TEXT  # the document's language, as typed
    assert nodes["La"].lang == "fr-CA"
    assert nodes["La"].text == FRENCH_TEXT.replace(":", "\u00a0:").replace("?", "\u00a0?")  # set as French
    assert nodes["Première"].lang == nodes["Statu"].lang == "fr-CA"  # "Statu quo" alone says nothing: the list's
    quotation = nodes["Le"]
    assert quotation.lang == "fr" and quotation.text == FRENCH_QUOTE  # tagged, but word for word the source's
    # its footnote is French, as the paragraph it follows: place, date and guillemets
    assert quotation.citation.lang == "fr-CA"
    assert quotation.citation.text == "«\u00a0Le Devoir\u00a0», 1er décembre 2026, paragr. 2."
    assert all(c.lang == "" and "paragr." not in c.text for c in tree.citations[:-1])  # the demo's, in English


def test_a_bilingual_notes_french_comment_is_tagged_and_set_in_french(demo: Briefing, template: Template) -> None:
    briefing = _with_french_parts(demo, "bilingual")
    (excerpt,) = [
        e for e in briefing.section("open-issues").items if isinstance(e, Excerpt) and e.source_id == "src-fr"
    ]
    excerpt.comment = "À vérifier auprès de la direction des sanctions: est-ce confirmé?"
    tree = build_tree(briefing, dataclasses.replace(template, export_comments=True))
    quotation = _tree_nodes(tree)["Le"]
    assert quotation.comment_lang == "fr-CA"
    assert quotation.comment == "À vérifier auprès de la direction des sanctions\u00a0: est-ce confirmé\u00a0?"


def test_an_english_or_french_note_tells_no_paragraph_language(demo: Briefing, template: Template) -> None:
    for language in ("en", "fr"):
        tree = build_tree(_with_french_parts(demo_briefing(), language), template)
        nodes = _tree_nodes(tree)
        assert nodes["La"].lang == nodes["The"].lang == nodes["Première"].lang == "", language
    tree = build_tree(_with_french_parts(demo, "fr"), template)
    assert _tree_nodes(tree)["The"].text == ENGLISH_TEXT  # nothing French about its ASCII punctuation


def test_bilingual_docx_tags_the_french_paragraphs_quotation_list_and_footnote(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    out = tmp_path / "note.docx"
    export_briefing(_with_french_parts(demo, "bilingual"), template, out)
    with zipfile.ZipFile(out) as zf:
        paragraphs = zf.read("word/document.xml").decode().split("</w:p>")
        footnotes = zf.read("word/footnotes.xml").decode().split("</w:footnote>")

    def tags(words: str, where: list[str]) -> set[str]:
        (found,) = [p for p in where if words in p]
        return set(re.findall(r'<w:lang w:val="([^"]+)"', found))

    assert tags("counterpart", paragraphs) == set()
    assert tags("homologue", paragraphs) == {"fr-CA"}
    assert tags("gouvernement", paragraphs) == {"fr"}
    assert tags("Première option", paragraphs) == tags("Statu quo", paragraphs) == {"fr-CA"}
    assert tags("Le Devoir", footnotes) == {"fr-CA"}
    assert tags("Sample news article", [n for n in footnotes if "Sample" in n][:1]) == set()


def test_bilingual_pdf_tags_the_french_paragraphs_quotation_list_and_footnote(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    out = tmp_path / "note.pdf"
    export_briefing(_with_french_parts(demo, "bilingual"), template, out)
    found: list[tuple[str, str]] = []
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "en-CA"
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                found.append((str(node.S), str(node.get("/Lang", ""))))
                stack.append(node.get("/K"))
    # the French title under the English one, and the French paragraph; every other paragraph untagged
    assert found.count(("/P", "fr-CA")) == 2
    assert found.count(("/LBody", "fr-CA")) == 2 and ("/BlockQuote", "fr") in found
    assert found.count(("/Note", "fr-CA")) == 1 and ("/Note", "") in found
    report = validate(str(out))  # still PDF/UA's machine-checkable rules
    assert [(f.rule_id, f.severity.name) for f in report.findings] == []


def test_a_french_note_sets_the_analysts_text_in_french_typography(
    demo: Briefing, catalog_templates: dict[str, Template], tmp_path: Path
) -> None:
    template = catalog_templates["gc-briefing-note"]
    demo.title_block.purpose = "for-decision"
    _with_french_parts(demo, "fr")
    add_note("open-issues", "Voir https://x.ca/?a=b;c à 10:30; l'analyse suit").apply(demo)
    out = tmp_path / "note.md"
    export_briefing(demo, template, out)
    text = out.read_text(encoding="utf-8")
    assert "dossier\u00a0: une première\u00a0?" in text
    assert "Voir https://x.ca/?a=b;c à 10:30\u00a0; l’analyse suit" in text
    assert FRENCH_QUOTE in text  # the quotation as the source has it
    assert "Je suis d’accord" in text and "Je ne suis pas d’accord" in text
    assert "d'accord" not in text


def test_an_untitled_french_note_is_named_in_french(demo: Briefing, template: Template) -> None:
    demo.title_block.title = demo.title_block.title_fr = ""
    assert build_tree(_in(demo, "fr"), template).properties["title"] == f"{template.name_fr} (sans titre)"
    assert build_tree(_in(demo, "en"), template).properties["title"] == f"{template.name} (untitled)"


def test_ibid_after_a_footnote_in_the_other_language_compares_places_not_words(
    demo: Briefing, template: Template
) -> None:
    briefing = _with_french_parts(demo, "bilingual")
    section = briefing.section("open-issues")
    (excerpt,) = [e for e in section.items if isinstance(e, Excerpt) and e.source_id == "src-fr"]
    source = briefing.source("src-fr")
    # the same passage again, cited after an English paragraph: "Ibid." alone, not "Ibid., para. 2.", and in
    # French as its first footnote (a quotation is cited in its own language, QA2 defect 9)
    again = new_excerpt(source, excerpt.anchor.start, excerpt.anchor.end)
    add_note("open-issues", ENGLISH_TEXT).apply(briefing)
    file_excerpt("open-issues", again).apply(briefing)
    tree = build_tree(briefing, dataclasses.replace(template, citations="ibid"))
    assert [c.text for c in tree.citations[-2:]][1] == "Ibid."
    assert tree.citations[-2].text.endswith("paragr. 2.") and tree.citations[-1].lang == "fr-CA"


def test_a_bilingual_note_cites_each_quotation_in_its_own_language(demo: Briefing, template: Template) -> None:
    # QA2 defect 9: footnotes followed the analyst's paragraph nearby, so one source's footnotes flipped between
    # "“Mozilla”, para." and "« Mozilla », paragr." on the same page
    briefing = _with_french_parts(demo, "bilingual")
    source = briefing.source("src-fr")
    (excerpt,) = [
        e for e in briefing.section("open-issues").items if isinstance(e, Excerpt) and e.source_id == "src-fr"
    ]
    english = demo.sources[0]
    start = english.text.index(english.text.split("\n\n")[-1][:40])
    for item in (
        add_note("background", FRENCH_TEXT),  # an English quotation after a French paragraph
        file_excerpt("background", new_excerpt(english, start, start + 40)),
        add_note("background", ENGLISH_TEXT),  # a French quotation after an English one
        file_excerpt("background", new_excerpt(source, excerpt.anchor.start, excerpt.anchor.end)),
    ):
        item.apply(briefing)
    tree = build_tree(briefing, dataclasses.replace(template, citations="full"))
    by_source: dict[str, set[str]] = {}
    for citation in tree.citations:
        by_source.setdefault(citation.source_id, set()).add(citation.lang)
    assert by_source[english.id] == {""}  # English, the document's language, wherever it is quoted
    assert by_source["src-fr"] == {"fr-CA"}
    assert all("para. " in c.text for c in tree.citations if c.source_id == english.id)


def _block_quote_languages(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        found = []
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                if node.S == "/BlockQuote":
                    found.append(str(node.get("/Lang", "")))
                stack.append(node.get("/K"))
    return found


def _quote_languages(path: Path) -> list[set[str]]:
    """The language tags on each quotation paragraph's runs of a DOCX."""
    with zipfile.ZipFile(path) as zf:
        document = zf.read("word/document.xml").decode()
    quotes = [p for p in document.split("</w:p>") if 'w:val="Quote"' in p]
    return [set(re.findall(r'<w:lang w:val="([^"]+)"', p)) for p in quotes]


def test_an_english_quotation_in_a_french_note_is_tagged_english(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    demo.sources[0].meta.language = ""  # a plain-text source that says nothing (imported before sources had one)
    _in(demo, "fr")
    export_briefing(demo, template, tmp_path / "note.docx")
    export_briefing(demo, template, tmp_path / "note.pdf")
    count = len(demo.excerpts())
    assert _quote_languages(tmp_path / "note.docx") == [{"en"}] * count  # every paragraph of every quotation
    assert _block_quote_languages(tmp_path / "note.pdf") == ["en"] * count
    demo.sources[0].meta.language = "en-GB"  # as imported, or as corrected in Source details
    export_briefing(demo, template, tmp_path / "note.docx")
    assert _quote_languages(tmp_path / "note.docx") == [{"en-GB"}] * count


def test_an_invalid_source_language_is_never_written(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # QA2 defect 18: an old file's or a hand-edited manifest's language went into w:lang and /Lang as it was
    count = len(demo.excerpts())
    # (a tag that is none is dropped: the English quotation's words tell it is English)
    for declared, written in (("English", "en"), ("en_gb", "en-GB"), ("xx Klingon <b>&", "en")):
        demo.sources[0].meta.language = declared
        export_briefing(_in(demo, "fr"), template, tmp_path / "note.docx")
        export_briefing(demo, template, tmp_path / "note.pdf")
        assert _quote_languages(tmp_path / "note.docx") == [{written}] * count, declared
        assert _block_quote_languages(tmp_path / "note.pdf") == [written] * count, declared


def test_a_greek_quotation_is_tagged_by_its_script(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # QA2 defect 16: Greek, a script of one language, went untagged (Hebrew, Arabic, Chinese were tagged)
    greek = "Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας."
    text, blocks = build_text([("paragraph", 0, greek)])
    source = Source(id="src-el", text=text, blocks=blocks, meta=SourceMeta(title="Αθήνα"))
    AddSource(source).apply(demo)
    file_excerpt("open-issues", new_excerpt(source, 0, len(greek))).apply(demo)
    demo.sources[0].meta.language = "en"
    export_briefing(_in(demo, "en"), template, tmp_path / "note.docx")
    export_briefing(demo, template, tmp_path / "note.pdf")
    assert _quote_languages(tmp_path / "note.docx")[-1] == {"el"}
    assert "el" in _block_quote_languages(tmp_path / "note.pdf")


def test_a_french_quotation_from_a_source_without_a_language_in_an_english_note(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    briefing = _with_french_parts(demo, "en")  # the French source says no language
    export_briefing(briefing, template, tmp_path / "note.docx")
    export_briefing(briefing, template, tmp_path / "note.pdf")
    english = len(demo.excerpts()) - 1
    assert _quote_languages(tmp_path / "note.docx") == [set()] * english + [{"fr"}]  # the note's own untagged
    assert sorted(_block_quote_languages(tmp_path / "note.pdf")) == [""] * english + ["fr"]


def _structure_languages(path: Path) -> list[str]:
    """The /Lang of each structure element of a PDF ("" for none)."""
    found = []
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack += list(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                found.append(str(node.get("/Lang", "")))
                stack.append(node.get("/K"))
    return found


def _title_languages(path: Path, *titles: str) -> list[set[str]]:
    with zipfile.ZipFile(path) as zf:
        paragraphs = zf.read("word/document.xml").decode().split("</w:p>")
    found = []
    for title in titles:
        (paragraph,) = [p for p in paragraphs if title in p]
        found.append(set(re.findall(r'<w:lang w:val="([^"]+)"', paragraph)))
    return found


def test_titles_are_tagged_by_their_words_not_their_field(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # a French analyst's French note: a French title in each field (QA 29): neither is read as English
    demo.title_block.title = "Reprise des relations avec l’Iran"
    demo.title_block.title_fr = "Reprise des relations diplomatiques avec l’Iran"
    export_briefing(_in(demo, "fr"), template, tmp_path / "note.docx")
    assert _title_languages(tmp_path / "note.docx", "diplomatiques", "Reprise des relations avec") == [set(), set()]
    export_briefing(demo, template, tmp_path / "note.pdf")
    with pikepdf.open(tmp_path / "note.pdf") as pdf:
        assert str(pdf.Root.Lang) == "fr-CA"
    assert "en-CA" not in _structure_languages(tmp_path / "note.pdf")  # (the demo's English quotations are "en")
    # an English note whose only title is French: that title is tagged French, the English one under it not
    demo.title_block.title = "Reprise des relations diplomatiques avec l’Iran"
    demo.title_block.title_fr = "Canada and Iran: the talks that will decide the future of the embassy"
    export_briefing(_in(demo, "en"), template, tmp_path / "note.docx")
    languages = _title_languages(tmp_path / "note.docx", "diplomatiques", "the talks that")
    assert languages == [{"fr-CA"}, set()]
    export_briefing(demo, template, tmp_path / "note.pdf")
    assert _structure_languages(tmp_path / "note.pdf").count("fr-CA") == 1


def test_a_french_notes_sources_list_has_french_dates_and_guillemets(demo: Briefing, template: Template) -> None:
    """The Sources list is set as the footnotes are (QA 35): « title », a French date, French spacing."""
    assert template.export_sources_list
    source = demo.sources[0]
    source.meta.title, source.meta.published = "Covid-19 et infox : une rumeur", "2020-09-14"
    french = build_tree(_in(demo, "fr"), template).sources[0].text
    assert "«\u00a0Covid-19 et infox\u00a0: une rumeur\u00a0»" in french and "14 septembre 2020" in french
    assert "“" not in french and "September" not in french
    english = build_tree(_in(demo, "en"), template).sources[0].text
    assert "Covid-19 et infox : une rumeur. " in english and "14 September 2020" in english


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_title_ending_in_a_question_mark_takes_no_full_stop_and_keeps_its_own_spacing(
    demo: Briefing, template: Template, tmp_path: Path, language: str
) -> None:
    """QA8 D5: "python-docx was here!." in the Sources list, and « python-docx was here ! » in a French note: a title
    is the source's words, never respaced, and ends its own sentence. The same in Markdown and DOCX."""
    source = demo.sources[0]
    source.meta.title, source.meta.author = "Was it worth it? Ask: the minister!", "Cisco Employee"
    title = "Was it worth it? Ask: the minister!"
    note = export_briefing(_in(demo, language), template, tmp_path / "note.md").read_text(encoding="utf-8")
    export_briefing(demo, template, tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        footnotes = re.sub(r"<[^>]+>", "", zf.read("word/footnotes.xml").decode())
        document = re.sub(r"<[^>]+>", "", zf.read("word/document.xml").decode())
    if language == "en":
        assert f"Cisco Employee. {title} Sample news article. canada-iran-talks.txt." in note
        assert f"Cisco Employee, “{title}”, Sample news article, canada-iran-talks.txt, para." in note
        assert "Cisco Employee, “Was it worth it?”, para." in note  # the short form
        assert f"{title} Sample news article." in document and f"“{title}”, Sample news article" in footnotes
    else:
        assert f"Cisco Employee. «\u00a0{title}\u00a0». Sample news article. canada-iran-talks.txt." in note
        assert f"Cisco Employee, «\u00a0{title}\u00a0», Sample news article, canada-iran-talks.txt, paragr." in note
        assert f"«\u00a0{title}\u00a0». Sample" in document and f"«\u00a0{title}\u00a0», Sample" in footnotes
    assert "!." not in note and "?." not in note


def test_a_foreign_title_in_the_sources_list_is_tagged(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # QA2 defect 16: "Schudł 125 kilogramów!" under an English note was read as English
    source = demo.sources[0]
    source.meta.title, source.meta.language = "Schudł 125 kilogramów! Tak wygląda teraz", "pl-PL"
    tree = build_tree(_in(demo, "en"), template)
    assert (tree.sources[0].title, tree.sources[0].title_lang) == (source.meta.title, "pl-PL")
    export_briefing(demo, template, tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        document = zf.read("word/document.xml").decode()
    (entry,) = [p for p in document.split("</w:p>") if "Schudł" in p and 'w:val="ListNumber"' in p]
    assert re.search(r'<w:lang w:val="pl-PL"/></w:rPr><w:t[^>]*>Schudł 125 kilogramów! Tak wygląda teraz<', entry)
    assert entry.count("<w:lang") == 1  # the rest of the entry (date, URL) is in the note's language
    source.meta.language = "en"  # the note's language, or unknown: untagged
    assert build_tree(demo, template).sources[0].title_lang == ""
    source.meta.language = ""
    assert build_tree(demo, template).sources[0].title_lang == ""


def test_the_french_half_of_a_bilingual_notes_labels_is_tagged_french_in_the_docx(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    # QA2 defect 12: "Background / Contexte", "For decision / Pour décision", "Page 1 of 2 / Page 1 de 2" were one
    # untagged run, read with English rules
    demo.title_block.purpose = "for-decision"
    export_briefing(_in(demo, "bilingual"), template, tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        xml = "".join(zf.read(name).decode() for name in zf.namelist() if re.match(r"word/(document|footer)", name))
    runs = re.findall(r"<w:r>(?:<w:rPr>(.*?)</w:rPr>)?<w:t[^>]*>([^<]*)</w:t>", xml)
    tagged = {text.strip() for props, text in runs if 'w:lang w:val="fr-CA"' in props}
    untagged = {text.strip() for props, text in runs if "w:lang" not in props}
    assert {"Contexte", "Pour décision", "Page", "de", "PROTÉGÉ B"} <= tagged
    assert "Background /" in untagged and "For decision /" in untagged and "PROTECTED B /" in untagged
    assert any(text.startswith("Préparé par") for text in tagged) and "4 décembre 2026" in tagged
    assert "Je suis d’accord" in tagged and "Directeur" in tagged  # the signature label under its line


def test_a_bilingual_notes_paragraph_and_its_translation_share_a_number(
    demo: Briefing, template: Template, tmp_path: Path
) -> None:
    # QA2 defect 21: English 1, its French 2, the next pair 3 and 4: "see paragraph 3" meant two things
    briefing = _in(demo, "bilingual")
    for section in briefing.sections:
        section.items.clear()
    for text in (ENGLISH_TEXT, FRENCH_TEXT, "The file is urgent for the minister and the department.", "Statu quo ?"):
        add_note("background", text).apply(briefing)
    add_note("open-issues", "La ministre décidera de la suite du dossier avec son cabinet.").apply(briefing)
    numbered = dataclasses.replace(template, number_paragraphs=True)
    tree = build_tree(briefing, numbered)
    assert [n.number for n in tree.body if type(n).__name__ == "BodyText"] == [1, 1, 2, 2, 3]  # a lone French: 3
    assert "\n1. La ministre rencontrera" in render_markdown(tree)
    export_briefing(briefing, numbered, tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        paragraphs = zf.read("word/document.xml").decode().split("</w:p>")
        numbering = zf.read("word/numbering.xml").decode()
    ids = [re.search(r'<w:numId w:val="(\d+)"/>', p) for p in paragraphs if "<w:numPr>" in p]
    starts = []
    for found in ids:
        assert found is not None
        num = re.search(rf'<w:num w:numId="{found.group(1)}".*?</w:num>', numbering, re.S)
        assert num is not None
        starts.append(int(re.search(r'w:startOverride w:val="(\d+)"', num.group()).group(1)))  # type: ignore[union-attr]
    # Word numbers each list on from its start: a new list wherever the tree's number repeats
    assert len(ids) == 5 and len({m.group(1) for m in ids if m}) == 3 and sorted(set(starts)) == [1, 2]


def test_a_foreign_title_in_a_footnote_is_tagged(demo: Briefing, template: Template, tmp_path: Path) -> None:
    # QA2 defect 16: English titles in a French note's footnotes, a Polish one in an English note's, untagged
    source = demo.sources[0]
    source.meta.title, source.meta.language = "Canada and Iran: the talks", "en-GB"
    export_briefing(_in(demo, "fr"), dataclasses.replace(template, citations="full"), tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        footnotes = zf.read("word/footnotes.xml").decode()
    titles = re.findall(r'<w:lang w:val="en-GB"/></w:rPr><w:t[^>]*>([^<]*)<', footnotes)
    # as the French footnote prints it: the source's words, not respaced French-style (QA8 D5)
    assert titles and set(titles) == {"Canada and Iran: the talks"}
    source.meta.language = "fr"  # in the note's language: nothing to tag
    export_briefing(demo, template, tmp_path / "note.docx")
    with zipfile.ZipFile(tmp_path / "note.docx") as zf:
        assert "<w:lang" not in zf.read("word/footnotes.xml").decode()


def test_a_note_typed_decomposed_prints_its_accents_on_their_letters(tmp_path) -> None:
    """QA7: "de\\u0301clare\\u0301" (e + combining acute, as macOS or a PDF viewer may paste it) was drawn as "de´clare´":
    the PDF composes it ("déclaré"), the same text."""
    from pypdf import PdfReader

    from briefing.cli import main

    note = tmp_path / "nfd.briefing"
    assert main(["new", str(note), "--title", "T", "--language", "fr"]) == 0
    typed = "Le ministre a de\u0301clare\u0301 : c\u0327a suffit, cre\u0300me bru\u0302le\u0301e."
    assert main(["note", str(note), "--section", "background", "--text", typed]) == 0
    assert main(["export", str(note), "-o", str(tmp_path / "nfd.pdf")]) == 0
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "nfd.pdf").pages)
    assert "déclaré" in text and "ça suffit" in text and "crème brûlée" in text
    assert "\u0301" not in text and "\u0327" not in text
