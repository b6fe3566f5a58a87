"""The exact page count of a briefing's PDF, from the PDF export's own layout, and where each section starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export.tree import build_tree

if TYPE_CHECKING:
    from briefing.export.pdf import Layout

SOURCES = "sources"  # the section id given to the sources list


@dataclass(frozen=True)
class SectionStart:
    """The page a printed section starts on."""

    section_id: str  # SOURCES for the sources list
    heading: str
    page: int  # from 1


@dataclass(frozen=True)
class PageCount:
    """A PDF's page count against its template's page budget, with the page of each section."""

    pages: int
    budget: int | None  # the template's page budget; None when it sets none
    sections: tuple[SectionStart, ...]  # those printed (a section with no items has no heading), in order

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.pages > self.budget

    @property
    def first_over_budget_section(self) -> SectionStart | None:
        """Where the budget is crossed: the first section that starts on the first page past the budget or, when
        none does, the section that runs onto that page; None when the note is within its budget. (The first
        section starting anywhere past the budget was named: "Summary starts on page 4" when Purpose ran onto
        page 3, QA10 D1.)"""
        if self.budget is None or not self.over_budget:
            return None
        first_page = self.budget + 1
        after = next((start for start in self.sections if start.page >= first_page), None)
        if after is not None and after.page == first_page:
            return after
        before = [start for start in self.sections if start.page < first_page]
        return before[-1] if before else after  # (after: the title block alone runs past the budget)


def count_pages(briefing: Briefing, template: Template) -> PageCount:
    """The page count of the PDF `briefing export` would write now (same tree, same layout), without writing it.

    Raises ExportError as the export does when an excerpt no longer matches its source, or when the PDF fonts
    cannot draw some of the text (the PDF export refuses it).
    """
    from briefing.export.pdf import count_layout  # ReportLab loads on first use, as for the export

    return from_layout(briefing, template, count_layout(build_tree(briefing, template)))


def from_layout(briefing: Briefing, template: Template, layout: Layout) -> PageCount:
    """The count from a layout of the briefing's tree (count_layout's, or the PDF export's own)."""
    printed = [s.id for s in briefing.sections if s.items]  # build_tree's headings, in its order
    ids = [*printed, SOURCES] if len(layout.headings) > len(printed) else printed
    # one outline entry per heading, in the same order (a heading split over pages has one)
    starts = tuple(SectionStart(sid, title, page) for sid, (title, page) in zip(ids, layout.headings, strict=True))
    return PageCount(layout.pages, template.page_budget, starts)


def describe(count: PageCount) -> str:
    """The count for a person: "3 pages", or "3 pages, over the budget of 2: Recommendation starts on page 3"."""
    text = "1 page" if count.pages == 1 else f"{count.pages} pages"
    crossing = count.first_over_budget_section
    if not count.over_budget:
        return text
    text += f", over the template's budget of {count.budget}"
    if crossing is None:
        return text
    if crossing.page > (count.budget or 0):
        return f"{text}: {crossing.heading} starts on page {crossing.page}"
    return f"{text}: {crossing.heading} runs onto page {(count.budget or 0) + 1}"


def page_fields(briefing: Briefing) -> dict[str, int | None]:
    """`briefing show --json`'s "pages" and "page_budget": the PDF's page count with the briefing's own template
    (None when the template cannot be loaded or the note cannot be laid out, as `check` and `export` explain)."""
    from briefing.core.templates import load_catalog
    from briefing.export.errors import ExportError

    try:
        template = load_catalog().get(briefing.template)
    except KeyError:
        return {"pages": None, "page_budget": None}
    try:
        pages: int | None = count_pages(briefing, template).pages
    except ExportError:
        pages = None
    return {"pages": pages, "page_budget": template.page_budget}


def pdf_problem(briefing: Briefing, template: Template) -> str | None:
    """Why the PDF export would refuse the note's text (characters the PDF fonts cannot draw), or None; for
    `check`. A quotation that no longer matches its source is reported by the anchor check, not here."""
    from briefing.export.errors import ExportError
    from briefing.export.pdf import check_drawable

    try:
        tree = build_tree(briefing, template)
    except ExportError:
        return None
    try:
        check_drawable(tree)
    except ExportError as exc:
        return f"cannot be exported to PDF: {exc.problem}"
    return None
