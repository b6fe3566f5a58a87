"""The document tree every exporter renders: a briefing and its template reduced to plain, printable parts."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from briefing.core import richtext
from briefing.core.citation import EMAIL_FORMATS, attachment_note, correspondence, found_at, ocr_note, place
from briefing.core.labels import DECISION_DATE, DECISION_SIGNATURE, field_label, purpose_label
from briefing.core.language import (
    TAGS,
    Wording,
    detect_language,
    format_date,
    french_spacing,
    french_text,
    language_tag,
    primary_language,
    quotation_language,
)
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import NO_SUBJECT, Anchor, Briefing, Excerpt, Note, Source, TitleBlock
from briefing.core.richtext import ListKind, Run
from briefing.core.script import is_rtl, language_of
from briefing.core.templates import Template
from briefing.export.errors import ExportError

# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF), plus the
# C1 controls and the BOM, which no printed document wants. A bad source must never corrupt an export.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r]+")


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """XML-escape &, < and > (and any extra entities), like xml.sax.saxutils.escape without its slow imports."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def clean(text: str) -> str:
    """Text safe for any output format: no control characters, single spaces, newlines kept."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # Most texts, at C speed: printable means no control character, line break or other white space but the
        # space, so there is nothing to remove, join or strip (tests/export/test_tree.py compares both ways)
        return text
    return _cleaned(text)


def _cleaned(text: str) -> str:
    text = _ILLEGAL.sub("", text.replace("\r\n", "\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def clean_line(text: str) -> str:
    return " ".join(clean(text).split())


@dataclass(frozen=True)
class TitleRow:
    """One filled title-block field: name is the TitleBlock field, label its printed label."""

    name: str
    label: str
    value: str
    lang: str = ""  # its language tag when not the document's: a title in the other language


@dataclass(frozen=True)
class Citation:
    """A numbered footnote: the same number in every format."""

    number: int
    text: str  # the whole footnote as one line, URL included
    url: str  # "" when the source has none; lets renderers make the URL clickable
    source_id: str
    form: str = "full"  # full, short (a source cited before) or ibid (the source of the footnote before)
    lang: str = ""  # its language tag when not the document's (a French footnote in a bilingual note)
    title: str = ""  # the source's title as `text` has it, when in another language than the footnote's
    title_lang: str = ""  # that language's tag, for the exports


@dataclass(frozen=True)
class Heading:
    """A heading of the exported document."""

    text: str
    level: int = 1
    anchor: str = ""  # a stable id for bookmarks and links


@dataclass(frozen=True)
class Quotation:
    """A quoted passage with its citation, as the exports print it."""

    text: str  # one line per paragraph of the source it spans
    citation: Citation
    comment: str = ""  # only filled when the template exports comments
    rtl: bool = False
    lang: str = ""  # its language ("fr", "fa-IR"; core/language.quotation_language), for the exports' tags
    comment_lang: str = ""  # the comment's language tag when not the document's (bilingual notes)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n")

    @property
    def upright(self) -> bool:
        """Set upright, not in italics as other quotations: Arabic, Persian and Hebrew have no italics, nor have
        Chinese, Japanese and Korean (their characters stay upright, so only the digits and Latin words among
        them would slant, which reads as a mistake)."""
        return self.rtl or language_of(self.text) in ("zh", "ja", "ko")


@dataclass(frozen=True)
class BodyText:
    """A paragraph of the analyst's own writing: its plain text, and the same text as bold and italic runs."""

    text: str
    rtl: bool = False
    runs: tuple[Run, ...] = ()  # () when the text is all plain
    number: int = 0  # its paragraph number, when the template numbers paragraphs; 0 for none
    lang: str = ""  # its language tag when not the document's: a French paragraph of a bilingual note

    @property
    def styled(self) -> tuple[Run, ...]:
        return self.runs or (Run(self.text),)


@dataclass(frozen=True)
class ListEntry:
    """An item of a bulleted, numbered or lettered list."""

    text: str
    runs: tuple[Run, ...]
    kind: ListKind
    level: int = 0  # nesting depth, from 0
    number: int = 1  # its place in its list (a lettered item's letter: a = 1); bullets count too, unprinted
    rtl: bool = False
    lang: str = ""  # as BodyText's


