"""What "fits" means for a window or dialog: every visible button and field lies inside its window
and inside the widgets that hold it (not cut off), and no two of them overlap. Used by the
screen-size tour (``tests/gui/screen_tour.py``); :func:`cut_off` (a label or button narrower than its
text) by the comfort tests. No tests here."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSpinBox, QCalendarWidget, QComboBox,
    QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QScrollBar, QTabBar, QTextEdit, QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
# a control's own parts (a combo's line edit, a field's clear button, a table's header) are its business
COMPOSITE = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QAbstractItemView, QScrollBar, QCalendarWidget,
             QPlainTextEdit, QTextEdit)


def _name(w: QWidget) -> str:
    text = w.text() if hasattr(w, "text") and callable(w.text) and isinstance(w.text(), str) else ""
    return f"{type(w).__name__}#{w.objectName() or '-'}{' ' + repr(text[:30]) if text else ''}"


def controls(top: QWidget) -> list[QWidget]:
    out = []
    for w in top.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible() or w.window() is not top:
            continue
        if w.objectName().startswith("qt_"):
            continue
        p, inner = w.parentWidget(), False
        while p is not None and p is not top:
            if isinstance(p, COMPOSITE):
                inner = True
                break
            p = p.parentWidget()
        if not inner:
            out.append(w)
    return out


def _clip(w: QWidget, top: QWidget) -> QRect:
    """The part of ``top`` where ``w`` can be seen: its ancestors' rectangles intersected up to the
    window. Inside a scroll area only the directions it cannot scroll count (a field below the
    visible part of a long form is reached by scrolling; one cut off sideways is not)."""
    big = 10**6
    clip = QRect(-big, -big, 2 * big, 2 * big)
    free_x = free_y = False
    p = w.parentWidget()
    while p is not None and p is not top:
        holder = p.parentWidget().parentWidget() if p.parentWidget() is not None else None
        if isinstance(holder, QScrollArea) and p is holder.widget():
            free_y = free_y or holder.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            free_x = free_x or holder.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            p = holder.viewport()
        if not isinstance(p, QAbstractScrollArea) or isinstance(p, QScrollArea) or p is not w:
            o = p.mapTo(top, QPoint(0, 0))
            rect = QRect(-big if free_x else o.x(), -big if free_y else o.y(),
                         2 * big if free_x else p.width(), 2 * big if free_y else p.height())
            clip = clip.intersected(rect)
        p = p.parentWidget()
    t = top.rect()
    return clip.intersected(QRect(-big if free_x else t.x(), -big if free_y else t.y(),
                                  2 * big if free_x else t.width(), 2 * big if free_y else t.height()))


def _seen(w: QWidget, top: QWidget) -> QRect:
    """The part of the window where ``w`` shows now: every ancestor's rectangle intersected."""
    clip = top.rect()
    p = w.parentWidget()
    while p is not None and p is not top:
        clip = clip.intersected(QRect(p.mapTo(top, QPoint(0, 0)), p.size()))
        p = p.parentWidget()
    return clip


def problems(top: QWidget) -> list[str]:
    """Buttons and fields cut off by their window (or by what holds them), and ones that overlap."""
    found: list[str] = []
    placed: list[tuple[QWidget, QRect]] = []
    for w in controls(top):
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        if rect.width() <= 0 or rect.height() <= 0:
            continue
        clip = _clip(w, top)
        if not clip.contains(rect):
            found.append(f"{_name(w)} at {rect.getRect()} is cut off (room: {clip.getRect()})")
        placed.append((w, rect.intersected(_seen(w, top))))
    for area in top.findChildren(QScrollArea):
        if area.isVisible() and area.window() is top and area.horizontalScrollBar().isVisible():
            found.append(f"{_name(area)} scrolls sideways: its content needs {area.widget().minimumSizeHint().width()} "
                         f"px, it has {area.viewport().width()}")
    for view in top.findChildren(QAbstractItemView):
        if view.isVisible() and view.window() is top and view.horizontalScrollBar().isVisible():
            found.append(f"{_name(view)} scrolls sideways: its columns need "
                         f"{view.horizontalScrollBar().maximum() + view.viewport().width()} px, "
                         f"it has {view.viewport().width()}")
    for i, (a, ra) in enumerate(placed):
        for b, rb in placed[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a) or ra.isEmpty() or rb.isEmpty():
                continue
            both = ra.intersected(rb)
            if both.width() > 1 and both.height() > 1:
                found.append(f"{_name(a)} {ra.getRect()} overlaps {_name(b)} {rb.getRect()}")
    return found


def cut_off(window) -> list[str]:
    """Visible buttons and one-line labels narrower than their text."""
    out = []
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not w.isVisible() or not w.text() or (isinstance(w, QLabel) and w.wordWrap()):
            continue
        if isinstance(w, QLabel) and w.textFormat() == Qt.TextFormat.RichText:
            continue
        if w.width() < w.minimumSizeHint().width() - 1:
            out.append(f"{type(w).__name__} {w.text()!r}: {w.width()} < {w.minimumSizeHint().width()}")
    return out
