"""The roll-call table out: XLSX read back with openpyxl and CSV read back with csv hold exactly the
table's values; the CSV starts with the UTF-8 BOM; ``selfreview roster`` writes both."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest
from answers_2b import complete_2b
from openpyxl import load_workbook
from roster_helpers import hand_in, setup_cell

from selfreview.cli import main
from selfreview.services.errors import ServiceError
from selfreview.services.rollcall_table import COLUMNS, table, text_of, write_table


@pytest.fixture
def rollcall(ctx):
    _, rnd, m = setup_cell(ctx)
    at = datetime(2025, 12, 1, 9, 30, 17, 123456).astimezone(timezone.utc).replace(tzinfo=None)
    hand_in(ctx, rnd, m["Nguyễn Văn An"], at)
    hand_in(ctx, rnd, m["Trần Thị Bình"], at, complete_2b() | {"b1_general": 25.5, "b2_proposed": "htnv"})
    ctx.assessments.set_assessment(rnd.id, m["Trần Thị Bình"].id, "Nhận xét", "httnv")
    return ctx.rollcall.roll_call(rnd.id)


def test_xlsx_read_back_holds_the_table(rollcall, tmp_path):
    out = write_table(rollcall, tmp_path / "diem-danh.xlsx")
    headers, rows = table(rollcall)
    ws = load_workbook(out).active
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    assert got[0] == headers == ["STT", "Họ và tên", "Chức vụ", "Đối tượng", "Tình trạng", "Thời điểm nộp",
                                 "Tổng điểm", "Tự đề xuất xếp loại", "Chi bộ đề xuất xếp loại",
                                 "Cấp trên quyết định xếp loại"]
    assert len(got) == 1 + rollcall.total
    for back, want in zip(got[1:], rows):
        assert back == [float(v) if hasattr(v, "as_tuple") and v != int(v) else
                        int(v) if hasattr(v, "as_tuple") else v for v in want]
    first = got[1]
    assert first[:5] == [1, "Nguyễn Văn An", "Bí thư chi bộ", "2A", "Đã nộp"]
    assert first[5] == datetime(2025, 12, 1, 9, 30, 17) and first[6] == 86 and first[7] == "HTTNV"
    binh = next(r for r in got if r[1] == "Trần Thị Bình")
    assert binh[6] == 85.5 and binh[7] == "HTNV" and binh[8] == "HTTNV"
    missing = next(r for r in got if r[1] == "Phạm Thị Dung")
    assert missing[4] == "Chưa nộp" and missing[5] is None and missing[6] is None
    assert all(ws.cell(row=1, column=i).font.b for i in range(1, len(COLUMNS) + 1))
    assert ws.column_dimensions["B"].width == 28
    assert ws.cell(row=2, column=6).number_format == "dd/mm/yyyy hh:mm"


def test_csv_starts_with_the_bom_and_holds_the_table(rollcall, tmp_path):
    out = write_table(rollcall, tmp_path / "diem-danh.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    headers, rows = table(rollcall)
    assert got == [headers] + [[text_of(v) for v in row] for row in rows]
    binh = next(r for r in got if r[1] == "Trần Thị Bình")
    assert binh[5] == "01/12/2025 09:30" and binh[6] == "85,5"  # Vietnamese decimal comma


def test_english_headers_and_statuses(rollcall, tmp_path):
    out = write_table(rollcall, tmp_path / "roll-call.csv", lang="en")
    with open(out, encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    assert got[0][:5] == ["No.", "Full name", "Post", "Category", "Status"]
    assert {r[4] for r in got[1:]} == {"Submitted", "Not submitted"}
    assert next(r for r in got if r[1] == "Trần Thị Bình")[6] == "85.5"


def test_unknown_format_and_missing_folder(rollcall, tmp_path):
    with pytest.raises(ServiceError) as e:
        write_table(rollcall, tmp_path / "t.ods")
    assert e.value.message.code == "table.bad_format"
    with pytest.raises(FileNotFoundError):
        write_table(rollcall, tmp_path / "no-such-folder" / "t.csv")
    assert not list(tmp_path.glob(".t.*.part"))


def test_the_roster_command(ctx, data_dir, tmp_path, capsys):
    cell, rnd, m = setup_cell(ctx)
    hand_in(ctx, rnd, m["Nguyễn Văn An"], datetime(2025, 12, 1, 2, 0))
    expected = ctx.rollcall.roll_call(rnd.id)
    base = ["--data-dir", str(data_dir), "roster", "--cell", str(cell.id), "--period", "2025"]
    xlsx, csv_path = tmp_path / "a.xlsx", tmp_path / "b.dat"
    assert main(base + ["--format", "xlsx", "--out", str(xlsx)]) == 0
    assert main(base + ["--format", "csv", "--out", str(csv_path)]) == 0
    capsys.readouterr()
    ws = load_workbook(xlsx).active
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == [r.name for r in expected.rows]
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(base) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Chi bộ Văn phòng — 2025: 1/5 đã nộp" and "Nguyễn Văn An" in out
    assert main(base + ["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["label"] == "1/5 đã nộp" and [r["status"] for r in data["rows"]][:2] == ["submitted", "not_submitted"]
    assert main(base[:-1] + ["2019"]) == 1
    assert "chưa có đợt kiểm điểm kỳ 2019" in capsys.readouterr().err
