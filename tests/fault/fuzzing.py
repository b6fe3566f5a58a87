"""Mutation fuzzing of the .briefing loader and of each importer, shared by tests/fault/test_fuzz.py (hypothesis,
small enough for CI) and bench/fault_injection.py (a longer run with figures for the README).

Every mutation is driven by a random.Random, so hypothesis can drive (and shrink) it in tests and a seeded
generator can in the benchmark. Seeds are real files: a briefing built from the sample article with core
operations, and the public corpus (/work/shared/corpus, or $BRIEFING_CORPUS) for the importers.

The property: a file either loads (imports) or is refused with the project's own error, one line naming the
file; never another exception. A loaded briefing's anchors are then checked, within their time budget.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import time
import warnings
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from briefing.core.anchors import check_anchors
from briefing.core.model import Briefing
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.core.project_save import write_briefing

REPO = Path(__file__).resolve().parents[2]
CORPUS_PLACES = [Path(os.environ.get("BRIEFING_CORPUS", "/nonexistent")), REPO.parent / "shared" / "corpus"]
CORPUS_PLACES.append(Path("/work/shared/corpus"))

# Bytes that tend to reach deep into parsers when spliced into a file.
HOSTILE_SNIPPETS = [
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"[" * 5000,
    b"{" * 5000,
    b"<div>" * 3000,
    b"&#x110000;&#0;&#xd800;",
    b"\xed\xa0\x80",  # an encoded surrogate
    b"<script type='application/ld+json'>" + b"[" * 3000 + b"</script>",
    b"a: &a [1]\nb: [*a, *a]\n",
    b"%PDF-1.7\n1 0 obj << /Length 999999999 >> stream\n",
    b"9999999999999999999999",
    b"-1",
    "\u202e\u2028\u2029\ufeff".encode(),
]


@dataclass
class Tally:
    """What a fuzzing run found: trials, refusals with a clear message, failures (anything else), worst time."""

    trials: int = 0
    loaded: int = 0
    refused: int = 0
    failures: list[str] = field(default_factory=list)
    worst_s: float = 0.0
    worst_case: str = ""

    def add(self, outcome: str, seconds: float, case: str) -> None:
        self.trials += 1
        if outcome == "loaded":
            self.loaded += 1
        elif outcome == "refused":
            self.refused += 1
        else:
            self.failures.append(f"{case}: {outcome}")
        if seconds > self.worst_s:
            self.worst_s, self.worst_case = seconds, case


# --- mutations ---------------------------------------------------------------------------------------------------


def mutate_bytes(data: bytes, rng: random.Random, steps: int | None = None) -> bytes:
    """A few byte-level changes: flips, deletions, duplications, insertions of hostile snippets, truncation."""
    out = bytearray(data)
    for _ in range(steps if steps is not None else rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(6)
        if kind == 0 and out:
            out[min(at, len(out) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del out[at : at + rng.randint(1, 64)]
        elif kind == 2:
            out[at:at] = out[at : at + rng.randint(1, 256)] * rng.randint(2, 50)
        elif kind == 3:
            out[at:at] = rng.choice(HOSTILE_SNIPPETS)
        elif kind == 4:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            del out[at:]
    return bytes(out)


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(parts: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    items = parts.items() if isinstance(parts, dict) else parts
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        for name, data in items:
            zf.writestr(zipfile.ZipInfo(name), data)  # ZipInfo: the name is kept as given, even an unsafe one
    return buffer.getvalue()


_HOSTILE_VALUES: list[object] = [
    None,
    -1,
    2**63,
    10**30,
    1.5,
    True,
    "",
    "x" * 100_000,
    "\ud800",
    [],
    {},
    [[[[[]]]]],
    {"kind": "note"},
    "../../etc/passwd",
    "sources/../manifest.yaml",
    list(range(5_000)),
]


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every place in a JSON value, as a path of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:20]):
            found += _paths(inner, (*prefix, index))
    return found


def _set(root: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    target = root
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    return root


def mutate_manifest(manifest: dict, rng: random.Random) -> bytes:
    """A manifest with a few values changed to hostile ones, sections or items multiplied, or written as YAML."""
    manifest = json.loads(json.dumps(manifest))
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(5)
        places = _paths(manifest)
        path = rng.choice(places)
        if kind <= 1:
            manifest = _set(manifest, path, rng.choice(_HOSTILE_VALUES))  # type: ignore[assignment]
        elif kind == 2 and isinstance(manifest, dict) and isinstance(manifest.get("sections"), list):
            sections = manifest["sections"]
            if sections and isinstance(sections[0], dict) and isinstance(sections[0].get("items"), list):
                items = sections[0]["items"]  # repeated: duplicate ids, many items (a few thousand at most)
                sections[0]["items"] = items * min(rng.randint(2, 200), 5_000 // max(1, len(items)))
        elif kind == 3 and isinstance(manifest, dict) and isinstance(manifest.get("sources"), list):
            sources = manifest["sources"]  # one part named many times
            manifest["sources"] = sources * min(rng.randint(2, 300), 1_000 // max(1, len(sources)))
        else:
            original = _get(manifest, path)
            if isinstance(original, str) and original:
                cut = rng.randrange(len(original))
                manifest = _set(manifest, path, original[:cut] + original[cut + 1 :])  # type: ignore[assignment]
    if rng.random() < 0.2:
        import yaml

        return yaml.safe_dump(manifest, allow_unicode=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return json.dumps(manifest, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")


def _get(root: object, path: tuple[object, ...]) -> object:
    for key in path:
        root = root[key]  # type: ignore[index]
    return root


def mutate_briefing(seed: bytes, rng: random.Random) -> bytes:
    """A .briefing changed as a hostile or damaged file might be: in its manifest, in one part, in its zip
    structure, or in its bytes."""
    parts = read_zip(seed)
    kind = rng.randrange(6)
    if kind <= 1:
        manifest = json.loads(parts["manifest.yaml"].decode().partition("\n")[2])
        parts["manifest.yaml"] = mutate_manifest(manifest, rng)
    elif kind == 2:
        name = rng.choice(sorted(parts))
        data = parts[name]
        if name.endswith(".gz") and rng.random() < 0.7:
            parts[name] = gzip.compress(mutate_bytes(gzip.decompress(data), rng), mtime=0)
        else:
            parts[name] = mutate_bytes(data, rng)
    elif kind == 3:
        items = list(parts.items())
        choice = rng.randrange(4)
        if choice == 0:
            del items[rng.randrange(len(items))]
        elif choice == 1:
            items.append(rng.choice(items))  # a duplicate name
        elif choice == 2:
            name, data = rng.choice(items)
            items.append((rng.choice(["../x", "/abs", "a\\b", "sources/../../y", name + "/"]), data))
        else:
            rng.shuffle(items)
        return write_zip(items)
    elif kind == 4:
        return mutate_bytes(seed, rng)
    else:
        return write_zip(parts) if rng.random() < 0.5 else mutate_bytes(write_zip(parts), rng, 1)
    return write_zip(parts)


# --- hostile shapes (issue 12), as whole files -------------------------------------------------------------------


@cache
def hostile_briefings() -> dict[str, bytes]:
    parts = read_zip(seed_briefing())
    manifest = json.loads(parts["manifest.yaml"].decode().partition("\n")[2])
    shapes: dict[str, bytes] = {}
    laughs = ["format: briefing", "version: 1", "n: &n {kind: note, id: x, text: y}"]
    names = ["n"]
    for level in range(8):
        laughs.append(f"l{level}: &l{level} [" + ", ".join([f"*{names[-1]}"] * 10) + "]")
        names.append(f"l{level}")
    laughs.append("sections: [{id: s, heading: h, items: *l7}]")
    shapes["yaml alias bomb"] = write_zip(parts | {"manifest.yaml": "\n".join(laughs).encode()})
    shapes["comment-only manifest"] = write_zip(parts | {"manifest.yaml": b"# comment"})
    text_part = manifest["sources"][0]["text"]
    big = dict(manifest, sources=[dict(manifest["sources"][0], id=f"s{i}", text_sha256=None) for i in range(200)])
    shapes["200 sources naming one 10 MB text"] = write_zip(
        parts | {"manifest.yaml": json.dumps(big).encode(), text_part: gzip.compress(b"word " * 2_000_000)}
    )
    bomb = gzip.compress(b"a" * 10_000_000)
    bombs = {f"sources/b{i}/text.txt.gz": bomb for i in range(30)}
    many = dict(
        manifest,
        sources=[{"id": f"b{i}", "text": f"sources/b{i}/text.txt.gz", "meta": {}} for i in range(30)],
        sections=[],
    )
    shapes["30 sources of 10 MB each"] = write_zip(parts | bombs | {"manifest.yaml": json.dumps(many).encode()})
    shapes["deep JSON"] = write_zip(parts | {"manifest.yaml": b"[" * 200_000 + b"]" * 200_000})
    shapes["deep YAML"] = write_zip(parts | {"manifest.yaml": b"x: " + b"[" * 200_000})
    wide = dict(manifest, sections=[{"id": f"s{i}", "heading": "h", "items": []} for i in range(100_000)])
    shapes["100,000 sections"] = write_zip(parts | {"manifest.yaml": json.dumps(wide).encode()})
    # Re-anchoring: a repetitive source and many excerpts that are not where they say.
    text = "ab " * 1_000_000
    source = dict(manifest["sources"][0], text_sha256=None, blocks=None, original=None)
    source["text"] = "sources/r/text.txt.gz"
    source["id"] = "r"
    items = [
        {
            "kind": "excerpt",
            "id": f"e{i}",
            "source": "r",
            "exact": "ab ab",
            "prefix": "",
            "suffix": "",
            "start": 1,
            "end": 6,
        }
        for i in range(2_000)
    ]
    slow = dict(manifest, sources=[source], sections=[{"id": "s", "heading": "h", "items": items}])
    shapes["re-anchoring 2,000 excerpts in a repetitive source"] = write_zip(
        {
            "mimetype": parts["mimetype"],
            "manifest.yaml": json.dumps(slow).encode(),
            "sources/r/text.txt.gz": gzip.compress(text.encode()),
        }
    )
    return shapes


# --- running one case --------------------------------------------------------------------------------------------


@cache
def seed_briefing() -> bytes:
    """A .briefing built from the sample article with core operations (the demo briefing), as saved."""
    from briefing.demo import demo_briefing

    buffer = io.BytesIO()
    write_briefing(demo_briefing(), buffer)
    return buffer.getvalue()


def load_case(folder: Path, data: bytes, name: str = "fuzz.briefing") -> tuple[str, float, Briefing | None]:
    """("loaded" | "refused" | what went wrong, seconds, the briefing): loading, then checking its anchors."""
    path = folder / name
    path.write_bytes(data)
    started = time.perf_counter()
    briefing = None
    try:
        briefing = load_briefing(path)
        check_anchors(briefing, budget_s=1.0)
        outcome = "loaded"
    except ProjectFileError as exc:
        message = str(exc)
        if not message.startswith(name + ": ") or "\n" in message or len(message) > 1_000:
            outcome = f"unclear message {message[:200]!r}"
        else:
            outcome = "refused"
    except Exception as exc:  # the property under test: nothing else ever escapes
        outcome = f"{type(exc).__name__}: {str(exc)[:200]}"
    return outcome, time.perf_counter() - started, briefing


def corpus() -> Path | None:
    return next((p for p in CORPUS_PLACES if p.is_dir()), None)


@cache
def importer_seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Small real files for each importer's format: (name, bytes)."""
    seeds: dict[str, list[tuple[str, bytes]]] = {}
    sample = REPO / "resources" / "demo" / "canada-iran-talks.txt"
    seeds[".txt"] = [(sample.name, sample.read_bytes())]
    root = corpus()
    if root is None:
        return seeds
    picks = {
        ".txt": ["text/charset_normalizer__sample-greek.txt", "text/charset_normalizer__sample-hebrew-2.txt"],
        ".html": ["readability/001/source.html", "readability/aclu/source.html"],
        ".docx": [
            "docx/docx2python__test-docx2python-conversion-google_docs.docx",
            "docx/python-docx__par-hyperlinks.docx",
        ],
        ".pdf": ["pdf/pypdf__issue-297.pdf", "pdf/sample-files__libre-office-link.pdf", "pdf/sample-files__habibi.pdf"],
        ".msg": ["msg/msgreader__TxtSampleEmail.msg", "msg/msgreader__EmailWithSpecialCharsInSubject.msg"],
    }
    for suffix, names in picks.items():
        for name in names:
            if (root / name).is_file():
                seeds.setdefault(suffix, []).append((Path(name).name, (root / name).read_bytes()))
    seeds[".eml"] = [("note.eml", _sample_eml())]
    seeds[".rtf"] = [("note.rtf", _SAMPLE_RTF)]
    return seeds


