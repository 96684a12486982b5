"""First run: the language, then one's profile (the app proposes the form from it). Also used to add
another person's profile on a shared PC."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QRadioButton, QScrollArea, QStackedWidget,
    QVBoxLayout, QWidget,
)

from selfreview.ui.i18n import LANGUAGES, language
from selfreview.ui.operations import PROFILE, Operations
from selfreview.ui.profile_form import ProfileForm
from selfreview.ui.widgets import ScaledLabel


def centered(content: QWidget, parent: QWidget, max_width: int = 760) -> QScrollArea:
    """``content`` in a column of readable width, scrolling when the text is large."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.addStretch(1)
    content.setMaximumWidth(max_width)
    row.addWidget(content, 100)
    row.addStretch(1)
    scroll.setWidget(holder)
    return scroll


class FirstRunPage(QWidget):
    language_chosen = Signal(str)
    profile_created = Signal(object)  # ProfileData
    cancelled = Signal()

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, ask_language: bool = True,
                 cancellable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.ctx, self.runner, self.dialogs = ctx, runner, dialogs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.steps = QStackedWidget(self)
        layout.addWidget(self.steps)
        self.language_step = self._language_step() if ask_language else None
        self.profile_step, self.form, self.create_button = self._profile_step(cancellable)
        if self.language_step is not None:
            self.steps.addWidget(self.language_step)
        self.steps.addWidget(self.profile_step)

    # -- step 1 ---------------------------------------------------------------------------------------
    def _language_step(self) -> QWidget:
        content = QWidget()
        box = QVBoxLayout(content)
        box.setSpacing(12)
        box.addWidget(ScaledLabel(self.tr("Welcome"), 1.5, bold=True, parent=content))
        intro = QLabel(self.tr("This program helps you write your annual self-review (bản kiểm điểm cá nhân) "
                               "on this computer, without the Internet. Everything is saved as you type."),
                       content)
        intro.setWordWrap(True)
        box.addWidget(intro)
        # both languages: the person may not read the current one
        box.addWidget(ScaledLabel("Ngôn ngữ / Language", 1.15, bold=True, parent=content))
        self.language_group = QButtonGroup(content)
        self.language_buttons: dict[str, QRadioButton] = {}
        for code, name in LANGUAGES:
            button = QRadioButton(name, content)
            button.setObjectName(f"lang_{code}")
            button.setChecked(code == language())
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.next_button = QPushButton(self.tr("&Next"), content)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._language_done)
        box.addSpacing(12)
        box.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        return centered(content, self)

    def _language_done(self) -> None:
        chosen = next(code for code, b in self.language_buttons.items() if b.isChecked())
        self.language_chosen.emit(chosen)  # the main window reinstalls translators and rebuilds

    def show_profile_step(self) -> None:
        self.steps.setCurrentWidget(self.profile_step)
        self.form.focus_first()

    # -- step 2 ---------------------------------------------------------------------------------------
    def _profile_step(self, cancellable: bool) -> tuple[QWidget, ProfileForm, QPushButton]:
        content = QWidget()
        box = QVBoxLayout(content)
        box.setSpacing(10)
        box.addWidget(ScaledLabel(self.tr("Your profile"), 1.5, bold=True, parent=content))
        intro = QLabel(self.tr("These details go at the top of your self-review. Only the full name is "
                               "required; you can change everything later. Several people can each have "
                               "a profile on this computer; their reviews are kept apart."), content)
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = ProfileForm(content)
        box.addWidget(form)
        buttons = QHBoxLayout()
        create = QPushButton(self.tr("&Create profile"), content)
        create.setObjectName("createProfileButton")
        create.setDefault(True)
        create.clicked.connect(self._create)
        buttons.addWidget(create)
        if cancellable:
            cancel = QPushButton(self.tr("Cancel"), content)
            cancel.setObjectName("cancelButton")
            cancel.clicked.connect(self.cancelled)
            buttons.addWidget(cancel)
        buttons.addStretch(1)
        form.changed.connect(lambda: create.setEnabled(form.is_valid()))
        create.setEnabled(form.is_valid())
        box.addLayout(buttons)
        box.addStretch(1)
        return centered(content, self), form, create

    def _create(self) -> None:
        if not self.form.is_valid():
            return
        self.create_button.setEnabled(False)
        ops = Operations(self.runner, self.dialogs, self)
        (ops.write(self.ctx.profiles.create, self.form.data()).changes(PROFILE).success(self.profile_created.emit)
         .failure(lambda e: self._failed(ops, e)).run())

    def _failed(self, ops: Operations, error: Exception) -> None:
        self.create_button.setEnabled(True)
        ops.present(error, self.tr("The profile was not created"))
