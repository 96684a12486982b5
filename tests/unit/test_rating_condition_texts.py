"""One rating condition, one wording: where a bundled form offers a condition of QĐ 366 Article 11 as
a tick-box (its ``rating_conditions`` question; the option's value is the engine's condition code),
the rating engine's text for that condition (what the explanations in the score panel quote) is the
option's label, in English and in Vietnamese, for the form's category.

The only differences allowed are the ones listed here, each for a reason: a cut of the form's text
(marked " … " in both languages at the same place), and the task conditions the forms ask in the
negative."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest

from selfreview.forms import canonical_json, registry
from selfreview.rating import (
    CONDITION_TEXT,
    DISQUALIFIERS_BY_CATEGORY,
    EXCELLENCE_BY_CATEGORY,
    Category,
    RatingInput,
    condition_text,
    suggest,
)
from selfreview.rating import messages as M

LANGS = ("vi", "en")

# The engine's text is a cut of the form's (Mẫu 2A lists the 5 socio-economic targets in brackets).
CUTS = {("hd43-2025-2a", "unit_below_70pct")}

# Options that ask a task condition of khoản 2, 3 in the negative, in the app's words: the engine
# states the condition (code) positively, as Article 11 does. Per language: (engine's words, form's).
NEGATED = {
    "not_all_tasks_done": ("all_tasks_done", {"vi": ("Hoàn thành", "Chưa hoàn thành"),
                                              "en": ("Completed", "Did not complete")}),
    "tasks_late_over_20pct": ("late_within_20pct", {"vi": ("không vượt quá", "vượt quá"),
                                                    "en": ("No more than", "More than")}),
}
# Mẫu 2A's negated options also name the unit one leads (khoản 2, 3, điểm 2.2, 3.2): the engine's
# negated condition is a part of them, not the whole.
NEGATED_WITH_UNIT = {"hd43-2025-2a"}

BUNDLED = sorted(registry.bundled().values(), key=lambda i: i.template.id)
WITH_CONDITIONS = [i for i in BUNDLED if i.template.roles.get("rating_conditions")]


def options(template) -> list[dict[str, Any]]:
    """The options of the template's rating-conditions question, from its canonical JSON (what the
    form shows)."""
    qid = template.roles["rating_conditions"]

    def find(node: Any) -> Iterator[dict]:
        if isinstance(node, dict):
            if node.get("id") == qid and isinstance(node.get("options"), list):
                yield node
            for value in node.values():
                yield from find(value)
        elif isinstance(node, list):
            for value in node:
                yield from find(value)

    (question,) = find(json.loads(canonical_json(template)))
    return question["options"]


def category(template) -> Category:
    return Category(template.category.value)


def is_cut(cut: str, whole: str) -> bool:
    """``cut`` is ``whole`` with parts left out, each gap marked " … ": same start, same end, the
    pieces in order."""
    pieces = cut.split(" … ")
    if len(pieces) < 2:
        return False
    first, *middle, last = pieces
    if len(first) + len(last) > len(whole) or not whole.startswith(first) or not whole.endswith(last):
        return False
    left_out, at = whole[len(first):len(whole) - len(last)], 0
    for piece in middle:
        at = left_out.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def mismatches(info) -> list[tuple]:
    """(form, option, language, engine's text, form's text) for every condition option whose text is
    not the engine's (or, for CUTS, not cut from it)."""
    template, cat, out = info.template, category(info.template), []
    for option in options(template):
        code = option["value"]
        if code not in CONDITION_TEXT:
            continue
        for lang in LANGS:
            engine, form = condition_text(code, cat, lang), option["label"][lang]
            ok = is_cut(engine, form) if (template.id, code) in CUTS else engine == form
            if not ok:
                out.append((template.id, code, lang, engine, form))
    return out


def test_the_forms_with_rating_conditions_are_the_four_official_ones():
    assert [i.template.id for i in WITH_CONDITIONS] == ["hd43-2025-01", "hd43-2025-2a", "hd43-2025-2b",
                                                        "hd43-2025-2c"]


@pytest.mark.parametrize("info", WITH_CONDITIONS, ids=lambda i: i.template.id)
def test_each_form_offers_exactly_the_conditions_the_engine_rates_its_category_on(info):
    # so the comparison below covers every condition the explanations can quote for this form
    cat = category(info.template)
    values = [o["value"] for o in options(info.template)]
    assert len(values) == len(set(values))
    assert set(values) == DISQUALIFIERS_BY_CATEGORY[cat] | EXCELLENCE_BY_CATEGORY[cat] | set(NEGATED)


