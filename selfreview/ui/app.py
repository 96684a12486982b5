"""Start the desktop app: QApplication, fonts, style, translators, the data directory (its instance
lock and start-up check: ui/startup.py), the window.

``run_app(data_dir)`` is what ``selfreview`` (no command) calls. ``setup_application`` is shared
with tools/screenshots.py; tests build ``MainWindow(ctx, settings, runner, dialogs)`` directly.

The window comes first. Importing the services (SQLAlchemy, pydantic, the form model), opening and
checking the database and building the first page take several times as long as showing a window,
so :class:`AppStart` shows the main window at once, with its menus, title, status bar and a centred
"Opening your data…", and opens the data folder only once that window has been exposed and
painted (an event posted from its first expose). The same window then becomes the whole app
(``MainWindow.attach``); today's automatic copy of the database is the first task of the database
writer, made once the first page is there. Only what a second start must not get past comes
before the window: the data folder's instance lock (a second start on the same folder brings the
first window forward and exits 0 without a window of its own; the first app listens for it from
its first paint on, and a second start waits for that). A damaged database is explained
over the shown window; if the folder cannot be opened, the window closes and the app exits with
status 1.

    start = AppStart(data_dir)
    status = start.show()      # None: the window is shown; else the exit status (e.g. a second start)
    start.app.exec()           # the data folder opens from the event loop, then the first page

``run_app`` is those steps plus the clean-up; the benchmark (bench/subjects.py) times them.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QExposeEvent
from PySide6.QtWidgets import QApplication, QWidget

from selfreview.ui.i18n import Translators, arg
from selfreview.ui.settings import AppSettings, apply_text_size, load_fonts, user_settings
from selfreview.ui.style import apply_style

# Set (to anything but empty): close the window and exit once the first page is shown (exit status 0),
# or at once with 1 if the data folder cannot be opened: the bundle's smoke test starts the frozen GUI
# this way (packaging/smoke.py, run by tests/e2e/test_bundle.py).
EXIT_AFTER_START_ENV = "SELFREVIEW_EXIT_AFTER_START"

# The data folder opens once the window is painted; if the window is never exposed (started
# minimized, a window system that never says so), it opens after this anyway.
OPEN_ANYWAY_MS = 1000


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fractional scale factors are used as they are: Qt 6's default rounding policy (PassThrough),
        # so it is not set here: Qt.HighDpiScaleFactorRoundingPolicy is in the Qt namespace, and its
        # first use from Python builds all of that namespace's enums (≈ 13 ms before the window).
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


class _AfterFirstPaint(QObject):
    """Calls ``callback`` once, from the event loop, right after ``window`` was first exposed (Qt
    paints and flushes a widget window while it handles that expose); at the latest after
    ``fallback_ms``."""

    def __init__(self, window: QWidget, callback: Callable[[], None], fallback_ms: int = OPEN_ANYWAY_MS) -> None:
        super().__init__(window)
        self._callback: Callable[[], None] | None = callback
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 (Qt's name)
        # isinstance, not event.type(): PySide6 builds its Python enum of every QEvent.Type on the first
        # event.type() (≈ 13 ms), and this runs before the window's first paint
        if watched is self._handle and isinstance(event, QExposeEvent) and self._handle.isExposed():
            # posted now, delivered after this expose has been handled, i.e. painted and flushed
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        callback()


class AppStart:
    """One start of the desktop app on one data folder (see the module's docstring)."""

    def __init__(self, data_dir: str | None = None, settings: AppSettings | None = None, dialogs: Any = None,
                 translators: Translators | None = None, open_path: str | None = None) -> None:
        """``settings``, ``dialogs``, ``translators``: the tests' own (default: the per-user settings
        file, the real dialogs, and fonts, style and translators set up here). ``open_path``: a file
        to open once the first page is shown (a double-clicked invitation or member's file); if the
        app is already open on this data folder, that app opens it (ui/file_requests.py)."""
        self.data_dir = data_dir
        self.open_path = open_path
        self.directory: Path | None = None
        self.app: QApplication | None = None
        self.settings = settings
        self.translators = translators
        self.dialogs = dialogs
        self.window: Any = None
        self.lock: Any = None
        self.server: Any = None
        self.ctx: Any = None
        self.runner: Any = None
        self.crash: Any = None  # services/crashlog.CrashWatch, from when the folder's lock is held
        self.app_log: Any = None  # services/applog: <data>/logs/selfreview.log (an operation's details)
        self.unclean: Any = None  # the last run did not close normally (crashlog.UncleanExit)
        self.failed = False  # the data folder could not be opened: exit status 1

    # -- before the event loop: up to the window shown ------------------------------------------------
    def show(self) -> int | None:
        """QApplication and its set-up, the data folder's lock, the window shown with "Opening your
        data…". None: go on with ``app.exec()`` (the data folder opens from there); otherwise the
        exit status (a second start on the same folder: 0; no usable data folder: 1)."""
        from selfreview.paths import resolve_data_dir
        from selfreview.ui.dialogs import DialogService
        from selfreview.ui.main_window import MainWindow
        from selfreview.ui.startup import take_lock

        self.app = app = make_application()
        if self.settings is None:
            self.settings = AppSettings(user_settings())
        if self.translators is None:
            self.translators = setup_application(app, self.settings)
        if self.dialogs is None:
            self.dialogs = DialogService(app)
        try:
            self.directory = resolve_data_dir(self.data_dir)
        except Exception as e:  # noqa: BLE001 - shown to the person, who cannot use a traceback
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.critical(None, QCoreApplication.translate("App", "Self-review"),
                                 arg(QCoreApplication.translate("App", "The data folder could not be opened:\n%1"), e))
            return 1
        # before any window: a second start on this folder only brings the first window forward
        self.lock, status = take_lock(self.directory, self.dialogs, open_path=self.open_path)
        if self.lock is None:
            return status
        # a fatal error from now on is written to <data>/logs/crash.log; was the last run closed?
        from selfreview.services.crashlog import CrashWatch
        self.crash, self.unclean = CrashWatch.start(self.directory)
        from selfreview.services.applog import start_app_log
        self.app_log = start_app_log(self.directory)
        self.window = window = MainWindow(None, self.settings, None, self.dialogs, self.translators)
        window.show()
        _AfterFirstPaint(window, self.open)
        return None

    # -- from the event loop: the data folder, then the first page ------------------------------------
    def open(self) -> None:
        """Open the data folder (a damaged database is explained and repaired over the window), then
        make the window the whole app. If the folder cannot be opened, close the window and leave
        the event loop with status 1."""
        window = self.window
        if window is None or self.ctx is not None or not window.isVisible():
            return  # closed before its data folder was opened: nothing to do
        from selfreview.services.recovery import take_daily_backup
        from selfreview.ui import file_requests
        from selfreview.ui.single_instance import InstanceServer, bring_to_front
        from selfreview.ui.startup import open_data
        from selfreview.ui.tasks import TaskRunner

        # later starts on this folder bring this window forward (they wait for it to listen: QtNetwork
        # is imported here, after the first paint); it answers during the dialogs below too
        self.server = InstanceServer(self.directory, self.app)
        self.server.activate_requested.connect(lambda: bring_to_front(window))
        self.server.open_requested.connect(lambda path: file_requests.open_file(window, path))
        if self.open_path:
            file_requests.open_file(window, self.open_path)  # waits for the first page (attach)
        try:
            self.ctx = open_data(self.directory, self.dialogs, window, daily_backup=False)
            if self.ctx is not None:
                self.runner = TaskRunner(self.app)
                self.ctx.writer_check = self.runner.on_writer_thread  # one writer (ui/tasks.py)
                window.attach(self.ctx, self.runner)
                file_requests.open_pending(window)
                # today's copy: the database writer's first task, once the first page is there
                self.runner.submit(take_daily_backup, self.ctx.data_dir, on_done=self._daily_backup_done)
                if self.unclean is not None:
                    self._tell_unclean_exit()
                if os.environ.get(EXIT_AFTER_START_ENV):
                    QTimer.singleShot(0, window, self._exit_after_start)
                return
        except Exception as e:  # noqa: BLE001 - a bug: say so, and do not leave "Opening…" on screen
            traceback.print_exc()
            text = QCoreApplication.translate("Startup", "The data folder could not be opened:\n%1")
            self.dialogs.error(window, QCoreApplication.translate("Startup", "Self-review"), arg(text, e))
        self.failed = True
        window.close()
        self.app.exit(1)

    def _tell_unclean_exit(self) -> None:
        from selfreview.services.crashlog import saved_until
        from selfreview.ui.crash_notice import show_crash_notice
        show_crash_notice(self.window, self.unclean.log_path, saved_until(self.ctx))

    def _exit_after_start(self) -> None:
        """``SELFREVIEW_EXIT_AFTER_START``: say which page is shown, then close the window as a person would."""
        page = type(self.window.page).__name__ if self.window.page is not None else "none"
        print(f"selfreview: started, page {page}", flush=True)
        self.window.close()

    def _daily_backup_done(self, result: tuple[Any, Any]) -> None:
        """Note today's copy (or why none could be made) in ``ctx.startup``, as ``AppContext.open``
        does when it takes the copy itself."""
        import dataclasses

        daily, error = result
        if self.ctx is not None and self.ctx.startup is not None:
            self.ctx.startup = dataclasses.replace(self.ctx.startup, daily_backup=daily, backup_error=error)

    def close(self) -> None:
        """After the event loop: stop the workers, close the database, release the folder."""
        if self.runner is not None:
            self.runner.shutdown()
        if self.ctx is not None:
            self.ctx.close()
        if self.server is not None:
            self.server.close()
        if self.crash is not None:  # a normal close: the next start says nothing
            self.crash.stop()
            self.crash = None
        if self.app_log is not None:
            from selfreview.services.applog import stop_app_log
            stop_app_log(self.app_log)
            self.app_log = None
        if self.lock is not None:
            self.lock.release()

    def run(self) -> int:
        status = self.show()
        if status is not None:
            return status
        try:
            code = self.app.exec()
            return 1 if self.failed else code
        finally:
            self.close()


# Qt for Python releases known to break the app. 6.12.0 drops a reference to None on every call of a
# void method from Python; on Python 3.11 (None is not immortal) the app aborts after some minutes of
# typing. pyproject.toml excludes it and constraints.txt pins a good one; this catches an install
# made some other way (docs/reliability.md).
KNOWN_BAD_BINDINGS = {"6.12.0": (3, 12)}  # version -> the first Python it is harmless on


def binding_problem() -> str | None:
    """A line for the log when the installed PySide6 is a release known to crash the app here."""
    import PySide6
    harmless_from = KNOWN_BAD_BINDINGS.get(PySide6.__version__)
    if harmless_from is None or sys.version_info[:2] >= harmless_from:
        return None
    return (f"PySide6 {PySide6.__version__} is known to crash this app on Python "
            f"{sys.version_info[0]}.{sys.version_info[1]} (it leaks references to None): install "
            f"the tested version with 'pip install -c constraints.txt .' or python3 dev.py run")


def run_app(data_dir: str | None = None, open_path: str | None = None) -> int:
    """The desktop app on ``data_dir``: the window at once, then the data folder; one app per data
    folder (a second start brings the first window forward, hands it ``open_path`` if given, and
    exits 0), a damaged database explained and repaired (ui/startup.py)."""
    problem = binding_problem()
    if problem:
        print("selfreview: warning: " + problem, file=sys.stderr)
    return AppStart(data_dir, open_path=open_path).run()
