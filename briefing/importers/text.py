"""Plain text and Markdown sources, in any encoding."""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.lazy_regex import lazy
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.model import Source, SourceMeta, new_id
from briefing.core.richtext import parse_inline
from briefing.core.script import direction
from briefing.core.text import build_text, normalise_breaks
from briefing.importers import ImportOptions, SourceImportError
from briefing.importers.line_ends import document_words, joined_at_line_end, signs_off
from briefing.importers.readings import FEW, GARBLED, implausibility, language_fit, most_plausible

if TYPE_CHECKING:  # (charset-normalizer is imported when needed: it is slow to import)
    from collections.abc import Callable

    from charset_normalizer.models import CharsetMatch

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")  # a closing "#" run follows a space ("C#" stays)
_LIST_ITEM = re.compile(r"^\s*(?:([-*+\u2022])|\d+[.)])\s+")  # a bullet or a number opening a line
_SENTENCE_END = tuple(".!?:;,…\"'”’")
_BROKEN_WORD = re.compile(r"\w\.?[-\u00ad\u2013\u2014][ \t]*\n[ \t]*\w")  # a line that may end inside a word
# Markdown's inline markup, which a Markdown source's text drops as a reader sees it (quotations are matched against
# the words, not the asterisks): code spans (kept as written inside), links and images (their text), autolinks,
# _emphasis_ and __strong__ at word edges, backslash escapes; * and ** by the note's own rules (core.richtext).
_MD_CODE = lazy(r"(?<!\\)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_MD_LINK = lazy(r"(?<!\\)!?\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
_MD_AUTOLINK = lazy(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_MD_UNDERSCORES = lazy(r"(?<![\w\\])(__?)(?=[^\s_])(.+?)(?<=[^\s\\_])\1(?!\w)")
_MD_TABLE_RULE = lazy(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")  # |---|:--:| under a table's header
_MD_CELL_SPLIT = lazy(r"(?<!\\)\|")  # (a cell may hold \|)
_MD_ESCAPE = lazy(r"\\([!-)+-/:-@\[\]^_`{-~])")  # all but \* and \\ (below)
_MD_BACKSLASH = "\uffff"  # an escaped backslash while richtext reads the rest (which keeps a backslash as it is)
_MD_STAR = "\ufffe"  # an escaped asterisk, always literal in Markdown (richtext keeps \* where it could not be markup)
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MESS = 0.2  # charset-normalizer's "mess" of a reading over which it takes an encoding not to fit (its default)

# When several encodings fit equally well, the one more text is written in wins (and the user is told): the ones
# analysts meet, most common first. Any other (ISO-8859-14, cp775, HP Roman-8…) is taken only when none of these
# comes close: charset-normalizer's language score can favour one on a short text ("« »" read as "ḋ Ṡ").
_COMMON_ENCODINGS = [
    "utf_8", "cp1252", "iso8859_15", "latin_1", "cp1251", "gb18030", "gb2312", "big5", "shift_jis", "cp932",
    "euc_jp", "euc_jis_2004", "euc_kr", "cp949", "cp1250", "cp1256", "cp1253", "cp1255", "cp1254", "cp1257",
    "koi8_r", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "cp1258", "mac_roman", "utf_16",
]  # fmt: skip


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _check_text(text: str, file_name: str, encoding: str) -> None:
    sample = text[:65536]
    if sample and len(_BINARY_CONTROLS.findall(sample)) > max(2, len(sample) // 200):
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not a text file (binary data, not {encoding} text)"),
                encoding=encoding,
            ),
        )


# Labels of the HTML (WHATWG) Encoding standard that Python's codecs do not know (mail uses them too: Hebrew mail
# says iso-8859-8-i); and its rule that latin-1 and ASCII mean windows-1252, whose quotes and dashes Outlook and
# old web pages write under those labels.
_LABELS = {
    "iso-8859-8-i": "iso-8859-8",
    "iso-8859-6-i": "iso-8859-6",
    "windows-874": "cp874",
    "x-sjis": "shift_jis",
    "x-gbk": "gbk",
    "x-mac-roman": "mac_roman",
    "cp-850": "cp850",
}


def codec_for(label: str) -> str | None:
    """Python's codec for a declared character set (a web page's or an e-mail's), or None when unknown."""
    name = label.strip().lower()
    try:
        name = codecs.lookup(_LABELS.get(name, name)).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def decode_mostly(data: bytes, encoding: str, options: ImportOptions) -> str | None:
    """Decode text that is nearly all valid in `encoding` (a few corrupt bytes, e.g. a truncated character),
    replacing the bad bytes and telling the user; None when the encoding does not fit."""
    non_ascii = sum(1 for b in data if b > 0x7F) if len(data) < 2_000_000 else len(data) // 10
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(1, non_ascii // 50):
        if bad:
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "{bad} byte sequence(s) were not valid {encoding} and show as �"),
                    bad=bad,
                    encoding=encoding,
                )
            )
        return text
    return None


