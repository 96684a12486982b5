"""Who is using this PC now? Several profiles live on one computer, each with its own reviews."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from selfreview.ui.first_run import centered
from selfreview.ui.names import type_to_find
from selfreview.ui.widgets import ScaledLabel

PROFILE_ROLE = Qt.ItemDataRole.UserRole


class ProfilePickerPage(QWidget):
    chosen = Signal(int)
    add_requested = Signal()

    def __init__(self, ctx: Any, selected: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePicker")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        box = QVBoxLayout(content)
        box.setSpacing(10)
        box.addWidget(ScaledLabel(self.tr("Who is writing?"), 1.5, bold=True, parent=content))
        intro = QLabel(self.tr("Choose your profile. Each person's reviews are kept apart."), content)
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.list = QListWidget(content)
        self.list.setObjectName("profiles")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAccessibleName(self.tr("Profiles on this computer"))
        for p in ctx.profiles.list():
            details = " · ".join(x for x in (p.government_post or p.party_post, p.work_unit, p.cell_name) if x)
            item = QListWidgetItem(p.full_name + (f"\n{details}" if details else ""))
            item.setData(PROFILE_ROLE, p.id)
            self.list.addItem(item)
            if p.id == selected:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        type_to_find(self.list)  # typing "duc" goes to "Đức", as the roll-call finds people
        self.list.itemActivated.connect(lambda item: self.chosen.emit(item.data(PROFILE_ROLE)))
        box.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"), content)
        self.open_button.setObjectName("openProfileButton")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.add_button = QPushButton(self.tr("&Add a person…"), content)
        self.add_button.setObjectName("addProfileButton")
        self.add_button.clicked.connect(self.add_requested)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(centered(content, self, 640))
        self.list.setFocus()

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(PROFILE_ROLE))
