"""Find in the open source (Ctrl+F) and across all of the briefing's sources (Ctrl+Shift+F)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing.core.model import Source
from briefing.gui.style import FIND_STYLE, icon

MAX_RESULTS = 500


def _filled(pattern: str, *parts: str) -> str:
    """A translated pattern's %1, %2 … filled in one pass (a source's words holding "%2" stay as they are)."""
    return re.sub(r"%(\d)", lambda m: parts[int(m[1]) - 1], pattern)


@dataclass(frozen=True)
class Hit:
    source_id: str
    start: int
    end: int
    context: str


def find_text(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """Where needle occurs in text, ignoring case and accents: (start, end) offsets in text itself, in order,
    without overlaps.

    Letters are compared one by one (re.IGNORECASE: "avrupa" finds "Avrupa", "istanbul" finds "İstanbul", σ finds
    ς), never in a case-folded copy of the text: casefold() and lower() turn some letters into two (İ, ß, ﬁ), and
    every offset after one of them would point past the match in the source. Accents are ignored the same way, as
    browsers do: each letter of the needle, stripped of its marks, matches that letter with any accents, precomposed
    (é) or followed by combining marks (e + U+0301), so "realite" finds "réalité" and the offsets stay the source's.
    Arabic and Hebrew marks are skipped likewise (see _UNWRITTEN_CHARS), and a typed ' or " finds the typographic
    apostrophe or quotation marks (’, “ ”) as well.
    """
    needle = _UNWRITTEN.sub("", _without_marks(needle))
    if needle.strip():
        for match in re.finditer("".join(map(_letter_pattern, needle)), text, re.IGNORECASE):
            yield match.span()


# Arabic and Hebrew words are typed without the vowel marks, shadda and tatweel (ـ) that sources are sprinkled with,
# and often with a bare alef for أ إ آ: the search skips those marks and takes one alef (or ya) for another.
_UNWRITTEN_CHARS = (
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew points and cantillation
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # Arabic marks, tatweel
)
_UNWRITTEN = re.compile(f"[{_UNWRITTEN_CHARS}]")
_SAME_LETTER = {ch: group for group in ("اأإآٱ", "يى") for ch in group}


# Combining marks (accents, cedillas...) a text may carry after a letter when it is stored decomposed.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"


def _without_marks(text: str) -> str:
    """text with its letters' accents dropped: "Réalité" -> "Realite" (NFD, then no combining mark)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _accented_letters() -> dict[str, str]:
    """Each lower-case letter -> itself and every precomposed letter that is it plus marks ("e" -> "eèéêë...").
    Only letters that decompose into one base letter and marks count: ligatures such as œ or ﬁ stay themselves."""
    table: dict[str, str] = {}
    for code in range(0xC0, 0x2000):
        ch = chr(code)
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if marks and all(unicodedata.combining(mark) for mark in marks):
            key = base.lower()
            table[key] = table.get(key, key) + ch
    return table


_ACCENTED = _accented_letters()


# A keyboard types ' and ", sources print ’ ‘ “ ” (French web pages use ’ almost everywhere): each finds the others
_SAME_MARK = {ch: group for group in ("'’‘ʼ", '"“”„') for ch in group}


def _letter_pattern(ch: str) -> str:
    if ch in _SAME_MARK:
        return f"[{re.escape(_SAME_MARK[ch])}]"
    if "\u0590" <= ch <= "\u06ff":
        return f"[{_SAME_LETTER.get(ch, re.escape(ch))}][{_UNWRITTEN_CHARS}]*"
    letters = _ACCENTED.get(ch.lower())
    if letters is None:
        return re.escape(ch)
    return f"[{re.escape(letters)}][{_MARKS}]*"


