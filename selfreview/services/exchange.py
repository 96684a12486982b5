"""Moving reviews between colleagues (``ctx.exchange``): the secretary's invitation, the member's
response file, and the secretary's import with a receipt per file. Qt-free; the GUI calls these.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Sequence

from sqlalchemy import select

from selfreview.db.models import Cell, Invitation, Profile, Review, ReviewRound, utcnow
from selfreview.exchange.envelope import read_limited
from selfreview.exchange.errors import Rejected
from selfreview.exchange.invitation import InvitationDoc, read_invitation, write_invitation
from selfreview.exchange.keys import PrivateIdentity
from selfreview.exchange.keystore import KeyFileError, open_identity
from selfreview.exchange.response import MemberIdentity, ResponseDoc, RoundRef, TemplateRef, write_response
from selfreview.fsutil import write_atomic
from selfreview.filenames import portable_name
from selfreview.forms import canonical_json, registry
from selfreview.messages import msg
from selfreview.rating import member_category
from selfreview.services import audit, templates
from selfreview.services.dto import ReviewDetail
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.importing import receipts
from selfreview.services.importing.importer import Importer, OnReceipt, Progress, Writer
from selfreview.services.importing.receipts import Receipt, Tally
from selfreview.services.reviews import answers_of

INVITE_SUFFIX = ".selfreview-invite"
RESPONSE_SUFFIX = ".selfreview"


def normalise_fp(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


class OtherSecretary(ServiceError):
    """An invitation signed by another key than the one the member's review for that period came
    from. Show both fingerprints; call ``open_invitation(..., accept_other_secretary=<new fingerprint>)``
    only after the member chose it."""

    def __init__(self, message, old: str, new: str) -> None:
        super().__init__(message)
        self.old, self.new = old, new


class UnencryptedExport(ServiceError):
    """The review has no invitation: the file would be signed but not encrypted. Ask, then call
    ``export_review(..., allow_unencrypted=True)``."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    encrypted: bool
    sha256: str
    size: int
    recipient_fingerprint: str | None  # the secretary's, when encrypted


@dataclass(frozen=True)
class InvitationInfo:
    """What an invitation says, for the member to check before accepting it.

    It also carries the invitation as it was read and verified (``doc``): hand this object back to
    :meth:`ExchangeService.open_invitation` to accept exactly what was shown, whatever has become
    of the file since."""

    uid: str
    cell: str
    superior_body: str
    period: str
    deadline: date | None
    secretary_name: str
    secretary_fingerprint: str
    forms: dict[str, str]  # member category -> form id
    doc: InvitationDoc = field(repr=False, compare=False)  # the verified invitation these fields come from


