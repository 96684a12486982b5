"""The roster of the round's cell: a table of members, add and edit one (name, date of birth, posts,
category, meeting order), take one off, and import a roster file (XLSX or CSV) with a report of the
rows it could not read."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit,
    QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget,
)

from selfreview.services.cells import CATEGORIES, MemberData
from selfreview.ui.i18n import arg
from selfreview.ui.labels import date_text
from selfreview.ui.names import PeopleProxy, name_header
from selfreview.ui.table_fit import ColumnFit, CompactHeader
from selfreview.ui.operations import HAND_INS, ROSTER, Change, Operations
from selfreview.ui.secretary.common import category_text, set_combo_data
from selfreview.ui.secretary.roster_report import RosterReportDialog
from selfreview.ui.widgets import BIRTH_YEARS_AGO, OptionalDateEdit, ScaledLabel
from selfreview.ui.table_model import RowsTableModel

MEMBER_ROLE = Qt.ItemDataRole.UserRole


class RosterModel(RowsTableModel):
    NAME, BIRTH, POSTS, CATEGORY, ORDER, KEY = range(6)

    def headers(self) -> list[str]:
        return [name_header(self.tr("Full name")), self.tr("Date of birth"), self.tr("Posts"), self.tr("Category"),
                self.tr("Meeting order"), self.tr("Key code")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        if role == MEMBER_ROLE:
            return m
        if role == Qt.ItemDataRole.DisplayRole:
            posts = "; ".join(p for p in (m.party_post, m.government_post, m.mass_org_post) if p)
            return [m.full_name, date_text(m.date_of_birth), posts, category_text(m.category).split(" · ")[0],
                    str(m.meeting_order), self._key_text(m)][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.KEY and not m.fingerprint:
            return self.tr("No file received yet: the key is pinned with the first one")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.KEY and not m.key_confirmed:
            return self.tr("This key came with the member's first file and is not confirmed yet: call the "
                           "member and compare the key code by voice, then confirm it on import")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CATEGORY:
            return category_text(m.category)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.NAME, self.POSTS, self.KEY):
            return self.data(index, Qt.ItemDataRole.DisplayRole)  # whole, where the column elides it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (self.CATEGORY, self.ORDER):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _key_text(self, m: MemberData) -> str:
        """The key code, marked unconfirmed until the secretary has confirmed it (issue 14)."""
        if not m.fingerprint:
            return ""
        return m.fingerprint if m.key_confirmed else arg(self.tr("%1 (unconfirmed)"), m.fingerprint)


def _search_fields(m: MemberData) -> tuple[str, ...]:
    return (m.full_name, m.party_post, m.government_post, m.mass_org_post, m.fingerprint or "")


def _sort_value(m: MemberData, col: int) -> Any:
    if col == RosterModel.BIRTH:
        return m.date_of_birth.isoformat() if m.date_of_birth else ""
    if col == RosterModel.ORDER:
        return (m.category != "leader", m.meeting_order)
    return None


class MemberDialog(QDialog):
    """Add or edit one member."""

    def __init__(self, member: MemberData | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Edit a member") if member else self.tr("Add a member"))
        self.member = member
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("memberName")
        self.name.setMaxLength(200)
        self.birth = OptionalDateEdit(date(1920, 1, 1), date.today(), self)
        self.birth.open_around(BIRTH_YEARS_AGO)  # the calendar opens around a plausible birth year
        self.birth.setObjectName("memberBirth")
        self.party = QLineEdit(self)
        self.government = QLineEdit(self)
        self.mass = QLineEdit(self)
        self.category = QComboBox(self)
        self.category.setObjectName("memberCategory")
        for cat in CATEGORIES:
            self.category.addItem(category_text(cat), cat)
        self.order = QSpinBox(self)
        self.order.setRange(1, 9999)
        self.order.setToolTip(self.tr("Smaller numbers are reviewed first; leaders always come first"))
        for label, widget in ((self.tr("&Full name"), self.name), (self.tr("&Date of birth"), self.birth),
                              (self.tr("&Party post"), self.party), (self.tr("&Government post"), self.government),
                              (self.tr("&Mass-organisation post"), self.mass),
                              (self.tr("&Category (form)"), self.category),
                              (self.tr("Meeting &order"), self.order)):
            form.addRow(label, widget)
            form.labelForField(widget).setBuddy(widget)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        m = member or MemberData("", "non_leader")
        self.name.setText(m.full_name)
        self.birth.set_date_or_none(m.date_of_birth)
        self.party.setText(m.party_post)
        self.government.setText(m.government_post)
        self.mass.setText(m.mass_org_post)
        set_combo_data(self.category, m.category)
        self.order.setValue(m.meeting_order if m.meeting_order else 1000)
        self.name.textChanged.connect(self._valid)
        self._valid()
        self.setMinimumWidth(520)

    def _valid(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def data(self) -> MemberData:
        base = self.member or MemberData("")
        return MemberData(self.name.text(), self.category.currentData(), self.birth.date_or_none(),
                          self.party.text(), self.government.text(), self.mass.text(), self.order.value(),
                          base.id, base.cell_id, base.fingerprint)


class RosterPanel(QWidget):
    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self.ctx, self.runner, self.dialogs = ctx, runner, dialogs
        self.ops = Operations(runner, dialogs, self)
        self.ops.changes.changed.connect(self._changed)
        self.cell_id: int | None = None
        self.dialog: MemberDialog | None = None
        self.report: RosterReportDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = ScaledLabel(self.tr("Roster"), 1.15, bold=True, parent=self)
        layout.addWidget(self.title)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchRoster")
        self.search.setPlaceholderText(self.tr("Find by name or post"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = RosterModel(self)
        self.proxy = PeopleProxy(lambda m: m.full_name, _search_fields, RosterModel.NAME, _sort_value, self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table = QTableView(self)
        self.table.setObjectName("roster")
        self.table.setHorizontalHeader(CompactHeader(Qt.Orientation.Horizontal, self.table))  # before sorting
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RosterModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Roster"))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        # no sideways scrolling: a long name, then the key code give way (elided, whole in the
        # tooltip); the posts take what is left (ui/table_fit.py)
        self.column_fit = ColumnFit(self.table, fill=RosterModel.POSTS,
                                    shrink=((RosterModel.NAME, 140), (RosterModel.KEY, 90)))
        self.table.activated.connect(lambda _i: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a member…"), self)
        self.add_button.setObjectName("addMember")
        self.add_button.clicked.connect(self.add_member)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("editMember")
        self.edit_button.clicked.connect(self.edit_member)
        self.remove_button = QPushButton(self.tr("Re&move…"), self)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.clicked.connect(self.remove_member)
        self.import_button = QPushButton(self.tr("Import a ro&ster file…"), self)
        self.import_button.setObjectName("importRoster")
        self.import_button.setToolTip(self.tr("An Excel (.xlsx) or CSV file with the columns: full name, date of "
                                              "birth, posts, category (2A, 2B or 2C)"))
        self.import_button.clicked.connect(self.choose_roster_file)
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.set_cell(None)

    def set_cell(self, cell_id: int | None) -> None:
        self.cell_id = cell_id
        self.refresh()

    def refresh(self) -> None:
        members = self.ctx.cells.members(self.cell_id) if self.cell_id is not None else []
        self.model.set_rows(members)
        self.title.setText(arg(self.tr("Roster (%1 members)"), len(members)) if self.cell_id else self.tr("Roster"))
        for b in (self.add_button, self.import_button):
            b.setEnabled(self.cell_id is not None)
        self._update_buttons()

    def selected(self) -> MemberData | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(MEMBER_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _changed(self, change: Change) -> None:
        if change.touches(ROSTER, HAND_INS):  # an import may add members (new keys, look-alikes)
            self.refresh()

    # -- one member ----------------------------------------------------------------------------------
    def add_member(self) -> MemberDialog | None:
        if self.cell_id is None:
            return None
        self.dialog = MemberDialog(None, self)
        self.dialog.accepted.connect(lambda: self.ops.write(self.ctx.cells.add_member, self.cell_id,
                                                            self.dialog.data()).changes(ROSTER).run())
        self.dialog.open()
        return self.dialog

    def edit_member(self) -> MemberDialog | None:
        member = self.selected()
        if member is None:
            return None
        self.dialog = MemberDialog(member, self)
        self.dialog.accepted.connect(lambda: self.ops.write(self.ctx.roster.update_member, member.id,
                                                            self.dialog.data()).changes(ROSTER).run())
        self.dialog.open()
        return self.dialog

    def remove_member(self) -> None:
        member = self.selected()
        if member is None:
            return
        if self.dialogs.confirm(self, self.tr("Remove a member"),
                                arg(self.tr("Take %1 off the roster?"), member.full_name), self.tr("Remove"),
                                self.tr("A member whose review is already in the data cannot be removed.")):
            self.ops.write(self.ctx.roster.remove_member, member.id).changes(ROSTER).run()

    # -- a roster file ---------------------------------------------------------------------------------
    def choose_roster_file(self) -> None:
        path = self.dialogs.open_file(self, self.tr("Import a roster"),
                                      self.tr("Roster files (*.xlsx *.csv);;All files (*)"))
        if path:
            self.import_roster(path)

    def import_roster(self, path: str) -> Any:
        if self.cell_id is None:
            return None
        cell_id = self.cell_id
        # one transaction, on the one database writer (ui/tasks.py)
        return (self.ops.job(lambda _progress: self.runner.write(self.ctx.roster.import_roster, cell_id, path))
                .with_progress(self.tr("Importing a roster"), self.tr("Reading the roster file…"), cancellable=False)
                .changes(ROSTER).success(self._imported).run())

    def _imported(self, report: Any) -> None:
        self.report = RosterReportDialog(report, self)
        self.report.show()
