"""The roll-call: every member with a status, when they handed in, score and ratings, in meeting
order, with "24/30 đã nộp"; and entering a review from paper on a member's behalf."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from answers_2b import complete_2b
from roster_helpers import hand_in, refuse_key, setup_cell
from sqlalchemy import event

from selfreview.db.models import Member
from selfreview.services.cells import MemberData
from selfreview.services.errors import NotFound, ServiceError
from selfreview.services.rollcall import STATUSES, vi_sort_key

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


def utc(local: datetime) -> datetime:
    """The stored (UTC, naive) form of a local wall-clock time."""
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def test_statuses_counts_and_meeting_order(ctx):
    _, rnd, m = setup_cell(ctx)  # deadline 10/12/2025
    hand_in(ctx, rnd, m["Nguyễn Văn An"], utc(datetime(2025, 12, 1, 9, 30)))
    late = hand_in(ctx, rnd, m["Trần Thị Bình"], utc(datetime(2025, 12, 11, 8, 0)))
    first = hand_in(ctx, rnd, m["Lê Văn Cường"], utc(datetime(2025, 12, 2, 8, 0)))
    answers = complete_2b() | {"b1_general": 28, "b1_tasks": 63.5, "b2_proposed": "htxsnv"}
    hand_in(ctx, rnd, m["Lê Văn Cường"], utc(datetime(2025, 12, 12, 20, 15)), answers, revision=2, parent_id=first)
    ctx.assessments.set_assessment(rnd.id, m["Trần Thị Bình"].id, "Hoàn thành tốt", "httnv")

    rc = ctx.rollcall.roll_call(rnd.id)
    assert (rc.submitted, rc.total) == (3, 5)
    assert rc.label_vi == "3/5 đã nộp" and rc.label_en == "3/5 submitted" and rc.label("en") == rc.label_en
    rows = {r.name: r for r in rc.rows}
    assert [r.name for r in rc.rows] == ["Nguyễn Văn An", "Đỗ Minh Châu", "Trần Thị Bình", "Lê Văn Cường",
                                         "Phạm Thị Dung"]  # leaders first, then the order, then the given name
    assert rows["Nguyễn Văn An"].status == "submitted"
    assert rows["Nguyễn Văn An"].submitted_at == datetime(2025, 12, 1, 9, 30)  # local time, as handed in
    assert rows["Nguyễn Văn An"].total == Decimal(86) and rows["Nguyễn Văn An"].self_rating == "httnv"
    assert rows["Nguyễn Văn An"].post == "Bí thư chi bộ" and rows["Nguyễn Văn An"].form == "2A"
    assert rows["Trần Thị Bình"].status == "late" and rows["Trần Thị Bình"].late
    assert rows["Trần Thị Bình"].review_id == late and rows["Trần Thị Bình"].cell_rating == "httnv"
    cuong = rows["Lê Văn Cường"]
    assert cuong.status == "updated" and cuong.updated and not cuong.late  # first handed in on time
    assert cuong.submitted_at == datetime(2025, 12, 12, 20, 15)
    assert cuong.first_submitted_at == datetime(2025, 12, 2, 8, 0)
    assert cuong.total == Decimal("91.5") and cuong.self_rating == "htxsnv" and cuong.revision == 2
    for name in ("Đỗ Minh Châu", "Phạm Thị Dung"):
        assert rows[name].status == "not_submitted" and rows[name].submitted_at is None
        assert rows[name].total is None and rows[name].review_id is None
    assert [r.name for r in rc.missing] == ["Đỗ Minh Châu", "Phạm Thị Dung"]
    assert {r.status for r in rc.rows} <= set(STATUSES)
    assert [r.name for r in rc.filtered({"not_submitted"})] == ["Đỗ Minh Châu", "Phạm Thị Dung"]
    assert [r.name for r in rc.filtered(text="bình")] == ["Trần Thị Bình"]
    assert [r.name for r in rc.filtered(text="Bí thư")] == ["Nguyễn Văn An", "Đỗ Minh Châu"]
    assert rows["Trần Thị Bình"].status_label() == "Nộp muộn" and rows["Trần Thị Bình"].status_label("en") == "Late"


def test_key_mismatch_until_the_new_key_is_accepted(ctx):
    _, rnd, m = setup_cell(ctx)
    binh = m["Trần Thị Bình"]
    with ctx.session() as s:
        s.get(Member, binh.id).fingerprint = "OLDKEY0000000000"
    hand_in(ctx, rnd, binh, datetime(2025, 12, 1, 1, 0))
    refuse_key(ctx, "Trần Thị Bình", "NEWKEY1111111111", datetime(2025, 12, 3, 1, 0))
    refuse_key(ctx, "Phạm Thị Dung", "NEWKEY2222222222", datetime(2025, 12, 3, 2, 0))  # never handed in
    rows = {r.name: r for r in ctx.rollcall.roll_call(rnd.id).rows}
    assert rows["Trần Thị Bình"].status == "key_mismatch"
    assert rows["Trần Thị Bình"].key_mismatch_fingerprint == "NEWKEY1111111111"
    assert rows["Trần Thị Bình"].has_submission  # the earlier review is still counted as handed in
    assert rows["Phạm Thị Dung"].status == "key_mismatch" and not rows["Phạm Thị Dung"].has_submission
    assert rows["Nguyễn Văn An"].status == "not_submitted"
    assert ctx.rollcall.roll_call(rnd.id).submitted == 1
    with ctx.session() as s:  # the secretary confirmed the new key by phone: the importer pins it
        s.get(Member, binh.id).fingerprint = "NEWKEY1111111111"
    rows = {r.name: r for r in ctx.rollcall.roll_call(rnd.id).rows}
    assert rows["Trần Thị Bình"].status == "submitted"
    hand_in(ctx, rnd, m["Phạm Thị Dung"], datetime(2025, 12, 4, 1, 0))  # a newer file was imported
    rows = {r.name: r for r in ctx.rollcall.roll_call(rnd.id).rows}
    assert rows["Phạm Thị Dung"].status == "submitted"


def _count_queries(ctx, fn):
    count = 0

    def on_execute(*args, **kw):
        nonlocal count
        count += 1
    event.listen(ctx.db.engine, "before_cursor_execute", on_execute)
    try:
        fn()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", on_execute)
    return count


def test_the_roll_call_does_not_query_per_member(ctx):
    _, rnd, m = setup_cell(ctx)
    for name in m:
        hand_in(ctx, rnd, m[name], datetime(2025, 12, 1, 1, 0))
    small = _count_queries(ctx, lambda: ctx.rollcall.roll_call(rnd.id))
    start = datetime(2025, 12, 2, 1, 0)
    for i in range(55):
        member = ctx.cells.add_member(rnd.cell_id, MemberData(f"Đảng viên số {i:02d}", "non_leader"))
        if i % 3:
            hand_in(ctx, rnd, member, start + timedelta(minutes=i))
    big = _count_queries(ctx, lambda: ctx.rollcall.roll_call(rnd.id))
    assert big == small <= 8
    rc = ctx.rollcall.roll_call(rnd.id)
    assert (rc.submitted, rc.total) == (5 + 36, 60) and rc.label_vi == "41/60 đã nộp"


def test_entering_a_review_from_paper(ctx):
    _, rnd, m = setup_cell(ctx, deadline=None)
    dung = m["Phạm Thị Dung"]
    d = ctx.rollcall.enter_on_behalf(rnd.id, dung.id)
    assert d.template.id == "hd43-2025-2c" and d.summary.entered_by_secretary and not d.locked
    assert d.summary.owner == "Phạm Thị Dung" and d.summary.member_id == dung.id and d.summary.round_id == rnd.id
    assert ctx.rollcall.enter_on_behalf(rnd.id, dung.id).summary.id == d.summary.id  # the same draft again
    row = next(r for r in ctx.rollcall.roll_call(rnd.id).rows if r.member_id == dung.id)
    assert row.status == "not_submitted" and row.review_id == d.summary.id and row.entered_by_secretary

    item_ids = set(d.template.item_index())
    for qid, value in complete_2b().items():
        if qid in item_ids:
            ctx.reviews.save_answer(d.summary.id, qid, value)
    for qid in [i.id for _, i in d.template.items() if i.stores_answer and getattr(i, "required", False)]:
        if qid not in ctx.reviews.answers(d.summary.id):
            ctx.reviews.save_answer(d.summary.id, qid, "Chép từ bản giấy.")
    assert ctx.reviews.validate(d.summary.id) == []
    ctx.reviews.finalize(d.summary.id)
    row = next(r for r in ctx.rollcall.roll_call(rnd.id).rows if r.member_id == dung.id)
    assert row.status == "submitted" and row.entered_by_secretary and row.submitted_at is not None
    assert row.total == Decimal(86)
    with pytest.raises(ServiceError) as e:
        ctx.rollcall.enter_on_behalf(rnd.id, dung.id)
    assert e.value.message.code == "rollcall.already_submitted"


def test_entering_on_behalf_carries_last_years_shortcomings(ctx):
    cell, rnd, m = setup_cell(ctx)
    binh = m["Trần Thị Bình"]
    old = ctx.cells.create_round(cell.id, "2024")
    hand_in(ctx, old, binh, datetime(2024, 12, 1, 1, 0))
    d = ctx.rollcall.enter_on_behalf(rnd.id, binh.id)
    assert [x["shortcoming"] for x in d.answers["a3_previous"]] == [
        "Có lúc xử lý hồ sơ còn chậm.", "Chưa chủ động đề xuất cải tiến quy trình."]


def test_entering_on_behalf_refuses_strangers_and_missing_forms(ctx):
    _, rnd, m = setup_cell(ctx)
    other = ctx.cells.create_cell("Chi bộ khác")
    stranger = ctx.cells.add_member(other.id, MemberData("Người ngoài", "non_leader"))
    with pytest.raises(NotFound):
        ctx.rollcall.enter_on_behalf(rnd.id, stranger.id)
    with pytest.raises(NotFound):
        ctx.rollcall.enter_on_behalf(9999, m["Trần Thị Bình"].id)
    r2 = ctx.cells.create_round(rnd.cell_id, "2025-quý-1", date(2025, 4, 1), forms={"non_leader": rnd.forms["non_leader"]})
    with pytest.raises(ServiceError) as e:
        ctx.rollcall.enter_on_behalf(r2.id, m["Nguyễn Văn An"].id)
    assert e.value.message.code == "round.no_form" and "2A" in e.value.message.vi


def test_names_sort_in_vietnamese_alphabetical_order():
    names = ["Đỗ Minh", "Dương Văn", "Trần", "Ân", "Ăn", "An", "Anh", "Lệ", "Lê", "Lế", "Ơn", "Ôn", "Ưng", "Uyên"]
    assert sorted(names, key=vi_sort_key) == ["An", "Anh", "Ăn", "Ân", "Dương Văn", "Đỗ Minh", "Lê", "Lế", "Lệ",
                                              "Ôn", "Ơn", "Trần", "Uyên", "Ưng"]


def test_round_id_by_cell_and_period(ctx):
    cell, rnd, _ = setup_cell(ctx)
    assert ctx.rollcall.round_id(cell.id, " 2025 ") == rnd.id
    with pytest.raises(NotFound) as e:
        ctx.rollcall.round_id(cell.id, "2019")
    assert e.value.message.code == "round.no_period"
    with pytest.raises(NotFound):
        ctx.rollcall.round_id(999, "2025")
