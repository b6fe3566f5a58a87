"""Markdown renderer: the document tree with [^n] footnotes, for pasting into e-mail and other tools."""

from __future__ import annotations

import re

from briefing.core.richtext import Run
from briefing.export.tree import BodyText, DocumentTree, Heading, ListBlock, Quotation, list_label

SIGNING_LINE = "_" * 30  # a run of underscores alone is no emphasis: it reads back as the line it is

# Characters that mean something inline: CommonMark's own, ~ (GitHub strikeout, pandoc subscript), ^ (pandoc
# superscript), { (pandoc attributes), @ starting a pandoc citation, : starting an emoji name (:+1:, :smile:; a name
# has a letter but for :100:, :1234:, :+1: and :-1:, so the times 12:30:45 and 10:30 are left alone), $ opening
# maths unless a digit follows (so "$5" stays readable: a closing $ is never followed by one), and & only where it
# would start an entity such as &amp; or &#169;.
_SPECIAL = re.compile(
    r"[\\`*_\[\]<>|~^{]|(?<!\w)@|:(?=(?:[\w+-]*[^\W\d_][\w+-]*|100|1234|[+-]1):)|\$(?!\d)|&(?=#?\w+;)"
)
# Text at the start of a line that would begin a block: heading (#), list item or setext underline (- + =),
# definition or fenced div (:), ordered list (1. 1) and pandoc's a. iv. A) (1); not "A. Name", an initial), fence
# (``` and ~~~ are escaped above). Escaping the punctuation after the number keeps "2012\. The" readable.
_LINE_START = re.compile(r"^[-+=:#]|^(\(?(?:\d+|[a-z]|[ivxlcdm]+|[IVXLCDM]{2,}|[A-Z](?=\))))([.)])(?=\s|$)")


def escape(text: str, *, line_start: bool = True) -> str:
    """Text that a Markdown reader gives back exactly as written: no accidental emphasis, links, HTML, entities,
    headings, lists or code. line_start: the text begins a line (not a run after a bold one: "**2**: talks")."""
    text = _SPECIAL.sub(r"\\\g<0>", text)
    return _LINE_START.sub(_escape_line_start, text) if line_start else text


def _escape_line_start(match: re.Match[str]) -> str:
    if match[1]:  # 1. or (a): escape the . or ) after the number, or the opening (
        number, mark = match[1], match[2]
        return f"\\{number}{mark}" if number.startswith("(") else f"{number}\\{mark}"
    return "\\" + match[0]


def _runs(runs: tuple[Run, ...]) -> str:
    """Bold and italic runs as **bold** and *italic*, their spaces outside the asterisks (where they must be)."""
    out: list[str] = []
    for run in runs:
        marker = "*" * ((2 if run.bold else 0) + (1 if run.italic else 0))
        core = run.text.strip(" ")
        if not marker or not core:
            out.append(escape(run.text, line_start=not out))
            continue
        lead = run.text[: len(run.text) - len(run.text.lstrip(" "))]
        trail = run.text[len(run.text.rstrip(" ")) :]
        out.append(f"{lead}{marker}{escape(core, line_start=False)}{marker}{trail}")
    return "".join(out)


def _list(block: ListBlock) -> list[str]:
    """A nested Markdown list: each level indented to its parent's text. Lettered and roman items are pandoc's "a)"
    and "i.", a blank line apart, so that a reader without pandoc's lettered lists still shows one item a line."""
    lines: list[str] = []
    indents: list[int] = []  # where the text of each open level starts
    for item in block.items:
        del indents[item.level :]
        indent = indents[-1] if indents else 0
        label = "-" if item.kind == "bullet" else list_label(item)
        indents.append(indent + len(label) + 1)
        if item.kind in ("letter", "roman") and lines:
            lines.append("")
        lines.append(f"{' ' * indent}{label} {_runs(item.runs)}")
    return lines


def _heading(text: str) -> str:
    """A heading's text: escaped, and a "#" at its end escaped too, or "Item #" would lose it as the heading's
    optional closing sequence."""
    text = escape(text)
    return text[:-1] + "\\#" if text.endswith("#") else text


def _sources_list(tree: DocumentTree) -> list[str]:
    """The Sources heading and its numbered entries, as lines; none without a sources list."""
    if not tree.sources:
        return []
    lines = [f"## {_heading(tree.sources_heading)}", ""]
    for number, entry in enumerate(tree.sources, start=1):
        text = escape(entry.text)
        if entry.url:
            text = text.replace(escape(entry.url), f"<{entry.url}>", 1)
        lines.append(f"{number}. {text}")
    return [*lines, ""]


def render_markdown(tree: DocumentTree) -> str:
    lines: list[str] = []
    marking = f"**{escape(tree.classification)}**"
    if "header" in tree.marking_placement or "footer" not in tree.marking_placement:
        lines += [marking, ""]
    if tree.draft:
        lines += [f"**{tree.wording.word('DRAFT')}**", ""]
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
            lines += [f"# {_heading(row.value)}", ""]
        elif row.name == "title_fr":
            end_block()
            lines += [f"*{escape(row.value)}*", ""]
        elif row.name in ("addressee", "purpose"):
            block.append(f"**{escape(row.value.upper())}**")
        else:
            block.append(f"**{escape(tree.wording.label(row.label).rstrip())}** {escape(row.value)}")
    end_block()

    for node in tree.body:
        if isinstance(node, Heading):
            lines += [f"## {_heading(node.text)}", ""]
        elif isinstance(node, Quotation):
            quote = "\n>\n".join(f"> {escape(paragraph)}" for paragraph in node.paragraphs)
            lines += [f"{quote}[^{node.citation.number}]", ""]
            if node.comment:
                comment = "  \n".join(escape(line) for line in node.comment.split("\n"))
                label = tree.wording.label(tree.wording.word("Analyst comment")).rstrip()
                lines += [f"*{label}* {comment}", ""]
        elif isinstance(node, BodyText):
            text = _runs(node.styled)
            lines += [f"{node.number}. {text}" if node.number else text, ""]
        elif isinstance(node, ListBlock):
            lines += [*_list(node), ""]
    sources = _sources_list(tree)
    if tree.sources_first:  # a note for decision ends with its decision block
        lines += sources
    if tree.contact:
        for label, text in tree.contact.lines:
            lines += [f"**{escape(tree.wording.label(label).rstrip())}** {escape(text)}", ""]
    if tree.decision:
        # a task list: boxes to tick where Markdown is rendered, still plain "[ ] I concur" where it is not
        lines += [*(f"- [ ] {escape(option)}" for option in tree.decision.options), ""]
        if tree.decision.lines:  # one line each, with a hard line break between them
            signing = (f"{escape(tree.wording.label(label))}{SIGNING_LINE}" for label in tree.decision.lines)
            lines += ["  \n".join(signing), ""]
    if not tree.sources_first:
        lines += sources
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
