"""The template catalogue as the GUI uses it, loaded once. Plain Python (no Qt), so start-up can load it
before PySide6 is imported: PySide's import hook makes every module imported after it slower to load."""

from __future__ import annotations

import functools

from briefing.core.model import Briefing
from briefing.core.templates import DEFAULT_TEMPLATE, SectionSpec, Template, TemplateCatalog, load_catalog


@functools.cache
def catalog() -> TemplateCatalog:
    return load_catalog(cached=True)  # PyYAML is not imported at start-up while the templates are unchanged


def template_for(briefing: Briefing) -> Template:
    """The briefing's template, or a stand-in built from its own sections when the template is not installed."""
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
        )
    return Template(id=briefing.template, name=briefing.template, sections=specs)
