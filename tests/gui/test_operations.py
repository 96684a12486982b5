"""The operations layer (ui/operations.py), through the pages: a failed operation is told in the
person's language with its technical details in the log only; a change made on one page shows on
another without either calling the other; a long job's progress and Cancel; a read off the GUI
thread."""

from __future__ import annotations

import csv
import logging
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from selfreview.messages import msg
from selfreview.services.safety import DatabaseBusy, DiskFull
from selfreview.ui.operations import HAND_INS, ROSTER, Operations, changes_of
from selfreview.ui.tasks import ProgressDialog, TaskRunner
from helpers import complete_review, make_profile
from secretary_support import PickingDialogs, demo_round, drop_on, secretary_profile, workspace_of

UNEXPECTED_VI = ("Đã xảy ra lỗi ngoài dự kiến. Chi tiết được ghi trong tệp nhật ký (logs/selfreview.log trong "
                 "thư mục dữ liệu).")


@pytest.fixture
def dialogs():
    return PickingDialogs()


@pytest.fixture
def threaded(qapp):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def _workspace(make_window, ctx, tmp_path, members: int = 6):
    secretary_profile(ctx)
    rnd, _files = demo_round(ctx, tmp_path / "inbox", members=members)
    window = make_window()
    window.show_secretary()
    ws = workspace_of(window)
    ws.opener = lambda path: None
    return window, ws, rnd


# -- the one error presenter ----------------------------------------------------------------------------
def test_an_unexpected_failure_is_told_in_words_and_its_details_go_to_the_log(qtbot, make_window, ctx, dialogs,
                                                                             tmp_path, caplog, monkeypatch):
    window, ws, rnd = _workspace(make_window, ctx, tmp_path)
    roster = ws.setup.roster
    before = roster.model.rowCount()

    def broken(*_a, **_k):
        raise RuntimeError("sqlite3.OperationalError: no such column: member.order_no")
    monkeypatch.setattr(ctx.cells, "add_member", broken)
    caplog.set_level(logging.WARNING, logger="selfreview")
    dialog = roster.add_member()
    dialog.name.setText("Lê Thị Mai")
    dialog.accept()
    kind, title, text = dialogs.asked[-1]
    assert (kind, title, text) == ("error", "Chưa thực hiện được", UNEXPECTED_VI)
    assert "no such column" not in text  # the person is not shown the driver's words
    logged = [r for r in caplog.records if r.name == "selfreview.ui.operations"]
    assert logged and logged[-1].exc_info is not None  # the traceback is in the log
    assert "no such column: member.order_no" in caplog.text
    assert logged[-1].getMessage().endswith(".broken failed")  # which operation
    assert roster.model.rowCount() == before == len(ctx.cells.members(rnd.cell_id))


def test_a_full_disk_is_the_storage_message_in_english_with_the_cause_in_the_log(qtbot, make_window, ctx, dialogs,
                                                                                   translators, caplog, monkeypatch):
    profile = make_profile(ctx)
    translators.install("en")
    window = make_window()
    home = window.home

    def full(_data):
        try:
            raise OSError(28, "No space left on device")
        except OSError as e:
            raise DiskFull(msg("storage.disk_full")) from e
    monkeypatch.setattr(ctx.profiles, "update", full)
    caplog.set_level(logging.WARNING, logger="selfreview")
    home.edit_profile()
    home.dialog.form.edits["full_name"].setText("Trần Văn Bình Mới")
    home.dialog.accept()
    assert dialogs.asked[-1] == ("error", "Could not do that", msg("storage.disk_full").en)
    assert "No space left on device" in caplog.text and "DiskFull" in caplog.text
    assert ctx.profiles.get(profile.id).full_name == profile.full_name


