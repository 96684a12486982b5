"""Append to the audit log inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from selfreview.db.models import AuditEntry


def record(session: Session, action: str, actor: str = "", **details: Any) -> None:
    session.add(AuditEntry(action=action, actor=actor, details=details))
