"""Look and feel: section colours for the system's light or dark palette, SVG icons, fonts and settings."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from briefing import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QSplitter

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


def restore_window(window: QMainWindow, splitters: dict[str, QSplitter | None]) -> list[str]:
    """The window's geometry, toolbars and splitters as last saved (a first window: 1400 x 900); returns the keys
    of the splitters restored."""
    store = settings()
    geometry = store.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1400, 900)
    state = store.value("window/state")
    if state is not None:
        window.restoreState(state)
    restored = []
    for key, splitter in splitters.items():
        value = store.value(key)
        if splitter is not None and value is not None:
            splitter.restoreState(value)
            restored.append(key)
    return restored


def save_window(window: QMainWindow, splitters: dict[str, QSplitter | None]) -> None:
    """Keeps what restore_window restores; a splitter given as None is forgotten."""
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    for key, splitter in splitters.items():
        if splitter is None:
            store.remove(key)
        else:
            store.setValue(key, splitter.saveState())
    store.sync()


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


# Styling is done with fonts and palettes in code, not a window-wide style sheet: a style sheet on an ancestor
# makes Qt polish every descendant through QStyleSheetStyle, which costs milliseconds per card in a long note.
WARNING_RED = "#c62828"


def quiet(widget: QWidget, *, italic: bool = False, scale: float = 1.0) -> None:
    """Secondary text: the palette's placeholder colour, optionally italic or smaller."""
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.PlaceholderText))
    widget.setPalette(palette)
    if italic or scale != 1.0:
        font = QFont(widget.font())
        font.setItalic(italic)
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        widget.setFont(font)


def warn(widget: QWidget, on: bool) -> None:
    """Over budget: red and bold; back to normal otherwise."""
    if widget.property("warn") == on:
        return
    widget.setProperty("warn", on)
    palette = widget.palette()
    base = QGuiApplication.palette()
    colour = QColor(WARNING_RED) if on else base.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)
    font = QFont(widget.font())
    font.setWeight(QFont.Weight.DemiBold if on else QFont.Weight.Normal)
    widget.setFont(font)


def scaled_font(widget: QWidget, scale: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    if weight is not None:
        font.setWeight(weight)
    return font


def page_background(widget: QWidget) -> None:
    """Paint a container in the palette's base colour, like a sheet of paper."""
    palette = QPalette(QGuiApplication.palette())
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


BANNER_STYLE = """
#classificationBanner { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
#classificationBanner[level="high"] { background: #b3261e; }
#classificationBanner[level="high"] QLabel { color: white; font-weight: 600; }
#classificationCombo { font-weight: 600; min-width: 12em; }
"""
FIND_STYLE = "#findBar { background: palette(window); border-bottom: 1px solid palette(mid); }"
