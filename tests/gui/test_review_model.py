"""The Home table model, without any widget."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt

from selfreview.services.dto import ReviewSummary
from selfreview.ui.review_model import PERIOD, REVISION, SORT_ROLE, STATUS, SUMMARY_ROLE, ReviewTableModel


def summary(id_, period, status="draft", current=True, revision=1):
    return ReviewSummary(id=id_, owner="A", period=period, template_id="t", template_version=1,
                         form_code="Mẫu 02B", form_title="BẢN KIỂM ĐIỂM", status=status, revision=revision,
                         is_current=current, updated_at=datetime(2025, 11, 20, 13, 5), finalized_at=None,
                         profile_id=1, member_id=None, round_id=None)


def test_rows_columns_and_roles(qapp, translators):
    model = ReviewTableModel()
    assert model.rowCount() == 0
    model.set_rows([summary(1, "2024", "finalized", current=False), summary(2, "2025", revision=2)])
    assert (model.rowCount(), model.columnCount()) == (2, 5)
    assert model.headerData(PERIOD, Qt.Orientation.Horizontal) == "Kỳ"
    assert model.index(0, STATUS).data() == "Đã hoàn tất (đã có bản sửa đổi mới hơn)"
    assert model.index(1, STATUS).data() == "Bản nháp"
    assert model.index(1, REVISION).data() == "2"
    assert model.index(1, 0).data(SUMMARY_ROLE).id == 2


def test_sorted_by_period_through_a_proxy(qapp):
    model = ReviewTableModel()
    model.set_rows([summary(1, "2023"), summary(2, "2025"), summary(3, "2024")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(PERIOD, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, PERIOD).data() for r in range(3)] == ["2025", "2024", "2023"]
