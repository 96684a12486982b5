"""The results file (``*.selfreview-results``): a cell's (or a committee's) results of one period
for the committee above, signed by its secretary and encrypted to the committee's key taken from
the committee's call (exchange/results_invite.py). Pure functions: no database.

The body is the envelope's usual metadata plus ``report``: the organisation, its members (form,
scores, self-proposed / cell-proposed / decided rating, status with the reason when not rated,
the meeting's votes, optionally the full review), the collective's review (Mẫu 01) in a line, the
meeting, the responsibility self-check counts with small counts hidden, and ``units``: the
reports of the organisations below it (a committee's results carry its cells'). Every field is
specified in docs/file-format.md, "Results".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selfreview import __version__
from selfreview.exchange import shape
from selfreview.exchange.signed import checked_body
from selfreview.exchange.envelope import (
    FORMAT_RESULTS, KEY_BYTES, VERSION, canonical, open_envelope, seal, unb64,
)
from selfreview.exchange.keys import PrivateIdentity, enc_public_key, fingerprint
from selfreview.exchange.response import CATEGORIES, HEX64, QUESTION_ID, TEMPLATE_ID, MAX_ANSWERS
from selfreview.text import nfc_deep

MAX_RESULTS_BYTES = 64 * 1024 * 1024  # a large committee's results with every review in full
MAX_MEMBERS = 100_000
MAX_UNITS = 5000
LEVELS = ("htxsnv", "httnv", "htnv", "khtnv")
KINDS = ("cell", "committee")
STATUSES = ("rated", "not_rated")

BODY_KEYS = {"format", "version", "app", "written_at", "recipient", "invitation", "secretary", "report"}
SECRETARY_KEYS = {"full_name", "sign_public", "enc_public"}
REPORT_KEYS = {"organisation", "period", "quota_percent", "min_count", "members", "collective", "meeting",
               "responsibility", "units"}
ORG_KEYS = {"uid", "name", "superior_body", "kind"}
MEMBER_KEYS = {"ref", "full_name", "date_of_birth", "post", "category", "form", "submitted", "status", "reason",
               "scores", "self_rating", "cell_rating", "decided_rating", "votes", "review"}
SCORE_KEYS = {"general", "tasks", "total", "total_max"}
REASON_KEYS = {"code", "vi", "en"}
COLLECTIVE_KEYS = {"status", "scores", "proposed_rating", "votes"}
MEETING_KEYS = {"starts_at", "place", "chair", "present", "total"}
RESP_KEYS = {"min_count", "respondents", "behaviours"}
BEHAVIOUR_KEYS = {"id", "label", "sometimes", "often", "total"}
REVIEW_KEYS = {"template", "answers"}
TEMPLATE_KEYS = {"id", "version", "hash"}


@dataclass(frozen=True)
class ResultsDoc:
    """A results file, opened, verified and checked. ``report`` is the checked JSON (NFC)."""

    secretary_name: str
    sign_public: str
    enc_public: str
    invitation: str  # the uid of the committee's call it answers
    recipient: str | None
    report: dict[str, Any]
    written_at: datetime | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.enc_public)

    @property
    def content_hash(self) -> str:
        """The sha256 of the report alone (not when it was written): the same results written twice
        have the same content hash."""
        return hashlib.sha256(canonical(self.report)).hexdigest()


def results_body(secretary_name: str, identity: PrivateIdentity, invitation: str, recipient: str,
                 report: dict[str, Any], written_at: datetime) -> dict[str, Any]:
    pub = identity.public
    return {"format": FORMAT_RESULTS, "version": VERSION, "app": f"selfreview {__version__}",
            "written_at": shape.format_timestamp(written_at), "recipient": recipient, "invitation": invitation,
            "secretary": {"full_name": secretary_name, "sign_public": pub.sign_public, "enc_public": pub.enc_public},
            "report": report}


def write_results(identity: PrivateIdentity, secretary_name: str, invitation: str, recipient: str,
                  report: dict[str, Any], written_at: datetime) -> bytes:
    """The file's bytes: signed by ``identity``, encrypted to ``recipient`` (base64 X25519)."""
    check_report(nfc_deep(report), "report", 0)  # never write what a reader would refuse
    body = results_body(secretary_name, identity, invitation, recipient, report, written_at)
    return seal(FORMAT_RESULTS, body, identity.sign, enc_public_key(recipient))


