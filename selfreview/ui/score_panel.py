"""Scores as they are typed: general …/30, tasks …/70, total …/100, the suggested rating with its
reasons, and warnings where the proposed rating contradicts the score or the rules."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from selfreview.forms.answers import computed_max
from selfreview.forms.model import Template
from selfreview.rating import Rating
from selfreview.ui.i18n import arg, pick
from selfreview.ui.question_widgets.numbers import number_text
from selfreview.ui.widgets import ScaledLabel


def _wrapped(parent: QWidget, name: str = "", rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _bullets(lines: list[str]) -> str:
    if not lines:
        return ""
    return '<ul style="margin-left:0px; -qt-list-indent:1">' + "".join(
        f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"


def has_scores(template: Template) -> bool:
    return bool(template.roles.get("score_total") or template.roles.get("score_general"))


# whose proposed rating the form holds: the person's own (the member's form), a member's typed in
# from paper by the secretary, or the cell collective's (Mẫu 01)
PROPOSERS = ("self", "member", "collective")


class ScorePanel(QWidget):
    def __init__(self, template: Template, lang: str, parent: QWidget | None = None,
                 proposer: str = "self") -> None:
        super().__init__(parent)
        if proposer not in PROPOSERS:
            raise ValueError(f"unknown proposer {proposer!r}")
        self.setObjectName("scorePanel")
        self.template, self.lang, self.proposer = template, lang, proposer
        index = template.item_index()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(ScaledLabel(self.tr("Self-assessed scores"), 1.1, bold=True, parent=self))
        form = QGridLayout()
        form.setColumnStretch(0, 1)
        form.setHorizontalSpacing(12)
        self.values: dict[str, QLabel] = {}
        for role in ("score_general", "score_tasks", "score_total"):
            item = index.get(template.roles.get(role, ""))
            if item is None:
                continue
            name = _wrapped(self)
            name.setText(pick(item.label, lang))
            value = QLabel(self)
            value.setObjectName(f"value_{role}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = form.rowCount()
            form.addWidget(name, row, 0)
            form.addWidget(value, row, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            self.values[role] = value
        layout.addLayout(form)
        box = QFrame(self)
        box.setObjectName("suggestion")
        inner = QVBoxLayout(box)
        inner.addWidget(ScaledLabel(self.tr("Suggested rating"), 1.0, bold=True, parent=box))
        self.summary = ScaledLabel("", 1.1, bold=True, parent=box)
        self.summary.setObjectName("suggestionSummary")
        self.reasons = _wrapped(box, "suggestionReasons", rich=True)
        self.proposed = _wrapped(box, "proposedRating")
        inner.addWidget(self.summary)
        inner.addWidget(self.reasons)
        inner.addWidget(self.proposed)
        layout.addWidget(box)
        self.warning_box = QFrame(self)
        self.warning_box.setObjectName("warnings")
        wl = QVBoxLayout(self.warning_box)
        wl.addWidget(ScaledLabel(self.tr("Please check"), 1.0, bold=True, parent=self.warning_box))
        self.warnings = _wrapped(self.warning_box, "ratingWarnings", rich=True)
        wl.addWidget(self.warnings)
        layout.addWidget(self.warning_box)
        self.notes = _wrapped(self, "muted", rich=True)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def update_state(self, state: Any) -> None:
        """``state``: a ``ScoreState`` (selfreview.services.reviews.score_state)."""
        lang = self.lang
        total_item = self.template.role_item("score_total")
        maxima = {
            "score_general": getattr(self.template.role_item("score_general"), "max", None),
            "score_tasks": getattr(self.template.role_item("score_tasks"), "max", None),
            "score_total": computed_max(self.template, total_item) if total_item is not None else state.total_max,
        }
        for role, value in (("score_general", state.general), ("score_tasks", state.tasks),
                            ("score_total", state.total)):
            if role in self.values:
                text = f"{number_text(value, lang)}/{number_text(maxima[role], lang)}"
                self.values[role].setText(text)
        sug = state.suggestion
        self.summary.setText(sug.summary(lang))
        reasons = [r.get(lang) for r in sug.reasons[1:]]  # the first is the summary line itself
        self.reasons.setText(_bullets(reasons))
        self.reasons.setVisible(bool(reasons))
        self.proposed.setText(self._proposal_text(Rating(state.proposed).label(lang) if state.proposed else None))
        problems = [p.get(lang) for p in state.problems if p.code != "proposed_missing"]
        self.warnings.setText(_bullets(problems))
        self.warning_box.setVisible(bool(problems))
        self.notes.setText(_bullets([n.get(lang) for n in sug.notes]))

    def _proposal_text(self, rating: str | None) -> str:
        if self.proposer == "member":
            return arg(self.tr("Member's proposal: %1"), rating) if rating else \
                self.tr("Member's proposal: not chosen yet")
        if self.proposer == "collective":
            return arg(self.tr("The collective's proposal: %1"), rating) if rating else \
                self.tr("The collective's proposal: not chosen yet")
        return arg(self.tr("Your proposal: %1"), rating) if rating else self.tr("Your proposal: not chosen yet")

    def warning_texts(self) -> str:
        return self.warnings.text() if self.warning_box.isVisibleTo(self) else ""
