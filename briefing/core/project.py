"""The .briefing project file: a zip container with a YAML manifest, saved atomically, loaded defensively.

See docs/file-format.md for the layout. Loading trusts nothing in the file: every name, size and value
is checked, and any problem is one ProjectFileError naming the file and what is wrong.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from briefing import __version__
from briefing.core.files import CannotWriteHere, atomic_write
from briefing.core.messages import QT_TRANSLATE_NOOP, Message, named
from briefing.core.model import (
    BLOCK_KINDS,
    FLAGS,
    LANGUAGES,
    Anchor,
    Block,
    Briefing,
    Excerpt,
    Item,
    Note,
    Section,
    Source,
    SourceMeta,
    TitleBlock,
    sha256_hex,
)
from briefing.core.plain import briefing_data
from briefing.core.yaml_cache import safe_load, yaml_error, yaml_module

FORMAT_VERSION = 3
MIMETYPE = "application/vnd.briefing+zip"
SUFFIX = ".briefing"
MAX_ENTRIES = 20_000
MAX_PART_BYTES = 512 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed / compressed beyond which a big part is a zip bomb, not a document
# A manifest of 1,000 excerpts is about 0.5 MB; parsing 16 MB takes under a second (the window waits for it).
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
# What one load may read in all (decompressed), whatever the parts claim: a small file cannot make Briefing read
# gigabytes. The larger of a floor far above real briefings' texts and 20 times the file's size (originals such as
# PDFs are stored as they are), up to MAX_TOTAL_BYTES.
LOAD_FLOOR_BYTES = 128 * 1024 * 1024
LOAD_RATIO = 20
# Counts far above real briefings (bench/project_io.py: 20 sources, 1,000 excerpts), refused before they are built.
MAX_SOURCES = 2_000
MAX_SECTIONS = 1_000
MAX_ITEMS = 50_000
# Containers ("{" and "[") in the manifest, counted before parsing: a bound on the objects it can make.
MAX_CONTAINERS = 2_000_000
# A manifest that is not Briefing's own JSON-style YAML is read by a YAML parser ~100 times slower: bounded apart.
MAX_YAML_BYTES = 8 * 1024 * 1024
MAX_YAML_EVENTS = 200_000
_SAFE_NAME = re.compile(r"^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$")
# A source id names the source's folder in the zip (sources/<id>/...), so it must be one safe part name itself.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_PRECOMPRESSED = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".epub")

# Steps that bring an older manifest up to date: MIGRATIONS[n] turns a version-n manifest into n + 1.
# Version 2 added excerpts' "flag" and "filed" (left by a source update): a version-1 file has none to convert, but
# a Briefing that reads only version 1 must refuse a version-2 file rather than drop its flags unseen.
# Version 3 added the title block's "language" (en, fr, bilingual): a version-2 note is English, the default.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: lambda manifest: manifest,
    2: lambda manifest: manifest,
}


class ProjectFileError(Exception):
    """A briefing file cannot be read or written; str() is one line naming the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str | Message) -> None:
        self.path = Path(path)
        self.problem = problem  # as a str, in English; the window shows `message`, translated
        self.message = named(self.path.name, problem)
        super().__init__(str(self.message))


# --- saving ------------------------------------------------------------------------------------------


def _source_ids_problem(ids: list[str]) -> Message | None:
    """What is wrong with a briefing's source ids, or None. The one rule for loading and saving: a save must never
    write a file that loading refuses. Briefing itself makes ids such as "src-1a2b3c4d5e6f"."""
    seen: set[str] = set()
    for source_id in ids:
        if not _SAFE_ID.fullmatch(source_id) or source_id in (".", ".."):
            return Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the source id {source_id} is not allowed "
                    "(an id is made of the letters A-Z and a-z, digits, '.', '_' and '-')",
                ),
                source_id=repr(source_id[:60]),
            )
        if source_id in seen:
            return Message(
                QT_TRANSLATE_NOOP("Messages", "the source id {source_id} is used by two sources"),
                source_id=_shown(source_id),
            )
        seen.add(source_id)
    return None


def _parts_of(source: Source) -> dict[str, str]:
    """Names of a source's parts in the zip."""
    folder = f"sources/{source.id}"
    parts = {"text": f"{folder}/text.txt.gz", "blocks": f"{folder}/blocks.json.gz"}
    if source.original is not None:
        precompressed = source.meta.file_name.lower().endswith(_PRECOMPRESSED)
        parts["original"] = f"{folder}/original" if precompressed else f"{folder}/original.gz"
    return parts


