"""Offices for the results/decisions tests: a committee, and a cell with a round whose members
handed in (one did not), each in its own data folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from roster_helpers import hand_in, setup_cell

from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData


def office(path: Path, person: str, body: str = "") -> AppContext:
    ctx = AppContext.open(path)
    p = ctx.profiles.create(ProfileData(full_name=person, party_post="Bí thư", cell_name=body))
    ctx.profiles.set_secretary(p.id)
    return ctx


class Cell:
    """A cell office: five members, four handed in (Phạm Thị Dung did not)."""

    def __init__(self, path: Path) -> None:
        self.ctx = office(path, "Nguyễn Văn An", "Chi bộ Văn phòng")
        self.cell, self.round, self.m = setup_cell(self.ctx)
        for name, member in self.m.items():
            if name != "Phạm Thị Dung":
                hand_in(self.ctx, self.round, member, datetime(2025, 12, 1, 1, 0))

    def id(self, name: str) -> int:
        return self.m[name].id


def call(committee: AppContext, out: Path, period: str = "2025", **kw):
    path, doc = committee.committee.write_call(period, out, kw.pop("orgs", ["Chi bộ Văn phòng", "Chi bộ Khác"]),
                                               kw.pop("name", "Đảng ủy Sở Nội vụ"), **kw)
    return path, doc
