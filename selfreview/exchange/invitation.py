"""The invitation file (``*.selfreview-invite``): a round of a cell, the forms with the templates
embedded, the deadline and the secretary's public keys; signed by the secretary, not encrypted
(members have no key the secretary knows yet). Pure functions: no database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from selfreview import __version__
from selfreview.exchange import shape
from selfreview.exchange.signed import checked_body
from selfreview.exchange.envelope import FORMAT_INVITE, KEY_BYTES, VERSION, open_envelope, seal, unb64
from selfreview.exchange.keys import PrivateIdentity, fingerprint
from selfreview.exchange.response import CATEGORIES, HEX64, RoundRef, TemplateRef
from selfreview.exchange.embedded import embedded_template
from selfreview.forms import canonical_json, template_hash
from selfreview.forms.model import Template

BODY_KEYS = {"format", "version", "app", "written_at", "secretary", "round", "forms"}
SECRETARY_KEYS = {"full_name", "sign_public", "enc_public"}
ROUND_KEYS = {"uid", "cell", "superior_body", "period", "deadline"}
FORM_KEYS = {"id", "version", "hash", "body"}


@dataclass(frozen=True)
class InvitationDoc:
    secretary_name: str
    sign_public: str
    enc_public: str
    round: RoundRef
    deadline: date | None
    forms: dict[str, tuple[TemplateRef, Template]]  # member category -> the form
    written_at: datetime | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


def write_invitation(identity: PrivateIdentity, secretary_name: str, round_ref: RoundRef,
                     deadline: date | None, forms: dict[str, Template], written_at: datetime) -> bytes:
    pub = identity.public
    body = {
        "format": FORMAT_INVITE, "version": VERSION, "app": f"selfreview {__version__}",
        "written_at": shape.format_timestamp(written_at),
        "secretary": {"full_name": secretary_name, "sign_public": pub.sign_public, "enc_public": pub.enc_public},
        "round": {"uid": round_ref.uid, "cell": round_ref.cell, "superior_body": round_ref.superior_body,
                  "period": round_ref.period, "deadline": deadline.isoformat() if deadline else None},
        "forms": {cat: {"id": t.id, "version": t.version, "hash": template_hash(t),
                        "body": json.loads(canonical_json(t))} for cat, t in forms.items()},
    }
    return seal(FORMAT_INVITE, body, identity.sign)


def read_invitation(raw: bytes) -> InvitationDoc:
    """Open and verify an invitation, and check every embedded template against its hash."""
    opened = open_envelope(raw, FORMAT_INVITE)
    body, _ = checked_body(opened, FORMAT_INVITE, "secretary", BODY_KEYS)
    sec = shape.obj(body["secretary"], "secretary", SECRETARY_KEYS)
    unb64(sec["enc_public"], "secretary.enc_public", KEY_BYTES)
    r = shape.obj(body["round"], "round", ROUND_KEYS)
    round_ref = RoundRef(uid=shape.text(r, "uid", "round", 64, empty=False),
                         cell=shape.text(r, "cell", "round", 300, empty=False),
                         superior_body=shape.text(r, "superior_body", "round", 300),
                         period=shape.text(r, "period", "round", 40, empty=False))
    forms_in = body["forms"]
    if not isinstance(forms_in, dict) or not forms_in or any(c not in CATEGORIES for c in forms_in):
        raise shape.bad("forms")
    forms: dict[str, tuple[TemplateRef, Template]] = {}
    for cat, entry in forms_in.items():
        where = f"forms.{cat}"
        f = shape.obj(entry, where, FORM_KEYS)
        ref = TemplateRef(shape.text(f, "id", where, 80, empty=False), shape.integer(f, "version", where, 1, 10**6),
                          shape.text(f, "hash", where, 64))
        if not HEX64.fullmatch(ref.hash):
            raise shape.bad(f"{where}.hash")
        forms[cat] = (ref, embedded_template(f["body"], ref))
    return InvitationDoc(secretary_name=shape.text(sec, "full_name", "secretary", 200),
                         sign_public=sec["sign_public"], enc_public=sec["enc_public"], round=round_ref,
                         deadline=shape.day(r, "deadline", "round"), forms=forms,
                         written_at=shape.timestamp(body, "written_at", ""))
