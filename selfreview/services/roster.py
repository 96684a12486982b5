"""The roster of a cell: edit and remove members, set the meeting order, import a roster file.

Adding one member and listing the roster stay in :mod:`selfreview.services.cells`
(``CellService.add_member`` / ``members``); this service is the rest of the secretary's roster work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import exists, select

from selfreview.db.models import Cell, Member, Review
from selfreview.messages import Message, msg
from selfreview.services import audit
from selfreview.services.cells import CATEGORIES, MemberData, _member_data
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.roster_file import RowProblem, read_roster_file
from selfreview.text import nfc

_EDITABLE = ("full_name", "date_of_birth", "party_post", "government_post", "mass_org_post", "category",
             "meeting_order")


@lru_cache(maxsize=8192)  # an import asks up to four times per file
def name_key(name: str) -> str:
    """How two names are compared: NFC, case-folded, single spaces (diacritics kept: Hùng ≠ Hưng)."""
    return re.sub(r"\s+", " ", nfc(name)).strip().casefold()


@dataclass(frozen=True)
class RosterImport:
    """What an import did. ``problems``: rows not read (row number as the file shows it, and why);
    ``notes``: rows read with something to know (e.g. no category given, 2B assumed)."""

    added: tuple[MemberData, ...]
    updated: tuple[MemberData, ...]
    unchanged: tuple[MemberData, ...]
    problems: tuple[RowProblem, ...]
    notes: tuple[RowProblem, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    encoding: str = ""
    dry_run: bool = False

    @property
    def summary(self) -> Message:
        return msg("roster.import_summary", added=len(self.added), updated=len(self.updated),
                   unchanged=len(self.unchanged), failed=len(self.problems))


def _clean(data: MemberData) -> dict:
    values = {f: getattr(data, f) for f in _EDITABLE}
    values = {k: (re.sub(r"\s+", " ", nfc(v)).strip() if isinstance(v, str) else v) for k, v in values.items()}
    if not values["full_name"]:
        raise ServiceError.of("member.name_required")
    if values["category"] not in CATEGORIES:
        raise ServiceError.of("member.bad_category", value=values["category"])
    return values


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that it is rolled back."""


@dataclass
class _Plan:
    added: list[MemberData] = field(default_factory=list)
    updated: list[MemberData] = field(default_factory=list)
    unchanged: list[MemberData] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notes: list[RowProblem] = field(default_factory=list)


