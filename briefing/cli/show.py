"""Commands that read a briefing or the templates: `show`, `check`, `templates`."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from briefing.cli.files import briefing_path, read_briefing
from briefing.cli.terminal import counted, out, out_json, say, short, visible
from briefing.core.anchors import check_anchors
from briefing.core.citation import place
from briefing.core.labels import field_label, purpose_label
from briefing.core.language import LANGUAGE_NAMES
from briefing.core.model import Briefing, Excerpt
from briefing.core.plain import briefing_data
from briefing.core.templates import DEFAULT_TEMPLATE, font_warnings, load_catalog
from briefing.core.text import count_words
from briefing.export.pages import page_fields, pdf_problem
from briefing.export.pdfmarks import unshown_marks_of
from briefing.export.tree import citation_text, source_entry


def register(sub: Any) -> None:
    p = sub.add_parser("show", help="print the title block, sections and items with their citations")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("check", help="validate the file and every anchor; exit 0 when sound")
    p.add_argument("file")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("templates", help="list templates and where each comes from")
    p.set_defaults(func=cmd_templates)


def _as_data(briefing: Briefing) -> dict[str, Any]:
    """The briefing's plain data (as the manifest has it), each excerpt with its quote, citation and source number."""
    data = briefing_data(briefing)
    numbers = {s.id: n for n, s in enumerate(briefing.sources, start=1)}
    excerpts = {e.id: e for _, e in briefing.excerpts()}
    for item in (item for section in data["sections"] for item in section["items"]):
        if item["kind"] == "excerpt":
            excerpt = excerpts[item["id"]]
            # A lost excerpt's passage is not in the source's current version: there is no place to cite.
            lost = excerpt.flag == "lost"
            citation = None if lost else citation_text(briefing.source(excerpt.source_id), excerpt)[0]
            item.update(quote=excerpt.anchor.exact, source=numbers[excerpt.source_id], citation=citation)
    data["sources"] = [
        {
            "number": numbers[s.id],
            "id": s.id,
            **{k: v for k, v in entry["meta"].items() if k != "imported_at"},
            "words": count_words(s.text),
        }
        for entry, s in zip(data["sources"], briefing.sources, strict=True)
    ]
    return data


# Left by `update-source`: said beside the excerpt, as the window's cards say it (`check` tells the way out)
_SHOWN_FLAGS = {
    "changed": " (changed by an update, not reviewed)",
    "lost": " (not in the new version of its source)",  # after "[1, lost]" (_where)
}


def cmd_show(args: argparse.Namespace) -> int:
    path = briefing_path(args.file, backup=True)
    briefing = read_briefing(path)
    catalog = load_catalog(cached=True)
    if briefing.template not in catalog.templates and not any(e.path.stem == briefing.template for e in catalog.errors):
        missing = catalog.not_installed(path.name, briefing.template)
        say("note", f"{missing}: briefing export --template NAME; until then its pages are not counted")
    data = _as_data(briefing)
    if args.json:
        data.update(page_fields(briefing))
        out_json(data, indent=2)
        return 0
    tb = briefing.title_block
    out(f"[{tb.classification}]  {tb.document_number}".rstrip())
    # a French note's title is its French title, as its export prints it first and big; the other under it
    titles = [tb.title_fr, tb.title] if tb.language == "fr" else [tb.title, tb.title_fr]
    for title in [t for t in titles if t] or ["(untitled)"]:
        out(title)
    for name in ("addressee", "purpose", "date", "prepared_by", "phone", "approved_by", "consulted"):
        value = getattr(tb, name)
        if value:
            out(f"  {field_label(name)}: {purpose_label(value) if name == 'purpose' else value}")
    if tb.language != "en":  # an English note is the usual case
        out(f"  {field_label('language')}: {LANGUAGE_NAMES.get(tb.language, tb.language)}")
    excerpts = {e.id: e for _, e in briefing.excerpts()}
    for section in data["sections"]:
        out(f"\n{section['heading']}")
        if not section["items"]:
            out("  (empty)")
        for item in section["items"]:
            if item["kind"] == "excerpt":
                where = _where(briefing, excerpts[item["id"]], item["source"])
                flag = _SHOWN_FLAGS.get(item.get("flag", ""), "")
                out(f"  “{short(item['quote'], 200)}” [{where}]{flag}")
                if item["comment"]:
                    out(textwrap.indent(f"comment: {item['comment']}", "    "))
            else:
                out(textwrap.indent(item["text"], "  "))  # every line of a multi-line note under the first
    if data["sources"]:
        out("\nSources")
        for source in briefing.sources:
            out(f"  [{data['sources'][briefing.sources.index(source)]['number']}] {source_entry(source).text}")
    return 0


