"""The stale-lock race, shared by tests/fault/test_lock_race.py and bench/fault_injection.py.

Two processes meet a lock left by a dead process, at the same moment. Each that takes the lock holds it for a
while and then releases it; a trial is lost when both held it at once (both would have saved: one change gone).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from briefing.core.lock import BriefingLock, LockedError, lock_path

HOLD_S = 0.03


def _taker(
    path: str, start: multiprocessing.synchronize.Barrier, holders: multiprocessing.sharedctypes.Synchronized
) -> None:
    start.wait()
    lock = BriefingLock(path)
    try:
        lock.acquire()
    except LockedError:
        os._exit(1)
    with holders.get_lock():
        holders.value += 1
        if holders.value > 1:
            holders.value += 100  # two held it at once: remembered even after one lets go
    time.sleep(HOLD_S)
    with holders.get_lock():
        holders.value -= 1
    lock.release()
    os._exit(0)


# One process that takes and releases the lock as fast as it can, until it is killed.
HOLDER = """
import sys
from briefing.core.lock import BriefingLock
lock = BriefingLock(sys.argv[1])
print("ready", flush=True)
while True:
    lock.acquire()
    lock.release()
"""


def kills(folder: Path, trials: int, seed: int = 7) -> int:
    """Kill -9 a process that keeps taking the lock, at a random moment: how often the next taker was refused
    (a lock left half-written, or one whose dead owner was not recognised)."""
    blocked = 0
    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    for trial in range(trials):
        path = folder / f"kill-{trial}.briefing"
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, env=env)
        assert holder.stdout is not None
        holder.stdout.readline()
        time.sleep(rng.uniform(0, 0.05))
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
        try:
            with BriefingLock(path):
                pass
        except LockedError:
            blocked += 1
    return blocked


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    context = multiprocessing.get_context("fork")
    child = context.Process(target=os._exit, args=(0,))
    child.start()
    child.join()
    assert child.pid is not None
    return child.pid


def race(folder: Path, trials: int, takers: int = 2) -> tuple[int, int]:
    """(trials where two takers held the lock at once, trials where nobody got it)."""
    context = multiprocessing.get_context("fork")  # fork: both takers start in milliseconds
    lost = nobody = 0
    pid = dead_pid()
    for trial in range(trials):
        path = folder / f"race-{trial}.briefing"
        path.write_bytes(b"")
        now = time.time()
        stale = {"user": "crashed", "host": socket.gethostname(), "pid": pid, "since": now, "refreshed": now}
        lock_path(path).write_text(json.dumps(stale), encoding="utf-8")
        start = context.Barrier(takers)
        holders = context.Value("i", 0)
        processes = [context.Process(target=_taker, args=(str(path), start, holders)) for _ in range(takers)]
        for process in processes:
            process.start()
        for process in processes:
            process.join(30)
        winners = sum(process.exitcode == 0 for process in processes)
        lost += holders.value >= 100
        nobody += winners == 0
        leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith(f".~lock.{path.name}"))
        assert leftovers == [], leftovers  # no lock, guard or temporary file left behind
    return lost, nobody
