"""Every question kind of the form model has its own widget; each is driven here as a person would."""

from __future__ import annotations

import pytest
from helpers import click, type_vietnamese
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QLabel

from selfreview.forms.loader import template_from_data
from selfreview.ui.question_widgets import FormEnv, make_question_widget
from selfreview.ui.section_view import SectionPage

T = lambda vi, en=None, **kw: {"vi": vi, "en": en or vi, **kw}  # noqa: E731

TEMPLATE = {
    "format": 1, "id": "all-kinds", "version": 1, "rule_set": "TEST", "category": "non_leader",
    "title": T("Mẫu thử mọi loại câu hỏi", "Every question kind"),
    "parts": [{"id": "p", "label": T("Phần thử"), "sections": [{
        "id": "s", "label": T("Mục thử"), "items": [
            {"id": "g", "kind": "guidance", "label": T("Hướng dẫn chính thức"),
             "bullets": [T("Gạch đầu dòng một"), T("Gạch đầu dòng hai")]},
            {"id": "name", "kind": "short_text", "label": T("Tên sáng kiến", status="reconstructed"),
             "max_length": 20, "hint": T("Ghi ngắn gọn")},
            {"id": "story", "kind": "long_text", "label": T("Kết quả"), "max_length": 30, "required": True},
            {"id": "pick", "kind": "single_choice", "label": T("Chọn một"),
             "options": [{"value": "a", "label": T("Phương án A")}, {"value": "b", "label": T("Phương án B")}]},
            {"id": "more", "kind": "short_text", "label": T("Chỉ hiện khi chọn B"),
             "visible_if": {"question": "pick", "equals": "b"}},
            {"id": "many", "kind": "multi_choice", "label": T("Chọn nhiều"),
             "options": [{"value": "x", "label": T("Điều kiện X")}, {"value": "y", "label": T("Điều kiện Y")},
                         {"value": "z", "label": T("Điều kiện Z")}]},
            {"id": "lv", "kind": "levels", "label": T("Tự xếp mức"),
             "criteria": [{"id": "c1", "label": T("Chính trị tư tưởng")}, {"id": "c2", "label": T("Đạo đức")}]},
            {"id": "sc1", "kind": "score", "label": T("Điểm một"), "max": 30, "step": 0.5},
            {"id": "sc2", "kind": "score", "label": T("Điểm hai"), "max": 70, "step": 0.5},
            {"id": "total", "kind": "computed", "label": T("Tổng"), "of": ["sc1", "sc2"]},
            {"id": "day", "kind": "date", "label": T("Ngày"), "min": "2020-01-01", "max": "2030-12-31"},
            {"id": "recs", "kind": "records", "label": T("Danh sách"), "max_records": 2, "fields": [
                {"id": "what", "kind": "long_text", "label": T("Nội dung"), "required": True},
                {"id": "when", "kind": "date", "label": T("Thời hạn")},
                {"id": "state", "kind": "single_choice", "label": T("Tình trạng"),
                 "options": [{"value": "done", "label": T("Xong")}, {"value": "open", "label": T("Chưa xong")}]}]},
            {"id": "chk", "kind": "checklist", "label": T("Tự kiểm tra"),
             "behaviours": [{"id": "b1", "label": T("Né tránh việc khó", status="third-party")},
                            {"id": "b2", "label": T("Đùn đẩy việc")}]},
        ]}]}],
}


@pytest.fixture
def template():
    return template_from_data(TEMPLATE, "test")


@pytest.fixture
def widget_of(qtbot, template, dialogs, translators):
    index = template.item_index()

    def make(qid: str):
        widget = make_question_widget(index[qid], FormEnv("vi", dialogs), template)
        qtbot.addWidget(widget)
        widget.resize(700, widget.sizeHint().height())
        widget.show()
        seen: list = []
        widget.changed.connect(lambda q, v: seen.append((q, v)))
        widget.seen = seen
        return widget
    return make


