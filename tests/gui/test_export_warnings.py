"""An export's result in the window names the quotations a PDF prints without their vowel marks (pdfmarks)."""

from __future__ import annotations

from pathlib import Path

from briefing.core.model import Briefing
from briefing.core.operations import AddSource, file_excerpt, new_excerpt
from tests.gui.conftest import make_source
from tests.gui.test_screen_reader import announced  # noqa: F401  (a fixture)

# Arabic with harakat inside left-to-right text: the PDF leaves those marks out (in a right-to-left quotation it
# draws them: tests/export/test_pdfmarkplace.py)
ARABIC = "He wrote «مُحَمَّد»"


def test_a_pdf_export_says_which_quotation_loses_its_vowel_marks(
    qtbot, prompts, tmp_path: Path, briefing: Briefing
) -> None:
    from briefing.gui.main_window import MainWindow

    source = make_source("src-marks", [ARABIC], "Marks")
    AddSource(source).apply(briefing)
    start = source.text.index(ARABIC)
    file_excerpt(briefing.sections[0].id, new_excerpt(source, start, start + len(ARABIC))).apply(briefing)
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    window.show()
    prompts.save_as += [str(tmp_path / "note.pdf"), str(tmp_path / "note.docx")]
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_pdf").trigger()
    assert window.statusBar().currentMessage() == (
        "Exported note.pdf — the PDF cannot show the vowel marks of the quotation at footnote 1"
        f" (“{ARABIC}”); the DOCX keeps them"
    )
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_docx").trigger()
    assert window.statusBar().currentMessage() == "Exported note.docx"  # the DOCX keeps them: nothing to say
    window.status.page_count.wait()


def test_a_pdf_export_names_the_analysts_text_that_loses_its_vowel_marks(
    qtbot, prompts, tmp_path: Path, briefing: Briefing
) -> None:
    """Left-to-right writing with a vocalized Arabic word; right-to-left writing keeps its marks (not named)."""
    from briefing.core.model import Note
    from briefing.gui.main_window import MainWindow

    paragraph = "The crowd chanted «مُحَمَّد»."
    briefing.sections[0].items += [Note(id="n-ltr", text=paragraph), Note(id="n-rtl", text="- **مُحَمَّد** قال")]
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    window.show()
    prompts.save_as.append(str(tmp_path / "note.pdf"))
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_pdf").trigger()
    assert window.statusBar().currentMessage() == (
        f"Exported note.pdf — the PDF cannot show the vowel marks in “{paragraph[:23]}…”; the DOCX keeps them"
    )
    window.status.page_count.wait()


def test_an_export_says_how_many_changed_excerpts_are_not_yet_reviewed(
    qtbot,
    prompts,
    tmp_path: Path,
    briefing: Briefing,
    announced: list[str],  # noqa: F811
) -> None:
    """QA: after a source update, the new wording of its changed excerpts was exported without a word."""
    from briefing.gui.main_window import MainWindow

    source = briefing.sources[0]
    for quote in ("cut ties with Tehran", "expelled"):
        start = source.text.index(quote)
        file_excerpt(briefing.sections[0].id, new_excerpt(source, start, start + len(quote))).apply(briefing)
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    window.show()
    prompts.save_as += [str(tmp_path / "note.docx"), str(tmp_path / "again.docx")]
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_docx").trigger()
    assert window.statusBar().currentMessage() == "Exported note.docx"
    for _, excerpt in briefing.excerpts():  # as an update leaves them, until the analyst accepts the new wording
        excerpt.flag, excerpt.filed = "changed", "as filed"
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_docx").trigger()
    told = "Exported again.docx — 2 excerpts changed by an update are not yet reviewed"
    assert window.statusBar().currentMessage() == told
    assert told in announced
    assert (tmp_path / "again.docx").is_file()  # written all the same


