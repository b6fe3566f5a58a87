"""Bundled data is found the same way from a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefing import paths

ROOT = Path(__file__).resolve().parents[1]


def test_checkout_finds_the_repository_folders() -> None:
    assert paths.data_dir("templates") == ROOT / "templates"
    assert paths.resource("demo", "canada-iran-talks.txt").is_file()


def test_frozen_bundle_folder_comes_first(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "templates").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_dir("templates") == tmp_path / "templates"


def test_missing_folder_says_where_it_looked(monkeypatch) -> None:
    with pytest.raises(FileNotFoundError, match="nothing-here"):
        paths.data_dir("nothing-here")


def test_user_data_dir_honours_briefing_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    assert paths.user_data_dir() == tmp_path
    assert paths.user_cache_dir() == tmp_path / "cache"


def test_user_cache_dir_follows_the_platform(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("BRIEFING_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert paths.user_cache_dir() == tmp_path / "briefing"
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "win32")
    assert paths.user_cache_dir() == tmp_path / "Briefing" / "Cache"


@pytest.mark.slow
def test_wheel_carries_templates_and_resources(tmp_path: Path) -> None:
    """Build the wheel, install nothing: its briefing/_data must hold what paths.data_dir looks for."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("briefing-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "briefing/_data/templates/information-note.yaml" in names
    assert "briefing/_data/templates/gc-briefing-note.yaml" in names
    assert "briefing/_data/resources/demo/canada-iran-talks.txt" in names
    assert not any(name.startswith(("tests/", "bench/")) for name in names)
