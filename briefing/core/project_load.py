"""Loading a briefing: its zip opened, its manifest parsed, migrated and read into a Briefing, checking every value.

Loading trusts nothing in the file: any problem is one ProjectFileError naming the file and what is wrong.
"""

from __future__ import annotations

import json
import os
import zipfile
import zlib
from pathlib import Path
from typing import Any, cast

from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import (
    BLOCK_KINDS,
    FLAGS,
    LANGUAGES,
    Anchor,
    Block,
    Briefing,
    Excerpt,
    Item,
    Note,
    Section,
    Source,
    SourceMeta,
    TitleBlock,
    sha256_hex,
)
from briefing.core.project import MIMETYPE, PartCache, ProjectFileError, no_surrogates, short_repr, source_ids_problem
from briefing.core.project_manifest import (
    FORMAT_VERSION,
    MAX_MANIFEST_BYTES,
    MIGRATIONS,
    ManifestTooLarge,
    parse_manifest,
)
from briefing.core.project_zip import ZipParts, open_regular, zip_in_words
from briefing.core.yaml_cache import yaml_error

# Counts far above real briefings (bench/project_io.py: 20 sources, 1,000 excerpts), refused before they are built.
MAX_SOURCES = 2_000
MAX_SECTIONS = 1_000
MAX_ITEMS = 50_000


def load_briefing(path: str | os.PathLike[str], cache: PartCache | None = None) -> Briefing:
    """Read a .briefing file; raises ProjectFileError (never anything else) on any problem. The cache, if
    given, keeps the compressed parts for the next save."""
    path = Path(path)
    try:
        with open_regular(path) as stream, zip_in_words(stream) as zf:
            return _load(ZipParts(zf, path, cache, os.fstat(stream.fileno()).st_size))
    except ProjectFileError:
        raise
    except FileNotFoundError:
        raise ProjectFileError(path, Message(QT_TRANSLATE_NOOP("Messages", "file not found"))) from None
    except IsADirectoryError:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is a folder, not a briefing file"))
        ) from None
    except PermissionError:
        raise ProjectFileError(path, Message(QT_TRANSLATE_NOOP("Messages", "permission denied"))) from None
    except zipfile.BadZipFile as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is not a briefing file, or is damaged ({exc})"), exc=exc)
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "uses a zip feature Briefing does not read ({exc})"), exc=exc)
        ) from None
    except (OSError, EOFError, ValueError, RuntimeError, zlib.error) as exc:
        raise ProjectFileError(
            path, Message(QT_TRANSLATE_NOOP("Messages", "is damaged and cannot be read ({exc})"), exc=exc)
        ) from None


def _load(parts: ZipParts) -> Briefing:
    mimetype = (
        parts.read("mimetype", Message(QT_TRANSLATE_NOOP("Messages", "its type marker")), 200)
        .decode("ascii", "replace")
        .strip()
    )
    if mimetype != MIMETYPE:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not a briefing file (it says it is {mimetype})"),
                mimetype=f"{mimetype[:60]!r}",
            )
        )
    manifest_info = parts.infos.get("manifest.yaml")
    if manifest_info is not None and manifest_info.file_size > MAX_MANIFEST_BYTES:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest is {size} MB, more than a briefing's can be ({limit} MB)"),
                size=manifest_info.file_size // (1024 * 1024),
                limit=MAX_MANIFEST_BYTES // (1024 * 1024),
            )
        )
    raw = parts.read("manifest.yaml", Message(QT_TRANSLATE_NOOP("Messages", "its manifest")), MAX_MANIFEST_BYTES)
    try:
        manifest = parse_manifest(raw)
    except (UnicodeDecodeError, yaml_error()) as exc:
        raise parts.fail(_damaged_manifest(exc)) from None
    except ManifestTooLarge as exc:
        raise parts.fail(
            Message(QT_TRANSLATE_NOOP("Messages", "manifest {exc}, more than a briefing can have"), exc=exc)
        ) from None
    except RecursionError:
        raise parts.fail(
            Message(QT_TRANSLATE_NOOP("Messages", "manifest is nested too deeply to be a briefing"))
        ) from None
    m = _Manifest(parts, migrate(manifest, parts))
    return m.briefing()


