"""Step 4 of an import, **write**: the rows of decided files (:class:`.decide.Planned`) and their
receipts, inside the caller's transaction. :func:`write_batch` writes up to a batch of files with a
few ``executemany`` (``db/bulk.py``); :func:`write_one` writes one file, the same rows in the same
order, for a file imported alone (the fallback of a batch that could not be written).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterator, cast

from sqlalchemy import Connection, CursorResult, Table, bindparam, case
from sqlalchemy.orm import Session

from selfreview.db.bulk import ids_by_key, insert_rows
from selfreview.db.models import Answer, Member, Review, utcnow
from selfreview.exchange.response import CATEGORIES, ResponseDoc
from selfreview.forms.model import Template
from selfreview.services import audit, templates
from selfreview.services.importing import receipts
from selfreview.services.importing.decide import Accepted, MemberPlan, Planned
from selfreview.services.importing.receipts import ALREADY_PRESENT, REJECTED, Receipt
from selfreview.services.importing.rounds import Current, Round

if TYPE_CHECKING:
    from selfreview.services.context import AppContext

MEMBERS, REVIEWS, ANSWERS = (cast(Table, model.__table__) for model in (Member, Review, Answer))
INSERT_MEMBER = MEMBERS.insert()
INSERT_REVIEW = REVIEWS.insert()
SET_MEMBER_KEYS = MEMBERS.update().where(MEMBERS.c.id == bindparam("member_id")).values(
    sign_public_key=bindparam("sign"), enc_public_key=bindparam("enc"), fingerprint=bindparam("fp"),
    key_confirmed=bindparam("confirmed"),
    # the work unit the member's own file gives, where the roster had none
    work_unit=case((MEMBERS.c.work_unit == "", bindparam("work_unit")), else_=MEMBERS.c.work_unit))
SET_NOT_CURRENT = REVIEWS.update().where(REVIEWS.c.id == bindparam("old_id")).values(is_current=False)

MEMBER_COLUMNS = ("cell_id", "full_name", "date_of_birth", "party_post", "government_post", "mass_org_post",
                  "work_unit", "category", "sign_public_key", "enc_public_key", "fingerprint", "key_confirmed",
                  "created_at")
REVIEW_COLUMNS = ("member_id", "round_id", "period", "template_id", "template_version", "template_hash", "status",
                  "revision", "parent_id", "is_current", "content_hash", "invite_uid", "created_at", "updated_at",
                  "finalized_at", "submitted_at", "self_rating", "self_check", "summary_version")
ANSWER_COLUMNS = ("review_id", "question_id", "value", "updated_at")  # db.bulk.insert_rows


@contextmanager
def transaction(ctx: AppContext) -> Iterator[Connection]:
    """One unit of work (a batch, or one file) on a Core connection, with storage failures in plain words."""
    with ctx.connection() as conn:
        yield conn


def write_batch(conn: Connection, items: list[Planned], actor: str) -> list[Receipt]:
    """Every row of the batch, a handful of statements: each file's rows exactly as
    :func:`write_one` writes them, in the same order of ids; then the receipts (in file order)."""
    ok = [(it, it.accepted()) for it in items if it.outcome != REJECTED]
    fresh = [(it, a) for it, a in ok if it.outcome != ALREADY_PRESENT]
    for it, a in fresh:
        if it.embedded:
            with Session(bind=conn) as s:
                templates.store(s, a.template)
                s.flush()
    new = [(it, a) for it, a in ok if a.plan.kind == "new"]
    # The new rows go in with one executemany (db/bulk.py) and their ids are read back by what
    # a unique index makes theirs alone: a member by its cell and signing key
    # (uq_member_cell_key), a review as its member's current one in its round
    # (uq_review_current_member). A waiting file never shares its key or its member with
    # another (decide.Batch.depends_on); another import at the same time cannot hold such a row
    # either, committed or not: the index refuses one of the two, and that import's batch is
    # then planned again (Importer). (RETURNING with sort_by_parameter_order made SQLAlchemy
    # insert row by row on SQLite; RETURNING without it still built every row's parameters
    # the slow way.)
    if new:
        insert_rows(conn, MEMBERS, MEMBER_COLUMNS, [row_values(MEMBER_COLUMNS, member_row(
            a.doc, a.rnd, a.template, it.now, a.plan.confirmed)) for it, a in new])
        keys = [(a.rnd.cell_id, a.doc.member.sign_public) for _, a in new]
        # the keys also as a plain IN: the databases find each by its index (a row-value IN alone
        # read the whole index, or the whole table, once per batch: an import slower as it grew)
        ids = ids_by_key(conn, MEMBERS, (MEMBERS.c.cell_id, MEMBERS.c.sign_public_key), keys,
                         where=MEMBERS.c.sign_public_key.in_(sorted({key for _, key in keys})))
        if len(ids) != len(new):
            raise RuntimeError("two new members with one key in a batch")
        for it, a in new:
            it.member_id = ids[(a.rnd.cell_id, a.doc.member.sign_public)]
    for it, a in ok:
        if a.plan.kind != "new":
            it.member_id = write_member(conn, a, actor)
    replaced = [{"old_id": it.existing.review_id} for it, _ in fresh if it.existing is not None]
    if replaced:
        conn.execute(SET_NOT_CURRENT, replaced)
    if fresh:
        insert_rows(conn, REVIEWS, REVIEW_COLUMNS, [row_values(REVIEW_COLUMNS, review_row(
            member_id_of(it), a, it.existing, it.digest, it.now)) for it, a in fresh])
        by_member = ids_by_key(conn, REVIEWS, (REVIEWS.c.member_id, REVIEWS.c.round_id),
                               [(it.member_id, a.rnd.id) for it, a in fresh],
                               where=REVIEWS.c.is_current & REVIEWS.c.member_id.in_(
                                   sorted({member_id_of(it) for it, _ in fresh})))
        if len(by_member) != len(fresh):
            raise RuntimeError("two new reviews of one member in a batch")
        answers: list[tuple[Any, ...]] = []
        for it, a in fresh:
            rid = it.review_id = by_member[(it.member_id, a.rnd.id)]
            now = it.now
            answers += [(rid, q, text, now) for q, text in a.texts.items()]
        insert_rows(conn, ANSWERS, ANSWER_COLUMNS, answers, json_text=("value",))
    for it, _ in ok:
        if it.outcome == ALREADY_PRESENT:
            assert it.existing is not None
            it.review_id = it.existing.review_id
    written = [it.receipt() for it in items]
    receipts.store_many(conn, written)
    return written


def write_one(conn: Connection, item: Planned, actor: str) -> Receipt:
    """One accepted file's rows and its receipt (the rows :func:`write_batch` writes for it)."""
    a = item.accepted()
    item.member_id = write_member(conn, a, actor)
    existing = item.existing
    if item.outcome == ALREADY_PRESENT:
        assert existing is not None
        item.review_id = existing.review_id
    else:
        if item.embedded:
            with Session(bind=conn) as s:
                templates.store(s, a.template)
                s.flush()
        if existing is not None:
            conn.execute(SET_NOT_CURRENT, {"old_id": existing.review_id})
        item.review_id = new_id(conn.execute(INSERT_REVIEW, review_row(item.member_id, a, existing, item.digest,
                                                                       item.now)))
        insert_rows(conn, ANSWERS, ANSWER_COLUMNS,
                    [(item.review_id, q, text, item.now) for q, text in a.texts.items()], json_text=("value",))
    receipt = item.receipt()
    receipts.store(conn, receipt)
    return receipt


