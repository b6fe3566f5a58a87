"""Page count speed: count_pages (the PDF export's layout, nothing written) against writing the PDF itself.

Run on demand (not part of the tests):  .venv/bin/python bench/page_count.py [--runs 7]
Targets: a two-page note within 100 ms, a 300-item note within 0.5 s (the window counts on a worker thread).
Times are CPU time, median of --runs; the later counts of a note reuse its paragraphs' markup, as the window's do.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from export_speed import big_briefing  # noqa: E402

from briefing.core.templates import load_catalog  # noqa: E402
from briefing.demo import demo_briefing  # noqa: E402
from briefing.export import build_tree, render  # noqa: E402
from briefing.export.pages import count_pages  # noqa: E402


def timed(fn: object, runs: int) -> list[float]:
    """CPU seconds of each run: on a machine shared with other work, wall-clock times mostly measure the others."""
    out = []
    for _ in range(runs):
        start = time.process_time()
        fn()  # type: ignore[operator]
        out.append(time.process_time() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()
    catalog = load_catalog()
    notes = [
        ("demo note", demo_briefing(catalog)),
        ("300 items", big_briefing(300)),
        ("300 items, Arabic and Chinese", big_briefing(300, scripts=True)),
    ]
    start = time.process_time()
    count_pages(notes[0][1], catalog.get(notes[0][1].template))
    print(f"first count in the process (ReportLab and fonts load): {time.process_time() - start:.3f} s CPU")
    for name, briefing in notes:
        template = catalog.get(briefing.template)
        count = count_pages(briefing, template)
        counting = timed(lambda b=briefing, t=template: count_pages(b, t), opts.runs)
        writing = timed(lambda b=briefing, t=template: render(build_tree(b, t), ".pdf"), opts.runs)
        c, w = statistics.median(counting), statistics.median(writing)
        print(f"{name} ({count.pages} pages): count {c * 1000:.0f} ms CPU, PDF {w * 1000:.0f} ms ({c / w:.2f}x)")


if __name__ == "__main__":
    main()
