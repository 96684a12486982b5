"""The roll-up's last table when the committee has decided: how many members it decided at each
level, next to how many their organisations proposed, and the quota at the committee's level."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from selfreview.rating import RATING_ORDER
from selfreview.reports.cell_summary import QUOTA_RULE
from selfreview.reports.fonts import SERIF_BOLD
from selfreview.reports.markup import esc, percent
from selfreview.reports.styles import CELL_PADDING, SMALL_TABLE_SIZE, cell_text, grid_table_style, styles
from selfreview.reports.styles import heading as section
from selfreview.reports.tallies import quota

DECIDED = "Cấp ủy quyết định"


def decided_block(decided: dict[str, int], proposed: dict[str, int], members: int, percent_quota: int,
                  width: float) -> list[Flowable]:
    st = styles()
    col = (width - 70 * mm) / 4
    pad = 2 * CELL_PADDING
    head = [cell_text(h, st.th_s, w - pad) for h, w in (("Mức xếp loại", 70 * mm), ("Chi bộ đề xuất", col),
                                                        ("Tỉ lệ", col), (DECIDED, col), ("Tỉ lệ", col))]
    rows = [head]
    for r in RATING_ORDER:
        rows.append([r.label_vi, str(proposed.get(r.value, 0)), percent(proposed.get(r.value, 0), members),
                     str(decided.get(r.value, 0)), percent(decided.get(r.value, 0), members)])
    undecided = members - sum(decided.get(r.value, 0) for r in RATING_ORDER)
    unproposed = members - sum(proposed.get(r.value, 0) for r in RATING_ORDER)
    rows.append(["Chưa xếp loại", str(unproposed), percent(unproposed, members), str(undecided),
                 percent(undecided, members)])
    rows.append(["Tổng số", str(members), percent(members, members), str(members), percent(members, members)])
    table = Table(rows, colWidths=[70 * mm, col, col, col, col], repeatRows=1)
    table.setStyle(grid_table_style(1, [("FONTSIZE", (0, 1), (-1, -1), SMALL_TABLE_SIZE),
                                        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                                        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD)]))
    q = quota(decided, percent_quota)
    return [*section("<b>V. KẾT QUẢ XẾP LOẠI DO CẤP ỦY QUYẾT ĐỊNH</b>", st.section, 50 * mm), table, Spacer(1, 4),
            Paragraph(esc(QUOTA_RULE.format(percent=percent_quota)), st.body_flat),
            Paragraph(f"- Theo mức cấp ủy quyết định: <b>{esc(q.summary('vi'))}</b>", st.field)]
