"""Autosave benchmark: how long the GUI thread stalls while the recovery copy of a big briefing is written.

A briefing of 30,000 paragraphs (10 sources) with 1,000 excerpts is open and unsaved. For each autosave the GUI
thread's own time in autosave() is measured (the snapshot), and, while the worker thread writes the copy, the
longest gap between ticks of a 1 ms timer on the GUI thread (what the analyst would feel as a freeze). The write
done directly on the GUI thread, as autosave did before, is measured for comparison. First runs compress the
sources; later runs reuse the compressed bytes, as in the app. Target: no stall above 50 ms (the filing target),
and stalls while the worker writes close to those with nothing running, measured in the same run (issue 16).

    .venv/bin/python bench/autosave.py [--paragraphs 30000] [--excerpts 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRIEFING_HOME", tempfile.mkdtemp(prefix="bench-autosave-"))

WORDS = [
    "minister",
    "talks",
    "embassy",
    "sanctions",
    "official",
    "level",
    "neutral",
    "territory",
    "Tehran",
    "Ottawa",
    "diplomats",
    "relations",
]


def make_briefing(paragraphs: int, excerpts: int):
    from briefing.core.model import Source, SourceMeta
    from briefing.core.operations import AddSource, file_excerpt, new_excerpt
    from briefing.core.templates import load_catalog, new_briefing
    from briefing.core.text import build_text

    rng = random.Random(3)
    briefing = new_briefing(load_catalog().get("information-note"), title="Autosave benchmark")
    per_source = paragraphs // 10
    for index in range(10):
        lines = [" ".join(rng.choice(WORDS) for _ in range(30)) for _ in range(per_source)]
        text, blocks = build_text(("paragraph", 0, line) for line in lines)
        meta = SourceMeta(title=f"Source {index}", publisher="Bench", published="2016-04-15", format="text")
        AddSource(Source(id=f"src-{index}", text=text, blocks=blocks, meta=meta)).apply(briefing)
    for n in range(excerpts):
        source = briefing.sources[n % 10]
        start = rng.randrange(0, len(source.text) - 200)
        file_excerpt("background", new_excerpt(source, start, start + 120)).apply(briefing)
    return briefing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=30_000)
    parser.add_argument("--excerpts", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QTimer

    from briefing.gui.app import application
    from briefing.gui.main_window import MainWindow

    app = application()
    briefing = make_briefing(args.paragraphs, args.excerpts)
    window = MainWindow(briefing)
    window.document.mark_dirty()
    files = window.files
    files.autosave_timer.stop()

    def on_gui_thread() -> float:
        started = time.perf_counter()
        files.store.write(briefing.note_copy(), None, None, window.document.parts)
        return time.perf_counter() - started

    def longest_gap(work: Callable[[], object], until: Callable[[], bool]) -> tuple[float, float]:
        """(time in work(), longest gap between the GUI thread's 1 ms ticks from work() until until())."""
        clock, worst = QElapsedTimer(), [0]
        ticker = QTimer(interval=1)

        def tick() -> None:
            worst[0] = max(worst[0], clock.restart())

        ticker.timeout.connect(tick)
        ticker.start()
        app.processEvents()
        clock.start()
        started = time.perf_counter()
        work()
        in_call = time.perf_counter() - started
        while not until():
            app.processEvents()
        ticker.stop()
        return in_call, worst[0] / 1000

    def off_gui_thread() -> tuple[float, float]:
        files._autosaved = None  # write again
        return longest_gap(files.autosave, lambda: files._autosave_job is None)

    def idle() -> float:
        """The same measure with nothing running: what the machine's load alone costs (a baseline)."""
        end = time.perf_counter() + 0.5
        return longest_gap(lambda: None, lambda: time.perf_counter() > end)[1]

    rows = []
    for label, cold in (("first (compresses the sources)", True), ("later (sources already compressed)", False)):
        sync, calls, stalls, idles = [], [], [], []
        for _ in range(args.runs):
            if cold:
                window.document.parts.clear()
            sync.append(on_gui_thread())
            if cold:
                window.document.parts.clear()
            call, stall = off_gui_thread()
            calls.append(call)
            stalls.append(stall)
            idles.append(idle())
        rows.append((label, sync, calls, stalls, idles))
    size = files.store.file.stat().st_size / 1e6
    print(f"{args.paragraphs:,} paragraphs, {args.excerpts:,} excerpts, recovery copy {size:.1f} MB, {args.runs} runs")
    print(
        "| autosave | written on the GUI thread (before) | GUI thread in autosave() "
        "| longest GUI stall while the worker writes | longest GUI stall, nothing running |"
    )
    print("|---|---|---|---|---|")

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms (max {max(values) * 1000:.0f})"

    for label, sync, calls, stalls, idles in rows:
        print(f"| {label} | {ms(sync)} | {ms(calls)} | {ms(stalls)} | {ms(idles)} |")
    files.shutdown()


if __name__ == "__main__":
    main()
