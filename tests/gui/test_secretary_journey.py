"""The secretary's evening, start to end, through the window: create the cell and the round, add a
member, save the invitation, drop the members' files on the roll-call, see the counts and who is
missing, confirm a member's new key by voice, read a review in the form's navigator, write the
committee's assessment, see the quota warning when too many are proposed excellent, type in a paper
review, write the collective's report, run the meeting, save the summary and the minutes, and take
the roll-call away as XLSX with the same values as the table."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import complete_answers, labels_text, make_profile, type_vietnamese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from secretary_support import (
    SECRETARY_NAME, PickingDialogs, demo_round, drop_on, resigned, workspace_of,
)


CELL = "Chi bộ Văn phòng"  # the demo generator's first cell: it reuses the round made here
SUPERIOR = "Đảng bộ Khối các cơ quan (dữ liệu thử)"
PAPER = "Hoàng Văn Tám"


@pytest.fixture
def dialogs():
    return PickingDialogs()


def _click(qtbot, button):
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(ws, name):
    row = next(r for r in ws.rollcall.model.rows if r.name == name)
    assert ws.rollcall.select_member(row.member_id)
    return ws.rollcall.current_row()


def _pdf_text(path):
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_secretary_runs_a_round(qtbot, make_window, ctx, dialogs, tmp_path):
    me = make_profile(ctx, SECRETARY_NAME, leader=True)
    window = make_window()
    assert window.home is not None
    window.actions_by_name["secretary"].trigger()
    assert ("confirm" in dialogs.asked[-1]) and ctx.profiles.secretary().id == me.id
    ws = workspace_of(window)
    opened = []
    ws.opener = opened.append
    assert ws.tabs.currentWidget() is ws.setup and not ws.tabs.isTabEnabled(ws.ROLLCALL)
    assert me.fingerprint in ws.who.text()

    # 1. set-up: the cell, the round, one member added by hand, the invitation
    setup = ws.setup
    type_vietnamese(setup.cell_name, CELL)
    type_vietnamese(setup.superior, SUPERIOR)
    _click(qtbot, setup.cell_button)
    assert [c.name for c in ctx.cells.list_cells()] == [CELL] and setup.round_cell.currentText() == CELL
    setup.period.setText("2025")
    setup.deadline.set_date_or_none(date.today() + timedelta(days=20))
    assert setup.form_combos["leader"].currentText().startswith("Mẫu 02A")
    _click(qtbot, setup.round_button)
    assert ws.round is not None and ws.round_combo.currentText() == f"{CELL} — 2025"
    assert setup.facts["superior"].text() == SUPERIOR and "Mẫu 02B" in setup.facts["forms"].text()
    assert all(ws.tabs.isTabEnabled(i) for i in range(ws.tabs.count()))
    dialog = setup.roster.add_member()
    type_vietnamese(dialog.name, PAPER)
    dialog.party.setText("Đảng viên")
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert [m.full_name for m in ctx.cells.members(ws.round.cell_id)] == [PAPER]
    assert setup.roster.model.rowCount() == 1 and "(1" in setup.roster.title.text()
    invite = tmp_path / "loi-moi.selfreview-invite"
    dialogs.save_paths = [str(invite)]
    _click(qtbot, setup.invite_button)
    assert dialogs.asked[-1][0] == "save" and dialogs.asked[-1][2].endswith("loi-moi-chi-bo-van-phong-2025"
                                                                         ".selfreview-invite")
    assert invite.is_file() and opened == [invite]
    info = ctx.exchange.read_invitation(invite)
    assert (info.cell, info.period, info.secretary_fingerprint) == (CELL, "2025", me.fingerprint)

    # 2. the members' files (made by the demo generator for this very round), dropped on the roll-call
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=8)
    assert rnd.id == ws.round.id and len(files) == 8
    ws.tabs.setCurrentWidget(ws.rollcall)
    page = ws.rollcall
    assert page.count.text() == "0/1 đã nộp"
    accepted, dropped = drop_on(page.table.viewport(), [tmp_path / "inbox"])
    assert accepted and dropped
    receipts = page.importer.receipts_dialog
    assert receipts is not None and receipts.isVisible()
    assert [r.outcome for r in receipts.model.rows] == ["imported"] * 8
    assert receipts.summary.text().startswith("8 tệp")
    assert page.count.text() == "8/9 đã nộp"
    assert PAPER in page.missing.text() and page.missing.isVisible()
    paper_row = page.model.row_of(next(r.member_id for r in page.model.rows if r.name == PAPER))
    assert page.model.index(paper_row, 4).data() == "Chưa nộp"
    assert page.model.index(paper_row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    _click(qtbot, page.missing_button)
    assert [r.name for r in page.proxy.visible_rows()] == [PAPER]
    page.status_filter.setCurrentIndex(0)
    assert page.proxy.rowCount() == 9
    receipts.close()

    # 3. a member's file signed with another key: refused, shown, confirmed by voice, taken
    first = ctx.rollcall.roll_call(rnd.id).rows
    changed_file, new_fp = resigned(ctx, files[0], tmp_path / "moi.selfreview")
    drop_on(page.table, [changed_file])
    assert [r.outcome for r in page.importer.receipts_dialog.model.rows] == ["rejected"]
    mismatch = next(r for r in page.model.rows if r.status == "key_mismatch")
    _select(ws, mismatch.name)
    assert page.key_button.isVisible() and page.key_button.isEnabled()
    _click(qtbot, page.key_button)
    kind, _title, text = dialogs.asked[-2] if dialogs.asked[-1][0] != "confirm" else dialogs.asked[-1]
    assert kind == "confirm" and new_fp in text and mismatch.name in text
    assert [r.outcome for r in page.importer.receipts_dialog.model.rows] == ["updated"]
    assert next(r for r in page.model.rows if r.name == mismatch.name).status == "updated"
    assert not page.key_button.isVisible()
    assert len(first) == 9

    # 4. reading a review: the form's navigator, read-only, with the assessment beside it
    reader_row = _select(ws, mismatch.name)
    _click(qtbot, page.read_button)
    reader = ws.reader
    assert reader is not None and ws.stack.currentWidget() is reader
    assert reader.navigator.topLevelItemCount() >= 2 and mismatch.name in reader.title.text()
    first_widget = next(w for w in reader.page.widgets.values() if w.item.stores_answer)
    assert first_widget.focus_widget().isReadOnly() and first_widget.focus_widget().toPlainText()
    reader.navigator.setCurrentItem(reader.navigator.items["b_i"] if "b_i" in reader.navigator.items
                                    else list(reader.navigator.items.values())[-1])
    assert reader.current_section != list(reader.sections)[0]
    assert reader.score_panel is not None and "/100" in reader.score_panel.values["score_total"].text()
    type_vietnamese(reader.panel.comments, "Gương mẫu, hoàn thành tốt nhiệm vụ.")
    reader.panel.rating.setCurrentIndex(reader.panel.rating.findData("httnv"))
    _click(qtbot, reader.panel.save_button)
    assert reader.panel.quota.isVisible() and "HTXSNV 0 / HTTNV 1" in reader.panel.quota.label.text()
    saved = ctx.assessments.get(rnd.id, reader_row.member_id)
    assert (saved.comments, saved.proposed_rating) == ("Gương mẫu, hoàn thành tốt nhiệm vụ.", "httnv")
    if reader.next_button.isEnabled():
        _click(qtbot, reader.next_button)
        assert ws.reader is not reader and ws.reader.row.member_id != reader_row.member_id
    _click(qtbot, ws.reader.back_button)
    assert ws.stack.currentWidget() is ws.tabs and ws.tabs.currentWidget() is page

    # 5. the committee's assessment of each, the quota recomputed live
    handed = [r for r in page.model.rows if r.has_submission]
    for r in handed:
        _select(ws, r.name)
        page.panel.rating.setCurrentIndex(page.panel.rating.findData("httnv"))
        _click(qtbot, page.panel.save_button)
    assert not page.quota.over and "trong hạn mức" in page.quota.label.text()
    _select(ws, handed[0].name)
    page.panel.rating.setCurrentIndex(page.panel.rating.findData("htxsnv"))
    assert page.quota.isVisible() and not page.quota.over  # 1 of 7 HTTNV: at most 1
    _click(qtbot, page.panel.save_button)
    _select(ws, handed[1].name)
    page.panel.rating.setCurrentIndex(page.panel.rating.findData("htxsnv"))  # a preview, not saved yet
    # only saved proposals count: the banner stays calm, the choice's effect on a line of its own
    assert not page.quota.over and page.quota.isVisible() and not page.panel.quota.isVisible()  # shown once, below
    assert "HTXSNV 1 / HTTNV 7" in page.quota.label.text()
    assert "khi đã lưu: HTXSNV 2 / HTTNV 6: tối đa 1 (20%) — vượt 1" in page.quota.label.text()
    assert ctx.assessments.quota(rnd.id).ok  # nothing saved yet
    type_vietnamese(page.panel.comments, "Đề nghị xem xét.")
    _select(ws, handed[2].name)  # moving on saves what was typed
    assert ctx.assessments.get(rnd.id, handed[1].member_id).proposed_rating == "htxsnv"
    quota = ctx.assessments.quota(rnd.id)
    assert not quota.ok and "vượt 1" in page.quota.label.text() and "khi đã lưu" not in page.quota.label.text()
    # red only when it is over for good: with members not rated yet it could still come right
    assert page.quota.over == (quota.unrated == 0 or 2 > (6 + quota.unrated) * 20 // 100)
    cell_col = 8
    assert page.model.index(page.model.row_of(handed[1].member_id), cell_col).data() == "HTXSNV"

    # 6. a review handed in on paper, typed in by the secretary
    _select(ws, PAPER)
    assert page.enter_button.isEnabled() and not page.read_button.isEnabled()
    _click(qtbot, page.enter_button)
    editor = ws.editor
    assert editor is not None and PAPER in editor.who_text.text()
    type_vietnamese(editor.widget_for("a1_political").edit, "Giữ vững lập trường, tư tưởng chính trị.")
    editor.flush(wait=True)
    for qid, value in complete_answers(editor.template).items():
        if qid != "a1_political":
            ctx.reviews.save_answer(editor.review_id, qid, value)
    editor._reload()
    editor.finalize()
    assert editor.locked and not editor.revision_button.isVisible()
    _click(qtbot, editor.home_button)
    assert ws.tabs.currentWidget() is page and page.count.text() == "9/9 đã nộp"
    paper = next(r for r in page.model.rows if r.name == PAPER)
    assert paper.entered_by_secretary and paper.status == "submitted"
    assert ctx.reviews.answers(paper.review_id)["a1_political"] == "Giữ vững lập trường, tư tưởng chính trị."

    # 7. the collective's report (Mẫu 01)
    ws.tabs.setCurrentWidget(ws.collective)
    assert ws.collective.values["status"].text() == "Chưa bắt đầu"
    _click(qtbot, ws.collective.open_button)
    collective = ws.editor
    assert collective is not None and collective.template.id == "hd43-2025-01"
    for qid, value in complete_answers(collective.template).items():
        ctx.reviews.save_answer(collective.review_id, qid, value)
    collective._reload()
    collective.finalize()
    _click(qtbot, collective.home_button)
    assert ws.tabs.currentWidget() is ws.collective
    assert ws.collective.values["general"].text() == "25/30" and ws.collective.values["total"].text() == "86/100"
    assert ws.collective.values["proposed"].text() == "Hoàn thành tốt nhiệm vụ"

    # 8. the meeting
    ws.tabs.setCurrentWidget(ws.meeting)
    meeting = ws.meeting
    type_vietnamese(meeting.place, "Phòng họp tầng 2")
    meeting.chair.setEditText(SECRETARY_NAME)
    meeting.recorder.setEditText(PAPER)
    _click(qtbot, meeting.save_button)
    _click(qtbot, meeting.all_present)
    assert meeting.attendance_title.text() == "Có mặt: 9/9"
    absent = meeting.attendance_model.index(1, meeting.attendance_model.REASON)
    meeting.attendance_model.setData(absent, "Đi công tác")
    assert meeting.meeting.present == 8 and meeting.meeting.absent[0].reason == "Đi công tác"
    results = meeting.results_model
    for row in range(results.rowCount()):
        if results.rows[row].committee_rating is None:  # no proposal before the meeting: the meeting's own
            assert results.rows[row].name == PAPER
            results.setData(results.index(row, results.FINAL), "httnv")
        meeting.results.setCurrentIndex(results.index(row, 0))
        _click(qtbot, meeting.agreed)
    m = ctx.meetings.get(rnd.id)
    assert all(r.recorded and r.votes.total == 8 for r in m.results)
    assert m.place == "Phòng họp tầng 2" and m.chair == SECRETARY_NAME
    assert not any(p.code == "meeting.result_missing" for p in m.problems)
    assert "Đi công tác" in labels_text(meeting) or meeting.attendance_model.rows[1].reason == "Đi công tác"

    # 9. what goes up: the summary and the minutes as PDFs, opened in the viewer
    ws.tabs.setCurrentWidget(ws.outputs)
    summary, minutes = tmp_path / "bao-cao.pdf", tmp_path / "bien-ban"
    dialogs.save_paths = [str(summary), str(minutes)]
    _click(qtbot, ws.outputs.buttons["summary"])
    _click(qtbot, ws.outputs.buttons["minutes"])
    minutes = minutes.with_name("bien-ban.pdf")
    assert summary.is_file() and minutes.is_file() and opened[-2:] == [summary, minutes]
    text = _pdf_text(minutes)
    assert "BIÊN BẢN" in text and "Phòng họp tầng 2" in text and "Đi công tác" in text
    assert PAPER in _pdf_text(summary)
    assert ws.outputs.last.text().endswith("bien-ban.pdf")

    # 10. the roll-call as XLSX holds what the table shows
    from openpyxl import load_workbook
    xlsx = tmp_path / "diem-danh.xlsx"
    dialogs.save_paths = [str(xlsx)]
    _click(qtbot, ws.outputs.buttons["xlsx"])
    ws.tabs.setCurrentWidget(page)
    sheet = load_workbook(xlsx).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    model = page.model
    # the file's titles are the screen's whole titles (the tooltips: the name column's header also says
    # how the screen sorts it)
    assert rows[0] == [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                       for c in range(model.columnCount())]
    assert len(rows) == model.rowCount() + 1
    for i in range(model.rowCount()):
        shown = [model.index(i, c).data(0x0100 + 2) for c in range(model.columnCount())]  # VALUE_ROLE
        expected = [float(v) if hasattr(v, "as_tuple") else v for v in shown]
        got = [float(v) if isinstance(v, (int, float)) and c == 6 else v for c, v in enumerate(rows[i + 1])]
        assert got == expected, i
        assert [model.index(i, c).data() for c in (1, 4, 8)] == [rows[i + 1][c] or "" for c in (1, 4, 8)]
    assert QApplication.activeModalWidget() is None
