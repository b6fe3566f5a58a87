"""`briefing import FILE...`: extract sources without a briefing and show what was found (or --json for tools);
and the import with terminal progress that `add-source` shares."""

from __future__ import annotations

import argparse
from typing import Any

from briefing.cli.terminal import TerminalProgress, counted, out, out_json, say
from briefing.core.citation import ocr_note
from briefing.core.text import count_words
from briefing.importers import ImportResult, SourceImportError, import_file_with_warnings, supported_suffixes

JSON_FIELDS = ("title", "author", "publisher", "published", "url", "language", "direction", "encoding")


def register(subparsers: Any) -> None:
    """Add the `import` sub-command to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "import",
        help="extract text and metadata from source files, without a briefing",
        description=f"Extract sources and print what was found. Formats: {', '.join(supported_suffixes())}.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to import")
    parser.add_argument("--json", action="store_true", help="print a JSON array, one object per file, in order")
    parser.add_argument("--password", help="password for encrypted PDF files")
    parser.add_argument("--encoding", help="decode text files with this encoding instead of detecting it")
    parser.set_defaults(func=run)


def as_json(file: str, result: ImportResult) -> dict[str, Any]:
    source = result.source
    meta = source.meta
    found: dict[str, Any] = {"file": file}
    found.update({name: getattr(meta, name) for name in JSON_FIELDS})
    found["format"] = meta.format
    found["pages"] = meta.pages
    found["ocr_pages"] = meta.ocr_pages  # pages whose text OCR read from an image
    found["warnings"] = list(result.warnings)
    found["attachments"] = [a.name for a in result.attachments]
    if result.recipients:
        found["recipients"] = result.recipients
    found["text"] = source.text
    found["blocks"] = [
        {"kind": b.kind, "level": b.level, "start": b.start, "end": b.end}
        | ({"page": source.page_at(b.start)} if meta.page_starts else {})
        for b in source.blocks
    ]
    return found


def summary(file: str, result: ImportResult) -> str:
    source = result.source
    meta = source.meta
    lines = [f"{file}: {meta.title}"]
    details = [
        ("by", meta.author),
        ("publisher", meta.publisher),
        ("published", meta.published),
        ("url", meta.url),
        ("language", meta.language + (f" ({meta.direction})" if meta.direction == "rtl" else "")),
        ("encoding", meta.encoding),
        ("pages", str(meta.pages) if meta.pages else ""),
        ("ocr", ocr_note(source)),
    ]
    lines += [f"  {label}: {value}" for label, value in details if value]
    words = count_words(source.text)
    lines.append(f"  {meta.format}: {counted(words, 'word')} in {counted(len(source.blocks), 'block')}")
    lines += [f"  {kind}: {'; '.join(names)}" for kind, names in result.recipients.items() if names]
    if result.attachments:
        lines.append(f"  attachments: {', '.join(a.name for a in result.attachments)}")
    lines += [f"  warning: {w}" for w in result.warnings]
    return "\n".join(lines)


def import_with_progress(file: str, *, encoding: str | None = None, password: str | None = None) -> ImportResult:
    """import_file_with_warnings, showing progress on stderr when it is a terminal (a 300-page PDF takes seconds)."""
    progress = TerminalProgress(file)
    try:
        return import_file_with_warnings(file, encoding=encoding, password=password, progress=progress)
    finally:
        progress.close()


def run(args: argparse.Namespace) -> int:
    failed = 0
    results: list[dict[str, Any]] = []
    for file in args.files:
        try:
            result = import_with_progress(file, encoding=args.encoding, password=args.password)
        except SourceImportError as exc:
            failed += 1
            if args.json:
                error: dict[str, Any] = {"file": file, "error": str(exc)}
                if type(exc).__name__ != "SourceImportError":
                    error["kind"] = type(exc).__name__  # PasswordRequired, NeedsOcr: what the user can act on
                results.append(error)
            else:
                say("error", exc)
            continue
        if args.json:
            results.append(as_json(file, result))
        else:
            out(summary(file, result))
    if args.json:
        out_json(results, indent=1)
    return 1 if failed else 0
