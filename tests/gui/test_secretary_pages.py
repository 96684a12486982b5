"""The secretary's pages one by one: what a drop accepts, a roster file with rows it cannot read,
Cancel during an import, a member's key confirmed when the refused file is gone, the passphrase of
the secretary's key, the roster kept consistent, both languages (mnemonics, nothing cut off), and
the CSV that Excel opens with Vietnamese letters."""

from __future__ import annotations

import csv
import logging
import time
from datetime import date

import pytest
from helpers import make_profile
from layout_check import cut_off
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton
from secretary_support import (
    SECRETARY_NAME, PickingDialogs, demo_round, drop_on, resigned, secretary_profile, workspace_of,
)

from selfreview.services.cells import MemberData
from selfreview.ui.tasks import TaskRunner


@pytest.fixture
def dialogs():
    return PickingDialogs()


def _open(make_window, ctx):
    window = make_window()
    window.show_secretary()
    ws = workspace_of(window)
    ws.opener = lambda path: None
    return window, ws


@pytest.fixture
def with_round(ctx, tmp_path):
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=6)
    return rnd, files


def _drag_accepted(widget, mime) -> bool:
    event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_only_local_files_and_folders_are_taken(qtbot, make_window, ctx, with_round, tmp_path):
    window, ws = _open(make_window, ctx)
    table = ws.rollcall.table
    text = QMimeData()
    text.setText("Nguyễn Văn An")
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/a.selfreview")])
    assert not _drag_accepted(table.viewport(), text) and not _drag_accepted(table.viewport(), web)
    assert not _drag_accepted(ws.rollcall, text)
    accepted, dropped = drop_on(ws.rollcall, [tmp_path / "inbox"])  # the page beside the table takes it too
    assert accepted and dropped and ws.rollcall.count.text() == "6/6 đã nộp"


def test_a_drop_with_no_round_is_refused(qtbot, make_window, ctx, tmp_path):
    secretary_profile(ctx)
    window, ws = _open(make_window, ctx)
    assert ws.round is None and ws.tabs.currentWidget() is ws.setup
    accepted, _ = drop_on(ws.rollcall, [tmp_path])
    assert not accepted and ws.rollcall.importer.receipts_dialog is None


def test_a_roster_file_with_rows_it_cannot_read(qtbot, make_window, ctx, dialogs, with_round, tmp_path):
    rnd, _ = with_round
    path = tmp_path / "danh-sach.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Họ và tên", "Ngày sinh", "Chức vụ chính quyền", "Đối tượng", "Ghi chú"])
        w.writerow(["Vũ Thị Hoa", "05/03/1980", "Chuyên viên", "2B", ""])
        w.writerow(["", "01/01/1990", "", "2B", "không có tên"])
        w.writerow(["Đinh Văn Khoa", "31/02/1985", "", "2B", ""])
        w.writerow(["Mai Văn Lộc", "12/12/1970", "Trưởng phòng", "", ""])
    window, ws = _open(make_window, ctx)
    dialogs.open_paths = [str(path)]
    qtbot.mouseClick(ws.setup.roster.import_button, Qt.MouseButton.LeftButton)
    report = ws.setup.roster.report
    assert report is not None and report.isVisible()
    assert report.summary.text() == "Đã thêm 2, cập nhật 0, không đổi 0; 2 dòng không đọc được."
    rows = [[report.table.item(r, c).text() for c in range(4)] for r in range(report.table.rowCount())]
    assert [r[0] for r in rows] == ["3", "4", "5"] and rows[0][2] == "Không đọc được" and rows[2][2] == "Lưu ý"
    assert "31/02/1985" in rows[1][3]
    assert "Ghi chú" in " ".join(lbl.text() for lbl in report.findChildren(QLabel))
    names = [m.full_name for m in ctx.cells.members(rnd.cell_id)]
    assert "Vũ Thị Hoa" in names and "Mai Văn Lộc" in names
    assert ws.setup.roster.model.rowCount() == len(names) == 2
    ws.tabs.setCurrentWidget(ws.rollcall)
    assert ws.rollcall.count.text() == "0/2 đã nộp"


