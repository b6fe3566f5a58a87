"""Export speed: a 300-excerpt briefing to DOCX, PDF and Markdown, against pandoc on the same content.

Run on demand (not part of the tests):  .venv/bin/python bench/export_speed.py [--excerpts 300] [--runs 5]
Prints in-process times (as the GUI exports), cold command-line times, and pandoc's Markdown -> DOCX time.
--scripts repeats an Arabic and a Chinese quotation; --distinct builds the note as an analyst would, every Arabic
and Chinese quotation different (read from the public test corpus, ../shared/corpus or --corpus; the bench says
so and stops when it is not there).

The cold processes run with compiled bytecode, as an installed Briefing has (pip and the bundle ship .pyc files):
PYTHONDONTWRITEBYTECODE, when set, is dropped for them, the bytecode goes to a temporary PYTHONPYCACHEPREFIX,
and one unmeasured run of each command compiles it. The cold commands and pandoc take turns run by run, so that
other work on a shared machine disturbs each of them alike.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.core.model import Briefing, Excerpt, Note, Source, SourceMeta  # noqa: E402
from briefing.core.operations import AddSource, new_excerpt  # noqa: E402
from briefing.core.project_save import save_briefing  # noqa: E402
from briefing.core.templates import load_catalog  # noqa: E402
from briefing.core.text import build_text  # noqa: E402
from briefing.demo import demo_briefing  # noqa: E402
from briefing.export import export_briefing  # noqa: E402

NOTE = (
    "Analyst's note: officials expect the next round of talks to follow the same pattern, with a first meeting of "
    "officials in a neutral country and no change to the listing under the State Immunity Act in the short term."
)


# --scripts: every third quotation in Arabic or Chinese, from a second source (right-to-left shaping and font fallback)
FOREIGN = [
    "وقال وزير الخارجية إن المحادثات بدأت على المستوى الرسمي، وإن إعادة فتح السفارة ليست خطوة أولى، "
    "وإن كندا ستواصل العمل خطوة بخطوة في بلد محايد.",
    "外交部长表示，双方已在官方层面开始会谈，但重开大使馆并不是第一步；加拿大将在中立国家逐步推进对话。",
]


# --scripts --distinct: a note as an analyst builds it, every quotation different: of each three, one of the demo's,
# one Arabic, one Chinese, each of whole sentences (or clauses) of real prose from the public test corpus, which is
# read where it lies and never copied into the repository (its pages belong to their publishers)
CORPUS = ROOT.parent / "shared" / "corpus"
ARABIC_FILES = (  # the corpus's only Arabic prose: an article on the Maghreb's names, a news report (Windows-1256)
    "text/charset_normalizer__sample-arabic-1.txt",
    "text/chardet__windows-1256-arabic___chromium_windows-1256_with_no_encoding_specified.html",
)
CHINESE_FILES = (  # news articles (UTF-8)
    "readability/youth/expected.html",
    "html/trafilatura/trafilatura__xinhuanet.com.c_1125597921.html",
    "html/aeb/aeb__85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3.html.gz",
)


def _corpus_text(corpus: Path, name: str, encoding: str) -> str:
    data = (corpus / name).read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    page = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", data.decode(encoding, "replace"))
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def arabic_quotations(corpus: Path, count: int) -> list[str]:
    """`count` different quotations of 30-60 words of the corpus's Arabic prose, each starting at a clause (after a
    full stop, comma or colon) and taking whole clauses, or cut at a word with an ellipsis as analysts do (the
    corpus has only some 230 words of Arabic prose: its vocabulary is far smaller than 100 real quotations')."""
    clauses: list[str] = []
    for name in ARABIC_FILES:
        text = " ".join(_corpus_text(corpus, name, "cp1256").split()).replace("...", ".")
        clauses += [c for c in re.split(r"(?<=[.،:؟])\s+", text) if re.search("[\u0621-\u064a]", c)]
    words = [(word, n) for n, clause in enumerate(clauses) for word in clause.split()]
    starts = [i for i, (_, n) in enumerate(words) if i == 0 or words[i - 1][1] != n]
    out: list[str] = []
    for k in range(count):
        start, length = starts[k % len(starts)], 30 + (k * 7 + k // len(starts) * 11) % 31
        taken = [words[(start + i) % len(words)] for i in range(length)]
        ended = taken[-1][1] != words[(start + length) % len(words)][1]  # a whole clause last
        out.append(" ".join(w for w, _ in taken) + ("" if ended else " …"))
    if len(set(out)) < count:
        raise SystemExit(f"the corpus's Arabic gives only {len(set(out))} different quotations")
    return out


def chinese_quotations(corpus: Path, count: int) -> list[str]:
    """`count` different quotations of 60-150 characters, each a run of whole sentences of the corpus's Chinese
    news articles."""
    sentences: list[str] = []
    for name in CHINESE_FILES:
        for sentence in re.split(r"(?<=[。！？])", _corpus_text(corpus, name, "utf-8")):
            sentence = "".join(sentence.split())
            if len(re.findall("[\u4e00-\u9fff]", sentence)) >= 8 and sentence not in sentences:
                sentences.append(sentence)
    out: list[str] = []
    for k in range(count * 20):
        start, target = (k * 3) % len(sentences), 60 + (k * 11) % 91
        quotation, i = "", start
        while len(quotation) < target:
            quotation += sentences[i % len(sentences)]
            i += 1
        if len(quotation) <= 150 and quotation not in out:
            out.append(quotation)
        if len(out) == count:
            return out
    raise SystemExit(f"the corpus's Chinese gives only {len(out)} different quotations")


def big_briefing(excerpts: int, scripts: bool = False, distinct: Path | None = None) -> Briefing:
    """The demo briefing with its excerpts repeated, a note after every second one, up to `excerpts` quotations;
    with scripts, every third one is an Arabic or Chinese passage of another source; with distinct (the corpus),
    two of every three are, each a different Arabic or Chinese passage."""
    briefing = demo_briefing()
    originals = [(s.id, e) for s, e in briefing.excerpts()]
    if distinct is not None:
        third = (excerpts + 2) // 3
        foreign_texts = [
            text
            for pair in zip(arabic_quotations(distinct, third), chinese_quotations(distinct, third), strict=True)
            for text in pair
        ]
        text, blocks = build_text([("paragraph", 0, p) for p in foreign_texts])
        source = Source(id="src-foreign", text=text, blocks=blocks, meta=SourceMeta(title="وكالة الأنباء 新闻社"))
        AddSource(source).apply(briefing)
        foreign = [new_excerpt(source, b.start, b.end) for b in source.blocks]
        originals = [
            item
            for n in range(third)
            for pair in [originals[n % len(originals)]]
            for item in (pair, (pair[0], foreign[2 * n]), (pair[0], foreign[2 * n + 1]))
        ]
    elif scripts:
        text, blocks = build_text([("paragraph", 0, p) for p in FOREIGN])
        source = Source(id="src-foreign", text=text, blocks=blocks, meta=SourceMeta(title="وكالة الأنباء 新闻社"))
        AddSource(source).apply(briefing)
        foreign = [new_excerpt(source, b.start, b.end) for b in source.blocks]
        originals = [
            item
            for n, pair in enumerate(originals)
            for item in ([pair] + ([(pair[0], foreign[n // 2 % 2])] if n % 2 else []))  # Arabic, Chinese in turn
        ]
    for section in briefing.sections:
        section.items = []
    for n in range(excerpts):
        section_id, excerpt = originals[n % len(originals)]
        item = copy.deepcopy(excerpt)
        item.id = f"x-{n}"
        briefing.section(section_id).items.append(item)
        if n % 2 == 1:
            briefing.section(section_id).items.append(Note(id=f"n-{n}", text=NOTE))
    assert sum(isinstance(i, Excerpt) for s in briefing.sections for i in s.items) == excerpts
    return briefing


CLOCK = "wall"  # --cpu: CPU seconds of this process and the processes it ran, which other work on a shared
# machine disturbs far less than wall-clock time


def _now() -> float:
    if CLOCK == "wall":
        return time.perf_counter()
    import resource  # Unix only, as --cpu is

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(fn: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = _now()
        fn()  # type: ignore[operator]
        out.append(_now() - start)
    return out


def fmt(times: list[float]) -> str:
    return f"median {statistics.median(times):.3f} s (min {min(times):.3f}, n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--excerpts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scripts", action="store_true", help="every third quotation in Arabic or Chinese")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="two of every three quotations Arabic or Chinese, each different, read from the public test corpus",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the public test corpus (default {CORPUS})")
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of wall-clock time (Unix)")
    parser.add_argument("--no-bytecode", action="store_true", help="no .pyc for Briefing's own modules")
    opts = parser.parse_args()
    global CLOCK
    CLOCK = "cpu" if opts.cpu else "wall"
    distinct = None
    if opts.distinct:
        if not (opts.corpus / "MANIFEST.tsv").is_file():
            raise SystemExit(
                f"--distinct reads its Arabic and Chinese from the public test corpus, which is not at {opts.corpus}: "
                "give its folder with --corpus"
            )
        distinct = opts.corpus
    briefing = big_briefing(opts.excerpts, opts.scripts or opts.distinct, distinct)
    template = load_catalog().get(briefing.template)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        project = work / "big.briefing"
        save_briefing(briefing, project)
        scripts = " (Arabic and Chinese)" if opts.scripts else ""
        if distinct is not None:
            scripts = " (two of every three Arabic or Chinese, each different)"
        print(f"{opts.excerpts} excerpts{scripts}; {CLOCK} time; Python {sys.version.split()[0]}")

        first = {
            s: timed(lambda s=s: export_briefing(briefing, template, work / f"first{s}"), 1)[0]
            for s in (".docx", ".pdf", ".md")
        }
        print("in process, first export (imports, font loading): "
              + ", ".join(f"{s[1:]} {t:.3f} s" for s, t in first.items()))  # fmt: skip
        for suffix in (".docx", ".pdf", ".md"):
            times = timed(lambda suffix=suffix: export_briefing(briefing, template, work / f"out{suffix}"), opts.runs)
            print(f"in process, {suffix[1:]:>4}: {fmt(times)}")
        pages = len(PdfReader(work / "out.pdf").pages)
        print(f"PDF pages: {pages}")

        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        if opts.no_bytecode:  # as from a source checkout with PYTHONDONTWRITEBYTECODE=1: Briefing's own modules are
            # compiled in every process (the installed libraries keep their bytecode)
            env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        # the same export without the `briefing` command's own start-up (its parser imports every command group)
        script = (
            "import sys; from briefing.core.project_load import load_briefing; from briefing.core.templates import "
            "load_catalog; from briefing.export import export_briefing; b = load_briefing(sys.argv[1]); "
            "export_briefing(b, load_catalog().get(b.template), sys.argv[2])"
        )
        commands = {
            f"command line (cold process), {s[1:]:>4}": [sys.executable, "-m", "briefing", "export", str(project),
                                                          "-o", str(work / f"cli{s}")]
            for s in (".docx", ".pdf")
        }  # fmt: skip
        for suffix in (".docx", ".pdf"):
            label = f"cold process, export only (no CLI start-up), {suffix[1:]:>4}"
            commands[label] = [sys.executable, "-c", script, str(project), str(work / f"bare{suffix}")]
        pandoc = shutil.which("pandoc")
        if pandoc is not None:
            markdown = work / "out.md"
            version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
            pandoc_label = f"{version}, Markdown -> DOCX, same content"
            commands[pandoc_label] = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(work / "pandoc.docx"),
                                      str(markdown)]  # fmt: skip
        for cmd in commands.values():  # compiles the bytecode; not measured
            subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, env=env)
        cold: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(opts.runs):
            for label, cmd in commands.items():
                cold[label] += timed(
                    lambda cmd=cmd: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT, env=env), 1
                )
        base = statistics.median(cold[pandoc_label]) if pandoc is not None else None
        for label, measured in cold.items():
            ratio = f"  {statistics.median(measured) / base:.2f}x pandoc" if base else ""
            print(f"{label}: {fmt(measured)}{ratio}")
        if pandoc is None:
            print("pandoc not installed (apt-get install pandoc): no comparison")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
