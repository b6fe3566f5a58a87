"""The source reader: a read-only text view whose filed passages are highlighted in their section's colour."""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from briefing.core.lazy_regex import lazy
from briefing.gui.accessible import announce
from briefing.gui.style import high_contrast, highlight_colour, stripes, text_colour_on

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QAction

PASSAGE_MIME = "application/x-briefing-passage"
DEPTH_PROPERTY = QTextFormat.Property.UserProperty + 1  # how many excerpts cover a character (tests, a11y)
FLASH_MS = 900
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_AFTER_CLOSING = ".,;:!?…"  # what may follow a closing quote or bracket, still in its sentence
# (compiled with the first F8: re's compiler walks every code point of a range, and these ranges made some 30 M
# instructions of start-up)
_WORD = lazy(r"\w+")
_IDEOGRAPHS = lazy("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # and kana
_ATTRIBUTION_WORDS = 5  # "said the Foreign Affairs spokesperson" and shorter, in most languages
# abbreviations that come before a number, in the languages analysts read: page(s), paragraph(s), number, volume,
# figure, article, chapter, section, line, note, table, annex (English, French, German, Spanish, Italian, Portuguese)
_NUMBERING_ABBREVIATIONS = frozenset({
    "p", "pp", "pg", "pag", "pág", "págs", "para", "paras", "paragr", "par", "no", "nos", "nr", "n", "nn", "núm",
    "vol", "vols", "t", "fig", "figs", "art", "arts", "ch", "chap", "cap", "kap", "sec", "secs", "s", "ss", "abs",
    "l", "ll", "tab", "ann", "app", "bd", "rn",
})  # fmt: skip
# titles before a name (English, French, Spanish, German): a sentence rarely ends on one
_TITLES = frozenset({
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt", "Adm", "Gov", "Sen", "Rep", "Hon",
    "Rev", "St", "M", "MM", "Mme", "Mmes", "Mlle", "Pr", "Sr", "Sra", "Srta", "Dra", "Hr", "Fr",
})  # fmt: skip
# words that begin sentences far more often than they follow a middle initial or "St." (English, French): after
# "Annex A." or "Main St." one of them starts a new sentence
_SENTENCE_OPENERS = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "In", "On",
    "At", "But", "And", "Or", "If", "As", "For", "Then", "There", "Here", "When", "While", "After", "Before",
    "Le", "La", "Les", "L", "Un", "Une", "Des", "Il", "Elle", "Ils", "Elles", "Nous", "Ce", "Cette", "Ces",
    "En", "Dans", "Mais", "Et", "Puis", "Si", "Selon", "Après", "Avant",
})  # fmt: skip
# nouns a single capital letter labels ("Option B.", "Annex C.", "World War I.", « l'Option B. »): the letter after
# them is no middle initial, so its full stop may end the sentence
_LABELLED = frozenset({
    "option", "options", "annex", "annexe", "appendix", "schedule", "plan", "part", "partie", "phase", "stage",
    "étape", "step", "tier", "grade", "level", "niveau", "class", "classe", "type", "group", "groupe", "category",
    "catégorie", "section", "chapter", "chapitre", "article", "item", "exhibit", "figure", "table", "tableau",
    "scenario", "scénario", "model", "modèle", "track", "volet", "axe", "war", "guerre", "zone", "sector",
    "secteur", "block", "bloc", "lot", "tranche", "pillar", "pilier", "round", "question", "box", "building",
    "floor", "gate", "terminal", "wing", "room", "site", "camp", "base", "unit", "division", "company", "team",
    "squadron", "series", "version", "variant", "draft", "proposal", "vitamin", "hepatitis", "program",
    "programme", "title", "titre", "book", "volume", "list", "liste", "sheet", "form", "formulaire",
})  # fmt: skip


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of text holding start..end (Qt positions: UTF-16), by Unicode's sentence rules (a
    QTextBoundaryFinder), with the closing quotes and brackets that end it, without the spaces after it; a
    selection over several sentences takes them all."""
    from PySide6.QtCore import QTextBoundaryFinder  # (imported where used: it costs start-up time)

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Sentence, text)
    qt_bounds = [0]
    while (position := finder.toNextBoundary()) not in (-1, qt_bounds[-1]):
        qt_bounds.append(position)
    positions = Utf16Positions(text)
    start, end = positions.from_qt(start), positions.from_qt(end)
    bounds = sorted({_past_closing(text, positions.from_qt(bound)) for bound in qt_bounds})
    bounds = [bound for bound, after in itertools.pairwise([*bounds, len(text)]) if not _goes_on(text, bound, after)]
    first = max(bound for bound in bounds if bound <= start)
    last = min((bound for bound in bounds if bound > first and bound >= end), default=bounds[-1])
    while last > first and text[last - 1].isspace():
        last -= 1
    return positions.to_qt(first), positions.to_qt(last)


def _goes_on(text: str, bound: int, next_bound: int) -> bool:
    """Whether the sentence goes on at a boundary UAX 29 puts after a closing quote or an abbreviation."""
    if not 0 < bound < len(text):
        return False
    return _after_a_closing_quote(text, bound, next_bound) or _after_an_abbreviation(text, bound)


def _after_a_closing_quote(text: str, bound: int, next_bound: int) -> bool:
    """A sentence goes on after a closing quote when the next word is in lower case: “Is this the end?” he asked.
    (UAX 29 ends it after ?” or !”, and F8 left the attribution out.) A script without case (Arabic, Hebrew,
    Chinese) cannot say so by its letters: there the words up to the next sentence end go with the quote when they
    are as few as an attribution's («هل هذه النهاية؟» سأل الوزير.)."""
    first = text[bound]
    caseless = unicodedata.category(first) == "Lo"  # a letter of a script without case
    if not (first.islower() or (caseless and _words(text[bound:next_bound]) <= _ATTRIBUTION_WORDS)):
        return False
    before = bound
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before > 0 and (unicodedata.category(text[before - 1]) in ("Pe", "Pf") or text[before - 1] in "\"'")


