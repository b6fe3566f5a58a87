"""A paragraph in several fonts with no space in it (a Chinese quotation): its lines built without ReportLab's loop.

A Chinese sentence is one "word" to ReportLab: its text and the quotation marks and digits around it (in the main
font) form a single fragment word, split at each line's end by linebreak's hook. ReportLab's kind-1 loop then asks of
each piece whether it draws like the one before, measures spaces, clones fragments and keeps its word list: some 1.5
million instructions a quotation, for lines that are just the pieces the hook cut, one after the other. Here the
same lines are built from those pieces directly: the hook is asked for the same splits (the same widths, the same
floats), and the lines, the fragments in them, the word list ReportLab keeps for a split and the paragraph's
counters are ReportLab's (a test compares them attribute by attribute, also after the footnote mark's second
layout and after a split at a page's foot).

Anything else goes to ReportLab: a space anywhere, a soft hyphen, an image, a line break, raised text, a
background colour, <nobr>, shaping, shrinking spaces, end dots, a dictionary hyphenator, and any piece the hook
does not split as expected.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import paragraph as rl
from reportlab.platypus.paragraph import FragLine, ParaLines
from reportlab.rl_config import hyphenationMinWordLength

from briefing.export.pdfflow import copied

_FK_TEXT, _FK_BREAK = 0, 3  # ReportLab's fragment kinds (paragraph._FK_TEXT, _FK_BREAK)
_SPACE_OR_SHY = re.compile(r"[\s\xad]")
_PLAIN_ATTRIBUTES = ("cbDefn", "lineBreak", "backColor", "nobr")


def _one_word(para: Any, max_width: float) -> list[Any] | None:
    """The paragraph's one fragment word ([width, (fragment, text), ...], as ReportLab's _getFragWords makes it), or
    None when it has more than one word or anything outside the simple case."""
    frags = para.frags
    if rl._processed_frags(frags):  # laid out before (the mark's second layout, a split's part): ReportLab's rejoin
        if not all(type(f) in (rl._SplitFragH, rl._SplitFrag, rl._InjectedFrag) for f in frags):
            return None
        words = rl._getFragWords(frags, max_width)
        if len(words) != 1 or type(words[0]) is not list:
            return None
        word: list[Any] = words[0]
        return word if all(getattr(f, "rise", 0) == 0 and not _odd(f) for f, _ in word[1:]) else None
    for f in frags:
        text = getattr(f, "text", None)
        if type(text) is not str or not text or getattr(f, "rise", 0) != 0 or _odd(f) or _SPACE_OR_SHY.search(text):
            return None
    widths = [rl.stringWidth(f.text, f.fontName, f.fontSize) for f in frags]
    for f in frags:
        f._fkind = _FK_TEXT  # as ReportLab's word splitting marks them
    return [sum(widths), *((f, f.text) for f in frags)]  # (0 plus each width in order, as ReportLab adds them)


def _odd(frag: Any) -> bool:
    return any(hasattr(frag, name) for name in _PLAIN_ATTRIBUTES)


def one_word_lines(para: Any, width: Any) -> Any:
    """ReportLab's kind-1 lines for a paragraph that is one fragment word (see above), or None where ReportLab must
    break it itself. Nothing of para or width changes unless lines are returned."""
    style = para.style
    if (
        len(para.frags) < 2
        or not isinstance(width, list | int | float)
        or style.endDots
        or style.wordWrap
        or style.spaceShrinkage
        or style.embeddedHyphenation != 1
        or getattr(style, "hyphenationLang", "")
        or style.shaping
    ):
        return None
    max_widths = list(width) if isinstance(width, list) else [width]
    rl._handleBulletWidth(para.bulletText, style, max_widths)  # a bullet wider than the indent narrows line 1
    word = _one_word(para, max_widths[0])
    if word is None:
        return None
    hymwl = getattr(style, "hyphenationMinWordLength", hyphenationMinWordLength)
    last_line = len(max_widths) - 1
    lines: list[Any] = []
    kept: list[Any] = []  # ReportLab's word list (para.frags after its layout): each line's piece, then its break
    widest: float = 0  # (an int, as ReportLab starts it)
    hyphenations = 0
    while True:
        max_width = max_widths[min(len(lines), last_line)]
        piece = word
        if word[0] > max_width:  # (at the line's start: the hook splits it, or ReportLab takes over)
            parts = rl._hyphenateFragWord(None, word, word[0], max_width, style.uriWasteReduce, True, hymwl)
            if not parts or len(parts) != 2 or type(parts[0]) is not rl._SplitFragH or parts[1] is word:
                return None
            piece, word = parts
            hyphenations += 1
        first = piece[1][0]
        ascent, descent = rl.getAscentDescent(piece[-1][0].fontName, piece[-1][0].fontSize)
        size = piece[-1][0].fontSize
        words = []
        for f, text in piece[1:]:
            a, d = rl.getAscentDescent(f.fontName, f.fontSize)
            size, ascent, descent = max(size, f.fontSize), max(ascent, a), min(descent, d)
            words.append(copied(f, text=text))
        count = 1 if piece[1][1] or any(text for _, text in piece[2:]) else 0
        current = piece[0] if piece[0] > 0 else 0
        widest = max(widest, current)
        done = piece is word
        if not done:
            broken = copied(first, _fkind=_FK_BREAK, text="")
            kept += [piece, rl._InjectedFrag([0, (broken, "")])]
            words.append(copied(broken))
        else:
            kept.append(piece)
        lines.append(
            FragLine(
                extraSpace=max_width - current,
                wordCount=count,
                lineBreak=False,
                words=words,
                fontSize=size,
                ascent=ascent,
                descent=descent,
                maxWidth=max_width,
                sFW=max(0, len(kept) - 3) if not done else max(0, len(kept) - 2),
            )
        )
        if done:
            break
    if isinstance(width, list):
        width[:] = max_widths
    para.frags = kept
    para._width_max = widest
    para.height = 0
    para._splitLongWordCount = 0
    para._hyphenations = hyphenations
    return ParaLines(kind=1, lines=lines)
