"""The status bar's page count: the exact count of the PDF the export would write, laid out on a worker thread.

After each change the window calls request(); half a second after the last one, a copy of the note (note_copy,
as autosave takes: the sources are shared, the rest is the copy's own), with the text of a note still being
written put in it (`typing`), is counted on a worker, so typing never waits. Latest wins: a count still running
when the note changes is finished but not shown, and the newest note is counted next.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel

from briefing.gui.i18n import shown_headings
from briefing.gui.style import warn

if TYPE_CHECKING:  # the export layer loads on the worker, with the first count, not at start-up
    from collections.abc import Callable

    from briefing.core.model import Briefing
    from briefing.core.operations import Operation
    from briefing.core.templates import Template
    from briefing.export.pages import PageCount

DELAY_MS = 500  # after the last change
SHORT_REASON = 50  # characters of why the pages are not counted in the label (all of it in its tooltip)


def _cut(text: str, limit: int) -> str:
    """text, or its first words within limit characters and "…"."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" \u00a0\u202f,;:") + "…"  # (French spaces before : and ;)


class _Signals(QObject):
    done = Signal(int, object)  # generation, PageCount
    failed = Signal(int, object)  # generation, the exception


class _Count(QRunnable):
    def __init__(self, generation: int, briefing: Briefing, template: Template, signals: _Signals) -> None:
        super().__init__()
        self.generation, self.briefing, self.template, self.signals = generation, briefing, template, signals

    def run(self) -> None:
        from briefing.export.pages import count_pages

        try:
            count = count_pages(self.briefing, self.template)
        except Exception as exc:  # a quotation that no longer matches its source, say: worded as the export's
            self.signals.failed.emit(self.generation, exc)
        else:
            self.signals.done.emit(self.generation, count)


class PageCountWatcher(QObject):
    """Counts the note's pages off the GUI thread and shows the result in a status-bar label."""

    counted = Signal(object)  # PageCount, the latest note's

    def __init__(self, label: QLabel, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)  # made first, so it is destroyed (waiting for a running count) first
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.label = label
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.delay_ms = delay_ms
        self.timer.timeout.connect(self._start)
        self.count: PageCount | None = None  # the latest shown
        self._note: tuple[Briefing, Template] | None = None
        self._requested = 0  # generation of the latest request
        self._running = False
        # the change leaving the note being written would make (the window's BriefingView.typed_edit): counted too
        self.typing: Callable[[], Operation | None] = lambda: None

    def request(self, briefing: Briefing, template: Template) -> None:
        """The note changed: count it again once changes pause (at once for the first count)."""
        self._note = (briefing, template)
        self._requested += 1
        warn(self.label, self.count is not None and self.count.over_budget)  # recoloured now after a palette change
        first = self.count is None and not self._running
        self.timer.start(0 if first else self.delay_ms)  # restarts: a run of changes keeps pushing the count back

    def _start(self) -> None:
        if self._running or self._note is None:
            return  # _finished starts the next one
        from briefing.core.errors import OperationError

        briefing, template = self._note
        copy = briefing.note_copy()
        typing = self.typing()
        if typing is not None:
            with contextlib.suppress(OperationError):  # (a note deleted meanwhile: the note as it is)
                typing.apply(copy)
        self._running = True
        self.pool.start(_Count(self._requested, copy, template, self.signals))

    def _finished(self, generation: int) -> bool:
        """Whether the note counted is still the latest; if not, the latest is counted next."""
        self._running = False
        if generation == self._requested:
            return True
        if not self.timer.isActive():
            self._start()
        return False

    def _done(self, generation: int, count: PageCount) -> None:
        if not self._finished(generation):
            return
        self.count = count
        self.label.setText(self.text(count))
        self.label.setToolTip(self.tr("Pages of the PDF export, counted from its layout"))
        warn(self.label, count.over_budget)
        self.counted.emit(count)

    def _failed(self, generation: int, exc: BaseException) -> None:
        from briefing.gui.exports import refusal

        if not self._finished(generation):
            return
        if self.count is not None and not getattr(exc, "unmatched", ()):
            # Not the note's fault (the layout failed on a note still being written, an empty one say): the last
            # count stands, rather than a screen reader hearing "cannot be counted" with no reason it can act on.
            return
        reason = refusal(exc, self._note[0] if self._note else None)
        self.count = None
        # The label itself says why, briefly (a keyboard cannot reach a tooltip); the tooltip, which a reader hears
        # as the label's description, has the whole reason.
        unmatched = len(getattr(exc, "unmatched", ()))
        if unmatched:
            why = self.tr("1 excerpt to review") if unmatched == 1 else self.tr("%n excerpts to review", "", unmatched)
        else:
            why = _cut(reason, SHORT_REASON)
        self.label.setText(self.tr("Pages not counted: %1").replace("%1", why))
        self.label.setToolTip(self.tr("The pages cannot be counted: %1").replace("%1", reason))
        warn(self.label, False)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)

    # --- text ----------------------------------------------------------------------------------------------

    def text(self, count: PageCount) -> str:
        """ "3 pages, 2 at most — Recommendation starts on page 3", "2 pages, 2 at most", "1 page"."""
        if count.budget is None:
            return self.tr("1 page") if count.pages == 1 else self.tr("%1 pages").replace("%1", str(count.pages))
        # the count, then the budget, each named: "1 of 2 pages", « 1 page sur 2 », read as "page 1 of 2" (QA8 D13l)
        if count.pages == 1:
            text = self.tr("1 page, %1 at most").replace("%1", str(count.budget))
        else:
            text = self.tr("%1 pages, %2 at most").replace("%1", str(count.pages)).replace("%2", str(count.budget))
        crossing = count.first_over_budget_section
        if crossing is None:
            return text
        # the section as the window names it (the printed heading of a bilingual note holds both languages)
        shown = shown_headings(self._note[0]) if self._note is not None else {}
        heading = shown.get(crossing.section_id, crossing.heading)
        if crossing.page > count.budget:
            where = self.tr("%1 starts on page %2").replace("%1", heading).replace("%2", str(crossing.page))
        else:
            where = self.tr("%1 runs onto page %2").replace("%1", heading).replace("%2", str(count.budget + 1))
        return f"{text} — {where}"

    def over_budget_note(self) -> str:
        """For the message after an export: "" within budget, else " (over budget: 3 pages, 2 at most — …)"."""
        if self.count is None or not self.count.over_budget:
            return ""
        return self.tr(" (over budget: %1)").replace("%1", self.text(self.count))
