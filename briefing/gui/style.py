"""Look and feel: section colours for the system's light or dark palette, SVG icons, fonts and settings."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QPointF, QRect, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from briefing import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QSplitter

# Hues chosen to stay apart from each other; highlight_colour sets their lightness for the page they sit on.
_HUES = ("#f2c14e", "#6cc3d5", "#a3d977", "#f08a8a", "#b59cf0", "#f5a25d", "#7ab8f5", "#e89ad0", "#9ad0c2")

# WCAG 2.2: a highlight (a non-text mark) needs 3:1 against the page, text needs 4.5:1 against what is behind it.
MIN_MARK_CONTRAST = 3.0
MIN_TEXT_CONTRAST = 4.5
# When the system asks for high contrast, the WCAG "enhanced" levels: 4.5:1 for marks, 7:1 for text.
HIGH_MARK_CONTRAST, HIGH_TEXT_CONTRAST = 4.5, 7.0
_BLACK, _WHITE = QColor("#000000"), QColor("#ffffff")


def luminance(colour: QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def high_contrast() -> bool:
    """The system asks for high contrast (Windows high-contrast themes, GNOME/KDE high-contrast settings)."""
    hints = QGuiApplication.styleHints()  # held: PySide deletes a temporary's children with it
    accessibility = hints.accessibility()
    return accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast


def page_colour(palette: QPalette | None = None) -> QColor:
    return (palette or app_palette()).color(QPalette.ColorRole.Base)


def section_colour(index: int, *, page: QColor | None = None, high: bool | None = None) -> QColor:
    """The colour of the index-th section of the template on this page (the palette's Base by default): the
    section's hue at the lightness nearest its own that stands 3:1 from the page and keeps black or white text on
    it at 4.5:1 (4.5:1 and 7:1 in high-contrast mode). Cards, chips and source highlights all use it, so a passage
    and its card match."""
    page = page or page_colour()
    high = high_contrast() if high is None else high
    return QColor.fromRgb(_fitted(index % len(_HUES), page.rgb(), high))


highlight_colour = section_colour  # the fill behind a passage filed in that section


@functools.cache
def _fitted(hue_index: int, page_rgb: int, high: bool) -> int:
    page, hue = QColor.fromRgb(page_rgb), QColor(_HUES[hue_index])
    mark, text = (HIGH_MARK_CONTRAST, HIGH_TEXT_CONTRAST) if high else (MIN_MARK_CONTRAST, MIN_TEXT_CONTRAST)
    h, s, own = hue.hslHue(), hue.hslSaturation(), hue.lightness()
    page_luminance, black, white = luminance(page), luminance(_BLACK), luminance(_WHITE)

    def at(lightness: int) -> QColor:
        return QColor.fromRgb(QColor.fromHsl(h, s, lightness).rgb())  # as it will be drawn: 8 bits a channel

    def ratio(a: float, b: float) -> float:  # contrast() of two luminances
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    def good(lightness: int) -> bool:
        own_luminance = luminance(at(lightness))
        text_contrast = max(ratio(own_luminance, black), ratio(own_luminance, white))  # black or white text
        return ratio(own_luminance, page_luminance) >= mark and text_contrast >= text

    # The nearest good lightness, the darker one of two as near: tried outwards from the hue's own (start-up
    # makes a colour for every section, and trying all 256 lightnesses each time cost some 30 M instructions).
    for distance in range(256):
        for lightness in (own - distance, own + distance) if distance else (own,):
            if 0 <= lightness <= 255 and good(lightness):
                return at(lightness).rgb()
    # A mid-grey page leaves no such lightness: stand as far from the page as possible.
    return at(max(range(256), key=lambda light: contrast(at(light), page))).rgb()


def text_colour_on(*fills: QColor) -> QColor:
    """Black or white, whichever reads better on every one of fills (the stripes of an overlap)."""
    return _BLACK if _black_reads_better(tuple((f.redF(), f.greenF(), f.blueF()) for f in fills)) else _WHITE


@functools.cache  # a source's highlights ask about the same few fills for each of their parts
def _black_reads_better(fills: tuple[tuple[float, float, float], ...]) -> bool:
    colours = [QColor.fromRgbF(*fill) for fill in fills]
    return max((_BLACK, _WHITE), key=lambda text: min(contrast(text, fill) for fill in colours)) is _BLACK


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """The opaque colour t of the way from a to b."""
    return QColor.fromRgbF(
        (1 - t) * a.redF() + t * b.redF(), (1 - t) * a.greenF() + t * b.greenF(), (1 - t) * a.blueF() + t * b.blueF()
    )


def opaque(colour: QColor, background: QColor) -> QColor:
    """What a translucent colour (Qt's placeholder text is half-transparent) looks like drawn on background."""
    return _mix(background, colour, colour.alphaF())


def readable(colour: QColor, background: QColor, minimum: float = MIN_TEXT_CONTRAST) -> QColor:
    """colour, moved just far enough towards black or white (whichever is further from background) to stand
    minimum:1 from it; unchanged when it already does."""
    colour = opaque(colour, background)
    if contrast(colour, background) >= minimum:
        return colour
    target = max((_BLACK, _WHITE), key=lambda extreme: contrast(extreme, background))
    for step in range(1, 21):
        mixed = _mix(colour, target, step / 20)
        if contrast(mixed, background) >= minimum:
            return mixed
    return target


NOTE_WASH_ALPHA = 45  # an analyst's note card: its section's colour, washed this thin over the page


def card_fill(kind: str, colour: QColor) -> QColor:
    """What a note card is painted in, opaque: the application's Window colour (a grey sheet) for an excerpt, a
    thin wash of its section's colour over the page (Base) for an analyst's note. Its text is made readable on it."""
    palette = app_palette()
    if kind != "note":
        return palette.color(QPalette.ColorRole.Window)
    wash = QColor(colour)
    wash.setAlpha(NOTE_WASH_ALPHA)
    return opaque(wash, palette.color(QPalette.ColorRole.Base))


# Text roles and what they are drawn on. Quiet labels (style.quiet) draw PlaceholderText on Window.
TEXT_ROLES = (
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
    (QPalette.ColorRole.LinkVisited, QPalette.ColorRole.Base),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
)
_READ_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)  # WCAG exempts disabled controls


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with every text role at 4.5:1 or more against what it is drawn on (Qt's own light palette puts
    white selected text on a mid blue at 3.7:1, and half-transparent placeholder text at about 3:1). Selection
    backgrounds move rather than their text; other roles move the text. Hues are kept."""
    fixed = QPalette(palette)
    for group in _READ_GROUPS:
        for text, background in TEXT_ROLES:
            if text == QPalette.ColorRole.HighlightedText:
                fixed.setColor(group, background, readable(fixed.color(group, background), fixed.color(group, text)))
            else:
                fixed.setColor(group, text, readable(fixed.color(group, text), fixed.color(group, background)))
    return fixed


def app_palette() -> QPalette:
    """The system's palette made readable (readable_palette), or exactly the system's in high-contrast mode."""
    system = QGuiApplication.palette()
    return system if high_contrast() else _readable_cached(system.cacheKey(), system)


def palette_fixes(palette: QPalette) -> QPalette:
    """Only the colours readable_palette changes, as a palette that sets just those roles: on a widget, every other
    role still follows the application's palette (so a switch to dark mode still reaches it)."""
    fixes, full = QPalette(), readable_palette(palette)
    for group in _READ_GROUPS:
        for role in {role for pair in TEXT_ROLES for role in pair}:
            if full.color(group, role) != palette.color(group, role):
                fixes.setColor(group, role, full.color(group, role))
    return fixes


_last_readable: dict[int, QPalette] = {}


def _readable_cached(key: int, palette: QPalette) -> QPalette:
    if key not in _last_readable:  # one entry: the palette only changes when the system's does
        _last_readable.clear()
        _last_readable[key] = readable_palette(palette)
    return _last_readable[key]


STRIPE_PX = 6  # width of each section's band where passages of several sections overlap


@functools.cache
def _stripe_tile(rgbs: tuple[int, ...]) -> QPixmap:
    """A square tile of diagonal bands, one per colour, that repeats seamlessly."""
    side = STRIPE_PX * len(rgbs) * 2
    tile = QPixmap(side, side)
    tile.fill(QColor.fromRgb(rgbs[0]))
    painter = QPainter(tile)
    painter.setPen(Qt.PenStyle.NoPen)
    width = STRIPE_PX * len(rgbs)  # one full cycle of bands along the x axis
    for cycle in range(-2, 2 * side // width + 2):
        for i, rgb in enumerate(rgbs):
            x = cycle * width + i * STRIPE_PX
            band = QPolygonF([QPointF(x, 0), QPointF(x + STRIPE_PX, 0), QPointF(x + STRIPE_PX - side, side),
                              QPointF(x - side, side)])  # fmt: skip
            painter.setBrush(QColor.fromRgb(rgb))
            painter.drawPolygon(band)
    painter.end()
    return tile


def stripes(colours: list[QColor]) -> QBrush:
    """Where passages of several sections overlap: diagonal stripes of every section's colour, so each one shows."""
    return QBrush(_stripe_tile(tuple(colour.rgb() for colour in colours)))


def settings() -> QSettings:
    """The GUI's own settings (window layout, recent files), kept in the user data folder (BRIEFING_HOME)."""
    return QSettings(str(paths.user_data_dir() / "gui-settings.ini"), QSettings.Format.IniFormat)


def stacked(name: str, *widgets: QWidget, parent: QWidget) -> QWidget:
    """A panel of these widgets one above the other, edge to edge; the last takes the spare height."""
    panel = QWidget(parent)
    panel.setObjectName(name)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is widgets[-1] else 0)
    return panel


def fit_screen(window: QWidget) -> None:
    """Never larger than the screen: at 200 % on a 1366×768 laptop the screen is 683×384 of Qt's units, and a
    window sized (or saved) for more would have its status bar and the note's right edge off screen."""
    available = window.screen().availableGeometry()
    if window.width() > available.width() or window.height() > available.height():
        window.resize(min(window.width(), available.width()), min(window.height(), available.height()))
        window.move(available.topLeft())


def restore_window(window: QMainWindow, splitters: dict[str, QSplitter | None]) -> list[str]:
    """The window's geometry, toolbars and splitters as last saved (a first window: 1400 x 900); returns the keys
    of the splitters restored."""
    store = settings()
    geometry = store.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        window.resize(1400, 900)
    fit_screen(window)
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
    palette = QPalette(app_palette())
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
    base = app_palette()
    window = base.color(QPalette.ColorRole.Window)
    colour = readable(QColor(WARNING_RED) if on else base.color(QPalette.ColorRole.PlaceholderText), window)
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
    palette = QPalette(app_palette())
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
