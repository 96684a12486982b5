"""Rating rules after QĐ 366-QĐ/TW, Điều 11 (selfreview.rating)."""

from __future__ import annotations

import dataclasses
import unicodedata
from decimal import Decimal
from enum import Enum

import pytest

from selfreview.rating import (
    CONDITION_TEXT,
    DISQUALIFIERS_ALL,
    DISQUALIFIERS_BY_CATEGORY,
    EXCELLENCE_ALL,
    EXCELLENCE_BY_CATEGORY,
    EXCELLENCE_CONDITIONS,
    RATING_ORDER,
    Category,
    Rating,
    RatingInput,
    band_for,
    check_proposed,
    quota_check,
    suggest,
)
from selfreview.rating import messages as M

CATS = list(Category)
H, T, N, K = Rating.HTXSNV, Rating.HTTNV, Rating.HTNV, Rating.KHTNV
LEADER_ONLY = DISQUALIFIERS_BY_CATEGORY[Category.LEADER] - DISQUALIFIERS_BY_CATEGORY[Category.NON_LEADER]
NON_LEADER_ONLY = DISQUALIFIERS_BY_CATEGORY[Category.NON_LEADER] - DISQUALIFIERS_BY_CATEGORY[Category.LEADER]


def full(total, cat, **kw) -> RatingInput:
    """An input meeting every excellence condition of its category."""
    kw.setdefault("excellence_met", EXCELLENCE_BY_CATEGORY[Category(cat)])
    return RatingInput(total, cat, **kw)


def nfc(s: str) -> bool:
    return unicodedata.is_normalized("NFC", s)


# --- bands ----------------------------------------------------------------------------------------

BOUNDARIES = [(0, K), (49.9, K), (50, N), (69.9, N), (70, T), (89.9, T), (90, H), (100, H)]


@pytest.mark.parametrize("total,expected", BOUNDARIES)
def test_band_for_boundaries(total, expected):
    assert band_for(total) is expected
    assert band_for(Decimal(str(total))) is expected


@pytest.mark.parametrize("cat", CATS)
@pytest.mark.parametrize("total,expected", BOUNDARIES)
def test_suggest_boundaries_each_category(total, expected, cat):
    s = suggest(full(total, cat))
    assert (s.band, s.rating) == (expected, expected)
    assert s.reasons[0].code == "band"


@pytest.mark.parametrize("total", [89.99999, Decimal("89.999"), 69.99, 49.999])
def test_never_rounded_up(total):
    assert band_for(total) is {89: T, 69: N, 49: K}[int(total)]


@pytest.mark.parametrize("total", [-1, 100.5, -0.1, 100.01, float("nan"), float("inf"), Decimal("NaN")])
def test_out_of_range_raises(total):
    with pytest.raises(ValueError):
        band_for(total)
    with pytest.raises(ValueError):
        suggest(RatingInput(total, Category.NON_LEADER))


@pytest.mark.parametrize("bad", [True, "86", None, [86]])
def test_band_for_rejects_non_numbers(bad):
    with pytest.raises(TypeError):
        band_for(bad)


def test_not_scored():
    s = suggest(RatingInput(None, Category.LEADER))
    assert (s.rating, s.band, s.reasons) == (None, None, ())
    assert s.summary() == "Chưa có tổng điểm" and s.summary("en") == "Not scored yet"


# --- disqualifiers --------------------------------------------------------------------------------

@pytest.mark.parametrize("cat,code", [(c, d) for c in CATS for d in sorted(DISQUALIFIERS_BY_CATEGORY[c])])
def test_disqualifier_at_95_gives_khtnv_naming_it(cat, code):
    s = suggest(full(95, cat, disqualifiers={code}))
    assert s.band is H and s.rating is K
    hit = [r for r in s.reasons if r.code == code]
    assert len(hit) == 1
    vi, en = M.CONDITION_TEXT_FOR.get((cat.value, code), CONDITION_TEXT[code])
    assert vi in hit[0].vi and en in hit[0].en and "khoản 4" in hit[0].vi
    assert "mitigation" in [n.code for n in s.notes]
    assert s.summary() == "95/100 → Không hoàn thành nhiệm vụ (theo điểm: Hoàn thành xuất sắc nhiệm vụ)"


