"""Storage failures as errors a person can act on: the one place they are translated.

``AppContext.session()``/``read()`` and ``AppContext.open`` run inside :func:`storage_errors`, so
every service reports a full disk, a read-only data folder, a database locked by another program or
a damaged database file as a :class:`StorageError` with a bilingual message, never as a driver
traceback. The unit of work was rolled back first: whatever was saved before is intact.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from selfreview.db.errors import StorageProblem, classify, server_detail
from selfreview.messages import msg
from selfreview.services.errors import ServiceError


class StorageError(ServiceError):
    """The disk or the database file refused the work; nothing half-done was kept."""
    problem: StorageProblem = StorageProblem.IO


class DiskFull(StorageError):
    problem = StorageProblem.DISK_FULL


class ReadOnlyData(StorageError):
    problem = StorageProblem.READ_ONLY


class DatabaseBusy(StorageError):
    problem = StorageProblem.BUSY


class CannotOpen(StorageError):
    problem = StorageProblem.CANNOT_OPEN


class ServerUnreachable(StorageError):
    """The database server of SELFREVIEW_DB_URL refused the connection or could not be reached."""
    problem = StorageProblem.UNREACHABLE


class DatabaseDamaged(StorageError):
    """The database file is not sound. The app offers: move it aside, restore a backup
    (``selfreview.services.recovery``)."""
    problem = StorageProblem.DAMAGED

    def __init__(self, path: Path | str, detail: str) -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(msg("storage.damaged", path=self.path, detail=detail))


def error_for(problem: StorageProblem, data_dir: Path | None, detail: str = "",
              db_path: Path | None = None) -> StorageError:
    where = data_dir if data_dir is not None else ""
    if problem is StorageProblem.DISK_FULL:
        return DiskFull(msg("storage.disk_full"))
    if problem is StorageProblem.READ_ONLY:
        return ReadOnlyData(msg("storage.read_only", path=where))
    if problem is StorageProblem.BUSY:
        return DatabaseBusy(msg("storage.busy"))
    if problem is StorageProblem.DAMAGED:
        return DatabaseDamaged(db_path or where, detail)
    if problem is StorageProblem.UNREACHABLE:
        return ServerUnreachable(msg("storage.unreachable", detail=detail))
    if problem is StorageProblem.CANNOT_OPEN:
        return CannotOpen(msg("storage.cannot_open", path=where, detail=detail))
    return StorageError(msg("storage.io"))


@contextmanager
def storage_errors(data_dir: Path | None = None, db_path: Path | None = None) -> Iterator[None]:
    """Turn the driver's and the file system's storage failures into :class:`StorageError`.

    Anything else (a constraint violated, a programming error) passes through unchanged.
    """
    try:
        yield
    except StorageError:
        raise
    except Exception as e:
        problem = classify(e, data_dir)
        if problem is None:
            raise
        detail = server_detail(e) if problem is StorageProblem.UNREACHABLE else str(getattr(e, "orig", None) or e)
        raise error_for(problem, data_dir, detail, db_path) from e
