"""The Qt binding must not leak references to None, True or False through the app's own overrides.

PySide6-Essentials 6.12.0 drops one reference to ``None`` on every call of a void Qt method from
Python (``super().initStyleOption(...)``, ``super().changeEvent(...)``, ``w.setIconSize(...)``, …),
and references to ``True`` on some others.
On Python 3.11, where ``None`` is not immortal, the count reaches zero after enough keystrokes and
the app aborts with ``Fatal Python error: none_dealloc`` (issue 13). The whole suite passed on that
version: nothing in it ran long enough. This file calls every Python override of a Qt method in
``selfreview.ui`` a few thousand times, with real objects and real arguments, and asserts that
``sys.getrefcount`` of ``None``, ``True`` and ``False`` did not move.

* ``test_every_override_has_a_recipe`` finds the overrides by introspection (each class defined in
  a ``selfreview.ui`` module, each function in its own ``__dict__`` whose name a PySide6 base class
  also defines; ``__init__`` left out) and compares them with ``RECIPES``: a new override without a
  recipe fails here, by name.
* ``test_no_reference_leaks`` builds each override's object, checks (with ``sys.setprofile``) that
  its recipe really runs the override, warms up, then counts over ``CALLS`` calls (fewer for the
  ``SLOW`` ones). No count may go down; none may go up either, except as ``MAY_GROW`` explains.

How to see it fail on the bad release (the package metadata excludes 6.12.0, so the project goes in
without its dependencies)::

    python3 -m venv /tmp/v612
    grep -v -i -e pyside6 -e shiboken constraints.txt > /tmp/c612.txt
    /tmp/v612/bin/pip install -c /tmp/c612.txt PySide6-Essentials==6.12.0 SQLAlchemy alembic \\
        'reportlab[accel]' platformdirs pydantic PyYAML cryptography openpyxl filelock \\
        pytest pytest-qt pytest-timeout
    /tmp/v612/bin/pip install --no-deps -e .
    /tmp/v612/bin/python -m pytest tests/gui/test_binding_refcounts.py -q

Done when this file was written (Python 3.11.7): on 6.12.0, 32 of the 51 overrides failed, each
losing 1 to 60 references a call (e.g. ``Navigator.changeEvent`` -2 a call,
``WrapDelegate.initStyleOption`` -3, ``PlainTextEdit.inputMethodEvent`` -5, and ``True`` too:
``ResultsModel.setData`` -3); on 6.11.3 all 51 pass. The references a leaking binding dropped are
put back after each measurement (:func:`_give_back`), so that the run reports every override instead
of aborting at the first ``none_dealloc``.

On Python 3.12 and later ``None``, ``True`` and ``False`` are immortal: their count never moves,
so the leak is harmless there and this measurement cannot see it (it is skipped there; CI runs the
oldest supported Python, 3.11).
"""

from __future__ import annotations

import gc
import importlib
import inspect
import itertools
import pkgutil
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QExposeEvent, QInputMethodEvent, QMouseEvent,
    QRegion, QResizeEvent, QShowEvent, QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem, QTableView, QWidget

import selfreview.ui

CALLS = 2000  # a leak moves None by (at least) this much; a day of typing makes millions of calls
WARM_UP = 200  # first calls fill caches (translations, enums, fonts, a text reaching its limit): not counted
# the slow ones (a whole window's close, a table refitted, a tree laid out again, a combo box made):
# fewer calls, which still show a leak of one reference a call as -200 (on 6.12.0 they lose 5 to 60 a call)
SLOW = {"selfreview.ui.main_window.MainWindow.closeEvent": 300,
        "selfreview.ui.navigator.Navigator.resizeEvent": 200,
        "selfreview.ui.table_fit.ColumnFit.eventFilter": 200,
        "selfreview.ui.secretary.meeting_model.RatingDelegate.createEditor": 500}
# Where a count may grow, and why. A reference to None that is taken and never given back cannot hurt
# (None is never freed, and such a count only goes up); the abort comes from references given back
# that were never taken, so a count may never go down. Measured on 6.11.3: QComboBox.addItem(text,
# data) keeps 3 references to None per call that it never releases (no object is leaked:
# gc.get_objects() does not grow); createEditor fills a combo box.
MAY_GROW = {"selfreview.ui.secretary.meeting_model.RatingDelegate.createEditor": {"None"}}

