"""`briefing export FILE.briefing -o OUT.docx|OUT.pdf|OUT.md [--template NAME] [--draft]`."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.cli.terminal import CommandError, out, say

if TYPE_CHECKING:
    from briefing.export.pages import PageCount
    from briefing.export.pdf import Layout


def register(subparsers: Any) -> None:
    """Add the `export` sub-command to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "export",
        help="export a briefing to DOCX, PDF or Markdown",
        description="Export a briefing to Word (.docx), PDF (.pdf) or Markdown (.md), chosen by the output's suffix.",
    )
    parser.add_argument("file", metavar="FILE.briefing", help="the briefing to export")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.docx, OUT.pdf or OUT.md")
    parser.add_argument("--template", metavar="NAME", help="template id (default: the briefing's own template)")
    parser.add_argument("--draft", action="store_true", help="add a DRAFT watermark")
    parser.set_defaults(func=run_export)


def _fail(message: str) -> int:
    say("error", message)
    return 1


def run_export(args: argparse.Namespace) -> int:
    # An export makes a great many objects (ReportLab's modules, fonts, the laid-out pages) and frees few before it
    # ends, so the cyclic garbage collector's passes over them would find little: it is off meanwhile (reference
    # counting frees everything else as usual), as during the window's start-up (gui/app.py).
    if not gc.isenabled():
        return _export(args)
    # Python's last collection at exit would walk every object still alive (about 5 % of a cold `briefing export`
    # to PDF) to free what the process's end frees anyway: the objects alive then are frozen out of it. Until the
    # process ends, nothing changes (a test or script calling main() again collects as usual).
    atexit.unregister(gc.freeze)  # (once per process)
    atexit.register(gc.freeze)
    gc.disable()
    try:
        return _export(args)
    finally:
        # What was made meanwhile is all in the youngest generation, which the next collection would walk whole
        # (some 30 ms): freeze() + unfreeze() moves it straight to the oldest, where survivors end up anyway.
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def _export(args: argparse.Namespace) -> int:
    from briefing.cli.files import read_briefing
    from briefing.core.project import ProjectFileError
    from briefing.core.templates import TemplateError, load_catalog, stand_in_notice, template_or_stand_in
    from briefing.export import FORMATS, ExportError, export_tree, export_tree_of
    from briefing.export.pages import from_layout

    source, output = Path(args.file), Path(args.output)
    if os.path.isdir(output):  # before the suffix: `-o notes` names a folder, not an unknown format
        return _fail(f"{output.name}: is a folder, not a file")
    if output.suffix.lower() not in FORMATS:
        return _fail(f"{output.name}: unknown export format {output.suffix or '(no suffix)'!r}; use .docx, .pdf or .md")
    if not source.is_file():
        return _fail(f"{source.name}: file not found")
    try:
        briefing = read_briefing(source)
    except (ProjectFileError, CommandError) as exc:
        return _fail(str(exc))
    catalog = load_catalog(cached=True)  # the templates as parsed last time: no PyYAML while they are unchanged
    template_id = args.template or briefing.template
    broken = [e for e in catalog.errors if e.path.stem == template_id]
    if args.template:  # a template asked for by name must be there (a typo is not laid out in another)
        try:
            template = catalog.get(template_id)
        except KeyError as exc:
            return _fail(str(broken[0]) if broken else str(exc.args[0]))
    else:  # the note's own not installed (a colleague's): the window's stand-in, with the window's warning
        template = template_or_stand_in(catalog, briefing)
        notice = stand_in_notice(template)
        if notice is not None and output.suffix.lower() != ".md":  # (Markdown has no layout to warn about)
            for problem in [*broken[:1], notice]:
                say("warning", f"{output.name}: {problem}")
    tb = briefing.title_block
    field = "title_fr" if tb.language == "fr" else "title"  # a French note's title is its French title
    if not getattr(tb, field).strip() and not tb.title.strip():
        from briefing.export.tree import untitled_name

        untitled = untitled_name(template, tb.language)
        say("warning", f"{source.name} has no title: the exported page shows none, and the file's properties "
            f"call it “{untitled}”; give it one with: briefing set {source.name} {field}=...")  # fmt: skip
    layouts: list[Layout] = []  # a PDF's own layout, for the page budget
    try:
        tree = export_tree_of(briefing, template, output, draft=args.draft)  # (export_briefing, keeping the tree)
        path = export_tree(tree, output, on_layout=layouts.append)
    except (ExportError, TemplateError) as exc:
        return _fail(str(exc))
    out(f"Exported {path}")
    from briefing.core.update import unreviewed_changes

    unreviewed = unreviewed_changes(briefing)
    if unreviewed is not None:  # their new wording went out unread: said, never refused
        say("warning", f"{output.name}: {unreviewed} (`briefing check {source.name}` lists them)")
    if layouts:
        _warn_over_budget(from_layout(briefing, template, layouts[0]), output)
        from briefing.export.pdfmarks import unshown_marks_of

        for warning in unshown_marks_of(briefing, template, tree):  # a quotation printed without its vowel marks
            say("warning", f"{output.name}: {warning}")
    return 0


def _warn_over_budget(count: PageCount, output: Path) -> None:
    """A warning line, never a failure, when the note runs past its template's page budget."""
    from briefing.export.pages import describe

    if count.over_budget:
        say("warning", f"{output.name}: {describe(count)}")
