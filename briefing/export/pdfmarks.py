"""Vowel marks the PDF cannot show: Arabic harakat and Hebrew points (niqqud, cantillation).

The PDF draws right-to-left text as joined letters in visual order (bidi.py), which leaves combining marks no
place of their own: ReportLab alone would draw each mark beside its letter, not above or below it. A
right-to-left paragraph (a quotation, the analyst's paragraph or list item, with or without bold and italic)
keeps its marks and has the font's GPOS place them (pdfmarkplace.py); anywhere else (Arabic or Hebrew inside a
left-to-right paragraph, a heading, a title, a footnote) bidi.shape drops them and the PDF prints the letters
alone, as it does for a mark its font has no glyph or no mark positioning for. A quotation must be word for word,
and nothing may vanish silently, so every export to PDF, and `briefing check`, says which quotations and which
other text lose their marks; the DOCX and Markdown keep them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Briefing, Excerpt
from briefing.core.templates import Template
from briefing.export.tree import BodyText, DocumentTree, Heading, ListBlock, Quotation

# What bidi.shape removes (unless told to keep them): Hebrew points (its _HEBREW_POINTS) and arabic_reshaper's
# harakat (its HARAKAT_RE, deleted with delete_harakat), both written out so this check needs neither loaded
MARKS = re.compile(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d4-\u08ff]"
)
SHOWN = 24  # characters of a text's start that name it in a warning
_PUNCTUATION = string.punctuation + "“”‘’«»„‹›"  # around a word: “title”, in a footnote


def has_unshown_marks(text: str) -> bool:
    """Whether the text has vowel marks the PDF prints only in a right-to-left paragraph (see _placed)."""
    return MARKS.search(text) is not None


def _placed(text: str, rtl: bool) -> bool:
    """Whether the PDF draws this text's marks in place: a right-to-left paragraph (a quotation, a paragraph or
    list item of the analyst's), each mark in a font that has it and positions marks (pdfmarkplace)."""
    if not rtl:
        return False
    from briefing.export.pdfmarkplace import places_marks
    from briefing.export.pdftext import ARABIC, HEBREW, register

    for mark in set(MARKS.findall(text)):
        family = HEBREW if mark < "\u0600" else ARABIC
        if ord(mark) not in register(family) or not places_marks(family.key):
            return False
    return True


def _start(text: str) -> str:
    """The start of a text, on one line, to name it in a warning (never cut between a letter and its marks)."""
    start = " ".join(text.split())
    if len(start) <= SHOWN:
        return start
    cut = SHOWN - 1
    while cut > 1 and MARKS.match(start, cut):
        cut -= 1
    return start[:cut] + "…"


def _texts(tree: DocumentTree) -> Iterator[tuple[str, bool]]:
    """Every text the PDF draws other than quotations, in the document's order, each with whether it is set as a
    right-to-left paragraph (the only place its marks are drawn)."""
    for row in tree.title_rows:
        yield row.value, False
    for node in tree.body:
        if isinstance(node, Heading):
            yield node.text, False
        elif isinstance(node, Quotation):
            yield node.comment, False
            yield node.citation.text, False
        elif isinstance(node, BodyText):
            yield node.text, node.rtl
        elif isinstance(node, ListBlock):
            yield from ((item.text, item.rtl) for item in node.items)
    if tree.contact:
        yield from ((text, False) for _, text in tree.contact.lines)
    if tree.decision:
        yield from ((text, False) for text in (*tree.decision.options, *tree.decision.lines))
    yield from ((entry.text, False) for entry in tree.sources)


def unshown_marks(tree: DocumentTree) -> list[Message]:
    """One warning per quotation of the tree the PDF prints without its vowel marks, named by its footnote, then
    one per other text (a paragraph, a heading, a footnote...) the PDF prints without them, named by its start."""
    warnings = []
    for node in tree.body:
        if isinstance(node, Quotation) and has_unshown_marks(node.text) and not _placed(node.text, node.rtl):
            warnings.append(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "the PDF cannot show the vowel marks of the quotation at footnote {number} (“{start}”); "
                        "the DOCX keeps them",
                    ),
                    number=node.citation.number,
                    start=_start(node.text),
                )
            )
    named: set[str] = set()  # words named already: a source's title, in all its footnotes and the sources list
    for text, rtl in _texts(tree):
        if not has_unshown_marks(text) or _placed(text, rtl):
            continue
        words = {word.strip(_PUNCTUATION) for word in text.split() if MARKS.search(word)}
        if words <= named:
            continue
        named |= words
        warnings.append(
            Message(
                QT_TRANSLATE_NOOP("Messages", "the PDF cannot show the vowel marks in “{start}”; the DOCX keeps them"),
                start=_start(text),
            )
        )
    return warnings


def _written(briefing: Briefing) -> Iterator[str]:
    """The briefing's own text that a tree can hold: title block, items, and the sources' citation fields."""
    yield from (value for value in vars(briefing.title_block).values() if isinstance(value, str))
    for section in briefing.sections:
        yield section.heading
        yield section.heading_fr
        for item in section.items:
            yield item.anchor.exact if isinstance(item, Excerpt) else item.text
            yield getattr(item, "comment", "")
    for source in briefing.sources:
        yield from (source.meta.title, source.meta.author, source.meta.publisher, *source.meta.to)


def unshown_marks_of(briefing: Briefing, template: Template, tree: DocumentTree | None = None) -> list[Message]:
    """unshown_marks for a briefing as exported with a template; the tree (the export's own, when given) is built
    only when some text of the briefing has such marks (the common case costs a scan of its text)."""
    from briefing.export.errors import ExportError
    from briefing.export.tree import build_tree

    if not any(map(has_unshown_marks, _written(briefing))):
        return []
    if tree is not None:
        return unshown_marks(tree)
    try:
        return unshown_marks(build_tree(briefing, template))
    except ExportError:  # a note the export refuses: its error says why, not this
        return []
