"""DOCX export read back with python-docx, the raw XML, and LibreOffice as an independent reader."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from briefing.core.model import Briefing, Note
from briefing.core.templates import Template
from briefing.export import export_briefing
from briefing.export.tree import BodyText, build_tree
from briefing.paths import resource

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def _texts(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


@pytest.fixture
def exported(tmp_path: Path, demo: Briefing, template: Template) -> Path:
    return export_briefing(demo, template, tmp_path / "note.docx")


def test_styles_are_real_word_styles(exported: Path, demo: Briefing) -> None:
    document = docx.Document(str(exported))
    used = [p.style.name for p in document.paragraphs]
    assert used.count("Title") == 1
    assert used.count("Heading 1") == 1 + sum(1 for s in demo.sections if s.items)  # sections + Sources
    assert used.count("Quote") == len(demo.excerpts())
    assert "Subtitle" in used and "List Number" in used
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s.heading for s in demo.sections if s.items] + ["Sources"]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes == [" ".join(e.anchor.exact.split()) for _, e in demo.excerpts()]


def test_footnotes_are_word_footnotes_one_per_citation(exported: Path, demo: Briefing) -> None:
    with zipfile.ZipFile(exported) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types
    assert 'relationships/footnotes" Target="footnotes.xml"' in rels
    footnotes = _xml(exported, "word/footnotes.xml")
    notes = footnotes.findall(f"{W}footnote")
    kinds = [n.get(f"{W}type") for n in notes]
    assert kinds[:2] == ["separator", "continuationSeparator"]
    real = [n for n in notes if n.get(f"{W}type") is None]
    assert len(real) == len(demo.excerpts()) == 8
    body = _xml(exported, "word/document.xml")
    refs = body.findall(f".//{W}footnoteReference")
    assert [r.get(f"{W}id") for r in refs] == [n.get(f"{W}id") for n in real]
    for ref in refs:
        style = ref.getparent().find(f"{W}rPr/{W}rStyle")
        assert style is not None and style.get(f"{W}val") == "FootnoteReference"
    for note in real:
        assert note.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"
        assert note.find(f".//{W}footnoteRef") is not None
    first = _texts(real[0])
    source = demo.sources[0]
    para = source.paragraph_number(demo.excerpts()[0][1].anchor.start)
    assert "Canada Confirms Talks to Renew Iran Ties" in first and f"para. {para}." in first
    assert "Sample news article" in first and "canada-iran-talks.txt" in first


def test_header_and_footer_carry_the_marking_and_page_numbers(exported: Path) -> None:
    header = _texts(_xml(exported, "word/header1.xml"))
    footer_xml = _xml(exported, "word/footer1.xml")
    assert header == "UNCLASSIFIED"
    assert "UNCLASSIFIED" in _texts(footer_xml)
    fields = [f.get(f"{W}instr").strip() for f in footer_xml.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    document = docx.Document(str(exported))
    assert document.sections[0].header.paragraphs[0].style.name == "Classification Marking"
    assert "DRAFT" not in etree.tostring(_xml(exported, "word/header1.xml")).decode()


def test_marking_placement_and_style_follow_the_template(tmp_path: Path, demo: Briefing, template: Template) -> None:
    top_right = dataclasses.replace(template, marking_placement=("header",), marking_style="top-right")
    path = export_briefing(demo, top_right, tmp_path / "tr.docx")
    header = _xml(path, "word/header1.xml")
    assert header.find(f".//{W}jc").get(f"{W}val") == "right"
    assert "UNCLASSIFIED" not in _texts(_xml(path, "word/footer1.xml"))


def test_core_properties_and_nothing_leaking(exported: Path, demo: Briefing) -> None:
    props = docx.Document(str(exported)).core_properties
    assert props.author == "A. Analyst, Middle East Policy"
    assert props.title == demo.title_block.title
    assert props.keywords == "UNCLASSIFIED" and props.category == "UNCLASSIFIED"
    assert props.comments == ""
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(n) for n in names).decode("utf-8")
        custom = archive.read("docProps/custom.xml").decode()
    assert 'name="Classification"><vt:lpwstr>UNCLASSIFIED<' in custom
    assert "python-docx" not in everything and "/work/" not in everything and "/tmp/" not in everything
    assert not any(n.endswith((".jpeg", ".png")) or n.startswith("customXml") for n in names)
    # the analyst comments are internal by default
    assert "Dion's framing" not in everything and "Analyst comment" not in everything


def test_comments_only_when_the_template_asks(tmp_path: Path, demo: Briefing, template: Template) -> None:
    path = export_briefing(demo, dataclasses.replace(template, export_comments=True), tmp_path / "c.docx")
    document = docx.Document(str(path))
    comments = [p.text for p in document.paragraphs if p.style.name == "Analyst Comment"]
    assert comments == [
        "Analyst comment: Dion's framing: incremental, officials first.",
        "Analyst comment: Which sanctions remain? Check with the sanctions policy team.",
    ]


def test_draft_watermark_and_page_setup(tmp_path: Path, demo: Briefing, template: Template) -> None:
    a4 = dataclasses.replace(template, page_size="a4")
    path = export_briefing(demo, a4, tmp_path / "d.docx", draft=True)
    header = etree.tostring(_xml(path, "word/header1.xml")).decode()
    assert 'string="DRAFT"' in header
    section = docx.Document(str(path)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == round(template.margins_mm.left)
    letter = docx.Document(str(export_briefing(demo, template, tmp_path / "l.docx"))).sections[0]
    assert round(letter.page_width.inches, 2) == 8.5


def test_control_characters_never_corrupt_the_file(tmp_path: Path, demo: Briefing, template: Template) -> None:
    demo.section("background").items.append(Note(id="bad", text="bell\x07 null\x00 esc\x1b ok \ufffe end"))
    demo.title_block.title = "Title\x0c with form feed"
    demo.sources[0].meta.publisher = "Pub\x01lisher"
    path = export_briefing(demo, template, tmp_path / "bad.docx")
    document = docx.Document(str(path))  # would raise on malformed XML
    texts = [p.text for p in document.paragraphs]
    assert "bell null esc ok end" in texts
    assert "Title with form feed" in texts
    assert "Publisher" in _texts(_xml(path, "word/footnotes.xml"))


def test_bookmark_names_are_unique_even_for_long_headings_that_start_alike(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    long = "Background and context of the bilateral relationship with "
    headings = [long + "Iran", long + "Cuba", long + "Iran", "背景", "الخلفية", "Section", "section-2", "x" * 80]
    section = demo.sections[0]
    demo.sections = [dataclasses.replace(section, id=f"s{i}", heading=h) for i, h in enumerate(headings)]
    path = export_briefing(demo, template, tmp_path / "bm.docx")
    names = [b.get(f"{W}name") for b in _xml(path, "word/document.xml").iter(f"{W}bookmarkStart")]
    assert len(names) == len(headings)
    assert len(set(names)) == len(names), names
    # Word's rules: at most 40 characters, letters, digits and "_"; a leading "_" makes it hidden, as Word's own
    assert all(re.fullmatch(r"_[A-Za-z0-9_]{1,39}", name) for name in names), names


def test_rtl_paragraphs_are_marked_bidi(tmp_path: Path, multilingual: Briefing, template: Template) -> None:
    path = export_briefing(multilingual, template, tmp_path / "ml.docx")
    body = _xml(path, "word/document.xml")
    bidi = [_texts(p) for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}bidi") is not None]
    assert len(bidi) == 2 and bidi[0].startswith("العلاقات") and bidi[1].startswith("روابط")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "中文：加拿大与伊朗恢复外交关系的谈判。" in texts and "Emoji: 🤝 ✅ 🌍" in texts


@pytest.mark.slow
def _with_bundled_fonts(folder: Path) -> dict[str, str]:
    """An environment whose fontconfig also sees Briefing's bundled fonts.

    A fresh Debian has no Chinese font, so LibreOffice would draw the Chinese paragraph as nothing and the
    text check would fail for a reason that is the machine's, not the export's. The fonts are shipped compressed,
    so they are unpacked for fontconfig first.
    """
    fonts = folder / "fonts"
    fonts.mkdir(exist_ok=True)
    for packed in resource("fonts").glob("*.ttf.gz"):
        (fonts / packed.name[:-3]).write_bytes(gzip.decompress(packed.read_bytes()))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{escape(str(fonts))}</dir>\n"
        f"  <cachedir>{escape(str(folder / 'fontcache'))}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def test_libreoffice_reads_the_same_text(tmp_path: Path, multilingual: Briefing, template: Template) -> None:
    """LibreOffice, an independent DOCX reader, lays out the same text, footnotes and marking on every page."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    path = export_briefing(multilingual, template, tmp_path / "lo.docx")
    profile = tmp_path / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=120, env=_with_bundled_fonts(tmp_path),
    )  # fmt: skip
    pages = [page.extract_text() or "" for page in PdfReader(tmp_path / "lo.pdf").pages]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert page.count("UNCLASSIFIED") == 2, number  # header and footer banner
        assert f"Page {number} of {len(pages)}" in page
    flat = re.sub(r"\s+", " ", " ".join(pages))
    tree = build_tree(multilingual, template)
    positions = []
    for node in tree.body:
        if isinstance(node, BodyText) and (node.rtl or "Emoji" in node.text):
            continue  # text extraction reorders right-to-left text and drops emoji glyphs
        needle = " ".join(node.text.split())
        assert needle in flat, needle
        positions.append(flat.index(needle))
    assert positions == sorted(positions)
    full = re.findall(r"Canada Confirms Talks to Renew Iran Ties”, Sample news article, canada-iran-talks.txt, "
                      r"para. (\d+)", flat)  # fmt: skip
    short = re.findall(r"Sample news article, “Canada Confirms Talks”, para. (\d+)", flat)
    assert (len(full), len(short)) == (1, 7) and len(tree.citations) == 8  # the source in full once, then short


PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


def test_property_elements_follow_the_schema_order(tmp_path: Path, multilingual: Briefing, template: Template) -> None:
    """Word rejects a file whose pPr/rPr children are out of schema order (LibreOffice does not notice)."""
    path = export_briefing(
        multilingual, dataclasses.replace(template, export_comments=True), tmp_path / "o.docx", draft=True
    )
    checked = 0
    for part in ("word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"):
        for tag, order in (("pPr", PPR_ORDER), ("rPr", RPR_ORDER)):
            for element in _xml(path, part).iter(f"{W}{tag}"):
                names = [etree.QName(child).localname for child in element]
                assert all(n in order for n in names), (part, names)
                assert [order.index(n) for n in names] == sorted(order.index(n) for n in names), (part, names)
                checked += 1
    assert checked > 50


def test_the_shipped_template_is_what_its_script_builds_and_clean() -> None:
    """resources/docx/template.docx is not stale, and holds nothing of python-docx's own template."""
    import importlib.util

    from briefing import paths

    script = paths.resource("docx", "make_template.py")
    spec = importlib.util.spec_from_file_location("make_template", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with zipfile.ZipFile(paths.resource("docx", "template.docx")) as archive:
        shipped = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert shipped == {name: module.DECL + xml for name, xml in module.parts().items()}, (
        "run resources/docx/make_template.py"
    )
    assert "python-docx" not in "".join(shipped.values())
    assert not any(part in name for name in shipped for part in ("theme", "thumbnail", "fontTable", "webSettings"))
    styles = _texts(etree.fromstring(shipped["word/styles.xml"].encode()))
    assert styles == "" and shipped["word/styles.xml"].count("<w:style ") == 2  # Normal, Default Paragraph Font


def test_long_property_values_are_kept_whole(tmp_path: Path, demo: Briefing, template: Template) -> None:
    """python-docx refuses core properties over 255 characters; the format has no such limit."""
    demo.title_block.title = "A very long title " * 20
    path = export_briefing(demo, template, tmp_path / "long.docx")
    assert docx.Document(str(path)).core_properties.title == demo.title_block.title.strip()


def test_right_to_left_quotations_are_upright_with_indent_and_border(tmp_path: Path) -> None:
    """Arabic, Persian and Hebrew have no italics: their runs are upright in the (italic) Quote style."""
    from briefing.export.docx import write_docx
    from briefing.export.tree import Citation, DocumentTree, Quotation

    quotes = ["Talks have started, Dion said.", "قال Dion إن المحادثات بدأت عام 2016.", "השיחות נמשכות מאז 2016."]
    citations = [Citation(n, "A source, para. 2.", "", "s") for n in range(1, 4)]
    body = [Quotation(q, c, rtl=n > 0) for n, (q, c) in enumerate(zip(quotes, citations, strict=True))]
    path = tmp_path / "rtl.docx"
    with path.open("wb") as stream:
        write_docx(DocumentTree("T", "", "UNCLASSIFIED", False, [], body, citations, []), stream)
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.style.name == "Quote"]
    assert [p.text for p in paragraphs] == quotes
    style = paragraphs[0].style
    assert style.font.italic and style.paragraph_format.left_indent > 0
    assert style.element.find(f"{W}pPr/{W}pBdr/{W}left") is not None  # the bar every quotation has
    latin, *rtl = [[r for r in p.runs if r.text] for p in paragraphs]
    assert [r.font.italic for r in latin] == [None]  # the style's italics
    for runs in rtl:
        assert [(r.font.italic, r.font.cs_italic) for r in runs] == [(False, False)]


