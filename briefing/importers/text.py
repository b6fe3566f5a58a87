"""Plain text and Markdown sources, in any encoding."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.text import build_text

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_SENTENCE_END = tuple(".!?:;,…\"'”’")


def decode(data: bytes, file_name: str, encoding: str | None) -> tuple[str, str]:
    """Decode bytes as text; returns (text, encoding used)."""
    from briefing.importers import SourceImportError

    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise SourceImportError(file_name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise SourceImportError(file_name, f"is not valid {encoding} (byte {exc.start})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceImportError(file_name, "is not text (no character encoding fits it)")
    return str(best), best.encoding


def _looks_like_heading(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) <= 100 and not paragraph.rstrip().endswith(_SENTENCE_END)


def parse_plain(text: str) -> list[tuple[str, int, str]]:
    """Split text into blocks: paragraphs at blank lines, Markdown headings/lists, short lone lines as headings."""
    parts: list[tuple[str, int, str]] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for paragraph in re.split(r"\n\s*\n", text):
        if not paragraph.strip():
            continue
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if all(_MD_LIST.match(line) for line in lines):
            parts.extend(("list-item", 1, _MD_LIST.match(line).group(1)) for line in lines)  # type: ignore[union-attr]
            continue
        heading = _MD_HEADING.match(lines[0].strip())
        if heading and len(lines) == 1:
            parts.append(("heading", len(heading.group(1)), heading.group(2)))
        elif all(line.lstrip().startswith(">") for line in lines):
            parts.append(("quote", 0, " ".join(line.lstrip()[1:] for line in lines)))
        elif _looks_like_heading(paragraph.strip()):
            parts.append(("heading" if parts else "title", 2 if parts else 1, paragraph))
        else:
            parts.append(("paragraph", 0, paragraph))
    return parts


def import_bytes(data: bytes, file_name: str, options: dict[str, str | None]) -> Source:
    decoded, encoding = decode(data, file_name, options.get("encoding"))
    text, blocks = build_text(parse_plain(decoded))
    title = ""
    if blocks and blocks[0].kind in ("title", "heading"):
        title = text[blocks[0].start : blocks[0].end]
    meta = SourceMeta(title=title or Path(file_name).stem, encoding=encoding, format="text")
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)