def decode(data: bytes, file_name: str, encoding: str | None, options: ImportOptions | None = None) -> tuple[str, str]:
    """Decode bytes as text; returns (text, encoding used). The user's encoding is obeyed, else it is detected."""
    options = options or ImportOptions()
    if not encoding:
        return decode_detected(data, file_name, options)
    try:
        name = codecs.lookup(encoding).name
        text = data.decode(name)
    except LookupError:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "unknown encoding {encoding}"), encoding=f"{encoding!r}")
        ) from None
    except UnicodeDecodeError as exc:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP("Messages", "is not valid {encoding} (byte {start})"),
                encoding=encoding,
                start=exc.start,
            ),
        ) from None
    if name in ("utf-8", "utf-16", "utf-32") and text.startswith("\ufeff"):
        text = text[1:]
    _check_forced(data, text, file_name, name, options)
    return text, name


def _check_forced(data: bytes, text: str, file_name: str, name: str, options: ImportOptions) -> None:
    """The one home for an encoding the user chose that does not fit the file: refused when its reading is binary
    data or no text at all, warned about when it garbles the letters of text in another encoding."""
    _check_text(text, file_name, name)
    if name.startswith(("utf-16", "utf-32")):
        _refuse_a_jumble(data, text, file_name, name)
    elif not name.startswith("utf") and _is_utf8(data) and not data.isascii():
        # a legacy encoding forced on UTF-8 text gives "Ã©" for "é" and C1 control characters, not what was written;
        # real text in a legacy encoding is hardly ever valid UTF-8 as well
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    'the file is valid UTF-8 text: read as {encoding}, its letters are garbled ("Ã©" for "é", '
                    "control characters); import again choosing utf-8",
                ),
                encoding=name,
            )
        )


def _refuse_a_jumble(data: bytes, text: str, file_name: str, name: str) -> None:
    """8-bit or UTF-8 text read as UTF-16 or UTF-32 pairs its bytes into characters of unrelated scripts (Latin-1
    French becomes CJK ideographs, private-use and invisible bidi characters that turn the window's messages round):
    no letters of any language to quote, so refused when the file reads as text in the encoding detection finds."""
    from charset_normalizer.md import mess_ratio

    sample = text[:65536]
    if mess_ratio(sample, _MESS) < _MESS:
        return  # reads as text (genuine UTF-16 without ASCII, say Chinese with no line break, which detection misses)
    try:
        detected, encoding = decode_detected(data, file_name, ImportOptions())
    except SourceImportError:
        return  # no other encoding reads it either: the user's choice stands
    if detected[: len(sample)] != sample:
        raise SourceImportError(
            file_name,
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "is not {encoding} text (read so, it is a jumble of unrelated characters); it reads as {detected}",
                ),
                encoding=name,
                detected=encoding,
            ),
        )


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_outnumbers_bad_bytes(text: str) -> bool:
    """Whether text read as UTF-8 with its bad bytes replaced has at least as many real UTF-8 characters beyond
    ASCII as replaced bytes: a truncated character in a UTF-8 file, rather than a single-byte text's letter (a
    Danish line's one "å" in cp1252 is no UTF-8 at all)."""
    bad = text.count("\ufffd")
    return sum(1 for c in text if not c.isascii()) - bad >= bad


