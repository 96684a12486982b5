"""The rows an import writes, and the batch that holds them until they are written.

``services/importing.py`` checks each file and plans what it changes; this module holds what that
plan is made of (the round, roster and current reviews as a batch sees them; a planned file; the
batch and its dependencies) and the statements and row builders that write it.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, bindparam, case

from selfreview.db.models import Answer, Member, Review
from selfreview.exchange.response import CATEGORIES, ResponseDoc
from selfreview.forms.model import Template
from selfreview.messages import Message
from selfreview.services.receipts import REJECTED, Receipt
from selfreview.services.lookalike import skeleton
from selfreview.services.roster import name_key

_MEMBER, _REVIEW, _ANSWER = Member.__table__, Review.__table__, Answer.__table__
INSERT_MEMBER = _MEMBER.insert()
INSERT_REVIEW = _REVIEW.insert()
ANSWER_TABLE = _ANSWER
ANSWER_COLUMNS = ("review_id", "question_id", "value", "updated_at")  # db.bulk.insert_rows
SET_MEMBER_KEYS = _MEMBER.update().where(_MEMBER.c.id == bindparam("member_id")).values(
    sign_public_key=bindparam("sign"), enc_public_key=bindparam("enc"), fingerprint=bindparam("fp"),
    key_confirmed=bindparam("confirmed"),
    # the work unit the member's own file gives, where the roster had none
    work_unit=case((_MEMBER.c.work_unit == "", bindparam("work_unit")), else_=_MEMBER.c.work_unit))
SET_NOT_CURRENT = _REVIEW.update().where(_REVIEW.c.id == bindparam("old_id")).values(is_current=False)


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
    names: dict[int, str] = field(default_factory=dict)  # member id -> the name on the roster
    confirmed: set[int] = field(default_factory=set)  # members whose pinned key is confirmed
    # look-alike skeleton of a name (services/lookalike.py) -> (member id, date of birth)
    skeletons: dict[str, list[tuple[int, date | None]]] = field(default_factory=dict)

    def add(self, member_id: int, name: str, dob: date | None, key: str | None, fp: str | None,
            confirmed: bool) -> None:
        if key:
            self.by_key.setdefault(key, member_id)
        self.by_person.setdefault((name_key(name), dob), (member_id, key, fp))
        self.names[member_id] = name
        if confirmed:
            self.confirmed.add(member_id)
        entries = self.skeletons.setdefault(skeleton(name), [])
        if all(mid != member_id for mid, _ in entries):
            entries.append((member_id, dob))


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
    kind: str  # known | confirm | pin | replace | new
    member_id: int | None
    old_key: str | None = None
    old_fingerprint: str = ""
    stored_name: str = ""  # the roster's name of the member the file is stored for ("" for a new one)
    confirmed: bool = False  # the file's key is confirmed (its fingerprint given by the secretary)
    supersede: bool = False  # a confirmed key replaces an unconfirmed one: its revisions do not count
    look_alike: str = ""  # a roster member whose name looks the same (a new entry only)


@contextmanager
def _transaction(ctx) -> Iterator[Connection]:
    """One unit of work (a batch, or one file) on a Core connection, with storage failures in plain words."""
    with ctx.connection() as conn:
        yield conn


# -- batches ---------------------------------------------------------------------------------------
class _Waiting(Exception):
    """A file's member has a file in the batch not written yet."""


@dataclass
class _Item:
    """One file of a batch: what its checks found, and (once written) its ids."""

    path: Path
    shown: str
    sha: str
    now: datetime
    doc: ResponseDoc | None = None
    outcome: str = REJECTED
    note: Message | None = None
    rnd: _Round | None = None
    template: Template | None = None
    embedded: bool = False
    plan: _MemberPlan | None = None
    texts: dict[str, str] | None = None  # each answer as the JSON text the database stores
    summary: dict[str, Any] | None = None  # the review's summary columns (forms/summary.py)
    digest: str = ""
    existing: _Current | None = None
    member_id: int | None = None
    review_id: int | None = None

    def receipt(self) -> Receipt:
        doc = self.doc
        if self.outcome == REJECTED:
            return Receipt(self.shown, self.sha, doc.member.full_name if doc else "", doc.template.id if doc else "",
                           doc.revision if doc else None, REJECTED, self.note, self.now, None,
                           doc.member.fingerprint if doc else "")
        stored_for = (self.plan.stored_name if self.plan else "") or doc.member.full_name
        return Receipt(self.shown, self.sha, stored_for, doc.template.id, doc.revision, self.outcome,
                       self.note, self.now, self.review_id, doc.member.fingerprint)


