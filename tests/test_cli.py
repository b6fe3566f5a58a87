"""The `briefing` command end to end on the sample article, and every error path: one line, non-zero, no traceback."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import paths
from briefing.cli import main
from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing

SAMPLE = paths.resource("demo", "canada-iran-talks.txt")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def fails(capsys, *args: str, match: str) -> str:
    code, _out, err = run(capsys, *args)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert match in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def note(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "iran.briefing"
    assert run(capsys, "new", path, "--title", "Canada–Iran ties", "--classification", "PROTECTED A")[0] == 0
    assert run(capsys, "add-source", path, SAMPLE)[0] == 0
    return path


def test_end_to_end_on_the_sample_article(note: Path, capsys) -> None:
    code, out, _ = run(capsys, "quote", note, "--section", "background", "--text",
                       "In 2012, the Harper administration cut ties with Tehran")  # fmt: skip
    assert code == 0 and "File excerpt into Background" in out
    # Pasted with straight quotes and a spaced hyphen; stored as the source's own characters.
    code, out, _ = run(capsys, "quote", note, "--section", "positions", "--text",
                       "\"I would say it's step by step - and an embassy cannot be a first step.\"",
                       "--comment", "Key line")  # fmt: skip
    assert code == 0
    assert run(capsys, "note", note, "--section", "open-issues", "--text", "Which sanctions remain?")[0] == 0

    briefing = load_briefing(note)
    excerpt = briefing.section("positions").items[0]
    assert excerpt.anchor.exact == "“I would say it’s step by step —and an embassy cannot be a first step.”"
    assert excerpt.comment == "Key line"
    assert briefing.title_block.classification == "PROTECTED A"

    code, out, _ = run(capsys, "show", note)
    assert code == 0
    assert out.index("Background") < out.index("In 2012") < out.index("Positions") < out.index("step by step")
    assert "[PROTECTED A]" in out and "Which sanctions remain?" in out
    assert "Canada Confirms Talks to Renew Iran Ties" in out and "canada-iran-talks.txt" in out

    code, out, _ = run(capsys, "show", note, "--json")
    data = json.loads(out)
    assert [s["id"] for s in data["sections"]] == ["background", "positions", "open-issues"]
    quote = data["sections"][1]["items"][0]
    assert quote["source"] == 1 and f"para. {len(briefing.sources[0].blocks)}" in quote["citation"]  # the last one
    assert data["sources"][0]["title"] == "Canada Confirms Talks to Renew Iran Ties"

    code, out, _ = run(capsys, "check", note)
    assert code == 0 and "sound (1 source, 2 excerpts" in out
    assert not lock_path(note).exists()


def test_a_quote_running_into_the_next_paragraph_is_placed_in_both(note: Path, capsys) -> None:
    code, out, _ = run(capsys, "quote", note, "--section", "background", "--text",
                       "expelled Iranian diplomats from Canada. “Talks have started")  # fmt: skip
    assert code == 0 and out.rstrip().endswith("paras. 4–5)")


def test_quote_names_a_source_whose_title_holds_a_colon(note: Path, capsys) -> None:
    briefing = load_briefing(note)
    briefing.sources[0].meta.title = "Covid-19 et infox : comment une rumeur devient réalité"
    from briefing.core.project_save import save_briefing

    save_briefing(briefing, note)
    code, out, _ = run(capsys, "quote", note, "--section", "background", "--text", "cut ties with Tehran")
    assert code == 0
    assert out.rstrip().endswith("(source 'Covid-19 et infox : comment une rumeur devient réalité' para. 4)"), out


def test_check_reports_an_anchor_that_no_longer_matches(note: Path, capsys, tmp_path: Path) -> None:
    run(capsys, "quote", note, "--section", "background", "--text", "cut ties with Tehran")
    briefing = load_briefing(note)
    source = briefing.sources[0]
    source.text = source.text.replace("cut ties with Tehran", "severed relations with Tehran")
    from briefing.core.project_save import save_briefing

    save_briefing(briefing, note)
    code, _out, err = run(capsys, "check", note)
    assert code == 1
    assert "Background: excerpt" in err and "cannot be found" in err


def test_quote_errors(note: Path, capsys) -> None:
    fails(capsys, "quote", note, "--section", "background", "--text", "not in the article", match="was not found")
    line = fails(capsys, "quote", note, "--section", "background", "--text", "step by step", match="occurs in 2 places")
    assert "para." in line and "quote more of it" in line
    fails(
        capsys,
        "quote",
        note,
        "--section",
        "nowhere",
        "--text",
        "Iran",
        match="no section 'nowhere'; sections: background",
    )
    fails(capsys, "quote", note, "--section", "background", "--text", "Iran", "--source", "7", match="no source 7")
    fails(
        capsys,
        "quote",
        note,
        "--section",
        "background",
        "--text",
        "Iran",
        "--source",
        "Le Monde",
        match="no source matches",
    )
    before = note.read_bytes()
    fails(capsys, "quote", note, "--section", "background", "--text", "", match="the passage is empty")
    assert note.read_bytes() == before  # a failed command never rewrites the file


def test_a_passage_in_two_sources_asks_for_the_source_not_more_of_it(note: Path, tmp_path: Path, capsys) -> None:
    """The same article added twice: more of the passage can never choose between the copies, the number can
    (qa4exp 10); so can't a --source title both have."""
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    assert run(capsys, "add-source", note, copy, "--force")[0] == 0
    passage = "In 2012, the Harper administration cut ties with Tehran"
    line = fails(capsys, "quote", note, "--section", "background", "--text", passage, match="occurs in 2 places")
    assert "give --source 1 or --source 2:" in line and "quote more" not in line
    title = "Canada Confirms Talks to Renew Iran Ties"
    line = fails(
        capsys, "quote", note, "--section", "background", "--text", passage, "--source", title, match="2 places"
    )
    assert f"--source '{title}' matches more than one source; give --source 1 or --source 2:" in line
    # twice in each copy: either way
    line = fails(capsys, "quote", note, "--section", "background", "--text", "step by step", match="4 places")
    assert "give --source 1 or --source 2, or quote more of it:" in line
    assert run(capsys, "quote", note, "--section", "background", "--text", passage, "--source", "2")[0] == 0


