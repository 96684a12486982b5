"""What went wrong with the storage, in words the services can turn into messages.

The database driver reports a full disk, a read-only file, a lock held by another program or a
damaged file as error codes; this module is the one place that reads them (SQLite result codes, and
``errno`` for plain file operations). The services map each kind to a bilingual message
(``selfreview/services/safety.py``).
"""

from __future__ import annotations

import errno
import os
from enum import Enum


class StorageProblem(str, Enum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    BUSY = "busy"            # another program holds the database lock
    DAMAGED = "damaged"      # the file is not a sound database
    CANNOT_OPEN = "cannot_open"
    IO = "io"                # the disk refused a read or a write


# primary SQLite result codes (the low byte of an extended code)
_SQLITE = {
    5: StorageProblem.BUSY,        # SQLITE_BUSY
    6: StorageProblem.BUSY,        # SQLITE_LOCKED
    8: StorageProblem.READ_ONLY,   # SQLITE_READONLY (and its extended codes)
    10: StorageProblem.IO,         # SQLITE_IOERR
    11: StorageProblem.DAMAGED,    # SQLITE_CORRUPT
    13: StorageProblem.DISK_FULL,  # SQLITE_FULL
    14: StorageProblem.CANNOT_OPEN,  # SQLITE_CANTOPEN
    26: StorageProblem.DAMAGED,    # SQLITE_NOTADB
}
_SQLITE_IOERR_NOMEM = 10 | (12 << 8)

_ERRNO = {
    errno.ENOSPC: StorageProblem.DISK_FULL,
    errno.EROFS: StorageProblem.READ_ONLY,
    errno.EACCES: StorageProblem.READ_ONLY,
    errno.EPERM: StorageProblem.READ_ONLY,
    errno.EIO: StorageProblem.IO,
}
if hasattr(errno, "EDQUOT"):
    _ERRNO[errno.EDQUOT] = StorageProblem.DISK_FULL


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception under SQLAlchemy's wrapper (``.orig``), else ``exc`` itself."""
    return getattr(exc, "orig", None) or exc


def classify(exc: BaseException, directory: os.PathLike[str] | str | None = None) -> StorageProblem | None:
    """The kind of storage problem behind ``exc``, or None when it is not one (a bug, a constraint).

    ``directory`` (the data directory) helps tell "cannot open" apart: SQLite reports a read-only
    folder, where it cannot create its ``-wal`` file, as "unable to open database file".
    """
    inner = _driver_error(exc)
    code = getattr(inner, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code == _SQLITE_IOERR_NOMEM:
            return None
        kind = _SQLITE.get(code & 0xFF)
        if kind in (StorageProblem.CANNOT_OPEN, StorageProblem.IO) and directory is not None \
                and not writable(directory):
            return StorageProblem.READ_ONLY  # e.g. the system remounted the disk read-only after errors
        if kind is None and _looks_full(inner):
            return StorageProblem.DISK_FULL
        return kind
    if isinstance(inner, OSError) and inner.errno is not None:
        return _ERRNO.get(inner.errno)
    return None


def _looks_full(exc: BaseException) -> bool:
    return "disk is full" in str(exc)


def writable(directory: os.PathLike[str] | str) -> bool:
    """Whether files can be created in ``directory`` (``access`` also sees read-only mounts)."""
    try:
        return os.access(directory, os.W_OK | os.X_OK)
    except OSError:
        return False


# PostgreSQL's SQLSTATEs of a transaction that lost a race: deadlock, serialization failure
_PG_CONFLICT = {"40P01", "40001"}


def is_conflict(exc: BaseException) -> bool:
    """True when ``exc`` says another connection got there first: a unique index refused a row that
    another transaction wrote meanwhile, or PostgreSQL broke a deadlock. Planning again from what is
    committed now, and writing again, is the answer (services/importing.py)."""
    from sqlalchemy.exc import IntegrityError
    if isinstance(exc, IntegrityError):
        return True
    return getattr(_driver_error(exc), "sqlstate", None) in _PG_CONFLICT
