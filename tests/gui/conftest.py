"""GUI fixtures: a fresh data directory, settings in a temporary file, a synchronous task runner,
a fake dialog service, the translators of the language under test, and a system file opener that
only records what it was asked to show (``opened``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from selfreview.services.context import AppContext
from selfreview.ui import open_file
from selfreview.ui.settings import AppSettings, apply_text_size, load_fonts
from selfreview.ui.style import apply_style
from selfreview.ui.tasks import TaskRunner

from fake_dialogs import FakeDialogs


@pytest.fixture(scope="session", autouse=True)
def _app_look(qapp):
    load_fonts()
    apply_style(qapp)
    apply_text_size("normal")
    yield


@pytest.fixture(autouse=True)
def _widgets_deleted_after_each_test(qapp):
    """Last of a test's teardown: the widgets it closed (pytest-qt and the fixtures call deleteLater)
    are deleted now, not at whatever later test first runs an event loop. Left alive, they pile up
    (hundreds), and every later change of language or text size re-translates and re-polishes them
    all: seconds per test."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path) -> AppSettings:
    return AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def runner(qapp):
    r = TaskRunner(synchronous=True)
    yield r
    r.shutdown()


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def translators(qapp):
    """Vietnamese, as the app starts by default; a test may call ``translators.install("en")``."""
    from selfreview.ui.i18n import Translators
    t = Translators(qapp)
    t.install("vi")
    yield t
    t.uninstall()
    from selfreview.ui.i18n import set_language
    set_language("vi")
    apply_text_size("normal")


@pytest.fixture
def make_window(qtbot, ctx, settings, runner, dialogs, translators):
    """Build a MainWindow on the test's data directory (or another context) and show it."""
    made = []

    def factory(context: AppContext | None = None, app_settings: AppSettings | None = None):
        from selfreview.ui.main_window import MainWindow
        window = MainWindow(context or ctx, app_settings or settings, runner, dialogs, translators)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        made.append(window)
        return window

    yield factory
    # pytest-qt has closed them (deleteLater): deleted before the translators' teardown would
    # re-translate and re-polish them
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def starts():
    """AppStarts made by a test (``ui/app.py``), cleaned up after it: window closed, workers stopped,
    database closed, the data folder's lock released."""
    from selfreview.ui.app import AppStart
    made: list[AppStart] = []
    yield made
    for start in made:
        if start.window is not None:
            start.window.close()
            start.window.deleteLater()
        start.close()


@pytest.fixture
def opened():
    """Paths the app asked the system to show (no viewer is ever started)."""
    seen: list[Path] = []
    previous = open_file.set_opener(lambda p: seen.append(p) or True)
    yield seen
    open_file.set_opener(previous)
