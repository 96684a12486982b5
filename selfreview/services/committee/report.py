"""The ``report`` a results file carries (exchange/results.py), built from what the office holds.

A cell: its round's roll-call (form, scores, self-proposed and cell-proposed rating, why a member
is not rated), the meeting's votes, the collective's review (Mẫu 01) in a line, the responsibility
self-check counts with the small counts hidden exactly as the cell summary PDF hides them
(reports/tallies.py), and, when asked, each member's full review.

A committee: the reports it imported from its organisations (``units``), each member's decided
rating filled in, so the committee above sees its cells' results.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from selfreview.forms import canonical_json, registry
from selfreview.messages import msg
from selfreview.reports.tallies import responsibility_rows
from selfreview.services.rollcall import RollCallRow

NOT_SUBMITTED, NOT_PROPOSED, NOT_FINALIZED = "not_submitted", "not_proposed", "not_finalized"


def _num(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return format(Decimal(value).normalize(), "f")


def _scores(state) -> dict[str, str | None] | None:
    if state is None:
        return None
    return {"general": _num(state.general), "tasks": _num(state.tasks), "total": _num(state.total),
            "total_max": _num(state.total_max)}


def _reason(row: RollCallRow) -> dict[str, str] | None:
    if row.cell_rating:
        return None
    code = (NOT_SUBMITTED if row.review_id is None
            else NOT_FINALIZED if row.review_status == "draft" else NOT_PROPOSED)
    m = msg(f"results.reason.{code}")
    return {"code": code, "vi": m.vi, "en": m.en}


def _review(ctx, review_id: int) -> dict[str, Any]:
    d = ctx.reviews.open(review_id)
    template: dict[str, Any] = {"id": d.template.id, "version": d.template.version, "hash": d.template_hash}
    if registry.find_by_hash(d.template_hash) is None:
        template["body"] = json.loads(canonical_json(d.template))
    return {"template": template, "answers": d.answers}


def cell_report(ctx, round_id: int, with_reviews: bool = False, min_count: int = 3) -> dict[str, Any]:
    """The report of a cell's round (see the module's docstring)."""
    rc = ctx.rollcall.roll_call(round_id)
    rnd = ctx.cells.get_round(round_id)
    cell = ctx.cells.get_cell(rc.cell_id)
    meeting = ctx.meetings.get(round_id) if ctx.meetings.exists(round_id) else None
    votes = {r.member_id: r.votes.as_dict() for r in (meeting.results if meeting else ()) if r.recorded}
    decided = {a.member_id: a.competent_rating for a in ctx.assessments.list(round_id)}
    summary = ctx.reports.cell_report(rc.cell_id, rc.period, min_count=min_count)
    members = []
    for row in rc.rows:
        state = ctx.reviews.scores(row.review_id) if row.review_id is not None else None
        reason = _reason(row)
        members.append({
            "ref": str(row.member_id), "full_name": row.name,
            "date_of_birth": row.date_of_birth.isoformat() if row.date_of_birth else None,
            "post": row.post, "category": row.category,
            "form": (rnd.forms.get(row.category) or {}).get("id"),
            "submitted": row.has_submission, "status": "not_rated" if reason else "rated", "reason": reason,
            "scores": _scores(state), "self_rating": row.self_rating, "cell_rating": row.cell_rating,
            "decided_rating": decided.get(row.member_id), "votes": votes.get(row.member_id),
            "review": _review(ctx, row.review_id) if with_reviews and row.review_id is not None else None})
    collective = None
    cs = ctx.collective.summary(round_id)
    if cs is not None:
        collective = {"status": cs.status,
                      "scores": {"general": _num(cs.general), "tasks": _num(cs.tasks), "total": _num(cs.total),
                                 "total_max": _num(cs.total_max)},
                      "proposed_rating": cs.proposed, "votes": votes.get(None)}
    meeting_part = None
    if meeting is not None:
        meeting_part = {"starts_at": meeting.starts_at.isoformat(timespec="minutes") if meeting.starts_at else None,
                        "place": meeting.place, "chair": meeting.chair, "present": meeting.present,
                        "total": meeting.total_members}
    return {
        "organisation": {"uid": rnd.uid, "name": cell.name, "superior_body": cell.superior_body, "kind": "cell"},
        "period": rc.period, "quota_percent": summary.quota_percent, "min_count": min_count,
        "members": members, "collective": collective, "meeting": meeting_part,
        "responsibility": responsibility_part(summary.responsibility, min_count), "units": []}


def responsibility_part(tally, min_count: int) -> dict[str, Any]:
    """The self-check counts as the PDF prints them: a count from 1 to ``min_count - 1`` is null
    (hidden), and so is a total that would give a hidden count away."""
    rows = responsibility_rows(tally, min_count)
    behaviours = [{"id": b.id, "label": r.label,
                   "sometimes": None if r.sometimes.hidden else r.sometimes.value,
                   "often": None if r.often.hidden else r.often.value,
                   "total": None if r.total.hidden else r.total.value}
                  for b, r in zip(tally.behaviours, rows)]
    respondents = tally.respondents
    return {"min_count": min_count, "respondents": None if 0 < respondents < min_count else respondents,
            "behaviours": behaviours}


def with_decisions(report: dict[str, Any], decided: dict[tuple[str, str], str | None]) -> dict[str, Any]:
    """A copy of an imported report with each member's ``decided_rating`` set from ``decided``
    ((unit uid, ref) -> rating), through every unit."""
    uid = report["organisation"]["uid"]
    out = dict(report)
    out["members"] = [dict(m, decided_rating=decided.get((uid, m["ref"]), m["decided_rating"]))
                      for m in report["members"]]
    out["units"] = [with_decisions(u, decided) for u in report["units"]]
    return out


def all_members(report: dict[str, Any]):
    """(unit report, member) for every member of the report and of its units, depth first."""
    for m in report["members"]:
        yield report, m
    for u in report["units"]:
        yield from all_members(u)
