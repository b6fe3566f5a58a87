"""PDF sources: text in reading order (columns one after the other), paragraphs, headings and page boundaries.

pypdf (BSD) reads the file; the layout here turns its positioned text runs into lines, finds a two-column page's
gutter, orders header / left column / right column / footer, and splits paragraphs at vertical gaps, indents and
font-size changes. pdfminer.six does a fuller layout analysis but is ~10x slower (7 s for 100 pages).
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import math
import re
import statistics
import unicodedata
from pathlib import Path
from typing import Any

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.script import direction
from briefing.core.text import build_text, clean_block_text
from briefing.importers import ImportOptions, NeedsOcr, PasswordRequired, SourceImportError
from briefing.importers.line_ends import document_words
from briefing.importers.pdf_glyphs import _CJK, _WORD_GAP, SHOW_OPERATORS, TEXT_STATE_OPERATORS, Glyph
from briefing.importers.pdf_lines import (
    Line,
    Para,
    drop_page_numbers_above_the_margin,
    drop_running_heads,
    drop_running_lines,
)
from briefing.importers.pdf_order import _reading_order

MAX_PAGES = 5000
# a line's last word that a line end may cut anywhere: a URL, a path, a file name, a query, or a very long token
# that is not a hyphenated compound (a complete "and/or", "e.g." or "state-of-the-art" ending a full line is a word)
_CUT_TOKEN = re.compile(r"\S*(?:[\\_=?&]\S|/\S*/|://|www\.|\w\.\w+\.\w)\S*$|(?<!\S)(?!\S*-)\S{31,}$")
# a URL or path cut at one of its own break points ("…/current-actuelles.aspx?" | "lang=eng&…", "…\\december\\" |
# "iran_consular…"): a line may end there well short of the margin, so the next line must look like URL or path too
_URL_CUT = re.compile(r"\S*[/\\]\S*[/\\?&=_.:#]$")
_URL_PART = re.compile(r"\S*(?:[/\\_=?&#]\S|\w[.:]\w)")
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz]|[+-]\d{2}'?\d{2}'?)?")
_JUNK_TITLES = re.compile(
    r"^(?:\(?anonymous\)?|unknown|untitled|microsoft word - .*|document\d*|.*\.(?:docx?|pdf|indd|tex|odt|rtf))$", re.I
)


def _document_words(lines: list[Line]) -> frozenset[str]:
    return document_words(ln.text for ln in lines)


def pdf_date(value: Any) -> str:
    """ISO 8601 from a PDF date string (D:YYYYMMDDHHmmSS+HH'mm')."""
    match = _PDF_DATE.match(str(value or "").strip())
    if not match or not match.group(1):
        return ""
    year, month, day, hour, minute, second, tz = match.groups()
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if not hour:
        return date
    iso = f"{date}T{hour}:{minute or '00'}:{second or '00'}"
    if tz:
        tz = tz.replace("'", "")
        iso += "Z" if tz in ("Z", "z") else f"{tz[:3]}:{tz[3:5] or '00'}"
    return iso


def _page_lines(page: Any, mirrored: bool = False) -> list[Line]:
    frags: list[tuple[float, float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, font_size: float) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        size = abs(font_size * scale) if scale else abs(font_size)
        frags.append((x, y, size or 10.0, text))

    operators: list[tuple[bytes, Any, list[float]]] = []  # kept for a glyph by glyph reading (pdf_glyphs)

    def log(op: bytes, args: Any, cm: list[float], _tm: list[float]) -> None:
        if op in SHOW_OPERATORS:
            operators.append((op, args, list(cm)))  # pypdf changes its matrix in place
        elif op in TEXT_STATE_OPERATORS:
            operators.append((op, args, cm))

    page.extract_text(visitor_text=visit, visitor_operand_before=log)
    needs_glyphs = any(_NEEDS_GLYPHS.search(text) for *_, text in frags)
    spans: list[list[tuple[Glyph, Glyph] | None]] | None = None  # each run's pieces' first and last glyphs
    placed = False
    lines: list[Line] = []
    previous = (0, 0)  # the run and piece the last line ends with
    for index, (x, y, size, text) in enumerate(frags):
        # pypdf ends a run with "\n" at font changes too, so only geometry says where a line ends
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            ended = i > 0
            if not piece.strip():
                continue
            last = lines[-1] if lines else None
            same_line = (
                last is not None and not ended and abs(y - last.y) < 0.5 * max(size, last.size) and x >= last.x - 1
            )
            doubt = same_line and last is not None and not last.text.endswith(" ") and piece[0] != " "
            if doubt and not placed and not needs_glyphs:  # the glyphs are placed only when a gap is in doubt
                placed, spans = True, _run_glyphs(page, operators, [text for *_, text in frags])
            span = spans[index][i] if spans else None
            before = spans[previous[0]][previous[1]] if spans else None
            if same_line and last is not None:
                joiner = "" if last.text.endswith(" ") or piece.startswith(" ") else " "
                if joiner and span and before and abs(span[0].y - before[1].y) < 0.2 * size:
                    # the runs share a baseline (a font change inside a line, not a superscript): a space only where
                    # the glyphs leave a word gap, so "Recommendation" in bold keeps its ":" and "Canada" its "'s"
                    joiner = " " if span[0].x - before[1].end > _WORD_GAP * max(size, last.size) else ""
                elif (
                    last.text
                    and last.text[-1].isalnum()
                    and piece[0].isalnum()
                    and x - last.x < len(last.text) * size * 0.55
                ):
                    joiner = ""  # a word split into runs (kerning), not two words
                last.text += joiner + piece
                last.size = max(last.size, size)
            else:
                lines.append(Line(x, y, size, piece, x + len(piece) * size * 0.5))
            previous = (index, i)
    if needs_glyphs:
        return _glyph_lines(page, operators, lines, mirrored)
    if any(_CUT_TOKEN.search(ln.text) for ln in lines):
        _measure_ends(page, operators, lines)  # whether those lines ran to the margin
    return lines


def _run_glyphs(
    page: Any, operators: list[tuple[bytes, Any, list[float]]], runs: list[str]
) -> list[list[tuple[Glyph, Glyph] | None]] | None:
    """For each of pypdf's text runs, for each piece of it between "\n"s: its first and last glyph on the page
    (pdf_glyphs places them from the font's widths; pypdf gives a run's start only, and not always that). None when
    the glyphs do not spell the runs' text (a font pdf_glyphs cannot read, a form object's text)."""
    from briefing.importers.pdf_glyphs import page_glyphs

    try:
        glyphs = page_glyphs(page, operators)
    except Exception:
        return None
    spelled, owners = [], []  # the glyphs' text without spaces, and the glyph each of its characters comes from
    for glyph in glyphs:
        text = "".join(glyph.text.split())
        spelled.append(text)
        owners += [glyph] * len(text)
    page_text = "".join(spelled)
    spans: list[list[tuple[Glyph, Glyph] | None]] = []
    at = 0
    for run in runs:
        pieces: list[tuple[Glyph, Glyph] | None] = []
        for piece in run.split("\n"):
            piece = "".join(piece.split())
            if not piece.isprintable():  # what pdf_glyphs leaves out: controls, a soft hyphen, private-use icons
                piece = "".join(ch for ch in piece if ch.isprintable() or ch in "\u200c\u200d")
            if not page_text.startswith(piece, at):
                return None
            pieces.append((owners[at], owners[at + len(piece) - 1]) if piece else None)
            at += len(piece)
        spans.append(pieces)
    return spans


def _measure_ends(page: Any, operators: list[tuple[bytes, Any, list[float]]], lines: list[Line]) -> None:
    """Each line's real right end, from its glyphs' widths (the estimate is off by a fifth or more): the glyphs on
    its baseline from its start on, up to a gap of two ems (a column gutter)."""
    from briefing.importers.pdf_glyphs import page_glyphs

    try:
        glyphs = sorted(page_glyphs(page, operators), key=lambda g: g.y)
    except Exception:
        return  # the estimates stay; no line is glued then unless it looks full
    heights = [g.y for g in glyphs]
    for ln in lines:
        low, high = (
            bisect.bisect_right(heights, ln.y - 0.5 * ln.size),
            bisect.bisect_left(heights, ln.y + 0.5 * ln.size),
        )
        end: float | None = None
        for g in sorted(glyphs[low:high], key=lambda g: g.x):
            if g.x < ln.x - 1:
                continue
            if end is not None and g.x - end > 2 * ln.size:
                break
            end = max(end or g.end, g.end)
        if end is not None:
            ln.end = end


# Right-to-left letters and Chinese/Japanese: office programs draw them in runs pypdf joins without their gaps
_NEEDS_GLYPHS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _writes_mirrored_brackets(reader: Any) -> bool:
    """Whether right-to-left text in the PDF has its brackets written as drawn (")" opening): Briefing's own export
    and ReportLab's PDFs put text in visual order themselves, mirrored characters and all."""
    try:
        producer = str((reader.metadata or {}).get("/Producer") or "")
    except Exception:
        return False
    return producer.startswith("Briefing") or "ReportLab" in producer


