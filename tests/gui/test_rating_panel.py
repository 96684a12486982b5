"""The secretary's rating panel: the HTXSNV quota counts saved proposals only and turns red only when
it is exceeded for good; the save button keeps its place while the hints below it change; a rating
the score does not allow is shown as a warning, apart from the rules' suggestion; the rating combo
shows its whole text; "everyone has handed in" is not written in red."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import complete_answers
from PySide6.QtCore import QPoint, Qt

from selfreview.services.cells import MemberData
from selfreview.ui.secretary.assessment_panel import AssessmentPanel
from selfreview.ui.secretary.rollcall_page import RollCallPage
from selfreview.ui.secretary.workspace import install_style

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đỗ Minh Châu", "Vũ Văn Dũng"]


@pytest.fixture
def cell(ctx):
    c = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    rnd = ctx.cells.create_round(c.id, "2025", date.today() + timedelta(days=30))
    members = [ctx.cells.add_member(c.id, MemberData(n, "non_leader", date(1980, 1, 1))) for n in NAMES]
    detail = ctx.rollcall.enter_on_behalf(rnd.id, members[0].id)  # one review with its score, from paper
    for qid, value in complete_answers(detail.template).items():
        ctx.reviews.save_answer(detail.summary.id, qid, value)
    ctx.reviews.finalize(detail.summary.id)
    return rnd


def _row(ctx, rnd, name):
    return next(r for r in ctx.rollcall.roll_call(rnd.id).rows if r.name == name)


@pytest.fixture
def panel(qtbot, qapp, translators, ctx, runner, dialogs, cell):
    install_style()
    p = AssessmentPanel(ctx, runner, dialogs)
    qtbot.addWidget(p)
    p.resize(364, 900)  # as wide as beside the roll-call on a 1366 px screen
    p.show()
    return p


def _choose(panel, rating):
    panel.rating.setCurrentIndex(panel.rating.findData(rating))


def test_the_quota_counts_saved_proposals_and_is_red_only_when_exceeded(ctx, panel, cell):
    panel.set_member(cell.id, _row(ctx, cell, "Trần Thị Bình"))
    _choose(panel, "htxsnv")  # chosen, not saved
    assert "HTXSNV 0 / HTTNV 0" in panel.quota.label.text()
    assert "khi đã lưu: HTXSNV 1 / HTTNV 0" in panel.quota.label.text()
    assert not panel.quota.over and panel.quota.property("over") is False
    panel.save()
    # 1 HTXSNV, no HTTNV yet, five members not rated: not "over a quota of 0"
    assert ctx.assessments.quota(cell.id).max_excellent == 0
    assert not panel.quota.over and "còn 5 đảng viên chưa đánh giá" in panel.quota.label.text()
    for name, rating in zip(NAMES[2:], ["httnv", "httnv", "httnv", "htxsnv"]):
        ctx.assessments.set_assessment(cell.id, _row(ctx, cell, name).member_id, "", rating)
    panel.set_member(cell.id, _row(ctx, cell, "Nguyễn Văn An"))
    _choose(panel, "httnv")
    panel.save()  # everyone rated: 2 HTXSNV / 4 HTTNV, at most 0: exceeded for good
    assert panel.quota.over and panel.quota.property("over") is True
    assert "vượt 2" in panel.quota.label.text()


def test_a_warning_looks_like_a_warning_and_the_button_stays(ctx, panel, cell):
    panel.set_member(cell.id, _row(ctx, cell, "Nguyễn Văn An"))
    save_at = panel.save_button.mapTo(panel, QPoint(0, 0))
    _choose(panel, "httnv")
    assert panel.check_box.isVisible() and panel.check_box.objectName() == "suggestion"
    _choose(panel, "htxsnv")  # above what the score allows
    assert panel.warning_box.isVisible() and panel.warning_box.objectName() == "warnings"
    assert panel.problems.text() and not panel.check_box.isAncestorOf(panel.problems)
    assert panel.save_button.mapTo(panel, QPoint(0, 0)) == save_at
    _choose(panel, "httnv")
    assert not panel.warning_box.isVisible() and panel.save_button.mapTo(panel, QPoint(0, 0)) == save_at


def test_the_rating_combo_shows_its_whole_text(qtbot, ctx, panel, cell):
    panel.set_member(cell.id, _row(ctx, cell, "Trần Thị Bình"))
    metrics = panel.rating.fontMetrics()
    for width, names in ((364, "Hoàn thành xuất sắc nhiệm vụ"), (240, "HTXSNV")):  # beside the roll-call: 240
        panel.resize(width, 900)
        qtbot.waitUntil(lambda: panel.width() == width)
        assert panel.rating.itemText(panel.rating.findData("htxsnv")) == names
        for i in range(panel.rating.count()):
            panel.rating.setCurrentIndex(i)
            room = panel.rating.width() - 40  # the arrow and the frame
            assert metrics.horizontalAdvance(panel.rating.currentText()) <= room, (width, panel.rating.currentText())
        assert panel.rating.itemData(panel.rating.findData("htxsnv"), Qt.ItemDataRole.ToolTipRole) == \
            "Hoàn thành xuất sắc nhiệm vụ"


def _reddish(image) -> int:
    red = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = image.pixelColor(x, y)
            red += c.red() > 150 and c.green() < 90 and c.blue() < 90
    return red


def test_everyone_handed_in_is_not_red(qtbot, qapp, translators, ctx, runner, dialogs, cell):
    install_style()
    page = RollCallPage(ctx, runner, dialogs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_round(cell.id)
    assert page.missing.text().startswith("Chưa nộp (5)") and _reddish(page.missing.grab().toImage()) > 0
    for m in ctx.cells.members(ctx.rollcall.roll_call(cell.id).cell_id)[1:]:
        detail = ctx.rollcall.enter_on_behalf(cell.id, m.id)
        for qid, value in complete_answers(detail.template).items():
            ctx.reviews.save_answer(detail.summary.id, qid, value)
        ctx.reviews.finalize(detail.summary.id)
    page.refresh()
    assert page.missing.text() == "Tất cả đã nộp."
    assert _reddish(page.missing.grab().toImage()) == 0
