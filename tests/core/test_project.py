"""The .briefing file: round trips, atomic saves, and every kind of damaged or hostile file."""

from __future__ import annotations

import copy
import errno
import gc
import gzip
import io
import json
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from briefing.core import project, project_manifest, project_save
from briefing.core.files import backup_path
from briefing.core.model import Block, Note, Source, SourceMeta
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing, write_briefing
from briefing.core.text import build_text
from briefing.demo import demo_briefing
from tests.helpers import read_only_folder
from tests.strategies import briefings


@settings(
    max_examples=int(os.environ.get("BRIEFING_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(briefing=briefings())
def test_round_trip_of_generated_briefings(tmp_path: Path, briefing) -> None:
    path = tmp_path / "b.briefing"
    save_briefing(briefing, path)
    assert load_briefing(path) == briefing


def test_round_trip_of_the_demo_keeps_original_bytes(tmp_path: Path) -> None:
    briefing = demo_briefing()
    path = tmp_path / "demo.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    assert loaded == briefing
    assert loaded.sources[0].original == briefing.sources[0].original
    assert loaded.sources[0].original.startswith(b"Canada Confirms Talks")


def test_an_emails_recipients_are_kept_and_a_file_without_them_still_opens(tmp_path: Path) -> None:
    """To and Cc are optional source metadata (docs/file-format.md): no new format version. A file written before
    they existed (no such keys) opens with none; a file with them keeps them through a save."""
    briefing = demo_briefing()
    briefing.sources[0].meta.to = ["John Smith <john.smith@example.gc.ca>", "Zoë Ng"]
    briefing.sources[0].meta.cc = ['"Li, Bo" <bo@example.org>']
    briefing.sources[0].meta.attached_to = "Fwd: talks"  # (the e-mail it came attached to: as optional)
    path = tmp_path / "mail.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    assert loaded.sources[0].meta.to == briefing.sources[0].meta.to
    assert loaded.sources[0].meta.cc == ['"Li, Bo" <bo@example.org>']
    assert loaded.sources[0].meta.attached_to == "Fwd: talks"

    def drop(manifest) -> None:
        for source in manifest["sources"]:
            for key in ("to", "cc", "attached_to"):
                source["meta"].pop(key, None)

    older = _write_zip(tmp_path / "older.briefing", _manifest_with(_good_parts(), drop))
    meta = load_briefing(older).sources[0].meta
    assert (meta.to, meta.cc, meta.attached_to) == ([], [], "")


def test_file_starts_with_an_uncompressed_mimetype(tmp_path: Path) -> None:
    path = tmp_path / "demo.briefing"
    save_briefing(demo_briefing(), path)
    assert path.read_bytes()[30:38] == b"mimetype"
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert zf.read("mimetype") == project.MIMETYPE.encode()


def test_save_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "b.briefing"
    first = demo_briefing()
    save_briefing(first, path)
    second = demo_briefing()
    second.title_block.title = "Second version"
    save_briefing(second, path)
    assert load_briefing(path).title_block.title == "Second version"
    assert load_briefing(backup_path(path)).title_block.title == first.title_block.title
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_save_that_fails_half_way_leaves_the_last_good_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.briefing"
    good = demo_briefing()
    save_briefing(good, path)
    before = path.read_bytes()

    real_writestr = zipfile.ZipFile.writestr
    calls = {"n": 0}

    def disk_full_on_third_part(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real_writestr(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full_on_third_part)
    changed = demo_briefing()
    changed.title_block.title = "never saved"
    with pytest.raises(ProjectFileError, match="No space left on device.*previous file is intact"):
        save_briefing(changed, path)
    assert calls["n"] == 3  # the failure really happened mid-write
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.briefing"]
    calls["n"] = 0
    with pytest.raises(ProjectFileError, match=r"No space left on device\); nothing was written$"):
        save_briefing(changed, tmp_path / "new.briefing")  # no previous file to speak of
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.briefing"]


def test_a_backup_that_cannot_be_replaced_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.briefing"
    save_briefing(demo_briefing(), path)
    before = path.read_bytes()
    real_replace = os.replace

    def no_backup(src, dst) -> None:
        if str(dst).endswith(".bak"):
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", no_backup)
    with pytest.raises(
        ProjectFileError, match=r"could not be saved \(Permission denied\); the previous file is intact"
    ):
        save_briefing(demo_briefing(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.briefing"]


def test_parts_prepared_ahead_are_not_compressed_again(tmp_path: Path, monkeypatch) -> None:
    briefing = demo_briefing()
    cache = project.PartCache()
    for source in briefing.sources:
        project_save.prepare_source_parts(source, cache)
    compressed = []
    real = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda data, **kw: compressed.append(data) or real(data, **kw))
    save_briefing(briefing, tmp_path / "b.briefing", cache=cache)
    assert compressed == []  # the save only wrote what was prepared
    assert load_briefing(tmp_path / "b.briefing") == briefing
    briefing.sources[0].text += " More."  # a changed text is compressed afresh, not taken from the cache
    save_briefing(briefing, tmp_path / "b.briefing", cache=cache)
    assert compressed == [briefing.sources[0].text.encode("utf-8")]


def test_a_load_fills_the_cache_it_is_given_and_nothing_else(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "b.briefing"
    save_briefing(demo_briefing(), path)
    cache = project.PartCache()
    briefing = load_briefing(path, cache)
    compressed = []
    real = gzip.compress
    monkeypatch.setattr(gzip, "compress", lambda data, **kw: compressed.append(data) or real(data, **kw))
    save_briefing(briefing, path, cache=cache)
    assert compressed == []  # every part came from the load
    save_briefing(briefing, path)  # no cache: no state kept anywhere between calls, so all is compressed again
    packed = [name for s in briefing.sources for name in project.part_names(s).values() if name.endswith(".gz")]
    assert len(compressed) == len(packed) > 0


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX here")
def test_a_read_only_briefing_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "final.briefing"
    save_briefing(demo_briefing(), path)
    path.chmod(0o444)  # made read-only on purpose; the folder is writable, so a rename would go through
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=r"final\.briefing: is read-only; make it writable, or save under"):
        save_briefing(demo_briefing(), path)
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.briefing"]  # no temporary file left


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    with (
        read_only_folder(tmp_path, monkeypatch),
        pytest.raises(ProjectFileError, match=r"^b\.briefing: cannot save here \(Permission denied\)$"),
    ):
        save_briefing(demo_briefing(), tmp_path / "b.briefing")
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot be saved: the folder .* does not exist"):
        save_briefing(demo_briefing(), tmp_path / "nope" / "b.briefing")


def test_a_lone_surrogate_is_saved_as_the_replacement_character(tmp_path: Path) -> None:
    """Qt paste can leave half a surrogate pair in a text; it is not a character and cannot be UTF-8."""
    briefing = demo_briefing()
    briefing.sections[0].items.append(Note(id="note-x", text="pasted \ud83d text"))
    briefing.title_block.title = "\udcff title"
    source = briefing.sources[0]
    source.text = source.text[:-1] + "\ud800"  # same length: the blocks and anchors still fit
    path = tmp_path / "s.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    assert loaded.sections[0].items[-1].text == "pasted \ufffd text"
    assert loaded.title_block.title == "\ufffd title"
    assert loaded.sources[0].text == source.text[:-1] + "\ufffd"


def test_the_blocks_part_is_the_json_of_the_blocks() -> None:
    """Written without json.dumps (see _blocks_json): the same text, so files stay as they were."""
    blocks = [*demo_briefing().sources[0].blocks, Block('odd "kind" \u00e9', 3, 7, 2), Block("list_item", 8, 9)]
    expected = json.dumps([[b.kind, b.level, b.start, b.end] for b in blocks], separators=(",", ":"))
    assert project_save._blocks_json(blocks) == expected
    assert project_save._blocks_json([]) == "[]"


def test_characters_are_replaced_in_pieces_as_in_one_go() -> None:
    text = ("a\ud83d\u2028b\x85" * 7 + "\ufeff") * 50
    for piece in (1, 3, 64, 10_000):
        for pattern in (project._SURROGATE, project_manifest._NOT_YAML_PRINTABLE):
            assert project.sub_in_pieces(pattern, "?", text, piece) == pattern.sub("?", text)
    assert project.utf8(text) == project._SURROGATE.sub("\ufffd", text).encode("utf-8")


def test_writing_a_long_source_sets_off_no_garbage_collection() -> None:
    """An autosave writes on a worker thread; a collection it sets off holds the interpreter lock, and so stalls
    the GUI thread, for as long as the heap is big (50 ms in the app). A list per block set off one each 700."""
    text, blocks = build_text(("paragraph", 0, f"Paragraph {n}.") for n in range(20_000))
    source = Source(id="long", text=text, blocks=blocks, meta=SourceMeta(title="Long"))
    collections = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        project_save._source_parts(source)
    finally:
        gc.callbacks.remove(count)
    assert len(collections) <= 1


# --- hostile and damaged files ----------------------------------------------------------------------


def _good_parts() -> dict[str, bytes]:
    buffer = io.BytesIO()
    write_briefing(demo_briefing(), buffer)
    with zipfile.ZipFile(buffer) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _write_zip(path: Path, parts: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            zf.writestr(name, data)
    return path


def _manifest_with(parts: dict[str, bytes], change) -> list[tuple[str, bytes]]:
    manifest = yaml.safe_load(parts["manifest.yaml"])
    change(manifest)
    return [
        *((n, d) for n, d in parts.items() if n != "manifest.yaml"),
        ("manifest.yaml", yaml.safe_dump(manifest).encode()),
    ]


def _load_fails(path: Path, message: str) -> None:
    before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(ProjectFileError, match=message) as info:
        load_briefing(path)
    assert str(info.value).startswith(path.name + ": ")
    assert "\n" not in str(info.value)
    assert sorted(p.name for p in path.parent.iterdir()) == before  # loading never writes anything


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "e.briefing").write_bytes(b"")
    _load_fails(tmp_path / "e.briefing", "not a briefing file, or is damaged")


def test_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "t.briefing"
    save_briefing(demo_briefing(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _load_fails(path, "not a briefing file, or is damaged")


def test_a_copy_cut_short_after_a_stored_docx_is_said_to_be_cut_short(tmp_path: Path) -> None:
    """A DOCX source is kept as it is (it is a zip already): a copy of the briefing cut short after it ends on the
    DOCX's table of contents, which zipfile took for the briefing's and refused for its '[Content_Types].xml'
    (qa4win 6): a security alarm for what is a failed copy."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/media/image1.png", os.urandom(20000))  # (incompressible: the DOCX is stored as it is)
    docx = inner.getvalue()
    briefing = demo_briefing()
    briefing.sources[0].original = docx
    briefing.sources[0].meta.file_name = "report.docx"
    path = tmp_path / "cut.briefing"
    save_briefing(briefing, path)
    data = path.read_bytes()
    assert docx in data
    path.write_bytes(data[: data.index(docx) + len(docx) + 100])  # `head -c`: the DOCX whole, the rest cut off
    with pytest.raises(ProjectFileError) as info:
        load_briefing(path)
    assert str(info.value) == (
        "cut.briefing: is not a briefing file, or is damaged (it is cut short, or damaged at its end)"
    )


def _damaged(data: bytes, part: str, at: int, size: int = 100) -> bytes:
    """The file with `size` bytes overwritten `at` bytes into a part's stored data."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + at
    return data[:start] + bytes(255 - b for b in data[start : start + size]) + data[start + size :]


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda data: data[:4000], "(it is cut short, or damaged at its end)"),  # `head -c 4000`
        (lambda data: _damaged(data, "manifest.yaml", 10), "(part 'manifest.yaml' is damaged)"),  # zlib's error
        (lambda data: _damaged(data, "mimetype", 4, 2), "(part 'mimetype' is damaged)"),  # its CRC-32
        (lambda data: b"XXXX" + data[4:], "(part 'mimetype' is damaged)"),
        (lambda data: b"plain text, not a briefing", "(it does not begin as a briefing file does)"),
        (lambda data: b"", "(it is empty)"),
    ],
)
def test_zip_damage_is_said_in_words(tmp_path: Path, damage, words: str) -> None:
    """zipfile's and zlib's own words ("File is not a zip file", "Bad CRC-32 for file 'manifest.yaml'", "Error -3
    while decompressing data") never reach the analyst (QA 18): what is wrong is said plainly."""
    path = tmp_path / "d.briefing"
    save_briefing(demo_briefing(), path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(ProjectFileError) as info:
        load_briefing(path)
    message = str(info.value)
    assert message.startswith("d.briefing: ") and message.endswith(words), message
    assert not re.search(r"zip|CRC|Error -?\d|decompress", message, re.I), message


def test_corrupted_part(tmp_path: Path) -> None:
    path = tmp_path / "c.briefing"
    parts = _good_parts()
    _write_zip(path, list(parts.items()))
    data = bytearray(path.read_bytes())
    at = data.find(b"manifest.yaml") + 40  # inside the compressed manifest
    data[at : at + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    _load_fails(path, "damaged|not valid|not UTF-8|not a briefing")


def test_foreign_zip(tmp_path: Path) -> None:
    _load_fails(_write_zip(tmp_path / "f.briefing", [("word/document.xml", b"<w/>")]), "missing its type marker")


def test_foreign_mimetype(tmp_path: Path) -> None:
    path = _write_zip(tmp_path / "f.briefing", [("mimetype", b"application/epub+zip"), ("manifest.yaml", b"{}")])
    _load_fails(path, "not a briefing file .it says it is 'application/epub")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "sources/../../x", "a\\b", "C:/x"])
def test_unsafe_part_names(tmp_path: Path, name: str) -> None:
    parts = _good_parts()
    path = tmp_path / "u.briefing"
    with zipfile.ZipFile(path, "w") as zf:
        for part, data in parts.items():
            zf.writestr(part, data)
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo normalises some names on construction; set it raw
        zf.writestr(info, b"x")
    _load_fails(path, "unsafe name")


def test_duplicate_parts(tmp_path: Path) -> None:
    parts = _good_parts()
    path = tmp_path / "d.briefing"
    with pytest.warns(UserWarning, match="Duplicate name"):
        _write_zip(path, [*parts.items(), ("manifest.yaml", parts["manifest.yaml"])])
    _load_fails(path, "twice")


def test_zip_bomb(tmp_path: Path) -> None:
    parts = _good_parts()
    bomb = b"\0" * (64 * 1024 * 1024)  # compresses about 1000-fold
    path = _write_zip(tmp_path / "z.briefing", [*parts.items(), ("sources/x/original", bomb)])
    assert path.stat().st_size < 1024 * 1024
    _load_fails(path, "zip bomb")


def test_gzip_bomb_inside_a_part(tmp_path: Path) -> None:
    parts = _good_parts()
    name = next(n for n in parts if n.endswith("text.txt.gz"))
    parts[name] = gzip.compress(b"a" * (200 * 1024 * 1024), compresslevel=9)
    assert len(parts[name]) < 1024 * 1024
    _load_fails(_write_zip(tmp_path / "g.briefing", list(parts.items())), "expands far beyond its size")


def test_truncated_gzip_part(tmp_path: Path) -> None:
    parts = _good_parts()
    name = next(n for n in parts if n.endswith("text.txt.gz"))
    parts[name] = parts[name][: len(parts[name]) // 2]
    _load_fails(_write_zip(tmp_path / "g.briefing", list(parts.items())), "truncated|damaged")


def test_the_manifest_is_yaml(tmp_path: Path) -> None:
    """Written in flow style for speed, it must read the same with any YAML reader."""
    parts = _good_parts()
    assert yaml.safe_load(parts["manifest.yaml"]) == project_manifest.parse_manifest(parts["manifest.yaml"])


@settings(max_examples=int(os.environ.get("BRIEFING_EXAMPLES", "60")), deadline=None)
@given(briefing=briefings())
def test_generated_manifests_are_yaml(briefing) -> None:
    raw = project_manifest.dump_manifest(project_manifest.manifest_of(briefing))
    assert yaml.load(raw, Loader=yaml.SafeLoader) == project_manifest.parse_manifest(raw)


def test_a_hand_edited_block_style_manifest_loads(tmp_path: Path) -> None:
    parts = _good_parts()
    manifest = project_manifest.parse_manifest(parts["manifest.yaml"])
    manifest["title_block"]["title"] = "Edited by hand"
    parts["manifest.yaml"] = yaml.safe_dump(manifest, allow_unicode=True).encode()
    assert b"{" not in parts["manifest.yaml"][:20]
    loaded = load_briefing(_write_zip(tmp_path / "h.briefing", list(parts.items())))
    assert loaded.title_block.title == "Edited by hand"


def test_part_larger_than_it_declares(tmp_path: Path) -> None:
    parts = _good_parts()
    path = _write_zip(tmp_path / "l.briefing", list(parts.items()))
    # Shrink the declared size of the first source text in the central directory, keeping the data.
    text_name = next(n for n in parts if n.endswith("text.txt.gz")).encode()
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(text_name))
    size_at = central + 24
    data[size_at : size_at + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    _load_fails(path, "larger than it declares|damaged")


def test_yaml_that_would_construct_python_objects(tmp_path: Path) -> None:
    parts = _good_parts()
    evil = b"format: briefing\nversion: 1\nsections: !!python/object/apply:os.system ['touch pwned']\n"
    path = _write_zip(tmp_path / "y.briefing", [("mimetype", parts["mimetype"]), ("manifest.yaml", evil)])
    _load_fails(path, "part 'manifest.yaml' is damaged")
    assert not (Path.cwd() / "pwned").exists()


@pytest.mark.parametrize("damage", [b"\n  - : [", b"\n\xff\xfe"])
def test_a_damaged_manifest_is_said_in_words_the_parser_only_when_debugging(
    tmp_path: Path, damage, monkeypatch
) -> None:
    """QA8 D3: "manifest is not valid YAML: did not find expected <document start>", also in the French window.
    The analyst reads that the part is damaged, as for every other part; BRIEFING_DEBUG adds what the parser said."""
    parts = _good_parts()
    parts["manifest.yaml"] += damage  # as QA did, appended to a good manifest
    path = _write_zip(tmp_path / "badyaml.briefing", list(parts.items()))
    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)
    with pytest.raises(ProjectFileError) as plain:
        load_briefing(path)
    assert str(plain.value) == "badyaml.briefing: part 'manifest.yaml' is damaged (its contents cannot be read)"
    monkeypatch.setenv("BRIEFING_DEBUG", "1")
    with pytest.raises(ProjectFileError) as debugging:
        load_briefing(path)
    detail = "[did not find expected <document start>, line " if damage.startswith(b"\n ") else "['utf-8' codec"
    assert str(debugging.value).startswith(f"{plain.value} {detail}")


def test_missing_source_text(tmp_path: Path) -> None:
    parts = _good_parts()
    kept = [(n, d) for n, d in parts.items() if not n.endswith("text.txt.gz")]
    _load_fails(_write_zip(tmp_path / "m.briefing", kept), "missing the text of source")


def test_source_text_that_does_not_match_its_checksum(tmp_path: Path) -> None:
    parts = _good_parts()
    name = next(n for n in parts if n.endswith("text.txt.gz"))
    parts[name] = gzip.compress(gzip.decompress(parts[name]).replace(b"Harper", b"Harpor"))
    # named as the analyst knows it: its number and title, not its internal id
    named = f"the text of source 1 {demo_briefing().sources[0].label!r} is damaged (its checksum does not match)"
    _load_fails(_write_zip(tmp_path / "k.briefing", list(parts.items())), re.escape(named))


def test_excerpt_citing_a_missing_source(tmp_path: Path) -> None:
    parts = _good_parts()
    rows = _manifest_with(parts, lambda m: m["sections"][0]["items"][0].update(source="src-gone"))
    _load_fails(_write_zip(tmp_path / "x.briefing", rows), "cites source 'src-gone'")


def test_an_excerpt_that_quotes_nothing_is_refused(tmp_path: Path) -> None:
    """An empty exact used to load, then crash `briefing check`, export and the window's check of anchors."""
    rows = _manifest_with(_good_parts(), lambda m: m["sections"][1]["items"][0].update(exact=""))
    _load_fails(
        _write_zip(tmp_path / "e.briefing", rows),
        r"excerpt 'exc-[0-9a-f]+' at sections\[1\]\.items\[0\] quotes nothing \(its exact is empty\)",
    )


def test_wrong_types_in_the_manifest_name_the_place(tmp_path: Path) -> None:
    parts = _good_parts()
    rows = _manifest_with(parts, lambda m: m["sections"][1]["items"][0].update(start="twelve"))
    _load_fails(_write_zip(tmp_path / "w.briefing", rows), r"sections\[1\]\.items\[0\]\.start: expected a whole number")


def test_a_newer_file_format_is_refused(tmp_path: Path) -> None:
    parts = _good_parts()
    rows = _manifest_with(parts, lambda m: m.update(version=project_manifest.FORMAT_VERSION + 1))
    _load_fails(_write_zip(tmp_path / "n.briefing", rows), "saved by a newer Briefing.*Update Briefing")


def test_an_older_file_format_migrates(tmp_path: Path, monkeypatch) -> None:
    """The migration chain runs each step in turn (a format 0 that said `notes` where format 1 says `items`)."""
    parts = _good_parts()
    current = load_briefing(_write_zip(tmp_path / "current.briefing", list(parts.items())))

    def to_old(manifest):
        manifest["version"] = 0
        for section in manifest["sections"]:
            section["notes"] = section.pop("items")

    def step(manifest):
        for section in manifest["sections"]:
            section["items"] = section.pop("notes")
        return manifest

    monkeypatch.setitem(project_manifest.MIGRATIONS, 0, step)
    old = _write_zip(tmp_path / "old.briefing", _manifest_with(parts, to_old))
    assert load_briefing(old) == current


def test_an_older_format_without_a_migration_is_a_clear_error(tmp_path: Path) -> None:
    parts = _good_parts()
    rows = _manifest_with(parts, lambda m: m.update(version=0))
    _load_fails(
        _write_zip(tmp_path / "o.briefing", rows), "file format 0, which this version of Briefing cannot convert"
    )


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="file not found"):
        load_briefing(tmp_path / "missing.briefing")
    folder = tmp_path / "dir.briefing"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match="folder"):
        load_briefing(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "ff.briefing"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    _load_fails(fifo, "is not a regular file")
    device = tmp_path / "zero.briefing"
    device.symlink_to(os.devnull)
    _load_fails(device, "is not a regular file")


def test_a_surrogate_escape_in_a_hand_edited_manifest_is_read_as_the_replacement_character(tmp_path: Path) -> None:
    parts = _good_parts()
    edited = parts["manifest.yaml"].replace(b'"title": "', b'"title": "\\ud83d', 1)
    assert edited != parts["manifest.yaml"]
    path = _write_zip(tmp_path / "h.briefing", list((parts | {"manifest.yaml": edited}).items()))
    assert load_briefing(path).title_block.title.startswith("\ufffd")


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"page_starts": ["a", "b"]}, r"sources\[0\]\.meta\.page_starts\[0\]: expected an offset from 0 to"),
        ({"page_starts": [0, 50, 20]}, r"page_starts\[2\]: expected an offset from 50 to .* \(ascending\)"),
        ({"page_starts": [0, 10**9]}, r"page_starts\[1\]: expected an offset"),
        ({"page_starts": "1,2"}, r"meta\.page_starts: expected list"),
        ({"direction": "sideways"}, r"meta\.direction: expected 'ltr', 'rtl' or ''"),
        ({"ocr_pages": [1, "2"]}, r"meta\.ocr_pages\[1\]: expected a page number from 1"),
        ({"ocr_pages": [0]}, r"meta\.ocr_pages\[0\]: expected a page number from 1"),
        ({"to": "Jane Doe"}, r"meta\.to: expected list"),
        ({"cc": ["Ann", 3]}, r"meta\.cc\[1\]: expected str, found 3"),
    ],
)
def test_tampered_source_metadata_is_refused(tmp_path: Path, meta, message: str) -> None:
    rows = _manifest_with(_good_parts(), lambda m: m["sources"][0]["meta"].update(meta))
    _load_fails(_write_zip(tmp_path / "t.briefing", rows), message)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda rows: rows[0].__setitem__(0, "banner"), r"block 0: unknown kind 'banner'"),
        (lambda rows: rows[1].__setitem__(1, "two"), r"block 1: its level is not a whole number"),
        (lambda rows: rows[0].__setitem__(2, "7"), r"block 0: it points outside the text or out of order"),
        (lambda rows: rows[0].__setitem__(3, 10**9), r"block 0: it points outside the text"),
        (lambda rows: rows.reverse(), r"block 1: it points outside the text or out of order"),
        (lambda rows: rows[0].pop(), r"block 0: expected \[kind, level, start, end\]"),
        (lambda rows: rows.__setitem__(slice(None), [{"kind": "title"}]), r"block 0: expected \[kind, level"),
    ],
)
def test_tampered_blocks_are_refused(tmp_path: Path, change, message: str) -> None:
    parts = _good_parts()
    name = next(n for n in parts if n.endswith("blocks.json.gz"))
    rows = json.loads(gzip.decompress(parts[name]))
    change(rows)
    parts[name] = gzip.compress(json.dumps(rows).encode())
    _load_fails(
        _write_zip(tmp_path / "b.briefing", list(parts.items())), "the blocks of source .* are damaged .*" + message
    )


