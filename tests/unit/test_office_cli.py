"""`selfreview report review|cell|rollup` and `minutes` write Word when --out ends in .docx, the
roll-up Excel for .xlsx; an Office kind a report has not is refused with a clear message and no file."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook

from reports_fixtures import make_cell
from roster_helpers import setup_cell

from selfreview.cli import main


def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), *args])


def text_of(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_report_commands_write_word_and_excel(ctx, data_dir, tmp_path, capsys):
    cell = make_cell(ctx, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    assert run(data_dir, "report", "review", "--review", str(cell.reviews["Lê Hoàng Yến"]),
               "--out", str(out / "r.docx"), "--place", "Cần Thơ") == 0
    assert capsys.readouterr().out.strip() == str(out / "r.docx")
    text = text_of(out / "r.docx")
    assert "Cần Thơ, ngày 10 tháng 12 năm 2025" in text and "Họ và tên: Lê Hoàng Yến" in text

    assert run(data_dir, "report", "cell", "--cell", str(cell.cell_id), "--period", "2025",
               "--out", str(out / "c.docx"), "--with-reviews", "--number", "07-BC/CB") == 0
    text = text_of(out / "c.docx")
    assert "Số 07-BC/CB" in text and "- Chưa nộp: 1 (Đặng Minh Khôi)" in text
    assert text.count("BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN") == 5  # every review appended

    assert run(data_dir, "report", "rollup", "--period", "2025", "--out", str(out / "u.docx"),
               "--signer", "Trương Thị Mai") == 0
    assert "Trương Thị Mai" in text_of(out / "u.docx")
    assert run(data_dir, "report", "rollup", "--period", "2025", "--out", str(out / "u.xlsx")) == 0
    ws = load_workbook(out / "u.xlsx").active
    assert ws["B6"].value == "Chi bộ Phòng Tổ chức - Hành chính" and ws["C6"].value == 6
    capsys.readouterr()

    # a cell's summary has no Excel form: refused before anything is written
    assert run(data_dir, "report", "cell", "--cell", str(cell.cell_id), "--period", "2025",
               "--out", str(out / "c.xlsx")) == 1
    err = capsys.readouterr().err
    assert "c.xlsx" in err and ".docx" in err
    assert sorted(p.name for p in out.iterdir()) == ["c.docx", "r.docx", "u.docx", "u.xlsx"]


def test_minutes_command_writes_word(ctx, data_dir, tmp_path, capsys):
    c, rnd, m = setup_cell(ctx)
    ctx.meetings.update(rnd.id, chair="Nguyễn Văn An", recorder="Trần Thị Bình", place="Phòng họp tầng 3")
    ctx.meetings.mark_all_present(rnd.id)
    out = tmp_path / "bien-ban.docx"
    assert run(data_dir, "minutes", "--cell", str(c.id), "--period", "2025", "--out", str(out)) == 0
    text = text_of(out)
    for s in ("BIÊN BẢN", "4. Chủ trì: đồng chí Nguyễn Văn An.", "5. Thư ký: đồng chí Trần Thị Bình.",
              "2. Địa điểm: Phòng họp tầng 3.", "THƯ KÝ", "CHỦ TRÌ"):
        assert s in text, s