def _damaged_manifest(exc: Exception) -> Message:
    """A manifest that cannot be parsed, in the analyst's words, as every damaged part is said ("part
    'manifest.yaml' is damaged"); the decoder's or parser's own words ("did not find expected <document start>")
    only with BRIEFING_DEBUG set, for whoever looks into the file."""
    detail = ""
    if os.environ.get("BRIEFING_DEBUG"):
        mark = getattr(exc, "problem_mark", None)  # a YAML error's place
        detail = getattr(exc, "problem", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        detail = f" [{detail}" + (f", line {mark.line + 1}, column {mark.column + 1}]" if mark else "]")
    return Message(
        QT_TRANSLATE_NOOP("Messages", "part {name} is damaged (its contents cannot be read){detail}"),
        name=short_repr("manifest.yaml"),
        detail=detail,
    )


def migrate(manifest: Any, parts: ZipParts) -> dict[str, Any]:
    if not isinstance(manifest, dict) or manifest.get("format") != "briefing":
        raise parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest does not describe a briefing")))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest has no valid version number ({version})"),
                version=short_repr(version),
            )
        )
    if version > FORMAT_VERSION:
        raise parts.fail(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "was saved by a newer Briefing (file format {version}; this version "
                    "reads up to {format_version}). Update Briefing to open it.",
                ),
                version=version,
                format_version=FORMAT_VERSION,
            )
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise parts.fail(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "uses file format {version}, which this version of Briefing cannot convert"
                    ),
                    version=version,
                )
            )
        manifest = step(manifest)
        version += 1
        manifest["version"] = version
    return cast(dict[str, Any], manifest)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _block_problem(row: Any, length: int, previous: int) -> Message | None:
    """What is wrong with one [kind, level, start, end] row of a source's blocks, or None."""
    if not isinstance(row, list) or len(row) != 4:
        return Message(QT_TRANSLATE_NOOP("Messages", "expected [kind, level, start, end]"))
    kind, level, start, end = row
    if kind not in BLOCK_KINDS:
        return Message(QT_TRANSLATE_NOOP("Messages", "unknown kind {kind}"), kind=repr(str(kind)[:30]))
    if not _is_whole(level):
        return Message(QT_TRANSLATE_NOOP("Messages", "its level is not a whole number"))
    if not (_is_whole(start) and _is_whole(end) and previous <= start <= end <= length):
        return Message(QT_TRANSLATE_NOOP("Messages", "it points outside the text or out of order"))
    return None


