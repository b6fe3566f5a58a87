"""Source > Update from File…: imported off the GUI thread, one undo step, a summary, flagged cards resolved."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMenu

from briefing.core.operations import file_excerpt, new_excerpt
from briefing.gui import imports
from tests.gui.conftest import PARAGRAPHS, offsets_of

EDITED = "In 2012, the Harper administration cut ties with Tehran and expelled all Iranian diplomats from Canada."


def file_three(window) -> dict[str, str]:
    """Excerpts of three paragraphs of src-a; their ids by the paragraph's first words."""
    briefing = window.document.briefing
    ids = {}
    for paragraph in PARAGRAPHS[1:4]:
        excerpt = new_excerpt(briefing.source("src-a"), *offsets_of(briefing, "src-a", paragraph))
        window.document.execute(file_excerpt("background", excerpt))
        ids[paragraph.split(",")[0][:12]] = excerpt.id
    return ids


def new_version(tmp_path: Path) -> Path:
    paragraphs = [PARAGRAPHS[0], PARAGRAPHS[1], EDITED, PARAGRAPHS[4]]  # one edited, the next one gone
    path = tmp_path / "talks-v2.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def flag_label(window, item_id: str) -> QLabel | None:
    label = window.briefing_view.card(item_id).findChild(QLabel, "itemFlag")
    return label if label is not None and label.isVisibleTo(window) else None


