"""``list reviews`` (ReviewService.list) in a constant number of queries, however many reviews (it
issued one per review: 13 s at 50,000), with the same rows as before: each review's owner (the
member, the profile, the cell for its collective report) and form. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from exchange_kit import NOW, identity, open_secretary, response
from selfreview.exchange.response import write_response
from selfreview.services.reviews import summary_of
from selfreview.db.models import Review

pytestmark = pytest.mark.usefixtures("database")


def queries_of(ctx, call):
    seen: list[str] = []

    def count(conn, cursor, statement, *rest):
        seen.append(statement)

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        result = call()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    return result, seen


def add_members(sec, tmp_path, numbers):
    files = tmp_path / f"in{numbers[0]}"
    files.mkdir()
    for n in numbers:
        (files / f"m{n}.selfreview").write_bytes(write_response(identity(n), response(
            sec, identity(n), name=f"Đặng Thị Mai {n}"), NOW))
    assert {r.outcome for r in sec.ctx.exchange.import_paths([files])} == {"imported"}


def test_list_reviews_takes_the_same_few_queries_for_3_or_30_reviews(tmp_path):
    sec = open_secretary(tmp_path / "d")
    ctx = sec.ctx
    mine = ctx.reviews.create(sec.profile.id, "2025")  # the secretary's own review
    ctx.collective.open(sec.round.id)  # the cell's collective report (Mẫu 01)
    add_members(sec, tmp_path, [10])
    few, q_few = queries_of(ctx, ctx.reviews.list)
    add_members(sec, tmp_path, list(range(11, 38)))
    many, q_many = queries_of(ctx, ctx.reviews.list)
    assert (len(few), len(many)) == (3, 30)
    assert len(q_many) == len(q_few) <= 2, q_many
    by_id = {r.id: r for r in many}
    assert by_id[mine.summary.id].owner == sec.profile.full_name
    assert sorted(r.owner for r in many if r.member_id) == sorted(f"Đặng Thị Mai {n}" for n in range(10, 38))
    assert "Chi bộ Văn phòng" in {r.owner for r in many}
    with ctx.read() as s:  # the same rows as one review at a time
        assert many == [summary_of(s, s.get(Review, r.id)) for r in many]
    sec.ctx.close()
