"""Step 3 of an import, **decide**: one checked file against the database as the import sees it
(:mod:`.rounds`) and the files still waiting to be written (:class:`Batch`). Nothing is written here.

Matching a file to the database (docs/file-format.md, "Import"):

* round: by the invitation's round ``uid`` (cell name and period must match too); a file made
  without an invitation is taken only into a round chosen explicitly (``round_id``);
* member: by the signing key pinned on first import; else by the roster (same cell, same full name
  as the roster compares names, same date of birth) with no key yet, which pins it; else a new
  roster entry with the key pinned. A roster entry whose pinned key differs is refused until the
  new key's fingerprint is confirmed (``accept_new_key_for``), which the audit log records;
* review: new → ``imported``; newer revision → ``updated`` (the older kept as history); same
  revision and content → ``already_present``; an older revision, or the same revision with other
  content → ``rejected``.

:meth:`Decider.decide` fills a :class:`Planned` file (its round, form, member plan, outcome, note,
the answers as stored) or raises the :class:`~selfreview.exchange.errors.Rejected` that is its
receipt's reason; the same checks in the same order for a file of a batch and a file imported alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from sqlalchemy import select

from selfreview.db.models import StoredTemplate
from selfreview.exchange.embedded import embedded_template
from selfreview.exchange.envelope import canonical
from selfreview.exchange.errors import Rejected
from selfreview.exchange.response import MemberIdentity, ResponseDoc
from selfreview.forms import registry
from selfreview.forms.model import Template
from selfreview.messages import Message, msg
from selfreview.services import templates
from selfreview.services.importing.checks import Coerced, prepare_answers, rejection
from selfreview.services.importing.receipts import ALREADY_PRESENT, IMPORTED, REJECTED, UPDATED, Receipt
from selfreview.services.importing.rounds import Current, Roster, Round, Rounds
from selfreview.services.integrity_check import stored_hash
from selfreview.services.lookalike import skeleton
from selfreview.services.roster import name_key

if TYPE_CHECKING:
    from selfreview.services.context import AppContext


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces, dashes) in the form files carry: groups of four."""
    s = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(s[i:i + 4] for i in range(0, len(s), 4))


@dataclass(frozen=True)
class MemberPlan:
    """Whose file it is, and what writing it does to the roster."""

    kind: str  # known | confirm | pin | replace | new
    member_id: int | None
    old_key: str | None = None
    old_fingerprint: str = ""
    stored_name: str = ""  # the roster's name of the member the file is stored for ("" for a new one)
    confirmed: bool = False  # the file's key is confirmed (its fingerprint given by the secretary)
    supersede: bool = False  # a confirmed key replaces an unconfirmed one: its revisions do not count
    look_alike: str = ""  # a roster member whose name looks the same (a new entry only)


@dataclass
class Planned:
    """One file decided: what its checks found, what it writes, and (once written) its ids. The
    fields after ``doc`` are filled by :meth:`Decider.decide` for an accepted file."""

    path: Path
    shown: str
    sha: str
    now: datetime
    doc: ResponseDoc | None = None
    outcome: str = REJECTED
    note: Message | None = None
    rnd: Round | None = None
    template: Template | None = None
    embedded: bool = False
    plan: MemberPlan | None = None
    texts: dict[str, str] | None = None  # each answer as the JSON text the database stores
    summary: dict[str, Any] | None = None  # the review's summary columns (forms/summary.py)
    digest: str = ""
    existing: Current | None = None
    member_id: int | None = None
    review_id: int | None = None

    def accepted(self) -> Accepted:
        """The decided parts of an accepted file, for writing it (raises on a rejected one)."""
        if (self.outcome == REJECTED or self.doc is None or self.rnd is None or self.template is None
                or self.plan is None or self.texts is None or self.summary is None):
            raise ValueError(f"{self.shown} was not accepted")
        return Accepted(self.doc, self.rnd, self.template, self.plan, self.texts, self.summary)

    def receipt(self) -> Receipt:
        """Its receipt (after it is written, with the review's id)."""
        doc = self.doc
        if self.outcome == REJECTED:
            return Receipt(self.shown, self.sha, doc.member.full_name if doc else "", doc.template.id if doc else "",
                           doc.revision if doc else None, REJECTED, self.note, self.now, None,
                           doc.member.fingerprint if doc else "")
        assert doc is not None
        stored_for = (self.plan.stored_name if self.plan else "") or doc.member.full_name
        return Receipt(self.shown, self.sha, stored_for, doc.template.id, doc.revision, self.outcome,
                       self.note, self.now, self.review_id, doc.member.fingerprint)


