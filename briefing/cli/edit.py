"""Commands that change a briefing: `new`, `set`, `add-source`, `update-source`, `resolve`, `quote`, `note`. Each
change is a core operation."""

from __future__ import annotations

import argparse
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from briefing.cli.files import briefing_path, editing, existing_briefing, holding_lock
from briefing.cli.sources import import_with_progress
from briefing.cli.terminal import CommandError, counted, out, out_json, say, short, visible
from briefing.core.anchors import find_quote
from briefing.core.citation import place as place_in
from briefing.core.labels import PURPOSE_LABELS, purpose_label, purpose_named
from briefing.core.language import english_word, note_language
from briefing.core.model import LANGUAGES, Briefing, Excerpt, Source, TitleBlock, early_year, is_note_date, missing_day
from briefing.core.operations import (
    AcceptChangedText,
    AddSource,
    OperationError,
    RemoveItem,
    SetTitleField,
    UpdateSource,
    add_note,
    file_excerpt,
    new_excerpt,
)
from briefing.core.project_save import save_briefing
from briefing.core.templates import DEFAULT_TEMPLATE, Template, load_catalog, new_briefing
from briefing.core.text import count_words
from briefing.core.update import OUTCOMES
from briefing.importers import ImportResult, SourceImportError


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="create an empty briefing from a template")
    p.add_argument("file")
    p.add_argument("--template", default=DEFAULT_TEMPLATE)
    p.add_argument("--title", help="the note's title; a French note's goes in its French title (title_fr)")
    p.add_argument("--classification", help="as `set` takes it: PROTECTED B, protected b or PROTÉGÉ B")
    p.add_argument("--purpose", help="as `set` takes it: for-decision, For decision or Pour décision")
    p.add_argument(
        "--language",
        help="the note's language, en, fr or bilingual (or English, Français...): its export's headings, labels "
        "and markings",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser(
        "set",
        help="set title-block fields: title=..., date=YYYY-MM-DD, classification=...",
        description="Set title-block fields of a briefing. The fields are those its template lists; an empty value "
        "clears a field.",
    )
    p.add_argument("file")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_set)

    p = sub.add_parser("add-source", help="import files as sources")
    p.add_argument("file")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--attachments",
        action="store_true",
        help="also add the attachments of e-mails (.msg, .eml) that can be imported",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="add a file even if it is already a source of the briefing (same content); refused without it",
    )
    p.set_defaults(func=cmd_add_source)

    p = sub.add_parser(
        "update-source",
        help="replace a source by a new version of its file and re-anchor its excerpts",
        description="Re-import a changed document in place of a source and re-anchor every excerpt of it: kept "
        "(the same words in the same surroundings, wherever an edit elsewhere shifted them), moved (the same words "
        "in other surroundings: paragraphs reordered, text inserted or deleted beside them), changed (the passage "
        "was edited: the excerpt now quotes the new wording) or lost. Changed and lost "
        "excerpts stay flagged until resolved in the window; `briefing check` lists them.",
    )
    p.add_argument("file")
    p.add_argument("source", help="source number (1, 2, ...) or title / file name")
    p.add_argument("new_file", metavar="NEWFILE")
    p.add_argument("--json", action="store_true", help="print kept, moved, changed, lost and the flagged ids")
    p.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    p.add_argument("--password", help="password of an encrypted PDF")
    p.add_argument(
        "--force",
        action="store_true",
        help="update even with a file that is already another source, or with which every excerpt is lost; "
        "refused without it",
    )
    p.set_defaults(func=cmd_update_source)

    p = sub.add_parser(
        "resolve",
        help="resolve excerpts flagged by update-source: accept a changed one's new text, or delete",
        description="Resolve excerpts that update-source flagged (`briefing check` lists them with their ids): "
        "--accept takes a changed excerpt's new wording; --delete removes the excerpts.",
    )
    p.add_argument("file")
    p.add_argument("ids", nargs="+", metavar="EXCERPT_ID")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--accept", action="store_true", help="accept the new wording of changed excerpts")
    action.add_argument("--delete", action="store_true", help="delete the excerpts")
    p.set_defaults(func=cmd_resolve)

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


