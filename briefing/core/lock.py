"""Owner files beside an open briefing (as Word's ~$ and LibreOffice's .~lock files), so that two people on a
shared drive never silently overwrite each other's work."""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

STALE_AFTER_S = 24 * 3600  # a lock from another machine not refreshed for this long was left by a crash


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: float  # epoch seconds when the briefing was opened
    refreshed: float  # epoch seconds of the last heartbeat

    def describe(self) -> str:
        opened = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        return f"{self.user} on {self.host} (since {opened})"


class LockedError(Exception):
    def __init__(self, path: Path, owner: LockInfo) -> None:
        self.path = path
        self.owner = owner
        super().__init__(
            f"{path.name}: is open in Briefing by {owner.describe()}; ask them to close it, then try again"
        )


def lock_path(path: str | os.PathLike[str]) -> Path:
    # Beside the real file, not a symlink to it: everyone reaching the file by any path must see the same lock.
    path = Path(os.path.realpath(path))
    return path.with_name(f".~lock.{path.name}#")


def _me() -> tuple[str, str, int]:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service contexts
        user = "unknown"
    return user, socket.gethostname(), os.getpid()


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockInfo(
            str(data["user"]), str(data["host"]), int(data["pid"]), float(data["since"]), float(data["refreshed"])
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable lock: treat as held by someone unknown, refreshed when last written.
        try:
            mtime = lock_path(path).stat().st_mtime
        except OSError:
            return None
        return LockInfo("someone", "an unknown machine", 0, mtime, mtime)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(info: LockInfo, now: float | None = None) -> bool:
    """A lock whose owner process is gone (same machine) or that nobody has refreshed for a day."""
    _, host, _ = _me()
    if info.host == host:
        return not _pid_alive(info.pid)
    return (now or time.time()) - info.refreshed > STALE_AFTER_S


def is_mine(info: LockInfo) -> bool:
    _, host, pid = _me()
    return (info.host, info.pid) == (host, pid)


class BriefingLock:
    """Holds the owner file of one briefing while this process has it open for editing."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.held = False

    def acquire(self) -> None:
        """Take the lock, clearing a stale one; raises LockedError if someone else holds it."""
        for _ in range(2):
            existing = read_lock(self.path)
            if existing is not None:
                if is_mine(existing):
                    self.held = True
                    return
                if not is_stale(existing):
                    raise LockedError(self.path, existing)
                self.file.unlink(missing_ok=True)
            user, host, pid = _me()
            now = time.time()
            try:
                fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue  # someone took it between our read and create: look again
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(asdict(LockInfo(user, host, pid, now, now)), stream)
            self.held = True
            return
        owner = read_lock(self.path)
        raise LockedError(self.path, owner or LockInfo("someone", "another machine", 0, time.time(), time.time()))

    def refresh(self) -> None:
        """Heartbeat so colleagues' machines can tell a live lock from one left by a crash."""
        if not self.held:
            return
        existing = read_lock(self.path)
        if existing is None or not is_mine(existing):
            return
        data = asdict(existing) | {"refreshed": time.time()}
        self.file.write_text(json.dumps(data), encoding="utf-8")

    def release(self) -> None:
        if self.held:
            existing = read_lock(self.path)
            if existing is not None and is_mine(existing):
                self.file.unlink(missing_ok=True)
            self.held = False

    def __enter__(self) -> BriefingLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
