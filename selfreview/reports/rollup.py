"""The committee's roll-up of many cells' rounds: a row per cell (members, submitted, counts per
rating level self / cell, quota), the totals, the same counts, quota and chart as a cell summary,
and the responsibility self-check summed over every cell."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from selfreview.rating import RATING_ORDER
from selfreview.reports.cell_summary import (
    ABBREVIATIONS, TITLE, counts_block, responsibility_block, title_block, title_text,
)
from selfreview.reports.data import CellRow, RollupReport
from selfreview.reports.header import header_block, recipients, signature_block
from selfreview.reports.markup import esc, percent, period_words
from selfreview.reports.page import PageSetup, Progress, ShouldCancel, build
from selfreview.reports.fonts import SERIF_BOLD
from selfreview.reports.styles import CELL_PADDING, SMALL_TABLE_SIZE, cell_text, grid_table_style, heading, styles
from selfreview.reports.tallies import LEVELS, quota


def totals(rows: tuple[CellRow, ...]) -> CellRow:
    own: Counter[str] = Counter()
    cell: Counter[str] = Counter()
    for r in rows:
        own.update(r.self_counts)
        cell.update(r.cell_counts)
    return CellRow("Tổng cộng", sum(r.members for r in rows), sum(r.submitted for r in rows), dict(own), dict(cell))


def facts_block(report: RollupReport, total: CellRow) -> list[Flowable]:
    st = styles()
    out = [*heading("<b>I. TÌNH HÌNH CHUNG</b>", st.section),
           Paragraph(f"- Kỳ kiểm điểm: {esc(period_words(report.period))}", st.field),
           Paragraph(f"- Số tổ chức đảng trực thuộc có đợt kiểm điểm: <b>{len(report.rows)}</b>", st.field),
           Paragraph(f"- Tổng số đảng viên: <b>{total.members}</b>", st.field),
           Paragraph(f"- Đã nộp bản kiểm điểm: <b>{total.submitted}</b> ({percent(total.submitted, total.members)});"
                     f" chưa nộp: <b>{total.members - total.submitted}</b>", st.field)]
    if report.without_round:
        out.append(Paragraph("- Chưa có đợt kiểm điểm kỳ này: " + ", ".join(esc(n) for n in report.without_round),
                             st.field))
    return out


def cells_table(report: RollupReport, total: CellRow, width: float) -> list[Flowable]:
    """A row per cell: members, submitted, then per level "self" and "cell" counts, then the quota."""
    st = styles()
    n_w, num_w, lvl_w, q_w = 7 * mm, 10 * mm, 9.5 * mm, 14 * mm
    name_w = width - n_w - 2 * num_w - 8 * lvl_w - q_w
    pad, lvl_pad = 2 * CELL_PADDING, 2  # the level columns have 1 pt of padding each side
    # short labels and numbers are plain strings drawn in the table style's font (set below to the
    # paragraph styles' sizes); only what needs more than one line is a paragraph
    head1 = [cell_text(h, st.th_s, w - pad) for h, w in (("TT", n_w), ("Tổ chức đảng", name_w),
                                                         ("Số đảng viên", num_w), ("Đã nộp", num_w))]
    head2: list[str | Paragraph] = ["", "", "", ""]
    for rating in RATING_ORDER:
        head1 += [cell_text(rating.short, st.th_s, 2 * lvl_w - lvl_pad), ""]
        head2 += [cell_text("TĐX", st.th_xs, lvl_w - lvl_pad), cell_text("CBĐX", st.th_xs, lvl_w - lvl_pad)]
    head1.append(cell_text("Hạn mức", st.th_s, q_w - pad))
    head2.append("")
    rows: list[list] = [head1, head2]

    def line(n: str, r: CellRow, bold: bool) -> list:
        # a name that fits on one line stays a plain string; a longer one wraps in a paragraph
        q = quota(r.cell_counts, r.quota_percent if n else report.quota_percent)
        cells: list = [n, cell_text(r.name, st.td_s_b if bold else st.td_s, name_w - pad), str(r.members),
                       str(r.submitted)]
        for level in LEVELS:
            cells += [str(r.self_counts.get(level, 0)), str(r.cell_counts.get(level, 0))]
        return cells + ["Đạt" if q.ok else f"Vượt {q.over_by}"]

    rows += [line(str(n), r, False) for n, r in enumerate(report.rows, start=1)]
    rows.append(line("", total, True))
    last = len(rows) - 1
    spans = [("SPAN", (i, 0), (i, 1)) for i in (0, 1, 2, 3, 12)]
    spans += [("SPAN", (4 + 2 * k, 0), (5 + 2 * k, 0)) for k in range(4)]
    table = Table(rows, colWidths=[n_w, name_w, num_w, num_w] + [lvl_w] * 8 + [q_w], repeatRows=2)
    table.setStyle(grid_table_style(2, spans + [
        ("FONTSIZE", (0, 0), (-1, 0), st.th_s.fontSize), ("LEADING", (0, 0), (-1, 0), st.th_s.leading),
        ("FONTSIZE", (0, 1), (-1, 1), st.th_xs.fontSize), ("LEADING", (0, 1), (-1, 1), st.th_xs.leading),
        ("ALIGN", (0, 0), (-1, 1), "CENTER"),
        ("FONTSIZE", (0, 2), (-1, -1), SMALL_TABLE_SIZE), ("ALIGN", (0, 2), (-1, -1), "CENTER"),
        ("ALIGN", (1, 2), (1, -1), "LEFT"),
        ("LEFTPADDING", (4, 0), (11, -1), 1), ("RIGHTPADDING", (4, 0), (11, -1), 1),
        ("FONTNAME", (0, last), (-1, last), SERIF_BOLD), ("BACKGROUND", (0, last), (-1, last), "#f4f4f4")]))
    return [*heading("<b>II. KẾT QUẢ THEO TỪNG TỔ CHỨC ĐẢNG</b>", st.section, 45 * mm), table,
            Paragraph(esc("Viết tắt: TĐX: cá nhân tự đề xuất; CBĐX: chi bộ đề xuất; " + ABBREVIATIONS
                          + f". Hạn mức: số HTXSNV chi bộ đề xuất không vượt quá {report.quota_percent}% số HTTNV chi bộ "
                          "đề xuất."), st.note)]


def _values(counts: dict[str, int], total: int) -> list[str | None]:
    """Expand counts back into one value per person (None for those without a rating)."""
    out: list[str | None] = []
    for level in LEVELS:
        out += [level] * counts.get(level, 0)
    return out + [None] * max(0, total - len(out))


def rollup_story(report: RollupReport, width: float) -> list[Flowable]:
    total = totals(report.rows)
    out: list[Flowable] = []
    out += header_block(report.header, width)
    out += title_block(TITLE, report.period)
    out += facts_block(report, total)
    out += cells_table(report, total, width)
    out += counts_block(_values(total.self_counts, total.members), _values(total.cell_counts, total.members),
                        report.quota_percent, width, heading="III. TỔNG HỢP XẾP LOẠI CHUNG")
    out += responsibility_block(report.responsibility, report.min_count, width, people="đảng viên")
    if report.decided_counts is not None:  # the committee has decided (results files: docs/committee.md)
        from selfreview.reports.rollup_decided import decided_block
        out += decided_block(report.decided_counts, total.cell_counts, total.members, report.quota_percent, width)
    left = recipients(["- Cấp ủy cấp trên (để báo cáo);", "- Lưu văn phòng cấp ủy."])
    role = [report.signer_role] if report.signer_role else []
    out += [Spacer(1, 12), KeepTogether([signature_block(role, "(Ký, ghi rõ họ tên)", report.signer, width,
                                                         left=left)])]
    return out


def write_rollup(report: RollupReport, path: str, setup: PageSetup | None = None,
                 progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> None:
    setup = setup or PageSetup()
    story = rollup_story(report, setup.frame_width)
    build(path, story, setup, title=title_text(TITLE, report.period), author=report.header.issuer,
          progress=progress, should_cancel=should_cancel)
