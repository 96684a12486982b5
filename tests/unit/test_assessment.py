"""The committee's assessment: comments and the cell's proposed rating, checked against the
member's score and conditions; the HTXSNV quota recomputed from the cell's proposals."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal

import pytest
from answers_2b import complete_2b
from roster_helpers import hand_in, setup_cell

from selfreview.db.models import AuditEntry
from selfreview.rating import Rating
from selfreview.services.cells import MemberData
from selfreview.services.errors import NotFound, ServiceError

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def world(ctx):
    _, rnd, m = setup_cell(ctx)
    hand_in(ctx, rnd, m["Trần Thị Bình"], datetime(2025, 12, 1, 1, 0))  # 86/100, proposes HTTNV
    return rnd, m


def test_set_and_get(ctx, world):
    rnd, m = world
    binh = m["Trần Thị Bình"].id
    assert ctx.assessments.get(rnd.id, binh).comments == "" and ctx.assessments.get(rnd.id, binh).proposed_rating is None
    text = unicodedata.normalize("NFD", "Hoàn thành tốt nhiệm vụ; cần chủ động hơn.\r\n")
    res = ctx.assessments.set_assessment(rnd.id, binh, text, Rating.HTTNV)
    assert res.assessment.comments == "Hoàn thành tốt nhiệm vụ; cần chủ động hơn."
    assert unicodedata.is_normalized("NFC", res.assessment.comments)
    assert res.assessment.proposed_rating == "httnv" and res.check.problems == ()
    assert res.check.has_review and res.check.total == Decimal(86)
    assert res.check.suggestion.rating is Rating.HTTNV
    # leaving the rating out keeps it; None clears it
    assert ctx.assessments.set_assessment(rnd.id, binh, "Đã sửa").assessment.proposed_rating == "httnv"
    assert ctx.assessments.set_assessment(rnd.id, binh, proposed_rating=None).assessment.proposed_rating is None
    assert ctx.assessments.get(rnd.id, binh).comments == "Đã sửa"
    assert [a.member_id for a in ctx.assessments.list(rnd.id)] == [binh]
    with ctx.read() as s:
        changes = [(e.details["before"], e.details["after"]) for e in s.query(AuditEntry)
                   .filter_by(action="assessment.rating").order_by(AuditEntry.id)]
    assert changes == [(None, "httnv"), ("httnv", None)]


def test_the_rule_check_speaks_of_the_cells_proposal(ctx, world):
    rnd, m = world
    binh = m["Trần Thị Bình"].id
    check = ctx.assessments.set_assessment(rnd.id, binh, "", "htxsnv").check
    [p] = check.problems
    assert p.code == "above_score_band" and p.severity == "warning"
    assert p.vi.startswith("Mức chi bộ đề xuất \"Hoàn thành xuất sắc nhiệm vụ\" cao hơn mức tổng điểm 86/100")
    assert p.en.startswith("The cell's proposed rating")
    [p] = ctx.assessments.check(rnd.id, binh, "htnv").problems  # trying one without saving
    assert p.code == "below_suggestion"
    assert ctx.assessments.get(rnd.id, binh).proposed_rating == "htxsnv"


def test_conditions_of_the_members_review_count(ctx):
    _, rnd, m = setup_cell(ctx)
    answers = complete_2b() | {"b1_general": 29, "b1_tasks": 66, "b2_conditions": ["all_tasks_on_time_quality"]}
    hand_in(ctx, rnd, m["Lê Văn Cường"], datetime(2025, 12, 1, 1, 0), answers)
    check = ctx.assessments.check(rnd.id, m["Lê Văn Cường"].id, "htxsnv")
    assert check.total == Decimal(95) and check.suggestion.rating is Rating.HTTNV
    assert [p.code for p in check.problems] == ["above_conditions"]
    assert "30%" in check.problems[0].vi


def test_no_review_no_check(ctx, world):
    rnd, m = world
    check = ctx.assessments.set_assessment(rnd.id, m["Phạm Thị Dung"].id, "Chưa nộp bản kiểm điểm", "htnv").check
    assert not check.has_review and check.problems == () and check.suggestion is None
    assert check.note.code == "assessment.no_review"


def test_quota_whole_cell_and_by_category_with_a_live_preview(ctx):
    _, rnd, m = setup_cell(ctx)
    more = [ctx.cells.add_member(rnd.cell_id, MemberData(f"Đảng viên {i}", "non_leader")) for i in range(8)]
    for x in more[:8]:
        ctx.assessments.set_assessment(rnd.id, x.id, proposed_rating="httnv")
    ctx.assessments.set_assessment(rnd.id, m["Trần Thị Bình"].id, proposed_rating="httnv")
    ctx.assessments.set_assessment(rnd.id, m["Lê Văn Cường"].id, proposed_rating="httnv")  # 10 HTTNV
    res = ctx.assessments.set_assessment(rnd.id, m["Nguyễn Văn An"].id, proposed_rating="htxsnv")
    q = res.quota
    assert (q.check.excellent, q.check.good, q.max_excellent, q.ok) == (1, 10, 2, True)
    assert q.counts == {"htxsnv": 1, "httnv": 10, "htnv": 0, "khtnv": 0} and q.unrated == 2
    assert q.summary_vi == "HTXSNV 1 / HTTNV 10: tối đa 2 (20%) — trong hạn mức"
    assert q.by_category["leader"].excellent == 1 and q.by_category["leader"].good == 0
    assert not q.by_category["leader"].ok  # among leaders alone there is no HTTNV to count against
    preview = ctx.assessments.quota(rnd.id, {m["Đỗ Minh Châu"].id: "htxsnv", m["Phạm Thị Dung"].id: "htxsnv"})
    assert (preview.check.excellent, preview.ok, preview.over_by) == (3, False, 1)
    assert preview.summary_en == "HTXSNV 3 / HTTNV 10: at most 2 (20%) — over by 1"
    assert ctx.assessments.quota(rnd.id).check.excellent == 1  # the preview saved nothing
    seen = ctx.assessments.preview(rnd.id, m["Đỗ Minh Châu"].id, "htxsnv")
    assert seen.quota.check.excellent == 2 and seen.assessment.proposed_rating == "htxsnv"
    assert ctx.assessments.get(rnd.id, m["Đỗ Minh Châu"].id).proposed_rating is None
    assert ctx.assessments.set_quota_percent(rnd.id, 25).check.max_excellent == 2
    assert ctx.assessments.quota(rnd.id).percent == 25
    with pytest.raises(ServiceError) as e:
        ctx.assessments.set_quota_percent(rnd.id, 30)
    assert e.value.message.code == "round.bad_quota"


def test_bad_input(ctx, world):
    rnd, m = world
    with pytest.raises(ServiceError) as e:
        ctx.assessments.set_assessment(rnd.id, m["Trần Thị Bình"].id, "", "xuất sắc")
    assert e.value.message.code == "assessment.bad_rating"
    other = ctx.cells.create_cell("Chi bộ khác")
    stranger = ctx.cells.add_member(other.id, MemberData("Người ngoài", "non_leader"))
    with pytest.raises(NotFound):
        ctx.assessments.set_assessment(rnd.id, stranger.id, "x", "httnv")
    with pytest.raises(NotFound):
        ctx.assessments.quota(9999)


def test_competent_rating_is_recorded_after_the_fact(ctx, world):
    rnd, m = world
    got = ctx.assessments.set_competent_rating(rnd.id, m["Trần Thị Bình"].id, "httnv")
    assert got.competent_rating == "httnv" and got.proposed_rating is None