def test_file_errors(tmp_path: Path, capsys) -> None:
    fails(capsys, "show", tmp_path / "missing.briefing", match="missing.briefing: file not found")
    fails(capsys, "show", tmp_path / "notes.txt", match="must end in .briefing")
    fails(capsys, "note", tmp_path / "no-dir" / "x.briefing", "--section", "x", "--text", "y", match="file not found")
    (tmp_path / "junk.briefing").write_bytes(b"\x89PNG garbage")
    fails(capsys, "check", tmp_path / "junk.briefing", match="junk.briefing: is not a briefing file")
    fails(capsys, "note", tmp_path / "junk.briefing", "--section", "x", "--text", "y", match="not a briefing file")
    assert not lock_path(tmp_path / "junk.briefing").exists()
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "ff.briefing")
        fails(capsys, "show", tmp_path / "ff.briefing", match="ff.briefing: is not a regular file")
        fails(capsys, "note", tmp_path / "ff.briefing", "--section", "x", "--text", "y", match="not a regular file")
        assert not lock_path(tmp_path / "ff.briefing").exists()


@pytest.mark.parametrize("name", ["a" * 300 + ".briefing", "a\x00b.briefing"])
def test_a_name_the_system_cannot_use_is_a_one_line_error(tmp_path: Path, capsys, name: str) -> None:
    path = tmp_path / name
    for command in (["new"], ["show"], ["check"], ["note", "--section", "x", "--text", "y"], ["open"]):
        line = fails(capsys, command[0], path, *command[1:], match="cannot be used as a file name here")
        assert line.startswith(f"briefing: error: {path.name.replace(chr(0), chr(92) + 'x00')}: ")  # NUL shown as \\x00
    assert list(tmp_path.iterdir()) == []


