"""The PyInstaller spec and its lists (packaging/layout.py): data folders in, unused modules out, one folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import PIL
import pytest

from tests.packaging.conftest import PACKAGING, ROOT


class Recorder:
    """Stands in for PyInstaller's spec classes and records how the spec calls them."""

    calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]

    def __init__(self) -> None:
        self.calls = {}

    def make(self, name: str):
        def build(*args: Any, **kwargs: Any) -> Any:
            self.calls.setdefault(name, []).append((args, kwargs))
            return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[], **{"name": name})

        return build


def run_spec(monkeypatch: pytest.MonkeyPatch, **spec_globals: Any) -> Recorder:
    recorder = Recorder()
    names = {n: recorder.make(n) for n in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    code = compile((PACKAGING / "briefing.spec").read_text(encoding="utf-8"), "briefing.spec", "exec")
    monkeypatch.setattr("sys.path", list(__import__("sys").path))  # the spec inserts packaging/ on sys.path
    exec(code, {"SPECPATH": str(PACKAGING), "__name__": "__main__", **names, **spec_globals})
    return recorder


@pytest.fixture
def spec_calls(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    return run_spec(monkeypatch)


def test_spec_builds_one_folder_with_data_and_entry(spec_calls: Recorder) -> None:
    ((args, kwargs),) = spec_calls.calls["Analysis"]
    entry = Path(args[0][0])
    assert entry.is_file() and "briefing.cli" in entry.read_text(encoding="utf-8")
    dests = {dest for _, dest in kwargs["datas"]}
    ours = [src for src, dest in kwargs["datas"] if Path(src).is_relative_to(ROOT) and dest != "tessdata"]
    sources = {Path(src).relative_to(ROOT).as_posix() for src in ours}  # not the virtualenv's package data
    assert "templates" in dests and "resources/fonts" in dests and "resources/demo" in dests
    for template in (ROOT / "templates").glob("*.yaml"):
        assert f"templates/{template.name}" in sources
    for font in (ROOT / "resources" / "fonts").glob("*.ttf.gz"):
        assert f"resources/fonts/{font.name}" in sources
    assert all(Path(src).is_file() for src, _ in kwargs["datas"])
    assert "resources/fonts/make_emoji_archive.py" not in sources  # a tool, not data
    assert "resources/docx/template.docx" in sources and "resources/docx/make_template.py" not in sources
    ((_, exe_kwargs),) = spec_calls.calls["EXE"]
    assert exe_kwargs["exclude_binaries"] is True  # one-folder: libraries beside the executable, not unpacked
    assert exe_kwargs["upx"] is False
    assert len(spec_calls.calls["COLLECT"]) == 1
    assert "pypdf" in kwargs["hiddenimports"]  # the smoke test reads the PDF back inside the bundle


def test_spec_bundles_the_files_the_web_page_importer_reads_at_run_time(spec_calls: Recorder) -> None:
    # Without trafilatura's settings.cfg every web page and HTML e-mail was refused in the bundle ("damaged").
    ((_, kwargs),) = spec_calls.calls["Analysis"]
    bundled = {(Path(src).name, dest) for src, dest in kwargs["datas"]}
    assert ("settings.cfg", "trafilatura") in bundled
    assert any(dest == "justext/stoplists" for _, dest in bundled)
    assert not any(dest.startswith("tld/tests") for _, dest in bundled)


def test_spec_bundles_every_importer_the_registry_loads_by_name(spec_calls: Recorder) -> None:
    # The registry imports an importer by name when a file of its kind is added: PyInstaller cannot see that.
    from briefing.importers import _IMPORTERS

    ((_, kwargs),) = spec_calls.calls["Analysis"]
    for module, _function in _IMPORTERS.values():
        assert f"briefing.importers.{module}" in kwargs["hiddenimports"]


def test_spec_bundles_every_command_group_the_cli_loads_by_name(spec_calls: Recorder) -> None:
    # `briefing` imports only the group of the command being run, by name: PyInstaller cannot see that.
    from briefing.cli import COMMAND_GROUPS

    ((_, kwargs),) = spec_calls.calls["Analysis"]
    for group in COMMAND_GROUPS:
        assert f"briefing.cli.{group}" in kwargs["hiddenimports"]


def test_windows_bundle_has_a_console_executable_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A GUI executable's output goes nowhere on Windows, so the command line needs a console one beside it.
    monkeypatch.setattr("sys.platform", "win32")
    calls = run_spec(monkeypatch, workpath=str(tmp_path)).calls
    consoles = {kwargs["name"]: kwargs["console"] for _, kwargs in calls["EXE"]}
    assert consoles == {"briefing": False, "briefing-cli": True}
    ((collected, _),) = calls["COLLECT"]
    # Both executables share the one folder of libraries.
    assert [getattr(item, "name", None) for item in collected].count("EXE") == 2
    for _, kwargs in calls["EXE"]:
        assert f"'OriginalFilename', '{kwargs['name']}.exe'" in Path(kwargs["version"]).read_text(encoding="utf-8")


def test_excludes_leave_what_the_app_needs(spec_calls: Recorder, layout: ModuleType) -> None:
    ((_, kwargs),) = spec_calls.calls["Analysis"]
    excludes = set(kwargs["excludes"])
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "tkinter", "pytest"} <= excludes
    needed = {"PIL", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "reportlab", "docx"}
    assert not needed & excludes  # reportlab imports PIL at start-up; the GUI draws icons with QtSvg
    # offline: no TLS (and so no libssl/libcrypto); lxml's parts nothing imports
    assert {"ssl", "_ssl", "_hashlib", "lxml.objectify", "lxml.html.diff", "lxml.isoschematron"} <= excludes
    assert not {"hashlib", "lxml", "lxml.etree", "lxml.html", "lxml.sax"} & excludes  # lxml.sax: jusText
    used = set()
    for path in (ROOT / "briefing").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= {f"PySide6.{m}" for m in layout.QT_UNUSED if f"PySide6.{m}" in text}
    assert not used, f"modules in QT_UNUSED that Briefing imports: {used}"


def test_collected_files_filter(layout: ModuleType) -> None:
    keep = layout.keep_binary_or_data
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/translations/qtbase_fr.qm")  # the French interface's standard buttons
    assert not keep("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert not keep("PySide6/Qt/plugins/imageformats/qpdf.dll")
    assert not keep("libX11.so.6") and not keep("libstdc++.so.6") and not keep("libxcb-cursor.so.0")
    assert not keep("babel/locale-data/de.dat")
    # Qt image formats Briefing never reads (its icons are SVG, PNG is built into QtGui), on every platform
    for name in ("gif", "ico", "icns", "tga", "tiff", "wbmp", "webp", "pdf"):
        assert not keep(f"PySide6/Qt/plugins/imageformats/libq{name}.so"), name
        assert not keep(f"PySide6/plugins/imageformats/q{name}.dll"), name
    assert not keep("docx/templates/default-docx-template/word/document.xml")  # default.docx's unpacked source
    for kept in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "docx/templates/default.docx",  # python-docx's Document() reads it
        "docx/templates/default-styles.xml",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libpython3.11.so.1.0",
        "pillow.libs/libxcb-9065bb12.so.1.1.0",  # Pillow's own renamed copies stay
        "babel/locale-data/root.dat",
        "babel/locale-data/fr_CA.dat",
        "resources/fonts/LiberationSans-Regular.ttf.gz",
    ):
        assert keep(kept), kept


def test_version_is_the_package_version(layout: ModuleType) -> None:
    import briefing

    assert layout.version() == briefing.__version__


def test_verify_bundle_finds_missing_data_and_leftovers(tmp_path: Path, layout: ModuleType) -> None:
    from tests.packaging.conftest import load

    build = load("build")
    bundle = tmp_path / "briefing"
    internal = bundle / "_internal"
    internal.mkdir(parents=True)
    (bundle / build.bundle_exe(bundle).name).write_bytes(b"\x7fELF")
    for source, dest in layout.data_files() + layout.tessdata_files():
        (internal / dest).mkdir(parents=True, exist_ok=True)
        (internal / dest / Path(source).name).symlink_to(source)
    assert build.verify_bundle(bundle) == []
    (internal / "templates" / "information-note.yaml").unlink()
    (internal / "tessdata" / "fra.traineddata").unlink()
    (internal / "PySide6" / "Qt" / "translations").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "translations" / "qtbase_de.qm").write_bytes(b"")
    (internal / "libQt6Quick.so.6").write_bytes(b"")
    padded = Path(PIL.__file__).parents[1] / "pillow.libs"
    padded_lib = next((lib for lib in padded.glob("libXau-*.so*")), None)  # patchelf's 2 MB file alignment
    if build.IS_LINUX and padded_lib:
        shutil.copyfile(padded_lib, internal / padded_lib.name)
    problems = build.verify_bundle(bundle)
    if build.IS_LINUX and padded_lib:
        assert any(padded_lib.name in p and "compact_elf" in p for p in problems)
    assert any("templates/information-note.yaml" in p for p in problems)
    assert any("tessdata/fra.traineddata" in p for p in problems)
    assert any("qtbase_de.qm" in p for p in problems)
    assert any("libQt6Quick" in p for p in problems)