def _glyph_lines(
    page: Any, operators: list[tuple[bytes, Any, list[float]]], runs: list[Line], mirrored: bool
) -> list[Line]:
    """The page's lines read glyph by glyph (pdf_glyphs): spaces from the gaps, right-to-left text in logical
    order. The lines from pypdf's runs stay when that reading finds clearly less text (fonts it cannot read)."""
    from briefing.importers.pdf_glyphs import glyph_lines, page_glyphs

    try:
        glyphs = page_glyphs(page, operators, actual_text=True)
        if any(len(g.text) > 1 and " " in g.text for g in glyphs):
            return runs  # a glyph standing for whole words (WeasyPrint): its place says nothing of their order
        lines = [Line(x, y, size, text, end) for x, y, size, text, end in glyph_lines(glyphs, mirrored)]
    except Exception:
        return runs

    def letters(found: list[Line]) -> int:
        return sum(len(re.sub(r"\W", "", ln.text)) for ln in found)

    return lines if letters(lines) >= 0.9 * letters(runs) else runs


_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff\U000f0000-\U0010ffff]")


_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _clean(text: str) -> str:
    """Ligature glyphs back to letters; private-use glyphs (icons, unmapped symbols) dropped; "" when nothing
    visible is left. (Spaces and controls are normalised once, by build_text.)"""
    if not text.isascii():
        text = _PRIVATE_USE.sub("", text.translate(_LIGATURES))
    return text if _VISIBLE.search(text) else ""


