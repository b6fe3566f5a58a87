"""Filing benchmark: time to file one excerpt in a 1 MB source that already carries 2,000 highlights.

Measures what the analyst waits for: the operation, the undo stack, the note pane's new card, the source
highlight, the status bar, and the repaint, until the event queue is empty. Target: under 50 ms.

    .venv/bin/python bench/gui_filing.py [--files 30] [--excerpts 2000] [--megabytes 1]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BRIEFING_HOME", tempfile.mkdtemp(prefix="bench-gui-"))

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
    "agreement",
    "policy",
    "rights",
    "record",
    "government",
    "interests",
    "statement",
    "February",
    "interview",
]


def big_source(megabytes: float, seed: int = 1):
    from briefing.core.model import Source, SourceMeta
    from briefing.core.text import build_text

    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < megabytes * 1_000_000:
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 160))]
        paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text, blocks = build_text([("paragraph", 0, p) for p in paragraphs])
    return Source(id="src-big", text=text, blocks=blocks, meta=SourceMeta(title="Large report", format="text"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30, help="excerpts filed and timed")
    parser.add_argument("--excerpts", type=int, default=2000, help="excerpts already highlighted")
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from briefing.core.operations import AddSource, file_excerpt, new_excerpt
    from briefing.core.templates import load_catalog, new_briefing
    from briefing.gui.main_window import MainWindow

    source = big_source(args.megabytes)
    briefing = new_briefing(load_catalog().get("information-note"))
    AddSource(source).apply(briefing)
    rng = random.Random(2)
    sections = [s.id for s in briefing.sections]
    n = len(source.text)
    for i in range(args.excerpts):
        start = rng.randrange(0, n - 400)
        file_excerpt(sections[i % len(sections)], new_excerpt(source, start, start + rng.randint(20, 300))).apply(
            briefing
        )
    t0 = time.perf_counter()
    window = MainWindow(briefing)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    build = time.perf_counter() - t0
    print(
        f"source {len(source.text) / 1e6:.2f} MB, {len(source.blocks)} paragraphs, {args.excerpts} excerpts; "
        f"window built and shown in {build:.2f} s"
    )

    timings, undo_timings = [], []
    for i in range(args.files):
        start = rng.randrange(0, n - 400)
        window.source_view.select_offsets(start, start + 120)
        app.processEvents()
        t = time.perf_counter()
        change = window.notes.file_into(sections[i % len(sections)])
        app.processEvents()
        timings.append((time.perf_counter() - t) * 1000)
        assert change is not None
    for _ in range(min(10, args.files)):
        t = time.perf_counter()
        window.document.undo_stack.undo()
        app.processEvents()
        undo_timings.append((time.perf_counter() - t) * 1000)
    timings.sort()
    print(
        f"file an excerpt: median {statistics.median(timings):.1f} ms, "
        f"90th percentile {timings[int(len(timings) * 0.9) - 1]:.1f} ms, max {timings[-1]:.1f} ms (target < 50 ms)"
    )
    print(f"undo a filing:   median {statistics.median(undo_timings):.1f} ms, max {max(undo_timings):.1f} ms")
    window.document.mark_saved(Path(tempfile.gettempdir()) / "unused.briefing")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
