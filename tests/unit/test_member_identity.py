"""Migration 0007: the copies of members that two imports at once left are merged (each review kept
once, what referred to a copy refers to the kept entry), then the database refuses a second entry
for one cell and signing key. On SQLite and on PostgreSQL, from a database as 0006 left it."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from selfreview.db import migrate
from selfreview.db.engine import connect
from selfreview.db.models import Answer, Assessment, Cell, ImportReceipt, Member, Review, ReviewRound

pytestmark = pytest.mark.usefixtures("database")
T = datetime(2025, 11, 28, 17, 0)


@pytest.fixture
def old_db(database, tmp_path, request):
    """A database migrated only to 0006 (an empty one of its own on PostgreSQL)."""
    if database == "postgresql":
        server = request.getfixturevalue("pg_server")
        name = server.create_database(empty=True)
        url = server.url(name)
    else:
        url = f"sqlite:///{tmp_path / 'old.db'}"
    db = connect(url)
    cfg = migrate.alembic_config(db)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0006")
    yield db
    db.dispose()
    if database == "postgresql":
        server.drop_database(name)


def _review(conn, member_id, round_id, content, revision=1, current=True) -> int:
    rid = conn.execute(insert(Review).values(
        member_id=member_id, round_id=round_id, period="2025", template_id="hd43-2025-2b", template_version=1,
        template_hash="h" * 64, status="finalized", revision=revision, is_current=current, content_hash=content,
        finalized_at=T, submitted_at=T)).inserted_primary_key[0]
    conn.execute(insert(Answer), [{"review_id": rid, "question_id": q, "value": f"{q} {content}"} for q in ("a", "b")])
    return rid


def _member(conn, cell, name, key) -> int:
    return conn.execute(insert(Member).values(cell_id=cell, full_name=name, sign_public_key=key,
                                              fingerprint=key[:8])).inserted_primary_key[0]


def test_copies_are_merged_and_a_new_copy_is_refused(old_db):
    with old_db.engine.begin() as conn:
        cell = conn.execute(insert(Cell).values(name="Chi bộ Văn phòng")).inserted_primary_key[0]
        rnd = conn.execute(insert(ReviewRound).values(cell_id=cell, period="2025", uid="u1")).inserted_primary_key[0]
        # what two imports at once left: Hằng twice, each copy with the same review; Minh twice,
        # the copy with a newer revision and an assessment; Lan once; Thu without a key, twice
        hang, hang2 = _member(conn, cell, "Nguyễn Thị Hằng", "K-hang"), _member(conn, cell, "Nguyễn Thị Hằng", "K-hang")
        minh, minh2 = _member(conn, cell, "Trần Văn Minh", "K-minh"), _member(conn, cell, "Trần Văn Minh", "K-minh")
        lan = _member(conn, cell, "Hồ Thị Lan", "K-lan")
        for _ in range(2):
            conn.execute(insert(Member).values(cell_id=cell, full_name="Lê Thị Thu"))
        r_hang = _review(conn, hang, rnd, "c1")
        r_hang2 = _review(conn, hang2, rnd, "c1")
        r_minh = _review(conn, minh, rnd, "m1")
        r_minh2 = _review(conn, minh2, rnd, "m2", revision=2)
        r_lan = _review(conn, lan, rnd, "l1")
        conn.execute(insert(ImportReceipt).values(file_name="hang.selfreview", sha256="s" * 64, outcome="imported",
                                                  review_id=r_hang2, created_at=T))
        conn.execute(insert(Assessment).values(member_id=minh2, round_id=rnd, comments="Tốt"))

    migrate.upgrade(old_db)
    assert migrate.current_revision(old_db) == migrate.HEAD
    with old_db.engine.begin() as conn:
        members = conn.execute(select(Member.id, Member.full_name).order_by(Member.id)).all()
        assert [m.full_name for m in members] == ["Nguyễn Thị Hằng", "Trần Văn Minh", "Hồ Thị Lan", "Lê Thị Thu",
                                                 "Lê Thị Thu"]
        assert [m.id for m in members][:3] == [hang, minh, lan]
        reviews = {r.id: r for r in conn.execute(select(Review.id, Review.member_id, Review.is_current))}
        assert set(reviews) == {r_hang, r_minh, r_minh2, r_lan}  # Hằng's copy of the same file: gone
        assert (reviews[r_minh2].member_id, reviews[r_minh2].is_current) == (minh, True)
        assert reviews[r_minh].is_current is False  # the older revision is history
        assert conn.scalar(select(func.count()).select_from(Answer).where(Answer.review_id == r_hang2)) == 0
        assert conn.scalar(select(ImportReceipt.review_id)) == r_hang
        assert conn.scalar(select(Assessment.member_id)) == minh
        with pytest.raises(IntegrityError), conn.begin_nested():
            _member(conn, cell, "Nguyễn Thị Hằng", "K-hang")
        # the same key in another cell is another roster entry, and keyless entries may share a name
        other = conn.execute(insert(Cell).values(name="Chi bộ Kế toán")).inserted_primary_key[0]
        _member(conn, other, "Nguyễn Thị Hằng", "K-hang")
        conn.execute(insert(Member).values(cell_id=cell, full_name="Lê Thị Thu"))
