"""The roll-call: every member with their status, time handed in, score and the two proposed ratings;
sort, filter, "24/30 đã nộp" with the missing named; files and folders dropped on the table are
imported with a receipt each; the committee's assessment of the chosen member beside it; the quota
banner below, live while a rating is chosen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QSplitter, QVBoxLayout, QWidget,
)

from selfreview.services.rollcall import KEY_MISMATCH, LATE, NOT_SUBMITTED, STATUSES, SUBMITTED
from selfreview.messages import msg
from selfreview.ui.i18n import arg, language
from selfreview.ui.operations import ASSESSMENTS, DECISIONS, HAND_INS, REVIEWS, ROSTER, Change, changes_of
from selfreview.ui.secretary.assessment_panel import AssessmentPanel
from selfreview.ui.secretary.common import QuotaBanner
from selfreview.ui.secretary.drop_import import DropTableView, ImportController, local_paths
from selfreview.ui.secretary.rollcall_model import (
    DECIDED_RATING, NAME, POST, ROW_ROLE, STATUS, RollCallFilter, RollCallModel,
)
from selfreview.ui.table_fit import ColumnFit, CompactHeader
from selfreview.ui.widgets import ScaledLabel

MISSING_NAMES_SHOWN = 8
NAME_FLOOR_CHARS = 22  # a long name is elided only below this (its tooltip has it whole)
CELL_PADDING = 12  # px around a cell's text (the item delegate's margins and the grid line)


class RollCallPage(QWidget):
    read_review = Signal(object)  # RollCallRow
    enter_review = Signal(object)  # RollCallRow

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, key: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollCallPage")
        self.ctx, self.runner, self.dialogs = ctx, runner, dialogs
        self.round_id: int | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        self.count = ScaledLabel("", 1.5, bold=True, parent=self, wrap=False)
        self.count.setObjectName("countLabel")
        self.missing = QLabel(self)
        self.missing.setObjectName("missingLabel")
        self.missing.setWordWrap(True)
        self.missing_button = QPushButton(self.tr("Show who is &missing"), self)
        self.missing_button.setObjectName("showMissing")
        self.missing_button.clicked.connect(lambda: self.status_filter.setCurrentIndex(
            self.status_filter.findData(NOT_SUBMITTED)))
        top.addWidget(self.count)
        top.addSpacing(12)
        top.addWidget(self.missing, 1)
        top.addWidget(self.missing_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Every status"), None)
        for status in STATUSES:
            self.status_filter.addItem(msg(f"rollcall.{status}").get(language()), status)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchMembers")
        self.search.setPlaceholderText(self.tr("Find by name or post"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_text(text))
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status_filter)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("rollCallSplitter")
        self.splitter.setChildrenCollapsible(False)
        left = QWidget(self.splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.model = RollCallModel(self)
        self.proxy = RollCallFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = DropTableView(left)
        self.table.setObjectName("rollCall")
        self.table.setHorizontalHeader(CompactHeader(Qt.Orientation.Horizontal, self.table))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Roll-call"))
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        # no sideways scrolling at 1280 px with long names: every column as wide as its title or its
        # widest value; short of room, the rare long statuses, then long names, then any status give
        # way (elided, whole in the tooltip); the post takes what is left (ui/table_fit.py)
        self.column_fit = ColumnFit(self.table, fill=POST,
                                    shrink=((STATUS, self.everyday_status_width), (NAME, self.name_floor),
                                            (STATUS, 0)))
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)  # one line a row: a long value loses its end, not whole words
        self.table.paths_dropped.connect(self.import_paths)
        self.table.activated.connect(lambda _i: self._activate())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        lv.addWidget(self.table, 1)
        hint = QFrame(left)
        hint.setObjectName("dropHint")
        hl = QHBoxLayout(hint)
        hl.setContentsMargins(8, 4, 8, 4)
        drop = QLabel(self.tr("Drag members' files (.selfreview) or whole folders onto the table to import them."),
                      hint)
        drop.setObjectName("muted")
        drop.setWordWrap(True)
        hl.addWidget(drop, 1)
        lv.addWidget(hint)
        buttons = QHBoxLayout()
        self.read_button = QPushButton(self.tr("Re&ad the review"), left)
        self.read_button.setObjectName("readReview")
        self.read_button.clicked.connect(lambda: self._emit(self.read_review))
        self.enter_button = QPushButton(self.tr("E&nter from paper…"), left)
        self.enter_button.setObjectName("enterOnBehalf")
        self.enter_button.setToolTip(self.tr("Type in a review handed in on paper; it is marked as entered by "
                                             "the secretary"))
        self.enter_button.clicked.connect(lambda: self._emit(self.enter_review))
        self.key_button = QPushButton(self.tr("Confirm the new &key…"), left)
        self.key_button.setObjectName("confirmKey")
        self.key_button.clicked.connect(self.confirm_key)
        self.files_button = QPushButton(self.tr("&Import files…"), left)
        self.files_button.setObjectName("importFiles")
        self.files_button.clicked.connect(self.choose_files)
        self.receipts_button = QPushButton(self.tr("Recei&pts…"), left)
        self.receipts_button.setObjectName("showReceipts")
        self.receipts_button.clicked.connect(lambda: self.importer.show_all_receipts())
        for b in (self.read_button, self.enter_button, self.key_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.receipts_button)
        lv.addLayout(buttons)
        self.panel = AssessmentPanel(ctx, runner, dialogs, show_quota=False)  # the banner below shows it
        self.panel.previewed.connect(lambda q, preview: self.quota.show_quota(q, preview))
        side = QScrollArea(self.splitter)
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(self.panel)
        side.setMinimumWidth(240)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([1090, 260])
        layout.addWidget(self.splitter, 1)
        self.quota = QuotaBanner(self)
        layout.addWidget(self.quota)
        self.importer = ImportController(ctx, runner, dialogs, self, key)
        # the roll-call shows who is on the roster, what they handed in and the proposed ratings:
        # it follows changes made anywhere (the set-up page, an import, the assessment panels)
        changes_of(runner).changed.connect(self._changed)
        self._update_buttons()

    def everyday_status_width(self) -> int:
        """Room for "not submitted", "submitted" and "late" in bold, as the table shows them."""
        font = QFont(self.table.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        return CELL_PADDING + max(metrics.horizontalAdvance(msg(f"rollcall.{s}").get(language()))
                                  for s in (NOT_SUBMITTED, SUBMITTED, LATE))

    def name_floor(self) -> int:
        """The narrowest the name column becomes to make room (``NAME_FLOOR_CHARS`` average letters)."""
        return NAME_FLOOR_CHARS * self.table.fontMetrics().averageCharWidth()

    # -- data ---------------------------------------------------------------------------------------
    def set_round(self, round_id: int | None) -> None:
        self.round_id = round_id
        self.importer.round_id = round_id
        self.refresh()

    def _changed(self, change: Change) -> None:
        if change.touches(ROSTER, HAND_INS, ASSESSMENTS, DECISIONS, REVIEWS):  # REVIEWS: one typed in on behalf
            self.refresh()

    def refresh(self) -> None:
        keep = self.current_row()
        rc = self.ctx.rollcall.roll_call(self.round_id) if self.round_id is not None else None
        self.model.set_rollcall(rc)
        self.rollcall = rc
        # the committee's decided rating: a column only once a decision file was imported
        self.table.setColumnHidden(DECIDED_RATING, not (rc and any(r.decided_rating for r in rc.rows)))
        if rc is None:
            self.count.setText("")
            self.missing.setText("")
            self.quota.hide()
            self.panel.set_member(None, None)
            self._update_buttons()
            return
        self.count.setText(rc.label(language()))
        missing = rc.missing
        if missing:
            names = ", ".join(r.name for r in missing[:MISSING_NAMES_SHOWN])
            more = len(missing) - MISSING_NAMES_SHOWN
            text = arg(self.tr("Not handed in (%1): %2"), len(missing), names)
            if more > 0:
                text += " " + arg(self.tr("and %1 more"), more)
            self.missing.setText(text)
        else:
            self.missing.setText(self.tr("Everyone has handed in.") if rc.total else
                                 self.tr("The roster is empty: add members on the set-up page, or import files."))
        self.missing_button.setVisible(bool(missing))
        self.missing.setProperty("good", bool(rc.total) and not missing)  # good news is not shown in red
        self.missing.style().unpolish(self.missing)
        self.missing.style().polish(self.missing)
        self.quota.show_quota(self.ctx.assessments.quota(self.round_id))
        if keep is not None:
            self.select_member(keep.member_id)
        else:
            self._selected()

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(ROW_ROLE) if index.isValid() else None

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            self._selected()
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self._selected()
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._selected()
        return True

    def _filter_status(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_statuses({status} if status else None)

    def _selected(self) -> None:
        row = self.current_row()
        if row is None or self.panel.row is None or row.member_id != self.panel.row.member_id:
            self.panel.set_member(self.round_id, row)
        elif row is not None:  # the same member, refreshed data (e.g. a new score)
            self.panel.row = row
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.read_button.setEnabled(row is not None and row.has_submission and row.review_id is not None)
        self.enter_button.setEnabled(row is not None and not row.has_submission)
        self.key_button.setEnabled(row is not None and row.status == KEY_MISMATCH)
        self.key_button.setVisible(any(r.status == KEY_MISMATCH for r in self.model.rows))
        for b in (self.files_button, self.receipts_button):
            b.setEnabled(self.round_id is not None)

    def _emit(self, signal: Any) -> None:
        row = self.current_row()
        if row is not None:
            signal.emit(row)

    def _activate(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.has_submission and row.review_id is not None:
            self.read_review.emit(row)
        elif row.review_status == "draft":
            self.enter_review.emit(row)

    # -- files in -------------------------------------------------------------------------------------
    def import_paths(self, paths: list[str]) -> Any:
        if self.round_id is None:
            return None
        return self.importer.import_paths(paths)

    def choose_files(self) -> None:
        paths = self.dialogs.open_files(self, self.tr("Import members' files"),
                                        self.tr("Self-review files (*.selfreview);;All files (*)"))
        if paths:
            self.import_paths(paths)

    def confirm_key(self) -> Any:
        row = self.current_row()
        return self.importer.confirm_new_key(row) if row is not None else None

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - the whole page takes a drop too
        if self.round_id is not None and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = local_paths(event.mimeData())
        if paths and self.round_id is not None:
            event.acceptProposedAction()
            self.import_paths(paths)
        else:
            event.ignore()
