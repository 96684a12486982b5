"""When the app dies: a crash log in the data folder, and the next start knows the last run did
not close.

``CrashWatch.start(data_dir)`` (the desktop app, once it holds the data folder's lock) opens
``<data>/logs/crash.log`` for the life of the process and hands it to :mod:`faulthandler`, so a
fatal error (an abort, a segmentation fault, a Python fatal error such as ``none_dealloc``) writes
every thread's Python traceback there. It also leaves a marker, ``<data>/logs/running.json``,
which ``stop()`` removes when the app closes normally. A marker found at start means the last run
ended some other way (a crash, a kill, a power cut); ``start`` returns it as :class:`UncleanExit`,
and :func:`saved_until` says until when the answers were stored (the newest ``answer.updated_at``).
Portable: only files and :mod:`faulthandler` (on Windows it reports access violations too).
"""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO

from selfreview.fsutil import write_atomic

# nothing of SQLAlchemy here at import: the app starts the watch before its window is shown
log = logging.getLogger(__name__)

LOG_DIR = "logs"
CRASH_LOG = "crash.log"
MARKER = "running.json"
MAX_LOG_BYTES = 1_000_000  # a longer log is moved to crash.log.1 at start (one older log kept)


@dataclass(frozen=True)
class UncleanExit:
    """The last run did not close normally."""

    started_at: datetime | None  # when that run started (UTC), if the marker says
    log_path: Path  # where its fatal error, if it had one, was written


class CrashWatch:
    """The crash log and the "running" marker of one run of the app (see the module docstring)."""

    def __init__(self, data_dir: Path, log_file: IO[str] | None, was_enabled: bool = False) -> None:
        self.data_dir = data_dir
        self._was_enabled = was_enabled  # faulthandler was on before (to stderr: python -X faulthandler, pytest)
        self.log_path = data_dir / LOG_DIR / CRASH_LOG
        self.marker = data_dir / LOG_DIR / MARKER
        self._file = log_file  # kept open for the life of the process: faulthandler writes to its descriptor

    @classmethod
    def start(cls, data_dir: str | os.PathLike[str]) -> tuple["CrashWatch", UncleanExit | None]:
        """Enable the crash log and leave the marker; returns the watch and how the last run ended
        (None: it closed normally, or this is the first run). Never raises: a data folder where the
        log cannot be written only loses the log."""
        directory = Path(data_dir)
        logs = directory / LOG_DIR
        previous = None
        log_file = None
        was_enabled = faulthandler.is_enabled()
        try:
            logs.mkdir(parents=True, exist_ok=True)
            previous = _previous(logs / MARKER, logs / CRASH_LOG)
            path = logs / CRASH_LOG
            if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
                os.replace(path, logs / (CRASH_LOG + ".1"))
            log_file = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - open for the process's life
            log_file.write(f"--- selfreview started {utcnow().isoformat(timespec='seconds')}Z, pid {os.getpid()}\n")
            log_file.flush()
            faulthandler.enable(file=log_file, all_threads=True)
            _write_marker(logs / MARKER)
        except OSError as e:
            log.warning("no crash log in %s: %s", logs, e)
        return cls(directory, log_file, was_enabled), previous

    def stop(self) -> None:
        """The app closes normally: no marker left for the next start; the log file is closed."""
        if self._file is not None:
            faulthandler.disable()
            self._file.close()
            self._file = None
            if self._was_enabled and sys.__stderr__ is not None:
                faulthandler.enable(file=sys.__stderr__, all_threads=True)
        try:
            self.marker.unlink(missing_ok=True)
        except OSError as e:
            log.warning("could not remove %s: %s", self.marker, e)


def _write_marker(path: Path) -> None:
    # a marker, not a document: replaced atomically, the flush to disk left to the system
    data = json.dumps({"pid": os.getpid(), "started_at": utcnow().isoformat(timespec="seconds")})
    write_atomic(path, data.encode("utf-8"), mode=None, durable=False)


def _previous(marker: Path, log_path: Path) -> UncleanExit | None:
    if not marker.exists():
        return None
    started = None
    try:
        started = datetime.fromisoformat(json.loads(marker.read_text(encoding="utf-8"))["started_at"])
    except (OSError, ValueError, KeyError, TypeError):  # a marker cut short by the crash: still a crash
        pass
    return UncleanExit(started, log_path)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def saved_until(ctx) -> datetime | None:
    """When the newest answer was stored (UTC), or None when there is none."""
    from sqlalchemy import func, select

    from selfreview.db.models import Answer
    with ctx.read() as s:
        return s.scalar(select(func.max(Answer.updated_at)))
