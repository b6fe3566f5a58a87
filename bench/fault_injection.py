"""Fault injection, the long run: stale-lock races, kill -9 while holding the lock, and fuzzing of the loader and of
each importer (the same mutations as tests/fault, many more of them). Prints the figures for the README.

    PYTHONPATH=. .venv/bin/python bench/fault_injection.py [--races N] [--kills N] [--briefings N] [--imports N]

Targets (issue 12): 0 lost updates in 1,000 stale-lock races; every hostile file refused or handled in <= 5 s and
<= 500 MB; opening (loading and checking) any fuzzed file never takes more than a second.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fault import fuzzing  # noqa: E402
from tests.fault.lock_race import kills, race  # noqa: E402

# Load and check one file in a fresh process: its own time and peak memory.
_OPEN = """
import resource, sys, time
from briefing.core.anchors import check_anchors
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
started = time.perf_counter()
try:
    reports = check_anchors(load_briefing(sys.argv[1]), budget_s=1.0)
    outcome = "loaded; " + ", ".join(sorted({r.status for r in reports})) if reports else "loaded"
except ProjectFileError as exc:
    outcome = "refused: " + str(exc)[:110]
print(f"{time.perf_counter() - started:.2f}\\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}\\t{outcome}")
"""


def reanchoring(folder: Path) -> None:
    """The re-anchoring shapes of tests/core/test_anchors_bounded.py, with no time budget: the whole cost."""
    from briefing.core.anchors import check_anchors
    from briefing.core.model import Anchor, Briefing, Excerpt, Section, Source, TitleBlock
    from briefing.core.project_load import load_briefing
    from briefing.core.project_save import save_briefing

    def briefing(text: str, anchors: list[Anchor]) -> Briefing:
        items = [Excerpt(id=f"e{i}", source_id="s", anchor=a) for i, a in enumerate(anchors)]
        section = Section(id="background", heading="Background", items=items)
        return Briefing("information-note", TitleBlock(), [section], [Source(id="s", text=text)])

    copies = [Anchor("ab ab", "x" * 32, "y" * 32, i * 30 + 1, i * 30 + 6) for i in range(40)]
    text = "a  b " * 200_000 + " ".join(f"word{i % 40:02d}" for i in range(100_000))
    words = " ".join(f"word{i:02d}" for i in range(40)) + " zz"
    mixed = [Anchor("a b", "", "", i, i + 3) for i in range(1, 400, 4)] + [Anchor(words, "", "", 5, 10)] * 100
    print("\nre-anchoring with no time budget (load, then check every excerpt):")
    for name, made in (
        ("many copies of each quote", briefing("ab " * 300_000, copies)),
        ("folded and fuzzy", briefing(text, mixed)),
    ):
        path = folder / "anchors.briefing"
        save_briefing(made, path)
        started = time.perf_counter()
        reports = check_anchors(load_briefing(path), budget_s=600)
        statuses = ", ".join(sorted({r.status for r in reports}))
        print(f"  {name}: {path.stat().st_size // 1024} KB file, {len(reports)} excerpts, "
              f"{time.perf_counter() - started:.2f} s ({statuses})")  # fmt: skip


def fuzz_briefings(folder: Path, trials: int) -> fuzzing.Tally:
    tally = fuzzing.Tally()
    seed = fuzzing.seed_briefing()
    for trial in range(trials):
        rng = random.Random(trial)
        outcome, seconds, _ = fuzzing.load_case(folder, fuzzing.mutate_briefing(seed, rng))
        tally.add(outcome, seconds, f"briefing seed {trial}")
    return tally


def fuzz_imports(trials: int) -> dict[str, fuzzing.Tally]:
    tallies = {}
    for suffix, seeds in sorted(fuzzing.importer_seeds().items()):
        tally = fuzzing.Tally()
        for trial in range(trials):
            rng = random.Random(trial)
            name, data = rng.choice(seeds)
            outcome, seconds = fuzzing.import_case(suffix, name, fuzzing.mutate_import(name, data, rng))
            tally.add(outcome, seconds, f"{suffix} seed {trial} ({name})")
        tallies[suffix] = tally
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--races", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--briefings", type=int, default=2000)
    parser.add_argument("--imports", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.races:
            started = time.perf_counter()
            lost, nobody = race(folder, args.races)
            print(f"stale-lock races: {args.races} trials, {lost} lost updates, {nobody} with no winner "
                  f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
        if args.kills:
            blocked = kills(folder, args.kills)
            print(f"kill -9 while taking and releasing the lock: {args.kills} trials, {blocked} left a lock that "
                  "blocked the next taker")  # fmt: skip
        reanchoring(folder)
        print("\nhostile files (each in a fresh process; time to load and check, peak memory):")
        print("| file | time | peak memory | outcome |\n|---|---|---|---|")
        env = dict(os.environ, PYTHONPATH=str(REPO))
        for name, data in fuzzing.hostile_briefings().items():
            path = folder / "hostile.briefing"
            path.write_bytes(data)
            line = subprocess.run(
                [sys.executable, "-c", _OPEN, str(path)], capture_output=True, text=True, env=env, timeout=600
            )
            seconds, memory, outcome = (line.stdout.strip() or f"?\t?\tcrashed: {line.stderr[-200:]}").split("\t", 2)
            print(f"| {name} ({len(data) // 1024} KB) | {seconds} s | {memory} MB | {outcome} |")
        print("\nfuzzing (mutations of real files; trials, loaded, refused with a clear message, failures, worst):")
        print("| input | trials | loaded | refused | failures | worst time |\n|---|---|---|---|---|---|")
        tallies = {".briefing": fuzz_briefings(folder, args.briefings)} if args.briefings else {}
        if args.imports:
            tallies |= fuzz_imports(args.imports)
        for name, tally in tallies.items():
            print(f"| {name} | {tally.trials} | {tally.loaded} | {tally.refused} | {len(tally.failures)} | "
                  f"{tally.worst_s:.2f} s ({tally.worst_case}) |")  # fmt: skip
        for name, tally in tallies.items():
            for failure in tally.failures[:10]:
                print(f"  FAILURE {name}: {failure}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"\npeak memory of this process (the fuzzing): {peak} MB")


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # figures as they come, even into a file
    main()
