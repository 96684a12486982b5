"""The app's log file: ``<data>/logs/selfreview.log``, beside the crash log (services/crashlog.py).

The desktop app starts it once it holds the data folder's lock. Warnings and errors of the
``selfreview`` loggers go there, with their tracebacks: the technical details of a failed
operation, which the person is told in words (ui/operations.py) and a helper can read later.
The file is rotated at 1 MB (one older file kept). Portable: :mod:`logging` only.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from selfreview.services.crashlog import LOG_DIR

APP_LOG = "selfreview.log"
MAX_LOG_BYTES = 1_000_000

log = logging.getLogger(__name__)


def start_app_log(data_dir: str | Path) -> logging.Handler | None:
    """Write the ``selfreview`` loggers' warnings and errors to the data folder's log; returns the
    handler (for :func:`stop_app_log`), or None when the file cannot be opened (the app runs on)."""
    path = Path(data_dir) / LOG_DIR / APP_LOG
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path, maxBytes=MAX_LOG_BYTES, backupCount=1,
                                                       encoding="utf-8", delay=True)
    except OSError as e:
        log.warning("no app log in %s: %s", path.parent, e)
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("selfreview").addHandler(handler)  # the loggers' own levels are left alone
    return handler


def stop_app_log(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger("selfreview").removeHandler(handler)
        handler.close()
