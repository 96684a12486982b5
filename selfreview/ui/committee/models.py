"""Table models of the committee's page: the organisations that reported, and one organisation's
members (its units' too) with the proposed and decided ratings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from selfreview.rating import Rating
from selfreview.ui.table_model import RowsTableModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def short(value: str | None) -> str:
    return Rating(value).short if value else ""


class OrganisationsModel(RowsTableModel):
    """Rows: ``services.committee.service.ResultRow``."""

    def headers(self) -> list[str]:
        return [self.tr("Organisation"), self.tr("Members"), self.tr("Decided"), self.tr("Received"),
                self.tr("Status")]

    def status_text(self, status: str) -> str:
        return {"received": self.tr("Received"), "decided": self.tr("Decided"),
                "decisions_sent": self.tr("Decisions sent")}.get(status, status)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.organisation, r.members, r.decided, r.received.strftime("%d/%m/%Y %H:%M"),
                    self.status_text(r.status)][index.column()]
        return None


class MembersModel(RowsTableModel):
    """Rows: ``services.committee.service.MemberResult``."""

    def headers(self) -> list[str]:
        return [self.tr("Organisation"), self.tr("Full name"), self.tr("Form"), self.tr("Score"),
                self.tr("Self-proposed"), self.tr("Cell-proposed"), self.tr("Decided"), self.tr("Not rated because")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        if role == ROW_ROLE:
            return m
        if role == Qt.ItemDataRole.DisplayRole:
            return [m.unit, m.full_name, m.form or "", (m.total or "").replace(".", ","), short(m.self_rating),
                    short(m.cell_rating), short(m.decided_rating), m.reason][index.column()]
        return None
