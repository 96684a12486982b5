"""The roll-call of a review round: every member on the roster, whether and when they handed in,
their score and the ratings proposed; and entering a review from paper on a member's behalf.

Statuses (exact codes, see :data:`STATUSES`), the first that applies:

* ``key_mismatch``: a file from this member was refused because it was signed with another key than
  the one pinned for them, and that new key has not been accepted since (nor a newer file imported).
* ``updated``: handed in more than once (a newer revision replaced the first one).
* ``late``: first handed in after the deadline (dates compared in local time).
* ``submitted``: handed in.
* ``not_submitted``: nothing handed in (a draft the secretary is still typing counts as nothing).

The whole table is built from a fixed handful of queries, whatever the number of members.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.db.models import Answer, Assessment, Cell, ImportReceipt, Member, Review, ReviewRound
from selfreview.forms.scoring import proposed_rating, score_parts
from selfreview.messages import msg
from selfreview.rating import form_of
from selfreview.services import audit, templates
from selfreview.services.dto import ReviewDetail
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.reviews import prefill_previous
from selfreview.services.roster import name_key
from selfreview.text import nfc, text_matches

NOT_SUBMITTED, SUBMITTED, UPDATED, LATE, KEY_MISMATCH = (
    "not_submitted", "submitted", "updated", "late", "key_mismatch")
STATUSES = (NOT_SUBMITTED, SUBMITTED, UPDATED, LATE, KEY_MISMATCH)
# The reason code the importer gives a file refused because the member's key changed
# (selfreview.messages "import.key_changed"); such receipts carry the new key's fingerprint.
KEY_CHANGED_CODE = "import.key_changed"


@overload
def local_time(utc: datetime) -> datetime: ...
@overload
def local_time(utc: None) -> None: ...
@overload
def local_time(utc: datetime | None) -> datetime | None: ...
def local_time(utc: datetime | None) -> datetime | None:
    """A stored UTC time as this computer's local wall-clock time (naive)."""
    if utc is None:
        return None
    return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


# The Vietnamese alphabet: ă â after a, đ after d, ê after e, ô ơ after o, ư after u; tones sort second.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def vi_sort_key(text: str) -> tuple:
    """A sort key in Vietnamese alphabetical order (Đ after D, not after Z; Ă, Â after A; …)."""
    letters: list[tuple[str, int]] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFD", nfc(text).casefold().replace("đ", "d\u0111")):
        if ch == "\u0111":  # the marker put after "d" for "đ"
            letters[-1] = (letters[-1][0], 1)
        elif ch in _LETTER_MARKS and letters:
            letters[-1] = (letters[-1][0], _LETTER_MARKS[ch])
        elif ch in _TONES and tones:
            tones[-1] = _TONES[ch]
        elif not unicodedata.combining(ch):
            letters.append((ch, 0))
            tones.append(0)
    return (tuple(letters), tuple(tones))


def vi_name_key(full_name: str) -> tuple:
    """A person's name as Vietnamese lists sort it: the given name (the last word) first, then the
    family and middle names, each in Vietnamese alphabetical order ("Trần Văn An" before "Lê Thị Bình")."""
    words = nfc(full_name).split()
    return (vi_sort_key(words[-1] if words else ""), vi_sort_key(" ".join(words[:-1])), nfc(full_name))


def member_order(category: str, meeting_order: int, name: str, member_id: int = 0) -> tuple:
    """Meeting order: leaders first (head before deputies), then the secretary's order, then the name
    in Vietnamese order (given name first, :func:`vi_name_key`)."""
    return (category != "leader", meeting_order, vi_name_key(name), member_id)


def posts_of(m: Member) -> str:
    return "; ".join(p.strip() for p in (m.party_post, m.government_post, m.mass_org_post) if p and p.strip())


@dataclass(frozen=True)
class RollCallRow:
    member_id: int
    name: str
    post: str  # the member's posts, party first, joined with "; "
    category: str  # leader | non_leader | outside_system
    status: str  # one of STATUSES
    submitted_at: datetime | None  # local time of the newest revision handed in
    first_submitted_at: datetime | None  # local time of the first one (what "late" is judged on)
    total: Decimal | None
    total_max: Decimal
    self_rating: str | None  # Rating value, or None
    cell_rating: str | None  # the cell's proposed rating (Assessment), or None
    review_id: int | None  # the member's current review in this round (may be a secretary's draft)
    review_status: str | None  # draft | finalized | sent
    revision: int | None
    entered_by_secretary: bool
    has_submission: bool
    late: bool
    updated: bool
    key_mismatch_fingerprint: str = ""  # the refused key, to read out over the phone
    meeting_order: int = 1000
    date_of_birth: date | None = None
    decided_rating: str | None = None  # the committee's decided rating (a decision file), or None

    @property
    def form(self) -> str:
        return form_of(self.category)

    def status_label(self, lang: str = "vi") -> str:
        return msg(f"rollcall.{self.status}").get(lang)


