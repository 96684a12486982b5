"""Importing response files (the secretary's side): every file is checked, then applied in its own
transaction, and gets a receipt. A rejected file changes nothing but the receipt that says why.

Matching a file to the database (docs/file-format.md, "Import"):
* round: by the invitation's round ``uid`` (cell name and period must match too); a file made
  without an invitation is taken only into a round chosen explicitly (``round_id``);
* member: by the signing key pinned on first import; else by the roster (same cell, same full name
  as the roster compares names, same date of birth) with no key yet, which pins it; else a new
  roster entry with the key pinned. A roster entry whose pinned key differs is refused until the
  new key's fingerprint is confirmed (``accept_new_key_for``), which the audit log records;
* review: new → ``imported``; newer revision → ``updated`` (the older kept as history); same
  revision and content → ``already_present``; an older revision, or the same revision with other
  content → ``rejected``.

Speed: a batch loads each cell's roster and each round's current reviews once and keeps them up
to date as files commit, so a file costs its checks plus a few Core inserts and one commit. Imports run on the
app's single database-writer thread, so nothing else changes that roster during a batch.
"""

from __future__ import annotations

import hashlib
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from selfreview.db.models import Answer, Cell, Member, Review, ReviewRound, utcnow
from selfreview.exchange.embedded import embedded_template
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.exchange.response import CATEGORIES, ResponseDoc, read_response
from selfreview.forms.answers import AnswerError, coerce
from selfreview.forms.model import Template
from selfreview.messages import Message, msg
from selfreview.services import audit, receipts, templates
from selfreview.services.errors import ServiceError
from selfreview.services.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt
from selfreview.services.reviews import content_hash
from selfreview.services.roster import name_key
from selfreview.services.safety import storage_errors

log = logging.getLogger(__name__)
SUFFIX = ".selfreview"
Progress = Callable[[int, int], None]

_MEMBER, _REVIEW, _ANSWER = Member.__table__, Review.__table__, Answer.__table__
INSERT_MEMBER = _MEMBER.insert()
INSERT_REVIEW = _REVIEW.insert()
INSERT_ANSWERS = _ANSWER.insert()
SET_MEMBER_KEYS = _MEMBER.update().where(_MEMBER.c.id == bindparam("member_id")).values(
    sign_public_key=bindparam("sign"), enc_public_key=bindparam("enc"), fingerprint=bindparam("fp"))
SET_NOT_CURRENT = _REVIEW.update().where(_REVIEW.c.id == bindparam("old_id")).values(is_current=False)


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to import: each named file as it is, and every ``*.selfreview`` under a named folder."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix.lower() == SUFFIX and f.is_file())
        else:
            out.append(p)
    return out


def normalise_fingerprint(text: str) -> str:
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(s[i:i + 4] for i in range(0, len(s), 4))


@dataclass(frozen=True)
class _Current:
    review_id: int
    revision: int
    content_hash: str | None
    template_hash: str


@dataclass
class _Roster:
    """A cell's roster as the batch sees it."""

    by_key: dict[str, int] = field(default_factory=dict)  # pinned signing key -> member id
    # (name as the roster compares it, date of birth) -> (member id, pinned key, fingerprint)
    by_person: dict[tuple[str, date | None], tuple[int, str | None, str | None]] = field(default_factory=dict)


@dataclass
class _Round:
    """A round as the batch sees it, with its cell's roster and each member's current review."""

    id: int
    cell_id: int
    cell: str
    period: str
    uid: str
    form_hashes: frozenset[str]
    roster: _Roster
    current: dict[int, _Current] = field(default_factory=dict)  # member id -> current review


@dataclass(frozen=True)
class _MemberPlan:
    kind: str  # known | pin | replace | new
    member_id: int | None
    old_key: str | None = None
    old_fingerprint: str = ""


