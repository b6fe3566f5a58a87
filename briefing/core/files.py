"""Writing a file atomically, the one way briefings, exports and recovery files are written (no Qt here)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from briefing.core.messages import QT_TRANSLATE_NOOP, Message, system_reason

# Mode of a new file, as open() would give it: 0666 minus the umask. The umask can only be read by setting it, so it
# is read once here: setting it on each save would race with worker threads creating files meanwhile.
_UMASK = os.umask(0)
os.umask(_UMASK)
NEW_FILE_MODE = 0o666 & ~_UMASK

# A temporary file left by a killed save is removed by the next save of the same file once it is this old and no
# process holds it. A live writer locks its temporary file from the moment it exists; the age covers only the instant
# between mkstemp() making the file and the lock being taken (and file systems that keep times to 2 s).
ABANDONED_AFTER_S = 5.0


class CannotWriteHere(OSError):
    """The temporary file could not be made in the target's folder (read-only, full, the name too long): nothing was
    written. errno and strerror are the system's, filename is the folder."""


class NotARegularFile(OSError):
    """The path, or the file a symbolic link leads to, is a device, a pipe or a socket: renaming a new file over it
    would replace that node (QA8: `-o full.pdf`, a link to /dev/full, made /dev/full a PDF). Nothing was written;
    `problem` says so in words, for the file as the user named it."""

    def __init__(self, given: Path, target: Path) -> None:
        super().__init__(errno.EINVAL, "not a regular file", str(target))
        if given == target:
            self.problem = Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is not a regular file (a device, a pipe or a socket); nothing was written: choose another name",
                )
            )
        else:
            self.problem = Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is a link to {target}, which is not a regular file (a device, a pipe or a socket); nothing was "
                    "written: choose another name",
                ),
                target=repr(str(target)),
            )


def with_reason(what: Message, exc: OSError | ValueError) -> Message:
    """What failed and the system's reason for it, "cannot be written (No space left on device)"; a name too long
    gets advice instead."""
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return Message(QT_TRANSLATE_NOOP("Messages", "the name is too long for the file system; choose a shorter one"))
    return Message(QT_TRANSLATE_NOOP("Messages", "{what} ({reason})"), what=what, reason=system_reason(exc))


def write_problem(exc: OSError | ValueError) -> Message:
    """Why atomic_write could not write a file, in words, to say of the file as the user named it
    (`messages.named`): exports and a saved attachment say it alike, never an errno and a temporary file's path."""
    if isinstance(exc, NotARegularFile):
        return exc.problem
    if isinstance(exc, CannotWriteHere):
        return with_reason(
            Message(QT_TRANSLATE_NOOP("Messages", "cannot write in {folder}"), folder=repr(exc.filename)), exc
        )
    if isinstance(exc, IsADirectoryError):  # (the rename over a folder)
        return Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a file"))
    if isinstance(exc, PermissionError):
        return Message(
            QT_TRANSLATE_NOOP("Messages", "cannot be replaced: it is open in another program (such as Word) or locked")
        )
    return with_reason(Message(QT_TRANSLATE_NOOP("Messages", "cannot be written")), exc)


BACKUP_SUFFIX = ".bak"  # NAME.bak: the file as it was before its last save (atomic_write's keep_backup)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def backup_to_offer(path: Path) -> Path | None:
    """The backup beside a file that is there but could not be read (damaged): the previous save, to open in its
    place. None when there is none, the file itself is missing or unreadable, or the backup is the same file (a
    killed save can leave NAME.bak a link to it)."""
    backup = backup_path(path)
    try:
        if path.is_file() and os.access(path, os.R_OK) and backup.is_file() and not os.path.samefile(path, backup):
            return backup
    except (OSError, ValueError):
        pass
    return None


