"""The committee's assessment of one member: comments and the cell's proposed rating, with the rule
check and the cell's HTXSNV quota recomputed live while a rating is chosen (a preview; nothing is
saved until "Save"). Switching to another member saves what was typed, so nothing is lost."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from selfreview.rating import format_total
from selfreview.text import nfc
from selfreview.ui.i18n import arg, language
from selfreview.ui.operations import ASSESSMENTS, Operations
from selfreview.ui.secretary.common import QuotaBanner, fill_rating_combo, rating_text, set_combo_data
from selfreview.ui.widgets import PlainTextEdit, ScaledLabel


def _bullets(lines: list[str]) -> str:
    return "<br>".join("• " + html.escape(line) for line in lines)


class AssessmentPanel(QWidget):
    saved = Signal(object)  # AssessmentResult
    previewed = Signal(object, object)  # the saved QuotaState, and the one the rating being chosen gives (or None)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent: QWidget | None = None,
                 show_quota: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPanel")
        self.show_quota = show_quota
        self.ctx, self.runner, self.dialogs = ctx, runner, dialogs
        self.ops = Operations(runner, dialogs, self)
        self.round_id: int | None = None
        self.row: Any = None
        self.saved_data: Any = None
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(ScaledLabel(self.tr("The committee's assessment"), 1.1, bold=True, parent=self))
        self.who = ScaledLabel("", 1.0, bold=True, parent=self)
        self.who.setObjectName("assessedMember")
        self.facts = QLabel(self)
        self.facts.setObjectName("muted")
        self.facts.setWordWrap(True)
        layout.addWidget(self.who)
        layout.addWidget(self.facts)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.comments = PlainTextEdit(self, max_length=20000, min_lines=5, max_lines=12)
        self.comments.setObjectName("committeeComments")
        self.comments.textChanged.connect(self._edited)
        form.addRow(self.tr("Committee's &comments"), self.comments)
        form.labelForField(self.comments).setBuddy(self.comments)
        self.rating = QComboBox(self)
        self.rating.setObjectName("cellRating")
        self.rating.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rating.setMinimumContentsLength(12)
        self.rating.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # the whole width: no clipped text
        fill_rating_combo(self.rating, self.tr("— not proposed yet —"))
        self.rating.currentIndexChanged.connect(self._rating_changed)
        form.addRow(self.tr("The cell's proposed ra&ting"), self.rating)
        form.labelForField(self.rating).setBuddy(self.rating)
        layout.addLayout(form)
        # the save button right under the fields: the boxes below may grow, the button stays put
        buttons = QHBoxLayout()
        self.state = QLabel(self)
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Sav&e"), self)
        self.save_button.setObjectName("saveAssessment")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        # what the rules suggest (a quiet green box) apart from what is wrong (a warning box)
        self.check_box = QFrame(self)
        self.check_box.setObjectName("suggestion")
        inner = QVBoxLayout(self.check_box)
        self.suggestion = QLabel(self.check_box)
        self.suggestion.setObjectName("ruleSuggestion")
        self.suggestion.setWordWrap(True)
        inner.addWidget(self.suggestion)
        layout.addWidget(self.check_box)
        self.warning_box = QFrame(self)
        self.warning_box.setObjectName("warnings")
        warn = QVBoxLayout(self.warning_box)
        self.problems = QLabel(self.warning_box)
        self.problems.setObjectName("ruleProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        warn.addWidget(self.problems)
        layout.addWidget(self.warning_box)
        self.warning_box.hide()
        self.quota = QuotaBanner(self, "panelQuota")
        layout.addWidget(self.quota)
        layout.addStretch(1)
        self.set_member(None, None)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rating_texts()

    def _fit_rating_texts(self) -> None:
        """The levels' whole names when they fit the combo, else their short codes (HTXSNV…) with the
        whole name in the tooltip: never a clipped name."""
        metrics = self.rating.fontMetrics()
        room = self.rating.width() - 40  # the arrow and the frame
        full = [rating_text(self.rating.itemData(i)) for i in range(1, self.rating.count())]
        short = room < max((metrics.horizontalAdvance(t) for t in full), default=0)
        for i in range(1, self.rating.count()):
            value = self.rating.itemData(i)
            self.rating.setItemText(i, rating_text(value, short=short))
            self.rating.setItemData(i, rating_text(value), Qt.ItemDataRole.ToolTipRole)
        self.rating.setToolTip(rating_text(self.rating.currentData()))

    # -- which member --------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        if self.row is None or self.saved_data is None:
            return False
        return (nfc(self.comments.text()).replace("\r\n", "\n").strip() != (self.saved_data.comments or "")
                or self.rating.currentData() != self.saved_data.proposed_rating)

    def set_member(self, round_id: int | None, row: Any) -> None:
        """Show ``row`` (a RollCallRow) of ``round_id``; what was typed for the previous one is saved."""
        if self.dirty and (row is None or self.row is None or row.member_id != self.row.member_id):
            self.save()  # (a synchronous save refreshes the roll-call, which may show ``row`` already)
            if row is not None and self.row is not None and self.row.member_id == row.member_id:
                return
        self.round_id, self.row = round_id, row
        enabled = row is not None and round_id is not None
        for w in (self.comments, self.rating, self.save_button):
            w.setEnabled(enabled)
        self._loading = True
        try:
            if not enabled:
                self.who.setText(self.tr("Choose a member in the roll-call"))
                self.facts.setText("")
                self.comments.setPlainText("")
                self.rating.setCurrentIndex(0)
                self.check_box.hide()
                self.warning_box.hide()
                self.saved_data = None
                self.state.setText("")
                return
            self.saved_data = self.ctx.assessments.get(round_id, row.member_id)
            self.who.setText(row.name)
            self.facts.setText(self._facts(row))
            self.comments.setPlainText(self.saved_data.comments or "")
            set_combo_data(self.rating, self.saved_data.proposed_rating)
        finally:
            self._loading = False
        self._refresh()

    def _facts(self, row: Any) -> str:
        parts = [row.status_label(language())]
        if row.total is not None:
            parts.append(arg(self.tr("score %1/%2"), format_total(row.total, language()),
                             format_total(row.total_max, language())))
        if row.self_rating:
            parts.append(arg(self.tr("self-proposed: %1"), rating_text(row.self_rating, short=True)))
        if row.entered_by_secretary:
            parts.append(self.tr("entered by the secretary"))
        return " · ".join(parts)

    # -- live check and quota ----------------------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading:
            self._show_state()

    def _rating_changed(self) -> None:
        if not self._loading:
            self._refresh()

    def _refresh(self) -> None:
        if self.row is None or self.round_id is None:
            return
        try:
            result = self.ctx.assessments.preview(self.round_id, self.row.member_id, self.rating.currentData())
        except Exception as e:  # noqa: BLE001 - e.g. the member was removed meanwhile
            self.ops.present(e)
            return
        self._show_check(result.check)
        changed = self.rating.currentData() != (self.saved_data.proposed_rating if self.saved_data else None)
        saved = self.ctx.assessments.quota(self.round_id) if changed else result.quota  # only saved ones count
        preview = result.quota if changed else None
        self.quota.show_quota(saved, preview)
        self.quota.setVisible(self.show_quota)
        self._show_state()
        self.previewed.emit(saved, preview)

    def _show_check(self, check: Any) -> None:
        lang = language()
        self.check_box.show()
        if not check.has_review:
            self.suggestion.setText(check.note.get(lang) if check.note else "")
        elif check.suggestion is not None:
            self.suggestion.setText(arg(self.tr("The rules suggest: %1"), check.suggestion.summary(lang)))
        else:
            self.suggestion.setText("")
        self.check_box.setVisible(bool(self.suggestion.text()))
        lines = [p.get(lang) for p in check.problems if p.code != "proposed_missing"]
        self.problems.setText(_bullets(lines))
        self.warning_box.setVisible(bool(lines))

    def _show_state(self) -> None:
        self.state.setText(self.tr("Not saved yet") if self.dirty else "")

    # -- saving ----------------------------------------------------------------------------------
    def save(self) -> None:
        if self.row is None or self.round_id is None:
            return
        round_id, member_id = self.round_id, self.row.member_id
        self.ops.write(self.ctx.assessments.set_assessment, round_id, member_id, comments=self.comments.text(),
                       proposed_rating=self.rating.currentData()).changes(ASSESSMENTS).success(self._saved).run()

    def _saved(self, result: Any) -> None:
        if self.row is not None and result.assessment.member_id == self.row.member_id:
            self.saved_data = result.assessment
            self._show_check(result.check)
            self.quota.show_quota(result.quota)
            self.quota.setVisible(self.show_quota)
            self.state.setText(self.tr("Saved"))
        self.saved.emit(result)
