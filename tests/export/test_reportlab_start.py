"""ReportLab's web-address pattern is compiled from an equivalent that is ten times cheaper to compile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from briefing.core.model import Briefing
from briefing.export.reportlab_start import FAST_CASED_CLASSES, FAST_CLASSES, faster_pattern, stable_alternatives

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("slow", "flags"), [*((c, re.IGNORECASE) for c in FAST_CLASSES), *((c, re.NOFLAG) for c in FAST_CASED_CLASSES)]
)
def test_each_rewritten_class_matches_exactly_the_same_characters(slow: str, flags: re.RegexFlag) -> None:
    given, fast = re.compile(slow, flags), re.compile(faster_pattern(slow, flags), flags)
    assert fast.pattern != slow
    differ = [
        hex(c) for c in range(sys.maxunicode + 1) if bool(given.fullmatch(chr(c))) != bool(fast.fullmatch(chr(c)))
    ]
    assert differ == []


def test_reportlab_compiles_the_faster_pattern_and_it_matches_as_its_own() -> None:
    # a fresh process: ReportLab imported after briefing.export, as the exports do
    script = (
        "import briefing.export, sys; from reportlab.platypus import paragraph; "
        "sys.stdout.buffer.write(paragraph.uri_pat.pattern.encode('utf-8'))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT, timeout=120, check=True)
    used = done.stdout.decode("utf-8")
    assert all(fast in used for fast in FAST_CLASSES.values())  # the rewrite still applies to this ReportLab
    original = used
    for slow, fast in FAST_CLASSES.items():
        original = original.replace(fast, slow)
    assert faster_pattern(original) == used
    given, faster = re.compile(original, re.IGNORECASE), re.compile(used, re.IGNORECASE)
    matched = 0
    for address in [
        "https://www.Example.COM/a/b-c/", "HTTP://xn--bcher-kva.ch/x", "ftp://user:pw@10.0.0.1:8080/x?y#z",
        "http://www.例子.中国/path", "://localhost:8000/", "http://[::1]/", "https://ÉCOLE.fr/x", "https://Straße.de",
        "http://-bad-.com", "http://a.b", "http://K.com", "foo", "http://مثال.إختبار/", "C:\\folder\\file",
    ]:  # fmt: skip
        expected, got = given.match(address), faster.match(address)
        assert (got and got.groups()) == (expected and expected.groups()), address
        matched += expected is not None
    assert matched >= 8  # the addresses exercise the pattern, not only its failures


def test_reportlab_splits_cjk_text_with_the_faster_class() -> None:
    script = (
        "import briefing.export, sys; from reportlab.lib import textsplit; "
        "sys.stdout.buffer.write(textsplit.rx.pattern.encode('utf-8'))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT, timeout=120, check=True)
    assert done.stdout.decode("utf-8") == "(" + FAST_CASED_CLASSES["[\u2e80-\uffff]"] + ")"


def test_pillow_is_imported_only_when_a_bitmap_is_drawn(tmp_path: Path) -> None:
    # a fresh process: a PDF without emoji never loads Pillow's Image module; one with an emoji does, and draws it
    script = (
        "import sys; from briefing.demo import demo_briefing; from briefing.core.templates import load_catalog; "
        "from briefing.export import export_briefing; b = demo_briefing(); t = load_catalog().get(b.template); "
        "export_briefing(b, t, sys.argv[1] + '/plain.pdf'); print('PIL.Image' in sys.modules); "
        "b.title_block.title += ' \\U0001f30d'; export_briefing(b, t, sys.argv[1] + '/emoji.pdf'); "
        "print('PIL.Image' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
    assert b"/Subtype /Image" in (tmp_path / "emoji.pdf").read_bytes()
    assert b"/Subtype /Image" not in (tmp_path / "plain.pdf").read_bytes()


def test_the_safe_evaluators_pattern_is_the_same_whatever_the_string_hashing() -> None:
    # ReportLab joins a set of names into its pattern: sorted, the text no longer depends on PYTHONHASHSEED, so the
    # pattern cache keeps one entry for it; it matches the same names
    script = "import briefing.export; from reportlab.lib import rl_safe_eval as r; print(r.__rl_unsafe_re__.pattern)"
    texts = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(texts) == 1
    from reportlab.lib import rl_safe_eval

    pattern = texts.pop().strip()
    assert pattern == stable_alternatives(rl_safe_eval.__rl_unsafe_re__.pattern)
    names = sorted(rl_safe_eval.__rl_unsafe__)
    assert pattern == "\\b(?:" + "|".join(names) + ")"
    for name in names:
        assert re.compile(pattern, re.M).search(f"x = {name}") is not None
    assert re.compile(pattern, re.M).search("harmless + 1") is None


def test_only_a_set_of_names_is_reordered() -> None:
    assert stable_alternatives("\\b(?:b|a|c_d)") == "\\b(?:a|b|c_d)"
    for other in ("\\b(?:b|a.c)", "(?:b|a)", "\\b(?:b|a)x", "plain"):
        assert stable_alternatives(other) == other


def test_a_cold_export_does_not_import_inspect(tmp_path: Path) -> None:
    # dataclasses and ReportLab's safe evaluator get a stand-in (core/lazy_modules.py); uharfbuzz, loaded only for
    # vowel marks, imports it itself. Nor importlib.abc (with importlib.resources: the finder here has no base class),
    # nor ipaddress (urllib.parse's, a stand-in from briefing/__init__.py)
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    save_briefing(demo_briefing(), tmp_path / "demo.briefing")
    script = (
        "import sys; from briefing.cli import main; "
        "status = main(['export', sys.argv[1], '-o', sys.argv[2]]); "
        "print(status, *(m in sys.modules for m in ('inspect', 'importlib.abc', 'importlib.resources', 'ipaddress')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "demo.briefing"), str(tmp_path / "d.pdf")],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.stdout.split()[-5:] == ["0", "False", "False", "False", "False"], done.stderr


def test_the_pdf_is_signed_with_the_builtin_md5_as_with_hashlibs(tmp_path: Path) -> None:
    # two fresh processes export the demo with RL_invariant=1: one as usual (ReportLab takes md5 from the built-in
    # _md5 module, hashlib and OpenSSL are never loaded), one with hashlib imported first (ReportLab's own md5): the
    # files, their /ID digests included, are the same byte for byte
    from briefing.core.project_save import save_briefing
    from briefing.demo import demo_briefing

    save_briefing(demo_briefing(), tmp_path / "demo.briefing")
    script = (
        "import sys\nif sys.argv[3] == 'hashlib': import hashlib\nfrom briefing.cli import main\n"
        "status = main(['export', sys.argv[1], '-o', sys.argv[2]])\n"
        "from reportlab.pdfbase import pdfdoc\n"
        "print(status, 'hashlib' in sys.modules, pdfdoc.md5.__module__)\n"
    )
    printed = []
    for md5_from in ("builtin", "hashlib"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "demo.briefing"), str(tmp_path / f"{md5_from}.pdf"), md5_from],
            capture_output=True, text=True, cwd=ROOT, timeout=120, check=False, env={**os.environ, "RL_invariant": "1"},
        )  # fmt: skip
        printed.append(done.stdout.split()[-3:])
    assert printed == [["0", "False", "_md5"], ["0", "True", "_hashlib"]]
    assert (tmp_path / "builtin.pdf").read_bytes() == (tmp_path / "hashlib.pdf").read_bytes()
    assert b"/ID" in (tmp_path / "builtin.pdf").read_bytes()


def test_harfbuzz_is_imported_only_when_vowel_marks_are_placed(tmp_path: Path) -> None:
    # a fresh process: a PDF without harakat never loads uharfbuzz; one quoting Arabic with harakat does, and
    # ReportLab draws its glyphs placed, the fatha raised (its fonts count as shapable throughout)
    script = (
        "import sys; from briefing.demo import demo_briefing; from briefing.core.templates import load_catalog; "
        "from briefing.export import export_briefing; from tests.export.test_pdfmarks import _quoting; "
        "b = demo_briefing(); t = load_catalog().get(b.template); "
        "export_briefing(b, t, sys.argv[1] + '/plain.pdf'); print('uharfbuzz' in sys.modules); "
        "export_briefing(_quoting(b, '\u062d\u064e\u0628\u064a'), t, sys.argv[1] + '/marks.pdf'); "
        "print('uharfbuzz' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
    with pikepdf.open(tmp_path / "marks.pdf") as pdf:
        rises = [ops for page in pdf.pages for ops, op in pikepdf.parse_content_stream(page) if str(op) == "Ts"]
    assert any(float(ops[0]) > 0 for ops in rises)


def test_harfbuzz_gets_the_code_flags_alone_and_shapes_as_with_inspect() -> None:
    # uharfbuzz's Cython module reads inspect's code flags as it is imported: a stand-in gives them (CODE_FLAGS, as
    # inspect's own), so inspect is not loaded; the harakat are shaped and placed the same as with inspect imported
    import inspect

    from briefing.export.reportlab_start import CODE_FLAGS

    assert {name: getattr(inspect, name) for name in dir(inspect) if name.startswith("CO_")} == CODE_FLAGS
    script = (
        "import gzip, sys\nif sys.argv[1] == 'inspect': import inspect\n"
        "from briefing.core.lazy_modules import stand_ins\nwith stand_ins('inspect'): import dataclasses\n"
        "from briefing.export import reportlab_start; reportlab_start.install()\n"
        "import reportlab.pdfbase.ttfonts\nbefore = 'inspect' in sys.modules\nimport uharfbuzz as hb\n"
        "font = hb.Font(hb.Face(gzip.open('resources/fonts/NotoNaskhArabic-Regular.ttf.gz').read()))\n"
        "buf = hb.Buffer(); buf.add_str('\u062d\u064e\u0628\u0651\u064a'); buf.guess_segment_properties()\n"
        "hb.shape(font, buf, {})\n"
        "print(before, 'inspect' in sys.modules, [(i.codepoint, p.x_offset, p.y_offset, p.x_advance) for i, p in "
        "zip(buf.glyph_infos, buf.glyph_positions)])\n"
    )
    printed = [
        subprocess.run(
            [sys.executable, "-c", script, first], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
        ).stdout.split(" ", 2)
        for first in ("nothing", "inspect")
    ]
    assert [printed[0][:2], printed[1][:2]] == [["False", "False"], ["True", "True"]]
    assert printed[0][2] == printed[1][2] and "(" in printed[0][2]


def test_numbers_are_written_as_reportlab_writes_them(tmp_path: Path) -> None:
    """ReportLab's text drawing, page setup and object writing format numbers through remembered_fp_str, which
    gives fp_str's own text for every number an export writes (seen twice: the second answer is remembered) and for
    values that are equal but differ in type or sign."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase import pdfdoc
    from reportlab.pdfgen import canvas, textobject

    from briefing.core.templates import load_catalog
    from briefing.demo import demo_briefing
    from briefing.export import export_briefing
    from briefing.export import reportlab_start as start

    if textobject.fp_str is not start.remembered_fp_str:
        pytest.skip("ReportLab was imported before briefing.export in this test process")
    assert canvas.fp_str is pdfdoc.fp_str is start.remembered_fp_str
    asked: list[tuple[object, ...]] = []

    def recording(*numbers: object) -> str:
        asked.append(numbers)
        return start.remembered_fp_str(*numbers)

    demo = demo_briefing()
    with pytest.MonkeyPatch.context() as patch:
        for module in (textobject, canvas, pdfdoc):
            patch.setattr(module, "fp_str", recording)
        export_briefing(demo, load_catalog().get(demo.template), tmp_path / "demo.pdf")
    assert len(asked) > 500 and len(set(asked)) < len(asked) / 2
    edge = [(1,), (1.0,), (True,), (-0.0,), (0,), (1e-8,), (-1e-8,), (2**53 + 1,), ((1.5, 2),), (1.5, 2, -3.25)]
    for numbers in [*asked, *edge, *edge, ([1.5, 2],), (float("nan"),)]:
        assert start.remembered_fp_str(*numbers) == fp_str(*numbers), numbers
    for _ in range(2):  # a number ReportLab refuses is refused each time
        with pytest.raises(ValueError):
            start.remembered_fp_str(1e300)


