"""Benchmark: save and load of a large briefing (20 sources of ~50,000 words, 1,000 excerpts).

Later saves (and the first save after a load) reuse the compressed bytes of unchanged sources, so the
first save of freshly imported sources is reported on its own: as it is in the app, where the import worker has
compressed each new source ("prepared s", off the GUI thread), and with nothing prepared.

    .venv/bin/python bench/project_io.py

Targets: save and load under 0.3 s each on a 2-core machine; file size at most 1.2x the zipped source
texts (measured in the same run: the texts alone in a zip at the same compression level).
"""

from __future__ import annotations

import io
import random
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

from briefing.core.model import Source, SourceMeta
from briefing.core.operations import AddSource, add_note, file_excerpt, new_excerpt
from briefing.core.project import PartCache
from briefing.core.project_load import load_briefing
from briefing.core.project_save import prepare_source_parts, save_briefing
from briefing.core.templates import load_catalog, new_briefing
from briefing.core.text import build_text

SOURCES, WORDS, EXCERPTS, RUNS = 20, 50_000, 1_000, 5


def make_briefing(with_originals: bool):
    rng = random.Random(42)
    sample = Path(__file__).resolve().parents[1] / "resources" / "demo" / "canada-iran-talks.txt"
    vocabulary = sample.read_text(encoding="utf-8").split()
    briefing = new_briefing(load_catalog().get("gc-briefing-note"), title="Benchmark")
    for index in range(SOURCES):
        words = [rng.choice(vocabulary) for _ in range(WORDS)]
        paragraphs = [" ".join(words[i : i + 120]) for i in range(0, WORDS, 120)]
        text, blocks = build_text(("paragraph", 0, p) for p in paragraphs)
        original = "\n\n".join(paragraphs).encode("utf-8") if with_originals else None
        meta = SourceMeta(title=f"Source {index}", file_name=f"source-{index}.txt", encoding="utf-8", format="text")
        AddSource(Source(id=f"src-{index:02d}", text=text, blocks=blocks, meta=meta, original=original)).apply(briefing)
    sections = [s.id for s in briefing.sections]
    for number in range(EXCERPTS):
        source = rng.choice(briefing.sources)
        start = rng.randrange(0, len(source.text) - 400)
        excerpt = new_excerpt(source, start, start + rng.randrange(80, 400), comment=f"comment {number}")
        file_excerpt(rng.choice(sections), excerpt).apply(briefing)
        if number % 10 == 0:
            add_note(rng.choice(sections), f"Analyst note {number}").apply(briefing)
    return briefing


def zipped_texts_size(briefing) -> int:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for source in briefing.sources:
            zf.writestr(f"{source.id}.txt", source.text.encode("utf-8"))
    return len(buffer.getvalue())


def timed(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print(f"{SOURCES} sources x {WORDS:,} words, {EXCERPTS:,} excerpts; median of {RUNS} runs")
    print(
        f"{'':18} {'1st save s':>10} {'prepared s':>10} {'then 1st':>8} {'save s':>8} {'load s':>8} {'file MB':>8}"
        f" {'texts zip MB':>13} {'ratio':>6}"
    )
    for with_originals in (False, True):
        briefing = make_briefing(with_originals)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.briefing"
            # In the app, the import worker compresses each new source (off the GUI thread); the first save
            # then only writes. Both are timed, and the first save without that preparation too.
            cache = PartCache()  # as the window's document has
            start = time.perf_counter()
            for source in briefing.sources:
                prepare_source_parts(source, cache)
            prepared_s = time.perf_counter() - start
            start = time.perf_counter()
            save_briefing(briefing, path, cache=cache)
            first_prepared_s = time.perf_counter() - start
            cache = PartCache()  # the first save of sources nobody prepared compresses every part
            start = time.perf_counter()
            save_briefing(briefing, path, cache=cache)
            first_s = time.perf_counter() - start
            save_s = timed(lambda b=briefing, p=path, c=cache: save_briefing(b, p, cache=c))
            load_s = timed(lambda p=path, c=cache: load_briefing(p, c))
            assert load_briefing(path) == briefing
            size, baseline = path.stat().st_size, zipped_texts_size(briefing)
        label = "texts + originals" if with_originals else "texts only"
        timings = f"{first_s:10.3f} {prepared_s:10.3f} {first_prepared_s:8.3f} {save_s:8.3f} {load_s:8.3f}"
        print(f"{label:18} {timings} {size / 1e6:8.2f} {baseline / 1e6:13.2f} {size / baseline:6.2f}")


if __name__ == "__main__":
    main()
