"""Recovery files: the open briefing autosaved to user_data_dir()/recovery/ so that a crash never loses work.

Each copy has a JSON note beside it: the briefing file it belongs to, when it was written, the process that wrote it,
and what that file on disk was (size and modification time) when the unsaved work was based on it, so that a copy
older than the file on disk is never restored over it. No Qt here, and json is imported only where a note is read
or written: start-up does not need it.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import paths
from briefing.core.lazy_regex import lazy

if TYPE_CHECKING:
    from briefing.core.model import Briefing
    from briefing.core.project import PartCache

AUTOSAVE_MS = 30_000

DiskState = tuple[int, int]  # (size, modification time in ns) of a briefing file


def recovery_dir() -> Path:
    return paths.user_data_dir() / "recovery"


def disk_state(path: Path | None) -> DiskState | None:
    """What the file at path is now, None when there is none. A save (atomic: a new file renamed over the old)
    changes the modification time, and a copy from elsewhere nearly always the size or the time."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_size, st.st_mtime_ns


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))


def full_path(path: Path) -> Path:
    """path made absolute, its folder resolved, for a briefing's path before it is kept anywhere (recovery note, recent
    files, last open): one opened as `briefing open c.briefing` must still be found from another folder. The file's
    own name stays (a link keeps its name, as saving through it does)."""
    path = Path(path).absolute()
    with contextlib.suppress(OSError, RuntimeError):  # a folder that cannot be resolved: absolute is enough
        return path.parent.resolve() / path.name
    return path


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


@dataclass(frozen=True)
class RecoveryEntry:
    file: Path
    info: Path
    original: Path | None  # the briefing file it belongs to, None for a never-saved briefing
    saved_at: float
    pid: int
    base: DiskState | None  # the original on disk when the work was based on it; None: unknown (older copies)
    declined: bool = False  # the analyst answered No once: kept, listed, not asked about again at start

    @property
    def name(self) -> str:
        return self.original.name if self.original else "Unsaved briefing"

    def when(self) -> str:
        return _when(self.saved_at)

    def describe(self) -> str:
        return f"{self.name} (autosaved {self.when()})"

    def disk_changed(self) -> bool:
        """True when the original file is no longer the one this work was based on: saved again since (in another
        window, by the command line, by a colleague), replaced or deleted. Restoring the copy in its place would
        then lose that newer work."""
        if self.original is None:
            return False
        if not self.original.is_absolute():
            # Written by an older version, relative to the folder it was started in: a file of that name here may be
            # another copy, even one of the same size and time (cp -p, a synced folder), so the work is never bound.
            return True
        now = disk_state(self.original)
        if now is None:
            return True
        if self.base is None:  # a note written before the state was recorded: was the file saved after the copy?
            return now[1] / 1e9 > self.saved_at
        return now != self.base

    def disk_saved_at(self) -> float | None:
        """When the original file was last saved (seconds since the epoch); None when it is no longer there."""
        state = disk_state(self.original)
        return state[1] / 1e9 if state else None

    def load(self, cache: PartCache | None = None) -> Briefing:
        from briefing.core.project_load import load_briefing

        return load_briefing(self.file, cache)

    def decline(self) -> None:
        """Keep the copy for File > Recover Unsaved Work, without asking about it again at each start."""
        import json

        from briefing.core.files import atomic_write

        data = _note(self.original, self.base, self.pid, self.saved_at) | {"declined": True}
        atomic_write(self.info, json.dumps(data).encode("utf-8"))

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        self.info.unlink(missing_ok=True)


def _note(original: Path | None, base: DiskState | None, pid: int, saved_at: float) -> dict[str, object]:
    return {
        "original": str(original) if original else None,
        "base": list(base) if base else None,
        "saved_at": saved_at,
        "pid": pid,
    }


