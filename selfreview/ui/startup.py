"""What the desktop app does before its window: one app per data folder, and a damaged database
explained in plain words and repaired from the automatic copy the person chooses.

Called by :func:`selfreview.ui.app.run_app`; every question goes through the dialog service, so
the tests answer them without a modal loop.

    lock = take_lock(directory, dialogs)          # None: another app has the folder (told, or asked forward)
    ctx = open_data(directory, dialogs, window)   # None: the person chose not to go on

``take_lock`` runs before the window is shown and ``open_data`` after (ui/app.py), so the services
(SQLAlchemy, the form model, the database) are imported inside ``open_data`` and
``recover_damaged``, not when this module is.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime

from selfreview.ui.i18n import arg, locale, pick

if TYPE_CHECKING:
    from selfreview.services.context import AppContext
    from selfreview.services.instance import InstanceLock
    from selfreview.services.safety import DatabaseDamaged


def _when(moment) -> str:
    return moment.strftime("%d/%m/%Y %H:%M")


def kind_text(kind: str) -> str:
    names = {"daily": QCoreApplication.translate("Startup", "daily copy"),
             "pre-migration": QCoreApplication.translate("Startup", "copy made before an update"),
             "pre-restore": QCoreApplication.translate("Startup", "copy made before a restore")}
    return names.get(kind, QCoreApplication.translate("Startup", "copy"))


# -- one app per data folder ----------------------------------------------------------------------------
def take_lock(directory: Path, dialogs: Any, activate=None, open_path: str | None = None,
              ) -> tuple[InstanceLock | None, int]:
    """The data folder's instance lock, or (None, exit status) when another app holds it.

    The other app is asked to bring its window forward (``activate``, by default
    ``single_instance.ask_to_activate``), and to open ``open_path`` when this start was given a file;
    if it answers, this start ends quietly (status 0, a line on stderr). If it does not answer, the
    person is told why in a message box (status 1)."""
    from selfreview.messages import msg
    from selfreview.services.errors import ServiceError
    from selfreview.services.instance import AlreadyRunning, acquire_instance_lock

    try:
        return acquire_instance_lock(directory), 0
    except AlreadyRunning as e:
        if activate is None:  # QtNetwork: only for a second start
            from selfreview.ui.single_instance import ask_to_activate as activate
        if activate(directory) if open_path is None else activate(directory, open_path=open_path):
            print(f"{e.message.vi}\n{e.message.en}", file=sys.stderr)
            return None, 0
        dialogs.error(None, QCoreApplication.translate("Startup", "Self-review is already open"),
                      pick(msg("instance.not_reachable", path=directory, pid=e.holder_pid or "?")))
        return None, 1
    except ServiceError as e:  # a read-only or unreachable data folder
        dialogs.error(None, QCoreApplication.translate("Startup", "Self-review"), arg(QCoreApplication.translate("Startup", "The data folder could not be opened:\n%1"), pick(e.message)))
        return None, 1


# -- a damaged database ----------------------------------------------------------------------------------
def backup_text(backup) -> str:
    """One automatic copy as the person chooses it: the weekday, date and time it was taken, in the
    language of the app (e.g. "Thứ Sáu 21/11/2025 20:14 — bản sao hằng ngày"), and its kind."""
    t = backup.taken_at
    moment = QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute))
    return f"{locale().toString(moment, 'dddd dd/MM/yyyy HH:mm')} — {kind_text(backup.kind)}"


def recover_damaged(directory: Path, error: DatabaseDamaged, dialogs: Any, parent: Any = None) -> bool:
    """Say what happened, and on the person's word move the damaged file aside and put the sound
    automatic copy they choose (the newest, unless they pick another) in its place. True: open the
    data folder again; False: stop, nothing changed."""
    from selfreview.services import recovery
    from selfreview.services.errors import ServiceError

    copies = recovery.list_backups(directory)
    backups = recovery.sound_backups(directory)
    title = QCoreApplication.translate("Startup", "Your data file is damaged")
    opening = arg(QCoreApplication.translate("Startup", "The file that holds your self-reviews (%1) is damaged: the app cannot read it safely, "
                     "so it has not changed anything in it."), error.path.name)
    found = arg(QCoreApplication.translate("Startup", "What the check found: %1"), error.detail)
    chosen = None
    if backups:
        text = "\n\n".join([opening, QCoreApplication.translate("Startup",
            "The app can move the damaged file to a separate folder (nothing is deleted) and put back one of "
            "its automatic copies, the newest unless you choose another. Anything saved after the chosen copy "
            "was made is only in the damaged file.")])
        notes = [found]
        sound = {b.path for b in backups}
        unsound = [_when(b.taken_at) for b in copies if b.path not in sound]
        if unsound:
            notes.insert(0, arg(QCoreApplication.translate("Startup",
                "Not offered, because they failed their own check: %1."), ", ".join(unsound)))
        index = dialogs.choose(parent, title, text, [backup_text(b) for b in backups],
                               QCoreApplication.translate("Startup", "Restore the chosen copy"),
                               "\n\n".join(notes), 0)
        if index is None:
            return False
        chosen = backups[index]
    else:
        if copies:
            why = QCoreApplication.translate("Startup",
                "The automatic copies on this computer failed their own check too, so none can be put back. "
                "The app can move the damaged file to a separate folder (nothing is deleted) and start with an "
                "empty data file.")
        else:
            why = QCoreApplication.translate("Startup",
                "There is no automatic copy to restore yet. The app can move the damaged file to a separate folder "
                "(nothing is deleted) and start with an empty data file.")
        if not dialogs.confirm(parent, title, "\n\n".join([opening, why]),
                               QCoreApplication.translate("Startup", "Move it aside and start empty"), found):
            return False
    try:
        moved = recovery.move_damaged_aside(directory)
    except ServiceError as e:
        dialogs.error(parent, title, arg(QCoreApplication.translate("Startup", "The damaged file could not be moved: %1"), pick(e.message)))
        return False
    if chosen is None:
        dialogs.info(parent, QCoreApplication.translate("Startup", "Damaged file moved aside"),
                     arg(QCoreApplication.translate("Startup", "The damaged file was moved to %1. The app starts with an empty data file."), moved))
        return True
    try:
        restored = recovery.restore_backup(directory, chosen.path)  # as `selfreview doctor --restore NAME`
    except ServiceError as e:
        dialogs.error(parent, title, arg(QCoreApplication.translate("Startup", 
            "No automatic copy could be restored: %1\n\nThe app starts with an empty data file; the damaged "
            "file is kept in %2."), pick(e.message), moved))
        return True
    dialogs.info(parent, QCoreApplication.translate("Startup", "Automatic copy restored"), arg(QCoreApplication.translate("Startup", 
        "The automatic copy of %1 is back in place. The damaged file was moved to %2.\n\nCheck your latest "
        "answers: what was saved after %1 is not in the copy."), _when(restored.taken_at), moved))
    return True


def open_data(directory: Path, dialogs: Any, parent: Any = None, daily_backup: bool = True) -> AppContext | None:
    """``AppContext.open``, with a damaged database handled as above. None: do not start.
    ``parent``: the window the dialogs belong to (the app's window, already shown);
    ``daily_backup=False``: the caller takes today's copy later (``recovery.take_daily_backup``)."""
    from selfreview.services.context import AppContext
    from selfreview.services.errors import ServiceError
    from selfreview.services.safety import DatabaseDamaged

    try:
        return AppContext.open(directory, daily_backup=daily_backup)
    except DatabaseDamaged as e:
        if not recover_damaged(directory, e, dialogs, parent):
            return None
    except ServiceError as e:
        dialogs.error(parent, QCoreApplication.translate("Startup", "Self-review"), arg(QCoreApplication.translate("Startup", "The data folder could not be opened:\n%1"), pick(e.message)))
        return None
    try:
        return AppContext.open(directory, daily_backup=daily_backup)
    except ServiceError as e:
        dialogs.error(parent, QCoreApplication.translate("Startup", "Self-review"), arg(QCoreApplication.translate("Startup", "The data folder could not be opened:\n%1"), pick(e.message)))
        return None
