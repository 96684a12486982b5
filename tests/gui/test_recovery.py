"""A crash loses at most the last second of typing: answers typed, the window destroyed without a
clean close, a new window on the same data directory shows them and opens at the same section."""

from __future__ import annotations

from helpers import complete_review, make_profile, type_vietnamese
from PySide6.QtCore import QSettings, Qt

from selfreview.services.context import AppContext
from selfreview.ui.autosave import MAX_WAIT_MS
from selfreview.ui.settings import AppSettings


def test_typed_text_survives_a_crash_and_the_form_reopens_where_it_was(
        qtbot, make_window, ctx, data_dir, settings, settings_path, runner, dialogs, translators):
    from selfreview.ui.main_window import MainWindow
    profile = make_profile(ctx)
    review = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
    window = MainWindow(ctx, settings, runner, dialogs, translators)  # not qtbot's: it will "crash"
    window.show()
    assert window.open_review(review.summary.id)
    editor = window.editor
    editor.show_section("a_ii")
    text = "Đôi khi còn nể nang, ngại va chạm trong tự phê bình và phê bình."
    type_vietnamese(editor.widget_for("a2_shortcomings").edit, text)
    # nothing else: no section change, no Ctrl+S, no focus change
    # autosave within about a second, by itself
    qtbot.waitUntil(lambda: ctx.reviews.answers(review.summary.id).get("a2_shortcomings") == text,
                    timeout=MAX_WAIT_MS + 1000)

    # the crash: no closeEvent, no flush, no settings written at close
    window.hide()
    window.deleteLater()
    qtbot.wait(10)

    fresh_ctx = AppContext.open(data_dir)
    try:
        again = make_window(fresh_ctx, AppSettings(QSettings(str(settings_path), QSettings.Format.IniFormat)))
        editor = again.editor
        assert editor is not None and editor.review_id == review.summary.id
        assert editor.current_section == "a_ii"
        assert editor.navigator.currentItem().data(0, Qt.ItemDataRole.UserRole) == "a_ii"
        assert editor.widget_for("a2_shortcomings").edit.text() == text
    finally:
        again.close()
        fresh_ctx.close()


def test_a_clean_close_saves_at_once_and_home_is_remembered(qtbot, make_window, ctx, settings):
    profile = make_profile(ctx)
    review = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b")
    window = make_window()
    window.open_review(review.summary.id)
    type_vietnamese(window.editor.widget_for("a1_political").edit, "Kiên định lập trường.")
    window.close()  # before the debounce: the close flushes
    assert ctx.reviews.answers(review.summary.id)["a1_political"] == "Kiên định lập trường."
    assert settings.last_review(profile.id) == review.summary.id

    again = make_window()
    assert again.editor is not None  # reopened in the form
    again.show_home()
    again.close()
    third = make_window()
    assert third.home is not None and third.editor is None  # it was closed on Home


def test_geometry_and_splitters_are_remembered(qtbot, make_window, ctx, settings):
    profile, review_id = complete_review(ctx)
    window = make_window()
    window.resize(700, 500)
    window.open_review(review_id)
    window.editor.splitter.setSizes([150, 350, 180])
    sizes = window.editor.splitter.sizes()
    size = window.size()
    window.close()
    again = make_window()
    assert again.size() == size
    assert again.editor.splitter.sizes() == sizes