def test_the_roster_is_edited_and_a_member_with_a_review_stays(qtbot, make_window, ctx, dialogs, with_round,
                                                                tmp_path):
    rnd, _ = with_round
    window, ws = _open(make_window, ctx)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    ws.show_tab(ws.SETUP)
    roster = ws.setup.roster
    assert roster.model.rowCount() == 6
    roster.table.selectRow(0)
    name = roster.selected().full_name
    dialog = roster.edit_member()
    dialog.mass.setText("Chủ tịch Công đoàn")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert next(m for m in ctx.cells.members(rnd.cell_id) if m.full_name == name).mass_org_post == "Chủ tịch Công đoàn"
    roster.table.selectRow(0)
    roster.remove_member()
    assert dialogs.asked[-1][0] == "error" and name in dialogs.asked[-1][2]
    assert len(ctx.cells.members(rnd.cell_id)) == 6


def test_cancel_stops_an_import_between_files_and_shows_what_was_done(qtbot, make_window, ctx, dialogs,
                                                                       tmp_path, settings, translators, monkeypatch):
    from selfreview.services.importing.workers import FileChecks
    from selfreview.ui.main_window import MainWindow
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=40)
    real = FileChecks.check_here  # reading and checking a file: on the job thread, between Cancels
    monkeypatch.setattr(FileChecks, "check_here", lambda self, *a, **k: time.sleep(0.05) or real(self, *a, **k))
    runner = TaskRunner()
    window = MainWindow(ctx, settings, runner, dialogs, translators)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_secretary()
        ws = workspace_of(window)
        ws.tabs.setCurrentWidget(ws.rollcall)
        job = ws.rollcall.import_paths([str(tmp_path / "inbox")])
        qtbot.waitUntil(lambda: ws.rollcall.importer.progress_dialog.value() >= 3, timeout=10000)
        assert ws.rollcall.importer.progress_dialog.isVisible()  # the import lasts more than half a second
        progress = ws.rollcall.importer.progress_dialog
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        qtbot.waitUntil(lambda: not job.running, timeout=10000)
        qtbot.waitUntil(lambda: ws.rollcall.importer.receipts_dialog is not None, timeout=5000)
        done = ws.rollcall.importer.receipts_dialog.model.rows
        assert 0 < len(done) < 40 and all(r.outcome == "imported" for r in done)
        assert ws.rollcall.count.text() == f"{len(done)}/{len(done)} đã nộp"
    finally:
        runner.shutdown()
        window.close()


def test_a_new_key_confirmed_when_the_refused_file_is_gone(qtbot, make_window, ctx, dialogs, with_round, tmp_path):
    rnd, files = with_round
    window, ws = _open(make_window, ctx)
    page = ws.rollcall
    drop_on(page.table, [tmp_path / "inbox"])
    changed, fp = resigned(ctx, files[2], tmp_path / "khoa-moi.selfreview")
    drop_on(page.table, [changed])
    moved = tmp_path / "usb" / "khoa-moi.selfreview"
    moved.parent.mkdir()
    changed.rename(moved)
    row = next(r for r in page.model.rows if r.status == "key_mismatch")
    assert row.key_mismatch_fingerprint == fp
    page.select_member(row.member_id)
    dialogs.confirm_answers = [False]  # the codes read out do not match
    page.confirm_key()
    assert next(r for r in page.model.rows if r.member_id == row.member_id).status == "key_mismatch"
    dialogs.open_lists = [[str(moved)]]
    page.confirm_key()
    assert dialogs.asked[-1][0] == "open_files"
    assert next(r for r in page.model.rows if r.member_id == row.member_id).status == "updated"
    assert next(m for m in ctx.cells.members(rnd.cell_id) if m.id == row.member_id).fingerprint == fp


