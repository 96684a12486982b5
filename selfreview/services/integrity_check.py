"""Stored content bound to what was finalized or signed: every finalized review keeps the content
hash of its answers (taken at finalize, or over the signed answers on import); a review whose
stored answers no longer hash to it was changed outside the app. The import checks it before it
calls a file "already present"; ``selfreview doctor`` checks every review."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfreview.db.models import Review
from selfreview.forms.answers import content_hash
from selfreview.messages import Message, msg
from selfreview.services.reviews import answers_of, owner_name


def stored_hash(s: Session, review_id: int) -> str:
    """The content hash of a review's answers as stored now (as finalize takes it)."""
    return content_hash(answers_of(s, review_id))


@dataclass(frozen=True)
class Altered:
    review_id: int
    message: Message


def altered_reviews(ctx) -> list[Altered]:
    """Every finalized review whose stored answers do not match its content hash."""
    out: list[Altered] = []
    with ctx.read() as s:
        for r in s.scalars(select(Review).where(Review.status != "draft", Review.content_hash.is_not(None))
                           .order_by(Review.id)):
            if stored_hash(s, r.id) != r.content_hash:
                out.append(Altered(r.id, msg("doctor.altered", id=r.id, name=owner_name(s, r), revision=r.revision)))
    return out
