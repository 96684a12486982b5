"""Comfort and access: text size, keyboard (shortcuts, mnemonics, focus), both languages with Qt's own
strings translated, no text cut off, the quiet save indicator and a refused save."""

from __future__ import annotations

import re

import pytest
from helpers import complete_review, make_profile, reactivate, type_vietnamese
from layout_check import cut_off
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit,
)

from selfreview.paths import translations_dir


def _open(make_window, ctx, section="a_i"):
    profile, review_id = complete_review(ctx)
    window = make_window()
    window.open_review(review_id)
    window.editor.show_section(section)
    return window, review_id


def test_text_size_applies_to_the_whole_form_and_is_kept(qtbot, make_window, ctx, settings):
    window, _ = _open(make_window, ctx)
    label = window.editor.widget_for("a1_political").title
    heading = window.editor.page.heading
    base = heading.font().pointSizeF()
    window.actions_by_name["size_xlarge"].trigger()
    assert QApplication.font().pointSize() == 17 and settings.text_size == "xlarge"
    assert label.font().pointSize() == 17
    assert window.editor.widget_for("a1_political").edit.font().pointSize() == 17
    assert heading.font().pointSizeF() > base and heading.font().pointSizeF() == pytest.approx(17 * 1.3)
    assert window.menuBar().font().pointSize() == 17
    qtbot.keyClick(window.editor.widget_for("a1_political").edit, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert settings.text_size == "large" and label.font().pointSize() == 14
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert settings.text_size == "normal" and label.font().pointSize() == 12
    window.set_text_size("small")
    assert label.font().pointSize() == 10
    window.show_home()
    window.set_text_size("large")
    key = window.home.card.findChild(QLabel, "fingerprint")
    assert key.font().pointSize() == 14 and key.font().bold()


def test_keyboard_moves_through_sections_and_fields(qtbot, make_window, ctx):
    window, _ = _open(make_window, ctx)
    editor = window.editor
    first = editor.widget_for("a1_political").edit
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # Tab leaves a long text field (it does not type a tab)
    assert window.focusWidget() is editor.widget_for("a1_duties").edit
    assert "\t" not in (first.toPlainText())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section == "a_ii"
    assert window.focusWidget() is editor.widget_for("a2_shortcomings").edit  # the first field has the focus
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section == "a_i"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F6)
    assert editor.navigator.hasFocus()
    qtbot.keyClick(editor.navigator, Qt.Key.Key_Down)  # arrows in the navigator open sections
    assert editor.current_section == "a_ii"
    qtbot.keyClick(editor.navigator, Qt.Key.Key_F6)
    assert window.focusWidget() is editor.widget_for("a2_shortcomings").edit
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F7)
    assert editor.check_panel.isVisible()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.home is not None
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.home.dialog is not None and window.home.dialog.isVisible()
    window.home.dialog.reject()
    reactivate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)  # F1: the user guide
    assert window.guide_dialog.isVisible()
    window.guide_dialog.close()
    reactivate(qtbot, window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert window.shortcuts_dialog.isVisible()
    window.shortcuts_dialog.close()


def _mnemonics(window) -> list[str]:
    """The Alt+letter keys in use on the visible page and the menu bar."""
    keys = [a.text() for a in window.menuBar().actions()]
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if w.isVisible() and (not isinstance(w, QLabel) or w.buddy() is not None):
            keys.append(w.text())
    found = []
    for text in keys:
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        if m:
            found.append(m.group(1).lower())
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_mnemonics_do_not_clash_on_any_page(qtbot, make_window, ctx, translators, lang):
    translators.install(lang)
    window, review_id = _open(make_window, ctx)
    pages = [lambda: window.open_review(review_id), window.show_home, window.show_picker,
             lambda: window.show_first_run(ask_language=False, cancellable=True)]
    for show in pages:
        show()
        keys = _mnemonics(window)
        assert keys and len(keys) == len(set(keys)), (window.page.objectName(), keys)
    window.show_first_run(ask_language=True)
    keys = _mnemonics(window)
    assert len(keys) == len(set(keys))


def test_mnemonic_presses_the_button(qtbot, make_window, ctx):
    window, _ = _open(make_window, ctx)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # "&Kiểm tra"
    qtbot.waitUntil(window.editor.check_panel.isVisible, timeout=2000)  # a mnemonic animates the click


def test_the_language_changes_at_once(qtbot, make_window, ctx, settings):
    window, review_id = _open(make_window, ctx, "b_i")
    editor = window.editor
    assert editor.score_panel.summary.text() == "86/100 → Hoàn thành tốt nhiệm vụ"
    window.actions_by_name["lang_en"].trigger()
    assert settings.language == "en"
    editor = window.editor
    assert editor.review_id == review_id and editor.current_section == "b_i"
    assert editor.score_panel.summary.text() == "86/100 → Good completion of tasks"  # the form's words
    assert editor.navigator.topLevelItem(0).text(0) == "A. REVIEW CONTENT"
    assert editor.check_button.text() == "&Check"
    assert window.menuBar().actions()[0].text() == "&File"
    window.actions_by_name["lang_vi"].trigger()
    assert window.editor.check_button.text() == "&Kiểm tra"


def test_qt_own_strings_are_translated(qtbot, translators):
    assert "qtbase_vi.qm" in translators.loaded and "selfreview_vi.qm" in translators.loaded
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Hoàn tác" in texts and "&Dán" in texts and "Chọn tất cả" in texts
    plain = QPlainTextEdit()
    qtbot.addWidget(plain)
    texts = [a.text().split("\t")[0] for a in plain.createStandardContextMenu().actions() if a.text()]
    assert "&Làm lại" in texts and "&Sao chép" in texts
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_every_vietnamese_string_is_translated_and_compiled():
    import importlib.util
    spec = importlib.util.spec_from_file_location("translations", translations_dir().parents[1] / "tools" / "translations.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.unfinished(translations_dir() / "selfreview_vi.ts") == []
    for name in ("selfreview_vi", "selfreview_en", "qtbase_vi"):
        ts, qm = translations_dir() / f"{name}.ts", translations_dir() / f"{name}.qm"
        assert qm.exists() and qm.stat().st_size > 100
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, f"{qm.name} is older than {ts.name}: run dev.py lang"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", ["normal", "xlarge"])
def test_no_text_is_cut_off(qtbot, make_window, ctx, translators, lang, size):
    translators.install(lang)
    window, review_id = _open(make_window, ctx)
    window.resize(1280, 820)
    window.set_text_size(size)
    for show in (lambda: window.open_review(review_id, "b_i"), lambda: window.open_review(review_id, "r_selfcheck"),
                 window.show_home, window.show_picker,
                 lambda: window.show_first_run(ask_language=False, cancellable=True)):
        show()
        qtbot.wait(5)
        assert cut_off(window) == []


def test_a_refused_save_is_shown(qtbot, make_window, ctx):
    window, review_id = _open(make_window, ctx)
    ctx.reviews.finalize(review_id)  # e.g. finalized from another window meanwhile
    type_vietnamese(window.editor.widget_for("a1_political").edit, " thêm")
    window.save_now()
    shown = window.saved_label.text()  # which field, and why
    assert shown.startswith("Chưa lưu được “1. Về phẩm chất chính trị") and "Bản kiểm điểm đã hoàn tất" in shown
    assert window.saved_label.property("state") == "error"


def test_the_saved_indicator_is_quiet(qtbot, make_window, ctx):
    profile = make_profile(ctx)
    review = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
    window = make_window()
    window.open_review(review.summary.id)
    assert window.saved_label.text() == ""
    type_vietnamese(window.editor.widget_for("a1_political").edit, "Nội dung")
    assert window.saved_label.text() == "Đang lưu…"
    qtbot.waitUntil(lambda: window.saved_label.text() == "Đã lưu", timeout=2000)
    assert not window.findChildren(QAbstractButton, "saveButton")  # no Save button


def test_question_titles_bind_no_stray_shortcuts(qtbot, make_window, ctx):
    """Official texts contain quotes ("tự diễn biến"): their HTML entities must not become Alt+keys."""
    from PySide6.QtGui import QKeySequence

    window, review_id = _open(make_window, ctx)
    window.open_review(review_id)
    titles = [w for w in window.findChildren(QLabel) if w.objectName() == "questionLabel"]
    assert any("&quot;" in t.text() or "&#x27;" in t.text() or '"' in t.text() for t in titles)
    assert [t.text()[:40] for t in titles if t.buddy() is not None and not QKeySequence.mnemonic(t.text()).isEmpty()] == []
