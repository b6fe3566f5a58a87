"""The bundled fonts are unpacked once per user; a damaged copy in the cache is never used."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import pytest

from briefing import paths
from briefing.export import fontcache
from briefing.export.pdftext import fonts_dir, open_font

FONT = "NotoSansHebrew-Regular.ttf"


@pytest.fixture
def font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundled font's compressed file, copied, with a private cache folder."""
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    copy = tmp_path / "fonts" / (FONT + ".gz")
    copy.parent.mkdir()
    shutil.copy2(fonts_dir() / (FONT + ".gz"), copy)
    return copy


def _no_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> bytes:
        raise AssertionError("unpacked again")

    monkeypatch.setattr(fontcache.gzip, "decompress", refuse)


def test_a_font_is_unpacked_once_then_read_from_the_cache(font: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = gzip.decompress(font.read_bytes())
    assert fontcache.unpacked(font) == content
    [copy] = fontcache.cache_dir().iterdir()
    assert copy.read_bytes() == content and copy.suffix == ".ttf"
    assert (
        fontcache.cache_dir() == paths.user_cache_dir() / "fonts" == Path(os.environ["BRIEFING_HOME"]) / "cache/fonts"
    )
    _no_unpacking(monkeypatch)
    assert fontcache.unpacked(font) == content


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1000],  # truncated
        lambda data: data[:5000] + bytes([data[5000] ^ 1]) + data[5001:],  # one bit changed
        lambda data: data + b"\0",  # longer
        lambda data: b"",
    ],
)
def test_a_damaged_copy_is_never_used_and_is_written_again(font: Path, damage: object) -> None:
    content = fontcache.unpacked(font)
    [copy] = fontcache.cache_dir().iterdir()
    copy.write_bytes(damage(content))  # type: ignore[operator]
    assert fontcache.unpacked(font) == content
    assert copy.read_bytes() == content


def test_a_changed_font_gets_a_new_copy_and_the_old_one_goes(font: Path) -> None:
    fontcache.unpacked(font)
    [old] = fontcache.cache_dir().iterdir()
    other = gzip.compress(b"not the same font")
    font.write_bytes(other)
    assert fontcache.unpacked(font) == b"not the same font"
    [new] = fontcache.cache_dir().iterdir()
    assert new != old and new.read_bytes() == b"not the same font"


def test_a_cache_folder_that_cannot_be_made_changes_nothing(
    font: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("BRIEFING_HOME", str(blocked))
    assert fontcache.unpacked(font) == gzip.decompress(font.read_bytes())
    assert fontcache.unpacked(font) == gzip.decompress(font.read_bytes())


def test_no_home_folder_changes_nothing(font: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")  # as Path.home() says it

    monkeypatch.setattr(paths, "user_cache_dir", no_home)
    assert fontcache.unpacked(font) == gzip.decompress(font.read_bytes())


def test_the_pdf_export_reads_its_fonts_through_the_cache(font: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = gzip.decompress(font.read_bytes())
    first = open_font(FONT)  # the bundled font, first unpacked into this test's cache
    assert not isinstance(first, str) and first.getvalue() == content and first.name == str(fonts_dir() / FONT)
    _no_unpacking(monkeypatch)
    again = open_font(FONT)
    assert not isinstance(again, str) and again.getvalue() == content


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontcache, "_checked_copies", None)  # as a new process reads the fonts-checked file


def test_a_copy_found_sound_is_not_checked_again_until_it_changes(font: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = fontcache.unpacked(font)
    _fresh_process(monkeypatch)
    checks = []
    real_crc32 = fontcache.zlib.crc32
    monkeypatch.setattr(fontcache.zlib, "crc32", lambda data: checks.append(len(data)) or real_crc32(data))
    assert fontcache.unpacked(font) == content and checks == []
    [copy] = fontcache.cache_dir().iterdir()
    copy.write_bytes(content)  # the same bytes, written again: checked again, once
    _fresh_process(monkeypatch)
    assert fontcache.unpacked(font) == content and checks == [len(content)]
    _fresh_process(monkeypatch)
    assert fontcache.unpacked(font) == content and checks == [len(content)]


@pytest.mark.parametrize("record", [b"", b"\xff\xfe garbage", b"no-stamp-here\n", b"x 1:2:3:4\ny"])
def test_a_damaged_record_of_checked_copies_means_checking_again(
    font: Path, monkeypatch: pytest.MonkeyPatch, record: bytes
) -> None:
    content = fontcache.unpacked(font)
    [copy] = fontcache.cache_dir().iterdir()
    copy.write_bytes(content[:-10])  # damaged, and the record says nothing sound of it
    fontcache._checked_file().write_bytes(record)
    _fresh_process(monkeypatch)
    assert fontcache.unpacked(font) == content
    assert copy.read_bytes() == content
