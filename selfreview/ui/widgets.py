"""Small widgets the screens share: headings that follow the text size, wrapped choices, a plain
text editor that grows with its text, spin and date boxes that can stay empty, a done mark."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPen, QPixmap, QResizeEvent, QValidator,
)
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QDateEdit, QDoubleSpinBox, QHBoxLayout, QLabel,
    QPlainTextEdit, QRadioButton, QSizePolicy, QWidget,
)

NONE_TEXT = "—"  # an unanswered score or date


class ScaledLabel(QLabel):
    """A label whose font is the application font times ``scale``: headings follow the text size."""

    def __init__(self, text: str = "", scale: float = 1.0, bold: bool = False,
                 parent: QWidget | None = None, wrap: bool = True, spacing: float = 100) -> None:
        super().__init__(text, parent)
        self._scale, self._bold, self._spacing = scale, bold, spacing
        self.setWordWrap(wrap)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._refont()

    def _refont(self) -> None:
        font = QFont(QApplication.font())
        if self._scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * self._scale)
        font.setBold(self._bold)
        if self._spacing != 100:
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, self._spacing)
        self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # a new text size, or a style sheet that polished the old font back
        if event.type() in (QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange):
            self._refont()


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Official hint text: wrapped, muted (the colour comes from the style sheet)."""
    label = QLabel(text, parent)
    label.setObjectName("hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _SwallowInput(QObject):
    """Eats the mouse and key events of a read-only button."""

    EATEN = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
             QEvent.Type.KeyPress, QEvent.Type.KeyRelease}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        return event.type() in self.EATEN


_swallow = _SwallowInput()


def set_interactive(button: QAbstractButton, interactive: bool) -> None:
    """Read-only without greying out: a finalized review stays easy to read."""
    if interactive:
        button.removeEventFilter(_swallow)
    else:
        button.installEventFilter(_swallow)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)


class _ClickLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WrapChoice(QWidget):
    """A radio button or check box whose (long, Vietnamese) label wraps instead of being cut.
    Clicking the text toggles the button, as with a normal button label."""

    def __init__(self, text: str, radio: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button: QAbstractButton = QRadioButton(self) if radio else QCheckBox(self)
        self.button.setAccessibleName(text)
        self.label = _ClickLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label.clicked.connect(self._label_clicked)
        self._interactive = True
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def _label_clicked(self) -> None:
        if self._interactive and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()

    def set_interactive(self, interactive: bool) -> None:
        self._interactive = interactive
        set_interactive(self.button, interactive)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor if interactive else Qt.CursorShape.ArrowCursor)


