"""The cell committee's assessment of each member: comments and the cell's proposed rating, checked
against the member's score and conditions (QĐ 366 Article 11), and the round's HTXSNV quota
(khoản 1.5) recomputed from the cell's proposed ratings.

It counts and explains; it never decides: the competent level does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.db.models import Assessment, Member, Review, ReviewRound, utcnow
from selfreview.forms.scoring import rating_input, score_parts
from selfreview.messages import Message, msg
from selfreview.rating import (
    QUOTA_PERCENTS, Problem, QuotaCheck, Rating, Suggestion, check_proposed, quota_check, suggest,
)
from selfreview.services import audit, templates
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.reviews import answers_of
from selfreview.text import nfc

MAX_COMMENTS = 20000
_UNSET: Any = object()


@dataclass(frozen=True)
class AssessmentData:
    member_id: int
    round_id: int
    comments: str = ""
    proposed_rating: str | None = None  # the cell's proposed rating (Rating value)
    competent_rating: str | None = None  # what the competent level decided, when known
    updated_at: datetime | None = None


@dataclass(frozen=True)
class RuleCheck:
    """The cell's proposed rating against the member's own review. ``problems`` are warnings only."""

    member_id: int
    proposed: str | None
    has_review: bool
    total: Decimal | None
    suggestion: Suggestion | None  # what the score and the ticked conditions suggest
    problems: tuple[Problem, ...]
    note: Message | None = None  # e.g. no review to check against


@dataclass(frozen=True)
class QuotaState:
    """HTXSNV against 20% (or 25%) of HTTNV among the cell's proposed ratings, for the whole cell and
    for each member category (people of comparable position, khoản 1.5)."""

    check: QuotaCheck
    counts: dict[str, int]  # Rating value -> members the cell proposes at that level
    unrated: int  # members with no proposed rating yet
    by_category: dict[str, QuotaCheck]

    percent = property(lambda self: self.check.percent)
    ok = property(lambda self: self.check.ok)
    over_by = property(lambda self: self.check.over_by)
    max_excellent = property(lambda self: self.check.max_excellent)
    summary_vi = property(lambda self: self.check.summary("vi"))
    summary_en = property(lambda self: self.check.summary("en"))


@dataclass(frozen=True)
class AssessmentResult:
    """What the screen refreshes after a change: the saved assessment, its check, the quota."""

    assessment: AssessmentData
    check: RuleCheck
    quota: QuotaState


def valid_rating(value: str | Rating | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return Rating(value.value if isinstance(value, Rating) else value).value
    except ValueError:
        raise ServiceError.of("assessment.bad_rating", value=value) from None


def _data(a: Assessment | None, member_id: int, round_id: int) -> AssessmentData:
    if a is None:
        return AssessmentData(member_id, round_id)
    return AssessmentData(a.member_id, a.round_id, a.comments or "", a.proposed_rating, a.competent_rating,
                          a.updated_at)


def quota_state(ratings: dict[int, str | None], categories: dict[int, str], percent: int) -> QuotaState:
    """The quota from the cell's proposed ratings (member id -> rating value or None)."""
    counts = Counter(r for r in ratings.values() if r)
    by_cat: dict[str, Counter] = {}
    for mid, r in ratings.items():
        if r:
            by_cat.setdefault(categories[mid], Counter())[r] += 1
    return QuotaState(
        quota_check(counts.get("htxsnv", 0), counts.get("httnv", 0), percent),
        {r.value: counts.get(r.value, 0) for r in Rating},
        sum(1 for r in ratings.values() if not r),
        {cat: quota_check(c.get("htxsnv", 0), c.get("httnv", 0), percent) for cat, c in sorted(by_cat.items())})


