"""A faster reading of a TrueType font's character metrics for ReportLab: the same tables, read whole.

ReportLab reads a font's character map, advance widths and glyph offsets one number at a time in Python: about
0.05 s CPU for Droid Sans Fallback (49,000 glyphs, 28,600 characters), a tenth of a cold command-line PDF export
with Chinese text. FastFace reads each table with one struct call and builds the same attributes (charToGlyph,
glyphToChar, charWidths, defaultWidth, hmetrics, glyphPos), so layout and the embedded subsets come out byte for
byte the same; tests/export/test_ttfmetrics.py compares both readings on every bundled font. Layout needs only the
character map and the widths, which are built with C-level dict and map calls; the glyph offsets and metrics
(used only to cut a subset, a few hundred glyphs) are read per glyph when asked for, and glyphToChar (used only by
ReportLab's HarfBuzz shaping, which Briefing does not use) when first used. A font whose glyphs mostly share the
default width (the CJK font) keeps only the other characters' widths (DefaultWidths). A font with a character map format
other than 4 or 12 (the ones TrueType fonts use for Unicode) is read by ReportLab.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import threading
import weakref
from codecs import charmap_encode
from collections.abc import Iterable, Sequence
from itertools import compress, islice
from typing import Any

from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

_SWAP = threading.Lock()  # TTFont() builds its face from a module-level name (see fast_ttfont)


class _Table:
    """A read-only list whose items are read from the font data when asked for (see GlyphOffsets, Metrics)."""

    def __init__(self, data: bytes, offset: int, length: int) -> None:
        self._data, self._offset, self._length = data, offset, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: int) -> Any:  # (iterating stops at the IndexError, as for a list)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("glyph index out of range")
        return self._item(index)

    def _item(self, index: int) -> Any:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Iterable) and list(self) == list(other)  # type: ignore[call-overload]

    __hash__ = None  # type: ignore[assignment]  # (a list is not hashable either)


class GlyphOffsets(_Table):
    """ReportLab's glyphPos: where each glyph starts in the glyf table (one more than there are glyphs)."""

    def __init__(self, data: bytes, offset: int, length: int, long: bool) -> None:
        super().__init__(data, offset, length)
        self._format, self._size, self._shift = (">L", 4, 0) if long else (">H", 2, 1)

    def _item(self, index: int) -> int:
        value: int = struct.unpack_from(self._format, self._data, self._offset + self._size * index)[0]
        return value << self._shift


class Metrics(_Table):
    """ReportLab's hmetrics: (advance width, left side bearing) per glyph. As ReportLab has it, a glyph past the
    last full metric repeats that metric's advance already scaled to 1/1000 em."""

    def __init__(self, data: bytes, offset: int, length: int, full: int, last_width: Any) -> None:
        super().__init__(data, offset, length)
        self._full, self._last_width = full, last_width

    def _item(self, index: int) -> tuple[Any, int]:
        if index < self._full:
            advance, bearing = struct.unpack_from(">HH", self._data, self._offset + 4 * index)
            return advance, bearing
        (bearing,) = struct.unpack_from(">H", self._data, self._offset + 4 * self._full + 2 * (index - self._full))
        return self._last_width, bearing


class DefaultWidths(dict[int, float]):
    """A font's charWidths holding only the characters whose width is not its default width (the missing glyph's):
    Droid Sans Fallback gives 28,500 of its 28,600 characters the same width, and a full dictionary of them is
    about 0.5 % of a cold export. Every reading ReportLab and Briefing make gives the same widths: ReportLab's C
    stringWidth and `getCharWidth` take the default for a character not in it (they always did, for characters the
    font lacks), and `widths[char]` of a character the font has gives the default here. Only `char in widths`,
    `len` and iteration differ, which nothing uses."""

    def __init__(self, chars: dict[int, int], default: float) -> None:
        super().__init__()
        self._chars = chars  # the face's charToGlyph (ReportLab's shaping adds private characters to both)
        self._default = default

    def __missing__(self, char: int) -> float:
        if char in self._chars:
            return self._default
        raise KeyError(char)


