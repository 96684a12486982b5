#!/usr/bin/env python3
"""One spelling convention for Vietnamese (docs/style-vi.md): the tone mark of "oa", "oe", "uy" at the
end of a syllable sits on the first vowel ("hóa", "khóa", "khỏe", "thúy"), the style of current
official documents; "ỦY" in the Party header follows it.

    python tools/spelling_vi.py FILE...          # report old-style spellings (exit 1 when any)
    python tools/spelling_vi.py --fix FILE...    # rewrite them in place

Templates under resources/forms/ are not rewritten: their text is part of their content hash."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

# tone marks (combining) and the vowels they may sit on
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_LETTER = r"[^\W\d_]"
# old style: tone on the second vowel of a final oa/oe/uy (not after q: "quý" is right in both styles)
OLD = re.compile(r"(?<![qQ\u0300-\u036f])([oOuU])([aAeEyY])([" + _TONES + r"])(?![\u0300-\u036f]|" + _LETTER + ")")


def new_style(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    fixed = OLD.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", fixed)


def old_spellings(text: str) -> list[str]:
    words = re.findall(r"\w+", text)
    return sorted({w for w in words if new_style(w) != w})


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    found = 0
    for name in (a for a in argv if a != "--fix"):
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        words = old_spellings(text)
        if words:
            found += len(words)
            print(f"{path}: {', '.join(words)}")
            if fix:
                path.write_text(new_style(text), encoding="utf-8")
    return 1 if found and not fix else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
