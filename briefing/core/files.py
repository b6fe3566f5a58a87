"""Writing a file safely: one way for briefings, exports and recovery files. No Qt here.

atomic_write writes a temporary file beside the target, fsyncs it and renames it over the target, so the target
is always either the old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
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
    """Write data (bytes, or a function that writes them to a binary stream) to path, atomically.

    A symlink is followed: its target is written and the link stays a link. The new file gets the permissions (and,
    where allowed, the group) of the file it replaces; a new file gets NEW_FILE_MODE. With keep_backup the file being
    replaced is kept as NAME.bak. Folder fsync after the rename is best effort: some network and shared-folder file
    systems refuse it, and the file is in place by then.

    On any failure, even KeyboardInterrupt, the target is as it was, no temporary file is left, and the exception is
    raised as it came (ValueError from resolving a name with a NUL in it, OSError, or whatever data raised), except
    that a temporary file that cannot even be made is CannotWriteHere, so callers can say "cannot write in this
    folder" rather than "the file is locked".
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
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):
        _fsync_folder(folder)


def _match_permissions(handle: int, path: Path) -> None:
    """Give the temporary file (mkstemp makes it 0600) the mode the target should have: the replaced file's, so
    colleagues on a shared drive can still read it, or a new file's usual mode. Best effort, as some file systems
    (FAT, some network shares) refuse modes."""
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
            import shutil

            shutil.copy2(path, temp)
        os.replace(temp, backup)
    except BaseException:
        temp.unlink(missing_ok=True)  # a hidden file nobody would ever remove
        raise


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable."""
    if os.name != "posix":
        return  # Windows has no directory fsync; ReplaceFile is already durable there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
