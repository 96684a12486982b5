"""One set of limits, defined once: what a name, a post, a text, a list may hold. The profile form,
the roster, the file format (exchange/response.py) and the import all check with these numbers and
the same message, so that nothing the app lets a person type is refused later by a secretary's
import (docs/file-format.md lists them).

Also the characters a name may not hold: control characters (they break spreadsheets and
terminals) and invisible or text-direction controls (they make two different names look alike).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from selfreview.messages import Message, msg

# -- people and places (characters, after NFC and trimming) ----------------------------------------
FULL_NAME = 200
POST = 200  # party_post, government_post, mass_org_post
WORK_UNIT = 300
CELL_NAME = 300
SUPERIOR_BODY = 300
PERIOD = 40
ROUND_UID = 64
APP_NAME = 100

# the member fields a response carries, with their limits and their names in both languages
MEMBER_FIELDS: dict[str, tuple[int, str, str]] = {
    "full_name": (FULL_NAME, "Họ và tên", "Full name"),
    "party_post": (POST, "Chức vụ Đảng", "Party post"),
    "government_post": (POST, "Chức vụ chính quyền", "Government post"),
    "mass_org_post": (POST, "Chức vụ đoàn thể", "Mass organisation post"),
    "work_unit": (WORK_UNIT, "Đơn vị công tác", "Work unit"),
    "cell_name": (CELL_NAME, "Chi bộ", "Party cell"),
    "superior_body": (SUPERIOR_BODY, "Đảng bộ cấp trên", "Superior Party body"),
}

# -- templates (forms/model.py) ----------------------------------------------------------------------
LABEL = 4000  # the longest official label of the bundled forms is under 1,000 characters
SOURCE_NOTE = 500
LIST_ITEMS = 200  # options, criteria, behaviours, bullets, items of a section, …
SECTIONS = 100
PARTS = 20
TEMPLATE_QUESTIONS = 1000  # the answers a response may carry (exchange/response.py MAX_ANSWERS)
SCORE_ABS = 1000  # |min|, |max| of a score
SCORE_PLACES = 3  # decimal places of min, max, step
SCORE_STEPS = 100_000  # (max - min) / step

# characters that are invisible or change the direction of text: refused in names
_INVISIBLE = {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E,
              0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066,
              0x2067, 0x2068, 0x2069, 0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F, 0x3164, 0xFEFF, 0xFFA0}


def invisible_char(text: str) -> str | None:
    """The first invisible or bidi-control character of ``text`` (format characters, Cf), or None."""
    for ch in text:
        if ord(ch) in _INVISIBLE or unicodedata.category(ch) == "Cf":
            return ch
    return None


def control_char(text: str, allow_newlines: bool = False) -> str | None:
    """The first control character (Cc) of ``text``; tab, CR and LF pass when ``allow_newlines``."""
    for ch in text:
        if unicodedata.category(ch) == "Cc" and not (allow_newlines and ch in "\t\r\n"):
            return ch
    return None


@dataclass(frozen=True)
class LimitError(ValueError):
    message: Message

    def __str__(self) -> str:
        return self.message.en


def field_problem(field: str, value: str, *, required: bool = False) -> Message | None:
    """Why ``value`` cannot be the member field ``field`` (see :data:`MEMBER_FIELDS`), or None.
    The same message at entry, in a file, and on import."""
    limit, vi, en = MEMBER_FIELDS[field]
    if required and not value.strip():
        return msg("limit.empty", field=vi, field_en=en)
    if len(value) > limit:
        return msg("limit.too_long", field=vi, field_en=en, n=len(value), max=limit)
    ch = control_char(value)
    if ch is not None:
        return msg("limit.control", field=vi, field_en=en, char=f"{ord(ch):04X}")
    if field == "full_name":
        ch = invisible_char(value)
        if ch is not None:
            return msg("limit.invisible", field=vi, field_en=en, char=f"{ord(ch):04X}")
    return None
