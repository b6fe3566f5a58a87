"""`briefing set FILE FIELD=VALUE...`: the template's title-block fields, checked, all or nothing, under the lock."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def note(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "note.briefing"
    assert run(capsys, "new", path, "--template", "gc-briefing-note")[0] == 0
    return path


def test_sets_every_field_the_template_names(note: Path, capsys) -> None:
    code, out, err = run(
        capsys, "set", note, "title=Canada–Iran ties", "title_fr=Relations Canada–Iran", "date=2026-03-31",
        "classification=protected b", "document_number=BN-2026-014", "addressee=Minister of Foreign Affairs",
        "purpose=for-information", "prepared-by=J. Smith", "approved_by=A. Jones", "consulted=GAC legal",
    )  # fmt: skip
    assert (code, err) == (0, "")
    tb = load_briefing(note).title_block
    assert tb.title == "Canada–Iran ties" and tb.title_fr == "Relations Canada–Iran"
    assert tb.date == "2026-03-31" and tb.classification == "PROTECTED B"  # as the template spells it
    assert tb.document_number == "BN-2026-014" and tb.addressee == "Minister of Foreign Affairs"
    assert tb.purpose == "for-information" and tb.prepared_by == "J. Smith"
    assert tb.approved_by == "A. Jones" and tb.consulted == "GAC legal"
    assert "Change title: Canada–Iran ties\n" in out and "Change classification: PROTECTED B\n" in out


def test_an_empty_value_clears_a_field_and_spaces_are_tidied(note: Path, capsys) -> None:
    assert run(capsys, "set", note, "title=  Two\n lines ", "date=2026-01-02")[0] == 0
    assert run(capsys, "set", note, "date=")[1] == "Change date: (cleared)\n"
    tb = load_briefing(note).title_block
    assert tb.title == "Two lines" and tb.date == ""


@pytest.mark.parametrize(
    "assignment, message",
    [
        ("colour=red", "template 'gc-briefing-note' has no title-block field 'colour'; fields: classification, "
                       "document_number, addressee, purpose, title, title_fr, date, prepared_by, phone, approved_by, consulted"),
        ("title", "expected FIELD=VALUE, not 'title'; fields: classification,"),
        ("date=31/03/2026", "date must be a date written YYYY-MM-DD (like 2026-03-31), not '31/03/2026'"),
        ("date=2026-02-30", "date '2026-02-30' does not exist: February 2026 has 28 days"),
        ("date=2024-02-30", "date '2024-02-30' does not exist: February 2024 has 29 days"),
        ("date=2026-13-01", "date '2026-13-01' does not exist: there is no month 13"),
        ("date=20260331", "date must be a date written YYYY-MM-DD"),
        # QA10 D3: a typo for 2026 printed "31 March 26"
        ("date=0026-03-31", "date '0026-03-31' is not a note's date: the year 0026 is before 1900"),
        ("date=0001-01-01", "date '0001-01-01' is not a note's date: the year 0001 is before 1900"),
        ("date=1899-12-31", "date '1899-12-31' is not a note's date: the year 1899 is before 1900"),
        ("classification=TOP", "classification must be one of UNCLASSIFIED, PROTECTED A, PROTECTED B"),
        ("classification=", "classification must be one of"),
        # QA10 D4: the file was not named, nor was it said that a purpose cannot be cleared
        ("purpose=", "purpose cannot be cleared: it is one of for-decision, for-information (or as labelled: "
                     "For decision, For information)"),
        ("purpose=maybe", "purpose must be one of for-decision, for-information, not 'maybe' (or as labelled: For decision, For information)"),
        ("title=\x1b[2Jgone", "title cannot hold control characters: '\\\\x1b[2Jgone'"),
    ],
)  # fmt: skip
def test_a_bad_assignment_is_one_line_and_changes_nothing(note: Path, capsys, assignment: str, message: str) -> None:
    before = note.read_bytes()
    code, out, err = run(capsys, "set", note, "title=Kept out", assignment)  # a good one first: not applied either
    assert code == 1 and out == ""
    assert err.startswith(f"briefing: error: {note.name}: {message}") and err.count("\n") == 1, err  # names the file
    assert note.read_bytes() == before


@pytest.mark.parametrize("typed", ["For decision", "for decision", "FOR-DECISION", "for-decision"])
def test_purpose_takes_its_label_as_well_as_its_name(note: Path, capsys, typed: str) -> None:
    code, _out, err = run(capsys, "set", note, f"purpose={typed}")
    assert (code, err) == (0, "")
    assert load_briefing(note).title_block.purpose == "for-decision"


@pytest.mark.parametrize("typed", ["Pour décision", "pour decision", "POUR DÉCISION"])
def test_purpose_takes_its_french_label(note: Path, capsys, typed: str) -> None:
    code, _out, err = run(capsys, "set", note, f"purpose={typed}")
    assert (code, err) == (0, "")
    assert load_briefing(note).title_block.purpose == "for-decision"


@pytest.mark.parametrize("typed", ["PROTÉGÉ B", "protégé b", "Protege B"])
def test_classification_takes_its_french_marking(note: Path, capsys, typed: str) -> None:
    code, out, err = run(capsys, "set", note, f"classification={typed}")
    assert (code, err) == (0, "") and out == "Change classification: PROTECTED B\n"
    assert load_briefing(note).title_block.classification == "PROTECTED B"  # stored as the template spells it


def test_a_template_that_does_not_list_a_field_refuses_it(tmp_path: Path, capsys, monkeypatch) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    source = Path(__file__).resolve().parents[2] / "templates" / "information-note.yaml"
    text = source.read_text(encoding="utf-8").replace("id: information-note", "id: short-note")
    text = text.replace("fields: [classification, document_number, addressee, purpose, title, title_fr, date, "
                        "prepared_by, approved_by, consulted]", "fields: [classification, title, date]")  # fmt: skip
    assert "fields: [classification, title, date]" in text
    (templates / "short-note.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_TEMPLATES", str(templates))
    path = tmp_path / "short.briefing"
    assert run(capsys, "new", path, "--template", "short-note")[0] == 0
    code, _out, err = run(capsys, "set", path, "addressee=Minister")
    assert code == 1 and "has no title-block field 'addressee'; fields: classification, title, date" in err


def test_a_briefing_open_in_the_window_elsewhere_is_not_changed(note: Path, capsys) -> None:
    now = time.time()
    owner = {"user": "colleague", "host": "other-pc", "pid": 4242, "since": now, "refreshed": now}
    lock_path(note).write_text(json.dumps(owner), encoding="utf-8")
    before = note.read_bytes()
    code, _out, err = run(capsys, "set", note, "title=Behind their back")
    assert code == 1 and "is open in Briefing by colleague on other-pc" in err and err.count("\n") == 1
    assert note.read_bytes() == before


def test_a_briefing_whose_template_is_not_installed(note: Path, capsys) -> None:
    from briefing.core.project_save import save_briefing

    briefing = load_briefing(note)
    briefing.template = "gone-template"
    save_briefing(briefing, note)
    code, _out, err = run(capsys, "set", note, "title=x")
    assert code == 1
    assert (
        err == f"briefing: error: {note.name}: template 'gone-template' is not installed, so its title-block fields "
        "are not known\n"
    )


def test_a_note_in_french_from_new_and_set(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fr.briefing"
    assert run(capsys, "new", path, "--language", "fr")[0] == 0
    assert load_briefing(path).title_block.language == "fr"
    assert run(capsys, "set", path, "language=bilingual")[0] == 0
    assert load_briefing(path).title_block.language == "bilingual"
    assert "  Language of the note: Bilingual (English and French)" in run(capsys, "show", path)[1]
    code, _, err = run(capsys, "set", path, "language=de")
    assert code == 1 and "language must be one of en, fr, bilingual, not 'de'" in err
    assert load_briefing(path).title_block.language == "bilingual"


def test_a_note_language_in_any_case_or_by_its_name(tmp_path: Path, capsys) -> None:
    # QA2 defect 23: "FR", "French", "français", "bilingue" were refused, and `new` answered with a usage block
    path = tmp_path / "z.briefing"
    for typed, language in (("FR", "fr"), ("fr-CA", "fr"), ("English", "en"), ("Bilingual", "bilingual")):
        assert run(capsys, "new", path, "--language", typed, "--force")[0] == 0, typed
        assert load_briefing(path).title_block.language == language
    for typed, language in (("French", "fr"), ("français", "fr"), ("Francais", "fr"), ("bilingue", "bilingual")):
        assert run(capsys, "set", path, f"language={typed}")[0] == 0, typed
        assert load_briefing(path).title_block.language == language
    code, _, err = run(capsys, "new", tmp_path / "bad.briefing", "--language", "bad")
    assert (code, err) == (1, "briefing: error: language must be one of en, fr, bilingual, not 'bad'\n")
    assert not (tmp_path / "bad.briefing").exists()


def test_show_prints_a_french_notes_french_title_as_its_title(tmp_path: Path, capsys) -> None:
    # QA2 defect 6: "(untitled)", then the French title under it
    path = tmp_path / "fr.briefing"
    assert run(capsys, "new", path, "--language", "fr", "--title", "Reprise des relations")[0] == 0
    lines = run(capsys, "show", path)[1].splitlines()
    assert lines[1] == "Reprise des relations" and "(untitled)" not in lines
    run(capsys, "set", path, "title=Resumed relations")
    assert run(capsys, "show", path)[1].splitlines()[1:3] == ["Reprise des relations", "Resumed relations"]
    assert run(capsys, "new", tmp_path / "e.briefing")[0] == 0
    assert run(capsys, "show", tmp_path / "e.briefing")[1].splitlines()[1] == "(untitled)"


def test_new_takes_french_markings_and_purposes_as_set_does(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fr.briefing"
    args = ["--template", "gc-briefing-note", "--language", "fr", "--title", "Objet"]
    code, _, err = run(capsys, "new", path, *args, "--classification", "PROTÉGÉ B", "--purpose", "Pour décision")
    assert (code, err) == (0, "")
    tb = load_briefing(path).title_block
    assert (tb.classification, tb.purpose) == ("PROTECTED B", "for-decision")  # stored as `set` stores them
    code, _, err = run(capsys, "new", tmp_path / "x.briefing", "--classification", "protégé z")
    assert code == 1 and err.startswith("briefing: error: x.briefing: classification must be one of ")
    code, _, err = run(capsys, "new", tmp_path / "y.briefing", "--purpose", "Pour rire")
    assert code == 1 and "x.briefing" not in err and "purpose must be one of " in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fr.briefing"]  # nothing made by a refused `new`


def test_a_french_notes_title_is_its_french_title(tmp_path: Path, capsys) -> None:
    path = tmp_path / "fr.briefing"
    title = "Reprise des relations avec l’Iran"
    assert run(capsys, "new", path, "--language", "fr", "--title", title)[0] == 0
    tb = load_briefing(path).title_block
    assert (tb.title_fr, tb.title) == (title, "")  # where a French note's main title belongs, not the English one
    english = tmp_path / "en.briefing"
    assert run(capsys, "new", english, "--title", "Canada–Iran ties")[0] == 0
    assert load_briefing(english).title_block.title == "Canada–Iran ties"


def test_setting_the_title_a_note_does_not_head_with_says_which_one_prints(tmp_path: Path, capsys) -> None:
    # QA10 D15: `set title=…` on a French note said "Change title" and the export kept its heading (title_fr)
    french = tmp_path / "fr.briefing"
    assert run(capsys, "new", french, "--language", "fr", "--title", "Relations Canada–Iran")[0] == 0
    code, out, err = run(capsys, "set", french, "title=Nouveau titre")
    assert code == 0 and out == "Change title: Nouveau titre\n"
    assert err == (
        "briefing: note: fr.briefing is a French note: its heading is title_fr (“Relations Canada–Iran”), and title "
        "prints under it as its English title; set title_fr=... to change the heading\n"
    )
    english = tmp_path / "en.briefing"
    assert run(capsys, "new", english, "--title", "Canada–Iran ties")[0] == 0
    code, out, err = run(capsys, "set", english, "title_fr=Relations Canada–Iran")
    assert code == 0 and err == (
        "briefing: note: en.briefing is an English note: its heading is title (“Canada–Iran ties”), and title_fr "
        "prints under it as its French title; set title=... to change the heading\n"
    )
    for path, assignment in ((french, "title_fr=Reprise"), (english, "title=Ties"), (english, "title_fr=")):
        assert run(capsys, "set", path, assignment)[2] == ""  # the heading itself, or cleared: nothing to say
    untitled = tmp_path / "untitled.briefing"
    assert run(capsys, "new", untitled, "--language", "fr")[0] == 0
    assert run(capsys, "set", untitled, "title=Only title")[2] == ""  # with no title_fr, title is the heading


def test_quote_and_note_errors_name_the_file(note: Path, capsys) -> None:
    code, _out, err = run(capsys, "note", note, "--section", "nosuch", "--text", "x")
    assert code == 1 and err.startswith(f"briefing: error: {note.name}: there is no section 'nosuch'")
