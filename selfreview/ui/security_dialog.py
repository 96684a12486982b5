"""Security ("Bảo mật"): the person's key in one place, away from Home. The key code, whether a
passphrase protects the key and whether it is backed up, and the actions (protect, remove the
passphrase, back up, restore, a new key after a loss: ``key_actions.py``). Opened from the profile
card and from the File menu; Home keeps one line when something needs attention."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from selfreview.services import keyguard
from selfreview.ui.widgets import ScaledLabel


def key_attention(ctx: Any, profile: Any) -> str:
    """One line for Home when the key needs attention ("" when it does not)."""
    from PySide6.QtCore import QCoreApplication
    protected = keyguard.is_protected(ctx, profile.id)
    backed_up = keyguard.is_backed_up(ctx, profile.id)
    if protected and backed_up:
        return ""
    if not backed_up and not protected:
        text = QT_TRANSLATE_NOOP("Security", "Your key is not backed up and not protected by a passphrase.")
    elif not backed_up:
        text = QT_TRANSLATE_NOOP("Security", "Your key is not backed up yet.")
    else:
        text = QT_TRANSLATE_NOOP("Security", "Your key is not protected by a passphrase.")
    return (QCoreApplication.translate("Security", text) + " "
            + QCoreApplication.translate("Security", "See \"Security\" on your profile card."))


class SecurityDialog(QDialog):
    def __init__(self, ctx: Any, keys: Any, profile: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("securityDialog")
        self.setWindowTitle(self.tr("Security"))
        self.ctx, self.keys, self.profile = ctx, keys, profile
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(self.tr("Security of your key"), 1.2, bold=True, parent=self))
        intro = QLabel(self.tr("Your key signs the files you send, so the secretary knows they come from you, and "
                               "opens the files sent to you. It stays on this computer."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.form)
        self.actions_holder = QVBoxLayout()
        layout.addLayout(self.actions_holder)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        keys.done.connect(lambda _a: self.refresh())  # protected, backed up, restored, renewed
        self.refresh()  # and by Home's show_profile when the profile changed (a new key, an edit)
        self.setMinimumWidth(520)

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        while self.actions_holder.count():
            widget = self.actions_holder.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # gone from findChild at once
                widget.deleteLater()
        code = ScaledLabel(self.profile.fingerprint or "—", 1.0, bold=True, parent=self, spacing=110)
        code.setObjectName("securityFingerprint")
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Key code"), code)
        self.form.addRow(*self.keys.protection_row(self.profile, self))
        backed = QLabel(self.tr("Backed up") if keyguard.is_backed_up(self.ctx, self.profile.id) else
                        self.tr("Not backed up yet: a backup lets you put the key back on a new computer"), self)
        backed.setObjectName("keyBackup")
        backed.setWordWrap(True)
        self.form.addRow(self.tr("Backup"), backed)
        self.actions_holder.addWidget(self.keys.buttons(self.profile, self))
