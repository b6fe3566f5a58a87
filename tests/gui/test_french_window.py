"""The French window as a bilingual analyst meets it: headings in the note's language, French dates and counts,
Qt's own dialogs in French, a French note by default."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import offsets_of


@pytest.fixture
def french() -> Iterator[None]:
    from briefing.gui.i18n import install_translators

    assert install_translators("fr") == "fr"
    yield
    install_translators("en")


def _names(window, section_id: str) -> dict[str, str]:
    """Everywhere the window names a section."""
    widget = window.briefing_view.sections[section_id]
    file_into = window.action(f"file_into_{section_id.replace('-', '_')}")
    return {
        "heading": widget.heading.text(),
        "section": widget.accessibleName(),
        "list": widget.column.accessibleName(),
        "empty": widget.empty.accessibleName(),
        "toolbar": file_into.iconText(),
        "menu": file_into.text(),
        "tooltip": file_into.toolTip(),
        "move": window.action(f"move_to_{section_id.replace('-', '_')}").text(),
    }


def test_a_french_note_shows_its_french_headings_everywhere_in_any_interface(qtbot, briefing) -> None:
    from briefing.gui.main_window import MainWindow

    briefing.title_block.language = "fr"
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    names = _names(window, "background")
    assert all("Contexte" in text and "Background" not in text for text in names.values()), names
    start, end = offsets_of(briefing, "src-a", "cut ties with Tehran")
    window.source_pane.select_source("src-a")
    window.source_pane.view.select_offsets(start, end)
    messages: list[str] = []
    window.notes.message.connect(lambda text, _ms: messages.append(text))
    window.action("file_into_background").trigger()
    assert messages == ["File excerpt into Contexte"]
    assert window.action("undo").text() == "&Undo File excerpt into Contexte"


def test_moving_a_card_names_its_section_as_the_note_does(qtbot, briefing, french) -> None:
    """The status bar (and a screen reader) says where a moved card now is, by the heading the note shows."""
    from briefing.core.model import Note
    from briefing.core.operations import InsertItem
    from briefing.gui.main_window import MainWindow

    briefing.title_block.language = "fr"
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    for number in (1, 2):
        window.document.execute(InsertItem("background", Note(id=f"n{number}", text=f"Note {number}.")))
    messages: list[str] = []
    window.notes.message.connect(lambda text, _ms: messages.append(text))
    window.briefing_view.select_item("n1")
    window.action("move_down").trigger()
    assert messages[-1] == "Élément 2 sur 2 dans Contexte"
    window.action("move_to_open_issues").trigger()  # Move To names it so too
    assert messages[-1] == "Élément 1 sur 1 dans Questions en suspens"


def test_the_headings_follow_the_note_language_and_the_interface_for_a_bilingual_note(qtbot, briefing, french) -> None:
    from briefing.gui.main_window import MainWindow

    window = MainWindow(briefing)  # an English note in a French window: as its export prints it
    qtbot.addWidget(window)
    assert _names(window, "background")["heading"] == "Background"
    combo = window.briefing_view.title_block.fields["language"]
    combo.setCurrentIndex(combo.findData("bilingual"))
    combo.activated.emit(combo.currentIndex())  # bilingual: the interface language's heading, at once
    names = _names(window, "background")
    assert all("Contexte" in text and "Background" not in text for text in names.values()), names
    assert names["tooltip"].startswith("Classer le passage sélectionné dans Contexte")
    window.action("undo").trigger()
    assert _names(window, "background")["toolbar"] == "Background"


def test_move_to_lists_the_other_sections_only(qtbot, window) -> None:
    from briefing.core.model import Note
    from briefing.core.operations import InsertItem

    window.document.execute(InsertItem("positions", Note(id="n1", text="A note.")))
    window.briefing_view.select_item("n1")
    shown = [a.objectName() for a in window.notes.actions.move_actions if a.isVisible()]
    assert shown == ["action_move_to_background", "action_move_to_open_issues"]


def test_the_date_field_keeps_a_real_date_and_says_why_it_refused_another(qtbot, window) -> None:
    field = window.briefing_view.title_block.fields["date"]
    messages: list[str] = []
    window.notes.message.connect(lambda text, _ms: messages.append(text))
    field.setText("2026-12-04")
    field.editingFinished.emit()
    assert window.document.briefing.title_block.date == "2026-12-04"
    assert window.action("undo").text() == "&Undo Change date"  # the field's label inside the sentence
    for typed, said in (
        ("4 décembre 2026", "“4 décembre 2026” is not a date written YYYY-MM-DD"),
        # written right, but no such day: said so, as `briefing set` says it (QA4 3)
        ("2026-02-30", "“2026-02-30” does not exist (February 2026 has 28 days): the date is unchanged."),
        ("2026-13-01", "“2026-13-01” does not exist (there is no month 13): the date is unchanged."),
        # QA10 D3: the rule `briefing set` follows
        ("0026-03-31", "“0026-03-31” is not a note's date (the year 0026 is before 1900): the date is unchanged."),
    ):
        field.setText(typed)
        field.editingFinished.emit()
        assert window.document.briefing.title_block.date == "2026-12-04" and field.text() == "2026-12-04"
        assert messages[-1].startswith(said)
    assert "YYYY-MM-DD" in field.toolTip() and field.accessibleDescription() == field.toolTip()
    assert window.action("undo").text() == "&Undo Change date"  # nothing else was done
    # a real date kept after a refusal clears the refusal from the status bar (QA3 4), once
    window.status.tell(messages[-1])
    field.setText("2026-12-07")
    field.editingFinished.emit()
    assert messages[-1] == "" and window.status.currentMessage() == ""
    count = len(messages)
    field.setText("2026-12-08")
    field.editingFinished.emit()
    assert len(messages) == count


def test_an_impossible_day_is_refused_in_french_as_a_day_that_does_not_exist(french, window) -> None:
    field = window.briefing_view.title_block.fields["date"]
    messages: list[str] = []
    window.notes.message.connect(lambda text, _ms: messages.append(text))
    field.setText("2026-02-30")
    field.editingFinished.emit()
    assert messages[-1] == (
        "«\u00a02026-02-30\u00a0» n’existe pas (février 2026 compte 28\u00a0jours)\u00a0: la date reste inchangée."
    )
    field.setText("0026-03-31")
    field.editingFinished.emit()
    assert messages[-1] == (
        "«\u00a00026-03-31\u00a0» n’est pas une date de note (l’année 0026 est antérieure à 1900)\u00a0: la date "
        "reste inchangée."
    )


def test_lock_and_recovery_messages_write_the_time_in_the_interface_language(
    french, window, briefing, prompts, tmp_path: Path, qtbot
) -> None:
    import json

    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QMessageBox

    from briefing.core.lock import lock_path
    from briefing.core.project_save import save_briefing
    from briefing.gui.i18n import moment

    from .conftest import open_and_wait

    when = QDateTime(QDate(2026, 12, 7), QTime(0, 6)).toSecsSinceEpoch()  # local time
    assert moment(when) == "7 décembre 2026 à 0\u00a0h\u00a006"
    assert moment(QDateTime(QDate(2026, 12, 1), QTime(23, 48)).toSecsSinceEpoch()).startswith("1er décembre 2026")
    path = tmp_path / "verrou.briefing"
    save_briefing(briefing, path)
    owner = {"user": "jroy", "host": "PC-GATINEAU-042", "pid": 4242, "since": when, "refreshed": time.time()}
    lock_path(path).write_text(json.dumps(owner))
    prompts.answers["Note d’information en cours d’utilisation"] = QMessageBox.StandardButton.Yes
    assert open_and_wait(window, path)
    who = "jroy sur PC-GATINEAU-042 depuis le 7 décembre 2026 à 0\u00a0h\u00a006"
    assert f"par {who}." in prompts.calls[-1][2]
    assert window.status.read_only.text() == f"Lecture seule\u00a0: ouverte par {who}"


def test_the_recovery_question_writes_its_time_as_the_lock_notice_does(
    french, window, prompts, qtbot, tmp_path: Path
) -> None:
    from briefing.gui import recovery
    from briefing.gui.i18n import moment

    from .test_files import file_one
    from .test_recovery import crash, new_window

    saved = tmp_path / "note.briefing"
    prompts.save_as.append(str(saved))
    assert window.files.save()
    file_one(window)  # unsaved work, autosaved, then a crash
    crash(window)
    (entry,) = recovery.pending()
    new_window(qtbot, saved)
    assert f"a été enregistré automatiquement le {moment(entry.saved_at)}." in prompts.calls[-1][2]


def test_the_undo_button_tells_a_screen_reader_what_it_would_undo_now(french, qtbot, briefing) -> None:
    from PySide6.QtWidgets import QToolButton

    from briefing.core.model import Note
    from briefing.core.operations import EditItemText, InsertItem
    from briefing.gui.main_window import MainWindow

    window = MainWindow(briefing)
    qtbot.addWidget(window)
    undo = window.action("undo")
    (button,) = [b for b in window.findChildren(QToolButton) if b.defaultAction() is undo]
    window.document.execute(InsertItem("background", Note(id="n1", text="Une note.")))
    window.document.execute(EditItemText("n1", "Une autre note."))
    assert undo.text() == "&Annuler\u00a0: Modifier la note"  # as LibreOffice writes it, not « Annuler Modifier »
    assert button.accessibleDescription() == undo.toolTip() == "Annuler\u00a0: Modifier la note (Ctrl+Z)"


def test_counts_agree_with_their_number(french, qtbot, briefing) -> None:
    from briefing.export.pages import PageCount, SectionStart
    from briefing.gui.main_window import MainWindow

    window = MainWindow(briefing)
    qtbot.addWidget(window)
    counter = window.status.page_count
    # « 1 page sur 2 » read as "page 1 of 2" (QA8 D13l): the count, then the budget, each named
    assert counter.text(PageCount(pages=1, budget=2, sections=())) == "1 page, 2 au plus"
    assert counter.text(PageCount(pages=2, budget=2, sections=())) == "2 pages, 2 au plus"
    window.document.briefing.title_block.language = "bilingual"  # prints "Background / Contexte"
    counter.request(window.document.briefing, window.document.template)
    counter.timer.stop()
    over = PageCount(pages=3, budget=2, sections=(SectionStart("background", "Background / Contexte", 3),))
    assert counter.text(over) == "3 pages, 2 au plus — Contexte commence à la page 3"
    words = window.status.words
    assert [(words.show_words(n), words.text())[1] for n in (0, 1, 2)] == ["0 mot", "1 mot", "2 mots"]


def test_keyboard_help_names_the_enter_key_as_the_keyboard_does(french, window) -> None:
    from briefing.gui.dialogs import shortcut_rows

    text = " ".join(keys for keys, _what in shortcut_rows(window.actions()))
    assert "Ctrl+Entrée" in text and "Retour" not in text


def test_keyboard_help_names_undo_and_redo_not_the_step_they_would_take(french, window) -> None:
    from PySide6.QtGui import QKeySequence

    from briefing.gui.dialogs import shortcut_rows

    window.source_pane.select_source("src-a")
    for quote in ("cut ties with Tehran", "state sponsors of terrorism"):
        window.source_pane.view.select_offsets(*offsets_of(window.document.briefing, "src-a", quote))
        window.action("file_into_background").trigger()
    window.action("undo").trigger()  # both have a step to name now
    assert window.action("undo").text() != "&Annuler" and window.action("redo").text() != "&Rétablir"
    rows = dict(shortcut_rows(window.actions()))
    native = QKeySequence.SequenceFormat.NativeText
    assert rows[QKeySequence(QKeySequence.StandardKey.Undo).toString(native)] == "Annuler"
    redo = ", ".join(QKeySequence(keys).toString(native) for keys in ("Ctrl+Shift+Z", "Ctrl+Y"))
    assert rows[redo] == "Rétablir"


def test_a_new_briefing_in_the_french_window_is_a_french_note_or_the_language_chosen(
    french, window, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from briefing.gui.dialogs import NewBriefingDialog

    chosen: list[str] = []

    def choose(dialog: NewBriefingDialog) -> int:
        for row in range(dialog.list.count()):
            if dialog.list.item(row).data(Qt.ItemDataRole.UserRole).id == "gc-briefing-note":
                dialog.list.setCurrentRow(row)
        chosen.append(dialog.languages.currentText())
        if len(chosen) == 2:
            dialog.languages.setCurrentIndex(dialog.languages.findData("bilingual"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewBriefingDialog, "exec", choose)
    window.action("new").trigger()
    title_block = window.document.briefing.title_block
    assert chosen == ["Français"] and title_block.language == "fr" and title_block.addressee == "Note au ministre"
    assert window.briefing_view.sections["purpose"].heading.text() == "Objet"
    window.action("new").trigger()
    assert window.document.briefing.title_block.language == "bilingual"


def test_qts_own_file_dialog_is_french_all_through(french, qtbot, tmp_path: Path) -> None:
    """Qt's French catalogue lacks a few of its own dialog's strings; Briefing's fills them (gui/qt_gaps.py)."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QLabel

    (tmp_path / "dossier").mkdir()
    dialog = QFileDialog(None, "x", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = sorted(label.text() for label in dialog.findChildren(QLabel) if label.text())
    assert labels == ["&Nom de fichier\u00a0:", "&Regarder dans\u00a0:", "Fichiers de &type\u00a0:"]
    assert QFileIconProvider().type(QFileInfo(str(tmp_path / "dossier"))) == "Dossier"  # its Type column


def test_the_untitled_note_of_a_plain_start_is_french_in_the_french_window(qtbot, french) -> None:
    # QA3 1: `briefing` with no file in a French interface showed an English note (Background, "Memorandum to...")
    from briefing.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.document.briefing.title_block.language == "fr"
    assert window.briefing_view.sections["background"].heading.text() == "Contexte"


def test_the_untitled_note_of_a_plain_start_is_english_in_the_english_window(qtbot) -> None:
    from briefing.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.document.briefing.title_block.language == "en"


def test_new_briefings_language_combo_is_heard_by_its_label_in_french(french, qtbot) -> None:
    """QA8 D7: with a screen reader on, Qt made the combo box's accessible interface when its value was first set,
    before it was named, and kept it: Orca heard « Français », not « Langue de la note »."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel

    from briefing.gui.dialogs import NewBriefingDialog

    QAccessible.setActive(True)  # as when an AT-SPI reader listens: each change asks for the interface at once
    try:
        dialog = NewBriefingDialog([])
        qtbot.addWidget(dialog)
        interface = QAccessible.queryAccessibleInterface(dialog.languages)
        assert interface.text(QAccessible.Text.Name) == "Langue de la note"
        assert interface.text(QAccessible.Text.Value) == "Français"
        label = dialog.findChild(QLabel, "newLanguageLabel")
        assert label.buddy() is dialog.languages and label.text() == "&Langue de la note"  # Alt+L
    finally:
        QAccessible.setActive(False)
