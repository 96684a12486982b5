"""Schema versioning with Alembic, run at start-up; the SQLite file is copied before any migration."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from selfreview.db.engine import Database

BACKUP_DIR_NAME = "backups"


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(db: Database) -> str | None:
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def backup_sqlite(path: Path, dest_dir: Path, label: str) -> Path:
    """A consistent copy of a live SQLite file (the backup API copies WAL content too)."""
    dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{path.stem}-{stamp}-{label}.db"
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    return dest


def upgrade(db: Database) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made first, if any."""
    current, head = current_revision(db), head_revision(db)
    if current == head:
        return None
    backup = None
    path = db.path
    if path is not None and path.exists():
        backup = backup_sqlite(path, path.parent / BACKUP_DIR_NAME, f"pre-{head}")
    cfg = alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
