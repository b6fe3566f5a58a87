"""Right-to-left PDF pages read glyph by glyph: words from the gaps between glyphs, lines put in logical order.

Office programs (LibreOffice, Word) draw Arabic and Persian words as separately positioned glyph runs with no space
glyph between them, and draw the spaces and punctuation of a line in another font, in another run. pypdf's text
runs lose those gaps and that interleaving ("بالموازاةمعذلك", a full stop at the wrong end). Here each glyph gets
its place on the page (from the font's widths, as a viewer draws it); a line is its glyphs from left to right, with
a space wherever the gap between two glyphs is a word gap (as poppler's pdftotext does), then turned from visual
into logical order: right-to-left text reversed, numbers and Latin words inside it kept left to right. The text a
glyph maps to (ToUnicode) is the logical character, so brackets are not mirrored back.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

_WORD_GAP = 0.15  # a gap wider than this share of the font size between two glyphs is a space (poppler: ~0.1-0.2)
# LibreOffice and Word leave a fifth of an em between Chinese or Japanese and Latin letters or digits ("autospace"),
# where the text has no space; a real space there is wider
_CJK_GAP = 0.25
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
# a number keeps these inside it ("3.5", "1,234") and these next to it ("$25"), left to right in right-to-left text
_NUMBER_SEPARATORS = ",.:/\u066b\u066c"
_NUMBER_SIGNS = "$\u20ac\u00a3#+-"  # (office programs draw "25%" as "%25" in right-to-left text)
_JOINERS = "\u200c\u200d"  # Persian's zero-width non-joiner (and joiner): letters, kept between two Arabic letters


@dataclass(slots=True)
class Glyph:
    x: float  # left edge on the page
    end: float  # right edge
    y: float  # baseline
    size: float
    text: str


def _original_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    original = getattr(value, "get_original_bytes", None)
    if original is not None:
        return bytes(original())
    from pypdf.generic import encode_pdfdocencoding

    return bytes(encode_pdfdocencoding(str(value)))


def _fonts(page: Any) -> dict[str, Any]:
    # pypdf's own reading of a font (encoding, ToUnicode, widths); pypdf 6+: an older one raises, and the importer
    # keeps its runs
    from pypdf.generic._font import Font

    fonts: dict[str, Any] = {}
    try:
        resources: Any = page.get("/Resources")
        found: Any = resources.get_object().get("/Font") if resources is not None else None
        for name in found.get_object() if found is not None else ():
            try:
                fonts[str(name)] = Font.from_font_resource(found[name].get_object())
            except Exception:
                continue
    except Exception:
        pass
    return fonts


# The operators page_glyphs follows, and those that draw text (which need the graphics state's matrix then); marked
# content for its /ActualText
TEXT_STATE_OPERATORS = frozenset(
    (b"BT", b"Tf", b"Tc", b"Tw", b"TL", b"Tz", b"Td", b"TD", b"Tm", b"T*", b"BDC", b"BMC", b"EMC")
)
SHOW_OPERATORS = frozenset((b"Tj", b"TJ", b"'", b'"'))


def page_glyphs(
    page: Any, operators: list[tuple[bytes, Any, list[float]]] | None = None, actual_text: bool = False
) -> list[Glyph]:
    """Every glyph the page's text operators draw, with its place: the text state is followed here (pypdf reports
    the graphics state's matrix); glyph advances come from the font's widths, Tc, Tw and Tz. `operators`: those
    operators as pypdf's text pass already reported them (operator, operands, matrix), to spare a second pass.
    `actual_text`: the glyphs of a marked-content span with an /ActualText are one glyph with that text
    (LibreOffice gives a cluster of Hebrew marks its text so: glyph by glyph it reads wrong)."""
    fonts = _fonts(page)
    glyphs: list[Glyph] = []
    spans: list[tuple[int, str | None]] = []  # open marked content: where its glyphs start, its /ActualText
    state: dict[str, Any] = {"tm": [1.0, 0, 0, 1.0, 0, 0], "tlm": [1.0, 0, 0, 1.0, 0, 0], "font": None, "size": 0.0}
    spacing = {"Tc": 0.0, "Tw": 0.0, "Tz": 1.0, "TL": 0.0}

    def move(tx: float, ty: float) -> None:
        tlm = state["tlm"]
        tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tx * tlm[0] + ty * tlm[2] + tlm[4], tx * tlm[1] + ty * tlm[3] + tlm[5]]
        state["tlm"], state["tm"] = tlm, list(tlm)

    def show(raw: bytes, cm: list[float]) -> None:
        font, size = state["font"], state["size"]
        if font is None:
            return
        if isinstance(font.encoding, str):
            codes = raw.decode(font.encoding, "replace")
            units = [(c, c, c == " ") for c in codes]
        else:
            units = [(chr(b), font.encoding.get(b, chr(b)), b == 32) for b in raw]
        # the string's glyphs share the text matrix but its origin: what turns an advance into page x is worked
        # out once (this runs for every glyph of a page)
        tm = state["tm"]
        widths, default = font.character_widths, font.character_widths.get("default", 500)
        tc, tw, tz = spacing["Tc"], spacing["Tw"], spacing["Tz"]
        dx = tm[0] * cm[0] + tm[1] * cm[2]  # page x per unit of advance
        glyph_size = abs(size * (math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]) or 1.0))
        for code, encoded, is_space in units:
            advance = (widths.get(code, default) / 1000 * size + tc + (tw if is_space else 0.0)) * tz
            text = font.character_map.get(encoded, encoded)
            if isinstance(text, str) and text and (text.isprintable() or text in _JOINERS):
                x0, y0 = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                x1 = x0 + advance * dx
                glyphs.append(Glyph(min(x0, x1), max(x0, x1), y0, glyph_size or 10.0, text))
            tm[4] += advance * tm[0]
            tm[5] += advance * tm[1]

    def kern(amount: float) -> None:
        tm = state["tm"]
        shift = -amount / 1000 * state["size"] * spacing["Tz"]
        tm[4] += shift * tm[0]
        tm[5] += shift * tm[1]

    def before(op: bytes, args: list[Any], cm: list[float], _tm: list[float]) -> None:
        try:
            if op in (b"BDC", b"BMC", b"EMC"):
                marked_content(op, args)
            elif op == b"BT":
                state["tm"], state["tlm"] = [1.0, 0, 0, 1.0, 0, 0], [1.0, 0, 0, 1.0, 0, 0]
            elif op == b"Tf" and len(args) >= 2:
                state["font"], state["size"] = fonts.get(str(args[0])), float(args[1])
            elif op in (b"Tc", b"Tw", b"TL") and args:
                spacing[op.decode()] = float(args[0])
            elif op == b"Tz" and args:
                spacing["Tz"] = float(args[0]) / 100
            elif op == b"Td" and len(args) >= 2:
                move(float(args[0]), float(args[1]))
            elif op == b"TD" and len(args) >= 2:
                spacing["TL"] = -float(args[1])
                move(float(args[0]), float(args[1]))
            elif op == b"Tm" and len(args) >= 6:
                state["tlm"] = [float(a) for a in args[:6]]
                state["tm"] = list(state["tlm"])
            elif op == b"T*":
                move(0.0, -spacing["TL"])
            elif op == b"Tj" and args:
                show(_original_bytes(args[0]), cm)
            elif op == b"'" and args:
                move(0.0, -spacing["TL"])
                show(_original_bytes(args[0]), cm)
            elif op == b'"' and len(args) >= 3:
                spacing["Tw"], spacing["Tc"] = float(args[0]), float(args[1])
                move(0.0, -spacing["TL"])
                show(_original_bytes(args[2]), cm)
            elif op == b"TJ" and args:
                for item in args[0]:
                    if isinstance(item, (int, float)):
                        kern(float(item))
                    else:
                        show(_original_bytes(item), cm)
        except (TypeError, ValueError):
            pass  # a malformed operator draws nothing here, as in a viewer

    def marked_content(op: bytes, args: list[Any]) -> None:
        if op == b"EMC":
            start, text = spans.pop() if spans else (len(glyphs), None)
            if text is not None and actual_text and glyphs[start:]:
                drawn = glyphs[start:]
                first = drawn[0]
                glyphs[start:] = [Glyph(min(g.x for g in drawn), max(g.end for g in drawn), first.y, first.size, text)]
            return
        properties: Any = args[1] if op == b"BDC" and len(args) >= 2 else {}
        text = properties.get("/ActualText") if isinstance(properties, dict) else None
        outer = any(t is not None for _, t in spans)  # only the outermost /ActualText counts
        spans.append((len(glyphs), str(text) if text is not None and not outer and str(text).isprintable() else None))

    if operators is None:
        page.extract_text(visitor_operand_before=before)
    else:
        for op, args, cm in operators:
            before(op, args, cm, cm)
    return glyphs


def glyph_lines(glyphs: list[Glyph], mirrored: bool = False) -> list[tuple[float, float, float, str, float]]:
    """The page's lines as (left, baseline, size, text in logical order, right), top to bottom: glyphs on one baseline
    (a superscript counts with its line), left to right, a space at each word gap."""
    rows: list[list[Glyph]] = []
    for glyph in glyphs:
        for row in reversed(rows[-8:]):  # a line's spaces and punctuation may come in a run of their own
            if abs(row[0].y - glyph.y) < 0.5 * max(row[0].size, glyph.size):
                row.append(glyph)
                break
        else:
            rows.append([glyph])
    if not rows:
        return []
    margins = (min(g.x for g in glyphs), max(g.end for g in glyphs))
    lines = []
    for drawn in rows:
        marks = [g for g in drawn if _is_mark(g.text)]
        row = _left_to_right([g for g in drawn if not _is_mark(g.text)])
        for mark in marks:  # a vowel sign or hamza belongs to the letter it is drawn with, or over
            base = _drawn_base(mark, drawn) or _mark_base(mark, row)
            if base is not None:
                base.text += mark.text
        size = max(g.size for g in row)
        units: list[str] = []
        previous: Glyph | None = None
        for i, glyph in enumerate(row):
            between_letters = 0 < i < len(row) - 1 and _kind(row[i - 1].text) == _kind(row[i + 1].text) == "R"
            if glyph.text == " " and between_letters and row[i + 1].x < glyph.x + 0.3 * (glyph.end - glyph.x):
                glyph.text = "\u200c"  # a "space" the next letter is drawn over: a non-joiner LibreOffice mapped so
            if glyph.text in _JOINERS:
                if between_letters:
                    units.append(glyph.text)
                continue  # a joiner means nothing outside Arabic script (LibreOffice puts one at script changes)
            if previous is not None and units and units[-1] != " " and glyph.text != " ":
                cjk = bool(_CJK.search(previous.text[-1:] + glyph.text[:1]))
                if glyph.x - previous.end > (_CJK_GAP if cjk else _WORD_GAP) * size:
                    units.append(" ")
            previous = glyph
            if glyph.text == " " and (not units or units[-1] == " "):
                continue
            units.append(glyph.text)
        left, right = row[0].x, max(g.end for g in row)
        text = "".join(logical_order(units, _aligned(left, right, margins, size), mirrored)).strip()
        if text:
            # the baseline most of its glyphs sit on: a right-to-left line's leftmost glyph is its end, often a raised
            # note number, whose height would shorten the line pitch above and make every line a paragraph
            baseline = sorted(g.y for g in row)[len(row) // 2]
            lines.append((left, baseline, size, text, right))
    lines.sort(key=lambda ln: -ln[1])
    return lines


def _drawn_base(mark: Glyph, drawn: list[Glyph]) -> Glyph | None:
    """The letter a combining mark is drawn with: programs draw a left-to-right letter and then its marks, and a
    right-to-left word drawn left to right (visual order) each letter's marks and then the letter (a shaper's
    clusters reversed). Position alone cannot tell: a mark without advance sits where one letter ends and the next
    begins (Hebrew's dagesh, shin dot and holam read back on the neighbouring letter). None when the letter so found
    is not one, or not within an em of the mark."""
    at = next(i for i, g in enumerate(drawn) if g is mark)
    before = next((g for g in reversed(drawn[:at]) if not _is_mark(g.text)), None)
    after = next((g for g in drawn[at + 1 :] if not _is_mark(g.text)), None)
    base = before
    if _RIGHT_TO_LEFT_MARK.match(mark.text) and after is not None and (before is None or after.x >= before.x):
        base = after  # drawn left to right, so in visual order (a right-to-left word drawn in logical order: before)
    if base is None or not unicodedata.category(base.text[:1]).startswith("L"):
        return None
    return base if base.x - mark.size <= mark.x <= base.end + mark.size else None


_RIGHT_TO_LEFT_MARK = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _mark_base(mark: Glyph, row: list[Glyph]) -> Glyph | None:
    """The glyph a combining mark belongs to: the one it is drawn over, else the nearest; a letter within an em
    before anything else, since a mark never sits on punctuation (a word-final tanween is drawn at or over the edge
    of the full stop after it: "أولاً." read back "أولا.ً")."""
    glyphs = [g for g in row if g.text.strip()]

    def distance(g: Glyph) -> float:
        return 0 if g.x <= mark.x <= g.end else abs((g.x + g.end) / 2 - mark.x)

    letters = [
        g
        for g in glyphs
        if unicodedata.category(g.text[:1]).startswith("L") and g.x - mark.size <= mark.x <= g.end + mark.size
    ]
    return min(letters or glyphs, key=distance, default=None)


def _left_to_right(row: list[Glyph]) -> list[Glyph]:
    """A line's glyphs from left to right. Each run drawn left to right keeps its drawing order (a non-joiner or a
    kerned letter may start a little left of the glyph before it); separate runs (the spaces of a line drawn on
    their own) are merged in by place."""
    runs: list[list[Glyph]] = []
    for glyph in row:
        if runs and glyph.x >= runs[-1][-1].x - 0.3 * glyph.size:
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    return list(heapq.merge(*runs, key=lambda g: g.x))


def _aligned(left: float, right: float, margins: tuple[float, float], size: float) -> str:
    """ "L" for a short line against the left margin (left-to-right text), "R" for one against the right margin."""
    at_left, at_right = left - margins[0] < size, margins[1] - right < size
    return "L" if at_left and not at_right else "R" if at_right and not at_left else ""


def _kind(unit: str) -> str:
    """ "R" right-to-left letter, "L" left-to-right letter, "N" a number, "" neutral (space, punctuation)."""
    for ch in unit:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "R"
        if bidi == "L":
            return "L"
        if bidi in ("EN", "AN"):
            return "N"
    return ""


def is_rtl_line(units: list[str], aligned: str = "") -> bool:
    """Whether the line reads right to left: its two ends are right-to-left letters (or, when its ends disagree,
    it is set against the right margin, or most of its letters are)."""
    kinds = [k for k in map(_kind, units) if k in ("L", "R")]
    if "R" not in kinds:
        return False
    if kinds[0] == kinds[-1]:
        return kinds[0] == "R"
    if aligned:
        return aligned == "R"
    return kinds.count("R") >= kinds.count("L")


def logical_order(units: list[str], aligned: str = "", mirrored: bool = False) -> list[str]:
    """Glyph texts left to right on the page -> the line's text in reading order. A right-to-left line is
    reversed, except its runs of numbers and left-to-right words; in a left-to-right line, each right-to-left
    stretch is reversed the same way."""
    kinds = [_kind(u) for u in units]
    if is_rtl_line(units, aligned):
        # a right-to-left sentence in a left-to-right paragraph (a DOCX paragraph not marked right-to-left) has its
        # full stop drawn at the right end, after its words: it stays last, as no right-to-left line starts with one
        # (a list number's point, "1." drawn ".1" beside its digit, is not one)
        end = len(units)
        while end > 0 and (units[end - 1] == " " or units[end - 1] in _CLOSING_PUNCTUATION):
            end -= 1
        if aligned != "R" and end and kinds[end - 1] == "R" and any(u != " " for u in units[end:]):
            return _rtl(units[:end], kinds[:end], mirrored) + units[end:]
        return _rtl(units, kinds, mirrored)
    out: list[str] = []
    i = 0
    while i < len(units):
        if kinds[i] != "R":
            out.append(units[i])
            i += 1
            continue
        j = _stretch_end(kinds, i, "RN")
        out += _rtl(units[i:j], kinds[i:j], mirrored)
        i = j
    return out


_CLOSING_PUNCTUATION = frozenset(".,;:!?")


def _stretch_end(kinds: list[str], start: int, members: str) -> int:
    """End of the stretch from `start` made of `members` kinds, with neutrals inside it (not at its end)."""
    end = start + 1
    k = end
    while k < len(kinds):
        if kinds[k] and kinds[k] in members:
            end = k + 1
        elif kinds[k]:
            break
        k += 1
    return end


def _rtl(units: list[str], kinds: list[str], mirrored: bool = False) -> list[str]:
    """A right-to-left stretch in visual order -> logical: reversed, its number and Latin runs kept in order;
    `mirrored`: its brackets were written as the shapes drawn (")" for an opening one), and are turned back."""
    runs: list[list[str]] = []
    i = 0
    while i < len(units):
        if kinds[i] == "L":
            j = _stretch_end(kinds, i, "LN")
        elif kinds[i] == "N" or (units[i] in _NUMBER_SIGNS and i + 1 < len(units) and kinds[i + 1] == "N"):
            j = i + 1
            while j < len(units) and (
                kinds[j] == "N"
                or units[j] in _NUMBER_SIGNS
                or (units[j] in _NUMBER_SEPARATORS and j + 1 < len(units) and kinds[j + 1] == "N")
            ):
                j += 1
        else:
            j = i + 1
        runs.append(units[i:j])
        i = j
    if mirrored:
        runs = [[run[0].translate(_MIRROR)] if len(run) == 1 and not _kinds_of(run) else run for run in runs]
    return [u for run in reversed(runs) for u in run]


def _kinds_of(run: list[str]) -> str:
    return "".join(map(_kind, run))


_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch) in ("Mn", "Me") for ch in text)
