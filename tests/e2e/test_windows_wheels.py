"""The Windows build cannot fail for want of a wheel: every locked dependency (constraints.txt, or the
venv's ``pip freeze`` where there is none yet) has a wheel for 64-bit Windows and Python 3.11, the
oldest Python the app supports. ``pip download --only-binary=:all: --platform win_amd64`` fetches
exactly what the Windows runner (.github/workflows/windows.yml) will install; the wheels are kept in
build/pip-windows-wheels/ (ignored by git) so a second run only asks the index."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
CACHE = ROOT / "build" / "pip-windows-wheels"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def locked_pins() -> dict[str, str]:
    if CONSTRAINTS.is_file():
        lines = CONSTRAINTS.read_text(encoding="utf-8").splitlines()
    else:
        lines = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"], check=True,
                               capture_output=True, text=True).stdout.splitlines()
    pins = {}
    for line in lines:
        m = PIN.match(line.strip())
        if m and m.group(1).lower().replace("_", "-") != "selfreview":
            pins[m.group(1)] = m.group(2)
    return pins


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def test_every_locked_dependency_has_a_win_amd64_wheel_for_python_3_11(tmp_path):
    pins = locked_pins()
    assert {"PySide6_Essentials", "cryptography", "SQLAlchemy", "reportlab"} <= set(pins) or \
        {"PySide6-Essentials", "cryptography", "SQLAlchemy", "reportlab"} <= set(pins), pins
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())),
                            encoding="utf-8", newline="\n")
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--platform", "win_amd64",
         "--python-version", "3.11", "--implementation", "cp", "--no-deps", "--disable-pip-version-check",
         "--dest", str(CACHE), "-r", str(requirements)],
        capture_output=True, text=True)
    if done.returncode != 0 and ("No matching distribution" not in done.stderr
                                 and "Could not find a version" not in done.stderr):
        message = f"pip could not reach the package index:\n{done.stderr[-2000:]}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    assert done.returncode == 0, f"a locked dependency has no Windows wheel:\n{done.stderr[-3000:]}"
    wheels = [p.name for p in CACHE.glob("*.whl")]
    for name, version in pins.items():
        prefix = f"{normalized(name)}-{version}-"
        found = [w for w in wheels if normalized(w.split("-")[0]) + "-" + w.split("-")[1] + "-" == prefix]
        assert found, f"no wheel downloaded for {name}=={version}"
        python_tag, abi_tag, platform_tag = found[0][:-4].split("-")[-3:]
        assert platform_tag in ("win_amd64", "any"), found[0]
        assert abi_tag in ("none", "abi3", "cp311"), found[0]
