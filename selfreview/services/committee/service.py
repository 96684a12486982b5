"""The committee's side (``ctx.committee``): the call for results, the organisations' results it
imported (services/committee/level_import.py), the roll-call of organisations, drill-down to an
organisation and a member, the decided ratings with the quota check at the committee's level, and
the decision files sent back.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import defer

from selfreview.db.models import OrgDecision, OrgResult, ResultsCall, utcnow
from selfreview.exchange.decisions import Decision, DecisionsDoc, write_decisions
from selfreview.exchange.results_invite import CommitteeRef, ResultsInviteDoc, write_results_invite
from selfreview.fsutil import write_atomic
from selfreview.messages import Message, msg
from selfreview.rating import QuotaCheck, quota_check
from selfreview.services import audit
from selfreview.services.committee import office_key
from selfreview.services.committee.cell import DECISIONS_SUFFIX, identity_of, own_call
from selfreview.services.committee.report import all_members, with_decisions
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.exchange import slug
from selfreview.text import nfc

LEVELS = ("htxsnv", "httnv", "htnv", "khtnv")


def org_key(name: str) -> str:
    """Organisation names compared as people type them: NFC, case and spacing ignored."""
    return " ".join(nfc(name).casefold().split())


@dataclass(frozen=True)
class ResultRow:
    """One organisation's imported results (``selfreview list results``)."""

    id: int
    organisation: str
    period: str
    members: int
    received: datetime
    status: str  # received | decided | decisions_sent
    kind: str
    fingerprint: str
    decided: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "organisation": self.organisation, "period": self.period, "members": self.members,
                "received": self.received.isoformat(timespec="seconds") + "Z", "status": self.status,
                "kind": self.kind, "fingerprint": self.fingerprint, "decided": self.decided}


@dataclass(frozen=True)
class OrgRollCall:
    """Which expected organisations have reported for a period."""

    period: str
    expected: tuple[str, ...]
    reported: tuple[str, ...]  # expected ones that reported
    missing: tuple[str, ...]
    unexpected: tuple[str, ...]  # reported without being on the call's list

    @property
    def label(self) -> Message:
        total = len(self.expected) if self.expected else len(self.reported) + len(self.unexpected)
        done = len(self.reported) + (0 if self.expected else len(self.unexpected))
        return msg("results.rollcall", reported=done, total=total)


@dataclass(frozen=True)
class MemberResult:
    """One member as the committee sees them: what the organisation sent and what was decided."""

    unit_uid: str
    unit: str
    ref: str
    full_name: str
    category: str
    form: str | None
    status: str
    reason: str
    total: str | None
    self_rating: str | None
    cell_rating: str | None
    decided_rating: str | None
    votes: dict[str, int] | None
    has_review: bool


@dataclass(frozen=True)
class OrgDetail:
    id: int
    organisation: str
    period: str
    kind: str
    secretary: str
    fingerprint: str
    received: datetime
    members: tuple[MemberResult, ...]
    units: tuple[str, ...]
    report: dict[str, Any]


def _status(r: OrgResult, decided: int, members: int) -> str:
    if r.decisions_sent_at is not None:
        return "decisions_sent"
    return "decided" if members and decided >= members else "received"


