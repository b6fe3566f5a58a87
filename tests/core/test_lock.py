"""Owner files: a second opener is told who has the briefing; a lock left by a crash is cleared."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.core.lock import BriefingLock, LockedError, lock_path, read_lock


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


def test_an_unreadable_lock_counts_as_held(tmp_path: Path) -> None:
    path = tmp_path / "a.briefing"
    lock_path(path).write_bytes(b"\x00garbage")
    with pytest.raises(LockedError, match="someone"):
        BriefingLock(path).acquire()