@pytest.mark.parametrize("cat,code", [(c, d) for c in (Category.NON_LEADER, Category.OUTSIDE)
                                      for d in sorted(LEADER_ONLY)]
                         + [(Category.LEADER, d) for d in sorted(NON_LEADER_ONLY)])
def test_disqualifier_of_other_category_does_not_apply(cat, code):
    s = suggest(full(95, cat, disqualifiers={code}))
    assert s.rating is H
    assert code not in [r.code for r in s.reasons]
    assert f"not_applicable:{code}" in [n.code for n in s.notes]


def test_category_sets_follow_article_11():
    assert LEADER_ONLY == {"unit_below_70pct", "low_confidence_votes", "corruption_in_scope"}
    assert NON_LEADER_ONLY == {"violated_prohibitions", "tasks_failed_over_half"}
    assert DISQUALIFIERS_BY_CATEGORY[Category.OUTSIDE] == DISQUALIFIERS_BY_CATEGORY[Category.NON_LEADER]
    assert set().union(*DISQUALIFIERS_BY_CATEGORY.values()) == DISQUALIFIERS_ALL


def test_disqualifier_below_50_still_named():
    s = suggest(RatingInput(40, Category.NON_LEADER, disqualifiers={"degraded"}))
    assert s.rating is K and [r.code for r in s.reasons] == ["band", "degraded"]
    assert s.summary() == "40/100 → Không hoàn thành nhiệm vụ"


# --- excellence and task conditions ---------------------------------------------------------------

@pytest.mark.parametrize("cat,code", [(c, e) for c in CATS for e in sorted(EXCELLENCE_BY_CATEGORY[c])])
def test_missing_excellence_condition_at_95_gives_httnv(cat, code):
    met = EXCELLENCE_BY_CATEGORY[cat] - {code}
    s = suggest(RatingInput(95, cat, excellence_met=met))
    assert (s.band, s.rating) == (H, T)
    assert [r.code for r in s.reasons] == ["band", code]
    assert "khoản 1" in s.reasons[1].vi


def test_leader_unit_condition_not_needed_by_non_leader():
    assert suggest(RatingInput(95, Category.NON_LEADER, excellence_met=EXCELLENCE_CONDITIONS)).rating is H
    assert suggest(RatingInput(95, Category.LEADER, excellence_met=EXCELLENCE_CONDITIONS)).rating is T


@pytest.mark.parametrize("total,kw,expected,codes", [
    (95, {"all_tasks_done": False}, K, ["all_tasks_done"]),
    (86, {"all_tasks_done": False}, K, ["all_tasks_done"]),
    (60, {"all_tasks_done": False}, K, ["all_tasks_done"]),
    (40, {"all_tasks_done": False}, K, []),
    (86, {"tasks_late_over_20pct": True}, K, ["late_within_20pct"]),
    (60, {"tasks_late_over_20pct": True}, K, ["late_within_20pct"]),
    (95, {"any_task_late": True}, N, ["tasks_on_time"]),
    (86, {"any_task_late": True}, N, ["tasks_on_time"]),
    (60, {"any_task_late": True}, N, []),
])
def test_task_conditions(total, kw, expected, codes):
    s = suggest(full(total, Category.NON_LEADER, **kw))
    assert s.rating is expected
    assert [r.code for r in s.reasons][1:] == codes
    assert ("residual" in [n.code for n in s.notes]) == (expected is K and bool(codes))


def test_leader_note_on_unit_conditions():
    assert "leader_unit_not_checked" in [n.code for n in suggest(full(86, Category.LEADER)).notes]
    assert "leader_unit_not_checked" not in [n.code for n in suggest(full(86, "non_leader")).notes]