def _plausible_utf8(text: str) -> bool:
    """Whether the UTF-8 characters of text with a few bad bytes replaced read as text: a line of Shift-JIS gives
    an unassigned character and a loose accent ("首相は、" as "�\U00051282\u0301A")."""
    return implausibility(text.replace("\ufffd", ""))[0] < GARBLED


def decode_detected(
    data: bytes, file_name: str, options: ImportOptions, *, mostly_utf8: bool = True
) -> tuple[str, str]:
    """Decode bytes whose encoding nobody declared: BOM, UTF-8, BOM-less UTF-16, then charset-normalizer.

    mostly_utf8=False skips taking text with a few bytes that are not UTF-8 as UTF-8 with those bytes replaced:
    for text known to be in some other, unnamed encoding, where those bytes are its letters."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise SourceImportError(
                    file_name,
                    Message(
                        QT_TRANSLATE_NOOP("Messages", "starts like {name} text but is not (byte {start})"),
                        name=name,
                        start=exc.start,
                    ),
                ) from None
            _check_text(text, file_name, name)
            return text, name
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
            _check_text(text, file_name, utf16)
            options.warnings.append(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "the file has no byte-order mark; it was read as {utf16}"),
                    utf16=utf16,
                )
            )
            return text, utf16
        except (UnicodeDecodeError, SourceImportError):
            pass
    if b"\x00" in data[:65536]:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not a text file (it contains binary data)"))
        )
    mostly, utf8_warnings = None, ImportOptions()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mostly = decode_mostly(data, "utf-8", utf8_warnings) if mostly_utf8 else None
        if mostly is not None and _utf8_outnumbers_bad_bytes(mostly) and _plausible_utf8(mostly):
            options.warnings += utf8_warnings.warnings
            _check_text(mostly, file_name, "utf-8")
            return mostly, "utf-8"
    else:
        _check_text(text, file_name, "utf-8")
        share, evidence = implausibility(text)
        if share <= GARBLED and evidence >= FEW:
            return text, "utf-8"
        # a few letters of a legacy encoding can make valid UTF-8 (Thai "ัฐ" in cp874 is "Ѱ", Ukrainian "ні" in
        # KOI8-U is "Φ"): read otherwise when another reading is clearly the text, unsure when one is as plausible
        weighed_text, weighed, others = most_plausible(data, text, "utf-8", [], trusted=True)
        _report_guess(options, weighed, "", others, garbled=False)
        _check_text(weighed_text, file_name, weighed)
        return weighed_text, weighed
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    detected = _choose(matches, data) if matches else None
    if mostly is not None and detected is None:  # no other encoding reads those bytes: UTF-8 with a corrupt byte
        options.warnings += utf8_warnings.warnings
        _check_text(mostly, file_name, "utf-8")
        return mostly, "utf-8"
    if detected is None:
        raise SourceImportError(
            file_name, Message(QT_TRANSLATE_NOOP("Messages", "is not text (no character encoding fits it)"))
        )
    chosen, encoding, others = detected
    text = str(chosen)
    language = f", {chosen.language}" if chosen.language and chosen.language != "Unknown" else ""
    # charset-normalizer can be sure of a wrong reading of a line or two (KOI8-R as Shift-JIS, Turkish as Big5):
    # the most plausible reading of the common encodings wins, and any nearly as plausible one is named
    text, weighed, others = most_plausible(data, text, encoding, others)
    # (charset-normalizer's measure of mess is of its own reading, not of the one that replaced it)
    garbled = implausibility(text)[0] > GARBLED or (weighed == encoding and chosen.chaos > 0.1)
    if weighed != encoding:
        encoding, language = weighed, ""
    _report_guess(options, encoding, language, others, garbled=garbled)
    _check_text(text, file_name, encoding)
    return text, encoding


def _report_guess(options: ImportOptions, encoding: str, language: str, others: list[str], *, garbled: bool) -> None:
    """Tell the user a guessed encoding is unsure: other encodings that read the bytes nearly as well (named), or
    a reading that still looks garbled."""
    if others:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the encoding was guessed as {encoding}{language}, but {others} would "
                    "also fit; if letters look wrong, import again choosing the encoding",
                ),
                encoding=encoding,
                language=language,
                others=", ".join(others[:3]),
            )
        )
    elif garbled:
        options.warnings.append(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "the encoding was guessed as {encoding}{language} and the text still "
                    "looks garbled; import again choosing the encoding",
                ),
                encoding=encoding,
                language=language,
            )
        )


def _common_name(match: CharsetMatch, data: bytes) -> tuple[int, str]:
    """The most common encoding that decodes the bytes to this match's text, with its rank (0 = most common, 99
    for an exotic one): cp1252 rather than cp1250 for German that both read alike, mac_roman for mac_iceland."""
    names = sorted(match.could_be_from_charset or [match.encoding], key=_rank)
    if _rank(names[0]) == 99:  # charset-normalizer may not have tried the common sibling
        text = str(match)
        names = [n for n in _COMMON_ENCODINGS if _decodes_to(data, n, text)] or names
    return _rank(names[0]), names[0]


def _rank(name: str) -> int:
    return _COMMON_ENCODINGS.index(name) if name in _COMMON_ENCODINGS else 99


def _decodes_to(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _choose(matches: list[CharsetMatch], data: bytes) -> tuple[CharsetMatch, str, list[str]]:
    """charset-normalizer's matches, best first → the one to use, its encoding's name, and the other encodings
    that would also fit (giving other text), which make the guess unsure."""
    names = {id(m): _common_name(m, data) for m in matches}

    def rank(m: CharsetMatch) -> int:
        return names[id(m)][0]

    best = matches[0]
    # charset-normalizer ranks ties arbitrarily: among equally good fits, prefer the more common encoding
    ties = [m for m in matches if m.chaos <= best.chaos + 0.002 and m.coherence >= best.coherence - 0.01]
    ties.sort(key=rank)
    if rank(ties[0]) == 99:
        # an exotic encoding is best only by a little: a common one nearly as clean and as coherent is the better
        # guess (still an unsure one)
        near = [m for m in matches if rank(m) < 99 and m.chaos <= best.chaos + 0.02]
        near = [m for m in near if m.coherence >= best.coherence - 0.1]
        if near:
            top = max(m.coherence for m in near)
            near = sorted((m for m in near if m.coherence >= top - 0.02), key=rank)
            ties = [near[0], *(m for m in matches if m is not near[0] and m.chaos <= near[0].chaos + 0.02)]
        else:  # still tell when it is exotic and another encoding nearly fits
            ties += [m for m in matches if all(m is not t for t in ties) and m.chaos <= best.chaos + 0.02]
    chosen = ties[0]
    western = _windows_1252_reading(matches, chosen, data)
    if western is not None:
        names.setdefault(id(western), _common_name(western, data))  # (it may be none of the matches)
        ties = [western, *(m for m in ties if m is not western)]
        chosen = western
    fitting = _reading_in_a_language(matches, chosen, best, rank)
    if fitting is not None:
        # (still unsure: the other clean readings are named)
        ties = [fitting, *(m for m in matches if m is not fitting and m.chaos <= best.chaos + 0.02)]
        chosen = fitting
    text = str(chosen)
    others = list(dict.fromkeys(names[id(m)][1] for m in ties[1:] if str(m) != text))
    return chosen, names[id(chosen)][1], others


# cp1252's punctuation in 0x80-0x9F (€ ‚ „ … ‹ ‘ ’ “ ” • – — ›): Word's and Notepad's curly quotes and dashes, where
# Mac Roman and the DOS code pages have letters
_CP1252_PUNCTUATION = frozenset(b"\x80\x82\x84\x85\x8b\x91\x92\x93\x94\x95\x96\x97\x9b")
# the letters of English, French, Spanish, Portuguese, German, Italian and Dutch
_WESTERN_LETTERS = frozenset("àâäáãåçèéêëìíîïñòóôöõùúûüýÿæœßÀÂÄÁÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝŸÆŒ")
_WESTERN_SIGNS = frozenset("‘’‚“”„–—…•‹›€«»°·×§©®™¢£¥¿¡ºª\u00a0")


def _windows_1252_reading(matches: list[CharsetMatch], chosen: CharsetMatch, data: bytes) -> CharsetMatch | None:
    """The cp1252 reading, when it should win over the chosen one on a short text: charset-normalizer scores a line
    or two in Mac Roman or a Baltic code page as well or better (“quickly” as ìquicklyî, À as Ą). cp1252 wins when
    it reads Western letters and signs only, and either the text has its curly quotes or dashes where the chosen
    encoding has letters, or it is as coherent as the chosen reading and about as clean."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if text == str(chosen) or not all(c.isascii() or c in _WESTERN_LETTERS or c in _WESTERN_SIGNS for c in text):
        return None
    if language_fit(text) == 0:  # Western letters, but of no one language: Hungarian ő read as õ beside ö and ü
        return None
    reading = next((m for m in matches if str(m) == text), None)
    if reading is None:  # charset-normalizer may not offer it when a CJK encoding reads the text too ("It抯 done.")
        from charset_normalizer import from_bytes

        reading = from_bytes(data, cp_isolation=["cp1252"]).best()
        if reading is None or str(reading) != text:
            return None
    high = {b for b in data if 0x80 <= b <= 0x9F}
    if high and high <= _CP1252_PUNCTUATION:
        return reading  # (chosen reads them otherwise: it is not a Windows code page that shares them)
    if not high and reading.coherence >= chosen.coherence and reading.chaos <= chosen.chaos + 0.06:
        return reading
    return None


