"""What goes into the frozen bundle and what stays out: read by briefing.spec, build.py and the packaging tests.

Plain Python with no imports from PyInstaller or Briefing, so a test can load it from the source tree.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "Briefing"
EXE_NAME = "briefing"  # the executable in the bundle and the command on PATH
# Windows starts a program either as a GUI program (whatever it prints goes nowhere) or as a console program (a
# console window flashes up when it is double-clicked). So the Windows bundle has both, built from the same code:
# briefing.exe for the Start menu and the file association, briefing-cli.exe for the command line and scripts.
CLI_EXE_NAME = "briefing-cli"
BUNDLE_ID = "org.briefing.Briefing"  # macOS bundle id and the reverse-DNS base of the UTI
MIME_TYPE = "application/vnd.briefing+zip"  # docs/file-format.md
SUFFIX = ".briefing"


def executables(platform: str) -> list[tuple[str, bool]]:
    """(name, console) of each executable in the bundle on `platform` (a sys.platform value), the main one first."""
    if platform == "win32":
        return [(EXE_NAME, False), (CLI_EXE_NAME, True)]
    # macOS: a GUI app (run from a terminal it still prints). Linux: one program for both.
    return [(EXE_NAME, platform != "darwin")]


# Data folders at the repository root, found in the bundle under sys._MEIPASS by briefing/paths.py.
DATA_FOLDERS = ("resources", "templates")
# Files in those folders that are tools, not data (e.g. resources/fonts/make_emoji_archive.py).
DATA_SKIP = re.compile(r"(^|/)(__pycache__|\.[^/]*)(/|$)|\.(py|pyc)$")

# Qt for Python modules Briefing does not import (it uses QtCore, QtGui, QtWidgets and QtSvg). Leaving them out
# also keeps out their Qt libraries, plugins and QML files, which PyInstaller's hooks collect per module.
QT_UNUSED = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]  # fmt: skip

# Python modules never needed at run time: test and dev tools, other GUI toolkits, build tools.
PY_UNUSED = [
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "pydoc_data",
    "lib2to3",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pip",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "IPython",
    "jedi",
    "matplotlib",
    "numpy",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "PyInstaller",
    "tests",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    # TLS: Briefing never touches the network. Leaving ssl and _hashlib out leaves out Python's libssl and libcrypto
    # (5 MB, copies of the build machine's that would miss its security updates); hashlib falls back to Python's
    # built-in hashes, and urllib3 (imported, never called, by trafilatura's downloader) works without ssl.
    "ssl",
    "_ssl",
    "_hashlib",
    # lxml's parts nothing imports (PyInstaller's lxml hook collects every submodule): objectify 2.8 MB, the HTML
    # diff and its compiled difflib 0.9 MB, ISO Schematron with its XSLT files.
    "lxml.objectify",
    "lxml.html.diff",
    "lxml.html._difflib",
    "lxml.html._diffcommand",
    "lxml.isoschematron",
]  # fmt: skip


def excludes() -> list[str]:
    return [f"PySide6.{name}" for name in QT_UNUSED] + PY_UNUSED


# Qt's own translations (qtbase_*.qm and friends, ~20 MB): only the French one, which the French interface installs
# beside Briefing's own catalogue (resources/i18n) so standard buttons and dialogs are in French too.
KEEP_QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_fr.qm",)

# Qt plugins that PyInstaller's QtGui hook collects but a desktop editor does not load: embedded-device platforms
# (eglfs, linuxfb, vnc, vkkhrdisplay), input devices for kiosks (evdev, tuio), the virtual keyboard (needs QML),
# the PDF image format plugin (pulls in the 10 MB QtPdf library), and the image formats Briefing never reads
# with Qt (its icons are SVG; PNG is built into QtGui; JPEG and SVG stay): GIF, ICO, ICNS, TGA, TIFF, WBMP, WebP
# (TIFF and WebP carry their own copies of libtiff and libwebp on Windows and macOS). OCR decodes scans with Pillow.
QT_PLUGIN_SKIP = re.compile(
    r"plugins/(egldeviceintegrations/|generic/|platforms/lib(qeglfs|qlinuxfb|qminimalegl|qvnc|qvkkhrdisplay)|"
    r"platforms/q(eglfs|linuxfb|minimalegl|vnc)|platforminputcontexts/libqtvirtualkeyboard|"
    r"imageformats/(lib)?q(pdf|gif|ico|icns|tga|tiff|wbmp|webp)\.)"
)


# Linux: system libraries the bundle must take from the machine, never carry (the .deb declares their packages in
# Depends). Carried copies of the X11/xcb, GLib, D-Bus, font and C++ runtime libraries clash with the system's own
# (Mesa's GL drivers need the system's newer libstdc++; GTK/GIO modules load against the system's GLib), and keep
# the bundle from picking up the distribution's security updates. Same spirit as AppImage's "excludelist".
LINUX_SYSTEM_LIBS = re.compile(
    r"^lib(stdc\+\+|gcc_s|X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|xcb|xcb-[a-z-]+|xkbcommon|xkbcommon-x11|"
    r"glib-2\.0|gio-2\.0|gobject-2\.0|gmodule-2\.0|gthread-2\.0|dbus-1|systemd|gcrypt|gpg-error|lz4|cap|zstd|"
    r"fontconfig|freetype|expat|png16|z|bz2|brotli(common|dec)|bsd|md|selinux|mount|blkid|pcre2-8|ffi|uuid|"
    r"gssapi_krb5|krb5|krb5support|k5crypto|com_err|keyutils|GL|EGL|GLX|GLdispatch|OpenGL|wayland-[a-z]+|"
    r"cairo|cairo-gobject|pango-1\.0|pangocairo-1\.0|pangoft2-1\.0|atk-1\.0|gdk_pixbuf-2\.0|gtk-3|gdk-3|"
    r"harfbuzz|fribidi|thai|datrie|graphite2|pixman-1|jpeg|tiff|lzma|readline|tinfo)\.so(\.[0-9]+)*$"
)
# Qt libraries collected only for plugins that are left out (eglfs, network information).
QT_LIB_SKIP = re.compile(r"(^|/)libQt6(Network|EglFSDeviceIntegration|EglFsKmsSupport)\.so")
# Babel (through the HTML importer's URL filter) carries 34 MB of locale data; a failed lookup of any other
# locale is handled there (UnknownLocaleError). Keep the root and the languages Briefing is used in.
BABEL_KEEP = re.compile(r"^(root|en|en_[A-Za-z0-9_]+|fr|fr_[A-Za-z0-9_]+)\.dat$")


def hidden_imports(root: Path = ROOT) -> list[str]:
    """Modules loaded by name at run time, which PyInstaller's scan of import statements cannot see: every importer
    (the registry imports one when a file of its kind is added), every command group (the `briefing` command
    imports only the group of the command being run), the smoke test with pypdf, which it uses to read the
    exported PDF back inside the bundle, and the libraries imported only inside functions."""
    groups = [p.stem for p in (root / "briefing" / "cli").glob("*.py") if p.stem != "__init__"]
    folder = root / "briefing" / "importers"
    # modules, and packages (importers/html/): a package's own imports bring its modules along
    importers = [p.stem for p in folder.glob("*.py")] + [p.parent.name for p in folder.glob("*/__init__.py")]
    return [
        "briefing.gui.smoke",
        "briefing.gui.app",
        "pypdf",
        "tesserocr",  # imported inside the OCR importer's functions only
        "hunspell",  # chunspell: imported inside core.spelling.Speller only
        "uharfbuzz",  # imported inside export.pdfmarkplace's functions only (and in a try by ReportLab)
        *sorted(f"briefing.importers.{name}" for name in importers),
        *sorted(f"briefing.cli.{name}" for name in groups),
    ]


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle) for every data file: PyInstaller's `datas` format."""
    result = []
    for folder in DATA_FOLDERS:
        base = root / folder
        if not base.is_dir():
            raise FileNotFoundError(f"{base} is missing: the bundle needs it")
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(root).as_posix()
            if path.is_file() and not DATA_SKIP.search(relative):
                result.append((str(path), str(Path(relative).parent)))
    return result