# --- inputs -------------------------------------------------------------------------------------

class OtherCategory(str, Enum):  # like selfreview.forms.model.Category
    LEADER = "leader"


@pytest.mark.parametrize("cat", ["leader", Category.LEADER, OtherCategory.LEADER])
def test_category_coerced(cat):
    assert RatingInput(80, cat).category is Category.LEADER


@pytest.mark.parametrize("kw,exc", [
    ({"disqualifiers": {"degradedd"}}, ValueError),
    ({"excellence_met": {"nope"}}, ValueError),
    ({"disqualifiers": "degraded"}, TypeError),
    ({"category": "cell"}, ValueError),  # "collective" became a category (Mẫu 01)
])
def test_bad_input_raises(kw, exc):
    args = {"total": 80, "category": Category.LEADER} | kw
    with pytest.raises(exc):
        RatingInput(**args)


def test_sets_are_frozen_and_dataclasses_frozen():
    inp = RatingInput(80, Category.LEADER, disqualifiers=["degraded"])
    assert inp.disqualifiers == frozenset({"degraded"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        inp.total = 1


# --- summaries ----------------------------------------------------------------------------------

@pytest.mark.parametrize("total,vi,en", [
    (86, "86/100 → Hoàn thành tốt nhiệm vụ", "86/100 → Good completion of tasks"),
    (86.0, "86/100 → Hoàn thành tốt nhiệm vụ", "86/100 → Good completion of tasks"),
    (86.5, "86,5/100 → Hoàn thành tốt nhiệm vụ", "86.5/100 → Good completion of tasks"),
    (Decimal("86.50"), "86,5/100 → Hoàn thành tốt nhiệm vụ", "86.5/100 → Good completion of tasks"),
    (100, "100/100 → Hoàn thành xuất sắc nhiệm vụ", "100/100 → Excellent completion of tasks"),
    (0, "0/100 → Không hoàn thành nhiệm vụ", "0/100 → Failure to complete tasks"),
    (55.25, "55,25/100 → Hoàn thành nhiệm vụ", "55.25/100 → Completion of tasks"),
])
def test_summary(total, vi, en):
    s = suggest(full(total, Category.NON_LEADER))
    assert s.summary() == vi and s.summary("vi") == vi and s.summary("en") == en
    assert s.reasons[0].vi == vi and s.reasons[0].en == en


def test_official_labels():
    assert [r.label_vi for r in RATING_ORDER] == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]
    assert [r.short for r in RATING_ORDER] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert [r.rank for r in RATING_ORDER] == [0, 1, 2, 3]
    assert H.is_better_than(T) and not K.is_better_than(N)
    assert [c.form for c in CATS] == ["2A", "2B", "2C", "01"]


# --- proposed rating ------------------------------------------------------------------------------

@pytest.mark.parametrize("inp,proposed,codes", [
    (full(86, "non_leader"), H, ["above_score_band"]),
    (full(86, "non_leader"), "htxsnv", ["above_score_band"]),
    (full(86, "non_leader"), T, []),
    (full(95, "leader"), H, []),
    (RatingInput(95, "non_leader"), H, ["above_conditions"]),
    (full(95, "non_leader", disqualifiers={"degraded"}), N, ["above_conditions"]),
    (full(86, "non_leader"), N, ["below_suggestion"]),
    (full(86, "non_leader"), None, ["proposed_missing"]),
    (RatingInput(None, "non_leader"), T, ["not_scored"]),
    (RatingInput(None, "non_leader"), None, ["proposed_missing"]),
    (full(40, "outside_system"), K, []),
])
def test_check_proposed(inp, proposed, codes):
    problems = check_proposed(inp, proposed)
    assert [p.code for p in problems] == codes
    assert all(p.severity == "warning" for p in problems)


def test_check_proposed_text_names_levels():
    (p,) = check_proposed(full(86, "non_leader"), H)
    assert "Hoàn thành xuất sắc nhiệm vụ" in p.vi and "86/100" in p.vi and "86/100" in p.en
    (p,) = check_proposed(full(95, "non_leader", disqualifiers={"degraded"}), H)
    assert M.CONDITION_TEXT_FOR[("non_leader", "degraded")][0] in p.vi  # 4.3's wording, not 4.2's


def test_check_proposed_rejects_unknown_level():
    with pytest.raises(ValueError):
        check_proposed(full(86, "non_leader"), "excellent")


# --- quota ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("excellent,good,percent,max_ex,ok,over", [
    (2, 10, 20, 2, True, 0),
    (3, 10, 20, 2, False, 1),
    (1, 5, 20, 1, True, 0),
    (1, 4, 20, 0, False, 1),
    (1, 0, 20, 0, False, 1),
    (0, 0, 20, 0, True, 0),
    (2, 8, 25, 2, True, 0),
    (3, 8, 25, 2, False, 1),
    (2, 8, 20, 1, False, 1),
    (30, 149, 20, 29, False, 1),
    (30, 150, 20, 30, True, 0),
])
def test_quota(excellent, good, percent, max_ex, ok, over):
    q = quota_check(excellent, good, percent)
    assert (q.max_excellent, q.ok, q.over_by) == (max_ex, ok, over)


