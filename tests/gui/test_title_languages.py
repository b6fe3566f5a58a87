"""The title block's titles in a French note: the big field is the English title, and says so (QA 29)."""

from __future__ import annotations


def test_the_english_title_field_is_named_so_in_a_french_or_bilingual_note(window) -> None:
    block = window.briefing_view.title_block
    title, combo = block.fields["title"], block.fields["language"]
    assert (title.accessibleName(), title.placeholderText()) == ("Title", "Title of the note")
    for language in ("fr", "bilingual", "en"):
        combo.setCurrentIndex(combo.findData(language))
        combo.activated.emit(combo.currentIndex())  # as the analyst chooses it
        assert window.document.briefing.title_block.language == language
        named = ("Title", "Title of the note") if language == "en" else ("Title (English)", "English title of the note")
        assert (title.accessibleName(), title.placeholderText()) == named, language


def test_in_the_french_window_a_french_notes_titles_say_their_language(qtbot, briefing) -> None:
    from briefing.gui.i18n import install_translators
    from briefing.gui.main_window import MainWindow

    briefing.title_block.language = "fr"
    assert install_translators("fr") == "fr"
    try:
        window = MainWindow(briefing)
        qtbot.addWidget(window)
        block = window.briefing_view.title_block
        title, title_fr = block.fields["title"], block.fields["title_fr"]
        assert (title.accessibleName(), title.placeholderText()) == ("Titre (anglais)", "Titre anglais de la note")
        assert block.form.labelForField(title_fr).text() == "Titre (français)"
    finally:
        install_translators("en")


def test_titles_too_long_for_their_field_end_in_an_ellipsis_and_tell_the_rest(qtbot) -> None:
    """At 1366 x 768, after View > Widen Source Pane, the note's title and French title were cut off mid-word,
    with nothing to show there was more."""
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.action("widen_source").trigger()
    window.action("widen_source").trigger()
    qtbot.wait(10)
    block = window.briefing_view.title_block
    values = window.document.briefing.title_block
    for name in ("title", "title_fr"):
        field, full = block.fields[name], getattr(values, name)
        assert field.fontMetrics().horizontalAdvance(full) > field.width()  # it does not fit
        assert field.elided.endswith("…") and full.startswith(field.elided[:-1]), name
        assert (field.toolTip(), field.accessibleDescription()) == (full, full), name
        assert field.text() == full  # what is stored and edited is the whole title
    shown = block.fields["prepared_by"]
    assert (shown.elided, shown.toolTip(), shown.accessibleDescription()) == ("", "", "")  # it fits
    title = block.fields["title_fr"]
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    assert title.elided == ""  # being edited, the field shows the text itself
    window.action("widen_note").trigger()
    window.action("widen_note").trigger()
    window.action("widen_note").trigger()
    qtbot.wait(10)
    date = block.fields["date"]
    assert date.elided == "" and date.toolTip().startswith("A date written YYYY-MM-DD")  # its own tip is kept


def test_a_long_title_brought_back_by_undo_ends_in_an_ellipsis(qtbot) -> None:
    """QA 5 #10: after Undo brought a long title back, the field showed it cut mid-word, without the "…": set by
    the window with signals blocked, the field was not fitted again."""
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.action("widen_source").trigger()
    window.action("widen_source").trigger()
    qtbot.wait(10)
    field = window.briefing_view.title_block.fields["title"]
    full = field.text()
    assert field.elided.endswith("…")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "New title")
    window.briefing_view.setFocus()  # the edit is kept as the field loses the keyboard
    qtbot.waitUntil(lambda: not field.hasFocus())
    assert window.document.briefing.title_block.title == "New title" and field.elided == ""
    window.action("undo").trigger()
    assert field.text() == full
    assert field.elided.endswith("…") and full.startswith(field.elided[:-1])
    assert field.toolTip() == full


def test_the_note_never_scrolls_sideways_however_far_the_source_pane_is_widened(qtbot) -> None:
    """QA 5 #7: View > Widen Source Pane at its limit left the note narrower than its title block: a sideways
    scroll bar. The divider now stops at the note's least width."""
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.briefing_view
    for _ in range(6):
        window.action("widen_source").trigger()
        qtbot.wait(10)
    assert window.splitter.sizes()[0] > 900  # the source pane did widen
    assert view.viewport().width() >= view.widget().minimumSizeHint().width()
    assert not view.horizontalScrollBar().isVisible()


def test_the_default_addressee_is_shown_in_the_notes_language_as_the_export_prints_it(qtbot) -> None:
    """After the note's language changed, the window went on showing the other language's default addressee
    ("Memorandum to the Director" in a French note) while the export printed « Note au directeur »."""
    from briefing.demo import demo_briefing
    from briefing.export.tree import build_tree
    from briefing.gui.main_window import MainWindow

    window = MainWindow(demo_briefing())
    qtbot.addWidget(window)
    block = window.briefing_view.title_block
    addressee, combo = block.fields["addressee"], block.fields["language"]
    shown = {}
    for language in ("fr", "bilingual", "en"):
        combo.setCurrentIndex(combo.findData(language))
        combo.activated.emit(combo.currentIndex())  # as the analyst chooses it
        document = window.document
        (printed,) = [
            r.value for r in build_tree(document.briefing, document.template).title_rows if r.name == "addressee"
        ]
        assert addressee.text() == printed, language
        shown[language] = printed
    assert shown == {
        "fr": "Note au directeur",
        "bilingual": "Memorandum to the Director / Note au directeur",
        "en": "Memorandum to the Director",
    }
    combo.setCurrentIndex(combo.findData("fr"))
    combo.activated.emit(combo.currentIndex())
    addressee.editingFinished.emit()  # left as shown: the stored value is still the template's default
    assert window.document.briefing.title_block.addressee == "Memorandum to the Director"
    addressee.setText("Note au sous-ministre")  # typed by the analyst: kept as typed, in every language
    addressee.editingFinished.emit()
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert addressee.text() == window.document.briefing.title_block.addressee == "Note au sous-ministre"