def test_quotations_in_a_row_keep_their_own_bars_and_the_sources_url_is_a_link(
    tmp_path: Path, demo: Briefing, template: Template
) -> None:
    """Word and LibreOffice join adjacent paragraphs' identical borders into one bar; the PDF draws a bar per
    quotation paragraph, so in the DOCX no quotation paragraph has the same border as the one before it. The
    sources list's URL is a hyperlink, as in the footnotes and the PDF."""
    url = "https://example.org/news/canada-iran"
    demo.sources[0].meta.url = url
    path = export_briefing(demo, template, tmp_path / "note.docx")
    styles = _xml(path, "word/styles.xml")
    quote_style = styles.find(f".//{W}style[@{W}styleId='Quote']/{W}pPr/{W}pBdr/{W}left")
    assert quote_style is not None
    body = _xml(path, "word/document.xml").find(f"{W}body")
    assert body is not None
    borders: list[dict[str, str] | None] = []  # each body paragraph's left border (None: not a quotation's)
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or style.get(f"{W}val") != "Quote":
            borders.append(None)
            continue
        own = paragraph.find(f"{W}pPr/{W}pBdr/{W}left")
        borders.append(dict((own if own is not None else quote_style).attrib))
    pairs = [(a, b) for a, b in itertools.pairwise(borders) if a and b]
    assert len(pairs) >= 3  # the demo has quotations in a row
    assert all(a != b for a, b in pairs)
    assert {b[f"{W}sz"] for b, _ in pairs} == {"12"} and {b[f"{W}space"] for b, _ in pairs} == {"8"}  # same look
    sources = [p for p in body.iter(f"{W}p") if _texts(p).startswith("CBC") or url in _texts(p)]
    links = [link for p in sources for link in p.iter(f"{W}hyperlink")]
    assert [_texts(link) for link in links] == [url]
    with zipfile.ZipFile(path) as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    rid = links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    assert re.search(rf'Id="{rid}"[^>]*Target="{re.escape(url)}"', rels) or re.search(
        rf'Target="{re.escape(url)}"[^>]*Id="{rid}"', rels
    )
