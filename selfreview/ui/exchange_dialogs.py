"""The member's two exchange dialogs: what an invitation from the secretary says (with the key code
to compare by voice) before it is opened, and where the file for the cell was saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from selfreview.forms import registry
from selfreview.ui.i18n import arg, pick
from selfreview.ui.labels import date_text
from selfreview.ui.widgets import ScaledLabel, hint_label


def _value(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def fingerprint_label(text: str, parent: QWidget, name: str) -> ScaledLabel:
    """A key code as on the profile card: large, bold, spaced, selectable."""
    label = ScaledLabel(text or "—", 1.25, bold=True, parent=parent, spacing=110)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def form_text(form_id: str | None) -> str:
    info = registry.find(form_id) if form_id else None
    if info is None:
        return form_id or ""
    t = info.template
    return f"{pick(t.code) if t.code else t.id} {pick(t.subtitle)}".strip()


def fit(dialog: QDialog) -> None:
    """As tall as the wrapped text needs at the dialog's width, no taller."""
    dialog.adjustSize()
    height = dialog.layout().totalHeightForWidth(dialog.width())
    if height > 0:
        dialog.resize(dialog.width(), height)


class InvitationDialog(QDialog):
    """The invitation's content for the member to check; accepted: open (set up) the review."""

    def __init__(self, info: Any, category: str, existing: Any = None,
                 parent: QWidget | None = None) -> None:
        """``existing``: the profile's current review (ReviewSummary) for the invitation's period, if any."""
        super().__init__(parent)
        self.setObjectName("invitationDialog")
        self.setWindowTitle(self.tr("Invitation from the party cell"))
        self.info = info
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(self.tr("Check the invitation before opening it"), 1.15, bold=True,
                                     parent=self))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Party cell"), _value(info.cell, self, "inviteCell"))
        form.addRow(self.tr("Superior party body"), _value(info.superior_body or "—", self, "inviteSuperior"))
        form.addRow(self.tr("Period"), _value(info.period, self, "invitePeriod"))
        form.addRow(self.tr("Deadline"), _value(date_text(info.deadline) or self.tr("none given"), self,
                                                "inviteDeadline"))
        form.addRow(self.tr("Sent by"), _value(info.secretary_name, self, "inviteSecretary"))
        self.form_id = info.forms.get(category)
        form.addRow(self.tr("Your form"), _value(form_text(self.form_id) or "—", self, "inviteForm"))
        layout.addLayout(form)

        key = QFrame(self)
        key.setObjectName("guidance")
        key_layout = QVBoxLayout(key)
        key_layout.addWidget(_value(self.tr("The secretary's key code:"), key))
        self.fingerprint = fingerprint_label(info.secretary_fingerprint, key, "secretaryFingerprint")
        key_layout.addWidget(self.fingerprint)
        key_layout.addWidget(hint_label(arg(self.tr(
            "Before opening it, call %1 and ask them to read out their key code. If it is the same as "
            "this one, the invitation really comes from them. If it is not, do not open it."),
            info.secretary_name), key))
        layout.addWidget(key)

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("noteText")
        usable = self.form_id is not None
        if self.form_id is None:
            self.note.setText(self.tr("This invitation has no form for your kind of post. Check your profile, "
                                      "or ask the secretary for the right invitation."))
        elif existing is not None and existing.template_id != self.form_id:
            usable = False
            self.note.setText(arg(self.tr("You already have a review for %1 on another form (%2). This "
                                          "invitation cannot be used for it: ask the secretary."),
                                  info.period, form_text(existing.template_id)))
        elif existing is not None:
            self.note.setText(arg(self.tr("You already have a review for %1: it will be linked to this "
                                          "invitation and sent to this secretary."), info.period))
        self.note.setVisible(bool(self.note.text()))
        layout.addWidget(self.note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("Open the review"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("openInvitationButton")
        self.ok.setEnabled(usable)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        fit(self)


class SentDialog(QDialog):
    """Where the file for the cell is, whether it is encrypted and for whom, and one's own key code."""

    def __init__(self, result: Any, own_fingerprint: str | None, opener: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sentDialog")
        self.setWindowTitle(self.tr("Send to the cell"))
        self.result_info, self.opener = result, opener
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(self.tr("The file for the cell is ready"), 1.15, bold=True, parent=self))
        layout.addWidget(_value(self.tr("Saved as:"), self))
        self.path = _value(str(result.path), self, "sentPath")
        bold = self.path.font()
        bold.setBold(True)
        self.path.setFont(bold)
        layout.addWidget(self.path)
        if result.encrypted:
            layout.addWidget(_value(self.tr("Encrypted for the cell secretary who sent the invitation: only "
                                            "they can open it. Their key code:"), self))
            layout.addWidget(fingerprint_label(result.recipient_fingerprint or "", self, "recipientFingerprint"))
        else:
            warning = QFrame(self)
            warning.setObjectName("warnings")
            w_layout = QVBoxLayout(warning)
            w_layout.addWidget(_value(self.tr("Signed but NOT encrypted: anyone who gets this file can read it. "
                                              "Hand it over in person."), warning, "unencryptedNote"))
            layout.addWidget(warning)
        layout.addWidget(_value(self.tr("Your key code (read it out when the secretary asks):"), self))
        layout.addWidget(fingerprint_label(own_fingerprint or "", self, "ownFingerprint"))
        layout.addWidget(hint_label(self.tr("Give the file to your cell secretary: on a USB stick, by e-mail or "
                                            "through a chat app. The review is now marked as sent."), self))
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.folder_button = QPushButton(self.tr("Show the &folder"), self)
        self.folder_button.setObjectName("showFolderButton")
        self.folder_button.setAutoDefault(False)
        self.folder_button.setVisible(opener is not None)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        self.folder_button.clicked.connect(self.show_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)
        fit(self)

    def show_folder(self) -> None:
        if self.opener is not None:
            self.opener(Path(self.result_info.path).parent)
