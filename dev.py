#!/usr/bin/env python3
"""Set up and run Briefing from a checkout, on Linux, Windows and macOS, with nothing but Python 3.11+.

    python3 dev.py app     create .venv if needed, install Briefing, open it on the demo briefing
    python3 dev.py test    the same set-up, plus the system packages the tests use, then lint, types, tests

Extra arguments after `test` go to pytest (e.g. `python3 dev.py test -k anchors`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".briefing-install-stamp"

# Debian/Ubuntu packages: Qt's runtime libraries (xcb platform for a real window, EGL/fontconfig for any),
# a virtual X server for screenshots, and the independent readers the export tests check against.
APP_PACKAGES = [
    "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3", "libxkbcommon0", "libxkbcommon-x11-0",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "fonts-dejavu-core",
    # OCR language data, English and French (the engine comes with the tesserocr wheel)
    "tesseract-ocr-eng", "tesseract-ocr-fra",
]  # fmt: skip
TEST_PACKAGES = [
    "xvfb", "xauth", "poppler-utils", "libreoffice-writer-nogui", "pandoc",
    # the office fonts' metric twins, so LibreOffice lays out a DOCX naming Arial or Calibri as Word would
    "fonts-liberation2", "fonts-crosextra-carlito",
    # packaging checks: the WiX source compiles with wixl, .desktop/MIME files validate, ELF inspection
    "wixl", "msitools", "desktop-file-utils", "shared-mime-info", "binutils",
]  # fmt: skip


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*args: str | Path, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def ensure_venv() -> None:
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
        # Older pips mis-resolve some extras (lxml[html-clean]); a current one is needed.
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")


def ensure_installed() -> None:
    """pip install -e .[dev], skipped when pyproject.toml has not changed since the last install."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    say("installing Briefing and its dependencies into .venv")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[dev]")
    STAMP.write_text(digest)


def ensure_system_packages(packages: list[str]) -> None:
    """Install missing Debian packages where we can (root with apt-get, as in CI); otherwise say what to run."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        return
    missing = [p for p in packages if not _dpkg_installed(p)]
    if not missing:
        return
    if os.geteuid() != 0:
        say(f"missing system packages: {' '.join(missing)}")
        say(f"install them with: sudo apt-get install {' '.join(missing)}")
        return
    say(f"installing system packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env, stdout=subprocess.DEVNULL)


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False)
    return result.returncode == 0 and "install ok installed" in result.stdout


def app(args: list[str]) -> int:
    ensure_venv()
    ensure_installed()
    ensure_system_packages(APP_PACKAGES)
    return subprocess.call([str(PYTHON), "-m", "briefing", *(args or ["demo"])])


def test(args: list[str]) -> int:
    ensure_venv()
    ensure_installed()
    ensure_system_packages(APP_PACKAGES + TEST_PACKAGES)
    checks = {
        "ruff check": [PYTHON, "-m", "ruff", "check", ROOT],
        "ruff format": [PYTHON, "-m", "ruff", "format", "--check", ROOT],
        "mypy": [PYTHON, "-m", "mypy"],
        "mypy --strict (core, export)": [PYTHON, "-m", "mypy", "--strict", "briefing/core", "briefing/export"],
        "pytest": [PYTHON, "-m", "pytest", *args],
    }
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    failed = []
    for name, command in checks.items():  # run them all, so one report shows every problem
        say(name)
        if subprocess.call([str(c) for c in command], cwd=ROOT, env=env) != 0:
            failed.append(name)
    say(f"failed: {', '.join(failed)}" if failed else "all checks passed")
    return 1 if failed else 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("app", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    try:
        return app(rest) if command == "app" else test(rest)
    except subprocess.CalledProcessError as exc:
        say(f"failed: {' '.join(map(str, exc.cmd))} (exit {exc.returncode})")
        return exc.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
