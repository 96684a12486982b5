"""Cells, their review rounds and their rosters (the secretary's side)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from selfreview.db.models import Cell, Member, ReviewRound
from selfreview.forms import registry
from selfreview.rating import MEMBER_CATEGORIES
from selfreview.services import audit, templates
from selfreview.services.dto import CellSummary, RoundSummary
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.member_fields import member_fields
from selfreview.text import nfc

CATEGORIES = MEMBER_CATEGORIES  # (the name the roster checks use)


@dataclass
class MemberData:
    full_name: str
    category: str = "non_leader"
    date_of_birth: date | None = None
    party_post: str = ""
    government_post: str = ""
    mass_org_post: str = ""
    meeting_order: int = 1000
    work_unit: str = ""
    id: int | None = None
    cell_id: int | None = None
    fingerprint: str | None = None
    key_confirmed: bool = False  # the pinned key's fingerprint was confirmed by the secretary


def _member_data(m: Member) -> MemberData:
    return MemberData(full_name=m.full_name, category=m.category, date_of_birth=m.date_of_birth,
                      party_post=m.party_post, government_post=m.government_post,
                      mass_org_post=m.mass_org_post, meeting_order=m.meeting_order, work_unit=m.work_unit, id=m.id,
                      cell_id=m.cell_id, fingerprint=m.fingerprint, key_confirmed=bool(m.key_confirmed))


def default_forms(rule_set: str = "HD43-2025") -> dict[str, dict]:
    """The bundled form for each member category: ``{category: {id, version, hash}}``."""
    out = {}
    for cat in CATEGORIES:
        info = registry.for_category(cat, rule_set)
        if info is not None:
            out[cat] = {"id": info.template.id, "version": info.template.version, "hash": info.hash}
    return out


def _round_summary(r: ReviewRound) -> RoundSummary:
    return RoundSummary(r.id, r.cell_id, r.cell.name, r.period, r.deadline, r.uid, dict(r.forms))


class CellService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def create_cell(self, name: str, superior_body: str = "", owner_profile_id: int | None = None) -> CellSummary:
        name = nfc(name).strip()
        if not name:
            raise ServiceError.of("cell.name_required")
        with self.ctx.session() as s:
            c = Cell(name=name, superior_body=nfc(superior_body).strip(), owner_profile_id=owner_profile_id)
            s.add(c)
            s.flush()
            audit.record(s, "cell.create", "", cell_id=c.id, name=c.name)
            return CellSummary(c.id, c.name, c.superior_body)

    def list_cells(self) -> list[CellSummary]:
        with self.ctx.read() as s:
            return [CellSummary(c.id, c.name, c.superior_body) for c in s.scalars(select(Cell).order_by(Cell.id))]

    def get_cell(self, cell_id: int) -> CellSummary:
        with self.ctx.read() as s:
            c = s.get(Cell, cell_id)
            if c is None:
                raise NotFound.of("review.not_found", id=cell_id)
            return CellSummary(c.id, c.name, c.superior_body)

    def create_round(self, cell_id: int, period: str, deadline: date | None = None,
                     forms: dict[str, dict] | None = None) -> RoundSummary:
        with self.ctx.session() as s:
            if s.get(Cell, cell_id) is None:
                raise NotFound.of("review.not_found", id=cell_id)
            forms = forms or default_forms()
            for form in forms.values():  # keep the exact templates the round was opened with
                templates.store(s, templates.by_hash(s, form["hash"], form.get("id", ""), form.get("version", 0)))
            r = ReviewRound(cell_id=cell_id, period=nfc(period).strip(), deadline=deadline,
                            forms=forms, uid=uuid.uuid4().hex)
            s.add(r)
            s.flush()
            audit.record(s, "round.create", "", round_id=r.id, cell_id=cell_id, period=r.period)
            return _round_summary(r)

    def list_rounds(self, cell_id: int | None = None) -> list[RoundSummary]:
        with self.ctx.read() as s:
            q = select(ReviewRound).order_by(ReviewRound.id)
            if cell_id is not None:
                q = q.where(ReviewRound.cell_id == cell_id)
            return [_round_summary(r) for r in s.scalars(q)]

    def get_round(self, round_id: int) -> RoundSummary:
        with self.ctx.read() as s:
            r = s.get(ReviewRound, round_id)
            if r is None:
                raise NotFound.of("review.not_found", id=round_id)
            return _round_summary(r)

    def add_member(self, cell_id: int, data: MemberData) -> MemberData:
        if data.category not in CATEGORIES:
            raise ValueError(f"unknown category {data.category!r}")
        values = member_fields({f: getattr(data, f) for f in
                                ("full_name", "party_post", "government_post", "mass_org_post", "work_unit")})
        with self.ctx.session() as s:
            m = Member(cell_id=cell_id, category=data.category, date_of_birth=data.date_of_birth,
                       meeting_order=data.meeting_order, **values)
            s.add(m)
            s.flush()
            return _member_data(m)

    def members(self, cell_id: int) -> list[MemberData]:
        with self.ctx.read() as s:
            from selfreview.services.rollcall import member_order  # (rollcall imports this module)
            q = select(Member).where(Member.cell_id == cell_id)
            return [_member_data(m) for m in sorted(s.scalars(q), key=lambda m: member_order(
                m.category, m.meeting_order, m.full_name, m.id))]
