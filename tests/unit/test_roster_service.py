"""Editing the roster: change a member, remove one with no review, set the meeting order; the
``roster-import`` command."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest
from roster_helpers import hand_in, setup_cell

from selfreview.cli import main
from selfreview.db.models import AuditEntry
from selfreview.services.errors import NotFound, ServiceError

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


def test_update_member_normalises_and_audits(ctx):
    _, _, members = setup_cell(ctx)
    b = members["Trần Thị Bình"]
    nfd = unicodedata.normalize("NFD", "  Trần   Thị Bình ")
    got = ctx.roster.update_member(b.id, replace(b, full_name=nfd, category="leader",
                                                 government_post="Trưởng phòng"))
    assert got.full_name == "Trần Thị Bình" and unicodedata.is_normalized("NFC", got.full_name)
    assert got.category == "leader" and got.government_post == "Trưởng phòng"
    assert ctx.roster.member(b.id) == got
    with ctx.read() as s:
        [entry] = [e for e in s.query(AuditEntry).filter_by(action="member.update")]
        assert entry.details["fields"] == ["category", "government_post"]


@pytest.mark.parametrize("change,code", [({"full_name": "  "}, "member.name_required"),
                                         ({"category": "2A"}, "member.bad_category")])
def test_update_member_refuses_bad_data(ctx, change, code):
    _, _, members = setup_cell(ctx)
    b = members["Trần Thị Bình"]
    with pytest.raises(ServiceError) as e:
        ctx.roster.update_member(b.id, replace(b, **change))
    assert e.value.message.code == code
    assert ctx.roster.member(b.id) == b


def test_remove_member_only_without_reviews(ctx):
    cell, rnd, members = setup_cell(ctx)
    hand_in(ctx, rnd, members["Trần Thị Bình"], datetime(2025, 12, 1, 8, 0))
    with pytest.raises(ServiceError) as e:
        ctx.roster.remove_member(members["Trần Thị Bình"].id)
    assert e.value.message.code == "member.has_reviews" and "Trần Thị Bình" in e.value.message.vi
    ctx.roster.remove_member(members["Lê Văn Cường"].id)
    names = [m.full_name for m in ctx.cells.members(cell.id)]
    assert "Lê Văn Cường" not in names and "Trần Thị Bình" in names
    with pytest.raises(NotFound):
        ctx.roster.remove_member(members["Lê Văn Cường"].id)


def test_meeting_order_puts_leaders_first_then_the_order_given(ctx):
    _, rnd, members = setup_cell(ctx)
    order = [members[n].id for n in ("Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Bình")]
    ctx.roster.set_meeting_order(rnd.cell_id, order)
    names = [r.name for r in ctx.rollcall.roll_call(rnd.id).rows]
    # leaders first (the secretary before the deputy), then the order the secretary set
    assert names == ["Nguyễn Văn An", "Đỗ Minh Châu", "Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Bình"]


def test_roster_import_command(data_dir, tmp_path, capsys):
    from selfreview.services.context import AppContext
    with AppContext.open(data_dir) as ctx:
        cell = ctx.cells.create_cell("Chi bộ Văn phòng")
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Ngày sinh,Đối tượng\nNguyễn Văn An,05/03/1975,2A\n,01/01/1980,2B\n",
                    encoding="utf-8-sig")
    args = ["--data-dir", str(data_dir), "roster-import", "--cell", str(cell.id), str(path)]
    assert main(args + ["--dry-run"]) == 1  # one row could not be read
    out = capsys.readouterr().out
    assert "Đã thêm 1" in out and "(chạy thử)" in out and "dòng 3: -: Thiếu họ và tên." in out
    assert main(args + ["--json", "--lang", "en"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [m["full_name"] for m in report["added"]] == ["Nguyễn Văn An"]
    assert report["added"][0]["date_of_birth"] == "1975-03-05" and report["added"][0]["category"] == "leader"
    assert report["problems"] == [{"row": 3, "name": "", "code": "roster.row.no_name", "reason": "Thiếu họ và tên.",
                                   "reason_en": "The full name is missing."}]
    with AppContext.open(data_dir) as ctx:
        assert [(m.full_name, m.date_of_birth) for m in ctx.cells.members(cell.id)] == [
            ("Nguyễn Văn An", date(1975, 3, 5))]
