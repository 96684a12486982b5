"""Whose rating proposal the score panel names: the member's own form says "Your proposal"; a review
the secretary types in from paper says it is the member's; the collective's report (Mẫu 01) says it
is the collective's. In Vietnamese and in English, before and after a rating is chosen on the form."""

from __future__ import annotations

import pytest
from helpers import click, make_profile
from secretary_support import secretary_profile, workspace_of

from selfreview.services.cells import MemberData

PAPER = "Đinh Thị Lan"
WORDING = {  # (proposer, language): (prefix, "not chosen yet" text)
    ("self", "vi"): ("Tự đề xuất: ", "Tự đề xuất: chưa chọn"),
    ("self", "en"): ("Your proposal: ", "Your proposal: not chosen yet"),
    ("member", "vi"): ("Đảng viên tự đề xuất: ", "Đảng viên tự đề xuất: chưa chọn"),
    ("member", "en"): ("Member's proposal: ", "Member's proposal: not chosen yet"),
    ("collective", "vi"): ("Tập thể tự đề xuất: ", "Tập thể tự đề xuất: chưa chọn"),
    ("collective", "en"): ("The collective's proposal: ", "The collective's proposal: not chosen yet"),
}


def _choose_rating(qtbot, editor, value: str = "httnv") -> str:
    """Click a level of the form's "proposed rating" question; its label as the form shows it
    (without the full stop some forms end it with)."""
    qid = editor.template.roles["proposed_rating"]
    section = next(s for s, item in editor.template.items() if item.id == qid)
    editor.show_section(section.id)
    question = editor.widget_for(qid)
    click(qtbot, question.choices[value].button)
    return question.choices[value].label.text().rstrip(".")


def _secretary_window(make_window, ctx):
    secretary_profile(ctx)
    cell = ctx.cells.create_cell("Chi bộ Văn phòng")
    ctx.cells.create_round(cell.id, "2025")
    member = ctx.cells.add_member(cell.id, MemberData(full_name=PAPER, government_post="Chuyên viên"))
    window = make_window()
    window.show_secretary()
    return window, workspace_of(window), member


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_members_own_form_says_your_proposal(qtbot, make_window, ctx, translators, lang):
    translators.install(lang)
    profile = make_profile(ctx)
    review_id = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b").summary.id
    window = make_window()
    window.open_review(review_id)
    panel = window.editor.score_panel
    prefix, none_yet = WORDING["self", lang]
    assert panel.proposed.text() == none_yet
    label = _choose_rating(qtbot, window.editor)
    qtbot.waitUntil(lambda: panel.proposed.text() == prefix + label, timeout=3000)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_review_typed_in_from_paper_names_the_members_proposal(qtbot, make_window, ctx, translators, lang):
    translators.install(lang)
    window, ws, member = _secretary_window(make_window, ctx)
    page = ws.show_tab(ws.ROLLCALL)
    assert page.select_member(member.id)
    click(qtbot, page.enter_button)
    editor = ws.editor
    assert editor is not None and PAPER in editor.who_text.text()
    panel = editor.score_panel
    prefix, none_yet = WORDING["member", lang]
    assert panel.proposed.text() == none_yet
    label = _choose_rating(qtbot, editor)
    qtbot.waitUntil(lambda: panel.proposed.text() == prefix + label, timeout=3000)
    assert not panel.proposed.text().startswith(WORDING["self", lang][0])

    click(qtbot, editor.home_button)  # back to the roll-call, and in again: still the member's
    assert page.select_member(member.id)
    click(qtbot, page.enter_button)
    assert ws.editor.score_panel.proposed.text() == prefix + label


def test_the_collectives_report_names_the_collectives_proposal(qtbot, make_window, ctx, translators):
    window, ws, _member = _secretary_window(make_window, ctx)
    collective = ws.show_tab(ws.COLLECTIVE)
    click(qtbot, collective.open_button)
    editor = ws.editor
    assert editor is not None and editor.template.id == "hd43-2025-01"
    prefix, none_yet = WORDING["collective", "vi"]
    assert editor.score_panel.proposed.text() == none_yet
    label = _choose_rating(qtbot, editor)
    qtbot.waitUntil(lambda: editor.score_panel.proposed.text() == prefix + label, timeout=3000)
