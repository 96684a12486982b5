"""Many rows into one table, fast: one ``executemany`` of a statement compiled once.

``conn.execute(table.insert(), rows)`` builds the parameters of every row in Python through the
whole statement machinery (about 10 µs a row); an import writes ~60,000 answer rows. Here the
statement is compiled once per dialect and column set, each column's own bind processor (the
same function SQLAlchemy would call: JSON serialisation, SQLite's datetime text) is looked up
once, and the processed rows go to the driver with ``exec_driver_sql``. The values stored are
exactly those ``conn.execute`` would store (tests/unit/test_db_bulk.py compares them).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import json

from sqlalchemy import Connection, Table, func, select

from selfreview.db import jsontext

_Plan = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...], bool, dict[str, Any]]
_plans: dict[tuple[int, str, tuple[str, ...]], _Plan] = {}


def _plan(conn: Connection, table: Table, columns: tuple[str, ...]) -> _Plan:
    dialect = conn.dialect
    key = (id(table), dialect.name, columns)
    plan = _plans.get(key)
    if plan is None:
        compiled = table.insert().compile(dialect=dialect, column_keys=list(columns))
        order = tuple(compiled.positiontup) if compiled.positional else tuple(compiled.params)
        # a column left out that the table fills from a constant default gets that constant (as
        # SQLAlchemy would); one with a computed default (a function, a sequence) must be given
        fixed: dict[str, Any] = {}
        for name in order:
            if name not in columns:
                default = table.c[name].default if name in table.c else None
                if default is None or not default.is_scalar:
                    raise ValueError(f"cannot bulk insert {table.name} without {name}")
                fixed[name] = default.arg
        if not set(columns) <= set(order):
            raise ValueError(f"cannot bulk insert {table.name} with columns {columns}")
        procs = tuple(table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order)
        plan = _plans[key] = (str(compiled), order, procs, compiled.positional, fixed)
    return plan


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                json_text: Sequence[str] = ()) -> None:
    """Insert ``rows`` (each a sequence of values in the order of ``columns``) in one executemany.

    A column left out is NULL, or its constant default (``default=""``) when it has one; a column
    with a computed default (``default=utcnow``) must be given. ``json_text``: JSON columns whose values are given as the text
    :func:`selfreview.db.jsontext.dumps` made of them (in a worker process, say). Where the
    column's bind processor writes exactly that text (SQLite) it goes to the driver as it is;
    elsewhere it is parsed back and bound through the column's type."""
    if not rows:
        return
    columns = tuple(columns)
    sql, order, procs, positional, fixed = _plan(conn, table, columns)
    procs = tuple(_as_text(proc) if name in json_text else proc for name, proc in zip(order, procs))
    given = dict(zip(columns, zip(*rows)))  # column -> its values, one per row
    processed = [_column([fixed[name]] * len(rows) if name in fixed else list(given[name]), proc)
                 for name, proc in zip(order, procs)]
    if positional:
        conn.exec_driver_sql(sql, list(zip(*processed)))
    else:
        conn.exec_driver_sql(sql, [dict(zip(order, values)) for values in zip(*processed)])


_PROBE = {"k": ["Tiếng Việt", 1, 2.5, None, True]}


def _as_text(proc: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """For a column given as JSON text: nothing to do if binding a value writes the same text."""
    if proc is None or proc(_PROBE) == jsontext.dumps(_PROBE):
        return None
    return lambda text: proc(json.loads(text))


def _column(values: list[Any], proc: Callable[[Any], Any] | None) -> list[Any]:
    """One column's values through its bind processor; a value repeated from the row before (the
    same object, such as a batch's timestamp) is processed once."""
    if proc is None:
        return values
    out: list[Any] = []
    last: Any = out  # a sentinel no value is
    done: Any = None
    for v in values:
        if v is not last:
            last, done = v, proc(v)
        out.append(done)
    return out


def newest_ids(conn: Connection, table: Table, column, values: Sequence[Any]) -> dict[Any, int]:
    """``value -> id`` of the newest row (the highest ``id``) with each of ``values`` in ``column``:
    the rows a transaction has just inserted with :func:`insert_rows`, when each has its own value
    there and the transaction holds the write lock (no one else can insert meanwhile)."""
    found: dict[Any, int] = {}
    for part in range(0, len(values), 500):
        found.update(conn.execute(select(column, func.max(table.c.id)).where(column.in_(values[part:part + 500]))
                                  .group_by(column)).all())
    return found
