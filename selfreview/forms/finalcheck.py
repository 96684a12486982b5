"""What a review must satisfy to be finalized: one function, used by the member's "Kiểm tra" and
finalize (services/reviews.py) and by the secretary's import (services/importing/checks.py), so that a
file another program wrote is held to exactly the rule the app holds its own members to.

The rule: every problem :func:`~selfreview.forms.answers.validate` lists (missing required answers,
empty required texts, partial checklists, a missing example where ``explain_when`` asks for one,
…), and a proposed rating better than the score band allows (QĐ 366 Art. 11: the total decides the
highest level the person can propose; better than that contradicts the person's own scores). The
other rating remarks (conditions not met, modesty) stay warnings: the competent level decides.
"""

from __future__ import annotations

from typing import Any

from selfreview.forms.answers import Issue, validate
from selfreview.forms.model import Template
from selfreview.forms.scoring import proposed_rating, rating_input
from selfreview.messages import msg
from selfreview.rating import suggest


def rating_issue(template: Template, answers: dict[str, Any]) -> Issue | None:
    """An issue when the proposed rating is better than the band of the person's own total."""
    qid = template.roles.get("proposed_rating")
    proposed = proposed_rating(template, answers)
    if not qid or proposed is None:
        return None
    try:
        sug = suggest(rating_input(template, answers))
    except ValueError:  # a total outside 0..100: the scores themselves are reported by validate
        return None
    if sug.band is None or not proposed.is_better_than(sug.band):
        return None
    section = template.section_of().get(qid, "")
    return Issue(section, qid, "invalid", msg("answer.rating_above_band", proposed=proposed.label_vi,
                                              proposed_en=proposed.label_en, band=sug.band.label_vi,
                                              band_en=sug.band.label_en))


def final_issues(template: Template, answers: dict[str, Any]) -> list[Issue]:
    """Every reason the review cannot be finalized, in the order of the form (empty: it can)."""
    issues = validate(template, answers)
    found = rating_issue(template, answers)
    if found is not None and not any(i.question_id == found.question_id for i in issues):
        issues.append(found)
    return issues