# a list item's first line: a bullet, or a number or letter with its point or bracket, then a space
_LIST_ITEM = re.compile(r"[•◦▪‣●○■□–]\s|\(?(?:\d{1,3}|[a-z])[.)]\s")
_ENDS = '.!?:"”。！？」』'  # what ends the short last line of a paragraph (Chinese and Japanese full stops too)


def _paragraphs(
    groups: list[list[Line]],
    body_size: float,
    words: frozenset[str] = frozenset(),
    page: tuple[float, float] | None = None,
) -> list[Para]:
    """`page`: the page's left edge and width, for where its text's right margin is."""
    paras: list[Para] = []
    page_left = min((ln.x for group in groups for ln in group), default=0.0)
    for group in groups:
        gaps = [
            a.y - b.y for a, b in itertools.pairwise(group) if 0 < a.y - b.y < 3 * a.size and abs(a.size - b.size) < 0.5
        ]
        # the line pitch: a low quartile, not the median, which many short paragraphs' gaps would raise
        spacing = sorted(gaps)[len(gaps) // 4] if gaps else body_size * 1.2
        col_left = min((ln.x for ln in group), default=0.0)
        col_right = max((ln.end for ln in group), default=0.0)
        # the text's right edge: for a column reaching past the page's middle, the page's (its margins taken as
        # even), which the longest line of a few short ones does not show
        right = col_right
        if page is not None and max(col_right, col_left) > page[0] + page[1] / 2:
            right = max(col_right, 2 * page[0] + page[1] - page_left)
        lengths = [len(ln.text) for ln in group]
        typical = statistics.median(lengths) if lengths else 0
        # a page of one-line paragraphs has no line pitch but their gap: beyond 1.6 ems is wider than single spacing
        pitch_break = min(1.1 * spacing, 1.6 * body_size)
        # list items whose next lines are set under their text (a hanging indent): there, a line back under the
        # bullet with no bullet of its own is the paragraph after the list, not the item going on
        hanging = any(
            _LIST_ITEM.match(a.text) and b.x > a.x + 0.5 * b.size and 0 < a.y - b.y <= spacing * 1.3
            for a, b in itertools.pairwise(group)
        )
        labels = {id(a) for a, b in itertools.pairwise(group) if _label_line(a, b, right - col_left)}
        # the line pitch of each font size: a page's footnotes, set closer, must not make its body text's look wide
        by_size: dict[float, list[float]] = {}
        for a, b in itertools.pairwise(group):
            if 0 < a.y - b.y < 3 * a.size and abs(a.size - b.size) < 0.5:
                by_size.setdefault(round(a.size), []).append(a.y - b.y)
        pitches = {size: sorted(found)[len(found) // 4] for size, found in by_size.items()}
        current: Para | None = None
        prev: Line | None = None
        item_x: float | None = None  # where the current list item's bullet or number is
        for ln in group:
            heading = ln.size >= body_size * 1.15 and len(ln.text) < 200
            kind = "heading" if heading else "paragraph"
            level = (1 if ln.size >= body_size * 1.6 else 2) if heading else 0
            new = current is None or prev is None or current.kind != kind
            if not new and prev is not None and current is not None:
                dy = prev.y - ln.y
                if dy <= 0 or dy > spacing * 1.3 or abs(ln.size - prev.size) > 0.15 * prev.size:
                    new = True
                elif kind == "paragraph" and _LIST_ITEM.match(ln.text):
                    new = True  # a bullet or number opens a list item
                elif {_line_direction(prev.text), _line_direction(ln.text)} == {"L", "R"}:
                    new = True  # an English line under an Arabic one (or the reverse): text in another language
                elif kind == "paragraph" and _next_note(current.lines[0], ln.text):
                    new = True  # the next footnote, its number one more than the paragraph's ("1 …" then "2 …")
                elif item_x is not None and ln.x > item_x + 0.5 * ln.size:
                    pass  # the item's next line, set under its text (a hanging indent), not an indented first line
                elif item_x is not None and hanging:
                    new = True
                elif _NOTE_NUMBER.match(prev.text) and len(current.lines) == 1 and ln.x < prev.x + 2 * ln.size:
                    pass  # a footnote's next line, set under its text after the number (a hanging indent)
                elif kind == "paragraph" and ln.x > col_left + 0.8 * ln.size and prev.x <= col_left + 0.8 * ln.size:
                    new = True  # an indented first line
                elif kind == "paragraph" and len(prev.text) < 0.6 * typical and prev.text.rstrip()[-1:] in _ENDS:
                    new = True  # the short last line of a paragraph
                elif kind == "paragraph" and _short_sentence_end(prev, right - col_left) and dy > pitch_break:
                    new = True  # one-line paragraphs one after another: a short line ending a sentence, a wider gap
                elif (
                    kind == "paragraph"
                    and dy > min(1.1 * pitches.get(round(ln.size), spacing), 1.6 * body_size)
                    and (id(prev) in labels or (id(ln) in labels and prev.text.rstrip()[-1:] in _ENDS))
                ):
                    new = True  # a label line ("Next steps", "Key dates") stands apart from the lines around it
            if new:
                note = kind == "paragraph" and ln.size < 0.9 * body_size and bool(_NOTE_NUMBER.match(ln.text))
                current = Para(kind, level, opens_group=prev is None, note=note)
                paras.append(current)
                item_x = ln.x if kind == "paragraph" and _LIST_ITEM.match(ln.text) else None
            assert current is not None
            current.add(ln.text, words, not new and prev is not None and _cut_inside_token(prev, ln, col_right))
            current.cut = ln.end >= col_right - 0.6 * ln.size and bool(_CUT_TOKEN.search(ln.text))
            # its line as long as the paragraph's others, or (a paragraph's only line so far: one at a page's foot)
            # reaching the column's far edge, as a right-to-left line does at the left margin (mirrored here)
            current.runs_on = (not new and ln.end - ln.x >= 0.9 * current.longest) or (
                ln.end >= right - 0.1 * (right - col_left)
            )
            current.longest = max(current.longest, ln.end - ln.x)
            prev = ln
    return paras


# a footnote's number at the start of its line, then a space (no point: "1 “Canada Confirms…”, para. 4.")
_NOTE_NUMBER = re.compile(r"(\d{1,3}) ")


def _next_note(first_line: str, line: str) -> bool:
    """Whether a line opens the footnote after the one a paragraph opens with: footnotes are set one under the
    other at the line pitch, so only their numbers, each one more, tell where each starts."""
    before, this = _NOTE_NUMBER.match(first_line), _NOTE_NUMBER.match(line)
    return bool(before and this and int(this.group(1)) == int(before.group(1)) + 1)


def _line_direction(text: str) -> str:
    """ "R" for a line whose first and last letters are right-to-left ones, "L" for one whose are left-to-right
    ones, "" for a line that mixes them at its ends (a paragraph in one language quoting the other goes on)."""
    ends = [
        unicodedata.bidirectional(ch) for ch in (*text[:40], *text[-40:]) if unicodedata.bidirectional(ch) in _STRONG
    ]
    if not ends:
        return ""
    first = "R" if ends[0] != "L" else "L"
    return first if first == ("R" if ends[-1] != "L" else "L") else ""


_STRONG = frozenset(("L", "R", "AL"))


def _short_sentence_end(line: Line, width: float) -> bool:
    """Whether a line ends a sentence well short of the column's width (set against either margin)."""
    return line.text.rstrip()[-1:] in _ENDS and line.end - line.x < 0.6 * width


def _label_line(line: Line, next_line: Line, width: float) -> bool:
    """Whether a line is a label of its own with no full stop ("Next steps", "Not agreed"): far shorter than the
    column (half of it), and the next line, in the same size (not a heading), starts with a capitalised word (not
    one in capitals: a title's second line). A paragraph's lines run to the margin but its last, which a new
    paragraph follows anyway."""
    first = (next_line.text.split() or [""])[0]
    capitalised = first[:1].isupper() and not (len(first) > 1 and first.isupper())
    return line.end - line.x < 0.5 * width and capitalised and abs(next_line.size - line.size) < 0.15 * line.size


def _cut_inside_token(line: Line, next_line: Line, col_right: float) -> bool:
    """Whether a line ends inside a URL, path or long token that the next line goes on with (no space between):
    cut at one of the URL's own break points, or anywhere when the line ran to the right margin. A rule drawn with
    underscores (a signature line) is no token, and a token followed by its comma is whole ("…_text.html,")."""
    if not re.search(r"[^\W_]", (line.text.split() or [""])[-1]) or line.text.endswith((",", ";")):
        return False
    if _URL_CUT.search(line.text) and _URL_PART.match(next_line.text):
        return True
    return line.end >= col_right - 0.6 * line.size and bool(_CUT_TOKEN.search(line.text))


def _notes_after(body: int, page_first_part: list[tuple[int, int]], parts: list[tuple[str, int, str]]) -> bool:
    """Whether footnotes end the page before, after its last other paragraph `body`, which began on that page (at
    its top or below): joined with the next page's first paragraph after those notes, it keeps its first page."""
    if not 0 <= body < len(parts) - 1 or len(page_first_part) < 2:
        return False
    first, offset = page_first_part[-2]
    return first < body or (first == body and offset == 0)


def _continues(before: tuple[str, int, str], text: str, runs_on: bool = False) -> bool:
    """Whether a paragraph opening a column or page goes on with the paragraph that ended the one before: that
    one stops without closing punctuation, and this one starts in lower case (or both are Chinese or Japanese, which
    have no case; or both are right-to-left letters, which have none either, and the one before ends on a line as
    long as its others, `runs_on`, not a paragraph's short last line: then it may end on a quotation mark or
    bracket, as a line does inside a sentence, but not on a sentence's end)."""
    end = before[2].rstrip().rstrip(_MARKS)[-1:]
    cjk = bool(_CJK.match(end) and _CJK.match(text[:1]))
    rtl = runs_on and bool((end in '،,:؛"»«)]' or _RTL_LETTER.match(end)) and _RTL_LETTER.match(text[:1]))
    return before[0] == "paragraph" and (rtl or (end not in _CLOSING and (text[:1].islower() or cjk)))


_RTL_LETTER = re.compile(r"[\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb1d-\ufdfb\ufe70-\ufefc]")
_MARKS = "".join(map(chr, [*range(0x591, 0x5C8), *range(0x610, 0x61B), *range(0x64B, 0x660), 0x670]))


_CLOSING = '.!?:;…"”’»)]。！？'


def _url_goes_on(before: str, cut: bool, text: str) -> bool:
    """Whether the paragraph before a page or column end stops inside a URL or path that this text goes on with
    (without a space, whatever its case): cut at one of the URL's own break points, or anywhere when the line ran to
    the margin (`cut`), and the text goes on as URL or path does."""
    return bool((cut or _URL_CUT.search(before)) and _URL_PART.match(text))


def _has_images(page: Any) -> bool:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        return any(xobjects[name].get_object().get("/Subtype") == "/Image" for name in xobjects)
    except Exception:
        return False


def open_reader(data: bytes, file_name: str, password: str | None) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if b"%PDF-" not in data[:1024]:
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not a PDF file (no PDF header)")))
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # repairs of damaged files are routine, not news
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except PdfReadError as exc:  # pypdf's words ("startxref not found") mean nothing to an analyst
        cut = b"%%EOF" not in data[-2048:]  # a PDF ends with %%EOF: a download or copy that stopped part-way
        problem = (
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "is a damaged PDF and cannot be read (its end is missing: was it cut short?)"
                )
            )
            if cut
            else Message(QT_TRANSLATE_NOOP("Messages", "is a damaged PDF and cannot be read"))
        )
        raise SourceImportError(file_name, problem) from exc
    except DependencyError as exc:
        raise SourceImportError(file_name, str(exc)) from None  # pypdf's own words: "cryptography is required"
    if reader.is_encrypted:
        try:
            result = reader.decrypt(password or "")
        except Exception as exc:
            problem = Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is encrypted in a way that cannot be opened (its encryption is damaged or not supported)",
                )
            )
            raise SourceImportError(file_name, problem) from exc
        if not result:
            if password:
                raise PasswordRequired(
                    file_name,
                    Message(QT_TRANSLATE_NOOP("Messages", "the password is wrong for this encrypted PDF")),
                    wrong_password=True,
                )
            raise PasswordRequired(
                file_name, Message(QT_TRANSLATE_NOOP("Messages", "is encrypted: give its password (--password)"))
            )
    try:
        _ = len(reader.pages)
    except FileNotDecryptedError:
        raise PasswordRequired(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is encrypted: give its password (--password)"))
        ) from None
    return reader