def test_runs_of_text_are_encoded_as_reportlab_encodes_them(tmp_path: Path, multilingual: Briefing) -> None:
    """Text objects encode each run with faster_format_text, which gives ReportLab's own _formatText's operators and
    leaves the text object as it does, for every run of an export in several scripts, fonts and subsets, a run with
    vowel marks placed (shaped text, passed to ReportLab's method) and the page furniture."""
    from reportlab.pdfgen import textobject

    from briefing.core.templates import load_catalog
    from briefing.export import export_briefing
    from briefing.export import reportlab_start as start
    from tests.export.test_pdfmarks import _quoting

    if textobject.PDFTextObject._formatText is not start.faster_format_text:
        pytest.skip("ReportLab was imported before briefing.export in this test process")
    compared: list[tuple[str, str]] = []

    def both(self: Any, text: Any) -> str:
        before = (self._curSubset, list(self._code), self._x, self._y)
        given = start._format_text(self, text)  # ReportLab's own first: it assigns the codes of new characters
        after = (self._curSubset, list(self._code), self._x, self._y)
        self._curSubset = before[0]
        fast = start.faster_format_text(self, text)
        assert (fast, (self._curSubset, list(self._code), self._x, self._y)) == (given, after), text
        compared.append((type(text).__name__, text))
        return fast

    template = load_catalog().get(multilingual.template)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(textobject.PDFTextObject, "_formatText", both)
        export_briefing(multilingual, template, tmp_path / "scripts.pdf")
        export_briefing(_quoting(multilingual, "\u062d\u064e\u0628\u064a"), template, tmp_path / "marks.pdf")
    texts = [text for _, text in compared]
    arabic = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")  # (drawn reshaped: presentation forms)
    assert len(compared) > 100 and any(map(arabic.search, texts)) and any("加拿大" in t for t in texts)
    assert any(kind == "ShapedStr" for kind, _ in compared)