def cmd_new(args: argparse.Namespace) -> int:
    path = briefing_path(args.file)
    if path.exists() and not args.force:
        raise CommandError(f"{path.name}: already exists (use --force to replace it)")
    catalog = load_catalog(cached=True)
    try:
        template = catalog.get(args.template)
    except KeyError as exc:
        # A template that failed to load is not "missing": say what is wrong with it, as export does.
        broken = [e for e in catalog.errors if e.path.stem == args.template]
        raise CommandError(str(broken[0]) if broken else str(exc.args[0])) from None
    language = _language(args.language) if args.language is not None else ""
    # the title typed is in the note's language: a French note's is its French title, printed first and big
    title_field = "title_fr" if language == "fr" and "title_fr" in template.title_fields else "title"
    typed = {name: getattr(args, name) for name in ("classification", "purpose") if getattr(args, name)}
    try:  # the same rule as `set`: a French label or marking, any case, with or without accents
        checked = dict(_title_value(template, f"{name}={value}") for name, value in typed.items())
    except CommandError as exc:
        raise CommandError(f"{path.name}: {exc}") from None
    try:
        briefing = new_briefing(template, **{title_field: args.title or ""}, **checked, language=language)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    with holding_lock(path) if path.exists() else nullcontext():  # --force replaces no briefing someone has open
        save_briefing(briefing, path)
    out(f"Created {path} from template {template.id} ({counted(len(briefing.sections), 'section')})")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with editing(args.file) as briefing:
        template = _template_of(briefing)
        # every assignment is checked before any is made: a typo in the third changes nothing
        values = [_title_value(template, assignment) for assignment in args.assignments]
        changes = [SetTitleField(name, value).apply(briefing) for name, value in values]
    for change, (name, value) in zip(changes, values, strict=True):
        shown = purpose_label(value) if name == "purpose" and value else value  # as `show` says it, not its id
        out(f"{change.label}: {shown}" if value else f"{change.label}: (cleared)")
    assigned = {name for name, _ in values}
    for name, value in values:
        heading = _heading_note(Path(args.file).name, briefing.title_block, name, value, assigned)
        if heading:
            say("note", heading)
    return 0


def _heading_note(file_name: str, tb: TitleBlock, name: str, value: str, assigned: set[str]) -> str:
    """What to tell an analyst who set the title the note does not head with (a French note's heading is its
    French title, title_fr, and its English one prints under it): which one prints, and how to change it."""
    heading = "title_fr" if tb.language == "fr" and tb.title_fr.strip() else "title"
    if name not in ("title", "title_fr") or not value or name == heading or heading in assigned:
        return ""
    note = {"fr": "a French", "bilingual": "a bilingual"}.get(tb.language, "an English")
    title = getattr(tb, heading)
    now = f"its heading is {heading} (“{title}”)" if title else f"its heading is {heading}, which is empty"
    other = "English" if name == "title" else "French"
    return (
        f"{file_name} is {note} note: {now}, and {name} prints under it as its {other} title; "
        f"set {heading}=... to {'change' if title else 'give it'} the heading"
    )


def _language(typed: str) -> str:
    """The note language typed ("FR", "Français", "bilingue"), or a one-line error."""
    language = note_language(typed)
    if language is None:
        raise CommandError(f"language must be one of {', '.join(LANGUAGES)}, not {typed!r}")
    return language


def _template_of(briefing: Briefing) -> Template:
    try:
        return load_catalog(cached=True).get(briefing.template)
    except KeyError:
        raise CommandError(
            f"template {briefing.template!r} is not installed, so its title-block fields are not known"
        ) from None


