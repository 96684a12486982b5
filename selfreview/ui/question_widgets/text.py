"""short_text (a line with a counter) and long_text (a growing plain-text box with "123/20000")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from selfreview.text import nfc
from selfreview.ui.i18n import locale
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget
from selfreview.ui.widgets import PlainTextEdit


class CounterLabel(QLabel):
    """"123/20000" under a text field; red at the limit."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setObjectName("counter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.update_count(0)

    def update_count(self, n: int) -> None:
        loc = locale()
        self.setText(f"{loc.toString(n)}/{loc.toString(self.limit)}")
        self.setToolTip(QCoreApplication.translate("CounterLabel", "Characters used and the limit"))
        full = n >= self.limit
        if self.property("full") != full:
            self.setProperty("full", full)
            self.style().unpolish(self)
            self.style().polish(self)


def _count(text: str) -> int:
    return len(nfc(text))  # the limit applies to the stored (NFC) text


class ShortTextWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(item.max_length)
        self.describe(self.edit)
        self.counter = CounterLabel(item.max_length, self)
        self.body.addWidget(self.edit)
        self.body.addWidget(self.counter)
        self.edit.textChanged.connect(self._changed)

    def _changed(self, text: str) -> None:
        self.counter.update_count(_count(text))
        self.emit_changed()

    def value(self) -> str | None:
        text = self.edit.text()
        return text if text.strip() else None

    def _set(self, value: Any) -> None:
        self.edit.setText(value or "")
        self.counter.update_count(_count(self.edit.text()))

    def _set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def focus_widget(self) -> QWidget:
        return self.edit


class LongTextWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True,
                 min_lines: int = 4) -> None:
        super().__init__(item, env, parent, show_label)
        self.edit = PlainTextEdit(self, max_length=item.max_length, min_lines=min_lines)
        self.edit.setObjectName(f"text_{item.id}")
        self.describe(self.edit)
        self.counter = CounterLabel(item.max_length, self)
        self.body.addWidget(self.edit)
        self.body.addWidget(self.counter)
        self._last = ""
        self.edit.textChanged.connect(self._changed)

    def _changed(self) -> None:
        text = self.edit.text()
        if text == self._last:  # an input method's preedit leaves the text as it was
            return
        self._last = text
        self.counter.update_count(_count(text))
        self.emit_changed()

    def value(self) -> str | None:
        text = self.edit.text()
        return text if text.strip() else None

    def _set(self, value: Any) -> None:
        self.edit.setPlainText(value or "")
        self._last = self.edit.text()
        self.counter.update_count(_count(self._last))

    def _set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def focus_widget(self) -> QWidget:
        return self.edit
