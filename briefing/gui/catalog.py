"""The template catalogue as the GUI uses it, loaded once. Plain Python (no Qt), so start-up can load it
before PySide6 is imported: PySide's import hook makes every module imported after it slower to load."""

from __future__ import annotations

import functools

from briefing.core.messages import Message, template_stand_in
from briefing.core.model import Briefing
from briefing.core.templates import DEFAULT_TEMPLATE, SectionSpec, Template, TemplateCatalog, load_catalog

STAND_IN = "stand-in"  # the origin of a template made up for a note whose own is not installed


@functools.cache
def catalog() -> TemplateCatalog:
    return load_catalog(cached=True)  # PyYAML is not imported at start-up while the templates are unchanged


def template_for(briefing: Briefing) -> Template:
    """The briefing's template, or a stand-in built from its own sections when the template is not installed: the
    default layout (Template's defaults) with the default template's classifications and page budget."""
    try:
        return catalog().get(briefing.template)
    except KeyError:
        pass
    fallback = catalog().templates.get(DEFAULT_TEMPLATE)
    specs = tuple(SectionSpec(id=s.id, heading=s.heading, heading_fr=s.heading_fr) for s in briefing.sections)
    if fallback is not None:
        return Template(
            id=briefing.template,
            name=briefing.template,
            sections=specs,
            classifications=fallback.classifications,
            page_budget=fallback.page_budget,
            origin=STAND_IN,
        )
    return Template(id=briefing.template, name=briefing.template, sections=specs, origin=STAND_IN)


def stand_in_notice(template: Template) -> Message | None:
    """What to tell of a stand-in template (template_for): that the note's own is not installed, and the layout
    used instead; None for an installed template."""
    if template.origin != STAND_IN:
        return None
    return template_stand_in(template.id, template.page_size, template.body_font, template.font_size_pt)
