"""A small summary kept on each finalized review (columns of ``review``), so that the committee's
roll-up reads one narrow row per review instead of decoding every review's answers.

What the roll-up needs from a review, and nothing more:

* ``self_rating``: the rating the member proposes for themself (the answer of the template's
  ``proposed_rating`` role), kept only when it is one of the four levels (else NULL);
* ``self_check``: the responsibility self-check (the ``responsibility_check`` role) as
  ``{behaviour id: frequency}`` for the behaviours given a frequency; ``{}`` when the checklist was
  answered without any frequency (the person still counts as having answered it); NULL when the
  template has no such checklist or it was not answered;
* ``summary_version``: :data:`SUMMARY_VERSION` when the two above were computed from the review's
  answers; NULL when they were not (a draft, whose answers still change; a row written by older
  code or directly). Readers must fall back to the answers for such a review.

It is written where a review's answers become final: ``ReviewService.finalize`` and the importer
(which has the coerced answers in hand), and filled for existing reviews by migration 0004
(``selfreview/db/summary_fill.py``). The roll-up reads it in ``services/reporting.py``.
A finalized review's answers never change again (a change makes a new draft revision, whose
summary is NULL until it is finalized), so the summary cannot go stale.

A total score is not kept: the cell summary, the only report that prints totals, needs the whole
rule evaluation anyway (the "above the score band" flags), and nothing else would read it.
"""

from __future__ import annotations

from typing import Any

from selfreview.forms.model import Checklist, Template

# bump when what is summarised changes: older summaries are then ignored (readers fall back to the
# answers) until they are filled again
SUMMARY_VERSION = 1
RATINGS = ("htxsnv", "httnv", "htnv", "khtnv")


def rating_of(value: Any) -> str | None:
    """A proposed rating as the reports count it: one of the four levels, else None."""
    return value if isinstance(value, str) and value in RATINGS else None


def checklist_frequencies(value: Any) -> dict[str, str] | None:
    """One person's responsibility self-check as ``{behaviour: frequency}``; None when not answered
    (the same test as the reports' count: a non-empty object)."""
    if not isinstance(value, dict) or not value:
        return None
    out: dict[str, str] = {}
    for bid, entry in value.items():
        freq = entry.get("frequency") if isinstance(entry, dict) else None
        if freq:
            out[bid] = freq
    return out


def roles(template: Template) -> tuple[str | None, Checklist | None]:
    """(the question id of the proposed rating, the responsibility checklist) of a template."""
    check = template.role_item("responsibility_check")
    return template.roles.get("proposed_rating"), check if isinstance(check, Checklist) else None


def roles_from_data(body: Any) -> tuple[str | None, Checklist | None]:
    """:func:`roles` read from a template as stored (``stored_template.body``: the validated template
    dumped to JSON by ``services.templates.store``, which a hash names for ever), without validating the
    whole template again: only the checklist item is validated, into the same :class:`Checklist`.

    Raises ``ValueError`` (pydantic's ``ValidationError`` is one) when ``body`` does not have a
    template's shape; the caller then loads the template the full way."""
    if not isinstance(body, dict) or not isinstance(body.get("roles"), dict) or not body.get("parts"):
        raise ValueError("not a stored template: an object with its roles and parts")  # (a dump has both)
    template_roles = body["roles"]
    rating_qid, check_qid = template_roles.get("proposed_rating"), template_roles.get("responsibility_check")
    if not isinstance(rating_qid, (str, type(None))):
        raise ValueError("a role names a question id")
    found: Any = None
    if check_qid:
        try:
            for part in body["parts"]:
                for section in part["sections"]:
                    for item in section["items"]:
                        if item.get("id") == check_qid:
                            found = item  # the last one wins, as in Template.item_index (ids are unique)
        except (KeyError, TypeError, AttributeError) as e:
            raise ValueError(f"not a template's parts: {e!r}") from None
    check = Checklist.model_validate(found) if isinstance(found, dict) and found.get("kind") == "checklist" else None
    return rating_qid, check


def summary_from(rating_qid: str | None, check: Checklist | None, answers: dict[str, Any]) -> dict[str, Any]:
    """The summary columns of a review with these (stored, coerced) answers, given its template's
    :func:`roles`."""
    return {"self_rating": rating_of(answers.get(rating_qid)) if rating_qid else None,
            "self_check": checklist_frequencies(answers.get(check.id)) if check is not None else None,
            "summary_version": SUMMARY_VERSION}


def summarize(template: Template, answers: dict[str, Any]) -> dict[str, Any]:
    """The summary columns of a review with these (stored, coerced) answers."""
    return summary_from(*roles(template), answers)
