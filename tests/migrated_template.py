"""A data folder as the app's first start leaves it, made once per test run and copied into each new
data folder a test opens (tests/conftest.py, ``_data_folders_from_template``).

A first start migrates an empty database through every revision and copies it first (about half a
second; a few hundred tests open a fresh folder). The template is that start, done once for real:
the database at the newest revision and ``backups/`` with the pre-migration copy of the empty file.
A new folder gets both (the copy renamed to now, as if taken at this start), then the app's own
``open_database`` runs on it unchanged: it checks the file, finds nothing to migrate, and takes no
daily copy because today has one: the state a real first start leaves, without the work.

On PostgreSQL the database is already a copy of the server's migrated template (tests/pg_server.py);
what a first start adds there is the daily ``pg_dump`` into the folder's backups (about half a
second). A folder without backups gets a copy of one dump of that template (what every test
database starts as), made once per run and named as today's.

What is not seeded starts for real: a folder whose database file (or, on PostgreSQL, whose backups
folder) exists, a test marked ``real_start`` (the migrations and start-up backups), and every child
process (the CLI, the bundle, the crash harness).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from selfreview.db import backup as backups
from selfreview.db import pg_backup
from selfreview.paths import DB_URL_ENV
from selfreview.services.context import AppContext
from selfreview.services.recovery import backup_dir, database_file


class MigratedTemplate:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._folder: Path | None = None
        self._making = False
        self._pg_dump: Path | None = None
        self.server_template_url = ""  # set by the ``database`` fixture (tests/conftest.py)

    def folder(self) -> Path:
        """The template folder, made at the first call (a real first start on SQLite)."""
        if self._folder is None:
            folder = self.root / "first-start"
            saved = os.environ.pop(DB_URL_ENV, None)
            self._making = True  # this start is the real one
            try:
                AppContext.open(folder).close()
            finally:
                self._making = False
                if saved is not None:
                    os.environ[DB_URL_ENV] = saved
            leftovers = [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal"))]
            assert not leftovers, f"the template's database was not closed cleanly: {leftovers}"
            self._folder = folder
        return self._folder

    def seed(self, directory: Path) -> bool:
        """Copy the template into a data folder at its first start (a new SQLite file; on PostgreSQL,
        no backups folder yet); True if copied."""
        url = os.environ.get(DB_URL_ENV, "")
        if self._making:
            return False
        if url.startswith("postgresql"):
            return bool(self.server_template_url) and self._seed_server_copy(url, directory)
        if url:  # a SQLite file named by SELFREVIEW_DB_URL (several folders sharing it): a real start
            return False
        target = database_file(directory)
        if target is None or target.exists():
            return False
        source = self.folder()
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(database_file(source), target)
        copies = backup_dir(directory)
        copies.mkdir(mode=0o700, parents=True, exist_ok=True)
        for found in backups.list_backups(backup_dir(source)):
            now = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            _copy(found.path, copies / f"{target.stem}-{now}-{found.label}{found.path.suffix}")
        return True

    def _seed_server_copy(self, url: str, directory: Path) -> bool:
        copies = backup_dir(directory)
        if copies.exists():
            return False
        if self._pg_dump is None:
            self._pg_dump = pg_backup.dump(self.server_template_url, self.root / "pg", "daily")
            if self._pg_dump is None:  # no pg_dump: the app takes none either
                return False
        copies.mkdir(mode=0o700, parents=True)
        now = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        _copy(self._pg_dump, copies / f"{make_url(url).database}-{now}-daily{pg_backup.SUFFIX}")
        return True


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    os.chmod(target, 0o600)
