"""The tagged PDF (PDF/UA-1, machine-checkable part): the structure tree read back with pikepdf, and `pdfua`."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate
from pypdf import PdfReader

from briefing.core.model import Briefing, Note
from briefing.core.templates import Template
from briefing.export import build_tree, export_briefing
from briefing.export.pdf import write_pdf
from briefing.export.tree import BodyText, DocumentTree, Heading, ListBlock, Quotation
from tests.export.conftest import MULTILINGUAL
from tests.export.test_writing import NOTE

PERSIAN_NOTE = MULTILINGUAL[3]
PRESENTATION_FORMS = re.compile("[\ufb1d-\ufdff\ufe70-\ufeff]")
PERSIAN = "روابط دیپلماتیک کانادا و ایران از سال ۲۰۱۲ قطع شده است و هنوز برقرار نشده است"
HEBREW = "השיחות בין קנדה לאיראן נמשכות מאז 2016."
URL = "https://example.org/news/canada-iran?id=1&x=2"
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


@dataclasses.dataclass
class Elem:
    role: str
    obj: pikepdf.Dictionary
    kids: list[Elem]
    mcids: list[tuple[int, int]]  # (page index, MCID)
    objrs: list[pikepdf.Dictionary]


def _tree(pdf: pikepdf.Pdf) -> Elem:
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

    def read(node: pikepdf.Dictionary) -> Elem:
        elem = Elem(str(node.S)[1:], node, [], [], [])
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                elem.mcids.append((pages[node.Pg.objgen], kid))
            elif kid.get("/Type") == "/MCR":
                elem.mcids.append((pages[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                elem.objrs.append(kid)
            else:
                assert kid.P.objgen == node.objgen  # every element names its parent
                elem.kids.append(read(kid))
        return elem

    return read(pdf.Root.StructTreeRoot.K)


def _walk(elem: Elem) -> list[Elem]:
    return [elem, *(e for kid in elem.kids for e in _walk(kid))]


def _marked_content(page: pikepdf.Page) -> tuple[dict[int, str], int, int]:
    """Each MCID on the page -> its tag; text-showing operators inside artifacts; those in no sequence at all."""
    mcids: dict[int, str] = {}
    stack: list[str] = []
    in_artifacts = untagged = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])[1:]
            # no artifact inside tagged content, nothing tagged in an artifact (veraPDF's 7.1-1, 7.1-2); only an
            # emoji's /ActualText span sits inside an element's content
            assert not stack or (tag == "Span" and "/ActualText" in operands[1] and "Artifact" not in stack), stack
            stack.append(tag)
            if op == "BDC" and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
                assert mcid not in mcids
                mcids[mcid] = tag
        elif op == "EMC":
            stack.pop()
        elif op in TEXT_SHOWING:
            if "Artifact" in stack:
                in_artifacts += 1
            elif not stack:
                untagged += 1
    assert not stack
    return mcids, in_artifacts, untagged


def _to_unicode(pdf: pikepdf.Pdf, family: str) -> list[tuple[str, str]]:
    """(code, text) of every entry in the ToUnicode maps of a font family's subsets."""
    found = []
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            if family in str(font.BaseFont) and "/ToUnicode" in font:
                cmap = font.ToUnicode.read_bytes().decode("ascii")
                for code, target in re.findall(r"^<([0-9A-F]{2})> <([0-9A-F]+)>$", cmap, re.M):
                    if len(target) % 4 == 0:  # (ReportLab writes a character beyond U+FFFF as is, not UTF-16)
                        found.append((code, bytes.fromhex(target).decode("utf-16-be")))
    return found


