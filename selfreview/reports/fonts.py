"""The fonts every report draws with: Liberation Serif (Times New Roman metrics, SIL OFL 1.1),
shipped in ``resources/fonts`` and registered explicitly with reportlab.

reportlab's built-in Type 1 fonts (Helvetica, Times-Roman, ...) cannot draw Vietnamese and fail
silently (black squares), so no report may ever fall back to them: every style, table and chart
label names one of the fonts below.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from selfreview.paths import fonts_dir

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the Liberation Serif family once per process (safe from any thread)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        directory = fonts_dir()
        for name, file in _FILES.items():
            path = directory / file
            if not path.is_file():
                raise FileNotFoundError(f"report font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                      boldItalic=SERIF_BOLD_ITALIC)
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
