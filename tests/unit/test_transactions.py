"""Real transactions (issue 13, item 6): a unit of work that may write holds SQLite's write lock
from its first statement (BEGIN IMMEDIATE, SQLAlchemy's pysqlite recipe in db/engine.py), so a
check and the write that depends on it cannot be split by another connection's commit; a
read-only session never waits for a writer."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select, text

from selfreview.db.models import Review
from selfreview.services import reviews as reviews_module
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData


def _profile(ctx):
    return ctx.profiles.create(ProfileData(full_name="Phạm Thị Lan", work_unit="Phòng Tổ chức",
                                           cell_name="Chi bộ Văn phòng", government_post="Chuyên viên"))


def test_two_connections_creating_the_same_review_at_once_give_one_review(ctx, data_dir, monkeypatch):
    """``ReviewService.create`` checks for the current review, then creates one. Two contexts (two
    connections, as two windows or processes would have) run it at the same moment; the check
    is slowed down so that both would see "none yet" without isolation."""
    profile = _profile(ctx)
    original = reviews_module.registry.for_category

    def slow_for_category(*args, **kwargs):
        time.sleep(0.3)  # between the check and the write
        return original(*args, **kwargs)
    monkeypatch.setattr(reviews_module.registry, "for_category", slow_for_category)

    other = AppContext.open(data_dir)
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def create(name, context):
        start.wait()
        try:
            results[name] = context.reviews.create(profile.id, "2025").summary.id
        except Exception as e:  # noqa: BLE001 - the test reports it
            results[name] = e

    threads = [threading.Thread(target=create, args=(n, c)) for n, c in (("a", ctx), ("b", other))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        other.close()
    assert not [r for r in results.values() if isinstance(r, Exception)], results
    assert results["a"] == results["b"]
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Review).where(Review.profile_id == profile.id)) == 1


def test_a_reader_does_not_wait_for_a_writer_and_sees_only_what_was_committed(ctx):
    profile = _profile(ctx)
    holding, release = threading.Event(), threading.Event()

    def writer():
        with ctx.session() as s:
            s.execute(text("UPDATE profile SET work_unit = 'Phòng Kế hoạch' WHERE id = :id"), {"id": profile.id})
            holding.set()
            release.wait(10)

    t = threading.Thread(target=writer)
    t.start()
    try:
        assert holding.wait(10)
        started = time.perf_counter()
        with ctx.read() as s:
            unit = s.scalar(text("SELECT work_unit FROM profile WHERE id = :id"), {"id": profile.id})
        assert time.perf_counter() - started < 1.0
        assert unit == "Phòng Tổ chức"
    finally:
        release.set()
        t.join(10)
    assert ctx.profiles.get(profile.id).work_unit == "Phòng Kế hoạch"


def test_a_write_waits_for_another_write_instead_of_failing(ctx, data_dir):
    """A second connection's unit of work waits for the first one's write lock (busy timeout) and
    then runs: no "database is locked"."""
    profile = _profile(ctx)
    other = AppContext.open(data_dir)
    holding = threading.Event()

    def first():
        with ctx.session() as s:
            s.execute(text("UPDATE profile SET work_unit = 'A' WHERE id = :id"), {"id": profile.id})
            holding.set()
            time.sleep(0.5)

    t = threading.Thread(target=first)
    t.start()
    try:
        assert holding.wait(10)
        with other.session() as s:
            before = s.scalar(text("SELECT work_unit FROM profile WHERE id = :id"), {"id": profile.id})
            s.execute(text("UPDATE profile SET work_unit = work_unit || 'B' WHERE id = :id"), {"id": profile.id})
    finally:
        t.join(10)
        other.close()
    assert before == "A"  # it began after the first one committed
    assert ctx.profiles.get(profile.id).work_unit == "AB"
