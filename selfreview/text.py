"""Text hygiene: every string that enters the app is NFC-normalised.

reportlab does no mark positioning and the database compares bytes, so decomposed (NFD) Vietnamese
must never get past the edges of the program (input, import, template loading).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normalisation form C."""
    return unicodedata.normalize("NFC", text)


def nfc_deep(value: Any) -> Any:
    """NFC-normalise every string inside nested lists and dicts (keys included)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [nfc_deep(v) for v in value]
    if isinstance(value, tuple):
        return tuple(nfc_deep(v) for v in value)
    if isinstance(value, dict):
        return {nfc_deep(k): nfc_deep(v) for k, v in value.items()}
    return value


def is_nfc_deep(value: Any) -> bool:
    """True when every string inside ``value`` is already NFC."""
    if isinstance(value, str):
        return unicodedata.is_normalized("NFC", value)
    if isinstance(value, (list, tuple)):
        return all(is_nfc_deep(v) for v in value)
    if isinstance(value, dict):
        return all(is_nfc_deep(k) and is_nfc_deep(v) for k, v in value.items())
    return True


# -- finding names as people type them -----------------------------------------------------------------
# "duc" finds "Đức", "nguyen van" finds "Nguyễn Văn": marks are dropped from both sides unless the person
# typed them. Đ/đ is a letter of its own in Unicode (it does not decompose in NFD), so it is mapped by hand.
_BARE = {"đ": "d", "Đ": "d"}


def bare(ch: str) -> str:
    """One character without its marks, lower case ("Ặ" → "a", "đ" → "d")."""
    if ch in _BARE:
        return _BARE[ch]
    base = unicodedata.normalize("NFD", ch)[:1].casefold()
    return base or ch


def fold(text: str) -> str:
    """``text`` without marks and case, one character for each of its NFC characters."""
    return "".join(bare(c) for c in nfc(text))


def _same(typed: str, shown: str) -> bool:
    # a letter typed with its marks must match them; a bare letter matches every marked form of it
    return typed == shown or (bare(typed) == typed and bare(shown) == typed)


def text_matches(typed: str, *fields: str) -> bool:
    """True when ``typed`` (what a person types in a search field) occurs in one of ``fields``,
    ignoring case, and ignoring marks the person did not type: "duc" and "Đức" find "Đức",
    "Đúc" does not. Runs of white space count as one space."""
    needle = " ".join(nfc(typed).casefold().split())
    if not needle:
        return True
    for field in fields:
        hay = " ".join(nfc(field or "").casefold().split())
        for start in range(len(hay) - len(needle) + 1):
            if all(_same(t, hay[start + i]) for i, t in enumerate(needle)):
                return True
    return False


class Bilingual:
    """A text in Vietnamese and English: the one type of every text the core shows to people.

    The core runs without Qt's translators, so what it says carries both languages: a message
    (``messages.Message``), a rating's reason or problem (``rating.Reason``, ``rating.Problem``), a
    table's column title (``services.rollcall_table.Column``), a form's label (``forms.model.Text``).
    Each is its own data class (frozen dataclass or pydantic model, with its own further fields) and
    inherits this mixin, which adds no field (a form's JSON, and so its content hash, is unchanged).
    The GUI tells them apart from plain strings by ``isinstance(x, Bilingual)`` (ui/i18n.py: ``pick``).
    """

    __slots__ = ()

    if TYPE_CHECKING:
        vi: str
        en: str

    def get(self, lang: str = "vi") -> str:
        """The text in ``lang`` ("en"; anything else: Vietnamese, the default)."""
        return self.en if lang == "en" else self.vi

    def shown(self, lang: str = "vi") -> str:
        """The text as a screen shows it; a form's label leaves out notes about its source."""
        return self.get(lang)
