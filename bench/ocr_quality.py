"""OCR quality and speed on clean 200 dpi scans of printed pages, English and French.

Run from the repository root:  .venv/bin/python bench/ocr_quality.py [--dpi 200] [--markdown]

The pages are made here from known text (tests/importers/scans.py: reportlab prints each page in 11 pt Times,
pdftoppm rasterises it in greyscale), then imported as PNG files through Briefing's importer (eng+fra, as the app
does). Quality: bag-of-words F1 of each page's text against the known text (case-folded, punctuation dropped).
Speed: seconds per page, in CPU time of this process and its threads (time.process_time: on a shared machine,
time spent waiting for a core is not OCR's) and in wall-clock time, the engine's start-up included.
Targets (issue 15): F1 >= 0.95 in both languages; <= 2 s per page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.importers import import_file  # noqa: E402
from tests.importers.scans import DPI, PAGES, scans, word_f1  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for language, texts in PAGES.items():
            scores, cpu, wall = [], [], []
            for number, (text, image) in enumerate(zip(texts, scans(texts, args.dpi), strict=True), start=1):
                path = Path(folder) / f"{language}-{number}.png"
                image.save(path)
                start_cpu, start_wall = time.process_time(), time.perf_counter()
                source = import_file(path)
                cpu.append(time.process_time() - start_cpu)
                wall.append(time.perf_counter() - start_wall)
                scores.append(word_f1(source.text, text))
            rows.append(
                (
                    language,
                    len(texts),
                    min(scores),
                    statistics.mean(scores),
                    statistics.mean(cpu),
                    max(cpu),
                    statistics.mean(wall),
                )
            )
    header = ("language", "pages", "F1 min", "F1 mean", "CPU s/page", "CPU s max", "wall s/page")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for language, pages, low, mean, cpu_mean, cpu_max, wall_mean in rows:
            print(
                f"| {language} | {pages} | {low:.3f} | {mean:.3f} | {cpu_mean:.2f} | {cpu_max:.2f} | {wall_mean:.2f} |"
            )
    else:
        print(f"{args.dpi} dpi, eng+fra")
        print("  ".join(f"{h:>11}" for h in header))
        for language, pages, low, mean, cpu_mean, cpu_max, wall_mean in rows:
            values = (
                language,
                pages,
                f"{low:.3f}",
                f"{mean:.3f}",
                f"{cpu_mean:.2f}",
                f"{cpu_max:.2f}",
                f"{wall_mean:.2f}",
            )
            print("  ".join(f"{v:>11}" for v in values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
