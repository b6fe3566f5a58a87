"""The `briefing` command: the GUI by default, sub-commands for headless work (scripts, tests, batch)."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import __version__
from briefing.core.anchors import check_anchors, find_quote
from briefing.core.lock import BriefingLock, LockedError
from briefing.core.model import Briefing, Excerpt, Source
from briefing.core.operations import AddSource, OperationError, add_note, file_excerpt, new_excerpt
from briefing.core.project import SUFFIX, ProjectFileError, load_briefing, save_briefing
from briefing.core.templates import DEFAULT_TEMPLATE, TemplateError, load_catalog, new_briefing
from briefing.core.text import printable
from briefing.export.tree import citation_text, source_entry, where

if TYPE_CHECKING:
    from briefing.importers import ImportResult


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def _briefing_path(value: str) -> Path:
    path = _usable(Path(value))
    if path.suffix.lower() != SUFFIX:
        raise CommandError(f"{path.name or value}: a briefing file must end in {SUFFIX}")  # ("." has no name)
    return path


def _usable(path: Path) -> Path:
    """Refuse up front a name the system cannot use (too long, a NUL byte, a folder we may not enter), as one line
    naming the file; a file that does not exist yet is left for each command to judge."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except (OSError, ValueError) as exc:
        reason = (isinstance(exc, OSError) and exc.strerror) or str(exc)
        raise CommandError(f"{path.name}: cannot be used as a file name here ({reason})") from None
    return path


@contextmanager
def _holding_lock(path: Path) -> Iterator[None]:
    """The briefing's owner lock while it is changed: LockedError when someone has it open in the window."""
    lock = BriefingLock(path)
    try:
        lock.acquire()
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be changed here ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _editing(value: str) -> Iterator[Briefing]:
    """Load a briefing for a change, holding its owner lock, and save it atomically if the block succeeds."""
    path = _briefing_path(value)
    if not path.is_file():
        load_briefing(path)  # says what is wrong (missing, a folder, a pipe) before any lock is made
        raise CommandError(f"{path.name}: file not found")
    with _holding_lock(path):
        briefing = load_briefing(path)
        yield briefing
        save_briefing(briefing, path)


def cmd_gui(args: argparse.Namespace) -> int:
    from briefing.gui.app import run_gui

    path = _usable(Path(args.file)) if getattr(args, "file", None) else None
    if path is not None and not path.is_file():
        raise CommandError(f"{path.name}: file not found")
    return run_gui(path, demo=getattr(args, "demo", False))


def cmd_new(args: argparse.Namespace) -> int:
    path = _briefing_path(args.file)
    if path.exists() and not args.force:
        raise CommandError(f"{path.name}: already exists (use --force to replace it)")
    catalog = load_catalog()
    try:
        template = catalog.get(args.template)
    except KeyError as exc:
        # A template that failed to load is not "missing": say what is wrong with it, as export does.
        broken = [e for e in catalog.errors if e.path.stem == args.template]
        raise CommandError(str(broken[0]) if broken else str(exc.args[0])) from None
    try:
        briefing = new_briefing(template, title=args.title or "", classification=args.classification or "")
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    with _holding_lock(path) if path.exists() else nullcontext():  # --force replaces no briefing someone has open
        save_briefing(briefing, path)
    print(f"Created {path} from template {template.id} ({len(briefing.sections)} sections)")
    return 0


def cmd_add_source(args: argparse.Namespace) -> int:
    from briefing.importers import SourceImportError
    from briefing.importers.command import import_with_progress

    imported: list[Source] = []
    errors: list[str] = []
    for name in args.sources:  # import them all first, so that every failure is reported in one run
        try:
            result = import_with_progress(name, encoding=args.encoding, password=args.password)
        except SourceImportError as exc:
            errors.append(str(exc))
            continue
        imported.append(result.source)
        for warning in result.warnings:
            say("warning", f"{Path(name).name}: {warning}")
        _add_attachments(name, result, args, imported, errors)
    if errors:
        # All or nothing: a half-done add-source would leave the analyst to work out which files went in.
        if imported:
            failed = "it" if len(errors) == 1 else "them"
            errors.append(f"{Path(args.file).name}: nothing was added; add the others without {failed}")
        for error in errors[:-1]:
            say("error", error)
        raise CommandError(errors[-1])
    with _editing(args.file) as briefing:
        for source in imported:
            AddSource(source).apply(briefing)
            print(f"Added source {len(briefing.sources)}: {source.label} ({len(source.text.split())} words)")
    return 0


def _add_attachments(
    name: str, result: ImportResult, args: argparse.Namespace, imported: list[Source], errors: list[str]
) -> None:
    """An e-mail's attachments: imported too with --attachments, else named so the analyst knows they are there."""
    from briefing.importers import import_attachments

    readable = [a.name for a in result.attachments if a.importable]
    others = [a.name for a in result.attachments if not a.importable]
    if not args.attachments:
        if readable:
            say("note", f"{Path(name).name} has attachments: {', '.join(readable)}; add them too with --attachments")
        return
    found, failed = import_attachments(result, password=args.password)
    imported.extend(r.source for r in found)
    errors.extend(failed)
    if others:
        say("note", f"{Path(name).name}: attachments Briefing cannot import were left out: {', '.join(others)}")


