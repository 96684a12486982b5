"""Invented Vietnamese full names that, together, use every Vietnamese diacritic.

"Every diacritic" is checked as: each of the five tone marks (grave, acute, hook above, tilde,
dot below) on each vowel group (a/ă/â, e/ê, i/y, o/ô/ơ, u/ư), and each of the letters ă â ê ô ơ ư
and Đ. :data:`COVERING` alone meets it; the demo hands those names out first.
"""

from __future__ import annotations

import random
import unicodedata
from typing import Iterable

TONES = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
VOWEL_GROUPS = {"a": "a", "e": "e", "i": "i", "y": "i", "o": "o", "u": "u"}
MODIFIERS = ("\u0306", "\u0302", "\u031b")  # breve (ă), circumflex (â ê ô), horn (ơ ư)
MODIFIED_LETTERS = ("ă", "â", "ê", "ô", "ơ", "ư", "Đ")

# Together these use every tone on every vowel group and every modified letter (tested).
COVERING = (
    "Nguyễn Thị Mỹ Hằng", "Trần Văn Đức", "Lê Quốc Việt", "Phạm Ngọc Thảo", "Võ Thị Thúy Kiều",
    "Lã Thanh Tùng", "Hồ Sĩ Kỳ", "Khổng Minh Hiển", "Dương Văn Hỷ", "Ngô Trí Dũng", "Tạ Thị Thủy",
    "Mạc Văn Lực", "Đặng Thị Ánh Tuyết", "Đỗ Hữu Nghĩa", "Bùi Thị Mỵ",
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Lã", "Tạ", "Mạc", "Quách", "Khổng", "Trương", "Đinh", "Đoàn", "Lương",
            "Tô", "Cao", "Hà", "Thái", "Ông", "Âu", "Kiều", "Châu", "Triệu", "Lưu")
MIDDLE_F = ("Thị", "Ngọc", "Thu", "Mỹ", "Thanh", "Kim", "Diệu", "Bảo", "Phương", "Thị Ánh", "Hồng", "Cẩm")
MIDDLE_M = ("Văn", "Hữu", "Đức", "Quốc", "Minh", "Thế", "Trọng", "Xuân", "Gia", "Sĩ", "Công", "Bá")
GIVEN_F = ("Hằng", "Thảo", "Hương", "Lan", "Mai", "Hoa", "Nhung", "Yến", "Trinh", "Duyên", "Hạnh", "Thủy", "Thúy",
           "Uyên", "Oanh", "Phượng", "Ngân", "Quỳnh", "Linh", "Giang", "Hiền", "Nga", "Vân", "Tuyết", "Mỵ",
           "Ánh", "Châu", "Kiều", "Loan", "Liễu", "Nhàn", "Xuân", "Trâm", "Thơ")
GIVEN_M = ("Đức", "Dũng", "Hùng", "Cường", "Tuấn", "Việt", "Nam", "Sơn", "Long", "Phúc", "Lộc", "Thắng", "Tiến",
           "Trí", "Nghĩa", "Hải", "Hiển", "Kỳ", "Hỷ", "Lực", "Quân", "Toàn", "Vinh", "Khải", "Tùng", "Bình",
           "Khoa", "Đạt", "Thịnh", "Quý", "Hưng", "Thìn", "Lãm", "Kiệt", "Mẫn")


def random_name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"


def diacritic_marks(names: Iterable[str]) -> set[tuple[str, str]]:
    """``(vowel group, tone)`` pairs, and ``("letter", x)`` for each modified letter, found in ``names``
    (a toned letter such as ộ counts for its letter ô too; case does not matter but for Đ)."""
    found: set[tuple[str, str]] = set()
    for ch in "".join(names):
        if ch in ("Đ", "đ"):
            found.add(("letter", ch))
            continue
        decomposed = unicodedata.normalize("NFD", ch.lower())
        base, marks = decomposed[0], decomposed[1:]
        group = VOWEL_GROUPS.get(base)
        if group is None:
            continue
        found.update((group, TONES[m]) for m in marks if m in TONES)
        modifier = "".join(m for m in marks if m in MODIFIERS)
        if modifier:
            found.add(("letter", unicodedata.normalize("NFC", base + modifier)))
    return found


def required_marks() -> set[tuple[str, str]]:
    """Every tone on every vowel group, and each of ă â ê ô ơ ư Đ (names are capitalised, so a
    lower-case đ never starts a word and is not required)."""
    return {(g, t) for g in set(VOWEL_GROUPS.values()) for t in TONES.values()} | \
        {("letter", x) for x in MODIFIED_LETTERS}