class _Manifest:
    """Typed reads from the manifest, each failure naming where in the manifest it is."""

    def __init__(self, parts: ZipParts, data: dict[str, Any]) -> None:
        self.parts = parts
        self.data = data

    def fail(self, where: str, expected: str | Message, found: Any) -> ProjectFileError:
        shown = repr(found)
        return self.parts.fail(
            Message(
                QT_TRANSLATE_NOOP("Messages", "manifest at {where}: expected {expected}, found {shown}"),
                where=where,
                expected=expected,
                shown=shown[:60],
            )
        )

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, Message(QT_TRANSLATE_NOOP("Messages", "a mapping")), value)
        return value

    def sequence(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, Message(QT_TRANSLATE_NOOP("Messages", "a list")), value)
        return value

    def text(self, mapping: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = mapping.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", Message(QT_TRANSLATE_NOOP("Messages", "text")), value)
        return no_surrogates(value)

    def whole(self, mapping: dict[str, Any], key: str, where: str) -> int:
        value = mapping.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}.{key}", Message(QT_TRANSLATE_NOOP("Messages", "a whole number")), value)
        return value

    def offsets(self, values: list[Any], length: int, where: str) -> None:
        """Page starts: offsets into the text, in ascending order (citations look pages up by bisection)."""
        previous = 0
        for i, value in enumerate(values):
            if not _is_whole(value) or not previous <= value <= length:
                raise self.fail(
                    f"{where}[{i}]",
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "an offset from {previous} to {length} (ascending)"),
                        previous=previous,
                        length=length,
                    ),
                    value,
                )
            previous = value

    def blocks(self, rows: Any, length: int, what: Message) -> list[Block]:
        """A source's blocks: [kind, level, start, end] rows within its text, in order (looked up by bisection)."""
        if not isinstance(rows, list):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "{what} are damaged (not a list)"), what=what))
        blocks = []
        previous = 0
        for i, row in enumerate(rows):
            problem = _block_problem(row, length, previous)
            if problem:
                raise self.parts.fail(
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "{what} are damaged (block {i}: {problem})"),
                        what=what,
                        i=i,
                        problem=problem,
                    )
                )
            kind, level, start, end = row
            blocks.append(Block(kind=kind, level=level, start=start, end=end))
            previous = start
        return blocks

    def briefing(self) -> Briefing:
        title_raw = self.mapping(self.data.get("title_block", {}), "title_block")
        title = TitleBlock(**{k: self.text(title_raw, k, "title_block", "") for k in TitleBlock.field_names()})
        title.language = self.text(title_raw, "language", "title_block", "en")  # English when not said
        if title.language not in LANGUAGES:
            raise self.fail(
                "title_block.language",
                Message(QT_TRANSLATE_NOOP("Messages", "one of {choices}"), choices=", ".join(LANGUAGES)),
                title.language,
            )
        sources_raw = self.sequence(self.data.get("sources", []), "sources")
        sections_raw = self.sequence(self.data.get("sections"), "sections")
        self.counts(sources_raw, sections_raw)
        # Ids first: a source listed twice is said as such, not as its parts being named twice.
        raw_ids = [r["id"] for r in sources_raw if isinstance(r, dict) and isinstance(r.get("id"), str)]
        problem = source_ids_problem(raw_ids)
        if problem:
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest: {problem}"), problem=problem))
        sources = [self.source(raw, f"sources[{i}]", i + 1) for i, raw in enumerate(sources_raw)]
        ids = [s.id for s in sources]
        problem = source_ids_problem(ids)
        if problem:
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest: {problem}"), problem=problem))
        sections = [self.section(raw, f"sections[{i}]") for i, raw in enumerate(sections_raw)]
        item_ids = [i.id for s in sections for i in s.items]
        if len(set(item_ids)) != len(item_ids):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest lists the same item twice")))
        if len({s.id for s in sections}) != len(sections):
            raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "manifest lists the same section twice")))
        for section in sections:
            for item in section.items:
                if isinstance(item, Excerpt) and item.source_id not in ids:
                    raise self.parts.fail(
                        Message(
                            QT_TRANSLATE_NOOP(
                                "Messages", "excerpt {id} cites source {source_id}, which is not in the file"
                            ),
                            id=short_repr(item.id),
                            source_id=short_repr(item.source_id),
                        )
                    )
        return Briefing(
            template=self.text(self.data, "template", "manifest"), title_block=title, sections=sections, sources=sources
        )

    def counts(self, sources: list[Any], sections: list[Any]) -> None:
        """Refuse more sources, sections or items than a briefing can have, before building any of them."""
        if len(sources) > MAX_SOURCES:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {count} sources, more than a briefing can have"),
                    count=f"{len(sources):,}",
                )
            )
        if len(sections) > MAX_SECTIONS:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {count} sections, more than a briefing can have"),
                    count=f"{len(sections):,}",
                )
            )
        items = sum(len(s["items"]) for s in sections if isinstance(s, dict) and isinstance(s.get("items"), list))
        if items > MAX_ITEMS:
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "manifest lists {items} items, more than a briefing can have"),
                    items=f"{items:,}",
                )
            )

    def section(self, raw: Any, where: str) -> Section:
        raw = self.mapping(raw, where)
        items = [
            self.item(r, f"{where}.items[{i}]")
            for i, r in enumerate(self.sequence(raw.get("items", []), f"{where}.items"))
        ]
        return Section(
            id=self.text(raw, "id", where),
            heading=self.text(raw, "heading", where),
            heading_fr=self.text(raw, "heading_fr", where, ""),
            items=items,
        )

    def item(self, raw: Any, where: str) -> Item:
        raw = self.mapping(raw, where)
        kind = raw.get("kind")
        if kind == "note":
            return Note(id=self.text(raw, "id", where), text=self.text(raw, "text", where))
        if kind != "excerpt":
            raise self.fail(f"{where}.kind", Message(QT_TRANSLATE_NOOP("Messages", "'excerpt' or 'note'")), kind)
        excerpt_id = self.text(raw, "id", where)
        anchor = Anchor(
            exact=self.text(raw, "exact", where),
            prefix=self.text(raw, "prefix", where, ""),
            suffix=self.text(raw, "suffix", where, ""),
            start=self.whole(raw, "start", where),
            end=self.whole(raw, "end", where),
        )
        if not anchor.exact:  # an excerpt is its quote: with none there is nothing to find, cite or show
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Messages", "excerpt {excerpt_id} at {where} quotes nothing (its exact is empty)"
                    ),
                    excerpt_id=short_repr(excerpt_id),
                    where=where,
                )
            )
        flag = raw.get("flag", "")
        if flag not in ("", *FLAGS):
            raise self.fail(f"{where}.flag", Message(QT_TRANSLATE_NOOP("Messages", "'changed' or 'lost'")), flag)
        return Excerpt(
            id=excerpt_id,
            source_id=self.text(raw, "source", where),
            anchor=anchor,
            comment=self.text(raw, "comment", where, ""),
            flag=flag,
            filed=self.text(raw, "filed", where, anchor.exact) if flag else "",
        )

    def source(self, raw: Any, where: str, number: int) -> Source:
        raw = self.mapping(raw, where)
        source_id = self.text(raw, "id", where)
        meta_raw = self.mapping(raw.get("meta", {}), f"{where}.meta")
        meta = SourceMeta()
        for key in SourceMeta.field_names():
            if key in meta_raw:
                default = getattr(meta, key)
                value = meta_raw[key]
                if not isinstance(value, type(default)) or isinstance(value, bool):
                    raise self.fail(f"{where}.meta.{key}", type(default).__name__, value)
                setattr(meta, key, no_surrogates(value) if isinstance(value, str) else value)
        # as the analyst knows it (its number and title in the briefing), not by its internal id
        name = f"source {number} {short_repr(meta.title or meta.file_name or source_id, 60)}"
        try:
            text = self.parts.read(
                raw.get("text"), Message(QT_TRANSLATE_NOOP("Messages", "the text of {name}"), name=name)
            ).decode("utf-8")
        except UnicodeDecodeError:
            raise self.parts.fail(
                Message(QT_TRANSLATE_NOOP("Messages", "the text of {name} is not UTF-8"), name=name)
            ) from None
        expected_hash = raw.get("text_sha256")
        if expected_hash is not None and expected_hash != sha256_hex(text.encode("utf-8")):
            raise self.parts.fail(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the text of {name} is damaged (its checksum does not match)"),
                    name=name,
                )
            )
        if meta.direction not in ("", "ltr", "rtl"):
            raise self.fail(
                f"{where}.meta.direction", Message(QT_TRANSLATE_NOOP("Messages", "'ltr', 'rtl' or ''")), meta.direction
            )
        self.offsets(meta.page_starts, len(text), f"{where}.meta.page_starts")
        for i, page in enumerate(meta.ocr_pages):  # page numbers (from 1) that citations compare with
            if not _is_whole(page) or page < 1:
                raise self.fail(
                    f"{where}.meta.ocr_pages[{i}]", Message(QT_TRANSLATE_NOOP("Messages", "a page number from 1")), page
                )
        for key in ("to", "cc"):  # an e-mail's recipients: each a name or address, as text
            for i, who in enumerate(getattr(meta, key)):
                if not isinstance(who, str):
                    raise self.fail(f"{where}.meta.{key}[{i}]", "str", who)
                getattr(meta, key)[i] = no_surrogates(who)
        blocks: list[Block] = []
        if raw.get("blocks") is not None:
            what = Message(QT_TRANSLATE_NOOP("Messages", "the blocks of {name}"), name=name)
            try:
                rows = json.loads(self.parts.read(raw["blocks"], what))
            except ValueError:
                raise self.parts.fail(Message(QT_TRANSLATE_NOOP("Messages", "{what} are damaged"), what=what)) from None
            blocks = self.blocks(rows, len(text), what)
        original = None
        if raw.get("original") is not None:
            original = self.parts.read(
                raw["original"], Message(QT_TRANSLATE_NOOP("Messages", "the original file of {name}"), name=name)
            )
        return Source(id=source_id, text=text, blocks=blocks, meta=meta, original=original)
