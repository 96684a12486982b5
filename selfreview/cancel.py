"""Cancelling a long run: the one exception every layer raises and catches (standard library only).

A long job (a PDF export, an import, a report) is given a ``should_cancel`` callable, or in the GUI
a ``Progress`` (ui/tasks.py) whose ``check()`` asks the same; where stopping is safe it raises
:class:`Cancelled`. The GUI's task runner treats it as "the person stopped it", not as an error, and
the atomic writers (fsutil.py) remove their temporary file, so nothing half-written is left.
"""

from __future__ import annotations

from typing import Callable


class Cancelled(Exception):
    """The person cancelled the run (``should_cancel()`` returned True, or Cancel was pressed)."""


def check_cancel(should_cancel: Callable[[], bool] | None) -> None:
    """Raise :class:`Cancelled` when ``should_cancel`` says so (None: the run cannot be cancelled)."""
    if should_cancel is not None and should_cancel():
        raise Cancelled()
