"""The collective's own review of the round (Mẫu 01, báo cáo kiểm điểm tập thể): its state, scores
…/30 and …/70, total …/100 and the rating it proposes for itself; opened in the filling screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from selfreview.rating import format_total
from selfreview.ui.i18n import language
from selfreview.ui.labels import status_name
from selfreview.ui.operations import COLLECTIVE, Operations
from selfreview.ui.secretary.common import rating_text
from selfreview.ui.widgets import ScaledLabel, hint_label

class CollectivePage(QWidget):
    open_review = Signal(int)  # the collective review's id

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectivePage")
        self.ctx, self.runner, self.dialogs, self.workspace = ctx, runner, dialogs, workspace
        self.ops = Operations(runner, dialogs, self)
        self.round_id: int | None = None
        self.summary: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(ScaledLabel(self.tr("The collective's report (Mẫu 01)"), 1.3, bold=True, parent=self))
        layout.addWidget(hint_label(self.tr(
            "The cell reviews itself first, then each member. Write the collective's report in the same "
            "form as the members do: its strengths and shortcomings, the shortcomings named last time and "
            "how far they were fixed, its scores and the rating it proposes for itself."), self))
        box = QFrame(self)
        box.setObjectName("suggestion")
        form = QFormLayout(box)
        self.values: dict[str, QLabel] = {}
        for key, name in (("status", self.tr("State")), ("general", self.tr("General criteria")),
                          ("tasks", self.tr("Results of tasks")), ("total", self.tr("Total")),
                          ("proposed", self.tr("Proposed rating")), ("suggestion", self.tr("The rules suggest"))):
            label = QLabel(box)
            label.setObjectName(f"collective_{key}")
            label.setWordWrap(True)
            form.addRow(name, label)
            self.values[key] = label
        layout.addWidget(box)
        self.problems = QLabel(self)
        self.problems.setObjectName("collectiveProblems")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open the &collective's report"), self)
        self.open_button.setObjectName("openCollective")
        self.open_button.clicked.connect(self.open_collective)
        self.pdf_button = QPushButton(self.tr("Save it as &PDF…"), self)
        self.pdf_button.setObjectName("collectivePdf")
        self.pdf_button.clicked.connect(self._pdf)
        self.word_button = QPushButton(self.tr("Word…"), self)
        self.word_button.setObjectName("collectiveWord")
        self.word_button.setToolTip(self.tr("Save the collective's report as a Word document (.docx) to edit"))
        self.word_button.clicked.connect(lambda: self._pdf(".docx"))
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.word_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def set_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        self.summary = self.ctx.collective.summary(self.round_id) if self.round_id is not None else None
        s, lang = self.summary, language()
        self.open_button.setEnabled(self.round_id is not None)
        self.pdf_button.setEnabled(s is not None)
        self.word_button.setEnabled(s is not None)
        if s is None:
            for label in self.values.values():
                label.setText("—")
            self.values["status"].setText(self.tr("Not started yet"))
            self.problems.setText("")
            return

        def score(value: Any, maximum: Any) -> str:
            return f"{format_total(value, lang) if value is not None else '—'}/{format_total(maximum, lang)}"
        self.values["status"].setText(status_name(s.status))
        self.values["general"].setText(score(s.general, 30))
        self.values["tasks"].setText(score(s.tasks, 70))
        self.values["total"].setText(score(s.total, s.total_max))
        self.values["proposed"].setText(rating_text(s.proposed) or "—")
        self.values["suggestion"].setText(s.suggestion.summary(lang))
        lines = [p.get(lang) for p in s.problems if p.code != "proposed_missing"]
        self.problems.setText("\n".join("• " + line for line in lines))

    def open_collective(self) -> None:
        if self.round_id is None:
            return
        self.ops.write(self.ctx.collective.open, self.round_id).changes(COLLECTIVE).success(
            lambda d: self.open_review.emit(d.summary.id)).run()

    def _pdf(self, suffix: str = ".pdf") -> None:
        if self.summary is not None:
            self.workspace.exporter.review_pdf(self.summary.review_id, "bao-cao-tap-the", suffix)