@dataclass(frozen=True)
class Accepted:
    """The parts of an accepted :class:`Planned` file that writing it needs, none of them missing."""

    doc: ResponseDoc
    rnd: Round
    template: Template
    plan: MemberPlan
    texts: dict[str, str]
    summary: dict[str, Any]


class Waiting(Exception):
    """A file's member has a file in the batch not written yet."""


def person(doc: ResponseDoc) -> tuple[str, date | None]:
    """A file's member as the roster compares people: name and date of birth."""
    return name_key(doc.member.full_name), doc.member.date_of_birth


class Batch:
    """The files decided but not yet written, and what a later file's checks must not miss."""

    def __init__(self) -> None:
        self.items: list[Planned] = []
        self.keys: set[str] = set()  # signing keys of waiting files, and keys they replace
        self.persons: set[tuple[str, date | None]] = set()
        self.templates: set[str] = set()  # embedded forms a waiting file stores
        self.members: set[int] = set()  # roster entries a waiting file changes
        self.looks: set[str] = set()  # look-alike skeletons of waiting files' names

    def take(self) -> list[Planned]:
        """The waiting files, handed over for writing; the batch is empty again."""
        items, self.items = self.items, []
        self.keys.clear()
        self.persons.clear()
        self.templates.clear()
        self.members.clear()
        self.looks.clear()
        return items

    def depends_on(self, doc: ResponseDoc) -> bool:
        """True when a file's checks could see something a waiting file changes (conservative: the
        same key, the same person in any cell, the same form hash)."""
        return (doc.member.sign_public in self.keys or person(doc) in self.persons
                or doc.template.hash in self.templates or skeleton(doc.member.full_name) in self.looks)

    def add(self, item: Planned) -> None:
        self.items.append(item)
        if item.outcome == REJECTED or item.doc is None or item.plan is None:
            return
        self.keys.add(item.doc.member.sign_public)
        if item.plan.old_key:
            self.keys.add(item.plan.old_key)
        self.persons.add(person(item.doc))
        self.looks.add(skeleton(item.doc.member.full_name))
        if item.embedded:
            self.templates.add(item.doc.template.hash)
        if item.plan.member_id is not None:
            self.members.add(item.plan.member_id)