try:
    from pypdf.errors import DependencyError
except ImportError:  # pragma: no cover
    DependencyError = RuntimeError  # type: ignore[assignment,misc]


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    from pypdf.errors import PdfReadError

    reader = open_reader(data, file_name, options.password)
    try:
        pages = reader.pages
        page_count = len(pages)
    except (PdfReadError, KeyError, ValueError) as exc:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is a damaged PDF: its list of pages cannot be read"))
        ) from exc
    if page_count == 0:
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "has no pages")))
    if page_count > MAX_PAGES:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "has {page_count} pages; the limit is {max_pages}"),
                page_count=page_count,
                max_pages=MAX_PAGES,
            ),
        )

    per_page: list[list[Line]] = []
    boxes: list[tuple[float, float, float, float]] = []
    mirrored = _writes_mirrored_brackets(reader)
    image_only: list[int] = []
    unreadable: list[int] = []
    options.report(0, page_count)
    for number, page in enumerate(pages, start=1):
        try:
            box = page.mediabox
            left, bottom, width, height = float(box.left), float(box.bottom), float(box.width), float(box.height)
            lines = drop_running_lines(_page_lines(page, mirrored), bottom, height)
        except Exception:
            unreadable.append(number)
            lines, left, bottom, width, height = [], 0.0, 0.0, 612.0, 792.0
        if not lines and _has_images(page):
            image_only.append(number)
        per_page.append(lines)
        boxes.append((left, bottom, width, height))
        options.report(number, page_count)  # outside the page's try: a cancel must not read as a damaged page
    drop_page_numbers_above_the_margin(per_page)
    drop_running_heads(per_page, boxes)

    all_lines = [ln for lines in per_page for ln in lines]
    vocabulary = _document_words(all_lines)  # to tell a word hyphenated at a line end from a compound
    words = sum(len(ln.text.split()) for ln in all_lines)
    if words < 5 * page_count and words < 200 and (image_only or any(_has_images(p) for p in pages)):
        # a few stray words (a scanner's stamp, an image label) do not make a text layer: the whole file is a scan
        return _import_scan(reader, file_name, options)
    if not any(ln.text.strip() for ln in all_lines):
        if image_only:
            return _import_scan(reader, file_name, options)
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "has no text that can be extracted")))
    ocr_texts: dict[int, list[str]] = {}
    if image_only:  # a scanned page or two among text pages: OCR reads them, when it can
        ocr_texts, not_read = _ocr_pages(pages, image_only, file_name, options)
        if not_read:
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "pages {ranges} are images without a text layer and need OCR"),
                    ranges=_ranges(not_read),
                )
            )
    if unreadable:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP("Messages", "pages {ranges} are damaged and were skipped"), ranges=_ranges(unreadable)
            )
        )

    weights: dict[float, int] = {}
    for ln in all_lines:
        weights[round(ln.size, 1)] = weights.get(round(ln.size, 1), 0) + len(ln.text)
    body_size = max(weights.items(), key=lambda kv: kv[1])[0] if weights else 10.0

    parts: list[tuple[str, int, str]] = []
    page_first_part: list[tuple[int, int]] = []  # each page's first part, and where the page starts in it
    # the last part's end, and the last part's but footnotes': whether it ends inside a URL, path or long token at
    # the margin (cut), and whether its last line is as long as its others (runs on)
    ends = {"last": (False, False), "body": (False, False)}
    body = -1  # the last part that is no footnote
    for number, (lines, (left, _bottom, width, _height)) in enumerate(zip(per_page, boxes, strict=True), start=1):
        page_first_part.append((len(parts), 0))
        for para in _paragraphs(_reading_order(lines, left, width), body_size, vocabulary, (left, width)):
            text = _clean(para.text())
            if not text:
                continue
            # the part this one may go on: the last, or at a page's top the last before the footnotes ending the
            # page before, which it is then joined with after them (each text keeps its page)
            at, (cut, runs_on) = len(parts) - 1, ends["last"]
            if page_first_part[-1][0] == len(parts) and _notes_after(body, page_first_part, parts):
                at, (cut, runs_on) = body, ends["body"]
            url = para.opens_group and at >= 0 and _url_goes_on(parts[at][2], cut, text)
            opens = para.opens_group and para.kind == "paragraph" and at >= 0
            if opens and (url or _continues(parts[at], text, runs_on)):
                joined = Para("paragraph", 0, [parts[at][2]])
                joined.add(text, vocabulary, url)  # undoes a word hyphenated across the break too
                if page_first_part[-1][0] == len(parts):  # the page starts inside the joined paragraph
                    page_start = len(clean_block_text(joined.text())) - len(clean_block_text(text))
                    page_first_part[-1] = (len(parts) - 1, page_start)  # (no space between Chinese lines)
                parts[at:] = [*parts[at + 1 :], ("paragraph", 0, joined.text())]
                body = len(parts) - 1
            else:
                parts.append((para.kind, para.level, text))
                body = body if para.note else len(parts) - 1
            ends["last"] = (para.cut, para.runs_on)
            if not para.note:
                ends["body"] = ends["last"]
        if number in ocr_texts:
            parts += [("paragraph", 0, text) for text in ocr_texts[number]]
            ends["last"] = ends["body"] = (False, False)
            body = len(parts) - 1

    info = _info(reader)
    title = info.get("title", "")
    if parts and parts[0][0] == "heading" and [i for i, _ in page_first_part[1:2]] != [0]:
        first_size_title = clean_block_text(parts[0][2])
        if not title:
            title = first_size_title
        if clean_block_text(first_size_title).casefold() == title.casefold():
            parts[0] = ("title", 1, parts[0][2])
    text, blocks = build_text(parts)
    page_starts = [
        min(blocks[i].start + offset, blocks[i].end) if i < len(blocks) else len(text) for i, offset in page_first_part
    ]
    meta = SourceMeta(
        title=title or Path(file_name).stem,
        author=info.get("author", ""),
        published=info.get("published", ""),
        language=info.get("language", ""),
        direction=direction(text),
        format="pdf",
        pages=page_count,
        page_starts=page_starts,
        ocr_pages=sorted(ocr_texts),
    )
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


