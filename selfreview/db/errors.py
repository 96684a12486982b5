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
    UNREACHABLE = "unreachable"  # a database server (SELFREVIEW_DB_URL) refused or could not be reached


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
    if _server_unreachable(exc, inner):
        return StorageProblem.UNREACHABLE
    if isinstance(inner, OSError) and inner.errno is not None:
        return _ERRNO.get(inner.errno)
    return None


# SQLSTATE classes and codes of a server that cannot be used: connection exception (08), wrong
# password or user (28), no such database (3D000), server shutting down (57P0x), too many connections
_PG_UNREACHABLE_CLASSES = ("08", "28")
_PG_UNREACHABLE = {"3D000", "57P01", "57P02", "57P03", "53300"}


def _server_unreachable(exc: BaseException, inner: BaseException) -> bool:
    if isinstance(exc, ModuleNotFoundError) and (exc.name or "").startswith("psycopg"):
        return True  # SELFREVIEW_DB_URL names PostgreSQL, the driver is not installed
    from sqlalchemy.exc import ArgumentError
    if isinstance(exc, ArgumentError):
        return True  # SELFREVIEW_DB_URL is not a database URL SQLAlchemy can use
    if not type(inner).__module__.startswith("psycopg"):
        return False
    state = getattr(inner, "sqlstate", None)
    if state is None:  # no answer from a server at all: refused, unknown host, timed out
        return type(inner).__name__ in ("OperationalError", "InterfaceError")
    return state[:2] in _PG_UNREACHABLE_CLASSES or state in _PG_UNREACHABLE


def server_detail(exc: BaseException) -> str:
    """The driver's reason in one line (the first; psycopg adds hints on later lines)."""
    text = str(_driver_error(exc)).strip()
    if isinstance(exc, ModuleNotFoundError):
        text = f"{exc.name} is not installed (pip install 'selfreview[postgres]')"
    return (text.splitlines() or [""])[0][:300]


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
    committed now, and writing again, is the answer (services/importing/importer.py)."""
    from sqlalchemy.exc import IntegrityError
    if isinstance(exc, IntegrityError):
        return True
    return getattr(_driver_error(exc), "sqlstate", None) in _PG_CONFLICT
