"""Writing files so that a reader never sees half of one (standard library only, every layer uses it).

:func:`atomic_write` is the one way the app replaces a file: the content goes into a temporary file
in the target's folder (``.<target name>.<8 characters><suffix>``), which is flushed to disk and
renamed onto the target (``os.replace`` is atomic on one file system); the folder is then flushed so
the rename itself survives a power cut. On any error (and on cancel, which is an exception) the
temporary file is removed, so the target holds either its old content or the whole new one.
:func:`write_atomic` does the same for bytes in memory.

What differs between writers is a parameter:

- ``mode``: the permissions of the finished file. :data:`PRIVATE` (0600, owner only: keys, backups,
  exchange files) by default; ``None`` for a document the person exports (a PDF): the permissions of
  the file it replaces, or those a new file gets under the umask.
- ``sync_file`` / ``sync_dir``: fsync the file before the rename, and the folder after it. Bulk
  writers (the demo) and throw-away markers may skip them: the rename stays atomic, only the flush
  to disk is left to the system.
- ``clean_leftovers``: a writer that is killed cannot remove its temporary file. With this set, the
  writer holds an exclusive lock (``flock``) on its temporary for as long as it writes, and the
  operating system drops that lock when the process dies; a temporary of the same target that
  nobody holds locked is a leftover and is removed before the new write. Where locks are not
  available (Windows, some network file systems) a temporary older than a minute counts as a
  leftover (Windows refuses to delete a file another process still has open, so a live writer's
  file is safe there too). Temporaries of other targets are never touched.

Portable: ``fcntl`` is used only where it exists; on Windows the temporary is closed before the
caller writes it (a file cannot be renamed there while it is open), and ``chmod`` only sets the
read-only flag.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

PRIVATE = 0o600
STALE_AFTER_SECONDS = 60.0


def fsync_dir(directory: str | os.PathLike[str]) -> None:
    """Make a rename or unlink in ``directory`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(Path(directory), os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _folder(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _set_mode(tmp: Path, target: Path, mode: int | None) -> None:
    """``mode``, or (None) the permissions of the file ``target`` replaces, or those of a new file."""
    if mode is None:
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


def temporary_name(target: Path, suffix: str = ".tmp") -> re.Pattern[str]:
    """The names :func:`atomic_write` gives the temporaries of ``target`` (mkstemp: 8 characters)."""
    return re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}" + re.escape(suffix))


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


def remove_leftovers(target: str | os.PathLike[str], suffix: str = ".tmp") -> list[Path]:
    """Remove the temporaries that killed writers left for ``target``; returns what was removed."""
    target = Path(target)
    pattern = temporary_name(target, suffix)
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = [p for p in _folder(target).iterdir() if pattern.fullmatch(p.name)]
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


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_write(target: str | os.PathLike[str], *, mode: int | None = PRIVATE, suffix: str = ".tmp",
                 sync_file: bool = True, sync_dir: bool = True, clean_leftovers: bool = False) -> Iterator[Path]:
    """Yield the path of an empty temporary file in the target's folder; write it (by name, as a
    PDF or SQLite library does); when the block ends without an exception it becomes ``target``.

    The folder must exist. See the module's docstring for the parameters.
    """
    target = Path(target)
    folder = _folder(target)
    if not folder.is_dir():
        raise FileNotFoundError(f"folder does not exist: {folder}")
    if clean_leftovers:
        remove_leftovers(target, suffix)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)  # owner-only
    if clean_leftovers and fcntl is not None:
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
        if sync_file:
            _fsync_file(tmp)
        if mode != PRIVATE:  # (mkstemp made it 0600; set after the flush: it may be read-only)
            _set_mode(tmp, target, mode)
        os.replace(tmp, target)
        if sync_dir:
            fsync_dir(folder)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
    finally:
        if fd >= 0:
            os.close(fd)


def write_atomic(target: str | os.PathLike[str], data: bytes, *, mode: int | None = PRIVATE,
                 durable: bool = True) -> Path:
    """Replace ``target`` by ``data`` through :func:`atomic_write` (``durable``: fsync the file and
    its folder; bulk writers such as the demo pass False). Returns the target's path."""
    target = Path(target)
    with atomic_write(target, mode=mode, sync_file=durable, sync_dir=durable) as tmp:
        tmp.write_bytes(data)
    return target
