"""Set-up: the round in hand (its cell, period, deadline, forms, quota) with its invitation; a new
cell (name, superior body); a new round (period, the form for each member category, deadline); and
the roster of the round's cell."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from selfreview.forms import registry
from selfreview.services.cells import CATEGORIES
from selfreview.ui.i18n import arg, pick
from selfreview.ui.labels import date_text
from selfreview.ui.operations import ASSESSMENTS, CELLS, ROUNDS, Operations
from selfreview.ui.secretary.common import category_text, set_combo_data
from selfreview.ui.secretary.roster_page import RosterPanel
from selfreview.ui.widgets import OptionalDateEdit, hint_label


def form_choices(category: str) -> list[Any]:
    """The bundled templates for a member category, newest first (TemplateInfo)."""
    infos = [i for i in registry.bundled().values() if i.template.category.value == category]
    return sorted(infos, key=lambda i: (i.template.rule_set, i.template.version), reverse=True)


def form_text(info: Any) -> str:
    t = info.template
    return pick(t.code) if t.code else t.id


def narrow_combo(combo: QComboBox, chars: int = 14) -> None:
    """A combo that does not widen its column to its longest item (the list shows them whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideNone)

    def widen(*_: object) -> None:  # the open list as wide as its longest item
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
    combo.model().rowsInserted.connect(widen)
    combo.model().modelReset.connect(widen)
    widen()


