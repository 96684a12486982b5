""""Nhập từ tệp Word…" in the member's form: the file is read, a preview shows where each part goes
and what could not be placed; nothing is written until "Write into my review" is pressed; then the
form shows the imported text."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from helpers import complete_review
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from selfreview.ui.word_import_dialog import WordImportDialog

LINES = ["BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2024", "II. Hạn chế, khuyết điểm và nguyên nhân", "1. Hạn chế, khuyết điểm",
         "Chưa chủ động đề xuất sáng kiến trong công tác.", "2. Nguyên nhân của hạn chế, khuyết điểm",
         "Chưa dành thời gian nghiên cứu.", "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
         "Mỗi quý đề xuất ít nhất một sáng kiến."]


def word_file(folder: Path) -> Path:
    doc = Document()
    for line in LINES:
        doc.add_paragraph(line)
    path = folder / "kiem-diem-2024.docx"
    doc.save(str(path))
    return path


def dialog_of(window) -> WordImportDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, WordImportDialog) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_import_previews_then_writes_on_accept(qtbot, make_window, ctx, dialogs, tmp_path):
    _, review_id = complete_review(ctx)
    before = ctx.reviews.answers(review_id)
    window = make_window()
    window.open_review(review_id, "a_ii")
    editor = window.editor
    assert editor.import_button.isVisible()
    dialogs.open_file = lambda *a, **k: str(word_file(tmp_path))
    qtbot.mouseClick(editor.import_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window)
    assert set(dialog.boxes) == {"a2_shortcomings", "a2_causes", "a6_direction"}
    assert dialog.boxes["a2_causes"].toPlainText() == "Chưa dành thời gian nghiên cứu."
    assert dialog.unplaced.toPlainText() == "BẢN KIỂM ĐIỂM CÁ NHÂN NĂM 2024"
    assert ctx.reviews.answers(review_id) == before  # shown, not written
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.reviews.answers(review_id)["a2_causes"] == "Chưa dành thời gian nghiên cứu.",
                    timeout=5000)
    answers = ctx.reviews.answers(review_id)
    assert answers["a2_shortcomings"] == "Chưa chủ động đề xuất sáng kiến trong công tác."
    assert answers["a6_direction"] == "Mỗi quý đề xuất ít nhất một sáng kiến."
    assert answers["a1_political"] == before["a1_political"]  # the parts the file lacks stay as they were
    qtbot.waitUntil(lambda: window.editor.widget_for("a2_causes").edit.toPlainText()
                    == "Chưa dành thời gian nghiên cứu.", timeout=5000)


def test_cancel_writes_nothing_and_a_finalized_review_offers_no_import(qtbot, make_window, ctx, dialogs, tmp_path):
    _, review_id = complete_review(ctx)
    before = ctx.reviews.answers(review_id)
    window = make_window()
    window.open_review(review_id, "a_ii")
    dialogs.open_file = lambda *a, **k: str(word_file(tmp_path))
    qtbot.mouseClick(window.editor.import_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(window)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and ctx.reviews.answers(review_id) == before
    ctx.reviews.finalize(review_id)
    window.open_review(review_id, "a_ii")
    assert not window.editor.import_button.isVisible()
