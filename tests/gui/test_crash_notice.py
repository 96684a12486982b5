"""When the app dies (issue 13, item 7): the real app, in a child process, aborts once its first
page is up; its fatal error is in ``<data>/logs/crash.log``; the next start says that the app closed
unexpectedly, until what time the answers were saved and where the log is; after a normal close
the start after says nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from helpers import make_profile
from sqlalchemy import update

from selfreview.db.models import Answer
from selfreview.forms.model import LongText
from selfreview.services.context import AppContext
from selfreview.services.crashlog import CRASH_LOG, LOG_DIR, MARKER
from selfreview.ui.app import AppStart
from selfreview.ui.crash_notice import CrashNotice, show_crash_notice
from selfreview.ui.style import STYLE_SHEET

ROOT = Path(__file__).resolve().parents[2]
SAVED_AT = datetime(2026, 12, 5, 7, 8, 9)  # UTC: the newest answer's time

CHILD = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from selfreview.ui.app import AppStart
    start = AppStart(sys.argv[1])
    assert start.show() is None

    def check():
        if start.window.page is not None:  # the app is up, its data folder open
            print("UP", flush=True)
            os.abort()
    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    start.app.exec()
""")


def start_app(qtbot, starts, data_dir, settings, dialogs, translators) -> AppStart:
    start = AppStart(str(data_dir), settings=settings, dialogs=dialogs, translators=translators)
    starts.append(start)
    assert start.show() is None
    qtbot.waitUntil(lambda: start.window.page is not None, timeout=20000)
    return start


def notices(start: AppStart) -> list[CrashNotice]:
    return [n for n in start.window.findChildren(CrashNotice) if n.isVisible()]


def test_after_a_crash_the_next_start_says_so_with_the_saved_time_and_the_log(
        qtbot, data_dir, settings, dialogs, translators, starts):
    with AppContext.open(data_dir) as ctx:
        profile = make_profile(ctx, "Đỗ Thị Mai")
        detail = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
        question = next(item.id for _s, item in detail.template.items() if isinstance(item, LongText))
        ctx.reviews.save_answer(detail.summary.id, question, "Chưa chủ động")
        with ctx.session() as s:
            s.execute(update(Answer).values(updated_at=SAVED_AT))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=120)
    assert "UP" in child.stdout, child.stderr[-3000:]
    assert child.returncode != 0  # aborted: SIGABRT on POSIX, 3 on Windows
    log_path = data_dir / LOG_DIR / CRASH_LOG
    log = log_path.read_text(encoding="utf-8")
    assert "selfreview started" in log and "Fatal Python error: Aborted" in log
    assert "Current thread" in log or "Thread 0x" in log  # the Python traceback, every thread
    assert (data_dir / LOG_DIR / MARKER).exists()

    start = start_app(qtbot, starts, data_dir, settings, dialogs, translators)
    shown = notices(start)
    assert len(shown) == 1
    text = shown[0].message.text()
    local = SAVED_AT.replace(tzinfo=timezone.utc).astimezone()
    assert local.strftime("%H:%M:%S") in text and local.strftime("%d/%m/%Y") in text
    assert "bất thường" in text  # Vietnamese, the app's language: "đóng bất thường"
    assert not shown[0].details.isVisible()
    shown[0].details_button.click()  # "Chi tiết": where the log is
    assert shown[0].details.isVisible() and str(log_path) in shown[0].details.text()
    assert dialogs.asked == []  # non-modal: nothing waits for an answer
    assert start.window.home is not None  # the app is usable under it
    shown[0].close_button.click()
    assert notices(start) == []

    # a normal close: the next start says nothing
    start.window.close()
    start.close()
    assert not (data_dir / LOG_DIR / MARKER).exists()
    again = start_app(qtbot, starts, data_dir, settings, dialogs, translators)
    assert notices(again) == []


def test_a_first_start_and_a_normal_close_show_nothing(qtbot, data_dir, settings, dialogs, translators, starts):
    with AppContext.open(data_dir) as ctx:
        make_profile(ctx, "Đỗ Thị Mai")
    start = start_app(qtbot, starts, data_dir, settings, dialogs, translators)
    assert notices(start) == []
    assert (data_dir / LOG_DIR / MARKER).exists()  # while it runs


@pytest.mark.parametrize("width", [1366, 800])
def test_the_notice_is_as_tall_as_its_text_and_the_page_starts_under_it(qtbot, width):
    """A tool bar sizes a word-wrapped text for a guessed narrow width (three lines took 124 px
    at 1366 px): the notice takes the height its text needs at the width it gets, and the details
    (where the log is) only when asked."""
    window = QMainWindow()
    window.setStyleSheet(STYLE_SHEET)
    window.setCentralWidget(QLabel("page"))
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    log = Path("/home/mai/.local/share/selfreview/logs/crash.log")
    notice = show_crash_notice(window, log, SAVED_AT)
    bar = notice.parentWidget()

    def texts():
        return [label for label in (notice.message, notice.details) if label.isVisible()]

    def fits():
        return all(label.height() >= label.heightForWidth(label.width()) for label in texts())

    def natural():
        text = sum(label.heightForWidth(label.width()) for label in texts()) + 2 * (len(texts()) - 1)
        return max(text, notice.close_button.sizeHint().height())

    def compact():  # the tool bar settles on its height after a relayout or two
        return fits() and bar.height() <= natural() + 20

    qtbot.waitUntil(compact, timeout=3000)
    line = notice.message.fontMetrics().lineSpacing()
    lines = round(notice.message.heightForWidth(notice.message.width()) / line)
    assert lines == (1 if width >= 1366 else 2), lines
    assert bar.height() <= natural() + 20, (bar.height(), natural())
    assert window.centralWidget().geometry().top() <= bar.geometry().bottom() + 4  # the page right under it
    assert not notice.details.isVisible() and not notice.folder_button.isVisible()
    assert str(log) not in notice.message.text()

    notice.details_button.click()
    qtbot.waitUntil(lambda: notice.details.isVisible() and compact(), timeout=3000)
    assert str(log) in notice.details.text() and notice.folder_button.isVisible()
    assert bar.height() <= natural() + 20, (bar.height(), natural())
    assert notice.close_button.geometry().right() <= notice.width()  # the buttons stay inside
    notice.close_button.click()
    assert not bar.isVisible()
