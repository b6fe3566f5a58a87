#!/usr/bin/env python3
"""Build Briefing's installers, and smoke-test every artefact built.

    python packaging/build.py bundle            PyInstaller one-folder bundle in dist/briefing (Briefing.app on macOS)
    python packaging/build.py deb [--install-test]   .deb from the bundle; --install-test (root) installs it with apt,
                                                runs the smoke test offscreen and under Xvfb, purges it, and checks
                                                that no file was left behind
    python packaging/build.py msi [--install-test]   Windows: MSI with WiX 3 (heat, candle, light); --install-test
                                                installs it silently, smoke-tests the installed app, uninstalls it.
                                                Linux: compiles the same WiX source with wixl over the Linux bundle
                                                (a stand-in payload) to check it, and lists the MSI's tables
    python packaging/build.py dmg               macOS: Briefing.app in a compressed .dmg (hdiutil), smoke-tested
                                                from the mounted image
    python packaging/build.py figures           start time of the frozen app next to the source, sizes; JSON

deb, msi and dmg build the bundle first unless --bundle names one that exists (CI signs the bundle in between).
Run it with the project's virtualenv, after `pip install -e .[packaging]`. Outputs: dist/, work files: build/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import frozen_checks  # packaging/frozen_checks.py
import layout  # packaging/layout.py, beside this file
import shrink  # packaging/shrink.py

ROOT = layout.ROOT
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"
SPEC = PACKAGING / "briefing.spec"
SMOKE_TIMEOUT = 180  # seconds for the whole smoke-test process; the app's own watchdog ends it well before
IS_WINDOWS = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")

# Debian packages the bundle needs from the system. PySide6 ships Qt itself; these are the libraries Qt's xcb and
# wayland platforms, OpenGL/EGL, fonts and D-Bus link against. libxcb-cursor0, -icccm4 and -keysyms1 are not
# linked by anything PyInstaller sees, yet without them Qt aborts with "Could not load the Qt platform plugin
# xcb". `deb` checks this list against what the bundled libraries really link (ldd + dpkg -S) and fails when a
# package is missing from it.
DEB_DEPENDS = [
    "libc6",  # the version is the glibc floor measured on the bundle at build time (glibc_floor)
    "libgcc-s1",
    "libstdc++6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libgl1",
    "libegl1",
    "libopengl0",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xinput0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "zlib1g",
    "libbz2-1.0",  # below: what Python's own extension modules link (bz2, lzma, ctypes, uuid, readline)
    "liblzma5",
    "libffi8",
    "libuuid1",
    "libzstd1",
    "libreadline8",
]
DEB_RECOMMENDS = ["fonts-dejavu-core", "shared-mime-info", "desktop-file-utils", "hicolor-icon-theme"]
# Libraries only optional plugins link (GTK file dialogs, printing): used when present, never required.
OPTIONAL_LIB_PACKAGES = re.compile(
    r"^(libgtk-3-0|libgdk-pixbuf-2\.0-0|libpango.*|libcairo.*|libatk.*|libharfbuzz0b|libcups2|libepoxy0|libcolord2)$"
)
DEB_PREFIX = "/opt/briefing"


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(a) for a in args))
    return subprocess.run([str(a) for a in args], check=True, **kwargs)


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symlinks not followed."""
    total = count = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total, count


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


# --- icons ---------------------------------------------------------------------------------------------------


def icon_source() -> Path:
    """The app icon: the GUI's resources/icons/briefing.svg once it has one, else packaging/linux/briefing.svg.

    (resources/icons/app.svg is a monochrome toolbar glyph drawn in currentColor, not an application icon.)
    """
    shipped = ROOT / "resources" / "icons" / "briefing.svg"
    return shipped if shipped.is_file() else PACKAGING / "linux" / "briefing.svg"


