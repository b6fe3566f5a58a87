"""The status bar's exact page count: counted on a worker after changes pause, the latest note's shown."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtWidgets import QLabel

from briefing.core.model import Briefing
from briefing.core.templates import Template, load_catalog
from briefing.export import pages
from briefing.gui.page_count import PageCountWatcher
from tests.export.test_pdf_pages import long_note


@pytest.fixture(scope="module")
def gc_template() -> Template:
    return load_catalog().get("gc-briefing-note")


@pytest.fixture
def watcher(qtbot) -> PageCountWatcher:
    label = QLabel()
    qtbot.addWidget(label)
    result = PageCountWatcher(label, delay_ms=50)
    yield result
    result.wait()


def test_the_count_is_shown_with_where_the_budget_is_crossed(qtbot, watcher, gc_template: Template) -> None:
    briefing = long_note(gc_template, 1)
    with qtbot.waitSignal(watcher.counted, timeout=10_000) as blocker:
        watcher.request(briefing, gc_template)
    assert blocker.args[0] == pages.count_pages(briefing, gc_template)
    assert watcher.label.text() == "3 pages, 2 at most — Recommendation starts on page 3"
    assert watcher.label.property("warn") is True
    assert watcher.over_budget_note() == " (over budget: 3 pages, 2 at most — Recommendation starts on page 3)"
    for section in briefing.sections[4:]:
        section.items.clear()
    with qtbot.waitSignal(watcher.counted, timeout=10_000):
        watcher.request(briefing, gc_template)
    assert watcher.label.text() == "2 pages, 2 at most" and watcher.label.property("warn") is False
    assert watcher.over_budget_note() == ""
    # QA10 D1: a section running past the budget onto page 3, the next starting on page 4, is the one named
    starts = (pages.SectionStart("purpose", "Purpose", 1), pages.SectionStart("summary", "Summary", 4))
    assert watcher.text(pages.PageCount(29, 2, starts)) == "29 pages, 2 at most — Purpose runs onto page 3"


def test_counts_run_off_the_gui_thread_and_the_latest_note_wins(
    qtbot, watcher, gc_template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    counted: list[int] = []
    real = pages.count_pages

    def spy(briefing: Briefing, template: Template) -> pages.PageCount:
        threads.append(threading.current_thread())
        return real(briefing, template)

    monkeypatch.setattr(pages, "count_pages", spy)
    watcher.counted.connect(lambda count: counted.append(count.pages))
    with qtbot.waitSignal(watcher.counted, timeout=10_000):
        watcher.request(long_note(gc_template, 1), gc_template)  # the first count starts at once
    long = long_note(gc_template, 20)
    for rounds in (2, 3, 4):  # a burst of changes while nothing is running: only the last is counted
        watcher.request(long_note(gc_template, rounds), gc_template)
    watcher.request(long, gc_template)
    qtbot.waitUntil(lambda: len(counted) == 2, timeout=10_000)
    assert counted == [3, 37] and len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)
    # a change while a count runs: that count is dropped, the new note counted next
    watcher.request(long, gc_template)
    qtbot.waitUntil(lambda: watcher._running, timeout=5_000)
    watcher.request(long_note(gc_template, 1), gc_template)
    qtbot.waitUntil(lambda: len(counted) == 3, timeout=10_000)
    qtbot.wait(200)
    assert counted == [3, 37, 3] and watcher.label.text().startswith("3 pages, 2 at most")


def test_a_note_that_cannot_be_laid_out_says_so(qtbot, watcher, gc_template: Template) -> None:
    """The label itself says why, briefly: it said "? pages", the reason only in its tooltip, which a keyboard
    cannot reach (qa4win 14)."""
    briefing = long_note(gc_template, 1)
    briefing.sources[0] = dataclasses.replace(briefing.sources[0], text="changed outside Briefing")
    unmatched = len(list(briefing.excerpts()))  # all quote the one source
    watcher.request(briefing, gc_template)
    qtbot.waitUntil(lambda: watcher.label.text().startswith("Pages not counted"), timeout=10_000)
    assert watcher.label.text() == f"Pages not counted: {unmatched} excerpts to review"
    tip = watcher.label.toolTip()
    assert tip.startswith("The pages cannot be counted: ") and "no longer match" in tip
    assert tip.endswith("or file the passages again.") and "briefing check" not in tip  # points to the cards
    assert watcher.count is None and watcher.over_budget_note() == ""


def test_the_window_counts_and_an_export_over_budget_says_so(qtbot, prompts, tmp_path, gc_template) -> None:
    from briefing.gui.main_window import MainWindow

    window = MainWindow(long_note(gc_template, 1))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.status.pages.text() == "3 pages, 2 at most — Recommendation starts on page 3", timeout=10_000
    )
    prompts.save_as.append(str(tmp_path / "long.docx"))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_docx").trigger()
    assert (tmp_path / "long.docx").is_file()  # written all the same
    assert window.statusBar().currentMessage() == (
        "Exported long.docx (over budget: 3 pages, 2 at most — Recommendation starts on page 3)"
    )
    window.status.page_count.wait()


def test_any_other_reason_is_said_in_the_label_cut_short(qtbot, watcher, gc_template, monkeypatch) -> None:
    """A note the PDF cannot lay out at all (Korean text, a page too small): the label gives the start of the reason,
    whole words, the tooltip all of it."""
    from briefing.export.errors import ExportError

    reason = "the PDF fonts cannot show some of the text: Korean (한국어); export to DOCX instead, which keeps all text"

    def fail(*_args):
        raise ExportError(None, reason)

    monkeypatch.setattr(pages, "count_pages", fail)
    watcher.request(long_note(gc_template, 1), gc_template)
    qtbot.waitUntil(lambda: watcher.label.text().startswith("Pages not counted"), timeout=10_000)
    assert watcher.label.text() == "Pages not counted: the PDF fonts cannot show some of the text…"
    assert watcher.label.toolTip() == f"The pages cannot be counted: {reason}"


def test_the_counts_follow_a_note_while_it_is_being_written(qtbot, gc_template) -> None:
    """QA10 D5: the words, the section's budget and the page count stayed at the old figures until the note was
    left; the analyst writing the Summary must see the note go over its pages while writing it."""
    from PySide6.QtCore import Qt

    from briefing.gui.main_window import MainWindow

    briefing = long_note(gc_template, 1)
    for section in briefing.sections[4:]:
        section.items.clear()  # 2 pages: within the budget
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    status = window.status
    qtbot.waitUntil(lambda: status.pages.text() == "2 pages, 2 at most", timeout=10_000)
    words = window.briefing_view.total_words()
    assert status.words.text() == f"{words} words"
    window.briefing_view.current_section = "summary"
    summary = window.briefing_view.sections["summary"]
    before = summary.words
    qtbot.keyClick(window.briefing_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = window.briefing_view.card(briefing.section("summary").items[-1].id)
    assert card is not None and card.editor is not None
    sentence = "Officials will continue to monitor the situation closely and report back. "  # 11 words
    card.editor.insertPlainText(sentence * 36)  # pasted
    qtbot.keyClicks(card.editor, "Then **typed**")  # the markup is not a word
    typed = 11 * 36 + 2
    qtbot.waitUntil(lambda: status.words.text() == f"{words + typed} words", timeout=5_000)
    over = before + typed - 120
    assert summary.words == before + typed and summary.count.text() == f"{before + typed} / 120 words, {over} over"
    qtbot.waitUntil(lambda: status.pages.text().startswith("3 pages, 2 at most"), timeout=10_000)
    assert card.editor is not None and card.editor.hasFocus()  # still being written: nothing was committed
    assert briefing.section("summary").items[-1].text == "" and window.document.undo_stack.count() == 1
    card.editor.clear()  # all taken out again, still in the editor
    qtbot.waitUntil(lambda: status.pages.text() == "2 pages, 2 at most", timeout=10_000)
    assert status.words.text() == f"{words} words" and summary.words == before
    window.status.page_count.wait()
