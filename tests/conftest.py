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


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """The data folder a first start leaves, made once per run (per worker) at its first use."""
    from migrated_template import MigratedTemplate
    return MigratedTemplate(tmp_path_factory.mktemp("migrated-template"))


@pytest.fixture(autouse=True)
def _data_folders_from_template(request, monkeypatch, migrated_template):
    """A new data folder opened in this process starts as a copy of the migrated template, unless the
    test is marked ``real_start`` (tests/migrated_template.py says what stays real)."""
    if request.node.get_closest_marker("real_start"):
        return
    from selfreview.services import recovery
    real_open = recovery.open_database

    def open_database(directory, daily_backup=True):
        migrated_template.seed(directory)
        return real_open(directory, daily_backup)

    monkeypatch.setattr(recovery, "open_database", open_database)


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
    request.getfixturevalue("migrated_template").server_template_url = server.template_url()
    name = server.create_database()
    monkeypatch.setenv("SELFREVIEW_DB_URL", server.url(name))
    yield "postgresql"
    monkeypatch.delenv("SELFREVIEW_DB_URL", raising=False)
    server.drop_database(name)