class PartCache:
    """Compressed parts by content: a source's text rarely changes, so a save reuses the bytes it (or the
    load) already has instead of compressing every source again.

    Whoever saves a briefing repeatedly owns one (the window's document; the command line for one load and
    save) and passes it to load_briefing, save_briefing and prepare_source_parts; without one, every part is
    compressed afresh. Thread-safe: the GUI's import worker fills it while the GUI thread saves."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.entries: OrderedDict[bytes, bytes] = OrderedDict()
        self.lock = threading.Lock()

    def remember(self, raw: bytes, packed: bytes) -> None:
        with self.lock:
            self.entries[raw] = packed
            self.entries.move_to_end(raw)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def __call__(self, raw: bytes) -> bytes:
        with self.lock:
            packed = self.entries.get(raw)
        if packed is None:
            packed = gzip.compress(raw, compresslevel=6, mtime=0)
            self.remember(raw, packed)
        return packed

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


def _packed(name: str, data: bytes, cache: PartCache | None) -> bytes:
    if not name.endswith(".gz"):
        return data
    return cache(data) if cache is not None else gzip.compress(data, compresslevel=6, mtime=0)


def _manifest(briefing: Briefing) -> dict[str, Any]:
    data = briefing_data(briefing)
    for entry, source in zip(data["sources"], briefing.sources, strict=True):
        entry.update({"text_sha256": sha256_hex(_utf8(source.text)), **_parts_of(source)})
    return {
        "format": "briefing",
        "version": FORMAT_VERSION,
        "app": f"Briefing {__version__}",
        "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        **data,
    }


# Characters YAML does not allow raw (or reads as line breaks) inside a quoted scalar; JSON leaves them raw.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
# A lone surrogate (Qt paste can produce one; a hand-edited manifest can say "\ud83d") is not a character and
# cannot be UTF-8: it is saved, and read, as U+FFFD. One for one, so that offsets into a text stay right.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    if text.isascii():  # most of a manifest's 10,000s of strings: no pass of the regular expression needed
        return text
    return _sub_in_pieces(_SURROGATE, "\ufffd", text)


def _sub_in_pieces(pattern: re.Pattern[str], repl: Any, text: str, piece: int = 65_536) -> str:
    """pattern.sub for a pattern of one character, on pieces of text: one regex call holds the interpreter lock
    for its whole run (4 ms on a 750 kB source), which an autosave on a worker thread would take from the GUI
    thread; between pieces other threads run. A one-character match never spans two pieces: the result is the same."""
    if len(text) <= piece:
        return pattern.sub(repl, text)
    return "".join(pattern.sub(repl, text[at : at + piece]) for at in range(0, len(text), piece))


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")  # nearly always: no lone surrogate; far faster than looking for one first
    except UnicodeEncodeError:
        return _no_surrogates(text).encode("utf-8")


def dump_manifest(manifest: dict[str, Any]) -> bytes:
    """The manifest as YAML in flow (JSON-compatible) style: any YAML reader reads it, and it loads fast."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    text = _sub_in_pieces(_NOT_YAML_PRINTABLE, lambda m: f"\\u{ord(m.group()):04x}", _no_surrogates(text))
    return ("# Briefing project manifest (YAML; see docs/file-format.md)\n" + text + "\n").encode("utf-8")


class ManifestTooLarge(ValueError):
    """The manifest is beyond what Briefing reads (str() says how); raised before its objects are built."""


def parse_manifest(raw: bytes) -> Any:
    """Read the manifest: JSON-style YAML as written by Briefing quickly, any other YAML (hand-edited) safely.

    Raises UnicodeDecodeError, yaml.YAMLError or ManifestTooLarge; RecursionError for JSON nested too deep.
    """
    text = raw.decode("utf-8")
    containers = raw.count(b"{") + raw.count(b"[")
    if containers > MAX_CONTAINERS:
        raise ManifestTooLarge(
            Message(
                QT_TRANSLATE_NOOP("Messages", "has more than {limit} lists and mappings"),
                limit=f"{MAX_CONTAINERS:,}",
            )
        )
    body = text.partition("\n")[2] if text.startswith("#") else text  # (a comment alone has no second line)
    try:
        return json.loads(body)
    except ValueError:
        pass
    if len(raw) > MAX_YAML_BYTES:
        raise ManifestTooLarge(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is {size} MB of hand-written YAML; Briefing reads YAML up to {limit} "
                    "MB (larger manifests only in the JSON style it writes)",
                ),
                size=len(raw) // (1024 * 1024),
                limit=MAX_YAML_BYTES // (1024 * 1024),
            )
        )
    _check_yaml_events(text)
    return safe_load(text)  # no Python objects