def test_update_from_file_flags_summarises_and_undoes_in_one_step(window, tmp_path, qtbot, prompts, monkeypatch):
    ids = file_three(window)
    before = window.document.briefing.source("src-a").text
    threads = []
    real = imports.run_import

    def spy(request, progress=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(request, progress)

    monkeypatch.setattr(imports, "run_import", spy)
    path = new_version(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.source_pane.select_source("src-a")
    action = window.action("update_source")
    assert action.isEnabled() and action in window.findChild(QMenu, "menu_source").actions()
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        action.trigger()
    assert threads == [False]

    briefing = window.document.briefing
    source = briefing.source("src-a")
    assert EDITED in source.text and source.meta.file_name == "talks-v2.txt"
    changed, lost, moved = ids["In 2012"], ids["The governme"], ids["The foreign "]
    flags = {e.id: e.flag for _, e in briefing.excerpts()}
    assert flags == {moved: "", changed: "changed", lost: "lost"}
    # The summary, and the shown source is the new version.
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("information", "Source updated")
    assert "1 kept, 0 moved, 1 changed, 1 lost" in text
    assert "Note > Accept Changed Text, or the Menu key" in text  # the keyboard's way too, not only a right-click
    assert window.source_view.toPlainText().count(EDITED) == 1
    # Flagged cards say so; the others do not.
    assert "As filed: “In 2012, the Harper administration cut ties" in flag_label(window, changed).text()
    assert "Not in the new version" in flag_label(window, lost).text()
    assert flag_label(window, moved) is None

    # A lost excerpt's card cites its source but no place in it (its passage is not in this version).
    def cite(item_id: str) -> str:
        return window.briefing_view.card(item_id).findChild(QLabel, "itemCitation").text()

    assert cite(lost) == source.label and cite(changed) == f"{source.label} · para. 3"
    assert window.action("undo").text() == "&Undo Update source Canada confirms talks"

    window.action("undo").trigger()  # the whole update is one step
    assert source.text == before and not any(e.flag for _, e in briefing.excerpts())
    assert flag_label(window, changed) is None and flag_label(window, lost) is None
    assert window.action("undo").text().startswith("&Undo File excerpt")
    window.action("redo").trigger()
    assert {e.id: e.flag for _, e in briefing.excerpts()} == flags


def test_accept_changed_text_from_the_card_menu(window, tmp_path, qtbot, monkeypatch):
    ids = file_three(window)
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        window.updater.start("src-a", new_version(tmp_path))
    changed, lost = ids["In 2012"], ids["The governme"]
    accept = window.action("accept_changed")
    assert accept in window.notes.item_menu().actions()
    window.briefing_view.select_item(lost)
    assert not accept.isEnabled()  # a lost excerpt has no new text to accept
    window.briefing_view.select_item(changed)
    assert accept.isEnabled()
    accept.trigger()
    excerpt = window.document.briefing.find_item(changed)[2]
    assert (excerpt.flag, excerpt.filed, excerpt.anchor.exact) == ("", "", EDITED)
    assert flag_label(window, changed) is None and not accept.isEnabled()
    assert window.action("undo").text() == "&Undo Accept changed text"
    window.briefing_view.select_item(lost)
    window.action("delete_item").trigger()  # ... and the lost one goes the usual way
    assert not any(e.flag for _, e in window.document.briefing.excerpts())


def test_a_file_that_cannot_be_imported_changes_nothing(window, tmp_path, qtbot, prompts):
    file_three(window)
    before = window.document.briefing.source("src-a").text
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.updater.importer.failed, timeout=10_000):
        window.updater.start("src-a", empty)
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Cannot update source")
    assert "empty.txt" in text and "Nothing was changed." in text
    assert window.document.briefing.source("src-a").text == before
    assert not window.sources.importer.running and len(window.document.briefing.sources) == 2


def test_the_updater_works_without_a_window(qtbot, briefing, tmp_path):
    """A controller like the others: a document, the pane and view it reads the selection from, its own actions."""
    from PySide6.QtWidgets import QWidget

    from briefing.gui.actions import Actions
    from briefing.gui.briefing_view import BriefingView
    from briefing.gui.document import BriefingDocument
    from briefing.gui.source_pane import SourcePane
    from briefing.gui.update_source import SourceUpdater

    host = QWidget()
    qtbot.addWidget(host)
    document = BriefingDocument(briefing, None, host)
    pane, view = SourcePane(host), BriefingView(host)
    for shown in (pane, view):
        shown.follow(document)
    from briefing.gui.source_controller import SourceController
    from briefing.gui.status_bar import StatusBar

    actions = Actions(host)
    sources = SourceController(document, pane, StatusBar(document, host), actions, host)
    updater = SourceUpdater(document, pane, view, actions, host, sources)
    messages: list[str] = []
    updater.message.connect(lambda text, _ms: messages.append(text))
    document.reset.emit()
    pane.select_source("src-a")
    assert updater.update_action.isEnabled()
    document.read_only = True
    updater.update_actions()
    assert not updater.update_action.isEnabled()
    document.read_only = False
    updater.update_actions()

    ids = {}
    for paragraph in PARAGRAPHS[1:4]:
        excerpt = new_excerpt(briefing.source("src-a"), *offsets_of(briefing, "src-a", paragraph))
        document.execute(file_excerpt("background", excerpt))
        ids[paragraph.split(",")[0][:12]] = excerpt.id
    with qtbot.waitSignal(updater.updated, timeout=10_000):
        updater.start("src-a", new_version(tmp_path))
    assert messages[0] == "Importing talks-v2.txt…" and messages[-1].startswith("Updated ")
    view.select_item(ids["In 2012"])
    assert updater.accept_action.isEnabled()
    updater.accept_action.trigger()
    assert document.briefing.find_item(ids["In 2012"])[2].anchor.exact == EDITED


def test_reopen_with_encoding_reads_the_kept_file_again(window, tmp_path, qtbot, prompts, monkeypatch):
    """The window said "import again choosing the encoding" but had no way to choose one: Source > Reopen With
    Encoding… reads the source's own file (kept in the briefing) in the encoding named, as add-source --encoding
    does, and replaces the source as an update does: excerpts kept, one undo step."""
    from PySide6.QtWidgets import QInputDialog

    # (a few letters beyond ASCII and no word telling French: the guess is unsure; "La réalité. Une mère…" or a
    # longer French text reads as cp1252 without a doubt)
    text = "Réalité.\n\nMère très âgée.\n"
    path = tmp_path / "infox.txt"
    path.write_bytes(text.encode("cp1252"))
    window.resize(1600, 800)  # the warning fits in the status bar (else a box says it)
    count = len(window.document.briefing.sources)
    window.sources.import_files([path])
    qtbot.waitUntil(lambda: len(window.document.briefing.sources) == count + 1, timeout=10_000)
    source = window.document.briefing.sources[-1]
    guessed = source.meta.encoding
    assert "très" in source.text and guessed
    news = window.status.currentMessage()  # the unsure guess names the way to choose
    assert "would also fit" in news and news.endswith("(Source > Reopen With Encoding…)")
    window.source_pane.select_source(source.id)
    action = window.action("reopen_encoding")
    assert action.isEnabled() and action in window.findChild(QMenu, "menu_source").actions()
    excerpt = new_excerpt(source, *offsets_of(window.document.briefing, source.id, "Réalité"))
    window.document.execute(file_excerpt("background", excerpt))
    asked = []

    def answer(parent, title, label, items, current, editable):
        asked.append((label, list(items)))
        return answer.value, True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(answer))
    answer.value = "cp1250"  # Central European: è is č there, é stays é
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        action.trigger()
    assert asked[0][1][0] == guessed and "cp1250" in asked[0][1] and guessed in asked[0][0]  # "(now cp1252)"
    reread = window.document.briefing.source(source.id)
    assert "trčs" in reread.text and "Réalité" in reread.text and reread.meta.encoding == "cp1250"
    assert reread.original == path.read_bytes() and excerpt.anchor.exact == "Réalité" and not excerpt.flag
    assert window.source_view.toPlainText() == reread.text
    window.action("undo").trigger()  # one step back to the first reading
    assert "très" in window.document.briefing.source(source.id).text
    answer.value = "klingon"
    before = window.document.briefing.source(source.id).text
    action.trigger()
    assert prompts.calls[-1][:2] == ("warning", "Reopen With Encoding") and "klingon" in prompts.calls[-1][2]
    assert window.document.briefing.source(source.id).text == before
    window.source_pane.select_source("src-a")  # pasted or added without a file: nothing to read again
    window.document.briefing.source("src-a").original = None
    window.updater.update_actions()
    assert not action.isEnabled()


