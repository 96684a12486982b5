"""Dialogs of Home: a new review (period defaults to this year; the form is proposed) and the profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget,
)

from selfreview.forms import registry
from selfreview.services.dto import ProfileData
from selfreview.ui.i18n import arg, pick
from selfreview.ui.profile_form import ProfileForm
from selfreview.ui.widgets import hint_label

INDIVIDUAL = ("leader", "non_leader", "outside_system", "any")


class NewReviewDialog(QDialog):
    def __init__(self, profile: ProfileData, default_period: str, existing: dict[str, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newReviewDialog")
        self.setWindowTitle(self.tr("New self-review"))
        self.existing = existing
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.period_edit = QLineEdit(default_period, self)
        self.period_edit.setObjectName("periodEdit")
        self.period_edit.setMaxLength(40)
        period = QVBoxLayout()
        period.setSpacing(2)
        period.addWidget(self.period_edit)
        period.addWidget(hint_label(self.tr("Usually the year, e.g. 2025. A review for a term or a quarter "
                                            "can be named e.g. 2020-2025."), self))
        form.addRow(self.tr("&Period"), period)
        form.labelForField(period).setBuddy(self.period_edit)
        self.form_combo = QComboBox(self)
        self.form_combo.setObjectName("formCombo")
        self.form_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        proposed = registry.for_category(profile.category)
        infos = sorted((i for i in registry.bundled().values() if i.template.category.value in INDIVIDUAL),
                       key=lambda i: (pick(i.template.code) if i.template.code else i.template.id))
        for info in infos:
            t = info.template
            text = f"{pick(t.code) if t.code else t.id} {pick(t.subtitle)}".strip()
            if proposed is not None and info.hash == proposed.hash:
                text += " " + self.tr("(proposed for you)")
            self.form_combo.addItem(text, t.id)
            self.form_combo.setItemData(self.form_combo.count() - 1, pick(t.title), Qt.ItemDataRole.ToolTipRole)
        if proposed is not None:
            self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(proposed.template.id)))
        form.addRow(self.tr("&Form"), self.form_combo)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.period_edit.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(560)

    def _update(self) -> None:
        period = self.period()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if period in self.existing:
            self.note.setText(arg(self.tr("You already have a review for %1; it will be opened."), period))
            ok.setText(self.tr("Open"))
        else:
            self.note.setText("")
            ok.setText(self.tr("Create"))
        self.note.setVisible(bool(self.note.text()))
        self.form_combo.setEnabled(period not in self.existing)
        ok.setEnabled(bool(period) and self.form_combo.count() > 0)

    def period(self) -> str:
        return self.period_edit.text().strip()

    def template_id(self) -> str | None:
        return self.form_combo.currentData()


class ProfileDialog(QDialog):
    def __init__(self, profile: ProfileData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Edit profile"))
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.form = ProfileForm()
        self.form.set_data(profile)
        scroll.setWidget(self.form)
        layout.addWidget(scroll)
        note = hint_label(self.tr("A change of post changes the form proposed for new reviews; reviews "
                                  "already started keep their form."), self)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.changed.connect(lambda: buttons.button(QDialogButtonBox.StandardButton.Save)
                                  .setEnabled(self.form.is_valid()))
        layout.addWidget(buttons)
        self.resize(640, 640)
