"""The secretary's table models without any widget: the roll-call shows what the XLSX holds, sorts
in meeting order, Vietnamese order and by status, filters like ``RollCall.filtered``; the meeting
models turn edits into service calls; the receipts model says what happened to each file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from helpers import complete_answers  # noqa: E402
from PySide6.QtCore import Qt

from selfreview.services.cells import MemberData
from selfreview.services.rollcall_table import table, text_of
from selfreview.ui.secretary.meeting_model import AttendanceModel, ResultsModel
from selfreview.ui.secretary.receipts_dialog import ReceiptModel, tally_text
from selfreview.ui.secretary.rollcall_model import (
    NAME, NO, SCORE, STATUS, VALUE_ROLE, RollCallFilter, RollCallModel,
)

PEOPLE = [("Trần Thị Bình", "non_leader"), ("Nguyễn Văn An", "leader"), ("Đỗ Minh Châu", "non_leader"),
          ("Lê Văn Cường", "non_leader"), ("Dương Thị Dung", "outside_system")]


@pytest.fixture
def rollcall(ctx):
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    rnd = ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=30))
    members = {n: ctx.cells.add_member(cell.id, MemberData(n, c, date(1980, 1, 1))) for n, c in PEOPLE}
    for name in ("Trần Thị Bình", "Lê Văn Cường"):  # two typed in from paper and finalized
        detail = ctx.rollcall.enter_on_behalf(rnd.id, members[name].id)
        for qid, value in complete_answers(detail.template).items():
            ctx.reviews.save_answer(detail.summary.id, qid, value)
        ctx.reviews.finalize(detail.summary.id)
    ctx.assessments.set_assessment(rnd.id, members["Trần Thị Bình"].id, "Tốt", "httnv")
    return ctx.rollcall.roll_call(rnd.id)


def _shown(proxy, col=NAME):
    return [proxy.index(i, col).data() for i in range(proxy.rowCount())]


def test_the_model_shows_what_the_table_file_holds(qapp, translators, rollcall):
    model = RollCallModel()
    model.set_rollcall(rollcall)
    headers, rows = table(rollcall, "vi")
    assert model.rowCount() == len(rows) == 5 and model.columnCount() == len(headers)
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(headers))]
    shown[NAME] = shown[NAME].replace("\n(theo tên)", "")  # the screen says how the names sort; the file does not
    assert [h.replace("\n", " ") for h in shown] == headers and "\n" in shown[-1]
    for r, values in enumerate(rows):
        assert [model.index(r, c).data() for c in range(len(values))] == [text_of(v) for v in values]
        assert [model.index(r, c).data(VALUE_ROLE) for c in range(len(values))] == values
    assert model.index(0, NAME).data() == "Nguyễn Văn An"  # leaders first (meeting order)
    bình = model.row_of(next(r.member_id for r in rollcall.rows if r.name == "Trần Thị Bình"))
    assert model.index(bình, STATUS).data() == "Đã nộp" and model.index(bình, SCORE).data() == "86"
    missing = [i for i, r in enumerate(model.rows) if r.status == "not_submitted"]
    assert model.index(missing[0], 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(bình, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(bình, STATUS).data(Qt.ItemDataRole.ToolTipRole)  # entered from paper by the secretary


def test_sorting_follows_vietnamese_order_status_and_score(qapp, rollcall):
    model = RollCallModel()
    model.set_rollcall(rollcall)
    proxy = RollCallFilter()
    proxy.setSourceModel(model)
    proxy.sort(NAME, Qt.SortOrder.AscendingOrder)
    # given name first: An, Bình, Châu, Cường, Dung
    assert _shown(proxy) == ["Nguyễn Văn An", "Trần Thị Bình", "Đỗ Minh Châu", "Lê Văn Cường", "Dương Thị Dung"]
    proxy.sort(STATUS, Qt.SortOrder.AscendingOrder)  # who has not handed in first
    assert [r.status for r in proxy.visible_rows()][:3] == ["not_submitted"] * 3
    proxy.sort(SCORE, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in proxy.visible_rows()][:2] in (["Trần Thị Bình", "Lê Văn Cường"],
                                                          ["Lê Văn Cường", "Trần Thị Bình"])
    proxy.sort(NO, Qt.SortOrder.AscendingOrder)
    assert [r.member_id for r in proxy.visible_rows()] == [r.member_id for r in rollcall.rows]


def test_the_filter_works_like_the_service(qapp, rollcall):
    model = RollCallModel()
    model.set_rollcall(rollcall)
    proxy = RollCallFilter()
    proxy.setSourceModel(model)
    for statuses, text in [({"not_submitted"}, ""), ({"submitted"}, ""), (None, "văn"), (None, "VĂN"),
                           ({"not_submitted"}, "thị"), (None, "không có ai")]:
        proxy.set_statuses(statuses)
        proxy.set_text(text)
        assert proxy.visible_rows() == list(rollcall.filtered(statuses, text)), (statuses, text)
    with pytest.raises(ValueError):
        proxy.set_statuses({"missing"})


def test_attendance_edits_become_calls(qapp, translators, ctx, rollcall):
    m = ctx.meetings.open(rollcall.round_id)
    model = AttendanceModel()
    model.set_rows(m.attendance)
    edits = []
    model.edited.connect(lambda *a: edits.append(a))
    first = m.attendance[0]
    assert model.index(0, model.PRESENT).data() == "chưa ghi"
    assert model.flags(model.index(0, model.PRESENT)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(0, model.PRESENT), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(1, model.REASON), "Đi công tác")
    assert edits == [(first.member_id, True, ""), (m.attendance[1].member_id, False, "Đi công tác")]
    assert not model.setData(model.index(0, model.NAME), "x")


def test_result_edits_keep_the_other_values(qapp, ctx, rollcall):
    m = ctx.meetings.open(rollcall.round_id)
    model = ResultsModel()
    model.set_rows(m.results, None)
    assert model.rowCount() == len(m.results) + 1 and model.rows[0].member_id is None  # the collective first
    edits = []
    model.edited.connect(lambda *a: edits.append(a))
    bình = next(i for i, r in enumerate(model.rows) if r.name == "Trần Thị Bình")
    assert model.index(bình, model.COMMITTEE).data() == "HTTNV"
    assert model.setData(model.index(bình, model.V2), 4)
    assert model.setData(model.index(bình, model.FINAL), "httnv")
    assert model.setData(model.index(bình, model.OPINIONS), "Nhất trí")
    assert not model.setData(model.index(bình, model.V1), "nhiều")
    member = model.rows[bình].member_id
    assert edits[0] == (member, {"htxsnv": 0, "httnv": 4, "htnv": 0, "khtnv": 0}, None, "")
    assert edits[1][2] == "httnv" and edits[2][3] == "Nhất trí"
    assert model.unanimous(bình, 5) and edits[-1] == (member, {"httnv": 5}, "httnv", "")
    assert not model.unanimous(0, 5)  # the collective proposed nothing yet


def test_receipts_model(qapp, translators):
    from selfreview.messages import msg
    from selfreview.services.importing.receipts import Receipt
    now = datetime(2025, 12, 1, 8, 0)
    rows = [Receipt("/tmp/a/an.selfreview", "1" * 64, "Nguyễn Văn An", "hd43-2025-2a", 1, "imported", None, now, 3),
            Receipt("/tmp/a/x.selfreview", "2" * 64, "", "", None, "rejected", msg("import.no_round"), now)]
    model = ReceiptModel()
    model.set_rows(rows)
    assert model.index(0, model.FILE).data() == "an.selfreview"
    assert model.index(0, model.OUTCOME).data() == "Đã nhập"
    assert model.index(1, model.REASON).data() == msg("import.no_round").vi
    assert model.index(1, model.OUTCOME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert tally_text(rows).startswith("2 tệp")
    assert model.rowCount(model.index(0, 0)) == 0 and model.index(5, 0).data() is None


def test_a_new_roll_call_of_the_same_members_changes_lines_in_place(qapp, ctx, rollcall):
    """So that a refresh while the selection changes (an assessment saved on moving on) never
    resets the model under the view."""
    model = RollCallModel()
    model.set_rollcall(rollcall)
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b: changes.append((a.row(), b.row(), b.column())))
    member = next(r for r in rollcall.rows if r.name == "Lê Văn Cường")
    ctx.assessments.set_assessment(rollcall.round_id, member.member_id, proposed_rating="htxsnv")
    model.set_rollcall(ctx.rollcall.roll_call(rollcall.round_id))
    assert resets == [] and changes == [(0, 4, 9)]  # the last column: the decided rating
    assert model.index(model.row_of(member.member_id), 8).data() == "HTXSNV"
    ctx.cells.add_member(rollcall.cell_id, MemberData("Vũ Văn Em", "non_leader"))
    model.set_rollcall(ctx.rollcall.roll_call(rollcall.round_id))
    assert resets == [1] and model.rowCount() == 6
