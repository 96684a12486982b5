"""Gather the minutes of a meeting (``selfreview.reports.minutes.MinutesReport``) from the meeting,
the roll-call (scores and self-proposed ratings), the collective's report and the quota."""

from __future__ import annotations

from selfreview.reports.data import Header
from selfreview.reports.markup import cell_title
from selfreview.reports.minutes import MinutesLine, MinutesReport
from selfreview.text import nfc


def build_minutes(ctx, meeting, place: str | None = None, number: str = "") -> MinutesReport:
    """``meeting`` is a ``MeetingData``. ``place`` before the date in the header (a locality, "Hà Nội"):
    the given one, else the saved report place, else dots to fill in by hand."""
    rollcall = ctx.rollcall.roll_call(meeting.round_id)
    by_member = {r.member_id: r for r in rollcall.rows}
    lines: list[MinutesLine] = []
    collective = None
    for res in meeting.results:
        if res.member_id is None:
            summary = ctx.collective.summary(meeting.round_id)
            collective = MinutesLine(
                "Tập thể chi bộ", total=summary.total if summary else None,
                self_rating=summary.proposed if summary else None, committee_rating=res.committee_rating,
                votes=res.votes.as_dict(), final_rating=res.final_rating, opinions=res.opinions,
                recorded=res.recorded, general=summary.general if summary else None,
                tasks=summary.tasks if summary else None)
            continue
        row = by_member.get(res.member_id)
        lines.append(MinutesLine(
            res.name, res.post, total=row.total if row else None, self_rating=row.self_rating if row else None,
            committee_rating=res.committee_rating, votes=res.votes.as_dict(),
            final_rating=res.final_rating,  # only what the meeting voted: blank where it did not
            opinions=res.opinions, recorded=res.recorded))
    if collective is None:  # the collective report exists but was not voted on: still say what it proposed
        summary = ctx.collective.summary(meeting.round_id)
        if summary is not None:
            collective = MinutesLine("Tập thể chi bộ", total=summary.total, self_rating=summary.proposed,
                                     recorded=False, general=summary.general, tasks=summary.tasks)
    if place is None:
        place = ctx.reports.place()
    header = Header(meeting.superior_body, cell_title(meeting.cell), nfc(place or ""),
                    meeting.starts_at.date() if meeting.starts_at else None, number or None, "-BB/CB")
    quota = ctx.assessments.quota(meeting.round_id)
    return MinutesReport(
        header=header, cell=meeting.cell, period=meeting.period, starts_at=meeting.starts_at,
        ends_at=meeting.ends_at, place=meeting.place, chair=meeting.chair, recorder=meeting.recorder,
        total_members=meeting.total_members, present=meeting.present,
        absent=tuple((a.name, a.reason) for a in meeting.absent),
        guests=tuple((g.name, g.position) for g in meeting.guests), content=meeting.content,
        collective=collective, members=tuple(lines), conclusions=meeting.conclusions,
        quota_line=quota.summary_vi)
