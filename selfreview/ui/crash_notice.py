"""The next start after the app died: a non-modal bar at the top of the main window says that the
app closed unexpectedly and until what time the answers were saved; "Details" says where the crash
log is (services/crashlog.py). It stays until closed; nothing else waits for it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy, QToolBar, QVBoxLayout, QWidget,
)

from selfreview.ui import open_file
from selfreview.ui.i18n import arg


def local_time_text(moment_utc: datetime) -> str:
    """A stored UTC time as the person's clock shows it, to the second (e.g. "14:32:05 05/12/2026")."""
    local = moment_utc.replace(tzinfo=timezone.utc).astimezone()
    return local.strftime("%H:%M:%S %d/%m/%Y")


class CrashNotice(QFrame):
    """One line (two when the window is narrow): what happened and until when the answers were
    saved; "Details" adds where the log is and a button to its folder. Its height is its text's
    natural height at the width it gets (a tool bar asks the height for a guessed, narrower width)."""

    def __init__(self, log_path: Path, saved_until: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warnings")
        self.log_path = Path(log_path)
        lines = [self.tr("Self-review closed unexpectedly last time.")]
        if saved_until is not None:
            lines.append(arg(self.tr("Your answers were saved until %1."), local_time_text(saved_until)))
        else:
            lines.append(self.tr("No answer had been saved yet."))
        self.message = QLabel(" ".join(lines), self)
        self.message.setObjectName("crashNoticeText")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(arg(self.tr("What happened is written in %1"), str(self.log_path)), self)
        self.details.setObjectName("crashNoticeDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.hide()
        self.details_button = QPushButton(self.tr("&Details"), self)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.folder_button = QPushButton(self.tr("Show the log &folder"), self)
        self.folder_button.clicked.connect(lambda: open_file.open_path(self.log_path.parent))
        self.folder_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 3, 3)
        layout.addLayout(texts, 1)
        for button in (self.details_button, self.folder_button, self.close_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.folder_button.setVisible(shown)
        self.fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        """The height the text needs at the notice's width, no more."""
        self.layout().activate()
        height = self.heightForWidth(self.width()) if self.hasHeightForWidth() else -1
        height = max(height, self.layout().minimumSize().height())
        if height != self.maximumHeight():
            self.setFixedHeight(height)


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
