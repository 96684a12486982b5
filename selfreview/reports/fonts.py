"""The fonts every report draws with: Liberation Serif (Times New Roman metrics, SIL OFL 1.1),
shipped in ``resources/fonts`` and registered explicitly with reportlab, and two fallbacks for the
characters Liberation Serif lacks: Noto Sans Symbols 2 (SIL OFL 1.1: ✓ ✗ ☐ ☑ and most symbols), then
DejaVu Sans (Bitstream Vera licence: ⇒ ① ‣ ※ and many other symbols and scripts). A character none of
them has (CJK ideographs, most emoji) is still drawn as an empty gap; :func:`missing_glyphs` names them.

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
FALLBACK_2 = "DejaVuSans"
_FALLBACK_FILES = {FALLBACK: "NotoSansSymbols2-Regular.ttf", FALLBACK_2: "DejaVuSans.ttf"}  # tried in this order

_lock = threading.Lock()
_registered = False
# characters every Liberation Serif face has / the fallback has (filled by register_fonts)
_main_chars: frozenset[int] = frozenset()
_fallback_chars: dict[str, frozenset[int]] = {}  # font name -> characters, in the order tried
_fallback_any: frozenset[int] = frozenset()
_MISSING: re.Pattern[str] | None = None  # one character the main font lacks


def register_fonts() -> None:
    """Register the Liberation Serif family once per process (safe from any thread)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        global _main_chars, _fallback_chars, _fallback_any, _MISSING
        directory = fonts_dir()
        covered: set[int] | None = None
        fallbacks: dict[str, frozenset[int]] = {}
        for name, file in {**_FILES, **_FALLBACK_FILES}.items():
            path = directory / file
            if not path.is_file():
                raise FileNotFoundError(f"report font missing: {path}")
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            chars = set(font.face.charToGlyph)
            if name in _FALLBACK_FILES:
                fallbacks[name] = frozenset(chars)
            else:
                covered = chars if covered is None else covered & chars
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                      boldItalic=SERIF_BOLD_ITALIC)
        for name in _FALLBACK_FILES:  # one face each: <b>/<i> around a fallback keep it
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        _main_chars = frozenset(covered or ())
        _fallback_chars = fallbacks
        _fallback_any = frozenset().union(*fallbacks.values())
        # line breaks and tabs are layout, not glyphs
        kept = "".join(re.escape(chr(c)) for c in sorted(_main_chars | {9, 10, 13}) if c < 0xD800 or c > 0xDFFF)
        _MISSING = re.compile(f"[^{kept}]")
        _registered = True


def needs_fallback(text: str) -> bool:
    """Whether ``text`` holds a character Liberation Serif lacks and a fallback font has."""
    register_fonts()
    assert _MISSING is not None
    return any(ord(m.group()) in _fallback_any for m in _MISSING.finditer(text))


def fallback_font(ch: str) -> str | None:
    """The font that draws ``ch``: None for Liberation Serif itself (or for no font at all), else the
    first fallback that has it."""
    code = ord(ch)
    if code in _main_chars or code not in _fallback_any:
        return None
    return next(name for name, chars in _fallback_chars.items() if code in chars)


def fallback_markup(escaped: str) -> str:
    """Paragraph markup (already escaped) with each run of characters Liberation Serif lacks put in
    the fallback font that has them. A character no shipped font has stays as it is (see
    :func:`missing_glyphs`)."""
    register_fonts()
    assert _MISSING is not None
    if _MISSING.search(escaped) is None:  # the usual case: nothing to do
        return escaped
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None
    for ch in escaped + "\0":  # (the sentinel closes the last run)
        font = fallback_font(ch) if ch != "\0" else None
        if font != run_font and run:
            out.append(f'<font face="{run_font}">{"".join(run)}</font>' if run_font else "".join(run))
            run = []
        run_font = font
        run.append(ch)
    return "".join(out) + "".join(run)[:-1]


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` that no report font can draw (neither Liberation Serif nor a
    fallback)."""
    register_fonts()
    return {ch for ch in text if ch not in "\t\n\r" and ord(ch) not in _main_chars
            and ord(ch) not in _fallback_any}


def string_width(text: str, font: str, size: float) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)
