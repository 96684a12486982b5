"""The window first (ui/app.py ``AppStart``): the main window is shown with "Đang mở dữ liệu…" before the
data folder is opened, and once it has been painted the same window becomes the app on its own (the
first run page, or Home). A damaged database still gets its dialogs, over that window; a folder that
cannot be opened closes the window with status 1; a second start on the same folder only brings the
first window forward and never shows one of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import damaged_folder, make_profile
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from selfreview.services.context import AppContext
from selfreview.services.errors import ServiceError
from selfreview.services.instance import acquire_instance_lock
from selfreview.ui import app as ui_app
from selfreview.ui.app import AppStart
from selfreview.ui.main_window import MainWindow
from selfreview.ui.single_instance import InstanceServer, bring_to_front

ROOT = Path(__file__).resolve().parents[2]


class WatchedDialogs:
    """FakeDialogs that also note which window each dialog was shown over, and whether it was on screen."""

    def __init__(self, fake) -> None:
        self.fake = fake
        self.parents: list[tuple[object, bool]] = []

    def __getattr__(self, name):
        method = getattr(self.fake, name)

        def call(parent, *args, **kwargs):
            self.parents.append((parent, parent is not None and parent.isVisible()))
            return method(parent, *args, **kwargs)
        return call


@pytest.fixture
def opened_when(monkeypatch):
    """Records, each time AppStart.open runs, whether its window was already exposed (painted)."""
    seen: list[bool] = []
    original = AppStart.open

    def open_(self):
        handle = self.window.windowHandle() if self.window is not None else None
        seen.append(handle is not None and handle.isExposed())
        original(self)
    monkeypatch.setattr(AppStart, "open", open_)
    return seen


def begin(starts, data_dir, settings, dialogs, translators) -> AppStart:
    start = AppStart(str(data_dir), settings=settings, dialogs=dialogs, translators=translators)
    starts.append(start)
    return start


def test_the_window_is_shown_first_then_becomes_the_first_run_page(qtbot, data_dir, settings, dialogs, translators,
                                                                  starts, opened_when):
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert start.show() is None
    window = start.window
    # shown, with the opening message, and nothing of the data folder yet
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.opening is not None and window.opening_message.text() == "Đang mở dữ liệu…"
    assert window.stack.currentWidget() is window.opening
    assert window.windowTitle() == "Bản kiểm điểm cá nhân"
    assert window.statusBar().isVisible()
    assert window.page is None and window.ctx is None and start.ctx is None and opened_when == []
    assert start.server is None  # it listens from the first paint on (a second start waits for it)
    assert not (data_dir / "selfreview.db").exists()  # the data folder is not opened before the window
    assert window.menuBar().actions()[0].text() == "&Tệp"
    assert not window.actions_by_name["new"].isEnabled() and not window.actions_by_name["secretary"].isEnabled()
    assert window.actions_by_name["quit"].isEnabled() and window.actions_by_name["larger"].isEnabled()
    # then, on its own, the same window becomes the app
    qtbot.waitUntil(lambda: window.page is not None, timeout=20000)
    assert opened_when == [True]  # the folder was opened after the window was exposed and painted
    assert start.window is window and window.ctx is start.ctx is not None and window.runner is start.runner
    assert type(window.page).__name__ == "FirstRunPage"
    assert window.opening is None and window.stack.currentWidget() is window.page
    assert window.actions_by_name["secretary"].isEnabled()
    assert start.server.listening, start.server.error
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()] == [window]
    assert dialogs.asked == []


def test_with_a_profile_it_becomes_home(qtbot, data_dir, settings, dialogs, translators, starts):
    with AppContext.open(data_dir) as ctx:
        make_profile(ctx, "Ngô Thị Lan")
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert start.show() is None
    window = start.window
    assert window.page is None and window.opening is not None
    qtbot.waitUntil(lambda: window.home is not None, timeout=20000)
    assert "Ngô Thị Lan" in window.home.greeting.text()
    assert window.windowTitle() == "Bản kiểm điểm cá nhân — Ngô Thị Lan"


def test_todays_copy_is_made_by_the_database_writer(qtbot, data_dir, settings, dialogs, translators, starts):
    with AppContext.open(data_dir) as ctx:
        make_profile(ctx)
    shutil.rmtree(data_dir / "backups")  # no copy today yet
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert start.show() is None
    qtbot.waitUntil(lambda: start.window.home is not None, timeout=20000)
    qtbot.waitUntil(lambda: start.ctx.startup.daily_backup is not None, timeout=20000)
    made = start.ctx.startup.daily_backup
    assert made.parent == data_dir / "backups" and made.name.endswith("-daily.db") and made.exists()
    assert start.ctx.startup.checked and start.ctx.startup.backup_error is None


def test_the_geometry_is_restored_before_the_window_is_shown(qtbot, data_dir, settings, dialogs, translators,
                                                             starts):
    first = MainWindow(None, settings, None, dialogs, translators)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.save_geometry(settings)
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert start.show() is None
    assert (start.window.width(), start.window.height()) == (700, 500)


def test_the_opening_message_follows_a_language_change(qtbot, settings, dialogs, translators):
    window = MainWindow(None, settings, None, dialogs, translators)
    qtbot.addWidget(window)
    window.set_language("en")
    assert window.opening_message.text() == "Opening your data…"
    assert window.menuBar().actions()[0].text() == "&File"


def test_a_damaged_database_gets_its_dialogs_over_the_shown_window(qtbot, tmp_path, settings, dialogs, translators,
                                                                   starts, opened_when):
    data, _wrecked = damaged_folder(tmp_path)
    watched = WatchedDialogs(dialogs)
    start = begin(starts, data, settings, watched, translators)
    assert start.show() is None
    assert dialogs.asked == []  # nothing is asked before the window is there
    window = start.window
    qtbot.waitUntil(lambda: window.page is not None, timeout=20000)
    (kind, title, _), (kind2, title2, _) = dialogs.asked
    assert (kind, title) == ("choose", "Tệp dữ liệu của bạn bị hỏng")  # which automatic copy to put back
    assert (kind2, title2) == ("info", "Đã khôi phục bản sao tự động")
    assert watched.parents == [(window, True), (window, True)]  # over the app's own window, on screen
    assert opened_when == [True]
    # the app goes on, on the restored copy
    assert window.home is not None and "Lê Thị Thu Hà" in window.home.greeting.text()
    assert len(list((data / "damaged").iterdir())) == 1


def run_with_timeout(start: AppStart, seconds: float = 30) -> int:
    """``start.run()``, the real event loop, with a guard that ends it if the test is wrong.

    Closing the last window must not make Qt post its "quit" here: left in the queue after ``exec()``
    it would end the event loops of the tests that follow (qtbot.wait, waitSignal) at once."""
    app = QApplication.instance()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.instance().exit(99))
    guard.start(int(seconds * 1000))
    try:
        return start.run()
    finally:
        guard.stop()
        app.setQuitOnLastWindowClosed(quit_on_close)


def test_declining_the_repair_closes_the_window_and_exits_1(qtbot, tmp_path, settings, dialogs, translators, starts):
    data, wrecked = damaged_folder(tmp_path)
    dialogs.choose_answers = [None]  # Cancel
    start = begin(starts, data, settings, dialogs, translators)
    assert run_with_timeout(start) == 1
    assert [a[0] for a in dialogs.asked] == ["choose"]
    assert not start.window.isVisible() and start.window.page is None
    assert (data / "selfreview.db").read_bytes() == wrecked  # nothing changed
    assert not start.lock.held  # released: the next start may have the folder
    with acquire_instance_lock(data):
        pass


def test_a_folder_that_cannot_be_opened_closes_the_window_and_exits_1(qtbot, data_dir, settings, dialogs,
                                                                      translators, starts, monkeypatch):
    def refuse(directory, **kwargs):
        raise ServiceError.of("storage.io")
    monkeypatch.setattr(AppContext, "open", staticmethod(refuse))
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert run_with_timeout(start) == 1
    [(kind, title, text)] = dialogs.asked
    assert (kind, title) == ("error", "Bản kiểm điểm cá nhân")
    assert text.startswith("Không mở được thư mục dữ liệu")
    assert not start.window.isVisible() and start.ctx is None


def test_a_failure_while_building_the_first_page_is_said_and_exits_1(qtbot, data_dir, settings, dialogs,
                                                                      translators, starts, monkeypatch, capsys):
    def broken(self):
        raise RuntimeError("a bug in a page")
    monkeypatch.setattr(MainWindow, "start", broken)
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert run_with_timeout(start) == 1
    [(kind, _title, text)] = dialogs.asked
    assert kind == "error" and "a bug in a page" in text  # not "Opening your data…" for ever
    assert "Traceback" in capsys.readouterr().err
    assert not start.window.isVisible()


def test_the_whole_run_ends_with_0_when_the_window_is_closed(qtbot, data_dir, settings, dialogs, translators,
                                                             starts):
    with AppContext.open(data_dir) as ctx:
        make_profile(ctx)
    start = begin(starts, data_dir, settings, dialogs, translators)
    pages: list[str] = []

    def close_once_usable() -> None:
        if start.window is not None and start.window.page is not None and not pages:
            pages.append(type(start.window.page).__name__)
            start.window.close()  # the person closes the window: Qt ends the event loop with 0
            QApplication.instance().exit(0)  # (here by hand: see run_with_timeout)
    poll = QTimer()
    poll.timeout.connect(close_once_usable)
    poll.start(20)
    try:
        assert run_with_timeout(start) == 0
    finally:
        poll.stop()
    assert pages == ["HomePage"]
    assert not start.lock.held and start.ctx is not None


def test_a_second_start_brings_the_first_forward_without_a_window(qtbot, data_dir, settings, dialogs, translators,
                                                                  starts, monkeypatch):
    """In one process (the real second process: test_startup.py): the folder is taken, the first app
    answers, so this start ends with 0 before any window exists."""
    asked: list[object] = []
    monkeypatch.setattr("selfreview.ui.single_instance.ask_to_activate", lambda d: asked.append(d) or True)
    built: list[object] = []
    monkeypatch.setattr(ui_app, "_AfterFirstPaint", lambda *a, **k: built.append(a))
    before = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    lock = acquire_instance_lock(data_dir)  # the first app
    try:
        start = begin(starts, data_dir, settings, dialogs, translators)
        assert start.show() == 0
    finally:
        lock.release()
    assert asked == [data_dir.resolve()]
    assert start.window is None and start.lock is None and built == []
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)] == before
    assert dialogs.asked == []


def test_a_first_app_that_does_not_answer_is_explained_without_a_window(qtbot, data_dir, settings, dialogs,
                                                                         translators, starts, monkeypatch):
    monkeypatch.setattr("selfreview.ui.single_instance.ask_to_activate", lambda d: False)
    lock = acquire_instance_lock(data_dir)
    try:
        start = begin(starts, data_dir, settings, dialogs, translators)
        assert start.show() == 1
    finally:
        lock.release()
    assert start.window is None
    kind, title, _ = dialogs.asked[-1]
    assert (kind, title) == ("error", "Bản kiểm điểm cá nhân đang mở")


def test_closing_the_window_before_the_folder_opens_leaves_it_unopened(qtbot, data_dir, settings, dialogs,
                                                                      translators, starts):
    start = begin(starts, data_dir, settings, dialogs, translators)
    assert start.show() is None
    start.window.close()
    qtbot.wait(50)
    start.open()  # even if its turn comes
    assert start.ctx is None and start.window.page is None
    assert not (data_dir / "selfreview.db").exists()


def test_building_the_window_with_its_context_still_works(qtbot, ctx, settings, runner, dialogs, translators):
    """What most tests and the screenshot tools do: MainWindow(ctx, settings, runner, dialogs)."""
    window = MainWindow(ctx, settings, runner, dialogs, translators)
    qtbot.addWidget(window)
    assert window.opening is None and type(window.page).__name__ == "FirstRunPage"
    with pytest.raises(RuntimeError):
        window.attach(ctx, runner)


def test_a_second_start_waits_for_a_first_app_that_is_not_listening_yet(qtbot, data_dir):
    """The real second process, started while the first holds the folder but listens only later (as
    between its lock and its first paint): it waits, brings the first window forward, exits 0."""
    lock = acquire_instance_lock(data_dir)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    second = subprocess.Popen([sys.executable, "-m", "selfreview", "--data-dir", str(data_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    server = None
    try:
        qtbot.wait(700)  # the second start is asking by now, and finds nobody
        assert second.poll() is None
        server = InstanceServer(data_dir)
        assert server.listening, server.error
        server.activate_requested.connect(lambda: bring_to_front(window))
        with qtbot.waitSignal(server.activate_requested, timeout=30000):
            pass
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        _out, err = second.communicate()
    finally:
        if server is not None:
            server.close()
        if second.poll() is None:
            second.kill()
            second.communicate()
        lock.release()
    assert second.returncode == 0, err
    assert "already running" in err and "Traceback" not in err
    assert not window.isMinimized()
