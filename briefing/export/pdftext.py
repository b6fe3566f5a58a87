"""Fonts for the PDF export and text -> ReportLab paragraph markup with per-script font fallback.

The template names office fonts (Arial, Times New Roman, Calibri), which Word has; the PDF embeds their
metric-compatible twins (Liberation Sans, Liberation Serif, Carlito: the same advance widths, so a line breaks
where Word breaks it). A template font with no twin is set in Liberation Sans (`briefing templates` warns).

The bundled fonts (resources/fonts) are registered once per process, lazily: the template's twins, and Noto
Naskh Arabic, Noto Sans Hebrew and Droid Sans Fallback (Chinese and Japanese; it has Korean jamo but not the
Hangul syllables Korean is written in) only when a document has such text. Emoji, which no TrueType
outline font here draws in colour, become small inline images from emoji.zip.

DejaVu Sans comes last, for the arrows, maths signs and dingbats the twins lack. Text no bundled font can
draw (Korean, Thai, Devanagari and other Indic scripts...) would print as blanks, so check_coverage refuses it
before layout and points to DOCX, which keeps all text.
"""

from __future__ import annotations

import atexit
import io
import re
import shutil
import tempfile
import threading
import unicodedata
import zipfile
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import add
from pathlib import Path

from reportlab.lib.fonts import addMapping, ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace

from briefing import paths
from briefing.core.messages import QT_TRANSLATE_NOOP, Message
from briefing.core.script import has_rtl, is_rtl, script_name, scripts
from briefing.core.templates import font_twin
from briefing.export.bidi import has_marks, remember_shaped, visual
from briefing.export.errors import ExportError
from briefing.export.fontcache import unpacked
from briefing.export.tree import escape
from briefing.export.ttfmetrics import fast_ttfont

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Family:
    """A bundled font family: its registered name and its four faces' files."""

    key: str
    files: tuple[str, str, str, str]  # regular, bold, italic, bold italic
    # code points the family has none of (tests/export check it against its files): a Chinese character is not
    # looked for in the Arabic and Hebrew fonts, which would load them for a note without Arabic or Hebrew
    lacks: tuple[range, ...] = ()

    def names(self) -> tuple[str, str, str, str]:
        base = self.key
        return (base, f"{base}-Bold", f"{base}-Italic", f"{base}-BoldItalic")


def _twin(key: str, stem: str) -> Family:
    # all four faces: the analyst's ***bold italic*** (or bold inside italics) is printed as Word prints it
    return Family(key, (f"{stem}-Regular.ttf", f"{stem}-Bold.ttf", f"{stem}-Italic.ttf", f"{stem}-BoldItalic.ttf"))


SANS = _twin("BriefingSans", "LiberationSans")  # Arial, Helvetica; also any font with no twin
SERIF = _twin("BriefingSerif", "LiberationSerif")  # Times New Roman
CARLITO = _twin("BriefingCarlito", "Carlito")  # Calibri
TWINS = {"Liberation Sans": SANS, "Liberation Serif": SERIF, "Carlito": CARLITO}  # by core.templates.FONT_TWINS
ARABIC = Family(
    "BriefingArabic",
    (
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
    ),
    lacks=(range(0x2E80, 0xFB50), range(0xFF00, 0xFFFF)),  # CJK, kana, Hangul; full-width forms
)
HEBREW = Family(
    "BriefingHebrew",
    (
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
    ),
    lacks=(range(0x2E80, 0xFB1D), range(0xFB50, 0xFFFF)),
)
CJK = Family("BriefingCJK", ("DroidSansFallbackFull.ttf",) * 4)
# Last: arrows, maths signs, dingbats, box and geometric shapes, circled numbers (→ ≤ ✓ ★ ● ①) and scripts such
# as Georgian and Armenian, which analysts paste from Word and Noto Sans lacks. One face serves all four.
SYMBOLS = Family("BriefingSymbols", ("DejaVuSans.ttf",) * 4)
FALLBACKS = (ARABIC, HEBREW, CJK, SYMBOLS)
MAINS = {family.key: family for family in (SANS, SERIF, CARLITO)}

