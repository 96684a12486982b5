"""The review meeting: date and time, place, chair, recorder, what it was about, conclusions; who
was there (absent with the reason); the vote on the collective and on each member with the rating
the cell proposes after it; what is still missing; and the minutes (biên bản) as a PDF."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateTimeEdit, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import arg, pick
from selfreview.ui.names import find_people_in
from selfreview.ui.operations import MEETING, Operations
from selfreview.ui.secretary.meeting_model import AttendanceModel, RatingDelegate, ResultsModel
from selfreview.ui.widgets import PlainTextEdit, ScaledLabel


def _qdt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def _py(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _table(parent: QWidget, name: str, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MeetingPage(QWidget):
    def __init__(self, ctx: Any, runner: Any, dialogs: Any, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingPage")
        self.ctx, self.runner, self.dialogs, self.workspace = ctx, runner, dialogs, workspace
        self.ops = Operations(runner, dialogs, self)
        self.round_id: int | None = None
        self.meeting: Any = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("meetingSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._details())
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.setChildrenCollapsible(False)
        right.addWidget(self._attendance())
        right.addWidget(self._results())
        splitter.setSizes([440, 820])
        layout.addWidget(splitter)

    # -- building -------------------------------------------------------------------------------------
    def _details(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(380)
        holder = QWidget()
        v = QVBoxLayout(holder)
        v.addWidget(ScaledLabel(self.tr("The review meeting"), 1.3, bold=True, parent=holder))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.starts = QDateTimeEdit(holder)
        self.starts.setObjectName("meetingStarts")
        self.ends = QDateTimeEdit(holder)
        self.ends.setObjectName("meetingEnds")
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            edit.setCalendarPopup(True)
        self.place = QLineEdit(holder)
        self.place.setObjectName("meetingPlace")
        self.chair = QComboBox(holder)
        self.chair.setObjectName("meetingChair")
        self.recorder = QComboBox(holder)
        self.recorder.setObjectName("meetingRecorder")
        for combo in (self.chair, self.recorder):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            find_people_in(combo)  # "duc" offers "Đức", as the roll-call finds people
        self.content = PlainTextEdit(holder, max_length=50000, min_lines=3, max_lines=8)
        self.content.setObjectName("meetingContent")
        self.conclusions = PlainTextEdit(holder, max_length=50000, min_lines=3, max_lines=10)
        self.conclusions.setObjectName("meetingConclusions")
        for edit in (self.content, self.conclusions):
            edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for label, widget in ((self.tr("&Starts"), self.starts), (self.tr("&Ends"), self.ends),
                              (self.tr("Pl&ace"), self.place), (self.tr("&Chair"), self.chair),
                              (self.tr("Recor&der"), self.recorder), (self.tr("Con&tent"), self.content),
                              (self.tr("Conc&lusions"), self.conclusions)):
            form.addRow(label, widget)
            form.labelForField(widget).setBuddy(widget)
        v.addLayout(form)
        self.save_button = QPushButton(self.tr("Save the meetin&g details"), holder)
        self.save_button.setObjectName("saveMeeting")
        self.save_button.clicked.connect(self.save_details)
        v.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.problem_box = QFrame(holder)
        self.problem_box.setObjectName("warnings")
        pl = QVBoxLayout(self.problem_box)
        pl.addWidget(ScaledLabel(self.tr("Still to do before the minutes"), 1.0, bold=True, parent=self.problem_box))
        self.problems = QLabel(self.problem_box)
        self.problems.setObjectName("meetingProblems")
        self.problems.setWordWrap(True)
        pl.addWidget(self.problems)
        v.addWidget(self.problem_box)
        self.minutes_button = QPushButton(self.tr("Save the &minutes (PDF)…"), holder)
        self.minutes_button.setObjectName("minutesButton")
        self.minutes_button.clicked.connect(lambda: self.round_id and self.workspace.exporter.minutes(self.round_id))
        v.addWidget(self.minutes_button, 0, Qt.AlignmentFlag.AlignRight)
        v.addStretch(1)
        scroll.setWidget(holder)
        return scroll

    def _attendance(self) -> QWidget:
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.attendance_title = ScaledLabel(self.tr("Attendance"), 1.1, bold=True, parent=box)
        self.attendance_title.setObjectName("attendanceTitle")
        self.all_present = QPushButton(self.tr("Everyone &present"), box)
        self.all_present.setObjectName("allPresent")
        self.all_present.setToolTip(self.tr("Marks everyone present except those already marked absent"))
        self.all_present.clicked.connect(self.mark_all_present)
        top.addWidget(self.attendance_title, 1)
        top.addWidget(self.all_present)
        v.addLayout(top)
        self.attendance_model = AttendanceModel(self)
        self.attendance_model.edited.connect(self._attendance_edited)
        self.attendance = _table(box, "attendance", self.attendance_model)
        header = self.attendance.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AttendanceModel.POST, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AttendanceModel.REASON, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AttendanceModel.REASON, 220)
        self.attendance.setTextElideMode(Qt.TextElideMode.ElideRight)
        v.addWidget(self.attendance, 1)
        hint = QLabel(self.tr("Untick \"Present\" for an absent member and type the reason."), box)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        v.addWidget(hint)
        return box

    def _results(self) -> QWidget:
        box = QWidget(self)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(ScaledLabel(self.tr("Votes on the proposed ratings"), 1.1, bold=True, parent=box), 1)
        self.agreed = QPushButton(self.tr("&Unanimous"), box)
        self.agreed.setObjectName("unanimous")
        self.agreed.setToolTip(self.tr("Every member present voted for the proposal of the selected line"))
        self.agreed.clicked.connect(self.unanimous)
        top.addWidget(self.agreed)
        v.addLayout(top)
        self.results_model = ResultsModel(self)
        self.results_model.edited.connect(self._result_edited)
        self.results = _table(box, "results", self.results_model)
        self.results.setItemDelegateForColumn(ResultsModel.FINAL, RatingDelegate(self.results))
        self.results.horizontalHeader().setMinimumSectionSize(60)
        v.addWidget(self.results, 1)
        hint = QLabel(self.tr("Double-click a cell to type the votes for each level, choose the cell's rating "
                              "after the vote, and note the opinions."), box)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        v.addWidget(hint)
        return box

    # -- data -----------------------------------------------------------------------------------------
    def set_round(self, round_id: int | None) -> None:
        """The meeting is opened (made, the first time) only when this page is shown."""
        self.round_id = round_id
        self.meeting = None
        if self.isVisible() or round_id is None:
            self.refresh()

    def refresh(self) -> None:
        enabled = self.round_id is not None
        for w in (self.save_button, self.minutes_button, self.all_present, self.agreed):
            w.setEnabled(enabled)
        if not enabled:
            self.attendance_model.set_rows(())
            self.results_model.set_rows(())
            return
        self.ops.write(self.ctx.meetings.open, self.round_id).success(lambda m: self.show_meeting(m, True)).run()

    def show_meeting(self, m: Any, details: bool = False) -> None:
        if self.round_id is None or m.round_id != self.round_id:
            return
        self.meeting = m
        if details:
            start = m.starts_at or datetime.now().replace(hour=14, minute=0, second=0, microsecond=0)
            self.starts.setDateTime(_qdt(start))
            self.ends.setDateTime(_qdt(m.ends_at or start + timedelta(hours=3)))
            self.place.setText(m.place)
            names = [a.name for a in m.attendance]
            for combo, value in ((self.chair, m.chair), (self.recorder, m.recorder)):
                combo.clear()
                combo.addItems(names)
                combo.setEditText(value)
            self.content.setPlainText(m.content)
            self.conclusions.setPlainText(m.conclusions)
        self.attendance_title.setText(arg(self.tr("Attendance: %1 of %2 present"), m.present, m.total_members))
        self.attendance_model.set_rows(m.attendance)
        keep = self.results.currentIndex()
        summary = self.ctx.collective.summary(self.round_id)
        self.results_model.set_rows(m.results, summary.proposed if summary else None)
        if keep.isValid():
            self.results.setCurrentIndex(self.results_model.index(keep.row(), keep.column()))
        self.problems.setText("\n".join("• " + pick(p) for p in m.problems))
        self.problem_box.setVisible(bool(m.problems))

    # -- saving ---------------------------------------------------------------------------------------
    def save_details(self) -> None:
        if self.round_id is None:
            return
        self.ops.write(self.ctx.meetings.update, self.round_id, starts_at=_py(self.starts.dateTime()),
                       ends_at=_py(self.ends.dateTime()), place=self.place.text(),
                       chair=self.chair.currentText(), recorder=self.recorder.currentText(),
                       content=self.content.text(), conclusions=self.conclusions.text(),
                       ).changes(MEETING).success(lambda m: self.show_meeting(m, True)).run()

    def mark_all_present(self) -> None:
        if self.round_id is not None:
            self.ops.write(self.ctx.meetings.mark_all_present, self.round_id).changes(MEETING).success(
                self.show_meeting).run()

    def _attendance_edited(self, member_id: int, present: bool, reason: str) -> None:
        self.ops.write(self.ctx.meetings.set_attendance, self.round_id, member_id, present,
                       reason).changes(MEETING).success(self.show_meeting).run()

    def _result_edited(self, member_id: Any, votes: dict, final: Any, opinions: str) -> None:
        self.ops.write(self.ctx.meetings.record_result, self.round_id, member_id, votes, final,
                       opinions).changes(MEETING).success(self.show_meeting).run()

    def unanimous(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() or self.meeting is None:
            return
        if not self.results_model.unanimous(index.row(), self.meeting.present):
            self.dialogs.info(self, self.tr("Votes"), self.tr("Mark who is present and make sure the line has "
                                                              "a proposed rating first."))
