"""ReportLab's start-up made cheaper for a cold PDF export, without changing what it does.

ReportLab's paragraph module compiles, as it is imported, a case-insensitive pattern for web addresses that spans
most of Unicode: about 0.3 billion instructions, a tenth of a cold `briefing export` to PDF (the pattern is used
whenever a line is hyphenated, so it cannot simply be compiled later). Here that module compiles an equivalent
pattern that is ten times cheaper to compile. install() puts a finder in front of Python's import system that wraps
that one module's loader; ReportLab itself is not imported by it (DOCX and Markdown exports never load it).

Likewise ReportLab's utilities import Pillow as they are imported, for bitmaps; here Pillow's Image module is
imported when first used (a note with emoji, drawn as small images, still loads it), and so is uharfbuzz, which
ReportLab's TrueType fonts import for shaping (only a right-to-left line with vowel marks uses it). The modules that
take md5 from hashlib get Python's built-in one, so OpenSSL is not loaded."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any

from briefing.core.lazy_modules import stand_ins

if TYPE_CHECKING:
    from importlib.abc import Loader, MetaPathFinder
else:  # importlib.abc imports importlib.resources (some 9 million instructions): the import system needs no base class
    Loader = MetaPathFinder = object

PARAGRAPH = "reportlab.platypus.paragraph"

# The web-address pattern's three character classes, which ReportLab compiles case-insensitively: each is a-z, A-Z,
# the digits and "-" as the class says, and all of \xa1-\uffff. Written as the characters they leave out, matched
# case-sensitively, they compile about ten times faster and match exactly the same characters (the tests check
# every code point).
FAST_CLASSES = {
    "[a-z\xa1-\uffff0-9]": "(?-i:[^\\x00-/:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff0-9-]": "(?-i:[^\\x00-,./:-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
    "[a-z\xa1-\uffff-]": "(?-i:[^\\x00-,.-@\\[-`{-\\xa0\\U00010000-\\U0010ffff])",
}


# The same for a class compiled case-sensitively: ReportLab's CJK splitter (textsplit) compiles "[\u2e80-\uffff]",
# and Python's compiler walks each of its 53,000 code points (3 ms); the characters it leaves out are a fifth as many.
FAST_CASED_CLASSES = {"[\u2e80-\uffff]": "[^\\x00-\\u2e7f\\U00010000-\\U0010ffff]"}


def faster_pattern(pattern: str, flags: int = re.IGNORECASE) -> str:
    """The same pattern with the slow classes rewritten (unchanged if it has none of them)."""
    for slow, fast in (FAST_CLASSES if flags & re.IGNORECASE else FAST_CASED_CLASSES).items():
        pattern = pattern.replace(slow, fast)
    return pattern


class _Wrapped(Loader):
    """A module's own loader, with something done around running the module."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:  # get_code, is_package...: as the real loader
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module


class _PatternsRewritten(_Wrapped):
    """Runs a module with the patterns it compiles rewritten by `rewritten` (the same matches, cheaper)."""

    @staticmethod
    def rewritten(pattern: str, flags: int) -> str:
        raise NotImplementedError

    def exec_module(self, module: ModuleType) -> None:
        compile_as_given = re.compile

        def compile_rewritten(pattern: Any, flags: int = 0) -> Any:
            # only the module's own calls: another thread compiling meanwhile is left alone
            if isinstance(pattern, str) and sys._getframe(1).f_globals is module.__dict__:
                pattern = self.rewritten(pattern, flags)
            return compile_as_given(pattern, flags)

        re.compile = compile_rewritten
        try:
            self._run(module)
        finally:
            re.compile = compile_as_given

    def _run(self, module: ModuleType) -> None:
        self._loader.exec_module(module)


class _FasterPatterns(_PatternsRewritten):
    """Runs a module with its patterns compiled from their faster equivalents."""

    rewritten = staticmethod(faster_pattern)


def stable_alternatives(pattern: str, flags: int = 0) -> str:
    """ReportLab's safe evaluator joins a set of names into a pattern, `\\b(?:name|name|...)`, in the set's order,
    which changes from one process to the next with Python's string hashing: the pattern cache (core/regex_cache.py)
    never met it before and compiled it again at every export, then rewrote itself (23 million instructions). With
    the names sorted the text is the same every time; any order matches the same names (a set could give this one)."""
    head = "\\b(?:"
    names = pattern[len(head) : -1].split("|")
    if not (pattern.startswith(head) and pattern.endswith(")") and all(map(str.isidentifier, names))):
        return pattern
    return head + "|".join(sorted(names)) + ")"


