"""Messages of the plain-Python layers: English by str(), translatable as a whole, and no English-only error
message left at a place the window shows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from briefing.core.messages import CONTEXT, QT_TRANSLATE_NOOP, Message, message_of, named, one_line, render
from briefing.core.operations import OperationError
from briefing.core.project import ProjectFileError
from briefing.core.project_load import load_briefing
from briefing.importers import SourceImportError, import_file

PACKAGE = Path(__file__).resolve().parents[2] / "briefing"


def _french(text: str) -> str:
    """A stand-in catalogue: the GUI passes templates through Qt's translate() the same way."""
    return {
        "{name}: {problem}": "{name}\u00a0: {problem}",
        "is not valid {encoding} (byte {start})": "n’est pas du {encoding} valide (octet {start})",
        "reading it needs OCR, and {exc}": "le lire demande la ROC, et {exc}",
        "OCR is not installed": "la ROC n’est pas installée",
    }.get(text, text)


def test_str_is_the_english_text_and_render_translates_every_part() -> None:
    problem = Message(QT_TRANSLATE_NOOP(CONTEXT, "is not valid {encoding} (byte {start})"), encoding="utf-8", start=7)
    error = SourceImportError("/tmp/notes.txt", problem)
    assert str(error) == "notes.txt: is not valid utf-8 (byte 7)"
    assert error.problem == "is not valid utf-8 (byte 7)"
    assert render(error, _french) == "notes.txt\u00a0: n’est pas du utf-8 valide (octet 7)"
    # an error carried as a value (OCR missing, inside an importer's refusal) is translated too
    missing = OperationError(Message("OCR is not installed"))
    wrapped = Message("reading it needs OCR, and {exc}", exc=missing)
    assert str(wrapped) == "reading it needs OCR, and OCR is not installed"
    assert (
        render(named("scan.png", wrapped), _french)
        == "scan.png\u00a0: le lire demande la ROC, et la ROC n’est pas installée"
    )


def test_values_are_put_in_once_and_library_text_stays_as_it_is() -> None:
    message = Message("cannot read the file ({reason})", reason="No such file {reason}")
    assert str(message) == "cannot read the file (No such file {reason})"
    assert render(ValueError("a library's own words"), _french) == "a library's own words"
    assert message_of(ValueError("x")) is None and message_of(OperationError(message)) is message


def test_a_message_is_its_english_text_wherever_a_str_went() -> None:
    """Warnings and problems were English str: a Message still compares, searches and formats as that text, and a
    copy (or a pickle) is still a message."""
    import copy
    import pickle

    message = Message("pages {ranges} are damaged and were skipped", ranges="2-3")
    assert message == "pages 2-3 are damaged and were skipped" and "damaged" in message
    assert f"warning: {message}" == "warning: pages 2-3 are damaged and were skipped"
    assert type(str(message)) is str
    for clone in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert isinstance(clone, Message) and clone.template == message.template and clone.values == {"ranges": "2-3"}


def test_a_problem_is_one_line_whatever_its_values_hold() -> None:
    problem = one_line(Message("is damaged ({exc})", exc=ValueError("line one\n  line two")))
    assert str(problem) == "is damaged (line one line two)"
    assert str(SourceImportError("a.pdf", "two\nlines")) == "a.pdf: two lines"