def _reading_in_a_language(
    matches: list[CharsetMatch], chosen: CharsetMatch, best: CharsetMatch, rank: Callable[[CharsetMatch], int]
) -> CharsetMatch | None:
    """A reading nearly as clean as the best whose letters fit a language better than the chosen one's do: on a
    short text charset-normalizer scores Turkish read as cp1252 ("Dýþiþleri"), Lithuanian as cp1254 ("Uşsienio
    reikalø") and Hebrew as cp1251 as well as or better than the right reading."""
    fit = language_fit(str(chosen))
    if fit is None:
        return None
    # a reading whose letters fit no language (or with signs inside its words) is worth less than a messier one
    # that fits one: charset-normalizer finds Estonian's "ää" a little messy, but not Mac Roman's "‰‰"
    margin = 0.02 if fit else 0.1
    better = []
    for match in matches:
        if match.chaos <= best.chaos + margin:
            score = language_fit(str(match))
            if score is not None and score > fit:
                better.append((-score, rank(match), match))
    if not better:
        return None
    return min(better, key=lambda item: item[:2])[2]


def markdown_inline(text: str) -> str:
    """A Markdown paragraph's text as a reader sees it, without its inline markup."""
    out = []
    for index, piece in enumerate(_MD_CODE.split(text)):
        if index % 3 == 2:  # a code span's content: as written (its ` run, index % 3 == 1, dropped)
            out.append(piece.strip(" ") if piece.strip(" ") else piece)
        elif index % 3 == 0:
            piece = _MD_AUTOLINK.sub(r"\1", _MD_LINK.sub(r"\1", piece))
            piece = _MD_UNDERSCORES.sub(r"\2", _MD_UNDERSCORES.sub(r"\2", piece))
            piece = _MD_ESCAPE.sub(r"\1", piece.replace("\\\\", _MD_BACKSLASH).replace("\\*", _MD_STAR))
            out.extend(run.text.replace(_MD_BACKSLASH, "\\").replace(_MD_STAR, "*") for run in parse_inline(piece))
    return "".join(out)


