"""The preview of an import from Word: for each question of the form, the text the file would put
there (and whether it replaces what is written now); then what could not be placed. Nothing is
written until the member presses "Write into my review"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import arg
from selfreview.ui.widgets import ScaledLabel, hint_label


def _text_box(text: str, parent: QWidget, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setObjectName(name)
    box.setReadOnly(True)
    lines = max(2, min(8, text.count("\n") + 2))
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class WordImportDialog(QDialog):
    accepted_plan = Signal(object)  # the WordPreview to write

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordImportDialog")
        self.preview = preview
        self.setWindowTitle(self.tr("Import from a Word file"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(arg(self.tr("What %1 would put into your review"), preview.file), 1.15,
                                     bold=True, parent=self))
        layout.addWidget(hint_label(self.tr(
            "Nothing is written yet. Check where each part goes; what is written now in a part marked "
            "“replaces” is replaced."), self))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        column = QVBoxLayout(body)
        self.boxes: dict[str, QPlainTextEdit] = {}
        for p in preview.plan.placements:
            title = p.label + (self.tr(" (replaces what is written now)") if preview.replaces.get(p.question_id) else "")
            head = QLabel(title, body)
            head.setWordWrap(True)
            head.setTextFormat(Qt.TextFormat.PlainText)
            head.setStyleSheet("font-weight: bold")
            column.addWidget(head)
            self.boxes[p.question_id] = _text_box(p.text, body, f"placed_{p.question_id}")
            column.addWidget(self.boxes[p.question_id])
        self.unplaced: QPlainTextEdit | None = None
        if preview.plan.unplaced:
            head = QLabel(self.tr("Not placed (copy by hand if needed):"), body)
            head.setStyleSheet("font-weight: bold")
            column.addWidget(head)
            self.unplaced = _text_box("\n".join(preview.plan.unplaced), body, "unplaced")
            column.addWidget(self.unplaced)
        column.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        self.write_button = buttons.addButton(self.tr("&Write into my review"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setObjectName("writeImport")
        self.write_button.setEnabled(not preview.plan.empty)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.accepted_plan.emit(self.preview)
        self.accept()