Recipe = Callable[["World"], dict[str, Callable[[], Any]]]
RECIPES: dict[str, Recipe] = {}


def recipe(cls_path: str, *methods: str) -> Callable[[Recipe], Recipe]:
    """Register ``fn(world) -> {method: call}`` for the methods of the class ``module.Class``."""

    def register(fn: Recipe) -> Recipe:
        for m in methods:
            RECIPES[f"{cls_path}.{m}"] = fn
        return fn

    return register


# -- discovery ---------------------------------------------------------------------------------------

def discovered_overrides() -> dict[str, Callable]:
    """``module.Class.method`` → the function, for every Python override of a PySide6 method."""
    found: dict[str, Callable] = {}
    modules = [selfreview.ui] + [importlib.import_module(m.name)
                                 for m in pkgutil.walk_packages(selfreview.ui.__path__, "selfreview.ui.")]
    for module in modules:
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            qt_bases = [b for b in cls.__mro__[1:] if b.__module__.startswith("PySide6")]
            for name, fn in vars(cls).items():
                if name != "__init__" and inspect.isfunction(fn) and any(name in vars(b) for b in qt_bases):
                    found[f"{cls.__module__}.{cls.__qualname__}.{name}"] = fn
    return found


OVERRIDES = discovered_overrides()


def test_every_override_has_a_recipe():
    missing = sorted(set(OVERRIDES) - set(RECIPES))
    stale = sorted(set(RECIPES) - set(OVERRIDES))
    assert not missing, f"overrides of Qt methods with no recipe in this file: {missing}"
    assert not stale, f"recipes for overrides that are gone: {stale}"
    assert len(OVERRIDES) >= 40  # the discovery itself works (51 when this was written)


# -- the objects, with real data -------------------------------------------------------------------

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
        from tests.gui.conftest import FakeDialogs
        from tests.gui.helpers import complete_answers, complete_review

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


@pytest.fixture(scope="module")
def world(qapp, tmp_path_factory):
    # in memory where there is a tmpfs: closeEvent saves the window's geometry and every settings write
    # is synced to disk at once (2,000 fsyncs on a busy disk take minutes; the leak is not about the disk)
    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(prefix="refcounts-", dir=shm)) if shm.is_dir() else tmp_path_factory.mktemp("refcounts")
    request_cleanup = shm in root.parents
    with pytest.MonkeyPatch.context() as mp:  # as tests/conftest.py: nothing touches the user's folders
        for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "home/.local/share"), ("XDG_CONFIG_HOME", "home/.config")):
            mp.setenv(var, str(root / sub))
        mp.delenv("SELFREVIEW_DB_URL", raising=False)
        w = World(root, qapp)
        try:
            yield w
        finally:
            w.close()
            if request_cleanup:
                shutil.rmtree(root, ignore_errors=True)


def send(widget: Any, event: QEvent) -> Callable[[], Any]:
    return lambda: QApplication.sendEvent(widget, event)


def _files_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


_HELD: list[QMimeData] = []  # an event does not own its mime data: it must outlive the event


def _drag(cls: type, widget: QWidget, mime: QMimeData) -> QEvent:
    _HELD.append(mime)
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    if cls is QDropEvent:
        return QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    return cls(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
               Qt.KeyboardModifier.NoModifier)


def _cells(model: Any, roles: tuple[int, ...]) -> Callable[[], None]:
    """Each call asks the next cell for its data in the next role (or its flags when no roles are
    given), through QModelIndex: Qt calls the override, as a view does."""
    import itertools
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


def _headers(model: Any) -> Callable[[], None]:
    def call() -> None:
        for c in range(model.columnCount()):
            for role in (DISPLAY, TOOLTIP):
                model.headerData(c, Qt.Orientation.Horizontal, role)
        model.headerData(0, Qt.Orientation.Vertical, DISPLAY)

    return call


# -- the recipes ---------------------------------------------------------------------------------------

