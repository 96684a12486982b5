"""Helpers for the exchange tests: a secretary's data directory with a round, and members' files
made directly with the file-format functions (so that tests can also make damaged ones)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

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


def dump(data_dir: Path, skip: tuple[str, ...] = ("import_receipt",)) -> list[str]:
    """Every row of every table (sqlite3 iterdump), leaving out the tables named in ``skip``."""
    con = sqlite3.connect(data_dir / "selfreview.db")
    try:
        return [line for line in con.iterdump()
                if not any(line.startswith(f'INSERT INTO "{t}"') for t in skip)]
    finally:
        con.close()


def receipt_rows(data_dir: Path) -> list[tuple]:
    con = sqlite3.connect(data_dir / "selfreview.db")
    try:
        return con.execute("select file_name, outcome, reason_code, member from import_receipt order by id").fetchall()
    finally:
        con.close()
