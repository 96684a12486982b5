"""Engine and sessions. The only place that knows the database is SQLite by default.

SQLite runs in WAL mode with foreign keys on and ``synchronous=NORMAL``: a committed transaction
survives a crash of the program (what autosave relies on); on power loss the last commits may be lost.

Real transactions on SQLite (SQLAlchemy's documented pysqlite recipe, "Serializable isolation /
Savepoints / Transactional DDL"): the driver's own transaction handling is switched off
(``isolation_level=None`` at connect) and SQLAlchemy's ``begin`` event emits the BEGIN itself. A
unit of work that may write (``Database.writer``, ``Database.sessions``: ``ctx.session()``,
``ctx.connection()``, the import's batches, the migrations) starts with ``BEGIN IMMEDIATE``: it
holds the write lock from its first statement, so what it read cannot change before it writes
(check-then-write is isolated; no "database is locked" on upgrading a read lock). Everything else
(``Database.engine``, ``Database.reads``, ``ctx.read()``) begins DEFERRED and never waits for a
writer (WAL). Other databases keep their default (PostgreSQL: read committed, each unit of work one
transaction).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from selfreview.db import jsontext
from selfreview.paths import DB_URL_ENV

DB_FILE_NAME = "selfreview.db"
# how long a write waits for a lock held by another program before it fails with "busy"
BUSY_TIMEOUT_MS = 5000


def database_url(data_dir: Path) -> str:
    """``SELFREVIEW_DB_URL`` when set, else the SQLite file in the data directory."""
    return os.environ.get(DB_URL_ENV) or f"sqlite:///{data_dir / DB_FILE_NAME}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other databases or in-memory)."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix):] not in ("", ":memory:"):
        return Path(url[len(prefix):])
    return None


# execution option naming how a SQLite transaction begins: "IMMEDIATE", or "DEFERRED" (the default)
SQLITE_BEGIN = "sqlite_begin"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # the driver emits no BEGIN (and no COMMIT before DDL) of its own: _sqlite_begin does
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cur.close()


def _sqlite_begin(conn) -> None:
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN DEFERRED")


def _json(value: object) -> str:
    return jsontext.dumps(value)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, json_serializer=_json)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=_json)


@dataclass
class Database:
    """``writer`` and ``sessions``: units of work that may write (BEGIN IMMEDIATE on SQLite);
    ``engine`` and ``reads``: reading (a deferred BEGIN; never waits for a writer). One pool."""

    url: str
    engine: Engine
    writer: Engine
    sessions: sessionmaker[Session]
    reads: sessionmaker[Session]

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def connect(url: str) -> Database:
    engine = make_engine(url)
    writer = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
    return Database(url, engine, writer, sessionmaker(writer, expire_on_commit=False),
                    sessionmaker(engine, expire_on_commit=False))
