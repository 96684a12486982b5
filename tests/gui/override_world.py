"""The objects tests/gui/test_binding_refcounts.py calls the overrides on: a World of real data (a
member's 2B draft in a main window with its navigator shown, a cell with a round, a roll-call and a
meeting) and small helpers that make events and ask models as a view does."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget


class World:
    """One data directory with a member's 2B draft, a cell with a round, a roll-call and a meeting;
    a main window on the draft (navigator shown) and a second one for closeEvent. Built once for
    the module (it costs a second or two); every recipe takes what it needs."""

    def __init__(self, root: Path, qapp: QApplication) -> None:
        from selfreview.services.cells import MemberData
        from selfreview.services.context import AppContext
        from selfreview.ui.i18n import Translators
        from selfreview.ui.main_window import MainWindow
        from selfreview.ui.settings import AppSettings
        from selfreview.ui.tasks import TaskRunner
        from fake_dialogs import FakeDialogs
        from helpers import complete_answers, complete_review

        self.root = root
        (root / "data").mkdir()
        self.ctx = AppContext.open(root / "data")
        self.translators = Translators(qapp)
        self.translators.install("vi")
        self.runner = TaskRunner(synchronous=True)
        self.dialogs = FakeDialogs()
        self.profile, self.review_id = complete_review(self.ctx)
        # a cell, a round, five members, two reviews typed in from paper, an assessment, a meeting
        ctx = self.ctx
        cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
        self.cell_id = cell.id
        self.round_id = ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=30)).id
        people = [("Trần Thị Bình", "non_leader"), ("Nguyễn Văn An", "leader"), ("Đỗ Minh Châu", "non_leader"),
                  ("Lê Văn Cường", "non_leader"), ("Dương Thị Dung", "outside_system")]
        members = {n: ctx.cells.add_member(cell.id, MemberData(n, c, date(1980, 1, 1))) for n, c in people}
        for name in ("Trần Thị Bình", "Lê Văn Cường"):
            detail = ctx.rollcall.enter_on_behalf(self.round_id, members[name].id)
            for qid, value in complete_answers(detail.template).items():
                ctx.reviews.save_answer(detail.summary.id, qid, value)
            ctx.reviews.finalize(detail.summary.id)
        ctx.assessments.set_assessment(self.round_id, members["Trần Thị Bình"].id, "Tốt", "httnv")
        self.rollcall = ctx.rollcall.roll_call(self.round_id)
        self.meeting = ctx.meetings.open(self.round_id)
        self.files = []
        for n in range(2):
            f = root / f"thanh-vien-{n}.selfreview"
            f.write_bytes(b"x")
            self.files.append(f)

        def window() -> MainWindow:
            settings = AppSettings(QSettings(str(root / f"settings-{len(self.widgets)}.ini"),
                                             QSettings.Format.IniFormat))
            w = MainWindow(self.ctx, settings, self.runner, self.dialogs, self.translators)
            w.open_profile(self.profile.id)
            assert w.open_review(self.review_id)
            w.show()
            self.widgets.append(w)
            return w

        self.widgets: list[QWidget] = []
        self.window = window()
        self.closing_window = window()
        QApplication.processEvents()

    def keep(self, widget: Any) -> Any:
        self.widgets.append(widget)
        return widget

    def close(self) -> None:
        for w in self.widgets:
            if shiboken6.isValid(w):
                if isinstance(w, QWidget):
                    w.hide()
                w.deleteLater()
        QApplication.processEvents()
        self.translators.uninstall()
        self.runner.shutdown()
        self.ctx.close()


def send(widget: Any, event: QEvent) -> Callable[[], Any]:
    return lambda: QApplication.sendEvent(widget, event)


def files_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


_HELD: list[QMimeData] = []  # an event does not own its mime data: it must outlive the event


def drag(cls: type, widget: QWidget, mime: QMimeData) -> QEvent:
    _HELD.append(mime)
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    if cls is QDropEvent:
        return QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    return cls(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
               Qt.KeyboardModifier.NoModifier)


def cells(model: Any, roles: tuple[int, ...]) -> Callable[[], None]:
    """Each call asks the next cell for its data in the next role (or its flags when no roles are
    given), through QModelIndex: Qt calls the override, as a view does."""
    indexes = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert indexes, "a model with no rows tests nothing"
    if not roles:
        flags = itertools.cycle(indexes)
        return lambda: next(flags).flags()
    asks = itertools.cycle([(i, role) for i in indexes for role in roles])

    def call() -> None:
        index, role = next(asks)
        index.data(role)

    return call


DISPLAY, EDIT, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
ALL_ROLES = (DISPLAY, EDIT, TOOLTIP, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.CheckStateRole,
             Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2)


def headers(model: Any) -> Callable[[], None]:
    def call() -> None:
        for c in range(model.columnCount()):
            for role in (DISPLAY, TOOLTIP):
                model.headerData(c, Qt.Orientation.Horizontal, role)
        model.headerData(0, Qt.Orientation.Vertical, DISPLAY)

    return call
