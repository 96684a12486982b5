"""The form's navigator: parts and their sections, each with its completion ("2/3" or a check)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem,
    QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import arg, pick
from selfreview.ui.widgets import ICON_SIZE, done_icon, dot_icon

SECTION_ROLE = Qt.ItemDataRole.UserRole


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width (long Vietnamese section
    titles are never cut)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self.view = view

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if not index.parent().isValid():  # parts in bold, at the current text size
            option.font.setBold(True)
            option.fontMetrics = QFontMetrics(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        item = self.view.itemFromIndex(index)
        width = self.view.columnWidth(0)
        if item is not None and item.isFirstColumnSpanned():
            width = self.view.viewport().width()
        depth = 0 if not index.parent().isValid() else 1
        width -= depth * self.view.indentation() + 12
        if width <= 20:
            return size
        rect = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(size.width(), max(size.height(), rect.height() + 8))


class Navigator(QTreeWidget):
    section_activated = Signal(str)

    def __init__(self, template: Any, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIconSize(ICON_SIZE)
        self.setItemDelegate(WrapDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # rows of wrapped titles are several lines tall: scrolling by whole rows could not bring a tall
        # row fully into a short navigator (a click on it then missed: the typing soak found it)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName(self.tr("Parts and sections of the form"))
        self._done, self._open = done_icon(), dot_icon()
        self.items: dict[str, QTreeWidgetItem] = {}
        self._marks: dict[str, tuple[str, bool, str]] = {}  # what set_completion last showed
        for part in template.parts:
            top = QTreeWidgetItem(self, [pick(part.label, lang), ""])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a part: bold (the delegate), not selectable
            top.setFirstColumnSpanned(True)
            for section in part.sections:
                child = QTreeWidgetItem(top, [pick(section.label, lang), ""])
                child.setData(0, SECTION_ROLE, section.id)
                child.setToolTip(0, pick(section.label, lang))
                self.items[section.id] = child
        self.expandAll()
        self.currentItemChanged.connect(self._current_changed)
        # wrapped rows need their heights again whenever the column width changes
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if current is not None and current.data(0, SECTION_ROLE):
            self.section_activated.emit(current.data(0, SECTION_ROLE))

    def select(self, section_id: str) -> None:
        """Show ``section_id`` as current without emitting ``section_activated``."""
        item = self.items.get(section_id)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            if item.parent() is not None:  # the part's title too, where both fit (scrolling is per pixel)
                self.scrollToItem(item.parent())
            self.scrollToItem(item)

    def set_completion(self, completion: dict[str, Any], incomplete: set[str] = frozenset()) -> None:
        """``incomplete``: sections with an answer that is there but not complete (e.g. a self-check
        with behaviours left): no check mark for them yet."""
        for sid, item in self.items.items():
            c = completion.get(sid)
            if c is None or c.total == 0:
                mark = ("", c is not None, "")
            else:
                mark = (f"{c.answered}/{c.total}", c.done and sid not in incomplete,
                        arg(self.tr("%1 of %2 answered"), c.answered, c.total))
            # this runs on every keystroke: an item set again, even to the same, makes the view
            # measure every row again (WrapDelegate.sizeHint), about 30 ms a keystroke on a slow PC
            if self._marks.get(sid) == mark:
                continue
            self._marks[sid] = mark
            item.setText(1, mark[0])
            item.setIcon(1, self._done if mark[1] else self._open)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, mark[2])

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # the marks grow with the text
            side = max(ICON_SIZE.width(), int(self.fontMetrics().height() * 0.8))
            self.setIconSize(QSize(side, side))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped rows get their new heights


def form_column(splitter: QSplitter, name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """The scrolling column beside the navigator where a section's page is shown (filling and
    reading screens alike): returns the scroll area and the layout the page goes into."""
    scroll = QScrollArea(splitter)
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    scroll.setWidget(holder)
    return scroll, layout
