"""Test data for the secretary's workspace: a cell with a round and members, and reviews handed in
the way the importer leaves them (finalized, ``submitted_at`` set), inserted through the ORM."""

from __future__ import annotations

from datetime import date, datetime

from answers_2b import complete_2b

from selfreview.db.models import Answer, ImportReceipt, Review
from selfreview.services.cells import MemberData

# (name, category, date of birth, party post), deliberately not in meeting order
PEOPLE = [
    ("Trần Thị Bình", "non_leader", date(1985, 6, 1), ""),
    ("Nguyễn Văn An", "leader", date(1975, 3, 5), "Bí thư chi bộ"),
    ("Lê Văn Cường", "non_leader", date(1990, 1, 20), ""),
    ("Phạm Thị Dung", "outside_system", date(1950, 9, 9), ""),
    ("Đỗ Minh Châu", "leader", date(1980, 2, 2), "Phó Bí thư chi bộ"),
]


def setup_cell(ctx, deadline: date | None = date(2025, 12, 10), people=PEOPLE):
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    rnd = ctx.cells.create_round(cell.id, "2025", deadline)
    members = {}
    for name, cat, dob, post in people:
        m = ctx.cells.add_member(cell.id, MemberData(name, cat, dob, party_post=post,
                                                     meeting_order=20 if post.startswith("Phó") else 10))
        members[name] = m
    return cell, rnd, members


def hand_in(ctx, rnd, member, at: datetime, answers: dict | None = None, revision: int = 1,
            parent_id: int | None = None) -> int:
    """A finalized review of ``member`` in ``rnd`` as the importer stores it, handed in at ``at`` (UTC)."""
    form = rnd.forms[member.category]
    answers = complete_2b() if answers is None else answers
    with ctx.session() as s:
        if parent_id is not None:
            s.get(Review, parent_id).is_current = False
        r = Review(member_id=member.id, round_id=rnd.id, period=rnd.period, template_id=form["id"],
                   template_version=form["version"], template_hash=form["hash"], status="finalized",
                   revision=revision, parent_id=parent_id, is_current=True, finalized_at=at, submitted_at=at)
        s.add(r)
        s.flush()
        for qid, value in answers.items():
            s.add(Answer(review_id=r.id, question_id=qid, value=value))
        return r.id


def refuse_key(ctx, name: str, fingerprint: str, at: datetime) -> None:
    """A receipt as the importer writes it for a file signed with a key other than the pinned one."""
    with ctx.session() as s:
        s.add(ImportReceipt(file_name=f"{name}.kdd", sha256="0" * 64, member=name, form="hd43-2025-2b",
                            revision=2, outcome="rejected", reason="Khóa của đồng chí … khác",
                            reason_en="The key of … differs", reason_code="import.key_changed",
                            fingerprint=fingerprint, created_at=at))