def _pick_sources(briefing: Briefing, ref: str | None) -> list[tuple[int, Source]]:
    numbered = list(enumerate(briefing.sources, start=1))
    if ref is None:
        if not numbered:
            raise CommandError("the briefing has no sources yet (add one with `briefing add-source`)")
        return numbered
    if ref.isdigit():
        index = int(ref)
        if not 1 <= index <= len(numbered):
            raise CommandError(f"there is no source {index} (the briefing has {len(numbered)})")
        return [numbered[index - 1]]
    wanted = ref.casefold()
    found = [(n, s) for n, s in numbered if wanted in (s.label.casefold(), s.meta.file_name.casefold(), s.id)]
    found = found or [(n, s) for n, s in numbered if wanted in s.label.casefold()]
    if not found:
        raise CommandError(f"no source matches {ref!r}")
    return found


def _where(source: Source, start: int, end: int) -> str:
    place = where(source, start, end)  # as the export cites it: "para. 4", "paras. 4–5", "p. 2"
    snippet = " ".join(source.text[max(0, start - 25) : start + 35].split())
    return f"source {source.label!r}{f' {place}' if place else ''}: …{snippet}…"


def cmd_quote(args: argparse.Namespace) -> int:
    with _editing(args.file) as briefing:
        _check_section(briefing, args.section)
        hits = [(n, s, m) for n, s in _pick_sources(briefing, args.source) for m in find_quote(s.text, args.text)]
        if not hits:
            raise CommandError("the text was not found in the source(s); check the wording, or choose --source")
        if len(hits) > 1:
            places = "; ".join(f"[{n}] {_where(s, m.start, m.end)}" for n, s, m in hits[:5])
            raise CommandError(f"the text occurs in {len(hits)} places, quote more of it to choose one: {places}")
        _, source, match = hits[0]
        excerpt = new_excerpt(source, match.start, match.end, args.comment or "")
        change = file_excerpt(args.section, excerpt).apply(briefing)
    print(f"{change.label}: “{_short(excerpt.anchor.exact)}” ({_where(source, match.start, match.end).split(':')[0]})")
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CommandError("the note is empty")
    with _editing(args.file) as briefing:
        _check_section(briefing, args.section)
        change = add_note(args.section, args.text).apply(briefing)
    print(change.label)
    return 0


def _check_section(briefing: Briefing, section_id: str) -> None:
    ids = [s.id for s in briefing.sections]
    if section_id not in ids:
        raise CommandError(f"there is no section {section_id!r}; sections: {', '.join(ids)}")


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _as_data(briefing: Briefing) -> dict[str, Any]:
    sources = {s.id: (n, s) for n, s in enumerate(briefing.sources, start=1)}
    sections = []
    for section in briefing.sections:
        items: list[dict[str, Any]] = []
        for item in section.items:
            if isinstance(item, Excerpt):
                number, source = sources[item.source_id]
                items.append(
                    {
                        "kind": "excerpt",
                        "id": item.id,
                        "quote": item.anchor.exact,
                        "comment": item.comment,
                        "source": number,
                        "start": item.anchor.start,
                        "end": item.anchor.end,
                        "citation": citation_text(source, item)[0],
                    }
                )
            else:
                items.append({"kind": "note", "id": item.id, "text": item.text})
        sections.append({"id": section.id, "heading": section.heading, "items": items})
    return {
        "template": briefing.template,
        "title_block": vars(briefing.title_block),
        "sections": sections,
        "sources": [
            {
                "number": n,
                "id": s.id,
                **{k: v for k, v in vars(s.meta).items() if k != "imported_at"},
                "words": len(s.text.split()),
            }
            for n, s in sources.values()
        ],
    }