class CommitteeService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    # -- the call ---------------------------------------------------------------------------------
    def write_call(self, period: str, out_path: str | os.PathLike[str], organisations: list[str],
                   committee: str = "", superior_body: str = "", deadline: date | None = None,
                   quota_percent: int = 20, passphrase: str | None = None) -> tuple[Path, ResultsInviteDoc]:
        period = nfc(period).strip()
        if not period:
            raise ServiceError.of("results.no_period")
        if quota_percent not in (20, 25):
            raise ServiceError.of("results.bad_quota", percent=quota_percent)
        orgs: list[str] = []
        for name in organisations:
            name = " ".join(nfc(name).split())
            if name and org_key(name) not in {org_key(o) for o in orgs}:
                orgs.append(name)
        office = office_key.signer(self.ctx, passphrase)  # the office key, on any staff PC holding it
        if office is not None:
            identity, holder, info = office
            sec = self.ctx.profiles.secretary() or holder
            name = " ".join(nfc(committee).split()) or info.committee
        else:
            sec, identity = identity_of(self.ctx, passphrase)
            holder = sec
            name = " ".join(nfc(committee).split()) or sec.cell_name or sec.superior_body
        pub = identity.public
        if not name:
            raise ServiceError.of("results.no_committee_name")
        doc = ResultsInviteDoc(secrets.token_hex(16), CommitteeRef(name, nfc(superior_body).strip(), sec.full_name,
                                                                   pub.sign_public, pub.enc_public),
                               period, deadline, tuple(orgs))
        data = write_results_invite(identity, doc, utcnow())
        path = write_atomic(out_path, data)
        with self.ctx.session() as s:
            s.add(ResultsCall(uid=doc.uid, period=period, committee_name=name, superior_body=doc.committee.superior_body,
                              deadline=deadline, organisations=orgs, quota_percent=quota_percent))
            audit.record(s, "results.call_write", holder.full_name, uid=doc.uid, period=period, file=str(path),
                         organisations=len(orgs))
            if office is not None:
                office_key.remember_call(s, doc.uid, pub.fingerprint)
                office_key.record_used(s, holder, pub.fingerprint, "results.call_write", file=path.name)
        return path, doc

    # -- what was imported --------------------------------------------------------------------------
    def _decided_counts(self, s, ids: list[int]) -> Counter:
        c: Counter = Counter()
        for rid in s.scalars(select(OrgDecision.result_id).where(OrgDecision.result_id.in_(ids))):
            c[rid] += 1
        return c

    def list_results(self, period: str | None = None) -> list[ResultRow]:
        with self.ctx.read() as s:
            q = select(OrgResult).options(defer(OrgResult.report)).order_by(OrgResult.period, OrgResult.name)
            if period is not None:
                q = q.where(OrgResult.period == nfc(period).strip())
            rows = list(s.scalars(q))
            decided = self._decided_counts(s, [r.id for r in rows])
            return [ResultRow(r.id, r.name, r.period, r.members, r.received_at,
                              _status(r, decided[r.id], r.members), r.kind, r.fingerprint, decided[r.id])
                    for r in rows]

    def rollcall(self, period: str) -> OrgRollCall:
        period = nfc(period).strip()
        call = own_call(self.ctx, period)
        expected = tuple(call.organisations) if call else ()
        got = {org_key(r.organisation): r.organisation for r in self.list_results(period)}
        keys = {org_key(e) for e in expected}
        return OrgRollCall(period, expected, tuple(e for e in expected if org_key(e) in got),
                           tuple(e for e in expected if org_key(e) not in got),
                           tuple(n for k, n in got.items() if k not in keys))

    def _result(self, s, result_id: int) -> OrgResult:
        r = s.get(OrgResult, result_id)
        if r is None:
            raise NotFound.of("results.not_found", id=result_id)
        return r

    def find(self, period: str, organisation: str) -> int:
        """The id of an organisation's results by its name (as the command line names it)."""
        key = org_key(organisation)
        for r in self.list_results(period):
            if org_key(r.organisation) == key:
                return r.id
        raise NotFound.of("results.no_org", organisation=organisation, period=period)

    def organisation(self, result_id: int) -> OrgDetail:
        """Drill-down: an organisation's results with every member (its units' too) and the decisions."""
        with self.ctx.read() as s:
            r = self._result(s, result_id)
            decided = {(d.unit_uid, d.ref): d.rating for d in
                       s.scalars(select(OrgDecision).where(OrgDecision.result_id == r.id))}
            report = with_decisions(r.report, decided)
            members = []
            for unit, m in all_members(report):
                sc = m["scores"] or {}
                members.append(MemberResult(
                    unit["organisation"]["uid"], unit["organisation"]["name"], m["ref"], m["full_name"],
                    m["category"], m["form"], m["status"], (m["reason"] or {}).get("vi", ""), sc.get("total"),
                    m["self_rating"], m["cell_rating"], m["decided_rating"], m["votes"], m["review"] is not None))
            return OrgDetail(r.id, r.name, r.period, r.kind, r.secretary_name, r.fingerprint, r.received_at,
                             tuple(members), tuple(u["organisation"]["name"] for u in report["units"]), report)

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self, result_id: int, unit_uid: str, ref: str, rating: str | None) -> MemberResult:
        """Record the committee's decided rating of one member (None withdraws it)."""
        if rating not in (None, *LEVELS):
            raise ServiceError.of("assessment.bad_rating", value=rating)
        detail = self.organisation(result_id)
        member = next((m for m in detail.members if m.unit_uid == unit_uid and m.ref == ref), None)
        if member is None:
            raise NotFound.of("results.no_member", ref=ref)
        actor = self._actor()
        with self.ctx.session() as s:
            row = s.scalars(select(OrgDecision).where(OrgDecision.result_id == result_id,
                                                      OrgDecision.unit_uid == unit_uid, OrgDecision.ref == ref)).first()
            if row is None:
                row = OrgDecision(result_id=result_id, unit_uid=unit_uid, ref=ref)
                s.add(row)
            before = row.rating
            row.full_name, row.rating, row.decided_by, row.decided_at = member.full_name, rating, actor, utcnow()
            audit.record(s, "results.decide", actor, result_id=result_id, unit=unit_uid, ref=ref,
                         member=member.full_name, before=before, after=rating)
        return next(m for m in self.organisation(result_id).members if m.unit_uid == unit_uid and m.ref == ref)

    def decide_by_name(self, result_id: int, name: str, rating: str | None) -> MemberResult:
        key = org_key(name)
        found = [m for m in self.organisation(result_id).members if org_key(m.full_name) == key]
        if not found:
            raise NotFound.of("results.no_member", ref=name)
        if len(found) > 1:
            raise ServiceError.of("results.ambiguous_member", name=name)
        return self.decide(result_id, found[0].unit_uid, found[0].ref, rating)

    def accept_proposed(self, period: str) -> int:
        """Take each cell-proposed rating as the decided one where nothing is decided yet; returns
        how many members were decided."""
        n = 0
        actor = self._actor()
        for row in self.list_results(period):
            todo = [m for m in self.organisation(row.id).members if m.decided_rating is None and m.cell_rating]
            if not todo:
                continue
            with self.ctx.session() as s:  # one transaction per organisation
                existing = {(d.unit_uid, d.ref): d for d in
                            s.scalars(select(OrgDecision).where(OrgDecision.result_id == row.id))}
                for m in todo:
                    d = existing.get((m.unit_uid, m.ref))
                    if d is None:
                        d = OrgDecision(result_id=row.id, unit_uid=m.unit_uid, ref=m.ref)
                        s.add(d)
                    d.full_name, d.rating, d.decided_by, d.decided_at = m.full_name, m.cell_rating, actor, utcnow()
                audit.record(s, "results.accept_proposed", actor, result_id=row.id, organisation=row.organisation,
                             members=len(todo))
            n += len(todo)
        return n

    def quota(self, period: str, by_category: bool = True) -> tuple[QuotaCheck, dict[str, QuotaCheck]]:
        """HTXSNV against 20% (or 25%, as the call set it) of HTTNV among every decided rating of the
        period at this committee's level, and per member category (``by_category=False``: the
        whole only, from one query: what a screen refreshes)."""
        call = own_call(self.ctx, period)
        percent = call.quota_percent if call else 20
        if not by_category:
            with self.ctx.read() as s:
                counts = dict(s.execute(select(OrgDecision.rating, func.count())
                                        .join(OrgResult, OrgResult.id == OrgDecision.result_id)
                                        .where(OrgResult.period == nfc(period).strip())
                                        .group_by(OrgDecision.rating)).all())
            return quota_check(counts.get("htxsnv", 0), counts.get("httnv", 0), percent), {}
        total: Counter = Counter()
        by_cat: dict[str, Counter] = {}
        for row in self.list_results(period):
            for m in self.organisation(row.id).members:
                if m.decided_rating:
                    total[m.decided_rating] += 1
                    by_cat.setdefault(m.category, Counter())[m.decided_rating] += 1
        return (quota_check(total["htxsnv"], total["httnv"], percent),
                {c: quota_check(v["htxsnv"], v["httnv"], percent) for c, v in sorted(by_cat.items())})

    def _actor(self) -> str:
        """The person at this PC (in a committee office's shared database: the staff member here)."""
        who = office_key.this_pc(self.ctx)
        return who.full_name if who else ""

    # -- sending the decisions back -------------------------------------------------------------------
    def write_decisions(self, period: str, out_dir: str | os.PathLike[str], over_quota: bool = False,
                        passphrase: str | None = None) -> list[Path]:
        """One signed decision file per organisation that reported, encrypted to its secretary.
        Refused while the decided ratings break the quota, unless ``over_quota``."""
        period = nfc(period).strip()
        rows = self.list_results(period)
        if not rows:
            raise NotFound.of("results.none", period=period)
        check, _ = self.quota(period)
        if not check.ok and not over_quota:
            raise ServiceError.of("results.over_quota", summary=check.summary("vi"), summary_en=check.summary("en"))
        call = own_call(self.ctx, period)
        signers = self._signers(rows, passphrase)  # every key needed, before any file is written
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for row in rows:
            detail = self.organisation(row.id)
            with self.ctx.read() as s:
                r = self._result(s, row.id)
                enc_key, call_uid = r.enc_key, r.call_uid
            sec, identity, holder, office_fp = signers[office_key.call_key(self.ctx, call_uid)]
            pub = identity.public
            committee = CommitteeRef(call.committee_name if call else sec.cell_name or sec.full_name,
                                     call.superior_body if call else "", sec.full_name, pub.sign_public,
                                     pub.enc_public)
            decisions = tuple(Decision(m.unit_uid, m.ref, m.full_name, m.decided_rating) for m in detail.members
                              if m.decided_rating is not None)
            doc = DecisionsDoc(committee, call_uid, period, detail.report["organisation"]["uid"], detail.organisation,
                               call.quota_percent if call else 20, decisions)
            data = write_decisions(identity, doc, enc_key, utcnow())
            path = write_atomic(out / f"{slug(detail.organisation)}-{slug(period)}{DECISIONS_SUFFIX}", data)
            written.append(path)
            with self.ctx.session() as s:
                self._result(s, row.id).decisions_sent_at = utcnow()
                audit.record(s, "results.decisions_write", holder.full_name, result_id=row.id, file=str(path),
                             sha256=hashlib.sha256(data).hexdigest(), decisions=len(decisions))
                if office_fp is not None:
                    office_key.record_used(s, holder, office_fp, "results.decisions_write", file=path.name)
        return written

    def _signers(self, rows: list[ResultRow], passphrase: str | None) -> dict[str | None, tuple]:
        """Per office key fingerprint (None: the secretary's own key), what signs the decisions of
        the organisations that answered a call signed by it: (secretary, identity, holder, fingerprint).
        The decisions must be signed by the key of the call the organisation opened."""
        signers: dict[str | None, tuple] = {}
        with self.ctx.read() as s:
            calls = {self._result(s, r.id).call_uid for r in rows}
        for uid in calls:
            fp = office_key.call_key(self.ctx, uid)
            if fp in signers:
                continue
            if fp is None:
                sec, identity = identity_of(self.ctx, passphrase)
                signers[fp] = (sec, identity, sec, None)
            else:
                identity, holder = office_key.open_key(self.ctx, fp, passphrase)
                signers[fp] = (self.ctx.profiles.secretary() or holder, identity, holder, fp)
        return signers

    # -- one level further up -------------------------------------------------------------------------
    def forward_report(self, period: str, min_count: int = 3) -> dict[str, Any]:
        """This committee's own report of ``period`` for the committee above: every organisation's
        imported report as a unit, with the ratings decided here."""
        period = nfc(period).strip()
        rows = self.list_results(period)
        if not rows:
            raise NotFound.of("results.none", period=period)
        call = own_call(self.ctx, period)
        sec = self.ctx.profiles.secretary()
        name = (call.committee_name if call else "") or (sec.cell_name if sec else "") or "?"
        units = [self.organisation(r.id).report for r in rows]
        from selfreview.services.committee.rollup import add_responsibility
        behaviours: dict[str, str] = {}
        counts: dict[str, dict[str, int]] = {}
        respondents = sum(add_responsibility(u, behaviours, counts) for u in units)
        summed = [{"id": k, "label": label, "sometimes": counts.get(k, {}).get("sometimes", 0),
                   "often": counts.get(k, {}).get("often", 0),
                   "total": counts.get(k, {}).get("sometimes", 0) + counts.get(k, {}).get("often", 0)}
                  for k, label in behaviours.items()]
        # the same uid whatever call it sent: made from its secretary's signing key (one per office)
        sign_public = self.ctx.profiles.public_keys(sec.id)[0] if sec else name
        uid = hashlib.sha256(f"selfreview-committee:{sign_public}".encode()).hexdigest()[:32]
        return {"organisation": {"uid": uid,
                                 "name": name, "superior_body": call.superior_body if call else "",
                                 "kind": "committee"},
                "period": period, "quota_percent": call.quota_percent if call else 20, "min_count": min_count,
                "members": [], "collective": None, "meeting": None,
                # the units' visible counts, summed (each is at least min_count, or hidden and not added)
                "responsibility": {"min_count": min_count, "respondents": respondents, "behaviours": summed},
                "units": units}
