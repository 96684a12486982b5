"""Per-user settings of the desktop app (QSettings): language, text size, the last place, geometry.

Tests pass a ``QSettings(path, QSettings.IniFormat)`` on a temporary file; nothing touches the
user's real settings there.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from selfreview.paths import fonts_dir
from selfreview.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

APP_FONT_FAMILY = "Liberation Sans"

# (key, name, point size): the whole window follows the application font
TEXT_SIZES: tuple[tuple[str, str, int], ...] = (
    ("small", QT_TRANSLATE_NOOP("TextSize", "Small"), 10),
    ("normal", QT_TRANSLATE_NOOP("TextSize", "Normal"), 12),
    ("large", QT_TRANSLATE_NOOP("TextSize", "Large"), 14),
    ("xlarge", QT_TRANSLATE_NOOP("TextSize", "Extra large"), 17),
)
DEFAULT_TEXT_SIZE = "normal"


def text_size_name(key: str) -> str:
    for k, name, _ in TEXT_SIZES:
        if k == key:
            return QCoreApplication.translate("TextSize", name)
    return key


def point_size(key: str) -> int:
    return next((pt for k, _, pt in TEXT_SIZES if k == key), 12)


def user_settings() -> QSettings:
    """The real per-user settings file (only ``run_app`` uses it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "selfreview", "selfreview")


class AppSettings:
    """Typed access to the few settings the app keeps. Every write is synced at once, so a crash
    right after still finds the last place."""

    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    def _set(self, key: str, value) -> None:
        self.q.setValue(key, value)
        self.q.sync()

    # -- language and text size --------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self.q.value("language", DEFAULT_LANGUAGE))
        return value if value in dict(LANGUAGES) else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value)

    @property
    def language_chosen(self) -> bool:
        return self.q.contains("language")

    @property
    def text_size(self) -> str:
        value = str(self.q.value("text_size", DEFAULT_TEXT_SIZE))
        return value if value in {k for k, _, _ in TEXT_SIZES} else DEFAULT_TEXT_SIZE

    @text_size.setter
    def text_size(self, value: str) -> None:
        self._set("text_size", value)

    # -- the last place ------------------------------------------------------------------------------
    @property
    def last_profile(self) -> int | None:
        value = self.q.value("last_profile")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_profile.setter
    def last_profile(self, value: int | None) -> None:
        self._set("last_profile", "" if value is None else int(value))

    def last_review(self, profile_id: int) -> int | None:
        """The review that profile had open when the app last stopped (None: it was on Home)."""
        value = self.q.value(f"profiles/{profile_id}/open_review")
        try:
            return int(value) if value not in (None, "", 0, "0") else None
        except (TypeError, ValueError):
            return None

    def set_last_review(self, profile_id: int, review_id: int | None) -> None:
        self._set(f"profiles/{profile_id}/open_review", 0 if review_id is None else int(review_id))

    # -- geometry --------------------------------------------------------------------------------------
    def geometry(self, key: str) -> QByteArray | None:
        value = self.q.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._set(f"geometry/{key}", value)


class GeometryMixin:
    """Save and restore a window's geometry, state and splitters once (Picard's PreserveGeometry).

    Splitters are found by objectName; give each one a stable name.
    """

    geometry_key = "window"

    def restore_geometry(self, settings: AppSettings) -> bool:
        widget: QWidget = self  # type: ignore[assignment]
        data = settings.geometry(self.geometry_key)
        restored = bool(data) and widget.restoreGeometry(data)
        if hasattr(widget, "restoreState"):
            state = settings.geometry(self.geometry_key + "_state")
            if state:
                widget.restoreState(state)
        return restored

    def save_geometry(self, settings: AppSettings) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        settings.set_geometry(self.geometry_key, widget.saveGeometry())
        if hasattr(widget, "saveState"):
            settings.set_geometry(self.geometry_key + "_state", widget.saveState())


def restore_splitter(settings: AppSettings, splitter: QSplitter) -> None:
    data = settings.geometry(f"splitter/{splitter.objectName()}")
    if data:
        splitter.restoreState(data)


def save_splitter(settings: AppSettings, splitter: QSplitter) -> None:
    settings.set_geometry(f"splitter/{splitter.objectName()}", splitter.saveState())


def load_fonts() -> list[str]:
    """Register the shipped Liberation fonts; returns the families added."""
    families: list[str] = []
    directory = fonts_dir()
    for path in sorted(directory.glob("Liberation*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def apply_text_size(key: str) -> QFont:
    """Set the application font (Liberation Sans at the chosen size): every widget follows it."""
    font = QFont(APP_FONT_FAMILY)
    font.setPointSize(point_size(key))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    QApplication.setFont(font)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        # with a style sheet, widgets keep the font they were polished with: polish them again
        app.setStyleSheet(app.styleSheet())
    return font
