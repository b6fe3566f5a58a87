"""OpenDocument text (.odt): paragraphs, headings, lists, tables, footnotes and endnotes; meta.xml as metadata.

Laid out as the DOCX importer lays out a Word document, so a document saved in both formats reads the same.
The XML is parsed as data: no entities, no network, no huge trees; the zip is checked for bombs first.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.docx import _HEADING_STYLE, _roman, check_package

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
# inside a paragraph: elements whose text is not the paragraph's (comments, deleted text, a picture's description)
_NOT_TEXT = {
    OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "tracked-changes", TEXT + "note-citation", SVG + "title",
    SVG + "desc",
}  # fmt: skip

# wrappers of ordinary content: sections, a table of contents
_WRAPPERS = {TEXT + "section", TEXT + "index-body", TEXT + "table-of-content", TEXT + "alphabetical-index"}


def _parse(package: zipfile.ZipFile, part: str, file_name: str) -> Any:
    from lxml import etree

    try:
        raw = package.read(part)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:  # a damaged or encrypted member
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is a damaged OpenDocument file ({part}: {exc})"), part=part, exc=exc
            ),
        ) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        return etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        if part != "content.xml":
            return None  # damaged styles or metadata lose only the headings' styles or the title
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is a damaged OpenDocument file ({part}: {exc})"), part=part, exc=exc
            ),
        ) from None


class _Reader:
    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles  # style name -> display name of the named style it derives from
        self.notes: list[tuple[str, Any]] = []  # (class, note-body), in document order
        self.numbers: list[str] = []

    def text(self, element: Any) -> str:
        """The visible text of a paragraph, with footnote markers."""
        chunks: list[str] = [element.text or ""]
        for child in element:
            tag = child.tag
            if tag in _NOT_TEXT or not isinstance(tag, str):
                pass
            elif tag == TEXT + "s":
                chunks.append(" " * min(int(child.get(TEXT + "c") or 1), 1000))
            elif tag == TEXT + "tab":
                chunks.append("\t")
            elif tag == TEXT + "line-break":
                chunks.append("\n")
            elif tag == TEXT + "note":
                chunks.append(self._note(child))
            else:  # spans, links, and text boxes anchored here (read into the paragraph, as the DOCX importer does)
                chunks.append(self.text(child))
            chunks.append(child.tail or "")
        return "".join(chunks)

    def _note(self, note: Any) -> str:
        kind = note.get(TEXT + "note-class") or "footnote"
        count = sum(1 for k, _b in self.notes if k == kind) + 1
        number = _roman(count) if kind == "endnote" else str(count)
        self.notes.append((kind, note.find(TEXT + "note-body")))
        self.numbers.append(number)
        return f"[{number}]"

    def _style(self, element: Any) -> str:
        return self.styles.get(element.get(TEXT + "style-name") or "", "")

    def paragraph(self, element: Any, list_level: int) -> tuple[str, int, str]:
        text = self.text(element)
        if element.tag == TEXT + "h":
            level = int(element.get(TEXT + "outline-level") or 1)
            return ("heading", min(max(level, 1), 6), text)
        style = self._style(element)
        heading = _HEADING_STYLE.match(style)
        if style.lower() == "title":
            return ("title", 1, text)
        if heading:
            return ("heading", min(int(heading.group(1)), 6), text)
        if style.lower() == "subtitle":
            return ("heading", 2, text)
        if "quot" in style.lower():  # LibreOffice's "Quotations", Word's "Quote"
            return ("quote", 0, text)
        if list_level:
            return ("list-item", list_level, text)
        if style.lower() == "caption":
            return ("caption", 0, text)
        return ("paragraph", 0, text)

    def blocks(self, container: Any, list_level: int = 0) -> list[tuple[str, int, str]]:
        """Parts of the body, a section, a list item or a table cell, in document order."""
        parts: list[tuple[str, int, str]] = []
        for child in container.iterchildren():
            tag = child.tag
            if tag in (TEXT + "p", TEXT + "h"):
                parts.append(self.paragraph(child, list_level))
            elif tag == TEXT + "list":
                for item in child.iterchildren(TEXT + "list-item", TEXT + "list-header"):
                    parts.extend(self.blocks(item, list_level + 1))
            elif tag == TABLE + "table":
                parts.extend(self.table(child))
            elif tag in _WRAPPERS:
                parts.extend(self.blocks(child, list_level))
        return parts

    def _rows(self, table: Any) -> list[Any]:
        rows = []
        for child in table.iterchildren():
            if child.tag == TABLE + "table-row":
                rows.append(child)
            elif child.tag in (TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group"):
                rows.extend(self._rows(child))
        return rows

    def table(self, table: Any) -> list[tuple[str, int, str]]:
        parts: list[tuple[str, int, str]] = []
        for row in self._rows(table):
            row_cells = row.findall(TABLE + "table-cell")  # (covered cells, under a merged one, hold nothing)
            if len(row_cells) == 1:  # a one-column table is a box around ordinary paragraphs
                parts.extend(self.blocks(row_cells[0]))
                continue
            cells = []
            for cell in row_cells:
                # (a note's paragraphs inside the cell are the note's, listed with the notes)
                in_notes = {id(p) for body in cell.iter(TEXT + "note-body") for p in body.iter(TEXT + "p", TEXT + "h")}
                paragraphs = [
                    clean_block_text(self.text(p)) for p in cell.iter(TEXT + "p", TEXT + "h") if id(p) not in in_notes
                ]
                cells.append(" ".join(p for p in paragraphs if p))
            if any(cells):
                parts.append(("table", 0, " | ".join(cells)))
        return parts


def _default_language(styles: Any) -> str:
    """The document's default language ("fr-CA"), from its default paragraph style; "" when it sets none."""
    fo = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
    for default in styles.iter(STYLE + "default-style") if styles is not None else ():
        props = default.find(STYLE + "text-properties")
        language = props.get(fo + "language", "") if props is not None else ""
        if default.get(STYLE + "family") == "paragraph" and language not in ("", "zxx", "none"):
            country = props.get(fo + "country", "") if props is not None else ""
            return f"{language}-{country}" if country not in ("", "none") else language
    return ""


