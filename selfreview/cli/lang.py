"""The language of the command line's messages: ``--lang vi|en`` (on the command or before it), else
``SELFREVIEW_LANG``, else the language chosen in the desktop app's settings, else Vietnamese."""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

LANGS = ("vi", "en")
_current = {"lang": "vi"}


def settings_file() -> Path:
    """Where the desktop app keeps its settings (Qt's INI format, user scope), without importing Qt."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / ".config"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "selfreview" / "selfreview.ini"


def desktop_language() -> str | None:
    parser = configparser.ConfigParser()
    try:
        parser.read(settings_file(), encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get("General", "language", fallback=None)
    return value if value in LANGS else None


def resolve(*chosen: str | None) -> str:
    """The first language given, else the environment's, else the desktop app's, else "vi"."""
    for value in (*chosen, os.environ.get("SELFREVIEW_LANG"), desktop_language()):
        if value in LANGS:
            return value  # type: ignore[return-value]
    return "vi"


def set_lang(lang: str) -> None:
    _current["lang"] = lang if lang in LANGS else "vi"


def lang() -> str:
    return _current["lang"]


def say(vi: str, en: str) -> str:
    """One message in the command line's language."""
    return en if lang() == "en" else vi


def code_name(group: str, code: str | None) -> str:
    """A code (a backup's kind, a form's category, a status: ``label.<group>.<code>`` in the
    catalogue) named in the command line's language; a code without a name is shown as it is."""
    from selfreview.messages import CATALOGUE

    pair = CATALOGUE.get(f"label.{group}.{code}")
    return (code or "") if pair is None else say(*pair)
