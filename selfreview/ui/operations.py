"""The one way the UI runs work off the GUI thread (after Anki's ``aqt/operations``).

    ops = Operations(runner, dialogs, self)    # once per page; ``self``: the dialogs' parent
    ops.write(ctx.cells.add_member, cell_id, data).changes(ROSTER).success(self._added).run()
    ops.job(export, path).with_progress(title, label).success(self._written).run()   # -> Job
    ops.read(ctx.exchange.receipts, 0).success(self._show).run()

- ``write``: a database write, queued on the runner's one writer (ui/tasks.py).
- ``job``: a long job ``fn(progress, *args)`` with a progress dialog and Cancel; its success,
  failure and cancel callbacks run once the dialog is gone.
- ``read``: a query run on the job thread, beside the writer, the result handed back to the GUI
  thread.

Every operation ends in one of three ways. Success: ``success(result)`` runs, then the kinds of
data it ``changes`` are announced on the app's one :class:`Changes` object (``changed(Change)``).
Failure: ``failure(error)`` runs, by default :func:`present_error` (the one error presenter: a
message the person understands, in their language, the technical details in the log). Cancel:
``on_cancel()``.

Pages listen to ``changes_of(runner).changed`` and refresh what shows the kinds of data that
changed, instead of refreshing each other by hand. Autosave (ui/autosave.py) keeps its own
reporting and retry and announces nothing: the page being typed in is the one showing the answers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Self

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from selfreview.ui.i18n import arg, pick
from selfreview.ui.tasks import Job, ProgressDialog

log = logging.getLogger(__name__)

# -- what changed ----------------------------------------------------------------------------------------
PROFILE = "profile"  # a person's profile (name, post) or key
REVIEWS = "reviews"  # a review made, answered from a file, finalized, sent, revised
CELLS = "cells"  # a cell made
ROUNDS = "rounds"  # a round opened or its settings (quota, deadline)
ROSTER = "roster"  # members added, edited, removed, imported
HAND_INS = "hand_ins"  # members' files imported, a review typed in on behalf, receipts
ASSESSMENTS = "assessments"  # the committee's proposed ratings
MEETING = "meeting"  # the meeting's attendance, votes and results
COLLECTIVE = "collective"  # the collective's own report
DECISIONS = "decisions"  # the committee's decisions
SETTINGS = "settings"  # e.g. the place printed on the documents


@dataclass(frozen=True)
class Change:
    """What one operation changed: the kinds of data, what they belong to when one thing (e.g. the
    review's or the profile's id), the widget that ran it, and its result."""

    kinds: frozenset[str]
    about: Any = None
    source: QObject | None = None
    result: Any = None

    def touches(self, *kinds: str) -> bool:
        return bool(self.kinds.intersection(kinds))


class Changes(QObject):
    """The app's one "data changed" signal (one per task runner, i.e. per open data folder)."""

    changed = Signal(object)  # a Change

    def announce(self, *kinds: str, about: Any = None, source: QObject | None = None, result: Any = None) -> None:
        if kinds:
            self.changed.emit(Change(frozenset(kinds), about, source, result))


def changes_of(runner: QObject) -> Changes:
    """The :class:`Changes` of ``runner``'s app (made on first use, a child of the runner)."""
    found = runner.findChild(Changes)
    return found if found is not None else Changes(runner)


# -- the one error presenter -----------------------------------------------------------------------------
def error_text(error: BaseException) -> str:
    """What a failed operation tells the person, in the chosen language: a service's own message
    (storage failures included: services/safety.py); a file that could not be read or written; else
    that something unexpected happened, the details being in the log (services/applog.py)."""
    message = getattr(error, "message", None)
    if message is not None:
        return pick(message)
    if isinstance(error, OSError):
        return arg(QCoreApplication.translate("Operations", "The file could not be read or written: %1"),
                   error.strerror or QCoreApplication.translate("Operations", "unknown reason"))
    return QCoreApplication.translate("Operations", "Something unexpected went wrong. The details are written in "
                                                    "the log file (logs/selfreview.log in the data folder).")


def log_error(error: BaseException, what: str = "operation") -> None:
    """The technical details of a failure, for the log only."""
    cause = error.__cause__ or error.__context__
    if getattr(error, "message", None) is not None:  # a service error the person can act on
        log.warning("%s failed: %s: %s%s", what, type(error).__name__, error,
                    f" (caused by {type(cause).__name__}: {cause})" if cause is not None else "")
    else:
        log.error("%s failed", what, exc_info=(type(error), error, error.__traceback__))


def present_error(dialogs: Any, parent: QWidget | None, error: BaseException, title: str = "",
                  what: str = "operation") -> None:
    """Tell the person an operation failed (a dialog in their language); the details go to the log
    (``what``: the operation's name there)."""
    log_error(error, what)
    if parent is not None and not shiboken6.isValid(parent):
        parent = None
    dialogs.error(parent, title or QCoreApplication.translate("Operations", "Could not do that"), error_text(error))


