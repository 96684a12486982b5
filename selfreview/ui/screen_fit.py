"""The main window's first size, chosen from the screen the person has.

The app prefers 1280×820 at the normal text size (more with larger text), but never more than the
screen's available geometry (the screen less the taskbar) leaves once the window's title bar and
borders are counted: on a 1366×768 laptop the whole window, the bottom buttons and the "Saved" status
included, is on screen at the first start. A size restored from the last run is kept only when it
still fits the screen (a laptop taken off its large monitor)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 820)
# room for the title bar and borders the window system adds around the window (Windows 10/11: 31 px
# of title bar and 8 px of border at 100 % scaling; most Linux desktops less)
FRAME = QSize(16, 40)


def first_size(available: QSize, scale: float = 1.0) -> QSize:
    """The window's size (without its frame) on a screen whose available size is ``available``;
    ``scale``: the text size against the normal one (larger text wants a larger window)."""
    want = QSize(round(PREFERRED.width() * max(1.0, scale)), round(PREFERRED.height() * max(1.0, scale)))
    room = QSize(max(320, available.width() - FRAME.width()), max(240, available.height() - FRAME.height()))
    return want.boundedTo(room)


def place(window: QWidget, scale: float = 1.0) -> QRect:
    """Size ``window`` for its screen (the primary one before it is shown) and centre it there."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
    size = first_size(available.size(), scale)
    window.resize(size)
    top_left = available.center() - QPoint(size.width() // 2, (size.height() + FRAME.height() // 2) // 2)
    window.move(max(available.left(), top_left.x()), max(available.top(), top_left.y()))
    return QRect(window.pos(), size)


def fits_screen(window: QWidget) -> bool:
    """True when the window (as restored) lies within its screen's available geometry."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return True
    available = screen.availableGeometry()
    return (window.width() + FRAME.width() <= available.width() + 1
            and window.height() + FRAME.height() <= available.height() + 1)
