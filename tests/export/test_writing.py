"""The analyst's own writing in every format: bold and italic runs, lists and numbered paragraphs."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from pypdf import PdfReader

from briefing.core.model import Anchor, Block, Briefing, Excerpt, Note, Source, SourceMeta
from briefing.core.richtext import Run
from briefing.core.templates import Template
from briefing.export import export_briefing
from briefing.export.tree import BodyText, ListBlock, Quotation, build_tree, note_nodes

NOTE = """The **Minister** should note *three* points; 5 * 3 stays.
- first **bold** point
- second point
  1. sub one
  1. sub two
- third point

a) lettered a
b) lettered b
Closing paragraph."""
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def written(demo: Briefing) -> Briefing:
    demo.section("background").items.insert(0, Note(id="note-w", text=NOTE))
    return demo


def test_tree_carries_runs_and_lists() -> None:
    nodes = note_nodes(NOTE)
    assert [type(n).__name__ for n in nodes] == ["BodyText", "ListBlock", "BodyText"]
    first, block, last = nodes
    assert isinstance(first, BodyText) and isinstance(block, ListBlock) and isinstance(last, BodyText)
    assert first.text == "The Minister should note three points; 5 * 3 stays."
    assert Run("Minister", bold=True) in first.runs and Run("three", italic=True) in first.runs
    assert last.runs == ()  # plain text: no runs to carry
    items = [(i.kind, i.level, i.number, i.text) for i in block.items]
    assert items == [
        ("bullet", 0, 1, "first bold point"),
        ("bullet", 0, 2, "second point"),
        ("number", 1, 1, "sub one"),
        ("number", 1, 2, "sub two"),  # typed "1." twice: numbered as a reader expects
        ("bullet", 0, 3, "third point"),
        ("letter", 0, 1, "lettered a"),  # a blank line between items keeps them in one list
        ("letter", 0, 2, "lettered b"),
    ]


def test_a_list_cannot_start_deep_and_keeps_its_first_number() -> None:
    (block,) = note_nodes("    - indented alone\n4. four\n5. five")
    assert isinstance(block, ListBlock)
    assert [(i.level, i.number) for i in block.items] == [(0, 1), (0, 4), (0, 5)]


def test_quotations_are_never_parsed(tmp_path: Path, demo: Briefing, template: Template) -> None:
    words = "- 1. a *star* and **two**"  # a source's words: verbatim, whatever they look like
    source = Source(id="src-star", text=words, blocks=[Block("paragraph", 0, len(words))], meta=SourceMeta(title="T"))
    demo.sources.append(source)
    excerpt = Excerpt(id="ex-star", source_id=source.id, anchor=Anchor(words, "", "", 0, len(words)))
    demo.section("background").items.append(excerpt)
    quotes = [n for n in build_tree(demo, template).body if isinstance(n, Quotation)]
    assert words in [q.text for q in quotes]
    markdown = export_briefing(demo, template, tmp_path / "n.md").read_text()
    assert r"> \- 1. a \*star\* and \*\*two\*\*" in markdown


def test_numbered_paragraphs_count_across_sections(written: Briefing, template: Template) -> None:
    written.section("positions").items.append(Note(id="n2", text="Paragraph in another section."))
    plain = build_tree(written, template)
    assert all(n.number == 0 for n in plain.body if isinstance(n, BodyText))
    tree = build_tree(written, dataclasses.replace(template, number_paragraphs=True))
    numbers = [(n.number, n.text[:9]) for n in tree.body if isinstance(n, BodyText)]
    assert [number for number, _ in numbers] == list(range(1, len(numbers) + 1))
    texts = [text for _, text in numbers]
    assert (
        texts.index("The Minis") == 0 and texts.index("Closing p") == 1 and texts.index("Paragraph") == 2
    )  # positions, in order


def test_markdown_lists_and_emphasis(tmp_path: Path, written: Briefing, template: Template) -> None:
    text = export_briefing(written, template, tmp_path / "n.md").read_text()
    assert "The **Minister** should note *three* points; 5 \\* 3 stays.\n\n- first **bold** point\n" in text
    assert "- second point\n  1. sub one\n  2. sub two\n- third point\n\na) lettered a\n\nb) lettered b\n" in text
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    html = subprocess.run(
        [pandoc, "-f", "commonmark", "-t", "html", "--wrap=none", str(tmp_path / "n.md")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "<strong>Minister</strong>" in html and "<em>three</em>" in html and "5 * 3 stays" in html
    assert "<li>first <strong>bold</strong> point</li>" in html
    assert '<ol type="1">\n<li>sub one</li>\n<li>sub two</li>\n</ol>' in html


def test_asterisks_of_a_formula_print_as_typed_and_markdown_escapes_them(
    tmp_path: Path, written: Briefing, template: Template
) -> None:
    # QA10 D7: "2*x + 3*y" printed "2x + 3y", "x + 3" in italics, in every format (and unescaped in Markdown)
    written.section("background").items.insert(1, Note(id="note-f", text="Costs are 2*x + 3*y; rate*time product*."))
    text = export_briefing(written, template, tmp_path / "n.md").read_text()
    assert "Costs are 2\\*x + 3\\*y; rate\\*time product\\*." in text
    body = next(node for node in note_nodes(written.section("background").items[1].text) if isinstance(node, BodyText))
    assert body.styled == (Run("Costs are 2*x + 3*y; rate*time product*."),)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    html = subprocess.run(
        [pandoc, "-f", "commonmark", "-t", "html", str(tmp_path / "n.md")], capture_output=True, text=True, check=True
    ).stdout
    assert "Costs are 2*x + 3*y; rate*time product*." in html


@pytest.mark.parametrize("numbered", [False, True])
def test_pandoc_reads_lettered_lists_as_lists(
    tmp_path: Path, written: Briefing, template: Template, numbered: bool
) -> None:
    # QA reported lettered items read back as separate paragraphs: with pandoc's own Markdown they are one list,
    # at the top level, under a bullet and under a numbered item, after a numbered paragraph too
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    note = "Options:\na) first option\nb) second option\n- a bullet\n  a) sub A\n  b) sub B\n1. one\n   a) sub a\n   b) sub b"
    written.section("background").items.insert(1, Note(id="note-l", text=note))
    out = export_briefing(written, dataclasses.replace(template, number_paragraphs=numbered), tmp_path / "n.md")
    html = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "html", "--wrap=none", str(out)], capture_output=True, text=True, check=True
    ).stdout
    lists = re.findall(r'<ol(?: start="\d+")? type="a">(.*?)</ol>', html, re.DOTALL)
    items = [re.sub(r"</?p>", "", item) for found in lists for item in re.findall(r"<li>(.*?)</li>", found, re.DOTALL)]
    expected = ["lettered a", "lettered b", "first option", "second option", "sub A", "sub B", "sub a", "sub b"]
    assert sorted(items) == sorted(expected) and len(lists) == 4, html


def test_markdown_numbered_paragraphs(tmp_path: Path, written: Briefing, template: Template) -> None:
    numbered = dataclasses.replace(template, number_paragraphs=True)
    text = export_briefing(written, numbered, tmp_path / "n.md").read_text()
    assert "1. The **Minister**" in text and "\n2. Closing paragraph.\n" in text


def _paragraphs(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    return body.findall(f".//{W}p")


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_docx_runs_are_bold_and_italic_and_lists_are_word_lists(
    tmp_path: Path, written: Briefing, template: Template
) -> None:
    path = export_briefing(written, template, tmp_path / "n.docx")
    document = docx.Document(str(path))
    first = next(p for p in document.paragraphs if p.text.startswith("The Minister"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in first.runs][:4] == [
        ("The ", False, False),
        ("Minister", True, False),
        (" should note ", False, False),
        ("three", False, True),
    ]
    paragraphs = {_text(p): p for p in _paragraphs(path)}
    numbering = {}
    for text in ("first bold point", "second point", "sub one", "sub two", "third point", "lettered a"):
        p = paragraphs[text]  # no typed marker left in the text: Word numbers it
        assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "ListParagraph"
        numpr = p.find(f"{W}pPr/{W}numPr")
        numbering[text] = (numpr.find(f"{W}ilvl").get(f"{W}val"), numpr.find(f"{W}numId").get(f"{W}val"))
    assert numbering["first bold point"] == numbering["third point"]  # one bulleted list
    assert numbering["sub one"][0] == "1" and numbering["sub one"] == numbering["sub two"]
    assert numbering["lettered a"][1] not in (numbering["first bold point"][1], numbering["sub one"][1])
    with zipfile.ZipFile(path) as package:
        defs = etree.fromstring(package.read("word/numbering.xml"))
    formats = {}
    for num in defs.findall(f"{W}num"):
        abstract = num.find(f"{W}abstractNumId").get(f"{W}val")
        lvl = defs.find(f"{W}abstractNum[@{W}abstractNumId='{abstract}']/{W}lvl")
        formats[num.get(f"{W}numId")] = lvl.find(f"{W}numFmt").get(f"{W}val")
    assert formats[numbering["first bold point"][1]] == "bullet"
    assert formats[numbering["sub one"][1]] == "decimal"
    assert formats[numbering["lettered a"][1]] == "lowerLetter"
    assert "Closing paragraph." in paragraphs and paragraphs["Closing paragraph."].find(f"{W}pPr/{W}numPr") is None


def test_docx_numbered_paragraphs_share_one_list(tmp_path: Path, written: Briefing, template: Template) -> None:
    written.section("positions").items.append(Note(id="n2", text="Paragraph in another section."))
    numbered = dataclasses.replace(template, number_paragraphs=True)
    paragraphs = {_text(p): p for p in _paragraphs(export_briefing(written, numbered, tmp_path / "n.docx"))}
    ids = {
        paragraphs[t].find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        for t in ("Closing paragraph.", "Paragraph in another section.")
    }
    assert len(ids) == 1


def test_pdf_uses_bold_and_italic_faces_and_list_labels(tmp_path: Path, written: Briefing, template: Template) -> None:
    path = export_briefing(written, dataclasses.replace(template, number_paragraphs=True), tmp_path / "n.pdf")
    reader = PdfReader(path)
    page = reader.pages[0]
    seen: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if text.strip() and font is not None:
            seen.append((text.strip(), str(font.get("/BaseFont"))))  # type: ignore[attr-defined]

    page.extract_text(visitor_text=visit)
    faces = {text: font for text, font in seen}
    assert faces["Minister"].endswith("-Bold")
    assert faces["three"].endswith("-Italic")
    assert faces["bold"].endswith("-Bold")
    flat = " ".join(t for t, _ in seen)
    assert "• first" in flat and "1. sub one 2. sub two" in flat and "a) lettered a b) lettered b" in flat
    assert "1. The" in flat and "2. Closing paragraph." in flat
    assert "**" not in flat and "- first" not in flat


@pytest.mark.parametrize("numbered", [False, True])
def test_a_list_under_a_numbered_paragraph_is_indented_like_its_text(
    tmp_path: Path, written: Briefing, template: Template, numbered: bool
) -> None:
    """A numbered paragraph then its bullets ("1. The Minister…"): the labels line up with the paragraph's text,
    not with its number in the margin, in the PDF and the DOCX; without numbered paragraphs, at the margin."""
    template = dataclasses.replace(template, number_paragraphs=numbered)
    seen: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip():
            seen.append((text.strip(), cm[4] + tm[4]))

    PdfReader(export_briefing(written, template, tmp_path / "n.pdf")).pages[0].extract_text(visitor_text=visit)
    x = dict(reversed(seen))  # each text's first place
    assert x["•"] == pytest.approx(x["The"], abs=0.5)  # "The Minister…": after the number, or at the margin
    assert x["a)"] == pytest.approx(x["•"], abs=0.5)
    assert x["1."] < x["The"] - 10 if numbered else "1." not in x or x["1."] > x["The"]  # (a nested list's "1.")
    paragraphs = {_text(p): p for p in _paragraphs(export_briefing(written, template, tmp_path / "n.docx"))}
    ind = paragraphs["first bold point"].find(f"{W}pPr/{W}ind")
    nested = paragraphs["sub one"].find(f"{W}pPr/{W}ind")
    if numbered:  # the number's indent (567 twips) added to the list level's own (360, 720)
        assert ind is not None and nested is not None
        assert (ind.get(f"{W}left"), nested.get(f"{W}left")) == ("927", "1287")
    else:  # the numbering's own indent
        assert ind is None and nested is None


PASTED = "•\tfirst\no\tsub one\n▪\tsub sub\n•\tsecond\n1.\tnumbered\na.\tlettered\ni.\troman one\nii.\troman two"


def test_a_list_pasted_from_word_is_a_nested_list_in_every_format(
    tmp_path: Path, written: Briefing, template: Template
) -> None:
    # QA10 D14: Word's labels copied as text ("o⇥", "▪", "i.") printed as typed, half a list, half text
    written.section("background").items.insert(1, Note(id="note-p", text=PASTED))
    path = export_briefing(written, template, tmp_path / "n.docx")
    paragraphs = {_text(p): p for p in _paragraphs(path)}
    with zipfile.ZipFile(path) as package:
        defs = etree.fromstring(package.read("word/numbering.xml"))
    found = {}
    for text in ("first", "sub one", "sub sub", "numbered", "lettered", "roman one", "roman two"):
        numpr = paragraphs[text].find(f"{W}pPr/{W}numPr")
        level, num_id = numpr.find(f"{W}ilvl").get(f"{W}val"), numpr.find(f"{W}numId").get(f"{W}val")
        abstract = defs.find(f"{W}num[@{W}numId='{num_id}']/{W}abstractNumId").get(f"{W}val")
        lvl = defs.find(f"{W}abstractNum[@{W}abstractNumId='{abstract}']/{W}lvl[@{W}ilvl='{level}']")
        found[text] = (level, lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
    assert found == {
        "first": ("0", "bullet", "•"), "sub one": ("1", "bullet", "–"), "sub sub": ("2", "bullet", "•"),
        "numbered": ("0", "decimal", "%1."), "lettered": ("1", "lowerLetter", "%2)"),
        "roman one": ("2", "lowerRoman", "%3."), "roman two": ("2", "lowerRoman", "%3."),
    }  # fmt: skip
    reader = PdfReader(export_briefing(written, template, tmp_path / "n.pdf"))
    flat = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "i. roman one" in flat and "ii. roman two" in flat and "a) lettered" in flat
    assert "o\t" not in flat and "▪" not in flat
    markdown = export_briefing(written, template, tmp_path / "n.md").read_text()
    assert "- first\n  - sub one\n    - sub sub\n- second\n" in markdown
    assert "1. numbered\n\n   a) lettered\n\n      i. roman one\n\n      ii. roman two\n" in markdown
