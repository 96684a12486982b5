"""A question with one answer picked from a list (which automatic copy to restore, say): the text,
the choices with one preselected, a note below, and an OK button named for what it does. Shown
modally by ``DialogService.choose``; tests pick a row and press the button, as a person does."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget,
)


class ChoiceDialog(QDialog):
    def __init__(self, title: str, text: str, choices: list[str], current: int = 0, ok_text: str = "",
                 detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.text = QLabel(text, self)
        self.text.setObjectName("choiceText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.choices = QListWidget(self)
        self.choices.setObjectName("choices")
        self.choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices.addItems(choices)
        self.choices.setAccessibleName(title)
        self.choices.setCurrentRow(current if 0 <= current < len(choices) else 0)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        self.choices.currentRowChanged.connect(lambda _row: self.ok.setEnabled(self.chosen() is not None))
        layout.addWidget(self.choices, 1)
        self.detail = QLabel(detail, self)
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        self.detail.setVisible(bool(detail))
        layout.addWidget(self.detail)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(ok_text or self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("choiceOk")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # as in DialogService.confirm: a slip of the Enter key changes nothing
        self.ok.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.choices.setFocus()

    def chosen(self) -> int | None:
        row = self.choices.currentRow()
        return row if row >= 0 else None