@dataclass(frozen=True)
class ListBlock:
    """Consecutive list lines of a note: bulleted, numbered or lettered items, nested by level."""

    items: tuple[ListEntry, ...]
    under_number: bool = False  # right after a numbered paragraph: indented as its text is, under its number

    @property
    def text(self) -> str:
        return "\n".join(item.text for item in self.items)


# A numbered paragraph's text indent (room for "12."), 1 cm: the same in the PDF and in Word, or their lines and
# pages break apart. Lists under a numbered paragraph start at this indent too.
NUMBER_INDENT_PT = 72 / 2.54
LIST_STEP_PT = 18  # a list level's indent, and its label's room (0.25", Word's own)


def furniture_distance_pt(margin_mm: float) -> float:
    """How far the header's first line starts below the page's top edge (the footer's last line ends above the
    bottom edge) for a margin: half of it, 12 to 36 pt, in whole twips. The DOCX sets it as Word's header and
    footer distance, and the PDF draws the marking and page number where Word puts them from it."""
    return max(min(round(margin_mm * 1440 / 25.4) // 2, 720), 240) / 20


def list_label(item: ListEntry) -> str:
    """What a reader sees before the item: "•" (or "–" nested), "3." or "b)"."""
    return richtext.list_label(item.kind, item.level, item.number)


@dataclass(frozen=True)
class SourceEntry:
    """A line of the sources list."""

    text: str
    url: str = ""
    title: str = ""  # the source's title as `text` has it, when in another language than the note's
    title_lang: str = ""  # that language's tag (the source's, core/language.language_tag), for the exports


Node = Heading | Quotation | BodyText | ListBlock


@dataclass(frozen=True)
class ContactBlock:
    """Who to call about the note, on one line: "Prepared by: A. Analyst, Policy Officer, 613-555-0100"; then any
    other field the template lists with it, each on its own line under its own label ("Approved by: …")."""

    label: str
    text: str
    others: tuple[TitleRow, ...] = ()

    @property
    def lines(self) -> tuple[tuple[str, str], ...]:
        """(label, text) of each line, the contact's first."""
        return ((self.label, self.text), *((row.label, row.value) for row in self.others))


@dataclass(frozen=True)
class DecisionBlock:
    """What ends a note for decision: options to tick, then lines to sign and date, each with its label under it."""

    options: tuple[str, ...]
    lines: tuple[str, ...]  # the labels printed under the lines ("Minister", "Date")


@dataclass
class DocumentTree:
    """The document every export renders: title rows, body and sources, with the page set-up."""

    title: str
    title_fr: str
    classification: str
    draft: bool
    title_rows: list[TitleRow]
    body: list[Node]
    citations: list[Citation]
    sources: list[SourceEntry]
    contact: ContactBlock | None = None  # after the last section; None when there is none or it is in the title block
    decision: DecisionBlock | None = None  # after the contact; only for a note for decision
    marking_placement: tuple[str, ...] = ("header", "footer")
    marking_style: str = "banner"
    page_size: str = "letter"
    margins_mm: tuple[float, float, float, float] = (25, 25, 25, 25)  # top, right, bottom, left
    body_font: str = "Arial"
    heading_font: str = "Arial"
    font_size_pt: float = 11
    properties: dict[str, str] = field(default_factory=dict)
    template: str = ""  # the template's id, for error messages
    wording: Wording = field(default_factory=Wording)  # the note's language: its labels, page numbers, tags

    @property
    def sources_first(self) -> bool:
        """Whether the sources list comes before the contact line: a note for decision ends with its decision
        block, where the signer signs (text after a signature is what reviewers refuse, QA10 D10); any other note
        ends with its sources list."""
        return self.decision is not None and bool(self.sources)

    @property
    def sources_heading(self) -> str:
        return self.wording.word("Sources")


def citation_text(
    source: Source,
    excerpt: Excerpt,
    cache: dict[tuple[str, str], tuple[list[str], str]] | None = None,
    language: str = "en",
) -> tuple[str, str]:
    """(footnote text, url) for an excerpt: author, title, publisher, date, URL or file, and where; its date and
    place in `language` ("en" or "fr")."""
    if cache is None:
        cache = {}
    if (source.id, language) not in cache:
        cache[source.id, language] = _citation_parts(source, language=language)
    parts, url = cache[source.id, language]
    return _with_place(parts, _where(source, excerpt, language)), url


def short_citation_text(source: Source, excerpt: Excerpt, language: str = "en", head: list[str] | None = None) -> str:
    """A source cited before, in short: author (or publisher), short title and where: "CBC News, “Canada
    confirms talks”, p. 4." The first citation gave the rest. `head` is what names the source, when
    `distinct_short_heads` had to lengthen it to tell it from another source of the note."""
    return _with_place(head or _short_head(source, language), _where(source, excerpt, language))


def _short_head(source: Source, language: str, words: int = 4) -> list[str]:
    """Author (or publisher) and short title: what names a source in a short citation."""
    meta = source.meta
    title = _short_title(_cited_title(source), words)
    parts = [p for p in (clean_line(meta.author) or clean_line(meta.publisher), f"“{title}”" if title else "") if p]
    if not title:  # its file's name; an attached e-mail, which has none, the e-mail it came with
        attached = clean_line(attachment_note(source, language)) if meta.format in EMAIL_FORMATS else ""
        parts.append(attached or clean_line(meta.file_name) or clean_line(source.label))
    return parts


def _longer_heads(source: Source, language: str) -> list[list[str]]:
    """A source's short citation heads, each naming it more fully than the one before: the short title lengthened
    word by word, the whole title (its subtitle too), then with its date, then with its web address or file."""
    heads = [_short_head(source, language, words) for words in range(4, len(_cited_title(source).split()) + 1)]
    heads = heads or [_short_head(source, language)]
    title = _cited_title(source)
    if title and f"“{title}”" not in heads[-1]:
        heads.append([*heads[-1][:-1], f"“{title}”"])
    date = clean_line(source.meta.published)
    if date:
        heads.append([*heads[-1], format_date(date, language)])
    return [*heads, [*heads[-1], *_found_at(source, language)]]


def distinct_short_heads(sources: list[Source], language: str) -> dict[str, list[str]]:
    """Each source's short citation head, told apart from the other sources' of the note: where two would name
    their sources alike ("“Canada Confirms Talks”" for the Iran and the Cuba article), style guides lengthen the
    short title until it differs ("“Canada Confirms Talks to Renew Iran”"), then add the date or the place."""
    heads = {source.id: _short_head(source, language) for source in sources}
    alike: dict[str, list[Source]] = {}
    for source in sources:
        alike.setdefault(", ".join(heads[source.id]).casefold(), []).append(source)
    for group in (group for group in alike.values() if len(group) > 1):
        longer = [_longer_heads(source, language) for source in group]
        last = max(map(len, longer)) - 1
        for level in range(1, last + 1):  # all named more fully, in step, until they differ (or nothing is left)
            named = [options[min(level, len(options) - 1)] for options in longer]
            if len({", ".join(head).casefold() for head in named}) == len(group) or level == last:
                heads.update({source.id: head for source, head in zip(group, named, strict=True)})
                break
    return heads


def ibid_text(where: str, previous_where: str) -> str:
    """The citation of the source of the footnote just before: "Ibid." alone where the place is the same."""
    return "Ibid." if where in ("", previous_where) else f"Ibid., {where}."


def _where(source: Source, excerpt: Excerpt, language: str = "en") -> str:
    return place(source, excerpt.anchor.start, excerpt.anchor.end, language)


def _with_place(parts: list[str], where: str) -> str:
    return _full_stop(", ".join([*parts, where] if where else parts))


_ENDS_SENTENCE = re.compile(r"[.!?…]$")  # a title "Was it worth it?" ends its own sentence


def _full_stop(text: str) -> str:
    """The text ended by a full stop, unless it ends in one already or in "!", "?" or "…": never "here!.". After a
    closing quotation mark the stop stays, as French sets it: « Était-ce utile? »."""
    return text if _ENDS_SENTENCE.search(text) else f"{text}."


_SUBTITLE = re.compile(r"\s*(?::|\s[|–—-])\s")  # "Title: subtitle", "Title – subtitle", "Title | Site"
# what mail programs put before a reply's or forward's subject (English, French, German): not the title's words
# (and French mail's « Réf. : », a reference line's label)
_REPLY_PREFIXES = re.compile(r"^(?:(?:re|fwd?|tr|aw|wg|r[ée]f\.?)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
# Articles, prepositions and conjunctions a short title must not end on, English and French (« Le ministre de la »)
_SMALL_WORDS = frozenset(
    "a an and at by for from in of on or the to with "  # noqa: SIM905 (two languages' lists read best as words)
    "à au aux avec chez contre d’ d' dans de des du en entre et l’ l' la le les ou par pour sans selon sous sur un une"
    " vers".split()
)


def _short_title(title: str, words: int = 4) -> str:
    """A short title, as style guides make one: the main title without its subtitle, at most four words, cut after
    a comma among them if there is one, not ending on a small word ("Canada confirms talks to renew ties with Iran"
    gives "Canada confirms talks", « Le ministre de la Santé sommé de démissionner » « Le ministre »). A reply's or
    forward's "Re:", "Fwd:", "TR:"… goes first: never a short title « Re »; "" when that is all there is."""
    kept = _SUBTITLE.split(_REPLY_PREFIXES.sub("", title), maxsplit=1)[0].split()
    if len(kept) > words:
        kept = kept[:words]
        pause = max((i for i, word in enumerate(kept[1:-1], 2) if word[-1] in ",;"), default=0)
        kept = kept[:pause] if pause else kept  # "Talks resume, ministers say" gives "Talks resume"
        while len(kept) > 1 and kept[-1].lower() in _SMALL_WORDS:
            kept.pop()
    return " ".join(kept).rstrip(",;")


def _cited_title(source: Source) -> str:
    """The title a citation gives: none for an e-mail without a subject, whose "(no subject)" only stands in for
    one in the window (its citation says "e-mail" and names its file instead), nor for a subject that is only a
    reply's or forward's prefix ("Re:"), which has nothing left once the prefix is dropped."""
    title = clean_line(source.meta.title)
    return "" if source.meta.title == NO_SUBJECT or not _REPLY_PREFIXES.sub("", title).strip() else title


def _citation_parts(source: Source, *, quote_title: bool = True, language: str = "en") -> tuple[list[str], str]:
    """Author, title, publisher, date, then URL or file name (what a citation needs); and the URL."""
    meta = source.meta
    title = _cited_title(source)
    to = clean_line(correspondence(source, language))  # an e-mail's recipients: "e-mail to John Smith"
    parts = [clean_line(meta.author), to, f"“{title}”" if title and quote_title else title, clean_line(meta.publisher)]
    parts = [p for p in parts if p]
    if meta.published.strip():
        parts.append(format_date(clean_line(meta.published), language))
    parts += _found_at(source, language)  # its URL or file, and the e-mail an attachment came with
    return parts or [clean_line(source.label)], clean_line(meta.url)


def _found_at(source: Source, language: str) -> list[str]:
    return [part for part in map(clean_line, found_at(source, language)) if part]


def source_entry(source: Source, language: str = "en") -> SourceEntry:
    """A source's line in the Sources list; in French set as its footnotes are: « title », French spacing."""
    french = language == "fr"  # French style quotes a title in a bibliography too (the Guide du rédacteur)
    parts, url = _citation_parts(source, quote_title=french, language=language)
    # a sentence there: "E-mail to …", "Attached to the e-mail …"
    sentences = {clean_line(correspondence(source, language)), clean_line(attachment_note(source, language))} - {""}
    parts = [p[:1].upper() + p[1:] if p in sentences else p for p in parts]
    if source.meta.ocr_pages:  # the reader should know its quotations are a machine's reading of a scan
        parts = [*parts, ocr_note(source, language)]
    text = Wording(language).citation(" ".join(_full_stop(p) for p in parts))
    return SourceEntry(text, url, *foreign_title(source, text, language))


def foreign_title(source: Source, text: str, language: str) -> tuple[str, str]:
    """The source's title as `text` (its footnote or Sources list entry, in `language`) has it, and the source's
    language tag, when that language is known and not `language` (a Polish title under an English note), for
    the exports to tag the title in it; ("", "") otherwise."""
    tag = language_tag(source.meta.language)
    title = _cited_title(source)  # (as written: French typography leaves a title alone, see citation())
    if title not in text:
        title = Wording(language).citation(title)
    if not tag or primary_language(tag) == language or not title or title not in text:
        return "", ""
    return title, tag


SLUG_LIMIT = 39  # Word's bookmark names: at most 40 characters, and DOCX puts "_" before the slug


def _slug(text: str, used: set[str]) -> str:
    """A unique id of at most SLUG_LIMIT characters: shortened before the -2 suffix, so that it stays unique."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower())[:SLUG_LIMIT].strip("-") or "section"
    slug, n = base, 2
    while slug in used:
        suffix = f"-{n}"
        slug, n = base[: SLUG_LIMIT - len(suffix)].rstrip("-") + suffix, n + 1
    used.add(slug)
    return slug


def _short(text: str, limit: int = 40) -> str:
    text = clean_line(text)
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def untitled_name(template: Template, language: str = "en") -> str:
    """The document title an untitled note is exported under: its readers' tools need one to name it. A French
    note's is in French: "Note d’information (sans titre)"."""
    if language == "fr":
        return f"{template.name_fr or template.name} (sans titre)"
    return f"{template.name} (untitled)"


def check_quotations(briefing: Briefing, shown: int = 3) -> dict[str, Anchor]:
    """Raise ExportError when an excerpt no longer matches its source: an export must never publish a
    quotation the source does not contain. An excerpt whose exact words are in its source, but elsewhere than it
    points (the source was changed outside Briefing), is cited where they are: its new anchor, by excerpt id."""
    from briefing.core.anchors import check_anchors  # difflib and friends: only when exporting

    moved: dict[str, Anchor] = {}
    bad = set()
    for report in check_anchors(briefing):
        if report.status == "moved" and report.new is not None:
            moved[report.excerpt_id] = report.new
        elif report.status != "ok":
            bad.add(report.excerpt_id)
    if not bad:
        return moved
    found = [(s, e) for s, e in briefing.excerpts() if e.id in bad]
    listed = "; ".join(f"{clean_line(s.heading) or s.id} {_short(e.anchor.exact)}" for s, e in found[:shown])
    more = (
        Message(QT_TRANSLATE_NOOP("Messages", " and {count} more"), count=len(found) - shown)
        if len(found) > shown
        else ""
    )
    count = (
        Message(QT_TRANSLATE_NOOP("Messages", "1 excerpt no longer matches its source"))
        if len(found) == 1
        else Message(QT_TRANSLATE_NOOP("Messages", "{count} excerpts no longer match their sources"), count=len(found))
    )
    raise ExportError(
        None,
        Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{count} ({listed}{more}); run `briefing check` to see why, then fix or re-file them before exporting",
            ),
            count=count,
            listed=listed,
            more=more,
        ),
        unmatched=tuple((s.id, clean_line(e.anchor.exact)) for s, e in found),
    )


def build_tree(briefing: Briefing, template: Template, *, draft: bool = False) -> DocumentTree:
    """The printable document: title block, sections with quotations and notes, the contact line and decision
    block the template asks for, citations (in full, short or "Ibid." form) and sources.

    Raises ExportError (with no file: the caller adds it) when an excerpt no longer matches its source.
    """
    moved = check_quotations(briefing)
    tb = briefing.title_block
    words = Wording(tb.language)
    classification = words.marking(clean_line(tb.classification) or template.default_classification)
    contact = _contact(briefing, template, words)
    contact_fields = template.contact_block.fields
    in_title = contact is not None and template.contact_block.placement == "title-block"
    rows: list[TitleRow] = []
    for name in template.title_fields:
        if name in contact_fields:  # the contact is one line: where its first field is, or after the last section
            if in_title and contact is not None:
                rows.append(TitleRow(contact_fields[0], contact.label, contact.text))
                rows += contact.others
                in_title = False
            continue
        value, lang = _in_language(template, name, _field(tb, name), words), ""
        if name in ("title", "title_fr"):
            value, lang = _title(tb, name, words)
        if not value:
            continue
        if name == "purpose":
            value = purpose_label(value, words.word)
        elif name == "date":
            value = words.date(value)
        elif name == "classification":
            value = classification
        rows.append(TitleRow(name, field_label(name, words.word), value, lang))

    sources = {s.id: s for s in briefing.sources}
    body: list[Node] = []
    citations: list[Citation] = []
    cited: list[str] = []
    used: set[str] = set()
    source_parts: dict[tuple[str, str], tuple[list[str], str]] = {}
    previous: tuple[str, Excerpt | None] = ("", None)  # the source and excerpt of the footnote before, for "Ibid."
    short_heads: dict[str, dict[str, list[str]]] = {}  # per language: each source's head, unique in the note
    first = "fr" if words.language == "fr" else "en"  # the note's (first) language
    for section in briefing.sections:
        if not section.items:
            continue  # an empty heading says nothing to the reader
        heading = words.heading(clean_line(section.heading), clean_line(section.heading_fr))
        body.append(Heading(heading, 1, _slug(heading, used)))
        notes = {i: note_nodes(it.text, words.language) for i, it in enumerate(section.items) if isinstance(it, Note)}
        for index, item in enumerate(section.items):
            if isinstance(item, Note):
                body += notes[index]
            elif isinstance(item, Excerpt):
                source = sources[item.source_id]  # check_quotations refused an excerpt whose source is gone
                if item.id in moved:
                    item = dataclasses.replace(item, anchor=moved[item.id])  # cite where the words now are
                # the source's paragraphs (blank-line separated) stay paragraphs; a line break inside one is a space
                paragraphs = re.split(r"\n\s*\n", item.anchor.exact)
                quote = "\n".join(line for line in map(clean_line, paragraphs) if line)
                quote_lang = quotation_language(_checked(source), quote)  # tagged by the exports where not the note's
                # a bilingual note cites a quotation in its own language, English or French (one source's footnotes
                # do not change style with the analyst's paragraph beside them); any other in its first, English
                spoken = primary_language(quote_lang)
                language = (spoken if spoken in TAGS else first) if words.language == "bilingual" else first
                cite_words = Wording(language) if words.language == "bilingual" else words
                where = _where(source, item, language)
                # a source cited before is cited short, or as "Ibid." right after itself, as the template asks
                if template.citations == "ibid" and previous[0] == source.id and previous[1] is not None:
                    # its place compared in the same words (a bilingual note's footnote before may be English)
                    text, url, form = ibid_text(where, _where(source, previous[1], language)), "", "ibid"
                elif template.citations != "full" and source.id in cited:
                    if language not in short_heads:
                        short_heads[language] = distinct_short_heads(_cited_sources(briefing, sources), language)
                    text, form = short_citation_text(source, item, language, short_heads[language][source.id]), "short"
                    url = ""
                else:
                    text, url = citation_text(source, item, source_parts, language)
                    form = "full"
                previous = (source.id, item)
                if source.id not in cited:
                    cited.append(source.id)
                tag = _tag(language, words)
                text = cite_words.citation(text)
                titled = foreign_title(source, text, language)
                citation = Citation(len(citations) + 1, text, url, item.source_id, form, tag, *titled)
                citations.append(citation)
                comment, comment_lang = "", ""
                if template.export_comments and item.comment.strip():
                    comment, spoken = _analyst_text(clean(item.comment), words.language)
                    comment_lang = _tag(spoken, words)
                body.append(Quotation(quote, citation, comment, is_rtl(quote), quote_lang, comment_lang))

    if template.number_paragraphs:
        body = number_paragraphs(body, bilingual=words.language == "bilingual")
    entries = [source_entry(sources[sid], first) for sid in cited] if template.export_sources_list else []
    title = clean_line(tb.title_fr if words.language == "fr" and tb.title_fr.strip() else tb.title)
    if words.language == "fr" or title != clean_line(tb.title):  # the French title, typed by the analyst
        title = french_text(title)
    m = template.margins_mm
    properties = {
        "title": title or untitled_name(template, words.language),  # a PDF without a /Title fails PDF/UA (UA-07-001)
        "subject": french_text(clean_line(tb.title_fr)) or template.name,
        "author": clean_line(tb.prepared_by),
        "keywords": classification,
        "category": classification,
        "identifier": clean_line(tb.document_number),
        "status": words.word("Draft") if draft else "",
        "classification": classification,
    }
    return DocumentTree(
        title=title,
        title_fr=french_text(clean_line(tb.title_fr)),
        classification=classification,
        draft=draft,
        title_rows=rows,
        body=body,
        citations=citations,
        sources=entries,
        contact=contact if template.contact_block.placement == "end" else None,
        decision=_decision(briefing, template, words),
        marking_placement=tuple(template.marking_placement),
        marking_style=template.marking_style,
        page_size=template.page_size,
        margins_mm=(m.top, m.right, m.bottom, m.left),
        body_font=template.body_font,
        heading_font=template.heading_font,
        font_size_pt=template.font_size_pt,
        properties=properties,
        template=template.id,
        wording=words,
    )


def _cited_sources(briefing: Briefing, sources: dict[str, Source]) -> list[Source]:
    """The sources the note quotes, in the order of their first quotation."""
    ids = [item.source_id for section in briefing.sections for item in section.items if isinstance(item, Excerpt)]
    return [sources[sid] for sid in dict.fromkeys(ids) if sid in sources]


def note_nodes(text: str, language: str = "en") -> list[Node]:
    """A note as the reader sees it: each line a paragraph, runs of list lines a list (see core.richtext).

    In a French note the text is set in French typography; in a bilingual one each paragraph's language is told
    from its words (core/language.py), tagged when French and set as French is."""
    nodes: list[Node] = []
    items: list[richtext.Line] = []
    for line in richtext.note_lines(_ILLEGAL.sub("", text.replace("\r\n", "\n"))):
        plain_text = clean_line(line.text)
        if not plain_text:
            continue
        if line.kind:
            items.append(line)
            continue
        if items:
            nodes.append(_list_block(items, language))
            items = []
        styled = any(run.bold or run.italic for run in line.runs)
        spoken = detect_language(plain_text) if language == "bilingual" else language
        plain_text, runs = _in_typography(plain_text, _trim(line.runs) if styled else (), spoken)
        nodes.append(BodyText(plain_text, is_rtl(plain_text), runs, lang=_tag(spoken, Wording(language))))
    if items:
        nodes.append(_list_block(items, language))
    return nodes


def _list_block(lines: list[richtext.Line], language: str) -> ListBlock:
    """A list of the analyst's: in a bilingual note, an item too short to tell its language is in the list's."""
    texts = [clean_line(line.text) for line in lines]
    whole = detect_language(" ".join(texts)) if language == "bilingual" else language
    entries = []
    for line, plain_text in zip(lines, texts, strict=True):
        spoken = detect_language(plain_text, whole) if language == "bilingual" else language
        plain_text, runs = _in_typography(plain_text, _trim(line.runs), spoken)
        tag = _tag(spoken, Wording(language))
        assert line.kind, "only list lines are gathered into a list"
        entries.append(ListEntry(plain_text, runs, line.kind, line.level, line.start, is_rtl(plain_text), tag))
    return ListBlock(tuple(entries))


def _in_typography(text: str, runs: tuple[Run, ...], spoken: str) -> tuple[str, tuple[Run, ...]]:
    """A paragraph of the analyst's, and its runs, in French typography when it is in French."""
    if spoken != "fr":
        return text, runs
    french = french_spacing([run.text for run in runs])
    return french_text(text), tuple(Run(t, r.bold, r.italic) for r, t in zip(runs, french, strict=True))


def _analyst_text(text: str, language: str) -> tuple[str, str]:
    """Text of the analyst's (a comment) in its language's typography, and that language ("en" or "fr")."""
    spoken = detect_language(text) if language == "bilingual" else "fr" if language == "fr" else "en"
    return (french_text(text) if spoken == "fr" else text), spoken


def _checked(source: Source) -> Source:
    """`source` with a valid BCP 47 language tag, or none: an older file's or a hand-edited manifest's language
    ("English", "xx Klingon") is checked before an export writes it (none: the quotation's words tell)."""
    tag = language_tag(source.meta.language)
    if tag == source.meta.language:
        return source
    return dataclasses.replace(source, meta=dataclasses.replace(source.meta, language=tag))


def _tag(spoken: str, words: Wording) -> str:
    """The language tag of text in `spoken` ("en", "fr"): "" when it is the document's, tagged as a whole."""
    return "" if TAGS.get(spoken, words.tag) == words.tag else TAGS[spoken]


def _trim(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs with single spaces and no space at either end, as clean_line leaves plain text."""
    runs = tuple(Run(_SPACES.sub(" ", r.text), r.bold, r.italic) for r in runs)
    if runs:
        runs = (Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic), *runs[1:])
        runs = (*runs[:-1], Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic))
    return tuple(r for r in runs if r.text)


def number_paragraphs(body: list[Node], bilingual: bool = False) -> list[Node]:
    """Every paragraph of the analyst's writing numbered 1, 2, ... across sections, as many departments number a
    note's paragraphs; a quotation or a list belongs to the paragraph before it and is not numbered.

    In a bilingual note a paragraph and its translation share a number, as GC bilingual notes number them, so
    "see paragraph 3" means the same to both readers: a French paragraph following an English one in the same
    section (quotations and lists between them aside) takes its number; one with no English before it its own."""
    count = 0
    numbered: list[Node] = []
    english_open = False  # an English paragraph of this section still waits for its French version
    for node in body:
        if isinstance(node, Heading):
            english_open = False
        if isinstance(node, BodyText):
            french = bilingual and primary_language(node.lang) == "fr"
            if not (french and english_open):
                count += 1
            english_open = bilingual and not french
            node = dataclasses.replace(node, number=count)
        elif isinstance(node, ListBlock) and numbered and isinstance(numbered[-1], BodyText):
            node = dataclasses.replace(node, under_number=True)
        numbered.append(node)
    return numbered


def _field(tb: TitleBlock, name: str) -> str:
    raw = getattr(tb, name, "")
    return clean_line(raw if isinstance(raw, str) else "")


def _title(tb: TitleBlock, name: str, words: Wording) -> tuple[str, str]:
    """The text of the title row `name` ("title" is the big one, "title_fr" the one under it) and its language
    tag. A French note prints its French title big, the English one under it. Each title is tagged, and set in
    that language's typography, by the language its words are in, not by its field (an analyst may type a French
    title in the English field); one too short to tell is in its field's language (the field the note's only
    title is in, in a French note, is French)."""
    shown = name
    if words.language == "fr" and tb.title_fr.strip():
        shown = "title_fr" if name == "title" else "title"
    value = _field(tb, shown)
    meant = "fr" if shown == "title_fr" or (words.language == "fr" and not tb.title_fr.strip()) else "en"
    spoken = detect_language(value, meant)
    return (french_text(value) if spoken == "fr" else value), _tag(spoken, words)


def _in_language(template: Template, name: str, value: str, words: Wording) -> str:
    """A title-block value in the note's language (Template.title_value, which the window shows too)."""
    return template.title_value(name, value, words.language)


