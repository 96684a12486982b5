"""A person's fields as they are entered (profile, roster): NFC, trimmed, and within the one set of
limits (selfreview/limits.py) that files and the import apply too, with the same message."""

from __future__ import annotations

from typing import Any

from selfreview.limits import MEMBER_FIELDS, field_problem
from selfreview.services.errors import ServiceError
from selfreview.text import nfc


def member_fields(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (field -> text) cleaned; raises :class:`ServiceError` naming the first field at fault."""
    out: dict[str, Any] = {}
    for field, value in values.items():
        if isinstance(value, str) and field in MEMBER_FIELDS:
            value = nfc(value).strip()
            problem = field_problem(field, value, required=field == "full_name")
            if problem is not None:
                raise ServiceError(problem)
        out[field] = value
    return out
