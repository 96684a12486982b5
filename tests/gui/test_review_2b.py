"""A whole 2B self-review written through the widgets, as a person does it: the first run, the new
review, Vietnamese typed through the input method, choices clicked, scores entered, the suggestion
read, "Kiểm tra" jumping to the one field left empty, finalize locking. Then the database holds
exactly what was typed, in NFC."""

from __future__ import annotations

import unicodedata
from datetime import date

from helpers import click, complete_review, labels_text, reactivate, type_vietnamese
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from selfreview.forms import registry
from selfreview.forms.model import Checklist, LongText, MultiChoice, Records, ShortText, SingleChoice
from selfreview.text import nfc, nfc_deep

TEXTS = [
    "Luôn giữ vững lập trường tư tưởng chính trị; chấp hành nghiêm chủ trương của Đảng.",
    "Hoàn thành đúng hạn các nhiệm vụ được giao; tham mưu kịp thời văn bản về cải cách hành chính.",
    "Tiếp tục tu dưỡng, rèn luyện đạo đức, lối sống; nêu gương trong công việc và sinh hoạt.",
    "Đôi khi còn chậm trong việc cập nhật văn bản mới.\nChưa mạnh dạn đề xuất sáng kiến.",
    "Khối lượng công việc lớn; bản thân chưa sắp xếp thời gian hợp lý.",
    "Giải trình: việc chậm báo cáo quý III do chờ số liệu của đơn vị phối hợp.",
    "Bản thân chịu trách nhiệm một phần về việc chi bộ chậm nộp báo cáo.",
    "Lập kế hoạch công việc hằng tuần; chủ động đề xuất ít nhất hai sáng kiến trong năm tới.",
]


def _next_text(counter: list[int]) -> str:
    counter[0] += 1
    return TEXTS[(counter[0] - 1) % len(TEXTS)] + f" (mục {counter[0]})"


def fill(qtbot, widget, expected: dict, counter: list[int], decomposed: bool = False) -> None:
    """Answer one question through its widget and record what the database must then hold."""
    item = widget.item
    if isinstance(item, (LongText, ShortText)):
        text = _next_text(counter)
        type_vietnamese(widget.edit, text, decomposed=decomposed)
        expected[item.id] = nfc(text)
    elif isinstance(item, SingleChoice):
        option = item.options[1 % len(item.options)].value
        click(qtbot, widget.choices[option].button)
        expected[item.id] = option
    elif isinstance(item, MultiChoice):
        option = item.options[0].value
        click(qtbot, widget.choices[option].button)
        expected[item.id] = [option]
    elif isinstance(item, Checklist):
        value = {}
        for n, behaviour in enumerate(item.behaviours):
            row = widget.rows[behaviour.id]
            freq = "sometimes" if n in (1, 4) else "never"
            click(qtbot, row.choices[freq].button)
            entry = {"frequency": freq}
            if freq == "sometimes":
                assert row.example.isEnabled() and row.remedy.isEnabled()
                example = "Có lúc chờ ý kiến cấp trên dù việc thuộc thẩm quyền của mình."
                remedy = "Chủ động xử lý và báo cáo sau; đặt hạn chót cho từng việc."
                type_vietnamese(row.example, example)
                type_vietnamese(row.remedy, remedy)
                entry.update(example=example, remedy=remedy)
            else:
                assert not row.example.isEnabled()
            value[behaviour.id] = entry
        expected[item.id] = value
    elif isinstance(item, Records):
        editor = widget.add_record()
        record = {}
        for field in item.fields:
            fw = editor.fields[field.id]
            if isinstance(field, (LongText, ShortText)) and field.required:
                text = "Chưa chủ động nghiên cứu văn bản mới"
                type_vietnamese(fw.edit, text)
                record[field.id] = text
            elif isinstance(field, SingleChoice):
                click(qtbot, fw.choices[field.options[1].value].button)
                record[field.id] = field.options[1].value
        expected[item.id] = [record]
    else:  # scores are entered by the test itself, with chosen values
        raise AssertionError(f"no filler for {item.kind}")


