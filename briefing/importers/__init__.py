"""Source importers: a file (or pasted text) in, a normalised Source out. One module per format."""

from __future__ import annotations

import contextlib
import importlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from briefing.core.messages import QT_TRANSLATE_NOOP, Message, extension, named, one_line, system_reason
from briefing.core.model import Source, new_id, sha256_hex
from briefing.core.text import printable

MAX_FILE_BYTES = 100 * 1024 * 1024  # larger files are refused before reading: no analyst source is that big


class SourceImportError(Exception):
    """A file could not be imported; str() is one line naming the file and the problem."""

    def __init__(self, path: str | os.PathLike[str] | Message, problem: str | Message) -> None:
        self.path = str(path)
        self.problem = one_line(problem)  # always one line; as a str, in English
        # a control character in the name (a newline, a NUL) is shown escaped: the message stays one visible line;
        # what has no file ("pasted text") is named by a message
        name = path if isinstance(path, Message) else printable(Path(path).name)
        self.message = named(name, self.problem)
        super().__init__(str(self.message))


class PasswordRequired(SourceImportError):
    """The file is encrypted and no password, or a wrong one, was given; ask the user and try again.

    `wrong_password` is True when a password was given and did not open the file.
    """

    def __init__(
        self, path: str | os.PathLike[str] | Message, problem: str | Message, *, wrong_password: bool = False
    ) -> None:
        super().__init__(path, problem)
        self.wrong_password = wrong_password


class NeedsOcr(SourceImportError):
    """The file holds only images of text (a scan): it needs OCR before it can be imported."""


class ImportCancelled(Exception):
    """Raised by a progress callback to stop an import; it passes through the importers unchanged."""


Importer = Callable[[bytes, str, "ImportOptions"], Source]
Progress = Callable[[int, int], None]  # (done, total): pages for PDF, stages (decode, extract, ...) for the others
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # read by OCR (importers/ocr.py)
PAGED_SUFFIXES = (".pdf", *IMAGE_SUFFIXES)  # their progress counts pages (OCR: per page)


@dataclass
class Attachment:
    """A file carried inside an imported source (an e-mail's attachment): its name, bytes, and the importer that
    reads it (None for kinds Briefing cannot import, such as pictures). Import it with import_attachment.

    A message attached to an Outlook message is a storage inside that file, not bytes of its own: `data` is then
    a .msg file made of it (as Outlook saves one), so that its source keeps that message and its attachments alone."""

    name: str
    data: bytes = field(repr=False)
    importer: Importer | None = field(default=None, repr=False)
    attached_to: str = ""  # the title of the message it is attached to, which its source's citation names

    @property
    def importable(self) -> bool:
        return self.importer is not None


def attachment_name(name: str, fallback: str) -> str:
    """An attachment's file name as shown and stored: one line, no folders (a sender's paths are not ours)."""
    name = " ".join(name.replace("\\", "/").rsplit("/", 1)[-1].split())
    return name or fallback


def file_attachment(name: str, data: bytes) -> Attachment:
    """An attached file, read by the importer for its name's suffix (none when Briefing cannot read the kind).
    Pictures are listed but not offered, though OCR could read them: an e-mail's are mostly logos, signatures and
    photos; a scan sent as a picture can be saved and added as a file."""
    suffix = Path(name).suffix.lower() if "." in name else ""
    importer = importer_for(suffix) if suffix and suffix not in IMAGE_SUFFIXES else None
    return Attachment(name=name, data=data, importer=importer)


@dataclass
class ImportOptions:
    """What the user chose for one import, and the warnings the importer has for them."""

    encoding: str | None = None  # decode text formats with this, instead of detecting
    password: str | None = None  # for encrypted PDF
    warnings: list[str] = field(default_factory=list)
    progress: Progress | None = None  # told how far the import is; it may raise ImportCancelled to stop it
    ocr_languages: str = "eng+fra"  # Tesseract's names, for images and scanned PDF pages (importers/ocr.py)
    attachments: list[Attachment] = field(default_factory=list)  # files the source carries (an e-mail's)
    recipients: dict[str, list[str]] = field(default_factory=dict)  # an e-mail's "to" and "cc": "Name <address>"

    def report(self, done: int, total: int) -> None:
        """A progress point: the caller hears how far the import is, and can cancel it here."""
        if self.progress is not None:
            self.progress(done, total)


def make_options(
    encoding: str | None = None, password: str | None = None, progress: Progress | None = None
) -> ImportOptions:
    return ImportOptions(encoding=encoding or None, password=password, progress=progress)


