"""Linux desktop integration: the menu entry, the icon and the two file types are valid, agree with
each other, and packaging/linux/install.sh puts them where the desktop finds them (and takes them
away again, keeping the data folder).

Needs ``desktop-file-validate`` (desktop-file-utils), ``xmllint`` (libxml2-utils) and
``update-mime-database`` (shared-mime-info): ``python3 dev.py test`` and ``.ci/run`` install them.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from selfreview.services.exchange import INVITE_SUFFIX, RESPONSE_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "packaging" / "icons"
DESKTOP = LINUX / "selfreview.desktop"
MIME = LINUX / "selfreview-mime.xml"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
TYPES = {"application/x-selfreview": RESPONSE_SUFFIX, "application/x-selfreview-invite": INVITE_SUFFIX}


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is missing: install the Debian package {package} (python3 dev.py test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_is_valid():
    done = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_mime_types_are_well_formed_xml_and_match_the_desktop_file():
    done = subprocess.run([tool("xmllint", "libxml2-utils"), "--noout", str(MIME)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    root = ET.parse(MIME).getroot()
    found = {t.get("type"): [g.get("pattern") for g in t.findall("m:glob", NS)] for t in root.findall("m:mime-type", NS)}
    assert found == {t: [f"*{suffix}"] for t, suffix in TYPES.items()}
    assert [t for t in entry()["MimeType"].split(";") if t] == list(TYPES)
    assert entry()["Exec"] == "selfreview %f"  # the file double-clicked reaches the app (cli/__init__.py)
    assert entry()["Name[vi]"] == "Bản kiểm điểm"


def test_the_icons_are_the_sizes_they_say():
    ET.parse(ICONS / "selfreview.svg")  # well-formed
    for size in (16, 32, 48, 64, 128, 256):
        png = (ICONS / f"selfreview-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (ROOT / "packaging" / "windows" / "selfreview.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 4)


def fake_bundle(tmp_path: Path) -> Path:
    """A bundle folder as the spec lays it out: the executable, desktop/ with the integration files."""
    bundle = tmp_path / "dist" / "selfreview"
    (bundle / "desktop").mkdir(parents=True)
    exe = bundle / "selfreview"
    exe.write_text("#!/bin/sh\necho fake selfreview\n", encoding="utf-8", newline="\n")
    exe.chmod(0o755)
    for name in ("selfreview.desktop", "selfreview-mime.xml", "install.sh"):
        shutil.copy2(LINUX / name, bundle / "desktop" / name)
    for icon in [ICONS / "selfreview.svg", *ICONS.glob("selfreview-*.png")]:
        shutil.copy2(icon, bundle / "desktop" / icon.name)
    return bundle


def test_install_sh_registers_the_app_and_its_file_types_and_uninstall_keeps_the_data(tmp_path):
    tool("update-mime-database", "shared-mime-info")
    bundle = fake_bundle(tmp_path)
    home = tmp_path / "home"
    share = home / ".local" / "share"
    data = share / "selfreview"
    data.mkdir(parents=True)
    (data / "selfreview.db").write_bytes(b"the member's data")
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(share))
    subprocess.run(["sh", str(bundle / "desktop" / "install.sh")], env=env, check=True, capture_output=True)

    app = share / "selfreview-app" / "selfreview"
    assert subprocess.run([str(home / ".local" / "bin" / "selfreview")], capture_output=True, text=True,
                          check=True).stdout == "fake selfreview\n"
    installed = (share / "applications" / "selfreview.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app}" %f' in installed
    done = subprocess.run([tool("desktop-file-validate", "desktop-file-utils"),
                           str(share / "applications" / "selfreview.desktop")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    # shared-mime-info compiled our types: a file named *.selfreview is an application/x-selfreview
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    for mime_type, suffix in TYPES.items():
        assert f":{mime_type}:*{suffix}" in globs
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "selfreview.png").is_file()

    # a newer bundle over the older one: the app is replaced, the data folder untouched
    (bundle / "selfreview").write_text("#!/bin/sh\necho newer selfreview\n", encoding="utf-8", newline="\n")
    subprocess.run(["sh", str(bundle / "desktop" / "install.sh")], env=env, check=True, capture_output=True)
    assert subprocess.run([str(app)], capture_output=True, text=True).stdout == "newer selfreview\n"
    assert (data / "selfreview.db").read_bytes() == b"the member's data"

    subprocess.run(["sh", str(bundle / "desktop" / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True)
    assert not app.exists() and not (share / "applications" / "selfreview.desktop").exists()
    assert not (home / ".local" / "bin" / "selfreview").exists()
    assert (data / "selfreview.db").read_bytes() == b"the member's data"
