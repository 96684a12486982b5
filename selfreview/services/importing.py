"""Importing response files (the secretary's side): every file is checked on its own and gets a
receipt; a rejected file changes nothing but the receipt that says why.

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

Checked file by file, written batch by batch. Every check runs per file, before anything of that
file is written, exactly as it would one file at a time; the rows of up to :data:`BATCH_FILES`
files (and their receipts) are then written in one transaction with a few ``executemany``. A file
whose checks depend on a file still waiting (the same signing key or person, an embedded form not
stored yet) has the waiting files written first. If writing a batch fails for any reason but
storage trouble, the transaction is rolled back and those files are imported again one file per
transaction (:meth:`Importer.import_file`), so a faulty file is refused alone.

Crash safety: a batch is one transaction, so a file is always fully in or not at all, and a crash
loses at most the files of the batch being written (about :data:`BATCH_FILES` files, a fraction of
a second of work), which importing the same files again brings in (nothing is duplicated: the
review is matched by member, revision and content). A cancel writes every file already checked,
then stops (docs/reliability.md).

Concurrency: two imports at once (two processes, two PCs on one PostgreSQL server) give one copy of
each review. A member is unique by cell and signing key (``uq_member_cell_key``, migration 0007)
and a member has one current review per round (``uq_review_current_member``, 0005); the import
whose write comes second is refused by the index, forgets what it had loaded, and plans its files
again from what is committed: ``already_present`` for the other's copies.

Speed: an import loads each cell's roster and each round's current reviews once and keeps them up
to date as batches commit. The database-free checks of a large import can run in worker processes
(``workers``; services/import_workers.py).

One writer: ``writer(fn)`` (the desktop app's ``TaskRunner.write``) runs ``fn`` on the app's one
database-writer thread and waits for it. The files are read and checked on the caller's thread;
each batch is then checked against the database and written in one call of ``writer``, so the
other writes of the app (an autosave) wait for at most one batch. Other writes may land between
two batches, so each batch starts from the rounds, rosters and current reviews as they are then.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from selfreview.db.bulk import ids_by_key, insert_rows
from selfreview.db.errors import is_conflict
from selfreview.db.models import Member, Review, StoredTemplate, utcnow
from selfreview.exchange.embedded import embedded_template
from selfreview.exchange.envelope import canonical
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.exchange.response import ResponseDoc
from selfreview.forms import registry
from selfreview.forms.model import Template
from selfreview.messages import msg
from selfreview.services import audit, receipts, templates
from selfreview.services.errors import ServiceError
from selfreview.services.import_files import expand, shown_name
from selfreview.services.import_checks import Checked, check_file, failure_text, prepare_answers, rejection
from selfreview.services.import_rows import (
    ANSWER_COLUMNS, ANSWER_TABLE, INSERT_MEMBER, MEMBER_COLUMNS, REVIEW_COLUMNS,
    SET_MEMBER_KEYS, SET_NOT_CURRENT,
    _Batch, _Current, _Item, _MemberPlan, _member_row, _review_row, _Round, _transaction, _Waiting,
)
from selfreview.services.import_one import OneFileImport
from selfreview.services.import_rounds import Rounds
from selfreview.services.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt
from selfreview.services.lookalike import skeleton
from selfreview.services.roster import name_key

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Writer = Callable[[Callable[[], Any]], Any]  # runs a unit of database work where the app writes
BATCH_FILES = 200  # files written per transaction
# with a shared writer (the app's), files checked against the database per turn stop after this
# long; the batch is then written, and the writes queued meanwhile (an autosave) go next
TURN_SECONDS = 0.15


def default_workers() -> int:
    """Two worker processes where this process may run on two CPUs or more, else none. More would
    not help: the importer's own planning and writing is then what limits an import."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return 2 if cpus >= 2 else 0


# worker processes checking the files of a large import (0: in this process); see docs/benchmarks.md
DEFAULT_WORKERS = default_workers()
# fewer files than this are always checked in this process: the first import of a session waits
# ~0.3 s for the workers' forkserver (a fresh interpreter loading the checks and the forms), about
# the time this process needs to check 1,000 files itself
PARALLEL_MIN_FILES = 1000



def normalise_fingerprint(text: str) -> str:
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(s[i:i + 4] for i in range(0, len(s), 4))


