"""Autosave: each change is written through the services without a Save button, and a crash loses
at most about the last second of typing.

* A change is written ``DEBOUNCE_MS`` after the last keystroke in that field, and at the latest
  ``MAX_WAIT_MS`` after the first change that is not stored yet, also while the person keeps typing
  (a debounce alone never fires during steady typing). Still one upsert of one answer row per write.
* Flushed at once on section change, Ctrl+S, focus change and close.
* A failed write is never shown as saved: the value stays unsaved and is written again with backoff
  (storage problems: disk full, database busy, read-only folder) until it is stored or the person
  types a newer value; the state names the field and the reason. :meth:`unsaved` lists what is not
  stored, so leaving the review or closing the window can ask first.

``tools/crash_harness.py --mode typing`` measures the promise (docs/reliability.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from selfreview.services.errors import ServiceError
from selfreview.services.safety import StorageError
from selfreview.ui.tasks import TaskRunner

DEBOUNCE_MS = 300  # written this long after the last keystroke in a field
MAX_WAIT_MS = 500  # ... and never later than this after the first unsaved keystroke
RETRY_MS = (500, 1000, 2000, 4000, 8000, 15000)  # backoff of a failed write (the last one repeats)


@dataclass(frozen=True)
class SaveProblem:
    """Why a field is not stored: ``field`` is the question id, ``label`` what the person reads,
    ``reason`` the core's bilingual message (or a plain string), ``retrying`` whether it is tried again."""

    field: str
    label: str
    reason: Any
    retrying: bool


class AutoSaver(QObject):
    """Debounces per question and saves through ``save(qid, value)`` on the runner's write queue.

    ``state`` is one of "idle", "pending", "saving", "saved", "error"; ``state_changed`` carries it
    with a :class:`SaveProblem` for "error" (else None). "saved" is shown only when nothing is
    pending, in flight or failed.
    """

    state_changed = Signal(str, object)
    saved = Signal(str, object)  # question id, the stored (normalised) value

    def __init__(self, save: Callable[[str, Any], Any], runner: TaskRunner, delay_ms: int | None = None,
                 max_wait_ms: int | None = None, label: Callable[[str], str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.runner = runner
        self.delay_ms = DEBOUNCE_MS if delay_ms is None else delay_ms
        self.max_wait_ms = max(MAX_WAIT_MS if max_wait_ms is None else max_wait_ms, self.delay_ms)
        self._label = label or (lambda qid: qid)
        self._pending: dict[str, Any] = {}  # typed, not yet handed to the writer
        self._debounce: dict[str, QTimer] = {}
        self._deadline: dict[str, QTimer] = {}
        self._in_flight: dict[str, int] = {}  # writes handed to the writer and not answered yet
        self._failed: dict[str, tuple[Any, SaveProblem, int]] = {}  # value, why, attempts so far
        self._retry: dict[str, QTimer] = {}
        self.state = "idle"

    # -- what the editor calls ------------------------------------------------------------------------
    def schedule(self, qid: str, value: Any) -> None:
        """A new value for ``qid``: written after the debounce, or at the deadline at the latest."""
        self._pending[qid] = value
        self._forget_failure(qid)  # the newer value replaces the one that failed
        self._timer(self._debounce, qid).start(self.delay_ms)
        deadline = self._timer(self._deadline, qid)
        if not deadline.isActive():  # counted from the first unsaved change, not restarted by typing
            deadline.start(self.max_wait_ms)
        self._update_state()

    def flush(self) -> None:
        """Hand every pending and failed change to the writer now (``runner.drain()`` waits for them)."""
        for qid in list(self._failed):
            self._retry_now(qid)
        for qid in list(self._pending):
            self._write(qid)

    def has_pending(self) -> bool:
        """Something typed has not been handed to the writer yet (or failed and waits for a retry)."""
        return bool(self._pending or self._failed)

    def unsaved(self) -> list[SaveProblem]:
        """What is not in the database: each failed field with its reason, then each field still
        pending or being written (reason None). Empty when everything typed is stored."""
        out = [problem for _value, problem, _n in self._failed.values()]
        for qid in list(self._pending) + [q for q, n in self._in_flight.items() if n]:
            if qid not in self._failed and all(p.field != qid for p in out):
                out.append(SaveProblem(qid, self._label(qid), None, False))
        return out

    # -- the writes -----------------------------------------------------------------------------------
    def _timer(self, timers: dict[str, QTimer], qid: str) -> QTimer:
        timer = timers.get(qid)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda q=qid: self._write(q))
            timers[qid] = timer
        return timer

    def _write(self, qid: str) -> None:
        for timers in (self._debounce, self._deadline):
            if qid in timers:
                timers[qid].stop()
        if qid not in self._pending:
            return
        value = self._pending.pop(qid)
        self._in_flight[qid] = self._in_flight.get(qid, 0) + 1
        self._update_state()
        self.runner.submit(self._save, qid, value,
                           on_done=lambda stored, q=qid: self._done(q, stored),
                           on_error=lambda e, q=qid, v=value: self._failed_write(q, v, e))

    def _done(self, qid: str, stored: Any) -> None:
        self._in_flight[qid] -= 1
        self._forget_failure(qid)  # writes are serial: this one is the newest value handed over
        self.saved.emit(qid, stored)
        self._update_state()

    def _failed_write(self, qid: str, value: Any, error: Exception) -> None:
        self._in_flight[qid] -= 1
        if qid in self._pending:  # a newer value is already waiting: it will be written instead
            self._update_state()
            return
        attempts = self._failed[qid][2] + 1 if qid in self._failed else 1
        reason = error.message if isinstance(error, ServiceError) else str(error)
        retrying = isinstance(error, StorageError)  # the disk or the database: it may pass
        self._failed[qid] = (value, SaveProblem(qid, self._label(qid), reason, retrying), attempts)
        if retrying:
            timer = self._retry.get(qid)
            if timer is None:
                timer = QTimer(self)
                timer.setSingleShot(True)
                timer.timeout.connect(lambda q=qid: self._retry_now(q))
                self._retry[qid] = timer
            timer.start(RETRY_MS[min(attempts - 1, len(RETRY_MS) - 1)])
        self._update_state()

    def _retry_now(self, qid: str) -> None:
        if qid not in self._failed or qid in self._pending:
            return
        value = self._failed[qid][0]
        if qid in self._retry:
            self._retry[qid].stop()
        self._pending[qid] = value  # stays listed as failed until a write succeeds
        self._write(qid)

    def _forget_failure(self, qid: str) -> None:
        self._failed.pop(qid, None)
        if qid in self._retry:
            self._retry[qid].stop()

    def _update_state(self) -> None:
        if self._failed:
            problem = next(iter(self._failed.values()))[1]
            state, message = "error", problem
        elif self._pending:
            state, message = "pending", None
        elif any(self._in_flight.values()):
            state, message = "saving", None
        else:
            state, message = "saved", None
        if state != self.state or state == "error":
            self.state = state
            self.state_changed.emit(state, message)