def _words(text: str) -> int:
    """About how many words text has: Chinese and Japanese words are one to three ideographs or kana."""
    ideographs = len(_IDEOGRAPHS.findall(text))
    return len(_WORD.findall(_IDEOGRAPHS.sub(" ", text))) + ideographs // 2


def _after_an_abbreviation(text: str, bound: int) -> bool:
    """A sentence goes on after an abbreviation whose number follows, "See p. 4. Then…" (UAX 29 ends a sentence
    after "p. " when the number is followed by a full stop or a capital), or after a title or a middle initial before a
    name, "Mr. Smith said", "M. Blinken a dit", "John F. Kennedy said" (UAX 29 ends one before any capital)."""
    if not (text[bound].isdigit() or text[bound].isupper()):
        return False
    stop = bound
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    if stop == bound or text[stop - 1] != ".":
        return False
    start = stop - 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start : stop - 1]
    if text[bound].isdigit():
        return word.casefold() in _NUMBERING_ABBREVIATIONS
    before = _word_before(text, start)
    if word == "St" and before[:1].isupper():  # "Main St.": a street, whose full stop may end the sentence
        return False
    if len(word) == 1 and start >= 2 and text[start - 1] == "." and text[start - 2].isalpha():  # "the U.S. Treasury"
        return _next_word(text, bound) not in _SENTENCE_OPENERS
    if word in _TITLES:  # "Mr. Smith", "M. Le Drian"
        return True
    # a middle initial, "John F. Kennedy", "J. R. R. Tolkien" (not "U.S.", whose letter follows a full stop, nor
    # "Annex A. The report", nor "Option B. Ministers agreed": a capital letter after a capitalised word is as often
    # a label, a guess either way)
    labelled = before.rstrip(".").casefold() in _LABELLED or word in "IVX"  # "Option B.", "World War I."
    initial = len(word) == 1 and word.isupper() and not labelled and (before[:1].isupper() or _is_initial(text, bound))
    return initial and _next_word(text, bound) not in _SENTENCE_OPENERS


