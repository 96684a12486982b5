"""The cell's summary and the committee's roll-up as Word documents: the same sections, tables and
counts as the PDFs (``cell_summary``, ``rollup``), as real Word tables a secretary can edit. The
PDFs' bar charts are not drawn: the tables above them carry the same numbers."""

from __future__ import annotations

from selfreview.rating import RATING_ORDER
from selfreview.reports.cell_summary import ABBREVIATIONS, CELL, QUOTA_RULE, SELF, TITLE, _short
from selfreview.reports.data import CellReport, ResponsibilityTally, RollupReport
from selfreview.reports.markup import number, percent, period_title, period_words, vi_date
from selfreview.reports.page import PageSetup
from selfreview.reports.rollup import _values, totals
from selfreview.reports.tallies import FLAG_LABELS, FLAG_ORDER, LEVELS, NONE, quota, rating_counts, \
    responsibility_rows, visible_lines
from selfreview.reports.word import LEFT, SMALL_PT, WordDocument
from selfreview.reports.word_review import add_review


def _title(w: WordDocument, period: str) -> None:
    w.title(list(TITLE[:-1]) + [f"{TITLE[-1]} {period_title(period)}"])


def _facts(w: WordDocument, report: CellReport) -> None:
    total = len(report.members)
    missing = report.missing
    submitted = total - len(missing)
    w.heading("I. TÌNH HÌNH CHUNG", 1)
    w.field("- Chi bộ", report.cell)
    w.para(f"- Kỳ kiểm điểm: {period_words(report.period)}"
           + (f"; hạn nộp bản kiểm điểm: {vi_date(report.deadline)}" if report.deadline else ""), LEFT)
    w.field("- Tổng số đảng viên", str(total))
    w.para([("- Đã nộp bản kiểm điểm: ", False, False), (str(submitted), True, False),
            (f" ({percent(submitted, total)})", False, False)], LEFT)
    w.para([("- Chưa nộp: ", False, False), (str(len(missing)), True, False)]
           + ([(f" ({', '.join(missing)})", False, False)] if missing else []), LEFT)


def _members(w: WordDocument, report: CellReport) -> None:
    w.heading("II. DANH SÁCH ĐẢNG VIÊN THEO THỨ TỰ KIỂM ĐIỂM", 1)
    widths: list[float] = [10, 0, 30, 16, 20, 20, 30]
    widths[1] = w.width_mm - sum(widths)
    rows: list[list] = [["TT", "Họ và tên", "Chức vụ", "Điểm tự chấm (/100)", SELF + " xếp loại",
                         CELL + " xếp loại", "Ghi chú"]]
    for n, m in enumerate(report.members, start=1):
        score = "" if m.total is None else (number(m.total) if m.total_max == 100
                                            else f"{number(m.total)}/{number(m.total_max)}")
        flags = "; ".join(FLAG_LABELS[f] for f in FLAG_ORDER if f in m.flags)
        rows.append([str(n), [(m.name, m.leader, False)], m.post, score, _short(m.self_rating),
                     _short(m.cell_rating), flags])
    w.table(rows, widths, size=SMALL_PT, centre_cols=(0, 3, 4, 5))
    w.para([("Viết tắt: " + ABBREVIATIONS + ".", False, True)], size=12)


def _counts(w: WordDocument, self_values: list, cell_values: list, percent_quota: int,
            heading: str = "III. KẾT QUẢ XẾP LOẠI") -> None:
    total = len(self_values)
    own, cell = rating_counts(self_values), rating_counts(cell_values)
    w.heading(heading, 1)
    col = (w.width_mm - 70) / 4
    rows: list[list] = [["Mức xếp loại", SELF, "", CELL, ""], ["", "Số lượng", "Tỉ lệ", "Số lượng", "Tỉ lệ"]]
    for level, label in [(r.value, r.label_vi) for r in RATING_ORDER] + [(NONE, "Chưa xếp loại")]:
        rows.append([label, str(own[level]), percent(own[level], total), str(cell[level]), percent(cell[level], total)])
    rows.append(["Tổng số", str(total), percent(total, total), str(total), percent(total, total)])
    table = w.table(rows, [70, col, col, col, col], header_rows=2, size=SMALL_PT, centre_cols=(1, 2, 3, 4),
                    bold_rows=(len(rows) - 1,))
    w.merge(table, 0, 0, 1, 0)
    w.merge(table, 0, 1, 0, 2)
    w.merge(table, 0, 3, 0, 4)
    q_cell, q_self = quota(cell, percent_quota), quota(own, percent_quota)
    w.para(QUOTA_RULE.format(percent=percent_quota))
    w.para([(f"- Theo {CELL.lower()}: ", False, False), (q_cell.summary("vi"), True, False)], LEFT)
    w.para(f"- Theo {SELF.lower()}: {q_self.summary('vi')}", LEFT)


def _responsibility(w: WordDocument, tally: ResponsibilityTally, min_count: int,
                    heading: str = "IV. TỰ KIỂM TRA VỀ TRÁCH NHIỆM (NÉ TRÁNH, ĐÙN ĐẨY, SỢ TRÁCH NHIỆM)") -> None:
    w.heading(heading, 1)
    if not tally.behaviours:
        w.para("Mẫu kiểm điểm của kỳ này không có phần tự kiểm tra về trách nhiệm.")
        return
    w.para([("Số đảng viên đã tự kiểm tra: ", False, False), (str(tally.respondents), True, False),
            (". Bảng dưới ghi số người tự nhận có biểu hiện ở mức “Đôi khi” hoặc “Thường xuyên”.", False, False)])
    rows: list[list] = [["TT", "Biểu hiện", "Đôi khi", "Thường xuyên", "Cộng"]]
    for r in responsibility_rows(tally, min_count):
        rows.append([str(r.number), r.label, r.sometimes.text(min_count), r.often.text(min_count),
                     [(r.total.text(min_count), True, False)]])
    w.table(rows, [9, w.width_mm - 9 - 54, 18, 18, 18], size=SMALL_PT, centre_cols=(0, 2, 3, 4))
    if min_count > 1:
        w.para([(f"Số từ 1 đến {min_count - 1} người được ghi “< {min_count}” để không ai bị nhận diện; "
                 f"khi đó cột “Cộng” ghi số tối thiểu (“≥ …”).", False, True)], size=12)


