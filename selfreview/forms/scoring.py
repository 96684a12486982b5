"""From a template's roles and the answers to the rating rules: scores, suggestion, warnings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfreview.forms.answers import computed_max, computed_value
from selfreview.forms.model import Computed, Template
from selfreview.rating import EXCELLENCE_ALL, Rating, RatingInput, check_proposed, judged_as, suggest

EXCELLENCE_CODES = set(EXCELLENCE_ALL)


def _decimal(v: Any) -> Decimal | None:
    return None if v is None else Decimal(str(v))


def prior_shortcomings_fixed(template: Template, answers: dict[str, Any]) -> bool | None:
    """True when every earlier shortcoming listed in section III is marked fixed (None: none listed)."""
    qid = template.roles.get("previous_shortcomings")
    records = answers.get(qid) if qid else None
    if not records:
        return None
    return all(r.get("status") == "fixed" for r in records)


def rating_input(template: Template, answers: dict[str, Any]) -> RatingInput:
    total_item = template.role_item("score_total")
    total = computed_value(template, total_item, answers) if isinstance(total_item, Computed) else None
    ticked = set(answers.get(template.roles.get("rating_conditions", ""), None) or [])
    excellence = ticked & EXCELLENCE_CODES
    fixed = prior_shortcomings_fixed(template, answers)
    if fixed is True or fixed is None and "prior_shortcomings_fixed" in ticked:
        excellence.add("prior_shortcomings_fixed")
    elif fixed is False:
        excellence.discard("prior_shortcomings_fixed")
    return RatingInput(
        total=total,
        category=judged_as(template.category.value),
        disqualifiers=frozenset(ticked - EXCELLENCE_CODES - {"tasks_late_over_20pct", "not_all_tasks_done"}),
        excellence_met=frozenset(excellence),
        tasks_late_over_20pct="tasks_late_over_20pct" in ticked,
        all_tasks_done="not_all_tasks_done" not in ticked,
    )


def score_parts(template: Template, answers: dict[str, Any]) -> tuple[Decimal | None, Decimal | None,
                                                                    Decimal | None, Decimal]:
    general = _decimal(answers.get(template.roles.get("score_general", "")))
    tasks = _decimal(answers.get(template.roles.get("score_tasks", "")))
    total_item = template.role_item("score_total")
    if isinstance(total_item, Computed):
        return general, tasks, computed_value(template, total_item, answers), computed_max(template, total_item)
    return general, tasks, None, Decimal(100)


def proposed_rating(template: Template, answers: dict[str, Any]) -> Rating | None:
    value = answers.get(template.roles.get("proposed_rating", ""))
    try:
        return Rating(value) if value else None
    except ValueError:
        return None


def evaluate(template: Template, answers: dict[str, Any]):
    """``(general, tasks, total, total_max, proposed, suggestion, problems)``."""
    general, tasks, total, total_max = score_parts(template, answers)
    inp = rating_input(template, answers)
    proposed = proposed_rating(template, answers)
    suggestion = suggest(inp)
    problems = check_proposed(inp, proposed) if total is not None else ()
    return general, tasks, total, total_max, proposed, suggestion, problems