def slug(text: str) -> str:
    """ASCII letters, digits and dashes (a file name part that survives every system)."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "review"


class ExchangeService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _identity(self, profile_id: int, passphrase: str | None) -> PrivateIdentity:
        try:
            return open_identity(self.ctx.keys_dir, profile_id, passphrase)
        except KeyFileError as e:
            raise ServiceError(e.message) from None

    # -- the secretary: invitation ----------------------------------------------------------------
    def write_invitation(self, round_id: int, out_path: str | os.PathLike[str],
                         passphrase: str | None = None) -> Path:
        """Write the round's invitation file, signed by this data directory's secretary."""
        secretary = self.ctx.profiles.secretary()
        if secretary is None:
            raise ServiceError.of("invite.no_secretary")
        identity = self._identity(secretary.id, passphrase)
        with self.ctx.read() as s:
            rnd = s.get(ReviewRound, round_id)
            if rnd is None:
                raise NotFound.of("import.no_such_round", id=round_id)
            cell = s.get(Cell, rnd.cell_id)
            forms = {cat: templates.by_hash(s, f["hash"], f["id"], f["version"]) for cat, f in rnd.forms.items()}
            ref = RoundRef(rnd.uid, cell.name, cell.superior_body, rnd.period)
            deadline = rnd.deadline
        data = write_invitation(identity, secretary.full_name, ref, deadline, forms, utcnow())
        path = write_atomic(out_path, data)
        with self.ctx.session() as s:
            audit.record(s, "invitation.write", secretary.full_name, round_id=round_id, file=str(path))
        return path

    # -- the member: invitation -------------------------------------------------------------------
    def _read_invitation(self, path: str | os.PathLike[str]) -> InvitationDoc:
        try:
            return read_invitation(read_limited(path))
        except Rejected as e:
            raise ServiceError(e.message) from None

    def read_invitation(self, path: str | os.PathLike[str]) -> InvitationInfo:
        """Check an invitation and say what it holds (nothing is stored)."""
        doc = self._read_invitation(path)
        r = doc.round
        return InvitationInfo(r.uid, r.cell, r.superior_body, r.period, doc.deadline, doc.secretary_name,
                              doc.fingerprint, {cat: ref.id for cat, (ref, _) in doc.forms.items()}, doc)

    def open_invitation(self, invitation: InvitationInfo | str | os.PathLike[str], profile_id: int,
                        accept_other_secretary: str | None = None) -> ReviewDetail:
        """Keep the invitation and its forms, and set up the profile's review for that round.

        ``invitation``: what :meth:`read_invitation` returned, when the person was shown it first;
        the invitation kept is then exactly that one, and the file is not read again (it may have
        been replaced or damaged since). A path is read and checked now (the command line)."""
        if isinstance(invitation, InvitationInfo):
            doc = invitation.doc
        else:
            doc = self._read_invitation(invitation)
        profile = self.ctx.profiles.get(profile_id)
        if profile.category not in doc.forms:
            raise ServiceError.of("invite.no_form", category=profile.category)
        ref, _ = doc.forms[profile.category]
        r = doc.round
        with self.ctx.session() as s:
            existing = s.scalars(select(Review).where(Review.profile_id == profile_id, Review.period == r.period,
                                                      Review.is_current)).first()
            if existing is not None and existing.template_hash != ref.hash:
                raise ServiceError.of("invite.form_differs", period=r.period)
            held = s.get(Invitation, existing.invite_uid) if existing is not None and existing.invite_uid else None
            if (held is not None and held.uid != r.uid and held.secretary_sign_key != doc.sign_public
                    and normalise_fp(accept_other_secretary or "") != normalise_fp(doc.fingerprint)):
                # another key for a period this review already answers: the member chooses, seeing both
                # fingerprints; the review never moves to another secretary silently
                raise OtherSecretary(msg("invite.other_secretary", period=r.period, old=held.secretary_fingerprint,
                                         old_name=held.secretary_name, new=doc.fingerprint,
                                         new_name=doc.secretary_name), held.secretary_fingerprint, doc.fingerprint)
            for _, template in doc.forms.values():
                templates.store(s, template)
            inv = s.get(Invitation, r.uid)
            if inv is not None and inv.secretary_sign_key != doc.sign_public:
                # the same round, signed by someone else: never switch whom the reviews go to
                raise ServiceError.of("invite.key_differs", old=inv.secretary_fingerprint, new=doc.fingerprint)
            inv = inv or Invitation(uid=r.uid, profile_id=profile_id)
            inv.cell_name, inv.superior_body, inv.period, inv.deadline = r.cell, r.superior_body, r.period, doc.deadline
            inv.secretary_name, inv.secretary_fingerprint = doc.secretary_name, doc.fingerprint
            inv.secretary_sign_key, inv.secretary_enc_key = doc.sign_public, doc.enc_public
            inv.forms = {cat: {"id": t.id, "version": t.version, "hash": t.hash} for cat, (t, _) in doc.forms.items()}
            s.add(inv)
            if existing is not None:
                existing.invite_uid = r.uid
            audit.record(s, "invitation.open", profile.full_name, uid=r.uid, cell=r.cell, period=r.period,
                         secretary_fingerprint=doc.fingerprint)
        if existing is not None:
            return self.ctx.reviews.open(existing.id)
        detail = self.ctx.reviews.create(profile_id, r.period, ref.id, ref.version, ref.hash)
        with self.ctx.session() as s:
            s.get(Review, detail.summary.id).invite_uid = r.uid
        return detail

    # -- the member: response file ----------------------------------------------------------------
    def suggested_file_name(self, review_id: int) -> str:
        summary = self.ctx.reviews.open(review_id).summary
        return portable_name(f"{slug(summary.owner)}-{slug(summary.period)}{RESPONSE_SUFFIX}")

    def is_encrypted_export(self, review_id: int) -> bool:
        """True when the review came from an invitation (its file will be encrypted)."""
        with self.ctx.read() as s:
            r = s.get(Review, review_id)
            return bool(r and r.invite_uid and s.get(Invitation, r.invite_uid))

    def export_review(self, review_id: int, out_path: str | os.PathLike[str], allow_unencrypted: bool = False,
                      passphrase: str | None = None) -> ExportResult:
        """Write a finalized review as a response file and mark it sent.

        Encrypted to the secretary of the invitation it came from; without an invitation it is
        signed only, and refused with :class:`UnencryptedExport` unless ``allow_unencrypted``.
        """
        with self.ctx.read() as s:
            r = s.get(Review, review_id)
            if r is None:
                raise NotFound.of("review.not_found", id=review_id)
            if r.profile_id is None:
                raise ServiceError.of("export.not_own")
            if r.status == "draft":
                raise ServiceError.of("export.draft")
            inv = s.get(Invitation, r.invite_uid) if r.invite_uid else None
            if inv is None and not allow_unencrypted:
                raise UnencryptedExport(msg("export.unencrypted"))
            p = s.get(Profile, r.profile_id)
            template = templates.by_hash(s, r.template_hash, r.template_id, r.template_version)
            bundled = registry.find_by_hash(r.template_hash) is not None
            doc = ResponseDoc(
                member=MemberIdentity(full_name=p.full_name, sign_public=p.sign_public_key, enc_public=p.enc_public_key,
                                      date_of_birth=p.date_of_birth, party_post=p.party_post,
                                      government_post=p.government_post, mass_org_post=p.mass_org_post,
                                      work_unit=p.work_unit, cell_name=p.cell_name, category=member_category(p.is_leader, p.in_political_system)),
                round=RoundRef(inv.uid, inv.cell_name, inv.superior_body, inv.period) if inv else None,
                period=r.period, revision=r.revision, created_at=r.created_at,
                finalized_at=r.finalized_at or r.updated_at,
                template=TemplateRef(r.template_id, r.template_version, r.template_hash),
                template_body=None if bundled else json.loads(canonical_json(template)),
                answers=answers_of(s, r.id), recipient=inv.secretary_enc_key if inv else None)
            fingerprint = inv.secretary_fingerprint if inv else None
            profile_id, owner = r.profile_id, p.full_name
        data = write_response(self._identity(profile_id, passphrase), doc, utcnow())
        path = write_atomic(out_path, data)
        self.ctx.reviews.mark_sent(review_id)
        sha = hashlib.sha256(data).hexdigest()
        with self.ctx.session() as s:
            audit.record(s, "review.export", owner, review_id=review_id, file=str(path), sha256=sha,
                         encrypted=inv is not None)
        return ExportResult(path, inv is not None, sha, len(data), fingerprint)

    # -- the secretary: import --------------------------------------------------------------------
    def import_paths(self, paths: Sequence[str | os.PathLike[str]], progress: Progress | None = None,
                     should_cancel: Callable[[], bool] | None = None, accept_new_key_for: Iterable[str] = (),
                     round_id: int | None = None, passphrase: str | None = None,
                     workers: int | None = None, writer: Writer | None = None,
                     accept_other_cell: bool = False, accept_look_alike: Iterable[str] = ()) -> list[Receipt]:
        """:meth:`import_each`, with every receipt returned in a list, in order: for an import whose
        caller shows them all (a cell's files); a province's import streams them instead."""
        out: list[Receipt] = []
        self.import_each(paths, out.append, progress, should_cancel, accept_new_key_for, round_id, passphrase,
                         workers, writer, accept_other_cell, accept_look_alike)
        return out

    def import_each(self, paths: Sequence[str | os.PathLike[str]], on_receipt: OnReceipt | None = None,
                    progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None,
                    accept_new_key_for: Iterable[str] = (), round_id: int | None = None,
                    passphrase: str | None = None, workers: int | None = None, writer: Writer | None = None,
                    accept_other_cell: bool = False, accept_look_alike: Iterable[str] = ()) -> Tally:
        """Import files and folders (walked for ``*.selfreview``); one receipt per file, each file
        checked on its own and written whole or not at all (in batches: services/importing/).
        ``on_receipt(receipt)`` is called for each file once it is written, in order; the import
        keeps no receipt but the rejected ones, and returns how many files had each outcome
        (:class:`~selfreview.services.importing.receipts.Tally`), so its memory stays flat however
        many files there are. ``progress(done, total)`` is called after each file; ``should_cancel()``
        is asked before each: stopping writes the files already checked, so every file with a
        receipt is in and the others are untouched. ``accept_new_key_for``: fingerprints the
        secretary confirmed by voice for members whose key changed. ``accept_look_alike``:
        fingerprints of files whose member looks like a roster member but is another person, whom
        the secretary chose to add. ``round_id``: the round for files made without an invitation.
        ``workers``: processes checking the files of a large import (None: the default,
        ``importing.workers.DEFAULT_WORKERS``). ``writer``: where each turn's database work runs
        (the desktop app's ``TaskRunner.write``: services/importing/importer.py); None runs it here.
        Results and decision files go through services/committee/level_import.py, to the same receipts."""
        from selfreview.services.committee.level_import import LevelImporter, split
        tally = Tally()

        def take(receipt: Receipt) -> None:
            tally.add(receipt)
            if on_receipt is not None:
                on_receipt(receipt)

        paths, level_files = split(paths)  # results and decision files: services/committee/level_import.py
        try:
            # the keys those files need, before anything is written (a PC without the office key stops here)
            level = LevelImporter(self.ctx, passphrase, level_files) if level_files else None
            if paths:
                importer = Importer(self.ctx, round_id=round_id, accept_new_key_for=accept_new_key_for,
                                    passphrase=passphrase, workers=workers, accept_other_cell=accept_other_cell,
                                    accept_look_alike=accept_look_alike)
                importer.stream(paths, take, progress, should_cancel, writer=writer)
            if level is not None:  # a few files: their whole import is one unit of work on the writer
                done = writer(lambda: level.run(level_files)) if writer is not None else level.run(level_files)
                for receipt in done:
                    take(receipt)
        finally:  # day 1: the first files imported get a real copy, not only the empty start-up one
            from selfreview.services.recovery import take_daily_backup
            take_daily_backup(self.ctx.data_dir)
        return tally

    def receipts(self, limit: int | None = None, offset: int = 0) -> list[Receipt]:
        """Stored receipts, newest first (``limit`` of them after the newest ``offset``: a page)."""
        with self.ctx.read() as s:
            return receipts.listed(s, limit, offset)

    def receipt_counts(self) -> dict[str, int]:
        """How many stored receipts have each outcome (all of them; their sum is how many there are)."""
        with self.ctx.read() as s:
            return receipts.counts(s)

    def refused_for_key(self, fingerprint: str) -> list[Receipt]:
        """Every receipt that refused a file because its member's key changed to ``fingerprint``."""
        with self.ctx.read() as s:
            return receipts.refused_for_key(s, "import.key_changed", fingerprint)
