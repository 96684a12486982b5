"""The result of "Kiểm tra": every missing required answer and invalid value; activating an entry
jumps to the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import pick
from selfreview.ui.widgets import ScaledLabel

ISSUE_ROLE = Qt.ItemDataRole.UserRole


class CheckPanel(QWidget):
    issue_activated = Signal(object)  # selfreview.forms.answers.Issue
    closed = Signal()

    def __init__(self, template: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.lang = lang
        self.sections = {s.id: s for _, s in template.sections()}
        self.index = template.item_index()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        head = QHBoxLayout()
        self.title = ScaledLabel("", 1.1, bold=True, parent=self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self._close)
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.list = QListWidget(self)
        self.list.setObjectName("issues")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Problems found"))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.issues: list[Any] = []

    def show_issues(self, issues: list[Any]) -> None:
        self.issues = list(issues)
        self.list.clear()
        if issues:
            self.title.setText(self.tr("%n problem(s) to fix", "", len(issues)))
        else:
            self.title.setText(self.tr("No problems found: the review can be finalized."))
        for issue in issues:
            section = self.sections.get(issue.section_id)
            item = self.index.get(issue.question_id)
            where = pick(section.label, self.lang) if section else issue.section_id
            what = pick(item.label, self.lang) if item else issue.question_id
            entry = QListWidgetItem(f"{what}\n{pick(issue.message, self.lang)}\n({where})")
            entry.setData(ISSUE_ROLE, issue)
            entry.setToolTip(self.tr("Press Enter or click to go to this field"))
            self.list.addItem(entry)
        self.list.setVisible(bool(issues))
        self.show()
        if issues:
            self.list.setCurrentRow(0)

    def _activated(self, entry: QListWidgetItem) -> None:
        issue = entry.data(ISSUE_ROLE)
        if issue is not None:
            self.issue_activated.emit(issue)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
