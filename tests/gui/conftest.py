"""GUI fixtures: a fresh data directory, settings in a temporary file, a synchronous task runner,
a fake dialog service, and the translators of the language under test."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from selfreview.services.context import AppContext
from selfreview.ui.settings import AppSettings, apply_text_size, load_fonts
from selfreview.ui.style import apply_style
from selfreview.ui.tasks import TaskRunner


class FakeDialogs:
    """Answers dialogs without a modal loop and records what was asked."""

    def __init__(self) -> None:
        self.confirm_answers: list[bool] = []
        self.choose_answers: list[int | None] = []  # an index, or None for Cancel
        self.choices: list[list[str]] = []  # the choices each ``choose`` showed
        self.asked: list[tuple[str, str, str]] = []  # (kind, title, text)

    def confirm(self, parent, title, text, ok_text="", detail=""):
        self.asked.append(("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else True

    def choose(self, parent, title, text, choices, ok_text="", detail="", current=0):
        self.asked.append(("choose", title, text))
        self.choices.append(list(choices))
        return self.choose_answers.pop(0) if self.choose_answers else current

    def info(self, parent, title, text, detail=""):
        self.asked.append(("info", title, text))

    def error(self, parent, title, text, detail=""):
        self.asked.append(("error", title, text))

    def open_file(self, *a, **k):
        return None

    def open_files(self, *a, **k):
        return []

    def save_file(self, *a, **k):
        return None


@pytest.fixture(scope="session", autouse=True)
def _app_look(qapp):
    load_fonts()
    apply_style(qapp)
    apply_text_size("normal")
    yield


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