class _SafeEvalQuieter(_PatternsRewritten):
    """ReportLab's safe evaluator (rl_safe_eval), which its utilities import and Briefing never calls: its pattern
    of names in a stable order, and inspect (with dis, tokenize and linecache) imported when first used."""

    rewritten = staticmethod(stable_alternatives)

    def _run(self, module: ModuleType) -> None:
        with stand_ins("inspect"):
            self._loader.exec_module(module)


class _PillowOnFirstUse(_Wrapped):
    """ReportLab's utilities import Pillow's Image module (about 2 % of a cold export) for bitmaps, which a note
    has only with emoji: they get a stand-in that imports it when first used."""

    def exec_module(self, module: ModuleType) -> None:
        with stand_ins("PIL.Image"):  # (what `from PIL import Image` finds)
            self._loader.exec_module(module)


class _BuiltinMd5(_Wrapped):
    """ReportLab's utilities, canvas and PDF document take md5 from hashlib (a PDF's identifier is an md5 digest),
    whose import loads OpenSSL (about 11 million instructions, 0.4 % of a cold export): they get Python's built-in
    md5 (the `_md5` module: the same digests), and hashlib's other names import it when first used. Without `_md5`
    (a Python built without it) they import hashlib as before."""

    def exec_module(self, module: ModuleType) -> None:
        try:
            from _md5 import md5
        except ImportError:
            self._loader.exec_module(module)
            return
        with stand_ins("hashlib", given={"md5": md5}):
            self._loader.exec_module(module)


# The code flags of inspect (from dis), the only names of it uharfbuzz's Cython module reads as it is imported; the
# values are CPython's own (Include/cpython/code.h), checked against inspect's by a test.
CODE_FLAGS = {
    "CO_OPTIMIZED": 1, "CO_NEWLOCALS": 2, "CO_VARARGS": 4, "CO_VARKEYWORDS": 8, "CO_NESTED": 16, "CO_GENERATOR": 32,
    "CO_NOFREE": 64, "CO_COROUTINE": 128, "CO_ITERABLE_COROUTINE": 256, "CO_ASYNC_GENERATOR": 512,
}  # fmt: skip


class _CodeFlagsGiven(_Wrapped):
    """uharfbuzz's Cython module imports inspect (with dis: about 10 million instructions, at the first line with
    vowel marks) for its code flags alone: it gets a stand-in given them; inspect's other names import it."""

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        with stand_ins("inspect", given=CODE_FLAGS):
            return super().create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        with stand_ins("inspect", given=CODE_FLAGS):
            self._loader.exec_module(module)


# The modules that take md5 from hashlib as they are imported (each also wrapped as WRAPPERS says, if it is there).
MD5_USERS = frozenset({"reportlab.lib.utils", "reportlab.pdfgen.canvas", "reportlab.pdfbase.pdfdoc"})


class _HarfBuzzOnFirstUse(_Wrapped):
    """ReportLab's TrueType module imports uharfbuzz (50-100 ms in a cold process) for shaping, which only a
    right-to-left line with vowel marks uses (pdfmarkplace): it gets a stand-in that imports it when first used.
    Without uharfbuzz installed, ReportLab finds none, as before."""

    def exec_module(self, module: ModuleType) -> None:
        if "uharfbuzz" not in sys.modules and importlib.util.find_spec("uharfbuzz") is None:
            self._loader.exec_module(module)
            return
        with stand_ins("uharfbuzz"):
            self._loader.exec_module(module)


# ReportLab's fp_str writes numbers as a PDF has them, in C through sprintf: some 6,000 instructions a number. Drawing
# text asks it for the same few numbers (a font size, a leading, a word spacing) thousands of times, about 2 % of a
# cold export: its answers are remembered, for ints and floats (and tuples of them) only, whose equal values print
# alike (1, 1.0 and True all print "1"); anything else is passed on as it is.
_formatted: dict[tuple[Any, ...], str] = {}
FORMATTED_LIMIT = 20_000  # answers kept (a 44-page note asks for about 2,000 different ones)
_NUMBERS = frozenset({int, float, bool})


