"""The look: Fusion with its light palette everywhere (screens look the same on every PC), and a
style sheet for the few roles the form needs. No font sizes here: the text size setting rules."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyleFactory

STYLE_SHEET = """
QLabel#hint, QLabel#counter, QLabel#muted { color: #4a5260; }
QLabel#counter[full="true"] { color: #b00020; }
QLabel#provenance { color: #6b4e00; }
QLabel#computed { font-weight: bold; }
QFrame#guidance { background: #f3f5f8; border: none; border-left: 4px solid #9aa5b4; }
QFrame#record, QFrame#behaviour { border: 1px solid #d5dae1; border-radius: 4px; background: #fcfcfd; }
QFrame#warnings { background: #fff4e0; border: 1px solid #e0a030; border-radius: 4px; }
QFrame#lockedBanner { background: #e8f1fb; border: 1px solid #8fb3d9; border-radius: 4px; }
QFrame#suggestion { background: #eef6ee; border: 1px solid #9cc79c; border-radius: 4px; }
QWidget[problem="true"] { background: #fdecea; border-left: 4px solid #c62828; }
QLabel#savedIndicator { color: #4a5260; }
QLabel#savedIndicator[state="error"] { color: #b00020; font-weight: bold; }
QPushButton#linkButton { color: #1f5fa8; text-decoration: underline; border: none; padding: 2px; }
QLabel#pageTitle { color: #1b2a3a; }
QLabel#openingMessage { color: #4a5260; }
"""


def apply_style(app: QApplication) -> None:
    if "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    app.setPalette(app.style().standardPalette())
    app.setStyleSheet(STYLE_SHEET)
