"""An export's result in the window names the quotations a PDF prints without their vowel marks (pdfmarks)."""

from __future__ import annotations

from pathlib import Path

from briefing.core.model import Briefing
from briefing.core.operations import AddSource, file_excerpt, new_excerpt
from tests.gui.conftest import make_source

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
