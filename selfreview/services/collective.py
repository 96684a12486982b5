"""The collective's own review of a round (Mẫu 01, báo cáo kiểm điểm tập thể): one review with no
profile and no member, tied to the cell and the round. It is edited, checked, scored and finalized
with :class:`selfreview.services.reviews.ReviewService` like any other review; this service finds
or creates it and sums it up for the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.db.models import Review, ReviewRound
from selfreview.forms import registry
from selfreview.rating import Problem, Suggestion
from selfreview.services import audit, templates
from selfreview.services.dto import ReviewDetail
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.reviews import prefill_previous

COLLECTIVE = "collective"
DEFAULT_FORM = "hd43-2025-01"


@dataclass(frozen=True)
class CollectiveSummary:
    """The collective's report in a line: its scores /30, /70, /100 and its proposed rating."""

    review_id: int
    status: str  # draft | finalized | sent
    general: Decimal | None  # /30
    tasks: Decimal | None  # /70
    total: Decimal | None  # /100
    total_max: Decimal
    proposed: str | None  # Rating value the collective proposes for itself
    suggestion: Suggestion
    problems: tuple[Problem, ...]


def _current(s: Session, round_id: int) -> Review | None:
    return s.scalars(select(Review).where(Review.round_id == round_id, Review.is_collective, Review.is_current)
                     .order_by(Review.id.desc())).first()


class CollectiveService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def review_id(self, round_id: int) -> int | None:
        """The current collective review of the round, if one was started."""
        with self.ctx.read() as s:
            r = _current(s, round_id)
            return r.id if r else None

    def open(self, round_id: int) -> ReviewDetail:
        """The round's collective review, created on Mẫu 01 (the round's "collective" form, else the
        bundled one) with section III prefilled from the cell's previous collective review."""
        with self.ctx.session() as s:
            rnd = s.get(ReviewRound, round_id)
            if rnd is None:
                raise NotFound.of("round.not_found", id=round_id)
            r = _current(s, round_id)
            if r is None:
                form = (rnd.forms or {}).get(COLLECTIVE)
                if form:
                    t = templates.by_hash(s, form["hash"], form.get("id", ""), form.get("version", 0))
                    digest = form["hash"]
                else:
                    info = registry.for_category(COLLECTIVE) or registry.find(DEFAULT_FORM)
                    if info is None:
                        raise ServiceError.of("collective.no_form", id=DEFAULT_FORM)
                    t, digest = info.template, templates.store(s, info.template)
                r = Review(round_id=rnd.id, cell_id=rnd.cell_id, is_collective=True, period=rnd.period,
                           template_id=t.id, template_version=t.version, template_hash=digest, status="draft",
                           revision=1, is_current=True, entered_by_secretary=True)
                s.add(r)
                s.flush()
                prefill_previous(s, r, t)
                audit.record(s, "collective.create", "", review_id=r.id, round_id=rnd.id, cell_id=rnd.cell_id)
            rid = r.id
        return self.ctx.reviews.open(rid)

    def summary(self, round_id: int) -> CollectiveSummary | None:
        """Scores and the proposed rating of the round's collective review (None if not started)."""
        rid = self.review_id(round_id)
        if rid is None:
            return None
        detail = self.ctx.reviews.open(rid)
        sc = self.ctx.reviews.scores(rid)
        return CollectiveSummary(rid, detail.summary.status, sc.general, sc.tasks, sc.total, sc.total_max,
                                 sc.proposed, sc.suggestion, sc.problems)
