"""Owner files beside an open briefing (as Word's ~$ and LibreOffice's .~lock files), so that two people on a
shared drive never silently overwrite each other's work.

Taking the lock is atomic: the owner file is written in full under a private name and then linked into place,
which fails if a lock is already there, so no one ever sees a half-written lock and two takers cannot both win.
Clearing a stale lock (its owner crashed) is done by one taker at a time, under a short-lived guard file, after
reading the lock again: two commands that meet the same dead owner's lock cannot both remove it and both save.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import re
import secrets
import stat
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from briefing.core.messages import QT_TRANSLATE_NOOP, Message

STALE_AFTER_S = 24 * 3600  # a lock from another machine not refreshed for this long was left by a crash
# An empty or unreadable owner file is a crash while writing it (or a disk that filled): stale once this old.
# (Locks written here are never seen half-written, but one from an older Briefing or another tool may be.)
DAMAGED_STALE_AFTER_S = 10
GUARD_STALE_AFTER_S = 30  # clearing a stale lock takes milliseconds: a guard this old was left by a crash
MAX_LOCK_BYTES = 64 * 1024  # an owner file is ~200 bytes; never read a huge one into memory
# A private file _write_new writes in milliseconds: one this old, of a dead pid, was left by a kill mid-write.
# (The age matters too: on a shared drive the pid may be another machine's, and its file brand new.)
LEFTOVER_AFTER_S = 30
UNKNOWN_OWNER = ("someone", "another machine")  # (user, host) of a lock whose owner file could never be read


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: float  # epoch seconds when the briefing was opened
    refreshed: float  # epoch seconds of the last heartbeat
    started: str = ""  # the owner process's start time as the system tells it ("" unknown): detects a reused pid
    damaged: bool = False  # the owner file was empty or unreadable
    command: bool = False  # held by a briefing command (for a moment), not by the window

    def describe(self) -> Message:
        opened = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.since))
        if (self.user, self.host) == UNKNOWN_OWNER:
            return Message(QT_TRANSLATE_NOOP("Messages", "someone on another machine (since {opened})"), opened=opened)
        return Message(
            QT_TRANSLATE_NOOP("Messages", "{user} on {host} (since {opened})"),
            user=self.user,
            host=self.host,
            opened=opened,
        )


class LockedError(Exception):
    def __init__(self, path: Path, owner: LockInfo) -> None:
        self.path = path
        self.owner = owner
        self.lock_file = lock_path(path)
        if owner.command:  # it will be free in a moment: its lock file is no one's to delete
            self.message = Message(
                QT_TRANSLATE_NOOP("Messages", "{name}: is being changed by another briefing command; try again"),
                name=path.name,
            )
            super().__init__(str(self.message))
            return
        self.message = Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name}: is open in Briefing by {owner}; ask them to close it, or open it read-only in the window. "
                "If you are sure nobody has it open, delete the lock file {lock_file} and try again",
            ),
            name=path.name,
            owner=owner.describe(),
            lock_file=self.lock_file,
        )
        super().__init__(str(self.message))


def lock_path(path: str | os.PathLike[str]) -> Path:
    # Beside the real file, not a symlink to it: everyone reaching the file by any path must see the same lock.
    path = Path(os.path.realpath(path))
    return path.with_name(f".~lock.{path.name}#")


def _me() -> tuple[str, str, int]:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service contexts
        user = "unknown"
    return user, _host_name(), os.getpid()


def _host_name() -> str:
    """socket.gethostname(): on Linux and macOS the same name os.uname() gives, without importing socket (some
    20 M instructions, paid before a file opened at start-up shows)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


def process_started(pid: int) -> str:
    """When process pid started, as an opaque token ("" when unknown): a pid reused by a later process has another.

    Linux: field 22 of /proc/PID/stat (clock ticks after boot). Windows: the process's creation time. Elsewhere
    unknown, and a lock is then judged by its pid alone.
    """
    if pid <= 0:
        return ""
    if sys.platform == "win32":
        return _windows_started(pid)
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            stat = stream.read(4096)
        # The command name (field 2) is in parentheses and may hold spaces or ")": count fields after the last ")".
        return stat[stat.rindex(b")") + 2 :].split()[19].decode("ascii")
    except (OSError, ValueError, IndexError):
        return ""