# -- operations ------------------------------------------------------------------------------------------
class _Operation:
    def __init__(self, ops: "Operations", fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        self._ops, self._fn, self._args, self._kwargs = ops, fn, args, kwargs
        self._kinds: tuple[str, ...] = ()
        self._about: Any = None
        self._success: Callable[[Any], Any] | None = None
        self._failure: Callable[[Exception], Any] | None = None

    def changes(self, *kinds: str, about: Any = None) -> Self:
        """The kinds of data this operation changes (of ``about``, e.g. a review's id), announced
        when it succeeded."""
        self._kinds, self._about = kinds, about
        return self

    def success(self, fn: Callable[[Any], Any]) -> Self:
        self._success = fn
        return self

    def failure(self, fn: Callable[[Exception], Any]) -> Self:
        """Instead of the error dialog (e.g. a failure that asks for a passphrase and tries again)."""
        self._failure = fn
        return self

    def quietly(self) -> Self:
        """A failure goes to the runner's ``error`` signal (the window's status bar and the log), not
        to a dialog: for a write nobody waits for, such as remembering the section shown."""
        self._failure = self._ops.runner.error.emit
        return self

    def _succeeded(self, result: Any) -> None:
        if self._success is not None:
            self._success(result)
        self._ops.changes.announce(*self._kinds, about=self._about, source=self._ops.parent(), result=result)

    def _failed(self, error: Exception) -> None:
        if self._failure is not None:
            self._failure(error)
        else:
            self._ops.present(error, what=_name(self._fn))


def _name(fn: Any) -> str:
    return str(getattr(fn, "__qualname__", None) or fn)


class WriteOp(_Operation):
    def run(self) -> None:
        """Queue the write behind those already waiting on the one writer."""
        self._ops.runner.submit(self._fn, *self._args, on_done=self._succeeded, on_error=self._failed,
                                **self._kwargs)


class ReadOp(_Operation):
    def run(self) -> Job:
        """Run the query on the job thread (beside the writer, after a long job already running);
        callbacks on the GUI thread."""
        fn, args, kwargs = self._fn, self._args, self._kwargs
        # lambdas, not bound methods: a signal keeps only a weak reference to a bound method, and
        # nothing else keeps this operation alive until the job ends
        return self._ops.runner.start_job(lambda _progress: fn(*args, **kwargs), on_done=lambda r: self._succeeded(r),
                                          on_error=lambda e: self._failed(e))


class JobOp(_Operation):
    def __init__(self, *a: Any) -> None:
        super().__init__(*a)
        self._progress: tuple[str, str, bool] | None = None
        self._cancel: Callable[[], Any] | None = None
        self.dialog: ProgressDialog | None = None

    def with_progress(self, title: str, label: str, cancellable: bool = True) -> Self:
        """A progress dialog (shown when the job lasts more than half a second), with Cancel."""
        self._progress = (title, label, cancellable)
        return self

    def on_cancel(self, fn: Callable[[], Any]) -> Self:
        self._cancel = fn
        return self

    def run(self) -> Job:
        """Start ``fn(progress, *args)``; its end is handled once its progress dialog closed."""
        outcome: dict[str, Any] = {}
        job = self._ops.runner.start_job(self._fn, *self._args, on_done=lambda r: outcome.update(kind="done", value=r),
                                         on_error=lambda e: outcome.update(kind="error", value=e),
                                         on_cancel=lambda: outcome.update(kind="cancel"), **self._kwargs)

        def finish() -> None:
            self.dialog = None
            kind = outcome.get("kind")
            if kind == "done":
                self._succeeded(outcome["value"])
            elif kind == "error":
                self._failed(outcome["value"])
            elif kind == "cancel":
                log.info("%s cancelled", _name(self._fn))
                if self._cancel is not None:
                    self._cancel()

        if not job.running:  # a synchronous runner: it is over already
            finish()
            return job
        if self._progress is not None:
            title, label, cancellable = self._progress
            self.dialog = ProgressDialog(job, title, label, self._ops.parent(), cancellable)
        job.ended.connect(finish)  # after the progress dialog's own handler: it is closed by then
        return job


class Operations:
    """A page's handle on the operations layer: the runner, the dialogs, and the widget that
    parents its dialogs (a widget, or a function returning one or None)."""

    def __init__(self, runner: Any, dialogs: Any, parent: QWidget | Callable[[], QWidget | None] | None) -> None:
        self.runner, self.dialogs, self._parent = runner, dialogs, parent

    def parent(self) -> QWidget | None:
        widget = self._parent() if callable(self._parent) else self._parent
        return widget if widget is not None and shiboken6.isValid(widget) else None

    @property
    def changes(self) -> Changes:
        return changes_of(self.runner)

    def write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> WriteOp:
        return WriteOp(self, fn, args, kwargs)

    def job(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> JobOp:
        return JobOp(self, fn, args, kwargs)

    def read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> ReadOp:
        return ReadOp(self, fn, args, kwargs)

    def present(self, error: BaseException, title: str = "", what: str = "operation") -> None:
        present_error(self.dialogs, self.parent(), error, title, what)
