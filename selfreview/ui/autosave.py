"""Autosave: each change is written through the services about half a second after the last
keystroke in that field, without a Save button. Flushed at once on section change, Ctrl+S,
focus change and close."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from selfreview.services.errors import ServiceError
from selfreview.ui.tasks import TaskRunner

DEBOUNCE_MS = 500  # a crash loses at most about the last half second of typing


class AutoSaver(QObject):
    """Debounces per question and saves through ``save(qid, value)`` on the runner's write queue.

    ``state`` is one of "idle", "pending", "saving", "saved", "error"; ``state_changed`` carries it
    with a message (the core's bilingual ``Message`` on an error, else None).
    """

    state_changed = Signal(str, object)
    saved = Signal(str, object)  # question id, the stored (normalised) value

    def __init__(self, save: Callable[[str, Any], Any], runner: TaskRunner, delay_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.runner = runner
        self.delay_ms = delay_ms
        self._pending: dict[str, Any] = {}
        self._timers: dict[str, QTimer] = {}
        self._in_flight = 0
        self.state = "idle"
        self.enabled = True

    def _set_state(self, state: str, message: Any = None) -> None:
        self.state = state
        self.state_changed.emit(state, message)

    def schedule(self, qid: str, value: Any) -> None:
        if not self.enabled:
            return
        self._pending[qid] = value
        timer = self._timers.get(qid)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda q=qid: self._write(q))
            self._timers[qid] = timer
        timer.start(self.delay_ms)
        self._set_state("pending")

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Write every pending change now (the writes may still be on the queue: ``runner.drain()``)."""
        for qid in list(self._pending):
            self._write(qid)

    def discard(self) -> None:
        for timer in self._timers.values():
            timer.stop()
        self._pending.clear()

    def _write(self, qid: str) -> None:
        if qid not in self._pending:
            return
        self._timers[qid].stop()
        value = self._pending.pop(qid)
        self._in_flight += 1
        self._set_state("saving")
        self.runner.submit(self._save, qid, value,
                           on_done=lambda stored, q=qid: self._done(q, stored),
                           on_error=lambda e, q=qid: self._failed(q, e))

    def _done(self, qid: str, stored: Any) -> None:
        self._in_flight -= 1
        self.saved.emit(qid, stored)
        if not self._in_flight and not self._pending:
            self._set_state("saved")

    def _failed(self, qid: str, error: Exception) -> None:
        self._in_flight -= 1
        message = error.message if isinstance(error, ServiceError) else None
        self._set_state("error", message or str(error))