_registered: dict[str, frozenset[int]] = {}  # family key -> code points its regular face covers
_chars: dict[str, frozenset[str]] = {}  # the same as characters for the main families, for whole-string checks


def fonts_dir() -> Path:
    return paths.resource("fonts")


def twin(font: str) -> Family | None:
    """The bundled family that stands in for a template's font in the PDF, or None when there is none."""
    name = font_twin(font)
    return TWINS[name] if name else None


def main_family(font: str) -> Family:
    """The family the PDF sets a template font in: its twin, else Liberation Sans."""
    return twin(font) or SANS


def _main_of(font_name: str) -> str:
    """The main family key of a registered face name (BriefingSerif-Bold -> BriefingSerif)."""
    key = font_name.split("-", 1)[0]
    return key if key in MAINS else SANS.key


def open_font(file: str) -> str | io.BytesIO:
    """A bundled font by its .ttf name: the file, or its gzip-compressed copy (`file`.gz), as the app ships them:
    compressed, the fonts take half the room in the installed app; each is unpacked once per user (fontcache)."""
    path = fonts_dir() / file
    if path.is_file() or not path.with_name(file + ".gz").is_file():
        return str(path)  # (a missing font fails in ReportLab, naming the file)
    data = io.BytesIO(unpacked(path.with_name(file + ".gz")))
    data.name = str(path)  # ReportLab names the font's file in its errors
    return data


def register(family: Family) -> frozenset[int]:
    """Register a family with ReportLab (once per process) and return the code points it covers."""
    with _LOCK:
        if family.key in _registered:
            return _registered[family.key]
        by_file: dict[str, str] = {}  # one TTFont per file; a face the family lacks maps to one it has
        for name, file in zip(family.names(), family.files, strict=True):
            if file not in by_file:
                font = fast_ttfont(name, open_font(file))
                _joiners_blank(font.face)
                pdfmetrics.registerFont(font)
                by_file[file] = name
        regular = family.names()[0]
        for (b, i), file in zip(((0, 0), (1, 0), (0, 1), (1, 1)), family.files, strict=True):
            addMapping(regular, b, i, by_file[file])
        cmap = pdfmetrics.getFont(regular).face.charToGlyph
        _registered[family.key] = frozenset(cmap)
        if family.key in MAINS:  # (only a main family's text is checked whole; 28,600 characters for the CJK font)
            _chars[family.key] = frozenset(map(chr, cmap))
        return _registered[family.key]


_JOINERS = (0x200C, 0x200D)  # zero-width non-joiner (Persian می‌, ‌ها) and joiner


def _joiners_blank(face: TTFontFace) -> None:
    """Draw the joiners with the space's glyph (no outline; their width stays 0): Noto Naskh Arabic and Liberation
    Sans give them a visible bar, for editors that show them. A shaper would draw nothing, but ReportLab draws
    every character's glyph; the joiner stays in the text, so copying and text extraction read it in its place."""
    blank = face.charToGlyph.get(0x20)
    if blank is None or face.glyphPos[blank] != face.glyphPos[blank + 1]:
        return  # (no empty space glyph: the font's own joiners are kept)
    for code in _JOINERS:
        if code in face.charToGlyph:
            face.charToGlyph[code] = blank


# --- emoji -----------------------------------------------------------------------------------------------

_EMOJI_START = re.compile(
    "[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf\u2934\u2935"
    "\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]"
)


EMOJI_FOLDER_PREFIX = "briefing-emoji-"  # an image in a folder named so is an emoji, named by its code points


