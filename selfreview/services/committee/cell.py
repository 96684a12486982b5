"""The reporting office's side (``ctx.results``): open the committee's call for results, write the
results file for it, and (services/committee/level_import.py) take the committee's decisions back.

A cell writes the results of one round (``write_results(round_id=...)``); a committee that itself
reports further up writes the results of a period (``write_results(period=...)``): its imported
organisations' reports as ``units``, with the ratings it decided.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from selfreview.db.models import ResultsCall, ResultsInvitation, utcnow
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.exchange.results import write_results
from selfreview.exchange.results_invite import ResultsInviteDoc, read_results_invite
from selfreview.fsutil import write_atomic
from selfreview.messages import msg
from selfreview.services import audit
from selfreview.services.committee.report import all_members, cell_report
from selfreview.services.dto import ProfileData
from selfreview.services.errors import NotFound, ServiceError
from selfreview.text import nfc

CALL_SUFFIX = ".selfreview-results-invite"
RESULTS_SUFFIX = ".selfreview-results"
DECISIONS_SUFFIX = ".selfreview-decisions"


@dataclass(frozen=True)
class CallInfo:
    """What a committee's call for results says, for the secretary to check before keeping it."""

    uid: str
    committee: str
    superior_body: str
    secretary: str
    fingerprint: str
    period: str
    deadline: date | None
    organisations: tuple[str, ...]
    doc: ResultsInviteDoc = field(repr=False, compare=False)


@dataclass(frozen=True)
class WrittenResults:
    path: Path
    organisation: str
    period: str
    members: int
    committee: str
    committee_fingerprint: str
    sha256: str


def is_call(path: str | os.PathLike[str]) -> bool:
    """True when the file is a committee's call for results (by its name, else by its first bytes)."""
    p = Path(path)
    if p.name.lower().endswith(CALL_SUFFIX):
        return True
    try:
        with p.open("rb") as f:
            head = f.read(2048)
    except OSError:
        return False
    return b'"format":"selfreview-results-invite"' in head


def identity_of(ctx, passphrase: str | None) -> tuple[ProfileData, PrivateIdentity]:
    """This office's secretary profile and its private keys (a clear error when there is none)."""
    sec = ctx.profiles.secretary()
    if sec is None:
        raise ServiceError.of("invite.no_secretary")
    try:
        return sec, open_identity(ctx.keys_dir, sec.id, passphrase)
    except KeyFileError as e:
        if e.code == "keys.missing":  # a shared database: the secretary's keys are on their own PC
            raise ServiceError(msg("office_key.secretary_elsewhere", name=sec.full_name,
                                   fingerprint=sec.fingerprint)) from None
        raise ServiceError(e.message) from None


