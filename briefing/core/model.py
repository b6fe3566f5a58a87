"""The briefing model: Briefing -> Section -> Item (Excerpt | Note), plus Sources. Plain Python, no Qt."""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import PurePath
from typing import Literal

from briefing.core.messages import QT_TRANSLATE_NOOP, Message

PURPOSES = ("for-decision", "for-information")
LANGUAGES = ("en", "fr", "bilingual")  # a note's language: what its export prints and how it is tagged
BLOCK_KINDS = ("title", "heading", "paragraph", "list-item", "quote", "table", "code", "caption")


def new_id(prefix: str) -> str:
    """A short random id, unique enough within one briefing and stable across saves."""
    # 12 random hex digits, as uuid4().hex[:12] gave (those digits of a uuid4 are all random), without importing
    # uuid (which loads platform) at start-up.
    return f"{prefix}-{os.urandom(6).hex()}"


@dataclass(frozen=True)
class Block:
    """One structural block of a source's normalised text: text[start:end] is the block's text."""

    kind: str
    start: int
    end: int
    level: int = 0  # heading level (1..6) or list nesting depth; 0 where it means nothing


# An e-mail's title when it has no subject (importers/eml.py, msg.py): stored as this English marker, shown in the
# interface language by the window (gui/i18n.shown_label), left out of citations (export/tree._cited_title)
NO_SUBJECT = QT_TRANSLATE_NOOP("Messages", "(no subject)")


@dataclass
class SourceMeta:
    """What is known of a source's origin: title, author, publisher, date, address, language."""

    title: str = ""
    author: str = ""
    publisher: str = ""
    published: str = ""  # ISO 8601 date or date-time as found; "" when unknown
    url: str = ""
    language: str = ""
    # the language the analyst set in Source details, which a new version of the file keeps (UpdateSource); ""
    # while the language is the import's, which a new version's import replaces
    language_chosen: str = ""
    direction: Literal["ltr", "rtl", ""] = ""
    imported_at: str = ""  # ISO 8601 UTC
    file_name: str = ""  # the original file's name, never its full path (paths leak)
    sha256: str = ""  # of the original bytes
    encoding: str = ""  # the encoding the bytes were decoded with, for text formats
    format: str = ""  # importer that produced the text: text, html, docx, pdf, eml, paste
    pages: int = 0  # for paged formats
    # for paged formats: page_starts[i] is the text offset where page i + 1 begins (see Source.page_at)
    page_starts: list[int] = field(default_factory=list)
    # pages (1-based) whose text OCR read from an image (a scan, a photo): citations and the window say so
    ocr_pages: list[int] = field(default_factory=list)
    # an e-mail's recipients ("Name <address>", as the message shows them; blind copies are never kept): a citation
    # of correspondence names who it was to
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    # the title (subject, or NO_SUBJECT) of the e-mail this source came attached to, which its citation names: an
    # attached message's file name is only the one Briefing gave it; "" for a file of its own
    attached_to: str = ""

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def has_own_title(self) -> bool:
        """Whether the title is the document's own, not the importers' stand-in for a document that gives none: the
        file's name without its extension, or an e-mail's NO_SUBJECT. A new version of a source that gives none
        keeps the title the analyst has been citing (operations.UpdateSource)."""
        stand_in = self.title == NO_SUBJECT or (bool(self.file_name) and self.title == PurePath(self.file_name).stem)
        return bool(self.title) and not stand_in