def test_a_name_too_long_is_not_called_damage(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot be opened"):
        load_briefing(tmp_path / ("a" * 300 + ".briefing"))
    with pytest.raises(ProjectFileError, match="cannot be opened"):
        load_briefing(tmp_path / "a\x00b.briefing")


def _with_source_id(source_id: str):
    """A manifest change: the first source, and the excerpts citing it, take another id (a hand edit)."""

    def change(manifest) -> None:
        old = manifest["sources"][0]["id"]
        manifest["sources"][0]["id"] = source_id
        for section in manifest["sections"]:
            for item in section["items"]:
                if item.get("source") == old:
                    item["source"] = source_id

    return change


@pytest.mark.parametrize("source_id", ["src 1", "rapport-été", "a/b", "", "..", "src-1\n"])
def test_a_source_id_that_cannot_name_its_folder_in_the_zip_is_refused(tmp_path: Path, source_id: str) -> None:
    """Loading such a file used to succeed, and its next save wrote a file that could never be opened again."""
    rows = _manifest_with(_good_parts(), _with_source_id(source_id))
    _load_fails(_write_zip(tmp_path / "h.briefing", rows), re.escape(f"the source id {source_id!r} is not allowed"))


def test_a_source_id_used_twice_is_refused(tmp_path: Path) -> None:
    rows = _manifest_with(_good_parts(), lambda m: m["sources"].append(copy.deepcopy(m["sources"][0])))
    _load_fails(_write_zip(tmp_path / "d.briefing", rows), r"the source id 'src-[0-9a-f]+' is used by two sources")


def test_a_save_never_writes_a_file_that_loading_refuses(tmp_path: Path) -> None:
    path = tmp_path / "b.briefing"
    save_briefing(demo_briefing(), path)
    before = path.read_bytes()
    for source_id in ("src 1", ""):
        briefing = demo_briefing()
        briefing.sources[0].id = source_id
        with pytest.raises(ProjectFileError, match=r"b\.briefing: cannot be saved: the source id .* is not allowed"):
            save_briefing(briefing, path)
    twice = demo_briefing()
    twice.sources.append(copy.copy(twice.sources[0]))
    with pytest.raises(ProjectFileError, match="cannot be saved: the source id .* is used by two sources"):
        save_briefing(twice, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.briefing"]  # nothing written, not even a backup
