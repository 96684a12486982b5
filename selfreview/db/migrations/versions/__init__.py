"""The schema revisions, oldest first (alembic loads them by file; this makes them visible to lint-imports)."""
