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
