"""The briefing as plain data (briefing/core/plain.py): what the manifest stores and `briefing show --json` prints."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from briefing.cli import main
from briefing.core.model import Excerpt
from briefing.core.plain import briefing_data
from briefing.core.project_manifest import parse_manifest
from briefing.core.project_save import save_briefing
from briefing.demo import demo_briefing

FILE_KEYS = {"format", "version", "app", "saved_at"}  # the file's own bookkeeping, not the briefing's
SOURCE_FILE_KEYS = {"text_sha256", "text", "blocks", "original"}


def test_the_manifest_stores_the_plain_data(tmp_path: Path) -> None:
    briefing = demo_briefing()
    save_briefing(briefing, tmp_path / "b.briefing")
    with zipfile.ZipFile(tmp_path / "b.briefing") as archive:
        manifest = parse_manifest(archive.read("manifest.yaml"))
    assert set(manifest) - FILE_KEYS == {"template", "title_block", "sections", "sources"}
    for entry in manifest["sources"]:
        for key in SOURCE_FILE_KEYS:
            entry.pop(key, None)
    assert {k: v for k, v in manifest.items() if k not in FILE_KEYS} == json.loads(json.dumps(briefing_data(briefing)))


def test_show_json_prints_the_same_data_with_citations(tmp_path: Path, capsys) -> None:
    briefing = demo_briefing()
    path = tmp_path / "b.briefing"
    save_briefing(briefing, path)
    assert main(["show", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    plain = json.loads(json.dumps(briefing_data(briefing)))
    assert shown["title_block"] == plain["title_block"] and shown["template"] == plain["template"]
    assert len(shown["sections"]) == len(plain["sections"])
    numbers = {s.id: n for n, s in enumerate(briefing.sources, start=1)}
    for got, wanted in zip(shown["sections"], plain["sections"], strict=True):
        assert len(got["items"]) == len(wanted["items"])
        for item, data in zip(got["items"], wanted["items"], strict=True):
            if data["kind"] == "excerpt":  # the source by its number in the list, as the other commands take it
                assert item["source"] == numbers[data.pop("source")] and item.pop("source")
                assert item["quote"] == data["exact"] and item["citation"].endswith(".")
            assert {k: item[k] for k in data} == data
    assert any(isinstance(i, Excerpt) for s in briefing.sections for i in s.items)
