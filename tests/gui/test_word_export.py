""""Xuất Word…" beside "Xuất PDF…": the member's form writes the review as a Word document holding
what was just typed, and the secretary's outputs page writes the summary, the minutes and the
roll-up as Word (and the roll-up as Excel) from buttons beside the PDF ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from helpers import complete_review, type_vietnamese
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from secretary_support import PickingDialogs, demo_round, drop_on, secretary_profile, workspace_of

from selfreview.text import nfc
from selfreview.ui import open_file

TYPED = "Tham mưu sửa đổi quy chế làm việc; hoàn thành trước hạn ✓."


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return nfc("\n".join(parts))


def test_the_form_exports_word_with_what_was_just_typed(qtbot, make_window, ctx, dialogs, tmp_path):
    seen: list[Path] = []
    previous = open_file.set_opener(lambda p: seen.append(p) or True)
    try:
        _, review_id = complete_review(ctx)
        window = make_window()
        window.open_review(review_id, "a_i")
        edit = window.editor.widget_for("a1_duties").edit
        edit.clear()
        type_vietnamese(edit, TYPED)  # not autosaved yet when the button is pressed
        suggested = []
        dialogs.save_file = lambda parent, title, name, flt: suggested.append((name, flt)) or str(tmp_path / "ban")
        assert window.editor.word_button.isVisible() and window.editor.pdf_button.isVisible()
        qtbot.mouseClick(window.editor.word_button, Qt.MouseButton.LeftButton)
        assert Path(suggested[0][0]).name == "tran-van-binh-2025.docx" and "*.docx" in suggested[0][1]
        out = tmp_path / "ban.docx"
        assert seen == [out]
        text = docx_text(out)
        assert TYPED in text and "Họ và tên: Trần Văn Bình" in text
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".part")) == ["ban.docx"]
        assert window.editor.detail.summary.status == "draft"
    finally:
        open_file.set_opener(previous)


@pytest.fixture
def dialogs():
    return PickingDialogs()  # the file pickers answer with prepared paths


def test_the_outputs_page_offers_word_and_excel(qtbot, make_window, ctx, dialogs, tmp_path):
    picking = dialogs
    secretary_profile(ctx)
    demo_round(ctx, tmp_path / "inbox", members=4)
    window = make_window()
    window.show_secretary()
    ws = workspace_of(window)
    ws.opener = lambda path: None
    drop_on(ws.rollcall.table, [tmp_path / "inbox"])
    page = ws.show_tab(ws.OUTPUTS)
    out = tmp_path / "out"
    out.mkdir()
    picking.save_paths = [str(out / "bao-cao"), str(out / "tong-hop"), str(out / "tong-hop-bang")]
    for key in ("summary_docx", "rollup_docx", "rollup_xlsx"):
        qtbot.mouseClick(page.buttons[key], Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in out.iterdir()) == ["bao-cao.docx", "tong-hop-bang.xlsx", "tong-hop.docx"]
    assert "TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ," in docx_text(out / "bao-cao.docx")
    assert "II. KẾT QUẢ THEO TỪNG TỔ CHỨC ĐẢNG" in docx_text(out / "tong-hop.docx")
    ws_xlsx = load_workbook(out / "tong-hop-bang.xlsx").active
    assert ws_xlsx["C6"].value == 4  # the cell's members, a real number
    assert page.buttons["minutes_docx"].isEnabled()
    # the collective's report (Mẫu 01) beside its PDF button
    ctx.collective.open(ws.round_id)
    collective = ws.show_tab(ws.COLLECTIVE)
    collective.refresh()
    assert collective.word_button.isEnabled()
    picking.save_paths = [str(out / "mau-01")]
    qtbot.mouseClick(collective.word_button, Qt.MouseButton.LeftButton)
    text = docx_text(out / "mau-01.docx")
    assert text.startswith("Mẫu 01-HD KĐ.ĐG 2025") and "T/M CHI ỦY" in text


def test_the_review_menu_exports_word_from_home(qtbot, make_window, ctx, tmp_path):
    seen: list[Path] = []
    previous = open_file.set_opener(lambda p: seen.append(p) or True)
    try:
        _, review_id = complete_review(ctx)
        ctx.reviews.finalize(review_id)
        window = make_window()
        assert window.home.selected().id == review_id
        out = tmp_path / "tu-home.docx"
        window.dialogs.save_paths = [str(out)]  # this module's dialogs answer the file picker
        window._update_actions()
        assert window.actions_by_name["word"].isEnabled()
        window.actions_by_name["word"].trigger()
        assert seen == [out] and "Họ và tên: Trần Văn Bình" in docx_text(out)
    finally:
        open_file.set_opener(previous)