def _looks_like_heading(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) <= 100 and not paragraph.rstrip().endswith(_SENTENCE_END)


def parse_plain(text: str, *, markdown: bool = False, atx: bool | None = None) -> list[tuple[str, int, str]]:
    """Split text into blocks: paragraphs at blank lines, lists, quotes, short lone lines as headings.

    Plain text keeps every character: a quotation must be able to include "2012." or a paragraph's "1.". Markdown
    drops its markup ("#", ">", a list's bullet, **bold**) but keeps a list's numbers, which readers refer to ("step
    3"); its title is its first "#" heading, and where it has "#" headings only they are headings."""
    parts: list[tuple[str, int, str]] = []
    text = normalise_breaks(text)  # (a form feed starts a new page: a new paragraph)
    if markdown and atx is None:
        return [(kind, level, markdown_inline(part)) for kind, level, part in _parse_markdown(text)]
    # text copied from a PDF viewer keeps its line ends, and hyphens: "offi-⏎cial" is judged as a PDF's line is
    words = document_words(text.split("\n")) if _BROKEN_WORD.search(text) else frozenset()
    for paragraph in (part for chunk in re.split(r"\n\s*\n", text) for part in _list_apart(chunk)):
        if not paragraph.strip():
            continue
        lines = [line for line in paragraph.split("\n") if line.strip()]
        if markdown and len(lines) >= 2 and "|" in lines[0] and "|" in lines[1] and _MD_TABLE_RULE.match(lines[1]):
            # a GFM table: a row per block, its cells "a | b" as HTML and DOCX tables come in; no rule row
            for line in lines[:1] + lines[2:]:
                cells = [c.strip() for c in _MD_CELL_SPLIT.split(line.strip().removeprefix("|").removesuffix("|"))]
                parts.append(("table", 0, " | ".join(c for c in cells if c)))
            continue
        items = [_LIST_ITEM.match(line) for line in lines]
        # a list: every line an item, or an indented line going on with the item above it
        if items[0] and all(item or line[:1].isspace() for line, item in zip(lines, items, strict=True)):
            for line, item in zip(lines, items, strict=True):
                if item is None:
                    kind, level, above = parts.pop()
                    parts.append((kind, level, f"{above} {line.strip()}"))
                else:
                    parts.append(("list-item", 1, line[item.end() :] if markdown and item[1] else line))
            continue
        heading = _MD_HEADING.match(lines[0].strip()) if markdown else None
        if heading and len(lines) == 1:
            kind = "heading" if any(k == "title" for k, _, _ in parts) or (parts and not atx) else "title"
            parts.append((kind, len(heading.group(1)), heading.group(2)))
        elif all(line.lstrip().startswith(">") for line in lines):
            quoted = " ".join(line.lstrip()[1:] for line in lines) if markdown else paragraph
            parts.append(("quote", 0, quoted))
        elif not atx and _looks_like_heading(paragraph.strip()):
            parts.append(("heading" if parts else "title", 2 if parts else 1, paragraph))
        else:
            parts.append(("paragraph", 0, _join_broken_words(paragraph, words) if words else paragraph))
    return parts


