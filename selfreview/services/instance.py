"""One running app per data directory: an operating-system file lock, released when the holder dies.

``acquire_instance_lock(data_dir)`` takes an exclusive lock on ``<data>/selfreview.lock``
(``flock`` on POSIX, ``msvcrt.locking`` on Windows, through the ``filelock`` package). The system
drops the lock when the process ends, however it ends (a crash, SIGKILL, a power cut), so a stale
lock never blocks the next start. A second process gets :class:`AlreadyRunning`; the GUI then
brings the first window forward or explains. The holder's process id is written to
``<data>/selfreview.lock.pid`` for that purpose (informational: the lock, not the file, decides).
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from selfreview.messages import msg
from selfreview.services.errors import ServiceError
from selfreview.services.safety import storage_errors

LOCK_FILE_NAME = "selfreview.lock"
PID_FILE_NAME = "selfreview.lock.pid"


class AlreadyRunning(ServiceError):
    def __init__(self, data_dir: Path, holder_pid: int | None) -> None:
        self.data_dir = data_dir
        self.holder_pid = holder_pid
        super().__init__(msg("instance.running", path=data_dir))


class InstanceLock:
    """Held until :meth:`release` (or the process ends). Usable as a context manager."""

    def __init__(self, data_dir: Path, lock: FileLock) -> None:
        self.data_dir = data_dir
        self._lock = lock

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                (self.data_dir / PID_FILE_NAME).unlink()
            except OSError:
                pass
            self._lock.release(force=True)

    def __enter__(self) -> "InstanceLock":
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder_pid(data_dir: Path) -> int | None:
    """The process id the current holder wrote down, if readable."""
    try:
        return int((Path(data_dir) / PID_FILE_NAME).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def acquire_instance_lock(data_dir: Path | str) -> InstanceLock:
    """Take the data directory's lock now, or raise :class:`AlreadyRunning` (never waits)."""
    data_dir = Path(data_dir)
    with storage_errors(data_dir):
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        # no "soft" fallback: a lock file that outlives a crash would block every later start
        lock = FileLock(data_dir / LOCK_FILE_NAME, timeout=0, mode=0o600, thread_local=False,
                        fallback_to_soft=False)
        try:
            lock.acquire()
        except Timeout:
            raise AlreadyRunning(data_dir, holder_pid(data_dir)) from None
        try:
            (data_dir / PID_FILE_NAME).write_text(str(os.getpid()), encoding="ascii")
        except OSError:
            pass
    return InstanceLock(data_dir, lock)