def read_results(raw: bytes, committee: PrivateIdentity | None, committee_enc_public: str | None) -> ResultsDoc:
    """Open, decrypt, verify and check a results file; raises ``Rejected``."""
    opened = open_envelope(raw, FORMAT_RESULTS, committee.enc if committee else None, committee_enc_public)
    body, _ = checked_body(opened, FORMAT_RESULTS, "secretary", BODY_KEYS)
    if body["recipient"] != opened.recipient:
        raise shape.bad("recipient")
    sec = shape.obj(body["secretary"], "secretary", SECRETARY_KEYS)
    unb64(sec["enc_public"], "secretary.enc_public", KEY_BYTES)
    invitation = shape.text(body, "invitation", "", 64, empty=False)
    check_report(body["report"], "report", 0)
    return ResultsDoc(shape.text(sec, "full_name", "secretary", 200), sec["sign_public"], sec["enc_public"],
                      invitation, opened.recipient, body["report"], shape.timestamp(body, "written_at", ""))


# -- the report's shape --------------------------------------------------------------------------
def _level(d: dict, key: str, where: str) -> None:
    if d[key] is not None and d[key] not in LEVELS:
        raise shape.bad(shape.at(where, key))


def _count(d: dict, key: str, where: str, nullable: bool = False) -> None:
    if nullable and d[key] is None:
        return
    shape.integer(d, key, where, 0, 10_000_000)


def _scores(value: Any, where: str) -> None:
    if value is None:
        return
    s = shape.obj(value, where, SCORE_KEYS)
    for k in SCORE_KEYS:
        if s[k] is not None:
            text = shape.text(s, k, where, 12, empty=False)
            try:
                float(text)
            except ValueError:
                raise shape.bad(shape.at(where, k)) from None


def _votes(value: Any, where: str) -> None:
    if value is None:
        return
    v = shape.obj(value, where, set(LEVELS))
    for k in LEVELS:
        _count(v, k, where)


def _member(m: Any, where: str) -> None:
    m = shape.obj(m, where, MEMBER_KEYS)
    shape.text(m, "ref", where, 64, empty=False)
    shape.text(m, "full_name", where, 200, empty=False)
    shape.day(m, "date_of_birth", where)
    shape.text(m, "post", where, 700)
    if m["category"] not in CATEGORIES:
        raise shape.bad(f"{where}.category")
    if m["form"] is not None:
        shape.text(m, "form", where, 80)
    if not isinstance(m["submitted"], bool):
        raise shape.bad(f"{where}.submitted")
    if m["status"] not in STATUSES:
        raise shape.bad(f"{where}.status")
    if m["reason"] is None:
        if m["status"] == "not_rated":
            raise shape.bad(f"{where}.reason")
    else:
        r = shape.obj(m["reason"], f"{where}.reason", REASON_KEYS)
        shape.text(r, "code", f"{where}.reason", 40, empty=False)
        shape.text(r, "vi", f"{where}.reason", 500)
        shape.text(r, "en", f"{where}.reason", 500)
    _scores(m["scores"], f"{where}.scores")
    for k in ("self_rating", "cell_rating", "decided_rating"):
        _level(m, k, where)
    if m["status"] == "rated" and m["cell_rating"] is None:
        raise shape.bad(f"{where}.status")
    _votes(m["votes"], f"{where}.votes")
    if m["review"] is not None:
        _review(m["review"], f"{where}.review")


