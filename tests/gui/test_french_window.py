"""The French window as a bilingual analyst meets it: headings in the note's language, French dates and counts,
Qt's own dialogs in French, a French note by default."""

from __future__ import annotations

from collections.abc import Iterator

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
    for typed in ("4 décembre 2026", "2026-02-30"):
        field.setText(typed)
        field.editingFinished.emit()
        assert window.document.briefing.title_block.date == "2026-12-04" and field.text() == "2026-12-04"
        assert messages[-1].startswith(f"“{typed}” is not a date written YYYY-MM-DD")
    assert "YYYY-MM-DD" in field.toolTip() and field.accessibleDescription() == field.toolTip()
    assert window.action("undo").text() == "&Undo Change date"  # nothing else was done
