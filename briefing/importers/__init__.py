"""Source importers: a file (or pasted text) in, a normalised Source out. One module per format."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from briefing.core.model import Source, new_id, sha256_hex

MAX_FILE_BYTES = 100 * 1024 * 1024  # larger files are refused before reading: no analyst source is that big


class SourceImportError(Exception):
    """A file could not be imported; str() is one line naming the file and the problem."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{Path(path).name}: {problem}")


Importer = Callable[[bytes, str, dict[str, str | None]], Source]


def _importers() -> dict[str, Importer]:
    from briefing.importers import text

    return {".txt": text.import_bytes, ".text": text.import_bytes, ".md": text.import_bytes}


def supported_suffixes() -> list[str]:
    return sorted(_importers())


def import_file(path: str | os.PathLike[str], *, encoding: str | None = None, password: str | None = None) -> Source:
    """Read one file and return its Source; raises SourceImportError with a clear message on bad input."""
    path = Path(path)
    importers = _importers()
    importer = importers.get(path.suffix.lower())
    if importer is None:
        raise SourceImportError(
            path, f"unsupported file type {path.suffix or '(no extension)'!r}; supported: {', '.join(importers)}"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceImportError(path, f"file is too large ({size // (1024 * 1024)} MB; the limit is 100 MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceImportError(path, "file not found") from None
    except IsADirectoryError:
        raise SourceImportError(path, "is a folder, not a file") from None
    except PermissionError:
        raise SourceImportError(path, "permission denied") from None
    except OSError as exc:
        raise SourceImportError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if not data:
        raise SourceImportError(path, "the file is empty (0 bytes)")
    source = importer(data, path.name, {"encoding": encoding, "password": password})
    stamp_source(source, data, path.name)
    if not source.text.strip():
        raise SourceImportError(path, "no text could be extracted")
    return source


def stamp_source(source: Source, data: bytes, file_name: str) -> None:
    """Record what every imported source carries: its original bytes, their hash, the file name and time."""
    source.original = data
    source.meta.sha256 = sha256_hex(data)
    source.meta.file_name = file_name
    source.meta.imported_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    if not source.id:
        source.id = new_id("src")
