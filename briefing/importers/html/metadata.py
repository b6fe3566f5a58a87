"""Metadata of a page beyond what it declares (webmeta.py): trafilatura's heuristics through its public API, and
the publication date (htmldate), never a guess."""

from __future__ import annotations

import re
from typing import Any


def library_metadata(root: Any, url: str | None) -> Any:
    """trafilatura's metadata of the page (title, author, url, hostname, site name, language), from its public
    extract_metadata: for a page where its extraction found no article. The page is not changed."""
    import trafilatura

    return trafilatura.extract_metadata(root, default_url=url)


def publication_date(root: Any, url: str | None, declared: str, found: str | None = None) -> str:
    """When the page was published, as far as it says: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (never a guess).

    htmldate reads the page's markup, then (extensive search) dates in its text. That last search also falls back
    on a "YYYY/MM" or a lone year (a copyright line, "2012." opening a paragraph) padded to day 1 or 1 January:
    such a date is cut to its month, or dropped when nothing but the year may be real. declared is the date the
    page's own metadata gives (webmeta.page_metadata); found, htmldate's extensive search when already run (the
    date trafilatura's metadata gives, see extraction.extract)."""
    import datetime

    from htmldate import find_date

    if found is None:
        found = find_date(root, extensive_search=True, original_date=True, url=url)
    found = found or ""
    if (
        found.endswith("-01")
        and found != find_date(root, extensive_search=False, original_date=True, url=url)
        and not _writes_day(root, url, found)
    ):
        found = "" if found.endswith("-01-01") else found[:7]
    # A "2015-06" or "June 2015" is padded with today's day: keep that day only where the page writes it out
    if found[8:] == f"{datetime.date.today().day:02}" and not _writes_day(root, url, found):
        found = found[:7]
    declared = declared.strip()[:10]
    # htmldate pads a declared "2015" or "2015-06" too (with today's day): only what the page declares is known
    if re.fullmatch(r"\d{4}(-\d{2})?", declared) and found.startswith(declared):
        return declared
    return found or declared


def _writes_day(root: Any, url: str | None, date: str) -> bool:
    """Whether the page or its address gives date ("YYYY-MM-DD") with its day, in one of the usual forms."""
    from lxml import etree

    year, month, day = date.split("-")
    m, d = month.lstrip("0"), day.lstrip("0")
    forms = (
        rf"{year}\D?{month}\D?{day}(?!\d)",  # 2015-06-27, 2015/06/27, 20150627
        rf"(?<!\d)0?{d}[./-]0?{m}[./-]{year}",  # 27.06.2015, 27/6/2015
        rf"(?<!\d)0?{m}/0?{d}/{year}",  # 6/27/2015
        rf"(?<!\d)0?{d}(?:st|nd|rd|th)?\.?,?\s+(?:[^\W\d]+\.?,?\s+)?{year}",  # 27 June 2015, June 27, 2015
    )
    page = etree.tostring(root, encoding="unicode") + " " + (url or "")
    return any(re.search(form, page) for form in forms)
