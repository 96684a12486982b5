"""The committee's call for results (``*.selfreview-results-invite``): the committee's name, its
public keys, the period and the organisations expected to report; signed by the committee's
secretary, not encrypted (the cells have no key the committee knows yet). A cell secretary opens
it with ``selfreview open-invite`` and writes the cell's results encrypted to that key.
Pure functions: no database. See docs/file-format.md, "Results".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from selfreview import __version__
from selfreview.exchange import shape
from selfreview.exchange.signed import checked_body
from selfreview.exchange.envelope import FORMAT_RESULTS_INVITE, KEY_BYTES, VERSION, open_envelope, seal, unb64
from selfreview.exchange.keys import PrivateIdentity, fingerprint
from selfreview.exchange.response import HEX64

BODY_KEYS = {"format", "version", "app", "written_at", "uid", "committee", "period", "deadline", "organisations"}
COMMITTEE_KEYS = {"name", "superior_body", "secretary", "sign_public", "enc_public"}
MAX_ORGANISATIONS = 5000


@dataclass(frozen=True)
class CommitteeRef:
    """Who the results go to: the committee, its secretary, its public keys (base64)."""

    name: str
    superior_body: str
    secretary: str
    sign_public: str
    enc_public: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)

    def as_json(self) -> dict:
        return {"name": self.name, "superior_body": self.superior_body, "secretary": self.secretary,
                "sign_public": self.sign_public, "enc_public": self.enc_public}


@dataclass(frozen=True)
class ResultsInviteDoc:
    uid: str  # 32 hex digits: names this call across PCs
    committee: CommitteeRef
    period: str
    deadline: date | None
    organisations: tuple[str, ...]  # the organisations expected to report
    written_at: datetime | None = None


def write_results_invite(identity: PrivateIdentity, doc: ResultsInviteDoc, written_at: datetime) -> bytes:
    if doc.committee.sign_public != identity.public.sign_public:
        raise ValueError("the committee's public key is not the signing identity's")
    body = {"format": FORMAT_RESULTS_INVITE, "version": VERSION, "app": f"selfreview {__version__}",
            "written_at": shape.format_timestamp(written_at), "uid": doc.uid, "committee": doc.committee.as_json(),
            "period": doc.period, "deadline": doc.deadline.isoformat() if doc.deadline else None,
            "organisations": list(doc.organisations)}
    return seal(FORMAT_RESULTS_INVITE, body, identity.sign)


def committee_of(value, where: str) -> CommitteeRef:
    c = shape.obj(value, where, COMMITTEE_KEYS)
    unb64(c["enc_public"], f"{where}.enc_public", KEY_BYTES)
    unb64(c["sign_public"], f"{where}.sign_public", KEY_BYTES)
    return CommitteeRef(shape.text(c, "name", where, 300, empty=False), shape.text(c, "superior_body", where, 300),
                        shape.text(c, "secretary", where, 200), c["sign_public"], c["enc_public"])


def read_results_invite(raw: bytes) -> ResultsInviteDoc:
    """Open and verify a call for results; raises ``Rejected``."""
    opened = open_envelope(raw, FORMAT_RESULTS_INVITE)
    body, _ = checked_body(opened, FORMAT_RESULTS_INVITE, "committee", BODY_KEYS)
    uid = shape.text(body, "uid", "", 64, empty=False)
    if not HEX64.fullmatch(uid.ljust(64, "0")) or len(uid) != 32:
        raise shape.bad("uid")
    orgs = body["organisations"]
    if not isinstance(orgs, list) or len(orgs) > MAX_ORGANISATIONS:
        raise shape.bad("organisations")
    names = tuple(shape.text({"n": o}, "n", f"organisations.{i}", 300, empty=False) for i, o in enumerate(orgs))
    return ResultsInviteDoc(uid=uid, committee=committee_of(body["committee"], "committee"),
                            period=shape.text(body, "period", "", 40, empty=False),
                            deadline=shape.day(body, "deadline", ""), organisations=names,
                            written_at=shape.timestamp(body, "written_at", ""))
