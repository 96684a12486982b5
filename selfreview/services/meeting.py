"""The cell's review meeting of a round (hội nghị kiểm điểm): when and where, chair and recorder,
attendance, the vote on each member (and on the collective), conclusions; and its minutes (biên
bản) as a PDF.

How votes are kept: for each member, how many of those present voted for each of the four levels
(HTXSNV, HTTNV, HTNV, KHTNV). Agree/disagree with a proposal is the special case where one level
gets the "agree" votes. No official rule on how a cell votes was found, so the app applies none:
the secretary records the rating the cell proposes as the result, and the app warns (never blocks)
when that is not the level with the most votes or when more votes than people present were counted.
The rating the meeting settles on becomes the cell's proposed rating of the member (the assessment),
so the roll-call, the quota and the reports all show it; the committee's earlier proposal is kept
with the result for the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.db.models import Assessment, Meeting, MeetingAttendance, MeetingResult, Member, ReviewRound, utcnow
from selfreview.messages import Message, msg
from selfreview.rating import Rating
from selfreview.services import audit
from selfreview.services.assessment import valid_rating
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.rollcall import member_order, posts_of
from selfreview.text import nfc

_UNSET: Any = object()
MAX_TEXT = 50000


@dataclass(frozen=True)
class Votes:
    """Votes for each level. ``Votes(httnv=27, htnv=1)``."""

    htxsnv: int = 0
    httnv: int = 0
    htnv: int = 0
    khtnv: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ServiceError.of("meeting.bad_votes")

    @classmethod
    def of(cls, value: "Votes | dict[str, int] | None") -> "Votes":
        if value is None:
            return cls()
        if isinstance(value, Votes):
            return value
        unknown = set(value) - {r.value for r in Rating}
        if unknown:
            raise ServiceError.of("meeting.bad_votes")
        return cls(**{k: v for k, v in value.items()})

    @property
    def total(self) -> int:
        return self.htxsnv + self.httnv + self.htnv + self.khtnv

    def get(self, rating: str | Rating) -> int:
        return getattr(self, Rating(rating).value)

    def most(self) -> tuple[str, ...]:
        """The level(s) with the most votes (empty when nobody voted)."""
        top = max(self.get(r) for r in Rating)
        return tuple(r.value for r in Rating if top and self.get(r) == top)

    def as_dict(self) -> dict[str, int]:
        return {r.value: self.get(r) for r in Rating}


@dataclass(frozen=True)
class Guest:
    name: str
    position: str = ""


@dataclass(frozen=True)
class Attendance:
    member_id: int
    name: str
    post: str
    present: bool | None  # None: not recorded yet
    reason: str = ""  # why absent


@dataclass(frozen=True)
class Result:
    """The meeting's vote on one member, or on the collective (``member_id`` None)."""

    member_id: int | None
    name: str
    post: str
    category: str  # leader | non_leader | outside_system | collective
    committee_rating: str | None  # the committee's proposal (before the vote)
    votes: Votes
    final_rating: str | None  # the cell's proposed rating after the vote
    opinions: str
    recorded: bool


@dataclass(frozen=True)
class MeetingData:
    id: int
    round_id: int
    cell: str
    superior_body: str
    period: str
    starts_at: datetime | None  # local time
    ends_at: datetime | None
    place: str
    chair: str
    recorder: str
    guests: tuple[Guest, ...]
    content: str
    conclusions: str
    attendance: tuple[Attendance, ...]  # every roster member, in meeting order
    results: tuple[Result, ...]  # the collective first (if voted on), then every member in meeting order
    problems: tuple[Message, ...]  # things to finish or look at before printing (warnings only)

    @property
    def total_members(self) -> int:
        return len(self.attendance)

    @property
    def present(self) -> int:
        return sum(1 for a in self.attendance if a.present)

    @property
    def absent(self) -> tuple[Attendance, ...]:
        return tuple(a for a in self.attendance if a.present is False)


def default_content(period: str) -> str:
    p = nfc(period).strip()
    when = f"năm {p}" if p.isdigit() else p
    return (f"Kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và đảng viên {when}: nghe báo cáo kiểm "
            "điểm của tập thể; từng đảng viên trình bày bản kiểm điểm, chi bộ góp ý, chi ủy nêu nhận xét và "
            "đề xuất, hội nghị biểu quyết mức xếp loại.")