@dataclass(frozen=True)
class RollCall:
    round_id: int
    cell_id: int
    cell: str
    superior_body: str
    period: str
    deadline: date | None
    rows: tuple[RollCallRow, ...]
    submitted: int
    total: int

    @property
    def label_vi(self) -> str:
        return msg("rollcall.count", submitted=self.submitted, total=self.total).vi

    @property
    def label_en(self) -> str:
        return msg("rollcall.count", submitted=self.submitted, total=self.total).en

    def label(self, lang: str = "vi") -> str:
        return self.label_en if lang == "en" else self.label_vi

    @property
    def missing(self) -> tuple[RollCallRow, ...]:
        return tuple(r for r in self.rows if not r.has_submission)

    def filtered(self, statuses: set[str] | None = None, text: str = "") -> tuple[RollCallRow, ...]:
        """Rows with one of ``statuses`` whose name or post contains ``text`` (any case; marks not typed are ignored:
        "duc" finds "Đức", :func:`selfreview.text.text_matches`)."""
        return tuple(r for r in self.rows if (not statuses or r.status in statuses)
                     and text_matches(text, r.name, r.post))


def _round(s: Session, round_id: int) -> ReviewRound:
    rnd = s.get(ReviewRound, round_id)
    if rnd is None:
        raise NotFound.of("round.not_found", id=round_id)
    return rnd


def pending_key_changes(s: Session, members: list[Member]) -> dict[int, tuple[datetime, str]]:
    """Members with a file refused for a changed key that is still pending: member id ->
    (when it was refused, the refused key's fingerprint).

    Hook on the importer's receipts: a rejected receipt with reason code :data:`KEY_CHANGED_CODE`
    names the member (by name, as receipts carry no member id) and the new key. It stays pending
    until that key is the member's pinned key (accepted) — the caller also drops it once a newer
    file of the member was imported.
    """
    by_name: dict[str, list[Member]] = {}
    for m in members:
        by_name.setdefault(name_key(m.full_name), []).append(m)
    out: dict[int, tuple[datetime, str]] = {}
    rows = s.execute(select(ImportReceipt.member, ImportReceipt.fingerprint, ImportReceipt.created_at)
                     .where(ImportReceipt.outcome == "rejected", ImportReceipt.reason_code == KEY_CHANGED_CODE)
                     .order_by(ImportReceipt.id))
    for name, fingerprint, at in rows:
        for m in by_name.get(name_key(name or ""), ()):
            if fingerprint and m.fingerprint and fingerprint == m.fingerprint:
                continue  # that key has been accepted since
            out[m.id] = (at, fingerprint or "")
    return out


