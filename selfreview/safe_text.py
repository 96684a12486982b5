"""Text that leaves the app for another program: a spreadsheet cell, a terminal.

* A spreadsheet cell whose text begins with ``= + - @`` (or a tab or carriage return) is a formula
  to Excel and LibreOffice, even in a CSV file (OWASP, "CSV Injection"): such text is written as
  text: in a CSV with a leading apostrophe, in an XLSX as a string cell marked "quote prefix".
* Control characters (ESC, NUL, …) are replaced by U+FFFD: openpyxl refuses most of them (the
  whole export would fail) and a terminal runs ESC sequences; the text-direction controls
  (U+202A–U+202E, U+2066–U+2069, …) are replaced too, so a name cannot reorder what is shown
  around it.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\ufffd"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL_KEEP_LINES = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_CONTROL_IN_CELL = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def cell_text(text: str) -> str:
    """``text`` for a spreadsheet cell: control characters replaced (line breaks kept, as a cell
    can hold them), nothing that a spreadsheet would run."""
    clean = _CONTROL_IN_CELL.sub(REPLACEMENT, text.replace("\r\n", "\n").replace("\r", "\n"))
    return clean


def csv_text(text: str) -> str:
    """``text`` for a CSV field: :func:`cell_text`, and an apostrophe before a formula-like start."""
    starts_like_formula = is_formula_like(text)
    clean = cell_text(text)
    return "'" + clean if starts_like_formula or is_formula_like(clean) else clean


def terminal_text(text: str) -> str:
    """``text`` for a terminal: control characters other than line breaks and tabs replaced."""
    return _CONTROL_KEEP_LINES.sub(REPLACEMENT, text)