def _text(value: str | None, multiline: bool = True) -> str:
    text = nfc(value or "").replace("\r\n", "\n").strip()
    if not multiline:
        text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise ServiceError.of("answer.too_long", n=len(text), max=MAX_TEXT)
    return text


class MeetingService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    # -- loading ---------------------------------------------------------------------------------
    def _round(self, s: Session, round_id: int) -> ReviewRound:
        rnd = s.get(ReviewRound, round_id)
        if rnd is None:
            raise NotFound.of("round.not_found", id=round_id)
        return rnd

    def _meeting(self, s: Session, round_id: int, create: bool = False) -> Meeting:
        mt = s.scalars(select(Meeting).where(Meeting.round_id == round_id)).first()
        if mt is None:
            rnd = self._round(s, round_id)
            if not create:
                raise NotFound.of("meeting.not_found")
            mt = Meeting(round_id=round_id, content=default_content(rnd.period), guests=[])
            s.add(mt)
            s.flush()
            audit.record(s, "meeting.create", "", round_id=round_id, meeting_id=mt.id)
        return mt

    def exists(self, round_id: int) -> bool:
        with self.ctx.read() as s:
            return s.scalars(select(Meeting.id).where(Meeting.round_id == round_id)).first() is not None

    def open(self, round_id: int) -> MeetingData:
        """The round's meeting, created (empty, with a default content line) the first time."""
        with self.ctx.session() as s:
            self._meeting(s, round_id, create=True)
        return self.get(round_id)

    def get(self, round_id: int) -> MeetingData:
        with self.ctx.read() as s:
            mt = self._meeting(s, round_id)
            return self._data(s, mt)

    def _data(self, s: Session, mt: Meeting) -> MeetingData:
        rnd = self._round(s, mt.round_id)
        members = sorted(s.scalars(select(Member).where(Member.cell_id == rnd.cell_id)),
                         key=lambda m: member_order(m.category, m.meeting_order, m.full_name, m.id))
        att = {a.member_id: a for a in s.scalars(select(MeetingAttendance)
                                                 .where(MeetingAttendance.meeting_id == mt.id))}
        res = {r.member_id: r for r in s.scalars(select(MeetingResult).where(MeetingResult.meeting_id == mt.id))}
        assessed = dict(s.execute(select(Assessment.member_id, Assessment.proposed_rating)
                                  .where(Assessment.round_id == rnd.id)).all())
        attendance = tuple(Attendance(m.id, m.full_name, posts_of(m), att[m.id].present if m.id in att else None,
                                      att[m.id].reason if m.id in att else "") for m in members)
        results: list[Result] = []
        if None in res:
            results.append(self._result(res[None], None, msg("meeting.collective").vi, "", "collective", None))
        for m in members:
            results.append(self._result(res.get(m.id), m.id, m.full_name, posts_of(m), m.category,
                                        assessed.get(m.id)))
        guests = tuple(Guest(g.get("name", ""), g.get("position", "")) for g in (mt.guests or [])
                       if isinstance(g, dict))
        data = MeetingData(mt.id, rnd.id, rnd.cell.name, rnd.cell.superior_body, rnd.period, mt.starts_at,
                           mt.ends_at, mt.place, mt.chair, mt.recorder, guests, mt.content, mt.conclusions,
                           attendance, tuple(results), ())
        return replace(data, problems=tuple(problems_of(data)))

    @staticmethod
    def _result(r: MeetingResult | None, member_id: int | None, name: str, post: str, category: str,
                assessed: str | None) -> Result:
        if r is None:
            return Result(member_id, name, post, category, assessed, Votes(), None, "", False)
        votes = Votes(r.votes_htxsnv, r.votes_httnv, r.votes_htnv, r.votes_khtnv)
        return Result(member_id, name, post, category, r.committee_rating, votes, r.final_rating, r.opinions, True)

    # -- editing ---------------------------------------------------------------------------------
    def update(self, round_id: int, *, starts_at: datetime | None = _UNSET, ends_at: datetime | None = _UNSET,
               place: str = _UNSET, chair: str = _UNSET, recorder: str = _UNSET,
               guests: list[Guest] | list[dict] = _UNSET, content: str = _UNSET,
               conclusions: str = _UNSET) -> MeetingData:
        """Change what is given; what is left out stays. Times are local wall-clock times, to the minute."""
        with self.ctx.session() as s:
            mt = self._meeting(s, round_id, create=True)
            if starts_at is not _UNSET:
                mt.starts_at = starts_at.replace(tzinfo=None, second=0, microsecond=0) if starts_at else None
            if ends_at is not _UNSET:
                mt.ends_at = ends_at.replace(tzinfo=None, second=0, microsecond=0) if ends_at else None
            if mt.starts_at and mt.ends_at and mt.ends_at <= mt.starts_at:
                raise ServiceError.of("meeting.ends_before_start")
            for name, value in (("place", place), ("chair", chair), ("recorder", recorder)):
                if value is not _UNSET:
                    setattr(mt, name, _text(value, multiline=False)[:300 if name == "place" else 200])
            if content is not _UNSET:
                mt.content = _text(content)
            if conclusions is not _UNSET:
                mt.conclusions = _text(conclusions)
            if guests is not _UNSET:
                out = []
                for g in guests or []:
                    g = g if isinstance(g, Guest) else Guest(g.get("name", ""), g.get("position", ""))
                    name = _text(g.name, multiline=False)
                    if name:
                        out.append({"name": name, "position": _text(g.position, multiline=False)})
                mt.guests = out
            mt.updated_at = utcnow()
        return self.get(round_id)

    def _member_of(self, s: Session, round_id: int, member_id: int) -> Member:
        rnd = self._round(s, round_id)
        m = s.get(Member, member_id)
        if m is None or m.cell_id != rnd.cell_id:
            raise NotFound.of("member.not_in_round", id=member_id)
        return m

    def set_attendance(self, round_id: int, member_id: int, present: bool, reason: str = "") -> MeetingData:
        """Mark one member present, or absent with the reason (đi công tác, ốm, …)."""
        self.set_attendance_many(round_id, {member_id: (present, reason)})
        return self.get(round_id)

    def set_attendance_many(self, round_id: int, entries: dict[int, tuple[bool, str]]) -> None:
        with self.ctx.session() as s:
            mt = self._meeting(s, round_id, create=True)
            for member_id, (present, reason) in entries.items():
                self._member_of(s, round_id, member_id)
                row = s.get(MeetingAttendance, (mt.id, member_id))
                if row is None:
                    row = MeetingAttendance(meeting_id=mt.id, member_id=member_id)
                    s.add(row)
                row.present = bool(present)
                row.reason = "" if present else _text(reason, multiline=False)

    def mark_all_present(self, round_id: int) -> MeetingData:
        """Everyone on the roster present, except those already marked absent."""
        with self.ctx.read() as s:
            rnd = self._round(s, round_id)
            ids = list(s.scalars(select(Member.id).where(Member.cell_id == rnd.cell_id)))
        current = {a.member_id: a for a in self.get(round_id).attendance} if self.exists(round_id) else {}
        self.set_attendance_many(round_id, {mid: (True, "") for mid in ids
                                            if mid not in current or current[mid].present is not False})
        return self.get(round_id)

    def record_result(self, round_id: int, member_id: int | None, votes: Votes | dict[str, int] | None,
                      final_rating: str | Rating | None, opinions: str = "") -> MeetingData:
        """The vote on a member (``member_id``) or on the collective (``member_id=None``) and the
        rating the cell proposes as a result; for a member it also becomes the assessment's proposed
        rating. Returns the meeting with its warnings (see ``MeetingData.problems``)."""
        votes = Votes.of(votes)
        final = valid_rating(final_rating)
        own = None  # the collective's own proposal stands for the committee's
        if member_id is None:
            summary = self.ctx.collective.summary(round_id)
            own = summary.proposed if summary else None
        with self.ctx.session() as s:
            mt = self._meeting(s, round_id, create=True)
            if member_id is not None:
                self._member_of(s, round_id, member_id)
            row = s.scalars(select(MeetingResult).where(
                MeetingResult.meeting_id == mt.id,
                MeetingResult.member_id.is_(None) if member_id is None else MeetingResult.member_id == member_id
            )).first()
            a = None
            if member_id is not None:
                a = s.scalars(select(Assessment).where(Assessment.round_id == round_id,
                                                       Assessment.member_id == member_id)).first()
            if row is None:  # the first record keeps what was proposed before the vote
                before = own if member_id is None else (a.proposed_rating if a else None)
                row = MeetingResult(meeting_id=mt.id, member_id=member_id, is_collective=member_id is None,
                                    committee_rating=before)
                s.add(row)
            row.votes_htxsnv, row.votes_httnv, row.votes_htnv, row.votes_khtnv = (
                votes.htxsnv, votes.httnv, votes.htnv, votes.khtnv)
            row.final_rating = final
            row.opinions = _text(opinions)
            row.updated_at = utcnow()
            if member_id is not None and final is not None:
                if a is None:
                    a = Assessment(member_id=member_id, round_id=round_id, comments="")
                    s.add(a)
                if a.proposed_rating != final:
                    audit.record(s, "assessment.rating", "", round_id=round_id, member_id=member_id,
                                 before=a.proposed_rating, after=final, by="meeting")
                a.proposed_rating = final
                a.updated_at = utcnow()
            audit.record(s, "meeting.result", "", round_id=round_id, member_id=member_id,
                         votes=votes.as_dict(), final=final)
        return self.get(round_id)

    # -- the minutes -----------------------------------------------------------------------------
    def minutes_report(self, round_id: int, place: str | None = None, number: str = ""):
        """The minutes as plain data for :mod:`selfreview.reports.minutes`."""
        from selfreview.services.meeting_minutes import build_minutes
        return build_minutes(self.ctx, self.get(round_id), place, number)

    def write_minutes(self, round_id: int, out: str | Path, setup=None, place: str | None = None,
                      number: str = "", progress=None, should_cancel=None) -> Path:
        """Write the minutes atomically (a temporary file renamed onto ``out``): a PDF, or a Word
        document when ``out`` ends in ``.docx``."""
        from selfreview.cancel import check_cancel
        from selfreview.reports.atomic import atomic_path
        from selfreview.reports.minutes import write_minutes
        from selfreview.services.reporting import output_kind
        kind = output_kind(out, ("pdf", "docx"))
        check_cancel(should_cancel)
        report = self.minutes_report(round_id, place, number)
        setup = setup or self.ctx.reports.page_setup()
        out = Path(out)
        with atomic_path(out) as tmp:
            if kind == "docx":
                from selfreview.reports.word_minutes import write_minutes_docx
                write_minutes_docx(report, str(tmp), setup)
            else:
                write_minutes(report, str(tmp), setup, progress, should_cancel)
        return out


