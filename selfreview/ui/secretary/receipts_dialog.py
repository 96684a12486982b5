"""The receipts of an import: one line per file, what happened to it and why (in the chosen
language). Shown after every import (drop, "Import files…", a confirmed new key) and on demand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import (
    QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QT_TRANSLATE_NOOP,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from selfreview.services.importing.receipts import OUTCOMES, REJECTED, tally
from selfreview.ui.i18n import arg, pick
from selfreview.ui.labels import when
from selfreview.ui.names import PeopleProxy, name_header
from selfreview.ui.table_fit import ColumnFit
from selfreview.ui.table_model import RowsTableModel

OUTCOME_NAMES = {
    "imported": QT_TRANSLATE_NOOP("Receipts", "Imported"),
    "updated": QT_TRANSLATE_NOOP("Receipts", "Updated (newer revision)"),
    "already_present": QT_TRANSLATE_NOOP("Receipts", "Already present"),
    "rejected": QT_TRANSLATE_NOOP("Receipts", "Rejected"),
}
RECEIPT_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 500  # receipts per page of "All import receipts"


def outcome_name(outcome: str) -> str:
    return QCoreApplication.translate("Receipts", OUTCOME_NAMES[outcome]) if outcome in OUTCOME_NAMES else outcome


def tally_text(receipts: list[Any], counts: dict[str, int] | None = None) -> str:
    """E.g. "12 files: 10 imported, 1 updated, 0 already present, 1 rejected" (of ``receipts``, or
    the ``counts`` given: all the stored receipts)."""
    counts = tally(receipts) if counts is None else counts
    parts = ", ".join(f"{outcome_name(o).lower()}: {counts[o]}" for o in OUTCOMES)
    return arg(QCoreApplication.translate("Receipts", "%1 file(s) — %2"), sum(counts.values()), parts)


@dataclass
class ReceiptPages:
    """Every stored receipt, a page at a time: ``counts`` per outcome (their sum: how many there
    are) and ``fetch(limit, offset)`` (ExchangeService.receipts), newest first."""

    counts: dict[str, int]
    fetch: Callable[[int, int], list[Any]]
    size: int = PAGE_SIZE

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def load(self, offset: int) -> list[Any]:
        return self.fetch(self.size, offset)


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

    def __init__(self, receipts: list[Any], title: str, parent: QWidget | None = None,
                 pages: ReceiptPages | None = None, counts: dict[str, int] | None = None) -> None:
        """``counts``: the tally of an import whose receipts are not all in ``receipts`` (a large
        import lists its first ones and every rejected one); by default the tally of ``receipts``."""
        super().__init__(parent)
        self.pages = pages
        self.offset = 0
        self.setObjectName("receiptsDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.summary = QLabel(tally_text(receipts, pages.counts if pages else counts), self)
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
        # no sideways scrolling: a long file name, then a long member name give way (elided, whole
        # in the tooltip); the reason takes what is left and wraps
        self.column_fit = ColumnFit(self.table, fill=ReceiptModel.REASON,
                                    shrink=((ReceiptModel.FILE, 120), (ReceiptModel.MEMBER, 120)))
        layout.addWidget(self.table, 1)
        if pages is not None:  # newer / older pages, and where this one is among all
            row = QHBoxLayout()
            self.newer = QPushButton(self.tr("◀ Newer"), self)
            self.newer.setObjectName("newerReceipts")
            self.older = QPushButton(self.tr("Older ▶"), self)
            self.older.setObjectName("olderReceipts")
            self.position = QLabel(self)
            self.position.setObjectName("receiptPosition")
            self.newer.clicked.connect(lambda: self.show_page(self.offset - pages.size))
            self.older.clicked.connect(lambda: self.show_page(self.offset + pages.size))
            row.addWidget(self.newer)
            row.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
            row.addWidget(self.older)
            layout.addLayout(row)
            self._update_pager(len(receipts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(980, 460)

    def show_page(self, offset: int) -> None:
        """The page of receipts starting ``offset`` receipts after the newest."""
        pages = self.pages
        offset = max(0, min(offset, max(0, pages.total - 1)))
        rows = pages.load(offset)
        self.offset = offset
        self.model.set_rows(rows)
        self.table.scrollToTop()
        self._update_pager(len(rows))

    def _update_pager(self, shown: int) -> None:
        total = self.pages.total
        first = self.offset + 1 if shown else 0
        self.position.setText(arg(self.tr("%1–%2 of %3 (newest first)"), first, self.offset + shown, total))
        self.newer.setEnabled(self.offset > 0)
        self.older.setEnabled(self.offset + shown < total)
