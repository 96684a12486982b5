"""Rating suggestions and checks after QĐ 366-QĐ/TW, Điều 11 (pure Python, no Qt).

It suggests and explains; the competent level decides. See :mod:`selfreview.rating.rules`.
"""

from .categories import MEMBER_CATEGORIES, Category, form_of, judged_as, member_category
from .quota import QUOTA_PERCENTS, QuotaCheck, quota_check
from .rules import (
    COLLECTIVE_EXCELLENCE_CONDITIONS,
    CONDITION_TEXT,
    DISQUALIFIER_ORDER,
    DISQUALIFIERS_ALL,
    DISQUALIFIERS_BY_CATEGORY,
    EXCELLENCE_ALL,
    EXCELLENCE_BY_CATEGORY,
    EXCELLENCE_CONDITIONS,
    EXCELLENCE_ORDER,
    LEADER_EXCELLENCE_CONDITIONS,
    RATING_ORDER,
    TASK_CONDITIONS,
    Problem,
    Rating,
    RatingInput,
    Reason,
    Suggestion,
    band_for,
    check_proposed,
    condition_text,
    format_total,
    suggest,
)

__all__ = [
    "COLLECTIVE_EXCELLENCE_CONDITIONS",
    "CONDITION_TEXT",
    "DISQUALIFIER_ORDER",
    "DISQUALIFIERS_ALL",
    "DISQUALIFIERS_BY_CATEGORY",
    "EXCELLENCE_ALL",
    "EXCELLENCE_BY_CATEGORY",
    "EXCELLENCE_CONDITIONS",
    "EXCELLENCE_ORDER",
    "LEADER_EXCELLENCE_CONDITIONS",
    "MEMBER_CATEGORIES",
    "QUOTA_PERCENTS",
    "RATING_ORDER",
    "TASK_CONDITIONS",
    "Category",
    "Problem",
    "QuotaCheck",
    "Rating",
    "RatingInput",
    "Reason",
    "Suggestion",
    "band_for",
    "check_proposed",
    "condition_text",
    "form_of",
    "format_total",
    "judged_as",
    "member_category",
    "quota_check",
    "suggest",
]