class RosterService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def _member(self, s, member_id: int) -> Member:
        m = s.get(Member, member_id)
        if m is None:
            raise NotFound.of("member.not_found", id=member_id)
        return m

    def member(self, member_id: int) -> MemberData:
        with self.ctx.read() as s:
            return _member_data(self._member(s, member_id))

    def update_member(self, member_id: int, data: MemberData) -> MemberData:
        """Change a member's name, date of birth, posts, category or meeting order."""
        values = _clean(data)
        with self.ctx.session() as s:
            m = self._member(s, member_id)
            before = {k: getattr(m, k) for k in values}
            for k, v in values.items():
                setattr(m, k, v)
            changed = sorted(k for k in values if before[k] != values[k])
            if changed:
                audit.record(s, "member.update", "", member_id=m.id, fields=changed)
            s.flush()
            return _member_data(m)

    def remove_member(self, member_id: int) -> None:
        """Take a member off the roster; refused once any review of theirs is in the data."""
        with self.ctx.session() as s:
            m = self._member(s, member_id)
            if s.scalar(select(exists().where(Review.member_id == member_id))):
                raise ServiceError.of("member.has_reviews", name=m.full_name)
            audit.record(s, "member.remove", "", member_id=m.id, cell_id=m.cell_id, name=m.full_name)
            s.delete(m)

    def set_meeting_order(self, cell_id: int, member_ids: list[int]) -> list[MemberData]:
        """Number the members in the order given (10, 20, …); others keep their place after them.
        Leaders still come first in the roll-call and the meeting (head before deputies)."""
        with self.ctx.session() as s:
            members = {m.id: m for m in s.scalars(select(Member).where(Member.cell_id == cell_id))}
            for mid in member_ids:
                if mid not in members:
                    raise NotFound.of("member.not_found", id=mid)
            for n, mid in enumerate(member_ids, start=1):
                members[mid].meeting_order = n * 10
            audit.record(s, "member.reorder", "", cell_id=cell_id, order=list(member_ids))
        return self.ctx.cells.members(cell_id)

    # -- importing a roster file --------------------------------------------------------------------
    def import_roster(self, cell_id: int, path: str | Path, encoding: str | None = None,
                      dry_run: bool = False) -> RosterImport:
        """Add the file's members to the cell's roster, or update those already there (same name and
        date of birth), all in one transaction. ``dry_run`` reports what would happen and changes
        nothing. Columns the file does not have are left as they are on existing members."""
        parsed = read_roster_file(path, encoding)
        try:
            with self.ctx.session() as s:
                if s.get(Cell, cell_id) is None:
                    raise NotFound.of("cell.not_found", id=cell_id)
                plan = self._apply(s, cell_id, parsed)
                result = RosterImport(tuple(plan.added), tuple(plan.updated), tuple(plan.unchanged),
                                      tuple(sorted(parsed.problems + plan.problems, key=lambda p: p.row)),
                                      tuple(plan.notes), tuple(parsed.ignored_columns), parsed.encoding, dry_run)
                if dry_run:
                    raise _DryRun()
                audit.record(s, "roster.import", "", cell_id=cell_id, file=Path(path).name,
                             added=len(plan.added), updated=len(plan.updated), failed=len(result.problems))
        except _DryRun:
            pass  # rolled back: nothing was written
        return result

    def _apply(self, s, cell_id: int, parsed) -> _Plan:
        plan = _Plan()
        existing: dict[tuple[str, object], list[Member]] = {}
        for m in s.scalars(select(Member).where(Member.cell_id == cell_id)):
            existing.setdefault((name_key(m.full_name), m.date_of_birth), []).append(m)
        seen: dict[tuple[str, object], int] = {}
        columns = parsed.columns
        for row in parsed.rows:
            v = row.values
            key = (name_key(v["full_name"]), v["date_of_birth"])
            if key in seen:
                plan.problems.append(RowProblem(row.row, v["full_name"], msg("roster.row.duplicate", row=seen[key])))
                continue
            seen[key] = row.row
            matches = existing.get(key, [])
            if len(matches) > 1:
                plan.problems.append(RowProblem(row.row, v["full_name"],
                                                msg("roster.row.ambiguous", n=len(matches))))
                continue
            if not matches:
                category = v["category"]
                if category is None:
                    category = "non_leader"
                    plan.notes.append(RowProblem(row.row, v["full_name"], msg("roster.row.default_category")))
                m = Member(cell_id=cell_id, full_name=v["full_name"], date_of_birth=v["date_of_birth"],
                           party_post=v["party_post"], government_post=v["government_post"],
                           mass_org_post=v["mass_org_post"], category=category,
                           meeting_order=v.get("meeting_order", 1000))
                s.add(m)
                s.flush()
                plan.added.append(_member_data(m))
                continue
            m = matches[0]
            changes = {c: v[c] for c in ("party_post", "government_post", "mass_org_post") if c in columns}
            if v["category"] is not None:
                changes["category"] = v["category"]
            if "meeting_order" in v:
                changes["meeting_order"] = v["meeting_order"]
            if nfc(m.full_name) != v["full_name"]:  # same person, spelling of spaces or case tidied
                changes["full_name"] = v["full_name"]
            changes = {k: val for k, val in changes.items() if getattr(m, k) != val}
            for k, val in changes.items():
                setattr(m, k, val)
            (plan.updated if changes else plan.unchanged).append(_member_data(m))
        return plan