def test_the_secretary_key_with_a_passphrase(qtbot, make_window, ctx, dialogs, tmp_path):
    from selfreview.services.dto import ProfileData
    p = ctx.profiles.create(ProfileData(full_name=SECRETARY_NAME), passphrase="mật khẩu".encode())
    ctx.profiles.set_secretary(p.id)
    demo_round(ctx, tmp_path / "inbox", members=3)
    window, ws = _open(make_window, ctx)
    asked = []
    ws.key.ask = lambda parent, title, label: asked.append(label) or "mật khẩu"
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    assert len(asked) == 1 and ws.rollcall.count.text() == "3/3 đã nộp"
    invite = tmp_path / "loi-moi.selfreview-invite"
    dialogs.save_paths = [str(invite)]
    ws.exporter.invitation(ws.round_id)
    assert invite.is_file() and len(asked) == 1  # the passphrase is kept for the session


def test_declining_to_be_the_secretary_stays_home(qtbot, make_window, ctx, dialogs):
    make_profile(ctx, "Trần Văn Bình")
    window = make_window()
    dialogs.confirm_answers = [False]
    window.actions_by_name["secretary"].trigger()
    assert window.home is not None and ctx.profiles.secretary() is None


def test_the_csv_opens_in_excel_with_vietnamese_letters(qtbot, make_window, ctx, dialogs, with_round, tmp_path):
    window, ws = _open(make_window, ctx)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    out = tmp_path / "diem-danh.csv"
    dialogs.save_paths = [str(out)]
    ws.exporter.table(ws.round_id, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    model = ws.rollcall.model
    assert rows[0][1] == "Họ và tên" and len(rows) == model.rowCount() + 1
    assert rows[1:] == [[model.text(i, c) for c in range(model.columnCount())] for i in range(model.rowCount())]


def _every_view(ws, ctx):
    """Each tab, then a member's review read-only, then a paper review being typed in."""
    for i in range(ws.tabs.count()):
        ws.show_tab(i)
        yield ws.tabs.tabText(i)
    ws.show_tab(ws.ROLLCALL)
    row = next(r for r in ws.rollcall.model.rows if r.has_submission)
    ws.open_reader(row)
    yield "reader"
    paper = ctx.cells.add_member(ws.round.cell_id, MemberData("Hoàng Văn Tám", "non_leader", date(1990, 5, 5)))
    ws.show_tab(ws.ROLLCALL)
    ws.rollcall.refresh()
    ws.rollcall.select_member(paper.id)
    ws.rollcall._emit(ws.rollcall.enter_review)
    yield "editor"


def _own_mnemonics(window) -> list[str]:
    """As the comfort test's ``_mnemonics``, leaving out the form's question labels: their rich text
    turns HTML entities (&quot; &#x27;) into stray mnemonics, which is the question widgets' matter."""
    import re
    from PySide6.QtWidgets import QAbstractButton
    texts = [a.text() for a in window.menuBar().actions()]
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if w.isVisible() and (not isinstance(w, QLabel) or w.buddy()):
            texts.append(w.text())
    found = [re.search(r"&([^&\s])", t.replace("&&", "")) for t in texts]
    return [m.group(1).lower() for m in found if m]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mnemonics_do_not_clash_in_the_workspace(qtbot, make_window, ctx, translators, with_round, tmp_path, lang):
    translators.install(lang)
    window, ws = _open(make_window, ctx)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    for view in _every_view(ws, ctx):
        keys = _own_mnemonics(window)
        assert len(keys) == len(set(keys)), (view, keys)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", ["normal", "xlarge"])
def test_no_text_is_cut_off_in_the_workspace(qtbot, make_window, ctx, translators, with_round, tmp_path, lang, size):
    translators.install(lang)
    window, ws = _open(make_window, ctx)
    window.resize(1280, 820)
    window.set_text_size(size)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    for view in _every_view(ws, ctx):
        qtbot.wait(5)
        assert cut_off(window) == [], view


def test_the_language_changes_at_once_and_the_tab_stays(qtbot, make_window, ctx, settings, with_round, tmp_path):
    window, ws = _open(make_window, ctx)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    ws.show_tab(ws.MEETING)
    window.actions_by_name["lang_en"].trigger()
    ws = workspace_of(window)
    assert ws.tabs.currentIndex() == ws.MEETING and ws.tabs.tabText(ws.ROLLCALL) == "2 · Roll-call"
    ws.show_tab(ws.ROLLCALL)
    assert ws.rollcall.count.text() == "6/6 submitted"
    assert ws.rollcall.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Full name"
    window.actions_by_name["lang_vi"].trigger()
    assert workspace_of(window).tabs.tabText(1) == "2 · Điểm danh, đánh giá"


def test_the_page_is_left_with_the_typed_assessment_saved(qtbot, make_window, ctx, with_round, tmp_path):
    from helpers import type_vietnamese
    rnd, _ = with_round
    window, ws = _open(make_window, ctx)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    row = ws.rollcall.model.rows[0]
    ws.rollcall.select_member(row.member_id)
    type_vietnamese(ws.rollcall.panel.comments, "Chấp hành tốt.")
    assert ws.rollcall.panel.state.text() == "Chưa lưu"
    window.show_home()
    assert ctx.assessments.get(rnd.id, row.member_id).comments == "Chấp hành tốt."


def test_with_the_real_worker_threads(qtbot, ctx, dialogs, settings, translators, tmp_path, caplog):
    """As the app runs: writes on the database thread, the import as a job; results come back.
    No write unit is opened off the writer thread (the app's guard: ``ctx.writer_check``)."""
    from selfreview.ui.main_window import MainWindow
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=5)
    roster = tmp_path / "danh-sach.csv"
    with open(roster, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["Họ và tên", "Ngày sinh", "Đối tượng"], ["Vũ Thị Hoa", "05/03/1980", "2B"]])
    caplog.set_level(logging.WARNING)
    runner = TaskRunner()
    ctx.writer_check = runner.on_writer_thread
    window = MainWindow(ctx, settings, runner, dialogs, translators)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_secretary()
        ws = workspace_of(window)
        ws.opener = lambda path: None
        ws.tabs.setCurrentWidget(ws.setup)
        dialogs.open_paths = [str(roster)]
        qtbot.mouseClick(ws.setup.roster.import_button, Qt.MouseButton.LeftButton)  # a job, its write on the writer
        qtbot.waitUntil(lambda: ws.setup.roster.report is not None, timeout=10000)
        assert "Vũ Thị Hoa" in [m.full_name for m in ctx.cells.members(rnd.cell_id)]
        page = ws.show_tab(ws.ROLLCALL)
        drop_on(page.table, [tmp_path / "inbox"])
        qtbot.waitUntil(lambda: page.count.text() == "5/6 đã nộp", timeout=10000)  # 5 files, 6 on the roster
        row = page.model.rows[0]
        page.select_member(row.member_id)
        page.panel.rating.setCurrentIndex(page.panel.rating.findData("httnv"))
        qtbot.mouseClick(page.panel.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.index(0, 8).data() == "HTTNV", timeout=5000)
        meeting = ws.show_tab(ws.MEETING)
        qtbot.waitUntil(lambda: meeting.meeting is not None, timeout=5000)
        qtbot.mouseClick(meeting.all_present, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: meeting.attendance_title.text() == "Có mặt: 6/6", timeout=5000)
        out = tmp_path / "bien-ban.pdf"
        dialogs.save_paths = [str(out)]
        qtbot.mouseClick(meeting.minutes_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: ws.exporter.last == out, timeout=20000)
        assert out.stat().st_size > 1000
        assert not [r for r in caplog.records if "off the writer thread" in r.getMessage()]
    finally:
        window.close()
        runner.shutdown()
