"""score (a spin box that can stay unanswered), computed (a read-only "86/100"), date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from selfreview.forms.answers import computed_max, computed_value
from selfreview.rating import format_total
from selfreview.ui.i18n import arg
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget
from selfreview.ui.widgets import NONE_TEXT, OptionalDateEdit, OptionalSpinBox


def number_text(value: Any, lang: str) -> str:
    """86 → "86", 86.5 → "86,5" (vi) / "86.5" (en); None → "—"."""
    if value is None:
        return NONE_TEXT
    try:
        return format_total(value, lang)
    except (TypeError, ValueError):
        return str(value)


class ScoreWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        row = QHBoxLayout()
        self.spin = OptionalSpinBox(float(item.min), float(item.max), float(item.step), self)
        self.spin.setObjectName(f"score_{item.id}")
        self.spin.setMinimumWidth(self.spin.fontMetrics().horizontalAdvance("000,0") * 2)
        self.spin.setToolTip(arg(self.tr("From %1 to %2, in steps of %3. Leave empty while not scored."),
                                 number_text(item.min, env.lang), number_text(item.max, env.lang),
                                 number_text(item.step, env.lang)))
        self.describe(self.spin)
        self.out_of = QLabel(arg(self.tr("out of %1"), number_text(item.max, env.lang)), self)
        row.addWidget(self.spin)
        row.addWidget(self.out_of)
        row.addStretch(1)
        self.body.addLayout(row)
        self._last: Any = None
        self.spin.valueChanged.connect(self._changed)
        self.spin.editingFinished.connect(self._snap)

    def _changed(self, _value: float) -> None:
        value = self.spin.score()
        if value != self._last:
            self._last = value
            self.emit_changed()

    def _snap(self) -> None:
        value = self.spin.score()
        if value is not None and abs(float(value) - self.spin.value()) > 1e-9:
            self.spin.set_score(value)

    def value(self) -> float | int | None:
        return self.spin.score()

    def _set(self, value: Any) -> None:
        self.spin.set_score(value)
        self._last = self.spin.score()

    def _set_read_only(self, read_only: bool) -> None:
        self.spin.setReadOnly(read_only)
        self.spin.setButtonSymbols(self.spin.ButtonSymbols.NoButtons if read_only
                                   else self.spin.ButtonSymbols.UpDownArrows)

    def focus_widget(self) -> QWidget:
        return self.spin


class ComputedWidget(QuestionWidget):
    """The total …/100, computed from the scores it sums."""

    def __init__(self, item: Any, env: FormEnv, template: Any, parent: QWidget | None = None,
                 show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.template = template
        self.display = QLabel(self)
        self.display.setObjectName("computed")
        self.display.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.display)
        self.update_answers({})

    def update_answers(self, answers: dict[str, Any]) -> None:
        value = computed_value(self.template, self.item, answers)
        maximum = computed_max(self.template, self.item)
        self.display.setText(f"{number_text(value, self.env.lang)}/{number_text(maximum, self.env.lang)}")
        self.display.setAccessibleName(f"{self.label_text}: {self.display.text()}")

    def value(self) -> None:
        return None

    def _set(self, value: Any) -> None:
        pass

    def focus_widget(self) -> QWidget:
        return self.display


class DateWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        row = QHBoxLayout()
        self.edit = OptionalDateEdit(item.min, item.max, self)
        self.edit.setObjectName(f"date_{item.id}")
        self.describe(self.edit)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the date"))
        self.clear_button.clicked.connect(self.edit.clear_date)
        row.addWidget(self.edit)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.edit.dateChanged.connect(lambda _d: self.emit_changed())

    def value(self) -> str | None:
        d = self.edit.date_or_none()
        return d.isoformat() if d else None

    def _set(self, value: Any) -> None:
        self.edit.set_date_or_none(date.fromisoformat(value) if isinstance(value, str) else value)

    def _set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.clear_button.setVisible(not read_only)

    def focus_widget(self) -> QWidget:
        return self.edit