def make_icons(dest: Path = ICONS) -> Path:
    """PNGs at the usual sizes and a Windows .ico, rendered from the SVG with Qt (offscreen) and Pillow."""
    dest.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # a full QApplication, so widgets can follow in-process
    renderer = QSvgRenderer(str(icon_source()))
    if not renderer.isValid():
        raise SystemExit(f"{icon_source()} is not a valid SVG")
    for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(str(dest / f"briefing-{size}.png")):
            raise SystemExit(f"could not write {dest / f'briefing-{size}.png'}")
    from PIL import Image

    with Image.open(dest / "briefing-256.png") as big:
        big.save(dest / "briefing.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    say(f"icons in {dest} from {icon_source().relative_to(ROOT)}")
    return dest


# --- bundle and smoke test -----------------------------------------------------------------------------------


def bundle_exe(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / layout.EXE_NAME
    return bundle / (layout.EXE_NAME + (".exe" if IS_WINDOWS else ""))


def default_bundle() -> Path:
    return DIST / (f"{layout.APP_NAME}.app" if IS_MAC else layout.EXE_NAME)


def build_bundle() -> Path:
    make_icons()
    start = time.monotonic()
    env = {**os.environ, "BRIEFING_ICON_DIR": str(ICONS)}
    run(
        sys.executable, "-m", "PyInstaller", SPEC, "--noconfirm", "--clean",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", env=env,
    )  # fmt: skip
    bundle = default_bundle()
    if IS_LINUX:
        saved = shrink.shrink_bundle(bundle / "_internal")
        say(f"shrank {len(saved)} libraries by {mb(sum(saved.values()))} (packaging/shrink.py): {', '.join(saved)}")
    size, files = tree_size(bundle)
    took = time.monotonic() - start
    say(f"bundle {bundle.relative_to(ROOT)}: {mb(size)} unpacked, {files} files, built in {took:.0f} s")
    problems = verify_bundle(bundle)
    if problems:
        raise SystemExit("the bundle is not as packaging/layout.py describes:\n  " + "\n  ".join(problems[:30]))
    return bundle


def verify_bundle(bundle: Path) -> list[str]:
    """Problems with a built bundle's contents (empty when it is as packaging/layout.py says it should be)."""
    internal = bundle / "Contents" / "Resources" if bundle.suffix == ".app" else bundle / "_internal"
    problems = []
    for name, _ in layout.executables(sys.platform):
        exe = bundle_exe(bundle).with_name(name + (".exe" if IS_WINDOWS else ""))
        if not exe.is_file():
            problems.append(f"no executable {exe.name}")
    for source, dest in layout.data_files() + layout.tessdata_files():
        if not (internal / dest / Path(source).name).is_file():
            problems.append(f"missing data file {dest}/{Path(source).name}")
    for item in internal.rglob("*"):
        relative = item.relative_to(internal).as_posix()
        ours = relative.startswith("resources/")  # Briefing's own catalogue (resources/i18n), not one of Qt's
        if item.suffix == ".qm" and not ours and item.name not in layout.KEEP_QT_TRANSLATIONS:
            problems.append(f"Qt translation left in: {relative}")
        if item.is_file() and re.search(r"Qt6(Qml|Quick|Pdf|WebEngine)", item.name):  # the heavy ones must stay out
            problems.append(f"library of an unused Qt module: {relative}")
        if IS_LINUX and item.is_file() and not item.is_symlink() and ".so" in item.name:
            reason = shrink.not_shrunk(item)
            if reason:
                problems.append(f"{relative}: {reason}")
    return problems


def smoke(command: Sequence[str | Path], label: str, *, display: str = "offscreen") -> float:
    """Run `<command> --smoke-test OUTDIR`; raise when it fails; the wall time in seconds.

    display: "offscreen" (Qt draws into memory), "xvfb" (a real X server, through xvfb-run) or "native".
    """
    outdir = BUILD / "smoke" / label
    shutil.rmtree(outdir, ignore_errors=True)
    env = dict(os.environ)
    args = [str(c) for c in command] + ["--smoke-test", str(outdir)]
    if display == "offscreen":
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif display == "xvfb":
        env["QT_QPA_PLATFORM"] = "xcb"
        args = ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1600x1000x24", *args]
    else:
        env.pop("QT_QPA_PLATFORM", None)
    say(f"smoke test [{label}, {display}]: " + " ".join(args))
    start = time.monotonic()
    try:
        result = subprocess.run(args, env=env, timeout=SMOKE_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"smoke test [{label}] did not finish in {SMOKE_TIMEOUT} s") from None
    elapsed = time.monotonic() - start
    report = outdir / "smoke-report.txt"
    if report.is_file() and (IS_WINDOWS or IS_MAC):  # windowed app: nothing on the console, so show the report
        print(report.read_text(encoding="utf-8"), end="")
    if result.returncode != 0:
        raise SystemExit(f"smoke test [{label}, {display}] FAILED with exit {result.returncode}; see {outdir}")
    if not report.is_file() or "PASSED" not in report.read_text(encoding="utf-8"):
        raise SystemExit(f"smoke test [{label}, {display}] exited 0 but wrote no passing report in {outdir}")
    say(f"smoke test [{label}, {display}] passed in {elapsed:.2f} s")
    return elapsed


def import_check(bundle: Path) -> None:
    """The frozen command line reads every common kind of source, OCRs scans, opens encrypted PDFs and exports
    Arabic and Chinese (packaging/frozen_checks.py); raise naming what the bundle cannot do."""
    cli = bundle / (layout.CLI_EXE_NAME + ".exe") if IS_WINDOWS else bundle_exe(bundle)
    folder = BUILD / "smoke" / "imports"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    exported = sorted((BUILD / "smoke" / "bundle").glob("smoke.*"))  # the smoke test's own DOCX and PDF
    if IS_MAC:
        say("no OCR check: the macOS bundle has no OCR engine yet (docs/packaging.md)")
    for line in frozen_checks.run_all(cli, folder, exported, ocr=not IS_MAC):
        say(line)


def smoke_bundle(bundle: Path) -> None:
    exe = bundle_exe(bundle)
    smoke([exe], "bundle")
    import_check(bundle)
    if IS_LINUX and shutil.which("xvfb-run"):
        smoke([exe], "bundle-xvfb", display="xvfb")
    elif IS_LINUX:
        say("xvfb-run not found: the bundle was tested offscreen only (apt-get install xvfb xauth)")
    elif IS_WINDOWS or IS_MAC:
        smoke([exe], "bundle-native", display="native")


def resolve_bundle(args: argparse.Namespace) -> Path:
    if args.bundle:
        bundle = Path(args.bundle).resolve()
        if not bundle_exe(bundle).is_file():
            raise SystemExit(f"{bundle} holds no {bundle_exe(bundle).name}")
        return bundle
    bundle = build_bundle()
    smoke_bundle(bundle)
    return bundle


def cmd_bundle(args: argparse.Namespace) -> int:
    bundle = build_bundle()
    if not args.no_smoke:
        smoke_bundle(bundle)
    return 0


# --- Linux .deb ----------------------------------------------------------------------------------------------


def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def linked_packages(bundle: Path) -> tuple[set[str], set[str]]:
    """Debian packages of the system libraries the bundle's ELF files link, and the libraries not found."""
    packages: set[str] = set()
    missing: set[str] = set()
    libs: set[str] = set()
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / "_internal")}  # as the bootloader sets it at run time
    for item in elf_files(bundle):
        # Only the libraries each file names itself (NEEDED): their own dependencies are their packages' business.
        dynamic = subprocess.run(["readelf", "-d", str(item)], capture_output=True, text=True, check=False).stdout
        needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", dynamic))
        out = subprocess.run(["ldd", str(item)], capture_output=True, text=True, check=False, env=env).stdout
        for line in out.splitlines():
            name, _, target = line.strip().partition(" => ")
            target = target.split(" (")[0].strip()
            if name not in needed:
                continue
            if target == "not found":
                missing.add(name)
            elif target.startswith("/") and not target.startswith(str(bundle)):
                libs.add(os.path.realpath(target))
    for lib in sorted(libs):
        found = subprocess.run(["dpkg", "-S", lib], capture_output=True, text=True, check=False)
        if found.returncode != 0:  # merged /usr: dpkg knows /lib/x86_64-linux-gnu/..., not /usr/lib/...
            alt = lib.removeprefix("/usr") if lib.startswith("/usr/lib") else "/usr" + lib
            found = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            packages.add(found.stdout.split(":")[0].strip())
    return packages, missing


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for item in sorted(bundle.rglob("*")):
        if item.is_file() and not item.is_symlink():
            with item.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(item)
    return found


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any file in the bundle needs: the oldest glibc it runs on."""
    versions: set[tuple[int, ...]] = set()
    for item in elf_files(bundle):
        symbols = subprocess.run(["objdump", "-T", str(item)], capture_output=True, text=True, check=False).stdout
        versions |= {tuple(map(int, v.split("."))) for v in re.findall(r"\bGLIBC_([0-9]+(?:\.[0-9]+)+)\b", symbols)}
    if not versions:
        raise SystemExit(f"no GLIBC symbol versions found in {bundle}: is objdump (binutils) installed?")
    return ".".join(map(str, max(versions)))


def check_depends(bundle: Path) -> None:
    declared = {re.split(r"[ (]", d)[0] for d in DEB_DEPENDS}
    linked, missing = linked_packages(bundle)
    required = {p for p in linked if not OPTIONAL_LIB_PACKAGES.match(p)}
    undeclared = sorted(required - declared)
    say(f"linked system packages: {', '.join(sorted(linked))}")
    if missing:
        say(f"not on this machine (optional plugins' libraries; Depends brings them): {', '.join(sorted(missing))}")
    if undeclared:
        raise SystemExit(f"the bundle links packages missing from DEB_DEPENDS in {Path(__file__).name}: {undeclared}")


def _copy(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage_deb(bundle: Path, root: Path, icons: Path = ICONS, glibc: str = "2.36") -> None:
    """The .deb's file tree: the bundle in /opt/briefing, the command, launcher, desktop entry, icons, MIME type."""
    depends = [f"libc6 (>= {glibc})" if d == "libc6" else d for d in DEB_DEPENDS]
    shutil.rmtree(root, ignore_errors=True)
    opt = root / DEB_PREFIX.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    for item in [opt, *opt.rglob("*")]:  # reproducible permissions whatever the build machine's umask
        if item.is_symlink():
            continue
        library = ".so" in item.name and item.name != layout.EXE_NAME  # Debian policy: libraries are not executable
        executable = item.is_dir() or (item.stat().st_mode & 0o111 and not library)
        item.chmod(0o755 if executable else 0o644)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin" / layout.EXE_NAME).symlink_to(f"{DEB_PREFIX}/{layout.EXE_NAME}")  # absolute: across top dirs
    linux = PACKAGING / "linux"
    _copy(linux / "launch", root / "usr/lib/briefing/launch", 0o755)
    _copy(linux / "briefing.desktop", root / "usr/share/applications/briefing.desktop")
    _copy(linux / "briefing-mime.xml", root / "usr/share/mime/packages/briefing.xml")
    _copy(icon_source(), root / "usr/share/icons/hicolor/scalable/apps/briefing.svg")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        _copy(icons / f"briefing-{size}.png", root / f"usr/share/icons/hicolor/{size}x{size}/apps/briefing.png")
    doc = root / "usr/share/doc/briefing"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Briefing\n\nFiles: *\nCopyright: 2026 Briefing contributors\nLicense: Apache-2.0\n"
        " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.\n"
        f" The bundled fonts' licences are in {DEB_PREFIX}/_internal/resources/fonts/.\n"
        f" Qt for Python (LGPL-3.0) and its Qt libraries are in {DEB_PREFIX}/_internal/PySide6/ as shared libraries.\n",
        encoding="utf-8",
    )
    changelog = (
        f"briefing ({layout.version()}) stable; urgency=medium\n\n"
        f"  * Release {layout.version()}: see the project's README.\n\n"
        " -- Briefing maintainers <briefing@example.org>  Thu, 26 Nov 2026 12:00:00 +0000\n"
    )
    (doc / "changelog.gz").write_bytes(gzip.compress(changelog.encode(), mtime=0))
    (doc / "changelog.gz").chmod(0o644)
    for d in [root / "usr", *(root / "usr").rglob("*")]:
        if d.is_dir():
            d.chmod(0o755)
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir(parents=True)
    control.write_text(
        f"Package: briefing\nVersion: {layout.version()}\nArchitecture: {deb_arch()}\n"
        "Maintainer: Briefing maintainers <briefing@example.org>\n"
        f"Installed-Size: {size_kb}\nSection: editors\nPriority: optional\n"
        f"Depends: {', '.join(depends)}\nRecommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Homepage: https://example.org/briefing\n"
        "Description: editor of structured briefing notes for policy analysts\n"
        " Briefing builds structured briefing notes from source articles: file excerpts\n"
        " into a template's sections, keep their citations, export DOCX and PDF.\n"
        " .\n"
        " The application is self-contained in /opt/briefing (Python and Qt included)\n"
        " and never contacts the network.\n",
        encoding="utf-8",
    )
    control.parent.chmod(0o755)
    control.chmod(0o644)


