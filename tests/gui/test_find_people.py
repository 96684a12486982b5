"""The secretary finds people as she types: the roster, the roll-call and the receipts find "Đức"
from "duc" and "Nguyễn Văn" from "nguyen van", and list names in Vietnamese order (given name first,
compared by Qt's Vietnamese collator), with the order named in the header."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from helpers import type_vietnamese
from PySide6.QtCore import Qt
from vietnamese_names import VIETNAMESE_ORDER

from selfreview.services.cells import MemberData
from selfreview.ui.names import name_sort_key
from selfreview.ui.secretary.meeting_page import MeetingPage
from selfreview.ui.secretary.receipts_dialog import ReceiptModel, ReceiptsDialog
from selfreview.ui.secretary.roster_page import RosterModel, RosterPanel
from selfreview.ui.secretary.rollcall_model import NAME, RollCallFilter, RollCallModel


def _column(view, col):
    model = view.model()
    return [model.index(i, col).data() for i in range(model.rowCount())]


@pytest.fixture
def cell_round(ctx):
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    rnd = ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=30))
    for i, name in enumerate(sorted(VIETNAMESE_ORDER, key=lambda n: n[::-1])):
        ctx.cells.add_member(cell.id, MemberData(name, "non_leader", date(1980, 1, 1),
                                                 party_post="Bí thư chi bộ" if i == 0 else ""))
    return cell, rnd


def test_qt_collator_orders_names_the_vietnamese_way(qapp):
    shuffled = sorted(VIETNAMESE_ORDER, key=lambda n: n[::-1])
    assert sorted(shuffled, key=name_sort_key) == VIETNAMESE_ORDER


def test_the_roster_sorts_and_finds_as_typed(qtbot, qapp, translators, ctx, runner, dialogs, cell_round):
    cell, _rnd = cell_round
    panel = RosterPanel(ctx, runner, dialogs)
    qtbot.addWidget(panel)
    panel.set_cell(cell.id)
    panel.show()
    assert _column(panel.table, RosterModel.NAME) == VIETNAMESE_ORDER
    header = panel.table.model().headerData(RosterModel.NAME, Qt.Orientation.Horizontal)
    assert header == "Họ và tên (theo tên)"
    qtbot.keyClicks(panel.search, "duc")
    assert _column(panel.table, RosterModel.NAME) == ["Phạm Minh Đức"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "nguyen van")
    assert _column(panel.table, RosterModel.NAME) == ["Nguyễn Văn An"]
    panel.search.clear()
    type_vietnamese(panel.search, "Đặng")
    assert _column(panel.table, RosterModel.NAME) == ["Đặng Văn Cường"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "BI THU")  # a post, without marks, in capitals
    assert len(_column(panel.table, RosterModel.NAME)) == 1
    panel.search.clear()
    panel.table.selectRow(VIETNAMESE_ORDER.index("Ông Văn Cường"))
    assert panel.selected().full_name == "Ông Văn Cường"  # the selection is the row shown, through the sort


def test_the_rollcall_finds_and_sorts_names(qapp, translators, ctx, cell_round):
    _cell, rnd = cell_round
    model = RollCallModel()
    model.set_rollcall(ctx.rollcall.roll_call(rnd.id))
    proxy = RollCallFilter()
    proxy.setSourceModel(model)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(i, NAME).data() for i in range(proxy.rowCount())] == VIETNAMESE_ORDER
    assert "(theo tên)" in model.headerData(NAME, Qt.Orientation.Horizontal)
    for typed, found in (("duc", ["Phạm Minh Đức"]), ("nguyen van", ["Nguyễn Văn An"]),
                         ("Đỗ", ["Đỗ Văn Cường"]), ("TO THI", ["Tô Thị Bình"])):
        proxy.set_text(typed)
        assert [r.name for r in proxy.visible_rows()] == found, typed


def test_the_receipts_find_a_member_as_typed(qtbot, qapp, translators):
    from selfreview.services.importing.receipts import Receipt
    now = datetime(2025, 12, 1, 8, 0)
    names = ["Phạm Minh Đức", "Nguyễn Văn An", "Ngô Văn An", "Tô Thị Bình"]
    rows = [Receipt(f"/tmp/a/{i}.selfreview", str(i) * 64, n, "hd43-2025-2a", 1, "imported", None, now, i)
            for i, n in enumerate(names)]
    dialog = ReceiptsDialog(rows, "Biên nhận")
    qtbot.addWidget(dialog)
    dialog.show()
    assert _column(dialog.table, ReceiptModel.MEMBER) == names  # in the order the files were read
    qtbot.keyClicks(dialog.search, "duc")
    assert _column(dialog.table, ReceiptModel.MEMBER) == ["Phạm Minh Đức"]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "van an")
    assert set(_column(dialog.table, ReceiptModel.MEMBER)) == {"Ngô Văn An", "Nguyễn Văn An"}
    dialog.search.clear()
    dialog.table.sortByColumn(ReceiptModel.MEMBER, Qt.SortOrder.AscendingOrder)
    assert _column(dialog.table, ReceiptModel.MEMBER) == ["Ngô Văn An", "Nguyễn Văn An", "Tô Thị Bình",
                                                          "Phạm Minh Đức"]


def _offered(combo):
    model = combo.completer().popup().model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_the_meeting_chair_and_recorder_find_people_as_typed(qtbot, qapp, translators, ctx, runner, dialogs,
                                                              cell_round):
    _cell, rnd = cell_round
    page = MeetingPage(ctx, runner, dialogs, workspace=None)
    qtbot.addWidget(page)
    page.show()
    page.set_round(rnd.id)
    qtbot.waitUntil(lambda: page.meeting is not None, timeout=5000)
    for combo, typed, found in ((page.chair, "duc", "Phạm Minh Đức"), (page.recorder, "NGUYEN VAN", "Nguyễn Văn An")):
        combo.lineEdit().clear()
        combo.lineEdit().setFocus()
        qtbot.keyClicks(combo.lineEdit(), typed)
        popup = combo.completer().popup()
        qtbot.waitUntil(popup.isVisible, timeout=3000)
        assert _offered(combo) == [found], typed
        popup.setCurrentIndex(popup.model().index(0, 0))
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert combo.currentText() == found
    qtbot.keyClicks(page.chair.lineEdit(), "x")  # nobody: nothing offered, the text stays as typed
    assert _offered(page.chair) == [] and not page.chair.completer().popup().isVisible()
    page.chair.lineEdit().clear()
    type_vietnamese(page.chair.lineEdit(), "Đức")
    assert _offered(page.chair) == ["Phạm Minh Đức"]
    page.chair.setEditText("Phạm Minh Đức")
    page.save_details()
    qtbot.waitUntil(lambda: ctx.meetings.open(rnd.id).chair == "Phạm Minh Đức", timeout=5000)
    assert ctx.meetings.open(rnd.id).recorder == "Nguyễn Văn An"


def test_the_profile_picker_finds_a_person_as_typed(qtbot, qapp, translators, ctx):
    from PySide6.QtWidgets import QApplication

    from selfreview.services.dto import ProfileData
    from selfreview.ui.profile_picker import ProfilePickerPage
    for name in ("Nguyễn Văn An", "Đặng Văn Cường", "Phạm Minh Đức"):
        ctx.profiles.create(ProfileData(full_name=name, cell_name="Chi bộ Văn phòng"))
    picker = ProfilePickerPage(ctx)
    qtbot.addWidget(picker)
    picker.show()
    picker.list.setFocus()
    qtbot.keyClicks(picker.list, "duc")
    assert picker.list.currentItem().text().startswith("Phạm Minh Đức")
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a pause: a new search
    qtbot.keyClicks(picker.list, "dang v")
    assert picker.list.currentItem().text().startswith("Đặng Văn Cường")