class Decider:
    """The decisions of one import: the secretary's choices, the rounds as the import sees them,
    the forms met so far."""

    def __init__(self, ctx: AppContext, rounds: Rounds, accept_new_key_for: Iterable[str] = (),
                 accept_look_alike: Iterable[str] = ()) -> None:
        self.ctx = ctx
        self.rounds = rounds
        self.accept = {normalise_fingerprint(f) for f in accept_new_key_for}
        # keys whose look-alike new members the secretary chose to add (she saw both names)
        self.accept_look_alike = {normalise_fingerprint(f) for f in accept_look_alike}
        self._templates: dict[str, tuple[Template, dict[str, Any]]] = {}
        self._bodies_checked: set[str] = set()  # sha256 of carried template bodies found true to their hash

    def decide(self, item: Planned, coerced: Coerced | None = None, waiting: set[int] | frozenset[int] = frozenset()
               ) -> None:
        """Every check of one file against the database, in order, raising the refusal that is its
        receipt's reason. ``coerced``: its answers checked ahead (by a worker process, for a
        bundled form). Raises :class:`Waiting` (before any check that reads the member's state)
        when the member is ``waiting`` (has a file in the batch not yet written)."""
        doc = item.doc
        assert doc is not None
        item.outcome, item.note = REJECTED, None
        rnd = item.rnd = self.rounds.round_for(doc)
        item.template, index, item.embedded = self.template_for(doc, rnd)
        if coerced is None or coerced.template_hash != doc.template.hash:
            coerced = prepare_answers(doc.template.hash, item.template, index, doc.answers)
        elif coerced.rejection is not None:
            raise rejection(coerced.rejection)
        item.digest, item.texts, item.summary = coerced.digest, coerced.texts, coerced.summary
        plan = item.plan = self.member_plan(doc, rnd)
        if plan.member_id is not None and plan.member_id in waiting:
            raise Waiting
        existing = item.existing = rnd.current.get(plan.member_id) if plan.member_id is not None else None
        outcome = IMPORTED
        if existing is not None and plan.supersede:  # the unconfirmed key's revisions do not count
            outcome = UPDATED
        elif existing is not None:
            if doc.revision > existing.revision:
                outcome = UPDATED
            elif doc.revision < existing.revision:
                raise Rejected("import.older_revision", revision=doc.revision, current=existing.revision)
            elif existing.content_hash == item.digest and existing.template_hash == doc.template.hash:
                self.check_stored(existing, doc)
                outcome = ALREADY_PRESENT
            else:
                raise Rejected("import.revision_conflict", revision=doc.revision)
        item.note = note(plan, doc, existing)
        item.outcome = outcome

    def committed(self, item: Planned) -> None:
        """The import's view of the round follows what was committed (a batch's file, or one file)."""
        ok = item.accepted()
        doc, rnd, plan, member_id = ok.doc, ok.rnd, ok.plan, item.member_id
        assert member_id is not None
        m = doc.member
        roster = rnd.roster
        roster.by_key.pop(plan.old_key or "", None)
        roster.by_key[m.sign_public] = member_id
        if plan.confirmed:
            roster.confirmed.add(member_id)
        if plan.kind == "new":
            roster.add(member_id, m.full_name, m.date_of_birth, m.sign_public, m.fingerprint, plan.confirmed)
        if plan.kind not in ("known", "confirm"):
            roster.by_person[(name_key(m.full_name), m.date_of_birth)] = (member_id, m.sign_public, m.fingerprint)
        if item.outcome != ALREADY_PRESENT:
            assert item.review_id is not None
            rnd.current[member_id] = Current(item.review_id, doc.revision, item.digest, doc.template.hash)
        if item.embedded:
            self._templates[doc.template.hash] = (ok.template, ok.template.item_index())

    # -- the form -----------------------------------------------------------------------------------
    def template_for(self, doc: ResponseDoc, rnd: Round) -> tuple[Template, dict[str, Any], bool]:
        """The form a file names (bundled, stored here, or carried in the file: ``embedded``) with
        its items by id, or the refusal."""
        ref = doc.template
        embedded = False
        cached = self._templates.get(ref.hash)
        if cached is None:
            # known here: bundled, or stored in this database (asked of the database itself: the
            # process-wide template cache may hold one whose storing was rolled back)
            with self.ctx.read() as s:
                known = registry.find_by_hash(ref.hash) is not None or s.scalar(
                    select(StoredTemplate.hash).where(StoredTemplate.hash == ref.hash)) is not None
                template = templates.by_hash(s, ref.hash, ref.id, ref.version) if known else None
            if template is None:
                if doc.template_body is None:
                    raise Rejected("import.unknown_template", id=ref.id, version=ref.version)
                template, embedded = embedded_template(doc.template_body, ref), True
            cached = (template, template.item_index())
            if not embedded:  # an embedded one is cached once it is stored (committed)
                self._templates[ref.hash] = cached
        template = cached[0]
        if (template.id, template.version) != (ref.id, ref.version):
            raise Rejected("import.template_identity", id=ref.id, version=ref.version, real_id=template.id,
                           real_version=template.version)
        if not embedded and doc.template_body is not None:  # a body carried along must be the form it names
            seen = hashlib.sha256(canonical(doc.template_body)).hexdigest()
            if seen not in self._bodies_checked:
                embedded_template(doc.template_body, ref)
                self._bodies_checked.add(seen)
        # the round's forms decide, whether the file names its round or the secretary chose one
        if rnd.form_hashes and ref.hash not in rnd.form_hashes:
            raise Rejected("import.form_not_in_round", id=ref.id, version=ref.version)
        return cached[0], cached[1], embedded

    # -- the member ---------------------------------------------------------------------------------
    def member_plan(self, doc: ResponseDoc, rnd: Round) -> MemberPlan:
        """Whose file this is. A key first seen (a new entry, or pinned to a roster entry) is held
        unconfirmed; it is confirmed when the secretary gives its fingerprint (``accept_new_key_for``,
        after comparing it by voice). A confirmed key replaces an unconfirmed one whatever revision
        numbers the unconfirmed key's files claimed (``supersede``)."""
        m = doc.member
        roster = rnd.roster
        accepted = m.fingerprint in self.accept
        mid = roster.by_key.get(m.sign_public)
        if mid is not None:
            if accepted and mid not in roster.confirmed:
                return MemberPlan("confirm", mid, stored_name=roster.names.get(mid, ""), confirmed=True)
            return MemberPlan("known", mid, stored_name=roster.names.get(mid, ""),
                              confirmed=mid in roster.confirmed)
        entry = roster.by_person.get((name_key(m.full_name), m.date_of_birth))
        if entry is None:
            look_alike = look_alike_of(roster, m)
            if look_alike and m.fingerprint not in self.accept_look_alike:  # needs the secretary's decision
                raise Rejected("import.look_alike_refused", name=m.full_name, other=look_alike,
                               fp=m.fingerprint)
            return MemberPlan("new", None, confirmed=accepted, look_alike=look_alike)
        mid, key, old_fp = entry
        name = roster.names.get(mid, "")
        if key is None:
            return MemberPlan("pin", mid, stored_name=name, confirmed=accepted)
        if accepted:
            return MemberPlan("replace", mid, key, old_fp or "", stored_name=name, confirmed=True,
                              supersede=mid not in roster.confirmed)
        raise Rejected("import.key_changed", name=m.full_name, old=old_fp or "?", new=m.fingerprint)

    def check_stored(self, existing: Current, doc: ResponseDoc) -> None:
        """The copy stored here still holds what was signed: its answers hash to the content hash
        taken when the signed file was imported. A database changed outside the app (a database tool, a
        hex editor) is said so, never vouched for as "already present"."""
        with self.ctx.read() as s:
            if stored_hash(s, existing.review_id) != existing.content_hash:
                raise Rejected("import.stored_altered", name=doc.member.full_name, revision=doc.revision)


