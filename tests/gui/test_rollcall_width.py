"""The roll-call fits a 1280 px window with no sideways scrolling, with long Vietnamese names: a cell
with a long name, members with long names, some not handed in, one with a refused key (the longest
status). Narrower still (1160 px), long values are elided and whole in their tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from secretary_support import PickingDialogs, demo_round, drop_on, resigned, secretary_profile, workspace_of

from selfreview.services.cells import MemberData
from selfreview.ui.secretary.rollcall_model import NAME, STATUS

LONG_CELL = "Chi bộ Phòng Kế hoạch – Tài chính và Quản lý dự án đầu tư xây dựng cơ bản"
HANDED_IN = ("Công Tằng Tôn Nữ Thị Phương Thảo", "Nguyễn Huỳnh Thị Ngọc Bích Trâm", "Tôn Thất Hoàng Nguyên Khôi",
             "Trương Nguyễn Thị Thanh Hương", "Lê Văn Thành", "Âu Dương Thị Kim Phượng")
MISSING = ("Hoàng Trọng Nguyễn Minh Quang", "Đặng Thị Hồng Nhung", "Nguyễn Phước Bửu Long")
LONGEST = max(HANDED_IN + MISSING, key=len)


@pytest.fixture
def dialogs():
    return PickingDialogs()


@pytest.fixture
def rollcall(qtbot, make_window, ctx, tmp_path, monkeypatch, translators, request):
    """The main window at 1280×800 on the roll-call of such a cell, with every file imported, in
    the language given as this fixture's parameter (Vietnamese without one)."""
    from selfreview.demo import generate
    translators.install(getattr(request, "param", "vi"))
    monkeypatch.setattr(generate, "CELL_NAMES", (LONG_CELL,))
    monkeypatch.setattr(generate, "COVERING", HANDED_IN)
    secretary_profile(ctx)
    rnd, files = demo_round(ctx, tmp_path / "inbox", members=len(HANDED_IN))
    for name in MISSING:
        ctx.cells.add_member(rnd.cell_id, MemberData(full_name=name, party_post="Phó Bí thư chi bộ",
                                                     government_post="Phó Trưởng phòng Kế hoạch – Tài chính"))
    window = make_window()
    window.resize(1280, 800)
    window.show_secretary()
    ws = workspace_of(window)
    ws.show_tab(ws.ROLLCALL)
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    again, _fp = resigned(ctx, sorted(files)[0], tmp_path / "new-computer.selfreview")
    drop_on(ws.rollcall.table, [again])  # refused: "Khóa khác, chờ xác nhận"
    qtbot.waitUntil(lambda: ws.rollcall.model.rowCount() == len(HANDED_IN) + len(MISSING))
    return window, ws.rollcall


def _fits(table) -> bool:
    return table.horizontalHeader().length() <= table.viewport().width()


@pytest.mark.parametrize("rollcall", ["vi", "en"], indirect=True)
def test_the_rollcall_fits_1280_px_without_sideways_scrolling(qtbot, rollcall, request):
    window, page = rollcall
    table = page.table
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert window.minimumSizeHint().width() <= 1280  # the long cell name does not widen the window
    assert "key_mismatch" in {r.status for r in page.model.rows}
    assert {r.name for r in page.model.rows} >= set(HANDED_IN + MISSING)
    assert not table.horizontalScrollBar().isVisible()
    assert _fits(table), (table.horizontalHeader().length(), table.viewport().width())
    # and what matters is not cut: "not handed in" whole, and in Vietnamese (English titles are
    # wider) the longest name whole too
    header = table.horizontalHeader()
    assert header.sectionSize(STATUS) >= page.everyday_status_width()
    if request.node.callspec.params["rollcall"] == "vi":
        assert header.sectionSize(NAME) >= table.sizeHintForColumn(NAME)
    else:
        assert header.sectionSize(NAME) >= page.name_floor()


def test_narrower_long_values_are_elided_and_whole_in_the_tooltip(qtbot, rollcall):
    window, page = rollcall
    table = page.table
    window.resize(1160, 768)
    qtbot.waitUntil(lambda: window.width() == 1160)
    qtbot.waitUntil(lambda: _fits(table))
    assert not table.horizontalScrollBar().isVisible()
    row = next(i for i in range(page.proxy.rowCount())
               if page.proxy.index(i, NAME).data() == LONGEST)
    assert table.horizontalHeader().sectionSize(NAME) < table.sizeHintForColumn(NAME)  # elided now
    assert page.proxy.index(row, NAME).data(Qt.ItemDataRole.ToolTipRole).splitlines()[0] == LONGEST


def test_the_round_chooser_elides_a_long_cell_name_and_tells_it_whole(rollcall):
    window, _page = rollcall
    combo = workspace_of(window).round_combo
    assert combo.currentText().endswith("… — 2025") and LONG_CELL not in combo.currentText()
    assert combo.toolTip() == f"{LONG_CELL} — 2025"
