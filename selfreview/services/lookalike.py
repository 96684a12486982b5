"""Names that look alike: the same letters in another script (a Cyrillic "а" for a Latin "a"),
invisible characters, other case or spacing. Two names with the same :func:`skeleton` are shown to a
reader as the same name; the importer flags a new roster entry whose name looks like one already
there (another date of birth, or none) on its receipt (docs/security.md, "Look-alike members")."""

from __future__ import annotations

import unicodedata

from selfreview.services.roster import name_key

# letters of other scripts drawn like Latin ones (Unicode confusables, the ones a keyboard gives)
_CONFUSABLE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t",
    "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ϲ": "c", "ζ": "z",
})


def skeleton(name: str) -> str:
    """``name`` as it looks: compared as the roster compares names (case, spaces), with invisible
    (format) characters dropped and look-alike letters of other scripts read as Latin."""
    visible = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFC", name_key(visible).translate(_CONFUSABLE))
