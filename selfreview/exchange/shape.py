"""Checking the shape of a parsed body: exact keys, types and lengths, with the place named.

Every failure is ``Rejected("import.bad_structure", where=...)``; ``where`` is a path such as
``member.full_name`` so another program's author can find the mistake.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import date, datetime, timezone
from typing import Any, Literal, overload

from selfreview.exchange.errors import Rejected


def bad(where: str) -> Rejected:
    return Rejected("import.bad_structure", where=where)


def at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def obj(value: Any, where: str, keys: Set[str], optional: Set[str] = frozenset()) -> dict[str, Any]:
    """A JSON object with exactly ``keys`` (plus any of ``optional``)."""
    if not isinstance(value, dict):
        raise bad(where)
    present = set(value)
    missing = keys - present
    extra = present - keys - optional
    if missing or extra:
        name = sorted(missing or extra)[0]
        raise bad(at(where, name))
    return value


def text(d: dict[str, Any], key: str, where: str, max_len: int, *, empty: bool = True) -> str:
    v = d[key]
    if not isinstance(v, str) or len(v) > max_len or (not empty and not v.strip()):
        raise bad(at(where, key))
    return v


def integer(d: dict[str, Any], key: str, where: str, lo: int, hi: int) -> int:
    v = d[key]
    if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
        raise bad(at(where, key))
    return v


def day(d: dict[str, Any], key: str, where: str) -> date | None:
    v = d[key]
    if v is None:
        return None
    try:
        if isinstance(v, str) and len(v) == 10:
            return date.fromisoformat(v)
    except ValueError:
        pass
    raise bad(at(where, key))


@overload
def timestamp(d: dict[str, Any], key: str, where: str, *, optional: Literal[False] = False) -> datetime: ...
@overload
def timestamp(d: dict[str, Any], key: str, where: str, *, optional: bool) -> datetime | None: ...
def timestamp(d: dict[str, Any], key: str, where: str, *, optional: bool = False) -> datetime | None:
    """``YYYY-MM-DDTHH:MM:SSZ`` (UTC); returned naive, as the database stores UTC."""
    v = d[key]
    if v is None and optional:
        return None
    if isinstance(v, str) and len(v) == 20 and v.endswith("Z"):
        try:
            return datetime.fromisoformat(v[:-1])
        except ValueError:
            pass
    raise bad(at(where, key))


def format_timestamp(value: datetime | None) -> str | None:
    """The inverse of :func:`timestamp` (naive values are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"