def atomic_write(
    path: str | os.PathLike[str], data: bytes | Callable[[BinaryIO], object], *, keep_backup: bool = False
) -> None:
    """Write data (bytes, or a function writing them to a binary stream) to a temporary file beside path, fsync it,
    then rename it over path: path is always the old file or the new one, never half of each.

    A symlink is followed (its target is written; the link stays), only to a regular file: a device, pipe or socket
    (there or at the link's end) raises NotARegularFile, as the rename would replace it. The replaced file's
    permissions and, where allowed, group are kept; a new file gets NEW_FILE_MODE. keep_backup keeps the replaced
    file as NAME.bak. The folder is fsynced after the rename, best effort: some network file systems refuse that,
    and the file is in place.

    On any failure, even KeyboardInterrupt, path is untouched, the temporary file is removed and the exception is
    raised as it came, except CannotWriteHere when no temporary file can be made at all. After a kill or a power cut
    the temporary file stays; the next write of the same path removes it (remove_abandoned_temporaries).
    """
    given = Path(path)
    path = Path(os.path.realpath(path))
    _refuse_special(given, path)
    folder = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path), suffix=".tmp")
    except OSError as exc:
        raise CannotWriteHere(exc.errno, exc.strerror, str(folder)) from exc
    temp = Path(temp_name)
    stream = os.fdopen(handle, "wb")
    try:
        _hold(stream.fileno())  # "in use" for the next save's clean-up, until the rename is done
        _match_permissions(stream.fileno(), path)
        stream.write(data) if isinstance(data, bytes) else data(stream)
        stream.flush()
        os.fsync(stream.fileno())
        if os.name != "posix":
            stream.close()  # Windows cannot rename an open file (and refuses to delete it, which keeps it safe)
        if keep_backup and path.exists():
            _keep_backup(path)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        temp.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # flushed and fsynced: the file is in place
        stream.close()
    if os.name == "posix":  # Windows cannot fsync a folder; its replace is durable already
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    remove_abandoned_temporaries(path)


def _refuse_special(given: Path, path: Path) -> None:
    """Raise NotARegularFile when path is there and is a device, a pipe or a socket (a folder fails the rename)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return  # not there yet (or not to be checked): the write says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise NotARegularFile(given, path)


def temp_prefix(path: Path) -> str:
    """The start of the name of path's temporary files: hidden, and short, as path's own name may be near the file
    system's 255-byte limit. The suffix is kept, so b.docx being exported and b.briefing being saved never share."""
    return f".{path.stem[:40]}{path.suffix[:16]}."


def _temp_pattern(path: Path) -> re.Pattern[str]:
    """Exactly the names mkstemp() gives with temp_prefix(path): 8 characters from its alphabet, then .tmp."""
    return re.compile(re.escape(temp_prefix(path)) + r"[a-z0-9_]{8}\.tmp")


def _hold(handle: int) -> None:
    """Lock the temporary file while it is written. The lock goes when the process does, however it ends, so an
    unlocked temporary file is one nobody is writing. (Windows: an open file cannot be deleted, no lock needed.)"""
    if os.name == "posix":
        import fcntl

        with contextlib.suppress(OSError):  # a file system without locks: the clean-up cannot lock it either
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(temp: Path, now: float) -> bool:
    """True when temp is old and provably not being written: no process holds its lock."""
    try:
        st = temp.lstat()
        if now - st.st_mtime < ABANDONED_AFTER_S or not stat.S_ISREG(st.st_mode):
            return False
        if os.name != "posix":
            return True  # deleting it fails while a writer has it open
        import fcntl

        fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # refused while a writer holds it
        finally:
            os.close(fd)
        return True
    except OSError:  # gone, not ours to read, locked, or no locks here: leave it
        return False


def remove_abandoned_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that saves of path killed part-way left beside it (a crash, kill -9, a power cut),
    and return them. Only names atomic_write makes for this very file, old enough and held by no process; never
    anything else. Best effort: a file that cannot be removed is left."""
    path = Path(os.path.realpath(path))
    pattern = _temp_pattern(path)
    prefix = temp_prefix(path)
    now = time.time()
    removed = []
    try:
        candidates = [entry.path for entry in os.scandir(path.parent) if entry.name.startswith(prefix)]
    except OSError:
        return []
    for name in candidates:
        temp = Path(name)
        if pattern.fullmatch(temp.name) and _abandoned(temp, now):
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


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
        # When a killed save left NAME.bak as a link to the file itself, the rename of one link of a file over
        # another link of it does nothing (POSIX rename()), and the temporary link would stay.
        temp.unlink(missing_ok=True)
    except BaseException:
        temp.unlink(missing_ok=True)  # a hidden file nobody would ever remove
        raise
