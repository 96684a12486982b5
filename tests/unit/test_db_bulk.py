"""db/bulk.py writes exactly the bytes SQLAlchemy's own executemany writes (JSON text, SQLite's
datetime text, NULLs), also when JSON columns are handed over as text made elsewhere; and
db/jsontext.py makes the same text as ``json.dumps`` for every kind of value."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import JSON, Column, DateTime, Integer, MetaData, String, Table

from selfreview.db import bulk, jsontext
from selfreview.db.engine import make_engine
from pg_server import sqlite_only

# SQLite only: the bytes SQLite stores, read back with sqlite3
pytestmark = sqlite_only

VALUES = ["Tiếng Việt có dấu: ạ ằ ễ ỗ ự", 'quotes " and \\ and \n\t\x00 \u2028', "", 0, -7, 10**30, 2.5, True,
          False, None, [1, "ư", None], {"b": 1, "a": [{"x": "ỹ"}]}, {}]


@pytest.mark.parametrize("value", VALUES)
def test_jsontext_is_json_dumps(value):
    assert jsontext.dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _table(metadata: MetaData) -> Table:
    return Table("t", metadata, Column("id", Integer, primary_key=True), Column("name", String(50)),
                 Column("value", JSON), Column("at", DateTime))


def _rows(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, name, value, at, typeof(value) FROM t ORDER BY id").fetchall()
    finally:
        con.close()


def _fill(tmp_path, name: str, write) -> list[tuple]:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    metadata = MetaData()
    table = _table(metadata)
    metadata.create_all(engine)
    when = datetime(2025, 12, 1, 8, 30, 5, 123456)
    rows = [(i, f"người {i}", v, when if i % 3 else None) for i, v in enumerate(VALUES, start=1)]
    with engine.begin() as conn:
        write(conn, table, rows)
    engine.dispose()
    return _rows(tmp_path / name)


def test_insert_rows_writes_what_sqlalchemy_writes(tmp_path):
    columns = ("id", "name", "value", "at")
    expected = _fill(tmp_path, "core.db", lambda conn, table, rows: conn.execute(
        table.insert(), [dict(zip(columns, r)) for r in rows]))
    assert expected[0][3] == "2025-12-01 08:30:05.123456"  # (what SQLAlchemy stores, to be sure it is compared)
    got = _fill(tmp_path, "bulk.db", lambda conn, table, rows: bulk.insert_rows(conn, table, columns, rows))
    assert got == expected
    as_text = _fill(tmp_path, "text.db", lambda conn, table, rows: bulk.insert_rows(
        conn, table, columns, [(i, n, jsontext.dumps(v), at) for i, n, v, at in rows], json_text=("value",)))
    assert as_text == expected


@pytest.mark.parametrize("paramstyle", ["qmark", "named", "numeric"])
def test_every_placeholder_style_of_the_driver_stores_the_same_rows(tmp_path, paramstyle):
    # the statement's text is made by bulk.py for the driver's placeholder style (PostgreSQL's
    # drivers use "pyformat"/"format": the imports' tests run there too); sqlite3 takes these three
    columns = ("id", "name", "value", "at")
    expected = _fill(tmp_path, "core.db", lambda conn, table, rows: conn.execute(
        table.insert(), [dict(zip(columns, r)) for r in rows]))
    engine = make_engine(f"sqlite:///{tmp_path / paramstyle}.db")
    engine.dialect.paramstyle = paramstyle  # (what create_engine(paramstyle=...) sets)
    metadata = MetaData()
    table = _table(metadata)
    metadata.create_all(engine)
    when = datetime(2025, 12, 1, 8, 30, 5, 123456)
    with engine.begin() as conn:
        bulk.insert_rows(conn, table, columns,
                         [(i, f"người {i}", v, when if i % 3 else None) for i, v in enumerate(VALUES, start=1)])
    engine.dispose()
    assert _rows(tmp_path / f"{paramstyle}.db") == expected


def test_json_text_is_bound_through_the_type_where_it_would_differ():
    def other_serializer(value):  # a database whose JSON binding is not our text
        return {"wrapped": json.dumps(value)}

    convert = bulk._as_text(other_serializer)
    assert convert is not None
    assert convert(jsontext.dumps({"a": "ư"})) == {"wrapped": json.dumps({"a": "ư"})}
    assert bulk._as_text(jsontext.dumps) is None  # the same text: handed over as it is


def test_a_repeated_value_is_processed_once():
    calls = []
    when = datetime(2025, 1, 1)
    out = bulk._column([when, when, when, "x"], lambda v: calls.append(v) or str(v))
    assert out == [str(when)] * 3 + ["x"]
    assert calls == [when, "x"]


def test_columns_the_table_would_fill_itself_are_refused(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'd.db'}")
    metadata = MetaData()
    table = Table("d", metadata, Column("id", Integer, primary_key=True), Column("at", DateTime, default=datetime.now),
                  Column("name", String(10)))
    metadata.create_all(engine)
    with engine.begin() as conn, pytest.raises(ValueError):
        bulk.insert_rows(conn, table, ("name",), [("a",)])
    engine.dispose()


def test_receipts_stored_many_at_once_equal_receipts_stored_one_by_one(tmp_path):
    from selfreview.db.models import Base
    from selfreview.messages import msg
    from selfreview.services.importing import receipts

    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    Base.metadata.create_all(engine)
    when = datetime(2025, 12, 1, 8, 0, 0)
    rs = [receipts.Receipt("a/tệp 1.selfreview", "ab" * 32, "Nguyễn Thị Hà", "hd43-2025-2b", 1, receipts.IMPORTED,
                           None, when, None, "K7QM-2XPA-9RTC-HB4N"),
          receipts.Receipt("b.selfreview", "", "", "", None, receipts.REJECTED, msg("import.truncated"), when)]
    with engine.begin() as conn:
        for r in rs:
            receipts.store(conn, r)
        receipts.store_many(conn, rs)
    con = sqlite3.connect(tmp_path / "r.db")
    rows = [row[1:] for row in con.execute("SELECT * FROM import_receipt ORDER BY id")]
    con.close()
    engine.dispose()
    assert rows[:2] == rows[2:]
    assert msg("import.truncated").vi in rows[3] and "Nguyễn Thị Hà" in rows[2]


def test_the_content_hash_is_the_same_from_the_stored_texts():
    """The importer hashes the answers with their JSON texts at hand (forms.answers.content_hash):
    the hash must equal the one made from the answers alone, which older rows hold."""
    import hashlib
    import random

    from selfreview.forms.answers import content_hash

    rng = random.Random(3)
    for _ in range(500):
        answers = {f"q{rng.randint(0, 40)}_{i}": rng.choice(VALUES) for i in range(rng.randint(0, 12))}
        texts = {q: jsontext.dumps(v) for q, v in answers.items()}
        canonical = json.dumps(answers, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        assert content_hash(answers) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        assert content_hash(answers, texts) == content_hash(answers)


def test_a_column_left_out_gets_its_constant_default_as_with_sqlalchemy(tmp_path):
    def fill(name, write):
        engine = make_engine(f"sqlite:///{tmp_path / name}")
        metadata = MetaData()
        table = Table("m", metadata, Column("id", Integer, primary_key=True), Column("name", String(20)),
                      Column("rank", Integer, default=1000), Column("kind", String(20), default="thành viên"),
                      Column("note", String(20)))
        metadata.create_all(engine)
        with engine.begin() as conn:
            write(conn, table)
        engine.dispose()
        con = sqlite3.connect(tmp_path / name)
        try:
            return con.execute("SELECT * FROM m ORDER BY id").fetchall()
        finally:
            con.close()

    rows = [(1, "Hà"), (2, "Hưng")]
    expected = fill("a.db", lambda conn, t: conn.execute(t.insert(), [{"id": i, "name": n} for i, n in rows]))
    assert expected[0] == (1, "Hà", 1000, "thành viên", None)
    assert fill("b.db", lambda conn, t: bulk.insert_rows(conn, t, ("id", "name"), rows)) == expected
