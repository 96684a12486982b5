"""The minutes (biên bản) PDF: read back with pypdf and pdftotext, the exact Vietnamese wording,
Liberation Serif for every text, written atomically."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime

import pytest
from answers_2b import complete_2b
from pypdf import PdfReader
from roster_helpers import hand_in, setup_cell

from selfreview.cli import main
from selfreview.cancel import Cancelled

# on SQLite and on PostgreSQL (tests/conftest.py, ``database``)
pytestmark = pytest.mark.usefixtures("database")

@pytest.fixture
def meeting(ctx):
    cell, rnd, m = setup_cell(ctx)
    for name in m:
        hand_in(ctx, rnd, m[name], datetime(2025, 12, 1, 1, 0))
    hand_in(ctx, rnd, m["Lê Văn Cường"], datetime(2025, 12, 2, 1, 0),
            complete_2b() | {"b1_general": 28, "b1_tasks": 63}, revision=2,
            parent_id=next(r.review_id for r in ctx.rollcall.roll_call(rnd.id).rows if r.name == "Lê Văn Cường"))
    rid = ctx.collective.open(rnd.id).summary.id
    for qid, value in (("b1_general", 27), ("b1_tasks", 60), ("b2_proposed", "httnv")):
        ctx.reviews.save_answer(rid, qid, value)
    ctx.reports.set_place("Hà Nội")
    ctx.meetings.update(rnd.id, starts_at=datetime(2025, 12, 15, 14, 0), ends_at=datetime(2025, 12, 15, 17, 30),
                        place="Phòng họp tầng 3, trụ sở Sở Nội vụ", chair="Nguyễn Văn An", recorder="Trần Thị Bình",
                        guests=[{"name": "Hoàng Văn Giang", "position": "Đảng ủy viên Đảng bộ Sở"}],
                        conclusions="Hội nghị nhất trí đề xuất cấp ủy cấp trên xếp loại như trên.")
    ctx.meetings.mark_all_present(rnd.id)
    ctx.meetings.set_attendance(rnd.id, m["Phạm Thị Dung"].id, False, "Ốm, có giấy xin phép")
    ctx.meetings.record_result(rnd.id, None, {"httnv": 4}, "httnv", "Nhất trí với báo cáo kiểm điểm của tập thể.")
    ctx.assessments.set_assessment(rnd.id, m["Lê Văn Cường"].id, "Hoàn thành xuất sắc", "htxsnv")
    ctx.meetings.record_result(rnd.id, m["Lê Văn Cường"].id, {"htxsnv": 3, "httnv": 1}, "htxsnv",
                               "Đồng chí Nguyễn Văn An: đề nghị phát huy.")
    for name in ("Nguyễn Văn An", "Đỗ Minh Châu", "Trần Thị Bình"):
        ctx.meetings.record_result(rnd.id, m[name].id, {"httnv": 4}, "httnv")
    return cell, rnd, m


def pdftotext(path, layout: bool = False) -> str:
    """poppler's pdftotext (poppler-utils), the reader most like a person's PDF viewer."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_minutes_read_back(ctx, meeting, tmp_path):
    _, rnd, _ = meeting
    out = ctx.meetings.write_minutes(rnd.id, tmp_path / "bien-ban.pdf")
    text = flat(pdftotext(out))
    for phrase in (
        "ĐẢNG BỘ SỞ NỘI VỤ", "CHI BỘ VĂN PHÒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 15 tháng 12 năm 2025",
        "BIÊN BẢN", "HỘI NGHỊ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025",
        "1. Thời gian: bắt đầu lúc 14 giờ 00 phút, ngày 15 tháng 12 năm 2025.",
        "2. Địa điểm: Phòng họp tầng 3, trụ sở Sở Nội vụ.",
        "Tổng số đảng viên của chi bộ: 5 đồng chí.", "Số đảng viên có mặt: 4 đồng chí (80%).",
        "Số đảng viên vắng mặt: 1 đồng chí, gồm: đồng chí Phạm Thị Dung (Ốm, có giấy xin phép).",
        "Khách mời: đồng chí Hoàng Văn Giang, Đảng ủy viên Đảng bộ Sở.",
        "4. Chủ trì: đồng chí Nguyễn Văn An.", "5. Thư ký: đồng chí Trần Thị Bình.",
        "I. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ",
        "Tổng điểm tập thể tự đánh giá: 87/100 (nhóm tiêu chí chung 27/30; kết quả thực hiện nhiệm vụ 60/70).",
        "Tập thể tự đề xuất: Hoàn thành tốt nhiệm vụ.",
        "Kết quả biểu quyết (4 đồng chí có mặt): HTXSNV 0, HTTNV 4, HTNV 0, KHTNV 0.",
        "Nhất trí với báo cáo kiểm điểm của tập thể.",
        "II. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN",
        "Tổng hợp mức chi bộ đề xuất: HTXSNV 1 (20%); HTTNV 3 (60%); HTNV 0 (0%); KHTNV 0 (0%).",
        "HTXSNV 1 / HTTNV 3: tối đa 0 (20%) — vượt 1",
        "Đồng chí Lê Văn Cường: Đồng chí Nguyễn Văn An: đề nghị phát huy.",
        "III. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ", "Hội nghị nhất trí đề xuất cấp ủy cấp trên xếp loại như trên.",
        "Hội nghị kết thúc lúc 17 giờ 30 phút cùng ngày.",
        "THƯ KÝ", "CHỦ TRÌ",
    ):
        assert phrase in text, phrase
    layout = pdftotext(out, layout=True)
    rows = layout.splitlines()
    at = next(i for i, line in enumerate(rows) if "Lê Văn Cường" in line)
    row = rows[at]
    assert re.search(r"\b91\b", row) and row.split()[-3:] == ["HTTNV", "HTXSNV", "HTXSNV"]  # score; self, committee, cell
    around = " ".join(rows[at - 2:at + 3])
    assert "HTXSNV: 3" in around and "HTTNV: 1" in around  # the votes, one level a line
    signatures = next(line for line in layout.splitlines() if "THƯ KÝ" in line)
    assert signatures.index("THƯ KÝ") < signatures.index("CHỦ TRÌ")  # recorder left, chair right
    names = next(line for line in layout.splitlines() if "Trần Thị Bình" in line and "Nguyễn Văn An" in line)
    assert names.index("Trần Thị Bình") < names.index("Nguyễn Văn An")


