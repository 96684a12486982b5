"""Append to the audit log inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from selfreview.db.models import AuditEntry, utcnow


def record(session: Session, action: str, actor: str = "", **details: Any) -> None:
    session.add(AuditEntry(action=action, actor=actor, details=details))


_INSERT = insert(AuditEntry)


def record_on(connection: Connection, action: str, actor: str = "", **details: Any) -> None:
    """The same on a Core connection, for bulk paths such as import (no ORM unit of work)."""
    connection.execute(_INSERT, {"at": utcnow(), "action": action, "actor": actor, "details": details})
