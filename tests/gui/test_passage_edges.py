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


def test_a_sentence_goes_on_after_a_closing_quote_when_the_next_word_is_in_lower_case():
    """QA 5 #9: F8 on “Is this the end?” he asked. took the question without "he asked." (UAX 29 ends the
    sentence after ?”), and the filed quotation lost its attribution."""
    text = "It was late. “Is this the end?” he asked. Nobody answered."
    assert _sentence(text, "Is this") == "“Is this the end?” he asked."
    assert _sentence(text, "asked") == "“Is this the end?” he asked."
    assert _sentence(text, "Nobody") == "Nobody answered."
    assert _sentence("« Vraiment ! » dit-il. Puis rien.", "Vraiment") == "« Vraiment ! » dit-il."
    assert _sentence('He said "Stop!" and left. Then.', "Stop") == 'He said "Stop!" and left.'
    # a capital after the quote still begins the next sentence
    assert _sentence("“Is this the end?” He left.", "end") == "“Is this the end?”"


def test_in_a_script_without_case_a_short_attribution_after_a_closing_quote_goes_with_it():
    """Arabic, Hebrew and Chinese have no lower case to tell that “…?” he asked. goes on: a few words up to the
    next sentence end are taken as the quotation's attribution; a longer sentence is a sentence of its own."""
    arabic = "كان الوقت متأخرا. «هل هذه النهاية؟» سأل الوزير. لم يجب أحد."
    assert _sentence(arabic, "هل") == "«هل هذه النهاية؟» سأل الوزير."
    assert _sentence(arabic, "سأل") == "«هل هذه النهاية؟» سأل الوزير."
    assert _sentence(arabic, "لم") == "لم يجب أحد."
    hebrew = 'השעה הייתה מאוחרת. "האם זה הסוף?" שאל השר. איש לא ענה.'
    assert _sentence(hebrew, "האם") == '"האם זה הסוף?" שאל השר.'
    assert _sentence("“终于结束了吗？”他问道。没有人回答。", "终于") == "“终于结束了吗？”他问道。"
    assert _sentence("「本当ですか？」と彼は聞いた。誰も答えなかった。", "本当") == "「本当ですか？」と彼は聞いた。"
    long_after = "«انتهى الأمر!» ثم غادر الوزير القاعة دون أن يجيب على أسئلة الصحفيين. النهاية."
    assert _sentence(long_after, "انتهى") == "«انتهى الأمر!»"
    assert _sentence("“终于结束了吗？”没有人回答这个问题，大家都沉默了很久。", "终于") == "“终于结束了吗？”"


def test_an_abbreviation_before_a_number_does_not_end_the_sentence():
    """UAX 29 ends a sentence after "p. " when the page number is followed by a full stop or a capital: F8 took
    "The figures are on p." alone."""
    text = "The figures are on p. 4. The minister left."
    assert _sentence(text, "figures") == "The figures are on p. 4."
    assert _sentence(text, "4") == "The figures are on p. 4."
    assert _sentence(text, "minister") == "The minister left."
    assert _sentence("It is in vol. 2, no. 3, p. 14. Next.", "vol") == "It is in vol. 2, no. 3, p. 14."
    assert _sentence("Voir l’art. 5 Le texte suit. Fin.", "Voir") == "Voir l’art. 5 Le texte suit."
    assert _sentence("Siehe S. 12. Danach.", "Siehe") == "Siehe S. 12."
    # a sentence after any other word still ends before a number
    assert _sentence("Items 1 to 3 were agreed. 4. The budget was not.", "Items") == "Items 1 to 3 were agreed."


def test_a_title_before_a_name_does_not_end_the_sentence():
    """UAX 29 ends a sentence at any capital after "Mr. ": F8 on a quotation of "Mr. Smith said no." took "Smith said
    no." alone."""
    assert _sentence("Yesterday Mr. Smith said no. Then.", "said") == "Yesterday Mr. Smith said no."
    assert _sentence("Le ministre a rencontré M. Blinken vendredi. Puis.", "vendredi") == (
        "Le ministre a rencontré M. Blinken vendredi."
    )
    assert _sentence("Gen. Smith met Sen. Jones. Then.", "met") == "Gen. Smith met Sen. Jones."
    assert _sentence("He left for the U.S. The talks ended.", "talks") == "The talks ended."