def test_minutes_use_liberation_serif_only(ctx, meeting, tmp_path):
    _, rnd, _ = meeting
    out = ctx.meetings.write_minutes(rnd.id, tmp_path / "bien-ban.pdf")
    reader = PdfReader(out)
    fonts = set()
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?", f) for f in fonts), fonts
    assert any("Bold" in f for f in fonts) and any("Italic" in f for f in fonts)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "BIÊN BẢN" in text and "Nguyễn Văn An" in text
    assert reader.metadata.title.startswith("BIÊN BẢN HỘI NGHỊ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025")


def test_minutes_are_written_atomically(ctx, meeting, tmp_path):
    _, rnd, _ = meeting
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "bien-ban.pdf"
    target.write_bytes(b"the previous minutes")
    calls = []

    def cancel_midway() -> bool:
        calls.append(1)
        return len(calls) > 5
    with pytest.raises(Cancelled):
        ctx.meetings.write_minutes(rnd.id, target, should_cancel=cancel_midway)
    assert target.read_bytes() == b"the previous minutes"  # untouched
    assert [p.name for p in folder.iterdir()] == ["bien-ban.pdf"]  # no temporary file left behind
    progress = []
    ctx.meetings.write_minutes(rnd.id, target, progress=lambda done, total: progress.append((done, total)))
    assert target.read_bytes().startswith(b"%PDF") and progress and progress[-1][0] == progress[-1][1]


def test_minutes_command_and_an_empty_meeting(ctx, data_dir, tmp_path, capsys):
    cell, rnd, _ = setup_cell(ctx, deadline=None)
    ctx.meetings.open(rnd.id)
    out = tmp_path / "bb.pdf"
    assert main(["--data-dir", str(data_dir), "minutes", "--cell", str(cell.id), "--period", "2025",
                 "--out", str(out), "--number", "03-BB/CB"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    text = flat(pdftotext(out))
    assert "Số 03-BB/CB" in text
    assert "……, ngày 15" not in text and "ngày …… tháng …… năm ……" in text  # no date yet: dots to fill in
    assert "I. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN" in text  # no collective report: members come first
    assert "đồng chí ……" in text
