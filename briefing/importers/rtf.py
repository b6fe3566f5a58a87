"""Rich Text Format (.rtf): paragraphs, headings, lists, tables and footnotes; \\info title, author and date.

A small reader of our own: groups, control words, \\uN (skipping \\ucN fallback characters), \\'hh in the
document's (or the font's) code page. Destinations that hold no text (font and colour tables, pictures, embedded
objects, headers) are skipped unread: nothing embedded is ever run. The same reader also recovers the HTML an
Outlook message keeps encapsulated in RTF (MS-OXRTFEX, "\\fromhtml1"), for the .msg importer.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, SourceImportError

MAX_GROUP_DEPTH = 500  # real documents nest a few dozen groups; thousands is a crafted file
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)$", re.IGNORECASE)

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, its number, and the space that ends it
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z'])"  # control symbol: \\ \{ \} \~ \- \_ \* and an escaped line break (a paragraph)
    rb"|([{}])"
    rb"|[\r\n]+"  # bare line breaks are not text in RTF
    rb"|([^\\{}\r\n]+)",
    re.DOTALL,
)

_NEXT_WORD = re.compile(rb"\s*\\([a-z]+)")
# destinations whose content is never text; \* marks any other one a reader may skip
_SKIP = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "listtable", "listoverridetable", "revtbl",
    "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore",
    "listtext", "pntext", "pntxta", "pntxtb", "fldinst", "filetbl", "template", "private", "userprops",
    "nonshppict", "shpinst", "sp", "atnid", "atnauthor", "annotation", "atrfstart", "atrfend", "bkmkstart",
    "bkmkend", "mhtmltag", "nonesttables", "txe", "xe", "tc", "ftnsep", "ftnsepc", "aftnsep", "aftnsepc", "shppict",
    "do",
}  # fmt: skip
_INFO_FIELDS = {"title", "author", "creatim", "subject"}
_SPECIAL = {
    "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
    "rdblquote": "\u201d", "bullet": "\u2022", "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005",
    "zwj": "\u200d", "zwnj": "\u200c", "ltrmark": "\u200e", "rtlmark": "\u200f", "tab": "\t", "line": "\n",
}  # fmt: skip
_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}", "|": "", ":": ""}
# \fcharsetN -> code page (the font's letters are in that code page, whatever \ansicpg says)
_CHARSETS = {
    77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
    178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 254: 437, 255: 850,
}  # fmt: skip


def _codec(page: int) -> str:
    name = {10000: "mac_roman", 1361: "johab"}.get(page, f"cp{page}")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"


@dataclass
class _State:
    """What a group sets and its sub-groups inherit."""

    dest: str = ""  # "" for the body, else the destination being read ("footnote", "title", "htmltag", ...)
    skip: bool = False
    uc: int = 1  # fallback characters after \uN
    font: int = -1
    htmlrtf: bool = False  # in encapsulated HTML: RTF-only text, not part of the HTML
    upr: bool = False  # in \upr, which holds text twice: in the code page, then in Unicode (\*\ud): the latter is read
    upr_skip: bool = False  # a group in \upr, skipped unless it turns out to be \ud


@dataclass
class _Para:
    """Properties of the paragraph being read (reset by \\pard)."""

    outline: int = -1
    style: int = 0
    list_level: int = 0
    in_table: bool = False
    depth: int = 1  # \itapN: 2 and more for a table inside a table's cell


@dataclass
class RtfContent:
    parts: list[tuple[str, int, str]] = field(default_factory=list)
    title: str = ""
    author: str = ""
    created: str = ""
    html: str = ""  # the encapsulated HTML, when the RTF was made from HTML (\fromhtml1)
    from_html: bool = False


class _Reader:
    def __init__(self, data: bytes, file_name: str) -> None:
        self.data = data
        self.file_name = file_name
        self.codepage = 1252
        self.font_pages: dict[int, int] = {}
        self.default_font = -1
        self.styles: dict[int, str] = {}
        self.style_outline: dict[int, int] = {}
        self.content = RtfContent()
        self.para = _Para()
        self.chunks: list[str] = []  # text of the paragraph being read
        self.cell_paras: list[tuple[str, int, str]] = []  # paragraphs of the table cell being read
        self.cells: list[list[tuple[str, int, str]]] = []  # cells of the table row being read
        self.nested_paras: list[tuple[str, int, str]] = []  # the same for a table inside a cell
        self.nested_cells: list[list[tuple[str, int, str]]] = []
        self.notes: list[tuple[bool, list[str]]] = []  # (is an endnote, paragraphs), in order of their markers
        self.note_chunks: list[str] = []
        self.note_paras: list[str] = []
        self.marks = 0  # note markers seen in the body
        self.info: dict[str, list[str]] = {}
        self.date: dict[str, int] = {}
        self.html: list[str] = []
        self.pending = bytearray()  # bytes of consecutive \'hh, decoded together (two make one letter in CJK)
        self.pending_codec = ""
        self.truncated = False  # the input ended with groups still open

    # --- output ----------------------------------------------------------------------------------------

    def _sink(self, state: _State) -> list[str] | None:
        """Where text in this state goes, or None when it is not read."""
        if state.skip:
            return None
        if self.content.from_html:
            if state.dest == "htmltag" or (not state.htmlrtf and state.dest == ""):
                return self.html
            return None
        if state.dest == "":
            return self.chunks
        if state.dest == "footnote":
            return self.note_chunks
        if state.dest in _INFO_FIELDS:
            return self.info.setdefault(state.dest, [])
        if state.dest == "stylename":
            return self.info.setdefault("stylename", [])
        return None

    def _text(self, state: _State, text: str) -> None:
        self._flush_bytes(state)
        sink = self._sink(state)
        if sink is not None:
            sink.append(text)

    def _bytes(self, state: _State, raw: bytes) -> None:
        if self._sink(state) is None:  # (a picture's hex digits are not decoded only to be dropped)
            return
        page = self.font_pages.get(state.font if state.font >= 0 else self.default_font, self.codepage)
        codec = _codec(page)
        if codec != self.pending_codec:
            self._flush_bytes(state)
            self.pending_codec = codec
        self.pending += raw

    def _flush_bytes(self, state: _State) -> None:
        if self.pending:
            raw, self.pending = bytes(self.pending), bytearray()
            sink = self._sink(state)
            if sink is not None:
                sink.append(raw.decode(self.pending_codec or "cp1252", errors="replace"))

    def _end_paragraph(self, state: _State) -> None:
        self._flush_bytes(state)
        if state.skip:
            return
        if self.content.from_html:
            if self._sink(state) is not None:
                self.html.append("\r\n")
            return
        if state.dest == "footnote":
            self.note_paras.append("".join(self.note_chunks))
            self.note_chunks = []
            return
        if state.dest != "":
            return
        text = "".join(self.chunks)
        self.chunks = []
        if self.para.in_table:
            (self.nested_paras if self.para.depth > 1 else self.cell_paras).append(self._part(text))
        else:
            self.content.parts.append(self._part(text))

    def _part(self, text: str) -> tuple[str, int, str]:
        name = self.styles.get(self.para.style, "")
        heading = _HEADING_STYLE.match(name)
        outline = self.para.outline if self.para.outline >= 0 else self.style_outline.get(self.para.style, -1)
        if name.lower() == "title":
            return ("title", 1, text)
        if heading:
            return ("heading", min(int(heading.group(1)), 6), text)
        if 0 <= outline < 9:
            return ("heading", min(outline + 1, 6), text)
        if name.lower() == "subtitle":
            return ("heading", 2, text)
        if "quote" in name.lower():
            return ("quote", 0, text)
        if self.para.list_level:
            return ("list-item", self.para.list_level, text)
        return ("paragraph", 0, text)

    def _end_cell(self, state: _State, nested: bool) -> None:
        self._flush_bytes(state)
        if state.dest != "" or state.skip or self.content.from_html:
            return
        paras = self.nested_paras if nested else self.cell_paras
        if self.chunks:
            paras.append(self._part("".join(self.chunks)))
            self.chunks = []
        (self.nested_cells if nested else self.cells).append(paras)
        if nested:
            self.nested_paras = []
        else:
            self.cell_paras = []

    def _end_row(self, state: _State, nested: bool) -> None:
        if state.skip or self.content.from_html or state.dest not in ("", "nesttableprops"):
            return
        cells = self.nested_cells if nested else self.cells
        if nested:
            self.nested_cells = []
        else:
            self.cells = []
        # a table inside a cell is laid out in that cell, as a row of the outer table is in the text
        into = self.cell_paras if nested else self.content.parts
        if len(cells) == 1:  # a one-column table is a box around ordinary paragraphs
            into.extend(cells[0])
            return
        texts = [" ".join(t for t in (clean_block_text(text) for _k, _l, text in cell) if t) for cell in cells]
        if any(texts):
            into.append(("table", 0, " | ".join(texts)))

    # --- reading ---------------------------------------------------------------------------------------

    def _tokens(self) -> Iterator[re.Match[bytes]]:
        data, pos, end = self.data, 0, len(self.data)
        while pos < end:
            match = _TOKEN.match(data, pos)
            if match is None:  # a lone backslash at the very end
                return
            pos = match.end()
            if match.group(1) == b"bin":  # raw binary data follows: skipped, never read as text
                pos += max(int(match.group(2) or 0), 0)
                continue
            yield match

    def read(self) -> RtfContent:
        if not self.data.lstrip()[:5] == b"{\\rtf":
            raise SourceImportError(
                self.file_name,
                Message(QT_TRANSLATE_NOOP("Messages", "is not an RTF document (it does not start with {\\rtf)")),
            )
        stack: list[_State] = []
        state = _State()
        fallback = 0  # characters still to skip after a \uN
        for match in self._tokens():
            word, number, hexa, symbol, brace, text = match.groups()
            if brace == b"{":
                self._flush_bytes(state)
                stack.append(state)
                if len(stack) > MAX_GROUP_DEPTH:
                    raise SourceImportError(
                        self.file_name,
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Messages", "is nested too deeply (over {max_group_depth} groups); refused as damaged"
                            ),
                            max_group_depth=MAX_GROUP_DEPTH,
                        ),
                    )
                state = replace(state, upr=False, upr_skip=state.upr and not state.skip)
                state.skip = state.skip or state.upr_skip
                fallback = 0
                continue
            if brace == b"}":
                self._flush_bytes(state)
                self._close_group(state, stack[-1] if stack else None)
                if not stack:
                    break  # the document's closing brace: anything after it is not part of it
                state = stack.pop()
                fallback = 0
                continue
            if fallback and (hexa or text or word or symbol):
                if text and len(text) > fallback:
                    text = text[fallback:]
                    fallback = 0
                else:
                    fallback -= len(text) if text else 1
                    continue
            if text is not None:
                self._bytes(state, text)
            elif hexa is not None:
                self._bytes(state, bytes([int(hexa, 16)]))
            elif symbol is not None:
                self._symbol(state, symbol.decode("latin-1"), match.start())
            elif word is not None:
                param = int(number) if number is not None else None
                if word == b"u" and param is not None:
                    self._text(state, chr(param % 65536))
                    fallback = state.uc
                else:
                    self._word(state, word.decode("ascii"), param)
        else:
            if stack:  # ran out of input with groups open
                self.truncated = True
        self._flush_bytes(state)
        if self.chunks:
            self._end_paragraph(_State())
        return self._finish()

    def _symbol(self, state: _State, symbol: str, at: int) -> None:
        if symbol == "*":
            state.skip = state.skip or not self._starts_known(at + 2)
        elif symbol in ("\r", "\n"):
            self._end_paragraph(state)
        elif symbol in _SYMBOLS:
            self._text(state, _SYMBOLS[symbol])

    def _starts_known(self, pos: int) -> bool:
        """After \\*: is the destination one this reader reads (an encapsulated HTML tag, a footnote)?"""
        match = _NEXT_WORD.match(self.data, pos)
        name = match.group(1).decode() if match else ""
        # (a nested table's row ends inside \*\nesttableprops)
        return name in ("footnote", "nesttableprops", "ud") or (name == "htmltag" and self.content.from_html)

    def _word(self, state: _State, word: str, param: int | None) -> None:
        if word == "ud" and state.upr_skip:
            state.skip = False
            return
        if word == "upr" and not state.skip:
            state.upr = True
            return
        if word in _SKIP:
            state.skip = True
            state.dest = word
            if word == "fonttbl":
                state.skip, state.dest = False, "fonttbl"
            elif word == "stylesheet":
                state.skip, state.dest = False, "stylesheet"
            elif word == "info":
                state.skip, state.dest = False, "info"
            return
        if state.skip:
            return
        if word == "ansicpg" and param:
            self.codepage = param
        elif word in ("mac", "pc", "pca"):
            self.codepage = {"mac": 10000, "pc": 437, "pca": 850}[word]
        elif word == "deff" and param is not None:
            self.default_font = param
        elif word == "fromhtml":
            self.content.from_html = True
        elif word == "htmlrtf":
            state.htmlrtf = param != 0
        elif word == "htmltag":
            state.dest = "htmltag"
        elif word == "uc" and param is not None:
            state.uc = max(param, 0)
        elif word == "f" and param is not None:
            state.font = param
            if state.dest == "fonttbl":
                self.font_pages.setdefault(param, self.codepage)
        elif word == "fcharset" and param is not None and state.dest == "fonttbl" and state.font >= 0:
            if param in _CHARSETS:
                self.font_pages[state.font] = _CHARSETS[param]
        elif word == "cpg" and param and state.dest == "fonttbl" and state.font >= 0:
            self.font_pages[state.font] = param
        elif state.dest == "stylesheet" and word == "s" and param is not None:
            state.dest = "stylename"
            self.info["stylename"] = []
            self.info["stylenum"] = [str(param)]
        elif state.dest == "stylename" and word == "outlinelevel" and param is not None:
            self.style_outline[int(self.info["stylenum"][0])] = param
        elif state.dest == "info" and word in _INFO_FIELDS:
            state.dest = word
            state.skip = word in self.info  # (LibreOffice writes the author twice)
        elif state.dest == "creatim" and word in ("yr", "mo", "dy", "hr", "min") and param is not None:
            self.date[word] = param
        elif word == "footnote":
            self._flush_bytes(state)
            state.dest = "footnote"
            self.note_chunks, self.note_paras = [], []
            self.notes.append((False, self.note_paras))
        elif word == "ftnalt" and state.dest == "footnote" and self.notes:
            self.notes[-1] = (True, self.notes[-1][1])
        elif word == "chftn":
            if state.dest == "" and not self.content.from_html:
                self._text(state, f"\x00{self.marks}\x00")  # the note's number is known at the end
                self.marks += 1
        elif word in ("par", "sect", "page"):
            self._end_paragraph(state)
        elif word in ("cell", "nestcell"):
            self._end_cell(state, nested=word == "nestcell")
        elif word in ("row", "nestrow"):
            self._end_row(state, nested=word == "nestrow")
        elif word == "nesttableprops":
            state.dest = "nesttableprops"
        elif word == "itap" and param is not None and state.dest == "":
            self.para.depth = param
        elif word == "pard":
            if state.dest == "":
                self.para = _Para()
        elif word == "intbl" and state.dest == "":
            self.para.in_table = True
        elif word == "outlinelevel" and param is not None and state.dest == "":
            self.para.outline = param
        elif word == "s" and param is not None and state.dest == "":
            self.para.style = param
        elif word == "ilvl" and param is not None and state.dest == "":
            self.para.list_level = param + 1
        elif word == "ls" and param is not None and state.dest == "":
            self.para.list_level = max(self.para.list_level, 1)
        elif word in _SPECIAL:
            self._text(state, _SPECIAL[word])

    def _close_group(self, state: _State, outer: _State | None) -> None:
        # Only the footnote's own group ends its last paragraph: its inner groups ({\loch ...}) are runs of it.
        ends_note = outer is None or outer.dest != "footnote"
        if state.dest == "footnote" and not state.skip and ends_note:
            if self.note_chunks:
                self.note_paras.append("".join(self.note_chunks))
            self.note_chunks = []
        if state.dest == "stylename":
            name = "".join(self.info.get("stylename", [])).strip().rstrip(";").strip()
            self.styles[int(self.info["stylenum"][0])] = name

    def _finish(self) -> RtfContent:
        content = self.content
        content.html = _surrogates("".join(self.html))
        numbers: list[str] = []
        footnotes = endnotes = 0
        for is_end, _paras in self.notes:
            if is_end:
                endnotes += 1
                numbers.append(_roman(endnotes))
            else:
                footnotes += 1
                numbers.append(str(footnotes))

        def mark(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return f"[{numbers[index]}]" if index < len(numbers) else ""

        content.parts = [(k, lv, _surrogates(re.sub("\x00(\\d+)\x00", mark, t))) for k, lv, t in content.parts]
        for heading, wanted in (("Footnotes", False), ("Endnotes", True)):
            texts = [
                (numbers[i], clean_block_text(" ".join(paras)))
                for i, (is_end, paras) in enumerate(self.notes)
                if is_end == wanted
            ]
            texts = [(n, t) for n, t in texts if t]
            if texts:
                content.parts.append(("heading", 2, heading))
                content.parts.extend(("paragraph", 0, f"[{n}] {_surrogates(t)}") for n, t in texts)
        content.title = clean_block_text("".join(self.info.get("title", [])))
        content.author = clean_block_text("".join(self.info.get("author", [])))
        if self.date.get("yr"):
            d = self.date
            content.created = (
                f"{d['yr']:04d}-{d.get('mo', 1):02d}-{d.get('dy', 1):02d}T{d.get('hr', 0):02d}:{d.get('min', 0):02d}:00"
            )
        return content


def _surrogates(text: str) -> str:
    """\\uN gives UTF-16 code units: a letter beyond the BMP arrives as two halves, joined here."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _roman(n: int) -> str:
    from briefing.importers.docx import _roman as roman

    return roman(n)


