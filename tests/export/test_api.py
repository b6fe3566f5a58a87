"""export_briefing: format by suffix, atomic replacement, one-line errors, progress."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import briefing.export as export
from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export import ExportError, export_briefing
from tests.helpers import read_only_folder


def test_unknown_suffix_is_a_one_line_error(tmp_path: Path, demo: Briefing, template: Template) -> None:
    with pytest.raises(ExportError) as info:
        export_briefing(demo, template, tmp_path / "note.odt")
    assert str(info.value) == "note.odt: unknown export format '.odt'; use .docx, .pdf or .md"
    assert not list(tmp_path.iterdir())


def test_missing_folder(tmp_path: Path, demo: Briefing, template: Template) -> None:
    with pytest.raises(ExportError, match=r"^note.docx: the folder .* does not exist$"):
        export_briefing(demo, template, tmp_path / "nope" / "note.docx")


def test_failed_export_keeps_the_earlier_file(
    tmp_path: Path, demo: Briefing, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"earlier export")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise ValueError("renderer exploded\nsecond line")

    monkeypatch.setattr(export, "render", broken)
    with pytest.raises(ExportError) as info:
        export_briefing(demo, template, target)
    assert "\n" not in str(info.value) and str(info.value).startswith("note.docx: could not be produced")
    assert target.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["note.docx"]


def test_replace_failure_cleans_up_and_explains(
    tmp_path: Path, demo: Briefing, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"open in Word")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export_briefing(demo, template, target)
    assert target.read_bytes() == b"open in Word"
    assert [p.name for p in tmp_path.iterdir()] == ["note.docx"]


def test_read_only_target(tmp_path: Path, demo: Briefing, template: Template) -> None:
    target = tmp_path / "note.md"
    target.write_text("keep me")
    target.chmod(stat.S_IRUSR)
    with pytest.raises(ExportError, match=r"^note.md: is read-only"):
        export_briefing(demo, template, target)
    assert target.read_text() == "keep me"


def test_replaces_an_earlier_export_and_reports_progress(tmp_path: Path, demo: Briefing, template: Template) -> None:
    target = tmp_path / "note.docx"
    target.write_bytes(b"old")
    steps: list[float] = []
    assert export_briefing(demo, template, target, progress=lambda f, _msg: steps.append(f)) == target
    assert target.read_bytes()[:2] == b"PK"
    assert steps[0] == 0.0 and steps[-1] == 1.0 and steps == sorted(steps)
    assert [p.name for p in tmp_path.iterdir()] == ["note.docx"]


def test_warm_up_loads_the_main_fonts_once() -> None:
    code = (
        "from reportlab.pdfbase import pdfmetrics; before = set(pdfmetrics.getRegisteredFontNames()); "
        "import briefing.export as e; e.warm_up(); e.warm_up(); "
        "print(sorted(set(pdfmetrics.getRegisteredFontNames()) - before))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.strip() == "['BriefingSans', 'BriefingSans-Bold', 'BriefingSans-BoldItalic', 'BriefingSans-Italic']"


def test_a_name_too_long_is_a_one_line_error(tmp_path: Path, demo: Briefing, template: Template) -> None:
    target = tmp_path / f"{'a' * 300}.md"
    with pytest.raises(ExportError, match=r"^a+\.md: the name is too long for the file system; choose a shorter one$"):
        export_briefing(demo, template, target)
    assert not list(tmp_path.iterdir())


def test_a_nul_in_the_name_is_a_one_line_error(tmp_path: Path, demo: Briefing, template: Template) -> None:
    with pytest.raises(ExportError, match=r"^a\x00b\.md: the name contains a NUL character"):
        export_briefing(demo, template, tmp_path / "a\x00b.md")
    assert not list(tmp_path.iterdir())


def test_a_name_too_long_for_the_rename_is_explained(
    tmp_path: Path, demo: Briefing, template: Template, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_long(src: object, dst: object) -> None:
        raise OSError(36, "File name too long")

    monkeypatch.setattr(os, "replace", too_long)
    with pytest.raises(ExportError, match=r"^note\.md: the name is too long"):
        export_briefing(demo, template, tmp_path / "note.md")
    assert not list(tmp_path.iterdir())


def test_a_read_only_folder_is_not_called_a_locked_file(
    tmp_path: Path, demo: Briefing, template: Template, monkeypatch
) -> None:
    with (
        read_only_folder(tmp_path, monkeypatch),
        pytest.raises(ExportError, match=r"^note\.md: cannot write in '.*' \(Permission denied\)$"),
    ):
        export_briefing(demo, template, tmp_path / "note.md")
    assert list(tmp_path.iterdir()) == []
