"""The collective's own review (Mẫu 01) of a round, and the rating rules for a collective
(QĐ 366 Article 11: 1.1 and 1.4 for excellence, 2.1 / 3.1 task conditions, the cases of 4.1)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from roster_helpers import setup_cell

from selfreview.forms import registry
from selfreview.forms.model import MultiChoice
from selfreview.forms.scoring import rating_input
from selfreview.rating import (
    DISQUALIFIERS_BY_CATEGORY, EXCELLENCE_BY_CATEGORY, Category, Rating, RatingInput, check_proposed,
    condition_text, suggest,
)

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")

H, T, N, K = Rating.HTXSNV, Rating.HTTNV, Rating.HTNV, Rating.KHTNV
ALL_MET = EXCELLENCE_BY_CATEGORY[Category.COLLECTIVE]


def test_collective_category():
    assert Category("collective") is Category.COLLECTIVE
    assert Category.COLLECTIVE.form == "01" and Category.COLLECTIVE.label_vi == "Tập thể"
    assert ALL_MET == {"all_tasks_on_time_quality", "over_30pct_exceeded", "no_discipline_in_collective",
                       "prior_shortcomings_fixed"}
    assert DISQUALIFIERS_BY_CATEGORY[Category.COLLECTIVE] == {
        "cadre_work_violations", "member_disciplined_duty", "member_degraded", "unit_below_70pct"}
    # the individual categories are unchanged by the collective's conditions
    assert "no_discipline_in_collective" not in EXCELLENCE_BY_CATEGORY[Category.LEADER]
    assert "member_degraded" not in DISQUALIFIERS_BY_CATEGORY[Category.LEADER]


@pytest.mark.parametrize("total,kw,expected", [
    (95, {"excellence_met": ALL_MET}, H),
    (95, {"excellence_met": ALL_MET - {"no_discipline_in_collective"}}, T),  # 1.1, second sentence
    (95, {"excellence_met": ALL_MET - {"prior_shortcomings_fixed"}}, T),  # 1.4
    (80, {"excellence_met": ALL_MET, "any_task_late": True}, N),
    (80, {"excellence_met": ALL_MET, "disqualifiers": {"cadre_work_violations"}}, K),
    (95, {"excellence_met": ALL_MET, "disqualifiers": {"member_degraded"}}, K),
    (60, {"disqualifiers": {"unit_below_70pct"}}, K),
    (45, {}, K),
])
def test_suggestions_for_a_collective(total, kw, expected):
    assert suggest(RatingInput(total, Category.COLLECTIVE, **kw)).rating is expected


def test_the_collective_wording_is_its_own():
    s = suggest(RatingInput(95, "collective", excellence_met=ALL_MET - {"no_discipline_in_collective"}))
    assert "Không có đơn vị trực thuộc (đối với tổ chức, cơ quan, đơn vị) hoặc thành viên" in s.reasons[1].vi
    s = suggest(RatingInput(80, "collective", disqualifiers={"unit_below_70pct"}))
    assert "Địa phương, tổ chức, cơ quan, đơn vị do mình trực tiếp lãnh đạo" in s.reasons[1].vi
    assert [n.code for n in s.notes][0] == "mitigation"
    assert "lý do bất khả kháng" in s.notes[0].vi
    assert condition_text("tasks_on_time", "collective") == \
        "Hoàn thành 100% các nhiệm vụ được giao, đúng hạn, bảo đảm chất lượng, hiệu quả"
    # a case listed only for individuals is a note for a collective, not a reason
    s = suggest(RatingInput(80, "collective", excellence_met=ALL_MET, disqualifiers={"violated_prohibitions"}))
    assert s.rating is T and "not_applicable:violated_prohibitions" in [n.code for n in s.notes]


def test_the_01_form_offers_the_collectives_conditions():
    t = registry.find("hd43-2025-01").template
    item = t.role_item("rating_conditions")
    assert isinstance(item, MultiChoice) and not item.required
    codes = {o.value for o in item.options}
    assert codes == ALL_MET | DISQUALIFIERS_BY_CATEGORY[Category.COLLECTIVE] | {"not_all_tasks_done",
                                                                                 "tasks_late_over_20pct"}
    answers = {"b1_general": 28, "b1_tasks": 65, "b2_proposed": "htxsnv",
               "b2_conditions": ["all_tasks_on_time_quality", "over_30pct_exceeded", "no_discipline_in_collective",
                                 "prior_shortcomings_fixed"]}
    inp = rating_input(t, answers)
    assert inp.category is Category.COLLECTIVE and inp.total == Decimal(93)
    assert suggest(inp).rating is H
    assert check_proposed(inp, "htxsnv") == ()
    answers["b2_conditions"] = ["all_tasks_on_time_quality", "over_30pct_exceeded", "prior_shortcomings_fixed"]
    [p] = check_proposed(rating_input(t, answers), "htxsnv")
    assert p.code == "above_conditions"


def test_the_collective_review_of_a_round(ctx):
    cell, rnd, _ = setup_cell(ctx)
    assert ctx.collective.review_id(rnd.id) is None and ctx.collective.summary(rnd.id) is None
    d = ctx.collective.open(rnd.id)
    assert d.template.id == "hd43-2025-01" and d.summary.owner == "Chi bộ Văn phòng"
    assert d.summary.profile_id is None and d.summary.member_id is None and d.summary.round_id == rnd.id
    assert ctx.collective.open(rnd.id).summary.id == d.summary.id
    rid = d.summary.id
    ctx.reviews.save_answer(rid, "b1_general", 27.5)
    ctx.reviews.save_answer(rid, "b1_tasks", 60)
    ctx.reviews.save_answer(rid, "b2_proposed", "httnv")
    ctx.reviews.save_answer(rid, "b2_conditions", ["all_tasks_on_time_quality"])
    sc = ctx.reviews.scores(rid)
    assert (sc.general, sc.tasks, sc.total, sc.proposed) == (Decimal("27.5"), Decimal(60), Decimal("87.5"), "httnv")
    summary = ctx.collective.summary(rnd.id)
    assert summary.total == Decimal("87.5") and summary.proposed == "httnv" and summary.problems == ()
    assert summary.suggestion.rating is T
    # the collective does not appear in the roll-call of members
    assert all(r.review_id != rid for r in ctx.rollcall.roll_call(rnd.id).rows)


def test_next_years_collective_review_carries_the_shortcomings(ctx):
    cell, rnd, _ = setup_cell(ctx)
    rid = ctx.collective.open(rnd.id).summary.id
    ctx.reviews.save_answer(rid, "a2_shortcomings", "- Sinh hoạt chi bộ chưa đều.\n- Chưa sơ kết chuyên đề.")
    nxt = ctx.cells.create_round(cell.id, "2026")
    d = ctx.collective.open(nxt.id)
    assert [x["shortcoming"] for x in d.answers["a3_previous"]] == ["Sinh hoạt chi bộ chưa đều.",
                                                                    "Chưa sơ kết chuyên đề."]
    # a new revision stays the collective's
    other = ctx.cells.create_round(cell.id, "2027")
    rid3 = ctx.collective.open(other.id).summary.id
    with ctx.session() as s:
        from selfreview.db.models import Review
        s.get(Review, rid3).status, s.get(Review, rid3).finalized_at = "finalized", datetime(2027, 12, 1)
    new = ctx.reviews.new_revision(rid3)
    assert new.summary.owner == "Chi bộ Văn phòng" and ctx.collective.review_id(other.id) == new.summary.id
