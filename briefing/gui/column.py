"""A vertical column of cards kept in small chunks, so that adding one card to a long section re-lays out
one chunk of cards, not every card in the section (filing into a note with thousands of excerpts stays quick)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QVBoxLayout, QWidget

CHUNK = 32  # cards per chunk before it splits


class _Chunk(QWidget):
    def __init__(self, parent: QWidget, spacing: int) -> None:
        super().__init__(parent)
        self.setObjectName("cardChunk")
        self.cards: list[QWidget] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)


class CardColumn(QWidget):
    """Ordered cards, stored in chunks of at most 2 x CHUNK; the order is what order() returns.
    Screen readers see a list of the cards, without the chunks (gui/accessible.py)."""

    accessible_role = QAccessible.Role.List

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self.setObjectName("cardColumn")
        self.spacing = spacing
        self.chunks: list[_Chunk] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 4, 0, 0)
        self.box.setSpacing(spacing)

    def __len__(self) -> int:
        return sum(len(c.cards) for c in self.chunks)

    def order(self) -> list[QWidget]:
        return [card for chunk in self.chunks for card in chunk.cards]

    accessible_children = order

    def _locate(self, position: int) -> tuple[int, int]:
        """(chunk index, index in chunk) for an insertion at position; appends go to the last chunk."""
        for number, chunk in enumerate(self.chunks):
            if position <= len(chunk.cards) and (position < len(chunk.cards) or number == len(self.chunks) - 1):
                return number, position
            position -= len(chunk.cards)
        return len(self.chunks) - 1, len(self.chunks[-1].cards) if self.chunks else 0

    def insert(self, position: int, card: QWidget) -> None:
        if not self.chunks:
            self._new_chunk(0)
        number, index = self._locate(position)
        chunk = self.chunks[number]
        chunk.cards.insert(index, card)
        chunk.box.insertWidget(index, card)  # the layout shows it on the next event loop pass, in one batch
        if len(chunk.cards) > 2 * CHUNK:
            self._split(number)

    def remove(self, card: QWidget) -> bool:
        for number, chunk in enumerate(self.chunks):
            if card in chunk.cards:
                chunk.cards.remove(card)
                chunk.box.removeWidget(card)
                if not chunk.cards:
                    self.box.removeWidget(chunk)
                    chunk.hide()
                    chunk.deleteLater()
                    del self.chunks[number]
                return True
        return False

    def _new_chunk(self, number: int) -> _Chunk:
        chunk = _Chunk(self, self.spacing)
        self.chunks.insert(number, chunk)
        self.box.insertWidget(number, chunk)
        return chunk

    def _split(self, number: int) -> None:
        chunk = self.chunks[number]
        moving = chunk.cards[CHUNK:]
        del chunk.cards[CHUNK:]
        fresh = self._new_chunk(number + 1)
        for card in moving:
            chunk.box.removeWidget(card)
            fresh.cards.append(card)
            fresh.box.addWidget(card)

    def card_rect(self, card: QWidget, within: QWidget) -> QRect:
        """The card's geometry in the coordinates of an ancestor (for drop indicators)."""
        top_left = card.mapTo(within, card.rect().topLeft())
        return QRect(top_left, card.size())
