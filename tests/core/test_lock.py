"""Owner files: a second opener is told who has the briefing; a lock left by a crash is cleared."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.core import lock as lock_module
from briefing.core.lock import BriefingLock, LockedError, is_mine, lock_path, process_started, read_lock


def _write_lock(briefing: Path, **fields) -> None:
    data = {"user": "colleague", "host": "other-pc", "pid": 4242, "since": time.time(), "refreshed": time.time()}
    data.update(fields)
    lock_path(briefing).write_text(json.dumps(data), encoding="utf-8")


def test_lock_is_taken_and_released(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    with BriefingLock(path):
        info = read_lock(path)
        assert info is not None and info.pid == os.getpid() and info.host == socket.gethostname()
    assert read_lock(path) is None


@pytest.mark.skipif(os.name != "posix", reason="symlinks are POSIX here")
def test_the_lock_is_beside_the_real_file_whatever_path_reaches_it(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    real = share / "real.briefing"
    real.write_bytes(b"")
    link = tmp_path / "link.briefing"
    link.symlink_to(real)
    with BriefingLock(link):
        assert (share / ".~lock.real.briefing#").exists()
        assert read_lock(real) is not None  # someone opening the real path sees the lock taken through the link
    _write_lock(real)
    with pytest.raises(LockedError, match="link.briefing: is open in Briefing by colleague"):
        BriefingLock(link).acquire()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.briefing", "share"]


def test_a_live_lock_from_another_machine_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    _write_lock(path)
    with pytest.raises(LockedError, match="open in Briefing by colleague on other-pc") as info:
        BriefingLock(path).acquire()
    assert info.value.owner.user == "colleague"
    assert lock_path(path).exists()  # someone else's lock is never removed


def test_a_lock_from_a_live_process_here_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(path, host=socket.gethostname(), pid=other.pid)
        with pytest.raises(LockedError):
            BriefingLock(path).acquire()
    finally:
        other.kill()
        other.wait()
    # Once that process is gone its lock is stale and is cleared.
    lock = BriefingLock(path)
    lock.acquire()
    assert read_lock(path).pid == os.getpid()
    lock.release()


def test_a_lock_from_another_machine_not_refreshed_for_a_day_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    _write_lock(path, refreshed=time.time() - 25 * 3600)
    with BriefingLock(path):
        assert read_lock(path).host == socket.gethostname()


def test_refresh_moves_the_heartbeat(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    lock = BriefingLock(path)
    lock.acquire()
    before = read_lock(path).refreshed
    time.sleep(0.01)
    lock.refresh()
    assert read_lock(path).refreshed > before
    lock.release()


def test_a_fresh_unreadable_lock_counts_as_held(tmp_path: Path) -> None:
    # It may be being written by another tool right now; a few seconds later it is stale (below).
    path = tmp_path / "a.briefing"
    lock_path(path).write_bytes(b"\x00garbage")
    with pytest.raises(LockedError, match="someone"):
        BriefingLock(path).acquire()


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b'{"user": "kim"}', b"[" * 100_000])
def test_an_empty_or_unreadable_lock_left_behind_is_stale(tmp_path: Path, content: bytes) -> None:
    # A disk that filled, or a crash, while a lock was written: it used to block everyone for a day.
    path = tmp_path / "a.briefing"
    lock_path(path).write_bytes(content)
    old = time.time() - 60
    os.utime(lock_path(path), (old, old))
    with BriefingLock(path):
        assert read_lock(path).pid == os.getpid()


def test_a_lock_whose_pid_now_belongs_to_another_process_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        started = process_started(other.pid)
        if not started:
            pytest.skip("this system does not say when a process started")
        _write_lock(path, host=socket.gethostname(), pid=other.pid, started=started)
        with pytest.raises(LockedError):
            BriefingLock(path).acquire()  # the very process that took it: held
        _write_lock(path, host=socket.gethostname(), pid=other.pid, started=str(int(started) - 1))
        with BriefingLock(path):  # the pid was reused by a later process: the owner is gone
            assert read_lock(path).pid == os.getpid()
    finally:
        other.kill()
        other.wait()


def test_a_lock_left_by_an_earlier_process_with_our_pid_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    if not process_started(os.getpid()):
        pytest.skip("this system does not say when a process started")
    _write_lock(path, host=socket.gethostname(), pid=os.getpid(), started="1")
    assert not is_mine(read_lock(path))
    lock = BriefingLock(path)
    lock.acquire()  # stale (that process is gone), so cleared and taken afresh
    assert read_lock(path).started == process_started(os.getpid())
    lock.release()
    assert not lock_path(path).exists()


def test_the_message_says_who_since_when_and_how_to_open_or_clear_it(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    _write_lock(path, since=time.mktime((2026, 3, 4, 9, 30, 0, 0, 0, -1)))
    with pytest.raises(LockedError) as info:
        BriefingLock(path).acquire()
    message = str(info.value)
    assert message.startswith("a.briefing: is open in Briefing by colleague on other-pc (since 2026-03-04 09:30)")
    assert "read-only" in message
    assert f"delete the lock file {lock_path(path)}" in message
    assert "\n" not in message


def test_a_full_disk_while_taking_the_lock_leaves_no_lock_behind(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.briefing"

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError, match="No space left"):
        BriefingLock(path).acquire()
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []  # no empty lock (which used to lock everyone out), no temporary file
    with BriefingLock(path):
        assert read_lock(path).pid == os.getpid()


def test_a_lock_that_changed_since_it_was_judged_stale_is_not_removed(tmp_path: Path, monkeypatch) -> None:
    # The heart of the race: between reading a stale lock and clearing it, another taker clears it and takes
    # the lock. Clearing must then leave that taker's lock alone.
    path = tmp_path / "a.briefing"
    _write_lock(path, refreshed=time.time() - 25 * 3600)
    stale = lock_path(path).read_bytes()
    live = json.dumps({"user": "quick", "host": "other-pc", "pid": 7, "since": time.time(), "refreshed": time.time()})
    real_read = lock_module._read

    def read_then_someone_takes_it(file: Path):
        found = real_read(file)
        if found is not None and found[1] == stale:
            lock_path(path).unlink()
            lock_path(path).write_text(live, encoding="utf-8")
        return found

    monkeypatch.setattr(lock_module, "_read", read_then_someone_takes_it)
    with pytest.raises(LockedError, match="by quick on other-pc"):
        BriefingLock(path).acquire()
    assert lock_path(path).read_text(encoding="utf-8") == live


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_place_of_the_lock_never_hangs_and_is_cleared(tmp_path: Path) -> None:
    # Someone with write access to the shared folder puts a pipe there: a plain read would wait for ever.
    path = tmp_path / "a.briefing"
    os.mkfifo(lock_path(path))
    with pytest.raises(LockedError, match="someone on an unknown machine"):
        BriefingLock(path).acquire()  # fresh: it might be being written
    old = time.time() - 60
    os.utime(lock_path(path), (old, old))
    with BriefingLock(path):
        assert read_lock(path).pid == os.getpid()


def test_without_hard_links_the_lock_is_created_exclusively(tmp_path: Path, monkeypatch) -> None:
    # Some network shares and FAT have no hard links: create-exclusive, then write, instead.
    def no_links(*args) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "a.briefing"
    _write_lock(path, refreshed=time.time() - 25 * 3600)
    with BriefingLock(path):  # the stale lock cleared, ours created
        assert read_lock(path).pid == os.getpid()
        with pytest.raises(LockedError):
            _write_lock(path, user="quick", host="other-pc")  # (a live one, written over ours for this check)
            BriefingLock(path).acquire()
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_path(path).name]  # theirs, not released by us


def test_clearing_puts_back_a_lock_that_is_not_the_one_judged_stale(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    _write_lock(path)
    live = lock_path(path).read_bytes()
    assert not lock_module._remove_if_same(lock_path(path), b"what was judged stale")
    assert lock_path(path).read_bytes() == live
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock_path(path).name]


def test_taking_a_lock_removes_private_files_a_kill_mid_write_left(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    path.write_bytes(b"x")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)  # a process that has exited
    old = time.time() - 3600
    lock_name = lock_path(path).name
    leftover = tmp_path / f"{lock_name}.{dead_pid}.0a1b2c3d.tmp"
    fresh = tmp_path / f"{lock_name}.{dead_pid}.11111111.tmp"  # too new: maybe another machine's, being written
    alive = tmp_path / f"{lock_name}.{os.getpid()}.22222222.tmp"  # a live process's
    other = tmp_path / f".~lock.b.briefing#.{dead_pid}.33333333.tmp"  # another briefing's lock
    unlike = tmp_path / f"{lock_name}.{dead_pid}.notahex0.tmp"  # not the pattern
    for file in (leftover, fresh, alive, other, unlike):
        file.write_text("{")
    for file in (leftover, alive, other, unlike):
        os.utime(file, (old, old))

    lock = BriefingLock(path)
    lock.acquire()

    assert not leftover.exists()
    assert all(file.exists() for file in (fresh, alive, other, unlike))
    lock.release()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="Linux's /proc tells a zombie")
def test_a_killed_process_not_yet_reaped_is_not_alive() -> None:
    # QA3 11: right after a kill -9 its parent has not reaped it yet, kill(pid, 0) still succeeds, and a restart at
    # once did not offer the recovery copy (nor take over its lock) until the zombie was gone
    import signal
    import subprocess

    from briefing.core.lock import _pid_alive

    child = subprocess.Popen(["sleep", "60"])
    try:
        assert _pid_alive(child.pid)
        os.kill(child.pid, signal.SIGKILL)
        deadline = time.time() + 5
        while Path(f"/proc/{child.pid}/stat").read_bytes().rpartition(b")")[2].split()[0] != b"Z":
            assert time.time() < deadline
            time.sleep(0.01)
        assert not _pid_alive(child.pid)  # a zombie: not reaped yet (no wait() so far)
    finally:
        child.kill()
        child.wait()


def test_a_command_waits_for_another_commands_lock_then_takes_it(tmp_path: Path) -> None:
    # QA4 20: two briefing commands on one file at once; the second was told to delete the first one's lock file
    import threading

    path = tmp_path / "a.briefing"
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _write_lock(path, host=socket.gethostname(), pid=other.pid, command=True)
        releaser = threading.Timer(0.3, lock_path(path).unlink)  # the other command saves and lets go
        releaser.start()
        started = time.monotonic()
        lock = BriefingLock(path, command=True)
        lock.acquire(wait_for_command=5)
        releaser.join()
        assert 0.25 < time.monotonic() - started < 4
        assert read_lock(path).command and read_lock(path).pid == os.getpid()
        lock.release()
        # still held when the wait is over: "try again", never "delete the lock file"
        _write_lock(path, host=socket.gethostname(), pid=other.pid, command=True)
        with pytest.raises(LockedError) as info:
            BriefingLock(path, command=True).acquire(wait_for_command=0.2)
        assert str(info.value) == "a.briefing: is being changed by another briefing command; try again"
        assert lock_path(path).exists()
        # the window's lock is not waited for: it is held for as long as the briefing is open
        _write_lock(path, host=socket.gethostname(), pid=other.pid)
        started = time.monotonic()
        with pytest.raises(LockedError, match="is open in Briefing by colleague"):
            BriefingLock(path, command=True).acquire(wait_for_command=5)
        assert time.monotonic() - started < 2
    finally:
        other.kill()
        other.wait()


def test_a_windows_lock_file_is_written_as_before(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    with BriefingLock(path):
        assert "command" not in json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert read_lock(path).command is False
