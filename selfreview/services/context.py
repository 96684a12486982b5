"""The application context: the data directory, the migrated database, and the services on it.

``AppContext.open(data_dir)`` is what the GUI, the command line and the tests call first.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from sqlalchemy.orm import Session

from selfreview.db.engine import Database, connect, database_url
from selfreview.db.migrate import upgrade
from selfreview.paths import ensure_private_dir, resolve_data_dir


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    migration_backup: Path | None = None
    _services: dict[str, object] = field(default_factory=dict)

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> "AppContext":
        directory = ensure_private_dir(resolve_data_dir(data_dir))
        db = connect(database_url(directory))
        backup = upgrade(db)
        return cls(directory, db, backup)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> "AppContext":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error."""
        with self.db.sessions.begin() as s:
            yield s

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.sessions() as s:
            yield s

    @property
    def keys_dir(self) -> Path:
        return ensure_private_dir(self.data_dir / "keys")

    def _get(self, name: str, factory: type) -> object:
        if name not in self._services:
            self._services[name] = factory(self)
        return self._services[name]

    # the services, created on first use ---------------------------------------------------------
    @property
    def profiles(self):
        from selfreview.services.profiles import ProfileService
        return self._get("profiles", ProfileService)

    @property
    def reviews(self):
        from selfreview.services.reviews import ReviewService
        return self._get("reviews", ReviewService)

    @property
    def cells(self):
        from selfreview.services.cells import CellService
        return self._get("cells", CellService)
