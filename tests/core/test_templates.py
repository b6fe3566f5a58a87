"""Templates: the shipped ones, validation errors that name the file and key, and where templates come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.model import TitleBlock
from briefing.core.templates import (
    ContactSpec,
    DecisionSpec,
    TemplateError,
    font_twin,
    font_warnings,
    load_catalog,
    load_template_file,
    new_briefing,
    template_dirs,
)


def test_shipped_templates() -> None:
    catalog = load_catalog()
    assert catalog.errors == []
    info = catalog.get("information-note")
    assert [s.id for s in info.sections] == ["background", "positions", "open-issues"]
    gc = catalog.get("gc-briefing-note")
    assert [s.id for s in gc.sections] == [
        "purpose", "summary", "background", "current-status", "considerations", "options", "recommendation", "next-steps",
    ]  # fmt: skip
    assert gc.section("recommendation").heading_fr == "Recommandation"
    for template in (info, gc):  # a French interface shows the French name, description and guidance
        assert template.name_fr and template.description_fr
        assert all(s.guidance_fr and s.guidance_fr != s.guidance for s in template.sections)
    assert info.section("background").guidance_fr.startswith("Ce qui s’est passé")
    assert dict(gc.title_defaults)["purpose"] == "for-decision"
    assert "PROTECTED B" in gc.classifications
    assert gc.marking_style == "top-right" and info.marking_style == "banner"


def test_blocks_and_citations_in_the_shipped_templates_and_their_defaults(tmp_path: Path) -> None:
    catalog = load_catalog()
    gc, info = catalog.get("gc-briefing-note"), catalog.get("information-note")
    assert gc.decision_block == DecisionSpec(("I concur", "I do not concur"), "addressee", True, True)
    assert gc.contact_block == ContactSpec("end", ("prepared_by", "phone"))
    assert (gc.citations, gc.export_sources_list) == ("short", False)
    assert info.contact_block == ContactSpec("title-block", ()) and info.export_sources_list
    # a template written before these keys: the usual decision block, no contact line, citations in full
    (tmp_path / "old.yaml").write_text(GOOD.format(id="old"), encoding="utf-8")
    old = load_template_file(tmp_path / "old.yaml")
    assert (old.decision_block, old.contact_block, old.citations) == (DecisionSpec(), ContactSpec(), "full")
    (tmp_path / "none.yaml").write_text(GOOD.format(id="none") + "decision_block: false\n", encoding="utf-8")
    assert load_template_file(tmp_path / "none.yaml").decision_block is None
    body = GOOD.format(id="own") + "decision_block: {options: [Approved, Not approved], signer: '', date_line: false}\n"
    (tmp_path / "own.yaml").write_text(body, encoding="utf-8")
    assert load_template_file(tmp_path / "own.yaml").decision_block == DecisionSpec(
        ("Approved", "Not approved"), "", True, False
    )


def test_templates_are_frozen() -> None:
    template = load_catalog().get("information-note")
    with pytest.raises(AttributeError):
        template.page_size = "a4"  # type: ignore[misc]


def test_new_briefing_follows_the_template() -> None:
    template = load_catalog().get("gc-briefing-note")
    briefing = new_briefing(template, title="T", classification="SECRET")
    assert [s.heading for s in briefing.sections][:2] == ["Purpose", "Summary"]
    assert briefing.title_block == TitleBlock(
        title="T", addressee="Memorandum to the Minister", purpose="for-decision", classification="SECRET"
    )
    with pytest.raises(ValueError, match="classification 'MAGIC' is not offered"):
        new_briefing(template, classification="MAGIC")


def test_a_french_note_starts_with_the_french_defaults() -> None:
    template = load_catalog().get("gc-briefing-note")
    assert dict(template.title_defaults_fr) == {"addressee": "Note au ministre"}
    assert new_briefing(template, language="fr").title_block.addressee == "Note au ministre"
    assert new_briefing(template, language="bilingual").title_block.addressee == "Memorandum to the Minister"


GOOD = """
id: {id}
name: Test
sections:
  - {{id: points, heading: Points to make}}