@recipe("selfreview.ui.app._AfterFirstPaint", "eventFilter")
def _after_first_paint(world: World):
    from selfreview.ui.app import _AfterFirstPaint
    widget = world.keep(QWidget())
    widget.resize(40, 30)
    widget.show()
    fired = []
    watcher = _AfterFirstPaint(widget, lambda: fired.append(1), fallback_ms=60_000)
    handle = widget.windowHandle()
    expose = QExposeEvent(QRegion(0, 0, 40, 30))
    # called directly: once fired, the watcher removes itself from the window
    return {"eventFilter": lambda: watcher.eventFilter(handle, expose)}


@recipe("selfreview.ui.main_window.MainWindow", "closeEvent")
def _main_window(world: World):
    window = world.closing_window
    return {"closeEvent": send(window, QCloseEvent())}


@recipe("selfreview.ui.navigator.Navigator", "changeEvent", "resizeEvent")
def _navigator(world: World):
    nav = world.window.editor.navigator
    assert nav.isVisible()
    viewport = nav.viewport()  # a scroll area's resizeEvent runs when its viewport is resized
    size = viewport.size()
    return {"changeEvent": send(nav, QEvent(QEvent.Type.FontChange)),
            "resizeEvent": send(viewport, QResizeEvent(size, QSize(size.width() - 10, size.height())))}


@recipe("selfreview.ui.navigator.WrapDelegate", "initStyleOption", "sizeHint")
def _wrap_delegate(world: World):
    nav = world.window.editor.navigator
    delegate = nav.itemDelegate()
    part = nav.model().index(0, 0)
    section = nav.model().index(0, 0, part)
    count = nav.model().index(0, 1, part)
    option = QStyleOptionViewItem()
    nav.initViewItemOption(option)

    def init_style() -> None:
        for index in (part, section):
            opt = QStyleOptionViewItem(option)
            delegate.initStyleOption(opt, index)

    def size_hint() -> None:
        for index in (part, section, count):
            delegate.sizeHint(option, index)

    return {"initStyleOption": init_style, "sizeHint": size_hint}


@recipe("selfreview.ui.review_model.ReviewTableModel", "data")
@recipe("selfreview.ui.table_model.RowsTableModel", "rowCount", "columnCount", "headerData")
def _review_model(world: World):
    from selfreview.ui.review_model import ReviewTableModel
    model = ReviewTableModel()
    model.set_rows(world.ctx.reviews.list(world.profile.id, current_only=False))
    assert model.rowCount() >= 1
    world.keep(model)
    cells = _cells(model, ALL_ROLES)
    return {"data": cells, "rowCount": lambda: model.index(0, 0), "columnCount": lambda: model.index(0, 4),
            "headerData": _headers(model)}


@recipe("selfreview.ui.secretary.drop_import.DropTableView", "dragEnterEvent", "dragMoveEvent", "dropEvent")
def _drop_table(world: World):
    from selfreview.ui.secretary.drop_import import DropTableView
    view = world.keep(DropTableView())
    view.resize(300, 200)
    view.show()
    target = view.viewport()
    files, text = _files_mime(world.files), _text_mime("Nguyễn Văn An")
    dropped = []
    view.paths_dropped.connect(dropped.append)
    enter = [_drag(QDragEnterEvent, target, files), _drag(QDragEnterEvent, target, text)]
    move = [_drag(QDragMoveEvent, target, files), _drag(QDragMoveEvent, target, text)]
    drop = [_drag(QDropEvent, target, files), _drag(QDropEvent, target, text)]

    def each(events: list[QEvent]) -> Callable[[], None]:
        def call() -> None:
            for e in events:
                QApplication.sendEvent(target, e)
            dropped.clear()
        return call

    return {"dragEnterEvent": each(enter), "dragMoveEvent": each(move), "dropEvent": each(drop)}


