"""Where a passage selected in the source begins and ends: F8 takes a sentence with its closing quotes and
brackets (French puts a space before »), and a mouse drag across words takes whole words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.core.operations import AddSource
from briefing.gui.source_view import _sentence_around

from .conftest import make_source

FRENCH = (
    "Les négociations à Genève ont repris cette semaine. Le ministre a déclaré : « Nous sommes prêts à "
    "discuter. » Puis il est parti."
)


def _sentence(text: str, at: str) -> str:
    position = text.index(at)
    start, end = _sentence_around(text, position, position)
    return text[start:end]


def test_a_sentence_takes_its_closing_quotes_and_brackets_even_after_a_space():
    """UAX 29 breaks after "discuter. " before the », which then opened the next sentence: the filed quotation
    had an opening « and no closing one, in the window, the PDF and the DOCX."""
    assert _sentence(FRENCH, "ministre") == "Le ministre a déclaré : « Nous sommes prêts à discuter. »"
    assert _sentence(FRENCH, "Puis") == "Puis il est parti."
    assert _sentence(FRENCH, "»") == "Le ministre a déclaré : « Nous sommes prêts à discuter. »"
    for text, expected in [
        ("Il a dit\u00a0: «\u00a0Oui\u00a0!\u00a0» Et après\u00a0?", "Il a dit\u00a0: «\u00a0Oui\u00a0!\u00a0»"),
        ("He said “We are ready. ” Then he left.", "He said “We are ready. ”"),
        ("(He left. ) Then he came back.", "(He left. )"),
        ("« Il faut agir. » ». Ensuite.", "« Il faut agir. » »."),
        ("He said “We are ready.” Then he left.", "He said “We are ready.”"),  # as Unicode had it
    ]:
        assert _sentence(text, text[1]) == expected, text
    # a quote that opens the next sentence stays with it
    assert _sentence("It was over. ’Tis said so. Then.", "said") == "’Tis said so."


def test_a_sentence_after_an_emoji_is_found_in_qt_positions():
    text = "Bravo 🎉. Il a dit : « Oui. » Fin."
    qt = text.encode("utf-16-le")
    position = len(text[: text.index("Il")].encode("utf-16-le")) // 2
    start, end = _sentence_around(text, position, position)
    assert qt[2 * start : 2 * end].decode("utf-16-le") == "Il a dit : « Oui. »"


def test_f8_then_ctrl_3_files_a_french_quoted_sentence_whole(window, qtbot):
    window.document.run(AddSource(make_source("src-fr", [FRENCH], "Rapport")))
    window.source_pane.select_source("src-fr")
    view = window.source_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.toPlainText().index("ministre"))
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.textCursor().selectedText().endswith("discuter. »")
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    filed = window.document.briefing.sections[2].items[-1]
    assert filed.anchor.exact == "Le ministre a déclaré : « Nous sommes prêts à discuter. »"
    qtbot.keyClick(view, Qt.Key.Key_F8)
    qtbot.keyClick(view, Qt.Key.Key_F8)  # again: the paragraph, as before
    assert view.textCursor().selectedText() == FRENCH