class AssessmentService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _round(self, s: Session, round_id: int) -> ReviewRound:
        rnd = s.get(ReviewRound, round_id)
        if rnd is None:
            raise NotFound.of("round.not_found", id=round_id)
        return rnd

    def _member(self, s: Session, rnd: ReviewRound, member_id: int) -> Member:
        m = s.get(Member, member_id)
        if m is None or m.cell_id != rnd.cell_id:
            raise NotFound.of("member.not_in_round", id=member_id)
        return m

    def _row(self, s: Session, round_id: int, member_id: int) -> Assessment | None:
        return s.scalars(select(Assessment).where(Assessment.round_id == round_id,
                                                  Assessment.member_id == member_id)).first()

    # -- reading ---------------------------------------------------------------------------------
    def get(self, round_id: int, member_id: int) -> AssessmentData:
        with self.ctx.read() as s:
            self._member(s, self._round(s, round_id), member_id)
            return _data(self._row(s, round_id, member_id), member_id, round_id)

    def list(self, round_id: int) -> list[AssessmentData]:
        with self.ctx.read() as s:
            self._round(s, round_id)
            return [_data(a, a.member_id, a.round_id)
                    for a in s.scalars(select(Assessment).where(Assessment.round_id == round_id)
                                       .order_by(Assessment.member_id))]

    # -- writing ---------------------------------------------------------------------------------
    def set_assessment(self, round_id: int, member_id: int, comments: str | None = None,
                       proposed_rating: str | Rating | None = _UNSET) -> AssessmentResult:
        """Save the committee's comments and/or the cell's proposed rating (an argument left out is
        left as it is; ``proposed_rating=None`` clears it). Returns the check and quota after it."""
        with self.ctx.session() as s:
            rnd = self._round(s, round_id)
            m = self._member(s, rnd, member_id)
            a = self._row(s, round_id, member_id)
            if a is None:
                a = Assessment(member_id=member_id, round_id=round_id, comments="")
                s.add(a)
            if comments is not None:
                text = nfc(comments).replace("\r\n", "\n").strip()
                if len(text) > MAX_COMMENTS:
                    raise ServiceError.of("answer.too_long", n=len(text), max=MAX_COMMENTS)
                a.comments = text
            if proposed_rating is not _UNSET:
                new = valid_rating(proposed_rating)
                if new != a.proposed_rating:
                    audit.record(s, "assessment.rating", "", round_id=round_id, member_id=m.id,
                                 before=a.proposed_rating, after=new)
                a.proposed_rating = new
            a.updated_at = utcnow()
            s.flush()
            data = _data(a, member_id, round_id)
        return AssessmentResult(data, self.check(round_id, member_id), self.quota(round_id))

    def set_competent_rating(self, round_id: int, member_id: int, rating: str | Rating | None) -> AssessmentData:
        """Record what the competent level decided (after the fact; the app never decides)."""
        with self.ctx.session() as s:
            self._member(s, self._round(s, round_id), member_id)
            a = self._row(s, round_id, member_id)
            if a is None:
                a = Assessment(member_id=member_id, round_id=round_id, comments="")
                s.add(a)
            a.competent_rating = valid_rating(rating)
            a.updated_at = utcnow()
            audit.record(s, "assessment.competent_rating", "", round_id=round_id, member_id=member_id,
                         rating=a.competent_rating)
            s.flush()
            return _data(a, member_id, round_id)

    def set_quota_percent(self, round_id: int, percent: int) -> QuotaState:
        """20 (the rule) or 25 (where the competent level allows it for an outstanding unit)."""
        if percent not in QUOTA_PERCENTS or isinstance(percent, bool):
            raise ServiceError.of("round.bad_quota")
        with self.ctx.session() as s:
            rnd = self._round(s, round_id)
            rnd.quota_percent = percent
            audit.record(s, "round.quota_percent", "", round_id=round_id, percent=percent)
        return self.quota(round_id)

    # -- checking --------------------------------------------------------------------------------
    def check(self, round_id: int, member_id: int, proposed: str | Rating | None = _UNSET) -> RuleCheck:
        """The cell's proposed rating (saved, or ``proposed`` to try one) against the member's score
        and the conditions they ticked in their current review of this round."""
        with self.ctx.read() as s:
            rnd = self._round(s, round_id)
            self._member(s, rnd, member_id)
            if proposed is _UNSET:
                a = self._row(s, round_id, member_id)
                proposed = a.proposed_rating if a else None
            proposed = valid_rating(proposed)
            r = s.scalars(select(Review).where(Review.round_id == round_id, Review.member_id == member_id,
                                               Review.is_current)).first()
            if r is None:
                return RuleCheck(member_id, proposed, False, None, None, (), msg("assessment.no_review"))
            t = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
            answers = answers_of(s, r.id)
        total = score_parts(t, answers)[2]
        inp = rating_input(t, answers)
        return RuleCheck(member_id, proposed, True, total, suggest(inp), check_proposed(inp, proposed, by="cell"))

    def quota(self, round_id: int, overrides: dict[int, str | None] | None = None) -> QuotaState:
        """The quota from the cell's proposed ratings; ``overrides`` (member id -> rating) tries
        changes without saving them, for a live preview while the secretary chooses."""
        with self.ctx.read() as s:
            rnd = self._round(s, round_id)
            categories = dict(s.execute(select(Member.id, Member.category)
                                        .where(Member.cell_id == rnd.cell_id)).all())
            ratings: dict[int, str | None] = {mid: None for mid in categories}
            for mid, rating in s.execute(select(Assessment.member_id, Assessment.proposed_rating)
                                         .where(Assessment.round_id == round_id)):
                if mid in ratings:
                    ratings[mid] = rating
            percent = rnd.quota_percent or 20
        for mid, rating in (overrides or {}).items():
            if mid in ratings:
                ratings[mid] = valid_rating(rating)
        return quota_state(ratings, categories, percent)

    def preview(self, round_id: int, member_id: int, proposed: str | Rating | None) -> AssessmentResult:
        """What choosing ``proposed`` would give (check and quota), saving nothing."""
        current = self.get(round_id, member_id)
        data = AssessmentData(member_id, round_id, current.comments, valid_rating(proposed),
                              current.competent_rating, current.updated_at)
        return AssessmentResult(data, self.check(round_id, member_id, proposed),
                                self.quota(round_id, {member_id: proposed}))
