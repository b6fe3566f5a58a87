"""The demo briefing: built from resources/demo/canada-iran-talks.json, exactly as importing the sample gives it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import briefing.demo
from briefing import paths
from briefing.core.model import Briefing, Excerpt
from briefing.core.plain import briefing_data
from briefing.demo import BUILT, SAMPLE, built_text, demo_briefing


def test_the_built_file_is_what_regenerating_writes() -> None:
    assert paths.resource("demo", BUILT).read_text(encoding="utf-8") == built_text(), (
        "the sample or the filings changed: run `python -m briefing.demo` and commit the file"
    )


def _substance(briefing: Briefing) -> Any:
    """All of the briefing but its random ids and the import's time."""
    data = briefing_data(briefing)
    ids = {source.id: "source" for source in briefing.sources}
    ids |= {item.id: f"item {n}" for n, item in enumerate(i for section in briefing.sections for i in section.items)}
    for section in data["sections"]:
        for item in section["items"]:
            item["id"] = ids[item["id"]]
            if "source" in item:
                item["source"] = ids[item["source"]]
    for source in data["sources"]:
        source["id"] = ids[source["id"]]
        assert source["meta"].pop("imported_at")
    source = briefing.sources[0]
    return data, source.text, source.blocks, source.original


def _imported(monkeypatch: pytest.MonkeyPatch) -> Briefing:
    with monkeypatch.context() as patch:
        patch.setattr(briefing.demo, "_built", lambda: None)
        return demo_briefing()


def test_the_demo_is_the_imported_sample_filed(monkeypatch: pytest.MonkeyPatch) -> None:
    built, imported = demo_briefing(), _imported(monkeypatch)
    assert _substance(built) == _substance(imported)
    source = built.sources[0]
    assert source.original == paths.resource("demo", SAMPLE).read_bytes()
    excerpts = [item for _, item in built.excerpts() if isinstance(item, Excerpt)]
    assert len(excerpts) == 8 and all(e.source_id == source.id for e in excerpts)
    assert len({e.id for e in excerpts} | {source.id}) == 9  # fresh ids, as an import and filing give


def test_a_sample_changed_since_the_file_was_built_is_imported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    shutil.copytree(paths.resource("demo"), tmp_path / "demo")
    sample = tmp_path / "demo" / SAMPLE
    sample.write_text(sample.read_text(encoding="utf-8").replace("Stephane", "Stéphane"), encoding="utf-8")
    monkeypatch.setattr(paths, "resource", lambda *parts: tmp_path.joinpath(*parts))
    demo = demo_briefing()
    assert demo.sources[0].text.count("Stéphane") == sample.read_text(encoding="utf-8").count("Stéphane") > 0
    assert _substance(demo) == _substance(_imported(monkeypatch))