def _windows_started(pid: int) -> str:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ""
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return ""
        created = times[0]
        return str((created.dwHighDateTime << 32) | created.dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


def _parse(raw: bytes) -> LockInfo:
    data = json.loads(raw.decode("utf-8"))
    return LockInfo(
        str(data["user"]),
        str(data["host"]),
        int(data["pid"]),
        float(data["since"]),
        float(data["refreshed"]),
        str(data.get("started", "")),
        command=data.get("command") is True,
    )


def _owner_data(info: LockInfo) -> bytes:
    """The owner file's JSON; "command" only when true (a window's lock reads as older versions wrote it)."""
    data = {k: v for k, v in asdict(info).items() if k != "damaged" and (k != "command" or v)}
    return json.dumps(data).encode("utf-8")


def _read_bytes(file: Path) -> tuple[bytes, float]:
    """An owner (or guard) file's first bytes and its time; one that is not a regular file (a named pipe someone
    put there would block a plain read for ever) reads as a marker no lock has."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return b"\0not a regular file", status.st_mtime
        return os.read(fd, MAX_LOCK_BYTES + 1), status.st_mtime
    finally:
        os.close(fd)


def _read(file: Path) -> tuple[LockInfo, bytes] | None:
    """The owner file's meaning and its exact bytes (which say whether it changed since), or None if there is none."""
    try:
        raw, mtime = _read_bytes(file)
    except FileNotFoundError:
        return None
    except OSError:
        try:
            mtime = file.stat().st_mtime
        except OSError:
            return None
        raw = b""
    try:
        if len(raw) > MAX_LOCK_BYTES:
            raise ValueError("too big")
        return _parse(raw), raw
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        # Empty (a crash or a full disk while it was written) or garbage: nobody we can name holds it.
        return LockInfo("someone", "an unknown machine", 0, mtime, mtime, damaged=True), raw


def read_lock(path: str | os.PathLike[str]) -> LockInfo | None:
    found = _read(lock_path(path))
    return found[0] if found else None


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
    except (OverflowError, OSError):  # a pid no process can have
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has ended but not yet been reaped by its parent (Linux: state Z in /proc): kill -9'd a moment
    ago, it still answers kill(pid, 0), but its session is over."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[:1] == [b"Z"]  # the state follows the command's name
    except OSError:  # no /proc (macOS), or the process is gone now
        return False


def is_stale(info: LockInfo, now: float | None = None) -> bool:
    """A lock whose owner process is gone (same machine: the pid is dead, or now belongs to a process started at
    another time), that nobody has refreshed for a day, or an empty or unreadable one not being written now."""
    now = time.time() if now is None else now
    if info.damaged:
        return now - info.refreshed > DAMAGED_STALE_AFTER_S
    _, host, _ = _me()
    if info.host == host:
        if not _pid_alive(info.pid):
            return True
        started = process_started(info.pid)
        return bool(info.started and started and started != info.started)
    return now - info.refreshed > STALE_AFTER_S


def is_mine(info: LockInfo) -> bool:
    _, host, pid = _me()
    if (info.host, info.pid) != (host, pid) or info.damaged:
        return False
    return not info.started or info.started == process_started(pid)  # not a dead process that had our pid


def _write_new(target: Path, data: bytes) -> bool:
    """Create target holding data, all at once, only if it does not exist: False if it does.

    The data is written (and flushed to disk) under a private name, then hard-linked to target: the link fails if
    target exists, and nobody ever sees target empty or half-written; a full disk fails here, leaving nothing.
    Where hard links are not supported (some network shares, FAT), create-exclusive and write instead.
    """
    temporary = target.with_name(f"{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, target)
            return True
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LINKS and not isinstance(exc, PermissionError):
                raise
        return _create_exclusive(target, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


# What os.link says where a file system has no hard links (FAT, some network shares); Windows says EINVAL or EPERM.
_NO_LINKS = {getattr(errno, name, -1) for name in ("EPERM", "EOPNOTSUPP", "ENOTSUP", "EXDEV", "EMLINK", "EINVAL")}


def _create_exclusive(target: Path, data: bytes) -> bool:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, data)
        os.fsync(fd)
    except OSError:
        os.close(fd)
        os.unlink(target)  # never leave an empty lock behind (a full disk)
        raise
    os.close(fd)
    return True


class _Guard:
    """A guard file held while clearing a stale lock, so that only one taker at a time may clear it."""

    def __init__(self, lock_file: Path) -> None:
        self.file = lock_file.with_name(lock_file.name + ".clearing")
        self.token = secrets.token_hex(8).encode("ascii")

    def take(self) -> bool:
        if _write_new(self.file, self.token):
            return True
        try:
            stale, mtime = _read_bytes(self.file)
            age = time.time() - mtime
        except OSError:
            return False  # gone meanwhile: the caller tries again
        if age > GUARD_STALE_AFTER_S:
            _remove_if_same(self.file, stale)  # left by a crash while clearing
        return False

    def release(self) -> None:
        _remove_if_same(self.file, self.token)


def _remove_if_same(file: Path, expected: bytes) -> bool:
    """Remove file if it still holds expected: moved aside under a private name first and checked there, so that
    a file someone put in its place meanwhile is put back, not deleted."""
    aside = file.with_name(f"{file.name}.{os.getpid()}.{secrets.token_hex(4)}.old")
    try:
        os.rename(file, aside)
    except OSError:  # gone already, or (Windows) open in another process for a moment: the caller looks again
        return False
    try:
        moved, _ = _read_bytes(aside)
        if moved == expected:
            return True
        with contextlib.suppress(OSError):  # not the one we judged: put it back unless another is there already
            _write_new(file, moved)
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(aside)


class BriefingLock:
    """Holds the owner file of one briefing while this process has it open for editing."""

    # A few milliseconds apart (under a second in all): a lock being taken or cleared by someone else settles.
    ATTEMPTS = 30

    def __init__(self, path: str | os.PathLike[str], *, command: bool = False) -> None:
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.held = False
        self.command = command  # taken by a briefing command: its owner file says so

    def acquire(self, *, wait_for_command: float = 0.0) -> None:
        """Take the lock, clearing a stale one; raises LockedError if someone else holds it (OSError if the lock
        file cannot be written: a read-only folder, a full disk). wait_for_command: seconds to wait for a lock that
        another briefing command holds, which it releases within a second (two commands run at once)."""
        user, host, pid = _me()
        now = time.time()
        mine = LockInfo(user, host, pid, now, now, process_started(pid), command=self.command)
        data = _owner_data(mine)
        existing: LockInfo | None = None
        deadline = time.monotonic() + wait_for_command
        attempt = 0
        while attempt < self.ATTEMPTS:
            if attempt:
                time.sleep(0.002 * attempt)
            attempt += 1
            if _write_new(self.file, data):
                self.held = True
                self._remove_leftovers()
                return
            found = _read(self.file)
            if found is None:
                continue  # released or cleared since: try again
            existing, raw = found
            if is_mine(existing):
                self.held = True
                self._remove_leftovers()
                return
            if not is_stale(existing):
                if existing.damaged:
                    continue  # being written by someone right now (an older Briefing): let it settle
                if existing.command and time.monotonic() < deadline:
                    time.sleep(0.05)  # another command saves and lets go in a moment: wait (not an attempt)
                    attempt -= 1
                    continue
                raise LockedError(self.path, existing)
            self._clear_stale(raw)
        raise LockedError(self.path, existing or LockInfo(*UNKNOWN_OWNER, 0, now, now))

    def _remove_leftovers(self) -> None:
        """Remove this lock's private files (`.~lock.X#.PID.HEX.tmp`) that a process killed while writing one left
        behind: only those of a dead pid, and old enough not to be someone's being written now."""
        pattern = re.compile(re.escape(self.file.name) + r"\.(\d+)\.[0-9a-f]{8}\.tmp")
        now = time.time()
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.file.parent):
                match = pattern.fullmatch(entry.name)
                if match is None or _pid_alive(int(match.group(1))):
                    continue
                with contextlib.suppress(OSError):
                    if now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AFTER_S:
                        os.unlink(entry.path)

    def _clear_stale(self, raw: bytes) -> None:
        """Remove the stale owner file whose bytes are raw, unless it changed meanwhile; one taker at a time."""
        guard = _Guard(self.file)
        if not guard.take():
            return  # someone else is clearing it: look again
        try:
            found = _read(self.file)
            if found is not None and found[1] == raw and is_stale(found[0]):
                _remove_if_same(self.file, raw)
        finally:
            guard.release()

    def refresh(self) -> None:
        """Heartbeat so colleagues' machines can tell a live lock from one left by a crash."""
        if not self.held:
            return
        existing = read_lock(self.path)
        if existing is None or not is_mine(existing):
            return
        data = _owner_data(replace(existing, refreshed=time.time())).decode("utf-8")
        # Replaced whole (written aside, then renamed over): a reader never sees it empty.
        temporary = self.file.with_name(f"{self.file.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            temporary.write_text(data, encoding="utf-8")
            os.replace(temporary, self.file)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

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
