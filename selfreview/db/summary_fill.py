"""Fill the roll-up summary of existing reviews from their answers (migration 0004 calls this).

Works on the tables by name and column with SQLAlchemy Core, not through the ORM models, so that a
later change to the models cannot break the old migration that calls it. What is summarised:
``selfreview/forms/summary.py``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Connection, Integer, String, bindparam, column, select, table

from selfreview.forms.model import Checklist, Template
from selfreview.forms.summary import SUMMARY_VERSION, roles, summary_from


def _template_lookup(conn: Connection):
    """Templates by hash: bundled ones, else the stored copy."""
    from selfreview.forms import registry
    from selfreview.forms.loader import template_from_data

    stored = table("stored_template", column("hash"), column("body"))
    cache: dict[str, Template | None] = {}

    def lookup(digest: str) -> Template | None:
        if digest not in cache:
            info = registry.find_by_hash(digest)
            template = info.template if info is not None else None
            if template is None:
                body = conn.execute(select(stored.c.body).where(stored.c.hash == digest)).scalar()
                if isinstance(body, str):
                    body = json.loads(body)
                try:
                    template = template_from_data(body, f"stored template {digest[:12]}") if body else None
                except Exception:  # noqa: BLE001 - an unreadable copy: that review keeps no summary
                    template = None
            cache[digest] = template
        return cache[digest]
    return lookup


def fill_missing(conn: Connection, batch: int = 500) -> int:
    """Compute the summary of every finalized review that has none (or an older one), from its
    answers. Used by migration 0004; safe to run again. A review whose template cannot be found
    keeps no summary (the reports then read its answers, as before). Returns how many were filled.
    """
    review = table("review", column("id", Integer), column("status", String), column("template_hash", String),
                   column("self_rating", String), column("self_check", JSON(none_as_null=True)),
                   column("summary_version", Integer))
    answer = table("answer", column("review_id", Integer), column("question_id", String), column("value", JSON))
    todo = conn.execute(select(review.c.id, review.c.template_hash)
                        .where(review.c.status != "draft")
                        .where((review.c.summary_version.is_(None)) | (review.c.summary_version != SUMMARY_VERSION))
                        .order_by(review.c.id)).all()
    update = review.update().where(review.c.id == bindparam("rid")).values(
        self_rating=bindparam("rating"), self_check=bindparam("check", type_=JSON(none_as_null=True)),
        summary_version=bindparam("version"))
    lookup = _template_lookup(conn)
    done = 0
    for start in range(0, len(todo), batch):
        wanted: dict[int, tuple[str | None, Checklist | None]] = {}
        for rid, digest in todo[start:start + batch]:
            template = lookup(digest)
            if template is not None:
                wanted[rid] = roles(template)
        qids = {q for q, c in wanted.values() if q} | {c.id for _, c in wanted.values() if c is not None}
        answers: dict[int, dict[str, Any]] = {rid: {} for rid in wanted}
        if wanted and qids:
            for rid, qid, value in conn.execute(select(answer.c.review_id, answer.c.question_id, answer.c.value)
                                                .where(answer.c.review_id.in_(list(wanted)),
                                                       answer.c.question_id.in_(qids))):
                answers[rid][qid] = value
        rows = []
        for rid, (rating_qid, check) in wanted.items():
            summary = summary_from(rating_qid, check, answers[rid])
            rows.append({"rid": rid, "rating": summary["self_rating"], "check": summary["self_check"],
                         "version": summary["summary_version"]})
        if rows:
            conn.execute(update, rows)
            done += len(rows)
    return done
