"""File names that work on Windows and on a FAT32/exFAT USB stick, not only on Linux (standard library only).

Windows refuses ``< > : " / \\ | ? *`` and control characters in a name, drops trailing dots and
spaces (``bao-cao.`` becomes ``bao-cao``, a different file), and treats the device names ``CON``,
``PRN``, ``AUX``, ``NUL``, ``COM1``–``COM9``, ``LPT1``–``LPT9`` as devices whatever their extension
(``CON.pdf`` writes to the console). A USB stick formatted FAT32 or exFAT has the same rules on every
system. Every name the app proposes or writes goes through :func:`portable_name`; a name the person
typed in a save dialog too, so a file made here can be copied to the member's PC.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

INVALID_CHARACTERS = frozenset('<>:"/\\|?*') | frozenset(chr(c) for c in range(32)) | {"\x7f"}
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"123456789", "\u00b9", "\u00b2", "\u00b3"]])
MAX_NAME_BYTES = 240  # 255 on every file system concerned, in UTF-8 bytes (ext4) or UTF-16 units (NTFS)
FALLBACK = "tep"  # "tệp" (file), ASCII


def _device_part(name: str) -> str:
    """What Windows compares with the device names: up to the first dot, without trailing spaces."""
    return name.split(".", 1)[0].rstrip(" ").upper()


def is_portable_name(name: str) -> bool:
    """True when ``name`` (one path component) can be created on Windows and FAT32/exFAT as it is."""
    return (bool(name) and name not in (".", "..") and not (set(name) & INVALID_CHARACTERS)
            and not name.endswith((".", " ")) and _device_part(name) not in RESERVED_NAMES
            and len(name.encode("utf-8")) <= MAX_NAME_BYTES and name == unicodedata.normalize("NFC", name))


def portable_name(name: str, fallback: str = FALLBACK) -> str:
    """``name`` made portable: forbidden characters become ``-``, trailing dots and spaces go, a device
    name gets a ``_`` (``CON.pdf`` → ``CON_.pdf``), the whole is cut to :data:`MAX_NAME_BYTES` keeping
    its extension. An empty result becomes ``fallback``. NFC, as every string in the app."""
    text = "".join("-" if ch in INVALID_CHARACTERS else ch for ch in unicodedata.normalize("NFC", name)).strip(" ")
    text = text.rstrip(". ")
    if not text or text in (".", ".."):
        return fallback
    stem, dot, suffix = text.partition(".")
    if _device_part(text) in RESERVED_NAMES:
        stem = stem.rstrip(" ") + "_"
    suffix = dot + suffix
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        if len(stem) > 1:
            stem = stem[:-1]
        else:
            suffix = suffix[:-1]
    result = (stem.rstrip(". ") or fallback) + suffix
    result = result.rstrip(". ") or fallback
    return result if _device_part(result) not in RESERVED_NAMES else "_" + result


def portable_path(path: str | Path) -> Path:
    """``path`` with its last component made portable (the folders are the person's own choice)."""
    p = Path(path)
    return p.with_name(portable_name(p.name)) if p.name else p