@dataclass
class Source:
    """A source document: normalised text (paragraphs separated by blank lines), its blocks and metadata.

    `original` holds the bytes of the file it was imported from, when there was one.
    """

    id: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)
    original: bytes | None = None

    @property
    def label(self) -> str:
        return self.meta.title or self.meta.file_name or self.id

    def block_at(self, offset: int) -> tuple[int, Block] | None:
        """The (index, block) holding a character offset, for citations ("para. 4")."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid - 1
            elif offset >= block.end:
                lo = mid + 1
            else:
                return mid, block
        return None

    def page_at(self, offset: int) -> int | None:
        """1-based page holding a character offset, for citations ("p. 4"); None for unpaged sources."""
        starts = self.meta.page_starts
        if not starts:
            return None
        return max(1, bisect.bisect_right(starts, offset))

    def paragraph_number(self, offset: int) -> int | None:
        """1-based number of the paragraph-like block holding offset, counting headings too."""
        found = self.block_at(offset)
        return None if found is None else found[0] + 1


_SMALL = 256 * 1024  # bytes


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of data, in hex. Small data (the demo's sample article, at every start with the demo) is hashed
    by Python's own SHA-256 module: importing hashlib loads OpenSSL, about 11 M instructions, and the digest is the
    same; bigger files get OpenSSL's faster code."""
    if len(data) <= _SMALL:
        import importlib

        for name in ("_sha2", "_sha256"):  # its name from Python 3.12 on, and before
            try:
                return str(importlib.import_module(name).sha256(data).hexdigest())
            except ImportError:
                pass
    import hashlib

    return hashlib.sha256(data).hexdigest()


@dataclass
class Anchor:
    """Where an excerpt sits in its source, after the W3C Web Annotation model.

    TextQuoteSelector (exact, prefix, suffix) plus TextPositionSelector (start, end) on the normalised text.
    """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


FLAGS = ("changed", "lost")  # what updating a source can leave on an excerpt for the analyst to resolve


@dataclass
class Excerpt:
    """A passage of a source filed in a section: where it is (its anchor) and the analyst's comment."""

    id: str
    source_id: str
    anchor: Anchor
    comment: str = ""
    # Set when its source is updated to a new version (operations.UpdateSource) and the passage was edited there
    # ("changed": the excerpt now quotes the new wording) or is gone ("lost": it keeps its old quote); cleared when
    # the analyst accepts the new wording. `filed` is the quote as the analyst filed it, while flagged.
    flag: Literal["", "changed", "lost"] = ""
    filed: str = ""

    kind: Literal["excerpt"] = "excerpt"


@dataclass
class Note:
    """The analyst's own paragraph in a section."""

    id: str
    text: str

    kind: Literal["note"] = "note"


Item = Excerpt | Note


@dataclass
class Section:
    """A section of the note: its heading (and French heading) and its excerpts and notes, in order."""

    id: str
    heading: str
    heading_fr: str = ""
    items: list[Item] = field(default_factory=list)


FIRST_YEAR = 1900  # no note is dated earlier: "0026-03-31" is a typo for 2026, not "31 March 26" to print


def is_note_date(text: str) -> bool:
    """Whether text is a note's date as the title block stores it: a real day written YYYY-MM-DD ("2026-12-07";
    not "20261207", "7 décembre 2026" or 2026-02-30), in 1900 or later. The exports print it in the note's
    language from this. The one rule for the command line, the window and the operation that sets it."""
    return _is_day(text) and int(text[:4]) >= FIRST_YEAR


