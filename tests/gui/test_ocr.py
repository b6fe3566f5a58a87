"""OCR in the window: a scan imports with page progress, and its details say its text was read by OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.importers import ocr
from tests.gui.test_progress import pages_read, quick_progress  # noqa: F401  (fixtures)
from tests.importers.scans import scans


def test_a_source_read_by_ocr_says_so_in_its_details(window) -> None:
    source = window.document.briefing.source("src-a")
    window.source_pane.show_current("src-a")
    assert "OCR" not in window.source_pane.meta.text()
    source.meta.pages, source.meta.page_starts, source.meta.ocr_pages = 1, [0], [1]
    window.source_pane.show_current("src-a")
    assert "Text read by OCR" in window.source_pane.meta.text()


def test_an_image_imports_with_page_progress(quick_progress, pages_read, tmp_path: Path, qtbot) -> None:  # noqa: F811
    try:
        ocr.check_available()
    except ocr.OcrUnavailable as exc:
        pytest.skip(f"OCR is not available here: {exc}")
    window = quick_progress
    first, second = scans(["A scanned memo about the budget, page one.", "The second page of the scanned memo."])
    path = tmp_path / "memo.tif"
    first.save(path, save_all=True, append_images=[second])
    shown: list[str] = []
    window.sources.importer.progressChanged.connect(lambda: shown.append(window.status.import_label.text()))
    window.import_files([path])
    with qtbot.waitSignal(window.sources.importer.imported, timeout=120_000):
        pass
    assert "Importing memo.tif — page 2 of 2" in shown
    source = window.document.briefing.sources[-1]
    assert source.meta.ocr_pages == [1, 2] and "second page" in source.text
    assert "Text read by OCR" in window.source_pane.meta.text()