def _title_value(template: Template, assignment: str) -> tuple[str, str]:
    """("date", "2026-12-06") from "date=2026-12-06", checked against the template; else a one-line error."""
    name, equals, value = assignment.partition("=")
    name = name.strip().lower().replace("-", "_")  # prepared-by as well as prepared_by
    fields = ", ".join([*template.title_fields, "language"])
    if not equals:
        raise CommandError(f"expected FIELD=VALUE, not {assignment!r}; fields: {fields}")
    if name == "language":  # every note has one, whatever its template prints
        return name, _language(value)
    if name not in template.title_fields:
        raise CommandError(f"template {template.id!r} has no title-block field {name!r}; fields: {fields}")
    value = " ".join(value.split())  # a title-block field is one line
    if visible(value) != value:
        raise CommandError(f"{name} cannot hold control characters: {visible(value)!r}")
    if name == "date" and value:
        _check_date(value)
    if name == "classification":
        # as the template spells it: "protected a" is PROTECTED A, and so is the French marking "protégé a"
        typed = english_word(value) or value
        match = [c for c in template.classifications if c.casefold() == typed.casefold()]
        if not match:
            choices = ", ".join(template.classifications)
            raise CommandError(f"classification must be one of {choices} (template {template.id!r}), not {value!r}")
        value = match[0]
    if name == "purpose":
        # the label the window shows ("For decision", "Pour décision") as well as the stored name (for-decision)
        named = purpose_named(english_word(value) or value) if value else None
        names, labels = ", ".join(PURPOSE_LABELS), ", ".join(purpose_label(p) for p in PURPOSE_LABELS)
        if not value:  # every note is for decision or for information (README: "an empty value clears a field")
            raise CommandError(f"purpose cannot be cleared: it is one of {names} (or as labelled: {labels})")
        if named is None:
            raise CommandError(f"purpose must be one of {names}, not {value!r} (or as labelled: {labels})")
        value = named
    return name, value


def _check_date(text: str) -> None:
    """A CommandError unless text is a note's date (the core's rule, as the window checks it: a real day written
    YYYY-MM-DD, in 1900 or later), saying which it is not."""
    if is_note_date(text):
        return
    early = early_year(text)  # 0026-03-31, a typo for 2026: it would print "31 March 26"
    if early is not None:
        raise CommandError(f"date {text!r} is not a note's date: {early}")
    problem = missing_day(text)  # 2026-02-30: "February 2026 has 28 days", as the window says it
    if problem is None:
        raise CommandError(f"date must be a date written YYYY-MM-DD (like 2026-03-31), not {text!r}")
    raise CommandError(f"date {text!r} does not exist: {problem}")


def cmd_add_source(args: argparse.Namespace) -> int:
    existing_briefing(args.file)  # first: with the arguments swapped, the briefing named is the mistake
    imported: list[Source] = []
    errors: list[str] = []
    # e-mails given with --attachments, and how many of their attachments were imported: one already in the
    # briefing adds only those
    carriers: dict[str, int] = {}
    for name in args.sources:  # import them all first, so that every failure is reported in one run
        try:
            result = import_with_progress(name, encoding=args.encoding, password=args.password)
        except SourceImportError as exc:
            errors.append(str(exc))
            continue
        imported.append(result.source)
        for warning in result.warnings:
            say("warning", f"{Path(name).name}: {warning}")
        attached = _add_attachments(name, result, args, imported)
        if args.attachments and result.attachments:
            carriers[result.source.id] = attached
    if errors:
        # All or nothing: a half-done add-source would leave the analyst to work out which files went in.
        if imported:
            failed = "it" if len(errors) == 1 else "them"
            errors.append(f"{Path(args.file).name}: nothing was added; add the others without {failed}")
        for error in errors[:-1]:
            say("error", error)
        raise CommandError(errors[-1])
    added, again = [], []
    with editing(args.file, name_errors=False) as briefing:
        for source in imported:
            before = briefing.same_file(source)  # already in it, or given twice in this command
            if before is not None:
                number = briefing.sources.index(before) + 1
                what = f"{source.meta.file_name}: is already source {number} of {Path(args.file).name} ({before.label})"
                if carriers.get(source.id) and not args.force:  # (as the note after adding it said to do)
                    again.append(f"{what}; only its attachments were added")
                    continue
                if source.id in carriers and not args.force:  # its attachments are all pictures, or unreadable
                    raise CommandError(f"{what}; it has no attachment Briefing can add; nothing was added")
                if not args.force:  # raised before the save: nothing is added
                    raise CommandError(f"{what}; nothing was added (add --force to add it again)")
                again.append(f"{what}; added again (--force)")
            AddSource(source).apply(briefing)
            added.append(
                f"Added source {len(briefing.sources)}: {source.label} ({counted(count_words(source.text), 'word')})"
            )
    for line in again:
        say("warning", line)
    for line in added:  # only once the briefing is saved: a failed save added nothing
        out(line)
    return 0


