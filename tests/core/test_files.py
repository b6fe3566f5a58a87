"""atomic_write: the one way briefings, exports and recovery files are written."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefing.core import files
from briefing.core.files import CannotWriteHere, NotARegularFile, atomic_write, backup_path
from tests.helpers import read_only_folder

posix_only = pytest.mark.skipif(os.name != "posix", reason="symlinks, modes and folder fsync are POSIX here")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_bytes_or_what_a_function_writes(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.txt", b"bytes")
    atomic_write(tmp_path / "b.txt", lambda stream: stream.write(b"streamed"))
    assert (tmp_path / "a.txt").read_bytes() == b"bytes" and (tmp_path / "b.txt").read_bytes() == b"streamed"
    assert names(tmp_path) == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    "failure", [OSError(errno.ENOSPC, "No space left on device"), ValueError("bad"), KeyboardInterrupt()]
)
def test_a_failure_while_writing_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, failure: BaseException
) -> None:
    target = tmp_path / "note.txt"
    target.write_bytes(b"last good")

    def half_then_fail(stream) -> None:
        stream.write(b"half")
        raise failure

    with pytest.raises(type(failure)) as info:
        atomic_write(target, half_then_fail, keep_backup=True)
    assert info.value is failure  # raised as it came, for the caller to put in its own words
    assert target.read_bytes() == b"last good"
    assert names(tmp_path) == ["note.txt"]


def test_a_kill_at_the_fsync_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "note.txt", b"new")
    assert names(tmp_path) == []


def test_keep_backup(tmp_path: Path) -> None:
    target = tmp_path / "b.briefing"
    atomic_write(target, b"one", keep_backup=True)
    assert names(tmp_path) == ["b.briefing"]  # nothing to back up yet
    atomic_write(target, b"two", keep_backup=True)
    assert target.read_bytes() == b"two" and backup_path(target).read_bytes() == b"one"
    atomic_write(target, b"three")
    assert backup_path(target).read_bytes() == b"one"  # without keep_backup, the backup is left alone
    assert names(tmp_path) == ["b.briefing", "b.briefing.bak"]


def test_a_backup_that_fails_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.briefing"
    target.write_bytes(b"last good")
    real_replace = os.replace

    def no_backup(src, dst) -> None:
        if str(dst).endswith(".bak"):
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", no_backup)
    with pytest.raises(PermissionError):
        atomic_write(target, b"new", keep_backup=True)
    assert target.read_bytes() == b"last good"
    assert names(tmp_path) == ["b.briefing"]


@posix_only
def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "share").mkdir()
    real = tmp_path / "share" / "real.briefing"
    link = tmp_path / "link.briefing"
    link.symlink_to(real)  # dangling until the first write
    for content in (b"one", b"two"):
        atomic_write(link, content, keep_backup=True)
        assert link.is_symlink() and real.read_bytes() == content
    assert backup_path(real).read_bytes() == b"one"  # the backup is beside the target, not the link
    assert names(tmp_path) == ["link.briefing", "share"]
    assert names(tmp_path / "share") == ["real.briefing", "real.briefing.bak"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_link_is_followed_only_to_a_regular_file(tmp_path: Path) -> None:
    """QA8 D1: `export -o full.pdf`, full.pdf a link to /dev/full, renamed the new PDF over the device node. A pipe
    stands in for the device here (a test must never risk a system file): neither it nor the link is replaced."""
    from briefing.core.project import ProjectFileError
    from briefing.core.project_save import save_briefing
    from briefing.core.templates import load_catalog, new_briefing

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "full.pdf"
    link.symlink_to(pipe)
    with pytest.raises(NotARegularFile) as through_link:
        atomic_write(link, b"%PDF-1.7", keep_backup=True)
    assert str(through_link.value.problem) == (
        f"is a link to {str(pipe)!r}, which is not a regular file (a device, a pipe or a socket); nothing was "
        "written: choose another name"
    )
    with pytest.raises(NotARegularFile) as itself:
        atomic_write(pipe, b"%PDF-1.7")
    assert str(itself.value.problem).startswith("is not a regular file (a device, a pipe or a socket)")
    note = tmp_path / "note.briefing"
    note.symlink_to(pipe)
    with pytest.raises(ProjectFileError, match=r"^note\.briefing: is a link to .*, which is not a regular file"):
        save_briefing(new_briefing(load_catalog().get("information-note"), title="T"), note)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and link.is_symlink() and note.is_symlink()
    assert names(tmp_path) == ["full.pdf", "note.briefing", "pipe"]  # no temporary file, no backup


@posix_only
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    target.write_bytes(b"old")
    target.chmod(0o604)
    atomic_write(target, b"new", keep_backup=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o604 and target.read_bytes() == b"new"
    assert stat.S_IMODE(backup_path(target).stat().st_mode) == 0o604


@posix_only
def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("made by open(), so 0666 minus the umask")
    atomic_write(tmp_path / "new.txt", b"new")
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)  # not 0600

    monkeypatch.setattr(files, "NEW_FILE_MODE", 0o666 & ~0o027)  # as read at start-up with umask 027
    atomic_write(tmp_path / "other.txt", b"new")
    assert stat.S_IMODE((tmp_path / "other.txt").stat().st_mode) == 0o640


def test_new_files_use_the_umask_read_at_start_up() -> None:
    mask = os.umask(0)
    os.umask(mask)
    assert (0o666 & ~mask) == files.NEW_FILE_MODE


def test_a_read_only_folder_gives_the_os_error(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only_folder(folder, monkeypatch), pytest.raises(CannotWriteHere) as info:
        atomic_write(folder / "note.md", b"new")
    assert isinstance(info.value, OSError) and info.value.errno == errno.EACCES
    assert info.value.strerror == "Permission denied" and info.value.filename == str(folder)
    assert names(folder) == []


def test_a_name_near_the_file_system_limit_still_gets_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / f"{'é' * 120}.briefing"  # 249 bytes: its name with a prefix and suffix would not fit
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and names(tmp_path) == [target.name]


@posix_only
def test_a_folder_that_cannot_be_fsynced_does_not_fail_a_write_that_succeeded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network and shared-folder file systems refuse fsync on a folder (EINVAL) after the file is replaced."""
    real_fsync = os.fsync
    synced: list[str] = []

    def no_folder_fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append("folder")
            raise OSError(errno.EINVAL, "Invalid argument")
        synced.append("file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_fsync)
    atomic_write(tmp_path / "note.md", b"new")  # no error: the new file is in place
    assert synced == ["file", "folder"]  # the file before the rename, the folder after it
    assert (tmp_path / "note.md").read_bytes() == b"new" and names(tmp_path) == ["note.md"]


# --- temporary files left by a killed save -----------------------------------------------------------------------

KILLED_WRITER = """
import sys, time
from briefing.core.files import atomic_write

def write_then_hang(stream):
    stream.write(b"half of a briefing")
    stream.flush()
    print("writing", flush=True)
    time.sleep(60)

atomic_write(sys.argv[1], write_then_hang)
"""


def killed_mid_save(target: Path) -> Path:
    """Start a real save of target in another process, kill -9 it while it writes: the temporary file it leaves."""
    before = set(target.parent.iterdir())
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    child.kill()
    child.wait()
    (left,) = set(target.parent.iterdir()) - before
    return left


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def test_the_next_save_removes_what_a_killed_save_left(tmp_path: Path) -> None:
    target = tmp_path / "note.briefing"
    atomic_write(target, b"v1")
    left = killed_mid_save(target)
    assert left.name.startswith(".note.briefing.") and left.name.endswith(".tmp")  # hidden, beside the file
    assert target.read_bytes() == b"v1"
    atomic_write(target, b"v2")
    assert left.exists()  # just killed: kept a few seconds, the time a live writer takes to lock a new file
    age(left, files.ABANDONED_AFTER_S + 1)
    atomic_write(target, b"v3")
    assert names(tmp_path) == ["note.briefing"] and target.read_bytes() == b"v3"


def test_a_temporary_file_being_written_is_never_removed(tmp_path: Path) -> None:
    """Another save of the same file still writing (another window, the command line) keeps its temporary file,
    however old it looks."""
    target = tmp_path / "note.briefing"
    writing, finish = threading.Event(), threading.Event()

    def slow(stream) -> None:
        stream.write(b"from the slow save")
        stream.flush()
        writing.set()
        finish.wait(10)

    other = threading.Thread(target=atomic_write, args=(target, slow))
    other.start()
    try:
        assert writing.wait(10)
        (temp,) = tmp_path.iterdir()
        age(temp, 3600)
        atomic_write(target, b"quick save")
        assert temp.exists()
    finally:
        finish.set()
        other.join()
    assert names(tmp_path) == ["note.briefing"] and target.read_bytes() == b"from the slow save"


@posix_only
def test_only_temporary_files_of_that_file_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "b.briefing"
    keep = [
        ".b.docx.abcd1234.tmp",  # an export's, of another file
        ".b.abcd1234.tmp",  # not this naming
        "b.briefing.abcd1234.tmp",  # not hidden: not ours
        ".b.briefing.ABCD1234.tmp",  # not mkstemp's letters
        ".b.briefing.abcd123.tmp",  # too short
        ".b.briefing.abcd1234.tmp.txt",
        ".b.briefing.tmp",
        "notes.txt",
    ]
    for name in keep:
        (tmp_path / name).write_bytes(b"someone's")
    (tmp_path / ".b.briefing.folder_00.tmp").mkdir()  # a folder, even with our name
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(b"precious")
    (tmp_path / ".b.briefing.link0000.tmp").symlink_to(outside)  # a link: neither it nor its target
    ours = tmp_path / ".b.briefing.k1lled_0.tmp"
    ours.write_bytes(b"half")
    for entry in tmp_path.iterdir():
        age(entry, 3600)
    atomic_write(target, b"saved")
    assert not ours.exists()
    assert set(names(tmp_path)) == {
        *keep,
        ".b.briefing.folder_00.tmp",
        ".b.briefing.link0000.tmp",
        "elsewhere.txt",
        "b.briefing",
    }
    assert outside.read_bytes() == b"precious"


def test_kill_9_during_saves_loses_and_corrupts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A few trials of the fault-injection loop; the 1,000-kill run is on demand: python -m tests.core.save_kills."""
    from tests.core.save_kills import kill_saves

    monkeypatch.setattr(files, "ABANDONED_AFTER_S", 0.5)  # the clean-up save comes sooner
    figures = kill_saves(6, tmp_path, max_delay_s=0.2)
    assert figures.trials == 6 and figures.failures == []
    assert figures.saves > 0  # kills came after confirmed saves too, not only during the first
    assert figures.kills_leaving_temporaries > 0  # what is cleaned up below was there
    assert figures.temporaries_after_cleanup == 0


@posix_only
def test_a_backup_that_is_already_the_file_leaves_no_temporary_link(tmp_path: Path) -> None:
    """A save killed after making NAME.bak (a hard link to the file) and before the rename leaves the two as one
    file; renaming a link over another link of the same file does nothing, and left the temporary link behind."""
    target = tmp_path / "note.txt"
    target.write_bytes(b"v1")
    os.link(target, backup_path(target))
    atomic_write(target, b"v2", keep_backup=True)
    assert names(tmp_path) == ["note.txt", "note.txt.bak"]
    assert target.read_bytes() == b"v2" and backup_path(target).read_bytes() == b"v1"


def test_the_backup_to_offer_is_another_file_beside_one_that_is_there(tmp_path: Path) -> None:
    path = tmp_path / "note.briefing"
    assert files.backup_to_offer(path) is None  # nothing at all
    atomic_write(path, b"first")
    atomic_write(path, b"second", keep_backup=True)
    assert files.backup_to_offer(path) == backup_path(path)
    assert files.backup_to_offer(backup_path(path)) is None  # a backup has no backup of its own
    backup_path(path).unlink()
    os.link(path, backup_path(path))  # left by a killed save: the same file, no older version to offer
    assert files.backup_to_offer(path) is None
    path.unlink()
    assert files.backup_to_offer(path) is None  # a missing file is not a damaged one
