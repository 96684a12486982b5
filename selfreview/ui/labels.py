"""Names shown for the services' codes (review status ...), translated where they are shown."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

STATUS = {
    "draft": QT_TRANSLATE_NOOP("Status", "Draft"),
    "finalized": QT_TRANSLATE_NOOP("Status", "Finalized"),
    "sent": QT_TRANSLATE_NOOP("Status", "Sent"),
}


def status_name(status: str) -> str:
    return QCoreApplication.translate("Status", STATUS[status]) if status in STATUS else status


def when(moment: datetime | None) -> str:
    """A stored UTC time shown in local time, e.g. "21/11/2025 20:14"."""
    if moment is None:
        return ""
    local = moment.replace(tzinfo=timezone.utc).astimezone()
    return local.strftime("%d/%m/%Y %H:%M")


def date_text(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
