"""Many rows into one table, fast: one ``executemany`` of a statement compiled once.

``conn.execute(table.insert(), rows)`` builds the parameters of every row in Python through the
whole statement machinery (about 10 µs a row); an import writes ~60,000 answer rows. Here the
statement's text is made once per dialect and column set, each column's own bind processor (the
same function SQLAlchemy would call: JSON serialisation, SQLite's datetime text) is looked up
once, and the processed rows go to the driver with ``exec_driver_sql``. The values stored are
exactly those ``conn.execute`` would store (tests/unit/test_db_bulk.py compares them).

Only public SQLAlchemy API is used (``Dialect.paramstyle`` and ``identifier_preparer``,
``TypeEngine.dialect_impl`` and ``bind_processor``, ``Connection.exec_driver_sql``), so a new
SQLAlchemy release cannot change what this module reads.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import json

from sqlalchemy import Connection, Table, select, tuple_
from sqlalchemy.schema import ColumnDefault

from selfreview.db import jsontext

_Plan = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...], bool, dict[str, Any]]
_plans: dict[tuple[int, str, str, tuple[str, ...]], _Plan] = {}

# the DB-API's placeholder for the n-th parameter (named styles: called "p<n>")
_PLACEHOLDER: dict[str, Callable[[int], str]] = {
    "qmark": lambda n: "?",
    "format": lambda n: "%s",
    "numeric": lambda n: f":{n + 1}",
    "numeric_dollar": lambda n: f"${n + 1}",
    "named": lambda n: f":p{n}",
    "pyformat": lambda n: f"%(p{n})s",
}
_POSITIONAL = frozenset({"qmark", "format", "numeric", "numeric_dollar"})


def _plan(conn: Connection, table: Table, columns: tuple[str, ...]) -> _Plan:
    dialect = conn.dialect
    key = (id(table), dialect.name, dialect.paramstyle, columns)
    plan = _plans.get(key)
    if plan is None:
        unknown = [name for name in columns if name not in table.c]
        if unknown or len(set(columns)) != len(columns):
            raise ValueError(f"cannot bulk insert {table.name} with columns {columns}")
        # the columns given, and (as SQLAlchemy's insert would) those the table fills from a
        # default: a constant default is bound as that constant; a computed one (a function, a
        # sequence) must be given. Columns without a default (an autoincrement key) are left out.
        fixed: dict[str, Any] = {}
        for column in table.columns:
            if column.key in columns or column.default is None:
                continue
            if not (isinstance(column.default, ColumnDefault) and column.default.is_scalar):
                raise ValueError(f"cannot bulk insert {table.name} without {column.key}")
            fixed[column.key] = column.default.arg
        order = tuple(c.key for c in table.columns if c.key in columns or c.key in fixed)
        style = dialect.paramstyle
        prep = dialect.identifier_preparer
        sql = (f"INSERT INTO {prep.format_table(table)} "
               f"({', '.join(prep.quote(table.c[name].name) for name in order)}) "
               f"VALUES ({', '.join(_PLACEHOLDER[style](n) for n in range(len(order)))})")
        procs = tuple(table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in order)
        plan = _plans[key] = (sql, order, procs, style in _POSITIONAL, fixed)
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
        names = [f"p{n}" for n in range(len(order))]
        conn.exec_driver_sql(sql, [dict(zip(names, values)) for values in zip(*processed)])


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


def ids_by_key(conn: Connection, table: Table, columns: Sequence[Any], keys: Sequence[tuple[Any, ...]],
               where: Any = None) -> dict[tuple[Any, ...], int]:
    """``key -> id`` of the row whose ``columns`` hold each of ``keys`` (and that ``where`` selects):
    the rows a transaction has just inserted with :func:`insert_rows`, read back by what a unique
    index makes theirs alone (``uq_member_cell_key``; ``uq_review_current_member`` with
    ``is_current``). No lock is assumed: another transaction cannot hold a row with one of these
    keys, committed or not (the index would refuse this transaction's insert, or the other's)."""
    found: dict[tuple[Any, ...], int] = {}
    keys = list(dict.fromkeys(keys))
    for part in range(0, len(keys), 400):
        query = select(table.c.id, *columns).where(tuple_(*columns).in_(keys[part:part + 400]))
        if where is not None:
            query = query.where(where)
        for row in conn.execute(query):
            key = tuple(row[1:])
            if key in found:
                raise RuntimeError(f"two rows of {table.name} with {key}")
            found[key] = row[0]
    return found
