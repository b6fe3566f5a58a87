"""Recovery files: the open briefing autosaved to user_data_dir()/recovery/ so that a crash never loses work."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import paths
from briefing.core.model import Briefing

if TYPE_CHECKING:
    from briefing.core.project import PartCache

AUTOSAVE_MS = 30_000


def recovery_dir() -> Path:
    return paths.user_data_dir() / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    file: Path
    info: Path
    original: Path | None  # the briefing file it belongs to, None for a never-saved briefing
    saved_at: float
    pid: int

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        return f"{self.original.name if self.original else 'Unsaved briefing'} (autosaved {when})"

    def load(self) -> Briefing:
        from briefing.core.project import load_briefing

        return load_briefing(self.file)

    def discard(self) -> None:
        self.file.unlink(missing_ok=True)
        self.info.unlink(missing_ok=True)


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

    def write(self, briefing: Briefing, original: Path | None, cache: PartCache | None = None) -> None:
        import json

        from briefing.core.files import atomic_write
        from briefing.core.project import save_briefing

        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":  # copies of sensitive work: only their owner may enter the folder
            os.chmod(self.folder, 0o700)
        save_briefing(briefing, self.file, keep_backup=False, cache=cache)
        data = {"original": str(original) if original else None, "saved_at": time.time(), "pid": os.getpid()}
        atomic_write(self.info, json.dumps(data).encode("utf-8"))

    def clear(self) -> None:
        self.file.unlink(missing_ok=True)
        self.info.unlink(missing_ok=True)
        for backup in self.folder.glob(f"{self.key}.briefing*"):
            backup.unlink(missing_ok=True)

    def exists(self) -> bool:
        return self.file.exists()


def pending(folder: Path | None = None) -> list[RecoveryEntry]:
    """Recovery files left behind by sessions that are no longer running (a crash), newest first."""
    folder = folder or recovery_dir()
    if not folder.is_dir():
        return []
    import json

    from briefing.core.lock import _pid_alive

    entries = []
    for info in folder.glob("*.json"):
        try:
            data = json.loads(info.read_text(encoding="utf-8"))
            pid = int(data.get("pid", 0))
            original = Path(data["original"]) if data.get("original") else None
            saved_at = float(data.get("saved_at", info.stat().st_mtime))
        except (OSError, ValueError, TypeError, KeyError):
            continue
        file = info.with_suffix(".briefing")
        if not file.exists() or (pid != os.getpid() and _pid_alive(pid)) or pid == os.getpid():
            continue
        entries.append(RecoveryEntry(file, info, original, saved_at, pid))
    return sorted(entries, key=lambda e: -e.saved_at)


__all__ = ["AUTOSAVE_MS", "RecoveryEntry", "RecoveryStore", "pending", "recovery_dir"]
