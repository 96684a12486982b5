"""Plausible answers for any template, walking its items by kind and role: long texts from the
phrase bank, scores in the band of a chosen rating, rating conditions that fit it, earlier
shortcomings with statuses, the responsibility checklist with a mix of frequencies and examples,
and a proposed rating that agrees with the app's suggestion most of the time."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from selfreview.demo import phrases
from selfreview.forms.answers import is_visible
from selfreview.forms.model import (
    Checklist, DateItem, Levels, LongText, MultiChoice, Records, Score, ShortText, SingleChoice, Template,
)
from selfreview.forms.scoring import evaluate
from selfreview.rating import DISQUALIFIERS_BY_CATEGORY, EXCELLENCE_BY_CATEGORY, RATING_ORDER, Rating, judged_as

RATING_WEIGHTS = {"htxsnv": 12, "httnv": 55, "htnv": 23, "khtnv": 10}
BANDS = {"htxsnv": (90, 99), "httnv": (70, 89.5), "htnv": (50, 69.5), "khtnv": (25, 49.5)}
AGREE = 0.85  # how often the proposed rating is the suggestion
SPECIAL_ROLES = ("score_general", "score_tasks", "proposed_rating", "rating_conditions", "previous_shortcomings")


def pick_rating(rng: random.Random) -> str:
    return rng.choices(list(RATING_WEIGHTS), weights=list(RATING_WEIGHTS.values()))[0]


def _sentence(rng: random.Random, bank: tuple[str, ...], year: int) -> str:
    return rng.choice(bank).format(pct=rng.choice((95, 98, 100, 100)), n=rng.randint(8, 60), k=rng.randint(1, 5),
                                   year=year + 1, m=rng.randint(1, 12), d=rng.randint(2, 9))


def _long_text(rng: random.Random, item: LongText | ShortText, qid: str, year: int, bullets: bool = False) -> str:
    bank = phrases.bank_for(qid)
    parts = [_sentence(rng, bank, year) for _ in range(rng.randint(1, 3) if bullets else rng.randint(2, 4))]
    parts = list(dict.fromkeys(parts))
    text = "\n".join(f"- {p}" for p in parts) if bullets else " ".join(parts)
    while len(text) < item.min_length:
        text += " " + _sentence(rng, phrases.GENERIC, year)
    return text[:item.max_length].rstrip()


def _on_step(item: Score, value: float) -> float | int:
    steps = round((Decimal(str(value)) - item.min) / item.step)
    d = min(max(item.min + steps * item.step, item.min), item.max)
    return int(d) if d == d.to_integral_value() else float(d)


def _value(rng: random.Random, item: Any, qid: str, year: int) -> Any:
    if isinstance(item, LongText):
        return _long_text(rng, item, qid, year, bullets=qid.endswith("shortcomings"))
    if isinstance(item, ShortText):
        return _long_text(rng, item, qid, year)[:item.max_length]
    if isinstance(item, SingleChoice):
        return rng.choice(item.options).value
    if isinstance(item, MultiChoice):
        hi = min(len(item.options), item.max_selected or len(item.options))
        chosen = rng.sample([o.value for o in item.options], rng.randint(min(item.min_selected, hi), hi))
        return [o.value for o in item.options if o.value in chosen]
    if isinstance(item, Levels):
        return {c.id: rng.choice(item.levels).value for c in item.criteria}
    if isinstance(item, Score):
        return _on_step(item, rng.uniform(float(item.min), float(item.max)))
    if isinstance(item, DateItem):
        lo, hi = item.min or date(year, 1, 1), item.max or date(year, 12, 31)
        return (lo + timedelta(days=rng.randint(0, max((hi - lo).days, 0)))).isoformat()
    if isinstance(item, Records):
        return [_record(rng, item, year, None) for _ in range(max(item.min_records, rng.randint(0, 2)))]
    if isinstance(item, Checklist):
        return _checklist(rng, item, year)
    return None


EXTENT = {"fixed": (100,), "being_fixed": (40, 50, 60, 70, 80), "not_fixed": (0, 10, 20)}


def _record(rng: random.Random, item: Records, year: int, status: str | None,
            shortcoming: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in item.fields:
        if f.id == "status" and status is not None:
            out[f.id] = status
        elif f.id == "shortcoming":
            out[f.id] = (shortcoming or rng.choice(phrases.SHORTCOMINGS))[:f.max_length]
        elif f.id == "extent" and isinstance(f, ShortText) and status in EXTENT:
            out[f.id] = f"Đã khắc phục khoảng {rng.choice(EXTENT[status])}%"[:f.max_length]
        elif f.required or rng.random() < 0.4:
            out[f.id] = _value(rng, f, f.id, year)
    return out


def _checklist(rng: random.Random, item: Checklist, year: int) -> dict[str, dict[str, str]]:
    freqs = [o.value for o in item.frequencies]
    weights = [65, 28, 7] + [5] * (len(freqs) - 3) if len(freqs) >= 3 else [70, 30][:len(freqs)]
    out: dict[str, dict[str, str]] = {}
    for b in item.behaviours:
        entry = {"frequency": rng.choices(freqs, weights=weights)[0]}
        if entry["frequency"] in item.explain_when:
            entry["example"] = _sentence(rng, phrases.EXAMPLES, year)[:item.example_max_length]
            entry["remedy"] = rng.choice(phrases.REMEDIES)[:item.example_max_length]
        out[b.id] = entry
    return out


def fill_answers(template: Template, rng: random.Random, target: str, year: int) -> dict[str, Any]:
    """A complete, valid set of answers whose scores and conditions point at rating ``target``."""
    roles = template.roles
    special = {roles[r]: r for r in SPECIAL_ROLES if r in roles}
    answers: dict[str, Any] = {}
    for _, item in template.items():
        if not item.stores_answer or item.id in special:
            continue
        if item.required or rng.random() < 0.3:
            value = _value(rng, item, item.id, year)
            if value not in (None, [], {}):
                answers[item.id] = value

    index = template.item_index()
    cat = judged_as(template.category.value)
    by_disqualifier = target == "khtnv" and rng.random() < 0.4
    band = BANDS["httnv" if by_disqualifier else target]
    total = rng.uniform(*band)
    general, tasks = index.get(roles.get("score_general", "")), index.get(roles.get("score_tasks", ""))
    if isinstance(general, Score) and isinstance(tasks, Score):
        share = float(general.max) / float(general.max + tasks.max)
        g = _on_step(general, min(total * rng.uniform(share * 0.9, share * 1.1), float(general.max)))
        t = _on_step(tasks, total - g)
        answers[general.id], answers[tasks.id] = g, t

    conditions = index.get(roles.get("rating_conditions", ""))
    if isinstance(conditions, MultiChoice):
        offered = [o.value for o in conditions.options]
        ticked: set[str] = set()
        if target == "htxsnv":
            ticked |= EXCELLENCE_BY_CATEGORY[cat]
        elif target == "httnv":
            ticked.add("all_tasks_on_time_quality")
            if rng.random() < 0.3:
                ticked.add("over_30pct_exceeded")
        if by_disqualifier:
            ticked.add(rng.choice(sorted(DISQUALIFIERS_BY_CATEGORY[cat] & set(offered))))
        chosen = [v for v in offered if v in ticked]
        if chosen:
            answers[conditions.id] = chosen

    previous = index.get(roles.get("previous_shortcomings", ""))
    if isinstance(previous, Records) and rng.random() < 0.6:
        statuses = ["fixed"] if target == "htxsnv" else ["fixed", "being_fixed", "not_fixed"]
        earlier = rng.sample(phrases.SHORTCOMINGS, rng.randint(1, min(3, previous.max_records)))
        answers[previous.id] = [_record(rng, previous, year, rng.choice(statuses), text) for text in earlier]

    proposed = index.get(roles.get("proposed_rating", ""))
    if isinstance(proposed, SingleChoice):
        suggestion = evaluate(template, answers)[5]
        rating = suggestion.rating.value if suggestion.rating else target
        if rng.random() > AGREE:
            order = [r.value for r in RATING_ORDER]
            i = order.index(rating)
            rating = order[i + 1] if i == 0 or (i < len(order) - 1 and rng.random() < 0.5) else order[i - 1]
            if suggestion.band is not None and Rating(rating).is_better_than(suggestion.band):
                # better than the score allows: finalize refuses it (forms/finalcheck.py); modest instead
                rating = order[i + 1] if i < len(order) - 1 else order[i]
        if rating in {o.value for o in proposed.options}:
            answers[proposed.id] = rating
    return {k: v for k, v in answers.items() if is_visible(index[k], answers)}