@pytest.mark.parametrize("info", WITH_CONDITIONS, ids=lambda i: i.template.id)
def test_each_condition_option_has_the_engines_wording_in_both_languages(info):
    assert mismatches(info) == []


def test_the_comparison_covers_every_condition_option():
    compared = [(i.template.id, o["value"]) for i in WITH_CONDITIONS for o in options(i.template)
                if o["value"] in CONDITION_TEXT]
    assert len(compared) == 31  # 8 (01) + 9 (2A) + 7 (2B) + 7 (2C)
    assert len(compared) == sum(len(DISQUALIFIERS_BY_CATEGORY[category(i.template)]
                                    | EXCELLENCE_BY_CATEGORY[category(i.template)])
                                for i in WITH_CONDITIONS)
    assert CUTS <= set(compared)


@pytest.mark.parametrize("info", WITH_CONDITIONS, ids=lambda i: i.template.id)
def test_the_negated_task_options_are_the_engines_conditions_in_the_negative(info):
    cat = category(info.template)
    by_value = {o["value"]: o for o in options(info.template)}
    for value, (code, words) in NEGATED.items():
        for lang in LANGS:
            positive, form = condition_text(code, cat, lang), by_value[value]["label"][lang]
            old, new = words[lang]
            assert old in positive, (code, lang, positive)
            negated = positive.replace(old, new, 1)
            if info.template.id in NEGATED_WITH_UNIT:
                assert negated.lower() in form.lower(), (info.template.id, value, lang, negated, form)
            else:
                assert negated == form, (info.template.id, value, lang, negated, form)


def test_the_explanations_quote_the_forms_wording():
    # what the score panel shows for a 2B at 95 with no condition ticked, in English
    s = suggest(RatingInput(95, Category.NON_LEADER))
    assert ("Condition for \"Excellent completion of tasks\" not met (Article 11, item 1): Remedied 100% of "
            "the limitations and shortcomings pointed out at the previous review (if any)") in s.explain("en")
    s = suggest(RatingInput(95, Category.NON_LEADER, disqualifiers={"degraded"}))
    assert s.reasons[1].en == ("A listed case of \"Failure to complete tasks\" (Article 11, item 4): Concluded "
                               "by the competent level to show signs of degradation in political ideology, "
                               "ethics or lifestyle")
    assert s.reasons[1].vi.endswith(": Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính "
                                    "trị, đạo đức, lối sống")


def test_an_old_wording_is_caught(monkeypatch):
    # the check above is not vacuous: the engine's former English for 1.4 no longer passes
    (two_b,) = [i for i in WITH_CONDITIONS if i.template.id == "hd43-2025-2b"]
    vi, _ = CONDITION_TEXT["prior_shortcomings_fixed"]
    monkeypatch.setitem(M.CONDITION_TEXT, "prior_shortcomings_fixed", (
        vi, "Fixed 100% of the limitations and shortcomings pointed out at the previous review (if any)"))
    assert [(m[1], m[2]) for m in mismatches(two_b)] == [("prior_shortcomings_fixed", "en")]
    monkeypatch.undo()
    # and a cut that drifts (the former "sections" for "bộ phận") is caught too
    (two_a,) = [i for i in WITH_CONDITIONS if i.template.id == "hd43-2025-2a"]
    vi, en = CONDITION_TEXT["unit_below_70pct"]
    monkeypatch.setitem(M.CONDITION_TEXT, "unit_below_70pct", (vi, en.replace("division", "section")))
    assert [(m[1], m[2]) for m in mismatches(two_a)] == [("unit_below_70pct", "en")]


def test_is_cut():
    assert is_cut("a b … e f", "a b c d e f")
    assert not is_cut("a b … e f", "a b c d e f g")
    assert not is_cut("a b … x", "a b c d e f")
    assert is_cut("a … c … f", "a b c d e f")
    assert not is_cut("a … x … f", "a b c d e f")
    assert not is_cut("a b c … c d", "a b c d")  # the pieces overlap
    assert not is_cut("a b c d e f", "a b c d e f")  # no gap: equal texts are compared as such