def cmd_show(args: argparse.Namespace) -> int:
    briefing = load_briefing(_briefing_path(args.file))
    data = _as_data(briefing)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    tb = briefing.title_block
    print(f"[{tb.classification}]  {tb.document_number}".rstrip())
    print(tb.title or "(untitled)")
    if tb.title_fr:
        print(tb.title_fr)
    rows = [("To", tb.addressee), ("Purpose", tb.purpose.replace("-", " ")), ("Date", tb.date)]
    rows += [("Prepared by", tb.prepared_by), ("Approved by", tb.approved_by), ("Consulted", tb.consulted)]
    for label, value in rows:
        if value:
            print(f"  {label}: {value}")
    for section in data["sections"]:
        print(f"\n{section['heading']}")
        if not section["items"]:
            print("  (empty)")
        for item in section["items"]:
            if item["kind"] == "excerpt":
                print(f"  “{_short(item['quote'], 200)}” [{item['source']}]")
                if item["comment"]:
                    print(f"    comment: {item['comment']}")
            else:
                print(f"  {item['text']}")
    if data["sources"]:
        print("\nSources")
        for source in briefing.sources:
            print(f"  [{data['sources'][briefing.sources.index(source)]['number']}] {source_entry(source).text}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = _briefing_path(args.file)
    briefing = load_briefing(path)
    problems: list[str] = []
    catalog = load_catalog()
    if briefing.template not in catalog.templates:
        problems.append(f"template {briefing.template!r} is not installed (sections are kept in the file)")
    labels = {e.id: (s.heading, e) for s, e in briefing.excerpts()}
    for report in check_anchors(briefing):
        if report.status != "ok":
            heading, _ = labels[report.excerpt_id]
            problems.append(f"{heading}: excerpt {report.excerpt_id}: {report.describe()}")
    for source in briefing.sources:
        if any(b.end > len(source.text) for b in source.blocks):
            problems.append(f"source {source.label!r}: its structure points outside its text")
    if problems:
        for problem in problems:
            print(f"{path.name}: {problem}", file=sys.stderr)
        return 1
    count = len(labels)
    print(f"{path.name}: sound ({len(briefing.sources)} sources, {count} excerpts, every quote matches its source)")
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    for template in sorted(catalog.templates.values(), key=lambda t: t.id):
        default = " (default)" if template.id == DEFAULT_TEMPLATE else ""
        where = f"[{template.origin}: {template.path}]"
        print(f"{template.id}{default}: {template.name} — {len(template.sections)} sections {where}")
    for template in catalog.shadowed:
        print(f"  replaced: {template.id} [{template.origin}: {template.path}]")
    for error in catalog.errors:
        print(
            f"briefing: warning: template {error.path}: {error.problem}{f' (at {error.key!r})' if error.key else ''}",
            file=sys.stderr,
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Briefing: build briefing notes from source articles."
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument(
        "--smoke-test", metavar="OUTDIR", help="open the demo in the window, export DOCX and PDF to OUTDIR, check them"
    )
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("open", help="open a briefing in the window")
    p.add_argument("file")
    p.set_defaults(func=cmd_gui)
    p = sub.add_parser("demo", help="open the window on the demo briefing (built from the bundled sample article)")
    p.set_defaults(func=cmd_gui, demo=True)

    p = sub.add_parser("new", help="create an empty briefing from a template")
    p.add_argument("file")
    p.add_argument("--template", default=DEFAULT_TEMPLATE)
    p.add_argument("--title")
    p.add_argument("--classification")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("add-source", help="import files as sources")
    p.add_argument("file")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--attachments", action="store_true", help="also add the attachments of e-mails (.msg) that can be imported"
    )
    p.set_defaults(func=cmd_add_source)

    p = sub.add_parser("quote", help="file an excerpt by quoting its exact text")
    p.add_argument("file")
    p.add_argument("--section", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--source", help="source number (1, 2, ...) or title / file name")
    p.add_argument("--comment")
    p.set_defaults(func=cmd_quote)

    p = sub.add_parser("note", help="add the analyst's own text to a section")
    p.add_argument("file")
    p.add_argument("--section", required=True)
    p.add_argument("--text", required=True)
    p.set_defaults(func=cmd_note)

    p = sub.add_parser("show", help="print the title block, sections and items with their citations")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("check", help="validate the file and every anchor; exit 0 when sound")
    p.add_argument("file")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("templates", help="list templates and where each comes from")
    p.set_defaults(func=cmd_templates)

    for register in _plugin_commands():
        register(sub)
    return parser


def _plugin_commands() -> list[Callable[[Any], None]]:
    """Sub-commands that live with their feature (import, export), where that feature is installed."""
    found = []
    for module in ("briefing.importers.command", "briefing.export.command"):
        try:
            imported = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if not (exc.name and module.startswith(exc.name)):
                raise
            continue
        found.append(imported.register)
    return found


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    """The sub-commands' names (argparse keeps them on its sub-parsers action)."""
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name for action in actions for name in action.choices}


def say(kind: str, message: object) -> None:
    """One line on stderr: "briefing: error: ...", whatever the message holds (control characters escaped)."""
    print(f"briefing: {kind}: {printable(str(message))}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].lower().endswith(SUFFIX):
        argv.insert(0, "open")  # `briefing FILE.briefing`, as a file manager or file association runs it
    elif argv and argv[0] not in _commands(parser) and not argv[0].startswith("-") and Path(argv[0]).suffix:
        say("error", f"{Path(argv[0]).name}: Briefing opens {SUFFIX} files; to add it to one as a source: "
            f"briefing add-source FILE{SUFFIX} {argv[0]}")  # fmt: skip
        return 2
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A character the output cannot carry (a terminal's code page, a stray surrogate) is shown as "?" rather
        # than stop `show` part-way.
        sys.stdout.reconfigure(errors="replace")
    if args.smoke_test:
        from briefing.gui.smoke import run as smoke_test

        return smoke_test(Path(args.smoke_test))
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # here, where a closed pipe is caught, rather than at exit
        return status
    except BrokenPipeError:
        # The reader went away (`briefing show x | head`): not an error. Later writes go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a process ended by SIGPIPE
    except (CommandError, ProjectFileError, LockedError, OperationError, TemplateError) as exc:
        say("error", exc)
        return 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: still one line, with the details on request
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        say("internal error", f"{type(exc).__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
        return 70


if __name__ == "__main__":
    sys.exit(main())