# Libraries the web-page importer uses that read files of their own at run time (trafilatura's settings.cfg and
# data, jusText's stop lists, tld's list of domains): PyInstaller's scan collects their
# code, not these files, and without them every web page and HTML e-mail is refused in the bundle.
PACKAGES_WITH_DATA = ("trafilatura", "justext", "tld")


def package_data_files(packages: tuple[str, ...] = PACKAGES_WITH_DATA) -> list[tuple[str, str]]:
    """(source file, destination folder) for every file of these installed packages that is not Python code."""
    import importlib.util

    result = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError(f"{package} is not installed: the bundle needs its data files")
        base = Path(next(iter(spec.submodule_search_locations)))
        for path in sorted(base.rglob("*")):
            skip = {"__pycache__", "tests"} & set(path.relative_to(base).parts)
            if path.is_file() and path.suffix not in (".py", ".pyc", ".pyi") and not skip:
                result.append((str(path), str(Path(package, path.relative_to(base)).parent.as_posix())))
    return result


# OCR (briefing/importers/ocr.py): the engine comes with the tesserocr wheel (its libtesseract and Leptonica, which
# PyInstaller collects as the extension's libraries); the language data does not, so the bundle carries English and
# French from the build machine, with their licence (Apache-2.0), in tessdata/ (found by briefing.paths.data_dir).
TESSDATA_LANGUAGES = ("eng", "fra")
TESSDATA_DEST = "tessdata"
# where the build machine keeps them, after $BRIEFING_TESSDATA: Debian's tesseract-ocr-eng/-fra, Homebrew (Apple
# silicon, Intel), the UB Mannheim Windows installer
TESSDATA_SEARCH = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/opt/homebrew/share/tessdata",
    "/usr/local/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)


