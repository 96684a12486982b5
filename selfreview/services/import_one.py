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

from selfreview.db.models import utcnow
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import ResponseDoc, read_response
from selfreview.forms.answers import content_hash
from selfreview.messages import Message, msg
from selfreview.services import receipts, templates
from selfreview.services.errors import ServiceError
from selfreview.services.import_checks import coerce_all, failure_text
from selfreview.services.import_rows import (
    INSERT_ANSWERS, INSERT_REVIEW, SET_NOT_CURRENT, _Current, _review_row, _transaction,
)
from selfreview.services.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt
from selfreview.services.roster import name_key

log = logging.getLogger("selfreview.services.importing")


class OneFileImport:
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
            reason = msg("import.failed", error=failure_text(e))
        receipt = Receipt(shown, sha, doc.member.full_name if doc else "", doc.template.id if doc else "",
                          doc.revision if doc else None, REJECTED, reason, now, None,
                          doc.member.fingerprint if doc else "")
        with _transaction(self.ctx) as conn:
            receipts.store(conn, receipt)
        return receipt

    def _apply(self, conn: Connection, shown: str, sha: str, doc: ResponseDoc,
               now: datetime) -> tuple[Receipt, Callable[[], None]]:
        """Check everything first (nothing written), then write one file's rows."""
        rnd = self.rounds.round_for(doc)
        template, index, embedded = self._template_for(doc, rnd)
        answers = coerce_all(index, doc.answers)
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
            review_id = conn.execute(INSERT_REVIEW, _review_row(member_id, doc, rnd, existing, digest, now,
                                                                self._summary(doc.template.hash, template, answers))
                                     ).inserted_primary_key[0]
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