_SAMPLE_RTF = (
    rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times;}}{\info{\title Canada-Iran talks}}"
    rb"\pard\b Canada confirms talks\b0\par\pard Talks have started, yes, at the \i official\i0  level, Dion"
    rb" said.\par\pard Step by step \u8212? and an embassy cannot be a first step.\par}"
)


def _sample_eml() -> bytes:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Canada–Iran talks"
    message["From"] = "Analyst <analyst@example.org>"
    message["Date"] = "Fri, 15 Apr 2016 10:00:00 +0000"
    message.set_content("Talks have started, yes, at the official level, Dion said.\n\nStep by step.")
    message.add_alternative("<p>Talks have started, yes, at the <b>official</b> level.</p>", subtype="html")
    return message.as_bytes()


def mutate_import(name: str, data: bytes, rng: random.Random) -> bytes:
    """Bytes of an importer's input, changed; a DOCX (a zip) is changed inside as often as outside."""
    if name.endswith(".docx") and rng.random() < 0.6:
        try:
            parts = read_zip(data)
        except zipfile.BadZipFile:
            return mutate_bytes(data, rng)
        target = rng.choice(sorted(parts))
        parts[target] = mutate_bytes(parts[target], rng)
        return write_zip(parts)
    return mutate_bytes(data, rng)


def import_case(suffix: str, name: str, data: bytes) -> tuple[str, float]:
    """("loaded" | "refused" | what went wrong, seconds) for one importer input."""
    from briefing.importers import SourceImportError, importer_for, make_options, run_importer

    importer = importer_for(suffix)
    assert importer is not None
    file_name = Path(name).stem + suffix
    started = time.perf_counter()
    try:
        run_importer(importer, data, file_name, make_options())
        outcome = "loaded"
    except SourceImportError as exc:
        message = str(exc)
        outcome = "refused" if "\n" not in message and message.startswith(file_name) else f"unclear {message[:200]!r}"
    except Exception as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:200]}"
    return outcome, time.perf_counter() - started