def _ocr_pages(
    pages: Any, numbers: list[int], file_name: str, options: ImportOptions
) -> tuple[dict[int, list[str]], list[int]]:
    """OCR of the image-only pages `numbers`: their paragraphs, and the pages it could not read (all of them when
    OCR is not installed: the warning then says they need it)."""
    from briefing.importers import ocr

    try:
        ocr.check_available(options.ocr_languages)
    except ocr.OcrUnavailable:
        return {}, numbers
    return ocr.read_pdf_pages(list(pages), numbers, file_name, options)


def _import_scan(reader: Any, file_name: str, options: ImportOptions) -> Source:
    """A PDF whose pages are only images: every page read by OCR, or NeedsOcr saying what to install."""
    from briefing.importers import ocr

    try:
        ocr.check_available(options.ocr_languages)
    except ocr.OcrUnavailable as exc:
        raise NeedsOcr(
            file_name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "has no text layer (its pages are images, e.g. a scan): it needs OCR, and {exc}"
                ),
                exc=exc,
            ),
        ) from None
    count = len(reader.pages)
    texts, failed = ocr.read_pdf_pages(list(reader.pages), list(range(1, count + 1)), file_name, options)
    if not any(texts.values()):
        problem = (
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "has no text layer (its pages are images, e.g. a scan), and its page images could not be read",
                )
            )
            if failed and not texts
            else Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "has no text layer (its pages are images, e.g. a scan), and OCR found no text in its images",
                )
            )
        )
        raise SourceImportError(file_name, problem)
    if failed:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP("Messages", "pages {ranges} are images OCR could not read, and were skipped"),
                ranges=_ranges(failed),
            )
        )
    info = _info(reader)
    meta = SourceMeta(
        title=info.get("title") or Path(file_name).stem,
        author=info.get("author", ""),
        published=info.get("published", ""),
        language=info.get("language", ""),
        format="pdf",
    )
    source = ocr.build_source([texts.get(n, []) for n in range(1, count + 1)], meta, list(texts))
    source.meta.direction = direction(source.text)
    return source


def _info(reader: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        info = reader.metadata or {}
        title = clean_block_text(str(info.get("/Title") or ""))
        if title and not _JUNK_TITLES.match(title):
            found["title"] = title
        author = clean_block_text(str(info.get("/Author") or ""))
        found["author"] = "" if _JUNK_TITLES.match(author) else author
        found["published"] = pdf_date(info.get("/CreationDate"))
    except Exception:
        pass
    try:
        lang = reader.trailer["/Root"].get("/Lang")
        if lang:
            found["language"] = clean_block_text(str(lang))
    except Exception:
        pass
    return found


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)
