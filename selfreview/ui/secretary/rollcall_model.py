"""The roll-call as a table model: one row per member, the same columns and values as the XLSX/CSV
table (``selfreview.services.rollcall_table``), with sort keys, colours for who is missing, and a
filter proxy (status and text) that works like ``RollCall.filtered``. Tested without widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from selfreview.rating import Rating
from selfreview.services.rollcall import KEY_MISMATCH, LATE, NOT_SUBMITTED, STATUSES, RollCall, RollCallRow
from selfreview.services.rollcall_table import COLUMNS, row_values, text_of
from selfreview.ui.i18n import arg, language
from selfreview.ui.names import name_header, name_sort_key, text_matches

ROW_ROLE = Qt.ItemDataRole.UserRole  # the RollCallRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the typed value as written to XLSX

NO, NAME, POST, CATEGORY, STATUS, SUBMITTED_AT, SCORE, SELF_RATING, CELL_RATING, DECIDED_RATING = range(len(COLUMNS))
# statuses in the order a secretary looks at them: what needs action first
STATUS_ORDER = {NOT_SUBMITTED: 0, KEY_MISMATCH: 1, LATE: 2, "updated": 3, "submitted": 4}
MISSING_BG = QColor("#fdecea")
MISMATCH_BG = QColor("#fff4e0")
MISSING_FG = QColor("#b00020")


def two_lines(title: str, longer_than: int = 8) -> str:
    """A long column title on two lines (near its middle space), so the columns stay narrow; the
    table file keeps it on one. A short last word stays with the rest ("Họ và tên")."""
    spaces = [i for i, c in enumerate(title) if c == " " and i >= 3 and len(title) - i - 1 >= 4]
    if len(title) <= longer_than or not spaces:
        return title
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return title[:cut] + "\n" + title[cut + 1:]


def _rating_rank(value: str | None) -> int:
    try:
        return Rating(value).rank if value else 9
    except ValueError:
        return 8


class RollCallModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rollcall: RollCall | None = None
        self.rows: list[RollCallRow] = []
        self.values: list[list[Any]] = []
        self.name_rank: dict[int, int] = {}
        self.lang = language()

    def set_rollcall(self, rollcall: RollCall | None) -> None:
        """The same members as before: their lines change in place (the selection and the view stay,
        and it is safe while a selection change is being handled); other members: a reset."""
        rows = list(rollcall.rows) if rollcall else []
        same = bool(rows) and [r.member_id for r in rows] == [r.member_id for r in self.rows]
        if not same:
            self.beginResetModel()
        self.lang = language()
        self.rollcall = rollcall
        self.rows = rows
        self.values = [row_values(n, r, self.lang) for n, r in enumerate(self.rows, start=1)]
        ordered = sorted(self.rows, key=lambda r: name_sort_key(r.name))
        self.name_rank = {r.member_id: i for i, r in enumerate(ordered)}
        if same:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
        else:
            self.endResetModel()

    def row_of(self, member_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.member_id == member_id), -1)

    # -- the model --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == NAME:  # the order a click on it sorts in
                return name_header(COLUMNS[section].get(self.lang), "\n")
            return two_lines(COLUMNS[section].get(self.lang))
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].get(self.lang)
        return None

    def text(self, row: int, col: int) -> str:
        """What the cell shows (the same text the CSV holds)."""
        return text_of(self.values[row][col], self.lang)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i, col = index.row(), index.column()
        r = self.rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(i, col)
        if role == ROW_ROLE:
            return r
        if role == VALUE_ROLE:
            return self.values[i][col]
        if role == SORT_ROLE:
            return self._sort_key(i, r, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.status == NOT_SUBMITTED:
                return QBrush(MISSING_BG)
            if r.status == KEY_MISMATCH:
                return QBrush(MISMATCH_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS and r.status == NOT_SUBMITTED:
            return QBrush(MISSING_FG)
        if role == Qt.ItemDataRole.FontRole and col == STATUS and r.status in (NOT_SUBMITTED, KEY_MISMATCH):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (NO, CATEGORY, SCORE, SELF_RATING, CELL_RATING,
                                                                 DECIDED_RATING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _sort_key(self, i: int, r: RollCallRow, col: int) -> Any:
        if col == NO:
            return i
        if col == NAME:
            return self.name_rank.get(r.member_id, i)
        if col == STATUS:
            return STATUS_ORDER.get(r.status, 9) * 10000 + i
        if col == SUBMITTED_AT:
            return r.submitted_at.isoformat() if r.submitted_at else ""
        if col == SCORE:
            return float(r.total) if r.total is not None else -1.0
        if col == SELF_RATING:
            return _rating_rank(r.self_rating)
        if col == CELL_RATING:
            return _rating_rank(r.cell_rating)
        if col == DECIDED_RATING:
            return _rating_rank(r.decided_rating)
        return self.text(i, col)

    def _tooltip(self, r: RollCallRow, col: int) -> str | None:
        lines = []
        if col == STATUS:
            lines.append(r.status_label(self.lang))
            if r.entered_by_secretary:
                lines.append(self.tr("Entered from paper by the secretary"))
            if r.key_mismatch_fingerprint:
                lines.append(arg(self.tr("Key code in the refused file: %1"), r.key_mismatch_fingerprint))
            if r.review_status == "draft":
                lines.append(self.tr("A draft is being typed in; it counts once finalized"))
        if col == NAME:
            lines.append(r.name)  # whole, when a narrow window elides it
        if col in (NAME, POST) and r.post:
            lines.append(r.post)
        return "\n".join(lines) or None


class RollCallFilter(QSortFilterProxyModel):
    """Rows with one of the chosen statuses whose name or post contains the text (as
    ``RollCall.filtered``: any case; "duc" finds "Đức", :func:`selfreview.text.text_matches`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.statuses: set[str] = set()
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def set_statuses(self, statuses: set[str] | None) -> None:
        unknown = set(statuses or ()) - set(STATUSES)
        if unknown:
            raise ValueError(f"unknown status {sorted(unknown)}")
        self.beginFilterChange()
        self.statuses = set(statuses or ())
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,  # noqa: N802
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RollCallModel) or source_row >= len(model.rows):
            return True
        r = model.rows[source_row]
        if self.statuses and r.status not in self.statuses:
            return False
        return text_matches(self.needle, r.name, r.post)

    def visible_rows(self) -> list[RollCallRow]:
        """The rows shown, in the order shown."""
        return [self.data(self.index(i, 0), ROW_ROLE) for i in range(self.rowCount())]
