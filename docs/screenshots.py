"""Screenshots of the real main window with the demo briefing, for the README and docs/gui.md.

Run under a virtual screen:  xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py
Writes docs/screenshot-main.png (light) and docs/screenshot-dark.png (dark palette).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("BRIEFING_HOME", tempfile.mkdtemp(prefix="briefing-shots-"))

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2d31",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9ca3",
        QPalette.ColorRole.Mid: "#44464c",
        QPalette.ColorRole.Midlight: "#3a3c41",
        QPalette.ColorRole.ToolTipBase: "#2b2d31",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    return p


def shoot(app: QApplication, out: Path) -> None:
    from briefing.demo import demo_briefing
    from briefing.gui.main_window import MainWindow

    window = MainWindow()
    window.files.show_briefing(demo_briefing(), None, dirty=True)
    window.resize(1560, 940)
    window.show()
    window.splitter.setSizes([640, 920])
    app.processEvents()
    for _ in range(500):  # the page count starts after the first paint, on a worker: the shot shows it
        if window.status.page_count.count is not None:
            break
        window.status.page_count.wait(20)
        app.processEvents()
    briefing = window.document.briefing
    issues = briefing.section("open-issues").items
    window.briefing_view.select_item(issues[1].id)  # scrolls the note, and the source to the passage
    source = briefing.sources[0]
    start = source.text.index("embassy was not")
    window.source_view.select_offsets(start, start + len("embassy was not a likelihood"))
    app.processEvents()
    window.source_view.setExtraSelections([])  # the flash is transient; show the steady state
    for _ in range(5):
        app.processEvents()
    image = window.grab().toImage().convertToFormat(window.grab().toImage().Format.Format_RGB888)
    image.save(str(out), "PNG", 9)
    print(f"{out} ({out.stat().st_size // 1024} KB)")
    window.document.mark_saved(Path(tempfile.gettempdir()) / "unused.briefing")
    window.close()


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    shoot(app, ROOT / "docs" / "screenshot-main.png")
    app.setPalette(dark_palette())
    shoot(app, ROOT / "docs" / "screenshot-dark.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
