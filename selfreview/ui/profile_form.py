"""The profile fields (first run and "Edit profile"), and the form they lead to (2A, 2B or 2C)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout, QWidget,
)

from selfreview.forms import registry
from selfreview.limits import MEMBER_FIELDS
from selfreview.rating import form_of
from selfreview.services.dto import ProfileData
from selfreview.ui.i18n import arg, language, pick
from selfreview.ui.widgets import BIRTH_YEARS_AGO, OptionalDateEdit, ScaledLabel, hint_label


def proposed_form_text(category: str) -> str:
    """E.g. "Mẫu 02B-HD KĐ.ĐG 2025 (Cá nhân không giữ chức vụ lãnh đạo, quản lý)"."""
    from PySide6.QtCore import QCoreApplication
    info = registry.for_category(category)
    if info is None:
        letter = form_of(category)
        return arg(QCoreApplication.translate("ProfileForm", "Form %1 (not available in this version yet)"), letter)
    t = info.template
    code = pick(t.code) if t.code else t.id
    return f"{code} {pick(t.subtitle)}".strip()


class YesNo(QWidget):
    """Two radio buttons, Yes / No, in one group."""

    toggled = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.yes = QRadioButton(self.tr("Yes"), self)
        self.no = QRadioButton(self.tr("No"), self)
        self.yes.setObjectName(f"{name}_yes")
        self.no.setObjectName(f"{name}_no")
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        row.addWidget(self.yes)
        row.addSpacing(24)
        row.addWidget(self.no)
        row.addStretch(1)
        self.group.buttonToggled.connect(lambda _b, checked: checked and self.toggled.emit())

    def value(self) -> bool:
        return self.yes.isChecked()

    def set_value(self, value: bool) -> None:
        (self.yes if value else self.no).setChecked(True)


class ProfileForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self._fingerprint: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}

        def line(name: str, label: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(f"profile_{name}")
            edit.setMaxLength(MEMBER_FIELDS[name][0])  # the limits files and the import apply too
            edit.setPlaceholderText(placeholder)
            edit.textChanged.connect(self.changed)
            form.addRow(label, edit)
            self.edits[name] = edit
            return edit

        line("full_name", self.tr("Full &name *"))
        self.dob = OptionalDateEdit(None, None, self)
        self.dob.open_around(BIRTH_YEARS_AGO)  # the calendar opens around a plausible birth year
        self.dob.setObjectName("profile_date_of_birth")
        self.dob.setMaximumDate(QDate.currentDate())
        self.dob.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Date of &birth"), self.dob)
        line("party_post", self.tr("Party post"), self.tr("e.g. Party member, cell committee member"))
        line("government_post", self.tr("Government post"), self.tr("e.g. specialist, deputy head of division"))
        line("mass_org_post", self.tr("Mass-organisation post"), self.tr("e.g. trade union group leader"))
        line("work_unit", self.tr("Work unit"))
        line("cell_name", self.tr("Party cell"))
        line("superior_body", self.tr("Superior party body"))
        outer.addLayout(form)

        self.proposed_title = QLabel(self.tr("The form proposed for you:"), self)
        self.proposed = ScaledLabel("", 1.0, bold=True, parent=self)
        self.proposed.setObjectName("proposedForm")
        self.system = YesNo("system", self)
        self.leader = YesNo("leader", self)
        for widget, question, hint in (
                (self.system, self.tr("Do you work in the political system?"),
                 self.tr("Party, State, Fatherland Front and mass-organisation bodies. Retired members, "
                         "students and people working in private companies answer No.")),
                (self.leader, self.tr("Do you hold a leadership or management post?"),
                 self.tr("For example head or deputy head of a body, unit or division."))):
            label = QLabel(question, self)
            label.setWordWrap(True)
            outer.addWidget(label)
            outer.addWidget(hint_label(hint, self))
            outer.addWidget(widget)
            widget.toggled.connect(self._kind_changed)
        self.system.set_value(True)
        self.leader.set_value(False)
        outer.addSpacing(8)
        outer.addWidget(self.proposed_title)
        outer.addWidget(self.proposed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.leader.setEnabled(self.system.value())
        self.proposed.setText(proposed_form_text(self.data().category))
        self.changed.emit()

    def is_valid(self) -> bool:
        return bool(self.edits["full_name"].text().strip())

    def data(self) -> ProfileData:
        values = {name: edit.text() for name, edit in self.edits.items()}
        return ProfileData(**values, date_of_birth=self.dob.date_or_none(),
                           is_leader=self.leader.value() and self.system.value(),
                           in_political_system=self.system.value(), language=language(),
                           id=self._id, fingerprint=self._fingerprint)

    def set_data(self, data: ProfileData) -> None:
        self._id, self._fingerprint = data.id, data.fingerprint
        for name, edit in self.edits.items():
            edit.setText(getattr(data, name) or "")
        self.dob.set_date_or_none(data.date_of_birth)
        self.system.set_value(data.in_political_system)
        self.leader.set_value(data.is_leader)
        self._kind_changed()

    def focus_first(self) -> None:
        self.edits["full_name"].setFocus(Qt.FocusReason.OtherFocusReason)
