"""Text on its way into a PDF: NFC, control characters removed, escaped for platypus markup, and
the Vietnamese ways of writing dates, numbers and percentages."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from xml.sax.saxutils import escape

from selfreview.reports.fonts import fallback_markup
from selfreview.text import nfc

DOTS = "……"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")


def clean(text: object) -> str:
    """NFC, with tabs as spaces and control characters dropped (newlines kept)."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", nfc(s))


def esc(text: object) -> str:
    """``text`` made safe for a platypus Paragraph (NFC, ``& < >`` escaped), every character the
    main font lacks put in the fallback font (reports/fonts.py)."""
    return fallback_markup(escape(clean(text)))


def lines(text: object) -> list[str]:
    """The non-empty lines of a multi-line answer, each escaped."""
    return [esc(line.strip()) for line in clean(text).split("\n") if line.strip()]


def upper_vi(text: str) -> str:
    return nfc(clean(text).upper())


def cell_title(name: str) -> str:
    """"Văn phòng" -> "CHI BỘ VĂN PHÒNG"; a name that already says what it is stays as it is."""
    up = upper_vi(name).strip()
    if not up:
        return ""
    prefixes = ("CHI BỘ", "ĐẢNG BỘ", "ĐẢNG ỦY", "ĐẢNG UỶ", "CHI ỦY", "CHI UỶ")
    return up if up.startswith(prefixes) else f"CHI BỘ {up}"


def vi_date(d: date | datetime | None) -> str:
    """12/3/2025 -> "05/03/2025"-style short date for fields and tables."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def place_date(place: str, d: date | datetime | None) -> str:
    """"Hà Nội, ngày 05 tháng 12 năm 2025"; unknown parts stay as dots to be written by hand.

    Day under 10 and month under 3 take a leading zero, as in official documents.
    """
    where = clean(place).strip() or DOTS
    if d is None:
        return f"{where}, ngày {DOTS} tháng {DOTS} năm {DOTS}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{where}, ngày {d.day:02d} tháng {month} năm {d.year}"


def number(value: Decimal | float | int | None) -> str:
    """86 -> "86"; 86.5 -> "86,5" (decimal comma); None -> ""."""
    if value is None:
        return ""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f").replace(".", ",")


def percent(part: int, whole: int) -> str:
    """3 of 8 -> "37,5%"; nothing of nothing -> "0%"."""
    if whole <= 0:
        return "0%"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
    return number(value) + "%"


def period_title(period: str) -> str:
    """"2025" -> "NĂM 2025"; any other period name is shown upper case as written."""
    p = clean(period).strip()
    return f"NĂM {p}" if p.isdigit() else upper_vi(p)


def period_words(period: str) -> str:
    p = clean(period).strip()
    return f"Năm {p}" if p.isdigit() else p


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# then the tones (none, huyền, sắc, hỏi, ngã, nặng) as a second key.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONES = {"\u0300": 2, "\u0301": 3, "\u0309": 4, "\u0303": 5, "\u0323": 6}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def vi_sort_key(text: str) -> tuple:
    """A key that sorts Vietnamese names as a Vietnamese reader expects (Đặng before Lê), numbers
    by their value ("Chi bộ số 9" before "Chi bộ số 10")."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for run in _RUNS.findall(nfc(clean(text)).casefold()):
        if run[0] in "0123456789":
            letters.append((-1, int(run)))
            tones.append(0)
            continue
        letter, tone = _letter_key(run)
        letters.append(letter)
        tones.append(tone)
    return tuple(letters), tuple(tones)


_RUNS = re.compile(r"[0-9]+|[^0-9]")


@lru_cache(maxsize=4096)
def _letter_key(ch: str) -> tuple[tuple[int, int], int]:
    """(the letter's place in the alphabet, its tone) of one character, worked out once per character."""
    parts = unicodedata.normalize("NFD", ch)
    tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 1)
    base = unicodedata.normalize("NFC", parts[0] + "".join(m for m in parts[1:] if m in _LETTER_MARKS))
    index = _ALPHABET.find(base)
    return ((0, index) if index >= 0 else (1, ord(base[0]))), tone
