"""Show a file (a PDF just written) or a folder in the system's own program, behind one small
injectable so tests never launch a viewer.

    open_path(path)          # True when the system accepted the request
    previous = set_opener(recording_opener)   # tests; set_opener(previous) to restore
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

Opener = Callable[[Path], bool]


def system_opener(path: Path) -> bool:
    """Ask the desktop to open ``path`` with the program chosen for its type (xdg-open, Explorer)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False  # no screen to show a viewer on (tests, screenshots): never start one
    return QDesktopServices.openUrl(QUrl.fromLocalFile(os.fspath(path)))


_opener: list[Opener] = [system_opener]


def set_opener(opener: Opener | None) -> Opener:
    """Replace the opener (``None``: the system's again); returns the one replaced."""
    previous = _opener[0]
    _opener[0] = opener or system_opener
    return previous


def open_path(path: str | os.PathLike[str]) -> bool:
    """Open ``path`` in the system's viewer; False when nothing could be started."""
    try:
        return bool(_opener[0](Path(path)))
    except OSError:
        return False
