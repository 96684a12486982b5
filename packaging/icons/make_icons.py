#!/usr/bin/env python3
"""Render packaging/icons/selfreview.svg into the PNGs the Linux desktop uses and the Windows .ico.

    .venv/bin/python packaging/icons/make_icons.py

Writes packaging/icons/selfreview-{16,32,48,64,128,256}.png and packaging/windows/selfreview.ico
(PNG-compressed entries, as Windows Vista and later read them). Qt renders the SVG (QtSvg is part of
PySide6-Essentials); the .ico is assembled here, so no Qt image plugin is needed for it. Run again
after editing the SVG and commit the results (tests/unit/test_desktop_files.py checks their sizes).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
SVG = HERE / "selfreview.svg"
SIZES = (16, 32, 48, 64, 128, 256)
ICO = HERE.parent / "windows" / "selfreview.ico"


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG entries: ICONDIR, one ICONDIRENTRY per size, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QImage/QPainter need it
    pngs = {size: render(size) for size in SIZES}
    for size, png in pngs.items():
        (HERE / f"selfreview-{size}.png").write_bytes(png)
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico({s: pngs[s] for s in (16, 32, 48, 256)}))
    print(f"wrote {len(pngs)} PNGs and {ICO.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
