"""How to call each Python override of a Qt method in ``selfreview.ui`` (for
tests/gui/test_binding_refcounts.py): a recipe per class, ``fn(world) -> {method name: a call}``, each
call running the override once or a few times with real arguments, as Qt does (an event sent, a model
asked through ``QModelIndex``) or directly where Qt would. The objects come from
tests/gui/override_world.py."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import shiboken6
from override_world import ALL_ROLES, World, cells, drag, files_mime, headers, send, text_mime
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QExposeEvent, QInputMethodEvent, QMouseEvent,
    QRegion, QResizeEvent, QShowEvent, QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPushButton, QStyleOptionViewItem, QTableView, QWidget


Recipe = Callable[["World"], dict[str, Callable[[], Any]]]
RECIPES: dict[str, Recipe] = {}


def recipe(cls_path: str, *methods: str) -> Callable[[Recipe], Recipe]:
    """Register ``fn(world) -> {method: call}`` for the methods of the class ``module.Class``."""

    def register(fn: Recipe) -> Recipe:
        for m in methods:
            RECIPES[f"{cls_path}.{m}"] = fn
        return fn

    return register


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


@recipe("selfreview.ui.crash_notice.CrashNotice", "resizeEvent")
def _crash_notice(world: World):
    from selfreview.ui.crash_notice import CrashNotice
    notice = world.keep(CrashNotice(world.root / "logs" / "crash.log", datetime(2026, 12, 5, 7, 8, 9)))
    notice.resize(900, 40)
    notice.show()
    widths = itertools.cycle([700, 900])
    return {"resizeEvent": lambda: notice.resize(next(widths), notice.height())}


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
    ask = cells(model, ALL_ROLES)
    return {"data": ask, "rowCount": lambda: model.index(0, 0), "columnCount": lambda: model.index(0, 4),
            "headerData": headers(model)}


@recipe("selfreview.ui.secretary.drop_import.DropTableView", "dragEnterEvent", "dragMoveEvent", "dropEvent")
def _drop_table(world: World):
    from selfreview.ui.secretary.drop_import import DropTableView
    view = world.keep(DropTableView())
    view.resize(300, 200)
    view.show()
    target = view.viewport()
    files, text = files_mime(world.files), text_mime("Nguyễn Văn An")
    dropped = []
    view.paths_dropped.connect(dropped.append)
    enter = [drag(QDragEnterEvent, target, files), drag(QDragEnterEvent, target, text)]
    move = [drag(QDragMoveEvent, target, files), drag(QDragMoveEvent, target, text)]
    drop = [drag(QDropEvent, target, files), drag(QDropEvent, target, text)]

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

    return {"data": cells(model, ALL_ROLES), "flags": cells(model, ()), "setData": set_data}


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
            "headerData": headers(model), "flags": cells(model, ()), "data": cells(model, ALL_ROLES),
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
    from selfreview.services.importing.receipts import Receipt
    from selfreview.ui.secretary.receipts_dialog import ReceiptModel
    now = datetime(2025, 12, 1, 8, 0)
    model = world.keep(ReceiptModel())
    model.set_rows([
        Receipt("/tmp/a/an.selfreview", "1" * 64, "Nguyễn Văn An", "hd43-2025-2a", 1, "imported", None, now, 3),
        Receipt("/tmp/a/x.selfreview", "2" * 64, "", "", None, "rejected", msg("import.no_round"), now)])
    return {"data": cells(model, ALL_ROLES)}


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
            "headerData": headers(model), "data": cells(model, ALL_ROLES),
            "filterAcceptsRow": lambda: proxy.set_text(next(texts))}


@recipe("selfreview.ui.secretary.rollcall_page.RollCallPage", "dragEnterEvent", "dropEvent")
def _rollcall_page(world: World):
    from selfreview.ui.secretary.rollcall_page import RollCallPage
    page = world.keep(RollCallPage(world.ctx, world.runner, world.dialogs))
    page.set_round(world.round_id)
    page.resize(800, 500)
    files, text = files_mime(world.files), text_mime("Nguyễn Văn An")
    enter = [drag(QDragEnterEvent, page, files), drag(QDragEnterEvent, page, text)]
    drop = drag(QDropEvent, page, text)  # files dropped would start an import each time
    return {"dragEnterEvent": lambda: [QApplication.sendEvent(page, e) for e in enter],
            "dropEvent": send(page, drop)}


@recipe("selfreview.ui.secretary.roster_page.RosterModel", "data")
def _roster(world: World):
    from selfreview.ui.secretary.roster_page import RosterModel
    model = world.keep(RosterModel())
    model.set_rows(world.ctx.cells.members(world.cell_id))
    assert model.rowCount() == 5
    return {"data": cells(model, ALL_ROLES)}


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
    mime = text_mime("Đảng viên ")
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


def _committee_rows():
    from selfreview.services.committee.service import MemberResult, ResultRow
    orgs = [ResultRow(1, "Chi bộ Văn phòng", "2025", 5, datetime(2025, 12, 1, 8, 0), "received", "cell", "a" * 16, 0),
            ResultRow(2, "Chi bộ Kế toán", "2025", 3, datetime(2025, 12, 2, 9, 30), "decided", "cell", "b" * 16, 3)]
    members = [MemberResult("u1", "Chi bộ Văn phòng", "m1", "Trần Thị Bình", "non_leader", "hd43-2025-2b", "rated",
                            "", "86.5", "httnv", "httnv", None, {"httnv": 4}, False),
               MemberResult("u1", "Chi bộ Văn phòng", "m2", "Đỗ Minh Châu", "non_leader", None, "not_rated",
                            "Chưa nộp bản kiểm điểm", None, None, None, None, None, False)]
    return orgs, members


@recipe("selfreview.ui.committee.models.OrganisationsModel", "data")
def _committee_organisations(world: World):
    from selfreview.ui.committee.models import OrganisationsModel
    model = world.keep(OrganisationsModel())
    model.set_rows(_committee_rows()[0])
    return {"data": cells(model, ALL_ROLES)}


@recipe("selfreview.ui.committee.models.MembersModel", "data")
def _committee_members(world: World):
    from selfreview.ui.committee.models import MembersModel
    model = world.keep(MembersModel())
    model.set_rows(_committee_rows()[1])
    return {"data": cells(model, ALL_ROLES)}


@recipe("selfreview.ui.names.PeopleProxy", "filterAcceptsRow", "lessThan")
def _people_proxy(world: World):
    from selfreview.ui.names import PeopleProxy
    from selfreview.ui.secretary.roster_page import RosterModel
    model = world.keep(RosterModel())
    model.set_rows(world.ctx.cells.members(world.cell_id))
    proxy = world.keep(PeopleProxy(lambda m: m.full_name, lambda m: (m.full_name,), RosterModel.NAME))
    proxy.setSourceModel(model)
    texts = itertools.cycle(["duc", "nguyen van", ""])
    orders = itertools.cycle([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
    return {"filterAcceptsRow": lambda: proxy.set_text(next(texts)),
            "lessThan": lambda: proxy.sort(RosterModel.NAME, next(orders))}


@recipe("selfreview.ui.secretary.assessment_panel.AssessmentPanel", "resizeEvent")
def _assessment_panel(world: World):
    from selfreview.ui.secretary.assessment_panel import AssessmentPanel
    panel = world.keep(AssessmentPanel(world.ctx, world.runner, world.dialogs))
    panel.resize(360, 500)
    panel.show()
    sizes = itertools.cycle([QSize(360, 500), QSize(240, 500)])
    return {"resizeEvent": lambda: QApplication.sendEvent(panel, QResizeEvent(next(sizes), QSize(300, 500)))}


@recipe("selfreview.ui.names._TypedFilter", "filterAcceptsRow")
def _typed_filter(world: World):
    from PySide6.QtWidgets import QComboBox
    from selfreview.ui.names import find_people_in
    combo = world.keep(QComboBox())
    combo.setEditable(True)
    combo.addItems(["Phạm Minh Đức", "Nguyễn Văn An", "Trần Thị Bình"])
    names = find_people_in(combo).model()
    texts = itertools.cycle(["duc", "NGUYEN VAN", ""])
    return {"filterAcceptsRow": lambda: names.set_text(next(texts))}


@recipe("selfreview.ui.names._TypeToFind", "eventFilter")
def _type_to_find(world: World):
    from PySide6.QtGui import QKeyEvent
    from selfreview.ui.names import type_to_find
    from selfreview.ui.secretary.roster_page import RosterModel
    model = world.keep(RosterModel())
    model.set_rows(world.ctx.cells.members(world.cell_id))
    view = world.keep(QTableView())
    view.setModel(model)
    type_to_find(view, RosterModel.NAME)
    keys = itertools.cycle([QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, c)
                            for c in "duc"])
    return {"eventFilter": lambda: QApplication.sendEvent(view, next(keys))}