def test_whole_2b_review_through_the_widgets(qtbot, make_window, ctx, dialogs):
    template = registry.find("hd43-2025-2b").template
    window = make_window()
    # -- first run: Vietnamese by default, then the profile -------------------------------------------
    first = window.page
    assert first.language_buttons["vi"].isChecked()
    qtbot.mouseClick(first.next_button, Qt.MouseButton.LeftButton)
    first = window.page
    form = first.form
    type_vietnamese(form.edits["full_name"], "Nguyễn Thị Minh Hạnh")
    type_vietnamese(form.edits["government_post"], "Chuyên viên")
    type_vietnamese(form.edits["work_unit"], "Phòng Tổ chức cán bộ, Sở Nội vụ")
    type_vietnamese(form.edits["cell_name"], "Chi bộ Phòng Tổ chức cán bộ")
    click(qtbot, form.system.yes)
    click(qtbot, form.leader.no)
    assert "02B" in form.proposed.text()
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    profile = ctx.profiles.list()[0]
    assert profile.full_name == "Nguyễn Thị Minh Hạnh" and profile.fingerprint
    home = window.home
    assert home is not None and profile.fingerprint in labels_text(home.card)

    # -- a new review: this year, the proposed form -------------------------------------------------------
    qtbot.mouseClick(home.new_button, Qt.MouseButton.LeftButton)
    dialog = home.dialog
    assert dialog.period_edit.text() == str(date.today().year)
    assert dialog.template_id() == "hd43-2025-2b"
    dialog.accept()
    reactivate(qtbot, window)
    editor = window.editor
    assert editor is not None and editor.template.id == "hd43-2025-2b"
    review_id = editor.review_id

    # the field left for "Kiểm tra" to find: the last required text of part A
    part_a = template.parts[0]
    skipped = [i for s in part_a.sections for i in s.items if isinstance(i, LongText) and i.required][-1]
    skipped_section = template.section_of()[skipped.id]

    expected: dict = {}
    counter = [0]
    roles = template.roles
    for n, (_part, section) in enumerate(template.sections()):
        if n:
            qtbot.keyClick(window.focusWidget() or editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        assert editor.current_section == section.id
        for item in section.items:
            if not item.stores_answer or item.id == skipped.id:
                continue
            widget = editor.widget_for(item.id)
            if item.id in (roles["score_general"], roles["score_tasks"]):
                assert widget.spin.text() == "—" and widget.value() is None  # unanswered, not 0
                score = 25 if item.id == roles["score_general"] else 61
                qtbot.keyClick(widget.spin, Qt.Key.Key_Tab)  # as if tabbing in: the text is selected
                widget.spin.setFocus(Qt.FocusReason.TabFocusReason)
                widget.spin.selectAll()
                qtbot.keyClicks(widget.spin, str(score))
                expected[item.id] = score
            elif item.id == roles["proposed_rating"]:
                # first too high: the panel warns; then the rating the score supports
                click(qtbot, widget.choices["htxsnv"].button)
                assert "cao hơn" in editor.score_panel.warning_texts()
                click(qtbot, widget.choices["httnv"].button)
                assert editor.score_panel.warning_texts() == ""
                expected[item.id] = "httnv"
            elif item.id == roles.get("rating_conditions"):
                click(qtbot, widget.choices["all_tasks_on_time_quality"].button)
                expected[item.id] = ["all_tasks_on_time_quality"]
            elif item.required or isinstance(item, (LongText, Records)):
                fill(qtbot, widget, expected, counter, decomposed=(item.id == "a1_duties"))
        # the total and the suggestion follow the scores at once, before any save
        if section.id == template.section_of()[roles["score_tasks"]]:
            total = editor.widget_for(roles["score_total"])
            assert total.display.text() == "86/100"
            assert editor.score_panel.summary.text() == "86/100 → Hoàn thành tốt nhiệm vụ"
            assert editor.score_panel.values["score_total"].text() == "86/100"
    qtbot.waitUntil(lambda: window.saved_label.text() == "Đã lưu", timeout=3000)  # by autosave alone

    # -- "Kiểm tra": one problem, and it jumps to the field ------------------------------------------------
    assert editor.current_section != skipped_section
    qtbot.mouseClick(editor.check_button, Qt.MouseButton.LeftButton)
    issues = editor.check_panel.issues
    assert [(i.question_id, i.code) for i in issues] == [(skipped.id, "missing")]
    listing = editor.check_panel.list
    assert "Chưa trả lời (bắt buộc)." in listing.item(0).text()
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert editor.current_section == skipped_section
    target = editor.widget_for(skipped.id)
    assert window.focusWidget() is target.edit
    assert target.property("problem") is True
    text = "Khắc phục bằng cách lập kế hoạch tuần và tự kiểm tra tiến độ mỗi thứ Sáu."
    type_vietnamese(target.edit, text)
    expected[skipped.id] = text
    qtbot.keyClick(target.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save now
    assert ctx.reviews.answers(review_id)[skipped.id] == text

    # -- finalize: confirmed, then locked ---------------------------------------------------------------
    qtbot.mouseClick(editor.finalize_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked[-1][0] == "confirm"
    assert ctx.reviews.open(review_id).summary.status == "finalized"
    assert editor.locked and editor.banner.isVisible()
    assert not editor.finalize_button.isVisible() and editor.revision_button.isVisible()
    page_widgets = [w for w in editor.page.widgets.values() if w.item.stores_answer]
    assert page_widgets and all(w.is_read_only() for w in page_widgets)
    target = editor.widget_for(skipped.id)
    assert target.edit.isReadOnly()
    type_vietnamese(target.edit, "thêm chữ")  # the input method cannot change a locked review
    assert target.edit.text() == text
    editor.show_section(template.section_of()[roles["proposed_rating"]])
    proposed = editor.widget_for(roles["proposed_rating"])
    click(qtbot, proposed.choices["htnv"].button)
    assert proposed.value() == "httnv"

    # -- the database holds exactly what was typed, NFC -----------------------------------------------------
    stored = ctx.reviews.answers(review_id)
    assert stored == nfc_deep(expected)
    for value in _strings(stored):
        assert unicodedata.is_normalized("NFC", value)
    assert stored["a1_duties"] == nfc(TEXTS[1] + " (mục 2)")  # typed decomposed, stored composed


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_new_revision_keeps_the_finalized_one(qtbot, make_window, ctx, dialogs):
    profile, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    window = make_window()
    assert window.open_review(review_id)
    editor = window.editor
    qtbot.mouseClick(editor.revision_button, Qt.MouseButton.LeftButton)
    new = window.editor
    assert new.review_id != review_id and not new.locked
    assert ctx.reviews.open(review_id).summary.status == "finalized"
    assert ctx.reviews.answers(new.review_id) == ctx.reviews.answers(review_id)
    QApplication.processEvents()