class RollCallService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def round_id(self, cell_id: int, period: str) -> int:
        """The id of the cell's round for ``period`` (what the command line names a round by)."""
        with self.ctx.read() as s:
            cell = s.get(Cell, cell_id)
            if cell is None:
                raise NotFound.of("cell.not_found", id=cell_id)
            rid = s.scalar(select(ReviewRound.id).where(ReviewRound.cell_id == cell_id,
                                                        ReviewRound.period == nfc(period).strip()))
            if rid is None:
                raise NotFound.of("round.no_period", cell=cell.name, period=period)
            return rid

    def roll_call(self, round_id: int) -> RollCall:
        with self.ctx.read() as s:
            rnd = _round(s, round_id)
            cell = rnd.cell
            members = list(s.scalars(select(Member).where(Member.cell_id == rnd.cell_id)))
            ids = {m.id for m in members}
            revisions: dict[int, list[Review]] = {}
            for r in s.scalars(select(Review).where(Review.round_id == round_id, Review.member_id.is_not(None))
                               .order_by(Review.id)):
                if r.member_id in ids:
                    revisions.setdefault(r.member_id, []).append(r)
            current = {mid: next((r for r in reversed(rs) if r.is_current), None) for mid, rs in revisions.items()}
            answers: dict[int, dict[str, Any]] = {r.id: {} for r in current.values() if r is not None}
            if answers:
                for rid, qid, value in s.execute(
                        select(Answer.review_id, Answer.question_id, Answer.value)
                        .join(Review, Review.id == Answer.review_id)
                        .where(Review.round_id == round_id, Review.is_current)):
                    if rid in answers:
                        answers[rid][qid] = value
            assessed, decided = {}, {}
            for mid, rating, competent in s.execute(
                    select(Assessment.member_id, Assessment.proposed_rating, Assessment.competent_rating)
                    .where(Assessment.round_id == round_id)):
                assessed[mid], decided[mid] = rating, competent
            pending = pending_key_changes(s, members)
            rows = [self._row(s, rnd, m, revisions.get(m.id, []), current.get(m.id), answers,
                              assessed.get(m.id), pending.get(m.id), decided.get(m.id))
                    for m in sorted(members, key=lambda m: member_order(m.category, m.meeting_order,
                                                                        m.full_name, m.id))]
            return RollCall(rnd.id, cell.id, cell.name, cell.superior_body, rnd.period, rnd.deadline,
                            tuple(rows), sum(1 for r in rows if r.has_submission), len(rows))

    def _row(self, s: Session, rnd: ReviewRound, m: Member, revisions: list[Review], cur: Review | None,
             answers: dict[int, dict[str, Any]], cell_rating: str | None,
             pending: tuple[datetime, str] | None, decided: str | None = None) -> RollCallRow:
        handed = sorted(r.submitted_at for r in revisions if r.submitted_at is not None)
        first, last = (handed[0], handed[-1]) if handed else (None, None)
        late = bool(first and rnd.deadline and local_time(first).date() > rnd.deadline)
        updated = len(handed) > 1
        mismatch = pending is not None and (last is None or pending[0] > last)
        status = (KEY_MISMATCH if mismatch else UPDATED if updated else LATE if late
                  else SUBMITTED if handed else NOT_SUBMITTED)
        total, total_max, self_rating = None, Decimal(100), None
        if cur is not None:
            t = templates.by_hash(s, cur.template_hash, cur.template_id, cur.template_version)
            ans = answers.get(cur.id, {})
            _, _, total, total_max = score_parts(t, ans)
            rating = proposed_rating(t, ans)
            self_rating = rating.value if rating else None
        return RollCallRow(
            member_id=m.id, name=m.full_name, post=posts_of(m), category=m.category, status=status,
            submitted_at=local_time(last), first_submitted_at=local_time(first), total=total,
            total_max=total_max, self_rating=self_rating, cell_rating=cell_rating,
            review_id=cur.id if cur else None, review_status=cur.status if cur else None,
            revision=cur.revision if cur else None,
            entered_by_secretary=bool(cur and cur.entered_by_secretary), has_submission=bool(handed),
            late=late, updated=updated, key_mismatch_fingerprint=pending[1] if mismatch and pending else "",
            meeting_order=m.meeting_order, date_of_birth=m.date_of_birth, decided_rating=decided)

    # -- entering a review from paper ---------------------------------------------------------------
    def enter_on_behalf(self, round_id: int, member_id: int) -> ReviewDetail:
        """A draft review of ``member_id`` in this round, on the form of the member's category, marked
        as entered by the secretary; edit it with ``ReviewService.save_answer`` and ``finalize`` it
        (finalizing records it as handed in). Opens the secretary's draft if there is one already."""
        with self.ctx.session() as s:
            rnd = _round(s, round_id)
            m = s.get(Member, member_id)
            if m is None or m.cell_id != rnd.cell_id:
                raise NotFound.of("member.not_in_round", id=member_id)
            existing = s.scalars(select(Review).where(Review.round_id == round_id, Review.member_id == member_id,
                                                      Review.is_current)).first()
            if existing is not None:
                if existing.status != "draft":
                    raise ServiceError.of("rollcall.already_submitted", name=m.full_name)
                rid = existing.id
            else:
                form = (rnd.forms or {}).get(m.category)
                if not form:
                    raise ServiceError.of("round.no_form", category=form_of(m.category))
                t = templates.by_hash(s, form["hash"], form.get("id", ""), form.get("version", 0))
                r = Review(member_id=m.id, round_id=rnd.id, period=rnd.period, template_id=t.id,
                           template_version=t.version, template_hash=form["hash"], status="draft", revision=1,
                           is_current=True, entered_by_secretary=True)
                s.add(r)
                s.flush()
                prefill_previous(s, r, t)
                audit.record(s, "review.enter_on_behalf", "", review_id=r.id, member_id=m.id, round_id=rnd.id)
                rid = r.id
        return self.ctx.reviews.open(rid)
