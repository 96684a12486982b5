"""A file handed to the app from outside: double-clicked in the file manager, given on the command
line (``selfreview FILE``), or forwarded by a later start to the app already open
(ui/single_instance.py). It is opened as the person's own "Open…" would:

- an invitation (``.selfreview-invite``): on the member's Home, its preview is shown; nothing is set
  up until they accept it (ui/member_actions.py);
- a member's file (``.selfreview``): in the secretary's workspace, on the roll-call of the chosen
  round, through the checked import, with its receipt (ui/secretary/drop_import.py).

A file that arrives before the data folder is open waits for the first page (:func:`open_pending`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from selfreview.ui.i18n import arg

translate = QCoreApplication.translate

INVITE_SUFFIX = ".selfreview-invite"  # services/exchange.py (not imported here: it pulls in the services)
RESPONSE_SUFFIX = ".selfreview"


def kind_of(path: str) -> str | None:
    """"invitation", "response", or None for any other file."""
    name = Path(path).name.lower()
    if name.endswith(INVITE_SUFFIX):
        return "invitation"
    if name.endswith(RESPONSE_SUFFIX):
        return "response"
    return None


def open_file(window: Any, path: str) -> str:
    """Open ``path`` in ``window`` (a MainWindow). Returns what happened: "invitation" (its preview is
    being read), "import" (the import has started), "later" (the data folder is not open yet), or
    "refused" (the person was told why)."""
    if window.ctx is None:  # the window is shown, its data folder still opening
        window.pending_files = [*getattr(window, "pending_files", []), path]
        return "later"
    kind = kind_of(path)
    title = translate("FileRequests", "Open a file")
    if kind is None:
        text = translate("FileRequests", "%1 is not a self-review file or invitation.")
        window.dialogs.error(window, title, arg(text, Path(path).name))
        return "refused"
    if not Path(path).is_file():
        window.dialogs.error(window, title, arg(translate("FileRequests", "The file %1 was not found."), path))
        return "refused"
    if kind == "invitation":
        return _invitation(window, path)
    return _response(window, path)


def open_pending(window: Any) -> None:
    """The files that arrived while the data folder was opening, now that the first page is there."""
    pending, window.pending_files = getattr(window, "pending_files", []), []
    for path in pending:
        open_file(window, path)


def _invitation(window: Any, path: str) -> str:
    if window.profile is None:
        text = translate("FileRequests",
                         "Set up your profile first (your name and your role), then open the invitation again.")
        window.dialogs.info(window, translate("FileRequests", "Open an invitation"), text)
        return "refused"
    if window.home is None:
        window.show_home()
    window.home.open_invitation(path)
    return "invitation"


def _response(window: Any, path: str) -> str:
    page = window.page if getattr(window.page, "objectName", lambda: "")() == "secretaryWorkspace" \
        else window.show_secretary()
    if page is None:  # not the secretary's computer, or the person said no
        return "refused"
    if page.round_id is None:
        text = translate("FileRequests",
                         "Create the review round first (tab 1, Set-up), then open the member's file again.")
        window.dialogs.info(window, translate("FileRequests", "Import a member's file"), text)
        return "refused"
    page.back_to_pages(refresh=False)
    page.tabs.setCurrentIndex(page.ROLLCALL)
    page.rollcall.import_paths([path])
    return "import"