def write_member(conn: Connection, a: Accepted, actor: str) -> int:
    """The roster entry a file is stored for, as its plan says (and the audit of a key pinned,
    confirmed or replaced); its id."""
    plan, doc, m = a.plan, a.doc, a.doc.member
    if plan.kind == "new":  # who added it, from which file, with which key: the file's receipt
        return new_id(conn.execute(INSERT_MEMBER, member_row(doc, a.rnd, a.template, utcnow(), plan.confirmed)))
    member_id = known_member(plan)
    if plan.kind == "known":
        return member_id
    conn.execute(SET_MEMBER_KEYS, {"member_id": member_id, "sign": m.sign_public, "enc": m.enc_public,
                                   "fp": m.fingerprint, "work_unit": m.work_unit, "confirmed": plan.confirmed})
    if plan.kind == "confirm":
        audit.record_on(conn, "member.key_confirmed", actor, member_id=member_id,
                        fingerprint=m.fingerprint, confirmed="by voice, on import")
    elif plan.kind == "pin":
        audit.record_on(conn, "member.key_pinned", actor, member_id=member_id, fingerprint=m.fingerprint)
    else:
        audit.record_on(conn, "member.key_replaced", actor, member_id=member_id, name=m.full_name,
                        old_fingerprint=plan.old_fingerprint, new_fingerprint=m.fingerprint,
                        confirmed="by voice, on import")
    return member_id


def new_id(result: CursorResult[Any]) -> int:
    """The id of the row an insert of one row made."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("an insert without its id")
    return int(key[0])


def known_member(plan: MemberPlan) -> int:
    if plan.member_id is None:
        raise ValueError(f"a {plan.kind} plan without its member")
    return plan.member_id


def member_id_of(item: Planned) -> int:
    if item.member_id is None:
        raise ValueError(f"{item.shown}: its member is not written yet")
    return item.member_id


def member_row(doc: ResponseDoc, rnd: Round, template: Template, now: datetime,
               confirmed: bool = False) -> dict[str, Any]:
    m = doc.member
    category = template.category.value if template.category.value in CATEGORIES else m.category
    return {"cell_id": rnd.cell_id, "full_name": m.full_name, "date_of_birth": m.date_of_birth,
            "party_post": m.party_post, "government_post": m.government_post, "mass_org_post": m.mass_org_post,
            "work_unit": m.work_unit, "category": category, "sign_public_key": m.sign_public,
            "enc_public_key": m.enc_public, "fingerprint": m.fingerprint, "key_confirmed": confirmed,
            "created_at": now}


def review_row(member_id: int, a: Accepted, existing: Current | None, digest: str,
               now: datetime) -> dict[str, Any]:
    doc, rnd = a.doc, a.rnd
    return {"member_id": member_id, "round_id": rnd.id, "period": rnd.period, "template_id": doc.template.id,
            "template_version": doc.template.version, "template_hash": doc.template.hash,
            "status": "finalized", "revision": doc.revision,
            "parent_id": existing.review_id if existing is not None else None, "is_current": True,
            "content_hash": digest, "invite_uid": doc.round.uid if doc.round else None,
            "created_at": doc.created_at, "updated_at": doc.finalized_at, "finalized_at": doc.finalized_at,
            "submitted_at": now, **a.summary}


def row_values(columns: tuple[str, ...], row: dict[str, Any]) -> tuple[Any, ...]:
    if len(row) != len(columns):
        raise KeyError(f"a row with columns {sorted(row)} for {columns}")
    return tuple(row[c] for c in columns)
