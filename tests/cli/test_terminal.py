"""Terminal safety: what a file holds is printed, never obeyed (window titles, clear screen, reordered lines)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from briefing import paths
from briefing.cli import main
from briefing.cli.terminal import visible
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing

SAMPLE = paths.resource("demo", "canada-iran-talks.txt")
TITLE = "\x1b]0;pwned\x07Talks"  # OSC 0: sets the terminal window's title
CLEAR = "\x1b[2J\x1b[HGone"  # clears the screen and homes the cursor
C1 = "\x9b31mred"  # CSI as one C1 character
BIDI = "abc\u202edcba"  # RIGHT-TO-LEFT OVERRIDE: the rest of the line shows reversed
OBEYED = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


@pytest.mark.parametrize(
    "text, shown",
    [
        (TITLE, "\\x1b]0;pwned\\x07Talks"),
        (CLEAR, "\\x1b[2J\\x1b[HGone"),
        (C1, "\\x9b31mred"),
        (BIDI, "abc\\u202edcba"),
        ("over\rwrite\x7f", "over\\rwrite\\x7f"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("مرحبا\u200f 2024", "مرحبا\u200f 2024"),  # a right-to-left mark is part of Arabic text: kept
        ("lone \udc80", "lone \\udc80"),
    ],
)
def test_visible_shows_what_a_terminal_would_obey(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_one_line_also_shows_line_breaks_and_tabs() -> None:
    assert visible("a\nb\tc\u2028d", one_line=True) == "a\\nb\\tc\\u2028d"


@pytest.fixture
def hostile(tmp_path: Path, capsys) -> Path:
    """A briefing whose title, note, comment and source carry terminal control sequences (a file someone sent)."""
    path = tmp_path / "hostile.briefing"
    assert main(["new", str(path)]) == 0
    assert main(["add-source", str(path), str(SAMPLE)]) == 0
    assert main(["quote", str(path), "--section", "background", "--text", "In 2012, the Harper administration"]) == 0
    assert main(["note", str(path), "--section", "background", "--text", "placeholder"]) == 0
    briefing = load_briefing(path)
    briefing.title_block.title = TITLE
    briefing.title_block.addressee = C1
    excerpt, note = briefing.section("background").items
    excerpt.comment = BIDI  # type: ignore[union-attr]
    note.text = CLEAR  # type: ignore[union-attr]
    briefing.sources[0].meta.title = TITLE
    briefing.sources[0].meta.publisher = C1
    save_briefing(briefing, path)
    capsys.readouterr()
    return path


def test_show_prints_control_sequences_as_text(hostile: Path, capsys) -> None:
    assert main(["show", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in OBEYED)
    assert "\\x1b]0;pwned\\x07Talks" in out.splitlines()[1]  # the title line
    assert "  Addressee: \\x9b31mred" in out
    assert "  \\x1b[2J\\x1b[HGone" in out
    assert "comment: abc\\u202edcba" in out
    sources = out.split("\nSources\n")[1]
    assert "]0;pwnedTalks. 31mred." in sources  # the citation, as the export writes it, has them stripped


def test_show_json_keeps_every_string_but_escapes_it(hostile: Path, capsys) -> None:
    assert main(["show", "--json", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert not any(c in out for c in OBEYED)  # json escapes C0 by itself; C1 and bidi are escaped here
    data = json.loads(out)
    assert data["title_block"]["title"] == TITLE and data["title_block"]["addressee"] == C1
    items = data["sections"][[s["id"] for s in data["sections"]].index("background")]["items"]
    assert items[0]["comment"] == BIDI and items[1]["text"] == CLEAR
    assert data["sources"][0]["title"] == TITLE


def test_check_names_a_hostile_heading_as_text(hostile: Path, capsys) -> None:
    briefing = load_briefing(hostile)
    section = briefing.section("background")
    section.heading = CLEAR
    excerpt = section.items[0]
    excerpt.anchor = dataclasses.replace(excerpt.anchor, exact="words no source holds")  # type: ignore[union-attr]
    save_briefing(briefing, hostile)
    assert main(["check", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hostile.briefing: \\x1b[2J\\x1b[HGone: excerpt ")
    assert not any(c in err for c in OBEYED)


def test_import_and_errors_show_a_hostile_file_name_as_text(tmp_path: Path, capsys) -> None:
    named = tmp_path / f"notes{TITLE}.txt"
    named.write_text("A title line\n\nSome words in a paragraph.\n", encoding="utf-8")
    assert main(["import", str(named), str(tmp_path / f"missing{CLEAR}.txt")]) == 1
    out, err = capsys.readouterr()
    assert "notes\\x1b]0;pwned\\x07Talks.txt: A title line" in out
    assert err == "briefing: error: missing\\x1b[2J\\x1b[HGone.txt: file not found\n"
    assert not any(c in out + err for c in OBEYED)