class EmojiImages:
    """Emoji PNGs from resources/fonts/emoji.zip, unpacked on demand into a private temporary folder."""

    def __init__(self) -> None:
        self._zip: zipfile.ZipFile | None = None
        self._names: frozenset[str] = frozenset()
        self._folder: Path | None = None

    def _open(self) -> zipfile.ZipFile | None:
        if self._zip is None:
            path = fonts_dir() / "emoji.zip"
            if not path.is_file():
                return None
            self._zip = zipfile.ZipFile(path)
            self._names = frozenset(n[:-4] for n in self._zip.namelist())
        return self._zip

    def match(self, text: str, start: int, main: str = SANS.key) -> tuple[str, int] | None:
        """(key, end) for the longest emoji sequence at text[start:], or None (main: the text's main family)."""
        if not _EMOJI_START.match(text, start) or self._open() is None:
            return None
        if text[start] in _chars.get(main, ()) and not text.startswith("\ufe0f", start + 1):
            return None  # ©, ®, ™, arrows...: text unless asked for as emoji (U+FE0F)
        best: tuple[str, int] | None = None
        codes: list[str] = []
        i = start
        while i < len(text) and i - start < 12:
            ch = text[i]
            i += 1
            if ch == "\ufe0f":
                continue
            codes.append(f"{ord(ch):x}")
            key = "-".join(codes)
            if key in self._names:
                best = (key, i)
        if best is not None and best[1] < len(text) and text[best[1]] == "\ufe0f":
            best = (best[0], best[1] + 1)
        return best

    def path(self, key: str) -> str:
        archive = self._open()
        assert archive is not None
        with _LOCK:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix=EMOJI_FOLDER_PREFIX))
                atexit.register(shutil.rmtree, self._folder, True)
            target = self._folder / f"{key}.png"
            if not target.exists():
                target.write_bytes(archive.read(f"{key}.png"))
        return str(target)


EMOJI = EmojiImages()


# --- markup ----------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _covering(code: int, main: str = SANS.key) -> str | None:
    """The first bundled family that draws a code point (the main family first), or None when none does."""
    if code in register(MAINS[main]):
        return main
    for family in FALLBACKS:
        if any(code in lacked for lacked in family.lacks):
            continue
        if code in register(family):
            return family.key
    return None


def needs_font(ch: str, current: str, main: str = SANS.key) -> str:
    """The family to draw ch in: the current one when it covers ch (keeps spaces inside a run)."""
    code = ord(ch)
    if current != main and code in _registered.get(current, frozenset()) and not ch.isalpha():
        return current
    return _covering(code, main) or main


# Characters with nothing to draw: direction marks and embeddings, invisible operators, soft hyphens, byte order
# marks (Noto Sans has visible glyphs for some, which would print over the text), and private-use characters
# (icon fonts on web pages, Word's Symbol bullets) whose meaning no shipped font knows. The zero-width joiner (emoji
# sequences) and non-joiner (Persian) stay.
_UNDRAWN = re.compile(
    "[\u00ad\u034f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ue000-\uf8ff\U000f0000-\U0010ffff]"
)


def markup(text: str, style: ParagraphStyle, *, rtl: bool | None = None, marks: bool = False) -> str:
    """One line or paragraph of plain text, to be set in `style`, as ReportLab markup: escaped, fonts per script
    (bold or italic as the style is), emoji as images.

    Right-to-left text is joined and put into visual order (for a right-to-left paragraph, the caller
    breaks lines first: see rtl_lines). With marks, Arabic harakat and Hebrew points are kept for a paragraph
    that draws them in place (pdfmarkplace.PlacedMarks).
    """
    return _markup(text, style.fontName, style.fontSize, rtl, marks=marks)


def markup_visual(text: str, style: ParagraphStyle) -> str:
    """As markup, for text already joined and put in visual order (a piece of a right-to-left line that mixes
    bold or italic runs, ordered as a whole by bidi.visual_runs)."""
    return _markup(text, style.fontName, style.fontSize, None, ordered=True)


