"""The fonts every report draws with: Liberation Serif (Times New Roman metrics, SIL OFL 1.1),
shipped in ``resources/fonts`` and registered explicitly with reportlab, and Noto Sans Symbols 2
(SIL OFL 1.1) as the fallback for the characters Liberation Serif lacks (✓ ✗ ☐ …).

reportlab has no font fallback of its own: a character outside the font is drawn as the font's
.notdef glyph, an empty gap, with no error. :func:`fallback_markup` wraps such characters of a
paragraph's text in ``<font face="…">`` so they are drawn in the fallback font;
:func:`needs_fallback` tells whether a plain string (drawn by a table, not a paragraph) has any.

reportlab's built-in Type 1 fonts (Helvetica, Times-Roman, ...) cannot draw Vietnamese and fail
silently (black squares), so no report may ever fall back to them: every style, table and chart
label names one of the fonts below.
"""

from __future__ import annotations

import re
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

FALLBACK = "NotoSansSymbols2"
_FALLBACK_FILE = "NotoSansSymbols2-Regular.ttf"

_lock = threading.Lock()
_registered = False
# characters every Liberation Serif face has / the fallback has (filled by register_fonts)
_main_chars: frozenset[int] = frozenset()
_fallback_chars: frozenset[int] = frozenset()
_MISSING: re.Pattern[str] | None = None  # one character the main font lacks


def register_fonts() -> None:
    """Register the Liberation Serif family once per process (safe from any thread)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        global _main_chars, _fallback_chars, _MISSING
        directory = fonts_dir()
        covered: set[int] | None = None
        for name, file in {**_FILES, FALLBACK: _FALLBACK_FILE}.items():
            path = directory / file
            if not path.is_file():
                raise FileNotFoundError(f"report font missing: {path}")
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            chars = set(font.face.charToGlyph)
            if name == FALLBACK:
                _fallback_chars = frozenset(chars)
            else:
                covered = chars if covered is None else covered & chars
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                      boldItalic=SERIF_BOLD_ITALIC)
        # the fallback has one face: <b>/<i> around it keep it
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                      boldItalic=FALLBACK)
        _main_chars = frozenset(covered or ())
        # line breaks and tabs are layout, not glyphs
        kept = "".join(re.escape(chr(c)) for c in sorted(_main_chars | {9, 10, 13}) if c < 0xD800 or c > 0xDFFF)
        _MISSING = re.compile(f"[^{kept}]")
        _registered = True


def needs_fallback(text: str) -> bool:
    """Whether ``text`` holds a character Liberation Serif lacks and the fallback font has."""
    register_fonts()
    assert _MISSING is not None
    return any(ord(m.group()) in _fallback_chars for m in _MISSING.finditer(text))


def fallback_markup(escaped: str) -> str:
    """Paragraph markup (already escaped) with each run of characters Liberation Serif lacks put in
    the fallback font. A character no shipped font has stays as it is (see :func:`missing_glyphs`)."""
    register_fonts()
    assert _MISSING is not None
    if _MISSING.search(escaped) is None:  # the usual case: nothing to do
        return escaped
    out: list[str] = []
    run: list[str] = []
    for ch in escaped:
        if ord(ch) not in _main_chars and ord(ch) in _fallback_chars:
            run.append(ch)
            continue
        if run:
            out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
            run = []
        out.append(ch)
    if run:
        out.append(f'<font face="{FALLBACK}">{"".join(run)}</font>')
    return "".join(out)


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` that no report font can draw (neither Liberation Serif nor the
    fallback)."""
    register_fonts()
    return {ch for ch in text if ch not in "\t\n\r" and ord(ch) not in _main_chars
            and ord(ch) not in _fallback_chars}


def string_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
