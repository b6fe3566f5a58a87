"""Word import: structure (headings, lists, tables, footnotes) and core properties."""

from __future__ import annotations

from briefing.importers import import_file


def _blocks(source):
    return [(b.kind, b.level, source.text[b.start : b.end]) for b in source.blocks]


def test_kitchen_sink_document(corpus) -> None:
    source = import_file(corpus / "docx" / "docx2python__example.docx")
    blocks = _blocks(source)
    assert ("heading", 1, "Heading 1") in blocks
    assert ("heading", 2, "Heading 2") in blocks
    assert ("list-item", 2, "bullet indent 1") in blocks
    assert ("table", 0, "Nested | Table") in blocks
    assert ("paragraph", 0, "Reference footnote 1[1]") in blocks
    assert ("paragraph", 0, "[1] First footnote") in blocks
    assert ("paragraph", 0, "[i] First endnote") in blocks
    assert source.meta.author == "Shay Hill"
    assert source.meta.published.startswith("2019-07-05")
    assert source.meta.format == "docx"


def test_core_properties_and_title(corpus) -> None:
    source = import_file(corpus / "docx" / "python-docx__test.docx")
    assert source.meta.title == "python-docx was here!"
    assert source.meta.author == "Cisco Employee"
    assert _blocks(source)[0] == ("heading", 1, "python-docx was here!")


def test_hyperlink_text_is_kept(corpus) -> None:
    source = import_file(corpus / "docx" / "python-docx__par-hyperlinks.docx")
    assert "One awesome hyperlink." in source.text
    assert "Three hyperlinks: the first one here, the second one, and the third." in source.text


def test_headers_and_footers_are_not_body_text(corpus) -> None:
    source = import_file(corpus / "docx" / "python-docx__hdr-header-footer.docx")
    assert "section with header" in source.text


def test_libreoffice_chinese_document(corpus) -> None:
    source = import_file(corpus / "docx" / "docx2python__libreoffice_conversion.docx")
    assert source.meta.language == "zh-CN"
    assert "招标编号" in source.text


def test_google_docs_and_odd_tags(corpus) -> None:
    assert (
        "Pop-up lomo waistcoat"
        in import_file(corpus / "docx" / "docx2python__test-docx2python-conversion-google_docs.docx").text
    )
    assert "GENERAL INFORMATION" in import_file(corpus / "docx" / "docx2python__invalid_tag_name.docx").text


def test_generated_document_lists_and_quotes(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Fisheries note"
    document.core_properties.author = "A. Analyst"
    document.add_heading("Background", level=1)
    document.add_paragraph("Stocks fell sharply.")
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Sub point", style="List Bullet 2")
    document.add_paragraph("We will act.", style="Quote")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Catch"
    table.cell(1, 0).text, table.cell(1, 1).text = "2024", "1,200 t"
    path = tmp_path / "note.docx"
    document.save(path)
    source = import_file(path)
    assert source.meta.title == "Fisheries note"
    assert source.meta.author == "A. Analyst"
    assert _blocks(source) == [
        ("heading", 1, "Background"),
        ("paragraph", 0, "Stocks fell sharply."),
        ("list-item", 1, "First point"),
        ("list-item", 2, "Sub point"),
        ("quote", 0, "We will act."),
        ("table", 0, "Year | Catch"),
        ("table", 0, "2024 | 1,200 t"),
    ]


def _word_document(path, default: str, runs: str = "") -> None:
    """A Word document whose default language (styles.xml's docDefaults) is `default`, its runs marked `runs`."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    lang = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = lang.find(qn("w:lang")) if lang.find(qn("w:lang")) is not None else lang.makeelement(qn("w:lang"), {})
    lang.set(qn("w:val"), default)
    document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}").append(lang)
    for text in ("Das Gespräch mit der Regierung ist nicht beendet.", "Die Minister treffen sich am Montag."):
        run = document.add_paragraph().add_run(text)
        if runs:
            run._r.get_or_add_rPr().append(run._r.makeelement(qn("w:lang"), {qn("w:val"): runs}))
    document.save(path)


def test_the_document_language_is_words_default_or_its_runs(tmp_path) -> None:
    path = tmp_path / "note.docx"
    _word_document(path, "de-DE")
    assert import_file(path).meta.language == "de-DE"  # the document's default
    _word_document(path, "en-US", runs="de-AT")
    assert import_file(path).meta.language == "de-AT"  # what its text is marked with, over a template's default


def test_a_french_word_document_is_french(tmp_path) -> None:
    import docx

    path = tmp_path / "note.docx"
    document = docx.Document()  # python-docx's template: en-US, as most Word templates
    document.add_paragraph("La ministre rencontrera son homologue lundi pour discuter de la reprise des relations.")
    document.save(path)
    assert import_file(path).meta.language == "fr"


def test_a_heading_is_the_title_only_when_it_opens_the_document(tmp_path) -> None:
    # QA4 22: a heading after 30 paragraphs ("Heading 1") became the title of a file with no title of its own
    import docx

    late = docx.Document()
    late.core_properties.title = ""
    for i in range(5):
        late.add_paragraph(f"Paragraph {i} of the body.")
    late.add_heading("Annex", level=1)
    late.save(tmp_path / "late heading.docx")
    assert import_file(tmp_path / "late heading.docx").meta.title == "late heading"

    opening = docx.Document()
    opening.core_properties.title = ""
    opening.add_paragraph("UNCLASSIFIED")
    opening.add_heading("Fisheries outlook", level=1)
    opening.add_paragraph("Stocks fell sharply.")
    opening.save(tmp_path / "opening.docx")
    assert import_file(tmp_path / "opening.docx").meta.title == "Fisheries outlook"


def test_one_english_run_does_not_make_a_french_documents_language(tmp_path) -> None:
    # QA5 9: Briefing's DOCX of a French note: styles' default fr-CA, only the English title run marked en-CA
    import docx
    from docx.oxml.ns import qn

    path = tmp_path / "note.docx"
    document = docx.Document()
    document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").set(
        qn("w:val"), "fr-CA"
    )
    title = document.add_paragraph().add_run("Canada and Iran: talks")
    title._r.get_or_add_rPr().append(title._r.makeelement(qn("w:lang"), {qn("w:val"): "en-CA"}))
    for text in ("Objet", "Genève, le 7 décembre 2026"):  # too few words for the text to tell its language
        document.add_paragraph(text)
    document.save(path)
    assert import_file(path).meta.language == "fr-CA"
