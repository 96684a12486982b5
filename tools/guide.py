#!/usr/bin/env python3
"""The user guide: ``resources/guide/`` (what the app shows, F1) copied to ``docs/guide/`` (to read
outside the app), with the screenshots it uses copied from ``docs/screenshots/``.

    python tools/guide.py           # copy pages and images
    python tools/guide.py --check   # exit 1 when docs/guide/ differs from resources/guide/
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "guide"
DOCS = ROOT / "docs" / "guide"
SHOTS = ROOT / "docs" / "screenshots"


def images_used() -> set[str]:
    return {m for page in SOURCE.glob("*/*.md")
            for m in re.findall(r"\]\(\.\./images/([^)]+)\)", page.read_text(encoding="utf-8"))}


def copy() -> None:
    (SOURCE / "images").mkdir(parents=True, exist_ok=True)
    for name in sorted(images_used()):
        shutil.copy2(SHOTS / name, SOURCE / "images" / name)
    for old in (SOURCE / "images").glob("*.png"):
        if old.name not in images_used():
            old.unlink()
    if DOCS.exists():
        shutil.rmtree(DOCS)
    shutil.copytree(SOURCE, DOCS)


def differences() -> list[str]:
    out = []
    for path in sorted(p for p in SOURCE.rglob("*") if p.is_file()):
        twin = DOCS / path.relative_to(SOURCE)
        if not twin.is_file() or twin.read_bytes() != path.read_bytes():
            out.append(str(path.relative_to(SOURCE)))
    return out


if __name__ == "__main__":
    if "--check" in sys.argv:
        diff = differences()
        print("\n".join(diff) or "docs/guide is up to date")
        sys.exit(1 if diff else 0)
    copy()