def test_new_errors(tmp_path: Path, capsys, note: Path) -> None:
    fails(capsys, "new", note, match="already exists")
    fails(capsys, "new", tmp_path / "n.briefing", "--template", "nope", match="no template 'nope' (available:")
    fails(
        capsys, "new", tmp_path / "n.briefing", "--classification", "VERY SECRET", match="classification must be one of"
    )
    fails(capsys, "new", tmp_path / "missing-dir" / "n.briefing", match="missing-dir' does not exist")


def test_add_source_errors(note: Path, tmp_path: Path, capsys) -> None:
    fails(capsys, "add-source", note, tmp_path / "missing.txt", match="missing.txt: file not found")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"")
    before = note.read_bytes()
    code, out, err = run(capsys, "add-source", note, tmp_path / "empty.txt", SAMPLE, tmp_path / "blank.txt")
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "briefing: error: empty.txt: the file is empty (0 bytes)",
        "briefing: error: blank.txt: the file is empty (0 bytes)",
        "briefing: error: iran.briefing: nothing was added; add the others without them",
    ]
    assert note.read_bytes() == before  # all or nothing: the good file is not added without the others
    code, out, err = run(capsys, "add-source", note, SAMPLE, tmp_path / "empty.txt")
    assert code == 1 and out == "" and err.endswith("nothing was added; add the others without it\n")
    assert note.read_bytes() == before


def test_a_file_already_in_the_briefing_is_refused_unless_forced(note: Path, tmp_path: Path, capsys) -> None:
    """The same content added twice (here under another name) is a slip: refused, naming the source it already is,
    and nothing is added; --force adds it, with a warning."""
    copy = tmp_path / "talks-copy.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    other = tmp_path / "other.txt"
    other.write_text("Another source.\n", encoding="utf-8")
    before = note.read_bytes()
    code, out, err = run(capsys, "add-source", note, other, copy)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "briefing: error: talks-copy.txt: is already source 1 of iran.briefing (Canada Confirms Talks to Renew Iran "
        "Ties); nothing was added (add --force to add it again)"
    ]
    assert note.read_bytes() == before
    fails(capsys, "add-source", note, other, other, match="other.txt: is already source 2 of iran.briefing")
    code, out, err = run(capsys, "add-source", note, copy, "--force")
    assert code == 0 and out.startswith("Added source 2: ")
    assert "talks-copy.txt: is already source 1 of iran.briefing" in err and "added again (--force)" in err
    assert len(load_briefing(note).sources) == 2


def test_note_errors(note: Path, capsys) -> None:
    fails(capsys, "note", note, "--section", "background", "--text", "   ", match="the note is empty")


def test_a_briefing_open_elsewhere_is_not_changed(note: Path, capsys) -> None:
    lock_path(note).write_text(
        json.dumps({"user": "kim", "host": "pc-17", "pid": 1, "since": 2e9, "refreshed": 2e9}), encoding="utf-8"
    )
    before = note.read_bytes()
    fails(capsys, "note", note, "--section", "background", "--text", "x", match="is open in Briefing by kim on pc-17")
    fails(capsys, "new", note, "--force", match="is open in Briefing by kim on pc-17 (since")
    assert note.read_bytes() == before


def test_a_briefing_another_command_is_changing_is_waited_for_then_try_again(
    note: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from briefing.cli import files

    monkeypatch.setattr(files, "COMMAND_WAIT_S", 0.3)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])  # the command holding it
    try:
        owner = {"user": "me", "host": socket.gethostname(), "pid": other.pid, "since": 2e9, "refreshed": 2e9}
        lock_path(note).write_text(json.dumps({**owner, "command": True}), encoding="utf-8")
        line = fails(capsys, "note", note, "--section", "background", "--text", "x", match="is being changed")
        assert line == "briefing: error: iran.briefing: is being changed by another briefing command; try again"
    finally:
        other.kill()
        other.wait()
    lock_path(note).unlink()
    with files.holding_lock(note):  # the lock a command takes says it is a command's, for others to wait
        assert json.loads(lock_path(note).read_text(encoding="utf-8"))["command"] is True


def test_a_file_that_is_not_a_briefing_is_pointed_to_add_source(tmp_path: Path, capsys) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Text", encoding="utf-8")
    line = fails(capsys, report, match="report.txt: Briefing opens .briefing files")
    assert line.endswith(f"briefing add-source FILE.briefing {report}")


