"""Counting for the summaries: ratings per level, the responsibility self-check with small counts
hidden, the common shortcomings. Pure functions over the report dataclasses."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from selfreview.rating import RATING_ORDER, QuotaCheck, quota_check
from selfreview.reports.data import ResponsibilityTally
from selfreview.text import nfc

LEVELS = tuple(r.value for r in RATING_ORDER)
NONE = "none"  # no rating (not submitted, or not proposed yet)

FLAG_LABELS = {
    "missing": "Chưa nộp",
    "late": "Nộp muộn",
    "above_score_band": "Đề xuất cao hơn mức điểm",
    "above_conditions": "Đề xuất cao hơn điều kiện",
    "key_changed": "Khóa ký mới",
    "by_secretary": "Bí thư nhập hộ",
    "not_finalized": "Chưa hoàn tất",
}
FLAG_ORDER = tuple(FLAG_LABELS)

def rating_counts(values: Iterable[str | None]) -> dict[str, int]:
    """Count per level (``LEVELS``) plus ``NONE`` for people with no rating."""
    counts = {level: 0 for level in LEVELS}
    counts[NONE] = 0
    for v in values:
        counts[v if v in counts else NONE] += 1
    return counts


def quota(counts: dict[str, int], percent: int = 20) -> QuotaCheck:
    return quota_check(counts.get("htxsnv", 0), counts.get("httnv", 0), percent)


@dataclass(frozen=True)
class Shown:
    """A count as printed: the number, or hidden because it is below the threshold.

    ``floor``: for a hidden sum whose parts are known only in part, what the sum is known to be at
    least ("≥ 8" where one part is hidden and the other is 7: "< 3" would be false)."""

    value: int
    hidden: bool
    floor: int = 0

    def text(self, min_count: int) -> str:
        if not self.hidden:
            return str(self.value)
        return f"≥ {self.floor}" if self.floor else f"< {min_count}"

    @property
    def plotted(self) -> int:
        return 0 if self.hidden else self.value


def shown(value: int, min_count: int) -> Shown:
    """Counts from 1 to ``min_count - 1`` are hidden: a small number could point at a person."""
    return Shown(value, 0 < value < min_count)


@dataclass(frozen=True)
class BehaviourRow:
    number: int
    label: str
    sometimes: Shown
    often: Shown
    total: Shown


def responsibility_rows(tally: ResponsibilityTally, min_count: int) -> list[BehaviourRow]:
    """One row per behaviour. When either count is hidden the total is hidden too, otherwise the
    hidden one could be worked out by subtraction; it is then printed as what is known of it: "< 3"
    when it is the hidden count alone (the other is 0), else "≥ n", n being the shown count plus
    one for each hidden count (a hidden count is at least 1)."""
    rows = []
    for n, b in enumerate(tally.behaviours, start=1):
        counts = tally.counts.get(b.id, {})
        some = shown(counts.get("sometimes", 0), min_count)
        often = shown(counts.get("often", 0), min_count)
        total_value = some.value + often.value
        hidden = [c for c in (some, often) if c.hidden]
        shown_sum = sum(c.value for c in (some, often) if not c.hidden)
        floor = 0 if not hidden or (len(hidden) == 1 and shown_sum == 0) else shown_sum + len(hidden)
        total = Shown(total_value, bool(hidden) or 0 < total_value < min_count, floor)
        rows.append(BehaviourRow(n, b.label, some, often, total))
    return rows


def _key(line: str) -> str:
    s = nfc(line).casefold()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .;:,!-–—").strip()


def common_lines(per_person: Iterable[Iterable[str]]) -> list[tuple[str, int]]:
    """Lines written by several people: (text as most often written, number of people), most first.

    Lines are compared ignoring case, spacing and end punctuation; a person counts once per line.
    """
    people: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for lines in per_person:
        seen = set()
        for line in lines:
            key = _key(line)
            if not key or key in seen:
                continue
            seen.add(key)
            people[key] += 1
            spellings.setdefault(key, Counter())[re.sub(r"\s+", " ", nfc(line)).strip(" .;:,")] += 1
    ordered = sorted(people.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(spellings[key].most_common(1)[0][0], n) for key, n in ordered]


def visible_lines(lines: Iterable[tuple[str, int]], min_count: int, limit: int = 10) -> list[tuple[str, int]]:
    """The common lines written by at least ``min_count`` people (never fewer than 2)."""
    floor = max(2, min_count)
    return [(text, n) for text, n in lines if n >= floor][:limit]