def problems_of(m: MeetingData) -> list[Message]:
    """What to finish or check before the minutes are printed. Warnings; nothing is blocked."""
    out: list[Message] = []
    if not m.chair:
        out.append(msg("meeting.no_chair"))
    if not m.recorder:
        out.append(msg("meeting.no_recorder"))
    unrecorded = sum(1 for a in m.attendance if a.present is None)
    if unrecorded:
        out.append(msg("meeting.attendance_missing", n=unrecorded))
    out += [msg("meeting.absent_no_reason", name=a.name) for a in m.attendance
            if a.present is False and not a.reason]
    missing = sum(1 for r in m.results if r.member_id is not None and not r.recorded)
    if missing:
        out.append(msg("meeting.result_missing", n=missing))
    collective = msg("meeting.collective")
    for r in m.results:
        if not r.recorded:
            continue
        who = r.name if r.member_id is not None else collective.vi
        who_en = r.name if r.member_id is not None else collective.en
        if r.votes.total > m.present:
            out.append(msg("meeting.votes_exceed", who=who, who_en=who_en, votes=r.votes.total, present=m.present))
        if r.final_rating is None:
            out.append(msg("meeting.final_missing", who=who, who_en=who_en))
        elif r.votes.total and r.final_rating not in r.votes.most():
            out.append(msg("meeting.not_most_votes", who=who, who_en=who_en, rating=Rating(r.final_rating).short))
    return out