# Remembered across documents: the window lays the note out again after every change (its page count), and all
# but the changed paragraph come out the same. Only the font's name and size are read from a style.
@lru_cache(maxsize=8192)
def _markup(
    text: str, font_name: str, size: float, rtl: bool | None, ordered: bool = False, marks: bool = False
) -> str:
    if not unicodedata.is_normalized("NFC", text):
        # text typed or pasted decomposed ("de\u0301clare\u0301", as macOS and some PDFs give it): the fonts draw a
        # combining accent beside its letter, so compose first (the same text, canonically; sources are composed
        # at import already)
        text = unicodedata.normalize("NFC", text)
    if has_rtl(text) and not ordered:
        text = visual(text, is_rtl(text) if rtl is None else rtl, marks)
    # after the bidi reordering, which reads the direction marks; Word's Symbol-font bullet is a real bullet
    text = _UNDRAWN.sub("", text.replace("\uf0b7", "•"))
    main = _main_of(font_name)
    if _chars[main].issuperset(text):
        return escape(text)  # the common case: every character in the main font, no emoji
    # <font face> sets bold and italic from the face's name, so a heading's Arabic must name the bold face
    _, bold, italic = ps2tt(font_name)
    if not _EMOJI_START.search(text):  # most text: its runs of one family, found word by word
        return "".join(
            escape(chunk) if family == main else f'<font face="{tt2ps(family, bold, italic)}">{escape(chunk)}</font>'
            for family, chunk in _family_runs(text, main)
        )
    return _markup_each(text, main, bold, italic, size)


def _markup_each(text: str, main: str, bold: int, italic: int, size: float) -> str:
    """_markup's fonts and emoji images, character after character."""
    out: list[str] = []
    run: list[str] = []
    family = main

    def flush() -> None:
        if run:
            chunk = escape("".join(run))
            out.append(chunk if family == main else f'<font face="{tt2ps(family, bold, italic)}">{chunk}</font>')
            run.clear()

    i = 0
    while i < len(text):
        found = EMOJI.match(text, i, main) if _EMOJI_START.match(text, i) else None
        if found is not None:
            flush()
            key, i = found
            dims = f'width="{size * 1.1:.2f}" height="{size:.2f}" valign="-{size * 0.18:.2f}"'
            out.append(f'<img src="{EMOJI.path(key)}" {dims}/>')
            continue
        ch = text[i]
        wanted = needs_font(ch, family, main)
        if wanted != family:
            flush()
            family = wanted
        run.append(ch)
        i += 1
    flush()
    return "".join(out)


def _family_runs(text: str, main: str) -> list[tuple[str, str]]:
    """Text without emoji as runs of the family each character is drawn in (needs_font, character after
    character), each run as long as it goes."""
    runs: list[tuple[str, str]] = []
    family = main
    for n, word in enumerate(text.split(" ")):
        if n:
            family = needs_font(" ", family, main)
            _append_run(runs, family, " ")
        if word:
            pieces, family = _word_runs(word, family, main)
            for piece_family, piece in pieces:
                _append_run(runs, piece_family, piece)
    return runs


def _append_run(runs: list[tuple[str, str]], family: str, chunk: str) -> None:
    if runs and runs[-1][0] == family:
        runs[-1] = (family, runs[-1][1] + chunk)
    else:
        runs.append((family, chunk))


