"""The review meeting: time, place, chair, recorder, attendance, the vote on each member and on the
collective, and the warnings before the minutes are printed."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from roster_helpers import hand_in, setup_cell

from selfreview.services.cells import MemberData
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.meeting import Guest, Votes

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def world(ctx):
    cell, rnd, m = setup_cell(ctx)
    for name in m:
        hand_in(ctx, rnd, m[name], datetime(2025, 12, 1, 1, 0))
    return rnd, m


def codes(meeting):
    return [p.code for p in meeting.problems]


def test_a_new_meeting(ctx, world):
    rnd, m = world
    with pytest.raises(NotFound):
        ctx.meetings.get(rnd.id)
    assert not ctx.meetings.exists(rnd.id)
    mt = ctx.meetings.open(rnd.id)
    assert ctx.meetings.exists(rnd.id) and ctx.meetings.open(rnd.id).id == mt.id
    assert mt.content.startswith("Kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và đảng viên năm 2025")
    assert mt.total_members == 5 and mt.present == 0 and mt.absent == ()
    assert [a.name for a in mt.attendance] == ["Nguyễn Văn An", "Đỗ Minh Châu", "Trần Thị Bình", "Lê Văn Cường",
                                               "Phạm Thị Dung"]
    assert all(a.present is None for a in mt.attendance)
    assert [r.member_id for r in mt.results] == [a.member_id for a in mt.attendance]  # no collective vote yet
    assert codes(mt) == ["meeting.no_chair", "meeting.no_recorder", "meeting.attendance_missing",
                         "meeting.result_missing"]


def test_details_and_attendance(ctx, world):
    rnd, m = world
    nfd = unicodedata.normalize("NFD", "Phòng họp tầng 3")
    mt = ctx.meetings.update(rnd.id, starts_at=datetime(2025, 12, 15, 14, 0, 31), ends_at=datetime(2025, 12, 15, 17, 0),
                             place=nfd, chair="Nguyễn Văn An", recorder="Trần Thị Bình",
                             guests=[Guest("Hoàng Văn Giang", "Đảng ủy viên"), {"name": "  "}],
                             conclusions="Hội nghị thống nhất đề xuất xếp loại như trên.")
    assert mt.place == "Phòng họp tầng 3" and unicodedata.is_normalized("NFC", mt.place)
    assert mt.starts_at == datetime(2025, 12, 15, 14, 0) and mt.guests == (Guest("Hoàng Văn Giang", "Đảng ủy viên"),)
    ctx.meetings.set_attendance(rnd.id, m["Phạm Thị Dung"].id, False, "Ốm, có giấy xin phép")
    mt = ctx.meetings.mark_all_present(rnd.id)
    assert mt.present == 4 and [(a.name, a.reason) for a in mt.absent] == [("Phạm Thị Dung", "Ốm, có giấy xin phép")]
    mt = ctx.meetings.set_attendance(rnd.id, m["Lê Văn Cường"].id, False, "")
    assert "meeting.absent_no_reason" in codes(mt) and mt.present == 3
    mt = ctx.meetings.set_attendance(rnd.id, m["Lê Văn Cường"].id, True, "ignored when present")
    assert mt.present == 4 and next(a for a in mt.attendance if a.name == "Lê Văn Cường").reason == ""
    with pytest.raises(ServiceError) as e:
        ctx.meetings.update(rnd.id, ends_at=datetime(2025, 12, 15, 13, 0))
    assert e.value.message.code == "meeting.ends_before_start"
    other = ctx.cells.create_cell("Chi bộ khác")
    stranger = ctx.cells.add_member(other.id, MemberData("Người ngoài", "non_leader"))
    with pytest.raises(NotFound):
        ctx.meetings.set_attendance(rnd.id, stranger.id, True)


def test_votes_become_the_cells_proposal(ctx, world):
    rnd, m = world
    ctx.meetings.mark_all_present(rnd.id)
    binh = m["Trần Thị Bình"].id
    ctx.assessments.set_assessment(rnd.id, binh, "Chi ủy nhận xét", "htxsnv")  # the committee's proposal
    mt = ctx.meetings.record_result(rnd.id, binh, {"htxsnv": 1, "httnv": 4}, "httnv", "Đề nghị xếp loại tốt")
    res = next(r for r in mt.results if r.member_id == binh)
    assert res.votes == Votes(htxsnv=1, httnv=4) and res.votes.total == 5 and res.votes.most() == ("httnv",)
    assert res.committee_rating == "htxsnv" and res.final_rating == "httnv" and res.recorded
    assert res.opinions == "Đề nghị xếp loại tốt"
    # the meeting's result is now the cell's proposed rating everywhere
    assert ctx.assessments.get(rnd.id, binh).proposed_rating == "httnv"
    assert ctx.assessments.get(rnd.id, binh).comments == "Chi ủy nhận xét"
    assert next(r for r in ctx.rollcall.roll_call(rnd.id).rows if r.member_id == binh).cell_rating == "httnv"
    # recording again keeps the committee's original proposal
    mt = ctx.meetings.record_result(rnd.id, binh, Votes(httnv=5), "httnv")
    assert next(r for r in mt.results if r.member_id == binh).committee_rating == "htxsnv"


def test_warnings_on_votes(ctx, world):
    rnd, m = world
    ctx.meetings.mark_all_present(rnd.id)
    ctx.meetings.set_attendance(rnd.id, m["Phạm Thị Dung"].id, False, "Đi công tác")
    an = m["Nguyễn Văn An"].id
    mt = ctx.meetings.record_result(rnd.id, an, {"httnv": 3, "htnv": 3}, "htxsnv")
    msgs = [p for p in mt.problems if p.code == "meeting.votes_exceed" or p.code == "meeting.not_most_votes"]
    assert [p.code for p in msgs] == ["meeting.votes_exceed", "meeting.not_most_votes"]
    assert msgs[0].vi == "Nguyễn Văn An: tổng số phiếu (6) nhiều hơn số đảng viên có mặt (4)."
    assert msgs[1].en == "Nguyễn Văn An: the cell's proposed rating “HTXSNV” is not the one with the most votes."
    mt = ctx.meetings.record_result(rnd.id, an, {"httnv": 2, "htnv": 2}, "htnv")  # a tie: either is the most
    assert not [p for p in mt.problems if p.code in ("meeting.votes_exceed", "meeting.not_most_votes")]
    mt = ctx.meetings.record_result(rnd.id, an, {"httnv": 4}, None)
    assert "meeting.final_missing" in codes(mt)
    for bad in ({"httnv": -1}, {"httnv": 1.5}, {"tốt": 3}, {"httnv": True}):
        with pytest.raises(ServiceError) as e:
            ctx.meetings.record_result(rnd.id, an, bad, "httnv")
        assert e.value.message.code == "meeting.bad_votes"


def test_the_collective_is_voted_on_first(ctx, world):
    rnd, m = world
    rid = ctx.collective.open(rnd.id).summary.id
    ctx.reviews.save_answer(rid, "b2_proposed", "httnv")
    ctx.meetings.mark_all_present(rnd.id)
    mt = ctx.meetings.record_result(rnd.id, None, {"httnv": 5}, "httnv", "Nhất trí với báo cáo của chi ủy")
    first = mt.results[0]
    assert first.member_id is None and first.category == "collective" and first.name == "Tập thể chi bộ"
    assert first.committee_rating == "httnv" and first.final_rating == "httnv"
    assert len(mt.results) == 6
    mt = ctx.meetings.record_result(rnd.id, None, {"httnv": 4, "htnv": 1}, "httnv")
    assert len(mt.results) == 6 and mt.results[0].votes == Votes(httnv=4, htnv=1)
