"""The PDF's paragraph styles, sized from the template's font size, and the parsed-markup cache that lets a long
note parse each paragraph shape once (ReportLab parses every paragraph's markup with an HTML parser)."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from briefing.export.pdfflow import GREY, copied
from briefing.export.pdftext import Family
from briefing.export.tree import NUMBER_INDENT_PT, unescape

_TAG = re.compile(r"(<[^>]*>)")
_TOKEN = re.compile("\ue000(\\d+)\ue001")
# a shape of font runs only: each piece a token, alone or in a <font face>, maybe a space after it (Styles._pieced)
_PIECE = re.compile('<font face="([A-Za-z-]+)">\ue000(\\d+)\ue001( ?)</font>|\ue000(\\d+)\ue001( ?)')
_PIECES = re.compile('(?:<font face="[A-Za-z-]+">\ue000\\d+\ue001 ?</font>|\ue000\\d+\ue001 ?)+')
# Points a line leaves unused at its right: Word and LibreOffice place glyphs in their own rounded units and break
# a line that fills the width to within a hair, which ReportLab would keep (measured on 33- to 37-page notes)
SLACK = 0.5


def _filling(shaped: str) -> tuple[str, int, str]:
    """How a shape's fragment text is filled in: (head, index, tail) for head + cores[index] + tail, where the
    text holds one token; else (the text, -1, "") for a substitution of each token."""
    tokens = list(_TOKEN.finditer(shaped))
    if len(tokens) != 1:
        return shaped, -1, ""
    token = tokens[0]
    return shaped[: token.start()], int(token[1]), shaped[token.end() :]


class Styles:
    """One export's paragraph styles, in the template's font size and the body's and headings' families."""

    def __init__(self, size: float, body: Family, heading: Family) -> None:
        regular, bold, italic, _ = body.names()
        _, head_bold, head_italic, _ = heading.names()
        self.mark_font = italic  # a quotation's footnote mark: the same in every script, upright quotations too
        # Lines and pages break as Word breaks the DOCX: no squeezing of spaces to fit a word on a line (ReportLab
        # allows 5%), a line may break after a hyphen, a hair of slack at the right, and no paragraph leaves a single
        # line at the foot or head of a page (Word's widow control, on in the DOCX's Normal style)
        base = ParagraphStyle(
            "Body", fontName=regular, bulletFontName=regular, bulletFontSize=size, fontSize=size, leading=size * 1.35,
            spaceAfter=size * 0.55, rightIndent=SLACK, spaceShrinkage=0, embeddedHyphenation=1, allowWidows=0,
            allowOrphans=0,
        )  # fmt: skip
        self.body = base
        self.body_rtl = ParagraphStyle("BodyRTL", parent=base, alignment=TA_RIGHT)
        # a numbered one: the number hangs in the right indent, mirroring a left-to-right one
        self.numbered_rtl = ParagraphStyle(
            "NumberedBodyRTL", parent=self.body_rtl, rightIndent=NUMBER_INDENT_PT + SLACK
        )
        self.title = ParagraphStyle(
            "Title",
            parent=base,
            fontName=head_bold,
            fontSize=size + 6,
            leading=(size + 6) * 1.25,
            spaceBefore=6,
            spaceAfter=3,
        )
        self.subtitle = ParagraphStyle(
            "Subtitle", parent=base, fontName=head_italic, fontSize=size + 2, leading=(size + 2) * 1.3, spaceAfter=10
        )
        self.field = ParagraphStyle("TitleBlock", parent=base, spaceAfter=2)
        self.emphasis = ParagraphStyle("TitleBlockEmphasis", parent=base, fontName=bold, spaceAfter=2)
        self.heading = ParagraphStyle(
            "Heading1",
            parent=base,
            fontName=head_bold,
            fontSize=size + 2,
            leading=(size + 2) * 1.3,
            spaceBefore=size * 1.3,
            # and the room Word gives the DOCX heading's bottom border under its text (1 pt of space, a 0.5 pt line)
            spaceAfter=size * 0.6 + 1.5,
        )  # kept with the next paragraph's first lines by KeepWithFirstLines, as Word keeps it
        indent = 12 * mm
        self.quote = ParagraphStyle(
            "Quote",
            parent=base,
            fontName=italic,
            leftIndent=indent,
            rightIndent=indent + SLACK,
            textColor=colors.Color(0.15, 0.15, 0.15),
        )
        # Arabic, Persian and Hebrew have no italics (slanting them misreads as a mistake): a right-to-left
        # quotation is upright, set apart by its indent and bar like any other
        self.quote_rtl = ParagraphStyle("QuoteRTL", parent=self.quote, fontName=regular, alignment=TA_RIGHT)
        self.quote_upright = ParagraphStyle("QuoteUpright", parent=self.quote, fontName=regular)  # CJK: no italics
        self.comment = ParagraphStyle(
            "AnalystComment", parent=base, fontSize=size - 1, leading=(size - 1) * 1.3, leftIndent=indent,
            rightIndent=indent + SLACK, textColor=GREY,
        )  # fmt: skip
        self.footnote = ParagraphStyle(  # the number is the bullet, hanging in the indent
            "FootnoteText", parent=base, fontSize=size - 2.5, leading=(size - 2.5) * 1.25, spaceAfter=1.5,
            leftIndent=10, bulletIndent=0, bulletFontSize=(size - 2.5) * 0.8, bulletOffsetY=(size - 2.5) * 0.35,
        )  # fmt: skip
        self.contact = ParagraphStyle("Contact", parent=self.field, spaceBefore=size)
        self.decision = ParagraphStyle("Decision", parent=base, spaceAfter=0)
        self.signing = ParagraphStyle("SigningLabel", parent=base, fontSize=size - 1, leading=(size - 1) * 1.3)
        self.source = ParagraphStyle("ListNumber", parent=base, leftIndent=18, bulletIndent=0, spaceAfter=3)
        # numbered paragraphs: the number hangs in the margin's indent, the text aligned after it
        self.numbered = ParagraphStyle("NumberedBody", parent=base, leftIndent=NUMBER_INDENT_PT, bulletIndent=0)
        # 3 pt after every item, the last of a list or sub-list too, as the DOCX's List Paragraph (60 twips; the
        # PDF's 0.2 font sizes, 0 after a sub-list and 0.35 after a list put items closer than Word does)
        self.list_item = ParagraphStyle("ListParagraph", parent=base, spaceAfter=3, bulletFontSize=size, bulletIndent=0)
        self._list_styles: dict[tuple[float, float, bool], ParagraphStyle] = {}
        self._faces = {
            (b, i): ParagraphStyle(f"Body{b}{i}", parent=base, fontName=body.names()[b + 2 * i])
            for b in (0, 1)
            for i in (0, 1)
        }
        self.marking = ParagraphStyle("Marking", parent=base, fontName=bold, fontSize=size - 1, alignment=TA_CENTER)
        self.marking_right = ParagraphStyle("MarkingRight", parent=self.marking, alignment=TA_RIGHT)
        # the parsed fragments of each markup shape, each with how its text is filled in (_filling)
        self._fills: dict[tuple[str, str], list[tuple[Any, str, int, str]]] = {}
        self._pieces: dict[tuple[str, str], Any] = {}  # (style, face or "") -> the fragment of a token alone
        self._line_break: dict[str, Any] = {}  # ReportLab's line-break fragment, by style

    def list_style(self, indent: float, step: float, rtl: bool = False) -> ParagraphStyle:
        """A list item's style: its label at indent, its text a step further in; rtl: mirrored (from the right
        margin, right-aligned)."""
        key = (indent, step, rtl)
        if key not in self._list_styles:
            style = ParagraphStyle(
                f"ListParagraph{len(self._list_styles)}", parent=self.list_item, bulletIndent=indent,
                leftIndent=indent + step,
            )  # fmt: skip
            if rtl:  # (RightListParagraph draws the label at bulletIndent from the right)
                style = ParagraphStyle(
                    f"{style.name}RTL",
                    parent=style,
                    alignment=TA_RIGHT,
                    leftIndent=0,
                    rightIndent=indent + step + SLACK,
                )
            self._list_styles[key] = style
        return self._list_styles[key]

    def frags(self, text: str, style: ParagraphStyle) -> list[Any] | None:
        """Parsed fragments for markup, reusing the parse of markup with the same tags and another text.

        ReportLab parses every paragraph's markup with an HTML parser; a briefing repeats a handful of
        shapes (a quotation with its footnote mark, a footnote, a note), so parsing each shape once and
        filling in the text makes long exports markedly faster. Returns None where it cannot help.
        """
        if "<img" in text or "<br" in text:
            return None
        cores: list[str] = []
        shape: list[str] = []
        for i, part in enumerate(_TAG.split(text)):
            core = part.strip(" ")
            if i % 2 or not core:
                shape.append(part)
                continue
            if len(core) == len(part):  # (most parts: no space around the text)
                shape.append(f"\ue000{len(cores)}\ue001")
            else:
                start = part.index(core)
                shape.append(f"{part[:start]}\ue000{len(cores)}\ue001{part[start + len(core) :]}")
            cores.append(unescape(core) if "&" in core else core)
        key = (style.name, "".join(shape))
        fills = self._fills.get(key)
        if fills is None:
            fills = self._fills[key] = self._pieced(key[1], style) or [
                (frag, *_filling(frag.text)) for frag in Paragraph(key[1], style).frags
            ]
        # each fragment's text: its shape's text with the cores put back (most: one core, maybe a space after it)
        return [
            copied(
                frag, text=head + cores[index] + tail if index >= 0 else _TOKEN.sub(lambda m: cores[int(m[1])], head)
            )
            for frag, head, index, tail in fills
        ]

    def _pieced(self, shape: str, style: ParagraphStyle) -> list[tuple[Any, str, int, str]] | None:
        """A shape made only of tokens and tokens in <font face>, each maybe with a space after it and in another
        font than the one before (a quotation's or footnote's font runs), as ReportLab parses it: each piece's
        fragment is the one fragment of its token parsed alone in that style and face (parsed once), its text the
        token and the space. ReportLab strips the paragraph's ends, so a shape ending in a space is parsed, as is
        any other shape: None for those."""
        if shape.endswith(" ") or not _PIECES.fullmatch(shape):
            return None
        fills: list[tuple[Any, str, int, str]] = []
        last = None
        for face, in_font, space_in_font, plain, space in _PIECE.findall(shape):
            if face == last:
                return None  # (two pieces in the same font: ReportLab may make them one fragment)
            last = face
            index, space = (in_font, space_in_font) if face else (plain, space)
            key = (style.name, face)
            if key not in self._pieces:
                alone = f'<font face="{face}">\ue0000\ue001</font>' if face else "\ue0000\ue001"
                parsed = Paragraph(alone, style).frags
                self._pieces[key] = parsed[0] if len(parsed) == 1 and parsed[0].text == "\ue0000\ue001" else None
            frag = self._pieces[key]
            if frag is None:
                return None
            fills.append((copied(frag, text=f"\ue000{index}\ue001{space}"), "", int(index), space))
        return fills

    def line_frags(self, lines: list[str], style: ParagraphStyle) -> list[Any] | None:
        """Parsed fragments for the markup of lines joined by <br/> (a right-to-left paragraph, broken by
        rtl_lines): each line's from frags, with ReportLab's line-break fragment between them, as parsing the whole
        gives. None where that would not hold: a line ReportLab's whitespace cleaning could change, or with an
        entity (&amp;, which ReportLab's parser makes a fragment of its own, and frags does not)."""
        out: list[Any] = []
        for n, line in enumerate(lines):
            if not line or " ".join(line.split()) != line or "&" in line:
                return None
            part = self.frags(line, style)
            if part is None:
                return None
            if n:
                if style.name not in self._line_break:
                    self._line_break[style.name] = Paragraph("a<br/>b", style).frags[1]
                out.append(copied(self._line_break[style.name]))
            out += part
        return out
