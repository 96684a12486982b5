"""Modal dialogs behind one small service, so tests answer them without a modal loop
(Picard's user_dialog_service). Widgets call ``self.dialogs.confirm(...)``, never QMessageBox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# QMessageBox and QFileDialog are imported when a dialog is shown: the app builds this service
# before its window, and PySide6 builds each class's enums on its first import (≈ 1.5 ms here)


class DialogService(QObject):
    """The real dialogs. Every method blocks until the person answers."""

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_text: str = "",
                detail: str = "") -> bool:
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          parent)
        ok = box.addButton(ok_text or self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)  # a slip of the Enter key must not lock a review
        if detail:
            box.setInformativeText(detail)
        box.exec()
        return box.clickedButton() is ok

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[str], ok_text: str = "",
               detail: str = "", current: int = 0) -> int | None:
        """The index of the choice the person confirmed (``current`` preselected), or None."""
        from selfreview.ui.choice_dialog import ChoiceDialog
        dialog = ChoiceDialog(title, text, choices, current, ok_text, detail, parent)
        return dialog.chosen() if dialog.exec() == ChoiceDialog.DialogCode.Accepted else None

    def info(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        if detail:
            box.setInformativeText(detail)
        box.exec()

    def error(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        if detail:
            box.setInformativeText(detail)
        box.exec()

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "",
                  directory: str = "") -> str | None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(parent, title, directory, name_filter)
        return path or None

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "",
                   directory: str = "") -> list[str]:
        from PySide6.QtWidgets import QFileDialog
        paths, _ = QFileDialog.getOpenFileNames(parent, title, directory, name_filter)
        return list(paths)

    def save_file(self, parent: QWidget | None, title: str, suggested: str = "",
                  name_filter: str = "") -> str | None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path or None
