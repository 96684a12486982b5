"""Write a file so that a reader never sees half of it: temporary file, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from selfreview.fsutil import fsync_dir


def write_atomic(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it.

    With ``durable`` (the default) the file and its folder are fsynced, so after a power cut the
    path holds either the old content or the whole new one. Bulk writers (the demo) may pass
    ``durable=False``: the rename is still atomic, only the flush to disk is left to the system.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if durable:
        fsync_dir(folder)
    return path
