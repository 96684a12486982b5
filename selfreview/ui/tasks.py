"""Work off the GUI thread: one serial worker for database writes, another for long jobs
(PDF export, import) with progress and cancel. Results come back to the GUI thread by signal.
Pages do not call this directly: they go through ``ui/operations.py`` (one error presenter, one
"changed" signal); autosave (``ui/autosave.py``) and the app's own background writes use it as is.

    runner = TaskRunner()                      # TaskRunner(synchronous=True) in tests
    runner.submit(ctx.reviews.save_answer, rid, qid, value, on_done=..., on_error=...)
    job = runner.start_job(export_pdf, path, on_done=..., on_error=..., on_cancel=...)
    ProgressDialog(job, title, label, parent)  # shown only when the job lasts > 0.5 s

A long job is a function whose first argument is a :class:`Progress`; it calls
``progress.report(done, total, text)`` now and then and ``progress.check()`` (or reads
``progress.cancelled``) where stopping is safe. ``check()`` raises :class:`Cancelled`.
Callbacks always run on the GUI thread; a worker never touches a widget.

One writer: every database write of the app runs on the one writer thread, in the order it was
queued. A long job that writes (a file import, a roster import) does its reading, checking and
file work on the job thread and hands each of its database phases to the writer with
``runner.write(fn, ...)``, which queues ``fn`` behind the writes already waiting and returns its
result (or raises its error) once it ran. A job writes in short phases (an import: one batch of
files per phase), so an autosave queued meanwhile waits for at most one phase, not for the job.
``runner.on_writer_thread()`` tells the database layer where it runs (services/context.py warns
about a write elsewhere).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from selfreview.cancel import Cancelled

log = logging.getLogger(__name__)

Callback = Callable[[Any], None] | None


class Progress:
    """What a long job reports through; safe to use from the worker thread."""

    def __init__(self, job: "Job") -> None:
        self._job = job
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """``done`` of ``total`` steps (total 0: unknown, a busy indicator); ``text`` is optional."""
        self._job.progressed.emit(int(done), int(total), str(text))


class Job(QObject):
    """A long job's handle: progress and end signals (on the GUI thread), and cancel()."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress(self)
        self.running = True

    def cancel(self) -> None:
        self.progress._cancel.set()


