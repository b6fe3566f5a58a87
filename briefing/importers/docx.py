"""Word documents (.docx): paragraphs, headings, lists, tables, footnotes and endnotes; core properties as metadata.

python-docx opens the package; the body is walked in document order so tables sit where they are in the text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from briefing.core.language import source_language
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, SourceImportError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # a zip bomb announces its size; real documents are far smaller
MAX_RATIO = 200  # compression ratio of one member beyond which it is a bomb, not XML
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)$", re.IGNORECASE)


# what check_package's file should be, with its article ("an OpenDocument text document")
WORD_DOCUMENT = Message(QT_TRANSLATE_NOOP("Messages", "a Word document"))


def check_package(
    data: bytes, file_name: str, required: str = "word/document.xml", kind: str = WORD_DOCUMENT, suffix: str = ".docx"
) -> zipfile.ZipFile:
    """Open a zip package after checking it is one, has the part we need and does not unpack to gigabytes."""
    if data.startswith(b"%PDF-"):  # a PDF saved or renamed with the wrong suffix: say what it is
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is a PDF file named {suffix}; rename it to .pdf to import it"),
                suffix=suffix,
            ),
        )
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not {kind} (not a valid {suffix} package; damaged or truncated?)"),
                kind=kind,
                suffix=suffix,
            ),
        ) from None
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES or any(
        m.file_size > 20 * 1024 * 1024 and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members
    ):
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "unpacks to {size} MB; refused as a likely zip bomb (limit 300 MB)"),
                size=total // (1024 * 1024),
            ),
        )
    names = {m.filename for m in members}
    if required not in names:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not {kind} (no {required} inside)"), kind=kind, required=required
            ),
        )
    return package


def _run_text(el: Any, notes: dict[str, str]) -> str:
    """The visible text of a paragraph (or any element), with footnote/endnote markers."""
    chunks: list[str] = []
    for node in el.iter():
        tag = node.tag
        if tag == W + "t":
            chunks.append(node.text or "")
        elif tag == W + "tab":
            chunks.append("\t")
        elif tag in (W + "br", W + "cr"):
            chunks.append("\n")
        elif tag == W + "noBreakHyphen":
            chunks.append("\u2011")
        elif tag == W + "footnoteReference":
            chunks.append(f"[{notes.get('f' + (node.get(W + 'id') or ''), '?')}]")
        elif tag == W + "endnoteReference":
            chunks.append(f"[{notes.get('e' + (node.get(W + 'id') or ''), '?')}]")
    return "".join(chunks)


def _notes(package: zipfile.ZipFile, part: str, kind: str) -> list[tuple[str, Any]]:
    from lxml import etree

    try:
        raw = package.read(part)
    except KeyError:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError:
        return []
    found = []
    for note in root.iter(W + kind):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        found.append((note.get(W + "id") or "", note))
    return found


def _style_name(paragraph: Any, styles: dict[str, str]) -> str:
    ppr = paragraph.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    style_id = style.get(W + "val") if style is not None else ""
    return styles.get(style_id or "", style_id or "")


def _list_level(paragraph: Any, style: str) -> int:
    ppr = paragraph.find(W + "pPr")
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    if numpr is not None:
        ilvl = numpr.find(W + "ilvl")
        num = numpr.find(W + "numId")
        if num is not None and num.get(W + "val") == "0":
            return 0  # numbering switched off
        return int(ilvl.get(W + "val") or 0) + 1 if ilvl is not None else 1
    if style.lower().startswith("list"):
        match = re.search(r"(\d)$", style)
        return int(match.group(1)) if match else 1
    return 0


def _paragraph_part(paragraph: Any, styles: dict[str, str], notes: dict[str, str]) -> tuple[str, int, str]:
    text = _run_text(paragraph, notes)
    style = _style_name(paragraph, styles)
    lowered = style.lower()
    heading = _HEADING_STYLE.match(style)
    if lowered == "title":
        return ("title", 1, text)
    if heading:
        return ("heading", min(int(heading.group(1)), 6), text)
    if lowered in ("subtitle",):
        return ("heading", 2, text)
    if "quote" in lowered:
        return ("quote", 0, text)
    if lowered == "caption":
        return ("caption", 0, text)
    level = _list_level(paragraph, style)
    if level:
        return ("list-item", level, text)
    return ("paragraph", 0, text)


def _block_parts(container: Any, styles: dict[str, str], notes: dict[str, str]) -> list[tuple[str, int, str]]:
    """Parts of the body or of a table cell, in document order."""
    parts: list[tuple[str, int, str]] = []
    for child in container.iterchildren():
        if child.tag == W + "p":
            parts.append(_paragraph_part(child, styles, notes))
        elif child.tag == W + "tbl":
            parts.extend(_table_parts(child, styles, notes))
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):  # wrappers of ordinary content
            parts.extend(_block_parts(child, styles, notes))
    return parts


def _table_parts(table: Any, styles: dict[str, str], notes: dict[str, str]) -> list[tuple[str, int, str]]:
    parts: list[tuple[str, int, str]] = []
    for row in table.findall(W + "tr"):
        row_cells = row.findall(W + "tc")
        if len(row_cells) == 1:  # a one-column table is a box around ordinary paragraphs
            parts.extend(_block_parts(row_cells[0], styles, notes))
            continue
        cells = []
        for cell in row_cells:
            paragraphs = [clean_block_text(_run_text(p, notes)) for p in cell.iter(W + "p")]
            cells.append(" ".join(p for p in paragraphs if p))
        if any(cells):
            parts.append(("table", 0, " | ".join(cells)))
    return parts


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    import docx

    package = check_package(data, file_name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        # a part fails its checksum or will not unpack (BadZipFile, zlib.error): the library's words mean nothing here
        problem = Message(
            QT_TRANSLATE_NOOP(
                "Messages", "is a damaged Word document (part of it cannot be unpacked); Word may be able to repair it"
            )
        )
        raise SourceImportError(file_name, problem) from exc
    options.report(1, 3)
    styles: dict[str, str] = {}
    try:
        for style in document.styles:
            if style.style_id and style.name:
                styles[style.style_id] = style.name
    except Exception:
        pass

    footnotes = _notes(package, "word/footnotes.xml", "footnote")
    endnotes = _notes(package, "word/endnotes.xml", "endnote")
    numbers: dict[str, str] = {}
    for i, (note_id, _el) in enumerate(footnotes, start=1):
        numbers["f" + note_id] = str(i)
    for i, (note_id, _el) in enumerate(endnotes, start=1):
        numbers["e" + note_id] = _roman(i)

    options.report(2, 3)
    parts = _block_parts(document.element.body, styles, numbers)
    for heading, notes, mark in (("Footnotes", footnotes, "f"), ("Endnotes", endnotes, "e")):
        texts = [(numbers[mark + note_id], clean_block_text(_run_text(el, numbers))) for note_id, el in notes]
        texts = [(n, t.removeprefix(f"[{n}]").strip()) for n, t in texts if t]
        if texts:
            parts.append(("heading", 2, heading))
            parts.extend(("paragraph", 0, f"[{n}] {t}") for n, t in texts)

    text, blocks = build_text(parts)
    props = document.core_properties
    title = clean_block_text(props.title or "")
    if not title:
        # a heading is the title only when it opens the document (after a marking line, say), not one further on
        first = next((b for b in blocks[:2] if b.kind in ("title", "heading")), None)
        title = text[first.start : first.end] if first is not None else ""
    created = props.created
    meta = SourceMeta(
        title=title or Path(file_name).stem,
        author=clean_block_text(props.author or ""),
        published=created.isoformat() if created else "",
        language=source_language(text, props.language or "", *_declared_languages(document)),
        direction=direction(text),
        format="docx",
    )
    options.report(3, 3)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


def _declared_languages(document: Any, paragraphs: int = 50) -> list[str]:
    """The languages Word says the text is in: the one most of the text of the first paragraphs is in (a run not
    marked is in the document's default), then that default (styles.xml's w:docDefaults), which a template often
    leaves as en-US. One English title in a French note does not make it English."""
    try:
        found = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    except Exception:  # no styles part: Word's defaults, which say nothing
        found = None
    default = (found.get(W + "val") or "").strip() if found is not None else ""
    counts: Counter[str] = Counter()
    for paragraph in document.element.body.iterchildren(W + "p"):
        for run in paragraph.iter(W + "r"):
            lang = run.find(f"{W}rPr/{W}lang")
            value = (lang.get(W + "val") or "").strip() if lang is not None else ""
            characters = sum(len(t.text or "") for t in run.iter(W + "t"))
            if (value or default) and characters:
                counts[value or default] += characters
        paragraphs -= 1
        if not paragraphs:
            break
    marked = counts.most_common(1)[0][0] if counts else ""
    return [marked, default]


def _roman(n: int) -> str:
    numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out or "0"
