"""The response file (``*.selfreview``): one finalized review, signed by the member, encrypted to
the cell secretary when the review came from an invitation. Pure functions: no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from datetime import date, datetime
from typing import Any

from selfreview import __version__
from selfreview.exchange import shape
from selfreview.exchange.signed import checked_body
from selfreview.exchange.envelope import FORMAT_RESPONSE, KEY_BYTES, VERSION, open_envelope, seal, unb64
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity, enc_public_key, fingerprint
from selfreview import limits
from selfreview.limits import field_problem
from selfreview.rating import MEMBER_CATEGORIES

CATEGORIES = MEMBER_CATEGORIES  # (the name the format checks use)
MAX_ANSWERS = 1000
HEX64 = re.compile(r"[0-9a-f]{64}")  # used with fullmatch
TEMPLATE_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,79}")
QUESTION_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")

BODY_KEYS = {"format", "version", "app", "written_at", "recipient", "member", "round", "review"}
MEMBER_KEYS = {"full_name", "date_of_birth", "party_post", "government_post", "mass_org_post", "work_unit",
               "cell_name", "category", "sign_public", "enc_public"}
ROUND_KEYS = {"uid", "cell", "superior_body", "period"}
REVIEW_KEYS = {"period", "revision", "created_at", "finalized_at", "template", "answers"}
TEMPLATE_KEYS = {"id", "version", "hash"}


@dataclass(frozen=True)
class MemberIdentity:
    """Who wrote the review, as their profile says, with their public keys (base64)."""

    full_name: str
    sign_public: str
    enc_public: str
    date_of_birth: date | None = None
    party_post: str = ""
    government_post: str = ""
    mass_org_post: str = ""
    work_unit: str = ""
    cell_name: str = ""
    category: str = "non_leader"

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)


@dataclass(frozen=True)
class RoundRef:
    """The review round of the invitation a response answers (``uid`` identifies it across PCs)."""

    uid: str
    cell: str
    superior_body: str
    period: str


@dataclass(frozen=True)
class TemplateRef:
    id: str
    version: int
    hash: str


@dataclass(frozen=True)
class ResponseDoc:
    member: MemberIdentity
    round: RoundRef | None
    period: str
    revision: int
    created_at: datetime
    finalized_at: datetime
    template: TemplateRef
    template_body: dict[str, Any] | None  # the template itself, when it is not a bundled one
    answers: dict[str, Any]
    written_at: datetime | None = None
    app: str = ""
    recipient: str | None = None  # base64 X25519 key it was encrypted to
    normalised: bool = False  # some text arrived decomposed (NFD) and was normalised to NFC


def response_body(doc: ResponseDoc, written_at: datetime) -> dict[str, Any]:
    m = doc.member
    template: dict[str, Any] = {"id": doc.template.id, "version": doc.template.version, "hash": doc.template.hash}
    if doc.template_body is not None:
        template["body"] = doc.template_body
    return {
        "format": FORMAT_RESPONSE, "version": VERSION, "app": f"selfreview {__version__}",
        "written_at": shape.format_timestamp(written_at), "recipient": doc.recipient,
        "member": {"full_name": m.full_name, "date_of_birth": m.date_of_birth.isoformat() if m.date_of_birth else None,
                   "party_post": m.party_post, "government_post": m.government_post,
                   "mass_org_post": m.mass_org_post, "work_unit": m.work_unit, "cell_name": m.cell_name,
                   "category": m.category, "sign_public": m.sign_public, "enc_public": m.enc_public},
        "round": None if doc.round is None else {"uid": doc.round.uid, "cell": doc.round.cell,
                                                 "superior_body": doc.round.superior_body,
                                                 "period": doc.round.period},
        "review": {"period": doc.period, "revision": doc.revision,
                   "created_at": shape.format_timestamp(doc.created_at),
                   "finalized_at": shape.format_timestamp(doc.finalized_at),
                   "template": template, "answers": doc.answers},
    }


def write_response(identity: PrivateIdentity, doc: ResponseDoc, written_at: datetime) -> bytes:
    """The file's bytes. Encrypted to ``doc.recipient`` when it is set, else signed only."""
    if doc.member.sign_public != identity.public.sign_public:
        raise ValueError("the member's public key is not the signing identity's")
    recipient = enc_public_key(doc.recipient) if doc.recipient else None
    return seal(FORMAT_RESPONSE, response_body(doc, written_at), identity.sign, recipient)


