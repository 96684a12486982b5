"""Write a report all at once or not at all (built on :func:`selfreview.fsutil.atomic_write`).

A report is rendered into a temporary file next to the target, flushed to disk, then renamed onto
the target. On cancel (:class:`selfreview.cancel.Cancelled`) or on any error the temporary file is
removed, so a half-written PDF never appears under the name the user chose. The finished file gets
the permissions of the file it replaces, or the usual ones for a new file (a document to share).

A writer that is killed cannot remove its temporary file (``.<target name>.<8 characters>.part``);
the next write to the same target removes such leftovers (fsutil's ``clean_leftovers``: a temporary
that no live writer holds locked, or on Windows one older than a minute). Temporaries of other
targets are never touched.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from selfreview import fsutil
from selfreview.cancel import Cancelled  # (re-exported: the UI catches it under this name too)

__all__ = ["Cancelled", "atomic_path", "remove_leftovers", "temporary_name"]

SUFFIX = ".part"


def temporary_name(target: Path) -> re.Pattern[str]:
    """The names :func:`atomic_path` gives the temporaries of ``target`` (mkstemp: 8 characters)."""
    return fsutil.temporary_name(target, SUFFIX)


def remove_leftovers(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries that killed writers left for ``target``; returns what was removed."""
    return fsutil.remove_leftovers(target, SUFFIX)


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it becomes ``target``.

    The folder must exist. The temporary name starts with a dot and ends in ``.part``; it stays
    locked while the caller writes, and leftovers of earlier, interrupted writes to the same target
    are removed first (:func:`remove_leftovers`).
    """
    with fsutil.atomic_write(target, mode=None, suffix=SUFFIX, clean_leftovers=True) as tmp:
        yield tmp