def _check_yaml_events(text: str) -> None:
    """Refuse aliases (*name), before any object is built: a few hundred bytes of nested aliases expand to billions
    of entries ("billion laughs"), and Briefing never writes them. Bound the number of nodes as well."""
    yaml = yaml_module()  # PyYAML is imported only for a manifest that is not Briefing's own JSON style
    for count, event in enumerate(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"uses a YAML alias (*{str(event.anchor)[:40]}), which Briefing does not read")
        if count > MAX_YAML_EVENTS:
            raise ManifestTooLarge(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "has more than {limit} YAML entries written by hand"),
                    limit=f"{MAX_YAML_EVENTS:,}",
                )
            )


def _source_parts(source: Source) -> list[tuple[str, bytes]]:
    """(name in the zip, bytes before compression) of each of a source's parts."""
    names = _parts_of(source)
    blocks = _blocks_json(source.blocks)
    parts = [(names["text"], _utf8(source.text)), (names["blocks"], blocks.encode("ascii"))]
    if source.original is not None:
        parts.append((names["original"], source.original))
    return parts


def _blocks_json(blocks: list[Block]) -> str:
    """The same text as json.dumps([[kind, level, start, end], ...], separators=(",", ":")), written without a
    list per block: 30,000 short-lived lists made by an autosave on its worker thread set off full garbage
    collections (50 ms with the interpreter lock held, a pause of the GUI thread), and one json.dumps call holds
    that lock for its whole run."""
    kinds: dict[str, str] = {}
    pieces = []
    for b in blocks:
        kind = kinds.get(b.kind) or kinds.setdefault(b.kind, json.dumps(b.kind))
        pieces.append(f"[{kind},{int(b.level)},{int(b.start)},{int(b.end)}]")
    return "[" + ",".join(pieces) + "]"


def prepare_source_parts(source: Source, cache: PartCache) -> None:
    """Compress a new source's parts now, into the cache, so that the next save with it only writes them.

    The GUI calls this on its import worker: compressing a long source takes a good part of a second, which would
    otherwise fall on the first save (or autosave) on the GUI thread.
    """
    for name, data in _source_parts(source):
        _packed(name, data, cache)


def write_briefing(
    briefing: Briefing, stream: io.BufferedIOBase | Any, cache: PartCache | None = None, *, threads: int = 0
) -> None:
    """Write the zip container to an open binary stream, compressing on `threads` threads (0: one per core)."""
    jobs = [part for source in briefing.sources for part in _source_parts(source)]
    # Compress the parts on all cores (zlib releases the GIL); each part is stored in the zip as compressed.
    # concurrent.futures is imported here, not at the top: loading a briefing (and the CLI's start-up) never needs it.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=threads or os.cpu_count() or 2) as pool:
        packed = list(pool.map(lambda job: _packed(job[0], job[1], cache), jobs))
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_STORED) as zf:
        # First and uncompressed, as in ODF/EPUB, so tools can tell what the file is from its first bytes.
        zf.writestr("mimetype", MIMETYPE)
        zf.writestr("manifest.yaml", dump_manifest(_manifest(briefing)), compress_type=zipfile.ZIP_DEFLATED)
        for (name, _), data in zip(jobs, packed, strict=True):
            zf.writestr(name, data)


def save_briefing(
    briefing: Briefing,
    path: str | os.PathLike[str],
    *,
    keep_backup: bool = True,
    cache: PartCache | None = None,
    threads: int = 0,
) -> None:
    """Save atomically (see files.atomic_write): the last good file is untouched if anything fails.

    The previous version is kept as NAME.briefing.bak. A symlink is followed (the link stays a link and its target
    is saved); an existing file keeps its permissions, a new one gets the usual 0666 minus umask.
    """
    shown = Path(path)  # errors name the file as the user gave it
    problem = _source_ids_problem([s.id for s in briefing.sources])
    if problem:
        raise ProjectFileError(
            shown,
            Message(QT_TRANSLATE_NOOP("Messages", "cannot be saved: {problem}; nothing was written"), problem=problem),
        )
    try:
        path = Path(os.path.realpath(path))
    except (OSError, ValueError) as exc:
        raise ProjectFileError(
            shown, Message(QT_TRANSLATE_NOOP("Messages", "cannot save here ({reason})"), reason=_reason(exc))
        ) from None
    if not path.parent.is_dir():  # said as export says it, rather than the system's "No such file or directory"
        raise ProjectFileError(
            shown,
            Message(
                QT_TRANSLATE_NOOP("Messages", "cannot be saved: the folder {parent} does not exist"),
                parent=f"{str(Path(shown).parent)!r}",
            ),
        )
    if os.path.exists(path) and (not os.access(path, os.W_OK) or not os.stat(path).st_mode & stat.S_IWUSR):
        # as replacing it would succeed in a writable folder: a file made read-only, or someone else's, stays as it is
        raise ProjectFileError(
            shown,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is read-only; make it writable, or save under another name (Save As)")
            ),
        )
    existed = path.exists()
    try:
        atomic_write(
            path, lambda stream: write_briefing(briefing, stream, cache, threads=threads), keep_backup=keep_backup
        )
    except CannotWriteHere as exc:
        raise ProjectFileError(
            shown, Message(QT_TRANSLATE_NOOP("Messages", "cannot save here ({reason})"), reason=_reason(exc))
        ) from None
    except OSError as exc:
        kept = (
            Message(QT_TRANSLATE_NOOP("Messages", "the previous file is intact"))
            if existed
            else Message(QT_TRANSLATE_NOOP("Messages", "nothing was written"))
        )
        raise ProjectFileError(
            shown,
            Message(
                QT_TRANSLATE_NOOP("Messages", "could not be saved ({reason}); {kept}"), reason=_reason(exc), kept=kept
            ),
        ) from None


