"""Hostile .briefing files: each refused quickly with one line naming the file, before it can exhaust memory or time.

The shapes are those of issue 12: a YAML alias bomb, a comment-only manifest, many sources naming one big part,
many small bombs adding up, huge counts and deep nesting. tests/fault/ fuzzes the loader around them.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from briefing.core import project_load, project_manifest, project_zip
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_save import write_briefing
from briefing.demo import demo_briefing


def _good_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    write_briefing(demo_briefing(), buffer)
    with zipfile.ZipFile(buffer) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _manifest(parts: dict[str, bytes]) -> dict:
    return project_manifest.parse_manifest(parts["manifest.yaml"])


def _refused(path: Path, message: str) -> str:
    with pytest.raises(ProjectFileError, match=message) as info:
        load_briefing(path)
    text = str(info.value)
    assert text.startswith(path.name + ": ") and "\n" not in text
    return text


def test_a_manifest_that_is_only_a_comment(tmp_path: Path) -> None:
    # Used to be an IndexError ("internal error").
    parts = _good_parts() | {"manifest.yaml": b"# comment"}
    _refused(_zip(tmp_path / "c.briefing", parts), "manifest does not describe a briefing")
    assert project_manifest.parse_manifest(b"# comment") is None
    assert project_manifest.parse_manifest(b"# comment\n{}") == {}


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(tmp_path: Path, monkeypatch) -> None:
    # 10^4 sections of 10^4 notes in a few hundred bytes: loading it never finished.
    lines = ["format: briefing", "version: 1", "template: x", "n: &n {kind: note, id: x, text: y}"]
    lines.append("a: &a [" + ", ".join(["*n"] * 10) + "]")
    lines.append("b: &b [" + ", ".join(["*a"] * 10) + "]")
    lines.append("c: &c [" + ", ".join(["*b"] * 10) + "]")
    lines.append("items: &items [" + ", ".join(["*c"] * 10) + "]")
    lines.append("s: &s {id: s, heading: h, items: *items}")
    lines.append("s2: &s2 [" + ", ".join(["*s"] * 10) + "]")
    lines.append("s3: &s3 [" + ", ".join(["*s2"] * 10) + "]")
    lines.append("s4: &s4 [" + ", ".join(["*s3"] * 10) + "]")
    lines.append("sections: [" + ", ".join(["*s4"] * 10) + "]")
    manifest = "\n".join(lines).encode()
    assert len(manifest) < 600
    parts = _good_parts() | {"manifest.yaml": manifest}
    _refused(_zip(tmp_path / "a.briefing", parts), r"^a\.briefing: part 'manifest\.yaml' is damaged")
    monkeypatch.setenv("BRIEFING_DEBUG", "1")  # what the parser met, for whoever looks into the file
    _refused(_zip(tmp_path / "a.briefing", parts), r"\[uses a YAML alias \(\*n\), which Briefing does not read")


def test_one_part_named_by_many_sources_is_read_once(tmp_path: Path, monkeypatch) -> None:
    # 200 sources naming one 10 MB text: a 25 KB file made Briefing read 2 GB.
    parts = _good_parts()
    manifest = _manifest(parts)
    source = manifest["sources"][0]
    text = "word " * 2_000_000
    parts[source["text"]] = gzip.compress(text.encode(), compresslevel=9)
    source["text_sha256"] = None
    manifest["sources"] = [source | {"id": f"s{i}"} for i in range(200)]
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    path = _zip(tmp_path / "m.briefing", parts)
    assert path.stat().st_size < 200_000
    read: list[int] = []
    real_read = project_zip.ZipParts.read

    def counting(self, name, what, limit=project_zip.MAX_PART_BYTES):
        data = real_read(self, name, what, limit)
        read.append(len(data))
        return data

    monkeypatch.setattr(project_zip.ZipParts, "read", counting)
    _refused(path, "names the part 'sources/.*/text.txt.gz' twice in its manifest")
    assert sum(read) < 20 * 1024 * 1024


def test_many_small_bombs_add_up_to_a_refusal(tmp_path: Path) -> None:
    # Each part within the per-part limits (10 MB, decompressed), together far beyond what the file could hold.
    parts = _good_parts()
    manifest = _manifest(parts)
    template = manifest["sources"][0]
    bomb = gzip.compress(b"a" * (10 * 1024 * 1024 - 1024), compresslevel=9)
    sources = []
    for i in range(40):
        parts[f"sources/b{i}/text.txt.gz"] = bomb
        sources.append(template | {"id": f"b{i}", "text": f"sources/b{i}/text.txt.gz", "text_sha256": None})
        sources[-1].pop("blocks", None)
        sources[-1].pop("original", None)
    manifest["sources"] = sources
    manifest["sections"] = []
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    path = _zip(tmp_path / "b.briefing", parts)
    assert path.stat().st_size < 1024 * 1024
    _refused(path, r"holds more than 128 MB of data in all, far more than its size suggests")


@pytest.mark.parametrize(
    ("key", "count", "message"),
    [("sources", 2_001, "lists 2,001 sources"), ("sections", 1_001, "lists 1,001 sections")],
)
def test_counts_beyond_any_briefing_are_refused(tmp_path: Path, key: str, count: int, message: str) -> None:
    parts = _good_parts()
    manifest = _manifest(parts)
    manifest[key] = [{"id": f"x{i}"} for i in range(count)]
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    _refused(_zip(tmp_path / "n.briefing", parts), message)


def test_items_are_counted_across_sections_before_any_is_built(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(project_load, "MAX_ITEMS", 50)
    parts = _good_parts()
    manifest = _manifest(parts)
    note = {"kind": "note", "id": "n", "text": "t"}
    manifest["sections"] = [{"id": f"s{i}", "heading": "h", "items": [note] * 10} for i in range(6)]
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    _refused(_zip(tmp_path / "i.briefing", parts), "lists 60 items, more than a briefing can have")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply|manifest.yaml' is damaged"),
        (b"{format: briefing, x: " + b"[" * 100_000 + b"]" * 100_000 + b"}", "manifest.yaml' is damaged"),
        (b"[" * 2_000_001, "more than 2,000,000 lists and mappings"),
    ],
)
def test_deep_or_huge_nesting_is_refused(tmp_path: Path, manifest: bytes, message: str) -> None:
    parts = _good_parts() | {"manifest.yaml": manifest}
    _refused(_zip(tmp_path / "d.briefing", parts), message)


def test_a_hand_written_yaml_manifest_is_bounded(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(project_manifest, "MAX_YAML_EVENTS", 1_000)
    parts = _good_parts()
    block_style = "format: briefing\nversion: 1\nsections:\n" + "".join(
        f"- id: s{i}\n  heading: h\n" for i in range(500)
    )
    parts["manifest.yaml"] = block_style.encode()
    _refused(_zip(tmp_path / "y.briefing", parts), "more than 1,000 YAML entries written by hand")
    monkeypatch.setattr(project_manifest, "MAX_YAML_BYTES", 1_000)
    _refused(_zip(tmp_path / "z.briefing", parts), "MB of hand-written YAML")


def test_a_huge_value_in_the_manifest_is_cut_short_in_the_message(tmp_path: Path) -> None:
    # Found by fuzzing: a missing part named by a 100,000-character string made a 100,000-character message.
    parts = _good_parts()
    manifest = _manifest(parts)
    manifest["sources"][0]["blocks"] = "x" * 100_000
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    message = _refused(_zip(tmp_path / "h.briefing", parts), r"is missing the blocks of source 1 '.+' \('xxx")
    assert len(message) < 300


def test_a_manifest_larger_than_any_briefing_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    parts = _good_parts()
    manifest = _manifest(parts)
    manifest["padding"] = os.urandom(project_manifest.MAX_MANIFEST_BYTES // 2 + 1).hex()  # random: not a zip bomb
    parts["manifest.yaml"] = json.dumps(manifest).encode()
    _refused(_zip(tmp_path / "big.briefing", parts), "manifest is 16 MB, more than a briefing's can be .16 MB.")