class ResultsService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    # -- the committee's call ---------------------------------------------------------------------
    def read_call(self, path: str | os.PathLike[str]) -> CallInfo:
        try:
            doc = read_results_invite(read_limited(path))
        except Rejected as e:
            raise ServiceError(e.message) from None
        c = doc.committee
        return CallInfo(doc.uid, c.name, c.superior_body, c.secretary, c.fingerprint, doc.period, doc.deadline,
                        doc.organisations, doc)

    def open_call(self, call: CallInfo | str | os.PathLike[str], profile_id: int | None = None) -> CallInfo:
        """Keep the call: this office's results for its period go to that committee. A second call
        for the same period from another key does not silently replace the first."""
        info = call if isinstance(call, CallInfo) else self.read_call(call)
        doc = info.doc
        actor = ""
        if profile_id is not None:
            actor = self.ctx.profiles.get(profile_id).full_name
        with self.ctx.session() as s:
            for other in s.scalars(select(ResultsInvitation).where(ResultsInvitation.period == doc.period)):
                if other.uid != doc.uid and other.sign_key != doc.committee.sign_public:
                    raise ServiceError.of("results.call_key_differs", period=doc.period,
                                          old=other.fingerprint, new=info.fingerprint)
            row = s.get(ResultsInvitation, doc.uid)
            if row is not None and row.sign_key != doc.committee.sign_public:
                raise ServiceError.of("results.call_key_differs", period=doc.period, old=row.fingerprint,
                                      new=info.fingerprint)
            row = row or ResultsInvitation(uid=doc.uid)
            row.profile_id = profile_id
            row.committee_name, row.superior_body = doc.committee.name, doc.committee.superior_body
            row.secretary_name, row.period, row.deadline = doc.committee.secretary, doc.period, doc.deadline
            row.sign_key, row.enc_key, row.fingerprint = (doc.committee.sign_public, doc.committee.enc_public,
                                                          info.fingerprint)
            row.organisations = list(doc.organisations)
            s.add(row)
            audit.record(s, "results.call_open", actor, uid=doc.uid, committee=doc.committee.name,
                         period=doc.period, fingerprint=info.fingerprint)
        return info

    def call_for(self, period: str) -> ResultsInvitation | None:
        with self.ctx.read() as s:
            row = s.scalars(select(ResultsInvitation).where(ResultsInvitation.period == nfc(period).strip())
                            .order_by(ResultsInvitation.received_at.desc())).first()
            if row is not None:
                s.expunge(row)
            return row

    # -- writing the results ------------------------------------------------------------------------
    def report(self, round_id: int | None = None, period: str | None = None, with_reviews: bool = False,
               min_count: int = 3) -> dict:
        """The report a results file would carry (a cell's round, or a committee's period)."""
        if (round_id is None) == (period is None):
            raise ValueError("give round_id or period")
        if round_id is not None:
            if min_count < 1:
                raise ServiceError.of("report.bad_min_count", n=min_count)
            return cell_report(self.ctx, round_id, with_reviews, min_count)
        return self.ctx.committee.forward_report(period, min_count)

    def write_results(self, out_path: str | os.PathLike[str], round_id: int | None = None,
                      period: str | None = None, with_reviews: bool = False, min_count: int = 3,
                      passphrase: str | None = None) -> WrittenResults:
        """Write the results file, signed by this office's secretary, encrypted to the committee
        whose call for the period was opened here (refused, with the way out, when there is none)."""
        if round_id is not None:
            rnd = self.ctx.cells.get_round(round_id)  # NotFound: a clear message
            the_period = rnd.period
        else:
            the_period = nfc(period or "").strip()
        call = self.call_for(the_period)
        if call is None:
            raise ServiceError.of("results.no_call", period=the_period)
        report = self.report(round_id, period if round_id is None else None, with_reviews, min_count)
        sec, identity = identity_of(self.ctx, passphrase)
        data = write_results(identity, sec.full_name, call.uid, call.enc_key, report, utcnow())
        path = write_atomic(out_path, data)
        sha = hashlib.sha256(data).hexdigest()
        members = sum(1 for _ in all_members(report))
        with self.ctx.session() as s:
            audit.record(s, "results.write", sec.full_name, file=str(path), sha256=sha, period=the_period,
                         organisation=report["organisation"]["name"], committee=call.committee_name,
                         with_reviews=with_reviews)
        return WrittenResults(path, report["organisation"]["name"], the_period, members, call.committee_name,
                              call.fingerprint, sha)


def own_call(ctx, period: str) -> ResultsCall | None:
    """The newest call this office (a committee) wrote for ``period``."""
    with ctx.read() as s:
        row = s.scalars(select(ResultsCall).where(ResultsCall.period == nfc(period).strip())
                        .order_by(ResultsCall.created_at.desc())).first()
        if row is not None:
            s.expunge(row)
        return row


__all__ = ["CALL_SUFFIX", "DECISIONS_SUFFIX", "RESULTS_SUFFIX", "CallInfo", "ResultsService", "WrittenResults",
           "NotFound", "is_call", "identity_of", "own_call"]
