"""The committee's roll-up: a row per cell, totals, counts, the quota, the self-check summed;
and the seed's scale (65 organisations, more than 4,500 members)."""

from __future__ import annotations

import time

import pytest
from pypdf import PdfReader

from reports_fixtures import (assert_fonts_embedded, assert_in_all, check_counts, make_cell, make_many_cells,
                              page_number_marks, row_with, table_rows, texts)

from selfreview.services.errors import NotFound

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


def test_rollup_rows_totals_and_quota(ctx, tmp_path):
    make_cell(ctx, tmp_path, name="Chi bộ Văn phòng", superior="Đảng bộ Sở Nội vụ")
    make_cell(ctx, tmp_path, name="Chi bộ Thanh tra", superior="Đảng bộ Sở Nội vụ", missing=())
    make_cell(ctx, tmp_path, name="Chi bộ Đề án 2024", superior="Đảng bộ Sở Nội vụ", period="2024")
    out = tmp_path / "rollup.pdf"
    ctx.reports.write_rollup("2025", out, number="05-BC/ĐU", signer="Hoàng Văn Thụ")
    got = texts(out)
    for s in ("ĐẢNG BỘ SỞ NỘI VỤ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-BC/ĐU",
              "TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025",
              "- Số tổ chức đảng trực thuộc có đợt kiểm điểm: 2", "- Tổng số đảng viên: 12",
              "- Đã nộp bản kiểm điểm: 11 (91,7%); chưa nộp: 1",
              "- Chưa có đợt kiểm điểm kỳ này: Chi bộ Đề án 2024", "T/M ĐẢNG ỦY", "Hoàng Văn Thụ"):
        assert_in_all(s, got)
    rows = table_rows(out)
    # TT, name, members, submitted, then self / cell per level (HTXSNV, HTTNV, HTNV, KHTNV), quota
    assert row_with(rows, "1", "Chi bộ Thanh tra")[2:] == ["6", "6", "2", "1", "2", "3", "2", "1", "0", "0",
                                                          "Vượt 1"]
    assert row_with(rows, "2", "Chi bộ Văn phòng")[2:] == ["6", "5", "2", "1", "2", "3", "1", "0", "0", "0",
                                                          "Vượt 1"]
    assert row_with(rows, "Tổng cộng")[1:] == ["12", "11", "4", "2", "4", "6", "3", "1", "0", "0", "Vượt 1"]
    assert row_with(rows, "Hoàn thành xuất sắc nhiệm vụ")[1:] == ["4", "33,3%", "2", "16,7%"]
    assert row_with(rows, "Chưa xếp loại")[1:] == ["1", "8,3%", "3", "25%"]
    assert_in_all("- Theo chi bộ đề xuất: HTXSNV 2 / HTTNV 6: tối đa 1 (20%) — vượt 1", got)
    assert_in_all("- Theo tự đề xuất: HTXSNV 4 / HTTNV 4: tối đa 0 (20%) — vượt 4", got)
    # the self-check summed over both cells: behaviour 7 is 6 "sometimes", 2 "often"
    assert check_counts(rows, "7") == ["6", "<3", "≥7"]  # at least 6 + 1
    assert check_counts(rows, "6") == ["4", "0", "4"]
    assert_fonts_embedded(out)
    assert b"Helvetica" not in out.read_bytes()


def test_rollup_quota_at_25_percent_and_unknown_period(ctx, tmp_path):
    make_cell(ctx, tmp_path, missing=())
    out = tmp_path / "rollup.pdf"
    ctx.reports.write_rollup("2025", out, quota_percent=25)
    assert_in_all("- Theo chi bộ đề xuất: HTXSNV 1 / HTTNV 3: tối đa 0 (25%) — vượt 1", texts(out))
    with pytest.raises(NotFound):
        ctx.reports.write_rollup("2030", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_rollup_at_the_seed_scale(ctx, tmp_path):
    expected = make_many_cells(ctx, cells=65, members=70)
    assert expected["members"] > 4500
    out = tmp_path / "rollup-4550.pdf"
    start = time.perf_counter()
    ctx.reports.write_rollup("2025", out)
    elapsed = time.perf_counter() - start
    got = texts(out)
    assert_in_all(f"- Tổng số đảng viên: {expected['members']}", got)
    assert_in_all("- Số tổ chức đảng trực thuộc có đợt kiểm điểm: 65", got)
    rows = table_rows(out)
    total = " ".join(row_with(rows, "Tổng cộng")[1:]).split()  # wide numbers may sit one space apart
    assert total[0:3] == [str(expected["members"]), str(expected["submitted"]), str(expected["htxsnv_self"])]
    assert "65 Chi bộ Phòng 65 70 60 6 0 36 30 12 12 6 6 Đạt" in got[1]  # the last cell's row
    assert len(PdfReader(str(out)).pages) >= 3
    marks = page_number_marks(out)
    assert marks[0] == [] and [m[0][0] for m in marks[1:]] == [str(n) for n in range(2, len(marks) + 1)]
    assert_fonts_embedded(out)
    assert elapsed < 20  # generous: the benchmark issue times it properly
