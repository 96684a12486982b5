"""Article 11, 1.5: the share of HTXSNV among those rated HTTNV (20%, or 25% where the competent level
allows it). It counts; the competent level decides."""

from __future__ import annotations

from dataclasses import dataclass

from . import messages as M


QUOTA_PERCENTS = (20, 25)


@dataclass(frozen=True)
class QuotaCheck:
    """HTXSNV count against 20% (or 25%) of the HTTNV count among comparable people (1.5)."""

    excellent: int
    good: int
    percent: int
    max_excellent: int
    ok: bool
    over_by: int

    def summary(self, lang: str = "vi") -> str:
        """E.g. "HTXSNV 3 / HTTNV 10: tối đa 2 (20%) — vượt 1"."""
        i = 1 if lang == "en" else 0
        verdict = M.QUOTA_OK[i] if self.ok else M.QUOTA_OVER[i].format(over=self.over_by)
        return M.QUOTA_LINE[i].format(excellent=self.excellent, good=self.good,
                                      max=self.max_excellent, percent=self.percent, verdict=verdict)


def _count(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{what} must not be negative, got {value}")
    return value


def quota_check(excellent: int, good: int, percent: int = 20) -> QuotaCheck:
    """Article 11, 1.5: HTXSNV may not exceed 20% of the number rated HTTNV (25% where the competent
    level allows it). Limit = ``good * percent // 100`` in exact integers: 10 -> 2, 5 -> 1, 4 -> 0.
    ``percent`` must be 20 or 25 (ValueError otherwise). It counts; the competent level decides.
    """
    excellent, good = _count(excellent, "excellent"), _count(good, "good")
    if isinstance(percent, bool) or not isinstance(percent, int) or percent not in QUOTA_PERCENTS:
        raise ValueError(f"percent must be 20 or 25, got {percent!r}")
    max_excellent = good * percent // 100
    over_by = max(0, excellent - max_excellent)
    return QuotaCheck(excellent, good, percent, max_excellent, over_by == 0, over_by)
