"""The next start after the app died: a non-modal bar at the top of the main window says that the
app closed unexpectedly, until what time the answers were saved, and where the crash log is
(services/crashlog.py). It stays until closed; nothing else waits for it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from selfreview.ui import open_file
from selfreview.ui.i18n import arg


def local_time_text(moment_utc: datetime) -> str:
    """A stored UTC time as the person's clock shows it, to the second (e.g. "14:32:05 05/12/2026")."""
    local = moment_utc.replace(tzinfo=timezone.utc).astimezone()
    return local.strftime("%H:%M:%S %d/%m/%Y")


class CrashNotice(QFrame):
    def __init__(self, log_path: Path, saved_until: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warnings")
        self.log_path = Path(log_path)
        lines = [self.tr("Self-review closed unexpectedly last time.")]
        if saved_until is not None:
            lines.append(arg(self.tr("Your answers were saved until %1."), local_time_text(saved_until)))
        else:
            lines.append(self.tr("No answer had been saved yet."))
        lines.append(arg(self.tr("What happened is written in %1"), str(self.log_path)))
        self.message = QLabel("\n".join(lines), self)
        self.message.setObjectName("crashNoticeText")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Show the log &folder"), self)
        self.folder_button.clicked.connect(lambda: open_file.open_path(self.log_path.parent))
        self.close_button = QPushButton(self.tr("Close"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.close_button)


def show_crash_notice(window: QMainWindow, log_path: Path, saved_until: datetime | None) -> CrashNotice:
    """Put the notice above the window's pages (a fixed tool bar: the window's layout is untouched)."""
    bar = QToolBar(window)
    bar.setObjectName("crashNoticeBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    notice = CrashNotice(log_path, saved_until, bar)
    bar.addWidget(notice)
    notice.close_button.clicked.connect(bar.hide)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.show()  # the window is shown already
    return notice
