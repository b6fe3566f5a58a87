"""Updating a source to a new version of it: every excerpt kept, moved, changed or lost; one undoable step."""

from __future__ import annotations

import copy
from itertools import pairwise
from pathlib import Path

import pytest

from briefing import paths
from briefing.core.anchors import check_anchors
from briefing.core.model import Briefing, Excerpt, Source
from briefing.core.operations import AcceptChangedText, EditSourceMeta, OperationError, RemoveItem, UpdateSource
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
from briefing.demo import demo_briefing
from briefing.importers import import_file

# The demo's source is the sample article (the same text as /work/shared/samples/canada-iran-talks.txt).
ARTICLE = paths.resource("demo", "canada-iran-talks.txt").read_text(encoding="utf-8")
EDITED = "In 2012, the Harper administration cut ties with Tehran and expelled Iranian diplomats from Canada."
DELETED = "The Harper government also added Iran to its list of state sponsors of terrorism."
REPEATED = "“We have no plans to change this,” said Dion, unless Iran becomes a “respectful democracy”."
FEBRUARY = (
    "In February, the Liberal government announced it was lifting some sanctions against Iran, but that others "
    "would stay in place."
)


def reissue(tmp_path: Path, text: str, name: str = "canada-iran-talks.txt") -> Source:
    """The new version as the analyst would get it: a file, imported as Add Source imports it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path)


def excerpt_quoting(briefing: Briefing, start: str) -> Excerpt:
    [found] = [e for _, e in briefing.excerpts() if (e.filed or e.anchor.exact).startswith(start)]
    return found


def state(briefing: Briefing) -> object:
    """Everything an update may touch, for comparing before and after undo."""
    source = briefing.sources[0]
    excerpts = [(e.id, copy.copy(e.anchor), e.flag, e.filed) for _, e in briefing.excerpts()]
    return source.text, list(source.blocks), copy.copy(source.meta), source.original, excerpts


def test_a_reissued_article_with_text_inserted_edited_deleted_and_repeated(tmp_path: Path) -> None:
    briefing = demo_briefing()
    text = ARTICLE.replace(
        "The Liberal government", "Updated April 20 with comment from Iran.\n\nThe Liberal government"
    )
    text = text.replace(EDITED, "In 2012, the Conservative government of Stephen Harper cut ties with Tehran.")
    text = text.replace(DELETED + "\n\n", "")
    pull_quote = "Iran’s ambassador to the United Nations"
    text = text.replace(pull_quote, REPEATED + "\n\n" + pull_quote)  # a pull quote: the passage twice
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text))
    change = op.apply(briefing)

    # Moved: the three with new text right beside them (after the edited passage, the deleted one, and before the
    # pull quote); the other three only shifted down the text, in the same surroundings: kept.
    assert op.counts() == {"kept": 3, "moved": 3, "changed": 1, "lost": 1}
    beside_new_text = {excerpt_quoting(briefing, start).id for start in ("“Talks", "the usual", "“We have")}
    assert set(op.ids("moved")) == beside_new_text
    source = briefing.sources[0]
    changed = excerpt_quoting(briefing, "In 2012")
    assert op.ids("changed") == [changed.id] and changed.flag == "changed"
    assert changed.filed == EDITED
    # A changed excerpt quotes the new wording, word for word as the source now has it.
    assert changed.anchor.exact == "In 2012, the Conservative government of Stephen Harper cut ties with Tehran."
    lost = excerpt_quoting(briefing, "The Harper government")
    assert op.ids("lost") == [lost.id] and lost.flag == "lost" and lost.anchor.exact == DELETED
    # The repeated quote stays with the copy that has its old surroundings, not the pull quote above it.
    repeated = excerpt_quoting(briefing, "“We have no plans")
    assert repeated.flag == "" and source.text.count(REPEATED) == 2
    assert repeated.anchor.start == source.text.rindex(REPEATED)
    # The lost one quotes what was filed, at the empty place where it was: nothing else passes for its passage.
    assert lost.anchor.start == lost.anchor.end == source.text.rindex(REPEATED)
    for _, excerpt in briefing.excerpts():
        a = excerpt.anchor
        assert (source.text[a.start : a.end] == a.exact) == (excerpt is not lost)
    assert change.label == "Update source Canada Confirms Talks to Renew Iran Ties"
    assert change.items == {e.id for _, e in briefing.excerpts()}


def test_untouched_passages_are_kept_and_an_edit_between_the_same_surroundings_is_changed(tmp_path: Path) -> None:
    briefing = demo_briefing()
    last = "In February, the Liberal government announced it was lifting some sanctions against Iran"
    text = ARTICLE.replace(last, "In February, the Liberal government lifted most sanctions against Iran")
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text))
    op.apply(briefing)
    assert op.counts() == {"kept": 7, "moved": 0, "changed": 1, "lost": 0}
    changed = excerpt_quoting(briefing, "In February")
    # The excerpt after the edit is kept: the edit shortened the text before it, its surroundings are the same.
    after = excerpt_quoting(briefing, "Dion would not speculate")
    assert after.id in op.ids("kept") and after.anchor.start < ARTICLE.index(after.anchor.exact)
    # Between the old surroundings: the whole edited sentence, from its first word to its full stop.
    assert changed.anchor.exact == (
        "In February, the Liberal government lifted most sanctions against Iran, but that others would stay in place."
    )


def test_a_passage_edited_with_its_surroundings_is_found_by_its_words(tmp_path: Path) -> None:
    briefing = demo_briefing()
    after = "“Talks have started"
    text = ARTICLE.replace(EDITED, EDITED.replace("Iranian diplomats", "Iran’s diplomats"))
    text = text.replace(after, "Dion told CBC: " + after)  # the passage after it begins differently too
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text))
    op.apply(briefing)
    assert op.counts()["changed"] == 1 and op.counts()["lost"] == 0
    # The nearest passage alike, in whole words (never cut inside one).
    assert excerpt_quoting(briefing, "In 2012").anchor.exact == EDITED.replace("Iranian diplomats", "Iran’s diplomats")


def test_an_edit_is_the_sentence_alike_not_a_filed_paragraph_moved_in_beside_it(tmp_path: Path) -> None:
    """QA's reissue: a word changed in a filed passage, a filed paragraph moved to just before it, a filed sentence
    deleted and a paragraph inserted. The text between the old surroundings is now both paragraphs: the edited
    passage is the sentence alike, and accepting it quotes no passage twice."""
    briefing = demo_briefing()
    edited = EDITED.replace("administration", "government")
    text = ARTICLE.replace(EDITED, edited).replace(FEBRUARY + "\n\n", "")
    text = text.replace(edited, FEBRUARY + "\n\n" + edited).replace(DELETED + "\n\n", "")
    text = text.replace("“I will not", "Tehran did not respond to a request for comment.\n\n“I will not")
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text))
    op.apply(briefing)

    changed = excerpt_quoting(briefing, "In 2012")
    assert op.ids("changed") == [changed.id] and changed.anchor.exact == edited
    february = excerpt_quoting(briefing, "In February")
    assert february.id in op.ids("moved") and february.anchor.exact == FEBRUARY
    assert op.counts() == {"kept": 3, "moved": 3, "changed": 1, "lost": 1}
    AcceptChangedText(changed.id).apply(briefing)
    spans = sorted((e.anchor.start, e.anchor.end) for _, e in briefing.excerpts() if e.flag != "lost")
    assert all(end <= start for (_, end), (start, _) in pairwise(spans))  # apart, as filed


def test_a_paragraph_inserted_beside_an_edited_passage_is_not_part_of_it(tmp_path: Path) -> None:
    briefing = demo_briefing()
    edited = EDITED.replace("administration", "government")
    inserted = "Relations between the two countries had been strained for years before that."
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, ARTICLE.replace(EDITED, inserted + "\n\n" + edited)))
    op.apply(briefing)
    assert excerpt_quoting(briefing, "In 2012").anchor.exact == edited


def test_a_rewritten_passage_never_takes_a_filed_paragraph_moved_beside_it(tmp_path: Path) -> None:
    """Nothing alike is left, and between the old surroundings is a paragraph another excerpt quotes: lost."""
    briefing = demo_briefing()
    text = ARTICLE.replace(FEBRUARY + "\n\n", "").replace(EDITED, FEBRUARY + "\n\nIn 2012, Canada cut ties.")
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text))
    op.apply(briefing)
    assert op.ids("lost") == [excerpt_quoting(briefing, "In 2012").id]
    assert op.ids("changed") == [] and excerpt_quoting(briefing, "In February").anchor.exact == FEBRUARY


def test_a_passage_twice_as_long_between_the_old_surroundings_is_another_passage(tmp_path: Path) -> None:
    briefing = demo_briefing()
    rewritten = (
        "Ottawa and Tehran have had no diplomatic relations since 2012, when the previous Conservative government "
        "closed the Canadian embassy and declared the remaining Iranian diplomats personae non gratae, giving them "
        "five days to leave the country."
    )
    assert len(rewritten) >= 2 * len(EDITED)
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, ARTICLE.replace(EDITED, rewritten)))
    op.apply(briefing)
    assert op.ids("lost") == [excerpt_quoting(briefing, "In 2012").id] and op.ids("changed") == []


def test_an_edit_above_the_excerpts_shifts_them_but_keeps_them(tmp_path: Path) -> None:
    """QA: one word changed near the top is not "8 moved": the passages are where they were in the text."""
    briefing = demo_briefing()
    before = {e.id: e.anchor.start for _, e in briefing.excerpts()}
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, ARTICLE.replace("made no secret", "never hid")))
    op.apply(briefing)
    assert op.counts() == {"kept": 8, "moved": 0, "changed": 0, "lost": 0}
    assert all(e.anchor.start == before[e.id] - 5 for _, e in briefing.excerpts())


def test_the_same_file_again_keeps_everything(tmp_path: Path) -> None:
    briefing = demo_briefing()
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, ARTICLE))
    op.apply(briefing)
    assert op.counts() == {"kept": 8, "moved": 0, "changed": 0, "lost": 0}
    assert not any(e.flag for _, e in briefing.excerpts())


def test_undo_and_redo_restore_everything(tmp_path: Path) -> None:
    briefing = demo_briefing()
    before = state(briefing)
    text = ARTICLE.replace(EDITED, "In 2012, Canada cut ties.").replace(DELETED, "")
    op = UpdateSource(briefing.sources[0].id, reissue(tmp_path, text, "reissued.txt"))
    op.apply(briefing)
    after = state(briefing)
    assert after != before
    assert briefing.sources[0].meta.file_name == "reissued.txt"
    op.revert(briefing)
    assert state(briefing) == before
    assert {r.status for r in check_anchors(briefing)} == {"ok"}
    op.apply(briefing)  # redo
    assert state(briefing) == after


def test_flags_are_saved_and_loaded(tmp_path: Path) -> None:
    briefing = demo_briefing()
    text = ARTICLE.replace(EDITED, "In 2012, Canada cut ties with Tehran and expelled Iranian diplomats.")
    UpdateSource(briefing.sources[0].id, reissue(tmp_path, text.replace(DELETED, ""))).apply(briefing)
    path = tmp_path / "b.briefing"
    save_briefing(briefing, path)
    loaded = load_briefing(path)
    flagged = {e.id: (e.flag, e.filed, e.anchor.exact) for _, e in loaded.excerpts() if e.flag}
    assert flagged == {e.id: (e.flag, e.filed, e.anchor.exact) for _, e in briefing.excerpts() if e.flag}
    assert sorted(flag for flag, _, _ in flagged.values()) == ["changed", "lost"]


def test_accepting_the_new_text_resolves_a_changed_excerpt_and_undoes(tmp_path: Path) -> None:
    briefing = demo_briefing()
    text = ARTICLE.replace(EDITED, "In 2012, Canada cut ties with Tehran and expelled Iranian diplomats.")
    UpdateSource(briefing.sources[0].id, reissue(tmp_path, text.replace(DELETED, ""))).apply(briefing)
    changed = excerpt_quoting(briefing, "In 2012")
    accept = AcceptChangedText(changed.id)
    assert accept.apply(briefing).label == "Accept changed text"
    assert (changed.flag, changed.filed) == ("", "")
    accept.revert(briefing)
    assert (changed.flag, changed.filed) == ("changed", EDITED)
    lost = excerpt_quoting(briefing, "The Harper government")
    with pytest.raises(OperationError, match="not found in the new version"):
        AcceptChangedText(lost.id).apply(briefing)
    RemoveItem(lost.id).apply(briefing)  # the other way to resolve it
    assert all(e.flag != "lost" for _, e in briefing.excerpts())


def test_a_second_update_is_judged_against_what_was_filed(tmp_path: Path) -> None:
    briefing = demo_briefing()
    source_id = briefing.sources[0].id
    UpdateSource(source_id, reissue(tmp_path, ARTICLE.replace(EDITED, "In 2012, Canada cut ties."))).apply(briefing)
    # The third version restores the wording the analyst filed: nothing is left to resolve.
    op = UpdateSource(source_id, reissue(tmp_path, ARTICLE))
    op.apply(briefing)
    # The filed words are back between the same surroundings: kept, as are the others whose surroundings are the
    # same; the one right after the restored passage has its old surroundings back, different from the last
    # version's: moved.
    assert op.counts() == {"kept": 7, "moved": 1, "changed": 0, "lost": 0}
    assert op.ids("moved") == [excerpt_quoting(briefing, "“Talks").id]
    assert not any(e.flag or e.filed for _, e in briefing.excerpts())
    assert excerpt_quoting(briefing, "In 2012").anchor.exact == EDITED


def test_metadata_the_new_version_lacks_is_kept(tmp_path: Path) -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    source.meta.author = "Ottawa bureau"  # typed in by the analyst
    UpdateSource(source.id, reissue(tmp_path, ARTICLE)).apply(briefing)
    assert source.meta.author == "Ottawa bureau"


def test_a_title_that_is_only_the_new_files_name_is_lacking_so_the_old_title_stays(tmp_path: Path) -> None:
    # QA: a reissue with a paragraph added above the headline gives no title of its own; the importer's stand-in
    # (the file's name, "canada-v2") renamed the citation.
    briefing = demo_briefing()
    source = briefing.sources[0]
    title = source.meta.title
    new = reissue(tmp_path, "Updated 9 March.\n\n" + ARTICLE, name="canada-v2.txt")
    assert new.meta.title == "canada-v2" and not new.meta.has_own_title()
    update = UpdateSource(source.id, new)
    update.apply(briefing)
    assert source.meta.title == title and source.meta.file_name == "canada-v2.txt"
    update.revert(briefing)
    source.meta.title = "Typed in by the analyst"
    UpdateSource(source.id, reissue(tmp_path, "Updated 9 March.\n\n" + ARTICLE, name="canada-v3.txt")).apply(briefing)
    assert source.meta.title == "Typed in by the analyst"


def test_a_title_the_new_version_gives_replaces_the_old(tmp_path: Path) -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    source.meta.title = "Typed in by the analyst"
    UpdateSource(source.id, reissue(tmp_path, "# Canada and Iran\n\n" + ARTICLE, name="v2.md")).apply(briefing)
    assert source.meta.title == "Canada and Iran"


def test_an_email_without_a_subject_keeps_the_old_title(tmp_path: Path) -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    title = source.meta.title
    path = tmp_path / "forwarded.eml"
    path.write_text("From: a@example.org\nTo: b@example.org\n\n" + ARTICLE, encoding="utf-8")
    new = import_file(path)
    assert new.meta.title == "(no subject)"
    UpdateSource(source.id, new).apply(briefing)
    assert source.meta.title == title


FRENCH_ARTICLE = (
    "Le Canada confirme des pourparlers avec l’Iran\n\n"
    "Le ministre des Affaires étrangères a déclaré que les discussions ont commencé au niveau officiel, dans un "
    "pays neutre, et que le gouvernement ne fera aucun autre commentaire sur le lieu de ces rencontres.\n\n"
    "En 2012, le gouvernement Harper a rompu les liens avec Téhéran et expulsé les diplomates iraniens du Canada."
)


def test_the_language_the_analyst_chose_outweighs_the_new_versions(tmp_path: Path) -> None:
    briefing = demo_briefing()
    source = briefing.sources[0]
    EditSourceMeta(source.id, {"language": "en-CA"}).apply(briefing)  # Source details, as the analyst corrects it
    new = reissue(tmp_path, FRENCH_ARTICLE)
    assert new.meta.language == "fr"  # told from its text
    UpdateSource(source.id, new).apply(briefing)
    assert (source.meta.language, source.meta.language_chosen) == ("en-CA", "en-CA")
    path = tmp_path / "kept.briefing"
    save_briefing(briefing, path)  # the choice is kept in the file, for the next update
    assert load_briefing(path).sources[0].meta.language_chosen == "en-CA"


def test_an_update_takes_the_new_files_language_unless_the_analyst_chose_one(tmp_path: Path) -> None:
    """Update from File kept the source's old language even when the new file was in another: only Source
    details could correct it."""
    briefing = demo_briefing()
    source = briefing.sources[0]
    assert (source.meta.language, source.meta.language_chosen) == ("en", "")  # as imported
    update = UpdateSource(source.id, reissue(tmp_path, FRENCH_ARTICLE, name="canada-iran-fr.txt"))
    update.apply(briefing)
    assert source.meta.language == "fr"
    update.revert(briefing)
    assert source.meta.language == "en"
    edit = EditSourceMeta(source.id, {"language": "en"})  # chosen by hand, then undone
    edit.apply(briefing)
    edit.revert(briefing)  # undone: the language is the import's again
    assert source.meta.language_chosen == ""
    UpdateSource(source.id, reissue(tmp_path, FRENCH_ARTICLE, name="canada-iran-fr.txt")).apply(briefing)
    assert source.meta.language == "fr"


def test_unknown_source_and_empty_text_change_nothing(tmp_path: Path) -> None:
    briefing = demo_briefing()
    before = state(briefing)
    new = reissue(tmp_path, ARTICLE)
    with pytest.raises(OperationError, match="no source"):
        UpdateSource("src-nope", new).apply(briefing)
    new.text = "  "
    with pytest.raises(OperationError, match="holds no text"):
        UpdateSource(briefing.sources[0].id, new).apply(briefing)
    assert state(briefing) == before


def _rewrite_manifest(path: Path, change) -> Path:
    """The same file with its manifest changed by change(manifest)."""
    import json
    import zipfile

    from briefing.core.project_manifest import dump_manifest, parse_manifest

    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    out = path.with_name("changed.briefing")
    with zipfile.ZipFile(out, "w") as zf:
        for info, data in parts:
            if info.filename == "manifest.yaml":
                manifest = parse_manifest(data)
                change(manifest)
                data = dump_manifest(json.loads(json.dumps(manifest)))
            zf.writestr(info, data)
    return out


def test_a_version_1_file_loads_with_nothing_flagged_and_a_bad_flag_is_refused(tmp_path: Path) -> None:
    from briefing.core import project, project_manifest

    briefing = demo_briefing()
    path = tmp_path / "b.briefing"
    save_briefing(briefing, path)
    assert project_manifest.FORMAT_VERSION == 3
    old = load_briefing(_rewrite_manifest(path, lambda m: m.update(version=1)))
    assert [e.anchor for _, e in old.excerpts()] == [e.anchor for _, e in briefing.excerpts()]
    assert not any(e.flag for _, e in old.excerpts())

    def bad_flag(manifest: dict) -> None:
        manifest["sections"][0]["items"][0]["flag"] = "maybe"

    with pytest.raises(project.ProjectFileError, match=r"items\[0\]\.flag: expected 'changed' or 'lost'"):
        load_briefing(_rewrite_manifest(path, bad_flag))
