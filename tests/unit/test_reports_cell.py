"""The cell's summary PDF: facts, the members table in meeting order, counts and percentages, the
quota, the responsibility self-check with small counts hidden, common shortcomings, signature,
reviews appended with bookmarks."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from reports_fixtures import (assert_fonts_embedded, assert_in_all, assert_in_flow, check_counts, make_cell,
                              mark_key_changed, page_number_marks, page_texts, pdf_text, pdftotext, row_with, squash,
                              table_rows, texts)

from selfreview.services.errors import NotFound


@pytest.fixture
def cell(ctx, tmp_path):
    ctx.reports.set_place("Hà Nội")
    return make_cell(ctx, tmp_path)


def test_cell_summary_facts_table_counts_and_quota(ctx, cell, tmp_path):
    mark_key_changed(ctx, cell.members["Võ Thị Thu Hà"])
    out = tmp_path / "cell.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out, number="12-BC/CB")
    got = texts(out)
    for s in ("ĐẢNG BỘ SỞ NỘI VỤ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/CB", "Hà Nội, ngày …… tháng …… năm ……",
              "TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025",
              "- Chi bộ: Chi bộ Phòng Tổ chức - Hành chính",
              "- Kỳ kiểm điểm: Năm 2025; hạn nộp bản kiểm điểm: 15/12/2025",
              "- Tổng số đảng viên: 6", "- Đã nộp bản kiểm điểm: 5 (83,3%)", "- Chưa nộp: 1 (Đặng Minh Khôi)",
              "T/M CHI BỘ", "BÍ THƯ", "Nguyễn Văn Đức"):
        assert_in_all(s, got)
    rows = table_rows(out)
    # members in meeting order: leaders first by their order, then the others in Vietnamese order
    # (given name first: Hà, Khôi, Ngọc, Yến)
    names = ["Nguyễn Văn Đức", "Phạm Quốc Hưng", "Võ Thị Thu Hà", "Đặng Minh Khôi", "Trần Thị Bích Ngọc",
             "Lê Hoàng Yến"]
    numbered = {r[1]: r for r in rows if len(r) > 2 and r[0].isdigit() and r[1] in names}
    assert [numbered[n][0] for n in names] == ["1", "2", "3", "4", "5", "6"]
    assert numbered["Nguyễn Văn Đức"][2:6] == ["Bí thư chi bộ", "93", "HTXSNV", "HTXSNV"]
    assert numbered["Phạm Quốc Hưng"][2:] == ["Phó Bí thư chi bộ", "87", "HTTNV", "HTTNV"]
    assert numbered["Lê Hoàng Yến"][2:] == ["60", "HTNV", "Bí thư nhập hộ"]
    assert numbered["Trần Thị Bích Ngọc"][2:5] == ["80", "HTXSNV", "HTTNV"]
    assert numbered["Võ Thị Thu Hà"][2:] == ["84", "HTTNV", "HTTNV", "Khóa ký mới"]
    assert numbered["Đặng Minh Khôi"][2:] == ["Chưa nộp"]
    assert_in_flow("Nộp muộn; Đề xuất cao hơn mức điểm", got)  # Ngọc: late, and HTXSNV with 80 points
    assert_in_flow("Đề xuất cao hơn điều kiện", got)  # Đức: 93 points but not every HTXSNV condition ticked
    # counts and percentages per level, self and cell side by side
    assert row_with(rows, "Hoàn thành xuất sắc nhiệm vụ")[1:] == ["2", "33,3%", "1", "16,7%"]
    assert row_with(rows, "Hoàn thành tốt nhiệm vụ")[1:] == ["2", "33,3%", "3", "50%"]
    assert row_with(rows, "Hoàn thành nhiệm vụ")[1:] == ["1", "16,7%", "0", "0%"]
    assert row_with(rows, "Không hoàn thành nhiệm vụ")[1:] == ["0", "0%", "0", "0%"]
    assert row_with(rows, "Chưa xếp loại")[1:] == ["1", "16,7%", "2", "33,3%"]
    assert row_with(rows, "Tổng số")[1:] == ["6", "100%", "6", "100%"]
    # the quota, with its numbers
    assert_in_all("- Theo chi bộ đề xuất: HTXSNV 1 / HTTNV 3: tối đa 0 (20%) — vượt 1", got)
    assert_in_all("- Theo tự đề xuất: HTXSNV 2 / HTTNV 2: tối đa 0 (20%) — vượt 2", got)
    # the chart's labels are text in Liberation Serif too
    assert_in_all("Số đảng viên theo mức xếp loại", got)
    assert_fonts_embedded(out)
    assert b"Helvetica" not in out.read_bytes()


def test_responsibility_counts_below_the_threshold_are_hidden(ctx, cell, tmp_path):
    out = tmp_path / "cell.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out)
    rows = table_rows(out)
    assert_in_all("Số đảng viên đã tự kiểm tra: 5.", texts(out))
    # behaviour 7: 3 "sometimes" (shown), 1 "often" (hidden), so the total is hidden too, printed as
    # what is known of it: at least 3 + 1 ("< 3" would be false)
    assert check_counts(rows, "7") == ["3", "<3", "≥4"]
    assert check_counts(rows, "6") == ["<3", "0", "<3"]
    assert check_counts(rows, "9") == ["0", "<3", "<3"]
    assert check_counts(rows, "1") == ["0", "0", "0"]
    # nothing in the PDF reveals the hidden 1s and 2s, not even the chart's bar labels
    text = pdf_text(out)
    assert "Số từ 1 đến 2 người được ghi" in text
    # with the threshold at 1 every count is shown
    out1 = tmp_path / "cell1.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out1, min_count=1)
    rows1 = table_rows(out1)
    assert check_counts(rows1, "7") == ["3", "1", "4"]
    assert check_counts(rows1, "6") == ["2", "0", "2"]


def test_common_shortcomings_above_the_threshold(ctx, cell, tmp_path):
    out = tmp_path / "cell.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out)
    got = texts(out)
    assert_in_all("V. NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM PHỔ BIẾN", got)
    assert_in_all("- Đôi khi chưa chủ động đề xuất giải pháp mới (5 đảng viên).", got)
    assert_in_all("- Việc tự học ngoại ngữ còn hạn chế (4 đảng viên).", got)
    out5 = tmp_path / "cell5.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out5, min_count=5)
    got5 = texts(out5)
    assert_in_all("- Đôi khi chưa chủ động đề xuất giải pháp mới (5 đảng viên).", got5)
    assert "Việc tự học ngoại ngữ còn hạn chế" not in got5[0]
    out6 = tmp_path / "cell6.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out6, min_count=6)
    assert_in_all("Không có hạn chế, khuyết điểm nào được từ 6 đảng viên trở lên cùng nêu.", texts(out6))


def test_reviews_appended_with_bookmarks(ctx, cell, tmp_path):
    out = tmp_path / "cell-reviews.pdf"
    ctx.reports.write_cell(cell.cell_id, "2025", out, with_reviews=True)
    reader = PdfReader(str(out))
    outline = reader.outline
    assert [o.title for o in outline if not isinstance(o, list)] == ["Tổng hợp kết quả",
                                                                     "Bản kiểm điểm của đảng viên"]
    children = next(o for o in outline if isinstance(o, list))
    expected = ["Nguyễn Văn Đức", "Phạm Quốc Hưng", "Võ Thị Thu Hà", "Trần Thị Bích Ngọc", "Lê Hoàng Yến"]
    assert [c.title for c in children] == expected
    pages = [squash(p) for p in page_texts(out)]
    assert reader.get_destination_page_number(outline[0]) == 0
    for child, name in zip(children, expected):
        n = reader.get_destination_page_number(child)
        assert f"Họ và tên: {name}" in pages[n], (name, n)
        assert "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN" in pages[n]
    starts = [reader.get_destination_page_number(c) for c in children]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    total = len(reader.pages)
    raw = pdftotext(out)
    marks = page_number_marks(out)
    assert marks[0] == [] and [m[0][0] for m in marks[1:]] == [str(n) for n in range(2, total + 1)]
    assert "Trang" not in raw
    assert_fonts_embedded(out)


def test_unknown_cell_or_period(ctx, cell, tmp_path):
    with pytest.raises(NotFound):
        ctx.reports.write_cell(cell.cell_id, "2019", tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        ctx.reports.write_cell(9999, "2025", tmp_path / "x.pdf")
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*part")) == []