def build_deb(bundle: Path) -> Path:
    if not shutil.which("dpkg-deb"):
        raise SystemExit("dpkg-deb not found: build the .deb on Debian or Ubuntu")
    make_icons()
    check_depends(bundle)
    root = BUILD / "deb" / "root"
    glibc = glibc_floor(bundle)
    say(f"glibc floor of the bundle: {glibc} (the newest GLIBC symbol version its files use)")
    stage_deb(bundle, root, glibc=glibc)
    out = DIST / f"briefing_{layout.version()}_{deb_arch()}.deb"
    out.unlink(missing_ok=True)
    start = time.monotonic()
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, out, stdout=subprocess.DEVNULL)
    say(f"{out.relative_to(ROOT)}: {mb(out.stat().st_size)}, built in {time.monotonic() - start:.0f} s")
    run("dpkg-deb", "--info", out)
    return out


# Paths that change on their own while packages are installed (logs, caches, package databases, our own work
# folders); everything else on the root file system must be exactly as before after a purge.
_SNAPSHOT_SKIP = (
    "/proc", "/sys", "/dev", "/run", "/tmp", "/var/tmp", "/var/log", "/var/cache", "/var/lib/apt", "/var/lib/dpkg",
    "/var/backups", "/root", "/home", "/work", "/var/lib/systemd", "/var/mail", "/var/spool",
    "/__w", "/__e", "/__t", "/github",  # a GitHub Actions job container's workspace and tool mounts
)  # fmt: skip