@recipe("selfreview.ui.secretary.meeting_model.AttendanceModel", "data", "flags", "setData")
def _attendance(world: World):
    from selfreview.ui.secretary.meeting_model import AttendanceModel
    model = world.keep(AttendanceModel())
    model.set_rows(world.meeting.attendance)
    edits = []
    model.edited.connect(lambda *a: edits.append(a))
    present, reason = model.index(0, model.PRESENT), model.index(1, model.REASON)

    def set_data() -> None:
        model.setData(present, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        model.setData(reason, "Đi công tác")
        model.setData(model.index(0, model.NAME), "x")
        edits.clear()

    return {"data": _cells(model, ALL_ROLES), "flags": _cells(model, ()), "setData": set_data}


@recipe("selfreview.ui.secretary.meeting_model.ResultsModel",
        "rowCount", "columnCount", "headerData", "flags", "data", "setData")
def _results(world: World):
    from selfreview.ui.secretary.meeting_model import ResultsModel
    model = world.keep(ResultsModel())
    model.set_rows(world.meeting.results, None)
    edits = []
    model.edited.connect(lambda *a: edits.append(a))

    def set_data() -> None:
        model.setData(model.index(1, model.V2), 4)
        model.setData(model.index(1, model.FINAL), "httnv")
        model.setData(model.index(1, model.OPINIONS), "Nhất trí")
        model.setData(model.index(1, model.V1), "nhiều")
        edits.clear()

    return {"rowCount": lambda: model.index(2, 0), "columnCount": lambda: model.index(0, 7),
            "headerData": _headers(model), "flags": _cells(model, ()), "data": _cells(model, ALL_ROLES),
            "setData": set_data}


@recipe("selfreview.ui.secretary.meeting_model.RatingDelegate", "createEditor", "setEditorData", "setModelData")
def _rating_delegate(world: World):
    from selfreview.ui.secretary.meeting_model import RatingDelegate, ResultsModel
    model = world.keep(ResultsModel())
    model.set_rows(world.meeting.results, None)
    model.edited.connect(lambda *a: None)
    view = world.keep(QTableView())
    view.setModel(model)
    delegate = RatingDelegate(view)
    view.setItemDelegateForColumn(model.FINAL, delegate)
    index = model.index(1, model.FINAL)
    option = QStyleOptionViewItem()
    editor = delegate.createEditor(view.viewport(), option, index)

    def create() -> None:
        shiboken6.delete(delegate.createEditor(view.viewport(), option, index))

    return {"createEditor": create, "setEditorData": lambda: delegate.setEditorData(editor, index),
            "setModelData": lambda: delegate.setModelData(editor, model, index)}


@recipe("selfreview.ui.secretary.receipts_dialog.ReceiptModel", "data")
def _receipts(world: World):
    from selfreview.messages import msg
    from selfreview.services.receipts import Receipt
    from selfreview.ui.secretary.receipts_dialog import ReceiptModel
    now = datetime(2025, 12, 1, 8, 0)
    model = world.keep(ReceiptModel())
    model.set_rows([
        Receipt("/tmp/a/an.selfreview", "1" * 64, "Nguyễn Văn An", "hd43-2025-2a", 1, "imported", None, now, 3),
        Receipt("/tmp/a/x.selfreview", "2" * 64, "", "", None, "rejected", msg("import.no_round"), now)])
    return {"data": _cells(model, ALL_ROLES)}


@recipe("selfreview.ui.secretary.rollcall_model.RollCallModel", "rowCount", "columnCount", "headerData", "data")
@recipe("selfreview.ui.secretary.rollcall_model.RollCallFilter", "filterAcceptsRow")
def _rollcall(world: World):
    from selfreview.ui.secretary.rollcall_model import RollCallFilter, RollCallModel
    model = world.keep(RollCallModel())
    model.set_rollcall(world.rollcall)
    proxy = world.keep(RollCallFilter())
    proxy.setSourceModel(model)
    texts = itertools.cycle(["văn", "thị", ""])
    return {"rowCount": lambda: model.index(4, 0), "columnCount": lambda: model.index(0, 8),
            "headerData": _headers(model), "data": _cells(model, ALL_ROLES),
            "filterAcceptsRow": lambda: proxy.set_text(next(texts))}


@recipe("selfreview.ui.secretary.rollcall_page.RollCallPage", "dragEnterEvent", "dropEvent")
def _rollcall_page(world: World):
    from selfreview.ui.secretary.rollcall_page import RollCallPage
    page = world.keep(RollCallPage(world.ctx, world.runner, world.dialogs))
    page.set_round(world.round_id)
    page.resize(800, 500)
    files, text = _files_mime(world.files), _text_mime("Nguyễn Văn An")
    enter = [_drag(QDragEnterEvent, page, files), _drag(QDragEnterEvent, page, text)]
    drop = _drag(QDropEvent, page, text)  # files dropped would start an import each time
    return {"dragEnterEvent": lambda: [QApplication.sendEvent(page, e) for e in enter],
            "dropEvent": send(page, drop)}


@recipe("selfreview.ui.secretary.roster_page.RosterModel", "data")
def _roster(world: World):
    from selfreview.ui.secretary.roster_page import RosterModel
    model = world.keep(RosterModel())
    model.set_rows(world.ctx.cells.members(world.cell_id))
    assert model.rowCount() == 5
    return {"data": _cells(model, ALL_ROLES)}


@recipe("selfreview.ui.table_fit.ColumnFit", "eventFilter")
@recipe("selfreview.ui.table_fit.CompactHeader", "sectionSizeFromContents")
def _table_fit(world: World):
    from selfreview.ui.secretary.rollcall_model import RollCallModel
    from selfreview.ui.table_fit import ColumnFit, CompactHeader
    model = world.keep(RollCallModel())
    model.set_rollcall(world.rollcall)
    table = world.keep(QTableView())
    header = CompactHeader(Qt.Orientation.Horizontal, table)
    table.setHorizontalHeader(header)
    table.setModel(model)
    table.setSortingEnabled(True)
    ColumnFit(table, fill=1, shrink=[(2, 60)])
    table.resize(700, 300)
    table.show()
    viewport = table.viewport()
    sizes = itertools.cycle([QSize(500, 300), QSize(900, 300)])
    font = QEvent(QEvent.Type.FontChange)

    def resize() -> None:  # a narrower and a wider window in turn, and a new text size
        QApplication.sendEvent(viewport, QResizeEvent(next(sizes), viewport.size()))
        QApplication.sendEvent(table, font)

    return {"eventFilter": resize,
            "sectionSizeFromContents": lambda: [header.sectionSizeFromContents(c) for c in range(3)]}


@recipe("selfreview.ui.tasks.ProgressDialog", "cancel")
def _progress(world: World):
    from selfreview.ui.tasks import Job, ProgressDialog
    job = Job()
    dialog = world.keep(ProgressDialog(job, "Nhập tệp", "Đang nhập…", delay_ms=60_000))
    world.keep(job)
    return {"cancel": dialog.cancel}


@recipe("selfreview.ui.widgets.OptionalDateEdit", "eventFilter")
def _date_edit(world: World):
    from selfreview.ui.widgets import OptionalDateEdit
    edit = world.keep(OptionalDateEdit(date(2025, 1, 1), date(2025, 12, 31)))
    calendar = edit.calendarWidget()
    return {"eventFilter": send(calendar, QShowEvent())}


@recipe("selfreview.ui.widgets.OptionalSpinBox", "validate", "valueFromText", "textFromValue", "fixup")
@recipe("selfreview.ui.widgets._NoWheelUnlessFocused", "eventFilter")
def _spin_box(world: World):
    from selfreview.ui.widgets import OptionalSpinBox
    box = world.keep(OptionalSpinBox(0, 100, 0.5))
    box.show()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)

    def validate() -> None:
        for text in ("25,5", "25.5", "", "—", "abc"):
            box.validate(text, len(text))

    return {"validate": validate,
            "valueFromText": lambda: [box.valueFromText(t) for t in ("25,5", "61", "")],
            "textFromValue": lambda: [box.textFromValue(v) for v in (61.0, 25.5, -0.5)],
            "fixup": lambda: [box.fixup(t) for t in ("25.7", "", "61,2")],
            "eventFilter": send(box, wheel)}


