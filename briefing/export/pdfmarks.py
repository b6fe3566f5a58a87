"""Vowel marks the PDF cannot show: Arabic harakat and Hebrew points (niqqud, cantillation) in quotations.

The PDF draws right-to-left text as joined letters in visual order (bidi.py), which leaves combining marks no
place of their own: ReportLab alone would draw each mark beside its letter, not above or below it. A
right-to-left paragraph keeps its marks and has the font's GPOS place them (pdfmarkplace.py); anywhere else
(Arabic or Hebrew inside a left-to-right quotation) bidi.shape drops them and the PDF prints the letters alone,
as it does for a mark its font has no glyph or no mark positioning for. A quotation must be word for word, so
every export to PDF, and `briefing check`, says which quotations lose their marks; the DOCX and Markdown keep
them.
"""

from __future__ import annotations

import re

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export.tree import DocumentTree, Quotation

# What bidi.shape removes (unless told to keep them): Hebrew points (its _HEBREW_POINTS) and arabic_reshaper's
# harakat (its HARAKAT_RE, deleted with delete_harakat), both written out so this check needs neither loaded
MARKS = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d4-\u08ff]"
)
SHOWN = 24  # characters of a quotation's start that name it in the warning


def has_unshown_marks(text: str) -> bool:
    """Whether the text has vowel marks the PDF prints only in a right-to-left paragraph (see _placed)."""
    return MARKS.search(text) is not None


def _placed(quotation: Quotation) -> bool:
    """Whether the PDF draws this quotation's marks in place: a right-to-left quotation, each mark in a font that
    has it and positions marks (pdfmarkplace)."""
    if not quotation.rtl:
        return False
    from briefing.export.pdfmarkplace import places_marks
    from briefing.export.pdftext import ARABIC, HEBREW, register

    for mark in set(MARKS.findall(quotation.text)):
        family = HEBREW if mark < "\u0600" else ARABIC
        if ord(mark) not in register(family) or not places_marks(family.key):
            return False
    return True


def unshown_marks(tree: DocumentTree) -> list[Message]:
    """One warning per quotation of the tree the PDF prints without its vowel marks, named by its footnote."""
    warnings = []
    for node in tree.body:
        if isinstance(node, Quotation) and has_unshown_marks(node.text) and not _placed(node):
            start = " ".join(node.text.split())
            start = start if len(start) <= SHOWN else start[: SHOWN - 1] + "…"
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "the PDF cannot show the vowel marks of the quotation at footnote {number} (“{start}”); "
                        "the DOCX keeps them",
                    ),
                    number=node.citation.number,
                    start=start,
                )
            )
    return warnings


def unshown_marks_of(briefing: Briefing, template: Template) -> list[Message]:
    """unshown_marks for a briefing as exported with a template; the tree is built only when some excerpt has
    such marks (the common case costs a scan of the quotations' text)."""
    from briefing.export.errors import ExportError
    from briefing.export.tree import build_tree

    if not any(has_unshown_marks(excerpt.anchor.exact) for _, excerpt in briefing.excerpts()):
        return []
    try:
        return unshown_marks(build_tree(briefing, template))
    except ExportError:  # a note the export refuses: its error says why, not this
        return []