def _person(doc: ResponseDoc) -> tuple[str, date | None]:
    return name_key(doc.member.full_name), doc.member.date_of_birth


class _Batch:
    """The files checked but not yet written, and what a later file's checks must not miss."""

    def __init__(self) -> None:
        self.take()

    def take(self) -> list[_Item]:
        items = getattr(self, "items", [])
        self.items: list[_Item] = []
        self.keys: set[str] = set()  # signing keys of waiting files, and keys they replace
        self.persons: set[tuple[str, date | None]] = set()
        self.templates: set[str] = set()  # embedded forms a waiting file stores
        self.members: set[int] = set()  # roster entries a waiting file changes
        self.looks: set[str] = set()  # look-alike skeletons of waiting files' names
        return items

    def depends_on(self, doc: ResponseDoc) -> bool:
        """True when a file's checks could see something a waiting file changes (conservative: the
        same key, the same person in any cell, the same form hash)."""
        return (doc.member.sign_public in self.keys or _person(doc) in self.persons
                or doc.template.hash in self.templates or skeleton(doc.member.full_name) in self.looks)

    def add(self, item: _Item) -> None:
        self.items.append(item)
        if item.outcome == REJECTED:
            return
        self.keys.add(item.doc.member.sign_public)
        if item.plan.old_key:
            self.keys.add(item.plan.old_key)
        self.persons.add(_person(item.doc))
        self.looks.add(skeleton(item.doc.member.full_name))
        if item.embedded:
            self.templates.add(item.doc.template.hash)
        if item.plan.member_id is not None:
            self.members.add(item.plan.member_id)


MEMBER_COLUMNS = ("cell_id", "full_name", "date_of_birth", "party_post", "government_post", "mass_org_post",
                  "work_unit", "category", "sign_public_key", "enc_public_key", "fingerprint", "key_confirmed",
                  "created_at")
REVIEW_COLUMNS = ("member_id", "round_id", "period", "template_id", "template_version", "template_hash", "status",
                  "revision", "parent_id", "is_current", "content_hash", "invite_uid", "created_at", "updated_at",
                  "finalized_at", "submitted_at", "self_rating", "self_check", "summary_version")


def _member_row(doc: ResponseDoc, rnd: _Round, template: Template, now: datetime,
                confirmed: bool = False) -> dict[str, Any]:
    m = doc.member
    category = template.category.value if template.category.value in CATEGORIES else m.category
    return {"cell_id": rnd.cell_id, "full_name": m.full_name, "date_of_birth": m.date_of_birth,
            "party_post": m.party_post, "government_post": m.government_post, "mass_org_post": m.mass_org_post,
            "work_unit": m.work_unit, "category": category, "sign_public_key": m.sign_public, "enc_public_key": m.enc_public,
            "fingerprint": m.fingerprint, "key_confirmed": confirmed, "created_at": now}


def _review_row(member_id: int, doc: ResponseDoc, rnd: _Round, existing: _Current | None, digest: str,
                now: datetime, summary: dict[str, Any]) -> dict[str, Any]:
    return {"member_id": member_id, "round_id": rnd.id, "period": rnd.period, "template_id": doc.template.id,
            "template_version": doc.template.version, "template_hash": doc.template.hash,
            "status": "finalized", "revision": doc.revision,
            "parent_id": existing.review_id if existing is not None else None, "is_current": True,
            "content_hash": digest, "invite_uid": doc.round.uid if doc.round else None,
            "created_at": doc.created_at, "updated_at": doc.finalized_at, "finalized_at": doc.finalized_at,
            "submitted_at": now, **summary}