class SetupPage(QWidget):
    def __init__(self, ctx: Any, runner: Any, dialogs: Any, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupPage")
        self.ctx, self.runner, self.dialogs, self.workspace = ctx, runner, dialogs, workspace
        self.ops = Operations(runner, dialogs, self)
        self.round: Any = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self._current_box())
        column.addWidget(self._cell_box())
        column.addWidget(self._round_box())
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it fits: no sideways scrolling
        scroll.setMinimumWidth(440)
        layout.addWidget(scroll, 2)
        self.roster = RosterPanel(ctx, runner, dialogs, self)
        layout.addWidget(self.roster, 3)
        self.reload_cells()

    # -- the round in hand -----------------------------------------------------------------------------
    def _current_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The round in hand"), self)
        box.setObjectName("currentRound")
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.facts: dict[str, QLabel] = {}
        for key, name in (("cell", self.tr("Cell")), ("superior", self.tr("Superior party body")),
                          ("period", self.tr("Period")), ("deadline", self.tr("Deadline")),
                          ("forms", self.tr("Forms"))):
            label = QLabel(box)
            label.setWordWrap(True)
            label.setObjectName(f"round_{key}")
            form.addRow(name, label)
            self.facts[key] = label
        self.quota = QComboBox(box)
        self.quota.setObjectName("quotaPercent")
        self.quota.addItem(self.tr("20% of those rated HTTNV (the rule)"), 20)
        self.quota.addItem(self.tr("25% (allowed by the competent level for an outstanding unit)"), 25)
        narrow_combo(self.quota)
        self.quota.activated.connect(self._quota_chosen)
        form.addRow(self.tr("HTXSNV at most"), self.quota)
        self.invite_button = QPushButton(self.tr("Save the &invitation…"), box)
        self.invite_button.setObjectName("inviteButton")
        self.invite_button.setToolTip(self.tr("A file for the members: it brings them this round's form and "
                                              "encrypts their reviews to you"))
        self.invite_button.clicked.connect(lambda: self.round and self.workspace.exporter.invitation(self.round.id))
        form.addRow(self.invite_button)
        self.none_label = hint_label(self.tr("No review round yet: create the cell, then open a round below."), box)
        form.addRow(self.none_label)
        return box

    def set_round(self, rnd: Any) -> None:
        """``rnd``: a RoundSummary, or None."""
        self.round = rnd
        has = rnd is not None
        self.none_label.setVisible(not has)
        self.invite_button.setEnabled(has)
        self.quota.setEnabled(has)
        if not has:
            for label in self.facts.values():
                label.setText("—")
            self.roster.set_cell(None)
            return
        cell = self.ctx.cells.get_cell(rnd.cell_id)
        self.facts["cell"].setText(cell.name)
        self.facts["superior"].setText(cell.superior_body or "—")
        self.facts["period"].setText(rnd.period)
        self.facts["deadline"].setText(date_text(rnd.deadline) or "—")
        forms = []
        for cat in CATEGORIES:
            form = rnd.forms.get(cat)
            info = registry.find_by_hash(form["hash"]) if form else None
            forms.append(f"{category_text(cat)}: {form_text(info) if info else (form or {}).get('id', '—')}")
        self.facts["forms"].setText("\n".join(forms))
        set_combo_data(self.quota, self.ctx.assessments.quota(rnd.id).percent)
        if cell.id != self.roster.cell_id:
            self.roster.set_cell(cell.id)
        set_combo_data(self.round_cell, cell.id)

    def refresh(self) -> None:
        self.reload_cells()
        self.set_round(self.round)
        self.roster.refresh()

    def _quota_chosen(self) -> None:
        if self.round is not None:
            self.ops.write(self.ctx.assessments.set_quota_percent, self.round.id,
                           self.quota.currentData()).changes(ASSESSMENTS).run()

    # -- a new cell ---------------------------------------------------------------------------------------
    def _cell_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("A new cell"), self)
        form = QFormLayout(box)
        self.cell_name = QLineEdit(box)
        self.cell_name.setObjectName("cellName")
        self.cell_name.setPlaceholderText(self.tr("e.g. Chi bộ Văn phòng"))
        self.superior = QLineEdit(box)
        self.superior.setObjectName("superiorBody")
        self.superior.setPlaceholderText(self.tr("e.g. Đảng bộ Sở Nội vụ"))
        form.addRow(self.tr("Cell &name"), self.cell_name)
        form.labelForField(self.cell_name).setBuddy(self.cell_name)
        form.addRow(self.tr("S&uperior party body"), self.superior)
        form.labelForField(self.superior).setBuddy(self.superior)
        self.cell_button = QPushButton(self.tr("&Create the cell"), box)
        self.cell_button.setObjectName("createCell")
        self.cell_button.clicked.connect(self.create_cell)
        form.addRow(self.cell_button)
        return box

    def create_cell(self) -> None:
        name = self.cell_name.text().strip()
        if not name:
            self.cell_name.setFocus()
            return
        profile = self.ctx.profiles.secretary()
        self.ops.write(self.ctx.cells.create_cell, name, self.superior.text(),
                       profile.id if profile else None).changes(CELLS).success(self._cell_created).run()

    def _cell_created(self, cell: Any) -> None:
        self.cell_name.clear()
        self.superior.clear()
        self.reload_cells()
        set_combo_data(self.round_cell, cell.id)
        self.period.setFocus()

    # -- a new round --------------------------------------------------------------------------------------
    def _round_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Open a new review round"), self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.round_cell = QComboBox(box)
        self.round_cell.setObjectName("roundCell")
        narrow_combo(self.round_cell)
        form.addRow(self.tr("Ce&ll"), self.round_cell)
        form.labelForField(self.round_cell).setBuddy(self.round_cell)
        self.period = QLineEdit(str(date.today().year), box)
        self.period.setObjectName("roundPeriod")
        self.period.setMaxLength(40)
        form.addRow(self.tr("&Period"), self.period)
        form.labelForField(self.period).setBuddy(self.period)
        self.deadline = OptionalDateEdit(date(2000, 1, 1), date(2100, 12, 31), box)
        self.deadline.setObjectName("roundDeadline")
        self.deadline.set_date_or_none(date(date.today().year, 12, 15))
        form.addRow(self.tr("&Deadline"), self.deadline)
        form.labelForField(self.deadline).setBuddy(self.deadline)
        self.form_combos: dict[str, QComboBox] = {}
        for cat in CATEGORIES:
            combo = QComboBox(box)
            combo.setObjectName(f"form_{cat}")
            for info in form_choices(cat):
                combo.addItem(form_text(info), info.hash)
            narrow_combo(combo)
            label = QLabel(category_text(cat), box)
            label.setWordWrap(True)  # "2C · Đảng viên không làm việc trong hệ thống chính trị" is long
            form.addRow(label, combo)
            self.form_combos[cat] = combo
        self.round_button = QPushButton(self.tr("Open &the round"), box)
        self.round_button.setObjectName("createRound")
        self.round_button.clicked.connect(self.create_round)
        form.addRow(self.round_button)
        return box

    def reload_cells(self) -> None:
        current = self.round_cell.currentData()
        self.round_cell.clear()
        for c in self.ctx.cells.list_cells():
            self.round_cell.addItem(c.name, c.id)
        if current is not None:
            set_combo_data(self.round_cell, current)
        self.round_button.setEnabled(self.round_cell.count() > 0)

    def create_round(self) -> None:
        cell_id, period = self.round_cell.currentData(), self.period.text().strip()
        if cell_id is None or not period:
            (self.period if cell_id is not None else self.cell_name).setFocus()
            return
        if any(r.period == period for r in self.ctx.cells.list_rounds(cell_id)):
            self.dialogs.error(self, self.tr("Could not do that"),
                               arg(self.tr("%1 already has a round for %2."), self.round_cell.currentText(), period))
            return
        forms = {}
        for cat, combo in self.form_combos.items():
            info = registry.find_by_hash(combo.currentData()) if combo.currentData() else None
            if info is not None:
                forms[cat] = {"id": info.template.id, "version": info.template.version, "hash": info.hash}
        # the workspace selects the new round when it hears of it (Change.result is the round)
        self.ops.write(self.ctx.cells.create_round, cell_id, period, self.deadline.date_or_none(),
                       forms or None).changes(ROUNDS).run()