def test_an_importers_refusal_is_english_by_str_and_translatable(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    with pytest.raises(SourceImportError) as info:
        import_file(path)
    assert str(info.value) == (
        "broken.pdf: is a damaged PDF and cannot be read (its end is missing: was it cut short?)"
    )
    message = message_of(info.value)
    assert message is not None and message.values["name"] == "broken.pdf"
    assert message_of(message.values["problem"]) is not None  # the problem itself is a template, not English text


def test_the_file_readers_refusal_is_english_by_str_and_translatable(tmp_path: Path) -> None:
    path = tmp_path / "note.briefing"
    path.write_bytes(b"not a zip file at all")
    with pytest.raises(ProjectFileError) as info:
        load_briefing(path)
    assert str(info.value) == (
        "note.briefing: is not a briefing file, or is damaged (it does not begin as a briefing file does)"
    )
    problem = message_of(info.value).values["problem"]  # type: ignore[union-attr]
    assert isinstance(problem, Message) and problem.template == "is not a briefing file, or is damaged ({exc})"
    damage = message_of(problem.values["exc"])  # zipfile's complaint, in words and translatable too
    assert damage is not None and damage.template == "it does not begin as a briefing file does"


# The errors whose text reaches the window (and the helpers that make them): their problem must be a Message, never
# English prose written in place, or the French window would show it in English.
WINDOW_ERRORS = {
    "SourceImportError", "PasswordRequired", "NeedsOcr", "OcrUnavailable", "ProjectFileError", "ManifestTooLarge",
    "LockedError", "TemplateError", "OperationError", "ExportError", "SpellingUnavailable", "_Damaged", "fail",
    "_why", "named",
}  # fmt: skip
LAYERS = ["core", "importers", "export"]


def _prose(node: ast.AST) -> bool:
    """English written in place: a string (or f-string) with a space in it, anywhere in the expression.
    Keys and locations ("page.margins_mm", f"{where}.kind") have none."""
    for part in ast.walk(node):
        if isinstance(part, ast.Constant) and isinstance(part.value, str) and " " in part.value.strip():
            return True
    return False


def _marked(call: ast.Call) -> bool:
    """Message(QT_TRANSLATE_NOOP("Messages", "literal"), ...): the only form lupdate extracts."""
    if not call.args or not isinstance(call.args[0], ast.Call):
        return False
    marker = call.args[0]
    return (
        isinstance(marker.func, ast.Name)
        and marker.func.id == "QT_TRANSLATE_NOOP"
        and [type(a) for a in marker.args] == [ast.Constant, ast.Constant]
        and marker.args[0].value == CONTEXT  # type: ignore[attr-defined]
    )


# Names that hold a problem before it is raised; private functions named *_problem return one for a raise
# (export.pages.pdf_problem is the command line's `check`, in English)
PROBLEM_NAMES = {"problem", "stopped", "kept"}


def _problems(package: Path = PACKAGE) -> tuple[list[str], int]:
    """Every English-only problem at a place the window shows (where, what), and how many error calls were seen."""
    problems, checked = [], 0
    for layer in LAYERS:
        for path in sorted((package / layer).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            where = path.relative_to(package.parent)
            said: list[ast.expr] = []  # expressions that end up as a problem
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                    if name == "Message" and not _marked(node) and path.name != "messages.py":  # (its own copies)
                        problems.append(f"{where}:{node.lineno}: a Message whose template lupdate cannot read")
                    elif name == "Message":
                        said += [keyword.value for keyword in node.keywords]  # its values: "(no extension)" too
                    if name in WINDOW_ERRORS:
                        checked += 1
                        said += node.args
                    elif name == "append" and ast.unparse(node.func).endswith("warnings.append"):
                        said += node.args  # an import's warnings: shown in the status bar after it
                elif isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) in PROBLEM_NAMES:
                    said.append(node.value)
                elif isinstance(node, ast.FunctionDef) and node.name.startswith("_") and node.name.endswith("_problem"):
                    said += [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
            for expr in said:
                if not (isinstance(expr, ast.Call) and _marked(expr)) and _prose(_unmarked(expr)):
                    problems.append(f"{where}:{expr.lineno}: {ast.unparse(expr)[:70]} in English")
    return problems, checked


def _unmarked(expr: ast.expr) -> ast.expr:
    """The expression with its marked Messages taken out (a conditional between two of them is fine)."""

    class Strip(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call) -> ast.AST:
            return ast.Constant(None) if _marked(node) else self.generic_visit(node)

    return Strip().visit(ast.parse(ast.unparse(expr), mode="eval").body)


def test_no_english_only_message_at_a_place_the_window_shows() -> None:
    problems, checked = _problems()
    assert checked > 200  # the walk saw the raise sites, not an empty tree
    assert problems == [], "\n".join(problems)


def test_the_walk_catches_an_english_message(tmp_path: Path) -> None:
    """The check itself fails on the forms it forbids (run against a copy of the package with them added)."""
    import shutil

    copy = tmp_path / "briefing"
    for layer in LAYERS:
        shutil.copytree(PACKAGE / layer, copy / layer)
    target = copy / "importers" / "pdf.py"
    lines = target.read_text(encoding="utf-8").count("\n")
    target.write_text(
        target.read_text(encoding="utf-8")
        + '\n\ndef _late(file_name, n):\n    raise SourceImportError(file_name, f"has {n} pages too many")\n'
        + "\n\ndef _later(file_name):\n    raise SourceImportError(file_name, Message(some_text))\n",
        encoding="utf-8",
    )
    problems, _ = _problems(copy)
    assert sorted(problems) == [
        f"briefing/importers/pdf.py:{lines + 4}: f'has {{n}} pages too many' in English",
        f"briefing/importers/pdf.py:{lines + 8}: a Message whose template lupdate cannot read",
    ]


def test_missing_ocr_languages_are_named_in_a_message() -> None:
    from briefing.importers.ocr import OcrUnavailable, tessdata_dir

    with pytest.raises(OcrUnavailable) as info:
        tessdata_dir("xyz+qqq")
    assert str(info.value) == (
        "the OCR language data (xyz and qqq) is not installed (on Debian or Ubuntu: apt install tesseract-ocr-xyz "
        "tesseract-ocr-qqq; or set TESSDATA_PREFIX)"
    )
    french = {"{first} and {last}": "{first} et {last}"}
    assert "(xyz et qqq)" in render(info.value, lambda text: french.get(text, text))


def test_the_systems_common_reasons_are_messages_in_its_own_english_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk full or a permission refused on save: the command line says it as before, in the system's English;
    the window can translate it (it showed "(No space left on device)" inside a French sentence: QA8 D13i)."""
    import errno
    import os

    import briefing.core.project_save as project_save
    from briefing.core.messages import system_reason
    from briefing.core.templates import load_catalog, new_briefing

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(project_save, "atomic_write", full)
    with pytest.raises(ProjectFileError) as info:
        project_save.save_briefing(new_briefing(load_catalog().get("information-note")), tmp_path / "a.briefing")
    assert str(info.value) == "a.briefing: could not be saved (No space left on device); nothing was written"
    french = {"No space left on device": "plus d’espace libre sur le disque"}
    assert "(plus d’espace libre sur le disque)" in render(info.value, lambda text: french.get(text, text))

    for number in (errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.ENOENT,
                   errno.ENAMETOOLONG, errno.EISDIR):  # fmt: skip
        reason = system_reason(OSError(number, "the system's words"))
        assert isinstance(reason, Message)
        if os.name == "posix":  # the command line's words are the ones it printed before
            assert reason == os.strerror(number)
    assert system_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"  # any other, as it is
    assert system_reason(ValueError("embedded null byte")) == "embedded null byte"