@dataclass
class ImportResult:
    """A Source plus what the user should know about how it was read (unsure encoding, skipped parts)."""

    source: Source
    warnings: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)  # an e-mail's attachments, importable or not
    # an e-mail's recipients ("to", "cc"), shown by `briefing import`; kept in the source's meta.to and meta.cc
    recipients: dict[str, list[str]] = field(default_factory=dict)


# suffix -> (module, function); a module is imported only when a file of its kind is imported, so start-up and
# plain-text imports never pay for lxml, trafilatura, pypdf or cryptography.
_IMPORTERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "import_bytes"),
    ".text": ("text", "import_bytes"),
    ".md": ("text", "import_bytes"),
    ".markdown": ("text", "import_bytes"),
    ".html": ("html", "import_bytes"),
    ".htm": ("html", "import_bytes"),
    ".xhtml": ("html", "import_bytes"),
    ".mhtml": ("html", "import_mhtml"),
    ".mht": ("html", "import_mhtml"),
    ".docx": ("docx", "import_bytes"),
    ".pdf": ("pdf", "import_bytes"),
    ".eml": ("eml", "import_bytes"),
    ".png": ("ocr", "import_bytes"),
    ".jpg": ("ocr", "import_bytes"),
    ".jpeg": ("ocr", "import_bytes"),
    ".tif": ("ocr", "import_bytes"),
    ".tiff": ("ocr", "import_bytes"),
    ".msg": ("msg", "import_bytes"),
    ".odt": ("odt", "import_bytes"),
    ".rtf": ("rtf", "import_bytes"),
    ".doc": ("doc", "import_bytes"),
}


def importer_for(suffix: str) -> Importer | None:
    entry = _IMPORTERS.get(suffix.lower())
    if entry is None:
        return None
    module = importlib.import_module(f"briefing.importers.{entry[0]}")
    return cast(Importer, getattr(module, entry[1]))


def supported_suffixes() -> list[str]:
    return sorted(_IMPORTERS)


def import_file(path: str | os.PathLike[str], *, encoding: str | None = None, password: str | None = None) -> Source:
    """Read one file and return its Source; raises SourceImportError with a clear message on bad input."""
    return import_file_with_warnings(path, encoding=encoding, password=password).source


def import_file_with_warnings(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    password: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Like import_file, and also returns the warnings the user should see (e.g. an unsure encoding guess).

    progress, when given, is called with (done, total) as the import goes; ImportCancelled raised by it stops the
    import and propagates to the caller."""
    path = Path(path)
    importer = importer_for(path.suffix)
    with contextlib.suppress(OSError, ValueError):
        if importer is None and path.is_dir():  # a folder has no suffix either: say what it is
            raise SourceImportError(path, Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a file")))
    if importer is None:
        raise SourceImportError(
            path,
            Message(
                QT_TRANSLATE_NOOP("Messages", "unsupported file type {suffix}; supported: {supported}"),
                suffix=extension(path.suffix),
                supported=", ".join(_IMPORTERS),
            ),
        )
    try:
        data = _read_limited(path)
    except FileNotFoundError:
        raise SourceImportError(path, Message(QT_TRANSLATE_NOOP("Messages", "file not found"))) from None
    except IsADirectoryError:
        raise SourceImportError(path, Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a file"))) from None
    except PermissionError:
        raise SourceImportError(path, Message(QT_TRANSLATE_NOOP("Messages", "permission denied"))) from None
    except OSError as exc:
        raise SourceImportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "cannot read the file ({reason})"), reason=system_reason(exc))
        ) from None
    except ValueError as exc:  # os.stat refuses a path with a NUL character in it
        raise SourceImportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is not a valid file name ({exc})"), exc=exc)
        ) from None
    if not data:
        raise SourceImportError(path, Message(QT_TRANSLATE_NOOP("Messages", "the file is empty (0 bytes)")))
    options = make_options(encoding, password, progress)
    source = run_importer(importer, data, path.name, options)
    stamp_source(source, data, path.name)
    return ImportResult(source, options.warnings, options.attachments, options.recipients)


def import_attachment(
    attachment: Attachment, *, encoding: str | None = None, password: str | None = None
) -> ImportResult:
    """Import one attachment of an imported source as a source of its own (or a source's own file again, read in
    another encoding: the window's Source > Reopen With Encoding); SourceImportError when it cannot be."""
    if attachment.importer is None:
        suffix = Path(attachment.name).suffix
        raise SourceImportError(
            attachment.name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "files of type {suffix} cannot be imported; supported: {supported}"),
                suffix=extension(suffix),
                supported=", ".join(_IMPORTERS),
            ),
        )
    options = make_options(encoding, password)
    source = run_importer(attachment.importer, attachment.data, attachment.name, options)
    stamp_source(source, attachment.data, attachment.name)
    source.meta.attached_to = attachment.attached_to
    return ImportResult(source, options.warnings, options.attachments, options.recipients)