class Importer:
    """One batch of files."""

    def __init__(self, ctx, *, round_id: int | None = None, accept_new_key_for: Iterable[str] = (),
                 passphrase: str | None = None) -> None:
        self.ctx = ctx
        self.accept = {normalise_fingerprint(f) for f in accept_new_key_for}
        sec = ctx.profiles.secretary()
        self.actor = sec.full_name if sec else ""
        self.secretary = None
        self.secretary_enc = None
        if sec is not None:
            try:
                self.secretary = open_identity(ctx.keys_dir, sec.id, passphrase)
            except KeyFileError as e:
                raise ServiceError(e.message) from None
            self.secretary_enc = self.secretary.public.enc_public
        self._rounds: dict[str, _Round | None] = {}
        self._rosters: dict[int, _Roster] = {}
        self._templates: dict[str, tuple[Template, dict[str, Any]]] = {}
        self.explicit: _Round | None = None
        if round_id is not None:
            self.explicit = self._load_round(ReviewRound.id == round_id)
            if self.explicit is None:
                raise ServiceError.of("import.no_such_round", id=round_id)

    # -- the batch --------------------------------------------------------------------------------
    def run(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
            should_cancel: Callable[[], bool] | None = None) -> list[Receipt]:
        files = expand(paths)
        out: list[Receipt] = []
        if progress:
            progress(0, len(files))
        for n, path in enumerate(files, start=1):
            if should_cancel and should_cancel():
                break
            out.append(self.import_file(path))
            if progress:
                progress(n, len(files))
        return out

    def import_file(self, path: Path, shown: str | None = None) -> Receipt:
        shown = shown or str(path)
        now = utcnow()
        sha, doc = "", None
        try:
            raw = read_limited(path)
            sha = hashlib.sha256(raw).hexdigest()
            doc = read_response(raw, self.secretary, self.secretary_enc)
            with _transaction(self.ctx) as conn:
                receipt, after_commit = self._apply(conn, shown, sha, doc, now)
                receipts.store(conn, receipt)
            after_commit()
            return receipt
        except Rejected as e:
            reason = e.message
        except ServiceError:  # storage trouble (disk full, read-only): stop the batch, say why
            raise
        except Exception as e:  # a bug must not stop the other files; the receipt says what happened
            log.exception("import of %s failed", shown)
            reason = msg("import.failed", error=f"{type(e).__name__}: {e}"[:300])
        receipt = Receipt(shown, sha, doc.member.full_name if doc else "", doc.template.id if doc else "",
                          doc.revision if doc else None, REJECTED, reason, now, None,
                          doc.member.fingerprint if doc else "")
        with _transaction(self.ctx) as conn:
            receipts.store(conn, receipt)
        return receipt

    # -- one file: check everything first (nothing written), then write ----------------------------
    def _apply(self, conn: Connection, shown: str, sha: str, doc: ResponseDoc,
               now: datetime) -> tuple[Receipt, Callable[[], None]]:
        rnd = self._round_for(doc)
        template, index, embedded = self._template_for(doc, rnd)
        answers = _coerce_all(index, doc.answers)
        plan = self._member_plan(doc, rnd)
        digest = content_hash(answers)
        existing = rnd.current.get(plan.member_id) if plan.member_id is not None else None
        outcome = IMPORTED
        if existing is not None:
            if doc.revision > existing.revision:
                outcome = UPDATED
            elif doc.revision < existing.revision:
                raise Rejected("import.older_revision", revision=doc.revision, current=existing.revision)
            elif existing.content_hash == digest and existing.template_hash == doc.template.hash:
                outcome = ALREADY_PRESENT
            else:
                raise Rejected("import.revision_conflict", revision=doc.revision)

        member_id = self._write_member(conn, plan, doc, rnd, template)
        note: Message | None = None
        if plan.kind == "replace":
            note = msg("import.key_accepted", name=doc.member.full_name, new=doc.member.fingerprint)
        elif doc.normalised:
            note = msg("import.normalised")
        current = existing
        if outcome == ALREADY_PRESENT:
            review_id = existing.review_id
        else:
            if embedded:
                with Session(bind=conn) as s:
                    templates.store(s, template)
                    s.flush()
            if existing is not None:
                conn.execute(SET_NOT_CURRENT, {"old_id": existing.review_id})
            review_id = conn.execute(INSERT_REVIEW, {
                "member_id": member_id, "round_id": rnd.id, "period": rnd.period, "template_id": doc.template.id,
                "template_version": doc.template.version, "template_hash": doc.template.hash,
                "status": "finalized", "revision": doc.revision,
                "parent_id": existing.review_id if existing is not None else None, "is_current": True,
                "content_hash": digest, "invite_uid": doc.round.uid if doc.round else None,
                "created_at": doc.created_at, "updated_at": doc.finalized_at, "finalized_at": doc.finalized_at,
                "submitted_at": now}).inserted_primary_key[0]
            if answers:
                conn.execute(INSERT_ANSWERS, [{"review_id": review_id, "question_id": q, "value": v, "updated_at": now}
                                              for q, v in answers.items()])
            current = _Current(review_id, doc.revision, digest, doc.template.hash)
        receipt = Receipt(shown, sha, doc.member.full_name, doc.template.id, doc.revision, outcome, note, now,
                          review_id, doc.member.fingerprint)

        def after_commit() -> None:  # the batch's view of the round follows what was committed
            m = doc.member
            rnd.roster.by_key.pop(plan.old_key, None)
            rnd.roster.by_key[m.sign_public] = member_id
            if plan.kind != "known":
                rnd.roster.by_person[(name_key(m.full_name), m.date_of_birth)] = (member_id, m.sign_public,
                                                                                  m.fingerprint)
            rnd.current[member_id] = current
            if embedded:
                self._templates[doc.template.hash] = (template, index)
        return receipt, after_commit

    # -- round --------------------------------------------------------------------------------------
    def _load_round(self, where) -> _Round | None:
        with self.ctx.read() as s:
            row = s.execute(select(ReviewRound.id, ReviewRound.cell_id, Cell.name, ReviewRound.period,
                                   ReviewRound.uid, ReviewRound.forms)
                            .join(Cell, Cell.id == ReviewRound.cell_id).where(where)).first()
            if row is None:
                return None
            hashes = frozenset(f.get("hash") for f in (row.forms or {}).values() if isinstance(f, dict))
            roster = self._rosters.get(row.cell_id)
            if roster is None:
                roster = self._rosters[row.cell_id] = _Roster()
                for m in s.execute(select(Member.id, Member.full_name, Member.date_of_birth, Member.sign_public_key,
                                          Member.fingerprint).where(Member.cell_id == row.cell_id).order_by(Member.id)):
                    if m.sign_public_key:
                        roster.by_key.setdefault(m.sign_public_key, m.id)
                    roster.by_person.setdefault((name_key(m.full_name), m.date_of_birth),
                                                (m.id, m.sign_public_key, m.fingerprint))
            rnd = _Round(row.id, row.cell_id, row.name, row.period, row.uid, hashes, roster)
            for r in s.execute(select(Review.id, Review.member_id, Review.revision, Review.content_hash,
                                      Review.template_hash).where(Review.round_id == rnd.id, Review.is_current,
                                                                  Review.member_id.is_not(None))):
                rnd.current[r.member_id] = _Current(r.id, r.revision, r.content_hash, r.template_hash)
        return rnd

    def _round_for(self, doc: ResponseDoc) -> _Round:
        ref = doc.round
        if self.explicit is not None:
            rnd = self.explicit
            if ref is not None and ref.uid != rnd.uid:
                raise Rejected("import.round_mismatch", cell=ref.cell, period=ref.period, round_cell=rnd.cell,
                               round_period=rnd.period)
            if doc.period != rnd.period:
                raise Rejected("import.period_mismatch", period=doc.period, round_period=rnd.period)
            return rnd
        if ref is None:
            raise Rejected("import.no_round")
        if ref.uid not in self._rounds:
            self._rounds[ref.uid] = self._load_round(ReviewRound.uid == ref.uid)
        rnd = self._rounds[ref.uid]
        if rnd is None:
            raise Rejected("import.unknown_round", cell=ref.cell, period=ref.period)
        if ref.cell != rnd.cell or ref.period != rnd.period or doc.period != rnd.period:
            raise Rejected("import.round_mismatch", cell=ref.cell, period=ref.period, round_cell=rnd.cell,
                           round_period=rnd.period)
        return rnd

    # -- template -----------------------------------------------------------------------------------
    def _template_for(self, doc: ResponseDoc, rnd: _Round) -> tuple[Template, dict[str, Any], bool]:
        ref = doc.template
        embedded = False
        cached = self._templates.get(ref.hash)
        if cached is None:
            try:
                with self.ctx.read() as s:
                    template = templates.by_hash(s, ref.hash, ref.id, ref.version)
            except ServiceError:
                if doc.template_body is None:
                    raise Rejected("import.unknown_template", id=ref.id, version=ref.version) from None
                template, embedded = embedded_template(doc.template_body, ref), True
            cached = (template, template.item_index())
            if not embedded:  # an embedded one is cached once it is stored (after_commit)
                self._templates[ref.hash] = cached
        if doc.round is not None and rnd.form_hashes and ref.hash not in rnd.form_hashes:
            raise Rejected("import.form_not_in_round", id=ref.id, version=ref.version)
        return cached[0], cached[1], embedded

    # -- member -------------------------------------------------------------------------------------
    def _member_plan(self, doc: ResponseDoc, rnd: _Round) -> _MemberPlan:
        m = doc.member
        mid = rnd.roster.by_key.get(m.sign_public)
        if mid is not None:
            return _MemberPlan("known", mid)
        entry = rnd.roster.by_person.get((name_key(m.full_name), m.date_of_birth))
        if entry is None:
            return _MemberPlan("new", None)
        mid, key, old_fp = entry
        if key is None:
            return _MemberPlan("pin", mid)
        if m.fingerprint in self.accept:
            return _MemberPlan("replace", mid, key, old_fp or "")
        raise Rejected("import.key_changed", name=m.full_name, old=old_fp or "?", new=m.fingerprint)

    def _write_member(self, conn: Connection, plan: _MemberPlan, doc: ResponseDoc, rnd: _Round,
                      template: Template) -> int:
        m = doc.member
        if plan.kind == "known":
            return plan.member_id
        if plan.kind == "new":
            category = template.category.value if template.category.value in CATEGORIES else m.category
            mid = conn.execute(INSERT_MEMBER, {
                "cell_id": rnd.cell_id, "full_name": m.full_name, "date_of_birth": m.date_of_birth,
                "party_post": m.party_post, "government_post": m.government_post, "mass_org_post": m.mass_org_post,
                "category": category, "sign_public_key": m.sign_public, "enc_public_key": m.enc_public,
                "fingerprint": m.fingerprint}).inserted_primary_key[0]
            return mid  # who added it, from which file, with which key: the file's receipt
        conn.execute(SET_MEMBER_KEYS, {"member_id": plan.member_id, "sign": m.sign_public, "enc": m.enc_public,
                                       "fp": m.fingerprint})
        if plan.kind == "pin":
            audit.record_on(conn, "member.key_pinned", self.actor, member_id=plan.member_id, fingerprint=m.fingerprint)
        else:
            audit.record_on(conn, "member.key_replaced", self.actor, member_id=plan.member_id, name=m.full_name,
                            old_fingerprint=plan.old_fingerprint, new_fingerprint=m.fingerprint,
                            confirmed="by voice, on import")
        return plan.member_id


@contextmanager
def _transaction(ctx) -> Iterator[Connection]:
    """One file's unit of work on a Core connection, with storage failures in plain words."""
    with storage_errors(ctx.data_dir, ctx.db.path), ctx.db.engine.begin() as conn:
        yield conn


def _coerce_all(index: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    """Every answer checked against its question, in the form the review service stores."""
    out: dict[str, Any] = {}
    for qid, value in raw.items():
        item = index.get(qid)
        if item is None or not item.stores_answer:
            m = msg("review.unknown_question", qid=qid)
            raise Rejected("import.bad_answer", qid=qid, reason=m.vi, reason_en=m.en)
        try:
            stored = coerce(item, value)
        except AnswerError as e:
            raise Rejected("import.bad_answer", qid=qid, reason=e.message.vi, reason_en=e.message.en) from None
        except (TypeError, ValueError, ArithmeticError):
            m = msg("import.wrong_type")
            raise Rejected("import.bad_answer", qid=qid, reason=m.vi, reason_en=m.en) from None
        if stored is not None:
            out[qid] = stored
    return out