def _is_day(text: str) -> bool:
    """Whether text is a day of the calendar written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # fromisoformat alone also takes 20261207
        return False
    from datetime import date  # (here: a date is checked when typed, not at start-up)

    try:
        date.fromisoformat(text)
    except ValueError:  # 2026-02-30
        return False
    return True


def early_year(text: str) -> Message | None:
    """Why a day written YYYY-MM-DD is not a note's date, when it is before 1900 ("the year 0026 is before 1900");
    None otherwise. The command line and the window both say it."""
    if not _is_day(text) or is_note_date(text):
        return None
    return Message(QT_TRANSLATE_NOOP("Messages", "the year {year} is before {first}"), year=text[:4], first=FIRST_YEAR)


_MONTHS = (  # for missing_day(), translated with it in the window
    Message(QT_TRANSLATE_NOOP("Messages", "January")),
    Message(QT_TRANSLATE_NOOP("Messages", "February")),
    Message(QT_TRANSLATE_NOOP("Messages", "March")),
    Message(QT_TRANSLATE_NOOP("Messages", "April")),
    Message(QT_TRANSLATE_NOOP("Messages", "May")),
    Message(QT_TRANSLATE_NOOP("Messages", "June")),
    Message(QT_TRANSLATE_NOOP("Messages", "July")),
    Message(QT_TRANSLATE_NOOP("Messages", "August")),
    Message(QT_TRANSLATE_NOOP("Messages", "September")),
    Message(QT_TRANSLATE_NOOP("Messages", "October")),
    Message(QT_TRANSLATE_NOOP("Messages", "November")),
    Message(QT_TRANSLATE_NOOP("Messages", "December")),
)


def missing_day(text: str) -> Message | None:
    """Why a date written YYYY-MM-DD is no day of the calendar ("February 2026 has 28 days"), as the command line
    and the window both say it; None when text is a day, or is not written YYYY-MM-DD (is_note_date's rule)."""
    if _is_day(text) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    import calendar  # only for a refusal

    year, month, _day = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        return Message(QT_TRANSLATE_NOOP("Messages", "there is no month {month}"), month=month)
    if year < 1:
        return Message(QT_TRANSLATE_NOOP("Messages", "there is no year {year}"), year=year)
    days = calendar.monthrange(year, month)[1]
    return Message(
        QT_TRANSLATE_NOOP("Messages", "{month} {year} has {days} days"), month=_MONTHS[month - 1], year=year, days=days
    )


@dataclass
class TitleBlock:
    """The note's title, number, addressee, purpose and markings."""

    title: str = ""
    title_fr: str = ""
    document_number: str = ""
    addressee: str = ""
    purpose: str = "for-information"  # one of PURPOSES
    classification: str = ""
    date: str = ""  # ISO date
    prepared_by: str = ""
    phone: str = ""  # the contact's telephone number, for the contact block
    approved_by: str = ""
    consulted: str = ""
    language: str = "en"  # one of LANGUAGES; not printed as a row, it decides the export's language

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def printable_names(cls) -> tuple[str, ...]:
        """The fields a template's title block may show: all but the language, which no note prints."""
        return tuple(name for name in cls.field_names() if name != "language")


@dataclass
class Briefing:
    """A briefing note: its template, title block, sections and sources."""

    template: str
    title_block: TitleBlock = field(default_factory=TitleBlock)
    sections: list[Section] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def note_copy(self) -> Briefing:
        """A copy whose title block, sections and items can be changed without touching this one; the sources,
        which such changes leave alone and which hold nearly all the data, are shared."""
        from copy import copy

        sections = [replace(section, items=[copy(item) for item in section.items]) for section in self.sections]
        return replace(self, title_block=copy(self.title_block), sections=sections, sources=list(self.sources))

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"no section {section_id!r}")

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source {source_id!r}")

    def same_file(self, source: Source) -> Source | None:
        """The source of this briefing imported from the same bytes as `source` (the same SHA-256) into the same
        text, if any: adding a file twice is nearly always a slip, which the window asks about and `add-source`
        refuses without --force. The text too, because a message attached to an Outlook message keeps the whole
        outer file as its bytes. None for a source without a file (pasted text)."""
        if not source.meta.sha256:
            return None
        return next(
            (
                s
                for s in self.sources
                if s.meta.sha256 == source.meta.sha256 and s.text == source.text and s is not source
            ),
            None,
        )

    def find_item(self, item_id: str) -> tuple[Section, int, Item]:
        for section in self.sections:
            for index, item in enumerate(section.items):
                if item.id == item_id:
                    return section, index, item
        raise KeyError(f"no item {item_id!r}")

    def excerpts(self) -> list[tuple[Section, Excerpt]]:
        return [(s, i) for s in self.sections for i in s.items if isinstance(i, Excerpt)]

    def excerpts_of(self, source_id: str) -> list[Excerpt]:
        return [e for _, e in self.excerpts() if e.source_id == source_id]
