"""Languages: Qt translators for the widgets, and the language the core's bilingual texts are shown in.

Widget strings are English in the source and go through ``tr()``; the Vietnamese translation is
the default. The core's texts (messages, rating reasons and problems, column titles, template
labels) are one type, :class:`selfreview.text.Bilingual`, that carries both languages; :func:`pick`
chooses one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from selfreview.paths import translations_dir
from selfreview.text import Bilingual

DEFAULT_LANGUAGE = "vi"
# (code, name in its own language): shown as is, never translated
LANGUAGES: tuple[tuple[str, str], ...] = (("vi", "Tiếng Việt"), ("en", "English"))
LOCALES = {"vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}

_current = {"lang": DEFAULT_LANGUAGE}


def language() -> str:
    """The language the user chose: "vi" or "en"."""
    return _current["lang"]


def set_language(lang: str) -> None:
    """Set the language of the bilingual core texts and the default locale (no translator change)."""
    lang = lang if lang in dict(LANGUAGES) else DEFAULT_LANGUAGE
    _current["lang"] = lang
    QLocale.setDefault(LOCALES[lang])


def pick(text: Bilingual | str | None, lang: str | None = None) -> str:
    """A core text (:class:`selfreview.text.Bilingual`) in the chosen language, as a screen shows it;
    a plain string as it is; None as ""."""
    if text is None:
        return ""
    if isinstance(text, Bilingual):
        return text.shown(lang or language())
    return str(text)


def locale() -> QLocale:
    return LOCALES[language()]


class Translators:
    """Installs the translators of one language: Qt's own strings and the app's."""

    def __init__(self, app: QCoreApplication, directory: Path | None = None) -> None:
        self.app = app
        self.directory = directory or translations_dir()
        self._installed: list[QTranslator] = []
        self.loaded: list[str] = []  # the files loaded, for the About box and the tests

    def _load(self, path: Path) -> None:
        translator = QTranslator(self.app)
        if path.is_file() and translator.load(str(path)):
            self.app.installTranslator(translator)
            self._installed.append(translator)
            self.loaded.append(path.name)

    def install(self, lang: str) -> None:
        """Replace the installed translators by those of ``lang`` (a language change applies at once)."""
        self.uninstall()
        set_language(lang)
        lang = language()
        # Qt's own strings (buttons of standard dialogs, context menus of text fields ...):
        # Qt's official catalogue when this Qt build ships one, then ours, which fills the gaps
        # (Qt ships no Vietnamese catalogue). Translators installed later are searched first,
        # so Qt's official one is installed last.
        self._load(self.directory / f"qtbase_{lang}.qm")
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self._load(qt_dir / f"qtbase_{lang}.qm")
        self._load(self.directory / f"selfreview_{lang}.qm")

    def uninstall(self) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.loaded.clear()


_PLACE = re.compile(r"%([1-9])")


def arg(text: str, *values: Any) -> str:
    """Fill Qt-style placeholders %1 … %9 (PySide's ``tr()`` returns a Python str, without .arg)."""
    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if n <= len(values) else m.group(0)
    return _PLACE.sub(sub, text)
