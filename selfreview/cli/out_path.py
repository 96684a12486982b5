"""``--out FILE`` of the commands that write a file (report, export, invite, roster, minutes, keys
backup): checked before any work, so that a mistake is one clear line, not a traceback, and an
existing file is replaced only with ``--force``."""

from __future__ import annotations

import os
from pathlib import Path

from selfreview.messages import Message, msg


def add_force(parser) -> None:
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def out_problem(out: str, force: bool) -> Message | None:
    """Why ``out`` cannot be written (a folder, an existing file without ``force``, a folder that
    is missing or not writable), or None."""
    path = Path(out)
    shown = os.fsencode(out).decode("utf-8", "replace")
    if path.is_dir():
        return msg("out.is_folder", path=shown)
    if path.exists() and not force:
        return msg("out.exists", path=shown)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return msg("out.cannot_write", path=shown, error="thư mục không tồn tại",
                   error_en="the folder does not exist")
    if not os.access(parent, os.W_OK):
        return msg("out.cannot_write", path=shown, error="không có quyền ghi", error_en="no permission")
    return None


def write_error(out: str, e: OSError) -> Message:
    shown = os.fsencode(out).decode("utf-8", "replace")
    reason = e.strerror or type(e).__name__
    return msg("out.cannot_write", path=shown, error=reason, error_en=reason)