class Importer(OneFileImport):
    """One import: many files, each checked on its own, written in batches.

    ``workers``: check the files in that many worker processes (services/import_workers.py) when
    there are at least :data:`PARALLEL_MIN_FILES` of them; 0 checks them in this process. None
    takes :data:`DEFAULT_WORKERS`.
    """

    def __init__(self, ctx, *, round_id: int | None = None, accept_new_key_for: Iterable[str] = (),
                 passphrase: str | None = None, workers: int | None = None,
                 batch_files: int | None = None, accept_other_cell: bool = False,
                 accept_look_alike: Iterable[str] = ()) -> None:
        self.ctx = ctx
        self.accept = {normalise_fingerprint(f) for f in accept_new_key_for}
        # keys whose look-alike new members the secretary chose to add (she saw both names)
        self.accept_look_alike = {normalise_fingerprint(f) for f in accept_look_alike}
        self.workers = DEFAULT_WORKERS if workers is None else workers
        self.batch_files = max(1, batch_files or BATCH_FILES)
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
        self.rounds = Rounds(ctx, accept_other_cell)
        self._templates: dict[str, tuple[Template, dict[str, Any]]] = {}
        self._bodies_checked: set[str] = set()  # sha256 of carried template bodies found true to their hash
        self.batches = 0  # transactions written by the last run (one per batch)
        self.checked_in_workers = 0  # files of the last run checked by worker processes
        if round_id is not None:
            self.rounds.choose(round_id)

    # -- the batch --------------------------------------------------------------------------------
    def run(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
            should_cancel: Callable[[], bool] | None = None, writer: Writer | None = None) -> list[Receipt]:
        """Import ``paths`` (files, folders walked for ``*.selfreview``); a receipt per file, in order.

        ``progress(done, total)`` after each file is checked; ``should_cancel()`` before each. A
        cancel writes the files already checked (they are complete) and stops: every file whose
        receipt is returned is in the database, the others untouched. The same holds when a storage
        error stops the import: the files checked before it are written if the database still takes
        them, then the error is raised.

        ``writer(fn)``: where the database work runs (module docstring); None runs it here.
        """
        files = expand(paths)
        out: list[Receipt] = []
        self.batches = self.checked_in_workers = 0
        if progress:
            progress(0, len(files))
        pending: list[Checked] = []
        units_after_turn: int | None = None  # ctx.write_units when this import's last turn ended

        def settle() -> None:
            """One turn on the writer: check pending files against the database and write them; with
            a shared writer, only as many as :data:`TURN_SECONDS` allows (the rest wait for the next
            turn, after the writes queued meanwhile)."""
            nonlocal units_after_turn
            budget = None
            if writer is not None:
                if self.ctx.write_units != units_after_turn:  # another write of the app came between
                    self.rounds.reload()
                budget = time.perf_counter() + TURN_SECONDS
            todo = list(pending)
            pending.clear()
            pending.extend(self._settle(todo, out, budget))
            units_after_turn = self.ctx.write_units

        write = writer or (lambda fn: fn())
        pool = None
        if self.workers > 0 and len(files) >= PARALLEL_MIN_FILES:
            pool = self._pool()
        checks = self._checks(files, pool)
        try:
            for n, path in enumerate(files, start=1):
                if should_cancel and should_cancel():
                    break
                checked = next(checks)
                checked.path = path
                pending.append(checked)
                while len(pending) >= self.batch_files:
                    write(settle)
                if progress:
                    progress(n, len(files))
            while pending:
                write(settle)
        except Exception:
            if pending:  # complete, checked files: keep them if the database still takes them
                try:
                    while pending:
                        write(settle)
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    log.exception("could not write the files checked before the import stopped")
            raise
        finally:
            checks.close()
            if pool is not None:
                pool.close()
                self.checked_in_workers = pool.files_there
        return out

    def _settle(self, todo: list[Checked], out: list[Receipt], budget: float | None = None) -> list[Checked]:
        """Check ``todo`` against the database and the batch, file by file, and write them (a file
        that depends on one still waiting has the batch written first: :meth:`_plan_into`). Once
        ``perf_counter()`` passes ``budget`` the files not yet checked are returned, untouched."""
        batch = _Batch()
        try:
            for i, checked in enumerate(todo):
                if budget is not None and i and time.perf_counter() > budget:
                    self._flush(batch, out)
                    return todo[i:]
                self._plan_into(batch, checked, out)
                if len(batch.items) >= self.batch_files:
                    self._flush(batch, out)
            self._flush(batch, out)
            return []
        except Exception:
            if batch.items:  # complete, checked files: keep them if the database still takes them
                try:
                    self._flush(batch, out)
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    log.exception("could not write the files checked before the import stopped")
            raise

    def _pool(self):
        from selfreview.services.import_workers import CheckPool
        try:
            return CheckPool(self.secretary, self.secretary_enc, self.workers)
        except Exception:  # noqa: BLE001 - no worker processes here: check in this process
            log.exception("could not start worker processes; checking the files in this process")
            return None

    def _checks(self, files: list[Path], pool) -> Iterator[Checked]:
        """Each file's database-free checks, in order: from the worker processes when there are
        some (if they fail, the remaining files are checked here), else in this process."""
        done = 0
        if pool is not None:
            try:
                for checked in pool.checked(files, self._check):
                    yield checked
                    done += 1
                return
            except Exception:  # noqa: BLE001 - e.g. a worker was killed: carry on without them
                log.exception("the worker processes failed after %d files; checking the rest here", done)
        for path in files[done:]:
            yield self._check(path)

    def _check(self, path: Path) -> Checked:
        """The database-free checks in this process (an unexpected failure becomes a refusal with
        ``import.failed``, logged with its traceback)."""
        try:
            return check_file(path, self.secretary, self.secretary_enc)
        except Exception as e:  # noqa: BLE001 - a bug must not stop the other files; the receipt says it
            log.exception("import of %s failed", path)
            return Checked(path, error=failure_text(e))

    # -- one file: every check, nothing written ----------------------------------------------------
    def _plan_into(self, batch: "_Batch", checked: Checked, out: list[Receipt]) -> None:
        """Check one file against the database and the batch, and queue what it would write (or
        its refusal). A file whose checks depend on a file still waiting in the batch (the same
        signing key, the same person, an embedded form not stored yet, the same roster entry)
        has the batch written first, so that it sees exactly what it would see one file at a time."""
        item = _Item(checked.path, shown_name(checked.path), checked.sha, utcnow(), checked.doc)
        if checked.refused:
            if checked.trace:
                log.error("import of %s failed in a worker process:\n%s", item.shown, checked.trace)
            item.note = checked.rejection or msg("import.failed", error=checked.error or "?")
            batch.add(item)
            return
        if batch.depends_on(checked.doc):
            self._flush(batch, out)
        try:
            try:
                self._plan(item, checked, batch.members)
            except _Waiting:  # its roster entry is changed by a waiting file (rare): write that first
                self._flush(batch, out)
                self._plan(item, checked, batch.members)
        except Rejected as e:
            item.outcome, item.note = REJECTED, e.message
        except ServiceError:  # storage trouble (disk full, read-only): stop the import, say why
            raise
        except Exception as e:  # a bug must not stop the other files; the receipt says what happened
            log.exception("import of %s failed", item.shown)
            item.outcome, item.note = REJECTED, msg("import.failed", error=failure_text(e))
        batch.add(item)

    def _plan(self, item: "_Item", checked: Checked, waiting: set[int]) -> None:
        """The checks of :meth:`_apply`, in the same order, raising the same refusals; raises
        :class:`_Waiting` (before any check that reads the member's state) when the member is
        ``waiting`` (has a file in the batch not yet written)."""
        doc = item.doc
        item.outcome, item.note = REJECTED, None
        rnd = item.rnd = self.rounds.round_for(doc)
        item.template, index, item.embedded = self._template_for(doc, rnd)
        pre = checked.coerced  # done by a worker process, for a bundled form
        if pre is None or pre.template_hash != doc.template.hash:
            pre = prepare_answers(doc.template.hash, item.template, index, doc.answers)
        elif pre.rejection is not None:
            raise rejection(pre.rejection)
        item.digest, item.texts, item.summary = pre.digest, pre.texts, pre.summary
        plan = item.plan = self._member_plan(doc, rnd)
        if plan.member_id is not None and plan.member_id in waiting:
            raise _Waiting
        existing = item.existing = rnd.current.get(plan.member_id) if plan.member_id is not None else None
        outcome = IMPORTED
        if existing is not None and plan.supersede:  # the unconfirmed key's revisions do not count
            outcome = UPDATED
        elif existing is not None:
            if doc.revision > existing.revision:
                outcome = UPDATED
            elif doc.revision < existing.revision:
                raise Rejected("import.older_revision", revision=doc.revision, current=existing.revision)
            elif existing.content_hash == item.digest and existing.template_hash == doc.template.hash:
                self.check_stored(existing, doc)
                outcome = ALREADY_PRESENT
            else:
                raise Rejected("import.revision_conflict", revision=doc.revision)
        item.note = _note(plan, doc, existing)
        item.outcome = outcome

    # -- a batch: one transaction ------------------------------------------------------------------
    def _flush(self, batch: "_Batch", out: list[Receipt]) -> None:
        """Write the waiting files in one transaction, then let the batch's view follow. If the
        write fails for any reason but storage trouble, nothing of it was kept: the files are
        imported again one file per transaction, so that only a faulty file is refused."""
        items = batch.take()
        if not items:
            return
        try:
            with _transaction(self.ctx) as conn:
                written = self._write(conn, items)
            self.batches += 1
        except ServiceError:
            raise
        except Exception as e:
            if is_conflict(e):  # another import (another PC) wrote some of these meanwhile
                log.info("a batch of %d files met rows written meanwhile; planning them again", len(items))
            else:
                log.exception("writing a batch of %d files failed; importing them one by one", len(items))
            self.rounds.reload()
            for item in items:
                out.append(self.import_file(item.path, item.shown))
            return
        for item in items:
            if item.outcome != REJECTED:
                self._after_commit(item)
        out += written

    def _write(self, conn: Connection, items: list["_Item"]) -> list[Receipt]:
        """Every row of the batch, a handful of statements: each file's rows exactly as
        :meth:`_apply` writes them, in the same order of ids."""
        ok = [it for it in items if it.outcome != REJECTED]
        fresh = [it for it in ok if it.outcome != ALREADY_PRESENT]
        for it in fresh:
            if it.embedded:
                with Session(bind=conn) as s:
                    templates.store(s, it.template)
                    s.flush()
        new = [it for it in ok if it.plan.kind == "new"]
        # The new rows go in with one executemany (db/bulk.py) and their ids are read back by what
        # a unique index makes theirs alone: a member by its cell and signing key
        # (uq_member_cell_key), a review as its member's current one in its round
        # (uq_review_current_member). A waiting file never shares its key or its member with
        # another (_Batch.depends_on); another import at the same time cannot hold such a row
        # either, committed or not: the index refuses one of the two, and that import's batch is
        # then planned again (_flush). (RETURNING with sort_by_parameter_order made SQLAlchemy
        # insert row by row on SQLite; RETURNING without it still built every row's parameters
        # the slow way.)
        if new:
            insert_rows(conn, _MEMBERS, MEMBER_COLUMNS, [_row_values(MEMBER_COLUMNS, _member_row(
                it.doc, it.rnd, it.template, it.now, it.plan.confirmed)) for it in new])
            ids = ids_by_key(conn, _MEMBERS, (_MEMBERS.c.cell_id, _MEMBERS.c.sign_public_key),
                             [(it.rnd.cell_id, it.doc.member.sign_public) for it in new])
            if len(ids) != len(new):
                raise RuntimeError("two new members with one key in a batch")
            for it in new:
                it.member_id = ids[(it.rnd.cell_id, it.doc.member.sign_public)]
        for it in ok:
            if it.plan.kind != "new":
                it.member_id = self._write_member(conn, it.plan, it.doc, it.rnd, it.template)
        replaced = [{"old_id": it.existing.review_id} for it in fresh if it.existing is not None]
        if replaced:
            conn.execute(SET_NOT_CURRENT, replaced)
        if fresh:
            insert_rows(conn, _REVIEWS, REVIEW_COLUMNS, [_row_values(REVIEW_COLUMNS, _review_row(
                it.member_id, it.doc, it.rnd, it.existing, it.digest, it.now, it.summary)) for it in fresh])
            by_member = ids_by_key(conn, _REVIEWS, (_REVIEWS.c.member_id, _REVIEWS.c.round_id),
                                   [(it.member_id, it.rnd.id) for it in fresh], where=_REVIEWS.c.is_current)
            if len(by_member) != len(fresh):
                raise RuntimeError("two new reviews of one member in a batch")
            answers: list[tuple[Any, ...]] = []
            for it in fresh:
                rid = it.review_id = by_member[(it.member_id, it.rnd.id)]
                now = it.now
                answers += [(rid, q, text, now) for q, text in it.texts.items()]
            insert_rows(conn, ANSWER_TABLE, ANSWER_COLUMNS, answers, json_text=("value",))
        for it in ok:
            if it.outcome == ALREADY_PRESENT:
                it.review_id = it.existing.review_id
        written = [it.receipt() for it in items]
        receipts.store_many(conn, written)
        return written

    def _after_commit(self, item: "_Item") -> None:
        """The import's view of the round follows what was committed (a batch's file, or one file)."""
        doc, rnd, plan = item.doc, item.rnd, item.plan
        m = doc.member
        roster = rnd.roster
        roster.by_key.pop(plan.old_key, None)
        roster.by_key[m.sign_public] = item.member_id
        if plan.confirmed:
            roster.confirmed.add(item.member_id)
        if plan.kind == "new":
            roster.add(item.member_id, m.full_name, m.date_of_birth, m.sign_public, m.fingerprint, plan.confirmed)
        if plan.kind not in ("known", "confirm"):
            roster.by_person[(name_key(m.full_name), m.date_of_birth)] = (item.member_id, m.sign_public,
                                                                          m.fingerprint)
        if item.outcome != ALREADY_PRESENT:
            rnd.current[item.member_id] = _Current(item.review_id, doc.revision, item.digest, doc.template.hash)
        if item.embedded:
            self._templates[doc.template.hash] = (item.template, item.template.item_index())

    # -- template -----------------------------------------------------------------------------------
    def _template_for(self, doc: ResponseDoc, rnd: _Round) -> tuple[Template, dict[str, Any], bool]:
        ref = doc.template
        embedded = False
        cached = self._templates.get(ref.hash)
        if cached is None:
            # known here: bundled, or stored in this database (asked of the database itself: the
            # process-wide template cache may hold one whose storing was rolled back)
            with self.ctx.read() as s:
                known = registry.find_by_hash(ref.hash) is not None or s.scalar(
                    select(StoredTemplate.hash).where(StoredTemplate.hash == ref.hash)) is not None
                template = templates.by_hash(s, ref.hash, ref.id, ref.version) if known else None
            if template is None:
                if doc.template_body is None:
                    raise Rejected("import.unknown_template", id=ref.id, version=ref.version)
                template, embedded = embedded_template(doc.template_body, ref), True
            cached = (template, template.item_index())
            if not embedded:  # an embedded one is cached once it is stored (after_commit)
                self._templates[ref.hash] = cached
        template = cached[0]
        if (template.id, template.version) != (ref.id, ref.version):
            raise Rejected("import.template_identity", id=ref.id, version=ref.version, real_id=template.id,
                           real_version=template.version)
        if not embedded and doc.template_body is not None:  # a body carried along must be the form it names
            seen = hashlib.sha256(canonical(doc.template_body)).hexdigest()
            if seen not in self._bodies_checked:
                embedded_template(doc.template_body, ref)
                self._bodies_checked.add(seen)
        # the round's forms decide, whether the file names its round or the secretary chose one
        if rnd.form_hashes and ref.hash not in rnd.form_hashes:
            raise Rejected("import.form_not_in_round", id=ref.id, version=ref.version)
        return cached[0], cached[1], embedded

    # -- member -------------------------------------------------------------------------------------
    def _member_plan(self, doc: ResponseDoc, rnd: _Round) -> _MemberPlan:
        """Whose file this is. A key first seen (a new entry, or pinned to a roster entry) is held
        unconfirmed; it is confirmed when the secretary gives its fingerprint (``accept_new_key_for``,
        after comparing it by voice). A confirmed key replaces an unconfirmed one whatever revision
        numbers the unconfirmed key's files claimed (``supersede``)."""
        m = doc.member
        roster = rnd.roster
        accepted = m.fingerprint in self.accept
        mid = roster.by_key.get(m.sign_public)
        if mid is not None:
            if accepted and mid not in roster.confirmed:
                return _MemberPlan("confirm", mid, stored_name=roster.names.get(mid, ""), confirmed=True)
            return _MemberPlan("known", mid, stored_name=roster.names.get(mid, ""),
                               confirmed=mid in roster.confirmed)
        entry = roster.by_person.get((name_key(m.full_name), m.date_of_birth))
        if entry is None:
            look_alike = self._look_alike(roster, m)
            if look_alike and m.fingerprint not in self.accept_look_alike:  # needs the secretary's decision
                raise Rejected("import.look_alike_refused", name=m.full_name, other=look_alike,
                               fp=m.fingerprint)
            return _MemberPlan("new", None, confirmed=accepted, look_alike=look_alike)
        mid, key, old_fp = entry
        name = roster.names.get(mid, "")
        if key is None:
            return _MemberPlan("pin", mid, stored_name=name, confirmed=accepted)
        if accepted:
            return _MemberPlan("replace", mid, key, old_fp or "", stored_name=name, confirmed=True,
                               supersede=mid not in roster.confirmed)
        raise Rejected("import.key_changed", name=m.full_name, old=old_fp or "?", new=m.fingerprint)

    @staticmethod
    def _look_alike(roster, m) -> str:
        """The roster name a new entry's name looks like (same skeleton), or ""."""
        for mid, dob in roster.skeletons.get(skeleton(m.full_name), ()):
            return roster.names.get(mid, "") + (f" ({dob.strftime('%d/%m/%Y')})" if dob else "")
        return ""

    def _write_member(self, conn: Connection, plan: _MemberPlan, doc: ResponseDoc, rnd: _Round,
                      template: Template) -> int:
        m = doc.member
        if plan.kind == "known":
            return plan.member_id
        if plan.kind == "new":
            mid = conn.execute(INSERT_MEMBER, _member_row(doc, rnd, template, utcnow(),
                                                          plan.confirmed)).inserted_primary_key[0]
            return mid  # who added it, from which file, with which key: the file's receipt
        conn.execute(SET_MEMBER_KEYS, {"member_id": plan.member_id, "sign": m.sign_public, "enc": m.enc_public,
                                       "fp": m.fingerprint, "work_unit": m.work_unit, "confirmed": plan.confirmed})
        if plan.kind == "confirm":
            audit.record_on(conn, "member.key_confirmed", self.actor, member_id=plan.member_id,
                            fingerprint=m.fingerprint, confirmed="by voice, on import")
            return plan.member_id
        if plan.kind == "pin":
            audit.record_on(conn, "member.key_pinned", self.actor, member_id=plan.member_id, fingerprint=m.fingerprint)
        else:
            audit.record_on(conn, "member.key_replaced", self.actor, member_id=plan.member_id, name=m.full_name,
                            old_fingerprint=plan.old_fingerprint, new_fingerprint=m.fingerprint,
                            confirmed="by voice, on import")
        return plan.member_id


_MEMBERS, _REVIEWS = Member.__table__, Review.__table__


def _note(plan: _MemberPlan, doc: ResponseDoc, existing: _Current | None = None):
    """What an accepted file's receipt says beside its outcome (None: nothing to add). ``existing``:
    the member's current review before this file."""
    m = doc.member
    if plan.kind == "replace":
        return msg("import.key_accepted", name=m.full_name, new=m.fingerprint)
    if plan.kind == "confirm":
        return msg("import.key_confirmed", name=plan.stored_name or m.full_name, fp=m.fingerprint)
    if plan.kind == "known" and existing is not None and doc.revision > existing.revision + 1:
        # revisions from one key follow each other; a gap is noted, for the secretary to ask about
        return msg("import.revision_gap", name=plan.stored_name or m.full_name, revision=doc.revision,
                   current=existing.revision, missing=_missing(existing.revision, doc.revision))
    if plan.look_alike:
        return msg("import.look_alike", name=m.full_name, other=plan.look_alike)
    if doc.normalised:
        return msg("import.normalised")
    if plan.kind in ("new", "pin") and not plan.confirmed:  # a first key: held until confirmed by voice
        return msg("import.key_unconfirmed", name=plan.stored_name or m.full_name, fp=m.fingerprint)
    return None


def _missing(current: int, revision: int) -> str:
    """The revisions between ``current`` and ``revision``, e.g. "3" or "3–5"."""
    first, last = current + 1, revision - 1
    return str(first) if first == last else f"{first}–{last}"


def _row_values(columns: tuple[str, ...], row: dict[str, Any]) -> tuple[Any, ...]:
    if len(row) != len(columns):
        raise KeyError(f"a row with columns {sorted(row)} for {columns}")
    return tuple(row[c] for c in columns)

