"""The committee's roll-up as an Excel workbook (openpyxl): one row per cell with real numbers
(members, reviewed, counts per rating level as proposed by the members and by the cell, not rated),
the HTXSNV share and the quota check as formulas, the totals as SUM formulas; the header frozen, the
header rows repeated on every printed page, A4 landscape fitted to the page width."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from selfreview.rating import RATING_ORDER
from selfreview.reports.cell_summary import TITLE
from selfreview.reports.data import RollupReport
from selfreview.reports.markup import clean, period_title, upper_vi
from selfreview.reports.tallies import LEVELS

FONT = "Times New Roman"
HEAD_ROWS = (4, 5)
FIRST = 6  # first data row
# columns
C_NO, C_NAME, C_MEMBERS, C_DONE = 1, 2, 3, 4
C_SELF = 5  # 4 columns: each level, as the members proposed
C_CELL = 9  # 4 columns: each level, as the cell proposed
C_NONE, C_SHARE, C_PERCENT, C_MAX, C_CHECK = 13, 14, 15, 16, 17
WIDTHS = {C_NO: 5, C_NAME: 34, C_MEMBERS: 10, C_DONE: 11, C_NONE: 11, C_SHARE: 13, C_PERCENT: 10, C_MAX: 11,
          C_CHECK: 11}


def _col(c: int) -> str:
    return get_column_letter(c)


def write_rollup_xlsx(report: RollupReport, path: str) -> None:
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one sheet
    ws.title = "Tổng hợp"
    thin = Side(style="thin", color="000000")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    normal, bold = Font(name=FONT, size=12), Font(name=FONT, size=12, bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    last_col = C_CHECK
    ws.cell(1, 1, clean(upper_vi(report.header.issuer))).font = bold
    ws.cell(2, 1, clean(f"{' '.join(TITLE)} {period_title(report.period)}")).font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    ws.cell(2, 1).alignment = Alignment(horizontal="center")

    top = {C_NO: "TT", C_NAME: "Tổ chức đảng", C_MEMBERS: "Số đảng viên", C_DONE: "Đã kiểm điểm",
           C_SELF: "Cá nhân tự đề xuất", C_CELL: "Chi bộ đề xuất", C_NONE: "Chưa xếp loại (chi bộ)",
           C_SHARE: "Tỉ lệ HTXSNV/HTTNV", C_PERCENT: "Hạn mức (%)", C_MAX: "Tối đa HTXSNV", C_CHECK: "Đánh giá"}
    for c, text in top.items():
        ws.cell(HEAD_ROWS[0], c, text)
    for k, rating in enumerate(RATING_ORDER):
        ws.cell(HEAD_ROWS[1], C_SELF + k, rating.short)
        ws.cell(HEAD_ROWS[1], C_CELL + k, rating.short)
    for c in range(1, last_col + 1):
        if c not in range(C_SELF, C_CELL + 4):
            ws.merge_cells(start_row=HEAD_ROWS[0], start_column=c, end_row=HEAD_ROWS[1], end_column=c)
    ws.merge_cells(start_row=HEAD_ROWS[0], start_column=C_SELF, end_row=HEAD_ROWS[0], end_column=C_SELF + 3)
    ws.merge_cells(start_row=HEAD_ROWS[0], start_column=C_CELL, end_row=HEAD_ROWS[0], end_column=C_CELL + 3)

    def formulas(row: int) -> None:
        i, j = f"{_col(C_CELL)}{row}", f"{_col(C_CELL + 1)}{row}"
        ws.cell(row, C_SHARE, f'=IF({j}>0,{i}/{j},"")').number_format = "0.0%"
        ws.cell(row, C_MAX, f"=INT({j}*{_col(C_PERCENT)}{row}/100)")
        m = f"{_col(C_MAX)}{row}"
        ws.cell(row, C_CHECK, f'=IF({i}<={m},"Đạt","Vượt "&({i}-{m}))')

    row = FIRST
    for n, r in enumerate(report.rows, start=1):
        ws.cell(row, C_NO, n)
        ws.cell(row, C_NAME, clean(r.name))
        ws.cell(row, C_MEMBERS, r.members)
        ws.cell(row, C_DONE, r.submitted)
        for k, level in enumerate(LEVELS):
            ws.cell(row, C_SELF + k, r.self_counts.get(level, 0))
            ws.cell(row, C_CELL + k, r.cell_counts.get(level, 0))
        ws.cell(row, C_NONE, r.members - sum(r.cell_counts.get(level, 0) for level in LEVELS))
        ws.cell(row, C_PERCENT, r.quota_percent)
        formulas(row)
        row += 1
    total = row
    ws.cell(total, C_NAME, "Tổng cộng")
    last = max(FIRST, total - 1)
    for c in [C_MEMBERS, C_DONE, C_NONE] + list(range(C_SELF, C_CELL + 4)):
        ws.cell(total, c, f"=SUM({_col(c)}{FIRST}:{_col(c)}{last})" if report.rows else 0)
    ws.cell(total, C_PERCENT, report.quota_percent)
    formulas(total)

    for line in range(HEAD_ROWS[0], total + 1):
        for c in range(1, last_col + 1):
            cell = ws.cell(line, c)
            cell.border = grid
            head = line in HEAD_ROWS
            cell.font = bold if head or line == total else normal
            cell.alignment = centre if head or c != C_NAME else Alignment(vertical="center", wrap_text=True)
            if head:
                cell.fill = PatternFill("solid", fgColor="EEEEEE")
    for c in range(1, last_col + 1):
        ws.column_dimensions[_col(c)].width = WIDTHS.get(c, 8)
    ws.row_dimensions[HEAD_ROWS[0]].height = 32

    ws.freeze_panes = ws.cell(FIRST, C_MEMBERS).coordinate  # the header rows and the names stay in view
    ws.print_title_rows = f"{HEAD_ROWS[0]}:{HEAD_ROWS[1]}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    setup, header = ws.sheet_properties.pageSetUpPr, ws.oddHeader
    assert setup is not None and header is not None  # openpyxl makes both with the sheet
    setup.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = True
    ws.HeaderFooter.differentFirst = True  # the page number at the top centre from page 2, as on paper
    header.center.text = "&P"
    header.center.size = 13
    header.center.font = FONT
    wb.properties.title = clean(f"{' '.join(TITLE)} {period_title(report.period)}")
    wb.properties.creator = clean(report.header.issuer) or "selfreview"
    wb.save(path)
