"""Writing a file atomically, the one way briefings, exports and recovery files are written (no Qt here)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# Mode of a new file, as open() would give it: 0666 minus the umask. The umask can only be read by setting it, so it
# is read once here: setting it on each save would race with worker threads creating files meanwhile.
_UMASK = os.umask(0)
os.umask(_UMASK)
NEW_FILE_MODE = 0o666 & ~_UMASK


class CannotWriteHere(OSError):
    """The temporary file could not be made in the target's folder (read-only, full, the name too long): nothing was
    written. errno and strerror are the system's, filename is the folder."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write(
    path: str | os.PathLike[str], data: bytes | Callable[[BinaryIO], object], *, keep_backup: bool = False
) -> None:
    """Write data (bytes, or a function writing them to a binary stream) to a temporary file beside path, fsync it,
    then rename it over path: path is always the old file or the new one, never half of each.

    A symlink is followed (its target is written; the link stays). The replaced file's permissions and, where
    allowed, group are kept; a new file gets NEW_FILE_MODE. keep_backup keeps the replaced file as NAME.bak. The
    folder is fsynced after the rename, best effort: some network file systems refuse that, and the file is in place.

    On any failure, even KeyboardInterrupt, path is untouched, the temporary file is removed and the exception is
    raised as it came, except CannotWriteHere when no temporary file can be made at all.
    """
    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        # Hidden, and short: the target's own name may be near the file system's 255-byte limit.
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.stem[:40]}.", suffix=".tmp")
    except OSError as exc:
        raise CannotWriteHere(exc.errno, exc.strerror, str(folder)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            _match_permissions(stream.fileno(), path)
            stream.write(data) if isinstance(data, bytes) else data(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if os.name == "posix":  # Windows cannot fsync a folder; its replace is durable already
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _match_permissions(handle: int, path: Path) -> None:
    """Give the temporary file (mkstemp makes it 0600) the replaced file's mode, so colleagues on a shared drive can
    still read it, or a new file's usual mode. Best effort: some file systems (FAT, some shares) refuse modes."""
    if os.name != "posix":
        return  # Windows files take their access rights from the folder
    try:
        st = os.stat(path)
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    else:
        with contextlib.suppress(PermissionError):  # keep the group too, where we are allowed to
            os.fchown(handle, -1, st.st_gid)
        mode = st.st_mode & 0o7777
    with contextlib.suppress(OSError):
        os.fchmod(handle, mode)  # after fchown, which may clear set-id bits


def _keep_backup(path: Path) -> None:
    """Point NAME.bak at the current file's content, atomically (a hard link where the disk allows)."""
    backup = backup_path(path)
    temp = backup.with_name(f".{backup.name}.tmp")
    temp.unlink(missing_ok=True)
    try:
        try:
            os.link(path, temp)
        except OSError:
            shutil.copy2(path, temp)
        os.replace(temp, backup)
    except BaseException:
        temp.unlink(missing_ok=True)  # a hidden file nobody would ever remove
        raise
