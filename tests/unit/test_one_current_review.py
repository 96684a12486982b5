"""One current review per member and round (and per profile and period): migration 0005 repairs a
database that holds two, and from then on the database itself refuses a second one."""

import sqlite3

import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError

from selfreview.db import migrate
from selfreview.db.engine import connect
from selfreview.db.models import Review
from selfreview.forms import registry
from selfreview.services.context import AppContext

ROW = ("INSERT INTO review (id, profile_id, period, template_id, template_version, template_hash, status, "
       "revision, is_current, entered_by_secretary, created_at, updated_at) "
       "VALUES (?, 1, '2026', ?, 1, ?, 'draft', 1, 1, 0, '2026-11-01 08:00:00', '2026-11-01 08:00:00')")


def _database_at_0004_with_two_current(data_dir):
    db = connect(f"sqlite:///{data_dir / 'selfreview.db'}")
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    db.dispose()
    info = registry.find("hd43-2025-2b")
    con = sqlite3.connect(data_dir / "selfreview.db")
    con.execute("INSERT INTO profile (id, full_name, party_post, government_post, mass_org_post, work_unit, "
                "cell_name, superior_body, is_leader, in_political_system, language, created_at) "
                "VALUES (1, 'Hà Văn Minh', '', '', '', '', '', '', 0, 1, 'vi', '2026-11-01 08:00:00')")
    for rid in (1, 2):  # what a race before 0005 could leave: two current drafts of one period
        con.execute(ROW, (rid, info.template.id, info.hash))
    con.commit()
    con.close()


def test_upgrade_keeps_the_newest_current_and_the_index_refuses_another(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    _database_at_0004_with_two_current(data_dir)
    with AppContext.open(data_dir) as ctx:
        assert migrate.current_revision(ctx.db) == migrate.HEAD
        with ctx.read() as s:
            current = {r.id: r.is_current for r in s.query(Review).order_by(Review.id)}
        assert current == {1: False, 2: True}  # both rows kept, the newest stays current
        info = registry.find("hd43-2025-2b")
        with pytest.raises(IntegrityError):
            with ctx.session() as s:
                s.add(Review(profile_id=1, period="2026", template_id=info.template.id, template_version=1,
                             template_hash=info.hash, status="draft", revision=1, is_current=True))
        with ctx.read() as s:  # the refused unit of work left nothing behind
            assert s.query(Review).count() == 2
        # a revision that demotes the old one in the same unit of work is fine
        with ctx.session() as s:
            old = s.get(Review, 2)
            old.is_current = False
            s.add(Review(profile_id=1, period="2026", template_id=info.template.id, template_version=1,
                         template_hash=info.hash, status="draft", revision=2, parent_id=2, is_current=True))
        with ctx.read() as s:
            assert [r.id for r in s.query(Review).filter(Review.is_current)] == [3]
