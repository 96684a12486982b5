"""Schema versioning with Alembic, run at start-up; the SQLite file is copied before any migration."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from selfreview.db.backup import BACKUP_DIR_NAME, backup_sqlite, rotate
from selfreview.db.engine import Database

# the newest revision in db/migrations/versions (a unit test keeps it equal to Alembic's head)
HEAD = "0008"

__all__ = ["BACKUP_DIR_NAME", "backup_sqlite", "upgrade", "current_revision", "head_revision"]


def alembic_config(db: Database):
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(db: Database) -> str | None:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(alembic_config(db)).get_current_head()


def _pragma(conn, statement: str) -> None:
    """A pragma outside any transaction (the driver runs in autocommit mode: db/engine.py)."""
    if conn.in_transaction():
        conn.commit()
    conn.connection.driver_connection.execute(statement)


def upgrade(db: Database) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made first, if any."""
    current = current_revision(db)
    if current == HEAD:
        return None
    from alembic import command
    head = head_revision(db)
    if current == head:
        return None
    backup = None
    path = db.path
    if path is not None and path.exists():
        backup = backup_sqlite(path, path.parent / BACKUP_DIR_NAME, f"pre-{head}")
        rotate(path.parent / BACKUP_DIR_NAME)
    cfg = alembic_config(db)
    with db.writer.connect() as conn:  # BEGIN IMMEDIATE (db/engine.py)
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # A migration that rebuilds a table on SQLite (Alembic's batch "move and copy", as 0003
            # does to ``review``) drops the old table, and with foreign keys on that deletes every
            # row referring to it through ON DELETE CASCADE (all the answers). The pragma only takes
            # effect outside a transaction; it is turned back on, and the keys checked, afterwards.
            # (on the driver's connection: through SQLAlchemy the statement would open a transaction)
            _pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration left rows that refer to nothing: {broken[:5]}")
        finally:
            if sqlite:
                _pragma(conn, "PRAGMA foreign_keys=ON")
    return backup
