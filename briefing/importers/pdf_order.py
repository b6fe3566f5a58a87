"""A PDF page's lines in reading order: a two-column page's columns one after the other, between its full-width
top and bottom; a right-to-left page read from its mirror image (importers/pdf.py makes paragraphs of them)."""

from __future__ import annotations

import re

from briefing.core.script import direction
from briefing.importers.pdf_lines import Line


def _order(lines: list[Line], left: float, width: float, non_voters: frozenset[int] = frozenset()) -> list[list[Line]]:
    """Groups of lines in reading order: full-width top, left column, right column, full-width bottom.
    `non_voters`: the ids of lines whose left edge says nothing of a gutter."""
    if len(lines) < 8:
        return [lines]
    candidates = [
        round(ln.x / 4) * 4
        for ln in lines
        if left + 0.3 * width < ln.x < left + 0.7 * width and id(ln) not in non_voters
    ]
    if not candidates:
        return [lines]
    gutter, count = max(((x, candidates.count(x)) for x in set(candidates)), key=lambda c: (c[1], -c[0]))
    if count < 5:
        return [lines]
    right = [ln for ln in lines if ln.x >= gutter - 3]
    top, bottom = max(ln.y for ln in right), min(ln.y for ln in right)
    in_band = [ln for ln in lines if bottom - 2 <= ln.y <= top + 2]
    left_col = [ln for ln in in_band if ln.x < gutter - 3]
    if len(left_col) < 5:
        return [lines]
    header = [ln for ln in lines if ln.y > top + 2]
    footer = [ln for ln in lines if ln.y < bottom - 2]
    right_col = [ln for ln in in_band if ln.x >= gutter - 3]

    def by_position(group: list[Line]) -> list[Line]:
        return sorted(group, key=lambda ln: (-round(ln.y, 0), ln.x))

    return [g for g in (by_position(header), by_position(left_col), by_position(right_col), by_position(footer)) if g]


def _reading_order(lines: list[Line], left: float, width: float) -> list[list[Line]]:
    """_order, and for a right-to-left page _order of its mirror image: right column first, found by the lines'
    right edges (right-to-left lines are ragged on the left). The mirror image's lines are returned, so that
    paragraphs are found by their right edges too (indents, a bullet's hanging indent) as a left-to-right page's
    by their left edges. A left-to-right line on such a page (an English paragraph among Arabic ones) keeps its
    own left edge, put at its group's: mirrored, its ragged right end would look like an indented first line. So
    does a right-to-left line on a left-to-right page, the other way round (its start, its right edge, put at its
    group's left edge), so that its ragged left end does not look like one."""
    if direction(" ".join(ln.text for ln in lines)) != "rtl":
        return [_started_on_the_left(group) for group in _order(lines, left, width)]
    images = [
        Line(
            2 * left + width - ln.end, ln.y, ln.size, _VISUAL_LIST_NUMBER.sub(r"\1. ", ln.text), 2 * left + width - ln.x
        )
        for ln in lines
    ]
    # a left-to-right line's image starts at its ragged end: short English lines and footnotes would line up
    # there like a second column's, so only the right-to-left lines say where a gutter is
    ltr = frozenset(id(image) for image, ln in zip(images, lines, strict=True) if direction(ln.text) == "ltr")
    groups = _order(images, left, width, ltr)
    originals = {id(image): ln for image, ln in zip(images, lines, strict=True)}
    for group in groups:
        own_left = min(originals[id(image)].x for image in group)
        image_left = min(image.x for image in group)
        for image in group:
            ln = originals[id(image)]
            if id(image) in ltr:
                image.x, image.end = image_left + ln.x - own_left, image_left + ln.end - own_left
    return groups


def _started_on_the_left(group: list[Line]) -> list[Line]:
    """A left-to-right page's group with its right-to-left lines' images: each line's right edge, where it starts,
    set at the group's left edge (less its distance from the right-to-left lines' right edge: an indent)."""
    rtl = {id(ln) for ln in group if not ln.text.isascii() and direction(ln.text) == "rtl"}
    if not rtl:
        return group
    own_right = max(ln.end for ln in group if id(ln) in rtl)
    group_left = min(ln.x for ln in group)
    return [
        Line(group_left + own_right - ln.end, ln.y, ln.size, ln.text, group_left + own_right - ln.x)
        if id(ln) in rtl
        else ln
        for ln in group
    ]


# a list number as LibreOffice draws it in right-to-left text, its point on the left, read ".1" (logically "1.")
_VISUAL_LIST_NUMBER = re.compile(r"^\.(\d{1,3}) ")