def _where(briefing: Briefing, excerpt: Excerpt, number: int) -> str:
    """An excerpt's source number and place, as its citation gives it: "1, para. 4", "2, p. 3"; "1, lost"."""
    if excerpt.flag == "lost":  # its passage is not in the source's current version
        return f"{number}, lost"
    where = place(briefing.source(excerpt.source_id), excerpt.anchor.start, excerpt.anchor.end)
    return f"{number}, {where}" if where else str(number)


def cmd_check(args: argparse.Namespace) -> int:
    path = briefing_path(args.file, backup=True)
    briefing = read_briefing(path)
    problems: list[str] = []
    catalog = load_catalog(cached=True)
    if briefing.template not in catalog.templates:
        problems.append(f"template {briefing.template!r} is not installed (sections are kept in the file)")
    else:  # text the PDF fonts cannot draw: `export` to PDF would refuse the note
        problem = pdf_problem(briefing, catalog.get(briefing.template))
        if problem:
            problems.append(problem)
    labels = {e.id: (s.heading, e) for s, e in briefing.excerpts()}
    # Left by `update-source` (or Source > Update from File…) for the analyst to resolve: unfinished work, so check
    # fails until each is accepted or deleted. A lost one's anchor is known not to match: said once, here.
    for heading, excerpt in labels.values():
        if excerpt.flag:
            problems.append(f"{heading}: excerpt {excerpt.id}: {_flag_text(excerpt)}")
    for report in check_anchors(briefing):
        if report.status != "ok" and labels[report.excerpt_id][1].flag != "lost":
            heading, _ = labels[report.excerpt_id]
            problems.append(f"{heading}: excerpt {report.excerpt_id}: {report.describe()}")
    for source in briefing.sources:
        if any(b.end > len(source.text) for b in source.blocks):
            problems.append(f"source {source.label!r}: its structure points outside its text")
    if problems:
        for problem in problems:
            out(f"{path.name}: {visible(problem, one_line=True)}", err=True)
        return 1
    if briefing.template in catalog.templates:  # sound, but a PDF would print these quotations unlike their source
        for warning in unshown_marks_of(briefing, catalog.get(briefing.template)):
            say("warning", f"{path.name}: {warning}")
    sources, excerpts = counted(len(briefing.sources), "source"), counted(len(labels), "excerpt")
    out(f"{path.name}: sound ({sources}, {excerpts}, every quote matches its source)")
    return 0


def _flag_text(excerpt: Excerpt) -> str:
    if excerpt.flag == "changed":
        return (
            f"changed in the new version of its source: filed as “{short(excerpt.filed)}”, now "
            f"“{short(excerpt.anchor.exact)}”; accept the new text (resolve --accept) or delete the excerpt"
        )
    return (
        f"not in the new version of its source: “{short(excerpt.filed)}”; delete it (resolve --delete), or file the "
        "passage again"
    )


def cmd_templates(args: argparse.Namespace) -> int:
    catalog = load_catalog(cached=True)
    for template in sorted(catalog.templates.values(), key=lambda t: t.id):
        default = " (default)" if template.id == DEFAULT_TEMPLATE else ""
        where = f"[{template.origin}: {template.path}]"
        out(f"{template.id}{default}: {template.name} — {counted(len(template.sections), 'section')} {where}")
        for warning in font_warnings(template):
            say("warning", f"template {template.path}: {warning}")
    for template in catalog.shadowed:
        out(f"  replaced: {template.id} [{template.origin}: {template.path}]")
    for error in catalog.errors:
        say("warning", f"template {error.path}: {error.problem}{f' (at {error.key!r})' if error.key else ''}")
    return 0
