"""Markdown renderer: the document tree with [^n] footnotes, for pasting into e-mail and other tools."""

from __future__ import annotations

import re

from briefing.export.tree import BodyText, DocumentTree, Heading, Quotation

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(#|[-+]\s|\d+[.)]\s|=+$|-+$)")


def escape(text: str) -> str:
    """Text that Markdown shows as written (no accidental emphasis, links, HTML or headings)."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\\\1", text)


def render_markdown(tree: DocumentTree) -> str:
    lines: list[str] = []
    marking = f"**{escape(tree.classification)}**"
    if "header" in tree.marking_placement or "footer" not in tree.marking_placement:
        lines += [marking, ""]
    if tree.draft:
        lines += ["**DRAFT**", ""]
    block: list[str] = []

    def end_block() -> None:
        if block:
            lines.append("  \n".join(block))
            lines.append("")
            block.clear()

    for row in tree.title_rows:
        if row.name == "classification":
            continue
        if row.name == "title":
            end_block()
            lines += [f"# {escape(row.value)}", ""]
        elif row.name == "title_fr":
            end_block()
            lines += [f"*{escape(row.value)}*", ""]
        elif row.name in ("addressee", "purpose"):
            block.append(f"**{escape(row.value.upper())}**")
        else:
            block.append(f"**{escape(row.label)}:** {escape(row.value)}")
    end_block()

    for node in tree.body:
        if isinstance(node, Heading):
            lines += [f"## {escape(node.text)}", ""]
        elif isinstance(node, Quotation):
            lines += [f"> {escape(node.text)}[^{node.citation.number}]", ""]
            if node.comment:
                comment = "  \n".join(escape(line) for line in node.comment.split("\n"))
                lines += [f"*Analyst comment:* {comment}", ""]
        elif isinstance(node, BodyText):
            lines += [escape(node.text), ""]
    if tree.sources:
        lines += [f"## {escape(tree.sources_heading)}", ""]
        for number, entry in enumerate(tree.sources, start=1):
            text = escape(entry.text)
            if entry.url:
                text = text.replace(escape(entry.url), f"<{entry.url}>", 1)
            lines.append(f"{number}. {text}")
        lines.append("")
    for citation in tree.citations:
        text = escape(citation.text)
        if citation.url:
            text = text.replace(escape(citation.url), f"<{citation.url}>", 1)
        lines.append(f"[^{citation.number}]: {text}")
    if tree.citations:
        lines.append("")
    if "footer" in tree.marking_placement:
        lines += [marking, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
