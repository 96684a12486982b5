"""Start-up checks, automatic backups and restoring them: what the app calls when a database is
damaged, and what ``selfreview doctor`` offers.

At every start (``AppContext.open`` -> :func:`open_database`):

1. the database file is checked (header and ``quick_check``, ``selfreview/db/integrity.py``); a
   damaged file raises :class:`DatabaseDamaged` and nothing is written;
2. the schema is migrated (a pre-migration copy is made first, ``selfreview/db/migrate.py``);
3. if today has no automatic copy yet, a daily copy is made and old copies are rotated
   (``selfreview/db/backup.py``). A failure here (a full disk) does not stop the app: it is
   reported in :class:`StartupReport` and the app opens. The desktop app opens with
   ``daily_backup=False`` and runs :func:`take_daily_backup` as the first task of its database
   writer instead, so its first page does not wait for the copy (``ui/app.py``).

After :class:`DatabaseDamaged`, with no context open on the folder and the instance lock held:
:func:`move_damaged_aside`, then :func:`restore_backup` (the newest sound copy, or a chosen one of
:func:`sound_backups`), then ``AppContext.open`` again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from selfreview.db import backup as backups
from selfreview.db.engine import Database, connect, database_url, sqlite_path
from selfreview.db.integrity import check_file, move_aside, side_files
from selfreview.db.migrate import upgrade
from selfreview.messages import Message, msg
from selfreview.services.errors import ServiceError
from selfreview.services.safety import DatabaseDamaged, StorageError, storage_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str          # daily | pre-migration | pre-restore | other
    taken_at: datetime
    size: int

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class StartupReport:
    checked: bool                      # the file existed and passed its check
    daily_backup: Path | None = None   # the copy made at this start, if any
    backup_error: Message | None = None  # why no copy could be made (the app opened anyway)


def database_file(data_dir: Path) -> Path | None:
    """The database file for ``data_dir`` (None when the database is not a local file)."""
    return sqlite_path(database_url(data_dir))


def backup_dir(data_dir: Path) -> Path:
    path = database_file(data_dir)
    return (path.parent if path is not None else data_dir) / backups.BACKUP_DIR_NAME


def open_database(directory: Path, daily_backup: bool = True) -> tuple[Database, Path | None, StartupReport]:
    """Check, connect, migrate, take the daily copy (``daily_backup=False``: the caller runs
    :func:`take_daily_backup` itself, later). Raises :class:`StorageError` (incl.
    :class:`DatabaseDamaged`) with a message a person can act on."""
    path = database_file(directory)
    with storage_errors(directory, path):
        checked = False
        if path is not None and path.exists() and path.stat().st_size > 0:
            problem = check_file(path)
            if problem is not None:
                raise DatabaseDamaged(path, problem)
            checked = True
        if path is not None:
            owner_only(path)
        db = connect(database_url(directory))
        try:
            migration_backup = upgrade(db)
        except BaseException:
            db.dispose()
            raise
    daily, error = take_daily_backup(directory) if daily_backup else (None, None)
    return db, migration_backup, StartupReport(checked, daily, error)


def take_daily_backup(directory: Path) -> tuple[Path | None, Message | None]:
    """Today's automatic copy, unless today has one: (the copy made or None, why none could be made
    or None). Never raises for a failed copy: the app goes on without it."""
    path = database_file(directory)
    if path is None:
        return None, None
    try:
        with storage_errors(directory, path):
            return backups.take_daily(path, path.parent / backups.BACKUP_DIR_NAME), None
    except StorageError as e:
        return None, e.message
    except Exception as e:  # a copy that failed its own check: report it, open anyway
        log.warning("daily backup failed: %s", e)
        return None, msg("storage.io")


def owner_only(path: Path) -> None:
    """The database file (created empty if new) and its side files 0600: SQLite gives a new -wal
    and -shm the database file's mode, so they follow."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # an empty file is a new database
    for f in [path, *side_files(path)]:
        try:
            if f.exists() and f.stat().st_mode & 0o077:
                f.chmod(0o600)
        except OSError:
            pass  # a read-only file system: the folder's own permissions still apply


def check_database(data_dir: Path, full: bool = False) -> str | None:
    """The problem with the database file, or None when it is sound (or not a local file)."""
    path = database_file(data_dir)
    if path is None:
        return None
    with storage_errors(data_dir, path):
        return check_file(path, full=full)


def move_damaged_aside(data_dir: Path) -> Path:
    """Move the database and its ``-wal``/``-shm`` files to ``<data>/damaged/<timestamp>/``."""
    path = _require_file(data_dir)
    with storage_errors(data_dir, path):
        return move_aside(path, path.parent)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The automatic copies, newest first."""
    return [BackupInfo(b.path, b.kind, b.taken_at, b.size) for b in backups.list_backups(backup_dir(data_dir))]


def sound_backups(data_dir: Path) -> list[BackupInfo]:
    """The automatic copies that pass their check, newest first: those :func:`restore_backup` can
    put back (the choice offered when a damaged database is found)."""
    return [b for b in list_backups(data_dir) if check_file(b.path) is None]


def restore_backup(data_dir: Path, chosen: Path | str | None = None) -> BackupInfo:
    """Put a backup in place of the database: ``chosen`` (a path, or a name in the backups folder),
    else the newest copy that passes its check.

    The current database, if sound, is first kept as a ``pre-restore`` copy; if damaged, it is moved
    aside. No context may be open on ``data_dir`` (hold the instance lock).
    """
    path = _require_file(data_dir)
    with storage_errors(data_dir, path):
        source = _choose(data_dir, chosen)
        if path.exists() and path.stat().st_size > 0:
            if check_file(path) is None:
                backups.backup_sqlite(path, backup_dir(data_dir), "pre-restore")
            else:
                move_aside(path, path.parent)
        backups.restore_file(source.path, path)
        backups.rotate(backup_dir(data_dir))
    return source


def _choose(data_dir: Path, chosen: Path | str | None) -> BackupInfo:
    available = list_backups(data_dir)
    if chosen is None:
        if not available:
            raise ServiceError(msg("backup.none"))
        problems = []
        for b in available:
            problem = check_file(b.path)
            if problem is None:
                return b
            problems.append((b, problem))
        first, detail = problems[0]
        raise ServiceError(msg("backup.damaged", name=first.name, detail=detail))
    candidate = Path(chosen)
    if not candidate.is_absolute() and candidate.parent == Path("."):
        candidate = backup_dir(data_dir) / candidate
    if not candidate.is_file():
        raise ServiceError(msg("backup.not_found", name=str(chosen)))
    problem = check_file(candidate)
    if problem is not None:
        raise ServiceError(msg("backup.damaged", name=candidate.name, detail=problem))
    parsed = backups.parse(candidate)
    if parsed is not None:
        return BackupInfo(parsed.path, parsed.kind, parsed.taken_at, parsed.size)
    st = candidate.stat()
    return BackupInfo(candidate, "other", datetime.fromtimestamp(st.st_mtime), st.st_size)


def _require_file(data_dir: Path) -> Path:
    path = database_file(data_dir)
    if path is None:
        raise ServiceError(msg("backup.not_a_file"))
    return path


def reviews_in(path: Path) -> int:
    """How many reviews a database file or a backup holds (what ``doctor --restore`` says it brings back)."""
    return backups.reviews_in(path)
