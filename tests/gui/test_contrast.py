"""Colours that can be seen: highlights 3:1 against the page, text 4.5:1 against what it sits on, in light and
dark palettes, computed with WCAG's relative luminance; overlaps striped in each section's colour."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory

from briefing.gui.source_view import DEPTH_PROPERTY
from briefing.gui.style import (
    MIN_MARK_CONTRAST,
    MIN_TEXT_CONTRAST,
    TEXT_ROLES,
    contrast,
    fit_screen,
    opaque,
    readable,
    readable_palette,
    section_colour,
    text_colour_on,
)

from .test_filing import select

SECTIONS = range(9)  # the hues cycle after nine sections
Role = QPalette.ColorRole


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def dark_palette() -> QPalette:
    """Qt's Fusion palette for a dark system theme (qplatformtheme.cpp: window 50,50,50, base window.darker(140),
    text 240,240,240, placeholder = text at half opacity), the one Linux desktops without a Qt theme get."""
    palette = QPalette(light_palette())
    window, text = QColor(50, 50, 50), QColor(240, 240, 240)
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    colours = {
        Role.Window: window,
        Role.Button: window,
        Role.Base: window.darker(140),
        Role.AlternateBase: window.darker(110),
        Role.WindowText: text,
        Role.Text: text,
        Role.ButtonText: text,
        Role.BrightText: text,
        Role.PlaceholderText: placeholder,
        Role.ToolTipBase: window,
        Role.ToolTipText: text,
        Role.Highlight: QColor(48, 140, 198),
        Role.HighlightedText: QColor(255, 255, 255),
        Role.Link: QColor(48, 140, 198),
        Role.LinkVisited: QColor(255, 0, 255),
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in colours.items():
            palette.setColor(group, role, colour)
    return palette


PALETTES = {"light": light_palette, "dark": dark_palette}


def test_contrast_is_wcag_relative_luminance():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)  # the classic near-miss
    assert contrast(QColor("#308cc6"), QColor("#ffffff")) == pytest.approx(
        contrast(QColor("#ffffff"), QColor("#308cc6"))
    )


def failing_roles(palette: QPalette) -> list[str]:
    failing = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for text, background in TEXT_ROLES:
            under = palette.color(group, background)
            ratio = contrast(opaque(palette.color(group, text), under), under)
            if ratio < MIN_TEXT_CONTRAST:
                failing.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    return failing


@pytest.mark.parametrize("name", PALETTES)
def test_every_text_role_is_readable_in_the_palette_the_app_installs(qapp, name):
    raw = PALETTES[name]()
    assert failing_roles(raw), "Qt's palette should have needed fixing (else this test proves nothing)"
    assert failing_roles(readable_palette(raw)) == []


@pytest.mark.parametrize("name", PALETTES)
def test_highlights_stand_out_from_the_page_and_keep_their_text_readable(qapp, name):
    page = PALETTES[name]().color(Role.Base)
    fills = [section_colour(i, page=page, high=False) for i in SECTIONS]
    for i, fill in enumerate(fills):
        assert contrast(fill, page) >= MIN_MARK_CONTRAST, f"section {i + 1}: {fill.name()} on {page.name()}"
        assert contrast(text_colour_on(fill), fill) >= MIN_TEXT_CONTRAST
    # Overlaps are striped: the text must read on every stripe at once.
    for a, b in itertools.combinations(fills, 2):
        text = text_colour_on(a, b)
        assert min(contrast(text, a), contrast(text, b)) >= MIN_TEXT_CONTRAST, (a.name(), b.name())
    # Sections stay told apart by hue.
    hues = sorted(fill.hslHue() for fill in fills)
    assert min(b - a for a, b in itertools.pairwise(hues)) >= 10, hues


@pytest.mark.parametrize("name", PALETTES)
def test_high_contrast_mode_asks_more_of_highlights(qapp, name):
    page = PALETTES[name]().color(Role.Base)
    for i in SECTIONS:
        fill = section_colour(i, page=page, high=True)
        assert contrast(fill, page) >= 4.5 and contrast(text_colour_on(fill), fill) >= 7.0, (i, fill.name())


def test_readable_moves_a_warning_red_off_a_dark_window():
    window = dark_palette().color(Role.Window)
    assert contrast(QColor("#c62828"), window) < MIN_TEXT_CONTRAST
    assert contrast(readable(QColor("#c62828"), window), window) >= MIN_TEXT_CONTRAST


def test_the_source_view_draws_filed_and_overlapping_passages_in_section_colours(window, qtbot):
    start, _ = select(window, "cut ties with Tehran")
    qtbot.keyClick(window.source_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    select(window, "Tehran and expelled")
    qtbot.keyClick(window.source_view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.source_view
    page = view.palette().color(Role.Base)
    block = view.document().findBlock(start)
    ranges = sorted(block.layout().formats(), key=lambda r: r.start)  # "cut ties with ", "Tehran", "and expelled"
    assert [int(r.format.property(DEPTH_PROPERTY)) for r in ranges] == [1, 2, 1]
    single, overlap = ranges[0].format, ranges[1].format
    assert single.background().style() == Qt.BrushStyle.SolidPattern
    assert single.background().color() == section_colour(0, page=page)
    assert contrast(single.background().color(), page) >= MIN_MARK_CONTRAST
    assert contrast(single.foreground().color(), single.background().color()) >= MIN_TEXT_CONTRAST
    # The overlap is striped with both sections' colours, not one deeper tint.
    assert overlap.background().style() == Qt.BrushStyle.TexturePattern
    tile = overlap.background().texture().toImage()
    seen = {tile.pixelColor(x, y).rgb() for x in range(tile.width()) for y in range(tile.height())}
    assert {section_colour(0, page=page).rgb(), section_colour(1, page=page).rgb()} <= seen


@pytest.mark.parametrize("name", PALETTES)
def test_the_live_window_reads_at_4_5_to_1_in_light_and_dark(window, qtbot, qapp, name):
    original = qapp.palette()
    try:
        qapp.setPalette(PALETTES[name]())
        qtbot.waitUntil(lambda: window.palette().color(Role.Base) == PALETTES[name]().color(Role.Base))
        qtbot.waitUntil(lambda: failing_roles(window.palette()) == [], timeout=3000)
        quiet = window.status.pages  # secondary text, drawn in the placeholder colour
        colour, under = quiet.palette().color(quiet.foregroundRole()), window.palette().color(Role.Window)
        assert contrast(opaque(colour, under), under) >= MIN_TEXT_CONTRAST
    finally:
        qapp.setPalette(original)


def test_the_window_never_outgrows_the_screen(window):
    """At 200 % on a 1366×768 screen Qt's screen is 683×384: a window sized or saved for more would be clipped."""
    window.resize(5000, 4000)
    fit_screen(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.minimumSizeHint().width() <= 683 and window.minimumSizeHint().height() <= 384


def test_high_contrast_mode_leaves_the_system_palette_alone(window, qapp, monkeypatch):
    import briefing.gui.main_window as main_window
    import briefing.gui.style as style

    raw, original = light_palette(), qapp.palette()
    qapp.setPalette(raw)
    try:
        assert window.palette().color(Role.Highlight) != raw.color(Role.Highlight)  # normally made readable
        for module in (main_window, style):
            monkeypatch.setattr(module, "high_contrast", lambda: True)
        window._readable_palette()
        assert window.palette().color(Role.Highlight) == raw.color(Role.Highlight)
        assert style.app_palette().color(Role.PlaceholderText) == raw.color(Role.PlaceholderText)
    finally:
        qapp.setPalette(original)


@pytest.mark.parametrize("name", PALETTES)
def test_text_on_every_card_wash_reads_at_4_5_to_1(window, qtbot, qapp, name):
    """« Analyst's note » was the palette's quiet grey on the note card's wash of its section colour: 4.3:1 on the
    light washes, 4.0:1 on the dark ones. Measured on the rendered window: the fill is sampled from a grab."""
    from PySide6.QtWidgets import QLabel

    from briefing.core.model import Note
    from briefing.core.operations import InsertItem
    from briefing.gui.items import ItemWidget

    original = qapp.palette()
    try:
        qapp.setPalette(PALETTES[name]())
        qtbot.waitUntil(lambda: window.palette().color(Role.Base) == PALETTES[name]().color(Role.Base))
        sections = window.document.briefing.sections
        for section in sections:
            window.document.run(InsertItem(section.id, Note(id=f"n-{section.id}", text="x")))
        select(window, "cut ties with Tehran")
        qtbot.keyClick(window.source_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        window.resize(1200, 900)
        window.show()
        qtbot.waitExposed(window)

        def cards() -> list[ItemWidget]:
            return [card for card in window.findChildren(ItemWidget) if card.isVisibleTo(window)]

        qtbot.waitUntil(lambda: len(cards()) == len(sections) + 1)
        assert {card.kind for card in cards()} == {"note", "excerpt"}
        failing = []
        for card in cards():
            window.briefing_view.ensureWidgetVisible(card)
            qtbot.wait(10)
            inside = card.mapTo(window, card.rect().topRight()) + QPoint(-6, card.height() // 2)  # beside the text
            fill = window.grab().toImage().pixelColor(inside)
            for label in card.findChildren(QLabel):
                if label.isVisible():
                    ratio = contrast(label.palette().color(label.foregroundRole()), fill)
                    if ratio < MIN_TEXT_CONTRAST:
                        failing.append(
                            f"{card.kind} {label.objectName()} {label.text()!r} on {fill.name()}: {ratio:.2f}"
                        )
        assert failing == []
    finally:
        qapp.setPalette(original)
