"""Answers against a template: the value each kind accepts, visibility, computed fields, and the
problems "Kiểm tra" lists. Pure functions; no database, no Qt.

Answer values are plain JSON:
short_text / long_text: str · single_choice: str · multi_choice: list[str] · levels: {criterion: level}
· score: number · date: "YYYY-MM-DD" · records: [{field: value}] · checklist:
{behaviour: {"frequency": str, "example": str, "remedy": str}}.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from selfreview.forms.model import (
    Checklist, Computed, DateItem, Guidance, Levels, LongText, MultiChoice, Records, Score, ShortText,
    SingleChoice, Template,
)
from selfreview.messages import Message, msg
from selfreview.text import nfc


class AnswerError(ValueError):
    """A value a question cannot take; ``message`` is bilingual."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.en)


@dataclass(frozen=True)
class Issue:
    """One problem found by "Kiểm tra"."""

    section_id: str
    question_id: str
    code: str  # missing | invalid
    message: Message


def _text(item: ShortText | LongText, value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError(msg("answer.not_text"))
    value = nfc(value)
    if len(value) > item.max_length:
        raise AnswerError(msg("answer.too_long", n=len(value), max=item.max_length))
    return value


def _date(item: DateItem, value: Any) -> str:
    try:
        d = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        d = None
    if d is None:
        raise AnswerError(msg("answer.bad_date"))
    if (item.min and d < item.min) or (item.max and d > item.max):
        raise AnswerError(msg("answer.date_out_of_range"))
    return d.isoformat()


def _choice(item: SingleChoice, value: Any) -> str:
    if value not in {o.value for o in item.options}:
        raise AnswerError(msg("answer.unknown_option"))
    return value


def _score(item: Score, value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise AnswerError(msg("answer.not_number"))
    try:
        d = Decimal(str(value).replace(",", ".").strip())
    except InvalidOperation:
        raise AnswerError(msg("answer.not_number")) from None
    if not d.is_finite():
        raise AnswerError(msg("answer.not_number"))
    if d < item.min or d > item.max:
        raise AnswerError(msg("answer.score_range", min=item.min, max=item.max))
    if (d - item.min) % item.step != 0:
        raise AnswerError(msg("answer.score_step", step=item.step))
    return int(d) if d == d.to_integral_value() else float(d)


def content_hash(answers: dict[str, Any], texts: dict[str, str] | None = None) -> str:
    """sha256 of the (stored) answers as canonical JSON: equal answers give equal hashes.

    ``texts``: each answer already written as compact JSON (``db.jsontext.dumps``, as the importer
    has them); a text or a number is then not encoded a second time (only objects and lists are,
    with their keys sorted). The hash is the same either way."""
    if texts is None:
        body = _CANONICAL.encode(answers)
    else:
        body = "{" + ",".join(
            f"{_encode_str(q)}:{texts[q] if type(answers[q]) in _SCALARS else _CANONICAL.encode(answers[q])}"
            for q in sorted(answers)) + "}"
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_encode_str = json.encoder.encode_basestring
_SCALARS = (str, int, float, bool, type(None))


def coerce(item: Any, value: Any) -> Any:
    """Return the stored form of ``value`` for ``item`` (NFC text, normalised numbers and dates).

    ``None`` clears an answer. Raises ``AnswerError`` on a value the question cannot take.
    """
    if value is None:
        return None
    if isinstance(item, (ShortText, LongText)):
        return _text(item, value)
    if isinstance(item, SingleChoice):
        return _choice(item, value)
    if isinstance(item, MultiChoice):
        if not isinstance(value, list) or any(v not in {o.value for o in item.options} for v in value):
            raise AnswerError(msg("answer.unknown_option"))
        order = [o.value for o in item.options]
        return [v for v in order if v in value]
    if isinstance(item, Levels):
        criteria = {c.id for c in item.criteria}
        levels = {o.value for o in item.levels}
        if not isinstance(value, dict) or any(k not in criteria or v not in levels for k, v in value.items()):
            raise AnswerError(msg("answer.unknown_option"))
        return dict(value)
    if isinstance(item, Score):
        return _score(item, value)
    if isinstance(item, DateItem):
        return _date(item, value)
    if isinstance(item, Records):
        return _records(item, value)
    if isinstance(item, Checklist):
        return _checklist(item, value)
    raise AnswerError(msg("answer.read_only"))


def _records(item: Records, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > item.max_records:
        raise AnswerError(msg("answer.too_many_records", max=item.max_records))
    fields = {f.id: f for f in item.fields}
    out = []
    for record in value:
        if not isinstance(record, dict) or any(k not in fields for k in record):
            raise AnswerError(msg("answer.bad_record"))
        out.append({k: coerce(fields[k], v) for k, v in record.items() if v is not None})
    return out


def _checklist(item: Checklist, value: Any) -> dict[str, dict[str, str]]:
    if not isinstance(value, dict):
        raise AnswerError(msg("answer.bad_checklist"))
    behaviours = {b.id for b in item.behaviours}
    freqs = {o.value for o in item.frequencies}
    out: dict[str, dict[str, str]] = {}
    for bid, entry in value.items():
        if bid not in behaviours or not isinstance(entry, dict):
            raise AnswerError(msg("answer.bad_checklist"))
        clean: dict[str, str] = {}
        for key, v in entry.items():
            if key == "frequency":
                if v not in freqs:
                    raise AnswerError(msg("answer.unknown_option"))
                clean[key] = v
            elif key in ("example", "remedy"):
                if not isinstance(v, str):
                    raise AnswerError(msg("answer.not_text"))
                if len(v) > item.example_max_length:
                    raise AnswerError(msg("answer.too_long", n=len(v), max=item.example_max_length))
                clean[key] = nfc(v)
            else:
                raise AnswerError(msg("answer.bad_checklist"))
        out[bid] = clean
    return out


def is_visible(item: Any, answers: dict[str, Any]) -> bool:
    cond = item.visible_if
    return cond is None or cond.holds(answers.get(cond.question))


def computed_value(template: Template, item: Computed, answers: dict[str, Any]) -> Decimal | None:
    """The sum of the referenced scores; None while any of them is unanswered."""
    values = [answers.get(ref) for ref in item.of]
    if any(v is None for v in values):
        return None
    return sum((Decimal(str(v)) for v in values), Decimal(0))


def computed_max(template: Template, item: Computed) -> Decimal:
    index = template.item_index()
    return sum((index[ref].max for ref in item.of), Decimal(0))


def _is_empty(item: Any, value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return len(value) == 0
    return False


def _content_issues(item: Any, value: Any) -> list[Message]:
    """Problems of an answer that is present but not complete enough."""
    out: list[Message] = []
    if isinstance(item, (ShortText, LongText)) and item.min_length and len(value.strip()) < item.min_length:
        out.append(msg("answer.too_short", min=item.min_length))
    if isinstance(item, MultiChoice):
        if len(value) < item.min_selected:
            out.append(msg("answer.too_few_selected", min=item.min_selected))
        if item.max_selected is not None and len(value) > item.max_selected:
            out.append(msg("answer.too_many_selected", max=item.max_selected))
    if isinstance(item, Levels) and len(value) < len(item.criteria):
        out.append(msg("answer.levels_incomplete"))
    if isinstance(item, Records):
        if len(value) < item.min_records:
            out.append(msg("answer.too_few_records", min=item.min_records))
        for n, record in enumerate(value, start=1):
            for f in item.fields:
                if f.required and _is_empty(f, record.get(f.id)):
                    out.append(msg("answer.record_field_missing", n=n, field=f.label.vi, field_en=f.label.en))
    if isinstance(item, Checklist):
        missing = [b for b in item.behaviours if not value.get(b.id, {}).get("frequency")]
        if missing:
            out.append(msg("answer.checklist_incomplete", n=len(missing)))
        for b in item.behaviours:
            entry = value.get(b.id, {})
            if entry.get("frequency") in item.explain_when and not entry.get("example", "").strip():
                out.append(msg("answer.checklist_example", behaviour=b.label.vi, behaviour_en=b.label.en))
    return out


def optional_aid(template: Template) -> set[str]:
    """The ids of the items of the app's own aid attached to an official form: the part holding the
    responsibility self-check (role ``responsibility_check``) when the form has other parts. It is
    optional (never holds up finalizing) and printed only when the member attaches it. Empty for the
    stand-alone self-check form, where the self-check is the form."""
    rid = template.roles.get("responsibility_check")
    if not rid or len(template.parts) < 2:
        return set()
    for part in template.parts:
        ids = {i.id for section in part.sections for i in section.items}
        if rid in ids:
            return ids
    return set()


def aid_part_ids(template: Template) -> set[str]:
    """The ids of the parts that :func:`optional_aid` covers (at most one)."""
    aid = optional_aid(template)
    return {part.id for part in template.parts
            if aid and any(i.id in aid for section in part.sections for i in section.items)}


def validate(template: Template, answers: dict[str, Any]) -> list[Issue]:
    """Every missing required answer and every invalid value, in the order of the form (the app's
    optional aid, :func:`optional_aid`, has none)."""
    issues: list[Issue] = []
    aid = optional_aid(template)
    for section, item in template.items():
        if isinstance(item, (Guidance, Computed)) or not is_visible(item, answers) or item.id in aid:
            continue
        value = answers.get(item.id)
        if _is_empty(item, value):
            if item.required:
                issues.append(Issue(section.id, item.id, "missing", msg("answer.missing")))
            continue
        try:
            value = coerce(item, value)
        except AnswerError as e:
            issues.append(Issue(section.id, item.id, "invalid", e.message))
            continue
        for m in _content_issues(item, value):
            issues.append(Issue(section.id, item.id, "invalid", m))
    return issues


@dataclass(frozen=True)
class Completion:
    answered: int
    total: int

    @property
    def done(self) -> bool:
        return self.answered >= self.total


def section_completion(template: Template, answers: dict[str, Any]) -> dict[str, Completion]:
    """For each section: how many of its visible answerable questions have an answer."""
    out: dict[str, Completion] = {}
    for _, section in template.sections():
        answerable = [i for i in section.items if i.stores_answer and is_visible(i, answers)]
        answered = sum(1 for i in answerable if not _is_empty(i, answers.get(i.id)))
        out[section.id] = Completion(answered, len(answerable))
    return out