def find_all(sources: list[Source], needle: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Case-insensitive occurrences of needle in every source, with a line of context each."""
    hits: list[Hit] = []
    for source in sources:
        for start, end in find_text(source.text, needle):
            if len(hits) == limit:
                return hits
            before = source.text[max(0, start - 40) : start].split("\n")[-1]
            after = source.text[end : end + 40].split("\n")[0]
            context = f"…{before}{source.text[start:end]}{after}…"
            hits.append(Hit(source.id, start, end, " ".join(context.split())))
    return hits


class FindBar(QWidget):
    """A find field over the source view; with "all sources" ticked, a list of hits across sources."""

    findNext = Signal(str, bool)  # text, backwards
    searchAll = Signal(str)
    hitActivated = Signal(object)  # Hit
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setStyleSheet(FIND_STYLE)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in source"))
        self.field.setAccessibleName(self.tr("Find text"))
        self.field.setClearButtonEnabled(True)
        self.all_sources = QCheckBox(self.tr("&All sources"), self)
        self.all_sources.setObjectName("findAllSources")
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        previous = QToolButton(self)
        previous.setObjectName("findPrevious")
        previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        previous.setIcon(icon("up"))
        previous.setAccessibleName(self.tr("Previous match"))
        following = QToolButton(self)
        following.setObjectName("findNext")
        following.setToolTip(self.tr("Next match (Enter)"))
        following.setIcon(icon("down"))
        following.setAccessibleName(self.tr("Next match"))
        close = QToolButton(self)
        close.setObjectName("findClose")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setIcon(icon("close"))
        close.setAccessibleName(self.tr("Close find bar"))
        self.results = QListWidget(self)
        self.results.setObjectName("findResults")
        self.results.setAccessibleName(self.tr("Matches in all sources"))
        self.results.setMaximumHeight(180)  # the source text stays the main thing in view
        self.results.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, previous, following, self.all_sources, self.status, close):
            row.addWidget(widget)
        row.setStretch(0, 1)
        # Tab as the bar reads, left to right, then the hits (not in the order the controls were made)
        chain = (self.field, previous, following, self.all_sources, close, self.results)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.field.returnPressed.connect(self._go)
        previous.clicked.connect(lambda: self.findNext.emit(self.field.text(), True))
        following.clicked.connect(lambda: self.findNext.emit(self.field.text(), False))
        close.clicked.connect(self.close_bar)
        self.all_sources.toggled.connect(self._toggle_all)
        self.results.itemActivated.connect(lambda item: self.hitActivated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.results.itemClicked.connect(lambda item: self.hitActivated.emit(item.data(Qt.ItemDataRole.UserRole)))

    def open_bar(self, *, all_sources: bool = False, text: str = "") -> None:
        self.all_sources.setChecked(all_sources)
        if text:
            self.field.setText(text)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        # Focus goes back to the source first: hiding the focused field would pass focus along the tab chain, to a
        # card perhaps, which selects it and replaces the found passage with its own (then Ctrl+1 had nothing).
        self.closed.emit()
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the field has acted on it (returnPressed, Shift or not): it goes no further
        super().keyPressEvent(event)

    def _go(self) -> None:
        if self.all_sources.isChecked():
            self.searchAll.emit(self.field.text())
        else:  # returnPressed comes for Shift+Enter too, which goes to the previous match
            backwards = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.findNext.emit(self.field.text(), backwards)

    def clear_hits(self) -> None:
        self.results.clear()
        self.status.setText("")

    def _toggle_all(self, checked: bool) -> None:
        self.results.setVisible(checked)
        self.field.setPlaceholderText(self.tr("Find in all sources") if checked else self.tr("Find in source"))

    def show_hits(self, hits: list[Hit], labels: dict[str, str]) -> None:
        self.results.clear()
        line = self.tr("%1: %2")  # the source, then the words around the match (French: a space before the colon)
        for hit in hits:
            item = QListWidgetItem(_filled(line, labels.get(hit.source_id, hit.source_id), hit.context))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        self.status.setText(self.tr("%n match(es)", "", len(hits)))
        self.results.setVisible(True)
        if hits:
            self.results.setCurrentRow(0)


def next_match(text: str, needle: str, start: int, end: int, backwards: bool) -> tuple[int, int] | None:
    """The match of needle after the selection start..end (before it, backwards), wrapping around; None when there
    is none. Matches are find_text's, so Find in Source and Find in All Sources find the same passages."""
    matches = list(find_text(text, needle))
    if not matches:
        return None
    if backwards:
        before = [match for match in matches if match[0] < start]
        return before[-1] if before else matches[-1]
    return next((match for match in matches if match[0] >= end), matches[0])