def lines_kept_apart(parts: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Paragraphs of an e-mail's plain text (its body, or a message pasted) with the lines its writer kept apart
    made paragraphs, as an HTML body's are (html/fragment.py): a sign-off ("Regards,", « Cordialement, ») and each
    line after it (a name, a title, a telephone number), and a lead-in ending ":" before a line opening with a
    capital or a digit ("The key points were these:⏎Spending rises by 4 %.")."""
    kept: list[tuple[str, int, str]] = []
    for kind, level, text in parts:
        lines = [line for line in text.split("\n") if line.strip()]
        if kind != "paragraph" or len(lines) < 2:
            kept.append((kind, level, text))
            continue
        start = 0
        for index, (line, next_line) in enumerate(pairwise(line.strip() for line in lines)):
            if signs_off(line):
                kept += [(kind, level, "\n".join(lines[start:index]))] if index > start else []
                kept += [(kind, level, signature) for signature in lines[index:]]
                start = len(lines)
                break
            if line.endswith(":") and (next_line[:1].isupper() or next_line[:1].isdigit()):
                kept.append((kind, level, "\n".join(lines[start : index + 1])))
                start = index + 1
        kept += [(kind, level, "\n".join(lines[start:]))] if start < len(lines) else []
    return kept


def _list_apart(paragraph: str) -> list[str]:
    """A paragraph whose last lines are a list (with no blank line before it: "Key points:⏎- one⏎- two") as its
    lead-in and its list, which the loop above reads apart. Wrapped prose stays whole: a list needs two items, or
    one after a line ending ":" (a line that happens to open with "2012." or "- " is no list)."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    # the list: the last lines, each an item or an indented line going on with the item above it, from an item on
    start = len(lines)
    items = 0
    for index in range(len(lines) - 1, 0, -1):
        if _LIST_ITEM.match(lines[index]):
            start, items = index, items + 1
        elif not lines[index][:1].isspace():
            break
    if start < len(lines) and (items >= 2 or lines[start - 1].rstrip().endswith(":")):
        return ["\n".join(lines[:start]), "\n".join(lines[start:])]
    return [paragraph]


def _join_broken_words(paragraph: str, words: frozenset[str]) -> str:
    """A paragraph with each word a line end broke made whole, by the rule a PDF's lines follow (line_ends.py)."""
    if not _BROKEN_WORD.search(paragraph):
        return paragraph
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    out = lines[:1]
    for line in lines[1:]:
        joined = joined_at_line_end(out[-1], line, words)
        if joined is None:
            out.append(line)
        else:
            out[-1] = joined
    return "\n".join(out)


def _parse_markdown(text: str) -> list[tuple[str, int, str]]:
    return parse_plain(text, markdown=True, atx=any(_MD_HEADING.match(line.strip()) for line in text.split("\n")))


def text_to_source(decoded: str, file_name: str, fmt: str = "text") -> Source:
    decoded = unicodedata.normalize("NFC", decoded)
    markdown = Path(file_name).suffix.lower() in (".md", ".markdown")
    text, blocks = build_text(parse_plain(decoded, markdown=markdown))
    title = ""
    first = next((b for b in blocks if b.kind == "title"), None) if markdown else None  # (after a marking line)
    if first is None and blocks and blocks[0].kind in ("title", "heading"):
        first = blocks[0]
    if first is not None:
        heading = _MD_HEADING.match(text[first.start : first.end])  # a .txt keeps its "#": the title not
        title = heading.group(2) if heading else text[first.start : first.end]
    meta = SourceMeta(title=title or Path(file_name).stem, format=fmt, direction=direction(text))
    return Source(id=new_id("src"), text=text, blocks=blocks, meta=meta)


def import_bytes(data: bytes, file_name: str, options: ImportOptions) -> Source:
    decoded, encoding = decode(data, file_name, options.encoding, options)
    options.report(1, 2)
    source = text_to_source(decoded, file_name)
    source.meta.encoding = encoding
    options.report(2, 2)
    return source