class _Bridge(QObject):
    """Lives on the GUI thread; a signal emitted from a worker is queued to it."""

    deliver = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _run(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class TaskRunner(QObject):
    """Runs database writes one after another and long jobs beside them.

    ``synchronous=True`` (tests) runs everything at once on the calling thread.
    ``error`` is emitted for a failed write that has no ``on_error`` of its own.
    """

    error = Signal(object)

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._bridge = _Bridge(self)
        self._writes: ThreadPoolExecutor | None = None
        self._jobs: ThreadPoolExecutor | None = None
        self._last_write: Future | None = None
        self._writer_ident: int | None = None
        self._active_jobs: set[Job] = set()

    # -- serial writes -----------------------------------------------------------------------------
    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
               on_error: Callback = None, **kwargs: Any) -> None:
        """Run ``fn(*args, **kwargs)`` after every write submitted before it."""
        on_error = on_error or self.error.emit
        if self.synchronous:
            try:
                result = fn(*args, **kwargs)
            except Exception as e:  # noqa: BLE001 - handed to the caller
                on_error(e)
            else:
                if on_done:
                    on_done(result)
            return
        def work() -> None:
            try:
                result = fn(*args, **kwargs)
            except Exception as e:  # noqa: BLE001
                log.warning("write failed: %s", e)
                self._bridge.deliver.emit(on_error, e)
            else:
                if on_done:
                    self._bridge.deliver.emit(on_done, result)

        self._last_write = self._writer().submit(work)

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(*args, **kwargs)`` on the writer thread after every write queued before it, wait
        for it and return its result (or raise its exception). For a long job's database phases,
        called from the job's thread; on the writer thread itself (or the synchronous runner) it
        runs at once."""
        if self.synchronous or self.on_writer_thread():
            return fn(*args, **kwargs)
        future = self._writer().submit(fn, *args, **kwargs)
        self._last_write = future
        return future.result()

    def on_writer_thread(self) -> bool:
        """True on the writer thread (and everywhere with the synchronous runner)."""
        return self.synchronous or (self._writer_ident is not None and threading.get_ident() == self._writer_ident)

    def _writer(self) -> ThreadPoolExecutor:
        if self._writes is None:
            self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="selfreview-db",
                                              initializer=self._mark_writer)
        return self._writes

    def _mark_writer(self) -> None:
        self._writer_ident = threading.get_ident()

    def drain(self, timeout: float = 10.0) -> bool:
        """Wait until every write submitted so far is done (on close, before finalize), and run the
        callbacks of the finished writes, so that what they record (e.g. autosave's failures) is
        known when this returns."""
        if self.synchronous or self._last_write is None:
            return True
        try:
            self._last_write.result(timeout=timeout)
        except Exception:  # noqa: BLE001 - the work function reports its own errors
            return False
        QCoreApplication.sendPostedEvents(self._bridge, QEvent.Type.MetaCall)
        return True

    # -- long jobs ----------------------------------------------------------------------------------
    def start_job(self, fn: Callable[..., Any], *args: Any, on_done: Callback = None,
                  on_error: Callback = None, on_cancel: Callable[[], None] | None = None,
                  **kwargs: Any) -> Job:
        """Run ``fn(progress, *args, **kwargs)`` off the GUI thread; returns its :class:`Job`."""
        job = Job(self)
        if on_done:
            job.finished.connect(on_done)
        job.failed.connect(on_error or self.error.emit)
        if on_cancel:
            job.cancelled.connect(on_cancel)
        self._active_jobs.add(job)

        def end(signal_name: str, value: Any = None) -> None:
            job.running = False
            self._active_jobs.discard(job)
            if signal_name == "cancelled":
                job.cancelled.emit()
            else:
                getattr(job, signal_name).emit(value)
            job.ended.emit()

        def work() -> None:
            try:
                result = fn(job.progress, *args, **kwargs)
            except Cancelled:
                outcome = ("cancelled", None)
            except Exception as e:  # noqa: BLE001
                log.warning("job failed: %s", e)
                outcome = ("failed", e)
            else:
                outcome = ("cancelled", None) if job.progress.cancelled else ("finished", result)
            if self.synchronous:
                end(*outcome)
            else:
                self._bridge.deliver.emit(lambda o: end(*o), outcome)

        if self.synchronous:
            work()
        else:
            if self._jobs is None:
                self._jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="selfreview-job")
            self._jobs.submit(work)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._active_jobs)

    def shutdown(self) -> None:
        """Cancel long jobs, finish the writes, stop the threads (at application exit)."""
        for job in list(self._active_jobs):
            job.cancel()
        # the jobs first: a cancelled job may still hand its last database phase to the writer
        for pool in (self._jobs, self._writes):
            if pool is not None:
                pool.shutdown(wait=True)
        self._writes = self._jobs = None


class ProgressDialog(QProgressDialog):
    """A progress dialog bound to a job: it appears only if the job lasts more than ``delay_ms``,
    Cancel cancels the job, and it closes itself when the job ends."""

    def __init__(self, job: Job, title: str, label: str, parent: QWidget | None = None,
                 cancellable: bool = True, delay_ms: int = 500) -> None:
        super().__init__(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.job = job
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(delay_ms)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        if not cancellable:
            self.setCancelButton(None)
        self.canceled.connect(self._cancel)
        job.progressed.connect(self._progress)
        job.ended.connect(self._end)
        if not job.running:  # it ended already (synchronous runner)
            QTimer.singleShot(0, self._end)
        else:
            self.setValue(0)

    def _cancel(self) -> None:
        self.setLabelText(self.tr("Cancelling…"))
        self.job.cancel()

    def cancel(self) -> None:
        """Cancel from code (e.g. Esc or a test) cancels the job too, not only the button."""
        self._cancel()

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0 and self.maximum() != total:
            self.setRange(0, total)
        self.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.setLabelText(text)

    def _end(self) -> None:
        self.reset()
        self.hide()
        self.deleteLater()
