"""The demo briefing: the bundled sample article filed into the default template, as an analyst might.

What importing the sample and anchoring its passages give is kept in resources/demo/canada-iran-talks.json,
written by `python -m briefing.demo` from this module's filings; every start with the demo reads it instead of
running the text importer and the forgiving quote search (importing those, the language tests and the anchoring
cost some 30 M instructions before the first window). A sample whose bytes no longer match the file (edited and
not regenerated) is imported as before; tests/test_demo.py checks that the file is what regenerating writes.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from briefing import paths
from briefing.core.model import Anchor, Block, Briefing, Excerpt, Note, Source, SourceMeta, new_id, sha256_hex
from briefing.core.templates import DEFAULT_TEMPLATE, TemplateCatalog, load_catalog, new_briefing

SAMPLE = "canada-iran-talks.txt"
BUILT = "canada-iran-talks.json"  # what importing the sample and anchoring its filings give (above)
PUBLISHER = "Sample news article"

# (section, passage as an analyst would paste it, comment)
_FILINGS = [
    (
        "background",
        "In 2012, the Harper administration cut ties with Tehran and expelled Iranian diplomats from Canada.",
        "",
    ),
    ("background", "The Harper government also added Iran to its list of state sponsors of terrorism.", ""),
    ("background", "Italy has been handling Canada's interests in the country since ties were cut four years ago", ""),
    (
        "positions",
        '"Talks have started, yes, at the official level," Dion said in an interview with CBC News on Friday.',
        "",
    ),
    (
        "positions",
        "the usual way by which countries who want to recreate links proceed, is step by step, at the official level "
        "in neutral territory.",
        "Dion's framing: incremental, officials first.",
    ),
    ("positions", '"We have no plans to change this," said Dion, unless Iran becomes a "respectful democracy".', ""),
    (
        "open-issues",
        "Dion would not speculate on the type of diplomatic presence Canada might pursue in Tehran, but added that an "
        "embassy was not a likelihood in the near future.",
        "",
    ),
    (
        "open-issues",
        "In February, the Liberal government announced it was lifting some sanctions against Iran, but that others "
        "would stay in place.",
        "Which sanctions remain? Check with the sanctions policy team.",
    ),
]


def demo_briefing(catalog: TemplateCatalog | None = None) -> Briefing:
    """The demo; `catalog` is the template catalogue when the caller has already loaded it."""
    template = (catalog if catalog is not None else load_catalog()).get(DEFAULT_TEMPLATE)
    briefing = new_briefing(
        template,
        title="Canada–Iran: talks on renewing diplomatic ties",
        title_fr="Canada–Iran : pourparlers sur le rétablissement des relations diplomatiques",
        document_number="BN-2016-0042",
        date="2016-04-18",
        prepared_by="A. Analyst, Middle East Policy",
    )
    source, filings = _built() or _build()
    # Filed directly, as the operations would (AddSource, file_excerpt, add_note): the passages are exact quotes,
    # so nothing is trimmed; the operations module (a dozen dataclasses) then loads with the first edit.
    briefing.sources.append(source)
    for section_id, anchor, comment in filings:
        excerpt = Excerpt(id=new_id("exc"), source_id=source.id, anchor=anchor, comment=comment)
        briefing.section(section_id).items.append(excerpt)
    note = "Whether Canada will seek a protecting-power arrangement or an interests section before any embassy reopens."
    briefing.section("open-issues").items.append(Note(id=new_id("note"), text=note))
    return briefing


Filings = list[tuple[str, Anchor, str]]  # (section id, anchor, comment)


def _build() -> tuple[Source, Filings]:
    """The sample imported as any text file is, each passage found and anchored: what BUILT keeps."""
    from briefing.core.anchors import find_quote, make_anchor
    from briefing.importers import import_file

    source = import_file(paths.resource("demo", SAMPLE))
    source.meta.publisher = PUBLISHER
    filings: Filings = []
    for section_id, passage, comment in _FILINGS:
        match = find_quote(source.text, passage)[0]
        filings.append((section_id, make_anchor(source.text, match.start, match.end), comment))
    return source, filings


def built_data() -> dict[str, Any]:
    """BUILT's content: the imported source (but for its import time) and the filings' anchors."""
    source, filings = _build()
    meta = {name: value for name, value in vars(source.meta).items() if name != "imported_at"}
    return {
        "text": source.text,
        "blocks": [[block.kind, block.start, block.end, block.level] for block in source.blocks],
        "meta": meta,
        "filings": [[section_id, vars(anchor), comment] for section_id, anchor, comment in filings],
    }


def built_text() -> str:
    return json.dumps(built_data(), ensure_ascii=False, indent=1) + "\n"


def _built() -> tuple[Source, Filings] | None:
    """The source and filings from BUILT, stamped as an import would stamp them (its bytes, now); None when BUILT
    is missing or unreadable, or the sample is not the one it was built from."""
    try:
        data = paths.resource("demo", SAMPLE).read_bytes()
        built = json.loads(paths.resource("demo", BUILT).read_text(encoding="utf-8"))
        meta = SourceMeta(**built["meta"])
        if meta.sha256 != sha256_hex(data):
            return None
        blocks = [Block(kind, start, end, level) for kind, start, end, level in built["blocks"]]
        filings = [(section_id, Anchor(**anchor), comment) for section_id, anchor, comment in built["filings"]]
        text = built["text"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    # as importers.stamp_source stamps an import (not imported here: the importers load with the first import)
    meta.imported_at = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta, original=data), filings


if __name__ == "__main__":  # python -m briefing.demo: write BUILT again after changing the sample or the filings
    target = paths.resource("demo", BUILT)
    target.write_text(built_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