def snapshot() -> set[str]:
    found: set[str] = set()
    for top, dirs, files in os.walk("/", topdown=True):
        dirs[:] = [d for d in dirs if os.path.join(top, d) not in _SNAPSHOT_SKIP and not d.startswith("bash_jobs")]
        if top.startswith(str(ROOT)):
            dirs[:] = []
            continue
        for name in files + dirs:
            path = os.path.join(top, name)
            if not name.endswith((".pyc",)) and "__pycache__" not in path:
                found.add(path)
    return found


def deb_install_test(deb: Path) -> None:
    """Install with apt (resolving Depends), smoke-test, purge; fail if any file is left behind."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit("--install-test needs root and apt-get (it installs and removes the package)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(["dpkg-query", "-W", "briefing"], capture_output=True, check=False).returncode == 0:
        run("apt-get", "purge", "-y", "-qq", "briefing", env=env)
    # Dependencies first, so the before/after comparison sees only what the package itself installs.
    deps = [re.split(r"[ (]", d)[0] for d in DEB_DEPENDS + DEB_RECOMMENDS] + ["xvfb", "xauth"]
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *deps, env=env, stdout=subprocess.DEVNULL)
    before = snapshot()
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", str(deb), env=env)
    try:
        listed = subprocess.run(["dpkg", "-L", "briefing"], capture_output=True, text=True, check=True).stdout.split()
        say(f"installed {len(listed)} paths from the package")
        for needed in ("/usr/bin/briefing", "/usr/share/applications/briefing.desktop"):
            if not Path(needed).exists():
                raise SystemExit(f"{needed} is not installed")
        # dpkg's triggers (shared-mime-info, desktop-file-utils) must have registered the type and its handler.
        if not Path(f"/usr/share/mime/{layout.MIME_TYPE}.xml").is_file():
            raise SystemExit(f"{layout.MIME_TYPE} is not in the MIME database after installing")
        handlers = Path("/usr/share/applications/mimeinfo.cache").read_text(encoding="utf-8")
        if f"{layout.MIME_TYPE}=briefing.desktop;" not in handlers:
            raise SystemExit(f"briefing.desktop is not registered as the handler of {layout.MIME_TYPE}")
        say("MIME type and its desktop handler registered by dpkg's triggers")
        smoke(["/usr/bin/briefing"], "deb")
        smoke(["/usr/bin/briefing"], "deb-xvfb", display="xvfb")
    finally:
        run("apt-get", "purge", "-y", "-qq", "briefing", env=env)
    after = snapshot()
    left, gone = sorted(after - before), sorted(before - after)
    if left or gone:
        raise SystemExit(f"not clean after purge: left behind {left[:20]}, removed {gone[:20]}")
    say(f"purged: the file system is as before ({len(before)} paths compared)")


def cmd_deb(args: argparse.Namespace) -> int:
    if not IS_LINUX:
        raise SystemExit("the .deb is built on Linux")
    deb = build_deb(resolve_bundle(args))
    if args.install_test:
        deb_install_test(deb)
    return 0


# --- Windows MSI ---------------------------------------------------------------------------------------------


WXS = PACKAGING / "windows" / "briefing.wxs"


def wix_defines(src: str, icon: str, *, wixl: bool = False) -> list[str]:
    """Preprocessor variables of briefing.wxs; Wixl=1 swaps the Environment element (wixl lacks it) for a value."""
    values = {"Version": layout.version(), "Src": src, "Icon": icon, "Wixl": str(int(wixl))}
    if wixl:  # wixl takes "-D NAME=VALUE", candle "-dNAME=VALUE"
        return [arg for name, value in values.items() for arg in ("-D", f"{name}={value}")]
    return [f"-d{name}={value}" for name, value in values.items()]


def msi_windows(bundle: Path) -> Path:
    """WiX 3 on the Windows runner: heat harvests the bundle, candle compiles, light links (ICE checks included)."""
    wix = Path(os.environ.get("WIX", r"C:\Program Files (x86)\WiX Toolset v3.14")) / "bin"
    tool = {n: str(wix / f"{n}.exe") if (wix / f"{n}.exe").is_file() else n for n in ("heat", "candle", "light")}
    work = BUILD / "msi"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    make_icons()
    run(
        tool["heat"], "dir", bundle, "-nologo", "-cg", "BundleFiles", "-dr", "INSTALLDIR", "-srd", "-sreg", "-ag",
        "-sfrag", "-var", "var.Src", "-out", work / "files.wxs",
    )  # fmt: skip
    defines = wix_defines(str(bundle), str(ICONS / "briefing.ico"))
    run(tool["candle"], "-nologo", "-arch", "x64", *defines, "-out", f"{work}\\", WXS, work / "files.wxs")
    out = DIST / f"Briefing-{layout.version()}-x64.msi"
    run(tool["light"], "-nologo", "-spdb", "-out", out, work / "briefing.wixobj", work / "files.wixobj")
    say(f"{out.relative_to(ROOT)}: {mb(out.stat().st_size)}")
    return out


def msi_install_test(msi: Path) -> None:
    """Silent per-machine install, as Intune or SCCM does it; smoke test; silent uninstall; nothing left."""
    log = BUILD / "msi" / "install.log"
    folder = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / layout.APP_NAME
    run("msiexec", "/i", msi, "/qn", "/norestart", "/l*v", log, "SHAREDTEMPLATES=C:\\BriefingTemplates")
    try:
        smoke([folder / f"{layout.EXE_NAME}.exe"], "msi")
        # The console executable prints where a script can read it (the GUI one cannot).
        printed = run(folder / f"{layout.CLI_EXE_NAME}.exe", "--version", capture_output=True, text=True).stdout
        if layout.version() not in printed:
            raise SystemExit(f"{layout.CLI_EXE_NAME}.exe --version printed {printed!r}")
    finally:
        run("msiexec", "/x", msi, "/qn", "/norestart", "/l*v", BUILD / "msi" / "uninstall.log")
    if folder.exists():
        raise SystemExit(f"{folder} is still there after the uninstall")
    say("uninstalled: the install folder is gone")


def compile_wixl(bundle: Path, icon: Path, out: Path, work: Path) -> Path:
    """Compile briefing.wxs with wixl over `bundle` (harvested with wixl-heat); raises CalledProcessError on errors."""
    work.mkdir(parents=True, exist_ok=True)
    files = sorted(str(p.relative_to(bundle.parent)) for p in bundle.rglob("*") if p.is_file())
    harvested = subprocess.run(
        ["wixl-heat", "--prefix", f"{bundle.name}/", "--directory-ref", "INSTALLDIR", "--component-group",
         "BundleFiles", "--var", "var.Src"],
        input="\n".join(files), capture_output=True, text=True, check=True, cwd=bundle.parent,
    ).stdout  # fmt: skip
    (work / "files.wxs").write_text(harvested, encoding="utf-8")
    shutil.copyfile(icon, bundle / "briefing.ico")  # wixl refuses absolute Source paths: run in the payload folder
    try:
        subprocess.run(
            ["wixl", "-a", "x64", *wix_defines(".", "briefing.ico", wixl=True), "-o", str(out), str(WXS),
             str(work / "files.wxs")],
            cwd=bundle, check=True, capture_output=True, text=True,
        )  # fmt: skip
    finally:
        (bundle / "briefing.ico").unlink(missing_ok=True)
    return out


def msi_wixl(bundle: Path) -> Path:
    """Linux: compile the WiX source with wixl over the Linux bundle (a stand-in payload), then list its tables."""
    for tool in ("wixl", "wixl-heat", "msiinfo"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} not found: apt-get install wixl msitools")
    make_icons()
    out = DIST / f"Briefing-{layout.version()}-x64-wixl-check.msi"
    start = time.monotonic()
    try:
        compile_wixl(bundle, ICONS / "briefing.ico", out, BUILD / "msi")
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"wixl failed:\n{exc.stderr}") from None
    tables = subprocess.run(["msiinfo", "tables", str(out)], capture_output=True, text=True, check=True).stdout.split()
    took = time.monotonic() - start
    say(f"{out.relative_to(ROOT)}: {mb(out.stat().st_size)} in {took:.0f} s; tables: {' '.join(sorted(tables))}")
    return out


def cmd_msi(args: argparse.Namespace) -> int:
    bundle = resolve_bundle(args)
    if IS_WINDOWS:
        msi = msi_windows(bundle)
        if args.install_test:
            msi_install_test(msi)
    else:
        msi_wixl(bundle)
        say("not a Windows installer: a check of the WiX source; the real MSI is built on Windows (CI)")
    return 0


# --- macOS dmg -----------------------------------------------------------------------------------------------


def cmd_dmg(args: argparse.Namespace) -> int:
    if not IS_MAC:
        raise SystemExit("the .dmg is built on macOS (hdiutil); see .github/workflows/installers.yml")
    app = resolve_bundle(args)
    identity = os.environ.get("BRIEFING_MACOS_IDENTITY")  # "Developer ID Application: ..." in the keychain
    if identity:
        entitlements = PACKAGING / "macos" / "entitlements.plist"
        run(
            "codesign",
            "--force",
            "--deep",
            "--options",
            "runtime",
            "--timestamp",
            "--entitlements",
            entitlements,
            "--sign",
            identity,
            app,
        )  # fmt: skip  (hardened runtime + secure timestamp: both required for notarisation)
        run("codesign", "--verify", "--deep", "--strict", "--verbose=2", app)
    else:
        say("BRIEFING_MACOS_IDENTITY not set: the app is not signed (Gatekeeper will warn)")
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    run("ditto", app, stage / app.name)  # ditto keeps the bundle's symlinks, extended attributes and signatures
    (stage / "Applications").symlink_to("/Applications")
    out = DIST / f"Briefing-{layout.version()}.dmg"
    out.unlink(missing_ok=True)
    run("hdiutil", "create", "-volname", layout.APP_NAME, "-srcfolder", stage, "-ov", "-format", "UDZO", out)
    if identity:
        run("codesign", "--force", "--timestamp", "--sign", identity, out)
    say(f"{out.relative_to(ROOT)}: {mb(out.stat().st_size)}")
    mount = Path(tempfile.mkdtemp(prefix="briefing-dmg-"))
    run("hdiutil", "attach", out, "-nobrowse", "-readonly", "-mountpoint", mount)
    try:
        smoke([bundle_exe(mount / app.name)], "dmg")
    finally:
        run("hdiutil", "detach", mount)
    return 0


# --- figures -------------------------------------------------------------------------------------------------


def cmd_figures(args: argparse.Namespace) -> int:
    """Sizes and start times, measured the same way for the frozen bundle and the source (best of N smoke runs)."""
    bundle = Path(args.bundle).resolve() if args.bundle else default_bundle()
    if not bundle_exe(bundle).is_file():
        raise SystemExit(f"no bundle at {bundle}: run `build.py bundle` first")
    commands = {"frozen": [str(bundle_exe(bundle))], "source": [sys.executable, "-m", "briefing"]}
    runs: dict[str, list[float]] = {"frozen": [], "source": []}
    version: dict[str, list[float]] = {"frozen": [], "source": []}
    for _ in range(args.runs):  # interleaved, so load on the machine affects both alike
        for kind, command in commands.items():
            runs[kind].append(smoke(command, f"figures-{kind}"))
            start = time.monotonic()  # `--version`: the interpreter and the command line, no Qt
            subprocess.run([*command, "--version"], check=True, capture_output=True)
            version[kind].append(time.monotonic() - start)
    size, files = tree_size(bundle)
    figures = {
        "machine": f"{platform.system()} {platform.release()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "bundle_unpacked_bytes": size,
        "bundle_files": files,
        "smoke_seconds_frozen_best": round(min(runs["frozen"]), 2),
        "smoke_seconds_source_best": round(min(runs["source"]), 2),
        "version_seconds_frozen_best": round(min(version["frozen"]), 3),
        "version_seconds_source_best": round(min(version["source"]), 3),
        "smoke_seconds_frozen_all": [round(s, 2) for s in runs["frozen"]],
        "smoke_seconds_source_all": [round(s, 2) for s in runs["source"]],
        "installers": {
            p.name: p.stat().st_size for p in sorted(DIST.glob("*")) if p.suffix in (".deb", ".msi", ".dmg")
        },
    }
    text = json.dumps(figures, indent=2)
    print(text)
    (BUILD / "figures.json").write_text(text + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("bundle", help="PyInstaller one-folder bundle, smoke-tested")
    p.add_argument("--no-smoke", action="store_true", help="skip the smoke test (only to debug the build)")
    p.set_defaults(func=cmd_bundle)
    for name, func, helptext in (
        ("deb", cmd_deb, "Debian package (Linux)"),
        ("msi", cmd_msi, "Windows installer (Windows; wixl check on Linux)"),
        ("dmg", cmd_dmg, "macOS disk image (macOS)"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--bundle", help="use this existing (e.g. signed) bundle instead of building one")
        if name in ("deb", "msi"):
            p.add_argument("--install-test", action="store_true", help="install, smoke-test and uninstall it (admin)")
        p.set_defaults(func=func)
    p = sub.add_parser("figures", help="bundle size and start times, frozen next to source")
    p.add_argument("--bundle")
    p.add_argument("--runs", type=int, default=3)
    p.set_defaults(func=cmd_figures)
    p = sub.add_parser("icons", help="render the app icon to PNG and ICO in build/icons")
    p.set_defaults(func=lambda _args: make_icons() and 0)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
