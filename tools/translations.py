#!/usr/bin/env python3
"""Refresh the translation sources and build the compiled catalogues (``python3 dev.py lang``).

1. ``pyside6-lupdate`` reads every ``tr()``, ``QCoreApplication.translate()`` and
   ``QT_TRANSLATE_NOOP()`` in ``selfreview/`` (the widgets are in ``selfreview/ui``; the core has no
   Qt and carries its own Vietnamese and English) and merges new strings into
   ``resources/translations/selfreview_vi.ts`` and ``selfreview_en.ts`` (English: plural forms
   only, the source strings are English). Translations already made are kept.
2. ``pyside6-lrelease`` compiles those and ``qtbase_vi.ts`` (Qt's own strings the app shows:
   dialog buttons, text-field context menus, file dialogs; Qt ships no Vietnamese catalogue) into
   ``.qm`` files next to them, which the app loads at start.

Translate new strings with Qt Linguist (``pyside6-linguist resources/translations/selfreview_vi.ts``)
or any editor, then run this again. ``--check`` exits with 1 while a Vietnamese string is untranslated.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "selfreview"
OUT = ROOT / "resources" / "translations"
CATALOGUES = {"selfreview_vi.ts": "vi_VN", "selfreview_en.ts": "en_GB"}
COMPILED = ("selfreview_vi.ts", "selfreview_en.ts", "qtbase_vi.ts")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python first (a venv), then on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials in this Python ({sys.executable})")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, lang in CATALOGUES.items():
        ts = OUT / name
        cmd = [tool("pyside6-lupdate"), "-silent", "-locations", "relative", "-no-obsolete", "-target-language", lang,
               *(["-pluralonly"] if lang.startswith("en") else []), *sources(), "-ts", str(ts.relative_to(ROOT))]
        subprocess.run(cmd, cwd=ROOT, check=True)


def release() -> None:
    for name in COMPILED:
        ts = OUT / name
        if ts.exists():
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                           cwd=ROOT, check=True)


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` without a finished translation."""
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        empty = translation is None or (not (translation.text or "").strip()
                                        and not any((f.text or "").strip() for f in translation.iter("numerusform")))
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or empty:
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            out.append(message.findtext("source") or "")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail while a Vietnamese string is untranslated")
    parser.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    if not args.no_update:
        update()
    release()
    missing = unfinished(OUT / "selfreview_vi.ts")
    if missing:
        print(f"{len(missing)} Vietnamese string(s) to translate in {OUT / 'selfreview_vi.ts'}:")
        for source in missing:
            print("  -", source.replace("\n", "\\n"))
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
