"""The exact page count of a briefing's PDF, from the PDF export's own layout, and where each section starts."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export.tree import Heading, build_tree

SOURCES = "sources"  # the section id given to the sources list


@dataclass(frozen=True)
class SectionStart:
    section_id: str  # SOURCES for the sources list
    heading: str
    page: int  # from 1


@dataclass(frozen=True)
class PageCount:
    pages: int
    budget: int | None  # the template's page budget; None when it sets none
    sections: tuple[SectionStart, ...]  # those printed (a section with no items has no heading), in order

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.pages > self.budget

    @property
    def first_over_budget_section(self) -> SectionStart | None:
        """Where the budget is crossed: the first section that starts past the budget's last page or, when none
        does, the section that runs onto it; None when the note is within its budget."""
        if self.budget is None or not self.over_budget:
            return None
        for start in self.sections:
            if start.page > self.budget:
                return start
        return self.sections[-1] if self.sections else None


def count_pages(briefing: Briefing, template: Template) -> PageCount:
    """The page count of the PDF `briefing export` would write now (same tree, same layout), without writing it.

    Raises ExportError as the export does when an excerpt no longer matches its source. Text the PDF fonts cannot
    draw, which the PDF export refuses, is counted as if drawn in the main font.
    """
    from briefing.export.pdf import count_layout  # ReportLab loads on first use, as for the export

    tree = build_tree(briefing, template)
    counter = count_layout(tree)
    printed = [(s.id, s.heading) for s in briefing.sections if s.items]  # build_tree's headings, in its order
    headings = [node for node in tree.body if isinstance(node, Heading)]
    names = [(sid, node.text) for (sid, _), node in zip(printed, headings, strict=True)]
    if tree.sources:
        names.append((SOURCES, tree.sources_heading))
    # one bookmark per heading, in the same order (a heading split over pages is bookmarked once)
    starts = tuple(SectionStart(sid, text, page) for (sid, text), (_, page) in zip(names, counter.starts, strict=True))
    return PageCount(counter.pages, template.page_budget, starts)