@pytest.mark.parametrize("args,exc", [
    ((1, 10, 30), ValueError), ((1, 10, 0), ValueError), ((1, 10, 20.0), ValueError),
    ((-1, 10), ValueError), ((1, -10), ValueError), ((1.0, 10), TypeError), ((True, 10), TypeError),
])
def test_quota_bad_args(args, exc):
    with pytest.raises(exc):
        quota_check(*args)


def test_quota_summary():
    assert quota_check(3, 10).summary() == "HTXSNV 3 / HTTNV 10: tối đa 2 (20%) — vượt 1"
    assert quota_check(3, 10).summary("en") == "HTXSNV 3 / HTTNV 10: at most 2 (20%) — over by 1"
    assert quota_check(2, 8, 25).summary() == "HTXSNV 2 / HTTNV 8: tối đa 2 (25%) — trong hạn mức"


# --- catalogue --------------------------------------------------------------------------------------

def _all_outputs():
    for cat in CATS:
        for total in (None, 40, 60, 86, 95):
            for dq in [set(), *({d} for d in DISQUALIFIERS_ALL)]:
                for kw in ({}, {"all_tasks_done": False}, {"any_task_late": True},
                           {"tasks_late_over_20pct": True}, {"excellence_met": EXCELLENCE_ALL}):
                    inp = RatingInput(total, cat, disqualifiers=dq, **kw)
                    s = suggest(inp)
                    yield from (t for r in s.reasons + s.notes for t in (r.vi, r.en))
                    yield from (s.summary(), s.summary("en"))
                    for proposed in (None, *Rating):
                        yield from (t for p in check_proposed(inp, proposed) for t in (p.vi, p.en))


def test_every_code_has_text():
    assert DISQUALIFIERS_ALL | EXCELLENCE_ALL | {"tasks_on_time", "all_tasks_done", "late_within_20pct"} \
        == set(CONDITION_TEXT)


def test_all_strings_nfc():
    catalogue = [s for pair in CONDITION_TEXT.values() for s in pair]
    catalogue += [s for pair in M.CONDITION_TEXT_FOR.values() for s in pair]
    catalogue += [s for pair in M.MITIGATION_TEXT.values() for s in pair]
    catalogue += [*M.RATING_LABEL_VI.values(), *M.CATEGORY_LABEL_VI.values()]
    assert all(nfc(s) for s in catalogue)
    outputs = list(_all_outputs())
    assert len(outputs) > 1000
    assert [s for s in outputs if not nfc(s)] == []
