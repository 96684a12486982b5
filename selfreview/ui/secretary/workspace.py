"""The cell secretary's workspace: the round in hand (chosen at the top), and five pages: set-up
(cell, round, roster, invitation), roll-call (with the committee's assessment), the collective's
report, the meeting, and the documents. A member's review opens in place of the pages, read-only or
(typed in from paper) in the filling screen; "← Roll-call" comes back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import arg
from selfreview.ui.secretary.collective_page import CollectivePage
from selfreview.ui.operations import HAND_INS, ROUNDS, Change, Operations
from selfreview.ui.secretary.common import STYLE_SHEET, SecretaryKey, open_in_viewer
from selfreview.ui.secretary.meeting_page import MeetingPage
from selfreview.ui.secretary.outputs import Exporter, OutputsPage
from selfreview.ui.secretary.review_view import ReviewReader, WorkspaceEditor
from selfreview.ui.secretary.rollcall_page import RollCallPage
from selfreview.ui.secretary.setup_page import SetupPage
from selfreview.ui.widgets import ScaledLabel

ROUND_KEY = "secretary/round"
ROUND_CELL_CHARS = 48  # the cell's name in the round chooser: longer ones are elided (whole in the tooltip)


def install_style() -> None:
    """Add the workspace's few rules to the application's style sheet (once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and "QFrame#quotaBanner" not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + STYLE_SHEET)


def ensure_secretary(ctx: Any, dialogs: Any, parent: QWidget | None, profile: Any, runner: Any = None) -> bool:
    """This data directory needs one secretary profile (whose key the members encrypt to). With none
    yet, offer the person now using the app; True when there is one afterwards. The choice is
    written through ``runner``'s one writer (ui/tasks.py), waiting for it, when there is one."""
    if ctx.profiles.secretary() is not None:
        return True
    title = QCoreApplication.translate("Secretary", "Cell secretary")
    if profile is None:
        dialogs.info(parent, title, QCoreApplication.translate(
            "Secretary", "Choose your own profile first: the secretary's workspace uses its key."))
        return False
    question = arg(QCoreApplication.translate("Secretary", "Act as the cell secretary on this computer as %1?"),
                   profile.full_name)
    if not dialogs.confirm(parent, title, question,
                           QCoreApplication.translate("Secretary", "Yes, I am the secretary"),
                           QCoreApplication.translate("Secretary", "The invitation carries your key code; members' "
                                                                   "reviews are encrypted to your key and only this "
                                                                   "profile can open them.")):
        return False
    if runner is not None:
        runner.write(ctx.profiles.set_secretary, profile.id)
    else:
        ctx.profiles.set_secretary(profile.id)
    return True