def read_rtf(data: bytes, file_name: str) -> RtfContent:
    """The text and metadata of an RTF document (or its encapsulated HTML); SourceImportError on bad input."""
    reader = _Reader(data, file_name)
    content = reader.read()
    if reader.truncated and not any(t.strip() for _k, _l, t in content.parts) and not content.html.strip():
        raise SourceImportError(
            file_name,
            Message(QT_TRANSLATE_NOOP("Messages", "is a damaged RTF document (it ends before its text; truncated?)")),
        )
    return content


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    options.report(1, 2)
    reader = _Reader(data, file_name)
    content = reader.read()
    if reader.truncated:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "the RTF document ends early (truncated?); the text after that point is missing"
                )
            )
        )
    if content.from_html:
        from briefing.importers.eml import html_body_parts

        parts, stopped = html_body_parts(content.html)
        if stopped:
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{stopped}, so text after that point may be missing"), stopped=stopped
                )
            )
    else:
        parts = content.parts
    text, blocks = build_text(parts)
    title = content.title
    if not title:
        # a heading is the title only when it opens the document (after a marking line, say), not one further on
        first = next((b for b in blocks[:2] if b.kind in ("title", "heading")), None)
        title = text[first.start : first.end] if first is not None else ""
    meta = SourceMeta(
        title=title or Path(file_name).stem,
        author=content.author,
        published=content.created,
        direction=direction(text),
        format="rtf",
    )
    options.report(2, 2)
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)
