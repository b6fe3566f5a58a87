"""Scores source import against the corpus ground truth, for Briefing and for trafilatura and readability-lxml.

Run from the repository root:  .venv/bin/python bench/import_quality.py [--markdown] [--cases] [--only SUBSET]
[--half a|b]

Subsets: `readability` (Readability.js test pages: expected.html + expected-metadata.json), `aeb`
(article-extraction-benchmark: articleBody), `trafilatura` (trafilatura eval set: must / must-not snippets and
title, author, date, site name). Text scores are token-level precision, recall and F1 (bag of words, per page, then
averaged); for `trafilatura` they are computed over the snippets, as trafilatura's own evaluation does. Metadata
scores are exact-match accuracy after normalising case, spacing and punctuation, over pages whose ground truth
has the field.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

META_FIELDS = ("title", "author", "date", "site")


@dataclass
class Case:
    subset: str
    name: str
    path: Path
    truth_text: str | None = None  # full article text, when known
    must: list[str] = field(default_factory=list)  # snippets that must be in the text
    must_not: list[str] = field(default_factory=list)  # snippets that must not be
    meta: dict[str, str] = field(default_factory=dict)  # title, author, date, site: ground truth when known

    def html(self) -> bytes:
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


@dataclass
class Extracted:
    text: str
    meta: dict[str, str]


def _html_to_text(html: str) -> str:
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre", "blockquote", "section", "article"}
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in blocks:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def load_cases(subsets: set[str]) -> list[Case]:
    cases: list[Case] = []
    if "readability" in subsets:
        for folder in sorted((CORPUS / "readability").iterdir()):
            if not (folder / "source.html").exists():
                continue
            meta_raw = json.loads((folder / "expected-metadata.json").read_text(encoding="utf-8"))
            meta = {
                "title": meta_raw.get("title") or "",
                "author": meta_raw.get("byline") or "",
                "date": meta_raw.get("publishedTime") or "",
                "site": meta_raw.get("siteName") or "",
            }
            truth = _html_to_text((folder / "expected.html").read_text(encoding="utf-8"))
            cases.append(Case("readability", folder.name, folder / "source.html", truth_text=truth, meta=meta))
    if "aeb" in subsets:
        truth = json.loads((CORPUS / "html" / "aeb" / "aeb__ground-truth.json").read_text(encoding="utf-8"))
        for key, value in sorted(truth.items()):
            path = CORPUS / "html" / "aeb" / f"aeb__{key}.html.gz"
            if path.exists():
                cases.append(Case("aeb", key[:12], path, truth_text=value["articleBody"]))
    if "trafilatura" in subsets:
        folder = CORPUS / "html" / "trafilatura"
        evaldata = json.loads((folder / "trafilatura__evaldata.json").read_text(encoding="utf-8"))
        for _url, value in sorted(evaldata.items(), key=lambda kv: kv[1]["file"]):
            path = folder / f"trafilatura__{value['file']}"
            if not path.exists():
                continue
            meta = {
                "title": value.get("title") or "",
                "author": value.get("author") or "",
                "date": value.get("date") or "",
                "site": value.get("sitename") or "",
            }
            cases.append(
                Case(
                    "trafilatura",
                    value["file"],
                    path,
                    must=list(value.get("with") or []),
                    must_not=list(value.get("without") or []),
                    meta=meta,
                )
            )
    return cases


# ---- the systems ---------------------------------------------------------------------------------------------


def run_briefing(case: Case) -> Extracted:
    from briefing.importers import html as html_importer
    from briefing.importers import make_options

    source = html_importer.import_bytes(case.html(), case.path.name, make_options())
    m = source.meta
    return Extracted(source.text, {"title": m.title, "author": m.author, "date": m.published, "site": m.publisher})


def run_trafilatura(case: Case) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(case.html(), with_metadata=True)
    if doc is None:
        return Extracted("", {})
    return Extracted(
        doc.text or "",
        {"title": doc.title or "", "author": doc.author or "", "date": doc.date or "", "site": doc.sitename or ""},
    )


def run_readability(case: Case) -> Extracted:
    from readability import Document

    doc = Document(case.html())
    try:
        author = doc.author() or ""
    except Exception:
        author = ""
    text = _html_to_text(doc.summary(html_partial=True))
    # readability-lxml has no date or site-name extraction
    return Extracted(text, {"title": doc.short_title() or "", "author": author})


SYSTEMS: dict[str, Callable[[Case], Extracted]] = {
    "briefing": run_briefing,
    "trafilatura": run_trafilatura,
    "readability-lxml": run_readability,
}

# ---- scoring --------------------------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _CJK.sub(lambda m: f" {m.group(0)} ", text)  # each CJK character is a token
    return re.findall(r"[^\W_]+", text)


def prf(extracted: str, truth: str) -> tuple[float, float, float]:
    got, want = Counter(tokens(extracted)), Counter(tokens(truth))
    common = sum((got & want).values())
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _squash(text: str) -> str:
    return " ".join(tokens(text))


def snippet_counts(extracted: str, case: Case) -> tuple[int, int, int]:
    """(true positives, false negatives, false positives) over the must / must-not snippets."""
    text = _squash(extracted)
    tp = sum(1 for s in case.must if _squash(s) in text)
    fn = len(case.must) - tp
    fp = sum(1 for s in case.must_not if _squash(s) and _squash(s) in text)
    return tp, fn, fp


def norm_meta(key: str, value: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").strip()
    if key == "date":
        match = re.search(r"\d{4}-\d{2}-\d{2}", value)
        return match.group(0) if match else ""
    words = tokens(value)
    if key == "author" and words[:1] == ["by"]:
        words = words[1:]
    return " ".join(words)


@dataclass
class Scores:
    p: list[float] = field(default_factory=list)
    r: list[float] = field(default_factory=list)
    f: list[float] = field(default_factory=list)
    tp: int = 0
    fn: int = 0
    fp: int = 0
    meta_hits: Counter = field(default_factory=Counter)
    meta_total: Counter = field(default_factory=Counter)
    near_empty: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def text_prf(self) -> tuple[float, float, float]:
        if self.f:
            return statistics.mean(self.p), statistics.mean(self.r), statistics.mean(self.f)
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(cases: list[Case], systems: list[str], show_cases: bool) -> dict[tuple[str, str], Scores]:
    table: dict[tuple[str, str], Scores] = {}
    for case in cases:
        line = [f"{case.subset:12} {case.name[:40]:40}"]
        for system in systems:
            s = table.setdefault((case.subset, system), Scores())
            start = time.perf_counter()
            try:
                got = SYSTEMS[system](case)
            except Exception as exc:  # a crash scores as an empty extraction
                print(f"  {system} failed on {case.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                got = Extracted("", {})
            s.seconds.append(time.perf_counter() - start)
            if case.truth_text is not None:
                p, r, f = prf(got.text, case.truth_text)
                if r < 0.3:  # most of the article is missing
                    s.near_empty.append(case.name)
                s.p.append(p)
                s.r.append(r)
                s.f.append(f)
                line.append(f"{system[:5]} F1={f:.2f}")
            else:
                tp, fn, fp = snippet_counts(got.text, case)
                if len(tokens(got.text)) < 20:
                    s.near_empty.append(case.name)
                s.tp += tp
                s.fn += fn
                s.fp += fp
                line.append(f"{system[:5]} +{tp}/{tp + fn} -{fp}")
            for key in META_FIELDS:
                want = norm_meta(key, case.meta.get(key, ""))
                if not want:
                    continue
                s.meta_total[key] += 1
                ok = norm_meta(key, got.meta.get(key, "")) == want
                s.meta_hits[key] += ok
                if show_cases and not ok and system == "briefing":
                    line.append(f"[{key}: {got.meta.get(key, '')!r} != {case.meta[key]!r}]")
        if show_cases:
            print("  ".join(line))
    return table


def report(table: dict[tuple[str, str], Scores], subsets: list[str], systems: list[str], markdown: bool) -> str:
    header = ["subset", "system", "pages", "precision", "recall", "F1", "near-empty"]
    header += [f"{k} acc." for k in META_FIELDS] + ["median s/page"]
    rows = []
    for subset in subsets:
        for system in systems:
            s = table.get((subset, system))
            if s is None:
                continue
            p, r, f = s.text_prf()
            row = [subset, system, str(len(s.seconds)), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(len(s.near_empty))]
            for key in META_FIELDS:
                total = s.meta_total[key]
                supported = not (system == "readability-lxml" and key in ("date", "site"))
                row.append(f"{s.meta_hits[key] / total:.3f} ({total})" if total and supported else "—")
            row.append(f"{statistics.median(s.seconds):.3f}")
            rows.append(row)
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=["readability", "aeb", "trafilatura"])
    parser.add_argument("--system", action="append", choices=list(SYSTEMS))
    parser.add_argument("--cases", action="store_true", help="print per-page scores")
    parser.add_argument(
        "--half",
        choices=["a", "b"],
        help="only every other page of each subset (a: 1st, 3rd, ...; b: 2nd, 4th, ...): decide rules on one half, "
        "measure them on the other",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS.resolve()}", file=sys.stderr)
        return 2
    subsets = args.only or ["readability", "aeb", "trafilatura"]
    systems = args.system or list(SYSTEMS)
    cases = load_cases(set(subsets))
    if args.half:
        cases = [c for s in subsets for c in [c for c in cases if c.subset == s][args.half == "b" :: 2]]
    table = score(cases, systems, args.cases)
    print(report(table, subsets, systems, args.markdown))
    for (subset, system), s in sorted(table.items()):
        if s.near_empty:
            print(f"near-empty ({subset}, {system}): {', '.join(s.near_empty)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