class RecoveryStore:
    """This session's recovery file; each window has its own, removed when its work is saved or discarded."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.key = f"{os.getpid()}-{os.urandom(4).hex()}"  # as uuid4().hex[:8], without importing uuid

    @property
    def file(self) -> Path:
        return self.folder / f"{self.key}.briefing"

    @property
    def info(self) -> Path:
        return self.folder / f"{self.key}.json"

    def _make_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":  # copies of sensitive work: only their owner may enter the folder
            os.chmod(self.folder, 0o700)

    def write(
        self, briefing: Briefing, original: Path | None, base: DiskState | None = None, cache: PartCache | None = None
    ) -> None:
        """Write the copy, then its note (both atomically). Safe on a worker thread: touches nothing of Qt."""
        import json

        from briefing.core.files import atomic_write
        from briefing.core.project_save import save_briefing

        self._make_folder()
        # Compressing on one thread leaves the other cores to the GUI thread: with one per core it had none.
        save_briefing(briefing, self.file, keep_backup=False, cache=cache, threads=1)
        note = _note(original, base, os.getpid(), time.time())
        atomic_write(self.info, json.dumps(note).encode("utf-8"))

    def adopt(self, entry: RecoveryEntry, original: Path | None, base: DiskState | None) -> None:
        """Make a crashed session's copy this session's own, by renaming it: restoring it writes nothing big, and at
        every moment one of the two notes names a copy that exists."""
        import json

        from briefing.core.files import atomic_write

        self._make_folder()
        note = _note(original, base, os.getpid(), entry.saved_at)
        atomic_write(self.info, json.dumps(note).encode("utf-8"))
        os.replace(entry.file, self.file)
        entry.info.unlink(missing_ok=True)

    def clear(self) -> None:
        """Best effort: a recovery folder that cannot be read (a file in its place, no access) must not stop a save
        or the window closing (an error raised while closing crashed the application)."""
        with contextlib.suppress(OSError):
            self.file.unlink(missing_ok=True)
            self.info.unlink(missing_ok=True)
            for backup in self.folder.glob(f"{self.key}.briefing*"):
                backup.unlink(missing_ok=True)

    def exists(self) -> bool:
        return self.file.exists()


def _read_entry(info: Path) -> RecoveryEntry | None:
    import json

    try:
        data = json.loads(info.read_text(encoding="utf-8"))
        pid = int(data.get("pid", 0))
        original = Path(data["original"]) if data.get("original") else None
        saved_at = float(data.get("saved_at", info.stat().st_mtime))
        base = data.get("base")
        state = (int(base[0]), int(base[1])) if base else None
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None
    return RecoveryEntry(
        info.with_suffix(".briefing"), info, original, saved_at, pid, state, bool(data.get("declined"))
    )


# A temporary file of a copy or note being written: .<pid>-<random>.briefing.XXXXXXXX.tmp (see atomic_write)
_TEMPORARY = lazy(r"\.((\d+)-[0-9a-f]{8}\.(?:briefing|json))\.[a-z0-9_]{8}\.tmp")


def _sweep(folder: Path) -> None:
    """Remove what autosaves killed part-way left (the session's next write would have, but it is gone), through
    atomic_write's own clean-up: only its temporary files, abandoned, of sessions that are no longer running."""
    from briefing.core.files import remove_abandoned_temporaries
    from briefing.core.lock import _pid_alive

    targets = set()
    for name in os.listdir(folder):
        match = _TEMPORARY.fullmatch(name)
        if match and int(match[2]) != os.getpid() and not _pid_alive(int(match[2])):
            targets.add(folder / match[1])
    for target in targets:
        remove_abandoned_temporaries(target)


def pending(folder: Path | None = None, *, for_file: Path | None = None) -> list[RecoveryEntry]:
    """Recovery files left behind by sessions that are no longer running (a crash), newest first; with for_file,
    only those of that briefing file."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    from briefing.core.lock import _pid_alive

    with contextlib.suppress(OSError):
        _sweep(folder)
    entries = []
    for info in folder.glob("*.json"):
        entry = _read_entry(info)
        if entry is None or not entry.file.exists() or entry.pid == os.getpid() or _pid_alive(entry.pid):
            continue  # a live session's copy is its own
        if for_file is not None and (entry.original is None or not same_file(entry.original, for_file)):
            continue
        entries.append(entry)
    return sorted(entries, key=lambda e: -e.saved_at)


__all__ = [
    "AUTOSAVE_MS",
    "DiskState",
    "RecoveryEntry",
    "RecoveryStore",
    "disk_state",
    "full_path",
    "pending",
    "recovery_dir",
    "same_file",
]
