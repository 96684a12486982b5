"""Checks that need the whole template: unique ids, conditions and roles that point at real
questions, bounds that make sense. Each problem is reported with its place."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from selfreview.forms.errors import named, place_of
from selfreview.forms.model import (
    ROLE_NAMES, Checklist, Computed, DateItem, MultiChoice, Records, Score, ShortText, LongText,
    SingleChoice, Template,
)
from selfreview.messages import Message, msg

# which kinds each role may point at
ROLE_KINDS: dict[str, tuple[type[BaseModel], ...]] = {
    "score_general": (Score,),
    "score_tasks": (Score,),
    "score_total": (Computed,),
    "proposed_rating": (SingleChoice,),
    "rating_conditions": (MultiChoice,),
    "shortcomings": (LongText, Records),
    "previous_shortcomings": (Records,),
    "responsibility_check": (Checklist,),
}


def _bounds(item: Any) -> list[Message]:
    problems = []
    if isinstance(item, (ShortText, LongText)) and item.min_length > item.max_length:
        problems.append(msg("forms.min_length_above_max", min=item.min_length, max=item.max_length))
    if isinstance(item, Score):
        if item.min > item.max:
            problems.append(msg("forms.min_above_max", min=item.min, max=item.max))
    if isinstance(item, DateItem) and item.min and item.max and item.min > item.max:
        problems.append(msg("forms.min_date_after_max", min=item.min, max=item.max))
    if isinstance(item, MultiChoice) and item.max_selected is not None:
        if item.min_selected > item.max_selected:
            problems.append(msg("forms.min_selected_above_max", min=item.min_selected, max=item.max_selected))
    if isinstance(item, Records) and item.min_records > item.max_records:
        problems.append(msg("forms.min_records_above_max", min=item.min_records, max=item.max_records))
    return problems


def _dupes(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in values:
        if v in seen and v not in out:
            out.append(v)
        seen.add(v)
    return out


def check_template(t: Template) -> list[tuple[Message, Message]]:
    """Return ``(place, reason)`` for every problem found (empty when the template is sound)."""
    problems: list[tuple[Message, Message]] = []
    for d in _dupes([p.id for p in t.parts]):
        problems.append((place_of(named("part", d)), msg("forms.duplicate_part", id=d)))
    for d in _dupes([s.id for _, s in t.sections()]):
        problems.append((place_of(named("section", d)), msg("forms.duplicate_section", id=d)))
    all_items = t.items()
    for d in _dupes([i.id for _, i in all_items]):
        problems.append((place_of(named("item", d)), msg("forms.duplicate_item", id=d)))
    index = {i.id: i for _, i in all_items}

    for section, item in all_items:
        at = (named("section", section.id), named("item", item.id))
        place = place_of(*at)
        for p in _bounds(item):
            problems.append((place, p))
        if item.visible_if is not None:
            target = item.visible_if.question
            condition = place_of(*at, "visible_if")
            if target not in index:
                problems.append((condition, msg("forms.condition_missing", id=target)))
            elif target == item.id:
                problems.append((condition, msg("forms.condition_self")))
            elif not index[target].stores_answer:
                problems.append((condition, msg("forms.condition_no_answer", id=target)))
        if isinstance(item, (SingleChoice, MultiChoice)):
            for d in _dupes([o.value for o in item.options]):
                problems.append((place, msg("forms.duplicate_option", id=d)))
        if isinstance(item, Records):
            for d in _dupes([f.id for f in item.fields]):
                problems.append((place, msg("forms.duplicate_field", id=d)))
            for f in item.fields:
                for p in _bounds(f):
                    problems.append((place_of(*at, named("field", f.id)), p))
            if item.prefill_from is not None and item.prefill_from not in ROLE_NAMES:
                problems.append((place, msg("forms.prefill_unknown_role", role=item.prefill_from)))
        if isinstance(item, Checklist):
            for d in _dupes([b.id for b in item.behaviours]):
                problems.append((place, msg("forms.duplicate_behaviour", id=d)))
            values = {o.value for o in item.frequencies}
            for v in item.explain_when:
                if v not in values:
                    problems.append((place, msg("forms.explain_unknown_frequency", value=v)))
        if isinstance(item, Computed):
            for ref in item.of:
                if ref not in index:
                    problems.append((place, msg("forms.computed_missing", id=ref)))
                elif not isinstance(index[ref], Score):
                    problems.append((place, msg("forms.computed_not_score", id=ref)))

    for role, qid in t.roles.items():
        where = place_of("roles", role)
        if role not in ROLE_KINDS:
            problems.append((where, msg("forms.unknown_role", role=role, known=", ".join(ROLE_NAMES))))
            continue
        if qid not in index:
            problems.append((where, msg("forms.role_missing", id=qid)))
        elif not isinstance(index[qid], ROLE_KINDS[role]):
            kinds = " / ".join(get_args(k.model_fields["kind"].annotation)[0] for k in ROLE_KINDS[role])
            problems.append((where, msg("forms.role_wrong_kind", id=qid, kinds=kinds)))
    return problems