@lru_cache(maxsize=8192)  # words come back: each is looked at once per family it may follow
def _word_runs(word: str, family: str, main: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """A word's runs of one family, drawn after text in `family`, and the family after it."""
    runs: list[tuple[str, str]] = []
    start, run_family = 0, ""
    for i, ch in enumerate(word):
        family = needs_font(ch, family, main)
        if family != run_family:
            if i:
                runs.append((run_family, word[start:i]))
            start, run_family = i, family
    runs.append((run_family, word[start:]))
    return tuple(runs), family


def main_font_covers(text: str, main: Family = SANS) -> bool:
    """Whether the main family alone draws the text (no other script, no emoji)."""
    register(main)
    return _chars[main.key].issuperset(text)


def text_width(text: str, style: ParagraphStyle) -> float:
    """Width of plain text drawn in a style with the fallback fonts (emoji counted as one em)."""
    return _width_after(text, style.fontName, style.fontSize)[0]


def _width_after(
    text: str, font_name: str, font_size: float, width: float = 0.0, family: str = ""
) -> tuple[float, str]:
    """text_width carried on: the width and the font family after text, drawn after text whose width and last
    family were `width` and `family` (the same sums, added in the same order, as measuring the whole at once)."""
    advances, family = _advances(text, font_name, font_size, family)
    return reduce(add, advances, width), family  # (reduce: one addition after the other, as a loop would)


@lru_cache(maxsize=8192)  # a right-to-left paragraph is measured word by word, and words come back
def _advances(text: str, font_name: str, font_size: float, family: str) -> tuple[tuple[float, ...], str]:
    """The width of each character (an emoji: one em) of text drawn after text whose last family was `family`
    (the main one when empty), and the family after it."""
    _, bold, italic = ps2tt(font_name)
    main = _main_of(font_name)
    family = family or main
    advances: list[float] = []
    i = 0
    while i < len(text):
        found = EMOJI.match(text, i, main) if _EMOJI_START.match(text, i) else None
        if found is not None:
            advances.append(font_size * 1.1)
            i = found[1]
            continue
        family = needs_font(text[i], family, main)
        advances.append(_char_width(text[i], family, bold, italic, font_size))
        i += 1
    return tuple(advances), family


@lru_cache(maxsize=8192)
def _char_width(ch: str, family: str, bold: int, italic: int, size: float) -> float:
    """One character's width (text_width adds them one by one, as ReportLab measures each)."""
    width: float = pdfmetrics.stringWidth(ch, tt2ps(family, bold, italic), size)
    return width


def rtl_lines(text: str, width: float, style: ParagraphStyle, last_reserve: float = 0) -> list[str]:
    """A right-to-left paragraph broken into lines in logical order (each line is reordered on its own), its last
    line keeping last_reserve points free (for a quotation's footnote mark)."""
    return list(_rtl_lines(text, width, style.fontName, style.fontSize, last_reserve))


@lru_cache(maxsize=2048)  # as _markup
def _rtl_lines(text: str, width: float, font_name: str, font_size: float, last_reserve: float = 0) -> tuple[str, ...]:
    """Each line takes words while the joined (shaped) line fits. Arabic letters join only within a word, so the
    paragraph is shaped once and each line's width is carried on word by word: linear in the words, where shaping
    and measuring every trial line was quadratic (a 45-word Arabic quotation: some 20 ms). Only the last line
    keeps room for the footnote mark, as in Word, where the mark is text after the last word: a last line too full
    for it moves that word down (the lines before it take the whole width)."""
    from briefing.export.bidi import shape

    words = text.split(" ")
    shaped = shape(text).split(" ")
    # (arabic-reshaper drops a zero-width joiner from the letters but not from the text it finds ligatures in, so
    # with one the ligatures after it shift, across words too: such a paragraph is measured line by line)
    if len(shaped) != len(words) or "\u200d" in text:
        return _rtl_lines_trying_each(text, width, font_name, font_size, last_reserve)
    line = _width_after(shaped[0], font_name, font_size)
    ends: list[int] = []  # where each line after the first starts
    for n in range(1, len(words)):
        trial = _width_after(" " + shaped[n], font_name, font_size, *line)
        if trial[0] > width:
            ends.append(n)
            line = _width_after(shaped[n], font_name, font_size)
        else:
            line = trial
    if line[0] + last_reserve > width and len(words) - 1 > (ends[-1] if ends else 0):
        ends.append(len(words) - 1)  # the last word goes down with the mark
    # each line is drawn with its marks (markup(marks=True)): shaped with them once too, for the same reason
    with_marks = shape(text, marks=True).split(" ") if has_marks(text) else None
    if with_marks is not None and len(with_marks) != len(words):
        with_marks = None
    lines: list[str] = []
    for first, end in zip([0, *ends], [*ends, len(words)], strict=True):
        lines.append(" ".join(words[first:end]))
        remember_shaped(lines[-1], " ".join(shaped[first:end]))  # for markup, which draws each line
        if with_marks is not None:
            remember_shaped(lines[-1], " ".join(with_marks[first:end]), marks=True)
    return tuple(lines)


def _rtl_lines_trying_each(
    text: str, width: float, font_name: str, font_size: float, last_reserve: float = 0
) -> tuple[str, ...]:
    """The same lines, each trial line shaped and measured whole."""
    from briefing.export.bidi import shape

    style = ParagraphStyle("measure", fontName=font_name, fontSize=font_size)
    words = text.split(" ")
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        trial = " ".join([*current, word])
        if current and text_width(shape(trial), style) > width:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if len(current) > 1 and text_width(shape(" ".join(current)), style) + last_reserve > width:
        lines.append(" ".join(current[:-1]))  # the last word goes down with the mark
        current = current[-1:]
    if current:
        lines.append(" ".join(current))
    return tuple(lines)


def families_needed(texts: list[str], mains: tuple[Family, ...] = (SANS,)) -> None:
    """Register the main and fallback families a document needs before layout (fails early on a missing font)."""
    for main in mains:
        register(main)
    found = scripts("".join(texts))
    for family, script in ((ARABIC, "Arabic"), (HEBREW, "Hebrew"), (CJK, "CJK")):
        if script in found:
            register(family)


def _draws_nothing(ch: str) -> bool:
    """White space and invisible format characters (joiners, direction marks, variation selectors)."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Co") or "\ufe00" <= ch <= "\ufe0f"


def check_coverage(texts: list[str], shown: int = 3, main: Family = SANS) -> None:
    """Raise ExportError when some text has characters no bundled font draws: ReportLab would leave blanks
    where they were, and a briefing must never lose text silently."""
    register(main)
    others = set().union(*texts).difference(_chars[main.key])
    if all(_draws_nothing(ch) or (not _EMOJI_START.match(ch) and _covering(ord(ch), main.key)) for ch in others):
        return  # the common case: each character is drawn by some font (or draws nothing), looked at once each
    missing: dict[str, str] = {}  # script -> the first word it was found in (symbols: the first few)
    for text in texts:
        if _chars[main.key].issuperset(text):
            continue  # at set speed
        i = 0
        while i < len(text):
            found = EMOJI.match(text, i, main.key)
            if found is not None:
                i = found[1]
                continue
            ch = text[i]
            i += 1
            if _draws_nothing(ch):
                continue
            if _covering(ord(ch), main.key) is None:
                script = script_name(ch) or "symbols"  # arrows, maths signs, dingbats and the like
                if script == "symbols":  # a few of them, each once
                    if ch not in missing.get(script, "") and len(missing.get(script, "")) < 9:
                        missing[script] = f"{missing[script]} {ch}" if script in missing else ch
                elif script not in missing:
                    word = text[i - 1 :].split(maxsplit=1)[0]  # the first word with it, as a reader would spot it
                    missing[script] = word if len(word) <= 12 else word[:11] + "…"
    if not missing:
        return
    named = [f"{script} ({chars})" for script, chars in list(missing.items())[:shown]]
    more = (
        Message(QT_TRANSLATE_NOOP("Messages", " and {count} more"), count=len(missing) - shown)
        if len(missing) > shown
        else ""
    )
    raise ExportError(
        None,
        Message(
            QT_TRANSLATE_NOOP(
                "Messages",
                "the PDF fonts cannot show some of the text: {scripts}{more}; export to "
                "DOCX instead, which keeps all text",
            ),
            scripts=", ".join(named),
            more=more,
        ),
    )
