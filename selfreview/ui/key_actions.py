"""The profile's key on Home: protect it with a passphrase (or remove the passphrase), back it up,
restore it, or make a new one after a loss. Everything goes through ``services/keyguard.py`` on the
database writer (scrypt takes about 0.1 s a passphrase); questions go through the dialog service or
a non-modal :class:`PassphraseDialog`, so tests answer them by filling its fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from selfreview.messages import msg
from selfreview.services import keyguard
from selfreview.services.keyguard import MIN_PASSPHRASE
from selfreview.ui.i18n import arg, pick
from selfreview.ui.member_actions import documents_dir, with_suffix
from selfreview.ui.operations import PROFILE, Operations
from selfreview.ui.widgets import hint_label

BACKUP_SUFFIX = ".selfreview-keys"


class PassphraseDialog(QDialog):
    """Up to three password fields: the one in use (``current_label``), and a new one typed twice
    (``new_label``; ``new_optional``: may be left empty). OK only when what is typed can be used."""

    def __init__(self, title: str, intro: str, current_label: str = "", new_label: str = "",
                 new_optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(title)
        self.new_optional = new_optional
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        def field(name: str) -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
            return edit

        self.current = field("currentPassphrase") if current_label else None
        if self.current is not None:
            form.addRow(current_label, self.current)
        self.new = self.again = None
        if new_label:
            self.new, self.again = field("newPassphrase"), field("newPassphraseAgain")
            form.addRow(new_label, self.new)
            form.addRow(self.tr("Type it &again"), self.again)
        layout.addLayout(form)
        if new_label:
            layout.addWidget(hint_label(arg(self.tr(
                "At least %1 characters; a few words you will remember are best. Nobody can open the keys "
                "without it, not even the cell secretary: write it down and keep it in a safe place."),
                MIN_PASSPHRASE), self))
        self.problem = QLabel(self)
        self.problem.setObjectName("noteText")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._check()

    def _check(self) -> None:
        problem = ""
        if self.current is not None and not self.current.text():
            problem = " "  # nothing to say yet: the field is empty
        if self.new is not None:
            new, again = self.new.text(), self.again.text()
            if new or not self.new_optional:
                if len(new) < MIN_PASSPHRASE:
                    problem = pick(msg("keys.passphrase_short", min=MIN_PASSPHRASE)) if new else " "
                elif new != again:
                    problem = pick(msg("keys.passphrases_differ")) if again else " "
        self.problem.setText(problem.strip())
        self.problem.setVisible(bool(problem.strip()))
        self.ok.setEnabled(not problem)

    def current_passphrase(self) -> str | None:
        return self.current.text() if self.current is not None and self.current.text() else None

    def new_passphrase(self) -> str | None:
        return self.new.text() if self.new is not None and self.new.text() else None


class KeyActions(QObject):
    """The key actions of one profile. Each announces PROFILE (about the profile's id) on the
    operations layer's ``changes`` once written; ``done`` says which action finished."""

    done = Signal(str)  # the action that finished: protect | unprotect | backup | restore | renew

    def __init__(self, ctx: Any, runner: Any, dialogs: Any, parent_widget: QWidget) -> None:
        # no QObject parent: a write that ends after the page is gone still finds this object
        super().__init__(None)
        self.ctx, self.runner, self.dialogs, self.widget = ctx, runner, dialogs, parent_widget
        self.ops = Operations(runner, dialogs, self._parent)
        self.dialog: PassphraseDialog | None = None

    def _parent(self) -> QWidget | None:
        return self.widget if self.widget is not None and shiboken6.isValid(self.widget) else None

    def _protected(self, profile_id: int) -> bool:
        return keyguard.is_protected(self.ctx, profile_id)

    def _current_label(self, profile_id: int) -> str:
        return self.tr("&Current passphrase") if self._protected(profile_id) else ""

    def _write(self, profile: Any, fn: Any, *args: Any, then: Any, title: str = "") -> None:
        """``fn(ctx, profile.id, *args)`` on the writer; ``then(result)`` once written; a failure is
        shown under ``title``."""
        (self.ops.write(fn, self.ctx, profile.id, *args).changes(PROFILE, about=profile.id).success(then)
         .failure(lambda e: self.ops.present(e, title)).run())

    def _ask(self, dialog: PassphraseDialog, then) -> PassphraseDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: then(dialog))
        dialog.open()
        return dialog

    # -- protect ----------------------------------------------------------------------------------------
    def protect(self, profile: Any) -> PassphraseDialog:
        protected = self._protected(profile.id)
        intro = (self.tr("Your key is protected by a passphrase. Type it, then the new one.") if protected else
                 self.tr("With a passphrase, the key files on this computer are of no use to anyone who does "
                         "not know it: nobody can sign or open files in your name. The app asks for it when "
                         "you send a review."))
        return self._ask(PassphraseDialog(self.tr("Protect the key with a passphrase"), intro,
                                          self._current_label(profile.id), self.tr("&New passphrase"),
                                          parent=self.widget),
                         lambda d: self._write(profile, keyguard.protect, d.new_passphrase(), d.current_passphrase(),
                                               then=lambda _r: self._protected_done()))

    def _protected_done(self) -> None:
        self.dialogs.info(self._parent(), self.tr("Key protected"),
                          self.tr("Your key is now protected by the passphrase. Keep the passphrase in a safe place: "
                                  "without it the key cannot be used."))
        self.done.emit("protect")

    # -- remove the passphrase (as `selfreview keys protect --remove`) ----------------------------------
    def unprotect(self, profile: Any) -> PassphraseDialog | None:
        if not self._protected(profile.id):
            return None
        return self._ask(PassphraseDialog(
            self.tr("Remove the passphrase"),
            self.tr("Type the passphrase that protects your key now. After that the key is kept on this computer "
                    "without a passphrase, as when it was made."),
            self.tr("&Current passphrase"), parent=self.widget),
            lambda d: self._unprotect_confirmed(profile, d.current_passphrase()))

    def _unprotect_confirmed(self, profile: Any, current: str | None) -> None:
        if not self.dialogs.confirm(
                self._parent(), self.tr("Remove the passphrase"),
                self.tr("Keep the key without a passphrase? Anyone who can use your account on this computer could "
                        "then sign and open files in your name."),
                self.tr("Remove the passphrase"),
                self.tr("You can protect the key with a passphrase again at any time.")):
            return
        self._write(profile, keyguard.protect, None, current, then=lambda _r: self._unprotected_done(),
                    title=self.tr("The passphrase was not removed"))

    def _unprotected_done(self) -> None:
        self.dialogs.info(self._parent(), self.tr("Passphrase removed"),
                          self.tr("Your key is no longer protected by a passphrase. The app will not ask for one "
                                  "when you send a review."))
        self.done.emit("unprotect")

    # -- backup -----------------------------------------------------------------------------------------
    def backup(self, profile: Any) -> PassphraseDialog | None:
        from selfreview.services.exchange import slug
        from selfreview.filenames import portable_name
        suggested = documents_dir() / portable_name(f"khoa-{slug(profile.full_name)}{BACKUP_SUFFIX}")
        chosen = self.dialogs.save_file(self._parent(), self.tr("Back up the key: save the file"), str(suggested),
                                        arg(self.tr("Key backups (*%1)"), BACKUP_SUFFIX))
        if not chosen:
            return None
        out = with_suffix(chosen, BACKUP_SUFFIX)
        return self._ask(PassphraseDialog(
            self.tr("Back up the key"),
            self.tr("The backup file is sealed with its own passphrase. Keep the file (on a USB stick, say) and "
                    "the passphrase apart: with both, your key can be put back on a new computer."),
            self._current_label(profile.id), self.tr("Passphrase for the &backup"), parent=self.widget),
            lambda d: self._write(profile, keyguard.export_backup, out, d.new_passphrase(), d.current_passphrase(),
                                  then=lambda _r: self._backup_done(out)))

    def _backup_done(self, path: Path) -> None:
        self.dialogs.info(self._parent(), self.tr("Key backed up"),
                          arg(self.tr("The key backup was saved as %1."), path))
        self.done.emit("backup")

    # -- restore ----------------------------------------------------------------------------------------
    def restore(self, profile: Any) -> PassphraseDialog | None:
        chosen = self.dialogs.open_file(self._parent(), self.tr("Restore the key from a backup"),
                                        arg(self.tr("Key backups (*%1);;All files (*)"), BACKUP_SUFFIX),
                                        str(documents_dir()))
        if not chosen:
            return None
        return self._ask(PassphraseDialog(
            self.tr("Restore the key"),
            self.tr("Type the passphrase of the backup file. To protect the restored key on this computer, "
                    "also type a passphrase for it (you may leave that empty)."),
            self.tr("Passphrase of the &backup"), self.tr("&New passphrase (optional)"), new_optional=True,
            parent=self.widget),
            lambda d: self._write(profile, keyguard.restore_backup, Path(chosen), d.current_passphrase(),
                                  d.new_passphrase(), then=self._restore_done))

    def _restore_done(self, pub: Any) -> None:
        self.dialogs.info(self._parent(), self.tr("Key restored"),
                          arg(self.tr("Your key is back. Its code is %1, as before."), pub.fingerprint))
        self.done.emit("restore")

    # -- a new key after a loss ---------------------------------------------------------------------------
    def renew(self, profile: Any) -> None:
        if not self.dialogs.confirm(self._parent(), self.tr("Make a new key"), pick(msg("keys.renew_warning")),
                                    self.tr("Make a new key"),
                                    arg(self.tr("Your key code now: %1"), profile.fingerprint)):
            return
        old = profile.fingerprint
        self._write(profile, keyguard.replace_lost_keys, then=lambda pub: self._renew_done(old, pub))

    def _renew_done(self, old: str, pub: Any) -> None:
        self.dialogs.info(self._parent(), self.tr("New key made"), pick(msg("keys.renewed", new=pub.fingerprint, old=old)))
        self.done.emit("renew")


    # -- the profile card's key rows -------------------------------------------------------------------------
    def protection_row(self, profile: Any, parent: QWidget) -> tuple[str, QLabel]:
        """(row name, value) saying whether a passphrase protects the key."""
        state = QLabel(self.tr("Protected by a passphrase") if self._protected(profile.id) else
                       self.tr("Not protected by a passphrase"), parent)
        state.setObjectName("keyProtection")
        state.setWordWrap(True)
        return self.tr("Key protection"), state

    def buttons(self, profile: Any, parent: QWidget) -> QWidget:
        """The actions, one under the other (the card stays narrow); "remove the passphrase" only when
        there is one."""
        box = QWidget(parent)
        box.setObjectName("keyActions")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        specs = (("protectKeyButton", self.tr("Protec&t the key with a passphrase…"), self.protect),
                 ("unprotectKeyButton", self.tr("Re&move the passphrase…"), self.unprotect),
                 ("backupKeyButton", self.tr("&Back up the key…"), self.backup),
                 ("restoreKeyButton", self.tr("Restore the &key…"), self.restore),
                 ("renewKeyButton", self.tr("Make a new key (key &lost)…"), self.renew))
        protected = self._protected(profile.id)
        for name, text, slot in specs:
            if name == "unprotectKeyButton" and not protected:
                continue
            button = QPushButton(text, box)
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, s=slot: s(profile))
            layout.addWidget(button)
        return box
