"""LibreOffice as the real client of the Word and Excel files: headless conversions, each with its
own user profile (``-env:UserInstallation``) so that conversions running at the same time never share
one. Debian: ``libreoffice-writer-nogui`` and ``libreoffice-calc-nogui`` (installed by .ci/run and by
``dev.py``). Where it is missing the test fails in CI (``CI`` set) and is skipped, with the reason,
elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

TEXT = "txt:Text (encoded):UTF8"
CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1'  # comma, double quote, UTF-8, from line 1


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    why = ("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui "
           "libreoffice-calc-nogui")
    if os.environ.get("CI"):
        pytest.fail(why + " (CI must run the LibreOffice tests)", pytrace=False)
    pytest.skip(why)


def convert(files: list[Path], target: str, outdir: Path, profile: Path, infilter: str = "") -> dict[str, Path]:
    """Convert ``files`` in one LibreOffice run; returns {source file name: converted file}."""
    exe = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
           *([f"--infilter={infilter}"] if infilter else []),
           "--convert-to", target, "--outdir", str(outdir), *map(str, files)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    ext = target.split(":")[0]
    out = {}
    for f in files:
        converted = outdir / f"{Path(f).stem}.{ext}"
        assert converted.is_file(), f"LibreOffice did not convert {f}: {done.stdout}\n{done.stderr}"
        out[Path(f).name] = converted
    assert "Error" not in done.stderr, done.stderr
    return out


def read_text(path: Path) -> str:
    """A converted text file (UTF-8, a BOM at most), checked to be NFC already."""
    text = path.read_text(encoding="utf-8-sig")
    assert unicodedata.is_normalized("NFC", text), f"{path.name} is not NFC"
    return text
