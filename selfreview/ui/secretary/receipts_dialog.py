"""The receipts of an import: one line per file, what happened to it and why (in the chosen
language). Shown after every import (drop, "Import files…", a confirmed new key) and on demand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from selfreview.services.receipts import OUTCOMES, REJECTED, tally
from selfreview.ui.i18n import arg, pick
from selfreview.ui.labels import when
from selfreview.ui.names import PeopleProxy, name_header
from selfreview.ui.table_model import RowsTableModel

OUTCOME_NAMES = {
    "imported": QT_TRANSLATE_NOOP("Receipts", "Imported"),
    "updated": QT_TRANSLATE_NOOP("Receipts", "Updated (newer revision)"),
    "already_present": QT_TRANSLATE_NOOP("Receipts", "Already present"),
    "rejected": QT_TRANSLATE_NOOP("Receipts", "Rejected"),
}
RECEIPT_ROLE = Qt.ItemDataRole.UserRole


def outcome_name(outcome: str) -> str:
    return QCoreApplication.translate("Receipts", OUTCOME_NAMES[outcome]) if outcome in OUTCOME_NAMES else outcome


def tally_text(receipts: list[Any]) -> str:
    """E.g. "12 files: 10 imported, 1 updated, 0 already present, 1 rejected"."""
    counts = tally(receipts)
    parts = ", ".join(f"{outcome_name(o).lower()}: {counts[o]}" for o in OUTCOMES)
    return arg(QCoreApplication.translate("Receipts", "%1 file(s) — %2"), len(receipts), parts)


class ReceiptModel(RowsTableModel):
    FILE, MEMBER, REVISION, OUTCOME, REASON, TIME = range(6)

    def headers(self) -> list[str]:
        return [self.tr("File"), name_header(self.tr("Member")), self.tr("Revision"), self.tr("Result"),
                self.tr("Why / note"), self.tr("Time")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == RECEIPT_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return [Path(r.file_name).name, r.member, "" if r.revision is None else str(r.revision),
                    outcome_name(r.outcome), pick(r.reason) if r.reason else "", when(r.time)][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.FILE:
                return r.file_name
            if col == self.REASON and r.reason:
                return pick(r.reason)
        if role == Qt.ItemDataRole.ForegroundRole and r.outcome == REJECTED and col in (self.OUTCOME, self.REASON):
            return QBrush(QColor("#b00020"))
        return None


def _sort_value(r: Any, col: int) -> Any:
    if col == ReceiptModel.REVISION:
        return r.revision if r.revision is not None else -1
    if col == ReceiptModel.TIME:
        return r.time.isoformat() if r.time else ""
    return None


class ReceiptsDialog(QDialog):
    """Not modal: the secretary can keep it open beside the roll-call."""

    def __init__(self, receipts: list[Any], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptsDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.summary = QLabel(tally_text(receipts), self)
        self.summary.setObjectName("receiptTally")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchReceipts")
        self.search.setPlaceholderText(self.tr("Find by member or file name"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = ReceiptModel(self)
        self.model.set_rows(receipts)
        self.proxy = PeopleProxy(lambda r: r.member or "", lambda r: (r.member or "", Path(r.file_name).name),
                                 ReceiptModel.MEMBER, _sort_value, self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(self)
        self.table.setObjectName("receipts")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # in the order the files were read, until a click
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReceiptModel.REASON, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(980, 460)
