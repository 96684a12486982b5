"""A throw-away PostgreSQL server for the tests: one cluster per test session, on 127.0.0.1 at a
free port, its socket and files in a temporary folder, stopped and deleted at the end.

``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user (Debian's
``postgresql`` package creates it) and its commands run through ``runuser``. The server runs
without fsync: nothing in it outlives the session.

Each test that asks for PostgreSQL gets a database of its own (``fresh_database``), dropped after.
When no server can be started, a test fails with the reason when ``CI`` is set, and is skipped
outside CI (a developer without PostgreSQL still runs every other test).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

_INSTALL = ("PostgreSQL is needed for the database tests on PostgreSQL: install Debian's 'postgresql' "
            "package (python3 dev.py test does it as root; .ci/run does it) and psycopg 3 "
            "(pip install -e '.[test]').")


# a module about SQLite itself (its file, its locks, its backup API): ``pytestmark = sqlite_only``;
# its tests run once, on SQLite, and say so in their ids ([sqlite])
sqlite_only = [pytest.mark.usefixtures("database"), pytest.mark.parametrize("database", ["sqlite"], indirect=True)]


class NoServer(Exception):
    pass


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the server's programs out of PATH, one folder per major version
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not candidates:
        raise NoServer(f"'{name}' not found. {_INSTALL}")
    return candidates[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user() -> list[str]:
    """The prefix that runs a command as the cluster's owner: nothing, or runuser to ``postgres``."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return []
    import pwd  # POSIX only, and only needed as root
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise NoServer(f"running as root and there is no 'postgres' user. {_INSTALL}") from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoServer("running as root and 'runuser' (util-linux) is missing")
    return [runuser, "-u", "postgres", "--"]


@dataclass
class Server:
    base: Path
    port: int
    prefix: list[str]
    pg_ctl: str
    _names: "itertools.count[int]" = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self):
        import psycopg
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                               autocommit=True)

    _migrated: str | None = None

    def create_database(self, empty: bool = False) -> str:
        """A new database: a copy of one migrated to the newest schema (what the app would make of
        an empty one: migrating each test's database took about a second), or ``empty``."""
        template = "template0" if empty else self._migrated_template()
        name = f"t{os.getpid()}_{next(self._names)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"')
        return name

    def template_url(self) -> str:
        """The URL of the migrated database the tests' databases are made from (not to be written)."""
        return self.url(self._migrated_template())

    def _migrated_template(self) -> str:
        if self._migrated is None:
            from selfreview.db import migrate
            from selfreview.db.engine import connect
            name = self.create_database(empty=True)
            db = connect(self.url(name))
            try:
                migrate.upgrade(db)
            finally:
                db.dispose()
            self._migrated = name
        return self._migrated

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        subprocess.run(self.prefix + [self.pg_ctl, "-D", str(self.base / "data"), "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)


def start() -> Server:
    """Start a cluster, or raise :class:`NoServer` saying what is missing."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise NoServer(f"psycopg is not installed. {_INSTALL}") from None
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    prefix = _as_server_user()
    base = Path(tempfile.mkdtemp(prefix="selfreview-pg-"))
    if prefix:
        shutil.chown(base, "postgres", "postgres")
    try:
        done = subprocess.run(prefix + [initdb, "-D", str(base / "data"), "-U", "postgres", "--auth=trust",
                                        "-E", "UTF8", "--no-locale", "--no-sync"], capture_output=True, text=True)
        if done.returncode != 0:
            raise NoServer(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        for _attempt in range(3):  # a free port can be taken by someone else before the server binds it
            port = _free_port()
            options = (f"-p {port} -k {base} -h 127.0.0.1 -c fsync=off -c full_page_writes=off "
                       "-c synchronous_commit=off -c max_connections=200")
            done = subprocess.run(prefix + [pg_ctl, "-D", str(base / "data"), "-l", str(base / "server.log"),
                                            "-w", "-t", "60", "-o", options, "start"], capture_output=True, text=True)
            if done.returncode == 0:
                server = Server(base, port, prefix, pg_ctl)
                _wait_ready(server)
                return server
        log = (base / "server.log").read_text(errors="replace")[-2000:] if (base / "server.log").exists() else ""
        raise NoServer(f"the PostgreSQL server did not start: {done.stderr.strip()}\n{log}")
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise


def _wait_ready(server: Server) -> None:
    import psycopg
    deadline = time.monotonic() + 30
    while True:
        try:
            with server._admin():
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
