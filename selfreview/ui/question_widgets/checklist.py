"""checklist: for each behaviour a frequency (never / sometimes / often) and, when it happened,
an example and a remedy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from selfreview.ui.i18n import pick
from selfreview.ui.question_widgets.base import MARKED_STATUSES, FormEnv, QuestionWidget, provenance_tip
from selfreview.ui.question_widgets.text import CounterLabel
from selfreview.ui.widgets import PlainTextEdit, WrapChoice


class BehaviourRow(QFrame):
    def __init__(self, owner: "ChecklistWidget", behaviour: Any, number: int) -> None:
        super().__init__(owner)
        item, env = owner.item, owner.env
        self.owner = owner
        self.behaviour = behaviour
        self.setObjectName("behaviour")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.label = QLabel(f"{number}. {pick(behaviour.label, env.lang)}", self)
        self.label.setObjectName("behaviourLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        head.addWidget(self.label, 1)
        if behaviour.label.status in MARKED_STATUSES and item.id not in env.aid:  # the aid's sources: Help
            mark = QLabel("†", self)
            mark.setObjectName("provenance")
            mark.setToolTip(provenance_tip(behaviour.label.status))
            head.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        freq_row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.choices: dict[str, WrapChoice] = {}
        for n, option in enumerate(item.frequencies):
            choice = WrapChoice(pick(option.label, env.lang), radio=True, parent=self)
            choice.setObjectName(f"freq_{behaviour.id}_{option.value}")
            choice.button.setAccessibleName(f"{pick(behaviour.label, env.lang)}: {pick(option.label, env.lang)}")
            self.group.addButton(choice.button, n)
            self.choices[option.value] = choice
            freq_row.addWidget(choice)
        layout.addLayout(freq_row)
        grid = QGridLayout()
        self.example_label = QLabel(self.tr("Concrete example"), self)
        self.remedy_label = QLabel(self.tr("Remedy"), self)
        self.example = PlainTextEdit(self, max_length=item.example_max_length, min_lines=2, max_lines=10)
        self.remedy = PlainTextEdit(self, max_length=item.example_max_length, min_lines=2, max_lines=10)
        self.example.setObjectName(f"example_{behaviour.id}")
        self.remedy.setObjectName(f"remedy_{behaviour.id}")
        self.example_counter = CounterLabel(item.example_max_length, self)
        self.remedy_counter = CounterLabel(item.example_max_length, self)
        for col, (label, edit, counter, what) in enumerate((
                (self.example_label, self.example, self.example_counter, self.tr("example")),
                (self.remedy_label, self.remedy, self.remedy_counter, self.tr("remedy")))):
            label.setBuddy(edit)
            edit.setAccessibleName(f"{pick(behaviour.label, env.lang)}: {what}")
            grid.addWidget(label, 0, col)
            grid.addWidget(edit, 1, col)
            grid.addWidget(counter, 2, col)
            edit.textChanged.connect(self._text_changed)
        layout.addLayout(grid)
        self.group.idToggled.connect(lambda _i, checked: checked and self._frequency_changed())
        self._texts = ("", "")
        self._update_enabled()

    def frequency(self) -> str | None:
        return next((v for v, c in self.choices.items() if c.button.isChecked()), None)

    def explains(self) -> bool:
        return self.frequency() in self.owner.item.explain_when

    def _frequency_changed(self) -> None:
        self._update_enabled()
        self.owner.emit_changed()

    def _text_changed(self) -> None:
        texts = (self.example.text(), self.remedy.text())
        self.example_counter.update_count(len(texts[0]))
        self.remedy_counter.update_count(len(texts[1]))
        if texts != self._texts:
            self._texts = texts
            self.owner.emit_changed()

    def _update_enabled(self) -> None:
        on = self.explains()
        for w in (self.example, self.remedy, self.example_label, self.remedy_label,
                  self.example_counter, self.remedy_counter):
            w.setEnabled(on)
        # no required star: the self-check is optional and never blocks (the final check only notes a
        # missing example)

    def value(self) -> dict[str, str] | None:
        freq = self.frequency()
        if freq is None:
            return None
        out = {"frequency": freq}
        if self.explains():
            for key, edit in (("example", self.example), ("remedy", self.remedy)):
                if edit.text().strip():
                    out[key] = edit.text()
        return out

    def set_value(self, entry: dict[str, str] | None) -> None:
        entry = entry or {}
        self.group.setExclusive(False)
        for v, choice in self.choices.items():
            choice.button.setChecked(entry.get("frequency") == v)
        self.group.setExclusive(True)
        self.example.setPlainText(entry.get("example", ""))
        self.remedy.setPlainText(entry.get("remedy", ""))
        self._texts = (self.example.text(), self.remedy.text())
        self._update_enabled()

    def set_read_only(self, read_only: bool) -> None:
        for choice in self.choices.values():
            choice.set_interactive(not read_only)
        self.example.setReadOnly(read_only)
        self.remedy.setReadOnly(read_only)
        self._update_enabled()


class ChecklistWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label)
        self.rows: dict[str, BehaviourRow] = {}
        for n, behaviour in enumerate(item.behaviours, start=1):
            row = BehaviourRow(self, behaviour, n)
            self.rows[behaviour.id] = row
            self.body.addWidget(row)
        self.describe(next(iter(self.rows.values())).choices[item.frequencies[0].value].button)

    def value(self) -> dict[str, dict[str, str]] | None:
        out = {bid: v for bid, row in self.rows.items() if (v := row.value()) is not None}
        return out or None

    def _set(self, value: Any) -> None:
        value = value or {}
        for bid, row in self.rows.items():
            row.set_value(value.get(bid))

    def _set_read_only(self, read_only: bool) -> None:
        for row in self.rows.values():
            row.set_read_only(read_only)

    def focus_widget(self) -> QWidget:
        return next(iter(next(iter(self.rows.values())).choices.values())).button

    def focus_issue(self, issue: Any = None) -> QWidget:
        for row in self.rows.values():
            freq = row.frequency()
            if freq is None:
                widget = next(iter(row.choices.values())).button
            elif row.explains() and not row.example.text().strip():
                widget = row.example
            else:
                continue
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return widget
        return super().focus_issue(issue)
