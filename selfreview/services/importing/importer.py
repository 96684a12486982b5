"""An import run: every file listed, checked, decided, written and given its receipt (the steps of
this package, in that order: see its ``__init__``).

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

Speed: an import loads each cell's roster and each round's current reviews once per run of files
of that cell and keeps them up to date as batches commit (:mod:`.rounds`). The database-free checks
of a large import run in worker processes (``workers``; :mod:`.workers`).

Memory: flat in the number of files. Each receipt goes to the caller as its file is written
(``on_receipt`` of :meth:`Importer.stream`) and is not kept; the rosters of the rounds a turn did
not use are dropped (:meth:`.rounds.Rounds.release`). What grows is the list of the files' paths.

One writer: ``writer(fn)`` (the desktop app's ``TaskRunner.write``) runs ``fn`` on the app's one
database-writer thread and waits for it. The files are read and checked on the caller's thread;
each turn then decides and writes files in one call of ``writer``, for at most :data:`TURN_SECONDS`,
so the other writes of the app (an autosave) wait for at most one turn. When another write of the
app came between two turns (``ctx.write_units`` moved), the next turn reloads the rounds, rosters
and current reviews it decides against.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from selfreview.db.errors import is_conflict
from selfreview.db.models import utcnow
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.messages import msg
from selfreview.services.errors import ServiceError
from selfreview.services.importing import receipts
from selfreview.services.importing.checks import Checked, check_file, failure_text, rejection
from selfreview.services.importing.decide import Batch, Decider, Planned, Waiting
from selfreview.services.importing.files import expand_names, shown_name
from selfreview.services.importing.receipts import REJECTED, Receipt
from selfreview.services.importing.rounds import Rounds
from selfreview.services.importing.workers import DEFAULT_WORKERS, FileChecks
from selfreview.services.importing.write import transaction, write_batch, write_one

if TYPE_CHECKING:
    from selfreview.services.context import AppContext

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Writer = Callable[[Callable[[], Any]], Any]  # runs a unit of database work where the app writes
OnReceipt = Callable[[Receipt], None]
BATCH_FILES = 200  # files written per transaction
# with a shared writer (the app's), files checked against the database per turn stop after this
# long; the batch is then written, and the writes queued meanwhile (an autosave) go next
TURN_SECONDS = 0.15
CONFLICT_ATTEMPTS = 3  # a file whose write lost a race with another import is planned again


class Importer:
    """One import: many files, each checked on its own, written in batches.

    ``workers``: check the files in that many worker processes (:mod:`.workers`) when there are at
    least ``workers.PARALLEL_MIN_FILES`` of them; 0 checks them in this process. None takes
    ``workers.DEFAULT_WORKERS``.
    """

    def __init__(self, ctx: AppContext, *, round_id: int | None = None, accept_new_key_for: Iterable[str] = (),
                 passphrase: str | None = None, workers: int | None = None,
                 batch_files: int | None = None, accept_other_cell: bool = False,
                 accept_look_alike: Iterable[str] = ()) -> None:
        self.ctx = ctx
        self.workers = DEFAULT_WORKERS if workers is None else workers
        self.batch_files = max(1, batch_files or BATCH_FILES)
        sec = ctx.profiles.secretary()
        self.actor = sec.full_name if sec else ""
        self.secretary: PrivateIdentity | None = None
        self.secretary_enc: str | None = None
        if sec is not None and sec.id is not None:  # a stored profile always has its id
            try:
                self.secretary = open_identity(ctx.keys_dir, sec.id, passphrase)
            except KeyFileError as e:
                raise ServiceError(e.message) from None
            self.secretary_enc = self.secretary.public.enc_public
        self.rounds = Rounds(ctx, accept_other_cell)
        self.decider = Decider(ctx, self.rounds, accept_new_key_for, accept_look_alike)
        self.batches = 0  # transactions written by the last run (one per batch)
        self.checked_in_workers = 0  # files of the last run checked by worker processes
        if round_id is not None:
            self.rounds.choose(round_id)

    def run(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
            should_cancel: Callable[[], bool] | None = None, writer: Writer | None = None) -> list[Receipt]:
        """:meth:`stream`, with every receipt returned in a list, in order (for imports whose caller
        wants them all: a cell's files)."""
        out: list[Receipt] = []
        self.stream(paths, out.append, progress, should_cancel, writer)
        return out

    def stream(self, paths: Sequence[str | os.PathLike[str]], on_receipt: OnReceipt,
               progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None,
               writer: Writer | None = None) -> None:
        """Import ``paths`` (files, folders walked for ``*.selfreview``); ``on_receipt(receipt)``
        for each file, in order, once it is written (the import keeps none of them).

        ``progress(done, total)`` after each file is checked; ``should_cancel()`` before each. A
        cancel writes the files already checked (they are complete) and stops: every file whose
        receipt was given is in the database, the others untouched. The same holds when a storage
        error stops the import: the files checked before it are written if the database still takes
        them, then the error is raised.

        ``writer(fn)``: where the database work runs (module docstring); None runs it here.
        """
        files = expand_names(paths)  # 1. list
        self.batches = self.checked_in_workers = 0
        if progress:
            progress(0, len(files))
        pending: list[Checked] = []
        units_after_turn: int | None = None  # ctx.write_units when this import's last turn ended

        def turn() -> None:
            """One turn on the writer: decide and write pending files; with a shared writer, only as
            many as :data:`TURN_SECONDS` allows (the rest wait for the next turn, after the writes
            queued meanwhile)."""
            nonlocal units_after_turn
            budget = None
            if writer is not None:
                if self.ctx.write_units != units_after_turn:  # another write of the app came between
                    self.rounds.reload()
                budget = time.perf_counter() + TURN_SECONDS
            todo = list(pending)
            pending.clear()
            pending.extend(self._turn(todo, on_receipt, budget))
            units_after_turn = self.ctx.write_units

        write = writer or (lambda fn: fn())
        checks = FileChecks(self.secretary, self.secretary_enc, self.workers, len(files))  # 2. check
        each = checks.each(files)
        try:
            for n, name in enumerate(files, start=1):
                if should_cancel and should_cancel():
                    break
                checked = next(each)
                checked.path = Path(name)
                pending.append(checked)
                while len(pending) >= self.batch_files:
                    write(turn)
                if progress:
                    progress(n, len(files))
            while pending:
                write(turn)
        except Exception:
            if pending:  # complete, checked files: keep them if the database still takes them
                try:
                    while pending:
                        write(turn)
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    log.exception("could not write the files checked before the import stopped")
            raise
        finally:
            each.close()
            checks.close()
            self.checked_in_workers = checks.files_in_workers

    def _turn(self, todo: list[Checked], on_receipt: OnReceipt, budget: float | None = None) -> list[Checked]:
        """Decide ``todo`` file by file against the database and the batch, and write them (a file
        that depends on one still waiting has the batch written first: :meth:`_decide_into`). Once
        ``perf_counter()`` passes ``budget`` the files not yet decided are returned, untouched. At
        the end the rounds this turn did not use are let go."""
        self.rounds.prefetch(c.doc for c in todo if c.doc is not None)
        batch = Batch()
        try:
            for i, checked in enumerate(todo):
                if budget is not None and i and time.perf_counter() > budget:
                    self._flush(batch, on_receipt)
                    self.rounds.release()
                    return todo[i:]
                self._decide_into(batch, checked, on_receipt)  # 3. decide
                if len(batch.items) >= self.batch_files:
                    self._flush(batch, on_receipt)
            self._flush(batch, on_receipt)
            self.rounds.release()
            return []
        except Exception:
            if batch.items:  # complete, checked files: keep them if the database still takes them
                try:
                    self._flush(batch, on_receipt)
                except Exception:  # noqa: BLE001 - the first error is the one to report
                    log.exception("could not write the files checked before the import stopped")
            raise

    def _decide_into(self, batch: Batch, checked: Checked, on_receipt: OnReceipt) -> None:
        """Decide one file and queue what it would write (or its refusal). A file whose checks
        depend on a file still waiting in the batch (the same signing key, the same person, an
        embedded form not stored yet, the same roster entry) has the batch written first, so that
        it sees exactly what it would see one file at a time."""
        item = Planned(checked.path, shown_name(checked.path), checked.sha, utcnow(), checked.doc)
        if checked.doc is None:
            if checked.trace:
                log.error("import of %s failed in a worker process:\n%s", item.shown, checked.trace)
            item.note = checked.rejection or msg("import.failed", error=checked.error or "?")
            batch.add(item)
            return
        if batch.depends_on(checked.doc):
            self._flush(batch, on_receipt)
        try:
            try:
                self.decider.decide(item, checked.coerced, batch.members)
            except Waiting:  # its roster entry is changed by a waiting file (rare): write that first
                self._flush(batch, on_receipt)
                self.decider.decide(item, checked.coerced, batch.members)
        except Rejected as e:
            item.outcome, item.note = REJECTED, e.message
        except ServiceError:  # storage trouble (disk full, read-only): stop the import, say why
            raise
        except Exception as e:  # a bug must not stop the other files; the receipt says what happened
            log.exception("import of %s failed", item.shown)
            item.outcome, item.note = REJECTED, msg("import.failed", error=failure_text(e))
        batch.add(item)

    def _flush(self, batch: Batch, on_receipt: OnReceipt) -> None:
        """4. write the waiting files in one transaction, then 5. hand over their receipts, and let
        the import's view follow. If the write fails for any reason but storage trouble, nothing of
        it was kept: the files are imported again one file per transaction, so that only a faulty
        file is refused."""
        items = batch.take()
        if not items:
            return
        try:
            with transaction(self.ctx) as conn:
                written = write_batch(conn, items, self.actor)
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
                on_receipt(self.import_file(item.path, item.shown))
            return
        for item in items:
            if item.outcome != REJECTED:
                self.decider.committed(item)
        for receipt in written:
            on_receipt(receipt)

    def import_file(self, path: Path, shown: str | None = None) -> Receipt:
        """One file in one transaction, every step in the same order as in a batch: the path of the
        files of a batch that could not be written (each is then imported alone, so that only a
        faulty file is refused), and of callers that import a single file."""
        item = Planned(path, shown or shown_name(path), "", utcnow())
        try:
            checked = check_file(path, self.secretary, self.secretary_enc)
            item.sha, item.doc = checked.sha, checked.doc
            if checked.doc is None:
                raise rejection(checked.rejection or msg("import.failed", error=checked.error or "?"))
            for attempt in range(1, CONFLICT_ATTEMPTS + 1):
                try:
                    self.decider.decide(item)
                    with transaction(self.ctx) as conn:
                        receipt = write_one(conn, item, self.actor)
                    break
                except Exception as e:  # noqa: BLE001 - only a lost race is tried again
                    if attempt == CONFLICT_ATTEMPTS or not is_conflict(e):
                        raise
                    self.rounds.reload()  # another import wrote this member meanwhile: plan again
            self.decider.committed(item)
            return receipt
        except Rejected as e:
            item.note = e.message
        except ServiceError:  # storage trouble (disk full, read-only): stop the batch, say why
            raise
        except Exception as e:  # a bug must not stop the other files; the receipt says what happened
            log.exception("import of %s failed", item.shown)
            item.note = msg("import.failed", error=failure_text(e))
        item.outcome = REJECTED
        receipt = item.receipt()
        with transaction(self.ctx) as conn:
            receipts.store(conn, receipt)
        return receipt