def _expected_roles(tree: DocumentTree) -> list[str]:
    """The structure a note should have, from its document tree, top level in reading order."""
    roles = []
    for row in tree.title_rows:
        if row.name != "classification":
            roles.append("H1" if row.name == "title" else "P")
    for node in tree.body:
        if isinstance(node, Heading):
            roles.append("H1")
        elif isinstance(node, Quotation):
            comments = node.comment.split("\n") if node.comment else []
            roles += ["BlockQuote"] * len(node.paragraphs) + ["P"] * len(comments)
        elif isinstance(node, BodyText):
            roles.append("P")
        elif isinstance(node, ListBlock):  # a list per run of same-kind items at the top level
            top = [item.kind for item in node.items if item.level == 0]
            roles += ["L"] * sum(1 for i, kind in enumerate(top) if i == 0 or kind != top[i - 1])
    roles += ["P"] if tree.contact else []
    if tree.decision:  # the options are a list (their boxes the labels), the signing labels paragraphs
        roles += (["L"] if tree.decision.options else []) + ["P"] * len(tree.decision.lines)
    roles += ["H1", "L"] if tree.sources else []
    return roles


def _check(path: Path, tree: DocumentTree) -> list[tuple[str, str]]:
    """Everything a tagged export must have, whatever the note; returns the (type, /Lang) of elements with one."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en-CA"
        assert root.ViewerPreferences.DisplayDocTitle is True
        xmp = root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == tree.properties["title"]
        document = _tree(pdf)
        assert document.role == "Document"
        assert [kid.role for kid in document.kids] == _expected_roles(tree)
        elements = _walk(document)
        referenced = [ref for elem in elements for ref in elem.mcids]
        assert len(referenced) == len(set(referenced))  # no MCID claimed by two elements
        parent_tree = dict(_number_tree(root.StructTreeRoot.ParentTree))
        drawn = set()
        for index, page in enumerate(pdf.pages):
            assert page.Tabs == "/S"
            mcids, in_artifacts, untagged = _marked_content(page)
            assert untagged == 0  # all text is real content or an artifact
            assert in_artifacts >= 3  # the marking at the top and foot, "Page X of Y"
            drawn |= {(index, mcid) for mcid in mcids}
            by_mcid = parent_tree[int(page.StructParents)]
            assert len(by_mcid) == len(mcids)
            for mcid, tag in mcids.items():  # the ParentTree points back at the element that claims the MCID
                owner = next(e for e in elements if (index, mcid) in e.mcids)
                assert by_mcid[mcid].objgen == owner.obj.objgen and tag == owner.role
        assert drawn == set(referenced)  # every MCID is in the tree, and the tree names no other
        for elem in elements:
            if elem.role == "H1":
                assert elem.mcids  # no empty heading
        notes = [e for e in elements if e.role == "Note"]
        assert len(notes) == len(tree.citations)
        assert all(any(note in e.kids for e in elements if e.role == "BlockQuote") for note in notes)
        lists = [e for e in elements if e.role == "L"]
        items = [node for node in tree.body if isinstance(node, ListBlock) for node in node.items]
        options = len(tree.decision.options) if tree.decision else 0
        assert sum(len(e.kids) for e in lists) == len(tree.sources) + len(items) + options
        assert all(kid.role == "LI" for e in lists for kid in e.kids)
        # each item: its label (•, 1., a)) and its text, each with marked content; a nested list in its item's text
        assert all([kid.role for kid in item.kids] == ["Lbl", "LBody"] for e in lists for item in e.kids)
        assert all(kid.mcids for e in lists for item in e.kids for kid in item.kids)
        nested = [e for e in lists if e not in document.kids]
        assert all(any(e in body.kids for body in elements if body.role == "LBody") for e in nested)
        ids = [bytes(note.obj.ID) for note in notes]
        assert len(set(ids)) == len(notes)  # PDF/UA: each Note has an ID, unique
        langs = [(e.role, str(e.obj.Lang)) for e in elements if "/Lang" in e.obj]
    report = validate(str(path))  # no error, no warning, and every check ran (a check that fails to run passes)
    assert [(f.rule_id, f.severity.name, f.message) for f in report.findings] == []
    assert [(o.rule_id, o.skipped_reason) for o in report.outcomes if o.skipped_reason] == []
    return langs


def _number_tree(node: pikepdf.Dictionary) -> list[tuple[int, pikepdf.Object]]:
    if "/Nums" in node:
        nums = list(node.Nums)
        return [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
    return [pair for kid in node.Kids for pair in _number_tree(kid)]


def test_the_demo_is_tagged(tmp_path: Path, demo: Briefing, template: Template) -> None:
    path = export_briefing(demo, template, tmp_path / "note.pdf")
    # the French title has its language; the rest is in the document's
    assert _check(path, build_tree(demo, template)) == [("P", "fr-CA")]


def test_a_note_with_lists_and_a_decision_block_is_tagged(
    tmp_path: Path, demo: Briefing, catalog_templates: dict[str, Template]
) -> None:
    """Bulleted, numbered and lettered lists (one nested), bold and italic, numbered paragraphs and the decision
    block: every label and item tagged (L > LI > Lbl + LBody), and the note passes the PDF/UA check."""
    demo.section("background").items.insert(0, Note(id="note-w", text=NOTE))
    demo.title_block.purpose = "for-decision"
    template = dataclasses.replace(catalog_templates["gc-briefing-note"], number_paragraphs=True)
    path = export_briefing(demo, template, tmp_path / "lists.pdf")
    tree = build_tree(demo, template)
    assert tree.decision and any(isinstance(node, ListBlock) for node in tree.body)
    _check(path, tree)
    with pikepdf.open(path) as pdf:
        labels = [e for e in _walk(_tree(pdf)) if e.role == "Lbl"]
        first_page = pdf.pages[labels[0].mcids[0][0]]
        drawn: dict[int, str] = {}
        current: list[int] = []
        for operands, operator in pikepdf.parse_content_stream(first_page):
            op = str(operator)
            if op == "BDC":
                current.append(int(operands[1].MCID) if "/MCID" in operands[1] else -1)
            elif op == "BMC":
                current.append(-1)
            elif op == "EMC":
                current.pop()
            elif op == "Tj" and current:
                drawn[current[-1]] = drawn.get(current[-1], "") + bytes(operands[0]).decode("latin-1")
    # the first labels read as the note's, one glyph each: two bullets, then the nested list's "1." and "2."
    texts = [drawn.get(mcid) for _, mcid in (label.mcids[0] for label in labels[:4])]
    assert [len(text or "") for text in texts] == [1, 1, 2, 2]


def test_the_decision_blocks_options_are_a_list_its_boxes_labels_its_lines_artifacts_in_embedded_fonts(
    tmp_path: Path, demo: Briefing, catalog_templates: dict[str, Template]
) -> None:
    """A tick box is what a screen reader must hear before each option ("☐ I concur", as the DOCX prints it; QA
    32): each option an LI of the options' L, its drawn box the Lbl's content, with ActualText ☐."""
    demo.title_block.purpose = "for-decision"
    path = export_briefing(demo, catalog_templates["gc-briefing-note"], tmp_path / "decision.pdf")
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:  # every font embedded: no Helvetica picked by a table cell's default style
            for font in page.Resources.Font.values():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor, str(font.BaseFont)
        options = [e for e in _walk(_tree(pdf)) if e.role == "L"][-1]
        labels = [item.kids[0] for item in options.kids]
        assert [str(label.obj.get("/ActualText")) for label in labels] == ["☐", "☐"]
        box_mcids = {mcid for label in labels for _, mcid in label.mcids}
        boxes = lines = 0
        stack: list[str] = []
        mcid: list[int] = []
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[-1]):
            op = str(operator)
            if op in ("BDC", "BMC"):
                stack.append(str(operands[0]))
                mcid.append(int(operands[1].MCID) if op == "BDC" and "/MCID" in operands[1] else -1)
            elif op == "EMC":
                stack.pop()
                mcid.pop()
            elif op == "re":  # a tick box (nothing else on the page draws a rectangle)
                assert stack == ["/Lbl"] and mcid[-1] in box_mcids
                boxes += 1
            elif op == "l" and stack == ["/Artifact"]:  # a signing line (or the rule above the footnotes)
                lines += 1
        assert boxes == 2 and lines >= 2


def test_a_multilingual_note_tags_each_language_and_its_links(
    tmp_path: Path, multilingual: Briefing, template: Template
) -> None:
    multilingual.section("positions").items.append(Note(id="note-he", text=HEBREW))
    multilingual.sources[0].meta.url = URL
    path = export_briefing(multilingual, template, tmp_path / "multi.pdf")
    langs = [lang for _, lang in _check(path, build_tree(multilingual, template))]
    assert langs == ["fr-CA", "ar", "fa", "zh", "ja", "he"]
    with pikepdf.open(path) as pdf:
        links = [e for e in _walk(_tree(pdf)) if e.role == "Link"]
        annotations = [a for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"]
        assert len(links) == len(annotations) == 2  # the first footnote and the sources list
        parent_tree = dict(_number_tree(pdf.Root.StructTreeRoot.ParentTree))
        for link in links:
            (objr,) = link.objrs
            annotation = objr.Obj
            assert str(annotation.Contents) == URL and str(link.obj.Alt) == URL
            assert parent_tree[int(annotation.StructParent)].objgen == link.obj.objgen


def test_joined_arabic_and_persian_read_back_as_their_letters(
    tmp_path: Path, multilingual: Briefing, template: Template
) -> None:
    path = export_briefing(multilingual, template, tmp_path / "multi.pdf")
    with pikepdf.open(path) as pdf:
        mapped = _to_unicode(pdf, "NotoNaskhArabic")
    # drawn joined: several glyphs (isolated, initial, medial, final forms) stand for the one letter meem
    assert len({code for code, text in mapped if text == "م"}) >= 2
    assert "لا" in {text for _, text in mapped}  # the lam-alef ligature is two letters
    assert not [text for _, text in mapped if PRESENTATION_FORMS.search(text)]
    flat = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert not PRESENTATION_FORMS.search(flat)
    for word in PERSIAN_NOTE.rstrip(".").split():  # pypdf puts right-to-left words back in reading order
        if not re.search("[۰-۹]", word):
            assert word in flat
    with pikepdf.open(path) as pdf:  # the emoji, drawn as images, carry their characters
        actual = [
            str(operands[1].ActualText)
            for page in pdf.pages
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BDC" and str(operands[0]) == "/Span"
        ]
    assert actual == ["🤝", "✅", "🌍"]
    if shutil.which("pdftotext"):  # poppler (pdftotext, Evince) too: the same words, as it reads LibreOffice's PDFs
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert not PRESENTATION_FORMS.search(text)
        assert all(word in text for word in PERSIAN_NOTE.rstrip(".").split())


def test_a_quotation_over_two_pages_is_one_element(demo: Briefing, template: Template) -> None:
    tree = build_tree(demo, template)
    index = next(i for i, node in enumerate(tree.body) if isinstance(node, Quotation))
    quotation = tree.body[index]
    assert isinstance(quotation, Quotation)
    tree.body[index] = dataclasses.replace(quotation, text=" ".join([PERSIAN] * 60), rtl=True)  # over a page
    out = io.BytesIO()
    write_pdf(tree, out)
    out.seek(0)
    with pikepdf.open(out) as pdf:
        quotes = [e for e in _walk(_tree(pdf)) if e.role == "BlockQuote"]
        first, second = (page for page, _ in quotes[0].mcids)  # one element, its marked content on two pages
        assert second == first + 1
        (note,) = quotes[0].kids
        assert note.role == "Note" and note.mcids[0][0] == second  # its footnote, on the page it ends on


@pytest.mark.slow
def test_a_300_item_note_is_tagged(tmp_path: Path, demo: Briefing, template: Template) -> None:
    for section in demo.sections:
        section.items = section.items * 34
    assert sum(len(s.items) for s in demo.sections) >= 300
    path = export_briefing(demo, template, tmp_path / "long.pdf")
    _check(path, build_tree(demo, template))


def test_a_draft_watermark_is_an_artifact(tmp_path: Path, demo: Briefing, template: Template) -> None:
    path = export_briefing(demo, template, tmp_path / "draft.pdf", draft=True)
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            _, in_artifacts, untagged = _marked_content(page)
            assert untagged == 0 and in_artifacts >= 4  # DRAFT too
