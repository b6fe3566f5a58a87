"""A note's language: French wording and typography, and the file format that keeps it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from briefing.core.language import NBSP, Wording, format_date, french_place, french_typography
from briefing.core.operations import OperationError, SetTitleField
from briefing.core.project import ProjectFileError, dump_manifest, load_briefing, parse_manifest, save_briefing
from briefing.demo import demo_briefing


def test_french_typography() -> None:
    assert french_typography("Objet: “la note”; fin? oui!") == (
        f"Objet{NBSP}: «{NBSP}la note{NBSP}»{NBSP}; fin{NBSP}? oui{NBSP}!"
    )
    assert french_typography("https://x.ca/a?b=1 et 10:30") == "https://x.ca/a?b=1 et 10:30"  # left alone


def test_french_dates_and_places() -> None:
    assert format_date("2026-12-04", "fr") == "4 décembre 2026"
    assert format_date("2026-12-01", "fr") == "1er décembre 2026"
    assert format_date("2026-12-04") == "4 December 2026"
    assert format_date("2026-08", "fr") == "août 2026"
    assert french_place("pp. 4–5 (OCR text)") == "p. 4–5 (texte ROC)"
    assert french_place("paras. 4–5") == "paragr. 4–5"


def test_wording_in_each_language() -> None:
    assert Wording("fr").word("Prepared by") == "Préparé par"
    assert Wording("fr").word("For decision") == "Pour décision"
    assert Wording("fr").marking("protected b") == "PROTÉGÉ B"
    assert Wording("fr").label("Date") == f"Date{NBSP}: "
    assert Wording("bilingual").heading("Background", "Contexte") == "Background / Contexte"
    assert Wording("bilingual").heading("Options", "Options") == "Options"
    assert Wording("en").page(3, 4) == "Page 3 of 4" and Wording("fr").page(3, 4) == "Page 3 de 4"
    with pytest.raises(ValueError):
        Wording("de")


def _rewrite(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    out = path.with_name("changed.briefing")
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in parts:
            if info.filename == "manifest.yaml":
                manifest = parse_manifest(data)
                change(manifest)
                data = dump_manifest(json.loads(json.dumps(manifest)))
            zf.writestr(info, data)
    return out


def test_the_language_is_saved_a_version_2_note_is_english_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    briefing = demo_briefing()
    SetTitleField("language", "bilingual").apply(briefing)
    path = tmp_path / "note.briefing"
    save_briefing(briefing, path)
    assert load_briefing(path).title_block.language == "bilingual"

    def version_2(manifest: dict) -> None:  # type: ignore[type-arg]
        manifest["version"] = 2
        del manifest["title_block"]["language"]

    assert load_briefing(_rewrite(path, version_2)).title_block.language == "en"
    bad = _rewrite(path, lambda m: m["title_block"].update(language="klingon"))
    with pytest.raises(ProjectFileError, match="title_block.language"):
        load_briefing(bad)


def test_setting_an_unknown_language_is_refused() -> None:
    with pytest.raises(OperationError, match="language must be one of en, fr, bilingual"):
        SetTitleField("language", "de").apply(demo_briefing())
