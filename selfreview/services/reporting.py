"""Reports: gather what a PDF shows from the database into the plain dataclasses of
``selfreview.reports.data``, then render it atomically (never a half-written file under the target).

Every ``write_*`` takes optional ``progress(done, total)`` and ``should_cancel()`` callables, so the
GUI can run it off its thread with a progress dialog and a Cancel button. A cancelled run raises
``selfreview.cancel.Cancelled`` and leaves nothing behind.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.cancel import check_cancel
from selfreview.db.models import (
    Answer, Assessment, AuditEntry, Cell, Invitation, Member, Profile, Review, ReviewRound, Setting,
)
from selfreview.forms.model import Checklist, Template
from selfreview.forms.scoring import evaluate
from selfreview.reports.atomic import atomic_path
from selfreview.reports.data import CellReport, CommitteeView, Header, MemberRow, ReviewReport, RollupReport
from selfreview.reports import Cancelled as Cancelled  # what a cancelled report raises, for the UI
from selfreview.reports.markup import vi_date
from selfreview.reports.page import PageSetup, Progress, ShouldCancel
from selfreview.reports.tallies import common_lines
from selfreview.services import templates
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.rollcall import member_order
from selfreview.services.rollup_data import STEPS, add_behaviours, rating_level, tally
from selfreview.text import nfc

PAGE_SETUP_KEY = "page_setup"
PLACE_KEY = "report_place"
# audit actions that mean a member's signing key changed (written by the importer)
KEY_CHANGED_ACTIONS = ("member.key_replaced",)


def _phase(progress: Progress | None, start: float, span: float) -> Progress | None:
    """A progress callback for one phase of a run, mapped onto ``start .. start + span`` of STEPS."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        progress(int(STEPS * (start + span * min(1.0, fraction))), STEPS)
    return report


def _ordered(members: list[Member]) -> list[Member]:
    """Meeting order: leaders first, then the secretary's order, then the name (given name first)."""
    return sorted(members, key=lambda m: member_order(m.category, m.meeting_order, m.full_name, m.id))


def _post(m: Member) -> str:
    return next((p for p in (m.party_post, m.government_post, m.mass_org_post) if p and p.strip()), "")


def _count_checklist(value: Any, counts: dict[str, Counter]) -> bool:
    """Add one person's self-check answer to ``counts``; True when they answered it."""
    if not isinstance(value, dict) or not value:
        return False
    for bid, entry in value.items():
        freq = entry.get("frequency") if isinstance(entry, dict) else None
        if freq:
            counts.setdefault(bid, Counter())[freq] += 1
    return True


def output_kind(out: str | Path, allowed: tuple[str, ...]) -> str:
    """"docx" or "xlsx" when the file name ends so, else "pdf"; a kind this report has not (a cell's
    summary as .xlsx) is refused before anything is gathered or written."""
    suffix = Path(out).suffix.lower().lstrip(".")
    kind = suffix if suffix in ("docx", "xlsx") else "pdf"
    if kind not in allowed:
        raise ServiceError.of("report.bad_format", name=Path(out).name, allowed=", ".join("." + a for a in allowed))
    return kind


