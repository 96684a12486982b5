"""On the form, one rating level has one name: the score panel's suggestion and "Your proposal"
(built by the rating engine) use the words of the "proposed rating" question's own options (from
the form), in Vietnamese and in English."""

from __future__ import annotations

import pytest
from helpers import complete_review

from selfreview.rating import RATING_ORDER


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_score_panel_names_levels_as_the_proposed_rating_question_does(qtbot, make_window, ctx, lang):
    _, review_id = complete_review(ctx)  # 25.5 + 60.5 = 86, proposed "httnv"
    window = make_window()
    window.open_review(review_id)
    if lang == "en":
        window.actions_by_name["lang_en"].trigger()
    editor = window.editor
    editor.show_section("b_ii")
    question = editor.widget_for("b2_proposed")
    on_form = {value: choice.label.text() for value, choice in question.choices.items()}
    assert list(on_form) == [r.value for r in RATING_ORDER]
    if lang == "en":
        assert on_form["httnv"] == "Good completion of tasks"
    else:
        assert on_form["httnv"] == "Hoàn thành tốt nhiệm vụ"

    panel = editor.score_panel
    score = "86/100"
    assert panel.summary.text() == f"{score} → {on_form['httnv']}"
    prefix = "Your proposal: " if lang == "en" else "Tự đề xuất: "
    assert panel.proposed.text() == prefix + on_form["httnv"]
    for level in (*RATING_ORDER, RATING_ORDER[1]):  # each one, from the best, and back to the one at first
        question.choices[level.value].button.click()
        qtbot.waitUntil(lambda: panel.proposed.text() == prefix + on_form[level.value], timeout=3000)
