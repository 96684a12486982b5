"""Reports: gather what a PDF shows from the database into the plain dataclasses of
``selfreview.reports.data``, then render it atomically (never a half-written file under the target).

Every ``write_*`` takes optional ``progress(done, total)`` and ``should_cancel()`` callables, so the
GUI can run it off its thread with a progress dialog and a Cancel button. A cancelled run raises
``selfreview.reports.Cancelled`` and leaves nothing behind.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from selfreview.db.models import (
    Answer, Assessment, AuditEntry, Cell, Invitation, Member, Profile, Review, ReviewRound, Setting,
    StoredTemplate,
)
from selfreview.forms.model import Checklist, Template
from selfreview.forms.scoring import evaluate
from selfreview.forms.summary import SUMMARY_VERSION, roles_from_data, summary_from
from selfreview.forms.summary import roles as summary_roles
from selfreview.reports.atomic import atomic_path, check_cancel
from selfreview.reports.data import (
    Behaviour, CellReport, CellRow, CommitteeView, Header, MemberRow, ResponsibilityTally, ReviewReport,
    RollupReport,
)
from selfreview.reports.markup import vi_date, vi_sort_key
from selfreview.reports.page import PageSetup, Progress, ShouldCancel
from selfreview.reports.tallies import common_lines
from selfreview.services import templates
from selfreview.services.errors import NotFound, ServiceError
from selfreview.text import nfc

PAGE_SETUP_KEY = "page_setup"
PLACE_KEY = "report_place"
# audit actions that mean a member's signing key changed (written by the importer)
KEY_CHANGED_ACTIONS = ("member.key_replaced",)
STEPS = 1000  # progress is reported as (done, STEPS)


def _phase(progress: Progress | None, start: float, span: float) -> Progress | None:
    """A progress callback for one phase of a run, mapped onto ``start .. start + span`` of STEPS."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        progress(int(STEPS * (start + span * min(1.0, fraction))), STEPS)
    return report


def _ordered(members: list[Member]) -> list[Member]:
    """Meeting order: leaders first, then the secretary's order, then the name."""
    return sorted(members, key=lambda m: (m.category != "leader", m.meeting_order, vi_sort_key(m.full_name), m.id))


def _post(m: Member) -> str:
    return next((p for p in (m.party_post, m.government_post, m.mass_org_post) if p and p.strip()), "")


def _rating(value: Any) -> str | None:
    return value if value in ("htxsnv", "httnv", "htnv", "khtnv") else None


def _tally(behaviours: dict[str, str], counts: dict[str, Counter], respondents: int) -> ResponsibilityTally:
    return ResponsibilityTally(tuple(Behaviour(k, v) for k, v in behaviours.items()),
                               {k: dict(c) for k, c in counts.items()}, respondents)


def _count_checklist(value: Any, counts: dict[str, Counter]) -> bool:
    """Add one person's self-check answer to ``counts``; True when they answered it."""
    if not isinstance(value, dict) or not value:
        return False
    for bid, entry in value.items():
        freq = entry.get("frequency") if isinstance(entry, dict) else None
        if freq:
            counts.setdefault(bid, Counter())[freq] += 1
    return True


def _behaviours(item: Checklist, behaviours: dict[str, str]) -> None:
    for b in item.behaviours:
        behaviours.setdefault(b.id, b.label.vi)


# the tables the roll-up reads with plain Core queries: rows as tuples, and no ORM mapper to set up
# (in a fresh process that alone is ~10 ms) or ORM statement to compile
REVIEW, MEMBER, ROUND, CELL, ASSESSMENT, ANSWER = (m.__table__ for m in (Review, Member, ReviewRound, Cell,
                                                                      Assessment, Answer))

# template hash -> (the proposed rating's question id, the responsibility checklist): a hash names
# one content for ever, so this holds for every data folder of the process
_ROLES: dict[str, tuple[str | None, Checklist | None]] = {}


