"""Arabic harakat and Hebrew points placed by the font: HarfBuzz (uharfbuzz) positions them, nothing else.

The PDF draws right-to-left text as arabic-reshaper's joined presentation forms in visual order (bidi.py). For
a right-to-left paragraph those lines keep their combining marks; here each run of one font is shaped by HarfBuzz
with every substitution feature off, so each glyph stays the glyph of its own character (copying, searching and
pypdf read the text as written) and only the font's GPOS mark positioning moves the marks above or below their
letters. ReportLab draws a ShapedStr glyph by glyph at HarfBuzz's offsets (its textobject._formatText).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from briefing.export.pdfmarks import MARKS

# Off: every feature that could replace a glyph (joining forms are already arabic-reshaper's presentation forms),
# and kerning, so each advance stays the width ReportLab measured the line with
_OFF = ["ccmp", "locl", "isol", "init", "medi", "fina", "med2", "fin2", "fin3", "rlig", "calt", "liga", "clig"]
_FEATURES = dict.fromkeys([*_OFF, "dlig", "rclt", "mset", "kern", "curs"], False)
_LOCK = threading.Lock()
_FK_BREAK = 3  # ReportLab's fragment kind of a <br/> (paragraph._FK_BREAK)


@lru_cache(maxsize=32)
def _hb_font(font_name: str) -> Any:
    """A HarfBuzz font for a registered TrueType font that positions marks (a GPOS mark feature), else None."""
    import uharfbuzz as hb

    font = pdfmetrics.getFont(font_name)
    data = getattr(getattr(font, "face", None), "_ttf_data", None)
    if data is None:
        return None
    face = hb.Face(hb.Blob(data))
    scripts = range(len(face.get_table_script_tags("GPOS")))
    if not any("mark" in face.get_language_feature_tags("GPOS", script) for script in scripts):
        return None
    return hb.Font(face)


def places_marks(font_name: str) -> bool:
    """Whether marks in this registered font are drawn in place (its GPOS has a mark feature)."""
    try:
        return _hb_font(font_name) is not None
    except (ImportError, KeyError):
        return False


@lru_cache(maxsize=4096)  # the same lines are drawn again by every export of the note (and the window's page count)
def placed(text: str, font_name: str) -> ShapedStr | None:
    """A run of one font, in visual order, as ReportLab draws it glyph by glyph with the marks at the font's
    positions; None when it cannot (no mark positioning in the font, or a glyph that is not its character's)."""
    hb_font = _hb_font(font_name) if places_marks(font_name) else None
    if hb_font is None:
        return None
    import uharfbuzz as hb

    with _LOCK:
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        buffer.direction = "ltr"  # already in visual order
        buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        hb.shape(hb_font, buffer, _FEATURES)
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
    if len(infos) != len(text):
        return None
    scale = 1000 / hb_font.face.upem
    widths = pdfmetrics.getFont(font_name).face.charWidths
    chars: list[str] = []
    data: list[ShapeData] = []
    taken = [False] * len(text)
    nominal = [hb_font.get_nominal_glyph(ord(ch)) for ch in text]
    for info, pos in zip(infos, positions, strict=True):
        # the character this glyph draws: one of its cluster's (HarfBuzz puts a letter's marks before it, which
        # readers such as pypdf, reversing a right-to-left line, give back after it); most often the cluster's first
        cluster, glyph = info.cluster, info.codepoint
        index = cluster
        if cluster >= len(text) or taken[cluster] or nominal[cluster] != glyph:
            found = next((i for i in range(cluster, len(text)) if not taken[i] and nominal[i] == glyph), None)
            if found is None:
                return None
            index = found
        taken[index] = True
        char = text[index]
        chars.append(char)
        data.append(
            ShapeData(
                cluster, pos.x_advance * scale, 0, pos.x_offset * scale, pos.y_offset * scale, widths.get(ord(char), 0)
            )
        )
    return ShapedStr("".join(chars), shapeData=data)


class _Text(PDFTextObject):
    """ReportLab's text object, able to start a run with a raised glyph (a mark): its setRise reads the last
    operator written, and there is none at the start of a run in the font already set."""

    def setRise(self, rise: float) -> None:
        if not self._code:
            self._code.append("")
        super().setRise(rise)


def _is_break(word: Any) -> bool:
    """Whether a word of ReportLab's processed word list ([width, (fragment, text), ...]) is a <br/>."""
    return isinstance(word, list) and len(word) > 1 and getattr(word[1][0], "_fkind", None) == _FK_BREAK


class PlacedMarks(Paragraph):
    """A paragraph whose lines' marks (in runs of a font that positions them) are drawn in place. Only a
    paragraph with such marks takes this path; it is laid out as mixed text (several fragments). Every
    right-to-left paragraph is one (quotations, the analyst's paragraphs, list items): they alone are set as
    <br/> lines, whose split is corrected here."""

    def __init__(self, text: str | None, style: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        frags: list[Any] = self.frags  # type: ignore[has-type]  # (ReportLab sets it untyped)
        if len(frags) == 1 and MARKS.search(
            getattr(frags[0], "text", "")
        ):  # one fragment is laid out as plain words: split it in two
            text = frags[0].text
            cut = next((i for i in range(1, len(text)) if not MARKS.match(text, i)), len(text))  # after its marks
            self.frags = [frags[0].clone(text=text[:cut]), frags[0].clone(text=text[cut:])]

    def beginText(self, x: float, y: float) -> PDFTextObject:
        return _Text(self.canv, x, y)

    def _split_blParaProcessed(self, blPara: Any, start: int, stop: int) -> list[Any]:
        """The fragments of lines start to stop, for a split. ReportLab marks where a line starts in its word list
        (FragLine.sFW) one word early after a <br/>, at the line break itself, so the second part of a split
        started with an empty line: that line break ends the first part's last line and is left out here."""
        frags: list[Any] = super()._split_blParaProcessed(blPara, start, stop)
        if start and frags and _is_break(frags[0]):
            del frags[0]
        return frags

    def drawPara(self, debug: int = 0) -> Any:
        """Drawn with each run that has marks placed; the laid-out lines keep their text (a split reads them)."""
        swapped = []
        if self.blPara.kind == 1:  # (the parts of a split paragraph have their lines from it, however made)
            for line in self.blPara.lines:
                for frag in line.words:
                    text = getattr(frag, "text", "")
                    if MARKS.search(text):
                        # a run that starts with a mark has its letter in another font: left out, as are marks
                        # the font cannot place (pdfmarks warns of both)
                        shaped = None if MARKS.match(text) else placed(text, frag.fontName)
                        swapped.append((frag, text))
                        frag.text = shaped if shaped is not None else MARKS.sub("", text)
        try:
            return super().drawPara(debug)
        finally:
            for frag, text in swapped:
                frag.text = text
