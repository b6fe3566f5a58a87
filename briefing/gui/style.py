"""Look and feel: section colours for the system's light or dark palette, SVG icons, fonts and settings."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from briefing import paths

# Hues chosen to stay apart from each other, and readable under black (light) or white (dark) text.
_HUES = ("#f2c14e", "#6cc3d5", "#a3d977", "#f08a8a", "#b59cf0", "#f5a25d", "#7ab8f5", "#e89ad0", "#9ad0c2")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def section_colour(index: int, *, dark: bool | None = None) -> QColor:
    """The highlight colour of the index-th section of the template (solid; callers add alpha)."""
    colour = QColor(_HUES[index % len(_HUES)])
    if dark if dark is not None else is_dark():
        colour = colour.darker(170)
    return colour


def highlight_colour(index: int, *, depth: int = 1, dark: bool | None = None) -> QColor:
    """Background for source text filed in a section; overlapping excerpts (depth > 1) read stronger."""
    colour = section_colour(index, dark=dark)
    colour.setAlpha(min(255, 130 + 60 * (depth - 1)))
    return colour


def settings() -> QSettings:
    """The GUI's own settings (window layout, recent files), kept in the user data folder (BRIEFING_HOME)."""
    return QSettings(str(paths.user_data_dir() / "gui-settings.ini"), QSettings.Format.IniFormat)


@functools.cache
def _svg(name: str) -> bytes:
    try:
        return paths.resource("icons", f"{name}.svg").read_bytes()
    except (OSError, FileNotFoundError):
        return b""


class _SvgIconEngine(QIconEngine):
    """Draws an SVG at whatever size and device pixel ratio is asked for, in the palette's text colour.

    Rendering on demand keeps start-up quick and keeps icons sharp on high-DPI screens.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data
        self._renderers: dict[tuple[str, bool], QSvgRenderer] = {}

    def _renderer(self, disabled: bool) -> QSvgRenderer:
        palette = QGuiApplication.palette()
        group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Normal
        colour = palette.color(group, QPalette.ColorRole.WindowText).name()
        key = (colour, disabled)
        if key not in self._renderers:
            self._renderers[key] = QSvgRenderer(QByteArray(self.data.replace(b"currentColor", colour.encode())))
        return self._renderers[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode == QIcon.Mode.Disabled).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self.data)


def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (drawn with currentColor), in the palette's text colour."""
    data = _svg(name)
    return QIcon(_SvgIconEngine(data)) if data else QIcon()


# Widget styling that follows the palette (palette(...) roles), so the system's light or dark theme carries through.
STYLESHEET = """
#notePage { background: palette(base); }
#briefingView { background: palette(base); }
#titleBlock QLineEdit { background: transparent; padding: 2px 0; }
#titleBlock QLineEdit:focus { background: palette(alternate-base); }
#titleBlock QLabel[role="fieldLabel"] { color: palette(placeholder-text); }
#classificationBanner { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
#classificationBanner[level="high"] { background: #b3261e; }
#classificationBanner[level="high"] QLabel { color: white; font-weight: 600; }
#classificationCombo { font-weight: 600; min-width: 12em; }
#sectionHeading { font-size: 15pt; font-weight: 600; }
#sectionCount[over="true"] { color: #c62828; font-weight: 600; }
QLabel[role="quiet"] { color: palette(placeholder-text); }
QLabel[role="guidance"] { color: palette(text); font-style: italic; }
#sectionGuidance[role="quiet"] { font-style: italic; font-size: 9pt; }
#excerptItem, #noteItem { background: palette(window); border: 1px solid transparent; border-radius: 6px; }
#noteItem { background: palette(alternate-base); }
#excerptItem[selected="true"], #noteItem[selected="true"] { border: 1px solid palette(highlight); }
#excerptItem:focus, #noteItem:focus { border: 2px solid palette(highlight); }
#itemQuote { font-size: 11pt; }
#itemCitation { font-size: 9pt; }
#itemText[role="comment"] { color: palette(placeholder-text); font-style: italic; }
#itemText[role="note"] { font-size: 11pt; }
#sourceMeta { background: palette(base); border-bottom: 1px solid palette(midlight); }
#sourceList { border: none; }
QLabel[role="paneHeading"] { font-weight: 600; padding: 4px 2px; }
#pageEstimate[over="true"] { color: #c62828; font-weight: 600; }
#findBar { background: palette(window); border-bottom: 1px solid palette(mid); }
"""
