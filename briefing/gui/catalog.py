"""The template catalogue as the GUI uses it, loaded once. Plain Python (no Qt), so start-up can load it
before PySide6 is imported: PySide's import hook makes every module imported after it slower to load."""

from __future__ import annotations

import functools

from briefing.core.model import Briefing
from briefing.core.templates import (
    Template,
    TemplateCatalog,
    load_catalog,
    stand_in_notice,
    template_or_stand_in,
)

__all__ = ["catalog", "stand_in_notice", "template_for"]


@functools.cache
def catalog() -> TemplateCatalog:
    return load_catalog(cached=True)  # PyYAML is not imported at start-up while the templates are unchanged


def template_for(briefing: Briefing) -> Template:
    """The briefing's template, or the stand-in for one not installed (core/templates.template_or_stand_in)."""
    return template_or_stand_in(catalog(), briefing)
