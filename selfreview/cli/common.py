"""Helpers shared by the commands: opening the data directory, printing JSON and tables."""

from __future__ import annotations

import json
import sys
import textwrap
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable

from selfreview.services.context import AppContext


def open_context(data_dir: str | None) -> AppContext:
    return AppContext.open(data_dir)


def _default(o: Any) -> Any:
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if isinstance(o, Decimal):
        return float(o)
    raise TypeError(f"cannot serialise {type(o).__name__}")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


class JsonListPrinter:
    """A JSON list printed an item at a time, exactly as :func:`print_json` prints the whole list:
    for output of any length (an import's receipts) held nowhere. ``close()`` ends the list (an empty
    one is printed only with ``empty=True``)."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write(("[\n" if not self.count else ",\n") + textwrap.indent(text, "  "))
        self.count += 1

    def close(self, empty: bool = True) -> None:
        if self.count:
            sys.stdout.write("\n]\n")
        elif empty:
            sys.stdout.write("[]\n")


def print_table(headers: list[str], rows: Iterable[list[Any]]) -> None:
    rows = [[("" if c is None else str(c)) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
