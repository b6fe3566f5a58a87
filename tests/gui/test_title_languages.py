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
