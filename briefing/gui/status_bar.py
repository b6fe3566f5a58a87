"""The window's status bar and its pieces: the word count, the page count (page_count.py), the read-only notice,
and the progress of imports and exports (their widgets are made by the first import or export, not at start-up)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QSizeGrip, QStatusBar, QWidget

from briefing.gui.accessible import announce
from briefing.gui.page_count import PageCountWatcher
from briefing.gui.style import warn

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QPaintEvent, QResizeEvent
    from PySide6.QtWidgets import QToolButton

    from briefing.gui.document import BriefingDocument
    from briefing.gui.exports import ExportController
    from briefing.gui.imports import ImportController


class WordCount(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordCount")

    def show_words(self, words: int) -> None:
        self.setText(self.tr("1 word") if words == 1 else self.tr("%n words", "", words))


class StatusBar(QStatusBar):
    SHOW_PROGRESS_AFTER_MS = 400  # a quicker import or export shows a status message only, not a flickering bar

    def __init__(self, document: BriefingDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.words = WordCount(self)
        self.pages = QLabel(self)
        self.pages.setObjectName("pageEstimate")
        self.page_count = PageCountWatcher(self.pages, self)  # the exact count, laid out off the GUI thread
        self.progress = QProgressBar(self)  # the imports'; hidden, but it sets the bar's height
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(self.tr("Import in progress"))
        self.progress.hide()
        self.read_only = QLabel(self)
        self.read_only.setObjectName("readOnlyLabel")
        self.read_only.hide()
        warn(self.read_only, True)
        self._read_only_text = self._read_only_short = ""
        self.messageChanged.connect(self._fit_read_only)
        self.messageChanged.connect(self._drop_tooltip)
        for widget in (self.read_only, self.progress, self.words, self.pages):
            self.addPermanentWidget(widget)
        self._importer: ImportController | None = None
        self._exporter: ExportController | None = None
        self._painted = False
        self._kept = ""  # the message shown until replaced: it comes back after a menu's or button's status tip
        self._message = ""  # the message whole, and as drawn: elided to the bar's room (whole in the tooltip)
        self._shown = ""
        self._until = 0.0  # when a timed message goes (time.monotonic()), so fitting it again keeps its time
        self._notice = ""  # shown whenever no other message is, while its cause lasts (autosave failing)
        self.messageChanged.connect(self._back_to_notice)
        self._tips_from = parent  # the window, which shows the status tips (QMainWindow.event)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        self._keep("" if timeout else text)
        self._until = time.monotonic() + timeout / 1000 if timeout else 0.0
        self._show(text, timeout or 0)

    def clearMessage(self) -> None:
        self._keep("")
        self._until = 0.0
        super().clearMessage()

    def _keep(self, text: str) -> None:
        """Keep text to bring back after a status tip (eventFilter). The window's events pass through the filter, and
        so through Python, only while a message is kept: they are some 180 before the first paint, and every one
        after, and without a kept message the filter has nothing to do."""
        if self._tips_from is not None and bool(text) != bool(self._kept):
            if text:
                self._tips_from.installEventFilter(self)
            else:
                self._tips_from.removeEventFilter(self)
        self._kept = text

    def currentMessage(self) -> str:
        """The message whole, though the bar draws it elided (for the screen reader and the tests)."""
        shown = super().currentMessage()
        return self._message if shown and shown == self._shown else shown

    def _show(self, text: str, timeout: int = 0) -> None:
        """Show text elided to the room left of the permanent widgets: drawn whole, a long warning ran under the
        word and page counts (QA6 #4). Its whole text is in the bar's tooltip and accessible description."""
        self._message = text
        self._shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(self._room(), 0))
        cut = self._shown != text
        self.setToolTip(text if cut else "")
        self.setAccessibleDescription(text if cut else "")
        super().showMessage(self._shown, timeout)

    def keep_notice(self, text: str) -> None:
        """A notice that lasts while its cause does (autosave failing): told once, and shown again whenever the
        bar would be empty (another message timed out or cleared). "" takes it away."""
        old, self._notice = self._notice, text
        if text and text != old:
            self.tell(text)
        elif not text and old and self._kept == old:
            self.clearMessage()

    def _back_to_notice(self, message: str) -> None:
        if not message and self._notice:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self, self._show_notice)  # not from inside Qt's clearing of the message

    def _show_notice(self) -> None:
        if self._notice and not super().currentMessage():
            self.showMessage(self._notice)  # said once already: not announced again

    def _drop_tooltip(self, message: str) -> None:
        """A message gone (timed out, or a status tip over it) takes its whole text's tooltip with it."""
        if message != self._shown:
            self.setToolTip("")
            self.setAccessibleDescription("")

    def _refit(self) -> None:
        """The message shown elided again to the bar's room now: the window was made narrower or wider, or laid
        out at last (a message told while it was being made, as the crash-recovery one is, had the room of a bar
        whose counts were not placed yet: "Recovered c…", QA8 D2). A timed message keeps the time it has left."""
        if not self._message or super().currentMessage() != self._shown:
            return  # none, gone, or a status tip over it
        room = max(self._room(), 0)
        if self.fontMetrics().elidedText(self._message, Qt.TextElideMode.ElideRight, room) == self._shown:
            return
        if self._kept:
            self._show(self._kept)
        elif (left := round((self._until - time.monotonic()) * 1000)) > 0:
            self._show(self._message, left)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # a permanent widget shown, hidden or resized
            self._refit()
        return handled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A status tip's end (the pointer left a toolbar button or a menu item) brings the kept message back: Qt
        clears the bar, and an added file's warning was gone for good the first time the pointer crossed the
        toolbar."""
        if event.type() == QEvent.Type.StatusTip and self._kept and not event.tip():  # type: ignore[attr-defined]
            self._show(self._kept)
            return True
        return super().eventFilter(watched, event)

    def fits(self, text: str) -> bool:
        """Whether text is read whole in the bar, left of its permanent widgets (else a box says it)."""
        return self.fontMetrics().horizontalAdvance(text) <= self._room()

    def _room(self) -> int:
        """The width left of the permanent widgets for a message."""
        grip = self.findChild(QSizeGrip)
        widgets = [w for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible() and w is not grip]
        return min((w.x() for w in widgets), default=self.width()) - 12  # the bar's margins around the message

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the first count waits for the window's first paint (see show_words)
            self._painted = True
            self.page_count.request(self.document.briefing, self.document.template)

    def briefing_shown(self) -> None:
        """Another briefing is shown: the last one's news goes. One whose template is not installed says so, until
        the next message, and a screen reader hears it: its page count and exports use a stand-in layout."""
        from briefing.core.messages import named
        from briefing.gui.catalog import stand_in_notice
        from briefing.gui.i18n import shown_error

        self.clearMessage()
        notice = stand_in_notice(self.document.template)
        if notice is not None:
            name = self.document.display_name(QCoreApplication.translate("MainWindow", "Untitled briefing"))
            self.tell(shown_error(named(name, notice)))

    def tell(self, text: str, timeout: int = 0) -> None:
        """Tell the user: the status bar shows text (for timeout ms; 0: until replaced) and a screen reader says it
        (filing and its refusals, exports, saves). An empty text clears the message and says nothing."""
        self.showMessage(text, timeout)
        announce(self, text)

    def withdraw(self, text: str) -> None:
        """A message that is no longer true leaves the bar, if it is still there."""
        if text and self.currentMessage() == text:
            self.clearMessage()

    def show_words(self, words: int) -> None:
        """The note changed (or another was loaded): its words now, its pages once counted."""
        self.words.show_words(words)
        # Not before the window is first painted: the first count loads ReportLab and the fonts on a worker, which
        # holds the interpreter lock long enough to make the window show some 40 ms later.
        if self._painted:
            self.page_count.request(self.document.briefing, self.document.template)

    def show_read_only(self, read_only: bool, owner: str, cannot_save: str = "") -> None:
        """read_only: another Briefing holds the file (owner). cannot_save: the file's name while its folder refuses
        writing (a colleague's): the note stays editable, and the same lasting notice says where the work can go."""
        told = self.read_only.isVisibleTo(self) and self.read_only.toolTip()
        self.read_only.setVisible(read_only or bool(cannot_save))
        if cannot_save:
            text = self.tr("%1 cannot be saved where it is (no permission to write there): save your work under "
                           "another name (Save As)")  # fmt: skip
            self._read_only_text, self._read_only_short = text.replace("%1", cannot_save), self.tr("Cannot be saved")
        else:
            self._read_only_text = self.tr("Read-only: open by %1").replace("%1", owner or "?")
            self._read_only_short = self.tr("Read-only")
        self.read_only.setToolTip(self._read_only_text)
        if cannot_save and told != self._read_only_text:
            announce(self, self._read_only_text)  # a screen reader hears it at open, as a sighted analyst sees it
        self._fit_read_only(self.currentMessage())

    def _fit_read_only(self, message: str) -> None:
        """While a message is shown, the read-only notice says only "Read-only" (its whole text in its tooltip), so
        the message beside it is read to its end ("…Save As makes a copy you can change") rather than cut."""
        self.read_only.setText(self._read_only_short if message else self._read_only_text)

    def restyle(self) -> None:
        """After the palette changed: the warning colours again, from the new palette."""
        for label in (self.pages, self.read_only):
            label.setProperty("warn", None)  # so warn() colours them again
        warn(self.read_only, True)

    def add_widgets(self, *widgets: QWidget) -> None:
        """Permanent widgets made after start-up, left of the word and page counts (QStatusBar can only insert by
        an index it does not tell, so the counts step aside and come back)."""
        counts = (self.words, self.pages)
        for label in counts:
            self.removeWidget(label)  # this hides them
        for widget in (*widgets, *counts):
            self.addPermanentWidget(widget)  # a widget hidden on purpose stays hidden
        for label in counts:
            label.show()

    # --- imports -------------------------------------------------------------------------------------

    def follow_imports(self, importer: ImportController, cancel: QAction) -> None:
        """The progress label, Cancel button and the timer that shows them with the bar; made with the importer."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QStyle, QToolButton

        self._importer = importer
        self.import_label = QLabel(self)
        self.import_label.setObjectName("importProgressLabel")
        self.import_label.hide()
        cancel.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton))
        self.cancel_import_button: QToolButton = QToolButton(self)
        self.cancel_import_button.setObjectName("cancelImportButton")
        self.cancel_import_button.setDefaultAction(cancel)
        self.cancel_import_button.setAutoRaise(True)
        self.cancel_import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_import_button.setMaximumHeight(self.progress.sizeHint().height())  # the bar keeps its height
        self.cancel_import_button.hide()
        self.removeWidget(self.progress)  # it comes back between its label and Cancel
        self.add_widgets(self.import_label, self.progress, self.cancel_import_button)
        self._import_timer: QTimer = QTimer(self, singleShot=True, interval=self.SHOW_PROGRESS_AFTER_MS)
        self._import_timer.timeout.connect(lambda: self._show_import_progress(bool(importer.jobs)))
        importer.busyChanged.connect(self._import_busy)
        importer.progressChanged.connect(self._import_progress)

    def _import_busy(self, running: int) -> None:
        if running:
            if not self.progress.isVisible() and not self._import_timer.isActive():
                self._import_timer.start()
            self._import_progress()
        else:
            self._import_timer.stop()
            self._show_import_progress(False)
            self.clearMessage()

    def _show_import_progress(self, visible: bool) -> None:
        for widget in (self.import_label, self.progress, self.cancel_import_button):
            widget.setVisible(visible)
        if visible:
            self.clearMessage()  # the label says it now
            self._import_progress()

    def _import_progress(self) -> None:
        """Show the oldest import that reports progress: "Importing report.pdf — page 40 of 120"."""
        assert self._importer is not None
        jobs = self._importer.jobs
        if not jobs:
            return
        from briefing.importers import PAGED_SUFFIXES  # the importers load with the first import, not at start-up

        job = next((j for j in jobs if j.total), jobs[0])
        name = job.request.name
        if job.total and job.request.path is not None and job.request.path.suffix.lower() in PAGED_SUFFIXES:
            page = str(min(job.done + 1, job.total))  # the page being read
            text = self.tr("Importing %1 — page %2 of %3").replace("%1", name)
            text = text.replace("%2", page).replace("%3", str(job.total))
        else:
            text = self.tr("Importing %1…").replace("%1", name)
        if len(jobs) > 1:
            text += self.tr(" (and %n more)", "", len(jobs) - 1)
        if job.total:
            self.progress.setRange(0, job.total)
            self.progress.setValue(job.done)
        else:
            self.progress.setRange(0, 0)  # busy until the importer says how far it is
        self.import_label.setText(text)
        self.progress.setToolTip(text)
        if not self.progress.isVisible():
            self.showMessage(text)

    # --- exports -------------------------------------------------------------------------------------

    def follow_exports(self, exporter: ExportController) -> None:
        """The export's progress bar and messages; made with the exporter."""
        self._exporter = exporter
        self.export_progress = QProgressBar(self)
        self.export_progress.setObjectName("exportProgress")
        self.export_progress.setMaximumWidth(120)
        self.export_progress.setMaximumHeight(self.progress.sizeHint().height())
        self.export_progress.setAccessibleName(self.tr("Export in progress"))
        self.export_progress.hide()
        self.add_widgets(self.export_progress)
        exporter.progress.connect(lambda _target, done: self.export_progress.setValue(round(done * 100)))
        exporter.busyChanged.connect(self._export_busy)
        exporter.exported.connect(self._exported)

    def _exported(self, target: Path) -> None:
        """Said after an export; its warnings (text a PDF prints without its vowel marks) stay shown until
        the next message, and are read out with it."""
        assert self._exporter is not None
        text = self.tr("Exported %1").replace("%1", target.name) + self.page_count.over_budget_note()
        warnings = self._exporter.warnings
        self.tell(" — ".join([text, *warnings]), 0 if warnings else 8000)

    def _export_busy(self, running: int) -> None:
        from PySide6.QtCore import QTimer

        assert self._exporter is not None
        exporter, bar = self._exporter, self.export_progress
        if running:
            bar.setValue(0)
            text = self.tr("Exporting %1…").replace("%1", exporter.targets[0].name)
            bar.setToolTip(text)
            self.showMessage(text)
            # like an import's, the bar is for an export that takes more than a moment (a DOCX takes 20 ms)
            QTimer.singleShot(self.SHOW_PROGRESS_AFTER_MS, bar, lambda: bar.setVisible(bool(exporter.targets)))
        else:
            bar.hide()
            self.clearMessage()
