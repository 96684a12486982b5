"""Helpers for the exchange tests: a secretary's data directory with a round, and members' files
made directly with the file-format functions (so that tests can also make damaged ones)."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

from answers_2b import complete_2b
from selfreview.exchange.envelope import FORMAT_RESPONSE, VERSION, canonical, signed_bytes, wrap
from selfreview.exchange.keys import PrivateIdentity, enc_public_key, identity_from_bytes
from selfreview.exchange.response import MemberIdentity, ResponseDoc, RoundRef, TemplateRef, response_body
from selfreview.forms import registry
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData, RoundSummary

NOW = datetime(2025, 12, 1, 9, 30, 0)
FORM_2B = registry.find("hd43-2025-2b")


@dataclass
class Secretary:
    ctx: AppContext
    data_dir: Path
    profile: ProfileData
    round: RoundSummary

    @property
    def enc_public(self) -> str:
        return self.ctx.profiles.public_keys(self.profile.id)[1]

    def round_ref(self) -> RoundRef:
        return RoundRef(self.round.uid, self.round.cell, "Đảng ủy xã Điện Hòa", self.round.period)


def open_secretary(data_dir: Path, name: str = "Phan Thị Thanh Hương", cell: str = "Chi bộ Văn phòng") -> Secretary:
    ctx = AppContext.open(data_dir)
    p = ctx.profiles.create(ProfileData(full_name=name, party_post="Bí thư chi bộ"))
    ctx.profiles.set_secretary(p.id)
    c = ctx.cells.create_cell(cell, "Đảng ủy xã Điện Hòa")
    return Secretary(ctx, data_dir, p, ctx.cells.create_round(c.id, "2025"))


def closed_secretary(sec: Secretary) -> Secretary:
    """``sec`` closed, with today's automatic copy taken (so a copy of the folder opens without
    taking one): the starting state that :func:`fresh_copy` gives each property-based example."""
    sec.ctx.close()
    AppContext.open(sec.data_dir).close()
    return sec


@contextmanager
def fresh_copy(closed: Secretary, data_dir: Path) -> Iterator[Secretary]:
    """The secretary of a copy of ``closed``'s data folder (see :func:`closed_secretary`), open
    for the ``with`` block: one example's own database, made in milliseconds."""
    shutil.copytree(closed.data_dir, data_dir)
    ctx = AppContext.open(data_dir)
    try:
        yield replace(closed, ctx=ctx, data_dir=data_dir)
    finally:
        ctx.close()


def identity(n: int) -> PrivateIdentity:
    """A member's key pair, the same for the same ``n``."""
    return identity_from_bytes(bytes([n]) * 32, bytes([n + 100]) * 32)


def response(sec: Secretary | None, ident: PrivateIdentity, name: str = "Nguyễn Thị Hằng",
             dob: date | None = date(1980, 5, 17), answers: dict | None = None, revision: int = 1,
             invited: bool = True, encrypted: bool = True, template=FORM_2B) -> ResponseDoc:
    pub = ident.public
    return ResponseDoc(
        member=MemberIdentity(full_name=name, sign_public=pub.sign_public, enc_public=pub.enc_public,
                              date_of_birth=dob, work_unit="Phòng Tư pháp", cell_name="Chi bộ Văn phòng"),
        round=sec.round_ref() if invited else None, period="2025", revision=revision,
        created_at=datetime(2025, 11, 20, 8, 0), finalized_at=datetime(2025, 11, 28, 17, 0),
        template=TemplateRef(template.template.id, template.template.version, template.hash), template_body=None,
        answers=complete_2b() if answers is None else answers,
        recipient=sec.enc_public if encrypted else None)


def forge(ident: PrivateIdentity, body: dict | bytes, recipient: str | None, *, tamper_body=None,
          tamper_signature=None, fmt: str = FORMAT_RESPONSE) -> bytes:
    """A file signed by ``ident`` over ``body``, then optionally changed, then (if ``recipient``)
    encrypted: how an attacker or a buggy program would make one."""
    body_bytes = body if isinstance(body, bytes) else canonical(body)
    signature = ident.sign.sign(signed_bytes(fmt, VERSION, body_bytes))
    if tamper_body:
        body_bytes = tamper_body(body_bytes)
    if tamper_signature:
        signature = tamper_signature(signature)
    return wrap(fmt, signature + body_bytes, enc_public_key(recipient) if recipient else None)


def body_of(doc: ResponseDoc) -> dict:
    return response_body(doc, NOW)


def _engine(data_dir: Path):
    """An engine on the data directory's database (SQLite, or SELFREVIEW_DB_URL's)."""
    from selfreview.db.engine import database_url, make_engine
    return make_engine(database_url(data_dir))


# the tables reflected from a SQLite schema, by its exact text: the databases of a test run share a
# few schemas, and reflecting one takes longer than reading all its rows
_REFLECTED: dict[str, object] = {}


def _tables(engine, conn):
    from sqlalchemy import MetaData
    key = None
    if engine.dialect.name == "sqlite":
        key = repr(conn.exec_driver_sql("select type, name, sql from sqlite_master order by name").fetchall())
        if key in _REFLECTED:
            return _REFLECTED[key]
    meta = MetaData()
    meta.reflect(conn)
    if key is not None:
        _REFLECTED[key] = meta
    return meta


def dump(data_dir: Path, skip: tuple[str, ...] = ("import_receipt",)) -> list[str]:
    """Every row of every table, one line each, leaving out the tables named in ``skip``."""
    from sqlalchemy import select
    engine = _engine(data_dir)
    try:
        lines = []
        with engine.connect() as conn:
            meta = _tables(engine, conn)
            for name in sorted(meta.tables):
                if name in skip:
                    continue
                table = meta.tables[name]
                order = list(table.primary_key.columns) or list(table.columns)
                lines += [f"{name} {tuple(row)!r}" for row in conn.execute(select(table).order_by(*order))]
        return lines
    finally:
        engine.dispose()


def rows(data_dir: Path, sql: str) -> list[tuple]:
    """The rows of one query on the data directory's database."""
    from sqlalchemy import text
    engine = _engine(data_dir)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def as_json(value):
    """A JSON column's value read with a plain query: text on SQLite, already decoded on PostgreSQL."""
    import json
    return json.loads(value) if isinstance(value, str) else value


def receipt_rows(data_dir: Path) -> list[tuple]:
    return rows(data_dir, "select file_name, outcome, reason_code, member from import_receipt order by id")
