"""single_choice (radio group), multi_choice (check boxes), levels (criterion × level grid)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup, QGridLayout, QLabel, QPushButton, QRadioButton, QWidget,
)

from selfreview.ui.i18n import pick
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget
from selfreview.ui.widgets import WrapChoice, set_interactive


class SingleChoiceWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: dict[str, WrapChoice] = {}
        for n, option in enumerate(item.options):
            choice = WrapChoice(pick(option.label, env.lang), radio=True, parent=self)
            choice.setObjectName(f"opt_{item.id}_{option.value}")
            self.group.addButton(choice.button, n)
            self.choices[option.value] = choice
            self.body.addWidget(choice)
        self.clear_button: QPushButton | None = None
        if not item.required:
            self.clear_button = QPushButton(self.tr("Clear the choice"), self)
            self.clear_button.setObjectName("linkButton")
            self.clear_button.setFlat(True)
            self.clear_button.clicked.connect(self.clear)
            self.body.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        first = next(iter(self.choices.values()))
        self.describe(first.button)
        self.group.idToggled.connect(self._toggled)
        self._update_clear()

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._update_clear()
            self.emit_changed()

    def _update_clear(self) -> None:
        if self.clear_button is not None:
            self.clear_button.setVisible(self.value() is not None and not self._read_only)

    def clear(self) -> None:
        self._uncheck_all()
        self._update_clear()
        self.emit_changed()

    def _uncheck_all(self) -> None:
        self.group.setExclusive(False)
        for choice in self.choices.values():
            choice.button.setChecked(False)
        self.group.setExclusive(True)

    def value(self) -> str | None:
        return next((v for v, c in self.choices.items() if c.button.isChecked()), None)

    def _set(self, value: Any) -> None:
        self._uncheck_all()
        if value in self.choices:
            self.choices[value].button.setChecked(True)
        self._update_clear()

    def _set_read_only(self, read_only: bool) -> None:
        for choice in self.choices.values():
            choice.set_interactive(not read_only)
        self._update_clear()

    def focus_widget(self) -> QWidget:
        current = self.value()
        return (self.choices[current] if current else next(iter(self.choices.values()))).button


class MultiChoiceWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.choices: dict[str, WrapChoice] = {}
        for option in item.options:
            choice = WrapChoice(pick(option.label, env.lang), radio=False, parent=self)
            choice.setObjectName(f"opt_{item.id}_{option.value}")
            choice.button.toggled.connect(self.emit_changed)
            self.choices[option.value] = choice
            self.body.addWidget(choice)
        self.describe(next(iter(self.choices.values())).button)

    def value(self) -> list[str] | None:
        chosen = [v for v, c in self.choices.items() if c.button.isChecked()]
        return chosen or None

    def _set(self, value: Any) -> None:
        value = set(value or [])
        for v, choice in self.choices.items():
            choice.button.setChecked(v in value)

    def _set_read_only(self, read_only: bool) -> None:
        for choice in self.choices.values():
            choice.set_interactive(not read_only)

    def focus_widget(self) -> QWidget:
        return next(iter(self.choices.values())).button


class LevelsWidget(QuestionWidget):
    """A level for each criterion: rows are criteria, columns the levels."""

    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, level in enumerate(item.levels, start=1):
            head = QLabel(pick(level.label, env.lang), self)
            head.setObjectName("levelHead")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setWordWrap(True)
            grid.addWidget(head, 0, col)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[tuple[str, str], QRadioButton] = {}
        for row, criterion in enumerate(item.criteria, start=1):
            text = pick(criterion.label, env.lang)
            label = QLabel(text, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            for col, level in enumerate(item.levels, start=1):
                button = QRadioButton(self)
                button.setObjectName(f"lvl_{item.id}_{criterion.id}_{level.value}")
                button.setAccessibleName(f"{text}: {pick(level.label, env.lang)}")
                group.addButton(button)
                grid.addWidget(button, row, col, Qt.AlignmentFlag.AlignCenter)
                self.buttons[(criterion.id, level.value)] = button
            group.buttonToggled.connect(lambda _b, checked: checked and self.emit_changed())
            self.groups[criterion.id] = group
        grid.setColumnStretch(0, 3)
        for col in range(1, len(item.levels) + 1):
            grid.setColumnStretch(col, 1)
        self.body.addLayout(grid)

    def value(self) -> dict[str, str] | None:
        out = {c: lvl for (c, lvl), b in self.buttons.items() if b.isChecked()}
        return out or None

    def _set(self, value: Any) -> None:
        value = value or {}
        for group in self.groups.values():
            group.setExclusive(False)
        for (c, lvl), button in self.buttons.items():
            button.setChecked(value.get(c) == lvl)
        for group in self.groups.values():
            group.setExclusive(True)

    def _set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            set_interactive(button, not read_only)

    def focus_widget(self) -> QWidget:
        return next(iter(self.buttons.values()))

    def focus_issue(self, issue: Any = None) -> QWidget:
        value = self.value() or {}
        missing = next((c.id for c in self.item.criteria if c.id not in value), None)
        widget = self.buttons[(missing, self.item.levels[0].value)] if missing else self.focus_widget()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget
