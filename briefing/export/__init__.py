"""Export a briefing to DOCX, PDF or Markdown: one document tree, one renderer per format, atomic writes."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.files import atomic_write, with_reason, write_problem
from briefing.core.messages import QT_TRANSLATE_NOOP, Message, extension
from briefing.core.model import Briefing
from briefing.core.templates import Template
from briefing.export import reportlab_start
from briefing.export.errors import ExportError
from briefing.export.tree import DocumentTree, build_tree

if TYPE_CHECKING:
    from briefing.export.pdf import Layout  # the module loads ReportLab: imported when a PDF is made

reportlab_start.install()  # before any module here imports ReportLab

FORMATS = {".docx": "DOCX", ".pdf": "PDF", ".md": "Markdown"}
Progress = Callable[[float, str], None]
OnLayout = Callable[["Layout"], None]

__all__ = [
    "FORMATS",
    "DocumentTree",
    "ExportError",
    "build_tree",
    "export_briefing",
    "export_tree",
    "export_tree_of",
    "render",
    "warm_up",
]


def render(
    tree: DocumentTree, suffix: str, progress: Progress | None = None, on_layout: OnLayout | None = None
) -> bytes:
    """The bytes of the tree in the format named by a file suffix (.docx, .pdf, .md); on_layout, when given, is
    told a PDF's page count and headings' pages (briefing.export.pdf.Layout)."""
    buffer = io.BytesIO()
    if suffix == ".docx":
        from briefing.export.docx import write_docx

        write_docx(tree, buffer)
    elif suffix == ".pdf":
        from briefing.export.pdf import write_pdf

        layout = write_pdf(tree, buffer, progress=progress)
        if on_layout is not None:
            on_layout(layout)
    elif suffix == ".md":
        from briefing.export.markdown import render_markdown

        buffer.write(render_markdown(tree).encode("utf-8"))
    else:
        raise ValueError(suffix)
    return buffer.getvalue()


def warm_up() -> None:
    """Import the PDF renderer and load its main fonts now (about 0.3 s), e.g. in a background thread at start-up,
    so the user's first PDF export does not pay for it."""
    from briefing.export.pdftext import SANS, register

    register(SANS)


def _check_target(path: Path) -> None:
    suffix = path.suffix.lower()
    if os.path.isdir(path):  # said before its suffix: `-o notes` names a folder, not an unknown format
        raise ExportError(path, Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a file")))
    if suffix not in FORMATS:
        raise ExportError(
            path,
            Message(
                QT_TRANSLATE_NOOP("Messages", "unknown export format {suffix}; use .docx, .pdf or .md"),
                suffix=extension(path.suffix),
            ),
        )
    if "\x00" in str(path):  # the OS would refuse it with a bare ValueError
        raise ExportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "the name contains a NUL character; choose another name"))
        )
    try:
        if path.parent.exists() and not path.parent.is_dir():
            raise ExportError(
                path,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{parent} is a file, not a folder"), parent=f"{str(path.parent)!r}"
                ),
            )
        if not path.parent.is_dir():
            raise ExportError(
                path,
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the folder {parent} does not exist"), parent=f"{str(path.parent)!r}"
                ),
            )
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(path, with_reason(Message(QT_TRANSLATE_NOOP("Messages", "cannot be checked")), exc)) from None
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):  # (root may write anyway; the mode still says no)
        raise ExportError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is read-only; make it writable or export under another name"))
        )


def export_briefing(
    briefing: Briefing,
    template: Template,
    out_path: str | os.PathLike[str],
    *,
    draft: bool = False,
    progress: Progress | None = None,
    on_layout: OnLayout | None = None,
) -> Path:
    """Export to .docx, .pdf or .md (chosen by suffix) and return the path; raises ExportError on failure.

    progress, when given, is called with (fraction done, what is happening) for a progress bar.
    """
    if progress:
        progress(0.0, "Preparing the document")
    tree = export_tree_of(briefing, template, out_path, draft=draft)
    return export_tree(tree, out_path, progress=progress, on_layout=on_layout)


def export_tree_of(
    briefing: Briefing, template: Template, out_path: str | os.PathLike[str], *, draft: bool = False
) -> DocumentTree:
    """The document tree export_briefing renders; its ExportError names out_path. (`briefing export` keeps the tree
    for its warnings rather than build it twice.)"""
    try:
        return build_tree(briefing, template, draft=draft)
    except ExportError as exc:
        if exc.path is not None:
            raise
        raise ExportError(out_path, exc.message, unmatched=exc.unmatched) from None


def export_tree(
    tree: DocumentTree,
    out_path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    on_layout: OnLayout | None = None,
) -> Path:
    """Render a document tree and write it atomically, as export_briefing does. The tree shares nothing mutable
    with the briefing it was built from, so it can be rendered on another thread while the briefing changes."""
    path = Path(out_path)
    _check_target(path)
    if progress:
        progress(0.1, f"Writing {FORMATS[path.suffix.lower()]}")
    try:
        data = render(tree, path.suffix.lower(), progress, on_layout)
    except ExportError as exc:
        if exc.path is not None:
            raise
        raise ExportError(path, exc.message) from None  # a renderer knows no file: name it here
    except (ValueError, KeyError, OSError, MemoryError, RecursionError) as exc:
        problem = Message(
            QT_TRANSLATE_NOOP("Messages", "could not be produced ({kind}: {reason})"),
            kind=type(exc).__name__,
            reason=(str(exc).splitlines() or [""])[0],
        )
        raise ExportError(path, problem) from None
    if progress:
        progress(0.95, "Saving")
    try:
        atomic_write(path, data)  # follows a symlink; errors name path as given
    except (OSError, ValueError) as exc:
        raise ExportError(path, write_problem(exc)) from None
    if progress:
        progress(1.0, "Done")
    return path
