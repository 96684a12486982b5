"""The official form stays official: the responsibility self-check is the app's optional aid (no
required marks, no † on every line, a whole-sentence introduction), it never holds up finalizing and
it is printed only when the member attaches it; the labels are clean, and the notes about sources are
in one "Nguồn văn bản" panel reachable from Help."""

from __future__ import annotations


from helpers import complete_review, labels_text, pdf_text
from PySide6.QtWidgets import QLabel

from selfreview.ui import open_file

NOTES = ("không thuộc Mẫu", "chưa xác nhận", "phần của ứng dụng", "†")


def _without_selfcheck(ctx, review_id):
    answers = ctx.reviews.open(review_id).answers
    assert "r_behaviours" in answers
    ctx.reviews.save_answer(review_id, "r_behaviours", None)


def test_the_selfcheck_page_is_plainly_the_apps_optional_aid(qtbot, make_window, ctx):
    _, review_id = complete_review(ctx)
    window = make_window()
    window.open_review(review_id, "r_selfcheck")
    page = window.editor.page
    shown = labels_text(page)
    for note in NOTES:
        assert note not in shown, note
    assert page.findChildren(QLabel, "provenance") == []
    intro = page.aid_intro.text()
    assert intro[0].isupper() and "không bắt buộc" in intro and "“kiên quyết đấu tranh" in intro
    assert "*" not in page.widgets["r_behaviours"].title.text()
    nav = window.editor.navigator
    titles = [nav.topLevelItem(i).text(0) for i in range(nav.topLevelItemCount())]
    assert any(t.startswith("Tự kiểm tra về trách nhiệm") for t in titles)
    assert not any("không thuộc" in t for t in titles)
    window.open_review(review_id, "a_i")
    assert "Gợi ý cho mục 2" in labels_text(window.editor.page)
    assert "chưa xác nhận" not in labels_text(window.editor.page)


def test_an_empty_selfcheck_does_not_hold_up_finalizing(qtbot, make_window, ctx, dialogs):
    _, review_id = complete_review(ctx)
    _without_selfcheck(ctx, review_id)
    window = make_window()
    window.open_review(review_id)
    window.editor.finalize()
    assert ctx.reviews.open(review_id).summary.status == "finalized"
    assert not [a for a in dialogs.asked if a[0] == "info"]


def test_the_selfcheck_is_printed_only_when_the_member_attaches_it(qtbot, make_window, ctx, dialogs, tmp_path):
    _, review_id = complete_review(ctx)
    previous = open_file.set_opener(lambda p: True)
    try:
        window = make_window()
        window.open_review(review_id)
        for attach, name in ((False, "plain.pdf"), (True, "attached.pdf")):
            out = tmp_path / name
            dialogs.save_file = lambda *a, _o=out, **k: str(_o)
            dialogs.confirm_answers = [attach]
            window.editor.pdf_button.click()
            assert out.is_file()
            assert ("Tự kiểm tra về trách nhiệm" in pdf_text(out)) is attach
        asked = [a for a in dialogs.asked if a[0] == "confirm"]
        assert len(asked) == 2 and "không thuộc biểu mẫu chính thức" in asked[0][2]
    finally:
        open_file.set_opener(previous)


def test_the_sources_panel_holds_the_notes(qtbot, make_window, ctx):
    _, review_id = complete_review(ctx)
    window = make_window()
    window.open_review(review_id, "a_i")
    dialog = window.show_sources()
    qtbot.addWidget(dialog)
    assert dialog.forms.currentData() == "hd43-2025-2b"
    text = dialog.text.toPlainText()
    assert "chưa xác nhận là dòng gợi ý của mẫu 2025" in text and "QĐ 366" in text
    assert "Nguyên văn" in text or "nguyên văn" in text
    assert "Nguồn văn bản" in dialog.windowTitle()
