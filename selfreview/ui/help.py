"""Help: the keyboard shortcuts (Shift+F1) and About (the user guide, F1: ``guide.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from selfreview import __version__
from selfreview.ui.i18n import arg
from selfreview.ui.widgets import ScaledLabel

# (keys, what they do): shown in the F1 dialog; the menus define the same keys
SHORTCUTS = (
    ("Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "Save now (changes are also saved by themselves)")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "Create a new self-review (on Home)")),
    ("F7", QT_TRANSLATE_NOOP("Shortcuts", "Check: list missing answers and invalid values")),
    ("Ctrl+PgDown", QT_TRANSLATE_NOOP("Shortcuts", "Next section")),
    ("Ctrl+PgUp", QT_TRANSLATE_NOOP("Shortcuts", "Previous section")),
    ("F6", QT_TRANSLATE_NOOP("Shortcuts", "Move between the list of sections and the form")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field")),
    ("Alt+Home", QT_TRANSLATE_NOOP("Shortcuts", "Back to Home")),
    ("Ctrl+B", QT_TRANSLATE_NOOP("Shortcuts", "The cell secretary's workspace")),
    ("Ctrl++", QT_TRANSLATE_NOOP("Shortcuts", "Larger text")),
    ("Ctrl+-", QT_TRANSLATE_NOOP("Shortcuts", "Smaller text")),
    ("Ctrl+0", QT_TRANSLATE_NOOP("Shortcuts", "Normal text size")),
    ("Ctrl+Z / Ctrl+Y", QT_TRANSLATE_NOOP("Shortcuts", "Undo / redo in a text field")),
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "The user guide")),
    ("Shift+F1", QT_TRANSLATE_NOOP("Shortcuts", "This list")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)
MNEMONIC = (QT_TRANSLATE_NOOP("Shortcuts", "Alt + underlined letter"),
            QT_TRANSLATE_NOOP("Shortcuts", "Press the button or open the menu whose letter is underlined"))


def _keys_text(keys: str) -> str:
    parts = [p.strip() for p in keys.split(" / ")]
    return " / ".join(QKeySequence(p).toString(QKeySequence.SequenceFormat.NativeText) or p for p in parts)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.addWidget(ScaledLabel(self.tr("Keyboard shortcuts"), 1.2, bold=True, parent=self))
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setHorizontalSpacing(24)
        rows = [(_keys_text(k), w) for k, w in SHORTCUTS]
        rows.append((QCoreApplication.translate("Shortcuts", MNEMONIC[0]), MNEMONIC[1]))
        for row, (keys, what) in enumerate(rows):
            key = ScaledLabel(keys, 1.0, bold=True, parent=holder, wrap=False)
            text = QLabel(QCoreApplication.translate("Shortcuts", what), holder)
            text.setWordWrap(True)
            grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)


def about_text() -> tuple[str, str]:
    title = QCoreApplication.translate("About", "About this program")
    text = arg(QCoreApplication.translate(
        "About", "Self-review %1: the annual self-review of party members (bản kiểm điểm cá nhân), "
                 "written offline on this computer. It suggests a rating and explains it; the competent "
                 "level decides."), __version__)
    return title, text