def test_a_write_nobody_waits_for_fails_quietly_in_the_status_bar(qtbot, make_window, ctx, dialogs, caplog,
                                                                  monkeypatch):
    profile, review_id = complete_review(ctx)
    window = make_window()
    window.open_profile(profile.id)
    assert window.open_review(review_id)
    editor = window.editor

    def busy(*_a):
        raise DatabaseBusy(msg("storage.busy"))
    monkeypatch.setattr(ctx.reviews, "set_last_section", busy)
    caplog.set_level(logging.WARNING, logger="selfreview")
    editor.show_section(editor.order[1])  # the section shown is remembered by a write in the background
    assert editor.current_section == editor.order[1]
    assert not [a for a in dialogs.asked if a[0] == "error"]  # no dialog for it
    assert window.statusBar().currentMessage() == msg("storage.busy").vi
    assert "DatabaseBusy" in caplog.text


# -- one page's change shows on another ---------------------------------------------------------------------
def test_a_roster_imported_on_set_up_shows_on_the_roll_call_at_once(qtbot, make_window, ctx, dialogs, tmp_path):
    window, ws, rnd = _workspace(make_window, ctx, tmp_path, members=3)  # no one on the roster yet
    ws.tabs.setCurrentWidget(ws.setup)
    assert ws.rollcall.count.text() == "0/0 đã nộp"
    path = tmp_path / "danh-sach.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Họ và tên", "Ngày sinh", "Chức vụ chính quyền", "Đối tượng"])
        w.writerow(["Vũ Thị Hoa", "05/03/1980", "Chuyên viên", "2B"])
        w.writerow(["Mai Văn Lộc", "12/12/1970", "Trưởng phòng", "2B"])
    heard = []
    changes_of(ws.runner).changed.connect(heard.append)
    dialogs.open_paths = [str(path)]
    qtbot.mouseClick(ws.setup.roster.import_button, Qt.MouseButton.LeftButton)
    assert ws.tabs.currentWidget() is ws.setup  # the roll-call was not shown, nor told by the set-up page
    assert ws.rollcall.count.text() == "0/2 đã nộp"
    assert sorted(r.name for r in ws.rollcall.model.rows) == ["Mai Văn Lộc", "Vũ Thị Hoa"]
    assert [c.kinds for c in heard] == [frozenset({ROSTER})] and heard[0].source is ws.setup.roster


def test_files_dropped_on_the_roll_call_put_their_members_on_the_set_up_pages_roster(qtbot, make_window, ctx,
                                                                                     dialogs, tmp_path):
    window, ws, rnd = _workspace(make_window, ctx, tmp_path, members=4)  # the files bring their members
    roster = ws.setup.roster
    assert roster.model.rowCount() == 0
    ws.tabs.setCurrentWidget(ws.rollcall)
    accepted, dropped = drop_on(ws.rollcall, [tmp_path / "inbox"])
    assert accepted and dropped and ws.rollcall.count.text() == "4/4 đã nộp"
    assert ws.tabs.currentWidget() is ws.rollcall
    assert roster.model.rowCount() == 4 and roster.title.text() == "Danh sách đảng viên (4 đồng chí)"


def test_a_round_opened_on_set_up_becomes_the_workspaces_round(qtbot, make_window, ctx, dialogs, tmp_path):
    window, ws, rnd = _workspace(make_window, ctx, tmp_path, members=2)
    setup = ws.setup
    setup.period.setText("2026")
    qtbot.mouseClick(setup.round_button, Qt.MouseButton.LeftButton)
    new = next(r for r in ctx.cells.list_rounds() if r.period == "2026")
    assert ws.round_combo.currentData() == new.id and ws.round_id == new.id
    assert ws.rollcall.round_id == new.id and ws.setup.round.id == new.id and ws.tabs.isTabEnabled(ws.ROLLCALL)