def _plain_numbers(values: tuple[Any, ...]) -> bool:
    if len(values) == 1 and type(values[0]) is tuple:
        values = values[0]
    return all(map(_NUMBERS.__contains__, map(type, values)))


def remembered_fp_str(*numbers: Any) -> str:
    """ReportLab's fp_str (reportlab.lib.rl_accel), remembered: the same text for the same numbers."""
    try:
        text = _formatted.get(numbers)
    except TypeError:  # (something unhashable: a list)
        unremembered: str = _fp_str(*numbers)
        return unremembered
    if text is None:
        text = _fp_str(*numbers)
        if _plain_numbers(numbers):
            if len(_formatted) >= FORMATTED_LIMIT:
                _formatted.clear()
            _formatted[numbers] = text
    return text


_fp_str: Any = None  # ReportLab's own, from the first module given remembered_fp_str


class _RememberedNumbers(_Wrapped):
    """The module's fp_str (imported from rl_accel) is remembered_fp_str."""

    def exec_module(self, module: ModuleType) -> None:
        global _fp_str
        self._loader.exec_module(module)
        if module.fp_str is not remembered_fp_str:
            _fp_str = module.fp_str
            module.fp_str = remembered_fp_str  # type: ignore[attr-defined]


# ReportLab's text object encodes each run of text it draws (PDFTextObject._formatText): for an embedded TrueType
# font, the run's codes in the font's subsets, each subset's font set when it changes, and each piece escaped. Around
# that it swaps its operator list and position out and back, asks the font whether it can shape, and builds a list
# to join: about a third of the method's cost, for each of the thousands of runs a note draws. For a run in such a
# font that is not shaped text (the common case), faster_format_text writes the same operators without that work;
# anything else (a shaped run, a standard or CID font) goes to ReportLab's own method.
_format_text: Any = None  # ReportLab's own PDFTextObject._formatText


def faster_format_text(self: Any, text: Any) -> str:
    """PDFTextObject._formatText's text for a run in an embedded TrueType font, without its bookkeeping."""
    font = _fonts.get(self._fontname)  # (pdfmetrics.getFont's own first step)
    if font is None:
        font = _get_font(self._fontname)
    if not font._dynamicFont or isinstance(text, _ShapedStr):
        return str(_format_text(self, text))
    canvas = self._canvas
    doc = canvas._doc
    escape = canvas._escape
    runs = font.splitString(text, doc)
    if len(runs) == 1 and runs[0][0] == self._curSubset:  # one run in the subset already set
        return f"({escape(runs[0][1])}) Tj"
    operators = []
    for subset, encoded in runs:
        if subset != self._curSubset:
            operators.append(_font_operators(self, font, subset, doc))
            self._curSubset = subset
        operators.append(f"({escape(encoded)}) Tj")
    return " ".join(operators)


def _font_operators(text_object: Any, font: Any, subset: int, doc: Any) -> str:
    """The operators selecting a font's subset at the text object's size and leading, remembered per document (its
    subset's name does not change once given: ReportLab's getSubsetInternalName looks it up through a weak dictionary
    each time, for the thousands of font changes in lines of mixed scripts)."""
    try:
        known: dict[tuple[Any, ...], str] = doc._subset_font_operators
    except AttributeError:
        known = doc._subset_font_operators = {}
    key = (font.fontName, subset, text_object._fontsize, text_object._leading)
    operators = known.get(key)
    if operators is None:
        size, leading = remembered_fp_str(key[2]), remembered_fp_str(key[3])
        operators = known[key] = f"{font.getSubsetInternalName(subset, doc)} {size} Tf {leading} TL"
    return operators


_get_font: Any = None  # the module's pdfmetrics.getFont, its registry of fonts and ShapedStr, set with
_fonts: dict[str, Any] = {}  # faster_format_text
_ShapedStr: Any = None


class _FasterText(_RememberedNumbers):
    """The text object module, its fp_str remembered and its text objects' runs encoded by faster_format_text."""

    def exec_module(self, module: ModuleType) -> None:
        global _format_text, _get_font, _fonts, _ShapedStr
        super().exec_module(module)
        text_object: Any = module.PDFTextObject
        if text_object._formatText is not faster_format_text:
            _format_text, _get_font, _fonts, _ShapedStr = (
                text_object._formatText,
                module.pdfmetrics_getFont,
                sys.modules[module.pdfmetrics_getFont.__module__]._fonts,
                module.ShapedStr,
            )
            text_object._formatText = faster_format_text


# ReportLab draws each line of a paragraph in several fonts or colours (its kind-1 lines: quotations in Arabic or
# Chinese, footnotes with a title in another script, bold and italic runs) with paragraph._putFragLine. For each
# fragment it measures the fragment's width and the white space ending the one before it, and counts spaces, only
# to place underlines, links, background colours, images and leader dots: a line with none of them uses none of that
# (about 3 % of a cold export of a note with Arabic and Chinese quotations). faster_put_frag_line draws such a line
# with the same text object calls in the same order (fonts, colours, rises, each fragment's text); any other line
# goes to ReportLab's function.
_put_frag_line: Any = None  # ReportLab's own paragraph._putFragLine


def _undecorated(tx: Any, line: Any, last: Any) -> bool:
    """Whether ReportLab's drawing of this line only sets fonts, colours and rises and shows each fragment's text."""
    xs = tx.XtraState
    if xs.autoLeading in ("min", "max") or xs.backColor or (last and xs.style.endDots):
        return False
    for frag in line.words:
        if hasattr(frag, "cbDefn") or frag.us_lines or frag.link or getattr(frag, "backColor", None):
            return False
    return True


def faster_put_frag_line(cur_x: float, tx: Any, line: Any, last: Any, pKind: str) -> None:
    """ReportLab's _putFragLine (same arguments), drawing an undecorated line with its text operators alone."""
    if not _undecorated(tx, line, last):
        _put_frag_line(cur_x, tx, line, last, pKind)
        return
    xs = tx.XtraState
    x0 = tx._x0
    if tx._leading != xs.leading:
        tx.setLeading(xs.leading)
    words = line.words
    final = words[-1]
    for frag in words:
        size = frag.fontSize
        if (tx._fontname, tx._fontsize) != (frag.fontName, size):
            tx._setFont(frag.fontName, size)
        color = frag.textColor
        if xs.textColor != color:
            xs.textColor = color
            tx.setFillColor(color)
        rise = frag.rise
        if xs.rise != rise:
            xs.rise = rise
            tx.setRise(rise)
        tx._textOut(frag.text, frag is final)
    if tx._x0 != x0:  # (ReportLab's closing step: only an image or leader dots move it)
        dx = x0 - tx._x0
        if dx > 1e-6 or dx < -1e-6:
            tx.setXPos(dx)


class _FasterParagraph(_FasterPatterns):
    """The paragraph module, its patterns compiled faster and its undecorated lines drawn by faster_put_frag_line."""

    def exec_module(self, module: ModuleType) -> None:
        global _put_frag_line
        super().exec_module(module)
        if module._putFragLine is not faster_put_frag_line:
            _put_frag_line = module._putFragLine
            module._putFragLine = faster_put_frag_line  # type: ignore[attr-defined]


WRAPPERS: dict[str, type[_Wrapped]] = {
    PARAGRAPH: _FasterParagraph,
    "reportlab.lib.textsplit": _FasterPatterns,
    "reportlab.lib.utils": _PillowOnFirstUse,
    "reportlab.lib.rl_safe_eval": _SafeEvalQuieter,
    "reportlab.pdfbase.ttfonts": _HarfBuzzOnFirstUse,
    "uharfbuzz._harfbuzz": _CodeFlagsGiven,
    "reportlab.pdfgen.textobject": _FasterText,
    "reportlab.pdfgen.canvas": _RememberedNumbers,
    "reportlab.pdfbase.pdfdoc": _RememberedNumbers,
}


class _Finder(MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        wrapper = WRAPPERS.get(fullname)
        if wrapper is None and fullname not in MD5_USERS:
            return None
        for finder in sys.meta_path:  # the finders after this one: the file system's, or the bundle's
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    if wrapper is not None:
                        spec.loader = wrapper(spec.loader)
                    if fullname in MD5_USERS:
                        spec.loader = _BuiltinMd5(spec.loader)
                return spec
        return None


def install() -> None:
    """Once, before ReportLab is imported (a later call, or ReportLab already loaded, changes nothing)."""
    loaded = any(name in sys.modules for name in WRAPPERS if name.startswith("reportlab."))
    if not loaded and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
