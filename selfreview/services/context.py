"""The application context: the data directory, the migrated database, and the services on it.

``AppContext.open(data_dir)`` is what the GUI, the command line and the tests call first.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Protocol, TypeVar

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from selfreview.db.engine import Database
from selfreview.paths import ensure_private_dir, resolve_data_dir
from selfreview.services.safety import storage_errors

if TYPE_CHECKING:  # the services' modules load on first use (start-up imports none of them)
    from selfreview.services.assessment import AssessmentService
    from selfreview.services.cells import CellService
    from selfreview.services.collective import CollectiveService
    from selfreview.services.committee.service import CommitteeService
    from selfreview.services.committee.cell import ResultsService
    from selfreview.services.exchange import ExchangeService
    from selfreview.services.meeting import MeetingService
    from selfreview.services.profiles import ProfileService
    from selfreview.services.recovery import StartupReport
    from selfreview.services.reporting import ReportingService
    from selfreview.services.reviews import ReviewService
    from selfreview.services.rollcall import RollCallService
    from selfreview.services.roster import RosterService


class _Service(Protocol):
    def __init__(self, ctx: AppContext) -> None: ...


Service = TypeVar("Service", bound=_Service)  # a service class: made with the context, once

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    data_dir: Path
    db: Database
    migration_backup: Path | None = None
    startup: StartupReport | None = None  # checked?, today's copy, why none was made
    # the desktop app's "is this the one writer thread?" (TaskRunner.on_writer_thread); a unit of
    # work that may write, opened elsewhere, is logged as a warning (None: no check, e.g. the CLI)
    writer_check: Callable[[], bool] | None = None
    # units of work that may write, begun so far (session() and connection()): an import on the
    # shared writer compares it between its turns to know whether anything else wrote meanwhile
    write_units: int = 0
    _services: dict[type, object] = field(default_factory=dict)

    @classmethod
    def open(cls, data_dir: str | Path | None = None, daily_backup: bool = True) -> "AppContext":
        # integrity check, migration and the daily backup: services/recovery.py (docs/reliability.md);
        # daily_backup=False: the caller takes it later (recovery.take_daily_backup; the desktop app does)
        from selfreview.services.recovery import open_database
        directory = resolve_data_dir(data_dir)
        with storage_errors(directory):
            ensure_private_dir(directory)
        db, backup, startup = open_database(directory, daily_backup)
        return cls(directory, db, backup, startup)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> "AppContext":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work that may write: one real transaction (BEGIN IMMEDIATE on SQLite: it
        holds the write lock from its first statement, so a check and the write that follows it
        see the same database), committed on success, rolled back on any error. In the desktop app
        it runs on the runner's one writer thread (ui/tasks.py)."""
        self._check_writer()
        self.write_units += 1
        with storage_errors(self.data_dir, self.db.path), self.db.sessions.begin() as s:
            yield s

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """:meth:`session` on a Core connection (the import's batches: services/importing/write.py)."""
        self._check_writer()
        self.write_units += 1
        with storage_errors(self.data_dir, self.db.path), self.db.writer.begin() as conn:
            yield conn

    def _check_writer(self) -> None:
        if self.writer_check is not None and not self.writer_check():
            log.warning("a database write off the writer thread", stack_info=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (deferred BEGIN: it never waits for a writer); nothing is committed."""
        with storage_errors(self.data_dir, self.db.path), self.db.reads() as s:
            yield s

    @property
    def keys_dir(self) -> Path:
        return ensure_private_dir(self.data_dir / "keys")

    def _get(self, factory: type[Service]) -> Service:
        service = self._services.get(factory)
        if not isinstance(service, factory):
            service = self._services[factory] = factory(self)
        return service

    # the services, created on first use ---------------------------------------------------------
    @property
    def profiles(self) -> ProfileService:
        from selfreview.services.profiles import ProfileService
        return self._get(ProfileService)

    @property
    def reviews(self) -> ReviewService:
        from selfreview.services.reviews import ReviewService
        return self._get(ReviewService)

    @property
    def cells(self) -> CellService:
        from selfreview.services.cells import CellService
        return self._get(CellService)

    @property
    def reports(self) -> ReportingService:
        from selfreview.services.reporting import ReportingService
        return self._get(ReportingService)

    @property
    def exchange(self) -> ExchangeService:
        from selfreview.services.exchange import ExchangeService
        return self._get(ExchangeService)

    # the secretary's workspace -----------------------------------------------------------------
    @property
    def roster(self) -> RosterService:
        from selfreview.services.roster import RosterService
        return self._get(RosterService)

    @property
    def rollcall(self) -> RollCallService:
        from selfreview.services.rollcall import RollCallService
        return self._get(RollCallService)

    @property
    def assessments(self) -> AssessmentService:
        from selfreview.services.assessment import AssessmentService
        return self._get(AssessmentService)

    @property
    def collective(self) -> CollectiveService:
        from selfreview.services.collective import CollectiveService
        return self._get(CollectiveService)

    @property
    def meetings(self) -> MeetingService:
        from selfreview.services.meeting import MeetingService
        return self._get(MeetingService)

    # results up, decisions down (issue 15) -------------------------------------------------------
    @property
    def results(self) -> ResultsService:
        from selfreview.services.committee.cell import ResultsService
        return self._get(ResultsService)

    @property
    def committee(self) -> CommitteeService:
        from selfreview.services.committee.service import CommitteeService
        return self._get(CommitteeService)