def _add_attachments(name: str, result: ImportResult, args: argparse.Namespace, imported: list[Source]) -> int:
    """An e-mail's attachments: imported too with --attachments (how many were), else named so the analyst knows
    they are there."""
    from briefing.importers import IMAGE_SUFFIXES, import_attachments

    readable = [a.name for a in result.attachments if a.importable]
    others = [a.name for a in result.attachments if not a.importable]
    # (pictures are left out on purpose, though OCR reads them: see file_attachment)
    pictures = [n for n in others if Path(n).suffix.lower() in IMAGE_SUFFIXES]
    others = [n for n in others if n not in pictures]
    if not args.attachments:
        if readable:
            say("note", f"{Path(name).name} has attachments: {', '.join(readable)}; add them too with --attachments")
        return 0
    found, failed = import_attachments(result, password=args.password)
    imported.extend(r.source for r in found)
    for error in failed:  # left out like an attachment of an unknown kind, as the window does: --attachments
        # takes them all, so refusing the whole message would leave no way to add it and its good attachments
        say("warning", f"{Path(name).name}: attachment {error}; it was left out")
    if pictures:
        say("note", f"{Path(name).name}: pictures not added: {', '.join(pictures)}; save them and add them as "
            "sources to read them by OCR")  # fmt: skip
    if others:
        say("note", f"{Path(name).name}: attachments Briefing cannot import were left out: {', '.join(others)}")
    return len(found)


def cmd_update_source(args: argparse.Namespace) -> int:
    with editing(args.file) as briefing:  # the briefing and the source are checked before a long import
        found = _pick_sources(briefing, args.source)
        if len(found) > 1:
            names = "; ".join(f"[{n}] {s.label}" for n, s in found[:5])
            raise CommandError(f"{len(found)} sources match {args.source!r}, give its number: {names}")
        number, source = found[0]
        try:
            result = import_with_progress(args.new_file, encoding=args.encoding, password=args.password)
        except SourceImportError as exc:
            raise CommandError(f"{exc}; {Path(args.file).name} was not changed") from None
        if not args.force:
            _check_new_version(briefing, number, source, result.source, args)
        op = UpdateSource(source.id, result.source)
        op.apply(briefing)
        counts = op.counts()
        if counts["lost"] and counts["lost"] == len(op.outcomes) and not args.force:  # raised before the save
            raise CommandError(
                f"{Path(args.new_file).name}: every excerpt of source {number} ({source.label}) would be lost: it has "
                f"none of their passages; {Path(args.file).name} was not changed (add --force to update it anyway)"
            )
    for warning in result.warnings:  # once the briefing is saved, as add-source does
        say("warning", f"{Path(args.new_file).name}: {warning}")
    if args.json:
        out_json({**counts, "changed_ids": op.ids("changed"), "lost_ids": op.ids("lost")}, indent=2)
        return 0
    out(f"Updated source {number}: {source.label} ({counted(count_words(source.text), 'word')})")
    out(", ".join(f"{counts[name]} {name}" for name in OUTCOMES))
    headings = {e.id: s.heading for s, e in briefing.excerpts()}
    for outcome in op.outcomes:
        if outcome.outcome == "changed":
            now = short(outcome.anchor.exact)
            out(f"  changed: {headings[outcome.excerpt_id]}: “{short(outcome.filed)}” now reads “{now}”")
        elif outcome.outcome == "lost":
            out(f"  lost: {headings[outcome.excerpt_id]}: “{short(outcome.filed)}” is not in the new version")
    if counts["changed"] or counts["lost"]:
        out(f"Flagged until resolved: in the window, or with `briefing resolve {args.file} ID... --accept|--delete`")
    return 0