def test_windows_version_resource(layout: ModuleType) -> None:
    text = layout.windows_version_info("1.2.3")

    def record(name: str):
        return lambda *args, **kwargs: (name, args, kwargs)

    names = (
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    )
    info = eval(text, {"__builtins__": {}}, {n: record(n) for n in names})  # PyInstaller evaluates it the same way
    _, _, kwargs = info
    assert kwargs["ffi"][2]["filevers"] == (1, 2, 3, 0) and kwargs["ffi"][2]["prodvers"] == (1, 2, 3, 0)
    strings = dict(s[1] for s in kwargs["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == "1.2.3" and strings["OriginalFilename"] == "briefing.exe"


def test_the_bundle_carries_the_ocr_engine_and_language_data(spec_calls: Recorder) -> None:
    ((_, kwargs),) = spec_calls.calls["Analysis"]
    assert "briefing.importers.ocr" in kwargs["hiddenimports"] and "tesserocr" in kwargs["hiddenimports"]
    tessdata = {Path(src).name for src, dest in kwargs["datas"] if dest == "tessdata"}
    assert {"eng.traineddata", "fra.traineddata", "NOTICE.txt", "LICENSE"} <= tessdata


def test_missing_ocr_language_data_stops_the_build_saying_what_to_install(tmp_path: Path, layout: ModuleType) -> None:
    with pytest.raises(FileNotFoundError, match=r"fra\.traineddata.*tesseract-ocr-fra.*BRIEFING_TESSDATA"):
        layout.tessdata_files(environ={"BRIEFING_TESSDATA": str(tmp_path)})
    for language in ("eng", "fra"):
        (tmp_path / f"{language}.traineddata").write_bytes(b"model")
    found = layout.tessdata_files(environ={"BRIEFING_TESSDATA": str(tmp_path)})
    assert [Path(src).parent for src, _ in found[:2]] == [tmp_path, tmp_path]


def test_the_bundle_carries_harfbuzz_which_places_vowel_marks_in_pdfs(spec_calls: Recorder) -> None:
    ((_, kwargs),) = spec_calls.calls["Analysis"]
    assert "uharfbuzz" in kwargs["hiddenimports"]  # without it the PDF leaves harakat and niqqud out
    assert "uharfbuzz" not in kwargs["excludes"]
