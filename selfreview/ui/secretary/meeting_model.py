"""The meeting's two tables as models: attendance (present, or absent with the reason) and the vote
on each member and on the collective (votes for each level, the rating the cell proposes after it,
opinions). Edits are not written here: the models emit what changed and the page saves it through
the meeting service, then gives the models the meeting it returns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from selfreview.messages import msg
from selfreview.services.meeting import Result, Votes
from selfreview.ui.i18n import language
from selfreview.ui.secretary.common import RATINGS, fill_rating_combo, rating_text, set_combo_data
from selfreview.ui.secretary.rollcall_model import two_lines
from selfreview.ui.table_model import RowsTableModel

EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class AttendanceModel(RowsTableModel):
    NAME, POST, PRESENT, REASON = range(4)
    edited = Signal(int, bool, str)  # member id, present, reason

    def headers(self) -> list[str]:
        return [self.tr("Member"), self.tr("Post"), self.tr("Present"), self.tr("Reason for absence")]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.column() == self.PRESENT:
            return PLAIN | Qt.ItemFlag.ItemIsUserCheckable
        return EDITABLE if index.column() == self.REASON else PLAIN

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == self.PRESENT:
            return Qt.CheckState.Checked if a.present else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.PRESENT:
                return (self.tr("present") if a.present else self.tr("absent") if a.present is False
                        else self.tr("not recorded"))
            return [a.name, a.post, None, a.reason][col]
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        a, col = self.rows[index.row()], index.column()
        if col == self.PRESENT and role == Qt.ItemDataRole.CheckStateRole:
            present = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.edited.emit(a.member_id, present, "" if present else a.reason)
            return True
        if col == self.REASON and role == Qt.ItemDataRole.EditRole:
            reason = str(value or "").strip()
            self.edited.emit(a.member_id, not reason and bool(a.present), reason)
            return True
        return False


class ResultsModel(QAbstractTableModel):
    """The collective first, then every member in meeting order."""

    NAME, COMMITTEE, V1, V2, V3, V4, FINAL, OPINIONS = range(8)
    VOTES = {V1: "htxsnv", V2: "httnv", V3: "htnv", V4: "khtnv"}
    edited = Signal(object, dict, object, str)  # member id (None: the collective), votes, final rating, opinions

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Result] = []

    def set_rows(self, results: tuple[Result, ...], collective_proposed: str | None = None) -> None:
        rows = list(results)
        if not any(r.member_id is None for r in rows):
            name = msg("meeting.collective").get(language())
            rows.insert(0, Result(None, name, "", "collective", collective_proposed, Votes(), None, "", False))
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section in self.VOTES:
                return rating_text(self.VOTES[section], short=True)
            return two_lines({self.NAME: self.tr("Member"), self.COMMITTEE: self.tr("Proposed before"),
                              self.FINAL: self.tr("Cell's rating after the vote"),
                              self.OPINIONS: self.tr("Opinions")}[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self.VOTES:
            return rating_text(self.VOTES[section]) + " — " + self.tr("votes")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return PLAIN if index.column() in (self.NAME, self.COMMITTEE) else EDITABLE

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if col in self.VOTES:
            if role == Qt.ItemDataRole.EditRole:
                return r.votes.get(self.VOTES[col])
            if role == Qt.ItemDataRole.DisplayRole:
                return str(r.votes.get(self.VOTES[col])) if r.recorded else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.EditRole:
            return {self.FINAL: r.final_rating, self.OPINIONS: r.opinions}.get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return [r.name, rating_text(r.committee_rating, short=True), None, None, None, None,
                    rating_text(r.final_rating, short=True), r.opinions][col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and r.post:
            return r.post
        if role == Qt.ItemDataRole.FontRole and r.member_id is None:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        r, col = self.rows[index.row()], index.column()
        votes, final, opinions = r.votes.as_dict(), r.final_rating, r.opinions
        if col in self.VOTES:
            try:
                votes[self.VOTES[col]] = max(0, int(value))
            except (TypeError, ValueError):
                return False
        elif col == self.FINAL:
            final = value if value in RATINGS else None
        elif col == self.OPINIONS:
            opinions = str(value or "")
        else:
            return False
        self.edited.emit(r.member_id, votes, final, opinions)
        return True

    def unanimous(self, row: int, present: int) -> bool:
        """Every one present voted for the proposal: the votes and the result in one step."""
        r = self.rows[row]
        rating = r.final_rating or r.committee_rating
        if rating is None or present <= 0:
            return False
        self.edited.emit(r.member_id, {rating: present}, rating, r.opinions)
        return True


class RatingDelegate(QStyledItemDelegate):
    """The rating column edited with a drop-down of the four levels."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("ratingEditor")
        fill_rating_combo(combo, "—", short=True)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        set_combo_data(editor, index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
