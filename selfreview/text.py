"""Text hygiene: every string that enters the app is NFC-normalised.

reportlab does no mark positioning and the database compares bytes, so decomposed (NFD) Vietnamese
must never get past the edges of the program (input, import, template loading).
"""

from __future__ import annotations

import unicodedata
from typing import Any


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