def test_an_update_shows_progress_and_can_be_cancelled_as_adding_can(window, tmp_path, qtbot, monkeypatch):
    """Update from File… runs on the window's one importer: the status bar's progress and Cancel Import serve it
    as they serve Add Source, and a cancelled update changes nothing. It is in the source list's menu too."""
    import time

    from briefing.gui.imports import _Task
    from tests.importers.test_progress import write_pdf

    monkeypatch.setattr(type(window.status), "SHOW_PROGRESS_AFTER_MS", 0)
    reached: list[int] = []
    report = _Task.report

    def slower(self, done: int, total: int) -> None:  # each page a little slower: the test sees it running
        reached.append(done)
        time.sleep(0.005)
        report(self, done, total)

    monkeypatch.setattr(_Task, "report", slower)
    file_three(window)
    before = window.document.briefing.source("src-a").text
    undo_count = window.document.undo_stack.count()
    window.source_pane.select_source("src-a")
    assert window.action("update_source") in window.source_pane.list.actions()
    window.updater.start("src-a", write_pdf(tmp_path / "talks-v2.pdf", 300))
    qtbot.waitUntil(lambda: len(reached) > 3 and window.status.cancel_import_button.isVisible(), timeout=30_000)
    assert "talks-v2.pdf" in window.status.import_label.text()
    window.action("cancel_import").trigger()
    assert window.sources.importer.running == 0 and window.sources.importer.wait(30_000)
    qtbot.wait(50)  # whatever the worker sent before it stopped is delivered, and dropped
    assert max(reached) < 300
    assert window.document.briefing.source("src-a").text == before
    assert window.document.undo_stack.count() == undo_count
    assert window.statusBar().currentMessage() == "Import cancelled"