# The one field a contact block gives with its person's: the contact's telephone number. Any other names someone or
# something else (approved_by, consulted, the date) and keeps its own label: a director listed after the analyst read
# as a second author under "Prepared by" (QA10 D6).
_CONTACT_DETAILS = frozenset({"phone"})


def _contact(briefing: Briefing, template: Template, words: Wording) -> ContactBlock | None:
    """The contact fields' values: the first field's with the contact's details on one line, labelled as the first,
    then each other field on its own line under its own label; None when all are empty."""
    lines: list[tuple[str, list[str]]] = []
    for name in template.contact_block.fields:
        if not lines or name not in _CONTACT_DETAILS:
            lines.append((name, []))
        value = _field(briefing.title_block, name)
        if value:
            lines[-1][1].append(value)
    rows = [TitleRow(name, field_label(name, words.word), ", ".join(values)) for name, values in lines if values]
    if not rows:
        return None
    return ContactBlock(rows[0].label, rows[0].value, tuple(rows[1:]))


# "Memorandum to the Minister" is signed by the "Minister": the addressee without its "Memorandum to the"
_ADDRESSED = re.compile(
    r"^(?:(?:briefing\s+)?(?:memorandum|memo|note)\s+)?(?:to|for)\s+(?:the\s+)?"
    r"|^(?:(?:note|note de breffage|note d'information|mémoire)\s+)?(?:au|à la|à l'|aux|pour le|pour la)\s*",
    re.IGNORECASE,
)  # and "Note au ministre" by the "Ministre"


def _decision(briefing: Briefing, template: Template, words: Wording) -> DecisionBlock | None:
    spec = template.decision_block
    if spec is None or briefing.title_block.purpose != "for-decision":
        return None
    lines: list[str] = []
    if spec.signature_line:
        # a field the template's title block does not show is not printed either: the reader cannot see or set it
        shown = spec.signer in template.title_fields
        signer = _field(briefing.title_block, spec.signer) if shown else ""
        # each language's part on its own ("Memorandum to the Minister / Note au ministre": "Minister / Ministre")
        parts = [_ADDRESSED.sub("", part) for part in _in_language(template, spec.signer, signer, words).split(" / ")]
        lines.append(" / ".join(p[:1].upper() + p[1:] for p in parts if p) or words.word(DECISION_SIGNATURE))
    if spec.date_line:
        lines.append(words.word(DECISION_DATE))
    options = tuple(words.word(o) for o in map(clean_line, spec.options) if o)
    return DecisionBlock(options, tuple(lines))