class FastFace(TTFontFace):
    _segments: list[tuple[int, Sequence[int]]]  # the character map as read: (first character, its glyphs)

    def extractInfo(self, charInfo: int = 1) -> None:  # ReportLab's method, called by its constructor
        super().extractInfo(0)  # names, flags, ascent...: ReportLab's own reading; it stops before the tables
        if charInfo and not self._read_tables():
            super().extractInfo(charInfo)  # a rare character map format: ReportLab reads it all

    def __getattr__(self, name: str) -> Any:  # only for attributes not set yet
        if name == "glyphToChar" and "_segments" in self.__dict__:
            glyph_to_char: dict[int, list[int]] = {}
            for first, glyph_ids in self._segments:
                for char, glyph in enumerate(glyph_ids, first):
                    glyph_to_char.setdefault(glyph, []).append(char)
            self.glyphToChar = glyph_to_char
            return glyph_to_char
        raise AttributeError(name)

    def _read_tables(self) -> bool:
        data: bytes = self._ttf_data
        head = self.table["head"]["offset"]
        index_to_loc, glyph_format = struct.unpack_from(">hh", data, head + 50)
        if glyph_format != 0:
            raise TTFError(f"Unknown glyph data format ({glyph_format})")
        segments = self._cmap(data)
        if segments is None:
            return False
        char_to_glyph: dict[int, int] = {}
        for first, glyph_ids in segments:  # later segments win, as in ReportLab
            char_to_glyph.update(zip(range(first, first + len(glyph_ids)), glyph_ids, strict=True))
        glyphs = self.numGlyphs
        (metrics,) = struct.unpack_from(">H", data, self.table["hhea"]["offset"] + 34)
        hmtx = self.table["hmtx"]["offset"]
        advances = struct.unpack_from(f">{2 * metrics}H", data, hmtx)[0::2]
        scaled = {a: self._pdfScale(a) for a in set(advances)}  # a font has few distinct advances
        widths = list(map(scaled.__getitem__, advances))
        widths += [widths[-1]] * (glyphs - metrics)  # glyphs past the last full metric repeat its advance
        self.defaultWidth = default = widths[0]
        # (the segments' glyphs: at least the map's, more if a later segment replaced a character's glyph)
        highest = max((g[-1] if type(g) is range else max(g) for _, g in segments if g), default=-1)
        if highest >= glyphs:  # a broken map: ReportLab gives those no width
            self.charWidths = {c: widths[g] for c, g in char_to_glyph.items() if g < glyphs}
        elif 2 * widths.count(default) > glyphs and sum(len(g) for _, g in segments) == len(char_to_glyph):
            self.charWidths = _default_widths(segments, char_to_glyph, widths, default)
        else:
            self.charWidths = dict(zip(char_to_glyph, map(widths.__getitem__, char_to_glyph.values()), strict=True))
        self.hmetrics = Metrics(data, hmtx, max(metrics, glyphs), metrics, widths[-1])
        if "loca" not in self.table:
            raise TTFError("missing location table")
        if index_to_loc not in (0, 1):
            raise TTFError(f"Unknown location table format ({index_to_loc})")
        self.glyphPos = GlyphOffsets(data, self.table["loca"]["offset"], glyphs + 1, long=index_to_loc == 1)
        self._segments = segments
        self.charToGlyph = char_to_glyph
        char_widths = self.charWidths
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        return True

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        """ReportLab's makeSubset, the same bytes: the glyphs' offsets, metrics and component references read with
        struct from the font data rather than through its per-number reading methods (a cold export cuts some ten
        subsets of 256 glyphs: about 3 % of its run). Anything unexpected (a damaged font) is left to ReportLab."""
        offsets, metrics = self.glyphPos, self.hmetrics
        if isinstance(offsets, GlyphOffsets) and isinstance(metrics, Metrics):
            try:
                return _subset(self, subset, offsets, metrics)
            except (struct.error, IndexError):
                pass  # ReportLab's own then raises as it does
        made: bytes = super().makeSubset(subset)
        return made

    def _cmap(self, data: bytes) -> list[tuple[int, Sequence[int]]] | None:
        """The character map ReportLab would choose, as (first character, glyphs) runs in the table's order, or
        None when it is not in format 4 or 12."""
        base = self.table["cmap"]["offset"]
        version, count = struct.unpack_from(">HH", data, base)
        if count == 0 and version != 0:
            count = version
        chosen, enc = None, 0
        for n in range(count):  # ReportLab's choice of subtable, kept as it is
            platform, encoding, offset = struct.unpack_from(">HHL", data, base + 4 + 8 * n)
            if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
                enc, chosen = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, chosen = 2, offset
        if chosen is None:
            return None  # ReportLab raises its own error
        start = base + chosen
        (fmt,) = struct.unpack_from(">H", data, start)
        runs: list[tuple[int, Sequence[int]]] = []
        if fmt == 4:
            (length,) = struct.unpack_from(">H", data, start + 2)
            limit = start + length
            segments = struct.unpack_from(">H", data, start + 6)[0] // 2
            ends = struct.unpack_from(f">{segments}H", data, start + 14)
            starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
            deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
            ranges_at = start + 16 + 6 * segments
            ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
            for n in range(segments):
                first, last, delta, range_offset = starts[n], ends[n], deltas[n], ranges[n]
                if last < first:
                    continue
                if range_offset == 0:
                    runs.append((first, [(c + delta) & 0xFFFF for c in range(first, last + 1)]))
                    continue
                at = ranges_at + 2 * n + range_offset  # where the glyph of `first` is
                inside = max(0, min(last - first + 1, (limit - at + 1) // 2))  # ReportLab: 0 past the table
                ids = struct.unpack_from(f">{inside}H", data, at) if inside else ()
                glyph_ids = [(g + delta) & 0xFFFF if g else 0 for g in ids] + [0] * (last - first + 1 - inside)
                runs.append((first, glyph_ids))
        elif fmt == 12:
            (groups,) = struct.unpack_from(">L", data, start + 12)
            table = struct.unpack_from(f">{3 * groups}L", data, start + 16)
            for n in range(0, 3 * groups, 3):
                first, last, glyph = table[n : n + 3]
                runs.append((first, range(glyph, glyph + last - first + 1)))
        else:
            return None
        return runs


def _default_widths(
    segments: list[tuple[int, Sequence[int]]], chars: dict[int, int], widths: list[float], default: float
) -> DefaultWidths:
    """The widths of a character map whose segments do not overlap, the default width left out."""
    char_widths = DefaultWidths(chars, default)
    for first, glyph_ids in segments:
        if type(glyph_ids) is range:
            own = widths[glyph_ids.start : glyph_ids.stop]
        else:
            own = list(map(widths.__getitem__, glyph_ids))
        if own.count(default) != len(own):
            char_widths.update(
                compress(zip(range(first, first + len(own)), own, strict=True), map(default.__ne__, own))
            )
    return char_widths


class FastTTFont(TTFont):
    """ReportLab's TTFont, with a faster splitString for text whose characters all have their codes already.

    Each piece of text drawn is turned into the codes of the font's subsets (256 characters each) by splitString,
    which ReportLab does one character at a time in Python: about a tenth of laying out and drawing a note. Most
    text only has characters the document has drawn before; they are encoded at C speed here (a charmap codec's
    table of the codes given so far, kept for the last document drawn: each character to its subset and code byte),
    and text with any other character (one seen for the first time, one the font lacks) is left to ReportLab, which
    assigns its code. The result is the same list of (subset, bytes)."""

    _codes: _Codes | None = None  # the codes of the last document drawn

    def splitString(self, text: str | bytes, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if isinstance(text, str) and (table := self._code_table(doc)) is not None:
            try:
                pairs = charmap_encode(text, "strict", table)[0]  # (subset, code byte) for each character
            except UnicodeEncodeError:  # a character without a code
                pass
            else:
                subsets, codes = pairs[0::2], pairs[1::2]
                if not subsets:
                    return []
                if subsets.count(subsets[0]) == len(subsets):  # (most runs: one subset)
                    return [(subsets[0], codes)]
                return [(subsets[m.start()], codes[m.start() : m.end()]) for m in _SAME_BYTES.finditer(subsets)]
        results: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return results

    def _code_table(self, doc: Any) -> dict[int, bytes] | None:
        """The codes given so far in this document (None before the first, or once the font is written)."""
        codes = self._codes
        if codes is None or codes.document() is not doc or codes.state.frozen:
            state = self.state.get(doc)  # (a weak dictionary: a lookup per run of text, when not kept here)
            if state is None or state.frozen:
                return None
            codes = self._codes = _Codes(doc, state)
        return codes.table()


class _Codes:
    """A font's codes in one document as a charmap codec's table: each character drawn so far to its subset and
    code byte (ReportLab's State.assignments, which only ever grows, in order)."""

    __slots__ = ("_seen", "_table", "document", "state")

    def __init__(self, doc: Any, state: Any) -> None:
        self.document = weakref.ref(doc)
        self.state = state
        self._table: dict[int, bytes] = {}
        self._seen = 0  # how many of the state's assignments the table holds

    def table(self) -> dict[int, bytes]:
        assignments = self.state.assignments
        if self._seen != len(assignments):
            # (a code past the first 256 subsets has no byte pair: text with its character goes to ReportLab)
            new = islice(assignments.items(), self._seen, None)
            self._table.update((char, bytes((code >> 8, code & 0xFF))) for char, code in new if code < 0x10000)
            self._seen = len(assignments)
            if 32 in self._table:
                self._table[0xA0] = self._table[32]  # ReportLab draws a no-break space as a space
        return self._table


_SAME_BYTES = re.compile(rb"(.)\1*", re.DOTALL)  # a run of one subset number


def _subset(face: FastFace, subset: Sequence[int], offsets: GlyphOffsets, metrics: Metrics) -> bytes:
    """ReportLab's TTFontFile.makeSubset step by step (its comments say what each table is), reading the font data
    directly; tests/export/test_ttfmetrics.py compares the two on every bundled font."""
    data: bytes = face._ttf_data
    output = ttfonts.TTFontMaker()
    glyph_map = [0]  # new glyph index -> old
    glyph_set = {0: 0}  # old -> new
    code_to_glyph = {}
    char_to_glyph = face.charToGlyph
    for code in subset:
        original = char_to_glyph.get(code, 0)
        if original not in glyph_set:
            glyph_set[original] = len(glyph_map)
            glyph_map.append(original)
        code_to_glyph[code] = glyph_set[original]

    pair = offsets._format[0] + "2" + offsets._format[1]  # a glyph's offset and the next one's, in one read
    last, base, size, shift = offsets._length - 1, offsets._offset, offsets._size, offsets._shift
    spans = []  # each glyph's (start, end) in the glyf table, in glyph_map's order
    glyf_start, glyf_length = face.get_table_pos("glyf")
    n = 0
    while n < len(glyph_map):  # the components of composite glyphs join the subset
        original = glyph_map[n]
        if not 0 <= original < last:  # (GlyphOffsets[original + 1], bounds checked as a list's)
            raise IndexError(original)
        at, end = struct.unpack_from(pair, data, base + size * original)
        at, end = at << shift, end << shift
        spans.append((at, end))
        n += 1
        if not end - at:
            continue
        pos = glyf_start + at
        if struct.unpack_from(">h", data, pos)[0] < 0:
            pos += 10
            flags = ttfonts.GF_MORE_COMPONENTS
            while flags & ttfonts.GF_MORE_COMPONENTS:
                flags, component = struct.unpack_from(">HH", data, pos)
                pos += 4
                if component not in glyph_set:
                    glyph_set[component] = len(glyph_map)
                    glyph_map.append(component)
                pos += _component_rest(flags)

    for tag in ("name", "OS/2", "cvt ", "fpgm", "prep"):
        with contextlib.suppress(KeyError):  # (cvt, fpgm and prep are optional)
            output.add(tag, face.get_table(tag))
    output.add("post", b"\x00\x03\x00\x00" + face.get_table("post")[4:16] + b"\x00" * 16)
    glyphs = len(glyph_map)

    hmtx: list[int] = []
    for original in glyph_map:  # Metrics[original]
        if not 0 <= original < metrics._length:
            raise IndexError(original)
        if original < metrics._full:
            hmtx += struct.unpack_from(">HH", data, metrics._offset + 4 * original)
        else:
            at = metrics._offset + 4 * metrics._full + 2 * (original - metrics._full)
            hmtx += (int(metrics._last_width), struct.unpack_from(">H", data, at)[0])
    n = len(hmtx) - 2
    while n and hmtx[n] == hmtx[n - 2]:
        n -= 2
    n += 2
    full_metrics = n >> 1
    hmtx = hmtx[:n] + hmtx[n + 1 :: 2]
    output.add("hmtx", struct.pack(f">{len(hmtx)}H", *hmtx))
    output.add("hhea", ttfonts._set_ushort(face.get_table("hhea"), 34, full_metrics))
    output.add("maxp", ttfonts._set_ushort(face.get_table("maxp"), 4, glyphs))

    count = len(subset)
    cmap = [0, 1, 1, 0, 0, 12, 6, 10 + count * 2, 0, 0, count, *map(code_to_glyph.get, subset)]
    output.add("cmap", struct.pack(f">{len(cmap)}H", *cmap))

    new_offsets = []
    glyf = []
    pos = 0
    for at, end in spans:
        new_offsets.append(pos)
        length = end - at
        # the table's [at:end] as ReportLab cuts it from its copy of the table (offsets are never negative)
        glyph = data[glyf_start + min(at, glyf_length) : glyf_start + min(end, glyf_length)]
        if length > 2 and struct.unpack_from(">h", glyph)[0] < 0:  # a composite: its references renumbered
            renumbered = bytearray(glyph)
            inside = 10
            flags = ttfonts.GF_MORE_COMPONENTS
            while flags & ttfonts.GF_MORE_COMPONENTS:
                flags, component = struct.unpack_from(">HH", renumbered, inside)
                struct.pack_into(">H", renumbered, inside + 2, glyph_set[component])
                inside += 4 + _component_rest(flags)
            glyph = bytes(renumbered)
        glyf.append(glyph)
        pos += length
        if pos % 4:
            glyf.append(b"\0" * (4 - pos % 4))
            pos += 4 - pos % 4
    new_offsets.append(pos)
    output.add("glyf", b"".join(glyf))
    if (pos + 1) >> 1 > 0xFFFF:
        long_offsets = 1
        output.add("loca", struct.pack(f">{len(new_offsets)}L", *new_offsets))
    else:
        long_offsets = 0
        output.add("loca", struct.pack(f">{len(new_offsets)}H", *(o >> 1 for o in new_offsets)))
    output.add("head", ttfonts._set_ushort(face.get_table("head"), 50, long_offsets))
    stream: bytes = output.makeStream()
    return stream


def _component_rest(flags: int) -> int:
    """The bytes of a composite glyph's component after its flags and glyph index: arguments, then scale."""
    rest = 4 if flags & ttfonts.GF_ARG_1_AND_2_ARE_WORDS else 2
    if flags & ttfonts.GF_WE_HAVE_A_SCALE:
        rest += 2
    elif flags & ttfonts.GF_WE_HAVE_AN_X_AND_Y_SCALE:
        rest += 4
    elif flags & ttfonts.GF_WE_HAVE_A_TWO_BY_TWO:
        rest += 8
    return rest


def fast_ttfont(name: str, file: str | io.BytesIO) -> TTFont:
    """ReportLab's TTFont for a font file, its metrics read by FastFace, its text split by FastTTFont."""
    with _SWAP:
        ttfonts.TTFontFace = FastFace  # TTFont.__init__ looks the face class up by name
        try:
            return FastTTFont(name, file)
        finally:
            ttfonts.TTFontFace = TTFontFace
