"""ReportLab's line breaking of a paragraph in one font, without its per-word overhead.

Most of a note's paragraphs are one fragment in one font (the analyst's text, Latin quotations, footnotes), and
ReportLab breaks their lines word by word, measuring each word through `pdfmetrics.stringWidth` (a font lookup and
two Python calls around the C width) and checking a dozen conditions per word that only matter for soft hyphens,
shaping or shrinking spaces. `break_lines` makes the same lines in the same way (the same widths, added in the same
order, the same comparisons, the same hyphenation hook at each line's end), with each word's width remembered per
font and size. A paragraph outside that simple case, or one where a word is split (the hook breaks it, or it is
wider than a line), is broken by ReportLab's own method, from the start. A test compares both on many paragraphs.

The paragraph module's other measurements (each fragment's width as ReportLab splits mixed text into words, the
spaces, each fragment again as it draws a line) go through `string_width`, which remembers short texts' widths the
same way.
"""

from __future__ import annotations

from typing import Any, cast

from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl
from reportlab.rl_config import hyphenationMinWordLength

from briefing.export.pdfflow import copied
from briefing.export.pdfoneword import one_word_lines

_MAX_WORDS = 50_000  # words remembered per font and size (a long session in the window forgets and starts over)


class _Widths(dict[str, float]):
    """A word's width in one font and size, as pdfmetrics.stringWidth gives it, measured once."""

    def __init__(self, font: Any, size: float) -> None:
        super().__init__()
        self.font, self.size = font, size

    def __missing__(self, word: str) -> float:
        if len(self) > _MAX_WORDS:
            self.clear()
        width: float = self.font.stringWidth(word, self.size)
        self[word] = width
        return width


_widths: dict[tuple[str, float], _Widths] = {}


def word_widths(font_name: str, size: float) -> _Widths:
    """The remembered widths for a registered font and size (anew if the name now stands for another font)."""
    font = getFont(font_name)
    widths = _widths.get((font_name, size))
    if widths is None or widths.font is not font:
        widths = _widths[font_name, size] = _Widths(font, size)
    return widths


_REMEMBERED = 40  # characters: a longer text (a line, a Chinese sentence) is measured, not remembered
_string_width = pdfmetrics.stringWidth


def string_width(text: Any, font_name: str, size: float, encoding: str = "utf8") -> float:
    """pdfmetrics.stringWidth for ReportLab's paragraph module, which measures the same words, fragments and spaces
    again and again as it breaks and draws lines: a short text's width remembered per font and size (the same
    float: a registered font's widths never change; a name registered anew starts over)."""
    if type(text) is not str or len(text) > _REMEMBERED:
        return cast(float, _string_width(text, font_name, size, encoding))
    widths = _widths.get((font_name, size))
    if widths is None or widths.font is not pdfmetrics._fonts.get(font_name):
        widths = word_widths(font_name, size)
    return widths[text]


def _plain(para: Paragraph) -> Any:
    """The paragraph's one text fragment when ReportLab would break it word by word in one font, else None."""
    frags, style = para.frags, para.style
    if len(frags) != 1 or style.endDots or style.wordWrap or getattr(style, "hyphenationLang", ""):
        return None  # (wordWrap: right-to-left or CJK breaking; hyphenationLang: a dictionary hyphenator)
    frag = frags[0]
    if not isinstance(frag, ABag) or hasattr(type(frag), "__getitem__"):  # (ReportLab's processed word lists)
        return None
    if hasattr(frag, "cbDefn") or hasattr(frag, "backColor") or not isinstance(getattr(frag, "text", None), str):
        return None
    if rl._shy in frag.text or (style.shaping and getFont(style.fontName).shapable):
        return None  # soft hyphens, shaped text
    return frag


def single_font_lines(para: Paragraph, width: Any) -> Any:
    """ReportLab's kind-0 lines for a plain one-font paragraph (Paragraph.breakLines' first case), or None where
    ReportLab must break it itself. Nothing of para or width changes unless lines are returned."""
    frag = _plain(para)
    if frag is None or not isinstance(width, list | int | float):
        return None
    text = rl.strip(frag.text)
    if not text:
        return None
    style = para.style
    max_widths = list(width) if isinstance(width, list) else [width]
    rl._handleBulletWidth(para.bulletText, style, max_widths)  # a bullet wider than the indent narrows line 1
    uri_waste, embedded = style.uriWasteReduce, style.embeddedHyphenation
    attempt = uri_waste or embedded
    hymwl = getattr(style, "hyphenationMinWordLength", hyphenationMinWordLength)
    hyphenation2 = embedded > 1
    split_long = style.splitLongWords
    if getattr(frag, "nobr", False):  # (what ReportLab hands the hook for a <nobr> fragment)
        uri_waste, embedded = False, embedded and False
    font_name, size = frag.fontName, frag.fontSize
    widths = word_widths(font_name, size)
    space = widths[" "]
    shrink = style.spaceShrinkage * space
    last_line = len(max_widths) - 1
    max_width = max_widths[0]
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # (ReportLab's start: the first word adds a space)
    widest: float = 0  # (an int, as ReportLab starts it)
    lineno = 0
    for word in rl.split(text):
        word_width = widths[word]
        new = current + space + word_width
        limit = max_width + shrink * len(line)
        if new > limit:
            if attempt and (
                rl._hyphenateWord(None, font_name, size, word, word_width, new, limit, uri_waste, embedded, hymwl)
                or (
                    hyphenation2
                    and line
                    and rl._hyphenateWord(
                        None, font_name, size, word, word_width, word_width, max_width, uri_waste, embedded, hymwl
                    )
                )
            ):
                return None  # the word is split: ReportLab's own bookkeeping
            if split_long and word_width > max_widths[min(lineno, last_line)]:
                return None  # a word wider than the line: ReportLab cuts it
            if line:
                widest = max(widest, current)
                lines.append((max_width - current, line))
                line, current = [word], word_width
                lineno += 1
                max_width = max_widths[min(last_line, lineno)]
                continue
        line.append(word)
        current = new
    if line:
        widest = max(widest, current)
        lines.append((max_width - current, line))
    if isinstance(width, list):
        width[:] = max_widths
    para._width_max = widest
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    ascent, descent = rl.getAscentDescent(font_name, size)
    return copied(frag, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


_reportlab_break_lines = Paragraph.breakLines


def break_lines(self: Paragraph, width: Any) -> Any:
    """Paragraph.breakLines: a plain one-font paragraph or one fragment word (pdfoneword) here, any other by
    ReportLab."""
    lines = single_font_lines(self, width)
    if lines is None:
        lines = one_word_lines(self, width)
    return _reportlab_break_lines(self, width) if lines is None else lines


def install() -> None:
    """Break plain one-font paragraphs here, and remember the widths ReportLab's paragraphs measure (once per
    process)."""
    if Paragraph.breakLines is _reportlab_break_lines:
        Paragraph.breakLines = break_lines
        rl.stringWidth = string_width
