"""Backups of a PostgreSQL database (a committee office's shared server): ``pg_dump`` in its
custom format (compressed; ``pg_restore`` puts it back), named and rotated like the SQLite copies
(db/backup.py: ``<database>-<stamp>-<label>.pgdump`` in the backups folder).

Where ``pg_dump`` is not installed nothing is copied and the caller says so: the server's own
backups are then the way (docs/reliability.md, "PostgreSQL").
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from selfreview.db.backup import _TMP_SUFFIX, clean_partials, list_backups, rotate
from selfreview.fsutil import PRIVATE, atomic_write

SUFFIX = ".pgdump"
TIMEOUT_S = 3600


def pg_dump_program() -> str | None:
    return shutil.which("pg_dump")


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq connection URI (without the password) and the environment that carries the password."""
    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    return u.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def dump(url: str, dest_dir: Path, label: str, now: datetime | None = None) -> Path | None:
    """``pg_dump`` the database into ``dest_dir``; None when pg_dump is not installed. Raises
    RuntimeError with pg_dump's own reason when it fails (nothing half-written is left)."""
    program = pg_dump_program()
    if program is None:
        return None
    now = now or datetime.now()
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = make_url(url).database or "selfreview"
    dest = dest_dir / f"{name}-{now:%Y%m%d-%H%M%S-%f}-{label}{SUFFIX}"
    uri, env = _libpq(url)
    with atomic_write(dest, mode=PRIVATE, suffix=_TMP_SUFFIX) as tmp:
        done = subprocess.run([program, "--format=custom", "--no-owner", f"--file={tmp}", f"--dbname={uri}"],
                              env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
        if done.returncode != 0:
            raise RuntimeError((done.stderr.strip().splitlines() or ["pg_dump failed"])[-1])
    return dest


def take_daily(url: str, backup_dir: Path, now: datetime | None = None) -> Path | None:
    """Today's dump unless today has one (or pg_dump is missing); rotated like the SQLite copies."""
    now = now or datetime.now()
    if backup_dir.exists():
        clean_partials(backup_dir)
        if any(b.kind in ("daily", "pre-migration") and b.taken_at.date() == now.date()
               for b in list_backups(backup_dir)):
            return None
    made = dump(url, backup_dir, "daily", now)
    if made is not None:
        rotate(backup_dir)
    return made
