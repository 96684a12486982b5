"""``selfreview import`` for the files that travel between levels: results (the committee takes an
organisation's results) and decisions (the organisation takes the committee's decided ratings).
The same receipts and outcomes as members' files: ``imported``, ``updated``, ``already_present``,
``rejected``; a rejected file changes nothing but its receipt.

Results are matched by the organisation's uid and the period; the first file pins the signing key
of the organisation's secretary. A newer file (``written_at``) with other content is ``updated``
(decisions already recorded stay), the same content is ``already_present``, an older one is refused.

Decisions are taken only from the committee whose call this office opened (its signing key), and
only for members this office reported; all of a file's decisions are applied or none.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Iterable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from selfreview.db.models import (
    Assessment, Member, OrgDecision, OrgResult, ResultsCall, ResultsInvitation, ReviewRound, utcnow,
)
from selfreview.exchange.decisions import DecisionsDoc, read_decisions
from selfreview.exchange.envelope import parse_json, read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.keys import PrivateIdentity
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.exchange.results import MAX_RESULTS_BYTES, ResultsDoc, read_results
from selfreview.messages import msg
from selfreview.services import audit
from selfreview.services.committee import office_key
from selfreview.services.dto import ProfileData
from selfreview.services.committee.cell import DECISIONS_SUFFIX, RESULTS_SUFFIX
from selfreview.services.committee.report import all_members
from selfreview.services.errors import ServiceError
from selfreview.services.importing import receipts
from selfreview.services.importing.checks import failure_text
from selfreview.services.importing.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt

log = logging.getLogger(__name__)
SUFFIXES = (RESULTS_SUFFIX, DECISIONS_SUFFIX)
_MARKS = {b'"format":"selfreview-results"': RESULTS_SUFFIX, b'"format":"selfreview-decisions"': DECISIONS_SUFFIX}


def kind_of(path: Path) -> str | None:
    """RESULTS_SUFFIX or DECISIONS_SUFFIX for a file of those kinds (by name, else by its first
    bytes: the envelope's ``format`` comes within them), None for anything else."""
    name = path.name.lower()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    try:
        with path.open("rb") as f:
            head = f.read(2048)
    except OSError:
        return None
    return next((kind for mark, kind in _MARKS.items() if mark in head), None)


def recipient_of(raw: bytes) -> str | None:
    """The public key an envelope is encrypted to (None: not encrypted, or not an envelope)."""
    try:
        env = parse_json(raw, outer=True)
    except Rejected:
        return None
    enc = env.get("encryption") if isinstance(env, dict) else None
    recipient = enc.get("recipient") if isinstance(enc, dict) else None
    return recipient if isinstance(recipient, str) else None


def split(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str | os.PathLike[str]], list[Path]]:
    """(what the members' importer takes, the results and decision files): a named file goes to one
    or the other; a folder goes to the members' importer and is also walked for these two kinds."""
    others: list[str | os.PathLike[str]] = []
    ours: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            others.append(p)
            ours += sorted(f for f in path.rglob("*") if f.name.lower().endswith(SUFFIXES) and f.is_file())
        elif path.name.lower().endswith(".selfreview"):  # a member's file (not opened here: thousands at once)
            others.append(p)
        elif path.is_file() and kind_of(path):
            ours.append(path)
        else:
            others.append(p)
    return others, ours


