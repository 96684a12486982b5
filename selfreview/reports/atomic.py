"""Write a file all at once or not at all.

A report is rendered into a temporary file next to the target, flushed to disk, then renamed onto
the target (``os.replace`` is atomic on one file system). On cancel or on any error the temporary
file is removed, so a half-written PDF never appears under the name the user chose.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class Cancelled(Exception):
    """The person cancelled the run (``should_cancel()`` returned True)."""


def check_cancel(should_cancel: Callable[[], bool] | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled()


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


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


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it becomes ``target``.

    The folder must exist. The temporary name starts with a dot and ends in ``.part``.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"folder does not exist: {directory}")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        _set_mode(tmp, target)
        with open(tmp, "rb+") as f:
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(directory)
    except BaseException:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
        raise
