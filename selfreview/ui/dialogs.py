"""Modal dialogs behind one small service, so tests answer them without a modal loop
(Picard's user_dialog_service). Widgets call ``self.dialogs.confirm(...)``, never QMessageBox."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

    # -- files: Qt's own dialog (translated by qtbase_vi), starting in the folder last used for the
    # same kind of file ("purpose": the first "*.ext" of the filter, e.g. pdf, selfreview, xlsx)
    def __init__(self, parent: QObject | None = None, settings: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings  # a QSettings; None: the user's settings file, when first needed

    def _store(self) -> Any:
        if self._settings is None:
            from selfreview.ui.settings import user_settings
            self._settings = user_settings()
        return self._settings

    @staticmethod
    def purpose(name_filter: str) -> str:
        m = re.search(r"\*\.([\w.-]+)", name_filter or "")
        return m.group(1).lower() if m else "any"

    def start_path(self, purpose: str, suggested: str = "") -> str:
        """Where the dialog opens: the folder last used for this purpose (with the suggested file
        name), else ``suggested``."""
        last = self._store().value(f"folders/{purpose}")
        if not last or not Path(str(last)).is_dir():
            return suggested
        name = Path(suggested).name if suggested and not Path(suggested).is_dir() else ""
        return str(Path(str(last)) / name) if name else str(last)

    def remember(self, purpose: str, path: str) -> None:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        self._store().setValue(f"folders/{purpose}", str(folder))
        self._store().sync()

    def file_dialog(self, parent: QWidget | None, title: str, start: str, name_filter: str, mode: str) -> Any:
        """A configured file dialog (not shown): Qt's own, so it speaks the app's language."""
        from PySide6.QtWidgets import QFileDialog
        dialog = QFileDialog(parent, title, start, name_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setFileMode(QFileDialog.FileMode.AnyFile)
            if start and not Path(start).is_dir():
                dialog.selectFile(Path(start).name)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFiles if mode == "many"
                               else QFileDialog.FileMode.ExistingFile)
        return dialog

    def _run_files(self, parent: QWidget | None, title: str, start: str, name_filter: str, mode: str) -> list[str]:
        purpose = self.purpose(name_filter)
        dialog = self.file_dialog(parent, title, self.start_path(purpose, start), name_filter, mode)
        if not dialog.exec():
            return []
        chosen = [p for p in dialog.selectedFiles() if p]
        if chosen:
            self.remember(purpose, chosen[0])
        return chosen

    def open_file(self, parent: QWidget | None, title: str, name_filter: str = "",
                  directory: str = "") -> str | None:
        chosen = self._run_files(parent, title, directory, name_filter, "one")
        return chosen[0] if chosen else None

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "",
                   directory: str = "") -> list[str]:
        return self._run_files(parent, title, directory, name_filter, "many")

    def save_file(self, parent: QWidget | None, title: str, suggested: str = "",
                  name_filter: str = "") -> str | None:
        chosen = self._run_files(parent, title, suggested, name_filter, "save")
        return chosen[0] if chosen else None
