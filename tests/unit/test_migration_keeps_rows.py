"""Upgrading an existing database keeps its rows: a migration that rebuilds a table on SQLite (the
batch "move and copy" of 0003 on ``review``) must not cascade-delete the answers that refer to it,
and 0004 fills the roll-up summary of the reviews it finds."""

import json
import sqlite3

import pytest
from alembic import command

from answers_2b import complete_2b
from selfreview.db import migrate
from selfreview.db.engine import connect
from selfreview.forms import registry
from selfreview.services.context import AppContext
from pg_server import sqlite_only

# SQLite only: SQLite's table rebuild in a migration (foreign keys off)
# real first starts, not copies of the run's migrated template (tests/migrated_template.py)
pytestmark = [*sqlite_only, pytest.mark.real_start]


def test_upgrading_from_0002_keeps_every_review_and_answer(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = connect(f"sqlite:///{data_dir / 'selfreview.db'}")
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:  # a database as an older version of the app left it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    db.dispose()
    info = registry.find("hd43-2025-2b")
    con = sqlite3.connect(data_dir / "selfreview.db")
    con.execute("PRAGMA foreign_keys=ON")  # as the app's connections have it
    con.execute("INSERT INTO profile (id, full_name, party_post, government_post, mass_org_post, work_unit, "
                "cell_name, superior_body, is_leader, in_political_system, language, created_at) "
                "VALUES (1, 'Hà Văn Minh', '', '', '', '', '', '', 0, 1, 'vi', '2025-11-01 08:00:00')")
    con.execute("INSERT INTO review (id, profile_id, period, template_id, template_version, template_hash, status, "
                "revision, is_current, entered_by_secretary, created_at, updated_at, finalized_at) "
                "VALUES (1, 1, '2025', ?, 1, ?, 'finalized', 1, 1, 0, '2025-11-01 08:00:00', "
                "'2025-11-02 08:00:00', '2025-11-02 08:00:00')", (info.template.id, info.hash))
    answers = complete_2b()
    con.executemany("INSERT INTO answer (review_id, question_id, value, updated_at) "
                    "VALUES (1, ?, ?, '2025-11-02 08:00:00')",
                    [(q, json.dumps(v, ensure_ascii=False)) for q, v in answers.items()])
    con.commit()
    con.close()

    with AppContext.open(data_dir) as ctx:  # start-up: a copy, then the migrations to the newest
        assert ctx.migration_backup is not None
        assert ctx.reviews.answers(1) == answers
        assert migrate.current_revision(ctx.db) == migrate.HEAD
        with ctx.db.engine.connect() as conn:  # the keys are checked again afterwards
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    con = sqlite3.connect(data_dir / "selfreview.db")
    assert con.execute("SELECT self_rating, summary_version FROM review WHERE id = 1").fetchone() == ("httnv", 1)
    con.close()