"""


@pytest.mark.parametrize(
    ("body", "key", "expected"),
    [
        ("id: x\nname: X\n", "sections", "expected a non-empty list of sections"),
        ("sections: [{heading: H}]", "sections[0].id", "missing; expected text"),
        ("sections: [{id: Bad Id, heading: H}]", "sections[0].id", "lowercase letters"),
        ("sections: [{id: a, heading: H}, {id: a, heading: I}]", "sections[1].id", "unique section id"),
        ("sections: [{id: a, heading: H, word_budget: lots}]", "sections[0].word_budget", "expected a number"),
        ("sections: [{id: a, heading: H}]\npage: {size: tabloid}", "page.size", "expected one of letter, a4"),
        ("sections: [{id: a, heading: H}]\npage: {margins_mm: {top: 1}}", "page.margins_mm.top", "at least 5"),
        ("sections: [{id: a, heading: H}]\npage: {margins_mm: {left: 100, right: 100}}", "page.margins_mm", "letter page's 215.9 mm width; 100 + 100 mm leave 15.9 mm"),
        ("sections: [{id: a, heading: H}]\npage: {size: a4, margins_mm: {top: 140, bottom: 140}}", "page.margins_mm", "at least 40 mm of the a4 page's 297 mm height; 140 + 140 mm leave 17 mm"),
        ("sections: [{id: a, heading: H}]\nclassification: {choices: [A, B], default: C}", "classification.default", "one of the choices"),
        ("sections: [{id: a, heading: H}]\nclassification: {placement: [side]}", "classification.placement", "header, footer"),
        ("sections: [{id: a, heading: H}]\nexport: {comments: maybe}", "export.comments", "true or false"),
        ("sections: [{id: a, heading: H}]\nexport: {number_paragraphs: 1}", "export.number_paragraphs", "true or false"),
        ("sections: [{id: a, heading: H}]\ntitle_block: {fields: [title, colour]}", "title_block.fields", "expected one of"),
        ("sections: [{id: a, heading: H}]\nformat: 2", "format", "reads format 1"),
        ("sections: [{id: a, heading: H}]\nexport: {citations: endnotes}", "export.citations", "expected one of full, short, ibid, found 'endnotes'"),
        ("sections: [{id: a, heading: H}]\ndecision_block: yes please", "decision_block", "expected a mapping"),
        ("sections: [{id: a, heading: H}]\ndecision_block: {options: []}", "decision_block.options", "non-empty list of text"),
        ("sections: [{id: a, heading: H}]\ndecision_block: {signer: minister}", "decision_block.signer", "expected one of title, title_fr, document_number, addressee, purpose, classification, date, prepared_by, phone, approved_by, consulted, found 'minister'"),
        ("sections: [{id: a, heading: H}]\ndecision_block: {date_line: often}", "decision_block.date_line", "true or false"),
        ("sections: [{id: a, heading: H}]\ndecision_block: {option: [Yes]}", "decision_block", "expected one of options, signer, signature_line, date_line, found 'option'"),
        ("sections: [{id: a, heading: H}]\ncontact_block: {placement: footer}", "contact_block.placement", "expected one of end, title-block"),
        ("sections: [{id: a, heading: H}]\ntitle_block: {fields: [title, prepared_by]}\ncontact_block: {fields: [prepared_by, phone]}", "contact_block.fields", "expected fields of title_block.fields (title, prepared_by), found 'phone'"),
        ("sections: [{id: a, heading: H}]\ntitle_block: {defaults_fr: {addressee: Note au ministre}}", "title_block.defaults_fr", "expected a text field of title_block.defaults (), found 'addressee'"),
        ("sections: [{id: a, heading: H}]\ntitle_block: {defaults: {purpose: for-decision}, defaults_fr: {purpose: pour-décision}}", "title_block.defaults_fr", "defaults (), found 'purpose'"),
        ("- just\n- a list\n", "", "expected a mapping"),
    ],
)  # fmt: skip
def test_bad_templates_name_file_key_and_expectation(tmp_path: Path, body: str, key: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        load_template_file(path)
    assert info.value.key == key
    assert expected in info.value.problem
    assert str(info.value).startswith("bad.yaml")


def test_number_paragraphs_is_off_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("sections: [{id: a, heading: H}]", encoding="utf-8")
    assert load_template_file(path).number_paragraphs is False
    path.write_text("sections: [{id: a, heading: H}]\nexport: {number_paragraphs: true}", encoding="utf-8")
    assert load_template_file(path).number_paragraphs is True


def test_invalid_yaml_and_python_tags(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("sections: [unclosed", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("!!python/object/apply:os.system ['true']", encoding="utf-8")
    for name in ("a.yaml", "b.yaml"):
        with pytest.raises(TemplateError, match="not valid YAML"):
            load_template_file(tmp_path / name)


def test_a_broken_template_never_stops_the_others(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD.format(id="uk-fco"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("sections: 3", encoding="utf-8")
    catalog = load_catalog([("shared", tmp_path)])
    assert list(catalog.templates) == ["uk-fco"]
    assert [e.path.name for e in catalog.errors] == ["broken.yaml"]


def test_shared_and_user_folders(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "dept.yaml").write_text(GOOD.format(id="dept-note"), encoding="utf-8")
    (shared / "override.yaml").write_text(GOOD.format(id="information-note"), encoding="utf-8")
    home = tmp_path / "home"
    (home / "templates").mkdir(parents=True)
    (home / "templates" / "mine.yaml").write_text(GOOD.format(id="my-note"), encoding="utf-8")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.setenv("BRIEFING_TEMPLATES", str(shared))
    catalog = load_catalog()
    assert catalog.get("dept-note").origin == "shared"
    assert catalog.get("my-note").origin == "user"
    assert catalog.get("information-note").origin == "shared"  # IT's copy replaces the built-in one
    assert [t.origin for t in catalog.shadowed] == ["built-in"]
    assert [origin for origin, _ in template_dirs()] == ["built-in", "shared", "user"]


def test_settings_file_adds_a_shared_folder(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "it-templates"
    folder.mkdir()
    (folder / "x.yaml").write_text(GOOD.format(id="from-settings"), encoding="utf-8")
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    monkeypatch.delenv("BRIEFING_TEMPLATES", raising=False)
    (tmp_path / "settings.yaml").write_text(f"template_folders: ['{folder.as_posix()}']\n", encoding="utf-8")
    assert load_catalog().get("from-settings").origin == "shared"


def test_shipped_templates_name_office_fonts_with_bundled_twins() -> None:
    catalog = load_catalog()
    gc, info = catalog.get("gc-briefing-note"), catalog.get("information-note")
    assert (gc.body_font, gc.heading_font, gc.font_size_pt) == ("Arial", "Arial", 12)
    assert (info.body_font, info.heading_font) == ("Arial", "Arial")
    assert font_warnings(gc) == font_warnings(info) == []
    assert font_twin("Times  New Roman") == "Liberation Serif" and font_twin("calibri") == "Carlito"


def test_a_font_with_no_bundled_twin_is_a_warning(tmp_path: Path, monkeypatch, capsys) -> None:
    from briefing.cli import main

    folder = tmp_path / "shared"
    folder.mkdir()
    text = GOOD.format(id="dept-note") + "fonts: {body: Garamond, heading: Calibri}\n"
    (folder / "dept.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BRIEFING_TEMPLATES", str(folder))
    assert main(["templates"]) == 0
    err = capsys.readouterr().err
    assert f"briefing: warning: template {folder / 'dept.yaml'}: font 'Garamond' has no bundled twin" in err
    assert "'Calibri'" not in err and err.count("warning") == 1  # Calibri and the shipped templates' Arial have twins