class PlainTextEdit(QPlainTextEdit):
    """Long text: plain text only (paste drops formatting), Tab moves on, undo/redo kept, the height
    follows the text between ``min_lines`` and ``max_lines``, at most ``max_length`` characters."""

    def __init__(self, parent: QWidget | None = None, max_length: int = 0, min_lines: int = 4,
                 max_lines: int = 16) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self._fit)
        # the lines counted again once laid out (Qt lays them out later after a width change)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.textChanged.connect(self._limit)
        self._fit()

    def text(self) -> str:
        """Exactly what was typed (no-break spaces kept), lines separated by ``\\n``."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def inputMethodEvent(self, event) -> None:  # noqa: N802
        if self.isReadOnly():  # a locked review: nothing typed gets in, not even a commit string
            event.ignore()
            return
        super().inputMethodEvent(event)

    def insertFromMimeData(self, source) -> None:  # noqa: N802
        if source.hasText():
            self.textCursor().insertText(source.text())

    def _limit(self) -> None:
        if not self.max_length:
            return
        excess = len(self.text()) - self.max_length
        if excess > 0:  # drop what was just inserted beyond the limit, as QLineEdit does
            cursor = self.textCursor()
            end = cursor.position()
            cursor.setPosition(max(0, end - excess))
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()

    def _fit(self) -> None:
        lines = int(self.document().documentLayout().documentSize().height()) or 1
        lines = max(self.min_lines, min(self.max_lines, lines))
        margins = self.contentsMargins()
        height = (math.ceil(lines * self._line_height() + 2 * self.document().documentMargin())
                  + margins.top() + margins.bottom() + 2)
        if self.height() != height:
            self.setFixedHeight(height)

    def _line_height(self) -> float:
        """A laid-out line's height: fractional (an integer ``lineSpacing()`` fell short by a pixel
        every few lines, so the last line hid under a vertical scroll bar), and as tall as a
        fallback font makes the first line."""
        height = QFontMetricsF(self.font()).lineSpacing()
        first = self.document().firstBlock().layout()
        return max(height, first.lineAt(0).height()) if first is not None and first.lineCount() else height

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()
        self._rewrap()

    def _rewrap(self) -> None:
        """Qt wraps the lines again when the viewport's width changes, but a scroll bar shown
        while the box takes its height (``_fit`` in the first resize, as a long answer opens)
        narrows the viewport without a resize event of its own: the lines kept the wider width,
        their last letters cut at the right edge above a horizontal scroll bar. Wrap them again."""
        viewport = self.viewport().size()
        if (self.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
                and self.document().size().width() > viewport.width()):
            super().resizeEvent(QResizeEvent(viewport, QSize(-1, -1)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()


class _NoWheelUnlessFocused(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel and not obj.hasFocus():
            event.ignore()
            return True
        return False


_no_wheel = _NoWheelUnlessFocused()


class OptionalSpinBox(QDoubleSpinBox):
    """A score that may be unanswered: the lowest position shows "—" and means None.
    Accepts both decimal marks (25,5 and 25.5) and snaps to the step."""

    def __init__(self, minimum: float, maximum: float, step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min, self._step = float(minimum), float(step)
        decimals = 0 if float(step).is_integer() else len(str(step).split(".")[1])
        self.setDecimals(decimals)
        self.setRange(self._min - self._step, float(maximum))
        self.setSingleStep(self._step)
        self.setSpecialValueText(NONE_TEXT)
        self.setValue(self.minimum())
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setKeyboardTracking(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.installEventFilter(_no_wheel)

    def _normalise(self, text: str) -> str:
        point = self.locale().decimalPoint()
        other = "." if point == "," else ","
        return text.replace(other, point)

    def validate(self, text: str, pos: int):
        if not text.strip() or text.strip() == NONE_TEXT:  # empty: unanswered
            return QValidator.State.Acceptable, text, pos
        return super().validate(self._normalise(text), pos)

    def valueFromText(self, text: str) -> float:  # noqa: N802
        if not text.strip() or text.strip() == NONE_TEXT:
            return self.minimum()
        return super().valueFromText(self._normalise(text))

    def textFromValue(self, value: float) -> str:  # noqa: N802
        """61 rather than "61,0"; 25,5 keeps its decimal."""
        text = super().textFromValue(value)
        point = self.locale().decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def fixup(self, text: str) -> str:
        return text if not text.strip() else super().fixup(self._normalise(text))

    def score(self) -> float | int | None:
        value = self.value()
        if value < self._min:
            return None
        snapped = round(round((value - self._min) / self._step) * self._step + self._min, 6)
        return int(snapped) if float(snapped).is_integer() else snapped

    def set_score(self, value: float | int | None) -> None:
        self.setValue(self.minimum() if value is None else float(value))


BIRTH_YEARS_AGO = 45  # party members' median age is in the forties: a date of birth's calendar opens there


class OptionalDateEdit(QDateEdit):
    """A date that may be unanswered: the day before the first allowed date shows "—"."""

    def __init__(self, minimum: date | None, maximum: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        first = QDate(minimum) if minimum else QDate(1900, 1, 1)
        self._none = first.addDays(-1)
        self.setMinimumDate(self._none)
        self.setMaximumDate(QDate(maximum) if maximum else QDate(2100, 12, 31))
        self.setSpecialValueText(NONE_TEXT)
        self.setDate(self._none)
        self.installEventFilter(_no_wheel)
        self.calendarWidget().installEventFilter(self)
        self.empty_page: tuple[int, int] | None = None  # (year, month) the calendar opens at with no date yet

    def open_around(self, years_ago: int) -> None:
        """With no date yet, the calendar opens in January ``years_ago`` years back (a date of birth:
        around a plausible year, not at this month)."""
        self.empty_page = (QDate.currentDate().year() - years_ago, 1)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.calendarWidget() and event.type() == QEvent.Type.Show and self.date_or_none() is None:
            today = QDate.currentDate()
            year, month = self.empty_page or (today.year(), today.month())
            obj.setCurrentPage(year, month)
        return super().eventFilter(obj, event)

    def date_or_none(self) -> date | None:
        d = self.date()
        return None if d == self._none else date(d.year(), d.month(), d.day())

    def set_date_or_none(self, value: date | None) -> None:
        self.setDate(self._none if value is None else QDate(value))

    def clear_date(self) -> None:
        self.setDate(self._none)


def done_icon(color: str = "#2e7d32") -> QIcon:
    """A check mark painted at several resolutions (no font glyph needed; sharp at high DPI)."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(color), max(2.0, size / 7))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        path = QPainterPath(QPointF(size * 0.18, size * 0.55))
        path.lineTo(QPointF(size * 0.42, size * 0.78))
        path.lineTo(QPointF(size * 0.84, size * 0.26))
        p.drawPath(path)
        p.end()
        icon.addPixmap(pix)
    return icon


def dot_icon(color: str = "#9aa5b4") -> QIcon:
    """A small open circle: a section not finished yet."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(color), max(1.5, size / 12)))
        r = size * 0.22
        p.drawEllipse(QRectF(size / 2 - r, size / 2 - r, 2 * r, 2 * r))
        p.end()
        icon.addPixmap(pix)
    return icon


ICON_SIZE = QSize(16, 16)