def look_alike_of(roster: Roster, m: MemberIdentity) -> str:
    """The roster name a new entry's name looks like (same skeleton), or ""."""
    for mid, dob in roster.skeletons.get(skeleton(m.full_name), ()):
        return roster.names.get(mid, "") + (f" ({dob.strftime('%d/%m/%Y')})" if dob else "")
    return ""


def note(plan: MemberPlan, doc: ResponseDoc, existing: Current | None = None) -> Message | None:
    """What an accepted file's receipt says beside its outcome (None: nothing to add). ``existing``:
    the member's current review before this file."""
    m = doc.member
    if plan.kind == "replace":
        return msg("import.key_accepted", name=m.full_name, new=m.fingerprint)
    if plan.kind == "confirm":
        return msg("import.key_confirmed", name=plan.stored_name or m.full_name, fp=m.fingerprint)
    if plan.kind == "known" and existing is not None and doc.revision > existing.revision + 1:
        # revisions from one key follow each other; a gap is noted, for the secretary to ask about
        return msg("import.revision_gap", name=plan.stored_name or m.full_name, revision=doc.revision,
                   current=existing.revision, missing=missing(existing.revision, doc.revision))
    if plan.look_alike:
        return msg("import.look_alike", name=m.full_name, other=plan.look_alike)
    if doc.normalised:
        return msg("import.normalised")
    if plan.kind in ("new", "pin") and not plan.confirmed:  # a first key: held until confirmed by voice
        return msg("import.key_unconfirmed", name=plan.stored_name or m.full_name, fp=m.fingerprint)
    return None


def missing(current: int, revision: int) -> str:
    """The revisions between ``current`` and ``revision``, e.g. "3" or "3–5"."""
    first, last = current + 1, revision - 1
    return str(first) if first == last else f"{first}–{last}"
