"""guidance: read-only official text (criteria frameworks, instructions), bullets as a list."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from selfreview.ui.i18n import pick
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget


class GuidanceWidget(QuestionWidget):
    def __init__(self, item: Any, env: FormEnv, parent: QWidget | None = None, show_label: bool = True) -> None:
        super().__init__(item, env, parent, show_label=False)
        frame = QFrame(self)
        frame.setObjectName("guidance")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 8, 8, 8)
        self.text = QLabel(frame)
        self.text.setObjectName("guidanceText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        parts = [f"<b>{html.escape(pick(item.label, env.lang))}</b>"]
        if item.bullets:
            items = "".join(f"<li>{html.escape(pick(b, env.lang))}</li>" for b in item.bullets)
            parts.append(f'<ul style="margin-left:0px; -qt-list-indent:1">{items}</ul>')
        self.text.setText("".join(parts))
        inner.addWidget(self.text)
        self.body.addWidget(frame)
        # the base put the hint above the body; inside the frame reads better
        if self.hint is not None:
            self.layout().removeWidget(self.hint)
            inner.insertWidget(1, self.hint)

    def value(self) -> None:
        return None

    def _set(self, value: Any) -> None:
        pass

    def focus_widget(self) -> QWidget:
        return self.text