def _text_state(tx: Any) -> tuple[Any, ...]:
    """What drawing a line changes: the text object's operators and attributes, and the paragraph's line state."""
    xs = tx.XtraState
    copied = {k: (v.copy() if isinstance(v, dict | list) else v) for k, v in xs.__dict__.items()}
    return list(tx._code), {k: v for k, v in tx.__dict__.items() if k not in ("_code", "XtraState")}, copied


def _put_back(tx: Any, state: tuple[Any, ...]) -> None:
    code, attributes, extra = state
    tx._code[:] = code
    tx.__dict__.update(attributes)
    tx.XtraState.__dict__.clear()
    tx.XtraState.__dict__.update({k: (v.copy() if isinstance(v, dict | list) else v) for k, v in extra.items()})


def test_lines_of_mixed_text_are_drawn_as_reportlab_draws_them(tmp_path: Path, multilingual: Briefing) -> None:
    """faster_put_frag_line leaves the text object and the paragraph's line state as ReportLab's _putFragLine does,
    for every line of mixed text of an export in several scripts with vowel marks placed, and of paragraphs with
    what it leaves to ReportLab (underline, strike-through, link, background colour, leader dots)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, paragraph

    from briefing.core.templates import load_catalog
    from briefing.export import export_briefing
    from briefing.export import reportlab_start as start
    from tests.export.test_pdfmarks import _quoting

    if paragraph._putFragLine is not start.faster_put_frag_line:
        pytest.skip("ReportLab was imported before briefing.export in this test process")
    kinds: list[bool] = []

    def both(cur_x: float, tx: Any, line: Any, last: Any, kind: str) -> None:
        before = _text_state(tx)
        start._put_frag_line(cur_x, tx, line, last, kind)
        given = _text_state(tx)
        _put_back(tx, before)
        start.faster_put_frag_line(cur_x, tx, line, last, kind)
        assert _text_state(tx) == given, [frag.text for frag in line.words]
        kinds.append(start._undecorated(tx, line, last))

    template = load_catalog().get(multilingual.template)
    styles = [
        ParagraphStyle("p", fontSize=10, leading=12, alignment=4),
        ParagraphStyle("dots", endDots=".", autoLeading="max", alignment=2),
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paragraph, "_putFragLine", both)
        export_briefing(_quoting(multilingual, "\u062d\u064e\u0628\u064a \u0643\u064e\u062a\u064e\u0628"), template,
                        tmp_path / "scripts.pdf")  # fmt: skip
        canvas = Canvas(str(tmp_path / "decorated.pdf"))
        for style in styles:
            for text in [
                "plain <b>bold</b> and <i>italic</i> words",
                "<u>underlined</u> then <strike>struck</strike> and <a href='https://example.com'>a link</a>",
                "<font backColor='yellow'>marked</font> and x<super>2</super> and <sub>low</sub> <font color='red'>red</font>",
                "a long line of <b>bold</b> words that ReportLab justifies over <i>two</i> lines of the paragraph",
            ]:
                para = Paragraph(text, style)
                para.wrap(120, 500)
                para.drawOn(canvas, 50, 500)
        canvas.save()
    assert kinds.count(True) >= 10 and kinds.count(False) >= 6, kinds  # both ways taken