def _template_roles(s: Session, wanted: dict[str, tuple[str, int]]) -> dict[str, tuple[str | None, Checklist | None]]:
    """The roles the roll-up reads (``forms.summary.roles``) of each template hash in ``wanted``
    (hash -> (id, version), for the error message). Read from the copy stored with the round when
    there is one (its JSON, with only the checklist validated: no YAML is parsed, no whole template
    validated), else from the template found the full way (``templates.by_hash``)."""
    missing = [d for d in wanted if d not in _ROLES]
    if missing:
        stored = StoredTemplate.__table__.c
        for digest, body in s.execute(select(stored.hash, stored.body).where(stored.hash.in_(missing))):
            try:
                _ROLES[digest] = roles_from_data(body)
            except ValueError:
                pass  # not the shape a stored template has: load it the full way below
        for digest in missing:
            if digest not in _ROLES:
                _ROLES[digest] = summary_roles(templates.by_hash(s, digest, *wanted[digest]))
    return {d: _ROLES[d] for d in wanted}


def _decode_all(texts: list[str]) -> list[Any]:
    """JSON texts (each one stored value) decoded in one call, as the items of one array: a third
    of the time of a call per text; one at a time if they do not make exactly one item each."""
    if texts:
        try:
            values = json.loads("[" + ",".join(texts) + "]")
            if len(values) == len(texts):
                return values
        except ValueError:
            pass
    return [json.loads(t) for t in texts]


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
                       place: str, cell: Cell | None = None, member: Member | None = None) -> ReviewReport:
        identity: dict[str, str] = {}
        committee = None
        if r.member_id is not None:
            member = member or s.get(Member, r.member_id)
            cell = cell or (s.get(Cell, member.cell_id) if member else None)
            if member is not None:
                identity = {"full_name": member.full_name, "date_of_birth": vi_date(member.date_of_birth),
                            "party_post": member.party_post, "government_post": member.government_post,
                            "mass_org_post": member.mass_org_post, "work_unit": "",
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
            cell = cell or s.get(Cell, r.cell_id)  # Mẫu 01: the cell's own report, signed by its secretary
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
                            revision=r.revision, review_id=r.id)

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
        return {d.get("member_id") for d in rows if isinstance(d, dict)} & member_ids

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
                                          cell_rating=_rating(a.proposed_rating) if a else None, flags=("missing",)))
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
                                      _rating(a.proposed_rating) if a else None, tuple(flags)))
                check = t.role_item("responsibility_check")
                if isinstance(check, Checklist):
                    _behaviours(check, behaviours)
                    respondents += _count_checklist(ans.get(check.id), counts)
                short_qid = t.roles.get("shortcomings")
                if short_qid:
                    short_lines.append(shortcoming_lines(ans.get(short_qid)))
                if with_reviews:
                    reviews.append(self._review_report(s, r, t, ans, place, cell, m))
                if gather:
                    gather(n, len(members))
            header = Header(cell.superior_body, cell.name, place, None, number, "-BC/CB")
            return CellReport(header=header, cell=cell.name, period=rnd.period, deadline=rnd.deadline,
                              members=tuple(rows), responsibility=_tally(behaviours, counts, respondents),
                              shortcomings=tuple(common_lines(short_lines)), secretary=self._secretary(members),
                              min_count=min_count,
                              quota_percent=quota_percent or getattr(rnd, "quota_percent", None) or 20,
                              reviews=tuple(reviews))

    # -- many cells -----------------------------------------------------------------------------
    def rollup_report(self, period: str, min_count: int = 3, quota_percent: int = 20,
                      place: str | None = None, number: str = "", issuer: str | None = None,
                      superior: str = "", signer: str = "",
                      progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> RollupReport:
        """Every cell's round for ``period``: a few queries, no per-member template work.

        Of each current review only its summary is read (the proposed rating and the self-check,
        ``forms/summary.py``); a review without one (a draft, or written without it) has those two
        answers read instead.
        """
        if min_count < 1:
            raise ServiceError.of("report.bad_min_count", n=min_count)
        period = nfc(period).strip()
        place = self.place() if place is None else place
        rv, mb, rr, cl, asm, ans = (t.c for t in (REVIEW, MEMBER, ROUND, CELL, ASSESSMENT, ANSWER))
        with self.ctx.read() as s:
            conn = s.connection()  # plain Core rows: no ORM work per row, no mapper set up for them
            rounds = conn.execute(select(rr.id, cl.id, cl.name, cl.superior_body, rr.quota_percent)
                                  .join_from(ROUND, CELL, cl.id == rr.cell_id)
                                  .where(rr.period == period)).all()
            rounds.sort(key=lambda r: (vi_sort_key(r[2]), r[1]))
            if not rounds:
                raise NotFound.of("report.no_rounds", period=period)
            check_cancel(should_cancel)
            cell_of_round = {rid: cid for rid, cid, *_ in rounds}
            on_roster = (mb.cell_id == rr.cell_id, rr.period == period)
            members: Counter[int] = Counter(dict(conn.execute(
                select(mb.cell_id, func.count()).where(mb.cell_id.in_(set(cell_of_round.values())))
                .group_by(mb.cell_id)).all()))
            # each current review of a member on its round's roster, as its summary (forms/summary.py,
            # kept when it was finalized or imported); the self-check as the JSON text it is stored as
            reviews: dict[tuple[int, int], tuple] = {  # (round, member) -> the row; the newest wins
                (row[0], row[1]): row for row in conn.execute(
                    select(rv.round_id, rv.member_id, rv.id, rv.template_hash, rv.template_id, rv.template_version,
                           rv.summary_version, rv.self_rating, cast(rv.self_check, Text))
                    .join_from(REVIEW, MEMBER, mb.id == rv.member_id)
                    .join(ROUND, rr.id == rv.round_id)
                    .where(rv.is_current, *on_roster).order_by(rv.id)).all()}
            check_cancel(should_cancel)
            if progress:
                progress(int(STEPS * 0.1), STEPS)
            roles = _template_roles(s, {digest: (tid, ver) for _, _, _, digest, tid, ver, *_ in reviews.values()})
            behaviours: dict[str, str] = {}
            for _, c in roles.values():
                if c is not None:
                    _behaviours(c, behaviours)
            # counted with Counter over lists (its C loop), not a Python loop per review
            current = list(reviews.values())
            submitted: Counter[int] = Counter([r[0] for r in current])  # round -> reviews
            summarised = [r for r in current if r[6] == SUMMARY_VERSION]
            # (round, rating) -> people; stored self-checks (their JSON text) -> people
            ratings: Counter[tuple[int, str]] = Counter([(r[0], r[7]) for r in summarised if r[7]])
            texts: Counter[str] = Counter([r[8] for r in summarised if r[8] is not None])
            # review -> (round, template): a draft, or written without its summary
            unsummarised: dict[int, tuple[int, str]] = {r[2]: (r[0], r[3]) for r in current
                                                         if r[6] != SUMMARY_VERSION}
            checks: list[dict[str, str]] = []  # self-checks read from the answers
            if unsummarised:  # their answers, as they are now
                qids = {q for _, d in unsummarised.values() for q in (roles[d][0], getattr(roles[d][1], "id", None))
                        if q}
                answers: dict[int, dict[str, Any]] = {rid: {} for rid in unsummarised}
                for rid, qid, value in conn.execute(
                        select(ans.review_id, ans.question_id, ans.value)
                        .join_from(ANSWER, REVIEW, rv.id == ans.review_id)
                        .where(rv.round_id.in_(cell_of_round), rv.is_current, ans.question_id.in_(qids))):
                    if rid in answers:
                        answers[rid][qid] = value
                for rid, (round_id, digest) in unsummarised.items():
                    summary = summary_from(*roles[digest], answers[rid])
                    if summary["self_rating"]:
                        ratings[round_id, summary["self_rating"]] += 1
                    if summary["self_check"] is not None:
                        checks.append(summary["self_check"])
            selfs: dict[int, dict[str, int]] = {rid: {} for rid in cell_of_round}  # round -> rating -> people
            for (round_id, rating), n in ratings.items():
                selfs[round_id][rating] = n
            counts: dict[str, dict[str, int]] = {}  # behaviour -> frequency -> people
            respondents = 0
            for check, n in [*((c, 1) for c in checks), *zip(_decode_all(list(texts)), texts.values())]:
                if isinstance(check, dict):  # (always, as forms/summary.py writes it)
                    respondents += n
                    for bid, freq in check.items():
                        by_freq = counts.get(bid)
                        if by_freq is None:
                            by_freq = counts[bid] = {}
                        by_freq[freq] = by_freq.get(freq, 0) + n
            check_cancel(should_cancel)
            assessed: dict[int, Counter[str]] = {rid: Counter() for rid in cell_of_round}  # round -> ratings
            for round_id, rating, n in conn.execute(
                    select(asm.round_id, asm.proposed_rating, func.count())
                    .join_from(ASSESSMENT, MEMBER, mb.id == asm.member_id)
                    .join(ROUND, rr.id == asm.round_id)
                    .where(*on_roster).group_by(asm.round_id, asm.proposed_rating)):
                if _rating(rating):
                    assessed[round_id][rating] += n
            rows = [CellRow(name, members[cid], submitted[round_id], dict(selfs[round_id]), dict(assessed[round_id]),
                            percent or 20) for round_id, cid, name, _, percent in rounds]
            with_round = set(cell_of_round.values())
            without = tuple(sorted((n for cid, n in conn.execute(select(cl.id, cl.name)) if cid not in with_round),
                                   key=vi_sort_key))
            bodies = Counter(sup for _, _, _, sup, _ in rounds if sup and sup.strip())
            issuer = issuer if issuer is not None else (bodies.most_common(1)[0][0] if bodies else "")
            header = Header(superior, issuer, place, None, number, "-BC/ĐU")
            if progress:
                progress(int(STEPS * 0.3), STEPS)
            return RollupReport(header=header, period=period, rows=tuple(rows), without_round=without,
                                responsibility=_tally(behaviours, counts, respondents), signer=signer,
                                min_count=min_count, quota_percent=quota_percent)

    # -- files ----------------------------------------------------------------------------------
    def _write(self, out: str | Path, render: Callable[[str], None]) -> Path:
        out = Path(out)
        with atomic_path(out) as tmp:
            render(str(tmp))
        return out

    def write_review(self, review_id: int, out: str | Path, setup: PageSetup | None = None,
                     place: str | None = None, progress: Progress | None = None,
                     should_cancel: ShouldCancel | None = None) -> Path:
        from selfreview.reports.review_pdf import write_review
        check_cancel(should_cancel)
        report = self.review_report(review_id, place)
        setup = setup or self.page_setup()
        return self._write(out, lambda path: write_review(report, path, setup, _phase(progress, 0.1, 0.9),
                                                          should_cancel))

    def write_cell(self, cell_id: int, period: str, out: str | Path, with_reviews: bool = False,
                   min_count: int = 3, quota_percent: int | None = None, setup: PageSetup | None = None,
                   place: str | None = None, number: str = "", progress: Progress | None = None,
                   should_cancel: ShouldCancel | None = None) -> Path:
        from selfreview.reports.cell_summary import write_cell_summary
        report = self.cell_report(cell_id, period, with_reviews, min_count, quota_percent, place, number,
                                  progress, should_cancel)
        setup = setup or self.page_setup()
        start = 0.5 if with_reviews else 0.2
        return self._write(out, lambda path: write_cell_summary(
            report, path, setup, _phase(progress, start, 1 - start), should_cancel))

    def write_rollup(self, period: str, out: str | Path, min_count: int = 3, quota_percent: int = 20,
                     setup: PageSetup | None = None, place: str | None = None, number: str = "",
                     issuer: str | None = None, superior: str = "", signer: str = "",
                     progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> Path:
        from selfreview.reports.rollup import write_rollup
        report = self.rollup_report(period, min_count, quota_percent, place, number, issuer, superior, signer,
                                    progress, should_cancel)
        setup = setup or self.page_setup()
        return self._write(out, lambda path: write_rollup(report, path, setup, _phase(progress, 0.3, 0.7),
                                                          should_cancel))