def test_the_unreviewed_changes_warning_is_in_french(qtbot, briefing: Briefing) -> None:
    from briefing.core.update import unreviewed_changes
    from briefing.gui.i18n import install_translators, shown_error

    source = briefing.sources[0]
    for quote in ("cut ties with Tehran", "expelled"):
        start = source.text.index(quote)
        file_excerpt(briefing.sections[0].id, new_excerpt(source, start, start + len(quote))).apply(briefing)
    assert unreviewed_changes(briefing) is None
    excerpts = [excerpt for _, excerpt in briefing.excerpts()]
    excerpts[0].flag = "changed"
    assert install_translators("fr") == "fr"
    try:
        assert shown_error(unreviewed_changes(briefing)) == (
            "1 extrait modifié par une mise à jour de sa source n’est pas encore revu"
        )
        excerpts[1].flag = "changed"
        assert shown_error(unreviewed_changes(briefing)) == (
            "2 extraits modifiés par une mise à jour de leur source ne sont pas encore revus"
        )
    finally:
        install_translators("en")


def test_an_untitled_note_says_the_page_shows_no_title(qtbot, prompts, tmp_path: Path, briefing: Briefing) -> None:
    # QA4 23: the warning named a title the page does not show; only the file's properties carry it
    from briefing.gui.main_window import MainWindow

    briefing.title_block.title = ""
    briefing.title_block.title_fr = ""
    window = MainWindow(briefing)
    qtbot.addWidget(window)
    window.show()
    prompts.save_as += [str(tmp_path / "untitled.docx")]
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_docx").trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Exported untitled.docx — the note has no title: the page shows none, and the file's")
    assert "properties call it “" in message and "(untitled)”; give it one in the title block" in message
    window.status.page_count.wait()


def test_a_note_whose_template_is_not_installed_says_so_on_opening_and_in_its_exports(
    qtbot, prompts, tmp_path: Path, briefing: Briefing
) -> None:
    """QA10 D13: a colleague's note made with a department template this office does not have opened and exported
    in the default layout without a word, so it could be sent in the wrong layout unknowingly."""
    from briefing.core.project_save import save_briefing
    from briefing.gui.main_window import MainWindow
    from tests.gui.conftest import open_and_wait

    briefing.template = "gc-a4"  # made elsewhere: A4, other margins and fonts
    path = tmp_path / "dept.briefing"
    save_briefing(briefing, path)
    notice = (
        "template 'gc-a4' is not installed; the export uses Briefing's default layout instead (Letter, Arial 11 pt)"
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.statusBar().currentMessage() == ""  # the window's own untitled note
    assert open_and_wait(window, path)
    assert window.statusBar().currentMessage() == f"dept.briefing: {notice}"  # kept until another message
    prompts.save_as += [str(tmp_path / "dept.pdf")]
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_pdf").trigger()
    assert window.statusBar().currentMessage() == f"Exported dept.pdf — {notice}"
    assert (tmp_path / "dept.pdf").is_file()  # written all the same, in the stand-in's layout
    prompts.save_as += [str(tmp_path / "dept.md")]
    with qtbot.waitSignal(window.exporter.exported, timeout=30_000):
        window.action("export_md").trigger()
    assert window.statusBar().currentMessage() == "Exported dept.md"  # QA11 D8: Markdown has no layout to tell of
    window.files.show_briefing(briefing_with_template("information-note"), None)
    assert window.statusBar().currentMessage() == ""  # an installed template: nothing to say
    window.status.page_count.wait()


def briefing_with_template(template: str) -> Briefing:
    from briefing.core.templates import load_catalog, new_briefing

    return new_briefing(load_catalog().get(template), title="Installed")


def test_the_stand_in_layout_is_said_in_french(qtbot, tmp_path: Path, briefing: Briefing) -> None:
    from briefing.gui.catalog import stand_in_notice, template_for
    from briefing.gui.i18n import shown_error
    from tests.gui.test_messages_fr import CATALOGUE
    from tests.gui.test_translation import installed

    briefing.template = "gc-a4"
    notice = stand_in_notice(template_for(briefing))
    assert notice is not None
    with installed(CATALOGUE.read_bytes(), tmp_path):  # the catalogue as committed (the lead rebuilds the .qm)
        assert shown_error(notice) == (
            "le modèle «\u00a0gc-a4\u00a0» n’est pas installé\u00a0; l’export utilise à la place la mise en page par défaut de "
            "Briefing (format Lettre, Arial 11\u00a0pt)"  # QA11 D8: was "(letter, …)", the page size's identifier
        )
    briefing.template = "information-note"
    assert stand_in_notice(template_for(briefing)) is None
