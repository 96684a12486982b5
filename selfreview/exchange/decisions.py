"""The decision file (``*.selfreview-decisions``): the committee's decided rating for each member of
one organisation that reported to it, signed by the committee's secretary and encrypted to that
organisation's secretary (whose key came in its results file). For a committee below, the
decisions of its units' members travel in the same file (``unit`` names each member's
organisation). Pure functions: no database. See docs/file-format.md, "Decisions".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selfreview import __version__
from selfreview.exchange import shape
from selfreview.exchange.signed import checked_body
from selfreview.exchange.envelope import FORMAT_DECISIONS, VERSION, open_envelope, seal
from selfreview.exchange.keys import PrivateIdentity, enc_public_key
from selfreview.exchange.results import LEVELS, MAX_MEMBERS
from selfreview.exchange.results_invite import CommitteeRef, committee_of

BODY_KEYS = {"format", "version", "app", "written_at", "recipient", "invitation", "committee", "period",
             "organisation", "quota_percent", "decisions"}
ORG_KEYS = {"uid", "name"}
DECISION_KEYS = {"unit", "ref", "full_name", "rating"}


@dataclass(frozen=True)
class Decision:
    unit: str  # the uid of the member's organisation (the cell's round uid)
    ref: str  # the member's ``ref`` in that organisation's results
    full_name: str
    rating: str | None  # None: the committee decided not to rate (or withdrew a decision)


@dataclass(frozen=True)
class DecisionsDoc:
    committee: CommitteeRef
    invitation: str
    period: str
    organisation_uid: str
    organisation_name: str
    quota_percent: int
    decisions: tuple[Decision, ...]
    recipient: str | None = None
    written_at: datetime | None = None


def write_decisions(identity: PrivateIdentity, doc: DecisionsDoc, recipient: str, written_at: datetime) -> bytes:
    if doc.committee.sign_public != identity.public.sign_public:
        raise ValueError("the committee's public key is not the signing identity's")
    body: dict[str, Any] = {
        "format": FORMAT_DECISIONS, "version": VERSION, "app": f"selfreview {__version__}",
        "written_at": shape.format_timestamp(written_at), "recipient": recipient, "invitation": doc.invitation,
        "committee": doc.committee.as_json(), "period": doc.period,
        "organisation": {"uid": doc.organisation_uid, "name": doc.organisation_name},
        "quota_percent": doc.quota_percent,
        "decisions": [{"unit": d.unit, "ref": d.ref, "full_name": d.full_name, "rating": d.rating}
                      for d in doc.decisions]}
    return seal(FORMAT_DECISIONS, body, identity.sign, enc_public_key(recipient))


def read_decisions(raw: bytes, secretary: PrivateIdentity | None, secretary_enc_public: str | None) -> DecisionsDoc:
    """Open, decrypt, verify and check a decision file; raises ``Rejected``. Whether the committee
    is the one this organisation reports to is the importer's check (its call is kept)."""
    opened = open_envelope(raw, FORMAT_DECISIONS, secretary.enc if secretary else None, secretary_enc_public)
    body, _ = checked_body(opened, FORMAT_DECISIONS, "committee", BODY_KEYS)
    if body["recipient"] != opened.recipient:
        raise shape.bad("recipient")
    org = shape.obj(body["organisation"], "organisation", ORG_KEYS)
    if body["quota_percent"] not in (20, 25) or type(body["quota_percent"]) is not int:
        raise shape.bad("quota_percent")
    items = body["decisions"]
    if not isinstance(items, list) or len(items) > MAX_MEMBERS:
        raise shape.bad("decisions")
    out = []
    seen = set()
    for i, d in enumerate(items):
        w = f"decisions.{i}"
        d = shape.obj(d, w, DECISION_KEYS)
        if d["rating"] is not None and d["rating"] not in LEVELS:
            raise shape.bad(f"{w}.rating")
        key = (shape.text(d, "unit", w, 64, empty=False), shape.text(d, "ref", w, 64, empty=False))
        if key in seen:
            raise shape.bad(f"{w}.ref")
        seen.add(key)
        out.append(Decision(key[0], key[1], shape.text(d, "full_name", w, 200), d["rating"]))
    return DecisionsDoc(committee=committee_of(body["committee"], "committee"),
                        invitation=shape.text(body, "invitation", "", 64, empty=False),
                        period=shape.text(body, "period", "", 40, empty=False),
                        organisation_uid=shape.text(org, "uid", "organisation", 64, empty=False),
                        organisation_name=shape.text(org, "name", "organisation", 300, empty=False),
                        quota_percent=body["quota_percent"], decisions=tuple(out), recipient=opened.recipient,
                        written_at=shape.timestamp(body, "written_at", ""))
