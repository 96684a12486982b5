"""Copies of the database in ``<data>/backups/``: taking them, listing them, rotating, restoring.

Each copy is made with SQLite's backup API from a read-only connection, so it is consistent even
while the program writes (WAL content included). It is written under a temporary name, checked,
flushed to disk and only then renamed to its final name: a copy interrupted by a crash never looks
like a backup. Names are ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<label>.db``; the label gives the kind:

- ``daily``: taken at start-up, at most one per calendar day (none on a day that already has a
  pre-migration copy), unless today's copy holds nothing and the database now holds data (day 1:
  the first import or profile gets a real copy); the newest ``KEEP["daily"]`` are kept;
- ``pre-<revision>``: taken before a schema migration; the newest ``KEEP["pre-migration"]`` are kept;
- ``pre-restore``: the database as it was before a backup was restored over it; newest kept likewise.

All of them together stay within :data:`BUDGET_BYTES` (the oldest go first; the newest of each kind
stays). A PostgreSQL database's copies are pg_dump files (``.pgdump``, db/pg_backup.py), rotated
the same way.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from selfreview.db.integrity import check_file, side_files, sqlite_uri
from selfreview.fsutil import PRIVATE, atomic_write

BACKUP_DIR_NAME = "backups"
KEEP = {"daily": 7, "pre-migration": 5, "pre-restore": 5}
# all the copies together, at most (the newest copy of each kind is kept whatever its size): a small
# database keeps its 7 days; a province's (259 MB a copy) keeps the few that fit
BUDGET_BYTES = 1_000_000_000
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<label>[A-Za-z0-9_.-]+)\.(?:db|pgdump)$")
_TMP_SUFFIX = ".partial"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str          # daily | pre-migration | pre-restore | other
    label: str
    taken_at: datetime
    size: int


def kind_of(label: str) -> str:
    if label == "daily":
        return "daily"
    if label == "pre-restore":
        return "pre-restore"
    if label.startswith("pre-"):
        return "pre-migration"
    return "other"


def parse(path: Path) -> BackupFile | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    taken = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S-%f")
    return BackupFile(path, kind_of(m["label"]), m["label"], taken, path.stat().st_size)


def list_backups(backup_dir: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [b for p in backup_dir.iterdir() if p.is_file() and (b := parse(p)) is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def backup_sqlite(path: Path, dest_dir: Path, label: str, now: datetime | None = None) -> Path:
    """A consistent copy of a live SQLite file (the backup API copies WAL content too)."""
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{path.stem}-{stamp}-{label}.db"
    with atomic_write(dest, mode=PRIVATE, suffix=_TMP_SUFFIX) as tmp:  # owner-only from the start
        src = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
        problem = check_file(tmp)
        if problem is not None:
            raise sqlite3.DatabaseError(f"the new backup failed its check: {problem}")
    return dest


def take_daily(path: Path, backup_dir: Path, now: datetime | None = None) -> Path | None:
    """Copy the database unless today already has an automatic copy; rotate. None when none was made.

    A copy made before a migration earlier today counts as today's copy (it holds the same state).
    """
    now = now or datetime.now()
    if not path.exists() or path.stat().st_size == 0:
        return None
    clean_partials(backup_dir)
    today = [b for b in list_backups(backup_dir)
             if b.kind in ("daily", "pre-migration") and b.taken_at.date() == now.date()]
    # today's copy counts only if it holds what matters: on day 1 the copies taken at start-up are of
    # an empty database, and the first data entered (a profile, an import) deserves a real copy
    if today and (holds_data(today[0].path) or not holds_data(path, live=True)):
        return None
    made = backup_sqlite(path, backup_dir, "daily", now)
    rotate(backup_dir)
    return made


_DATA_TABLES = ("profile", "member", "review")


def _count(path: Path, tables: tuple[str, ...], live: bool = False) -> int:
    """Rows in ``tables``. A copy is opened immutable (no -wal or -shm is made beside it); the
    live database (``live``) read-only, so that what is still in its WAL counts."""
    params = {"mode": "ro"} if live else {"mode": "ro", "immutable": "1"}
    try:
        con = sqlite3.connect(sqlite_uri(path, **params), uri=True)
    except sqlite3.Error:
        return 0
    try:
        total = 0
        for t in tables:
            try:
                total += con.execute(f'select count(*) from "{t}"').fetchone()[0]  # noqa: S608 - fixed names
            except sqlite3.Error:  # not there (yet): nothing in it
                pass
        return total
    finally:
        con.close()


def reviews_in(path: Path) -> int:
    """The reviews a database file (or a copy) holds: what a restore of it brings back."""
    return _count(path, ("review",))


def holds_data(path: Path, live: bool = False) -> bool:
    """True when the database holds a profile, a roster entry or a review."""
    return _count(path, _DATA_TABLES, live=live) > 0


def rotate(backup_dir: Path, keep: dict[str, int] | None = None, budget: int | None = None) -> list[Path]:
    """Delete the oldest copies of each kind beyond its quota, then, while all the copies together
    take more than ``budget`` bytes (:data:`BUDGET_BYTES`), the oldest copy that is not the newest
    of its kind (a province's 259 MB database: 3 copies, not 12). Returns what was deleted."""
    keep = KEEP if keep is None else keep
    budget = BUDGET_BYTES if budget is None else budget
    removed: list[Path] = []
    seen: dict[str, int] = {}
    kept: list[BackupFile] = []
    for b in list_backups(backup_dir):  # newest first
        seen[b.kind] = seen.get(b.kind, 0) + 1
        if b.kind in keep and seen[b.kind] > keep[b.kind]:
            b.path.unlink()
            removed.append(b.path)
        else:
            kept.append(b)
    newest = {b.kind: b.path for b in reversed(kept)}  # (reversed: the newest of a kind wins)
    total = sum(b.size for b in kept)
    for b in reversed(kept):  # oldest first
        if total <= budget:
            break
        if newest[b.kind] != b.path:
            b.path.unlink()
            removed.append(b.path)
            total -= b.size
    return removed


def clean_partials(backup_dir: Path) -> None:
    """Remove copies a crash interrupted (they never got their final name)."""
    if backup_dir.is_dir():
        for p in backup_dir.glob("*" + _TMP_SUFFIX):
            _unlink_quietly(p)


def restore_file(backup: Path, target: Path) -> None:
    """Put a copy of ``backup`` in place of ``target``. No program may have ``target`` open.

    The backup is checked first. Stale ``-wal``/``-shm`` files of the old database are removed
    before the copy takes its place (a left-over log would otherwise be replayed into the restored
    file). The copy is written under a temporary name and renamed, so ``target`` is never half there.
    """
    problem = check_file(backup)
    if problem is not None:
        raise sqlite3.DatabaseError(f"the backup is damaged: {problem}")
    with atomic_write(target, mode=PRIVATE, suffix=".restoring") as tmp:
        with open(tmp, "wb") as out, open(backup, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
        for side in side_files(target):
            _unlink_quietly(side)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