def test_a_profile_edited_on_home_renames_the_window(qtbot, make_window, ctx, dialogs):
    profile = make_profile(ctx)
    window = make_window()
    assert profile.full_name in window.windowTitle()
    home = window.home
    home.edit_profile()
    home.dialog.form.edits["full_name"].setText("Trần Thị Bình An")
    home.dialog.accept()
    assert ctx.profiles.get(profile.id).full_name == "Trần Thị Bình An"
    assert "Trần Thị Bình An" in window.windowTitle() and "Trần Thị Bình An" in home.greeting.text()


def test_a_page_that_is_gone_hears_no_more(qtbot, runner, dialogs):
    heard = []

    class Page(QWidget):
        def __init__(self):
            super().__init__()
            changes_of(runner).changed.connect(self.on_change)

        def on_change(self, change):
            heard.append(change)

    page = Page()
    ops = Operations(runner, dialogs, page)
    ops.write(lambda: 1).changes(HAND_INS, about=7).run()
    assert [(c.kinds, c.about, c.result, c.source) for c in heard] == [(frozenset({HAND_INS}), 7, 1, page)]
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page))
    Operations(runner, dialogs, None).write(lambda: 2).changes(HAND_INS).run()
    assert len(heard) == 1


def _alive(widget) -> bool:
    import shiboken6
    return shiboken6.isValid(widget)


# -- a long job: progress and Cancel ---------------------------------------------------------------------
def test_a_long_job_shows_its_progress_and_cancel_stops_it_and_changes_nothing(qtbot, threaded, dialogs,
                                                                                translators):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    go, gate, steps = threading.Event(), threading.Event(), []
    done, cancelled, heard = [], [], []
    changes_of(threaded).changed.connect(heard.append)

    def work(progress):
        go.wait(10)  # until the dialog listens
        for i in range(1000):
            progress.report(i, 1000, f"Tệp {i + 1} / 1000")
            steps.append(i)
            if i == 3:
                gate.wait(10)
            progress.check()
        return "all"

    op = (Operations(threaded, dialogs, parent).job(work).with_progress("Nhập", "Đang đọc các tệp…")
          .changes(HAND_INS).success(done.append).on_cancel(lambda: cancelled.append(True)))
    job = op.run()
    dialog = op.dialog
    assert isinstance(dialog, ProgressDialog) and job.running
    go.set()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # shown once the job lasts more than half a second
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.labelText() == "Tệp 4 / 1000", timeout=3000)
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Hủy"
    cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert done == [] and heard == [] and steps[-1] < 999 and not job.running
    assert not [a for a in dialogs.asked if a[0] == "error"]  # a Cancel is not an error
    qtbot.waitUntil(lambda: not _alive(dialog) or not dialog.isVisible(), timeout=2000)


def test_a_long_job_that_fails_is_told_once_its_progress_dialog_closed(qtbot, threaded, dialogs, translators):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown_over = []

    def failing(progress):
        progress.report(1, 2)
        raise PermissionError(13, "Permission denied")

    class Watching(PickingDialogs):
        def error(self, parent_, title, text, detail=""):
            shown_over.append([w for w in parent.findChildren(ProgressDialog) if w.isVisible()])
            super().error(parent_, title, text, detail)
    watching = Watching()
    job = Operations(threaded, watching, parent).job(failing).with_progress("Ghi", "Đang ghi…").run()
    qtbot.waitUntil(lambda: watching.asked != [], timeout=5000)
    assert watching.asked == [("error", "Chưa thực hiện được", "Không đọc hoặc ghi được tệp: Permission denied")]
    assert shown_over == [[]] and not job.running


def test_a_read_runs_off_the_gui_thread_and_answers_on_it(qtbot, threaded, dialogs):
    gui = threading.current_thread()
    where, answers = [], []

    def query(n):
        where.append(threading.current_thread())
        return n * 2
    Operations(threaded, dialogs, None).read(query, 21).success(
        lambda r: answers.append((r, threading.current_thread()))).run()
    qtbot.waitUntil(lambda: answers != [], timeout=3000)
    assert answers == [(42, gui)] and where and where[0] is not gui