def import_attachments(result: ImportResult, *, password: str | None = None) -> tuple[list[ImportResult], list[str]]:
    """Every attachment of an imported source that Briefing can read, and theirs in turn (the report in a
    forwarded message), in order; and the one-line errors of those that could not be read."""
    imported: list[ImportResult] = []
    errors: list[str] = []
    pending = [a for a in result.attachments if a.importable]
    while pending:
        attachment = pending.pop(0)
        try:
            found = import_attachment(attachment, password=password)
        except SourceImportError as exc:
            errors.append(str(exc))
            continue
        imported.append(found)
        pending[:0] = [a for a in found.attachments if a.importable]  # (nesting is bounded by the .msg reader)
    return imported, errors


def _read_limited(path: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file or is over MAX_FILE_BYTES, before reading it."""
    info = path.stat()  # (follows symlinks: a link to a file is that file)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(path)
    # a pipe would wait forever for a writer and a device (/dev/zero) never ends and reports no size
    if not stat.S_ISREG(info.st_mode):
        raise SourceImportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is not a regular file (a pipe, device or socket)"))
        )
    if info.st_size > MAX_FILE_BYTES:
        raise SourceImportError(
            path,
            Message(
                QT_TRANSLATE_NOOP("Messages", "file is too large ({size} MB; the limit is 100 MB)"),
                size=f"{info.st_size / (1024 * 1024):.1f}",
            ),
        )
    # non-blocking, so that a path swapped for a pipe after the check cannot make the open wait for a writer
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise SourceImportError(
                path, Message(QT_TRANSLATE_NOOP("Messages", "is not a regular file (a pipe, device or socket)"))
            )
        data = handle.read(MAX_FILE_BYTES + 1)  # a file that grew since the check still cannot pass the limit
    if len(data) > MAX_FILE_BYTES:
        raise SourceImportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "file is too large (over 100 MB; the limit is 100 MB)"))
        )
    return data


def run_importer(importer: Importer, data: bytes, file_name: str, options: ImportOptions) -> Source:
    """Run one importer, turning any library failure into a one-line SourceImportError."""
    try:
        source = importer(data, file_name, options)
    except (SourceImportError, ImportCancelled):
        raise
    except MemoryError:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "the file needs too much memory to read"))
        ) from None
    except RecursionError:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "the file is nested too deeply to read"))
        ) from None
    except Exception as exc:  # a library choked on malformed input: the user needs one line, not a traceback
        # in the analyst's words: the library's ("KeyError: 'rId7'") says nothing they can act on
        suffix = extension(Path(file_name).suffix, quoted=False)
        problem = Message(
            QT_TRANSLATE_NOOP("Messages", "could not be read: it is damaged, or it is not really a {suffix} file"),
            suffix=suffix,
        )
        raise SourceImportError(file_name, problem) from exc
    if not source.text.strip():
        raise SourceImportError(file_name, Message(QT_TRANSLATE_NOOP("Messages", "no text could be extracted")))
    set_language(source)
    for attachment in options.attachments:  # (an e-mail's: each cited with the message it came with)
        attachment.attached_to = attachment.attached_to or source.meta.title
    return source


def set_language(source: Source) -> None:
    """Give a source its language, once, at import: the one its file declares, unless its text plainly says
    English or French otherwise (core/language.source_language); the analyst sees it, and can correct it, in
    Source details. Its quotations are tagged with it in a note of another language."""
    from briefing.core.language import source_language

    source.meta.language = source_language(source.text, source.meta.language)


def utc_now_iso() -> str:
    """Now in UTC to the second, "2016-04-18T09:30:00+00:00" (as datetime's isoformat() writes it, without
    importing datetime at start-up, where the demo's sample is imported)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def stamp_source(source: Source, data: bytes, file_name: str) -> None:
    """Record what every imported source carries: its original bytes, their hash, the file name and time."""
    source.original = data
    source.meta.sha256 = sha256_hex(data)
    source.meta.file_name = file_name
    source.meta.imported_at = utc_now_iso()
    if not source.id:
        source.id = new_id("src")


def import_pasted(text: str, html: str | None = None, *, url: str = "") -> Source:
    """A Source from the clipboard: its HTML flavour when it has one with real text, else the plain text."""
    from briefing.importers.paste import import_pasted as _import_pasted

    return _import_pasted(text, html, url=url)
