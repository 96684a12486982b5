"""One running app per data directory: an operating-system file lock, released when the holder dies.

``acquire_instance_lock(data_dir)`` takes an exclusive lock on ``<data>/selfreview.lock``
(``flock`` on POSIX, called directly: the desktop app takes it before showing its window, and
importing the ``filelock`` package costs more than the lock; ``msvcrt.locking`` on Windows, through
``filelock``: ``fcntl`` is imported only where it exists, tests/unit/test_portability.py checks that). The system drops the lock when the process ends, however it ends (a crash, SIGKILL,
a power cut), so a stale lock never blocks the next start. A second process gets :class:`AlreadyRunning`; the GUI then
brings the first window forward or explains. The holder's process id is written to
``<data>/selfreview.lock.pid`` for that purpose (informational: the lock, not the file, decides).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from selfreview.messages import msg
from selfreview.services.errors import ServiceError
from selfreview.services.safety import storage_errors

try:
    import fcntl
except ImportError:  # Windows: filelock (msvcrt.locking) takes the lock instead
    fcntl = None  # type: ignore[assignment]

LOCK_FILE_NAME = "selfreview.lock"
PID_FILE_NAME = "selfreview.lock.pid"


class AlreadyRunning(ServiceError):
    def __init__(self, data_dir: Path, holder_pid: int | None) -> None:
        self.data_dir = data_dir
        self.holder_pid = holder_pid
        super().__init__(msg("instance.running", path=data_dir))


class _FlockLock:
    """``flock(LOCK_EX | LOCK_NB)`` on the lock file (POSIX); the same lock ``filelock`` takes, so the
    two agree. The file stays in place on release."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self.fd is not None

    def acquire(self) -> bool:
        """True: taken; False: another open file (another process, or this one) holds it."""
        import errno

        assert fcntl is not None
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                return False
            raise
        self.fd = fd
        return True

    def release(self, force: bool = True) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)  # closing the only descriptor drops the flock


class InstanceLock:
    """Held until :meth:`release` (or the process ends). Usable as a context manager."""

    def __init__(self, data_dir: Path, lock: Any) -> None:
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
        lock: Any
        if fcntl is not None:
            lock = _FlockLock(data_dir / LOCK_FILE_NAME)
            if not lock.acquire():
                raise AlreadyRunning(data_dir, holder_pid(data_dir))
        else:
            from filelock import FileLock, Timeout

            # no "soft" fallback: a lock file that outlives a crash would block every later start
            lock = FileLock(data_dir / LOCK_FILE_NAME, timeout=0, mode=0o600, thread_local=False,
                            fallback_to_soft=False)
            try:
                lock.acquire()
            except Timeout:
                raise AlreadyRunning(data_dir, holder_pid(data_dir)) from None
        try:
            (data_dir / PID_FILE_NAME).write_text(str(os.getpid()), encoding="ascii", newline="")
        except OSError:
            pass
    return InstanceLock(data_dir, lock)