def test_short_text_counts_and_limits(widget_of):
    w = widget_of("name")
    type_vietnamese(w.edit, "Sổ tay điện tử")
    assert w.value() == "Sổ tay điện tử" and w.seen[-1] == ("name", "Sổ tay điện tử")
    assert w.counter.text() == "14/20"
    type_vietnamese(w.edit, " cho chi bộ cơ sở")  # beyond 20 characters: refused, as typed
    assert len(w.value()) == 20 and w.counter.property("full") is True
    mark = w.findChild(QLabel, "provenance")  # the label's wording is reconstructed
    assert mark is not None and "tái dựng" in mark.toolTip()
    assert w.hint.text() == "Ghi ngắn gọn"


def test_long_text_undo_redo_plain_paste_and_limit(qtbot, widget_of):
    w = widget_of("story")
    type_vietnamese(w.edit, "Kết quả tốt")
    assert w.counter.text() == "11/30"
    qtbot.keyClick(w.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.value() != "Kết quả tốt"
    qtbot.keyClick(w.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.value() == "Kết quả tốt"
    mime = QMimeData()
    mime.setHtml("<b>đậm</b> <i>nghiêng</i>")
    mime.setText("đậm nghiêng")
    QApplication.clipboard().setMimeData(mime)
    w.edit.paste()
    # The clipboard owns the mime data now; left there, it is freed twice when Qt shuts down
    # (a segfault at interpreter exit after every test passed).
    QApplication.clipboard().clear()
    assert w.value() == "Kết quả tốtđậm nghiêng"  # the text only, no formatting
    html = w.edit.document().toHtml()
    assert "font-weight:700" not in html and "italic" not in html
    type_vietnamese(w.edit, " và còn nhiều nữa")  # the limit is 30
    assert len(w.value()) == 30 and w.counter.text() == "30/30"
    w.edit.selectAll()
    w.edit.textCursor().removeSelectedText()
    assert w.value() is None and w.seen[-1] == ("story", None)


def test_single_choice_and_visibility(qtbot, template, dialogs, translators):
    part, section = template.sections()[0]
    page = SectionPage(template, part, section, FormEnv("vi", dialogs), {}, read_only=False)
    qtbot.addWidget(page)
    page.show()
    seen = []
    page.changed.connect(lambda q, v: seen.append((q, v)))
    pick, more = page.widgets["pick"], page.widgets["more"]
    assert pick.value() is None and not more.isVisible()
    click(qtbot, pick.choices["b"].button)
    assert seen[-1] == ("pick", "b")
    page.update_answers({"pick": "b"})
    assert more.isVisible()
    qtbot.mouseClick(pick.choices["a"].label, Qt.MouseButton.LeftButton)  # the wrapped text clicks too
    assert pick.value() == "a"
    assert pick.clear_button.isVisible()
    qtbot.mouseClick(pick.clear_button, Qt.MouseButton.LeftButton)
    assert pick.value() is None and seen[-1] == ("pick", None)


def test_multi_choice_keeps_the_form_order(qtbot, widget_of):
    w = widget_of("many")
    click(qtbot, w.choices["z"].button)
    click(qtbot, w.choices["x"].button)
    assert w.value() == ["x", "z"]
    click(qtbot, w.choices["x"].button)
    click(qtbot, w.choices["z"].button)
    assert w.value() is None


def test_levels_grid(qtbot, widget_of):
    w = widget_of("lv")
    click(qtbot, w.buttons[("c1", "tot")])
    assert w.value() == {"c1": "tot"}
    assert w.focus_issue() is w.buttons[("c2", "xuat_sac")]
    click(qtbot, w.buttons[("c2", "kem")])
    click(qtbot, w.buttons[("c1", "xuat_sac")])
    assert w.value() == {"c1": "xuat_sac", "c2": "kem"}
    w.set_read_only(True)
    click(qtbot, w.buttons[("c1", "kem")])
    assert w.value() == {"c1": "xuat_sac", "c2": "kem"}


def test_score_stays_unanswered_until_typed_and_accepts_both_decimal_marks(qtbot, widget_of):
    w = widget_of("sc1")
    assert w.value() is None and w.spin.text() == "—"
    w.spin.setFocus()
    w.spin.selectAll()
    qtbot.keyClicks(w.spin, "12,5")
    assert w.value() == 12.5
    w.spin.selectAll()
    qtbot.keyClicks(w.spin, "20.5")  # a dot is accepted too
    assert w.value() == 20.5
    w.spin.selectAll()
    qtbot.keyClicks(w.spin, "7,3")
    assert w.value() == 7.5  # snapped to the step of 0.5
    qtbot.keyClick(w.spin, Qt.Key.Key_Return)
    assert w.spin.text() == "7,5"
    w.spin.selectAll()
    qtbot.keyClick(w.spin, Qt.Key.Key_Delete)
    qtbot.keyClick(w.spin, Qt.Key.Key_Tab)
    assert w.value() is None and w.seen[-1] == ("sc1", None)
    w.set_read_only(True)
    assert w.spin.isReadOnly()


def test_computed_total(widget_of):
    w = widget_of("total")
    assert w.display.text() == "—/100"
    w.update_answers({"sc1": 25.5, "sc2": 60})
    assert w.display.text() == "85,5/100"


def test_date_can_be_empty_and_cleared(qtbot, widget_of):
    from datetime import date
    w = widget_of("day")
    assert w.value() is None and w.edit.text() == "—"
    w.edit.set_date_or_none(date(2025, 12, 31))
    assert w.value() == "2025-12-31" and w.seen[-1] == ("day", "2025-12-31")
    qtbot.mouseClick(w.clear_button, Qt.MouseButton.LeftButton)
    assert w.value() is None and w.seen[-1] == ("day", None)


def test_records_add_fill_remove(qtbot, widget_of, dialogs):
    w = widget_of("recs")
    assert w.value() is None
    qtbot.mouseClick(w.add_button, Qt.MouseButton.LeftButton)
    first = w.records[0]
    assert w.window().focusWidget() is first.fields["what"].edit
    type_vietnamese(first.fields["what"].edit, "Nộp báo cáo quý")
    click(qtbot, first.fields["state"].choices["open"].button)
    assert w.value() == [{"what": "Nộp báo cáo quý", "state": "open"}]
    qtbot.mouseClick(w.add_button, Qt.MouseButton.LeftButton)
    assert not w.add_button.isEnabled()  # at most 2
    qtbot.mouseClick(w.records[1].remove_button, Qt.MouseButton.LeftButton)  # empty: no question asked
    assert len(w.records) == 1 and not dialogs.asked
    assert w.records[0].heading.text() == "Mục 1"
    w.set_read_only(True)
    assert not w.add_button.isVisible() and not w.records[0].remove_button.isVisible()


def test_checklist_explains_only_when_it_happened(qtbot, widget_of):
    w = widget_of("chk")
    row1, row2 = w.rows["b1"], w.rows["b2"]
    assert not row1.example.isEnabled()
    click(qtbot, row1.choices["often"].button)
    assert row1.example.isEnabled() and row1.remedy.isEnabled()
    assert w.focus_issue() is row1.example  # often, but no example yet
    type_vietnamese(row1.example, "Chuyển hồ sơ lên cấp trên dù thuộc thẩm quyền")
    type_vietnamese(row1.remedy, "Tự quyết trong thẩm quyền")
    click(qtbot, row2.choices["never"].button)
    assert w.value() == {"b1": {"frequency": "often", "example": "Chuyển hồ sơ lên cấp trên dù thuộc thẩm quyền",
                                "remedy": "Tự quyết trong thẩm quyền"},
                         "b2": {"frequency": "never"}}
    assert row1.findChild(QLabel, "provenance").toolTip()


def test_checklist_example_carries_no_required_star(qtbot, widget_of):
    # the self-check is optional and never blocks: "Ví dụ cụ thể" without "*", yet still asked for
    w = widget_of("chk")
    row = w.rows["b1"]
    for freq in ("sometimes", "often"):
        click(qtbot, row.choices[freq].button)
        assert row.example.isEnabled()
        assert row.example_label.text() == "Ví dụ cụ thể", freq
        assert row.remedy_label.text() == "Biện pháp khắc phục", freq
        assert "*" not in row.example_label.text() + row.remedy_label.text()
        assert w.focus_issue() is row.example  # the missing example is still pointed out


def test_guidance_shows_its_bullets(widget_of):
    w = widget_of("g")
    assert "Gạch đầu dòng một" in w.text.text() and "<li>" in w.text.text()
    assert w.value() is None


ESSAY = {
    "format": 1, "id": "essay", "version": 1, "rule_set": "TEST", "category": "non_leader",
    "title": T("Mẫu thử"), "parts": [{"id": "p", "label": T("Phần"), "sections": [{
        "id": "s", "label": T("Mục"), "items": [
            {"id": "essay", "kind": "long_text", "label": T("Về phẩm chất chính trị"), "max_length": 20000}]}]}],
}
PARAGRAPH = ("Trong năm qua, bản thân luôn giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương, "
             "đường lối của Đảng, chính sách, pháp luật của Nhà nước; hoàn thành đúng tiến độ mọi nhiệm vụ "
             "được giao, chủ động đề xuất giải pháp nâng cao hiệu quả công việc của cơ quan. ")


def _wrapped_inside(edit) -> bool:
    """No horizontal scroll bar, and every laid-out line ends inside the viewport."""
    width = edit.viewport().width()
    if edit.horizontalScrollBar().isVisible() or edit.document().size().width() > width:
        return False
    block = edit.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            if line.x() + line.naturalTextWidth() > width:
                return False
        block = block.next()
    return True


def _lines(edit) -> int:
    return int(edit.document().documentLayout().documentSize().height())


@pytest.mark.parametrize("paragraphs", [1, 3, 8])
def test_a_long_answer_opens_wrapped_to_the_box_beside_its_scroll_bar(qtbot, dialogs, translators, paragraphs):
    """A saved answer longer than the box (16 lines) opens with a vertical scroll bar: the lines
    wrap to the width left beside it (no horizontal scroll bar, no letter cut at the right edge);
    a shorter one shows every line with no scroll bar at all. The width is the answer column's at
    1366×768."""
    template = template_from_data(ESSAY, "test")
    widget = make_question_widget(template.item_index()["essay"], FormEnv("vi", dialogs), template)
    qtbot.addWidget(widget)
    widget.set_value(PARAGRAPH * paragraphs)  # as a saved answer opens: filled before it is shown
    widget.resize(600, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    edit = widget.edit
    long = paragraphs == 8

    def settled() -> bool:  # a scroll bar only when the text is longer than the box
        return _wrapped_inside(edit) and edit.verticalScrollBar().isVisible() == (_lines(edit) > edit.max_lines)

    qtbot.waitUntil(settled, timeout=2000)
    assert (_lines(edit) > edit.max_lines) == long, _lines(edit)


def test_typing_past_the_box_height_keeps_the_lines_inside(qtbot, dialogs, translators):
    """Typed Vietnamese, paragraph after paragraph: the box grows a line at a time with every line
    visible, then scrolls; the lines always wrap inside the viewport."""
    template = template_from_data(ESSAY, "test")
    widget = make_question_widget(template.item_index()["essay"], FormEnv("vi", dialogs), template)
    qtbot.addWidget(widget)
    widget.resize(600, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    edit = widget.edit
    for _ in range(8):
        type_vietnamese(edit, PARAGRAPH)
        qtbot.waitUntil(lambda: _wrapped_inside(edit) and (
            edit.verticalScrollBar().isVisible() == (_lines(edit) > edit.max_lines)), timeout=2000)
    assert edit.verticalScrollBar().isVisible() and widget.value() == PARAGRAPH * 8
