"""Alembic's environment and the schema revisions (selfreview.db.migrate runs them)."""
