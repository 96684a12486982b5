"""The minutes (biên bản) of a cell's review meeting as a Word document: the same data and order as
``minutes`` (header, BIÊN BẢN and its subject, facts, the collective, each member's result with the
votes, conclusions, the signatures of the recorder and the chair)."""

from __future__ import annotations

from selfreview.rating import RATING_ORDER
from selfreview.reports.markup import DOTS, clean, number, percent, period_title
from selfreview.reports.minutes import (
    ABBREVIATIONS, CHAIR, RECORDER, SIGN_HINT, SUBJECT, TITLE, MinutesReport, _votes_text, label, short,
    time_words,
)
from selfreview.reports.page import PageSetup
from selfreview.reports.word import CENTER, LEFT, SMALL_PT, WordDocument


def _facts(w: WordDocument, r: MinutesReport) -> None:
    w.para([("1. Thời gian: ", True, False), (f"bắt đầu lúc {time_words(r.starts_at)}.", False, False)])
    w.para([("2. Địa điểm: ", True, False), (f"{clean(r.place) or DOTS}.", False, False)])
    w.para([("3. Thành phần:", True, False)])
    w.para([("- Tổng số đảng viên của chi bộ: ", False, False), (str(r.total_members), True, False),
            (" đồng chí.", False, False)], LEFT)
    w.para([("- Số đảng viên có mặt: ", False, False), (str(r.present), True, False),
            (f" đồng chí ({percent(r.present, r.total_members)}).", False, False)], LEFT)
    if r.absent:
        names = "; ".join(f"đồng chí {n} ({reason or 'chưa ghi lý do'})" for n, reason in r.absent)
        w.para([("- Số đảng viên vắng mặt: ", False, False), (str(len(r.absent)), True, False),
                (f" đồng chí, gồm: {names}.", False, False)], LEFT)
    else:
        w.para([("- Số đảng viên vắng mặt: ", False, False), ("0", True, False), (" đồng chí.", False, False)], LEFT)
    if r.guests:
        w.para("- Khách mời: " + "; ".join(f"đồng chí {n}" + (f", {p}" if p else "") for n, p in r.guests) + ".",
               LEFT)
    w.para([("4. Chủ trì: ", True, False), (f"đồng chí {clean(r.chair) or DOTS}.", False, False)])
    w.para([("5. Thư ký: ", True, False), (f"đồng chí {clean(r.recorder) or DOTS}.", False, False)])
    w.para([("6. Nội dung:", True, False)])
    w.body(r.content)


def write_minutes_docx(report: MinutesReport, path: str, setup: PageSetup | None = None) -> None:
    setup = setup or PageSetup()
    r = report
    w = WordDocument(setup, f"{TITLE} {SUBJECT} {period_title(r.period)} — {r.cell}", r.recorder or r.cell)
    w.header_block(r.header)
    w.title([TITLE])
    w.centred(f"{SUBJECT} {period_title(r.period)}", bold=True)
    _facts(w, r)
    numerals = iter(("I", "II", "III"))
    if r.collective is not None:
        c = r.collective
        w.heading(f"{next(numerals)}. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ", 1)
        if c.total is not None:
            parts = (f" (nhóm tiêu chí chung {number(c.general)}/30; kết quả thực hiện nhiệm vụ {number(c.tasks)}/70)"
                     if c.general is not None and c.tasks is not None else "")
            w.para([("- Tổng điểm tập thể tự đánh giá: ", False, False), (f"{number(c.total)}/100", True, False),
                    (f"{parts}.", False, False)], LEFT)
        w.para(f"- Tập thể tự đề xuất: {label(c.self_rating)}.", LEFT)
        if c.recorded:
            w.para(f"- Kết quả biểu quyết ({r.present} đồng chí có mặt): {_votes_text(c.votes)}.", LEFT)
        w.para([("- Chi bộ đề xuất xếp loại: ", False, False), (label(c.final_rating), True, False), (".", False, False)],
               LEFT)
        if c.opinions:
            w.para("- Ý kiến tại hội nghị:", LEFT)
            w.body(c.opinions)
    w.heading(f"{next(numerals)}. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN", 1)
    w.para("Từng đảng viên trình bày bản kiểm điểm; hội nghị góp ý; chi ủy nêu nhận xét và đề xuất; "
           "hội nghị biểu quyết mức xếp loại. Kết quả như sau:")
    rows: list[list] = [["TT", "Họ và tên", "Điểm tự chấm", "Tự đề xuất", "Chi ủy đề xuất",
                         "Kết quả biểu quyết (số phiếu)", "Chi bộ đề xuất"]]
    for n, m in enumerate(r.members, start=1):
        runs = [(m.name, False, False)] + ([(f"\n{m.post}", False, True)] if m.post else [])
        votes = "\n".join(f"{x.short}: {m.votes[x.value]}" for x in RATING_ORDER if m.votes.get(x.value)) or "0"
        rows.append([str(n), runs, number(m.total), short(m.self_rating), short(m.committee_rating),
                     votes if m.recorded else "", [(short(m.final_rating), True, False)]])
    widths: list[float] = [10, 0, 14, 19, 19, 31, 21]  # mm: "HTXSNV" in 10 pt bold fits a column of 21
    widths[1] = w.width_mm - sum(widths)
    w.table(rows, widths, size=SMALL_PT, centre_cols=(0, 2, 3, 4, 6))
    w.para([("Viết tắt: " + ABBREVIATIONS + ".", False, True)], size=12)
    counts = {x.value: sum(1 for m in r.members if m.final_rating == x.value) for x in RATING_ORDER}
    total = len(r.members)
    w.para([("Tổng hợp mức chi bộ đề xuất: ", True, False),
            ("; ".join(f"{x.short} {counts[x.value]} ({percent(counts[x.value], total)})" for x in RATING_ORDER) + ".",
             False, False)])
    if r.quota_line:
        w.para(f"- Hạn mức xếp loại “Hoàn thành xuất sắc nhiệm vụ”: {r.quota_line}.", LEFT)
    with_opinions = [m for m in r.members if m.opinions.strip()]
    if with_opinions:
        w.para([("Ý kiến tại hội nghị:", True, False)])
        for m in with_opinions:
            w.para([("- Đồng chí ", False, False), (m.name, True, False), (f": {clean(m.opinions).strip()}", False, False)],
                   indent_mm=10)
    w.heading(f"{next(numerals)}. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ", 1)
    w.body(r.conclusions)
    if r.ends_at is not None:
        same_day = r.starts_at is not None and r.starts_at.date() == r.ends_at.date()
        when = (f"{r.ends_at.hour:02d} giờ {r.ends_at.minute:02d} phút cùng ngày" if same_day
                else time_words(r.ends_at))
        w.para(f"Hội nghị kết thúc lúc {when}.", first_line_mm=10)
    width = w.width_mm
    cells = w.layout_table([[], []], [width / 2, width / 2])
    for cell, role, name in ((cells[0], RECORDER, r.recorder), (cells[1], CHAIR, r.chair)):
        w.cell_para(cell, [(role, True, False)], CENTER, first=True)
        w.cell_para(cell, [(SIGN_HINT, False, True)], CENTER, size=13)
        for _ in range(4):
            w.cell_para(cell, [("", False, False)])
        w.cell_para(cell, [(clean(name).strip() or DOTS * 3, True, False)], CENTER)
    w.save(path)
