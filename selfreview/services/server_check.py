"""``selfreview doctor`` on a database server (SELFREVIEW_DB_URL: a committee office's PostgreSQL):
the checks that stand for SQLite's integrity check there. Nothing is changed: no migration, no
write; each check says what it found.

* connection: the server answers (its version), as whom, which database;
* schema: the database's revision is the app's (none: an empty database, made on first start;
  older: the app migrates it on its next start; newer: a newer app wrote it);
* constraints: the unique indexes that keep imports from duplicating members and reviews
  (``uq_member_cell_key``, ``uq_review_current_*``) are there;
* consistency: no member twice in a cell with one key, no member with two current reviews in a
  round (what those indexes prevent; found in a database restored from an older dump, say);
* counts: cells, members, reviews, receipts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from selfreview.db.engine import connect, database_url
from selfreview.db.migrate import HEAD, current_revision
from selfreview.db.models import CURRENT_REVIEW_RULES
from selfreview.messages import Message, msg
from selfreview.services.safety import storage_errors

UNIQUE_INDEXES = {"member": ["uq_member_cell_key"], "review": [name for name, _c, _w in CURRENT_REVIEW_RULES]}
COUNTED = ("cell", "member", "review", "import_receipt", "profile")


@dataclass
class Check:
    name: str  # a code: connection | schema | constraints | consistency
    ok: bool
    detail: Message

    def title(self, lang: str = "vi") -> str:
        return msg(f"server.check.{self.name}").get(lang)


@dataclass
class ServerReport:
    database: str  # the URL without its password
    checks: list[Check] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def sound(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def problem(self) -> str | None:
        """The failed checks in English (the JSON's "problem"); ``problem_in`` for a language."""
        return self.problem_in("en")

    def problem_in(self, lang: str) -> str | None:
        bad = [f"{c.title(lang)}: {c.detail.get(lang)}" for c in self.checks if not c.ok]
        return "; ".join(bad) or None


def shown_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def check_server(data_dir: Path) -> ServerReport:
    """Run the checks; a server that cannot be reached raises the one-line ``ServerUnreachable``."""
    url = database_url(data_dir)
    report = ServerReport(shown_url(url))
    with storage_errors(data_dir):
        db = connect(url)
        try:
            with db.engine.connect() as conn:
                version = conn.execute(text("SHOW server_version")).scalar() \
                    if conn.dialect.name == "postgresql" else conn.dialect.name
                who = make_url(url)
                report.checks.append(Check("connection", True, msg(
                    "server.connection", server=f"{conn.dialect.name} {version}", user=who.username or "?",
                    database=who.database)))
            revision = current_revision(db)
            if revision is None:
                report.checks.append(Check("schema", False, msg("server.no_schema")))
                return report
            report.checks.append(_schema(revision))
            with db.engine.connect() as conn:
                report.checks.append(_constraints(conn))
                report.checks.append(_consistency(conn))
                for table in COUNTED:
                    report.counts[table] = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
        finally:
            db.dispose()
    return report


def _schema(revision: str) -> Check:
    if revision == HEAD:
        return Check("schema", True, msg("server.schema_current", revision=revision))
    if revision < HEAD:
        return Check("schema", True, msg("server.schema_older", revision=revision, head=HEAD))
    return Check("schema", False, msg("server.schema_newer", revision=revision, head=HEAD))


def _constraints(conn) -> Check:
    insp = inspect(conn)
    missing = [name for table, names in UNIQUE_INDEXES.items()
               for name in names if name not in {ix["name"] for ix in insp.get_indexes(table) if ix.get("unique")}]
    if missing:
        return Check("constraints", False, msg("server.indexes_missing", names=", ".join(missing)))
    return Check("constraints", True, msg("server.indexes_present",
                                          names=", ".join(n for ns in UNIQUE_INDEXES.values() for n in ns)))


def _consistency(conn) -> Check:
    twice = conn.execute(text(
        "SELECT COUNT(*) FROM (SELECT cell_id, sign_public_key FROM member WHERE sign_public_key IS NOT NULL "
        "GROUP BY cell_id, sign_public_key HAVING COUNT(*) > 1) d")).scalar()
    current = conn.execute(text(
        "SELECT COUNT(*) FROM (SELECT member_id, round_id FROM review WHERE is_current AND member_id IS NOT NULL "
        "AND round_id IS NOT NULL GROUP BY member_id, round_id HAVING COUNT(*) > 1) d")).scalar()
    if twice or current:
        return Check("consistency", False, msg("server.inconsistent", twice=twice, current=current))
    return Check("consistency", True, msg("server.consistent"))
