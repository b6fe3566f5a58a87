"""Golden files for the DOCX export: the package's XML parts, pretty-printed and normalised, one folder per case.

Regenerate them after an intended change, then review `git diff tests/export/golden/docx-*`:
    PYTHONPATH=. .venv/bin/python -m tests.export.docx_golden

Normalised so that only substance shows in a diff: volatile values (timestamps, rsids, the app version) are
replaced by placeholders, relationship ids by what they point to; unused namespace declarations, empty pPr/rPr
and xml:space="preserve" on text without spaces at its ends are dropped; relationships and content types are
listed one a line in a fixed order; a part that is not XML (an embedded font) is given by its size and checksum.
"""

from __future__ import annotations

import dataclasses
import hashlib
import posixpath
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from briefing import __version__
from briefing.core.model import Briefing, Note
from briefing.core.templates import Template, load_catalog
from briefing.demo import demo_briefing
from briefing.export import build_tree, render

GOLDEN = Path(__file__).with_name("golden")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
EMPTY_IS_NOTHING = {f"{{{W_NS}}}{tag}" for tag in ("pPr", "rPr")}
TIMESTAMPS = {"{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified"}


def _demo() -> tuple[Briefing, Template, bool]:
    briefing = demo_briefing()
    return briefing, load_catalog().get(briefing.template), False


def _multilingual_draft() -> tuple[Briefing, Template, bool]:
    """Right-to-left and CJK notes, analyst comments, a URL (a footnote hyperlink) and the DRAFT watermark."""
    from tests.export.conftest import MULTILINGUAL

    briefing, template, _ = _demo()
    for index, text in enumerate(MULTILINGUAL):
        briefing.section("positions").items.append(Note(id=f"note-ml-{index}", text=text))
    briefing.sources[0].meta.url = "https://example.org/news/canada-iran"
    briefing.sources[0].meta.author = "CBC News"
    return briefing, dataclasses.replace(template, export_comments=True), True


def _gc_decision() -> tuple[Briefing, Template, bool]:
    """The GC template, for decision: short citations, the contact after the last section, the decision block."""
    briefing, _, _ = _demo()
    briefing.title_block.purpose = "for-decision"
    briefing.title_block.phone = "613-555-0100"
    return briefing, load_catalog().get("gc-briefing-note"), False


def _writing() -> tuple[Briefing, Template, bool]:
    """The analyst's own writing: bold and italic runs, nested bulleted, numbered and lettered lists (Word
    numbering), and the template's numbered paragraphs."""
    from tests.export.test_writing import NOTE

    briefing, template, _ = _demo()
    briefing.section("background").items.insert(0, Note(id="note-writing", text=NOTE))
    return briefing, dataclasses.replace(template, number_paragraphs=True), False


CASES = {
    "docx-demo": _demo,
    "docx-multilingual-draft": _multilingual_draft,
    "docx-gc-decision": _gc_decision,
    "docx-writing": _writing,
}


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationship ids -> "type target" (the target resolved against the part's folder)."""
    name = _rels_name(part)
    if name not in archive.namelist():
        return {}
    out = {}
    for rel in etree.fromstring(archive.read(name)).iter(PKG_RELS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(part), target)).lstrip("/")
        out[rel.get("Id", "")] = f"{rel.get('Type', '').rsplit('/', 1)[-1]} {target}"
    return out


def _xml(archive: zipfile.ZipFile, part: str) -> str:
    root = etree.fromstring(archive.read(part), etree.XMLParser(remove_blank_text=True))
    rels = _relationships(archive, part)
    for element in list(root.iter()):
        if element.tag in EMPTY_IS_NOTHING and len(element) == 0 and not element.attrib:
            element.getparent().remove(element)  # an empty property list says nothing
            continue
        text = element.text or ""
        if element.get(XML_SPACE) == "preserve" and text == text.strip():
            del element.attrib[XML_SPACE]  # "preserve" matters only for spaces at either end
        if element.tag in TIMESTAMPS:
            element.text = "(timestamp)"
        elif element.text and __version__ in element.text and part == "docProps/app.xml":
            element.text = element.text.replace(__version__, "(version)")
        for key in list(element.attrib):
            if etree.QName(key).localname.startswith("rsid"):
                del element.attrib[key]
            elif key.startswith(f"{{{R_NS}}}"):
                element.set(key, f"(rel {rels.get(element.get(key, ''), '?')})")
    etree.cleanup_namespaces(root)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def _binary(archive: zipfile.ZipFile, part: str) -> str:
    """A part that is not XML (an embedded font) as its size and checksum."""
    data = archive.read(part)
    return f"(binary part: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()})\n"


def _content_types(archive: zipfile.ZipFile, parts: list[str]) -> str:
    """Every part's content type, one a line (a Default by extension or an Override)."""
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{CT_NS}Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in types.iter(f"{CT_NS}Override")}
    lines = [f"{p} {overrides.get(p) or defaults.get(p.rsplit('.', 1)[-1].lower(), '?')}" for p in parts]
    return "\n".join(lines) + "\n"


def normalised_parts(data: bytes) -> dict[str, str]:
    """The package as golden files: each XML part, plus content-types.txt and relationships.txt."""
    with zipfile.ZipFile(BytesIO(data)) as archive:
        names = sorted(archive.namelist())
        parts = [n for n in names if n != "[Content_Types].xml" and not n.endswith(".rels")]
        files = {part: _xml(archive, part) if part.endswith(".xml") else _binary(archive, part) for part in parts}
        files["content-types.txt"] = _content_types(archive, parts)
        rels = [
            f"{source or '(package)'} -> {line}"
            for source in ["", *parts]
            for line in sorted(_relationships(archive, source).values())
        ]
    files["relationships.txt"] = "\n".join(rels) + "\n"
    return files


def exported(case: str) -> dict[str, str]:
    briefing, template, draft = CASES[case]()
    return normalised_parts(render(build_tree(briefing, template, draft=draft), ".docx"))


def stored(case: str) -> dict[str, str]:
    folder = GOLDEN / case
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def regenerate() -> None:
    for case in CASES:
        folder = GOLDEN / case
        for old in folder.rglob("*"):
            if old.is_file():
                old.unlink()
        for name, text in exported(case).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {folder}")


if __name__ == "__main__":
    regenerate()
