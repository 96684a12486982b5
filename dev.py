#!/usr/bin/env python3
"""One-command set-up for selfreview (standard library only, Python 3.11+).

    python3 dev.py run     # create .venv, install the app, start it
    python3 dev.py test    # create .venv, install the app with its test tools, check the import layers
                           # (lint-imports), lint (ruff) and types (mypy), then run the whole test suite
    python3 dev.py lang    # regenerate the translation files (.ts → .qm)
    python3 dev.py lock    # regenerate constraints.txt (the tested versions) after a dependency change
    python3 dev.py bundle  # build the desktop app folder with PyInstaller: dist/selfreview/

Both set-up steps are idempotent: a second run reuses .venv and only installs what changed.
On Debian/Ubuntu the few system packages the tests and a headless Qt need are installed with
apt-get when missing (as root, or through sudo); elsewhere the command says which ones to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
# the versions the tests ran on (a pip constraints file); every install goes through it
CONSTRAINTS = ROOT / "constraints.txt"
ALL_EXTRAS = "test"

# command or shared library → Debian package
SYSTEM_NEEDS = {
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdffonts": "poppler-utils",  # the bundle's PDF uses the bundled fonts (tests/e2e/test_bundle.py)
    # the Linux menu entry and file types (tests/unit/test_desktop_files.py)
    "desktop-file-validate": "desktop-file-utils",
    "xmllint": "libxml2-utils",
    "update-mime-database": "shared-mime-info",
}
# LibreOffice headless: the tests open the Word and Excel outputs with it (tests/unit/libreoffice.py)
OFFICE_PACKAGES = ["libreoffice-writer-nogui", "libreoffice-calc-nogui"]
# installed with the others where they can be: without it the PostgreSQL half of the database tests
# is skipped outside CI (tests/pg_server.py: the tests' throw-away server; CI fails without it)
OPTIONAL_NEEDS = {"initdb": "postgresql"}
QT_LIBS = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("selfreview needs Python 3.11 or newer")
    if not PY.exists():
        run([sys.executable, "-m", "venv", VENV])
        run([PY, "-m", "pip", "install", "--upgrade", "pip"])
    stamp = VENV / f".installed-{extras or 'app'}"
    sources = [ROOT / "pyproject.toml", CONSTRAINTS]
    if not stamp.exists() or any(p.stat().st_mtime > stamp.stat().st_mtime for p in sources):
        target = f".[{extras}]" if extras else "."
        run([PY, "-m", "pip", "install", "-c", CONSTRAINTS, "-e", target], cwd=ROOT)
        stamp.touch()


def _found(cmd: str) -> bool:
    if shutil.which(cmd):
        return True
    return any(Path("/usr/lib/postgresql").glob(f"*/bin/{cmd}"))  # PostgreSQL's server programs


def missing_debian_packages() -> list[str]:
    wanted = sorted({pkg for cmd, pkg in SYSTEM_NEEDS.items() if not _found(cmd)})
    if shutil.which("dpkg-query"):
        for pkg in QT_LIBS + OFFICE_PACKAGES:
            ok = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
            if "install ok installed" not in ok.stdout:
                # the t64 renames of newer Debian/Ubuntu releases
                alt = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg + "t64"],
                                     capture_output=True, text=True)
                if "install ok installed" not in alt.stdout:
                    wanted.append(pkg)
    return wanted


def ensure_system_packages() -> None:
    wanted = missing_debian_packages()
    optional = sorted({pkg for cmd, pkg in OPTIONAL_NEEDS.items() if not _found(cmd)})
    if not wanted and not optional:
        return
    prefix = None
    if shutil.which("apt-get") is not None and hasattr(os, "geteuid"):
        prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if prefix is None and optional:
        print("Without " + ", ".join(optional) + " the tests on PostgreSQL are skipped", flush=True)
    if not wanted and prefix is None:
        return
    wanted += optional
    if shutil.which("apt-get") is None:
        sys.exit("Please install: " + ", ".join(wanted) + " (poppler's pdftotext/pdftoppm, Qt's libraries, LibreOffice)")
    if prefix is None:
        sys.exit("Please run as root or install: sudo apt-get install " + " ".join(wanted))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(prefix + ["apt-get", "update", "-qq"], env=env)
    run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *wanted], env=env)


def cmd_run(extra: list[str]) -> int:
    ensure_venv("")
    return subprocess.call([str(BIN / "selfreview"), *extra])


def _tool(name: str) -> str:
    return str(BIN / (name + ".exe" if os.name == "nt" else name))


# run before the tests, in this order; each is configured in pyproject.toml (docs/architecture.md)
CHECKS = [
    ("the import layers (lint-imports)", lambda: [_tool("lint-imports"), "--no-cache"]),
    ("the linter (ruff check)", lambda: [str(PY), "-m", "ruff", "check"]),
    ("the type checker (mypy)", lambda: [str(PY), "-m", "mypy"]),
]


def cmd_test(extra: list[str]) -> int:
    """The checks, then pytest with ``extra``; stops at the first that fails and says which."""
    ensure_system_packages()
    ensure_venv("test")
    for title, cmd in CHECKS:
        print(f"== {title}", flush=True)
        status = subprocess.call(cmd(), cwd=ROOT)
        if status != 0:
            print(f"dev.py test: {title} failed (exit {status}); the tests did not run", file=sys.stderr)
            return status
    print("== the tests (pytest)", flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # one worker per core (at most 4), each test file on one worker (docs/testing.md); "-n 0" after
    # it in ``extra`` runs in this one process
    parallel = ["-n", "auto", "--maxprocesses", "4", "--dist", "loadfile"]
    status = subprocess.call([str(PY), "-m", "pytest", *parallel, *extra], cwd=ROOT, env=env)
    if status != 0:
        print(f"dev.py test: the tests (pytest) failed (exit {status})", file=sys.stderr)
    return status


def cmd_lang(extra: list[str]) -> int:
    ensure_venv("test")
    return subprocess.call([str(PY), str(ROOT / "tools" / "translations.py"), *extra], cwd=ROOT)


def cmd_lock(extra: list[str]) -> int:
    """A throw-away venv with the project and every extra, resolved afresh (known-bad releases are
    excluded in pyproject.toml), frozen into constraints.txt under its header."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        run([sys.executable, "-m", "venv", venv])
        py = venv / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")
        run([py, "-m", "pip", "install", "-q", f".[{ALL_EXTRAS}]", *extra], cwd=ROOT)
        frozen = subprocess.run([py, "-m", "pip", "freeze", "--exclude-editable"], check=True,
                                capture_output=True, text=True).stdout
    header = [line for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    pins = sorted((line for line in frozen.splitlines() if line and not line.startswith(("selfreview", "-e"))),
                  key=str.lower)
    CONSTRAINTS.write_text("\n".join(header + pins) + "\n", encoding="utf-8")
    print(f"constraints.txt: {len(pins)} pins")
    return 0


def cmd_bundle(extra: list[str]) -> int:
    """dist/selfreview/: the app, Python, Qt, the forms, fonts and translations (packaging/selfreview.spec);
    on Windows packaging/windows/selfreview.iss then makes the installer from it."""
    ensure_venv("bundle")
    status = subprocess.call([str(PY), "-m", "PyInstaller", "--noconfirm", "--distpath", str(ROOT / "dist"),
                              "--workpath", str(ROOT / "build" / "pyinstaller"),
                              str(ROOT / "packaging" / "selfreview.spec"), *extra], cwd=ROOT)
    if status == 0:
        exe = ROOT / "dist" / "selfreview" / ("selfreview.exe" if os.name == "nt" else "selfreview")
        print(f"built {exe}  (smoke run: python3 packaging/smoke.py {exe.relative_to(ROOT)})")
    return status


def main() -> int:
    commands = {"run": cmd_run, "test": cmd_test, "lang": cmd_lang, "lock": cmd_lock, "bundle": cmd_bundle}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