def _shown(value: Any, limit: int = 80) -> str:
    """A value from the file for a message: its repr, cut short (a hostile file can hold a megabyte there)."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _reason(exc: BaseException) -> str:
    return (isinstance(exc, OSError) and exc.strerror) or str(exc)


# --- loading -----------------------------------------------------------------------------------------


class _Parts:
    """Bounded, checked access to the zip's entries."""

    def __init__(self, zf: zipfile.ZipFile, path: Path, cache: PartCache | None = None, file_size: int = 0) -> None:
        self.zf = zf
        self.path = path
        self.cache = cache
        self.budget = min(MAX_TOTAL_BYTES, max(LOAD_FLOOR_BYTES, LOAD_RATIO * file_size))
        self.used = 0  # bytes read so far, after decompression
        self.read_names: set[str] = set()  # each part is read once: a part named by 200 sources is not read 200 times
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "has {count} parts, more than a briefing can have"), count=len(infos)
                )
            )
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            if name.endswith("/"):
                continue
            if not _SAFE_NAME.match(name) or ".." in name.split("/"):
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "contains a part with an unsafe name ({name})"),
                        name=f"{name[:80]!r}",
                    )
                )
            if name in self.infos:
                raise self.fail(
                    Message(QT_TRANSLATE_NOOP("Messages", "contains the part {name} twice"), name=_shown(name))
                )
            if info.file_size > MAX_PART_BYTES:
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Messages", "part {name} claims {file_size} bytes, more than a briefing can hold"
                        ),
                        name=_shown(name),
                        file_size=info.file_size,
                    )
                )
            if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise self.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "part {name} expands {ratio}-fold (a zip bomb?)"),
                        name=_shown(name),
                        ratio=info.file_size // max(info.compress_size, 1),
                    )
                )
            total += info.file_size
            self.infos[name] = info
        if total > MAX_TOTAL_BYTES:
            raise self.fail(Message(QT_TRANSLATE_NOOP("Messages", "expands to more than 2 GB")))

    def fail(self, problem: str | Message) -> ProjectFileError:
        return ProjectFileError(self.path, problem)

    def read(self, name: Any, what: Message, limit: int = MAX_PART_BYTES) -> bytes:
        if not isinstance(name, str) or name not in self.infos:
            raise self.fail(
                Message(QT_TRANSLATE_NOOP("Messages", "is missing {what} ({name})"), what=what, name=_shown(name))
            )
        if name in self.read_names:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "names the part {name} twice in its manifest (as {what})"),
                    name=_shown(name),
                    what=what,
                )
            )
        self.read_names.add(name)
        info = self.infos[name]
        left = self.budget - self.used  # of what the whole load may read
        with self.zf.open(info) as stream:
            data = stream.read(min(info.file_size, limit, left) + 1)  # never more than declared: headers can lie
        if len(data) > min(info.file_size, limit):
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} is larger than it declares (damaged or hostile)"),
                    name=_shown(name),
                )
            )
        if len(data) > left:
            raise self.over_budget()
        data = self._gunzip(name, data, limit, left) if name.endswith(".gz") else data
        self.used += len(data)
        return data

    def over_budget(self) -> ProjectFileError:
        return self.fail(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "holds more than {budget} MB of data in all, far more than its size suggests (damaged or hostile)",
                ),
                budget=self.budget // (1024 * 1024),
            )
        )

    def _gunzip(self, name: str, data: bytes, limit: int, left: int) -> bytes:
        """Decompress a gzip part, stopping at the limit, at zip-bomb ratios and at what is left of the load's
        budget (left) instead of filling memory."""
        cap = min(limit, max(10 * 1024 * 1024, MAX_RATIO * len(data)))
        inflater = zlib.decompressobj(wbits=31)
        try:
            out = inflater.decompress(data, min(cap, left) + 1)
        except zlib.error:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} is damaged (it does not decompress)"), name=_shown(name)
                )
            ) from None
        if len(out) > cap:
            raise self.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "part {name} expands far beyond its size (a zip bomb?)"),
                    name=_shown(name),
                )
            )
        if len(out) > left:
            raise self.over_budget()
        if not inflater.eof:
            raise self.fail(Message(QT_TRANSLATE_NOOP("Messages", "part {name} is truncated"), name=_shown(name)))
        if self.cache is not None:
            self.cache.remember(out, data)
        return out


