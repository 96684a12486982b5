"""Write a file all at once or not at all.

A report is rendered into a temporary file next to the target, flushed to disk, then renamed onto
the target (``os.replace`` is atomic on one file system). On cancel or on any error the temporary
file is removed, so a half-written PDF never appears under the name the user chose.

A writer that is killed cannot remove its temporary file (``.<target name>.<8 characters>.part``).
The next write to the same target removes such leftovers: the writer holds an exclusive lock
(``flock``) on its temporary file for as long as it writes, and the operating system drops that
lock when the process dies, so a temporary that nobody holds locked is a leftover. Where locks are
not available (Windows, some network file systems) a temporary older than a minute counts as a
leftover (Windows refuses to delete a file another process still has open, so a live writer's file
is safe there too). Temporaries of other targets are never touched.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator
from selfreview.fsutil import fsync_dir

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
STALE_AFTER_SECONDS = 60.0


class Cancelled(Exception):
    """The person cancelled the run (``should_cancel()`` returned True)."""


def check_cancel(should_cancel: Callable[[], bool] | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _set_mode(tmp: Path, target: Path) -> None:
    """The finished file gets the permissions of the file it replaces, or the usual ones for a new
    file (mkstemp makes it readable by its owner only)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting; False if someone else holds one.
    Raises OSError where the file system has no locks."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def temporary_name(target: Path) -> re.Pattern[str]:
    """The names :func:`atomic_path` gives the temporaries of ``target`` (mkstemp: 8 characters)."""
    return re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}" + re.escape(".part"))


def _is_leftover(path: Path, now: float) -> bool:
    if fcntl is not None:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        try:
            return _lock(fd)  # nobody holds it: its writer is gone
        except OSError:
            pass  # no locks on this file system: judge by age
        finally:
            os.close(fd)  # (closing drops the lock we may have taken)
    try:
        return now - path.stat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False


def remove_leftovers(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries that killed writers left for ``target``; returns what was removed."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    pattern = temporary_name(target)
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [p for p in directory.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return removed
    for path in candidates:
        if not _is_leftover(path, now):
            continue
        try:
            path.unlink()
        except OSError:  # gone already, or still open by a writer (Windows)
            continue
        removed.append(path)
    if removed:
        log.info("removed %d temporary file(s) left by an interrupted write of %s", len(removed), target)
    return removed


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it becomes ``target``.

    The folder must exist. The temporary name starts with a dot and ends in ``.part``; it stays
    locked while the caller writes, and leftovers of earlier, interrupted writes to the same target
    are removed first (:func:`remove_leftovers`).
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"folder does not exist: {directory}")
    remove_leftovers(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    if fcntl is not None:
        try:
            _lock(fd)  # held until fd is closed below: the sign that this writer is alive
        except OSError:
            pass
    else:
        os.close(fd)
        fd = -1
    tmp = Path(name)
    try:
        yield tmp
        _set_mode(tmp, target)
        with open(tmp, "rb+") as f:
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        fsync_dir(directory)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    finally:
        if fd >= 0:
            os.close(fd)
