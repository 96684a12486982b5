"""One section of the form: its heading, the official hint, and a widget per question."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from selfreview.forms.answers import is_visible, optional_aid
from selfreview.ui.i18n import pick
from selfreview.ui.question_widgets import FormEnv, QuestionWidget, make_question_widget
from selfreview.ui.widgets import ScaledLabel, hint_label


class SectionPage(QWidget):
    changed = Signal(str, object)  # question id, value

    def __init__(self, template: Any, part: Any, section: Any, env: FormEnv, answers: dict[str, Any],
                 read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"section_{section.id}")
        aid = frozenset(optional_aid(template))
        env = dataclasses.replace(env, aid=aid)
        self.is_aid = any(i.id in aid for i in section.items)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(14)
        part_label = ScaledLabel(pick(part.label, env.lang), 0.9, bold=False, parent=self)
        part_label.setObjectName("muted")
        self.heading = ScaledLabel(pick(section.label, env.lang), 1.3, bold=True, parent=self)
        self.heading.setObjectName("pageTitle")
        heads = QVBoxLayout()
        heads.setSpacing(2)
        heads.addWidget(part_label)
        heads.addWidget(self.heading)
        layout.addLayout(heads)
        if self.is_aid:
            layout.addWidget(self._aid_intro(section, env.lang))
        elif section.hint is not None:
            layout.addWidget(hint_label(pick(section.hint, env.lang), self))
        if any(getattr(i, "required", False) and i.id not in aid for i in section.items) and not read_only:
            legend = QLabel(self.tr("Fields marked * must be answered."), self)
            legend.setObjectName("muted")
            layout.addWidget(legend)
        self.widgets: dict[str, QuestionWidget] = {}
        for item in section.items:
            widget = make_question_widget(item, env, template, self)
            if item.stores_answer:
                widget.set_value(answers.get(item.id))
            widget.update_answers(answers)
            widget.set_read_only(read_only)
            widget.changed.connect(self.changed)
            self.widgets[item.id] = widget
            layout.addWidget(widget)
        layout.addStretch(1)
        self.apply_visibility(answers)

    def _aid_intro(self, section: Any, lang: str) -> QWidget:
        """The app's own self-check, introduced in whole sentences: what it is, that it is optional,
        and the guidance it serves (quoted as the guidance says it)."""
        intro = self.tr("This self-check is the app's own aid, not part of the official form. It is optional: "
                        "it does not hold up finalizing, and it is printed only if you choose to attach it to "
                        "the PDF.")
        if section.hint is not None:
            quote = pick(section.hint, lang).strip().rstrip(".")
            intro += " " + self.tr("It helps you look at what the Central Organisation Commission's Guidance "
                                   "43-HD/BTCTW asks of party members: to “%1”.").replace("%1", quote)
        label = hint_label(intro, self)
        label.setProperty("aidIntro", True)
        self.aid_intro = label
        return label

    def apply_visibility(self, answers: dict[str, Any]) -> None:
        for widget in self.widgets.values():
            widget.setVisible(is_visible(widget.item, answers))

    def update_answers(self, answers: dict[str, Any]) -> None:
        for widget in self.widgets.values():
            widget.update_answers(answers)
        self.apply_visibility(answers)

    def first_input(self) -> QWidget | None:
        for widget in self.widgets.values():
            if widget.item.stores_answer and widget.isVisibleTo(self):
                return widget.focus_widget()
        return None

    def set_problems(self, question_ids: set[str]) -> None:
        for qid, widget in self.widgets.items():
            widget.set_problem(qid in question_ids)
