"""The cell's summary of a review round, for the meeting and for the committee above: the round's
facts, the members in meeting order, counts per rating level (self and cell side by side), the
quota check, the responsibility self-check summed with small counts hidden, the common
shortcomings, the secretary's signature; optionally every member's review after it."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from selfreview.rating import RATING_ORDER
from selfreview.reports.charts import grouped_bars
from selfreview.reports.data import CellReport, ResponsibilityTally
from selfreview.reports.header import header_block, recipients, signature_block
from selfreview.reports.markup import DOTS, esc, number, percent, period_title, period_words, vi_date
from selfreview.reports.page import Bookmark, PageSetup, Progress, ShouldCancel, build
from selfreview.reports.review_pdf import review_story
from selfreview.reports.fonts import SERIF_BOLD
from selfreview.reports.styles import CELL_PADDING, SMALL_TABLE_SIZE, cell_text, grid_table_style, styles
from selfreview.reports.styles import heading as section  # `heading` is a parameter name below
from selfreview.reports.tallies import (
    FLAG_LABELS, FLAG_ORDER, LEVELS, NONE, quota, rating_counts, responsibility_rows, visible_lines,
)

TITLE = ("TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ,", "XẾP LOẠI ĐẢNG VIÊN")
QUOTA_RULE = ("Số được xếp loại “Hoàn thành xuất sắc nhiệm vụ” không vượt quá {percent}% số được xếp loại "
              "“Hoàn thành tốt nhiệm vụ” (Quy định 366-QĐ/TW, Điều 11, khoản 1).")
ABBREVIATIONS = "; ".join(f"{r.short}: {r.label_vi}" for r in RATING_ORDER)
SELF, CELL = "Tự đề xuất", "Chi bộ đề xuất"


def title_block(title: tuple[str, ...], period: str) -> list[Flowable]:
    """The document type in bold capitals, broken where a person would break it, period last."""
    st = styles()
    text = "<br/>".join(esc(line) for line in title[:-1] + (f"{title[-1]} {period_title(period)}",))
    return [Paragraph(text, st.doc_type), Spacer(1, 8)]


def title_text(title: tuple[str, ...], period: str) -> str:
    return " ".join(title) + " " + period_title(period)


def _short(value: str | None) -> str:
    for r in RATING_ORDER:
        if r.value == value:
            return r.short
    return ""


def facts_block(report: CellReport) -> list[Flowable]:
    st = styles()
    total = len(report.members)
    missing = report.missing
    submitted = total - len(missing)
    out = [*section("<b>I. TÌNH HÌNH CHUNG</b>", st.section),
           Paragraph(f"- Chi bộ: <b>{esc(report.cell)}</b>", st.field),
           Paragraph(f"- Kỳ kiểm điểm: {esc(period_words(report.period))}"
                     + (f"; hạn nộp bản kiểm điểm: {vi_date(report.deadline)}" if report.deadline else ""), st.field),
           Paragraph(f"- Tổng số đảng viên: <b>{total}</b>", st.field),
           Paragraph(f"- Đã nộp bản kiểm điểm: <b>{submitted}</b> ({percent(submitted, total)})", st.field)]
    if missing:
        names = ", ".join(esc(n) for n in missing)
        out.append(Paragraph(f"- Chưa nộp: <b>{len(missing)}</b> ({names})", st.field))
    else:
        out.append(Paragraph("- Chưa nộp: <b>0</b>", st.field))
    return out


def members_table(report: CellReport, width: float) -> list[Flowable]:
    st = styles()
    widths = [9 * mm, 0, 30 * mm, 16 * mm, 19 * mm, 19 * mm, 30 * mm]
    widths[1] = width - sum(widths)
    room = [w - 2 * CELL_PADDING for w in widths]
    head = [cell_text(h, st.th_s, w) for h, w in zip(("TT", "Họ và tên", "Chức vụ", "Điểm tự chấm (/100)",
                                                      SELF + " xếp loại", CELL + " xếp loại", "Ghi chú"), room)]
    rows = [head]
    leaders = []
    # numbers, scores and levels are plain strings drawn by the table (10 pt, centred: td_s_c); the
    # name, post and notes too when they fit on one line, else paragraphs that wrap
    for n, m in enumerate(report.members, start=1):
        score = "" if m.total is None else (number(m.total) if m.total_max == 100
                                            else f"{number(m.total)}/{number(m.total_max)}")
        flags = "; ".join([*(FLAG_LABELS[f] for f in FLAG_ORDER if f in m.flags),
                           *([f"Cấp trên quyết định: {_short(m.decided_rating)}"] if m.decided_rating else [])])
        rows.append([str(n), cell_text(m.name, st.td_s_b if m.leader else st.td_s, room[1]),
                     cell_text(m.post, st.td_s, room[2]), score, _short(m.self_rating), _short(m.cell_rating),
                     cell_text(flags, st.td_s, room[6])])
        if m.leader:
            leaders.append(("FONTNAME", (1, n), (1, n), SERIF_BOLD))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_table_style(1, [*_head_font(st.th_s, 1),
                                        ("FONTSIZE", (0, 1), (-1, -1), st.td_s.fontSize),
                                        ("LEADING", (0, 1), (-1, -1), st.td_s.leading),
                                        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (5, -1), "CENTER"),
                                        *leaders]))
    return [*section("<b>II. DANH SÁCH ĐẢNG VIÊN THEO THỨ TỰ KIỂM ĐIỂM</b>", st.section, 45 * mm), table,
            Paragraph(esc("Viết tắt: " + ABBREVIATIONS + "."), st.note)]


def _head_font(style, rows: int) -> list[tuple]:
    """Table style commands giving the first ``rows`` rows the size, leading and centring of
    ``style`` (a bold header style), for the header cells that are plain strings."""
    last = rows - 1
    return [("FONTSIZE", (0, 0), (-1, last), style.fontSize), ("LEADING", (0, 0), (-1, last), style.leading),
            ("ALIGN", (0, 0), (-1, last), "CENTER")]


def counts_block(self_values: list[str | None], cell_values: list[str | None], percent_quota: int,
                 width: float, heading: str = "III. KẾT QUẢ XẾP LOẠI") -> list[Flowable]:
    """Counts and percentages per level, self and cell side by side; the quota check; a chart."""
    st = styles()
    total = len(self_values)
    own, cell = rating_counts(self_values), rating_counts(cell_values)
    col = (width - 70 * mm) / 4
    pad = 2 * CELL_PADDING
    head1 = [cell_text("Mức xếp loại", st.th_s, 70 * mm - pad), cell_text(SELF, st.th_s, 2 * col - pad), "",
             cell_text(CELL, st.th_s, 2 * col - pad), ""]
    head2 = [""] + [cell_text(h, st.th_s, col - pad) for h in ("Số lượng", "Tỉ lệ", "Số lượng", "Tỉ lệ")]
    rows = [head1, head2]
    for level, label in [(r.value, r.label_vi) for r in RATING_ORDER] + [(NONE, "Chưa xếp loại")]:
        rows.append([label, str(own[level]), percent(own[level], total), str(cell[level]),
                     percent(cell[level], total)])
    rows.append(["Tổng số", str(total), percent(total, total), str(total), percent(total, total)])
    table = Table(rows, colWidths=[70 * mm, col, col, col, col], repeatRows=2)
    table.setStyle(grid_table_style(2, [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (2, 0)),
                                        ("SPAN", (3, 0), (4, 0)), *_head_font(st.th_s, 2),
                                        ("FONTSIZE", (0, 2), (-1, -1), SMALL_TABLE_SIZE),
                                        ("ALIGN", (1, 2), (-1, -1), "CENTER"),
                                        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD)]))
    q_cell, q_self = quota(cell, percent_quota), quota(own, percent_quota)
    quota_lines = [Paragraph(esc(QUOTA_RULE.format(percent=percent_quota)), st.body_flat),
                   Paragraph(f"- Theo {CELL.lower()}: <b>{esc(q_cell.summary('vi'))}</b>", st.field),
                   Paragraph(f"- Theo {SELF.lower()}: {esc(q_self.summary('vi'))}", st.field)]
    chart = grouped_bars([r.short for r in RATING_ORDER],
                         [(SELF, [own[v] for v in LEVELS]), (CELL, [cell[v] for v in LEVELS])],
                         width, title="Số đảng viên theo mức xếp loại")
    return [*section(f"<b>{esc(heading)}</b>", st.section, 50 * mm), table, Spacer(1, 4), *quota_lines,
            Spacer(1, 4), KeepTogether([chart])]


def responsibility_block(tally: ResponsibilityTally, min_count: int, width: float,
                         heading: str = "IV. TỰ KIỂM TRA VỀ TRÁCH NHIỆM (NÉ TRÁNH, ĐÙN ĐẨY, SỢ TRÁCH NHIỆM)",
                         people: str = "đảng viên") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [*section(f"<b>{esc(heading)}</b>", st.section, 45 * mm)]
    if not tally.behaviours:
        return out + [Paragraph("Mẫu kiểm điểm của kỳ này không có phần tự kiểm tra về trách nhiệm.", st.body_flat)]
    out.append(Paragraph(f"Số {people} đã tự kiểm tra: <b>{tally.respondents}</b>. Bảng dưới ghi số người tự nhận "
                         f"có biểu hiện ở mức “Đôi khi” hoặc “Thường xuyên”.", st.body_flat))
    rows_data = responsibility_rows(tally, min_count)
    col = 18 * mm
    widths = [9 * mm, width - 9 * mm - 3 * col, col, col, col]
    head = [cell_text(h, st.th_s, w - 2 * CELL_PADDING)
            for h, w in zip(("TT", "Biểu hiện", "Đôi khi", "Thường xuyên", "Cộng"), widths)]
    # the label wraps (a paragraph); the number and the counts are plain strings, drawn in the table
    # style's font: 10 pt, centred, the total in bold (the sizes of td_s / td_s_c / td_s_bc)
    rows = [head] + [[str(r.number), Paragraph(esc(r.label), st.td_s), r.sometimes.text(min_count),
                      r.often.text(min_count), r.total.text(min_count)] for r in rows_data]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_table_style(1, [*_head_font(st.th_s, 1),
                                        ("FONTSIZE", (0, 1), (-1, -1), st.td_s_c.fontSize),
                                        ("LEADING", (0, 1), (-1, -1), st.td_s_c.leading),
                                        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                                        ("FONTNAME", (4, 1), (4, -1), SERIF_BOLD)]))
    note = (f"Số từ 1 đến {min_count - 1} người được ghi “&lt; {min_count}” (và không vẽ trên biểu đồ) "
            f"để không ai bị nhận diện; khi đó cột “Cộng” ghi số tối thiểu (“≥ …”)." if min_count > 1 else "")
    chart = grouped_bars([str(r.number) for r in rows_data],
                         [("Đôi khi", [r.sometimes.plotted for r in rows_data]),
                          ("Thường xuyên", [r.often.plotted for r in rows_data])],
                         width, title="Số người theo từng biểu hiện (số thứ tự như bảng trên)",
                         bar_labels=[[r.sometimes.text(min_count) if r.sometimes.value else "" for r in rows_data],
                                     [r.often.text(min_count) if r.often.value else "" for r in rows_data]])
    out += [table]
    if note:
        out.append(Paragraph(note, st.note))
    return out + [KeepTogether([chart])]


def shortcomings_block(report: CellReport) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [*section("<b>V. NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM PHỔ BIẾN</b>", st.section)]
    shown = visible_lines(report.shortcomings, report.min_count)
    floor = max(2, report.min_count)
    if not shown:
        return out + [Paragraph(f"Không có hạn chế, khuyết điểm nào được từ {floor} đảng viên trở lên cùng nêu.",
                                st.body_flat)]
    out.append(Paragraph(f"Các hạn chế, khuyết điểm được từ {floor} đảng viên trở lên cùng nêu:", st.body_flat))
    return out + [Paragraph(f"- {esc(text)} ({n} đảng viên).", st.bullet) for text, n in shown]


def signature(report: CellReport, width: float) -> Table:
    left = recipients(["- Cấp ủy cấp trên (để báo cáo);", "- Lưu chi bộ."])
    return signature_block(["T/M CHI BỘ", "BÍ THƯ"], None, report.secretary, width, left=left)


def cell_summary_story(report: CellReport, width: float) -> list[Flowable]:
    with_reviews = bool(report.reviews)
    out: list[Flowable] = []
    if with_reviews:
        out.append(Bookmark("summary", "Tổng hợp kết quả", level=0))
    out += header_block(report.header, width)
    out += title_block(TITLE, report.period)
    out += facts_block(report)
    out += members_table(report, width)
    out += counts_block([m.self_rating for m in report.members], [m.cell_rating for m in report.members],
                        report.quota_percent, width)
    out += responsibility_block(report.responsibility, report.min_count, width)
    out += shortcomings_block(report)
    out += [Spacer(1, 12), KeepTogether([signature(report, width)])]
    for n, review in enumerate(report.reviews, start=1):
        out.append(PageBreak())
        if n == 1:
            out.append(Bookmark("reviews", "Bản kiểm điểm của đảng viên", level=0))
        out += review_story(review, width, bookmark=f"review-{n}")
    return out


def write_cell_summary(report: CellReport, path: str, setup: PageSetup | None = None,
                       progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> None:
    setup = setup or PageSetup()
    story = cell_summary_story(report, setup.frame_width)
    build(path, story, setup, title=f"{title_text(TITLE, report.period)} — {report.cell}",
          author=report.secretary or report.cell or DOTS, progress=progress, should_cancel=should_cancel,
          outline=bool(report.reviews))