def _shortcomings(w: WordDocument, report: CellReport) -> None:
    w.heading("V. NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM PHỔ BIẾN", 1)
    shown = visible_lines(report.shortcomings, report.min_count)
    floor = max(2, report.min_count)
    if not shown:
        w.para(f"Không có hạn chế, khuyết điểm nào được từ {floor} đảng viên trở lên cùng nêu.")
        return
    w.para(f"Các hạn chế, khuyết điểm được từ {floor} đảng viên trở lên cùng nêu:")
    for text, n in shown:
        w.para(f"- {text} ({n} đảng viên).", indent_mm=10)


def write_cell_docx(report: CellReport, path: str, setup: PageSetup | None = None) -> None:
    setup = setup or PageSetup()
    w = WordDocument(setup, f"{' '.join(TITLE)} {period_title(report.period)} — {report.cell}",
                     report.secretary or report.cell)
    w.header_block(report.header)
    _title(w, report.period)
    _facts(w, report)
    _members(w, report)
    _counts(w, [m.self_rating for m in report.members], [m.cell_rating for m in report.members],
            report.quota_percent)
    _responsibility(w, report.responsibility, report.min_count)
    _shortcomings(w, report)
    w.signature(["T/M CHI BỘ", "BÍ THƯ"], None, report.secretary,
                left_lines=[("Nơi nhận:", True, True), ("- Cấp ủy cấp trên (để báo cáo);", False, False),
                            ("- Lưu chi bộ.", False, False)])
    for review in report.reviews:
        w.page_break()
        add_review(w, review)
    w.save(path)


def write_rollup_docx(report: RollupReport, path: str, setup: PageSetup | None = None) -> None:
    setup = setup or PageSetup()
    total = totals(report.rows)
    w = WordDocument(setup, f"{' '.join(TITLE)} {period_title(report.period)}", report.header.issuer)
    w.header_block(report.header)
    _title(w, report.period)
    w.heading("I. TÌNH HÌNH CHUNG", 1)
    w.para(f"- Kỳ kiểm điểm: {period_words(report.period)}", LEFT)
    w.field("- Số tổ chức đảng trực thuộc có đợt kiểm điểm", str(len(report.rows)))
    w.field("- Tổng số đảng viên", str(total.members))
    w.para([("- Đã nộp bản kiểm điểm: ", False, False), (str(total.submitted), True, False),
            (f" ({percent(total.submitted, total.members)}); chưa nộp: ", False, False),
            (str(total.members - total.submitted), True, False)], LEFT)
    if report.without_round:
        w.para("- Chưa có đợt kiểm điểm kỳ này: " + ", ".join(report.without_round), LEFT)
    w.heading("II. KẾT QUẢ THEO TỪNG TỔ CHỨC ĐẢNG", 1)
    head1 = ["TT", "Tổ chức đảng", "Số đảng viên", "Đã nộp"]
    head2 = ["", "", "", ""]
    for rating in RATING_ORDER:
        head1 += [rating.short, ""]
        head2 += ["TĐX", "CBĐX"]
    head1.append("Hạn mức")
    head2.append("")
    rows: list[list] = [head1, head2]
    for n, r in enumerate(list(report.rows) + [total], start=1):
        last = r is total
        q = quota(r.cell_counts, report.quota_percent if last else r.quota_percent)
        line: list = ["" if last else str(n), [(r.name, last, False)], str(r.members), str(r.submitted)]
        for level in LEVELS:
            line += [str(r.self_counts.get(level, 0)), str(r.cell_counts.get(level, 0))]
        rows.append(line + ["Đạt" if q.ok else f"Vượt {q.over_by}"])
    lvl = 9.5
    name_w = w.width_mm - 7 - 20 - 8 * lvl - 14
    table = w.table(rows, [7, name_w, 10, 10] + [lvl] * 8 + [14], header_rows=2, size=SMALL_PT - 1,
                    centre_cols=[0] + list(range(2, 13)), bold_rows=(len(rows) - 1,))
    for c in (0, 1, 2, 3, 12):
        w.merge(table, 0, c, 1, c)
    for k in range(4):
        w.merge(table, 0, 4 + 2 * k, 0, 5 + 2 * k)
    w.para([("Viết tắt: TĐX: cá nhân tự đề xuất; CBĐX: chi bộ đề xuất; " + ABBREVIATIONS
             + f". Hạn mức: số HTXSNV chi bộ đề xuất không vượt quá {report.quota_percent}% số HTTNV chi bộ "
               "đề xuất.", False, True)], size=12)
    _counts(w, _values(total.self_counts, total.members), _values(total.cell_counts, total.members),
            report.quota_percent, heading="III. TỔNG HỢP XẾP LOẠI CHUNG")
    _responsibility(w, report.responsibility, report.min_count)
    w.signature([report.signer_role] if report.signer_role else [], "(Ký, ghi rõ họ tên)", report.signer,
                left_lines=[("Nơi nhận:", True, True), ("- Cấp ủy cấp trên (để báo cáo);", False, False),
                            ("- Lưu văn phòng cấp ủy.", False, False)])
    w.save(path)