def test_updating_with_a_file_that_is_already_another_source_asks_first(window, tmp_path, qtbot, prompts, monkeypatch):
    # QA3 6: updating one source with the file of another left two identical sources, without a word
    from PySide6.QtWidgets import QMessageBox

    from briefing.core.operations import AddSource
    from briefing.importers import import_file

    path = tmp_path / "other.txt"
    path.write_text("Other title\n\nA wholly different article about trade.\n", encoding="utf-8")
    window.document.execute(AddSource(import_file(path)))
    before = window.document.briefing.source("src-a").text
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.source_pane.select_source("src-a")
    window.action("update_source").trigger()  # No, the default: nothing changes
    qtbot.waitUntil(lambda: bool(prompts.calls) and prompts.calls[-1][1] == "Update Source", timeout=10_000)
    assert "other.txt is already another source of this briefing: Other title" in prompts.calls[-1][2]
    assert window.document.briefing.source("src-a").text == before
    prompts.answers["Update Source"] = QMessageBox.StandardButton.Yes
    window.source_pane.select_source("src-a")
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        window.action("update_source").trigger()
    assert "wholly different" in window.document.briefing.source("src-a").text


def test_reopening_utf8_text_in_a_legacy_encoding_warns_naming_the_file(window, tmp_path, qtbot, prompts, monkeypatch):
    """Reopen With Encoding… latin-1 on a file that is valid UTF-8 garbles every accented letter: the summary after
    it names the file and says so (qa4exp 4), as `add-source --encoding` warns."""
    from PySide6.QtWidgets import QInputDialog

    path = tmp_path / "rapport.txt"
    path.write_text("Le rapport.\n\nUne mère très âgée, à Genève, près du lac.\n", encoding="utf-8")
    count = len(window.document.briefing.sources)
    window.sources.import_files([path])
    qtbot.waitUntil(lambda: len(window.document.briefing.sources) == count + 1, timeout=10_000)
    source = window.document.briefing.sources[-1]
    window.source_pane.select_source(source.id)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("latin-1", True)))
    with qtbot.waitSignal(window.updater.updated, timeout=10_000):
        window.action("reopen_encoding").trigger()
    assert "mÃ¨re" in window.document.briefing.source(source.id).text
    summary = [text for kind, _title, text in prompts.calls if kind == "information"]
    assert summary and "from rapport.txt" in summary[-1] and "valid UTF-8" in summary[-1], prompts.calls


def test_reopening_latin1_text_as_utf16_is_refused_and_changes_nothing(window, tmp_path, qtbot, prompts, monkeypatch):
    """Reopen With Encoding… utf-16 on a Latin-1 file was accepted and filled the source and its title with CJK
    and bidi characters (qa4win 14): refused, naming the encoding that reads the file; the source is as it was."""
    from PySide6.QtWidgets import QInputDialog

    path = tmp_path / "rapport.txt"
    text = "Rapport sur les négociations\n\nLe ministre a déclaré : « Nous sommes prêts à discuter. »\n"
    path.write_bytes(text.encode("latin-1"))
    assert len(path.read_bytes()) % 2 == 0  # an odd length was always refused ("is not valid utf-16")
    count = len(window.document.briefing.sources)
    window.sources.import_files([path])
    qtbot.waitUntil(lambda: len(window.document.briefing.sources) == count + 1, timeout=10_000)
    source = window.document.briefing.sources[-1]
    before = (source.text, source.meta.title, window.action("undo").text())
    window.source_pane.select_source(source.id)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("utf-16", True)))
    with qtbot.waitSignal(window.sources.importer.failed, timeout=10_000):
        window.action("reopen_encoding").trigger()
    kind, title, text = prompts.calls[-1]
    assert (kind, title) == ("warning", "Cannot update source")
    assert text.startswith("rapport.txt: is not utf-16 text") and "reads as cp1252" in text, text
    after = window.document.briefing.source(source.id)
    assert (after.text, after.meta.title, window.action("undo").text()) == before
