"""One file in one transaction: the importer's path when a batch could not be written (each of its
files is then imported again alone, so that only a faulty file is refused), and for callers that
import a single file. :class:`OneFileImport` is mixed into ``services.importing.Importer`` and uses
its rounds, forms and member plan; every check runs in the same order as in a batch.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from pathlib import Path
from typing import Callable

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from selfreview.db.bulk import insert_rows
from selfreview.db.errors import is_conflict
from selfreview.db.models import utcnow
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import ResponseDoc, read_response
from selfreview.messages import msg
from selfreview.services import receipts, templates
from selfreview.services.errors import ServiceError
from selfreview.services.import_checks import failure_text, prepare_answers
from selfreview.services.import_rows import (
    ANSWER_COLUMNS, ANSWER_TABLE, INSERT_REVIEW, SET_NOT_CURRENT, _Item, _review_row, _transaction,
)
from selfreview.services.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt

log = logging.getLogger("selfreview.services.importing")
CONFLICT_ATTEMPTS = 3  # a file whose write lost a race with another import is planned again


class OneFileImport:
    def import_file(self, path: Path, shown: str | None = None) -> Receipt:
        from selfreview.services.import_files import shown_name
        shown = shown or shown_name(path)
        now = utcnow()
        sha, doc = "", None
        try:
            raw = read_limited(path)
            sha = hashlib.sha256(raw).hexdigest()
            doc = read_response(raw, self.secretary, self.secretary_enc)
            for attempt in range(1, CONFLICT_ATTEMPTS + 1):
                try:
                    with _transaction(self.ctx) as conn:
                        receipt, after_commit = self._apply(conn, path, shown, sha, doc, now)
                        receipts.store(conn, receipt)
                    break
                except Exception as e:  # noqa: BLE001 - only a lost race is tried again
                    if attempt == CONFLICT_ATTEMPTS or not is_conflict(e):
                        raise
                    self.rounds.reload()  # another import wrote this member meanwhile: plan again
            after_commit()
            return receipt
        except Rejected as e:
            reason = e.message
        except ServiceError:  # storage trouble (disk full, read-only): stop the batch, say why
            raise
        except Exception as e:  # a bug must not stop the other files; the receipt says what happened
            log.exception("import of %s failed", shown)
            reason = msg("import.failed", error=failure_text(e))
        receipt = Receipt(shown, sha, doc.member.full_name if doc else "", doc.template.id if doc else "",
                          doc.revision if doc else None, REJECTED, reason, now, None,
                          doc.member.fingerprint if doc else "")
        with _transaction(self.ctx) as conn:
            receipts.store(conn, receipt)
        return receipt

    def check_stored(self, existing, doc: ResponseDoc) -> None:
        """The copy stored here still holds what was signed: its answers hash to the content hash
        taken when the signed file was imported. A database changed outside the app (a database tool, a
        hex editor) is said so, never vouched for as "already present"."""
        from selfreview.services.integrity_check import stored_hash
        with self.ctx.read() as s:
            if stored_hash(s, existing.review_id) != existing.content_hash:
                raise Rejected("import.stored_altered", name=doc.member.full_name, revision=doc.revision)

    def _apply(self, conn: Connection, path: Path, shown: str, sha: str, doc: ResponseDoc,
               now: datetime) -> tuple[Receipt, Callable[[], None]]:
        """Check everything first (nothing written), then write one file's rows. Returns its receipt
        and what to do once the transaction is committed (the importer's view follows it)."""
        item = _Item(path, shown, sha, now, doc)
        rnd = item.rnd = self.rounds.round_for(doc)
        item.template, index, item.embedded = self._template_for(doc, rnd)
        prepared = prepare_answers(doc.template.hash, item.template, index, doc.answers)
        plan = item.plan = self._member_plan(doc, rnd)
        item.digest = prepared.digest
        existing = item.existing = rnd.current.get(plan.member_id) if plan.member_id is not None else None
        item.outcome = IMPORTED
        if existing is not None and plan.supersede:  # the unconfirmed key's revisions do not count
            item.outcome = UPDATED
        elif existing is not None:
            if doc.revision > existing.revision:
                item.outcome = UPDATED
            elif doc.revision < existing.revision:
                raise Rejected("import.older_revision", revision=doc.revision, current=existing.revision)
            elif existing.content_hash == item.digest and existing.template_hash == doc.template.hash:
                self.check_stored(existing, doc)
                item.outcome = ALREADY_PRESENT
            else:
                raise Rejected("import.revision_conflict", revision=doc.revision)

        item.member_id = self._write_member(conn, plan, doc, rnd, item.template)
        from selfreview.services.importing import _note
        item.note = _note(plan, doc, existing)
        if item.outcome == ALREADY_PRESENT:
            item.review_id = existing.review_id
        else:
            if item.embedded:
                with Session(bind=conn) as s:
                    templates.store(s, item.template)
                    s.flush()
            if existing is not None:
                conn.execute(SET_NOT_CURRENT, {"old_id": existing.review_id})
            item.review_id = conn.execute(INSERT_REVIEW, _review_row(item.member_id, doc, rnd, existing, item.digest,
                                                                     now, prepared.summary)).inserted_primary_key[0]
            insert_rows(conn, ANSWER_TABLE, ANSWER_COLUMNS,
                        [(item.review_id, q, text, now) for q, text in prepared.texts.items()], json_text=("value",))
        return item.receipt(), lambda: self._after_commit(item)
