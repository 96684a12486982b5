"""records: a list of entries (e.g. each earlier shortcoming with its remedy status), add / remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfreview.forms.model import DateItem, LongText, ShortText, SingleChoice
from selfreview.ui.i18n import arg
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget
from selfreview.ui.question_widgets.choice import SingleChoiceWidget
from selfreview.ui.question_widgets.numbers import DateWidget
from selfreview.ui.question_widgets.text import LongTextWidget, ShortTextWidget


def field_widget(field: Any, env: FormEnv, parent: QWidget) -> QuestionWidget:
    if isinstance(field, LongText):
        return LongTextWidget(field, env, parent, min_lines=2)
    if isinstance(field, ShortText):
        return ShortTextWidget(field, env, parent)
    if isinstance(field, SingleChoice):
        return SingleChoiceWidget(field, env, parent)
    if isinstance(field, DateItem):
        return DateWidget(field, env, parent)
    raise TypeError(f"no record field widget for {type(field).__name__}")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RecordEditor(QFrame):
    """One entry: a field widget per field of the template, and a Remove button."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, item: Any, env: FormEnv, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("recordHeading")
        self.remove_button = QPushButton(self.tr("Remove this entry"), self)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        head.addWidget(self.heading, 1)
        head.addWidget(self.remove_button)
        layout.addLayout(head)
        self.fields: dict[str, QuestionWidget] = {}
        for field in item.fields:
            widget = field_widget(field, env, self)
            widget.changed.connect(lambda *_: self.changed.emit())
            self.fields[field.id] = widget
            layout.addWidget(widget)
        self.set_number(number)

    def set_number(self, number: int) -> None:
        self.number = number
        self.heading.setText(arg(self.tr("Entry %1"), number))

    def value(self) -> dict[str, Any]:
        return {fid: w.value() for fid, w in self.fields.items() if w.value() is not None}

    def set_value(self, record: dict[str, Any]) -> None:
        for fid, widget in self.fields.items():
            widget.set_value(record.get(fid))

    def set_read_only(self, read_only: bool) -> None:
        self.remove_button.setVisible(not read_only)
        for widget in self.fields.values():
            widget.set_read_only(read_only)

    def has_content(self) -> bool:
        return any(not _empty(v) for v in self.value().values())


class RecordsWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.records: list[RecordEditor] = []
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(8)
        self.body.addLayout(self.list_layout)
        self.empty_label = QLabel(self.tr("No entries."), self)
        self.empty_label.setObjectName("hint")
        self.body.addWidget(self.empty_label)
        self.add_button = QPushButton(self.tr("Add an entry"), self)
        self.add_button.setObjectName(f"add_{item.id}")
        self.add_button.clicked.connect(self.add_record)
        self.describe(self.add_button)
        self.body.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._update()

    def _new_editor(self) -> RecordEditor:
        editor = RecordEditor(self.item, self.env, len(self.records) + 1, self)
        editor.changed.connect(self.emit_changed)
        editor.remove_requested.connect(self.remove_record)
        editor.set_read_only(self._read_only)
        self.records.append(editor)
        self.list_layout.addWidget(editor)
        return editor

    def add_record(self) -> RecordEditor:
        editor = self._new_editor()
        self._update()
        self.emit_changed()
        first = next(iter(editor.fields.values()))
        first.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def remove_record(self, editor: RecordEditor) -> None:
        if editor.has_content() and self.env.dialogs is not None:
            if not self.env.dialogs.confirm(self, self.tr("Remove entry"),
                                            arg(self.tr("Remove entry %1 and what is written in it?"), editor.number),
                                            self.tr("Remove")):
                return
        self.records.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for n, e in enumerate(self.records, start=1):
            e.set_number(n)
        self._update()
        self.emit_changed()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        self.empty_label.setVisible(not self.records)
        self.add_button.setVisible(not self._read_only)
        self.add_button.setEnabled(len(self.records) < self.item.max_records)

    def value(self) -> list[dict[str, Any]] | None:
        return [r.value() for r in self.records] or None

    def _set(self, value: Any) -> None:
        for editor in self.records:
            editor.setParent(None)
            editor.deleteLater()
        self.records = []
        for record in value or []:
            self._new_editor().set_value(record)
        self._update()

    def _set_read_only(self, read_only: bool) -> None:
        for editor in self.records:
            editor.set_read_only(read_only)
        self._update()

    def focus_widget(self) -> QWidget:
        if self.records:
            return next(iter(self.records[0].fields.values())).focus_widget()
        return self.add_button

    def focus_issue(self, issue: Any = None) -> QWidget:
        for editor in self.records:
            for field in self.item.fields:
                if field.required and _empty(editor.fields[field.id].value()):
                    widget = editor.fields[field.id].focus_widget()
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return widget
        return super().focus_issue(issue)
