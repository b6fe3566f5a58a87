"""The demo briefing: the bundled sample article filed into the default template, as an analyst might."""

from __future__ import annotations

from briefing import paths
from briefing.core.anchors import find_quote, make_anchor
from briefing.core.model import Briefing, Excerpt, Note, new_id
from briefing.core.templates import DEFAULT_TEMPLATE, TemplateCatalog, load_catalog, new_briefing
from briefing.importers import import_file

SAMPLE = "canada-iran-talks.txt"

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
    source = import_file(paths.resource("demo", SAMPLE))
    source.meta.publisher = "Sample news article"
    # Built directly, as the operations would (AddSource, file_excerpt, add_note): the passages are exact quotes, so
    # nothing is trimmed; the operations module (a dozen dataclasses) then loads with the first edit, not at start.
    briefing.sources.append(source)
    for section_id, passage, comment in _FILINGS:
        match = find_quote(source.text, passage)[0]
        anchor = make_anchor(source.text, match.start, match.end)
        excerpt = Excerpt(id=new_id("exc"), source_id=source.id, anchor=anchor, comment=comment)
        briefing.section(section_id).items.append(excerpt)
    note = "Whether Canada will seek a protecting-power arrangement or an interests section before any embassy reopens."
    briefing.section("open-issues").items.append(Note(id=new_id("note"), text=note))
    return briefing
