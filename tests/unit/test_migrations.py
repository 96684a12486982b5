"""The start-up shortcut (no Alembic import when the schema is current) stays true to Alembic."""

import pytest

from selfreview.db import migrate

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
# real first starts, not copies of the run's migrated template (tests/migrated_template.py)
pytestmark = [pytest.mark.usefixtures("database"), pytest.mark.real_start]


def test_head_constant_is_alembics_head(ctx):
    assert migrate.HEAD == migrate.head_revision(ctx.db)
    assert migrate.current_revision(ctx.db) == migrate.HEAD


def test_migrations_form_one_chain(ctx):
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config(ctx.db))
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None and len(revisions) >= 3
