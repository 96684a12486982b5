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
from helpers import make_profile
from sqlalchemy import update

from selfreview.db.models import Answer
from selfreview.forms.model import LongText
from selfreview.services.context import AppContext
from selfreview.services.crashlog import CRASH_LOG, LOG_DIR, MARKER
from selfreview.ui.app import AppStart
from selfreview.ui.crash_notice import CrashNotice

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
    assert str(log_path) in text
    assert "bất thường" in text  # Vietnamese, the app's language: "đóng bất thường"
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
