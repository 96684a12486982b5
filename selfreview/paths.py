"""Where user data lives, and where the bundled resources are.

The data directory comes from platformdirs and can be overridden with ``--data-dir`` or the
``SELFREVIEW_DATA_DIR`` environment variable (tests always pass a temporary one).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "selfreview"
DATA_DIR_ENV = "SELFREVIEW_DATA_DIR"
DB_URL_ENV = "SELFREVIEW_DB_URL"


def default_data_dir() -> Path:
    """The per-user data directory (e.g. ``~/.local/share/selfreview`` on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` (from ``--data-dir``) wins, then ``SELFREVIEW_DATA_DIR``, then the platform default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (owner-only permissions on POSIX) and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        try:
            os.chmod(path, 0o700)
        except PermissionError:
            pass
    return path


def resources_dir() -> Path:
    """The ``resources/`` folder: inside the installed wheel, or at the top of a checkout."""
    beside = Path(__file__).resolve().parent / "resources"  # the wheel's, on disk: no importlib.resources
    if beside.is_dir():                                     # (it and zipfile cost the desktop app's start)
        return beside
    from importlib import resources

    packaged = resources.files("selfreview") / "resources"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("selfreview resources not found (neither in the package nor in the checkout)")


def forms_dir() -> Path:
    return resources_dir() / "forms"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"
