"""Importing a roster from XLSX or CSV: Vietnamese or English headers, the date and category forms
offices use, a bilingual report of the rows that could not be read, one transaction."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from selfreview.services.cells import MemberData
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError
from selfreview.services.roster_file import parse_category, parse_date

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
def cell(ctx):
    return ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")


def write_xlsx(path, rows, title: str | None = "DANH SÁCH ĐẢNG VIÊN CHI BỘ VĂN PHÒNG"):
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
        ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


VI_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ Đảng", "Chức vụ chính quyền", "Chức vụ đoàn thể", "Đối tượng"]


def test_xlsx_with_vietnamese_headers_under_a_title(ctx, cell, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [
        VI_HEADER,
        [1, "Nguyễn Văn An", datetime(1975, 3, 5), "Bí thư chi bộ", "Chánh Văn phòng", "", "2A"],
        [2, "Trần Thị Bình", "01/06/1985", "", "Chuyên viên", "Chủ tịch Công đoàn", "Không giữ chức vụ lãnh đạo, quản lý"],
        [3, "Phạm Thị Dung", "1950-09-09", "", "", "", "Đảng viên không làm việc trong hệ thống chính trị"],
        [4, "Lê Văn Cường", 32893, "", "", "", "02B"],  # an Excel date serial (20/01/1990) in a General cell
    ])
    result = ctx.roster.import_roster(cell.id, path)
    assert result.problems == () and len(result.added) == 4 and result.updated == ()
    got = {m.full_name: m for m in ctx.cells.members(cell.id)}
    assert got["Nguyễn Văn An"].date_of_birth == date(1975, 3, 5) and got["Nguyễn Văn An"].category == "leader"
    assert got["Nguyễn Văn An"].party_post == "Bí thư chi bộ"
    assert got["Nguyễn Văn An"].government_post == "Chánh Văn phòng"
    assert got["Trần Thị Bình"].date_of_birth == date(1985, 6, 1) and got["Trần Thị Bình"].category == "non_leader"
    assert got["Trần Thị Bình"].mass_org_post == "Chủ tịch Công đoàn"
    assert got["Phạm Thị Dung"].category == "outside_system"
    assert got["Lê Văn Cường"].date_of_birth == date(1990, 1, 20)
    assert result.ignored_columns == ("STT",)
    assert result.summary.vi == "Đã thêm 4, cập nhật 0, không đổi 0; 0 dòng không đọc được."


def test_unreadable_rows_are_reported_with_their_row_number_and_a_bilingual_reason(ctx, cell, tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", [
        VI_HEADER,
        [1, "Nguyễn Văn An", "05/03/1975", "", "", "", "2A"],
        [2, "", "01/06/1985", "", "", "", "2B"],  # no name
        [3, "Trần Thị Bình", "31/02/1985", "", "", "", "2B"],  # no such day
        [4, "Lê Văn Cường", "1990", "", "", "", "2B"],  # a year is not a date
        [5, "Phạm Thị Dung", "09/09/1950", "", "", "", "chi ủy viên"],  # not a category
        [6, "Nguyễn Văn An", "05/03/1975", "", "", "", "2A"],  # the same person twice
        [7, "Hoàng Văn Em", "12/12/2090", "", "", "", "2B"],  # born in the future
    ])
    result = ctx.roster.import_roster(cell.id, path)
    assert [m.full_name for m in result.added] == ["Nguyễn Văn An"]
    by_row = {p.row: p for p in result.problems}
    assert sorted(by_row) == [5, 6, 7, 8, 9, 10]  # the spreadsheet's own row numbers (title, blank, header)
    assert by_row[5].message.code == "roster.row.no_name"
    assert by_row[5].message.vi == "Thiếu họ và tên." and by_row[5].message.en == "The full name is missing."
    assert by_row[6].message.code == "roster.row.bad_date" and "31/02/1985" in by_row[6].message.vi
    assert by_row[7].message.code == "roster.row.bad_date" and "“1990”" in by_row[7].message.en
    assert by_row[8].message.code == "roster.row.bad_category" and "chi ủy viên" in by_row[8].message.vi
    assert by_row[9].message.code == "roster.row.duplicate" and "dòng 4" in by_row[9].message.vi
    assert by_row[10].message.code == "roster.row.date_range"
    assert result.summary.en == "Added 1, updated 0, unchanged 0; 6 rows could not be read."


def test_csv_utf8_with_bom_english_headers_and_an_update(ctx, cell, tmp_path):
    ctx.cells.add_member(cell.id, MemberData("Nguyễn Văn An", "non_leader", date(1975, 3, 5)))
    text = ("full_name,date_of_birth,party_post,government_post,mass_org_post,category\r\n"
            "Nguyễn Văn An,1975-03-05,Bí thư chi bộ,,,leader\r\n"
            "\"Trần Thị Bình\",01/06/1985,,\"Chuyên viên, kế toán\",,non_leader\r\n")
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = ctx.roster.import_roster(cell.id, path)
    assert [m.full_name for m in result.added] == ["Trần Thị Bình"]
    assert [m.full_name for m in result.updated] == ["Nguyễn Văn An"]
    assert result.encoding == "utf-8"
    got = {m.full_name: m for m in ctx.cells.members(cell.id)}
    assert got["Nguyễn Văn An"].category == "leader" and got["Nguyễn Văn An"].party_post == "Bí thư chi bộ"
    assert got["Trần Thị Bình"].government_post == "Chuyên viên, kế toán"
    assert len(got) == 2
    again = ctx.roster.import_roster(cell.id, path)
    assert again.added == () and again.updated == () and len(again.unchanged) == 2


def test_csv_with_semicolons_decomposed_text_and_no_category(ctx, cell, tmp_path):
    nfd = unicodedata.normalize("NFD", "Họ và tên;Ngày sinh\nNguyễn Thị Hồng;02.03.1988\n")
    path = tmp_path / "ds.csv"
    path.write_text(nfd, encoding="utf-8")
    result = ctx.roster.import_roster(cell.id, path)
    [m] = result.added
    assert m.full_name == "Nguyễn Thị Hồng" and unicodedata.is_normalized("NFC", m.full_name)
    assert m.date_of_birth == date(1988, 3, 2) and m.category == "non_leader"
    [note] = result.notes
    assert note.row == 2 and note.message.code == "roster.row.default_category"


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: â ê ô ơ ư ă đ precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)) + tones)
    return "".join(out).encode("cp1258")


def test_a_legacy_code_page_is_reported_not_guessed(ctx, cell, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(cp1258("Họ và tên,Ngày sinh\nTrần Văn Hải,01/01/1980\n"))
    with pytest.raises(ServiceError) as e:
        ctx.roster.import_roster(cell.id, path)
    assert e.value.message.code == "roster.not_utf8"
    assert "CSV UTF-8" in e.value.message.vi and "Windows-1258" in e.value.message.en
    assert ctx.cells.members(cell.id) == []
    result = ctx.roster.import_roster(cell.id, path, encoding="cp1258")  # when the secretary says so
    assert [m.full_name for m in result.added] == ["Trần Văn Hải"]


@pytest.mark.parametrize("name,content,code", [
    ("ds.xls", b"\xd0\xcf\x11\xe0", "roster.unsupported"),
    ("ds.xlsx", b"not a zip at all", "roster.bad_xlsx"),
    ("ds.csv", "Tên đơn vị,Số lượng\nA,1\n".encode(), "roster.no_header"),
])
def test_files_that_cannot_be_read_at_all(ctx, cell, tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ServiceError) as e:
        ctx.roster.import_roster(cell.id, path)
    assert e.value.message.code == code


def test_dry_run_changes_nothing_and_the_import_is_one_transaction(ctx, cell, tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn An", "05/03/1975"],
                                             ["Trần Thị Bình", "01/06/1985"]], title=None)
    preview = ctx.roster.import_roster(cell.id, path, dry_run=True)
    assert preview.dry_run and len(preview.added) == 2
    assert ctx.cells.members(cell.id) == []

    from selfreview.services import audit
    real = audit.record

    def fail_at_the_end(session, action, *a, **kw):
        if action == "roster.import":
            raise RuntimeError("disk full")
        return real(session, action, *a, **kw)
    monkeypatch.setattr(audit, "record", fail_at_the_end)
    with pytest.raises(RuntimeError):
        ctx.roster.import_roster(cell.id, path)
    assert ctx.cells.members(cell.id) == []  # nothing half-imported


@pytest.mark.parametrize("text,expected", [
    ("2A", "leader"), ("02A", "leader"), ("Mẫu 2B", "non_leader"), ("2c", "outside_system"),
    ("leader", "leader"), ("non_leader", "non_leader"), ("outside_system", "outside_system"),
    ("Lãnh đạo, quản lý", "leader"), ("Giữ chức vụ lãnh đạo, quản lý", "leader"),
    ("Không giữ chức vụ lãnh đạo, quản lý", "non_leader"), ("khong giu chuc vu", "non_leader"),
    ("Hưu trí", "outside_system"), ("Không làm việc trong hệ thống chính trị", "outside_system"),
    ("chi ủy viên", None), ("", None),
])
def test_categories(text, expected):
    assert parse_category(text) == expected


@pytest.mark.parametrize("value,expected", [
    ("05/03/1975", date(1975, 3, 5)), ("5/3/1975", date(1975, 3, 5)), ("05-03-1975", date(1975, 3, 5)),
    ("05.03.1975", date(1975, 3, 5)), ("1975-03-05", date(1975, 3, 5)), ("1975-03-05 00:00:00", date(1975, 3, 5)),
    (datetime(1975, 3, 5, 0, 0), date(1975, 3, 5)), (date(1975, 3, 5), date(1975, 3, 5)), (27458, date(1975, 3, 5)),
])
def test_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["1975", 1975, "31/02/1985", "03/1975", "hôm qua", 27458.5, True])
def test_bad_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_roster_rows_meet_the_one_set_of_limits_with_the_profiles_message(ctx, cell, tmp_path):
    """Issue 14: a name too long, a name with an invisible character, a post with a control
    character are refused row by row with the very message the profile and the import give."""
    long_name = "Nguyễn " + "Văn " * 60 + "An"  # 249 characters: over limits.FULL_NAME
    hidden = "Trần Thị\u200b Bình"  # a zero-width space: looks like "Trần Thị Bình"
    path = tmp_path / "ds.csv"  # a CSV: a workbook cannot even hold the control character
    path.write_text("Họ và tên,Ngày sinh,Chức vụ Đảng,Đối tượng\n"
                    "Nguyễn Văn An,05/03/1975,,2A\n"
                    f"{long_name},01/06/1985,,2B\n"
                    f"{hidden},01/06/1985,,2B\n"
                    "Lê Văn Cường,01/06/1985,Chi ủy viên\x1b[2J,2B\n", encoding="utf-8")
    result = ctx.roster.import_roster(cell.id, path)
    assert [m.full_name for m in result.added] == ["Nguyễn Văn An"]
    by_row = {p.row: p.message for p in result.problems}
    assert sorted(by_row) == [3, 4, 5]
    for row, (field, value) in zip((3, 4, 5), (("full_name", long_name), ("full_name", hidden),
                                                ("party_post", "Chi ủy viên\x1b[2J"))):
        with pytest.raises(ServiceError) as entered:  # the profile form's answer to the same value
            ctx.profiles.create(ProfileData(**{"full_name": "Nguyễn Văn Bình", field: value}))
        assert by_row[row] == entered.value.message, row
    assert by_row[3].code == "limit.too_long" and by_row[4].code == "limit.invisible"
    assert by_row[5].code == "limit.control"
    assert [m.full_name for m in ctx.cells.members(cell.id)] == ["Nguyễn Văn An"]
