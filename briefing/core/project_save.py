"""Saving a briefing: its parts compressed (reusing a PartCache), the zip written, the file replaced atomically."""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

from briefing.core.files import CannotWriteHere, NotARegularFile, atomic_write
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Block, Briefing, Source
from briefing.core.project import MIMETYPE, PartCache, ProjectFileError, part_names, reason_of, source_ids_problem, utf8
from briefing.core.project_manifest import dump_manifest, manifest_of


def _packed(name: str, data: bytes, cache: PartCache | None) -> bytes:
    if not name.endswith(".gz"):
        return data
    return cache(data) if cache is not None else gzip.compress(data, compresslevel=6, mtime=0)


def _source_parts(source: Source) -> list[tuple[str, bytes]]:
    """(name in the zip, bytes before compression) of each of a source's parts."""
    names = part_names(source)
    blocks = _blocks_json(source.blocks)
    parts = [(names["text"], utf8(source.text)), (names["blocks"], blocks.encode("ascii"))]
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
        zf.writestr("manifest.yaml", dump_manifest(manifest_of(briefing)), compress_type=zipfile.ZIP_DEFLATED)
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
    problem = source_ids_problem([s.id for s in briefing.sources])
    if problem:
        raise ProjectFileError(
            shown,
            Message(QT_TRANSLATE_NOOP("Messages", "cannot be saved: {problem}; nothing was written"), problem=problem),
        )
    try:
        path = Path(os.path.realpath(path))
    except (OSError, ValueError) as exc:
        raise ProjectFileError(
            shown, Message(QT_TRANSLATE_NOOP("Messages", "cannot save here ({reason})"), reason=reason_of(exc))
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
        atomic_write(  # (given as named: it follows the link itself, and words a refusal for the link)
            shown, lambda stream: write_briefing(briefing, stream, cache, threads=threads), keep_backup=keep_backup
        )
    except CannotWriteHere as exc:
        raise ProjectFileError(
            shown, Message(QT_TRANSLATE_NOOP("Messages", "cannot save here ({reason})"), reason=reason_of(exc))
        ) from None
    except NotARegularFile as exc:
        raise ProjectFileError(shown, exc.problem) from None
    except OSError as exc:
        kept = (
            Message(QT_TRANSLATE_NOOP("Messages", "the previous file is intact"))
            if existed
            else Message(QT_TRANSLATE_NOOP("Messages", "nothing was written"))
        )
        raise ProjectFileError(
            shown,
            Message(
                QT_TRANSLATE_NOOP("Messages", "could not be saved ({reason}); {kept}"), reason=reason_of(exc), kept=kept
            ),
        ) from None