def _check_new_version(briefing: Briefing, number: int, source: Source, new: Source, args: argparse.Namespace) -> None:
    """A new version that is already another source of the briefing is nearly always the wrong file chosen (as the
    window asks): refused, as add-source refuses a file twice."""
    other = briefing.same_file(new)
    if other is not None and other.id != source.id:
        raise CommandError(
            f"{Path(args.new_file).name}: is already source {briefing.sources.index(other) + 1} of "
            f"{Path(args.file).name} ({other.label}); source {number} was not changed (add --force to update it "
            "with this file anyway)"
        )


def cmd_resolve(args: argparse.Namespace) -> int:
    done = []
    with editing(args.file) as briefing:  # all or nothing: an id that cannot be resolved changes no other
        for excerpt_id in args.ids:
            try:
                _, _, item = briefing.find_item(excerpt_id)
            except KeyError:
                raise CommandError(
                    f"there is no excerpt {excerpt_id!r} (`briefing check` lists the flagged ones)"
                ) from None
            if not isinstance(item, Excerpt) or not item.flag:
                raise CommandError(f"{excerpt_id} is not flagged by a source update; nothing to resolve")
            try:
                change = (AcceptChangedText(excerpt_id) if args.accept else RemoveItem(excerpt_id)).apply(briefing)
            except OperationError as exc:
                raise CommandError(f"{excerpt_id}: {exc}") from None
            done.append(f"{change.label}: {excerpt_id} “{short(item.anchor.exact)}”")
    for line in done:
        out(line)
    return 0


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


def _source_place(source: Source, start: int, end: int) -> str:
    """ "source 'Covid-19 et infox : …' para. 4": the source and the place, as every citation gives it."""
    place = place_in(source, start, end)  # "para. 4", "paras. 4–5", "p. 2"
    return f"source {source.label!r}{f' {place}' if place else ''}"


def _where(source: Source, start: int, end: int) -> str:
    snippet = " ".join(source.text[max(0, start - 25) : start + 35].split())
    return f"{_source_place(source, start, end)}: …{snippet}…"


def cmd_quote(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CommandError(f"{Path(args.file).name}: the passage is empty: give the words to quote with --text")
    with editing(args.file) as briefing:
        _check_section(briefing, args.section)
        hits = [(n, s, m) for n, s in _pick_sources(briefing, args.source) for m in find_quote(s.text, args.text)]
        if not hits:
            raise CommandError("the text was not found in the source(s); check the wording, or choose --source")
        if len(hits) > 1:
            places = "; ".join(f"[{n}] {_where(s, m.start, m.end)}" for n, s, m in hits[:5])
            raise CommandError(f"the text occurs in {len(hits)} places, {_how_to_choose(hits, args.source)}: {places}")
        _, source, match = hits[0]
        excerpt = new_excerpt(source, match.start, match.end, args.comment or "")
        change = file_excerpt(args.section, excerpt).apply(briefing)
    out(f"{change.label}: “{short(excerpt.anchor.exact)}” ({_source_place(source, match.start, match.end)})")
    return 0


def _how_to_choose(hits: list[tuple[int, Source, Any]], ref: str | None) -> str:
    """What tells apart the places a passage was found: more of it, within one source; the source's number, among
    sources (more of the passage cannot choose between two copies of one article)."""
    numbers = list(dict.fromkeys(n for n, _, _ in hits))
    if len(numbers) == 1:
        return "quote more of it to choose one"
    give = " or ".join(f"--source {n}" for n in numbers[:5])
    matched = f"--source {ref!r} matches more than one source; " if ref else ""
    within = ", or quote more of it" if len(hits) > len(numbers) else ""
    return f"{matched}give {give}{within}"


def cmd_note(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CommandError(f"{Path(args.file).name}: the note is empty")
    with editing(args.file) as briefing:
        _check_section(briefing, args.section)
        change = add_note(args.section, args.text).apply(briefing)
    out(change.label)
    return 0


def _check_section(briefing: Briefing, section_id: str) -> None:
    ids = [s.id for s in briefing.sections]
    if section_id not in ids:
        raise CommandError(f"there is no section {section_id!r}; sections: {', '.join(ids)}")
