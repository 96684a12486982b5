"""Start the desktop app: QApplication, fonts, style, translators, the data directory (its instance
lock and start-up check: ui/startup.py), the window.

``run_app(data_dir)`` is what ``selfreview`` (no command) calls. ``setup_application`` is shared
with tools/screenshots.py; tests build ``MainWindow(ctx, settings, runner, dialogs)`` directly.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from selfreview.ui.i18n import Translators, arg
from selfreview.ui.settings import AppSettings, apply_text_size, load_fonts, user_settings
from selfreview.ui.style import apply_style


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("selfreview")
    app.setOrganizationName("selfreview")
    return app  # type: ignore[return-value]


def setup_application(app: QApplication, settings: AppSettings) -> Translators:
    """Fonts, style, text size, and the translators of the chosen language (Vietnamese by default)."""
    load_fonts()
    apply_style(app)
    apply_text_size(settings.text_size)
    translators = Translators(app)
    translators.install(settings.language)
    return translators


def run_app(data_dir: str | None = None) -> int:
    """The desktop app on ``data_dir``: one app per data folder (a second start brings the first
    window forward and exits 0), a damaged database explained and repaired (ui/startup.py)."""
    from selfreview.paths import resolve_data_dir
    from selfreview.ui.dialogs import DialogService
    from selfreview.ui.main_window import MainWindow
    from selfreview.ui.single_instance import InstanceServer, bring_to_front
    from selfreview.ui.startup import open_data, take_lock
    from selfreview.ui.tasks import TaskRunner

    app = make_application()
    settings = AppSettings(user_settings())
    translators = setup_application(app, settings)
    dialogs = DialogService(app)
    try:
        directory = resolve_data_dir(data_dir)
    except Exception as e:  # noqa: BLE001 - shown to the person, who cannot use a traceback
        QMessageBox.critical(None, QCoreApplication.translate("App", "Self-review"),
                             arg(QCoreApplication.translate("App", "The data folder could not be opened:\n%1"), e))
        return 1
    lock, status = take_lock(directory, dialogs)
    if lock is None:
        return status
    window: Any = None
    server = InstanceServer(directory, app)  # later starts on this folder bring the window forward
    server.activate_requested.connect(lambda: window is not None and bring_to_front(window))
    try:
        ctx = open_data(directory, dialogs)
        if ctx is None:
            return 1
        runner = TaskRunner(app)
        window = MainWindow(ctx, settings, runner, dialogs, translators)
        window.show()
        try:
            return app.exec()
        finally:
            runner.shutdown()
            ctx.close()
    finally:
        server.close()
        lock.release()