def load_briefing(path: str | os.PathLike[str], cache: PartCache | None = None) -> Briefing:
    """Read a .briefing file; raises ProjectFileError (never anything else) on any problem. The cache, if
    given, keeps the compressed parts for the next save."""
    path = Path(path)
    try:
        with _open_regular(path) as stream, _zip_in_words(stream) as zf:
            return _load(_Parts(zf, path, cache, os.fstat(stream.fileno()).st_size))
    except ProjectFileError:
        raise
    except FileNotFoundError:
        raise ProjectFileError(path, Message(QT_TRANSLATE_NOOP("Messages", "file not found"))) from None
    except IsADirectoryError:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a briefing file"))
        ) from None
    except PermissionError:
        raise ProjectFileError(path, Message(QT_TRANSLATE_NOOP("Messages", "permission denied"))) from None
    except zipfile.BadZipFile as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is not a briefing file, or is damaged ({exc})"), exc=exc)
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "uses a zip feature Briefing does not read ({exc})"), exc=exc)
        ) from None
    except (OSError, EOFError, ValueError, RuntimeError, zlib.error) as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is damaged and cannot be read ({exc})"), exc=exc)
        ) from None


def _open_regular(path: Path) -> io.BufferedReader:
    """Open a file for reading if it is a regular file (after symlinks): a FIFO would hang, a device never ends.

    O_NONBLOCK keeps opening a FIFO from waiting for a writer; it changes nothing for a regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise  # said plainly by load_briefing
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte in it: not damage in the file
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "cannot be opened ({reason})"), reason=_reason(exc))
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):
            raise ProjectFileError(
                path,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "is not a regular file (a pipe or a device?), so not a briefing file")
                ),
            )
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


class _Zip(zipfile.ZipFile):
    """A briefing's zip, which remembers the part it is reading, so that damage found in it can be named."""

    reading = ""

    def open(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        self.reading = getattr(name, "filename", name)
        return super().open(name, *args, **kwargs)


@contextmanager
def _zip_in_words(stream: io.BufferedReader) -> Iterator[zipfile.ZipFile]:
    """The zip of a briefing file, whose damage zipfile and zlib find ("Bad CRC-32 for file 'manifest.yaml'",
    "File is not a zip file") is raised again in words (damage_in_words), for the messages that quote it."""
    zf: _Zip | None = None
    try:
        with _Zip(stream) as zf:
            if zf.infolist() and min(info.header_offset for info in zf.infolist()) != 0:
                # a briefing's first part starts the file: this table of contents is that of a document stored in
                # it (a DOCX source), found because the briefing's own, at its end, was cut off
                raise zipfile.BadZipFile("File is not a zip file")
            yield zf
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        stream.seek(0)
        raise type(exc)(damage_in_words(exc, zf.reading if zf is not None else "", stream.read(4))) from None


def damage_in_words(exc: BaseException, part: str = "", head: bytes = b"") -> Message:
    """What zipfile's or zlib's complaint about a briefing file means, in the analyst's words: "it is cut short",
    "part 'manifest.yaml' is damaged". part: the part being read when it was raised; head: the file's first bytes."""
    text = str(exc)
    named = re.search(r"for file '(.*)'$", text)  # "Bad CRC-32 for file 'manifest.yaml'"
    part = named.group(1) if named else part
    if text == "File is not a zip file":  # no table of contents at the end: cut short, or no zip at all
        if not head:
            return Message(QT_TRANSLATE_NOOP("Messages", "it is empty"))
        if head == b"PK\x03\x04":
            return Message(QT_TRANSLATE_NOOP("Messages", "it is cut short, or damaged at its end"))
        return Message(QT_TRANSLATE_NOOP("Messages", "it does not begin as a briefing file does"))
    if isinstance(exc, EOFError) or "runcated" in text:
        return Message(QT_TRANSLATE_NOOP("Messages", "it is cut short"))
    if part:
        return Message(QT_TRANSLATE_NOOP("Messages", "part {part} is damaged"), part=_shown(part))
    return Message(QT_TRANSLATE_NOOP("Messages", "its table of contents is damaged"))


def _load(parts: _Parts) -> Briefing:
    mimetype = (
        parts.read("mimetype", Message(QT_TRANSLATE_NOOP("Messages", "its type marker")), 200)
        .decode("ascii", "replace")
        .strip()
    )
    if mimetype != MIMETYPE:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not a briefing file (it says it is {mimetype})"),
                mimetype=f"{mimetype[:60]!r}",
            )
        )
    manifest_info = parts.infos.get("manifest.yaml")
    if manifest_info is not None and manifest_info.file_size > MAX_MANIFEST_BYTES:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest is {size} MB, more than a briefing's can be ({limit} MB)"),
                size=manifest_info.file_size // (1024 * 1024),
                limit=MAX_MANIFEST_BYTES // (1024 * 1024),
            )
        )
    raw = parts.read("manifest.yaml", Message(QT_TRANSLATE_NOOP("Messages", "its manifest")), MAX_MANIFEST_BYTES)
    try:
        manifest = parse_manifest(raw)
    except UnicodeDecodeError:
        raise parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest is not UTF-8 text"))) from None
    except yaml_error() as exc:
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["unknown"])[0]
        raise parts.fail(
            Message(QT_TRANSLATE_NOOP("Messages", "manifest is not valid YAML: {problem}"), problem=problem)
        ) from None
    except ManifestTooLarge as exc:
        raise parts.fail(
            Message(QT_TRANSLATE_NOOP("Messages", "manifest {exc}, more than a briefing can have"), exc=exc)
        ) from None
    except RecursionError:
        raise parts.fail(
            Message(QT_TRANSLATE_NOOP("Messages", "manifest is nested too deeply to be a briefing"))
        ) from None
    m = _Manifest(parts, migrate(manifest, parts))
    return m.briefing()