def read_response(raw: bytes, secretary: PrivateIdentity | None = None,
                  secretary_enc_public: str | None = None) -> ResponseDoc:
    """Open, decrypt, verify and check the shape of a response file; raises ``Rejected``.

    The signature covers the bytes as sent. After it is verified, text that arrived decomposed
    (NFD) is normalised to NFC (``normalised`` tells); nothing else is changed.
    """
    opened = open_envelope(raw, FORMAT_RESPONSE, secretary.enc if secretary else None, secretary_enc_public)
    body, normalised = checked_body(opened, FORMAT_RESPONSE, "member", BODY_KEYS)
    if body["recipient"] != opened.recipient:
        raise shape.bad("recipient")
    review = shape.obj(body["review"], "review", REVIEW_KEYS)
    tref = shape.obj(review["template"], "review.template", TEMPLATE_KEYS, optional={"body"})
    answers = review["answers"]
    if not isinstance(answers, dict) or len(answers) > MAX_ANSWERS:
        raise shape.bad("review.answers")
    for qid in answers:
        if not QUESTION_ID.fullmatch(qid):
            raise shape.bad(f"review.answers.{qid[:64]}")
    template_body = tref.get("body")
    if template_body is not None and not isinstance(template_body, dict):
        raise shape.bad("review.template.body")
    if not TEMPLATE_ID.fullmatch(shape.text(tref, "id", "review.template", 80)):
        raise shape.bad("review.template.id")
    if not HEX64.fullmatch(shape.text(tref, "hash", "review.template", 64)):
        raise shape.bad("review.template.hash")
    rnd = body["round"]
    return ResponseDoc(
        member=_member(body["member"]),
        round=None if rnd is None else _round(rnd),
        period=shape.text(review, "period", "review", 40, empty=False),
        revision=shape.integer(review, "revision", "review", 1, 1_000_000),
        created_at=shape.timestamp(review, "created_at", "review"),
        finalized_at=shape.timestamp(review, "finalized_at", "review"),
        template=TemplateRef(tref["id"], shape.integer(tref, "version", "review.template", 1, 1_000_000),
                             tref["hash"]),
        template_body=template_body,
        answers=answers,
        written_at=shape.timestamp(body, "written_at", ""),
        app=shape.text(body, "app", "", 100),
        recipient=opened.recipient,
        normalised=normalised,
    )


def _member(m: Any) -> MemberIdentity:
    m = shape.obj(m, "member", MEMBER_KEYS)
    category = m["category"]
    if category not in CATEGORIES:
        raise shape.bad("member.category")
    enc = m["enc_public"]
    unb64(enc, "member.enc_public", KEY_BYTES)
    fields = {f: _member_field(m, f) for f in ("full_name", "party_post", "government_post", "mass_org_post",
                                               "work_unit", "cell_name")}
    fields["full_name"] = " ".join(fields["full_name"].split())
    return MemberIdentity(
        sign_public=m["sign_public"], enc_public=enc,
        date_of_birth=shape.day(m, "date_of_birth", "member"),
        category=category, **fields,
    )


def _member_field(m: dict[str, Any], field: str) -> str:
    """A member field within the limits the profile form applies (selfreview/limits.py), refused
    with the same words a member sees there."""
    value = m[field]
    if not isinstance(value, str):
        raise shape.bad(f"member.{field}")
    problem = field_problem(field, value, required=field == "full_name")
    if problem is not None:
        raise Rejected("import.member_field", reason=problem.vi, reason_en=problem.en)
    return value


def _round(r: Any) -> RoundRef:
    r = shape.obj(r, "round", ROUND_KEYS)
    return RoundRef(uid=shape.text(r, "uid", "round", limits.ROUND_UID, empty=False),
                    cell=shape.text(r, "cell", "round", limits.CELL_NAME, empty=False),
                    superior_body=shape.text(r, "superior_body", "round", limits.SUPERIOR_BODY),
                    period=shape.text(r, "period", "round", limits.PERIOD, empty=False))


__all__ = ["CATEGORIES", "MemberIdentity", "ResponseDoc", "RoundRef", "TemplateRef", "Rejected",
           "read_response", "response_body", "write_response"]