class SecretaryWorkspace(QWidget):
    go_home = Signal()
    SETUP, ROLLCALL, COLLECTIVE, MEETING, OUTPUTS = range(5)

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("secretaryWorkspace")
        install_style()
        self.ctx, self.runner, self.dialogs, self.settings = ctx, runner, dialogs, settings
        self.ops = Operations(runner, dialogs, self)
        self.opener = open_in_viewer  # replaced in tests: nothing may launch a viewer there
        self.key = SecretaryKey()
        self.exporter = Exporter(ctx, runner, dialogs, self)
        self.round: Any = None
        self.view: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        bar = QHBoxLayout()
        self.home_button = QPushButton(self.tr("← H&ome"), self)
        self.home_button.setObjectName("secretaryHome")
        self.home_button.clicked.connect(self.go_home)
        title = ScaledLabel(self.tr("Cell secretary"), 1.3, bold=True, parent=self, wrap=False)
        title.setObjectName("pageTitle")
        round_label = QLabel(self.tr("Revie&w round:"), self)
        self.round_combo = QComboBox(self)
        self.round_combo.setObjectName("roundCombo")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.round_combo.currentIndexChanged.connect(self._round_chosen)
        round_label.setBuddy(self.round_combo)
        self.who = QLabel(self)
        self.who.setObjectName("muted")
        self.who.setWordWrap(True)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(title)
        titles.addWidget(self.who)
        bar.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addSpacing(8)
        bar.addLayout(titles, 1)
        bar.addSpacing(16)
        bar.addWidget(round_label)
        bar.addWidget(self.round_combo)
        layout.addLayout(bar)
        self.stack = QStackedWidget(self)
        self.tabs = QTabWidget(self.stack)
        self.tabs.setObjectName("secretaryTabs")
        self.setup = SetupPage(ctx, runner, dialogs, self)
        self.rollcall = RollCallPage(ctx, runner, dialogs, self.key)
        self.rollcall.read_review.connect(self.open_reader)
        self.rollcall.enter_review.connect(self.enter_on_behalf)
        self.collective = CollectivePage(ctx, runner, dialogs, self)
        self.collective.open_review.connect(self.open_collective)
        self.meeting = MeetingPage(ctx, runner, dialogs, self)
        self.outputs = OutputsPage(ctx, runner, dialogs, self)
        for page, text in ((self.setup, self.tr("1 · Set-up and roster")), (self.rollcall, self.tr("2 · Roll-call")),
                           (self.collective, self.tr("3 · The collective (Mẫu 01)")),
                           (self.meeting, self.tr("4 · The meeting")), (self.outputs, self.tr("5 · Documents"))):
            self.tabs.addTab(page, text)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        self._show_secretary()
        self.reload_rounds(self._remembered_round())
        # the pages refresh themselves on what changed; the workspace only follows the rounds
        self.ops.changes.changed.connect(self._changed)

    # -- the round ------------------------------------------------------------------------------------
    @property
    def round_id(self) -> int | None:
        return self.round.id if self.round is not None else None

    def _remembered_round(self) -> int | None:
        try:
            value = self.settings.q.value(ROUND_KEY)
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError, AttributeError):
            return None

    def _show_secretary(self) -> None:
        sec = self.ctx.profiles.secretary()
        self.who.setText(arg(self.tr("Secretary: %1 · key code %2"), sec.full_name, sec.fingerprint or "—")
                         if sec else self.tr("No secretary profile on this computer yet"))

    def reload_rounds(self, select: int | None = None) -> None:
        rounds = self.ctx.cells.list_rounds()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        metrics = self.round_combo.fontMetrics()
        for r in rounds:  # a long cell name is elided, so it cannot make the window wider than the screen
            cell = metrics.elidedText(r.cell, Qt.TextElideMode.ElideRight,
                                      ROUND_CELL_CHARS * metrics.averageCharWidth())
            self.round_combo.addItem(f"{cell} — {r.period}", r.id)
            self.round_combo.setItemData(self.round_combo.count() - 1, f"{r.cell} — {r.period}",
                                         Qt.ItemDataRole.ToolTipRole)
        index = self.round_combo.findData(select) if select is not None else -1
        if index < 0 and rounds:
            index = self.round_combo.count() - 1  # the newest
        self.round_combo.setCurrentIndex(index)
        self.round_combo.blockSignals(False)
        self.round_combo.setEnabled(bool(rounds))
        self._round_chosen()

    def _round_chosen(self) -> None:
        rid = self.round_combo.currentData()
        self.round_combo.setToolTip(self.round_combo.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        self.round = self.ctx.cells.get_round(rid) if rid is not None else None
        if rid is not None:
            self.settings.q.setValue(ROUND_KEY, rid)
        self.back_to_pages(refresh=False)
        self.setup.set_round(self.round)
        for page in (self.rollcall, self.collective, self.meeting, self.outputs):
            page.set_round(rid)
        for i in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(i, rid is not None)
        if rid is None:
            self.tabs.setCurrentIndex(self.SETUP)

    def _changed(self, change: Change) -> None:
        if change.touches(ROUNDS):  # a round opened: choose it
            self.reload_rounds(getattr(change.result, "id", None) or self.round_id)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is not None and self.round is not None and hasattr(page, "refresh"):
            page.refresh()

    def show_tab(self, index: int) -> QWidget:
        self.back_to_pages()
        self.tabs.setCurrentIndex(index)
        return self.tabs.currentWidget()

    # -- a review in place of the pages ---------------------------------------------------------------
    def _show_view(self, view: QWidget) -> None:
        self._close_view()
        self.view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)

    def _close_view(self) -> None:
        old, self.view = self.view, None
        if old is None:
            return
        old.close_editor()
        old.hide()
        self.stack.removeWidget(old)
        old.deleteLater()

    def back_to_pages(self, refresh: bool = True) -> None:
        self._close_view()
        self.stack.setCurrentWidget(self.tabs)
        if refresh and self.round is not None:
            self._tab_changed(self.tabs.currentIndex())

    def _neighbours(self, member_id: int) -> tuple[int | None, int | None]:
        handed = [r.member_id for r in self.rollcall.proxy.visible_rows() if r.has_submission and r.review_id]
        if member_id not in handed:
            return None, None
        i = handed.index(member_id)
        return (handed[i - 1] if i > 0 else None, handed[i + 1] if i + 1 < len(handed) else None)

    def open_reader(self, row: Any) -> ReviewReader | None:
        if self.round is None or row is None or row.review_id is None:
            return None
        reader = ReviewReader(self.ctx, self.runner, self.dialogs, self.settings, self.round.id, row,
                              self._neighbours(row.member_id))
        reader.back.connect(self._back_to_rollcall)
        reader.go_to.connect(self.open_member)
        self._show_view(reader)
        return reader

    def open_member(self, member_id: int) -> ReviewReader | None:
        self.rollcall.select_member(member_id)  # up to date: it follows the changes (ui/operations.py)
        return self.open_reader(self.rollcall.current_row())

    def _back_to_rollcall(self) -> None:
        member = getattr(self.view, "row", None)
        self.back_to_pages(refresh=False)
        self.tabs.setCurrentIndex(self.ROLLCALL)  # the assessment saved on closing the reader is on it already
        if member is not None:
            self.rollcall.select_member(member.member_id)

    def enter_on_behalf(self, row: Any) -> None:
        if self.round is None or row is None:
            return
        self.ops.write(self.ctx.rollcall.enter_on_behalf, self.round.id, row.member_id).changes(HAND_INS).success(
            lambda d: self._open_editor(d.summary.id, arg(self.tr("Typed in from paper on behalf of %1, by the "
                                                                  "secretary. Finalize it when every answer is in: it "
                                                                  "then counts as handed in."), row.name))).run()

    def open_collective(self, review_id: int) -> WorkspaceEditor:
        return self._open_editor(review_id, self.tr("The collective's own report (Mẫu 01) of the cell, for the "
                                                    "meeting. Finalize it before the meeting."),
                                 allow_revision=True, proposer="collective")

    def _open_editor(self, review_id: int, banner: str, allow_revision: bool = False,
                     proposer: str = "member") -> WorkspaceEditor:
        editor = WorkspaceEditor(self.ctx, self.runner, self.dialogs, self.settings, review_id, banner,
                                 self.tr("← &Back"), allow_revision, proposer)
        editor.go_home.connect(self._back_from_editor)
        editor.review_replaced.connect(lambda rid: self._open_editor(rid, banner, allow_revision, proposer))
        self._show_view(editor)
        editor.focus_form()
        return editor

    def _back_from_editor(self) -> None:
        collective = isinstance(self.view, WorkspaceEditor) and self.view.allow_revision
        self.back_to_pages(refresh=False)
        self.tabs.setCurrentIndex(self.COLLECTIVE if collective else self.ROLLCALL)
        self._tab_changed(self.tabs.currentIndex())

    @property
    def editor(self) -> WorkspaceEditor | None:
        return self.view if isinstance(self.view, WorkspaceEditor) else None

    @property
    def reader(self) -> ReviewReader | None:
        return self.view if isinstance(self.view, ReviewReader) else None

    def close_editor(self) -> None:
        """Before the workspace goes away (another page, the window closing): save what is typed."""
        self._close_view()
        if self.rollcall.panel.dirty:
            self.rollcall.panel.save()
