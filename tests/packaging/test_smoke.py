"""`briefing --smoke-test`: passes against the source tree, and fails (never hangs) when the app misbehaves."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from briefing.cli import main
from briefing.gui import smoke


def report_of(outdir: Path) -> str:
    return (outdir / smoke.REPORT_NAME).read_text(encoding="utf-8")


def test_smoke_test_passes_from_source(tmp_path: Path) -> None:
    status = main(["--smoke-test", str(tmp_path)])
    assert status == 0, report_of(tmp_path)
    report = report_of(tmp_path)
    assert "window shown" in report
    assert "checked smoke.docx" in report and "checked smoke.pdf" in report and "checked smoke.md" in report
    assert report.rstrip().endswith("PASSED")
    assert (tmp_path / "smoke.docx").stat().st_size > 1000
    assert (tmp_path / "smoke.pdf").read_bytes().startswith(b"%PDF-")
    assert "Canada" in (tmp_path / "smoke.md").read_text(encoding="utf-8")  # the demo's Markdown, through the window


def test_a_file_given_as_the_folder_is_refused_in_words(tmp_path: Path, capsys) -> None:
    """Not "cannot create …: [Errno 17] File exists: '…'" (QA8 D13k)."""
    given = tmp_path / "a.briefing"
    given.write_bytes(b"kept")
    assert main(["--smoke-test", str(given)]) == smoke.SETUP_FAILED
    assert capsys.readouterr().err == f"smoke: {given}: is a file, not a folder\n"
    assert given.read_bytes() == b"kept"


def test_failed_export_fails_the_smoke_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.export

    def broken(*args, **kwargs):
        raise briefing.export.ExportError(args[1], "disk full")

    monkeypatch.setattr(briefing.export, "export_tree", broken)  # what the window's export worker calls
    start = time.monotonic()
    assert smoke.run(tmp_path, timeout=20) == smoke.FAILED
    assert time.monotonic() - start < 15  # failed at once, not at the deadline
    assert "disk full" in report_of(tmp_path)


def test_exception_in_a_qt_slot_fails_instead_of_hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.gui.main_window import MainWindow

    def explode(self, kind: str) -> None:
        raise RuntimeError(f"boom in the {kind} slot")

    monkeypatch.setattr(MainWindow, "export", explode)  # the menu action's slot calls window.export(kind)
    start = time.monotonic()
    assert smoke.run(tmp_path, timeout=20) == smoke.FAILED
    assert time.monotonic() - start < 15
    report = report_of(tmp_path)
    assert "uncaught exception" in report and "boom in the docx slot" in report


def test_watchdog_ends_a_stuck_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smoke._Steps, "_export_next", lambda self: None)  # nothing ever happens after the window
    start = time.monotonic()
    assert smoke.run(tmp_path, timeout=2) == smoke.TIMED_OUT
    assert time.monotonic() - start < 10
    assert "watchdog: not finished after 2 s" in report_of(tmp_path)


def test_a_stale_export_cannot_pass_for_a_new_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.export

    (tmp_path / "smoke.docx").write_bytes(b"left over from yesterday")
    monkeypatch.setattr(briefing.export, "export_tree", lambda *args, **kwargs: args[1])  # writes nothing
    assert smoke.run(tmp_path, timeout=3) != 0
    assert not (tmp_path / "smoke.docx").exists()


def test_checks_reject_wrong_files(tmp_path: Path) -> None:
    other = docx.Document()
    for _ in range(10):
        other.add_paragraph("A note about something else entirely, with enough words to count.")
    other.save(str(tmp_path / "other.docx"))
    assert "title" in smoke.check_docx(tmp_path / "other.docx", "Canada–Iran talks")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    assert "cannot open" in smoke.check_docx(tmp_path / "broken.docx", "x")
    (tmp_path / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n")
    assert "not a complete PDF" in smoke.check_pdf(tmp_path / "cut.pdf", "x")
    assert smoke.check_pdf(tmp_path / "missing.pdf", "x") == "missing"
    (tmp_path / "latin1.md").write_bytes("Note sur les pourparlers Canada–Iran, très longue".encode("cp1252") * 5)
    assert smoke.check_markdown(tmp_path / "latin1.md", "x") == "is not UTF-8 text"
    (tmp_path / "other.md").write_text("# Item \\#4 of the week\n\n" + "Some words about it. " * 10, "utf-8")
    assert "title" in smoke.check_markdown(tmp_path / "other.md", "Canada–Iran talks")
    assert smoke.check_markdown(tmp_path / "other.md", "Item #4 of the week") is None  # (its escape undone)


def test_hard_watchdog_kills_a_blocked_event_loop(tmp_path: Path) -> None:
    """A slot that never returns starves the Qt timer too: the faulthandler watchdog must still end the process."""
    import os
    import subprocess
    import sys

    script = (
        "import time, sys\n"
        "from pathlib import Path\n"
        "from briefing.gui import smoke\n"
        "smoke.HARD_GRACE = 1.0\n"
        "def stuck(self):\n"
        "    while True:\n"
        "        time.sleep(0.05)\n"
        "smoke._Steps._export_next = stuck\n"
        "sys.exit(smoke.run(Path(sys.argv[1]), timeout=1.0))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], env=env, capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - start < 30
    assert result.returncode != 0
    assert "Timeout" in result.stderr and "stuck" in result.stderr  # every thread's stack, with the culprit


def test_under_a_french_locale_the_smoke_test_checks_the_french_window(tmp_path: Path) -> None:
    """QA 43: the smoke test starts the application as `briefing` does, translators included, so a bundle that
    lost briefing_fr.qm or qtbase_fr.qm fails it under a French locale (a real process: the locale is read at
    start)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "fr_CA.UTF-8", "LC_ALL": "fr_CA.UTF-8"}
    env.pop("LANGUAGE", None)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "--smoke-test", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = report_of(tmp_path)
    assert result.returncode == 0, report
    assert "interface language fr" in report
    assert "French catalogue installed: the window's File menu is '&Fichier'" in report
    assert "Qt's own French catalogue installed (Cancel: 'Annuler')" in report


def test_a_missing_french_catalogue_fails_the_smoke_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import paths
    from briefing.gui import i18n

    empty = tmp_path / "resources"
    (empty / "i18n").mkdir(parents=True)
    real = paths.resource
    monkeypatch.setattr(
        paths, "resource", lambda *parts: empty.joinpath(*parts) if parts[:1] == ("i18n",) else real(*parts)
    )
    monkeypatch.setattr(i18n, "interface_language", lambda: "fr")  # as a French locale makes it
    try:
        assert smoke.run(tmp_path / "out", timeout=20) == smoke.FAILED
    finally:
        i18n.install_translators("en")
    report = report_of(tmp_path / "out")
    assert "FAIL the French catalogue briefing_fr.qm is missing or does not load" in report
    assert "FAIL French locale, but the window's strings are not translated" in report
