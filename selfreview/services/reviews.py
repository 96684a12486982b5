"""Reviews: create or open one for a period, save one answer at a time, check, score, finalize,
make a new revision, list."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from selfreview.db.models import Answer, Cell, Member, Profile, Review, utcnow
from selfreview.forms import registry
from selfreview.forms.answers import AnswerError, Issue, coerce, content_hash, section_completion
from selfreview.forms.finalcheck import final_issues
from selfreview.forms.model import Records, Template
from selfreview.forms.scoring import evaluate
from selfreview.messages import msg
from selfreview.rating import member_category
from selfreview.services import audit, templates
from selfreview.services.dto import ReviewDetail, ReviewSummary, ScoreState
from selfreview.services.errors import Locked, NotFound, ServiceError
from selfreview.forms.summary import summarize


def owner_name(session: Session, r: Review) -> str:
    if r.is_collective:  # the collective's report (Mẫu 01): the cell is its owner
        c = session.get(Cell, r.cell_id) if r.cell_id is not None else None
        return c.name if c else ""
    if r.profile_id is not None:
        p = session.get(Profile, r.profile_id)
        return p.full_name if p else ""
    m = session.get(Member, r.member_id) if r.member_id is not None else None
    return m.full_name if m else ""


_SUMMARY_COLUMNS = ("period", "template_id", "template_version", "template_hash", "status", "revision", "is_current",
                    "updated_at", "finalized_at", "profile_id", "member_id", "round_id", "entered_by_secretary")


def summary_of(session: Session, r: Review, template: Template | None = None) -> ReviewSummary:
    template = template or templates.by_hash(session, r.template_hash, r.template_id, r.template_version)
    return ReviewSummary(
        id=r.id, owner=owner_name(session, r), period=r.period, template_id=r.template_id,
        template_version=r.template_version, form_code=template.code.vi if template.code else template.id,
        form_title=template.title.vi, status=r.status, revision=r.revision, is_current=r.is_current,
        updated_at=r.updated_at, finalized_at=r.finalized_at, profile_id=r.profile_id,
        member_id=r.member_id, round_id=r.round_id, entered_by_secretary=r.entered_by_secretary)


def answers_of(session: Session, review_id: int) -> dict[str, Any]:
    rows = session.execute(select(Answer.question_id, Answer.value).where(Answer.review_id == review_id))
    return {qid: value for qid, value in rows}


def shortcoming_lines(value: Any) -> list[str]:
    """The separate shortcomings written in a long answer: one per non-empty line, bullets removed."""
    if isinstance(value, list):  # a records answer
        return [r.get("shortcoming", "").strip() for r in value if r.get("shortcoming", "").strip()]
    if not isinstance(value, str):
        return []
    out = []
    for line in value.splitlines():
        line = line.strip().lstrip("-•*+–").strip()
        if line:
            out.append(line)
    return out


def prefill_previous(s: Session, r: Review, t: Template) -> None:
    """Fill section III of a new review with the shortcomings of the same owner's previous review
    (a profile's, a roster member's, or the cell's collective report), unfixed ones carried on."""
    target = t.role_item("previous_shortcomings")
    if not isinstance(target, Records):
        return
    owner: tuple[ColumnElement[bool] | InstrumentedAttribute[bool], ...]
    if r.is_collective:  # the same cell's earlier collective report
        owner = (Review.is_collective, Review.cell_id == r.cell_id)
    elif r.profile_id is not None:
        owner = (Review.profile_id == r.profile_id,)
    elif r.member_id is not None:  # entered by the secretary: the member's review of an earlier round
        owner = (Review.member_id == r.member_id,)
    else:
        return
    prev = s.scalars(select(Review).where(*owner, Review.period < r.period, Review.is_current)
                     .order_by(Review.period.desc())).first()
    if prev is None:
        return
    pt = templates.by_hash(s, prev.template_hash, prev.template_id, prev.template_version)
    prev_answers = answers_of(s, prev.id)
    items: list[str] = []
    source = pt.roles.get(target.prefill_from or "shortcomings")
    items += shortcoming_lines(prev_answers.get(source)) if source else []
    # earlier shortcomings not yet fixed are carried forward too
    carried = prev_answers.get(pt.roles.get("previous_shortcomings", ""), None) or []
    items += [rec["shortcoming"] for rec in carried
              if rec.get("status") != "fixed" and rec.get("shortcoming") and rec["shortcoming"] not in items]
    if items:
        records = [{"shortcoming": text} for text in items[:target.max_records]]
        s.add(Answer(review_id=r.id, question_id=target.id, value=coerce(target, records)))


class ReviewService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    # -- loading ----------------------------------------------------------------------------------
    def _review(self, s: Session, review_id: int) -> Review:
        r = s.get(Review, review_id)
        if r is None:
            raise NotFound.of("review.not_found", id=review_id)
        return r

    def _template(self, s: Session, r: Review) -> Template:
        return templates.by_hash(s, r.template_hash, r.template_id, r.template_version)

    def open(self, review_id: int) -> ReviewDetail:
        with self.ctx.read() as s:
            r = self._review(s, review_id)
            t = self._template(s, r)
            return ReviewDetail(summary_of(s, r, t), t, r.template_hash, answers_of(s, r.id), r.last_section)

    def answers(self, review_id: int) -> dict[str, Any]:
        with self.ctx.read() as s:
            return answers_of(s, review_id)

    # -- creating ---------------------------------------------------------------------------------
    def create(self, profile_id: int, period: str, template_id: str | None = None,
               version: int | None = None, template_hash: str | None = None) -> ReviewDetail:
        """Open the profile's current review for ``period``, or create it (with section III prefilled
        from the previous period's review)."""
        with self.ctx.session() as s:
            existing = s.scalars(select(Review).where(
                Review.profile_id == profile_id, Review.period == period, Review.is_current)).first()
            if existing is not None:
                rid = existing.id
            else:
                profile = s.get(Profile, profile_id)
                if profile is None:
                    raise NotFound.of("review.not_found", id=profile_id)
                if template_hash:
                    t = templates.by_hash(s, template_hash, template_id or "", version or 0)
                    digest = template_hash
                else:
                    info = (registry.find(template_id, version) if template_id
                            else registry.for_category(member_category(profile.is_leader, profile.in_political_system)))
                    if info is None:
                        raise ServiceError(msg("template.unknown", id=template_id, version=version))
                    t, digest = info.template, templates.store(s, info.template)
                r = Review(profile_id=profile_id, period=period, template_id=t.id, template_version=t.version,
                           template_hash=digest, status="draft", revision=1, is_current=True)
                s.add(r)
                s.flush()
                self._prefill_previous(s, r, t)
                audit.record(s, "review.create", profile.full_name, review_id=r.id, period=period, form=t.id)
                rid = r.id
        return self.open(rid)

    def _prefill_previous(self, s: Session, r: Review, t: Template) -> None:
        prefill_previous(s, r, t)

    # -- editing ----------------------------------------------------------------------------------
    def save_answer(self, review_id: int, question_id: str, value: Any) -> Any:
        """Save one answer (what autosave calls). Returns the stored, normalised value."""
        with self.ctx.session() as s:
            r = self._review(s, review_id)
            if r.status != "draft":
                raise Locked(msg("review.locked"))
            t = self._template(s, r)
            item = t.item_index().get(question_id)
            if item is None or not item.stores_answer:
                raise ServiceError(msg("review.unknown_question", qid=question_id))
            try:
                stored = coerce(item, value)
            except AnswerError as e:
                raise ServiceError(e.message) from None
            now = utcnow()
            row = s.get(Answer, (review_id, question_id))
            if stored is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Answer(review_id=review_id, question_id=question_id, value=stored, updated_at=now))
            else:
                row.value, row.updated_at = stored, now
            r.updated_at = now
            return stored

    def set_last_section(self, review_id: int, section_id: str) -> None:
        with self.ctx.session() as s:
            self._review(s, review_id).last_section = section_id

    # -- checking and scoring ---------------------------------------------------------------------
    def validate(self, review_id: int) -> list[Issue]:
        d = self.open(review_id)
        return final_issues(d.template, d.answers)

    def completion(self, review_id: int):
        d = self.open(review_id)
        return section_completion(d.template, d.answers)

    def scores(self, review_id: int) -> ScoreState:
        d = self.open(review_id)
        return score_state(d.template, d.answers)

    # -- locking ----------------------------------------------------------------------------------
    def finalize(self, review_id: int) -> ReviewSummary:
        with self.ctx.session() as s:
            r = self._review(s, review_id)
            if r.status != "draft":
                raise Locked(msg("review.locked"))
            t = self._template(s, r)
            answers = answers_of(s, r.id)
            issues = final_issues(t, answers)
            if issues:
                raise ServiceError(msg("review.has_problems", n=len(issues)))
            r.status, r.finalized_at = "finalized", utcnow()
            if r.entered_by_secretary and r.submitted_at is None:  # typed in from paper: handed in now
                r.submitted_at = r.finalized_at
            r.content_hash = content_hash(answers)
            _set_summary(r, t, answers)
            audit.record(s, "review.finalize", owner_name(s, r), review_id=r.id, revision=r.revision)
            return summary_of(s, r, t)

    def mark_sent(self, review_id: int) -> None:
        with self.ctx.session() as s:
            r = self._review(s, review_id)
            if r.status == "finalized":
                r.status = "sent"

    def new_revision(self, review_id: int) -> ReviewDetail:
        """An editable copy of a finalized review; the finalized one is kept unchanged."""
        with self.ctx.session() as s:
            old = self._review(s, review_id)
            if old.status == "draft":
                raise ServiceError(msg("review.not_finalized"))
            old.is_current = False
            new = Review(profile_id=old.profile_id, member_id=old.member_id, round_id=old.round_id,
                         period=old.period, template_id=old.template_id, template_version=old.template_version,
                         template_hash=old.template_hash, status="draft", revision=old.revision + 1,
                         parent_id=old.id, is_current=True, invite_uid=old.invite_uid,
                         entered_by_secretary=old.entered_by_secretary, last_section=old.last_section,
                         is_collective=old.is_collective, cell_id=old.cell_id)
            s.add(new)
            s.flush()
            for qid, value in answers_of(s, old.id).items():
                s.add(Answer(review_id=new.id, question_id=qid, value=value))
            audit.record(s, "review.new_revision", owner_name(s, old), review_id=new.id, parent_id=old.id)
            rid = new.id
        return self.open(rid)

    # -- listing ----------------------------------------------------------------------------------
    def list(self, profile_id: int | None = None, member_id: int | None = None,
             current_only: bool = True) -> list[ReviewSummary]:
        # one query however many reviews (a province's 50,000: the owner's name joined in, not
        # looked up per review), plus one per form stored in this database, once per process
        owner = case((Review.is_collective, Cell.name), (Review.profile_id.is_not(None), Profile.full_name),
                     else_=Member.full_name)
        with self.ctx.read() as s:
            q = (select(Review.id, owner.label("owner"), *(getattr(Review, c) for c in _SUMMARY_COLUMNS))
                 .outerjoin(Profile, Profile.id == Review.profile_id)
                 .outerjoin(Member, Member.id == Review.member_id)
                 .outerjoin(Cell, Cell.id == Review.cell_id))
            if profile_id is not None:
                q = q.where(Review.profile_id == profile_id)
            if member_id is not None:
                q = q.where(Review.member_id == member_id)
            if current_only:
                q = q.where(Review.is_current)
            q = q.order_by(Review.period.desc(), Review.id)
            out: list[ReviewSummary] = []
            forms: dict[str, tuple[str, str]] = {}
            for row in s.execute(q):
                form = forms.get(row.template_hash)
                if form is None:
                    t = templates.by_hash(s, row.template_hash, row.template_id, row.template_version)
                    form = forms[row.template_hash] = (t.code.vi if t.code else t.id, t.title.vi)
                out.append(ReviewSummary(
                    id=row.id, owner=row.owner or "", period=row.period, template_id=row.template_id,
                    template_version=row.template_version, form_code=form[0], form_title=form[1],
                    status=row.status, revision=row.revision, is_current=row.is_current,
                    updated_at=row.updated_at, finalized_at=row.finalized_at, profile_id=row.profile_id,
                    member_id=row.member_id, round_id=row.round_id, entered_by_secretary=row.entered_by_secretary))
            return out

    def history(self, review_id: int) -> builtins.list[ReviewSummary]:
        """Every revision of the same review, oldest first."""
        with self.ctx.read() as s:
            r = self._review(s, review_id)
            chain = [r]
            while chain[0].parent_id is not None:
                chain.insert(0, s.get(Review, chain[0].parent_id))
            return [summary_of(s, x) for x in chain]


def _set_summary(r: Review, t: Template, answers: dict[str, Any]) -> None:
    """The roll-up's summary of a review whose answers are now final (forms/summary.py)."""
    for key, value in summarize(t, answers).items():
        setattr(r, key, value)


def score_state(template: Template, answers: dict[str, Any]) -> ScoreState:
    general, tasks, total, total_max, proposed, suggestion, problems = evaluate(template, answers)
    return ScoreState(general, tasks, total, total_max, proposed.value if proposed else None, suggestion,
                      tuple(problems))

