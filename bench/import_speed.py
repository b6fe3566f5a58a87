"""Import speed: median time per HTML page and per PDF page on the corpus, against the bare extraction libraries,
and a generated 100-page PDF.

Run from the repository root:  .venv/bin/python bench/import_speed.py [--repeat N]

Each page is timed for Briefing's importer and for the library alone on the same bytes, interleaved, so both see
the same machine load; the best of N repeats counts. "Overhead" is Briefing's median over the library's median.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def html_pages() -> list[tuple[str, bytes]]:
    pages = [(p.parent.name, p.read_bytes()) for p in sorted((CORPUS / "readability").glob("*/source.html"))]
    pages += [(p.name, gzip.decompress(p.read_bytes())) for p in sorted((CORPUS / "html" / "aeb").glob("*.html.gz"))]
    pages += [(p.name, p.read_bytes()) for p in sorted((CORPUS / "html" / "trafilatura").glob("*.html"))]
    return pages


def bench_html(repeat: int) -> dict[str, float]:
    import trafilatura

    from briefing.importers import html as html_importer
    from briefing.importers import make_options

    ours, bare = [], []
    for name, data in html_pages():

        def run_ours(data: bytes = data, name: str = name) -> None:
            html_importer.import_bytes(data, name, make_options())

        def run_bare(data: bytes = data) -> None:
            trafilatura.bare_extraction(data, with_metadata=True)

        run_ours(), run_bare()  # warm caches and lazy imports
        ours.append(best_of(repeat, run_ours))
        bare.append(best_of(repeat, run_bare))
    return {
        "pages": len(ours),
        "ours_median": statistics.median(ours),
        "bare_median": statistics.median(bare),
        "ours_mean": statistics.mean(ours),
        "bare_mean": statistics.mean(bare),
    }


PASSWORDS = {"pypdf__encrypted-file.pdf": "test", "pypdf__crazyones-encrypted-256.pdf": "password"}  # corpus README


def make_long_pdf(path: Path, pages: int = 100) -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    text = (
        "The committee heard evidence on water allocation, reservoir levels and the cost of new storage. "
        "Witnesses disagreed on the pace of change but agreed that data sharing must improve. "
    )
    story = []
    for page in range(pages):
        story.append(Paragraph(f"Section {page + 1}: findings", styles["Heading2"]))
        story += [Paragraph(f"{page + 1}.{i} " + text * 2, styles["BodyText"]) for i in range(6)]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), title="Long report", author="Bench").build(story)


def bench_pdf(repeat: int) -> dict[str, float]:
    import io

    from pypdf import PdfReader

    from briefing.importers import SourceImportError, make_options
    from briefing.importers import pdf as pdf_importer

    per_page_ours, per_page_bare = [], []
    for path in sorted((CORPUS / "pdf").glob("*.pdf")):
        data = path.read_bytes()
        password = PASSWORDS.get(path.name)
        try:
            pages = pdf_importer.import_bytes(data, path.name, make_options(password=password)).meta.pages
        except SourceImportError:
            continue  # the scan: no text to time

        def run_ours(data: bytes = data, name: str = path.name, password: str | None = password) -> None:
            pdf_importer.import_bytes(data, name, make_options(password=password))

        def run_bare(data: bytes = data, password: str | None = password) -> None:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                reader.decrypt(password or "")
            for page in reader.pages:
                page.extract_text()

        per_page_ours.append(best_of(repeat, run_ours) / pages)
        per_page_bare.append(best_of(repeat, run_bare) / pages)

    with tempfile.TemporaryDirectory() as folder:
        long_pdf = Path(folder) / "long.pdf"
        make_long_pdf(long_pdf)
        data = long_pdf.read_bytes()
        pages = len(PdfReader(io.BytesIO(data)).pages)
        long_ours = best_of(repeat, lambda: pdf_importer.import_bytes(data, "long.pdf", make_options()))
        long_bare = best_of(repeat, lambda: [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages])
    return {
        "files": len(per_page_ours),
        "ours_median": statistics.median(per_page_ours),
        "bare_median": statistics.median(per_page_bare),
        "long_pages": pages,
        "long_ours": long_ours,
        "long_bare": long_bare,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per page (default 3)")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS.resolve()}", file=sys.stderr)
        return 2
    html = bench_html(args.repeat)
    pdf = bench_pdf(args.repeat)
    print("| measure | Briefing | bare library | overhead |")
    print("|---|---|---|---|")
    print(
        f"| HTML page, median ({html['pages']} pages; bare = trafilatura.bare_extraction with metadata) "
        f"| {html['ours_median'] * 1000:.0f} ms | {html['bare_median'] * 1000:.0f} ms "
        f"| {html['ours_median'] / html['bare_median']:.2f}x |"
    )
    print(
        f"| HTML page, mean | {html['ours_mean'] * 1000:.0f} ms | {html['bare_mean'] * 1000:.0f} ms "
        f"| {html['ours_mean'] / html['bare_mean']:.2f}x |"
    )
    print(
        f"| PDF page, median over {pdf['files']} corpus PDFs (bare = pypdf extract_text) "
        f"| {pdf['ours_median'] * 1000:.1f} ms | {pdf['bare_median'] * 1000:.1f} ms "
        f"| {pdf['ours_median'] / pdf['bare_median']:.2f}x |"
    )
    print(
        f"| generated {pdf['long_pages']}-page PDF, whole import | {pdf['long_ours']:.2f} s | {pdf['long_bare']:.2f} s "
        f"| {pdf['long_ours'] / pdf['long_bare']:.2f}x |"
    )
    ok = pdf["long_ours"] < 3.0
    print(f"\n100-page PDF under 3 s: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
