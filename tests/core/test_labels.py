"""Title-block labels (briefing/core/labels.py): one table for the window, the exports, the CLI and undo."""

from __future__ import annotations

from briefing.core.labels import PURPOSE_LABELS, TITLE_FIELD_LABELS, field_label, purpose_label
from briefing.core.model import PURPOSES, TitleBlock
from briefing.core.operations import SetTitleField
from briefing.core.templates import load_catalog
from briefing.demo import demo_briefing
from briefing.export.tree import build_tree


def test_every_field_and_purpose_has_a_label() -> None:
    assert set(TITLE_FIELD_LABELS) == set(TitleBlock.field_names())
    assert set(PURPOSE_LABELS) == set(PURPOSES)
    assert field_label("document_number") == "Document number"
    assert field_label("document_number", str.upper) == "DOCUMENT NUMBER"  # what the GUI's translate() does
    assert field_label("unknown") == "unknown" and purpose_label("for review") == "for review"


def test_the_export_and_the_undo_text_use_the_table() -> None:
    briefing = demo_briefing()
    rows = build_tree(briefing, load_catalog().templates[briefing.template]).title_rows
    assert {row.name: row.label for row in rows} == {row.name: TITLE_FIELD_LABELS[row.name] for row in rows}
    assert SetTitleField("document_number", "BN-1").apply(briefing).label == "Change document number"
    assert SetTitleField("title_fr", "Titre").apply(briefing).label == "Change title (French)"
