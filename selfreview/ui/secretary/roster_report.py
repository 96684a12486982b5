"""What a roster import did: how many added, updated, unchanged, and each row it could not read
(row number as the file shows it, name, why), then the rows read with a note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import arg, pick


class RosterReportDialog(QDialog):
    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterReport")
        self.setWindowTitle(self.tr("Roster import"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.summary = QLabel(pick(report.summary), self)
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if report.ignored_columns:
            ignored = QLabel(arg(self.tr("Columns not used: %1"), ", ".join(report.ignored_columns)), self)
            ignored.setObjectName("muted")
            ignored.setWordWrap(True)
            layout.addWidget(ignored)
        lines = [(p, self.tr("Not read")) for p in report.problems] + [(n, self.tr("Note")) for n in report.notes]
        self.table = QTableWidget(len(lines), 4, self)
        self.table.setObjectName("rosterProblems")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Full name"), self.tr("Kind"),
                                              self.tr("Why")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for i, (p, kind) in enumerate(lines):
            for col, text in enumerate((str(p.row), p.name, kind, pick(p.message))):
                self.table.setItem(i, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(lines))
        layout.addWidget(self.table, 1)
        if not report.problems:
            ok = QLabel(self.tr("Every row was read."), self)
            ok.setObjectName("muted")
            layout.addWidget(ok)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(820, min(520, 200 + 40 * len(lines)) if lines else 160)
