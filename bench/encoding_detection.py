"""How undeclared encodings are read: short texts in legacy encodings, and the corpus's text and web pages.

Run from the repository root:  .venv/bin/python bench/encoding_detection.py [--cases] [--corpus DIR]
[--save FILE] [--compare FILE]

Short texts (tests/importers/encoding_samples.py: a line, a paragraph and three paragraphs of one news item in
18 languages, in each of the encodings the language is written in) are decoded as an undeclared file is, and
counted as right (the text as written), right with a warning, wrong with a warning (the unsure-encoding warning
names the encoding used), wrong without a warning (the case that must not happen) or refused. `--cases` lists
each one that is not right without a warning.

The corpus (shared/corpus beside the repository, or --corpus): every text file, saved web page and .msg message
is read as Briefing reads it; `--save` writes what each gave (encoding, a hash of the text, the warnings) and
`--compare` lists the files whose reading changed since a saved run (a change to detection must keep every
reading that was right).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.importers import ImportOptions, SourceImportError, import_file_with_warnings  # noqa: E402
from briefing.importers.html.decoding import decode_html  # noqa: E402
from briefing.importers.text import decode  # noqa: E402
from tests.importers.encoding_samples import LENGTHS, cases, encode  # noqa: E402

OUTCOMES = ("right", "right, warned", "wrong, warned", "WRONG, SILENT", "refused")


def read_short(text: str, codec: str) -> tuple[str, str, list[str]]:
    """(outcome, encoding used, warnings) for the text written in codec and read without a declared encoding."""
    options = ImportOptions()
    try:
        decoded, used = decode(encode(text, codec), "sample.txt", None, options)
    except SourceImportError as exc:
        return "refused", "", [str(exc)]
    right = unicodedata.normalize("NFC", decoded) == unicodedata.normalize("NFC", text)
    warned = bool(options.warnings)
    outcome = ("right, warned" if warned else "right") if right else ("wrong, warned" if warned else "WRONG, SILENT")
    return outcome, used, [str(w) for w in options.warnings]


def short_texts(show_cases: bool) -> int:
    table: dict[tuple[str, str], Counter[str]] = {}
    by_length = {length: Counter[str]() for length in LENGTHS}
    for language, codec, length, text in cases():
        outcome, used, warnings = read_short(text, codec)
        table.setdefault((language, codec), Counter())[outcome] += 1
        by_length[length][outcome] += 1
        if show_cases and outcome != "right":
            print(f"{language:22} {codec:10} {length:13} {outcome:14} read as {used or '-'}: {'; '.join(warnings)}")
    print(f"\n{'language':22} {'encoding':10} " + " ".join(f"{o:>14}" for o in OUTCOMES))
    for (language, codec), counts in table.items():
        print(f"{language:22} {codec:10} " + " ".join(f"{counts[o] or '':>14}" for o in OUTCOMES))
    print()
    for length, counts in by_length.items():
        print(f"{length:33} " + " ".join(f"{counts[o]:>14}" for o in OUTCOMES))
    total = sum(by_length.values(), Counter[str]())
    print(f"{'all':33} " + " ".join(f"{total[o]:>14}" for o in OUTCOMES))
    return total["WRONG, SILENT"]


def corpus_readings(corpus: Path) -> dict[str, dict[str, object]]:
    """What Briefing reads from each text file, web page and message of the corpus."""
    readings: dict[str, dict[str, object]] = {}
    files = sorted(corpus.glob("text/*")) + sorted(corpus.glob("readability/*/source.html"))
    files += sorted(corpus.glob("html/**/*.html*")) + sorted(corpus.glob("msg/*.msg"))
    for path in files:
        name = str(path.relative_to(corpus))
        options = ImportOptions()
        try:
            if path.parent.name == "text" or path.suffix == ".msg":
                result = import_file_with_warnings(path)
                text, encoding, warnings = result.source.text, result.source.meta.encoding, result.warnings
            else:
                data = path.read_bytes()
                data = gzip.decompress(data) if path.suffix == ".gz" else data
                text, encoding = decode_html(data, path.name, options)
                warnings = options.warnings
        except SourceImportError as exc:
            readings[name] = {"error": str(exc)}
            continue
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        readings[name] = {"encoding": encoding, "text": digest, "warnings": [str(w) for w in warnings]}
    return readings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", action="store_true", help="list every short text not read right without warning")
    parser.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    parser.add_argument("--save", type=Path, help="write the corpus readings to this JSON file")
    parser.add_argument("--compare", type=Path, help="list the corpus readings that changed since this saved run")
    parser.add_argument("--no-short", action="store_true", help="only the corpus")
    args = parser.parse_args()
    silent = 0 if args.no_short else short_texts(args.cases)
    if args.save or args.compare:
        readings = corpus_readings(args.corpus.resolve())
        print(f"\ncorpus: {len(readings)} files")
        if args.save:
            args.save.write_text(json.dumps(readings, indent=1, ensure_ascii=False), "utf-8")
        if args.compare:
            before = json.loads(args.compare.read_text("utf-8"))
            for name in sorted(set(before) | set(readings)):
                if before.get(name) != readings.get(name):
                    print(f"changed: {name}\n  before: {before.get(name)}\n  after:  {readings.get(name)}")
    return 1 if silent else 0


if __name__ == "__main__":
    sys.exit(main())