def tessdata_files(root: Path = ROOT, environ: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(source file, TESSDATA_DEST) for each OCR language's data and its licence: PyInstaller's `datas` format."""
    environ = dict(os.environ) if environ is None else environ
    folders = [environ["BRIEFING_TESSDATA"]] if environ.get("BRIEFING_TESSDATA") else list(TESSDATA_SEARCH)
    for folder in map(Path, folders):
        found = [folder / f"{language}.traineddata" for language in TESSDATA_LANGUAGES]
        if all(path.is_file() for path in found):
            licence = [root / "packaging" / "tessdata" / "NOTICE.txt", root / "LICENSE"]
            return [(str(path), TESSDATA_DEST) for path in [*found, *licence]]
    names = ", ".join(f"{language}.traineddata" for language in TESSDATA_LANGUAGES)
    raise FileNotFoundError(
        f"the OCR language data ({names}) is not in {', '.join(folders)}: install tesseract-ocr-eng and "
        "tesseract-ocr-fra (Debian), or set BRIEFING_TESSDATA to the folder that holds them"
    )


def keep_binary_or_data(dest: str) -> bool:
    """Whether a file PyInstaller's hooks collected (its destination path in the bundle) stays in the bundle."""
    dest = dest.replace("\\", "/")
    if "/Qt/translations/" in dest or "/Qt6/translations/" in dest or dest.startswith("PySide6/translations/"):
        return Path(dest).name in KEEP_QT_TRANSLATIONS
    if QT_PLUGIN_SKIP.search(dest) or QT_LIB_SKIP.search(dest):
        return False
    if "/" not in dest and LINUX_SYSTEM_LIBS.match(dest):
        return False
    if dest.startswith("babel/locale-data/"):
        return bool(BABEL_KEEP.match(Path(dest).name))
    if dest.startswith("docx/templates/default-docx-template/"):
        return False  # the unpacked source of python-docx's default.docx (1 MB); python-docx reads default.docx
    return not re.search(r"(^|/)(tests?|testing)/", dest)


def version(root: Path = ROOT) -> str:
    """The version in briefing/__init__.py, read without importing the package."""
    text = (root / "briefing" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"""__version__\s*=\s*["']([^"']+)["']""", text)
    if not match:
        raise ValueError("no __version__ in briefing/__init__.py")
    return match.group(1)


def windows_version_info(version: str, name: str = EXE_NAME) -> str:
    """PyInstaller's version-resource file for `name`.exe (Explorer's Details tab, inventory tools, AppLocker)."""
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = ", ".join(map(str, numbers))
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": f"{APP_NAME} briefing-note editor",
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "Licensed under the Apache License 2.0",
        "OriginalFilename": f"{name}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers=({quad}), prodvers=({quad}), mask=0x3F, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('040904B0', [\n"
        f"{table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])])\n"
        "  ]\n"
        ")\n"
    )
