"""Tables that fit their width, with no sideways scrolling: a header that does not reserve room it
never uses, and columns sized to their contents that give way, in a chosen order, when the table
is narrower than they would like.

Qt's ``QHeaderView`` reserves, in every section of a sortable table, room for the sort arrow as wide
as the header is *high* (``sectionSizeFromContents`` adds ``height + margin``). With titles on two
lines that is about 40 px a column, in every column, while the arrow is drawn in ``PM_HeaderMarkSize``
(about 10 px): nine columns ask for some 250 px they never use. :class:`CompactHeader` reserves the
arrow's own width.

:class:`ColumnFit` sizes every column to its title or its widest value; when they do not all fit the
viewport, the ``shrink`` steps give way in order, each a column down to a floor (its text elided,
the whole text in the tooltip; a column may come twice, with a lower floor the second time), and
the ``fill`` column takes what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView, QWidget

FLOOR = 80  # px: the narrowest a column that gives way becomes, unless its step says otherwise
Floor = int | Callable[[], int]  # px, or a function giving it (it may depend on the text size)


class CompactHeader(QHeaderView):
    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal,
                 parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)

    def sectionSizeFromContents(self, logical_index: int) -> QSize:  # noqa: N802 - Qt's name
        size = super().sectionSizeFromContents(logical_index)
        if not self.isSortIndicatorShown() or self.orientation() != Qt.Orientation.Horizontal:
            return size
        opt = QStyleOptionHeader()
        self.initStyleOption(opt)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, opt, self)
        mark = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, opt, self)
        reserved = size.height() + margin  # what QHeaderView added for the arrow
        return QSize(size.width() - reserved + mark + 4 * margin, size.height())


class ColumnFit(QObject):
    """Keeps the columns of ``table`` inside its viewport (see the module's text). Refits when the
    viewport is resized and when the rows or their values change."""

    def __init__(self, table: QTableView, fill: int, shrink: Sequence[tuple[int, Floor]] = ()) -> None:
        super().__init__(table)
        self.table, self.fill, self.shrink = table, fill, tuple(shrink)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(fill, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)  # a new text size
        self._model = None
        self.watch()

    def watch(self) -> None:
        """Follow the table's model (call again after ``setModel``)."""
        model = self.table.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted,
                       model.rowsRemoved, model.headerDataChanged):
            signal.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Resize and watched is self.table.viewport()) or \
                (event.type() == QEvent.Type.FontChange and watched is self.table):
            self.fit()
        return False

    def _floor(self, column: int, floor: Floor = FLOOR) -> int:
        px = floor() if callable(floor) else floor
        return max(px, self.table.horizontalHeader().sectionSizeHint(column))

    def fit(self, *_: object) -> None:
        header = self.table.horizontalHeader()
        if self.table.model() is None or header.count() == 0:
            return
        want = {c: max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                for c in range(header.count()) if c != self.fill and not header.isSectionHidden(c)}
        room = self.table.viewport().width() - self._floor(self.fill)
        over = sum(want.values()) - room
        for c, floor in self.shrink:
            if over <= 0:
                break
            if c in want:
                give = min(over, max(0, want[c] - self._floor(c, floor)))
                want[c] -= give
                over -= give
        for c, width in want.items():
            if header.sectionSize(c) != width:
                header.resizeSection(c, width)
