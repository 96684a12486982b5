"""Is the database file sound? The check run at every start-up, and moving a damaged file aside.

Two layers, cheap first:

1. the file's header: at least 100 bytes, the 16-byte magic ``SQLite format 3\\0``, a page size
   that is a power of two between 512 and 65536;
2. ``PRAGMA quick_check`` (or ``integrity_check`` when asked): the structure of every b-tree page.
   quick_check does not compare indexes with their tables and, like any check without checksums,
   cannot see text whose bytes were changed in place; ``integrity_check`` also compares indexes.

A problem is returned as a short English detail (for logs and the error message); errors that are
not damage (the file cannot be opened, is locked, the disk is full) are raised unchanged so the
caller can report them as what they are.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from selfreview.fsutil import fsync_dir

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
DAMAGED_DIR_NAME = "damaged"


def sqlite_uri(path: Path, **params: str) -> str:
    """A ``file:`` URI for ``path`` that survives ``?``, ``#`` and ``%`` in folder names."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def side_files(path: Path) -> list[Path]:
    """The write-ahead log, shared-memory index and rollback journal that belong to ``path``."""
    return [path.with_name(path.name + s) for s in SIDE_SUFFIXES]


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's header, or None. An empty or missing file is a new database."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    if size == 0:
        return None
    if size < HEADER_SIZE:
        return f"file is {size} bytes, shorter than the {HEADER_SIZE}-byte database header"
    with open(path, "rb") as f:
        head = f.read(HEADER_SIZE)
    if head[:16] != SQLITE_MAGIC:
        return "the file does not start with the SQLite header (not a database, or overwritten)"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return f"the header gives an impossible page size ({page_size})"
    return None


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    return not isinstance(exc, sqlite3.OperationalError)


def structure_problem(path: Path, full: bool = False, timeout: float = 5.0) -> str | None:
    """Run SQLite's own check on ``path``; the first lines of its report, or None when sound.

    The connection reads through the write-ahead log (so commits not yet copied into the main file
    are checked too, and recovered if the last program was killed).
    """
    pragma = "PRAGMA integrity_check(20)" if full else "PRAGMA quick_check(20)"
    try:
        conn = sqlite3.connect(path, timeout=timeout)
    except sqlite3.DatabaseError as e:
        if _is_damage(e):
            return str(e)
        raise
    try:
        rows = [r[0] for r in conn.execute(pragma).fetchall()]
    except sqlite3.DatabaseError as e:
        if _is_damage(e):
            return str(e)
        raise
    finally:
        conn.close()
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows[:5])


def check_file(path: Path, full: bool = False) -> str | None:
    """Header, then structure. None when the database is sound (or does not exist yet)."""
    problem = header_problem(path)
    if problem is not None:
        return problem
    if not path.exists() or path.stat().st_size == 0:
        return None
    return structure_problem(path, full=full)


def move_aside(path: Path, data_dir: Path, now: datetime | None = None) -> Path:
    """Move ``path`` and its side files into ``<data>/damaged/<timestamp>/``; return that folder.

    Nothing is deleted: the damaged copy stays for a specialist (or a later recovery tool).
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    dest = data_dir / DAMAGED_DIR_NAME / stamp
    dest.mkdir(parents=True, mode=0o700)
    for f in [path, *side_files(path)]:
        if f.exists():
            shutil.move(str(f), str(dest / f.name))
    fsync_dir(path.parent)
    return dest