@recipe("selfreview.ui.widgets.PlainTextEdit",
        "inputMethodEvent", "insertFromMimeData", "changeEvent", "resizeEvent")
def _plain_text(world: World):
    from selfreview.ui.widgets import PlainTextEdit
    edit = world.keep(PlainTextEdit(max_length=300))
    edit.resize(400, 200)
    edit.show()
    commit = QInputMethodEvent()
    commit.setCommitString("Việt ")
    preedit = QInputMethodEvent("Viê", [])
    mime = _text_mime("Đảng viên ")
    size = edit.viewport().size()

    def type_text() -> None:
        QApplication.sendEvent(edit, preedit)
        QApplication.sendEvent(edit, commit)

    return {"inputMethodEvent": type_text, "insertFromMimeData": lambda: edit.insertFromMimeData(mime),
            "changeEvent": send(edit, QEvent(QEvent.Type.FontChange)),
            "resizeEvent": send(edit.viewport(), QResizeEvent(size, QSize(size.width() - 20, size.height())))}


@recipe("selfreview.ui.widgets.ScaledLabel", "changeEvent")
def _scaled_label(world: World):
    from selfreview.ui.widgets import ScaledLabel
    label = world.keep(ScaledLabel("Phần II. Tự kiểm điểm", 1.3, bold=True))
    # a new text size re-polishes the style sheet: a StyleChange (QWidget.event does not pass an
    # ApplicationFontChange on to changeEvent)
    return {"changeEvent": send(label, QEvent(QEvent.Type.StyleChange))}


