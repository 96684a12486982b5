"""The table of one's reviews on Home: a plain list of ReviewSummary behind a table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from selfreview.forms import registry
from selfreview.services.dto import ReviewSummary
from selfreview.ui.i18n import pick
from selfreview.ui.labels import status_name, when
from selfreview.ui.table_model import RowsTableModel

SUMMARY_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

PERIOD, FORM, REVISION, STATUS, UPDATED = range(5)


class ReviewTableModel(RowsTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Period"), self.tr("Form"), self.tr("Revision"), self.tr("Status"), self.tr("Last change")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == SUMMARY_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.period, self._form(r), str(r.revision), self._status(r), when(r.updated_at)][col]
        if role == SORT_ROLE:
            return [r.period, r.form_code, r.revision, r.status, r.updated_at.isoformat()][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == FORM:
            return r.form_title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == REVISION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _form(self, r: ReviewSummary) -> str:
        """The form's code in the chosen language (the summary carries the Vietnamese one)."""
        info = registry.find(r.template_id, r.template_version)
        if info is not None and info.template.code is not None:
            return pick(info.template.code)
        return r.form_code

    def _status(self, r: ReviewSummary) -> str:
        text = status_name(r.status)
        if not r.is_current:
            text += " " + self.tr("(replaced by a newer revision)")
        return text

    def summary(self, row: int) -> ReviewSummary:
        return self.rows[row]
