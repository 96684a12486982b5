"""Shared fixtures. Qt must be told it has no display before anything imports PySide6."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """No test touches the user's real data or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("SELFREVIEW_DATA_DIR", raising=False)
    monkeypatch.delenv("SELFREVIEW_DB_URL", raising=False)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def ctx(data_dir):
    from selfreview.services.context import AppContext

    context = AppContext.open(data_dir)
    yield context
    context.close()


# -- SQLite and PostgreSQL ------------------------------------------------------------------------
# A database test runs on both when it (or its module: pytestmark = pytest.mark.usefixtures("database"))
# uses the ``database`` fixture, which sets SELFREVIEW_DB_URL for PostgreSQL. A test that is about
# SQLite itself says so with ``pytestmark = sqlite_only`` (tests/pg_server.py, which starts the server).


@pytest.fixture(scope="session")
def pg_server():
    import pg_server as pg

    try:
        server = pg.start()
    except pg.NoServer as e:
        if os.environ.get("CI"):
            pytest.fail(f"no PostgreSQL server for the tests: {e}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {e}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, monkeypatch):
    """The kind of database this test runs on; for PostgreSQL a fresh database of its own."""
    if request.param == "sqlite":
        yield "sqlite"
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    monkeypatch.setenv("SELFREVIEW_DB_URL", server.url(name))
    yield "postgresql"
    monkeypatch.delenv("SELFREVIEW_DB_URL", raising=False)
    server.drop_database(name)
