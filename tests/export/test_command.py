"""`briefing export`: sub-parser registration, formats, template choice, one-line errors."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import pytest

from briefing.cli.export import register
from briefing.core.model import Briefing
from briefing.core.project_save import save_briefing


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="briefing")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def saved(tmp_path: Path, demo: Briefing) -> Path:
    path = tmp_path / "demo.briefing"
    save_briefing(demo, path)
    return path


@pytest.mark.parametrize("suffix, magic", [(".docx", b"PK"), (".pdf", b"%PDF"), (".md", b"**UNCLASSIFIED**")])
def test_exports_each_format(saved: Path, suffix: str, magic: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    out = saved.with_name("out" + suffix)
    assert _run(["export", str(saved), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)
    assert capsys.readouterr().out.strip() == f"Exported {out}"


def test_template_option_and_draft(saved: Path) -> None:
    out = saved.with_name("gc.docx")
    assert _run(["export", str(saved), "-o", str(out), "--template", "gc-briefing-note", "--draft"]) == 0
    with zipfile.ZipFile(out) as archive:
        header = archive.read("word/header1.xml").decode()
    assert 'string="DRAFT"' in header and '<w:jc w:val="right"/>' in header  # gc template: top-right marking


@pytest.mark.parametrize(
    "argv, message",
    [
        (["{dir}/missing.briefing", "-o", "{dir}/o.pdf"], "briefing: error: missing.briefing: file not found\n"),
        (
            ["{saved}", "-o", "{dir}/o.odt"],
            "briefing: error: o.odt: unknown export format '.odt'; use .docx, .pdf or .md\n",
        ),
        (["{saved}", "-o", "{dir}/o.md", "--template", "nope"], "briefing: error: no template 'nope' (available: "),
        (["{dir}/junk.briefing", "-o", "{dir}/o.md"], "briefing: error: junk.briefing: "),
        (["{saved}", "-o", "{dir}/no/such/o.md"], "briefing: error: o.md: the folder "),
    ],
)
def test_errors_are_one_line(saved: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    (saved.parent / "junk.briefing").write_bytes(b"not a zip")
    argv = [a.format(dir=saved.parent, saved=saved) for a in argv]
    assert _run(["export", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
    assert not list(saved.parent.glob("o.*"))


def test_show_of_a_briefing_whose_template_is_not_installed_says_how_to_proceed(
    tmp_path: Path, demo: Briefing, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA10 D13: "no template 'gc-a4' (available: …)", naming neither the briefing nor the way out (export: below)
    from briefing.cli import main

    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    demo.template = "gc-a4"  # a colleague's department template
    path = tmp_path / "dept.briefing"
    save_briefing(demo, path)
    folder = tmp_path / "home" / "templates"
    assert main(["show", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("briefing: note: dept.briefing: its template 'gc-a4' is not installed here") and err.endswith(
        f"into {folder}, or use one installed: briefing export --template NAME; until then its pages are not counted\n"
    )
    assert main(["export", str(path), "-o", str(tmp_path / "dept.pdf"), "--template", "gc-briefing-note"]) == 0


def test_wired_into_the_briefing_command(saved: Path) -> None:
    from briefing.cli import main

    out = saved.with_name("via-cli.md")
    assert main(["export", str(saved), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("**UNCLASSIFIED**")


def test_a_note_whose_template_is_not_installed_exports_with_the_windows_stand_in_and_warning(
    tmp_path: Path, demo: Briefing, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA11 D8: the window exports a colleague's note (its template not installed here) in Briefing's default
    layout and says so; the command line refused it ("no template 'gc-a4'"). It now does what the window does: the
    same stand-in, the same warning (none for Markdown, which has no layout). A template asked for by name with
    --template must still exist."""
    demo.template = "gc-a4"
    saved = tmp_path / "dept.briefing"
    save_briefing(demo, saved)
    for suffix, warned in ((".pdf", True), (".docx", True), (".md", False)):
        out = tmp_path / f"dept{suffix}"
        assert _run(["export", str(saved), "-o", str(out)]) == 0
        assert out.stat().st_size > 0
        err = capsys.readouterr().err
        notice = (
            f"briefing: warning: dept{suffix}: template 'gc-a4' is not installed; the export uses Briefing's default "
            "layout instead (Letter, Arial 11 pt)\n"
        )
        assert err == (notice if warned else "")
    with zipfile.ZipFile(tmp_path / "dept.docx") as archive:  # letter paper: 12240 twips wide
        assert '<w:pgSz w:w="12240"' in archive.read("word/document.xml").decode()
