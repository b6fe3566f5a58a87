"""The controllers and views without a main window: a BriefingDocument, the few widgets a controller acts on,
and the controller's own actions driven as the analyst would."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from briefing.core.model import Briefing, Excerpt
from briefing.core.operations import AddSource, MoveItem, RemoveItem, add_note, file_excerpt, new_excerpt
from briefing.gui import briefing_view
from briefing.gui.actions import Actions
from briefing.gui.briefing_view import BriefingView
from briefing.gui.document import BriefingDocument
from briefing.gui.items import item_words
from briefing.gui.note_controller import NoteController
from briefing.gui.source_controller import SourceController
from briefing.gui.source_pane import SourcePane
from briefing.gui.status_bar import StatusBar
from briefing.gui.title_block import ClassificationBanner

from .conftest import PARAGRAPHS, make_source, offsets_of


@dataclass
class Desk:
    host: QWidget
    document: BriefingDocument
    pane: SourcePane
    view: BriefingView
    actions: Actions
    notes: NoteController
    sources: SourceController
    messages: list[str]


@pytest.fixture
def desk(qtbot, briefing: Briefing) -> Desk:
    host = QWidget()
    qtbot.addWidget(host)
    document = BriefingDocument(briefing, None, host)
    pane, view, banner = SourcePane(host), BriefingView(host), ClassificationBanner(host)
    for shown in (pane, banner, view):
        shown.follow(document)
    actions = Actions(host)
    sources = SourceController(document, pane, StatusBar(document, host), actions, host)
    notes = NoteController(document, view, pane, banner, actions, host)
    messages: list[str] = []
    for controller in (notes, sources):
        controller.message.connect(lambda text, _ms: messages.append(text))
    document.refused.connect(messages.append)
    document.reset.emit()
    return Desk(host, document, pane, view, actions, notes, sources, messages)


def select(desk: Desk, quote: str, source_id: str = "src-a") -> None:
    desk.pane.select_source(source_id)
    desk.pane.view.select_offsets(*offsets_of(desk.document.briefing, source_id, quote))


def test_filing_by_action_changes_the_note_and_every_view_follows(desk: Desk) -> None:
    desk.actions["file_into_background"].trigger()
    assert desk.messages == ["Select a passage in the source first."]
    assert desk.document.briefing.section("background").items == []
    select(desk, "cut ties with Tehran")
    desk.actions["file_into_background"].trigger()
    (item,) = desk.document.briefing.section("background").items
    assert isinstance(item, Excerpt) and item.anchor.exact == "cut ties with Tehran"
    assert desk.view.card(item.id) is not None and desk.view.selected_item == item.id
    assert list(desk.pane.view.highlighter.spans) == [item.id]  # the source pane highlighted it by itself
    assert desk.actions["undo"].text() == "&Undo File excerpt into Background"
    desk.actions["undo"].trigger()
    assert desk.view.card(item.id) is None and not desk.pane.view.highlighter.spans


def test_delete_selects_the_next_item_and_undo_brings_it_back_selected(desk: Desk) -> None:
    for quote in ("cut ties with Tehran", "state sponsors of terrorism"):
        select(desk, quote)
        desk.notes.file_into("background")
    first, second = (item.id for item in desk.document.briefing.section("background").items)
    desk.view.select_item(first)
    desk.actions["delete_item"].trigger()
    assert [i.id for i in desk.document.briefing.section("background").items] == [second]
    assert desk.view.selected_item == second
    desk.actions["undo"].trigger()
    assert desk.view.card(first) is not None and desk.view.selected_item == first  # the step shows what it did


def test_a_read_only_briefing_disables_editing_and_refuses_changes(desk: Desk) -> None:
    select(desk, "cut ties with Tehran")
    desk.notes.file_into("background")
    desk.document.read_only = True
    desk.notes.update_actions()
    desk.sources.update_actions()
    for name in ("add_note", "delete_item", "move_up", "file_into_background", "add_source", "rename_source"):
        assert not desk.actions[name].isEnabled(), name
    assert desk.actions["show_in_source"].isEnabled()  # reading is still allowed
    desk.notes.add_note()
    assert desk.messages[-1] == desk.document.read_only_reason()
    assert len(desk.document.briefing.section("background").items) == 1


def test_rename_and_remove_a_source_by_action(desk: Desk, prompts, monkeypatch: pytest.MonkeyPatch) -> None:
    select(desk, "cut ties with Tehran")
    desk.notes.file_into("background")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("CBC article", True)))
    desk.actions["rename_source"].trigger()
    assert desk.pane.list.currentItem().text() == "CBC article"
    assert "CBC article" in desk.pane.meta.text()
    (excerpt,) = desk.document.briefing.section("background").items
    assert "CBC article" in desk.view.card(excerpt.id).cite.text()  # the note's citation follows the new title
    prompts.answers["Remove source"] = QMessageBox.StandardButton.Yes
    desk.actions["remove_source"].trigger()
    assert [s.id for s in desk.document.briefing.sources] == ["src-b"]
    assert desk.pane.view.source_id == "src-b" and desk.view.card(excerpt.id) is None
    desk.actions["undo"].trigger()
    assert desk.view.card(excerpt.id) is not None


def test_find_in_source_selects_the_next_match(desk: Desk) -> None:
    desk.pane.select_source("src-a")
    assert desk.sources.find_in_source("Iran")
    start, end = desk.pane.view.selection_offsets() or (0, 0)
    assert desk.document.briefing.source("src-a").text[start:end] == "Iran"
    assert not desk.sources.find_in_source("nowhere in the text")
    assert desk.pane.find_bar.status.text() == "Not found"


# --- a big note: cards made after the first paint ------------------------------------------------------------


@pytest.fixture
def big(briefing: Briefing) -> Briefing:
    source = briefing.source("src-a")
    start, end = offsets_of(briefing, "src-a", "cut ties with Tehran")
    for index in range(150):
        section = ("background", "positions", "open-issues")[index // 50]
        if index % 7 == 0:
            add_note(section, f"Note {index}").apply(briefing)
        else:
            file_excerpt(section, new_excerpt(source, start, end)).apply(briefing)
    AddSource(make_source("src-c", PARAGRAPHS, "Third")).apply(briefing)
    return briefing


def test_a_big_note_shows_first_what_a_screen_holds_and_the_rest_after_the_first_paint(qtbot, big) -> None:
    document = BriefingDocument(big)
    view = BriefingView()
    qtbot.addWidget(view)
    view.follow(document)
    words: list[int] = []
    view.wordsChanged.connect(words.append)
    document.reset.emit()
    ids = {s.id: [i.id for i in s.items] for s in big.sections}
    made = sum(len(widget.widgets) for widget in view.sections.values())
    assert made == briefing_view.EAGER_CARDS
    assert {s: view.sections[s].ordered_ids() for s in ids} == ids  # the order is whole, cards or not
    counts = {s.id: sum(item_words(i) for i in s.items) for s in big.sections}
    assert words == [sum(counts.values())]  # counted from every item, made or not
    assert view.sections["open-issues"].count.text() == f"{counts['open-issues']} / 200 words"
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.has_pending(), timeout=10_000)
    assert {s: [card.item_id for card in view.sections[s].cards()] for s in ids} == ids


def test_a_card_asked_for_or_a_change_makes_only_the_cards_it_needs(qtbot, big) -> None:
    document = BriefingDocument(big)
    view = BriefingView()
    qtbot.addWidget(view)
    view.follow(document)
    document.reset.emit()  # never shown: nothing is made in the background

    def made(section_id: str) -> list[str]:
        return [card.item_id for card in view.sections[section_id].cards()]

    def ids(section_id: str) -> list[str]:
        return [item.id for item in big.section(section_id).items]

    assert made("positions") == [] and made("open-issues") == []
    wanted = ids("open-issues")[10]
    assert view.card(wanted) is not None
    assert made("open-issues") == ids("open-issues")[:11]  # it and those before it, in order
    assert made("positions") == [] and view.sections["open-issues"].ordered_ids() == ids("open-issues")

    document.execute(RemoveItem(ids("open-issues")[3]))  # a change in a section still being made
    assert made("open-issues") == ids("open-issues")[:10]  # its cards follow; the rest still wait
    assert view.sections["open-issues"].ordered_ids() == ids("open-issues")
    note = add_note("positions", "Added at the end of a section with no cards yet")
    document.execute(note)
    assert made("positions") == [] and view.sections["positions"].ordered_ids() == ids("positions")
    assert view.card(note.item.id) is not None and made("positions") == ids("positions")  # asked for: made
    background = view.sections["background"]
    moving = ids("background")[0]
    document.execute(MoveItem(moving, "open-issues", None))  # a card moved to where no card is made yet
    assert moving not in background.widgets and moving not in made("open-issues")
    assert view.sections["open-issues"].ordered_ids() == ids("open-issues")
    assert background.ordered_ids() == ids("background")
