"""The briefing file a command works on: its name checked, its owner lock held, its changes saved atomically."""

from __future__ import annotations

import os
import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.cli.terminal import CommandError
from briefing.core.files import backup_to_offer
from briefing.core.model import Briefing
from briefing.core.project import SUFFIX, PartCache, ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing

BACKUP_SUFFIX = SUFFIX + ".bak"  # the previous save, kept beside the briefing
# How long a command waits for another command to finish with the same briefing (a script filing notes in parallel,
# two terminals): each holds its lock for a fraction of a second
COMMAND_WAIT_S = 2.0


def briefing_path(value: str, *, backup: bool = False) -> Path:
    """The briefing a command names, checked. backup: a command that only reads it (show, check, export) also takes
    a backup (NAME.briefing.bak); one that would change it says to make it a briefing of its own first."""
    path = usable(Path(value))
    if path.name.lower().endswith(BACKUP_SUFFIX):
        if backup:
            return path
        raise CommandError(
            f"{path.name}: a backup is never changed; copy it to a new name ending in {SUFFIX} and change that, or "
            f"`briefing open {shlex.quote(value)}` opens it in the window as an unsaved copy"
        )
    if path.suffix.lower() != SUFFIX:
        raise CommandError(f"{path.name or value}: a briefing file must end in {SUFFIX}")  # ("." has no name)
    return path


def usable(path: Path) -> Path:
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
def holding_lock(path: Path) -> Iterator[None]:
    """The briefing's owner lock while it is changed: LockedError when someone has it open in the window."""
    from briefing.core.lock import BriefingLock  # here: reading commands (export, show) need not load it

    lock = BriefingLock(path, command=True)
    try:
        lock.acquire(wait_for_command=COMMAND_WAIT_S)
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be changed here ({exc.strerror or exc})") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def editing(value: str, *, name_errors: bool = True) -> Iterator[Briefing]:
    """Load a briefing for a change, holding its owner lock, and save it atomically if the block succeeds.
    name_errors: the block's errors are about the briefing, so they begin with its name (add-source's name the
    file being added instead)."""
    path = existing_briefing(value)
    with holding_lock(path):
        cache = PartCache()  # the save reuses what the load read for every part the change leaves alone
        briefing = read_briefing(path, cache)
        try:
            yield briefing
        except CommandError as exc:
            if not name_errors:
                raise
            raise named(path, exc) from None
        save_briefing(briefing, path, cache=cache)


def existing_briefing(value: str) -> Path:
    """briefing_path, for a briefing that must exist: what is wrong (missing, a folder, a pipe) said before any lock
    is made, or any source is imported (`add-source notes.txt x.briefing`, the arguments swapped, names notes.txt)."""
    path = briefing_path(value)
    if not path.is_file():
        load_briefing(path)
        raise CommandError(f"{path.name}: file not found")
    return path


def named(path: Path, exc: CommandError) -> CommandError:
    """exc as a one-line error naming the file (the command's own checks say only what is wrong)."""
    message = str(exc)
    return exc if path.name in message else CommandError(f"{path.name}: {message}")


def read_briefing(path: Path, cache: PartCache | None = None) -> Briefing:
    """load_briefing, but a damaged file with its backup beside it (NAME.briefing.bak, the previous save) says so,
    and how to use it: a backup is opened, never written to."""
    try:
        return load_briefing(path, cache)
    except ProjectFileError as exc:
        backup = backup_to_offer(path)
        if backup is None:
            raise
        saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))
        try:
            load_briefing(backup)
        except ProjectFileError:
            raise CommandError(f"{exc}; its backup {backup.name} (saved {saved}) cannot be read either") from None
        name = shlex.quote(str(backup))
        raise CommandError(
            f"{exc}; its backup from {saved} is beside it: `briefing show {name}` shows it, `briefing open {name}` "
            f"opens it in the window as an unsaved copy (save it under a new name), or copy it to a new name ending "
            f"in {SUFFIX}"
        ) from None
