"""Where an excerpt sits in its source, as every citation gives it: the window's cards, each export format and
the command line all say the same ("p. 4", "pp. 4–5", "para. 4", "paras. 4–5"); in French, as a French note's
export and the French window print it, "p. 4", "p. 4–5", "paragr. 4", "paragr. 4–5" (the Translation Bureau's
abbreviations: "p." for one page or several).

A paged source (PDF) is cited by page, any other by paragraph (every block counts, headings too). A quotation
running into the next page or paragraph cites both, not just the first. A quotation from a page whose text OCR
read (a scan) says so, "p. 4 (OCR text)": its words are the machine's reading, to be checked against the image.

An e-mail is correspondence: its citation says whom it was to, after its sender, as style guides cite a letter or
an e-mail ("Jane Doe, e-mail to John Smith, “Subject”, 3 December 2026"; in French « courriel à John Smith »). Names
only (an address when there is no name): one or two To recipients, else the first "and others"; Cc is not cited.

A citation sends the reader to the source's URL or file; a file that came attached to an e-mail also names that
e-mail ("report.pdf, attached to the e-mail “Weekly report”"), and a message attached to one is cited by that alone:
the file name it was given (its subject and ".eml") is no file anyone has.
"""

from __future__ import annotations

from briefing.core.model import NO_SUBJECT, Source

EMAIL_FORMATS = ("eml", "msg")  # the formats cited as correspondence

# The words of a place, by language: one page, pages, one paragraph, paragraphs, and the OCR remark
PLACE_WORDS = {
    "en": ("p.", "pp.", "para.", "paras.", "OCR text"),
    "fr": ("p.", "p.", "paragr.", "paragr.", "texte ROC"),
}


def _page(source: Source, offset: int) -> int | None:
    """The page an offset is on, for paged sources; None for unpaged ones."""
    page = source.page_at(offset)
    return page if isinstance(page, int) and page > 0 else None


def place(source: Source, start: int, end: int, language: str = "en") -> str:
    """The place of the text source.text[start:end], in English or French ("fr"); "" when the source has no pages or
    paragraphs to count."""
    page, pages, para, paras, ocr_text = PLACE_WORDS.get(language, PLACE_WORDS["en"])
    last = max(start, end - 1)  # end is exclusive
    first_page = _page(source, start)
    if first_page is not None:
        last_page = _page(source, last) or first_page
        where = f"{page} {first_page}" if last_page == first_page else f"{pages} {first_page}–{last_page}"
        ocr = any(first_page <= number <= last_page for number in source.meta.ocr_pages)
        return f"{where} ({ocr_text})" if ocr else where
    first_para = source.paragraph_number(start)
    if first_para is None:
        return ""
    last_para = source.paragraph_number(last) or first_para
    return f"{para} {first_para}" if last_para == first_para else f"{paras} {first_para}–{last_para}"


def ocr_note(source: Source, language: str = "en") -> str:
    """What a source's entry and details say of its OCR: "Text read by OCR" when every page was a scan, else
    which pages were ("Pages 3, 5–7 read by OCR"); "" for a source OCR did not read. In French ("fr"): "Texte lu
    par ROC", "Pages 3, 5–7 lues par ROC"."""
    french = language == "fr"
    pages = sorted(set(source.meta.ocr_pages))
    if not pages:
        return ""
    if pages == list(range(1, source.meta.pages + 1)):
        return "Texte lu par ROC" if french else "Text read by OCR"
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    listed = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
    if french:
        return f"Page {listed} lue par ROC" if len(pages) == 1 else f"Pages {listed} lues par ROC"
    return f"{'Page' if len(pages) == 1 else 'Pages'} {listed} read by OCR"


def correspondence(source: Source, language: str = "en") -> str:
    """What a citation says of an e-mail after its sender: "e-mail to A", "e-mail to A and B", "e-mail to A and
    others"; in French ("fr") "courriel à A", "courriel à A et B", "courriel à A et autres"; "e-mail" (« courriel »)
    for one that names no recipient. "" for anything but an e-mail."""
    if source.meta.format not in EMAIL_FORMATS:
        return ""
    from email.utils import parseaddr  # (here: it loads socket and more, some 0.4 % of a cold export)

    names = []
    for who in source.meta.to:
        name, address = parseaddr(who)
        if name or address or who.strip():
            names.append(" ".join((name or address or who).split()))
    french = language == "fr"
    if not names:
        return "courriel" if french else "e-mail"
    to, both, others = ("courriel à", "et", "et autres") if french else ("e-mail to", "and", "and others")
    if len(names) == 1:
        return f"{to} {names[0]}"
    if len(names) == 2:
        return f"{to} {names[0]} {both} {names[1]}"
    return f"{to} {names[0]} {others}"


def attachment_note(source: Source, language: str = "en") -> str:
    """What a citation says of a source that came attached to an e-mail: "attached to the e-mail “Weekly report”",
    in French « joint au courriel “Weekly report” » (the note's typography makes the guillemets); "attached to an
    e-mail without a subject" (« joint à un courriel sans objet »); "" for a file of its own."""
    parent = " ".join(source.meta.attached_to.split())
    if not parent:
        return ""
    french = language == "fr"
    if parent == NO_SUBJECT:
        return "joint à un courriel sans objet" if french else "attached to an e-mail without a subject"
    return f"joint au courriel “{parent}”" if french else f"attached to the e-mail “{parent}”"


def found_at(source: Source, language: str = "en") -> list[str]:
    """Where a citation sends the reader, after the source's author, title and date: its URL or its file's name,
    then, for an attachment, the e-mail it came attached to; an attached e-mail by that alone (see above)."""
    meta = source.meta
    note = attachment_note(source, language)
    attached_mail = bool(note) and meta.format in EMAIL_FORMATS
    where = meta.url.strip() or ("" if attached_mail else meta.file_name.strip())
    return [part for part in (where, note) if part]