def _word_before(text: str, start: int) -> str:
    """The word (with its full stops) that ends at the space just before start; "" when none does."""
    if start < 2 or text[start - 1] != " ":
        return ""
    begin = end = start - 1
    while begin > 0 and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    return text[begin:end]


def _is_initial(text: str, at: int) -> bool:
    return at + 1 < len(text) and text[at].isupper() and text[at + 1] == "."


def _next_word(text: str, at: int) -> str:
    end = at
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[at:end]


def _past_closing(text: str, bound: int) -> int:
    """A sentence boundary moved past the closing quotes and brackets UAX 29 gives the next sentence when a space
    comes before them, as French typography puts one before » (« Nous sommes prêts. » Puis…), and past the spaces
    after them. A quote or bracket followed by a letter opens the next sentence ('Twas) and stays there."""
    at = bound
    while True:
        after_space = at
        while after_space < len(text) and text[after_space] in " \t\u00a0\u202f":
            after_space += 1
        closed = after_space
        while closed < len(text) and unicodedata.category(text[closed]) in ("Pe", "Pf"):
            closed += 1
        if closed == after_space:
            break
        while closed < len(text) and text[closed] in _AFTER_CLOSING:  # « … agir. » ».
            closed += 1
        if closed < len(text) and not text[closed].isspace():
            break
        at = closed
    if at == bound:
        return bound
    while at < len(text) and text[at].isspace():
        at += 1
    return at


class Utf16Positions:
    """Python counts a character beyond the Basic Multilingual Plane (emoji, rare CJK) as one, Qt's text positions
    count it as two (UTF-16): converts between a source's offsets and the positions of the view showing it."""

    def __init__(self, text: str = "") -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_qt = [offset + i for i, offset in enumerate(self._astral)]  # where each one starts in Qt

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset

    def from_qt(self, position: int) -> int:
        # each such character that ends at or before position (starts before position - 1) took two places
        return position - bisect_left(self._astral_qt, position - 1) if self._astral else position


@dataclass(frozen=True)
class Span:
    item_id: str
    start: int
    end: int
    section_index: int
    section_heading: str


