"""The task runner: serial writes and long jobs off the GUI thread, results back on it; the
progress dialog; the synchronous mode the other GUI tests use; the autosave debounce."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QPushButton

from selfreview.services.errors import ServiceError
from selfreview.messages import msg
from selfreview.ui.autosave import AutoSaver
from selfreview.ui.tasks import Cancelled, ProgressDialog, TaskRunner


@pytest.fixture
def threaded(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_writes_run_in_order_off_the_gui_thread_and_report_back_on_it(qtbot, threaded):
    gui = threading.current_thread()
    order, where, done = [], [], []

    def write(n):
        where.append(threading.current_thread())
        time.sleep(0.01)
        order.append(n)
        return n * 10

    for n in range(5):
        threaded.submit(write, n, on_done=lambda r: done.append((r, QThread.currentThread() is qtbot_thread())))
    assert threaded.drain()
    assert order == [0, 1, 2, 3, 4]
    assert all(t is not gui for t in where) and len(set(where)) == 1
    qtbot.waitUntil(lambda: len(done) == 5)
    assert [r for r, _ in done] == [0, 10, 20, 30, 40] and all(on_gui for _, on_gui in done)


def qtbot_thread():
    return QApplication.instance().thread()


def test_a_failed_write_reaches_on_error_or_the_error_signal(qtbot, threaded):
    def boom():
        raise ServiceError(msg("review.locked"))
    errors = []
    threaded.submit(boom, on_error=errors.append)
    with qtbot.waitSignal(threaded.error, timeout=2000) as blocker:
        threaded.submit(boom)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ServiceError) and isinstance(blocker.args[0], ServiceError)


def test_a_long_job_reports_progress_and_can_be_cancelled(qtbot, threaded):
    started = threading.Event()

    def slow(progress, steps):
        for i in range(steps):
            started.set()
            progress.report(i, steps, f"bước {i}")
            progress.check()
            time.sleep(0.02)
        return "xong"

    seen, cancelled = [], []
    job = threaded.start_job(slow, 500, on_done=seen.append, on_cancel=lambda: cancelled.append(True))
    dialog = ProgressDialog(job, "Xuất PDF", "Đang xuất…", delay_ms=0)
    gone = []
    dialog.destroyed.connect(lambda: gone.append(True))
    assert started.wait(2)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=3000)
    assert dialog.isVisible() and dialog.maximum() == 500 and dialog.labelText().startswith("bước")
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: cancelled == [True], timeout=3000)
    assert seen == [] and not job.running and not threaded.busy
    qtbot.waitUntil(lambda: gone == [True], timeout=3000)  # the dialog closed itself

    job = threaded.start_job(slow, 3, on_done=seen.append)
    qtbot.waitUntil(lambda: seen == ["xong"], timeout=3000)


def test_a_failing_job_reports_its_error(qtbot, threaded):
    def bad(progress):
        raise ValueError("hỏng")
    errors = []
    threaded.start_job(bad, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    assert str(errors[0]) == "hỏng"


def test_synchronous_mode_runs_at_once(qtbot):
    runner = TaskRunner(synchronous=True)
    out = []
    runner.submit(lambda a, b: a + b, 2, 3, on_done=out.append)
    assert out == [5]

    def job(progress):
        progress.report(1, 1)
        raise Cancelled()
    cancelled = []
    runner.start_job(job, on_cancel=lambda: cancelled.append(1))
    assert cancelled == [1]
    dialog = ProgressDialog(runner.start_job(lambda p: 1), "T", "L")  # the job ended already
    gone = []
    dialog.destroyed.connect(lambda: gone.append(True))
    qtbot.waitUntil(lambda: gone == [True], timeout=2000)  # never shown, gone


def test_autosave_waits_for_a_pause_then_saves_once(qtbot):
    saves = []
    saver = AutoSaver(lambda qid, v: saves.append((qid, v)) or v, TaskRunner(synchronous=True), delay_ms=100)
    states = []
    saver.state_changed.connect(lambda s, m: states.append(s))
    for text in ("T", "Ti", "Tiế", "Tiếng"):
        saver.schedule("q", text)
        qtbot.wait(20)
    assert saves == [] and saver.has_pending()
    qtbot.wait(150)
    assert saves == [("q", "Tiếng")] and states[-1] == "saved"
    saver.schedule("q", "Tiếng Việt")
    saver.schedule("r", 5)
    saver.flush()  # Ctrl+S, section change, focus change, close
    assert saves[1:] == [("q", "Tiếng Việt"), ("r", 5)] and not saver.has_pending()


def test_autosave_reports_a_refused_save(qtbot):
    def refuse(qid, value):
        raise ServiceError(msg("review.locked"))
    saver = AutoSaver(refuse, TaskRunner(synchronous=True), delay_ms=10)
    got = []
    saver.state_changed.connect(lambda s, m: got.append((s, m)))
    saver.schedule("q", "x")
    saver.flush()
    problem = got[-1][1]
    assert got[-1][0] == "error" and problem.reason.code == "review.locked" and problem.field == "q"
    assert not problem.retrying  # a locked review does not unlock by trying again
    assert [p.field for p in saver.unsaved()] == ["q"]  # never shown as saved


def test_the_window_with_the_threaded_runner_saves_off_the_gui_thread(qtbot, ctx, settings, dialogs, translators):
    from selfreview.ui.main_window import MainWindow
    from helpers import make_profile, type_vietnamese
    runner = TaskRunner()
    profile = make_profile(ctx)
    review = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
    window = MainWindow(ctx, settings, runner, dialogs, translators)
    qtbot.addWidget(window)
    window.show()
    assert window.open_review(review.summary.id)
    editor = window.editor
    type_vietnamese(editor.widget_for("a1_political").edit, "Giữ vững lập trường")
    qtbot.waitUntil(lambda: window.saved_label.text() == "Đã lưu", timeout=3000)
    assert ctx.reviews.answers(review.summary.id) == {"a1_political": "Giữ vững lập trường"}
    type_vietnamese(editor.widget_for("a1_duties").edit, "Hoàn thành nhiệm vụ")
    window.close()  # flushes and waits for the writer
    assert ctx.reviews.answers(review.summary.id)["a1_duties"] == "Hoàn thành nhiệm vụ"
    runner.shutdown()
