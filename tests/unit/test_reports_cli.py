"""`selfreview report review|cell|rollup|page-setup` on a data directory."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

from reports_fixtures import assert_fonts_embedded, assert_in_all, make_cell, texts

from selfreview.cli import main


@pytest.fixture
def cell(ctx, tmp_path):
    return make_cell(ctx, tmp_path)


def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), "report", *args])


def test_report_commands_write_the_three_pdfs(ctx, cell, data_dir, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    assert run(data_dir, "review", "--review", str(cell.reviews["Lê Hoàng Yến"]), "--out", str(out / "r.pdf"),
               "--place", "Cần Thơ") == 0
    assert capsys.readouterr().out.strip() == str(out / "r.pdf")
    assert_in_all("Cần Thơ, ngày 10 tháng 12 năm 2025", texts(out / "r.pdf"))
    assert_in_all("Họ và tên: Lê Hoàng Yến", texts(out / "r.pdf"))

    assert run(data_dir, "cell", "--cell", str(cell.cell_id), "--period", "2025", "--out", str(out / "c.pdf"),
               "--with-reviews", "--min-count", "1", "--number", "07-BC/CB") == 0
    got = texts(out / "c.pdf")
    assert_in_all("Số 07-BC/CB", got)
    assert_in_all("- Chưa nộp: 1 (Đặng Minh Khôi)", got)
    assert len(PdfReader(str(out / "c.pdf")).outline) == 3

    assert run(data_dir, "rollup", "--period", "2025", "--out", str(out / "u.pdf"), "--issuer",
               "Đảng ủy Sở Nội vụ", "--superior", "Đảng bộ tỉnh Quảng Nam", "--signer", "Trương Thị Mai") == 0
    got = texts(out / "u.pdf")
    for s in ("ĐẢNG BỘ TỈNH QUẢNG NAM", "ĐẢNG ỦY SỞ NỘI VỤ", "Trương Thị Mai", "- Tổng số đảng viên: 6"):
        assert_in_all(s, got)
    for name in ("r.pdf", "c.pdf", "u.pdf"):
        assert_fonts_embedded(out / name)
    assert sorted(p.name for p in out.iterdir()) == ["c.pdf", "r.pdf", "u.pdf"]


def test_page_setup_is_saved_and_used(ctx, cell, data_dir, tmp_path, capsys):
    assert run(data_dir, "page-setup", "--paper", "a5", "--margins", "15/15/25/10", "--place", "Tam Kỳ") == 0
    capsys.readouterr()
    assert run(data_dir, "page-setup", "--json") == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved == {"paper": "A5", "top_mm": 15.0, "bottom_mm": 15.0, "left_mm": 25.0, "right_mm": 10.0,
                     "place": "Tam Kỳ"}
    out = tmp_path / "a5.pdf"
    assert run(data_dir, "review", "--review", str(cell.reviews["Võ Thị Thu Hà"]), "--out", str(out)) == 0
    box = PdfReader(str(out)).pages[0].mediabox
    assert round(float(box.width)) == 420
    assert_in_all("Tam Kỳ, ngày 10 tháng 12 năm 2025", texts(out))
    # an A4 run for once, without changing the saved setting (replacing the A5 file: --force)
    assert run(data_dir, "review", "--review", str(cell.reviews["Võ Thị Thu Hà"]), "--out", str(out),
               "--paper", "A4", "--margins", "20 20 30 15", "--force") == 0
    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) == 595
    assert ctx.reports.page_setup().paper == "A5"


def test_errors_are_reported_and_leave_no_file(ctx, cell, data_dir, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert run(data_dir, "review", "--review", "999", "--out", str(out)) == 1
    assert "999" in capsys.readouterr().err
    assert run(data_dir, "cell", "--cell", str(cell.cell_id), "--period", "1999", "--out", str(out)) == 1
    assert "1999" in capsys.readouterr().err
    assert run(data_dir, "rollup", "--period", "2025", "--out", str(tmp_path / "no-such-dir" / "x.pdf")) == 1
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    with pytest.raises(SystemExit):
        run(data_dir, "cell", "--cell", str(cell.cell_id), "--period", "2025", "--out", str(out), "--min-count", "0")