def test_a_middle_initial_does_not_end_the_sentence_nor_does_a_street_before_a_new_one():
    """QA: F8 on "John F. Kennedy said so." took "Kennedy said so." alone (UAX 29 ends a sentence at any capital
    after a capital and a full stop), and "Main St." was taken for a saint's title, running on into the next
    sentence."""
    assert _sentence("In 1961 John F. Kennedy said so. Then.", "said") == "In 1961 John F. Kennedy said so."
    assert _sentence("J. R. R. Tolkien wrote it. Next.", "wrote") == "J. R. R. Tolkien wrote it."
    assert _sentence("See Annex A. The report ends there.", "report") == "The report ends there."
    assert _sentence("They met at 24 Sussex Dr. on Main St. The talks ended.", "talks") == "The talks ended."
    assert _sentence("They prayed at St. Mary's. Then.", "prayed") == "They prayed at St. Mary's."
    assert _sentence("M. Le Drian a parlé. Puis.", "parlé") == "M. Le Drian a parlé."
    # a capital letter that labels something (QA11 D7: "Option B. Ministers agreed" was taken as one sentence)
    for text, second in [
        ("Cabinet chose Option B. Ministers agreed to fund it.", "Ministers agreed to fund it."),
        ("The figures are in Annex C. Canada will respond by Friday.", "Canada will respond by Friday."),
        ("Le Cabinet a retenu l'Option B. Plusieurs ministres s'y opposent.", "Plusieurs ministres s'y opposent."),
        ("The treaty ended World War I. Canada signed it in 1919.", "Canada signed it in 1919."),
        ("Funding rose under Plan A. Budget 2024 confirmed it.", "Budget 2024 confirmed it."),
        ("They met on Main St. Officials said so.", "Officials said so."),
    ]:
        assert _sentence(text, second.split()[0]) == second, text
    # dotted capitals go on before a name ("the U.S. Treasury"), and end before a sentence's opening word
    assert _sentence("Yes. The U.S. Treasury agreed. Then.", "Treasury") == "The U.S. Treasury agreed."


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


def _drag(qtbot, view, text: str, start: int, end: int) -> None:
    """Press at one character of the source's text, move and release at another, as a hand selecting does."""
    from PySide6.QtGui import QTextCursor

    def point(offset: int):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.toPlainText().index(text) + offset)
        return view.cursorRect(cursor).center()

    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(start))
    qtbot.mouseMove(viewport, point((start + end) // 2))
    qtbot.mouseMove(viewport, point(end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(end))


def test_a_mouse_selection_across_words_takes_whole_words(window, qtbot):
    """QA: a drag ending just after the C of "Canadian" filed « The Liberal government of C »."""
    window.source_pane.select_source("src-a")
    view = window.source_view
    window.show()
    sentence = "In 2012, the Harper administration cut ties with Tehran"
    _drag(qtbot, view, sentence, sentence.index("arper"), sentence.index("Tehran") + 2)
    assert view.textCursor().selectedText() == "Harper administration cut ties with Tehran"
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Ctrl+1 files what is shown
    assert window.document.briefing.sections[0].items[-1].anchor.exact == "Harper administration cut ties with Tehran"
    # backwards, from inside "administration" to inside "Harper": the same words, the caret where the hand ended
    _drag(qtbot, view, sentence, sentence.index("administration") + 4, sentence.index("Harper") + 3)
    cursor = view.textCursor()
    assert cursor.selectedText() == "Harper administration"
    assert cursor.position() == cursor.selectionStart()
    # a selection that starts or ends at a word's edge keeps it
    _drag(qtbot, view, sentence, sentence.index("2012"), sentence.index(", the"))
    assert view.textCursor().selectedText() == "2012"
    _drag(qtbot, view, sentence, sentence.index("the Harper") - 1, sentence.index(" administration"))
    assert view.textCursor().selectedText() == " the Harper"
    # within one word, to the letter
    _drag(qtbot, view, sentence, sentence.index("administration") + 5, sentence.index("administration") + 10)
    assert view.textCursor().selectedText() == "istra"


def test_a_keyboard_selection_is_kept_to_the_letter(window, qtbot):
    window.source_pane.select_source("src-a")
    view = window.source_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(view.toPlainText().index("arper"))
    view.setTextCursor(cursor)
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.textCursor().selectedText() == "arper ad"
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.document.briefing.sections[0].items[-1].anchor.exact == "arper ad"


def test_whole_words_follow_unicode_words_in_chinese_and_french(window, qtbot):
    """Chinese has no spaces: a whole run of characters is not one word (each character is)."""
    text = "中国外交部表示，会谈已经开始。Le ministre parle de l’État aujourd’hui."
    window.document.run(AddSource(make_source("src-zh", [text], "Mixed")))
    window.source_pane.select_source("src-zh")
    view = window.source_view
    window.show()
    _drag(qtbot, view, text, 1, 4)
    assert view.textCursor().selectedText() == "国外交"  # not the whole run of characters up to the comma
    _drag(qtbot, view, text, text.index("inistre"), text.index("État") + 2)
    assert view.textCursor().selectedText() == "ministre parle de l’État"