def _style_names(*roots: Any) -> dict[str, str]:
    """Each style's name -> the display name of the named style it is (or, for an automatic style, derives from)."""
    display: dict[str, str] = {}
    parent: dict[str, str] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(STYLE + "style"):
            name = style.get(STYLE + "name") or ""
            display[name] = style.get(STYLE + "display-name") or name.replace("_20_", " ")
            if style.get(STYLE + "parent-style-name") and root.tag.endswith("document-content"):
                parent[name] = style.get(STYLE + "parent-style-name") or ""
    named: dict[str, str] = {}
    for name in display:
        seen, current = {name}, name
        while current in parent and parent[current] not in seen:  # automatic styles point at named ones
            current = parent[current]
            seen.add(current)
        named[name] = display.get(current, current)
    return named


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    package = check_package(
        data,
        file_name,
        "content.xml",
        kind=Message(QT_TRANSLATE_NOOP("Messages", "an OpenDocument text document")),
        suffix=".odt",
    )
    names = {m.filename for m in package.infolist()}
    if "META-INF/manifest.xml" in names:
        manifest = _parse(package, "META-INF/manifest.xml", file_name)
        if manifest is not None and any("encryption-data" in str(el.tag) for el in manifest.iter()):
            raise SourceImportError(
                file_name,
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "is password-protected; open it in LibreOffice, remove the password and import it again",
                    )
                ),
            )
    options.report(1, 3)
    content = _parse(package, "content.xml", file_name)
    mime = package.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    if mime and not mime.startswith("application/vnd.oasis.opendocument.text"):
        kind = mime.rsplit(".", 1)[-1]
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "is an OpenDocument {kind}, not a text document"), kind=kind),
        )
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not an OpenDocument text document (no text body)"))
        )
    styles = _parse(package, "styles.xml", file_name)
    reader = _Reader(_style_names(styles, content))
    options.report(2, 3)
    parts = reader.blocks(body)
    for heading, kind in (("Footnotes", "footnote"), ("Endnotes", "endnote")):
        texts = []
        for (note_kind, note_body), number in zip(reader.notes, reader.numbers, strict=True):
            if note_kind == kind and note_body is not None:
                # (a note's own paragraphs may hold notes: their markers number on from the body's)
                note_text = " ".join(clean_block_text(reader.text(p)) for p in note_body.iter(TEXT + "p", TEXT + "h"))
                texts.append((number, note_text.strip()))
        texts = [(n, t) for n, t in texts if t]
        if texts:
            parts.append(("heading", 2, heading))
            parts.extend(("paragraph", 0, f"[{n}] {t}") for n, t in texts)

    text, blocks = build_text(parts)
    meta_root = _parse(package, "meta.xml", file_name)

    def meta(tag: str) -> str:
        found = meta_root.find(f"{OFFICE}meta/{tag}") if meta_root is not None else None
        return clean_block_text(found.text or "") if found is not None else ""

    title = meta(DC + "title")
    if not title:
        # a heading is the title only when it opens the document (after a marking line, say), not one further on
        first = next((b for b in blocks[:2] if b.kind in ("title", "heading")), None)
        title = text[first.start : first.end] if first is not None else ""
    created = meta(META + "creation-date")
    meta_info = SourceMeta(
        title=title or Path(file_name).stem,
        author=meta(META + "initial-creator") or meta(DC + "creator"),
        published=created if re.match(r"\d{4}-\d\d-\d\d", created) else "",
        language=meta(DC + "language") or _default_language(styles),
        direction=direction(text),
        format="odt",
    )
    options.report(3, 3)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta_info)