class LevelImporter:
    """Import results and decision files into this office (one transaction per file).

    Each file is opened with the key it is encrypted to: the office key (services/committee/office_key.py;
    a copy on this PC, whichever staff profile holds it) or the secretary's own key. ``files``
    are looked at first: when one is addressed to a key that is not on this PC, nothing is written
    and the import stops with what to do (``office_key.missing``)."""

    def __init__(self, ctx, passphrase: str | None = None, files: Iterable[Path] = ()) -> None:
        self.ctx = ctx
        self.passphrase = passphrase
        self.sec = ctx.profiles.secretary()
        here = office_key.this_pc(ctx)  # the staff member at this PC (a shared database)
        self.actor = self.here = here.full_name if here else ""
        self.office = office_key.current(ctx)
        self._keys: dict[str, tuple[PrivateIdentity, ProfileData | None]] = {}  # recipient -> key, office holder
        self._stranger: PrivateIdentity | None = None
        self._members_here: dict[tuple[str, str], int] | None = None  # per decision file (_decisions)
        for f in files:
            try:
                raw = read_limited(f, MAX_RESULTS_BYTES)
            except (Rejected, OSError):
                continue  # its receipt says why
            self._key_for(recipient_of(raw))

    def _key_for(self, recipient: str | None) -> tuple[PrivateIdentity, ProfileData | None] | None:
        """The private key a file encrypted to ``recipient`` needs, and the office key's holder
        (None for the secretary's own key); None when the file is not addressed to this office."""
        if recipient is None:
            return None
        if recipient in self._keys:
            return self._keys[recipient]
        office = self.office.by_recipient(recipient) if self.office else None
        if office is not None:
            identity, holder = office_key.open_key(self.ctx, office.fingerprint, self.passphrase, self.office)
            self._keys[recipient] = (identity, holder)
        elif self.sec is not None and recipient == self.ctx.profiles.public_keys(self.sec.id)[1]:
            try:
                self._keys[recipient] = (open_identity(self.ctx.keys_dir, self.sec.id, self.passphrase), None)
            except KeyFileError as e:
                if e.code == "keys.missing":
                    raise ServiceError(msg("office_key.recipient_missing", name=self.sec.full_name,
                                           fingerprint=self.sec.fingerprint)) from None
                raise ServiceError(e.message) from None
        else:
            return None
        return self._keys[recipient]

    def _no_key(self) -> PrivateIdentity:
        """A key of nobody's: a file addressed to someone else is then refused as ``not_for_you``
        after the same checks of its shape as any other file."""
        if self._stranger is None:
            self._stranger = PrivateIdentity(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
        return self._stranger

    def run(self, files: list[Path]) -> list[Receipt]:
        return [self.one(f) for f in files]

    def one(self, path: Path) -> Receipt:
        kind = kind_of(path)
        sha, label, fingerprint = "", "", ""
        used: tuple[ProfileData, str] | None = None  # the office key's holder and fingerprint
        self.actor = self.here
        try:
            raw = read_limited(path, MAX_RESULTS_BYTES)
            sha = hashlib.sha256(raw).hexdigest()
            if self.sec is None and self.office is None:
                raise Rejected("import.no_secretary")
            key = self._key_for(recipient_of(raw))
            identity, holder = key if key is not None else (self._no_key(), None)
            if holder is not None:
                used = holder, identity.public.fingerprint
                self.actor = holder.full_name
            enc = identity.public.enc_public
            if kind == RESULTS_SUFFIX:
                doc = read_results(raw, identity, enc)
                label, fingerprint = doc.report["organisation"]["name"], doc.fingerprint
                outcome, note = self._results(doc, sha, path)
            else:
                ddoc = read_decisions(raw, identity, enc)
                label, fingerprint = ddoc.organisation_name, ddoc.committee.fingerprint
                outcome, note = self._decisions(ddoc, sha, path)
        except Rejected as e:
            outcome, note = REJECTED, e.message
        except ServiceError:  # storage trouble, or a key that is not here: stop the import, say why
            raise
        except Exception as e:  # noqa: BLE001 - a bug must not stop the other files; the receipt says it
            log.exception("import of %s failed", path)
            outcome, note = REJECTED, msg("import.failed", error=failure_text(e))
        receipt = Receipt(str(path), sha, label, "results" if kind == RESULTS_SUFFIX else "decisions", None,
                          outcome, note, utcnow(), None, fingerprint)
        with self.ctx.session() as s:
            receipts.store(s, receipt)
            if used is not None:
                office_key.record_used(s, used[0], used[1], "results.import", file=path.name, sha256=sha,
                                       outcome=outcome)
        return receipt

    # -- results (the committee) ---------------------------------------------------------------------
    def _results(self, doc: ResultsDoc, sha: str, path: Path):
        report = doc.report
        org = report["organisation"]
        with self.ctx.session() as s:
            call = s.get(ResultsCall, doc.invitation)
            if call is None:
                raise Rejected("results.unknown_call")
            if report["period"] != call.period:
                raise Rejected("results.period_mismatch", period=report["period"], call_period=call.period)
            row = s.scalars(select(OrgResult).where(OrgResult.org_uid == org["uid"],
                                                    OrgResult.period == call.period)).first()
            members = sum(1 for _ in all_members(report))
            if row is None:
                outcome = IMPORTED
                row = OrgResult(org_uid=org["uid"], period=call.period)
                s.add(row)
            else:
                if row.sign_key != doc.sign_public:
                    raise Rejected("results.key_changed", organisation=org["name"], old=row.fingerprint,
                                   new=doc.fingerprint)
                if row.content_hash == doc.content_hash:
                    return ALREADY_PRESENT, None
                if row.written_at and doc.written_at and doc.written_at < row.written_at:
                    raise Rejected("results.older", organisation=org["name"])
                outcome = UPDATED
            row.call_uid, row.name, row.superior_body, row.kind = doc.invitation, org["name"], org["superior_body"], \
                org["kind"]
            row.secretary_name, row.sign_key, row.enc_key, row.fingerprint = (doc.secretary_name, doc.sign_public,
                                                                              doc.enc_public, doc.fingerprint)
            row.members, row.report, row.content_hash, row.sha256 = members, report, doc.content_hash, sha
            row.written_at, row.received_at = doc.written_at, utcnow()
            audit.record(s, "results.import", self.actor, organisation=org["name"], period=call.period,
                         outcome=outcome, file=str(path), sha256=sha, fingerprint=doc.fingerprint)
        return outcome, None

    # -- decisions (the organisation) ----------------------------------------------------------------
    def _decisions(self, doc: DecisionsDoc, sha: str, path: Path):
        with self.ctx.session() as s:
            call = s.get(ResultsInvitation, doc.invitation)
            if call is None or call.sign_key != doc.committee.sign_public:
                raise Rejected("decisions.unknown_committee", committee=doc.committee.name)
            if doc.period != call.period:
                raise Rejected("results.period_mismatch", period=doc.period, call_period=call.period)
            changed = new = 0
            self._members_here = None  # built when first needed (a committee in the middle)
            for d in doc.decisions:
                before, existed = self._apply(s, doc, d.unit, d.ref, d.full_name, d.rating)
                if not existed:
                    new += 1
                elif before != d.rating:
                    changed += 1
            outcome = UPDATED if changed else IMPORTED if new else ALREADY_PRESENT
            audit.record(s, "decisions.import", self.actor, committee=doc.committee.name, period=doc.period,
                         outcome=outcome, file=str(path), sha256=sha, decisions=len(doc.decisions))
        return outcome, None

    def _apply(self, s, doc: DecisionsDoc, unit: str, ref: str, name: str, rating: str | None):
        """Set one decided rating; (the rating before, whether one was recorded before)."""
        rnd = s.scalars(select(ReviewRound).where(ReviewRound.uid == unit)).first()
        if rnd is not None:  # a member of one of our cells
            if rnd.period != doc.period or not ref.isdigit():
                raise Rejected("decisions.unknown_member", name=name)
            m = s.get(Member, int(ref))
            if m is None or m.cell_id != rnd.cell_id:
                raise Rejected("decisions.unknown_member", name=name)
            a = s.scalars(select(Assessment).where(Assessment.round_id == rnd.id,
                                                   Assessment.member_id == m.id)).first()
            if a is None:
                a = Assessment(member_id=m.id, round_id=rnd.id, comments="")
                s.add(a)
            before = a.competent_rating
            a.competent_rating, a.updated_at = rating, utcnow()
            if before != rating:
                audit.record(s, "assessment.competent_rating", self.actor, round_id=rnd.id, member_id=m.id,
                             rating=rating, by=doc.committee.name)
            return before, before is not None
        # a member of an organisation that reported to us (we are a committee in the middle)
        if self._members_here is None:  # (unit uid, ref) -> the results holding that member
            self._members_here = {(u["organisation"]["uid"], m["ref"]): res.id
                                  for res in s.scalars(select(OrgResult).where(OrgResult.period == doc.period))
                                  for u, m in all_members(res.report)}
        result_id = self._members_here.get((unit, ref))
        if result_id is None:
            raise Rejected("decisions.unknown_member", name=name)
        row = s.scalars(select(OrgDecision).where(OrgDecision.result_id == result_id, OrgDecision.unit_uid == unit,
                                                  OrgDecision.ref == ref)).first()
        if row is None:
            row = OrgDecision(result_id=result_id, unit_uid=unit, ref=ref, full_name=name)
            s.add(row)
            before, existed = None, False
        else:
            before, existed = row.rating, True
        row.rating, row.decided_by, row.decided_at = rating, doc.committee.name, utcnow()
        return before, existed