def migrate(manifest: Any, parts: _Parts) -> dict[str, Any]:
    if not isinstance(manifest, dict) or manifest.get("format") != "briefing":
        raise parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest does not describe a briefing")))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest has no valid version number ({version})"),
                version=_shown(version),
            )
        )
    if version > FORMAT_VERSION:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "was saved by a newer Briefing (file format {version}; this version "
                    "reads up to {format_version}). Update Briefing to open it.",
                ),
                version=version,
                format_version=FORMAT_VERSION,
            )
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise parts.fail(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "uses file format {version}, which this version of Briefing cannot convert"
                    ),
                    version=version,
                )
            )
        manifest = step(manifest)
        version += 1
        manifest["version"] = version
    return cast(dict[str, Any], manifest)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _block_problem(row: Any, length: int, previous: int) -> Message | None:
    """What is wrong with one [kind, level, start, end] row of a source's blocks, or None."""
    if not isinstance(row, list) or len(row) != 4:
        return Message(QT_TRANSLATE_NOOP("Messages", "expected [kind, level, start, end]"))
    kind, level, start, end = row
    if kind not in BLOCK_KINDS:
        return Message(QT_TRANSLATE_NOOP("Messages", "unknown kind {kind}"), kind=repr(str(kind)[:30]))
    if not _is_whole(level):
        return Message(QT_TRANSLATE_NOOP("Messages", "its level is not a whole number"))
    if not (_is_whole(start) and _is_whole(end) and previous <= start <= end <= length):
        return Message(QT_TRANSLATE_NOOP("Messages", "it points outside the text or out of order"))
    return None