class ReportingService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    # -- settings -------------------------------------------------------------------------------
    def _setting(self, key: str) -> Any:
        table = Setting.__table__  # a plain query: reading a setting sets up no ORM mapper
        with self.ctx.read() as s:
            return s.execute(select(table.c.value).where(table.c.key == key)).scalar()

    def _set_setting(self, key: str, value: Any) -> None:
        with self.ctx.session() as s:
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value

    def page_setup(self) -> PageSetup:
        """The saved paper and margins (A4, 20/20/30/15 mm when none were saved)."""
        try:
            return PageSetup.from_dict(self._setting(PAGE_SETUP_KEY))
        except (TypeError, ValueError):
            return PageSetup()

    def set_page_setup(self, setup: PageSetup) -> None:
        self._set_setting(PAGE_SETUP_KEY, setup.to_dict())

    def place(self) -> str:
        """The place name printed before the date ("Hà Nội, ngày …"); "" prints dots."""
        return self._setting(PLACE_KEY) or ""

    def set_place(self, place: str) -> None:
        self._set_setting(PLACE_KEY, nfc(place).strip())

    # -- one review -----------------------------------------------------------------------------
    def _review_report(self, s: Session, r: Review, template: Template, answers: dict[str, Any],
                       place: str, cell: Cell | None = None, member: Member | None = None,
                       secretary: str | None = None) -> ReviewReport:
        identity: dict[str, str] = {}
        committee = None
        if r.member_id is not None:
            member = member or s.get(Member, r.member_id)
            cell = cell or (s.get(Cell, member.cell_id) if member else None)
            if secretary is None:  # the secretary's copy: the cell secretary signs for the committee
                secretary = self._secretary(list(s.scalars(select(Member).where(Member.cell_id == cell.id)))) \
                    if cell is not None else ""
            if member is not None:
                identity = {"full_name": member.full_name, "date_of_birth": vi_date(member.date_of_birth),
                            "party_post": member.party_post, "government_post": member.government_post,
                            "mass_org_post": member.mass_org_post, "work_unit": member.work_unit,
                            "cell": cell.name if cell else ""}
            header = Header(cell.superior_body if cell else "", cell.name if cell else "", place,
                            r.finalized_at.date() if r.finalized_at else None)
            if r.round_id is not None:
                a = s.scalars(select(Assessment).where(Assessment.member_id == r.member_id,
                                                       Assessment.round_id == r.round_id)).first()
                if a is not None:
                    committee = CommitteeView(a.comments or "", a.proposed_rating, a.competent_rating)
            owner = member.full_name if member else ""
        elif getattr(r, "is_collective", False) and getattr(r, "cell_id", None) is not None:
            cell = cell or s.get_one(Cell, r.cell_id)  # Mẫu 01: the cell's own report, signed by its secretary
            header = Header(cell.superior_body, cell.name, place, r.finalized_at.date() if r.finalized_at else None)
            owner = self._secretary(list(s.scalars(select(Member).where(Member.cell_id == cell.id))))
        else:
            p = s.get(Profile, r.profile_id) if r.profile_id is not None else None
            inv = s.get(Invitation, r.invite_uid) if r.invite_uid else None
            superior = inv.superior_body if inv else (p.superior_body if p else "")
            cell_name = inv.cell_name if inv else (p.cell_name if p else "")
            if p is not None:
                identity = {"full_name": p.full_name, "date_of_birth": vi_date(p.date_of_birth),
                            "party_post": p.party_post, "government_post": p.government_post,
                            "mass_org_post": p.mass_org_post, "work_unit": p.work_unit, "cell": cell_name}
            header = Header(superior, cell_name, place, r.finalized_at.date() if r.finalized_at else None)
            owner = p.full_name if p else ""
        return ReviewReport(header=header, template=template, period=r.period, owner=owner,
                            identity=identity, answers=answers, committee=committee, status=r.status,
                            revision=r.revision, review_id=r.id,
                            cell_secretary=secretary if r.member_id is not None and secretary else "")

    def review_report(self, review_id: int, place: str | None = None) -> ReviewReport:
        with self.ctx.read() as s:
            r = s.get(Review, review_id)
            if r is None:
                raise NotFound.of("review.not_found", id=review_id)
            t = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
            from selfreview.services.reviews import answers_of  # (not needed by the roll-up: imported here)
            return self._review_report(s, r, t, answers_of(s, r.id), self.place() if place is None else place)

    # -- one cell -------------------------------------------------------------------------------
    def _round(self, s: Session, cell_id: int, period: str) -> ReviewRound:
        rnd = s.scalars(select(ReviewRound).where(ReviewRound.cell_id == cell_id,
                                                  ReviewRound.period == nfc(period).strip())).first()
        if rnd is None:
            raise NotFound.of("report.no_round", cell=cell_id, period=period)
        return rnd

    def _key_changed(self, s: Session, member_ids: set[int]) -> set[int]:
        rows = s.scalars(select(AuditEntry.details).where(AuditEntry.action.in_(KEY_CHANGED_ACTIONS)))
        ids = (d.get("member_id") for d in rows if isinstance(d, dict))
        return {i for i in ids if isinstance(i, int)} & member_ids

    def _secretary(self, members: list[Member]) -> str:
        for m in members:
            post = nfc(m.party_post or "").casefold().strip()
            if post.startswith("bí thư"):
                return m.full_name
        sec = self.ctx.profiles.secretary()
        return sec.full_name if sec else ""

    def cell_report(self, cell_id: int, period: str, with_reviews: bool = False, min_count: int = 3,
                    quota_percent: int | None = None, place: str | None = None, number: str = "",
                    progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> CellReport:
        """The cell's summary of its round for ``period`` (with every review when asked).

        ``quota_percent`` None: the round's own setting (20, or 25 where the competent level allows it).
        """
        from selfreview.services.reviews import shortcoming_lines  # (the roll-up does without it)
        if min_count < 1:
            raise ServiceError.of("report.bad_min_count", n=min_count)
        place = self.place() if place is None else place
        with self.ctx.read() as s:
            cell = s.get(Cell, cell_id)
            if cell is None:
                raise NotFound.of("report.no_cell", id=cell_id)
            rnd = self._round(s, cell_id, period)
            members = _ordered(list(s.scalars(select(Member).where(Member.cell_id == cell_id))))
            ids = {m.id for m in members}
            current: dict[int, Review] = {}
            for r in s.scalars(select(Review).where(Review.round_id == rnd.id, Review.is_current,
                                                    Review.member_id.is_not(None)).order_by(Review.id)):
                if r.member_id in ids:
                    current[r.member_id] = r  # the newest wins if there were ever two
            answers: dict[int, dict[str, Any]] = {r.id: {} for r in current.values()}
            if answers:
                for rid, qid, value in s.execute(select(Answer.review_id, Answer.question_id, Answer.value)
                                                 .join(Review, Review.id == Answer.review_id)
                                                 .where(Review.round_id == rnd.id, Review.is_current)):
                    if rid in answers:
                        answers[rid][qid] = value
            assessed = {a.member_id: a for a in s.scalars(select(Assessment).where(Assessment.round_id == rnd.id))}
            key_changed = self._key_changed(s, ids)
            secretary = self._secretary(members)

            rows: list[MemberRow] = []
            behaviours: dict[str, str] = {}
            counts: dict[str, Counter] = {}
            respondents = 0
            short_lines: list[list[str]] = []
            reviews: list[ReviewReport] = []
            gather = _phase(progress, 0.0, 0.5 if with_reviews else 0.2)
            for n, m in enumerate(members, start=1):
                check_cancel(should_cancel)
                r = current.get(m.id)
                a = assessed.get(m.id)
                flags: list[str] = []
                if r is None:
                    flags.append("missing")
                    rows.append(MemberRow(m.full_name, _post(m), m.category == "leader", False,
                                          cell_rating=rating_level(a.proposed_rating) if a else None, flags=("missing",),
                                          decided_rating=rating_level(a.competent_rating) if a else None))
                    continue
                t = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
                ans = answers[r.id]
                _, _, total, total_max, proposed, _, problems = evaluate(t, ans)
                # late: finalized (signed off by the member) after the deadline; the import date is
                # when the secretary got round to it, which says nothing about the member
                done_at = r.finalized_at or r.submitted_at
                if rnd.deadline and done_at and done_at.date() > rnd.deadline:
                    flags.append("late")
                flags += [p.code for p in problems if p.code in ("above_score_band", "above_conditions")]
                if m.id in key_changed:
                    flags.append("key_changed")
                if r.entered_by_secretary:
                    flags.append("by_secretary")
                if r.status == "draft":
                    flags.append("not_finalized")
                rows.append(MemberRow(m.full_name, _post(m), m.category == "leader", True, total, total_max,
                                      proposed.value if proposed else None,
                                      rating_level(a.proposed_rating) if a else None, tuple(flags),
                                      rating_level(a.competent_rating) if a else None))
                check = t.role_item("responsibility_check")
                if isinstance(check, Checklist):
                    add_behaviours(check, behaviours)
                    respondents += _count_checklist(ans.get(check.id), counts)
                short_qid = t.roles.get("shortcomings")
                if short_qid:
                    short_lines.append(shortcoming_lines(ans.get(short_qid)))
                if with_reviews:
                    reviews.append(self._review_report(s, r, t, ans, place, cell, m, secretary))
                if gather:
                    gather(n, len(members))
            header = Header(cell.superior_body, cell.name, place, None, number, "-BC/CB")
            return CellReport(header=header, cell=cell.name, period=rnd.period, deadline=rnd.deadline,
                              members=tuple(rows), responsibility=tally(behaviours, counts, respondents),
                              shortcomings=tuple(common_lines(short_lines)), secretary=secretary,
                              min_count=min_count,
                              quota_percent=quota_percent or getattr(rnd, "quota_percent", None) or 20,
                              reviews=tuple(reviews))

    # -- many cells -----------------------------------------------------------------------------
    def rollup_report(self, period: str, min_count: int = 3, quota_percent: int = 20,
                      place: str | None = None, number: str = "", issuer: str | None = None,
                      superior: str = "", signer: str = "",
                      progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> RollupReport:
        """Every cell's round for ``period`` (services/rollup_data.py) and every organisation's
        results imported for it (services/committee/rollup.py)."""
        from selfreview.services.committee.rollup import combined_rollup
        return combined_rollup(self.ctx, period, min_count, quota_percent, self.place() if place is None else place,
                             number, issuer, superior, signer, progress, should_cancel)

    # -- files ----------------------------------------------------------------------------------
    def _write(self, out: str | Path, render: Callable[[str], None]) -> Path:
        out = Path(out)
        with atomic_path(out) as tmp:
            render(str(tmp))
        return out

    def write_review(self, review_id: int, out: str | Path, setup: PageSetup | None = None,
                     place: str | None = None, progress: Progress | None = None,
                     should_cancel: ShouldCancel | None = None, attach_selfcheck: bool = False) -> Path:
        """The review as PDF, or as Word when ``out`` ends in ``.docx``; ``attach_selfcheck``: the app's
        responsibility self-check too, at the end (only when the member chooses it)."""
        import dataclasses
        from selfreview.reports.review_pdf import write_review
        kind = output_kind(out, ("pdf", "docx"))
        check_cancel(should_cancel)
        report = dataclasses.replace(self.review_report(review_id, place), attach_selfcheck=attach_selfcheck)
        setup = setup or self.page_setup()
        if kind == "docx":
            from selfreview.reports.word_review import write_review_docx
            return self._write(out, lambda path: write_review_docx(report, path, setup))
        return self._write(out, lambda path: write_review(report, path, setup, _phase(progress, 0.1, 0.9),
                                                          should_cancel))

    def write_cell(self, cell_id: int, period: str, out: str | Path, with_reviews: bool = False,
                   min_count: int = 3, quota_percent: int | None = None, setup: PageSetup | None = None,
                   place: str | None = None, number: str = "", progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None) -> Path:
        from selfreview.reports.cell_summary import write_cell_summary
        kind = output_kind(out, ("pdf", "docx"))
        report = self.cell_report(cell_id, period, with_reviews, min_count, quota_percent, place, number,
                                  progress, should_cancel)
        setup = setup or self.page_setup()
        if kind == "docx":
            from selfreview.reports.word_summary import write_cell_docx
            return self._write(out, lambda path: write_cell_docx(report, path, setup))
        start = 0.5 if with_reviews else 0.2
        return self._write(out, lambda path: write_cell_summary(
            report, path, setup, _phase(progress, start, 1 - start), should_cancel))

    def write_rollup(self, period: str, out: str | Path, min_count: int = 3, quota_percent: int = 20,
                     setup: PageSetup | None = None, place: str | None = None, number: str = "",
                     issuer: str | None = None, superior: str = "", signer: str = "",
                     progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> Path:
        from selfreview.reports.rollup import write_rollup
        kind = output_kind(out, ("pdf", "docx", "xlsx"))
        report = self.rollup_report(period, min_count, quota_percent, place, number, issuer, superior, signer,
                                    progress, should_cancel)
        setup = setup or self.page_setup()
        if kind == "docx":
            from selfreview.reports.word_summary import write_rollup_docx
            return self._write(out, lambda path: write_rollup_docx(report, path, setup))
        if kind == "xlsx":
            from selfreview.reports.excel_rollup import write_rollup_xlsx
            return self._write(out, lambda path: write_rollup_xlsx(report, path))
        return self._write(out, lambda path: write_rollup(report, path, setup, _phase(progress, 0.3, 0.7),
                                                          should_cancel))