@recipe("selfreview.ui.widgets._ClickLabel", "mouseReleaseEvent")
def _click_label(world: World):
    from selfreview.ui.widgets import WrapChoice
    choice = world.keep(WrapChoice("Hoàn thành tốt nhiệm vụ", radio=False))
    choice.resize(300, 40)
    choice.show()
    label = choice.label
    pos = QPointF(label.width() / 2, label.height() / 2)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, pos, label.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                          Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    return {"mouseReleaseEvent": send(label, release)}


@recipe("selfreview.ui.widgets._SwallowInput", "eventFilter")
def _swallow(world: World):
    from selfreview.ui.widgets import set_interactive
    button = world.keep(QPushButton("Hoàn thành"))
    set_interactive(button, False)
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(3, 3), QPointF(3, 3), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return {"eventFilter": send(button, press)}


# -- the measurement -------------------------------------------------------------------------------------

def _reaches(call: Callable[[], Any], fn: Callable) -> bool:
    """Whether one call of the recipe runs the override's own code (called by Qt or directly)."""
    code, seen = fn.__code__, []

    def profile(frame, event, _arg):
        if event == "call" and frame.f_code is code:
            seen.append(1)

    sys.setprofile(profile)
    try:
        call()
    finally:
        sys.setprofile(None)
    return bool(seen)


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


_GIVEN_BACK: list[Any] = []


def _give_back(start: tuple[int, int, int], now: tuple[int, int, int]) -> None:
    """On a binding that leaks, put back the references it dropped, so that this process does not
    abort (None deallocated) and every override is reported, not only those before the abort."""
    for obj, was, is_now in zip((None, True, False), start, now):
        if is_now < was:
            _GIVEN_BACK.extend([obj] * (was - is_now))


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None, True and False are immortal on 3.12+: "
                    "their reference count never moves, so a leak is both harmless and invisible there")
@pytest.mark.parametrize("name", sorted(RECIPES))
def test_no_reference_leaks(world, name):
    cls_path, method = name.rsplit(".", 1)
    call = RECIPES[name](world)[method]
    assert name in OVERRIDES, f"{name} is not an override any more"
    assert _reaches(call, OVERRIDES[name]), f"the recipe for {name} does not run it"
    calls = SLOW.get(name, CALLS)
    start = _counts()
    for _ in range(min(WARM_UP, calls // 2)):
        call()
    QApplication.processEvents()
    gc.collect()
    gc.disable()  # a collection during the loop could free objects that held None
    try:
        for _ in range(10):  # the first call after the event loop ran may take a one-off reference
            call()
        before = _counts()
        for _ in range(calls):
            call()
        after = _counts()
    finally:
        gc.enable()
    _give_back(start, after)
    moved = dict(zip(("None", "True", "False"), (a - b for a, b in zip(after, before))))
    # no tolerance: each count must come back exactly (a leak moves one by ``calls`` or more), except
    # that a count in MAY_GROW may grow (see there); none may ever go down
    wrong = {k: v for k, v in moved.items() if v < 0 or (v > 0 and k not in MAY_GROW.get(name, ()))}
    assert not wrong, f"{name} over {calls} calls: {moved}"
