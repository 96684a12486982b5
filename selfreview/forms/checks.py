"""Checks that need the whole template: unique ids, conditions and roles that point at real
questions, bounds that make sense. Each problem is reported with its place."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel

from selfreview.forms.model import (
    ROLE_NAMES, Checklist, Computed, DateItem, MultiChoice, Records, Score, ShortText, LongText,
    SingleChoice, Template,
)

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


def _bounds(item: Any) -> list[str]:
    problems = []
    if isinstance(item, (ShortText, LongText)) and item.min_length > item.max_length:
        problems.append(f"min_length {item.min_length} is greater than max_length {item.max_length}")
    if isinstance(item, Score):
        if item.min > item.max:
            problems.append(f"min {item.min} is greater than max {item.max}")
    if isinstance(item, DateItem) and item.min and item.max and item.min > item.max:
        problems.append(f"min {item.min} is after max {item.max}")
    if isinstance(item, MultiChoice) and item.max_selected is not None:
        if item.min_selected > item.max_selected:
            problems.append(f"min_selected {item.min_selected} is greater than max_selected {item.max_selected}")
    if isinstance(item, Records) and item.min_records > item.max_records:
        problems.append(f"min_records {item.min_records} is greater than max_records {item.max_records}")
    return problems


def _dupes(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for v in values:
        if v in seen and v not in out:
            out.append(v)
        seen.add(v)
    return out


def check_template(t: Template) -> list[tuple[str, str]]:
    """Return ``(place, reason)`` for every problem found (empty when the template is sound)."""
    problems: list[tuple[str, str]] = []
    for d in _dupes([p.id for p in t.parts]):
        problems.append((f"part '{d}'", f"duplicate part id '{d}'"))
    for d in _dupes([s.id for _, s in t.sections()]):
        problems.append((f"section '{d}'", f"duplicate section id '{d}'"))
    all_items = t.items()
    for d in _dupes([i.id for _, i in all_items]):
        problems.append((f"item '{d}'", f"duplicate question id '{d}'"))
    index = {i.id: i for _, i in all_items}

    for section, item in all_items:
        place = f"section '{section.id}' > item '{item.id}'"
        for p in _bounds(item):
            problems.append((place, p))
        if item.visible_if is not None:
            target = item.visible_if.question
            if target not in index:
                problems.append((place + " > visible_if",
                                 f"the condition refers to a question that does not exist: '{target}'"))
            elif target == item.id:
                problems.append((place + " > visible_if", "an item cannot depend on itself"))
            elif not index[target].stores_answer:
                problems.append((place + " > visible_if", f"'{target}' holds no answer to test"))
        if isinstance(item, (SingleChoice, MultiChoice)):
            for d in _dupes([o.value for o in item.options]):
                problems.append((place, f"duplicate option value '{d}'"))
        if isinstance(item, Records):
            for d in _dupes([f.id for f in item.fields]):
                problems.append((place, f"duplicate field id '{d}'"))
            for f in item.fields:
                for p in _bounds(f):
                    problems.append((place + f" > field '{f.id}'", p))
            if item.prefill_from is not None and item.prefill_from not in ROLE_NAMES:
                problems.append((place, f"prefill_from names an unknown role '{item.prefill_from}'"))
        if isinstance(item, Checklist):
            for d in _dupes([b.id for b in item.behaviours]):
                problems.append((place, f"duplicate behaviour id '{d}'"))
            values = {o.value for o in item.frequencies}
            for v in item.explain_when:
                if v not in values:
                    problems.append((place, f"explain_when names an unknown frequency '{v}'"))
        if isinstance(item, Computed):
            for ref in item.of:
                if ref not in index:
                    problems.append((place, f"computed from a question that does not exist: '{ref}'"))
                elif not isinstance(index[ref], Score):
                    problems.append((place, f"'{ref}' is not a score and cannot be summed"))

    for role, qid in t.roles.items():
        if role not in ROLE_KINDS:
            problems.append((f"roles > {role}", f"unknown role '{role}' (known: {', '.join(ROLE_NAMES)})"))
            continue
        if qid not in index:
            problems.append((f"roles > {role}", f"the role points at a question that does not exist: '{qid}'"))
        elif not isinstance(index[qid], ROLE_KINDS[role]):
            kinds = " or ".join(get_args(k.model_fields["kind"].annotation)[0] for k in ROLE_KINDS[role])
            problems.append((f"roles > {role}", f"'{qid}' must be of kind {kinds}"))
    return problems
