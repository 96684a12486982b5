"""Alembic environment: uses the connection handed in by ``selfreview.db.migrate``."""

from alembic import context
from sqlalchemy import create_engine

from selfreview.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # e.g. `alembic revision --autogenerate` from a developer shell
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no connection handed in and no sqlalchemy.url set")
        engine = create_engine(url)
        with engine.begin() as connection:
            _migrate(connection)
        return
    _migrate(connection)


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