def test_open_of_a_file_that_is_not_a_briefing_says_so_before_the_window(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`briefing open report.txt` started the window, which called the text file damaged (QA8 D13j)."""
    import briefing.gui.app

    started: list[Path | None] = []
    monkeypatch.setattr(briefing.gui.app, "run_gui", lambda path, **_options: started.append(path) or 0)
    report = tmp_path / "report.txt"
    report.write_text("Text", encoding="utf-8")
    line = fails(capsys, "open", report, match="report.txt: Briefing opens .briefing files")
    assert line.endswith(f"briefing add-source FILE.briefing {report}") and started == []
    backup = tmp_path / "n.briefing.bak"  # a backup is opened (as an unsaved copy), as File > Open lets it be
    backup.write_bytes(b"")
    assert run(capsys, "open", backup)[0] == 0 and started == [backup]


def test_a_reader_that_stops_reading_is_not_an_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"  # output larger than a pipe holds, so the writer is still writing
    big.write_text("Paragraph of an article, long enough to fill the pipe.\n\n" * 20_000, encoding="utf-8")
    reader = subprocess.Popen(
        [sys.executable, "-m", "briefing", "import", "--json", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader.stdout is not None and reader.stdout.read(1) == b"["
    reader.stdout.close()  # as `| head -c 1` does
    _, err = reader.communicate(timeout=60)
    assert err == b"" and reader.returncode == 141


def test_wording_says_what_the_analyst_sees(note: Path, capsys, tmp_path: Path) -> None:
    """QA4 21: `set` echoes the purpose's label, `show` an excerpt's place, export names a file or folder right."""
    code, out, _ = run(capsys, "set", note, "purpose=Pour décision")
    assert code == 0 and out == "Change purpose: For decision\n"  # not its id, "for-decision"
    run(capsys, "quote", note, "--section", "background", "--text", "In 2012, the Harper administration cut ties")
    code, out, _ = run(capsys, "show", note)
    assert "cut ties” [1, para. " in out  # the place, as the citation gives it
    folder = tmp_path / "out"
    folder.mkdir()
    fails(capsys, "export", note, "-o", folder, match="out: is a folder, not a file")
    a_file = tmp_path / "made.pdf"
    a_file.write_bytes(b"")
    fails(capsys, "export", note, "-o", a_file / "x.pdf", match=f"x.pdf: {str(a_file)!r} is a file, not a folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("suffix", [".md", ".pdf"])
def test_an_export_through_a_link_to_a_pipe_or_device_is_refused(note: Path, capsys, tmp_path: Path, suffix) -> None:
    """QA8 D1: `export -o full.pdf`, full.pdf a link to /dev/full, replaced the device with a PDF (rc 0). A pipe
    stands in for the device: a test must never risk a system file."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / f"full{suffix}"
    link.symlink_to(pipe)
    fails(
        capsys, "export", note, "-o", link,
        match=f"full{suffix}: is a link to {str(pipe)!r}, which is not a regular file (a device, a pipe or a socket)",
    )  # fmt: skip
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and link.is_symlink()


def test_the_command_line_names_the_project_suffix_as_the_core_does() -> None:
    from briefing import cli
    from briefing.core import project

    assert cli.SUFFIX == project.SUFFIX


def test_a_headless_command_takes_its_dataclasses_from_the_compiled_code_cache(tmp_path: Path) -> None:
    """A cold command writes the code of the dataclasses it created to the cache (and a second one reads it back:
    tests/core/test_dataclass_cache.py)."""
    import marshal

    env = {**os.environ, "BRIEFING_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "briefing", "templates"], env=env, capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr
    (cache,) = (tmp_path / "cache").glob("dataclasses-*.marshal")
    texts = marshal.loads(cache.read_bytes())
    # the model's classes (a Source's __init__ among them), created when the command loads them inside main()
    assert len(texts) > 40 and any("(_type_id, _type_text, _type_blocks, _type_meta," in text for text in texts)
