"""Adding sources off the GUI thread (files, drops, paste, passwords), editing them, and find."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from briefing.gui import imports
from briefing.importers import PasswordRequired


def test_import_a_file_runs_off_the_gui_thread(window, tmp_path: Path, qtbot, monkeypatch) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("Memo on sanctions\n\nThe embassy will not reopen this year.\n", encoding="utf-8")
    threads = []
    real = imports.run_import

    def spy(request, progress=None):
        import threading

        threads.append(threading.current_thread() is threading.main_thread())
        return real(request, progress)

    monkeypatch.setattr(imports, "run_import", spy)
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        window.import_files([path])
        assert not window.status.progress.isVisibleTo(window)  # the bar is for imports that take more than a moment
        assert window.statusBar().currentMessage() == "Importing memo.txt…"
    assert threads == [False]
    sources = window.document.briefing.sources
    assert len(sources) == 3 and sources[-1].meta.file_name == "memo.txt"
    assert window.source_view.source_id == sources[-1].id
    assert "The embassy will not reopen" in window.source_view.toPlainText()
    assert window.action("undo").text().startswith("&Undo Add source")
    qtbot.waitUntil(lambda: not window.status.progress.isVisible())
    # The worker also compressed the new source for the project file, so saving on the GUI thread need not.
    packed = window.document.parts.entries.get(sources[-1].text.encode("utf-8"))
    assert packed is not None and gzip.decompress(packed).decode("utf-8") == sources[-1].text


def test_import_error_names_the_file_and_problem(window, tmp_path: Path, prompts, qtbot) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with qtbot.waitSignal(window.sources.importer.failed, timeout=10_000):
        window.import_files([path])
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Cannot add source")
    assert "empty.txt" in text and "empty" in text.split(":", 1)[1]
    assert len(window.document.briefing.sources) == 2


def test_a_batch_is_added_in_the_order_given_and_its_failures_told_once(window, tmp_path: Path, prompts, qtbot) -> None:
    from tests.importers.test_progress import write_pdf

    slow = write_pdf(tmp_path / "long report.pdf", 60)  # finishes after the small files that follow it
    small = tmp_path / "memo.txt"
    small.write_text("A short memo.\n", encoding="utf-8")
    bad = [tmp_path / "empty.txt", tmp_path / "blank.md"]
    for path in bad:
        path.write_bytes(b"")
    window.import_files([bad[0], slow, small, bad[1]])
    qtbot.waitUntil(lambda: window.sources.importer.running == 0, timeout=30_000)
    assert [s.meta.file_name for s in window.document.briefing.sources[2:]] == ["long report.pdf", "memo.txt"]
    warnings = [text for kind, title, text in prompts.calls if title == "Cannot add source"]
    assert len(warnings) == 1 and "empty.txt" in warnings[0] and "blank.md" in warnings[0]


def test_encrypted_file_prompts_for_password(window, tmp_path: Path, qtbot, monkeypatch) -> None:
    from briefing.core.model import Source, SourceMeta

    asked = []

    def fake(request, progress=None):
        if request.password != "s3cret":
            raise PasswordRequired(request.path, "is encrypted", wrong_password=request.password is not None)
        return Source(id="src-pdf", text="Decrypted text.", meta=SourceMeta(title="Locked report")), [], []

    def get_text(parent, title, label, echo, *args, **kwargs):
        asked.append(label)
        return ("wrong" if len(asked) == 1 else "s3cret", True)

    monkeypatch.setattr(imports, "run_import", fake)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        window.import_files([tmp_path / "report.pdf"])
    assert "report.pdf is protected by a password" in asked[0]
    assert "did not open report.pdf" in asked[1]
    assert window.document.briefing.sources[-1].meta.title == "Locked report"


def test_dropping_source_files_imports_them(window, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("Dropped article\n\nText of the dropped article.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        drop = QDropEvent(
            QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(window, drop)
    assert window.document.briefing.sources[-1].meta.file_name == "dropped.txt"


def test_paste_makes_a_new_source_from_the_clipboard(window, qtbot, prompts) -> None:
    mime = QMimeData()
    mime.setText("Pasted passage about the embassy.")
    mime.setHtml("<p>Pasted passage about the <b>embassy</b> in Tehran.</p>")
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignals([window.sources.importer.busyChanged], timeout=10_000):
        qtbot.keyClick(
            window.source_view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    qtbot.waitUntil(lambda: window.sources.importer.running == 0, timeout=10_000)
    qtbot.wait(50)
    assert len(window.document.briefing.sources) == 3
    pasted = window.document.briefing.sources[-1]
    assert pasted.text == "Pasted passage about the embassy in Tehran."  # the HTML, preferred to the plain text
    assert pasted.meta.format == "paste"
    assert window.source_pane.current_source_id() == pasted.id  # shown at once
    # its line in the list says what it is and when it was pasted, not the format code "paste" (QA8 D13a)
    from PySide6.QtCore import QDate

    today = QDate.currentDate().toString(Qt.DateFormat.ISODate)
    assert window.source_pane.list.currentItem().data(Qt.ItemDataRole.AccessibleDescriptionRole) == (
        f"Pasted text · {today}"
    )
    assert not prompts.calls  # no message box


def test_empty_clipboard_says_so(window, prompts) -> None:
    QApplication.clipboard().setMimeData(QMimeData())
    window.action("paste_source").trigger()
    assert prompts.calls[-1][:2] == ("information", "Paste as New Source")


def test_rename_and_remove_source_with_undo(window, prompts, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("CBC News article", True)))
    window.source_pane.select_source("src-a")
    window.action("rename_source").trigger()
    assert window.document.briefing.source("src-a").meta.title == "CBC News article"
    assert window.action("undo").text() == "&Undo Rename source Canada confirms talks"  # named as it was
    assert window.source_pane.list.currentItem().text() == "CBC News article"
    assert "CBC News article" in window.source_pane.meta.text()
    text = window.document.briefing.source("src-a").text
    start = text.index("cut ties")
    window.source_view.select_offsets(start, start + 8)
    window.notes.file_into("background")
    prompts.answers["Remove source"] = __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes
    window.action("remove_source").trigger()
    assert [s.id for s in window.document.briefing.sources] == ["src-b"]
    assert window.document.briefing.section("background").items == []
    assert window.source_pane.current_source_id() == "src-b"
    window.document.undo_stack.undo()
    assert [s.id for s in window.document.briefing.sources] == ["src-a", "src-b"]
    assert window.briefing_view.sections["background"].widgets
    # the source the Undo brought back is the one selected and shown, not the one shown before (QA8 D13h)
    assert window.source_pane.current_source_id() == window.source_view.source_id == "src-a"
    assert [s.section_heading for s in window.source_view.highlighter.spans_at(start + 1)] == ["Background"]


def test_find_in_source_and_across_sources(window, qtbot) -> None:
    window.source_pane.select_source("src-a")
    qtbot.keyClick(window.source_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.source_pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "tehran")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.source_view.textCursor().selectedText() == "Tehran"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()

    window.action("find_all").trigger()
    bar.field.setText("talks")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.results.count() == 3  # twice in the first source, once in the second
    labels = [bar.results.item(i).text() for i in range(bar.results.count())]
    assert labels[-1].startswith("Iran responds:")
    bar.results.itemActivated.emit(bar.results.item(2))
    assert window.source_view.source_id == "src-b"
    assert window.source_view.textCursor().selectedText() == "talks"


def test_shift_enter_in_the_find_field_goes_to_the_previous_match(window, qtbot) -> None:
    window.source_pane.select_source("src-a")
    window.action("find").trigger()
    bar = window.source_pane.find_bar
    bar.field.setText("the")
    text = window.document.briefing.source("src-a").text.casefold()
    matches = [i for i in range(len(text)) if text.startswith("the", i)]
    for expected in matches[:3]:
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        assert window.source_view.textCursor().selectionStart() == expected
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.source_view.textCursor().selectionStart() == matches[1]  # one back, not forward then back


# Letters that casefold() or lower() turn into two (İ, ß, ﬁ), a final sigma and a combining mark, before the matches.
TURKISH = [
    "İstanbul ve İzmir: Avrupa'da Straße, ﬁnans, ΟΔΥΣΣΕΥΣ ve Odysseus, be\u0301ta.",
    "İkinci paragraf: AVRUPA ile İlişkiler ve avrupa.",
]


def add_turkish_source(window):
    from briefing.core.operations import AddSource

    from .conftest import make_source

    window.document.run(AddSource(make_source("src-tr", TURKISH, "Türkiye ve Avrupa")))
    return window.document.briefing.source("src-tr").text


def test_a_hit_across_sources_selects_and_files_the_match_itself(window, qtbot) -> None:
    """Find all used to search a lower-cased copy of the text, where each İ is two characters: every hit after one
    selected (and Ctrl+1 filed) a passage shifted from the match."""
    import re

    from briefing.gui.find import find_all

    text = add_turkish_source(window)
    expected = [m.span() for m in re.finditer("avrupa", text, re.IGNORECASE)]
    assert len(expected) == 3
    assert [(h.start, h.end) for h in find_all(window.document.briefing.sources, "Avrupa")] == expected
    for needle, found in (
        ("istanbul", "İstanbul"),
        ("STRAẞE", "Straße"),
        ("ﬁnans", "ﬁnans"),
        ("οδυσσευς", "ΟΔΥΣΣΕΥΣ"),
        ("odysseus", "Odysseus"),
        ("BE\u0301TA", "b\u00e9ta"),  # typed decomposed; the source is NFC
    ):
        hits = find_all(window.document.briefing.sources, needle)
        assert [text[h.start : h.end] for h in hits] == [found], needle
    window.action("find_all").trigger()
    bar = window.source_pane.find_bar
    qtbot.keyClicks(bar.field, "Avrupa")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.results.count() == 3
    bar.results.setFocus()
    qtbot.keyClick(bar.results, Qt.Key.Key_Return)  # the first hit
    assert window.source_view.source_id == "src-tr"
    assert window.source_view.textCursor().selectedText() == "Avrupa"
    window.source_view.setFocus()
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert [i.anchor.exact for i in window.document.briefing.section("background").items] == ["Avrupa"]
    bar.results.itemActivated.emit(bar.results.item(2))  # in the second paragraph, after three more İ
    assert window.source_view.selection_offsets() == expected[2]
    assert window.source_view.textCursor().selectedText() == "avrupa"


def test_find_in_source_finds_what_find_in_all_sources_finds(window, qtbot) -> None:
    """One notion of a match: Qt's own find compared UTF-16 code units folded one by one, so it missed "İstanbul"
    for "istanbul", which Find in All Sources finds."""
    from briefing.gui.find import find_all

    text = add_turkish_source(window)
    window.source_pane.select_source("src-tr")
    window.action("find").trigger()
    bar = window.source_pane.find_bar
    bar.field.setText("istanbul")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.source_view.textCursor().selectedText() == "İstanbul"
    bar.field.setText("avrupa")
    hits = [(h.start, h.end) for h in find_all(window.document.briefing.sources, "avrupa")]
    seen = []
    for _ in range(4):  # and round again to the first
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        seen.append(window.source_view.selection_offsets())
    assert seen == [*hits, hits[0]]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # back past the start: the last
    assert window.source_view.selection_offsets() == hits[-1]
    assert [text[s:e] for s, e in hits] == ["Avrupa", "AVRUPA", "avrupa"]
    bar.field.setText("Odysseia")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.status.text() == "Not found" and window.source_view.selection_offsets() == hits[-1]


def test_hits_across_sources_follow_the_sources(window, qtbot, prompts) -> None:
    """A hit in a source that has gone must not select the same offsets in whatever source is showing."""
    from PySide6.QtWidgets import QMessageBox

    window.action("find_all").trigger()
    bar = window.source_pane.find_bar
    bar.field.setText("Iran welcomed")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    stale = bar.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert bar.results.count() == 1
    window.source_pane.select_source("src-b")
    prompts.answers["Remove source"] = QMessageBox.StandardButton.Yes
    window.action("remove_source").trigger()
    assert [s.id for s in window.document.briefing.sources] == ["src-a"]
    assert bar.results.count() == 0  # searched again: no longer anywhere
    window.sources.show_hit(stale)  # a hit held from before (an activation already on its way)
    assert window.source_view.source_id == "src-a" and window.source_view.selection_offsets() is None
    window.document.undo_stack.undo()
    assert bar.results.count() == 1  # the source is back, and so is its hit
    window.files.show_briefing(window.document.briefing, None)  # another briefing: nothing stale stays
    assert bar.results.count() == 0 and bar.status.text() == ""


@pytest.mark.parametrize("name", ["sourceView", "briefingView", "sourceList", "classificationCombo", "titleBlock"])
def test_main_widgets_have_stable_names_and_accessible_names(window, name: str) -> None:
    from PySide6.QtWidgets import QWidget

    widget = window.findChild(QWidget, name)
    assert widget is not None
    assert widget.accessibleName()


def test_every_action_is_named(window) -> None:
    from PySide6.QtGui import QAction

    for action in window.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None or not action.text():
            continue
        if action.parent() is not window:
            continue  # Qt's own (line-edit, menu) actions
        assert action.objectName().startswith("action_"), action.text()


def test_source_list_context_menu_offers_source_commands(window) -> None:
    names = [a.objectName() for a in window.source_pane.list.actions()]
    assert names == [
        "action_rename_source",
        "action_source_details",
        "action_update_source",
        "action_save_attachment",
        "action_remove_source",
    ]


def test_source_details_refuse_a_blank_title_and_a_date_citations_cannot_use(window, qtbot) -> None:
    from briefing.gui.dialogs import SourceDetailsDialog

    dialog = SourceDetailsDialog(window.document.briefing.source("src-a"), window)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, value, expected in (("title", "  ", "needs a title"), ("published", "16 April 2016", "YYYY-MM-DD")):
        previous = dialog.fields[name].text()
        dialog.fields[name].setText(value)
        dialog.accept()
        assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted  # still open, saying why
        assert expected in dialog.problem.text() and dialog.focusWidget() is dialog.fields[name]
        dialog.fields[name].setText(previous)
    dialog.fields["published"].setText("2016-04")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.changed_values() == {"published": "2016-04"}


def test_the_source_pane_keeps_its_width_and_its_rows_follow_it(window, qtbot) -> None:
    window.resize(1400, 900)
    window.document.briefing.source("src-a").meta.url = "https://example.com/story?" + "utm=" * 120
    window.source_pane.show_current("src-a")
    qtbot.wait(10)
    assert window.width() == 1400 and window.splitter.sizes()[1] > 600  # the note keeps its room
    assert "…" in window.source_pane.meta.text() and "utm=" * 120 in window.source_pane.meta.text()  # whole link
    window.splitter.setSizes([300, 1100])
    qtbot.wait(10)
    rows = window.source_pane.list
    assert rows.visualItemRect(rows.item(0)).width() == rows.viewport().width()
    assert rows.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("width", [900, 1000, 1400, 2400])
def test_every_filing_button_is_in_view_at_any_window_width(window, qtbot, width: int) -> None:
    from briefing.core.templates import load_catalog, new_briefing

    for briefing in (window.document.briefing, new_briefing(load_catalog().get("gc-briefing-note"))):
        window.files.show_briefing(briefing, None)
        window.resize(width, 800)
        qtbot.wait(10)
        for action in window.actions_.section_actions:
            button = window.section_toolbar.widgetForAction(action)
            assert button is not None and button.isVisible(), (width, action.text())


def test_tab_goes_through_the_source_pane_then_the_note(window, qtbot) -> None:
    window.activateWindow()
    window.source_pane.list.setFocus()
    seen = []
    for _ in range(7):
        widget = QApplication.focusWidget()
        seen.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == [
        "sourceList",
        "button_add_source",
        "button_remove_source",
        "button_source_details",
        "sourceView",
        "classificationCombo",
        "briefingView",
    ]


def test_arabic_and_hebrew_are_found_as_typed_without_their_marks() -> None:
    from briefing.gui.find import find_text

    text = "إنه يوقّعها أحيانًا، ويُشار إلى المغرب. שָׁלוֹם עוֹלָם"
    for needle, found in (
        ("يوقعها", "يوقّعها"),  # shadda in the source
        ("يشار", "يُشار"),  # damma
        ("احيانا", "أحيانًا"),  # a bare alef for أ, and tanwin
        ("المغـرب", "المغرب"),  # tatweel in the needle
        ("الى", "إلى"),
        ("שלום", "שָׁלוֹם"),  # Hebrew points
    ):
        assert [text[start:end] for start, end in find_text(text, needle)] == [found], needle


def test_a_right_to_left_source_is_set_on_the_right(window) -> None:
    from PySide6.QtCore import Qt

    from briefing.core.operations import AddSource

    from .conftest import make_source

    arabic = make_source("src-ar", ["المحادثات بين كندا وإيران مستمرة منذ عام 2016."], "محادثات")
    arabic.meta.direction = "rtl"
    window.document.run(AddSource(arabic))
    window.source_pane.select_source("src-ar")
    assert window.source_view.document().defaultTextOption().alignment() == Qt.AlignmentFlag.AlignRight
    window.source_pane.select_source("src-a")  # and an English one on the left again
    assert window.source_view.document().defaultTextOption().alignment() == Qt.AlignmentFlag.AlignLeft


def test_find_ignores_accents_and_selects_the_accented_passage(window, qtbot) -> None:
    """Find was accent-sensitive: "evidence scientifique" said not found in a French text with "évidence
    scientifique" twice. Browsers ignore accents by default; the match is the source's own letters, offsets exact
    after letters that casefold to two (İ). (A source's text is NFC: the decomposed é below is stored composed.)"""
    from briefing.core.operations import AddSource
    from briefing.gui.find import find_all

    from .conftest import make_source

    paragraphs = [
        "İl y a une évidence scientifique : la réalité.",
        "Une autre e\u0301vidence scientifique, Ça va, ET LA RÉALITÉ.",
    ]
    window.document.run(AddSource(make_source("src-fr", paragraphs, "Covid-19 et infox")))
    text = window.document.briefing.source("src-fr").text
    sources = window.document.briefing.sources
    for needle, found in (
        ("evidence scientifique", ["évidence scientifique"] * 2),
        ("realite", ["réalité", "RÉALITÉ"]),
        ("Réalité", ["réalité", "RÉALITÉ"]),
        ("ca va", ["Ça va"]),
    ):
        assert [text[h.start : h.end] for h in find_all(sources, needle)] == found, needle
    window.source_pane.select_source("src-fr")
    window.action("find").trigger()
    bar = window.source_pane.find_bar
    qtbot.keyClicks(bar.field, "evidence scientifique")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.source_view.textCursor().selectedText() == "évidence scientifique"
    first = window.source_view.selection_offsets()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.source_view.textCursor().selectedText() == "évidence scientifique"
    assert [first, window.source_view.selection_offsets()] == [
        (h.start, h.end) for h in find_all(sources, "évidence scientifique")
    ]


def test_a_file_already_added_is_asked_about_and_the_one_there_shown(window, tmp_path: Path, qtbot, prompts) -> None:
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "memo.txt"
    path.write_text("Memo on sanctions\n\nThe embassy will not reopen this year.\n", encoding="utf-8")
    copy = tmp_path / "memo (copy).txt"
    copy.write_bytes(path.read_bytes())
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        window.import_files([path])
    first = window.document.briefing.sources[-1]
    window.source_pane.select_source("src-a")
    undo_count = window.document.undo_stack.count()
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        window.import_files([copy])  # the same content under another name
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("question", "Source Already Added")
    assert text == "memo (copy).txt is already a source of this briefing: Memo on sanctions. Add it again?"
    assert len(window.document.briefing.sources) == 3 and window.document.undo_stack.count() == undo_count
    assert window.source_pane.current_source_id() == first.id  # No (the default): the one there is shown
    assert window.statusBar().currentMessage() == "Not added again: Memo on sanctions is selected"
    prompts.answers["Source Already Added"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.sources.importer.imported, timeout=10_000):
        window.import_files([copy])
    assert len(window.document.briefing.sources) == 4  # the analyst meant it


def test_find_takes_a_typed_apostrophe_or_quote_for_the_typographic_ones() -> None:
    # QA3 5: "country's missions" found nothing in "country’s missions" (French pages use ’ almost everywhere)
    from briefing.gui.find import find_text

    text = "the country’s missions; l‘avis ; “talks” and 'plain' text"
    assert list(find_text(text, "country's missions")) == [(4, 22)]
    assert list(find_text(text, "l'avis")) == [(24, 30)]
    assert list(find_text(text, '"talks"')) == [(33, 40)]
    assert list(find_text(text, "’plain’")) == [(45, 52)]  # and the other way round


def test_source_details_say_an_impossible_date_does_not_exist_and_show_a_timestamp_as_its_day(window, qtbot) -> None:
    """QA8 D14: "2026-11-31", in the right form, was refused as if its form were wrong; an e-mail's sent date
    showed as "2026-11-30T11:00:00-05:00" under a YYYY-MM-DD placeholder."""
    from briefing.gui.dialogs import SourceDetailsDialog

    source = window.document.briefing.source("src-a")
    source.meta.published = "2026-11-30T11:00:00-05:00"
    dialog = SourceDetailsDialog(source, window)
    qtbot.addWidget(dialog)
    dialog.show()
    date = dialog.fields["published"]
    assert date.text() == "2026-11-30"  # as the placeholder writes it
    assert dialog.changed_values() == {}  # untouched: the timestamp is kept whole
    date.setText("2026-11-31")
    dialog.accept()
    assert (
        dialog.isVisible() and dialog.problem.text() == "The date 2026-11-31 does not exist: November 2026 has 30 days."
    )
    date.setText("2026-12-01")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.changed_values() == {"published": "2026-12-01"}
