"""The tests' migrated template (tests/migrated_template.py) leaves a new data folder as the app's
real first start does: the same schema and rows, the same copies in backups/ (on PostgreSQL: the
daily dump), and the app's start on it finds nothing to migrate and no daily copy to take. If a migration or the start-up copies change,
this fails before the other tests silently start from something the app never makes."""

from __future__ import annotations

import sqlite3

import pytest

from selfreview.db import backup as backups
from selfreview.db.migrate import HEAD, current_revision
from selfreview.services.context import AppContext

pytestmark = pytest.mark.real_start  # both folders below are opened by hand


def _schema_and_rows(path) -> list:
    """Each table, index and trigger (its definition's lines sorted: Alembic's batch rebuild writes a
    table's constraints in no fixed order), then each table's rows."""
    con = sqlite3.connect(path)
    try:
        schema = [(kind, name, sorted(line.strip().rstrip(",") for line in (sql or "").splitlines()))
                  for kind, name, sql in con.execute("select type, name, sql from sqlite_master order by name")]
        rows = [(name, con.execute(f'select * from "{name}"').fetchall()) for kind, name, _ in schema
                if kind == "table"]
        return schema + rows
    finally:
        con.close()


def test_a_copied_folder_is_what_a_first_start_leaves(tmp_path, migrated_template):
    real, copied = tmp_path / "real", tmp_path / "copied"
    with AppContext.open(real) as first:
        assert first.migration_backup is not None
        assert current_revision(first.db) == HEAD
    copied.mkdir()
    assert migrated_template.seed(copied)
    with AppContext.open(copied) as start:
        assert current_revision(start.db) == HEAD
        assert start.migration_backup is None and start.startup.checked
        assert start.startup.daily_backup is None and start.startup.backup_error is None
    assert _schema_and_rows(copied / "selfreview.db") == _schema_and_rows(real / "selfreview.db")
    kinds = [[(b.kind, b.label, b.taken_at.date()) for b in backups.list_backups(folder / "backups")]
             for folder in (real, copied)]
    assert kinds[0] == kinds[1] and kinds[0]
    for folder in (real, copied):
        assert oct((folder / "selfreview.db").stat().st_mode & 0o777) == "0o600"
        assert oct((folder / "backups").stat().st_mode & 0o777) == "0o700"
        assert {oct(p.stat().st_mode & 0o777) for p in (folder / "backups").iterdir()} == {"0o600"}


def test_a_folder_with_a_database_is_never_overwritten(tmp_path, migrated_template):
    folder = tmp_path / "data"
    with AppContext.open(folder) as ctx:
        ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy xã Điện Hòa")
    assert not migrated_template.seed(folder)
    with AppContext.open(folder) as ctx:
        assert [c.name for c in ctx.cells.list_cells()] == ["Chi bộ Văn phòng"]


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_on_a_server_a_copied_folder_has_the_daily_dump_a_first_start_takes(database, tmp_path, migrated_template):
    real, copied = tmp_path / "real", tmp_path / "copied"
    with AppContext.open(real) as first:
        made = first.startup.daily_backup
        assert current_revision(first.db) == HEAD
    assert made is not None and made.suffix == ".pgdump"
    assert migrated_template.seed(copied)
    with AppContext.open(copied) as start:
        assert start.startup.daily_backup is None and start.startup.backup_error is None
    kinds = [[(b.kind, b.label, b.taken_at.date(), b.path.suffix) for b in backups.list_backups(folder / "backups")]
             for folder in (real, copied)]
    assert kinds[0] == kinds[1] and kinds[0]
    assert not migrated_template.seed(copied)  # its second start is a real one
