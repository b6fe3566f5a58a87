"""`briefing update-source FILE SOURCE NEWFILE [--json]`, and `briefing check` listing what it flagged."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing import paths
from briefing.core.lock import lock_path
from briefing.core.project_load import load_briefing
from tests.test_cli import fails, run

SAMPLE = paths.resource("demo", "canada-iran-talks.txt")
EDITED = "In 2012, the Harper administration cut ties with Tehran and expelled Iranian diplomats from Canada."
DELETED = "The Harper government also added Iran to its list of state sponsors of terrorism."
LATER = "Dion was at pains to clarify that engaging with Tehran did not signify agreement with its policies."


@pytest.fixture
def note(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "iran.briefing"
    assert run(capsys, "new", path, "--title", "Canada–Iran ties")[0] == 0
    assert run(capsys, "add-source", path, SAMPLE)[0] == 0
    for section, text in [("background", EDITED), ("background", DELETED), ("positions", LATER)]:
        assert run(capsys, "quote", path, "--section", section, "--text", text)[0] == 0
    return path


@pytest.fixture
def reissued(tmp_path: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace(EDITED, "In 2012, the Harper administration cut diplomatic ties with Tehran.")
    path = tmp_path / "reissued.txt"
    path.write_text(text.replace(DELETED + "\n\n", ""), encoding="utf-8")
    return path


def test_update_source_reports_and_check_lists_the_flagged(note: Path, reissued: Path, capsys) -> None:
    code, out, err = run(capsys, "update-source", note, "1", reissued)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Updated source 1: Canada Confirms Talks to Renew Iran Ties")
    assert lines[1] == "1 kept, 0 moved, 1 changed, 1 lost"  # LATER only shifted: same surroundings, kept
    assert "changed: Background: “In 2012, the Harper administration cut ties" in out
    assert "now reads “In 2012, the Harper administration cut diplomatic ties with Tehran.”" in out
    assert "lost: Background: “The Harper government also added Iran" in out
    assert not lock_path(note).exists()

    briefing = load_briefing(note)
    assert briefing.sources[0].meta.file_name == "reissued.txt"
    assert sorted(e.flag for _, e in briefing.excerpts()) == ["", "changed", "lost"]

    code, out, err = run(capsys, "check", note)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert len(lines) == 2  # each flagged excerpt once (a lost one is not reported again as a broken anchor)
    assert "Background: excerpt" in lines[0] and "changed in the new version of its source" in lines[0]
    assert "accept the new text (resolve --accept) or delete the excerpt" in lines[0]
    assert "not in the new version of its source: “The Harper government" in lines[1]


def test_a_reissue_without_a_title_keeps_the_sources_title(note: Path, tmp_path: Path, capsys) -> None:
    # QA: "Updated source 1: canada-v2", and every citation renamed after the new file.
    path = tmp_path / "canada-v2.txt"
    path.write_text("Updated 9 March.\n\n" + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "update-source", note, "1", path)
    assert code == 0, err
    assert out.splitlines()[0].startswith("Updated source 1: Canada Confirms Talks to Renew Iran Ties")
    meta = load_briefing(note).sources[0].meta
    assert (meta.title, meta.file_name) == ("Canada Confirms Talks to Renew Iran Ties", "canada-v2.txt")


def test_update_source_json(note: Path, reissued: Path, capsys) -> None:
    code, out, _ = run(capsys, "update-source", note, "canada-iran-talks.txt", reissued, "--json")
    assert code == 0
    data = json.loads(out)
    briefing = load_briefing(note)
    flagged = {e.flag: e.id for _, e in briefing.excerpts() if e.flag}
    assert data == {
        "kept": 1,
        "moved": 0,
        "changed": 1,
        "lost": 1,
        "changed_ids": [flagged["changed"]],
        "lost_ids": [flagged["lost"]],
    }
    code, out, _ = run(capsys, "show", note, "--json")
    items = {i["id"]: i for s in json.loads(out)["sections"] for i in s["items"]}
    assert (items[flagged["changed"]]["flag"], items[flagged["changed"]]["filed"]) == ("changed", EDITED)
    assert items[flagged["lost"]]["flag"] == "lost"
    # A lost excerpt's passage is not in the source's current version: no place there to cite.
    assert items[flagged["lost"]]["citation"] is None
    assert items[flagged["changed"]]["citation"].endswith("reissued.txt, para. 4.")
    assert sum("flag" in item for item in items.values()) == 2


def test_qa_reissue_proposes_the_edited_sentence_and_accepting_it_quotes_nothing_twice(
    note: Path, tmp_path: Path, capsys
) -> None:
    """QA defect 1: a word changed in a filed passage, a filed paragraph moved to just before it, a filed sentence
    deleted, a paragraph inserted."""
    february = "In February, the Liberal government announced it was lifting some sanctions against Iran"
    assert run(capsys, "quote", note, "--section", "open-issues", "--text", february)[0] == 0
    edited = EDITED.replace("administration", "government")
    text = SAMPLE.read_text(encoding="utf-8").replace(EDITED, edited).replace(DELETED + "\n\n", "")
    paragraph = next(p for p in text.split("\n\n") if p.startswith(february))
    text = text.replace(paragraph + "\n\n", "").replace(edited, paragraph + "\n\n" + edited)
    text = text.replace("“I will not", "Tehran did not respond to a request for comment.\n\n“I will not")
    v2 = tmp_path / "iran-v2.txt"
    v2.write_text(text, encoding="utf-8")

    code, out, err = run(capsys, "update-source", note, "1", v2)
    assert code == 0, err
    assert out.splitlines()[1] == "1 kept, 1 moved, 1 changed, 1 lost"  # the February paragraph moved
    assert "now reads “In 2012, the Harper government cut ties" in out
    code, out, _ = run(capsys, "show", note, "--json")
    items = [i for s in json.loads(out)["sections"] for i in s["items"]]
    [changed] = [i for i in items if i.get("flag") == "changed"]
    [lost] = [i for i in items if i.get("flag") == "lost"]
    assert changed["quote"] == edited and changed["citation"].endswith("iran-v2.txt, para. 5.")
    assert lost["citation"] is None

    assert run(capsys, "resolve", note, changed["id"], "--accept")[0] == 0
    assert run(capsys, "resolve", note, lost["id"], "--delete")[0] == 0
    assert run(capsys, "check", note)[0] == 0
    code, out, _ = run(capsys, "show", note, "--json")
    quotes = [i["quote"] for s in json.loads(out)["sections"] for i in s["items"]]
    assert sum(february in q for q in quotes) == 1 and edited in quotes


def test_the_same_file_again_keeps_everything_and_check_is_sound(note: Path, capsys) -> None:
    code, out, _ = run(capsys, "update-source", note, "1", SAMPLE)
    assert code == 0 and out.splitlines()[1] == "3 kept, 0 moved, 0 changed, 0 lost"
    assert run(capsys, "check", note)[0] == 0


def test_update_source_errors_change_nothing(note: Path, reissued: Path, tmp_path: Path, capsys) -> None:
    before = note.read_bytes()
    fails(capsys, "update-source", note, "2", reissued, match="there is no source 2 (the briefing has 1)")
    fails(capsys, "update-source", note, "nothing like it", reissued, match="no source matches 'nothing like it'")
    missing = tmp_path / "gone.txt"
    fails(capsys, "update-source", note, "1", missing, match="gone.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    fails(capsys, "update-source", note, "1", empty, match="iran.briefing was not changed")
    fails(capsys, "update-source", tmp_path / "none.briefing", "1", reissued, match="none.briefing")
    assert note.read_bytes() == before
    assert not lock_path(note).exists()


def test_export_quotes_a_changed_excerpt_in_its_new_wording_and_refuses_a_lost_one(
    note: Path, reissued: Path, tmp_path: Path, capsys
) -> None:
    from briefing.core.operations import RemoveItem
    from briefing.core.project_save import save_briefing

    assert run(capsys, "update-source", note, "1", reissued)[0] == 0
    out = tmp_path / "note.md"
    fails(capsys, "export", note, "-o", out, match="1 excerpt no longer matches its source")
    assert not out.exists()
    briefing = load_briefing(note)
    [lost] = [e for _, e in briefing.excerpts() if e.flag == "lost"]
    RemoveItem(lost.id).apply(briefing)  # as Delete does in the window
    save_briefing(briefing, note)
    assert run(capsys, "export", note, "-o", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "In 2012, the Harper administration cut diplomatic ties with Tehran." in text
    assert "expelled Iranian diplomats" not in text


def test_resolve_accepts_or_deletes_the_flagged_and_check_is_sound_again(note: Path, reissued: Path, capsys) -> None:
    assert run(capsys, "update-source", note, "1", reissued)[0] == 0
    briefing = load_briefing(note)
    flagged = {e.flag: e.id for _, e in briefing.excerpts() if e.flag}
    unflagged = next(e.id for _, e in briefing.excerpts() if not e.flag)
    before = note.read_bytes()
    # A lost excerpt has no new text to accept; an unflagged one nothing to resolve: either changes nothing.
    fails(
        capsys, "resolve", note, flagged["changed"], flagged["lost"], "--accept", match="not found in the new version"
    )
    fails(capsys, "resolve", note, unflagged, "--delete", match="is not flagged by a source update")
    fails(capsys, "resolve", note, "exc-nope", "--accept", match="there is no excerpt 'exc-nope'")
    assert note.read_bytes() == before
    code, out, _ = run(capsys, "resolve", note, flagged["changed"], "--accept")
    assert code == 0 and out.startswith("Accept changed text: ")
    code, out, _ = run(capsys, "resolve", note, flagged["lost"], "--delete")
    assert code == 0 and out.startswith("Delete excerpt from Background: ")
    briefing = load_briefing(note)
    assert briefing.excerpts()[0][1].anchor.exact == (
        "In 2012, the Harper administration cut diplomatic ties with Tehran."
    )
    assert not any(e.flag for _, e in briefing.excerpts()) and len(briefing.excerpts()) == 2
    assert run(capsys, "check", note)[0] == 0


def test_update_source_refuses_another_source_or_a_file_that_loses_every_excerpt(
    note: Path, tmp_path: Path, capsys
) -> None:
    """A new version that is already another source, or that has none of the quoted passages, is nearly always
    the wrong file: refused unless --force, with nothing changed (qa4exp 12), as add-source and the window do."""
    other = tmp_path / "other.txt"
    other.write_text("Autre chose\n\nUn texte qui ne partage rien avec l'article.\n", encoding="utf-8")
    assert run(capsys, "add-source", note, other)[0] == 0
    before = note.read_bytes()
    line = fails(capsys, "update-source", note, "1", other, match="other.txt: is already source 2 of iran.briefing")
    assert line.endswith("(Autre chose); source 1 was not changed (add --force to update it with this file anyway)")
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("Weather\n\nRain is expected on Tuesday across the region.\n", encoding="utf-8")
    line = fails(capsys, "update-source", note, "1", unrelated, match="unrelated.txt: every excerpt of source 1")
    assert line.endswith("iran.briefing was not changed (add --force to update it anyway)")
    assert note.read_bytes() == before
    code, out, _err = run(capsys, "update-source", note, "1", unrelated, "--force")
    assert code == 0 and "0 kept, 0 moved, 0 changed, 3 lost" in out


def test_export_warns_of_changed_excerpts_not_yet_reviewed(note: Path, reissued: Path, tmp_path: Path, capsys) -> None:
    """QA: the new wording of a changed excerpt went to the export with only "Exported" said."""
    from briefing.core.operations import RemoveItem
    from briefing.core.project_save import save_briefing

    out = tmp_path / "note.md"
    code, _, err = run(capsys, "export", note, "-o", out)
    assert code == 0 and "not yet reviewed" not in err  # nothing flagged: nothing to say
    assert run(capsys, "update-source", note, "1", reissued)[0] == 0
    briefing = load_briefing(note)
    [lost] = [e for _, e in briefing.excerpts() if e.flag == "lost"]
    RemoveItem(lost.id).apply(briefing)
    save_briefing(briefing, note)
    code, stdout, err = run(capsys, "export", note, "-o", out)
    assert code == 0 and stdout.startswith("Exported")  # a warning, never a refusal
    assert err.splitlines() == [
        "briefing: warning: note.md: 1 excerpt changed by an update is not yet reviewed "
        "(`briefing check iran.briefing` lists them)"
    ]
    [changed] = [e for _, e in briefing.excerpts() if e.flag == "changed"]
    for excerpt in (e for _, e in briefing.excerpts() if not e.flag):  # a second one, flagged too
        excerpt.flag, excerpt.filed = "changed", excerpt.anchor.exact
    save_briefing(briefing, note)
    _, _, err = run(capsys, "export", note, "-o", out)
    assert "note.md: 2 excerpts changed by an update are not yet reviewed" in err
    assert changed.flag == "changed"


def test_show_marks_the_excerpts_an_update_flagged(note: Path, reissued: Path, capsys) -> None:
    """QA 5 #8: `show` printed a changed or lost excerpt like any other, a lost one with a source lacking it."""
    assert run(capsys, "update-source", note, "1", reissued)[0] == 0
    code, out, err = run(capsys, "show", note)
    assert code == 0, err
    lines = out.splitlines()
    [changed] = [line for line in lines if "cut diplomatic ties" in line]
    assert changed.endswith("” [1, para. 4] (changed by an update, not reviewed)")
    [lost] = [line for line in lines if "state sponsors of terrorism" in line]
    assert lost.endswith("” [1, lost] (not in the new version of its source)")
    [kept] = [line for line in lines if "Dion was at pains" in line]
    assert re.search(r"” \[1, para\. \d+\]$", kept)
    data = json.loads(run(capsys, "show", note, "--json")[1])
    flags = [item.get("flag", "") for section in data["sections"] for item in section["items"]]
    assert sorted(flags) == ["", "changed", "lost"]