def _review(value: Any, where: str) -> None:
    r = shape.obj(value, where, REVIEW_KEYS)
    t = shape.obj(r["template"], f"{where}.template", TEMPLATE_KEYS, optional={"body"})
    if not TEMPLATE_ID.fullmatch(shape.text(t, "id", f"{where}.template", 80)):
        raise shape.bad(f"{where}.template.id")
    shape.integer(t, "version", f"{where}.template", 1, 1_000_000)
    if not HEX64.fullmatch(shape.text(t, "hash", f"{where}.template", 64)):
        raise shape.bad(f"{where}.template.hash")
    if "body" in t and not isinstance(t["body"], dict):
        raise shape.bad(f"{where}.template.body")
    answers = r["answers"]
    if not isinstance(answers, dict) or len(answers) > MAX_ANSWERS or \
            any(not QUESTION_ID.fullmatch(q) for q in answers):
        raise shape.bad(f"{where}.answers")


def check_report(report: Any, where: str, depth: int) -> None:
    """The report's exact shape (raises ``Rejected`` naming the place). Units nest at most 3 deep."""
    rep = shape.obj(report, where, REPORT_KEYS)
    org = shape.obj(rep["organisation"], f"{where}.organisation", ORG_KEYS)
    shape.text(org, "uid", f"{where}.organisation", 64, empty=False)
    shape.text(org, "name", f"{where}.organisation", 300, empty=False)
    shape.text(org, "superior_body", f"{where}.organisation", 300)
    if org["kind"] not in KINDS:
        raise shape.bad(f"{where}.organisation.kind")
    shape.text(rep, "period", where, 40, empty=False)
    if rep["quota_percent"] not in (20, 25) or type(rep["quota_percent"]) is not int:
        raise shape.bad(f"{where}.quota_percent")
    shape.integer(rep, "min_count", where, 1, 1000)
    members = rep["members"]
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise shape.bad(f"{where}.members")
    refs = set()
    for i, m in enumerate(members):
        _member(m, f"{where}.members.{i}")
        if m["ref"] in refs:
            raise shape.bad(f"{where}.members.{i}.ref")
        refs.add(m["ref"])
    if rep["collective"] is not None:
        c = shape.obj(rep["collective"], f"{where}.collective", COLLECTIVE_KEYS)
        if c["status"] not in ("draft", "finalized", "sent"):
            raise shape.bad(f"{where}.collective.status")
        _scores(c["scores"], f"{where}.collective.scores")
        _level(c, "proposed_rating", f"{where}.collective")
        _votes(c["votes"], f"{where}.collective.votes")
    if rep["meeting"] is not None:
        mt = shape.obj(rep["meeting"], f"{where}.meeting", MEETING_KEYS)
        if mt["starts_at"] is not None:
            shape.text(mt, "starts_at", f"{where}.meeting", 19, empty=False)
        shape.text(mt, "place", f"{where}.meeting", 300)
        shape.text(mt, "chair", f"{where}.meeting", 200)
        _count(mt, "present", f"{where}.meeting")
        _count(mt, "total", f"{where}.meeting")
    resp = shape.obj(rep["responsibility"], f"{where}.responsibility", RESP_KEYS)
    shape.integer(resp, "min_count", f"{where}.responsibility", 1, 1000)
    _count(resp, "respondents", f"{where}.responsibility", nullable=True)
    if not isinstance(resp["behaviours"], list) or len(resp["behaviours"]) > 200:
        raise shape.bad(f"{where}.responsibility.behaviours")
    for i, b in enumerate(resp["behaviours"]):
        w = f"{where}.responsibility.behaviours.{i}"
        b = shape.obj(b, w, BEHAVIOUR_KEYS)
        shape.text(b, "id", w, 64, empty=False)
        shape.text(b, "label", w, 1000)
        for k in ("sometimes", "often", "total"):
            _count(b, k, w, nullable=True)
    units = rep["units"]
    if not isinstance(units, list) or len(units) > MAX_UNITS or (units and depth >= 3):
        raise shape.bad(f"{where}.units")
    if units and org["kind"] != "committee":
        raise shape.bad(f"{where}.units")
    seen = set()
    for i, u in enumerate(units):
        check_report(u, f"{where}.units.{i}", depth + 1)
        if u["organisation"]["uid"] in seen:
            raise shape.bad(f"{where}.units.{i}.organisation.uid")
        seen.add(u["organisation"]["uid"])
