"""Section III starts with the shortcomings of the same person's review of the previous period;
each is marked fixed, being fixed or not fixed."""

from __future__ import annotations

from helpers import click, make_profile, reactivate, type_vietnamese
from PySide6.QtCore import Qt


def test_previous_shortcomings_are_listed_in_section_iii(qtbot, make_window, ctx, dialogs):
    profile = make_profile(ctx)
    other = make_profile(ctx, "Lê Thị Cúc")
    before = ctx.reviews.create(profile.id, "2024", "hd43-2025-2b")
    ctx.reviews.save_answer(before.summary.id, "a2_shortcomings",
                            "- Chưa chủ động nghiên cứu văn bản mới.\n- Đôi khi chậm báo cáo.")
    theirs = ctx.reviews.create(other.id, "2024", "hd43-2025-2b")  # another person's: never mixed in
    ctx.reviews.save_answer(theirs.summary.id, "a2_shortcomings", "Ngại phát biểu trong sinh hoạt chi bộ.")

    window = make_window()
    window.show_picker()
    picker = window.page
    for row in range(picker.list.count()):
        if picker.list.item(row).data(Qt.ItemDataRole.UserRole) == profile.id:
            picker.list.setCurrentRow(row)
    qtbot.mouseClick(picker.open_button, Qt.MouseButton.LeftButton)
    home = window.home
    assert home.model.rowCount() == 1
    qtbot.mouseClick(home.new_button, Qt.MouseButton.LeftButton)
    home.dialog.period_edit.setText("2025")
    home.dialog.accept()
    reactivate(qtbot, window)
    editor = window.editor
    editor.show_section("a_iii")
    records = editor.widget_for("a3_previous")
    assert [r.fields["shortcoming"].value() for r in records.records] == [
        "Chưa chủ động nghiên cứu văn bản mới.", "Đôi khi chậm báo cáo."]

    first, second = records.records
    click(qtbot, first.fields["status"].choices["fixed"].button)
    click(qtbot, second.fields["status"].choices["being_fixed"].button)
    type_vietnamese(second.fields["extent"].edit, "Đã cải thiện khoảng một nửa")
    window.save_now()
    stored = ctx.reviews.answers(editor.review_id)["a3_previous"]
    assert stored == [
        {"shortcoming": "Chưa chủ động nghiên cứu văn bản mới.", "status": "fixed"},
        {"shortcoming": "Đôi khi chậm báo cáo.", "status": "being_fixed", "extent": "Đã cải thiện khoảng một nửa"},
    ]

    # a third entry added by hand, then removed again (it has text: the removal is confirmed)
    qtbot.mouseClick(records.add_button, Qt.MouseButton.LeftButton)
    type_vietnamese(records.records[2].fields["shortcoming"].edit, "Một hạn chế khác")
    dialogs.confirm_answers = [False]
    qtbot.mouseClick(records.records[2].remove_button, Qt.MouseButton.LeftButton)
    assert len(records.records) == 3  # declined
    qtbot.mouseClick(records.records[2].remove_button, Qt.MouseButton.LeftButton)
    assert len(records.records) == 2
    window.save_now()
    assert len(ctx.reviews.answers(editor.review_id)["a3_previous"]) == 2