class _Manifest:
    """Typed reads from the manifest, each failure naming where in the manifest it is."""

    def __init__(self, parts: _Parts, data: dict[str, Any]) -> None:
        self.parts = parts
        self.data = data

    def fail(self, where: str, expected: str | Message, found: Any) -> ProjectFileError:
        shown = repr(found)
        return self.parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest at {where}: expected {expected}, found {shown}"),
                where=where,
                expected=expected,
                shown=shown[:60],
            )
        )

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, Message(QT_TRANSLATE_NOOP("Messages", "a mapping")), value)
        return value

    def sequence(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, Message(QT_TRANSLATE_NOOP("Messages", "a list")), value)
        return value

    def text(self, mapping: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = mapping.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", Message(QT_TRANSLATE_NOOP("Messages", "text")), value)
        return _no_surrogates(value)

    def whole(self, mapping: dict[str, Any], key: str, where: str) -> int:
        value = mapping.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}.{key}", Message(QT_TRANSLATE_NOOP("Messages", "a whole number")), value)
        return value

    def offsets(self, values: list[Any], length: int, where: str) -> None:
        """Page starts: offsets into the text, in ascending order (citations look pages up by bisection)."""
        previous = 0
        for i, value in enumerate(values):
            if not _is_whole(value) or not previous <= value <= length:
                raise self.fail(
                    f"{where}[{i}]",
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "an offset from {previous} to {length} (ascending)"),
                        previous=previous,
                        length=length,
                    ),
                    value,
                )
            previous = value

    def blocks(self, rows: Any, length: int, what: Message) -> list[Block]:
        """A source's blocks: [kind, level, start, end] rows within its text, in order (looked up by bisection)."""
        if not isinstance(rows, list):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "{what} are damaged (not a list)"), what=what))
        blocks = []
        previous = 0
        for i, row in enumerate(rows):
            problem = _block_problem(row, length, previous)
            if problem:
                raise self.parts.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{what} are damaged (block {i}: {problem})"),
                        what=what,
                        i=i,
                        problem=problem,
                    )
                )
            kind, level, start, end = row
            blocks.append(Block(kind=kind, level=level, start=start, end=end))
            previous = start
        return blocks

    def briefing(self) -> Briefing:
        title_raw = self.mapping(self.data.get("title_block", {}), "title_block")
        title = TitleBlock(**{k: self.text(title_raw, k, "title_block", "") for k in TitleBlock.field_names()})
        title.language = self.text(title_raw, "language", "title_block", "en")  # English when not said
        if title.language not in LANGUAGES:
            raise self.fail(
                "title_block.language",
                Message(QT_TRANSLATE_NOOP("Messages", "one of {choices}"), choices=", ".join(LANGUAGES)),
                title.language,
            )
        sources_raw = self.sequence(self.data.get("sources", []), "sources")
        sections_raw = self.sequence(self.data.get("sections"), "sections")
        self.counts(sources_raw, sections_raw)
        # Ids first: a source listed twice is said as such, not as its parts being named twice.
        raw_ids = [r["id"] for r in sources_raw if isinstance(r, dict) and isinstance(r.get("id"), str)]
        problem = _source_ids_problem(raw_ids)
        if problem:
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest: {problem}"), problem=problem))
        sources = [self.source(raw, f"sources[{i}]", i + 1) for i, raw in enumerate(sources_raw)]
        ids = [s.id for s in sources]
        problem = _source_ids_problem(ids)
        if problem:
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest: {problem}"), problem=problem))
        sections = [self.section(raw, f"sections[{i}]") for i, raw in enumerate(sections_raw)]
        item_ids = [i.id for s in sections for i in s.items]
        if len(set(item_ids)) != len(item_ids):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest lists the same item twice")))
        if len({s.id for s in sections}) != len(sections):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest lists the same section twice")))
        for section in sections:
            for item in section.items:
                if isinstance(item, Excerpt) and item.source_id not in ids:
                    raise self.parts.fail(
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Messages", "excerpt {id} cites source {source_id}, which is not in the file"
                            ),
                            id=_shown(item.id),
                            source_id=_shown(item.source_id),
                        )
                    )
        return Briefing(
            template=self.text(self.data, "template", "manifest"), title_block=title, sections=sections, sources=sources
        )

    def counts(self, sources: list[Any], sections: list[Any]) -> None:
        """Refuse more sources, sections or items than a briefing can have, before building any of them."""
        if len(sources) > MAX_SOURCES:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {count} sources, more than a briefing can have"),
                    count=f"{len(sources):,}",
                )
            )
        if len(sections) > MAX_SECTIONS:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {count} sections, more than a briefing can have"),
                    count=f"{len(sections):,}",
                )
            )
        items = sum(len(s["items"]) for s in sections if isinstance(s, dict) and isinstance(s.get("items"), list))
        if items > MAX_ITEMS:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {items} items, more than a briefing can have"),
                    items=f"{items:,}",
                )
            )

    def section(self, raw: Any, where: str) -> Section:
        raw = self.mapping(raw, where)
        items = [
            self.item(r, f"{where}.items[{i}]")
            for i, r in enumerate(self.sequence(raw.get("items", []), f"{where}.items"))
        ]
        return Section(
            id=self.text(raw, "id", where),
            heading=self.text(raw, "heading", where),
            heading_fr=self.text(raw, "heading_fr", where, ""),
            items=items,
        )

    def item(self, raw: Any, where: str) -> Item:
        raw = self.mapping(raw, where)
        kind = raw.get("kind")
        if kind == "note":
            return Note(id=self.text(raw, "id", where), text=self.text(raw, "text", where))
        if kind != "excerpt":
            raise self.fail(f"{where}.kind", Message(QT_TRANSLATE_NOOP("Messages", "'excerpt' or 'note'")), kind)
        excerpt_id = self.text(raw, "id", where)
        anchor = Anchor(
            exact=self.text(raw, "exact", where),
            prefix=self.text(raw, "prefix", where, ""),
            suffix=self.text(raw, "suffix", where, ""),
            start=self.whole(raw, "start", where),
            end=self.whole(raw, "end", where),
        )
        if not anchor.exact:  # an excerpt is its quote: with none there is nothing to find, cite or show
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "excerpt {excerpt_id} at {where} quotes nothing (its exact is empty)"
                    ),
                    excerpt_id=_shown(excerpt_id),
                    where=where,
                )
            )
        flag = raw.get("flag", "")
        if flag not in ("", *FLAGS):
            raise self.fail(f"{where}.flag", Message(QT_TRANSLATE_NOOP("Messages", "'changed' or 'lost'")), flag)
        return Excerpt(
            id=excerpt_id,
            source_id=self.text(raw, "source", where),
            anchor=anchor,
            comment=self.text(raw, "comment", where, ""),
            flag=flag,
            filed=self.text(raw, "filed", where, anchor.exact) if flag else "",
        )

    def source(self, raw: Any, where: str, number: int) -> Source:
        raw = self.mapping(raw, where)
        source_id = self.text(raw, "id", where)
        meta_raw = self.mapping(raw.get("meta", {}), f"{where}.meta")
        meta = SourceMeta()
        for key in SourceMeta.field_names():
            if key in meta_raw:
                default = getattr(meta, key)
                value = meta_raw[key]
                if not isinstance(value, type(default)) or isinstance(value, bool):
                    raise self.fail(f"{where}.meta.{key}", type(default).__name__, value)
                setattr(meta, key, _no_surrogates(value) if isinstance(value, str) else value)
        # as the analyst knows it (its number and title in the briefing), not by its internal id
        name = f"source {number} {_shown(meta.title or meta.file_name or source_id, 60)}"
        try:
            text = self.parts.read(
                raw.get("text"), Message(QT_TRANSLATE_NOOP("Messages", "the text of {name}"), name=name)
            ).decode("utf-8")
        except UnicodeDecodeError:
            raise self.parts.fail(
                Message(QT_TRANSLATE_NOOP("Messages", "the text of {name} is not UTF-8"), name=name)
            ) from None
        expected_hash = raw.get("text_sha256")
        if expected_hash is not None and expected_hash != sha256_hex(text.encode("utf-8")):
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the text of {name} is damaged (its checksum does not match)"),
                    name=name,
                )
            )
        if meta.direction not in ("", "ltr", "rtl"):
            raise self.fail(
                f"{where}.meta.direction", Message(QT_TRANSLATE_NOOP("Messages", "'ltr', 'rtl' or ''")), meta.direction
            )
        self.offsets(meta.page_starts, len(text), f"{where}.meta.page_starts")
        for i, page in enumerate(meta.ocr_pages):  # page numbers (from 1) that citations compare with
            if not _is_whole(page) or page < 1:
                raise self.fail(
                    f"{where}.meta.ocr_pages[{i}]", Message(QT_TRANSLATE_NOOP("Messages", "a page number from 1")), page
                )
        for key in ("to", "cc"):  # an e-mail's recipients: each a name or address, as text
            for i, who in enumerate(getattr(meta, key)):
                if not isinstance(who, str):
                    raise self.fail(f"{where}.meta.{key}[{i}]", "str", who)
                getattr(meta, key)[i] = _no_surrogates(who)
        blocks: list[Block] = []
        if raw.get("blocks") is not None:
            what = Message(QT_TRANSLATE_NOOP("Messages", "the blocks of {name}"), name=name)
            try:
                rows = json.loads(self.parts.read(raw["blocks"], what))
            except ValueError:
                raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "{what} are damaged"), what=what)) from None
            blocks = self.blocks(rows, len(text), what)
        original = None
        if raw.get("original") is not None:
            original = self.parts.read(
                raw["original"], Message(QT_TRANSLATE_NOOP("Messages", "the original file of {name}"), name=name)
            )
        return Source(id=source_id, text=text, blocks=blocks, meta=meta, original=original)
