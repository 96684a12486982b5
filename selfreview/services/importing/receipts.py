"""Step 5 of an import, **receipt**: what happened to each file, kept in the database (with the
file's rows, in the same transaction), handed to the caller as it comes, counted (:class:`Tally`)
and listed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, cast

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from selfreview.db.bulk import insert_rows
from selfreview.db.models import ImportReceipt
from selfreview.messages import Message

IMPORTED, UPDATED, ALREADY_PRESENT, REJECTED = "imported", "updated", "already_present", "rejected"
OUTCOMES = (IMPORTED, UPDATED, ALREADY_PRESENT, REJECTED)


@dataclass(frozen=True)
class Receipt:
    """One imported file: ``outcome`` is one of :data:`OUTCOMES`; ``reason`` says why it was
    rejected (or notes something about an accepted file), in both languages."""

    file_name: str
    sha256: str
    member: str
    form: str
    revision: int | None
    outcome: str
    reason: Message | None
    time: datetime
    review_id: int | None = None
    fingerprint: str = ""  # the signer's key, to compare by voice

    @property
    def rejected(self) -> bool:
        return self.outcome == REJECTED

    def as_json(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "sha256": self.sha256, "member": self.member, "form": self.form,
                "revision": self.revision, "outcome": self.outcome,
                "reason": self.reason.vi if self.reason else "",
                "reason_en": self.reason.en if self.reason else "",
                "reason_code": self.reason.code if self.reason else "",
                "time": self.time.isoformat(timespec="seconds") + "Z",
                "review_id": self.review_id, "fingerprint": self.fingerprint}


_TABLE = cast(Table, ImportReceipt.__table__)
_INSERT = _TABLE.insert()


def _row(r: Receipt) -> dict[str, Any]:
    return {"file_name": r.file_name[-500:], "sha256": r.sha256, "member": r.member[:200], "form": r.form[:80],
            "revision": r.revision, "outcome": r.outcome, "reason": r.reason.vi if r.reason else "",
            "reason_en": r.reason.en if r.reason else "", "reason_code": r.reason.code if r.reason else "",
            "fingerprint": r.fingerprint, "review_id": r.review_id, "created_at": r.time}


def store(connection: Connection | Session, r: Receipt) -> None:
    """Keep a receipt, inside the caller's transaction."""
    connection.execute(_INSERT, _row(r))


_COLUMNS = ("file_name", "sha256", "member", "form", "revision", "outcome", "reason", "reason_en", "reason_code",
            "fingerprint", "review_id", "created_at")


def store_many(connection: Connection, rs: list[Receipt]) -> None:
    """Keep receipts (in this order), inside the caller's transaction: one ``executemany``."""
    insert_rows(connection, _TABLE, _COLUMNS, [tuple(_row(r).values()) for r in rs])


def listed(session: Session, limit: int | None = None, offset: int = 0, where: Any = None) -> list[Receipt]:
    """Stored receipts, newest first: ``limit`` of them after the newest ``offset`` (a page), those
    ``where`` selects."""
    q = select(ImportReceipt).order_by(ImportReceipt.id.desc())
    if where is not None:
        q = q.where(where)
    if offset:
        q = q.offset(offset)
    if limit is not None:
        q = q.limit(limit)
    out: list[Receipt] = []
    for row in session.scalars(q):
        reason = Message(row.reason_code, row.reason, row.reason_en) if (row.reason or row.reason_code) else None
        out.append(Receipt(row.file_name, row.sha256, row.member, row.form, row.revision, row.outcome, reason,
                           row.created_at, row.review_id, row.fingerprint))
    return out


def tally(receipts: Iterable[Receipt]) -> dict[str, int]:
    """How many files had each outcome (every outcome present, zero included)."""
    c = Counter(r.outcome for r in receipts)
    return {o: c.get(o, 0) for o in OUTCOMES}


@dataclass
class Tally:
    """An import's receipts as they come, counted: how many of each outcome, and the rejected ones
    (their reasons are for the secretary) kept. Every other receipt is counted and let go, so an
    import of any size holds only the files it refused (all of them are stored: ``listed``)."""

    counts: dict[str, int] = field(default_factory=lambda: {o: 0 for o in OUTCOMES})
    rejected: list[Receipt] = field(default_factory=list)

    def add(self, receipt: Receipt) -> None:
        self.counts[receipt.outcome] = self.counts.get(receipt.outcome, 0) + 1
        if receipt.rejected:
            self.rejected.append(receipt)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def counts(session: Session) -> dict[str, int]:
    """How many stored receipts have each outcome (every outcome present, zero included): the
    tally of all of them, in one query however many there are."""
    found = dict(session.execute(select(ImportReceipt.outcome, func.count()).group_by(ImportReceipt.outcome)).all())
    return {o: found.get(o, 0) for o in OUTCOMES}


def refused_for_key(session: Session, code: str, fingerprint: str) -> list[Receipt]:
    """Every receipt (not only the newest) that refused a file with ``code`` for a signing key with
    this fingerprint, newest first."""
    return listed(session, where=(ImportReceipt.reason_code == code) & (ImportReceipt.fingerprint == fingerprint))
