"""Fault injection: a process saving a briefing over and over is killed (kill -9) at random moments; after each kill
the file must load and be the last save the process confirmed or the one it was making, its .bak must load, and the
temporary files the kills left must go with the next save made once they are abandoned.

A few trials run in the normal suite (tests/core/test_files.py); the long run is on demand, its figures in README:

    PYTHONPATH=$PWD .venv/bin/python -m tests.core.save_kills --trials 1000
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core import files
from briefing.core.files import backup_path, temp_prefix
from briefing.core.model import Source, SourceMeta
from briefing.core.operations import AddSource
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
from briefing.core.templates import load_catalog, new_briefing
from briefing.core.text import build_text

# The saving process: loads the briefing, then saves version n+1, n+2, ... (the version is the title), printing each
# version once save_briefing() has returned, i.e. once the save is confirmed to the caller.
CHILD = """
import sys, time
from briefing.core.project_load import load_briefing
from briefing.core.project_save import save_briefing
path = sys.argv[1]
briefing = load_briefing(path)
version = int(briefing.title_block.title)
print("ready", flush=True)
while True:
    version += 1
    briefing.title_block.title = str(version)
    started = time.perf_counter()
    save_briefing(briefing, path)
    print(version, time.perf_counter() - started, flush=True)
"""


@dataclass
class Figures:
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    saves: int = 0  # confirmed saves, all trials together
    worst_save_s: float = 0.0
    kills_leaving_temporaries: int = 0  # kills after which a new temporary file was beside the briefing
    temporaries_left: int = 0  # at the end, not yet removed by a later save
    temporaries_after_cleanup: int = 0  # after one more save, once they are abandoned

    def summary(self) -> str:
        return (
            f"{self.trials} kills, {len(self.failures)} corrupt or lost saves, {self.saves} confirmed saves, "
            f"worst save {self.worst_save_s:.3f} s; {self.kills_leaving_temporaries} kills left a temporary file, "
            f"{self.temporaries_left} still there at the end, {self.temporaries_after_cleanup} after the next save"
        )


def sample_briefing(paragraphs: int = 2_000):
    """About 0.5 MB on disk: big enough that a kill often lands in the middle of writing it."""
    rng = random.Random(7)
    words = [
        "talks",
        "minister",
        "sanctions",
        "embassy",
        "Tehran",
        "Ottawa",
        "officials",
        "agreement",
        "regional",
        "trade",
    ]
    lines = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(paragraphs)]
    text, blocks = build_text(("paragraph", 0, line) for line in lines)
    briefing = new_briefing(load_catalog().get("information-note"), title="0")
    meta = SourceMeta(title="Kill test", publisher="Test", published="2016-04-15", format="text")
    AddSource(Source(id="src-a", text=text, blocks=blocks, meta=meta)).apply(briefing)
    return briefing


def _temporaries(path: Path) -> list[Path]:
    return [p for p in path.parent.iterdir() if p.name.startswith(temp_prefix(path)) and p.name.endswith(".tmp")]


def kill_saves(
    trials: int, folder: Path, *, seed: int = 1, max_delay_s: float = 0.3, progress: bool = False
) -> Figures:
    rng = random.Random(seed)
    path = folder / "killed.briefing"
    save_briefing(sample_briefing(), path)
    figures = Figures()
    for trial in range(trials):
        if progress and trial and trial % 100 == 0:
            print(f"{trial} kills, {len(figures.failures)} failures", flush=True)
        temporaries = set(_temporaries(path))
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        ready = child.stdout.readline()
        if ready.strip() != "ready":
            child.kill()
            raise RuntimeError(f"the saving process did not start: {ready}{child.communicate()[1]}")
        before = int(load_briefing(path).title_block.title)  # nobody else writes it: stable while the child loads
        time.sleep(rng.uniform(0, max_delay_s))
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up of any kind
        out, _ = child.communicate()
        confirmed = before
        for line in out.splitlines():
            version, seconds = line.split()
            confirmed = int(version)
            figures.saves += 1
            figures.worst_save_s = max(figures.worst_save_s, float(seconds))
        figures.trials += 1
        figures.kills_leaving_temporaries += bool(set(_temporaries(path)) - temporaries)
        try:
            on_disk = int(load_briefing(path).title_block.title)
            if backup_path(path).exists():
                load_briefing(backup_path(path))
        except ProjectFileError as exc:
            figures.failures.append(f"trial {trial}: corrupt: {exc}")
            save_briefing(sample_briefing(), path)  # go on from a good file
            continue
        if on_disk not in (confirmed, confirmed + 1):  # the last confirmed save, or the one being made
            figures.failures.append(f"trial {trial}: version {on_disk} on disk, {confirmed} confirmed")
    figures.temporaries_left = len(_temporaries(path))
    if figures.temporaries_left:
        newest = max(p.stat().st_mtime for p in _temporaries(path))
        time.sleep(max(0.0, newest + files.ABANDONED_AFTER_S + 0.1 - time.time()))
        briefing = load_briefing(path)
        save_briefing(briefing, path)  # the next save of the file
    figures.temporaries_after_cleanup = len(_temporaries(path))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        figures = kill_saves(args.trials, Path(folder), seed=args.seed, progress=True)
    print(figures.summary() + f"; {time.perf_counter() - started:.0f} s in all")
    for failure in figures.failures:
        print(" ", failure)
    sys.exit(1 if figures.failures or figures.temporaries_after_cleanup else 0)


if __name__ == "__main__":
    main()