class PassageHighlighter(QSyntaxHighlighter):
    """Colours filed passages; spans are indexed by block so a change re-highlights only the blocks it touches.
    Spans are in the source's offsets; `positions` maps them to the document's."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.positions = Utf16Positions()
        self.spans: dict[str, Span] = {}
        self._by_block: dict[int, set[str]] = {}
        self._page = QColor("#ffffff")  # the view's background, which highlights must stand out from
        # During a pass over every block (set_spans): the high-contrast answer, asked once, and the format of each
        # combination of sections, made once and shared by the blocks (a big source has hundreds of blocks).
        self._pass: tuple[bool, dict[tuple[int, ...], QTextCharFormat]] | None = None

    def _blocks(self, span: Span) -> range:
        doc, qt = self.document(), self.positions.to_qt
        first = doc.findBlock(qt(span.start)).blockNumber()
        last = doc.findBlock(qt(max(span.start, span.end - 1))).blockNumber()
        return range(max(first, 0), max(last, first) + 1)

    def set_spans(self, spans: list[Span], *, page: QColor) -> None:
        self._page = page
        self.spans = {s.item_id: s for s in spans}
        self._by_block = {}
        for span in spans:
            for number in self._blocks(span):
                self._by_block.setdefault(number, set()).add(span.item_id)
        self._pass = (high_contrast(), {})
        try:
            self.rehighlight()
        finally:
            self._pass = None

    def put(self, span: Span) -> None:
        """Add a span, or move one that changed; re-highlights only the blocks involved."""
        touched: set[int] = set()
        old = self.spans.get(span.item_id)
        if old is not None:
            touched |= self._drop(old)
        self.spans[span.item_id] = span
        for number in self._blocks(span):
            self._by_block.setdefault(number, set()).add(span.item_id)
            touched.add(number)
        self._rehighlight(touched)

    def remove(self, item_id: str) -> None:
        old = self.spans.pop(item_id, None)
        if old is not None:
            self._rehighlight(self._drop(old))

    def _drop(self, span: Span) -> set[int]:
        touched = set()
        for number in self._blocks(span):
            ids = self._by_block.get(number)
            if ids is not None:
                ids.discard(span.item_id)
            touched.add(number)
        return touched

    def _rehighlight(self, numbers: set[int]) -> None:
        doc = self.document()
        for number in sorted(numbers):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def spans_at(self, offset: int) -> list[Span]:
        number = self.document().findBlock(self.positions.to_qt(offset)).blockNumber()
        found = [self.spans[i] for i in self._by_block.get(number, ()) if i in self.spans]
        return sorted((s for s in found if s.start <= offset < s.end), key=lambda s: (s.start, s.item_id))

    def highlightBlock(self, text: str) -> None:
        ids = self._by_block.get(self.currentBlock().blockNumber())
        if not ids:
            return
        base = self.currentBlock().position()
        length = self.currentBlock().length()  # in Qt's positions (len(text) counts an emoji once)
        qt = self.positions.to_qt
        ranges: list[tuple[int, int, Span]] = []  # each span's part of this block, in the block's positions
        for item_id in ids:
            span = self.spans[item_id]
            start, end = max(qt(span.start) - base, 0), min(qt(span.end) - base, length)
            if start < end:
                ranges.append((start, end, span))
        if not ranges:
            return
        cuts = sorted({start for start, _, _ in ranges} | {end for _, end, _ in ranges})
        # asked once a block (once a pass in set_spans), not for every part of every span
        high, formats = self._pass or (high_contrast(), {})
        for left, right in itertools.pairwise(cuts):
            active = sorted((span.section_index for start, end, span in ranges if start <= left and end >= right))
            if not active:
                continue
            key = tuple(active)
            fmt = formats.get(key)
            if fmt is None:
                rgbs = dict.fromkeys(highlight_colour(index, page=self._page, high=high).rgb() for index in active)
                fills = [QColor.fromRgb(rgb) for rgb in rgbs]
                fmt = formats[key] = QTextCharFormat()
                # Overlap: diagonal stripes of each section's colour, so every section shows (not just a deeper tint).
                fmt.setBackground(stripes(fills) if len(fills) > 1 else fills[0])
                fmt.setForeground(text_colour_on(*fills))
                fmt.setProperty(DEPTH_PROPERTY, len(active))
            self.setFormat(left, right - left, fmt)


class SourceView(QPlainTextEdit):
    """Shows one source's normalised text. Its methods take and give offsets in Source.text; Qt's own positions
    differ from them after a character beyond the Basic Multilingual Plane (see Utf16Positions)."""

    excerptClicked = Signal(str)  # item id of the excerpt under a click
    selectionOffsetsChanged = Signal(int, int)
    filingKeyIgnored = Signal()  # Ctrl+1…9 reached the view: no File Into action took it (a read-only briefing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.setAccessibleName(self.tr("Source text"))
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)  # dropped files go to the window
        self.setTabChangesFocus(True)  # keyboard users can Tab on to the note
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.12)
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self.source_id: str | None = None
        self.text_ref = ""
        self.highlighter = PassageHighlighter(self.document())
        self.positions = self.highlighter.positions
        self.context_actions: list[QAction | QMenu] = []
        self._click_pos: QPoint | None = None
        self._selection_at_press = (0, 0)  # the selection's anchor and position when the mouse was pressed
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self.setExtraSelections([]))
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._announce_section)

    # --- content -------------------------------------------------------------------------------------

    def show_text(self, source_id: str | None, text: str, spans: list[Span], *, right_to_left: bool = False) -> None:
        self.source_id = source_id
        self.text_ref = text  # the very string shown, to tell a metadata edit from new text
        # Each paragraph takes its own direction, but a plain-text view aligns all of them alike: on the right for
        # an Arabic, Persian or Hebrew source.
        option = self.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft)
        self.document().setDefaultTextOption(option)
        self.positions = self.highlighter.positions = Utf16Positions(text)
        self.highlighter.blockSignals(True)
        self.setPlainText(text)
        self.highlighter.blockSignals(False)
        self.highlighter.set_spans(spans, page=self.palette().color(QPalette.ColorRole.Base))
        self.setExtraSelections([])

    def cursor_offsets(self) -> tuple[int, int]:
        """The selection's start and end, or the cursor's offset twice when nothing is selected."""
        cursor, source = self.textCursor(), self.positions.from_qt
        return source(cursor.selectionStart()), source(cursor.selectionEnd())

    def selection_offsets(self) -> tuple[int, int] | None:
        return self.cursor_offsets() if self.textCursor().hasSelection() else None

    def select_offsets(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def settle(self) -> None:
        """Drop the selection, keeping the caret: a passage just filed shows its section's colour, which the
        selection's colour would otherwise hide."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def _emit_selection(self) -> None:
        self.selectionOffsetsChanged.emit(*self.cursor_offsets())

    def _offset_at(self, point: QPoint) -> int:
        return self.positions.from_qt(self.cursorForPosition(point).position())

    def reveal(self, start: int, end: int) -> None:
        """Scroll a passage into the middle of the view and flash it briefly."""
        start, end = self.positions.to_qt(start), self.positions.to_qt(end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.centerCursor()
        flash = QTextEdit.ExtraSelection()
        flash.cursor = QTextCursor(self.document())
        flash.cursor.setPosition(start)
        flash.cursor.setPosition(min(end, self.document().characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(120)
        fmt.setBackground(colour)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Highlight))
        flash.format = fmt
        self.setExtraSelections([flash])
        self._flash_timer.start()

    def is_flashing(self) -> bool:
        return self._flash_timer.isActive() and bool(self.extraSelections())

    # --- drag, hover, click, context menu ------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        # Qt's own mime data lists a fixed set of formats, so the passage goes into a plain QMimeData.
        from PySide6.QtCore import QMimeData  # (runtime import: loaded on the first drag, not at start-up)

        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        offsets = self.selection_offsets()
        if offsets and self.source_id:
            payload = {"source": self.source_id, "start": offsets[0], "end": offsets[1]}
            import json  # loaded on the first drag, not at start-up

            mime.setData(PASSAGE_MIME, json.dumps(payload).encode())
        return mime

    def hover_text(self, offset: int) -> str:
        """What hovering at offset says: the section(s) the passage there is filed in."""
        spans = self.highlighter.spans_at(offset)
        if not spans:
            return ""
        names = list(dict.fromkeys(s.section_heading for s in spans))
        text = self.tr("Filed in %1").replace("%1", " + ".join(names))
        if len(spans) > 1:
            text += self.tr(" (%1 excerpts overlap)").replace("%1", str(len(spans)))
        return text

    def _announce_section(self) -> None:
        """Screen readers hear which section the passage under the caret is filed in, as the caret enters it
        (what hovering shows sighted users); the view's description says it for as long as the caret is there."""
        text = self.hover_text(self.positions.from_qt(self.textCursor().position()))
        if text == self.accessibleDescription():
            return
        self.setAccessibleDescription(text)
        announce(self, text)

    # --- keyboard selection ------------------------------------------------------------------------------
    # Shift+End stops at the *visual* line end, which moves with the pane's width and which a screen-reader user
    # cannot see: paragraph and sentence keys select by the text itself.

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        paragraph = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        if mods == paragraph and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.select_to_paragraph_edge(forward=event.key() == Qt.Key.Key_Down)
        elif event.key() == Qt.Key.Key_F8 and not mods:
            self.select_sentence_then_paragraph()
        elif mods == Qt.KeyboardModifier.ControlModifier and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            self.filingKeyIgnored.emit()
        else:
            super().keyPressEvent(event)

    def select_to_paragraph_edge(self, *, forward: bool) -> None:
        """Ctrl+Shift+Down / Up, as in Word and LibreOffice: extend the selection to the end (start) of the
        paragraph; at its end (start) already, to the end (start) of the next (previous) one."""
        cursor = self.textCursor()
        keep = QTextCursor.MoveMode.KeepAnchor
        if forward:
            if cursor.atBlockEnd():
                cursor.movePosition(QTextCursor.MoveOperation.NextBlock, keep)
                while not cursor.block().text() and cursor.block().next().isValid():  # the blank line between
                    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, keep)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, keep)
        else:
            if cursor.atBlockStart():
                cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock, keep)
                while not cursor.block().text() and cursor.block().previous().isValid():
                    cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock, keep)
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, keep)
        self.setTextCursor(cursor)

    def select_sentence_then_paragraph(self) -> None:
        """F8: select the sentence around the caret (or selection); pressed again, the whole paragraph. A selection
        over several paragraphs grows to whole paragraphs."""
        cursor = self.textCursor()
        first = self.document().findBlock(cursor.selectionStart())
        last = self.document().findBlock(cursor.selectionEnd())
        chosen = (first.position(), last.position() + last.length() - 1)  # whole paragraphs
        if first == last:
            start, end = cursor.selectionStart() - first.position(), cursor.selectionEnd() - first.position()
            sentence = _sentence_around(first.text(), start, end)
            if sentence != (start, end):
                chosen = (first.position() + sentence[0], first.position() + sentence[1])
        cursor.setPosition(chosen[0])
        cursor.setPosition(chosen[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def select_whole_words(self) -> None:
        """A selection made with the mouse across words grows to whole words at an end that falls inside one, as
        Word does: a quotation cut mid-word ("The Liberal government of C") is never what a hurried hand meant.
        Within one word it stays to the letter; keyboard selections (Shift+arrows) are never changed. Words by
        Unicode's rules (a QTextBoundaryFinder): "l’État" is one, and each Chinese character is one."""
        from PySide6.QtCore import QTextBoundaryFinder  # (imported where used: it costs start-up time)

        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        first, last = self.document().findBlock(start), self.document().findBlock(end)
        words = QTextBoundaryFinder.BoundaryType.Word
        head = QTextBoundaryFinder(words, first.text())
        head.setPosition(start - first.position())
        if first == last and head.toNextBoundary() >= end - first.position():
            return  # within one word
        head.setPosition(start - first.position())
        if not head.isAtBoundary():
            start = first.position() + head.toPreviousBoundary()
        tail = QTextBoundaryFinder(words, last.text())
        tail.setPosition(end - last.position())
        if not tail.isAtBoundary():
            end = last.position() + tail.toNextBoundary()
        if (start, end) == (cursor.selectionStart(), cursor.selectionEnd()):
            return
        forward = cursor.anchor() <= cursor.position()
        cursor.setPosition(start if forward else end)
        cursor.setPosition(end if forward else start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # The viewport's tooltip follows the mouse; Qt shows it after its usual delay. (Not viewportEvent():
        # a Python override there would run for every paint.)
        if not event.buttons():
            text = self.hover_text(self._offset_at(event.position().toPoint()))
            if text != self.viewport().toolTip():
                self.viewport().setToolTip(text)
                if not text:
                    from PySide6.QtWidgets import QToolTip  # (imported where used: it costs start-up time)

                    QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._click_pos = event.position().toPoint()
        cursor = self.textCursor()
        self._selection_at_press = (cursor.anchor(), cursor.position())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        cursor = self.textCursor()
        made = cursor.hasSelection() and (cursor.anchor(), cursor.position()) != self._selection_at_press
        if event.button() == Qt.MouseButton.LeftButton and made:  # by this press (not a selection dragged away)
            self.select_whole_words()
        pos = event.position().toPoint()
        moved = self._click_pos is not None and (pos - self._click_pos).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved and not self.textCursor().hasSelection():
            spans = self.highlighter.spans_at(self._offset_at(pos))
            if spans:
                self.excerptClicked.emit(spans[-1].item_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu: QMenu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
            for action in self.context_actions:
                if isinstance(action, QMenu):
                    menu.addMenu(action)
                else:
                    menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
