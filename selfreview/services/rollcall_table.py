"""The roll-call as a table to take away: XLSX (openpyxl) or CSV (UTF-8 with a BOM, so that Excel
shows Vietnamese letters right). The same columns and cell values the secretary's table shows.

Files are written atomically: into a temporary file beside the target, flushed, then renamed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfreview.rating import Rating, format_total
from selfreview.safe_text import cell_text, csv_text, is_formula_like
from selfreview.text import Bilingual
from selfreview.reports.atomic import atomic_path
from selfreview.services.errors import ServiceError
from selfreview.services.rollcall import RollCall, RollCallRow

FORMATS = ("xlsx", "csv")
DATETIME_TEXT = "%d/%m/%Y %H:%M"
XLSX_DATETIME = "dd/mm/yyyy hh:mm"


@dataclass(frozen=True)
class Column(Bilingual):
    """A column of the table; its title in both languages."""

    key: str
    vi: str
    en: str
    width: int  # characters, for XLSX


COLUMNS = (
    Column("no", "STT", "No.", 6),
    Column("name", "Họ và tên", "Full name", 28),
    Column("post", "Chức vụ", "Post", 30),
    Column("category", "Đối tượng", "Category", 10),
    Column("status", "Tình trạng", "Status", 24),
    Column("submitted_at", "Thời điểm nộp", "Submitted at", 17),
    Column("score", "Tổng điểm", "Score", 10),
    Column("self_rating", "Tự đề xuất xếp loại", "Self-proposed rating", 14),
    Column("cell_rating", "Chi bộ đề xuất xếp loại", "Cell-proposed rating", 14),
    Column("decided_rating", "Cấp trên quyết định xếp loại", "Decided rating", 14),
)


def rating_short(value: str | None) -> str | None:
    try:
        return Rating(value).short if value else None
    except ValueError:
        return str(value)


def row_values(n: int, row: RollCallRow, lang: str = "vi") -> list[Any]:
    """One table line as typed values: int, str, datetime, Decimal, or None for an empty cell."""
    at = row.submitted_at.replace(microsecond=0) if row.submitted_at else None  # whole seconds survive XLSX
    return [n, row.name, row.post or None, row.form, row.status_label(lang), at, row.total,
            rating_short(row.self_rating), rating_short(row.cell_rating), rating_short(row.decided_rating)]


def table(rollcall: RollCall, lang: str = "vi") -> tuple[list[str], list[list[Any]]]:
    """Headers and typed rows, in meeting order."""
    return ([c.get(lang) for c in COLUMNS],
            [row_values(n, r, lang) for n, r in enumerate(rollcall.rows, start=1)])


def text_of(value: Any, lang: str = "vi") -> str:
    """How a cell value is written as text (the CSV, and a GUI that shows text)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(DATETIME_TEXT)
    if isinstance(value, Decimal):
        return format_total(value, lang)
    return str(value)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def write_xlsx(rollcall: RollCall, path: Path, lang: str = "vi") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    headers, rows = table(rollcall, lang)
    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one sheet
    title = "".join(c for c in f"{rollcall.period}" if c not in '[]:*?/\\')[:31]
    ws.title = title or "roll-call"
    ws.append([cell_text(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for values in rows:
        ws.append([_number(v) if isinstance(v, Decimal) else cell_text(v) if isinstance(v, str) else v
                   for v in values])
        for cell in ws[ws.max_row]:  # text is text: nothing a spreadsheet would run (safe_text.py)
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if is_formula_like(cell.value):
                    cell.quotePrefix = True
    for i, col in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    at = [c.key for c in COLUMNS].index("submitted_at") + 1
    for (cell,) in ws.iter_rows(min_row=2, min_col=at, max_col=at):
        cell.number_format = XLSX_DATETIME
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def write_csv(rollcall: RollCall, path: Path, lang: str = "vi", delimiter: str = ",") -> None:
    headers, rows = table(rollcall, lang)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(headers)
        for values in rows:
            w.writerow([csv_text(text_of(v, lang)) if isinstance(v, str) else text_of(v, lang) for v in values])


def write_table(rollcall: RollCall, out: str | Path, fmt: str | None = None, lang: str = "vi",
                delimiter: str = ",") -> Path:
    """Write the roll-call to ``out`` as ``fmt`` ("xlsx" or "csv"; by default from the file suffix)."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ServiceError.of("table.bad_format", format=fmt)
    with atomic_path(out) as tmp:
        if fmt == "xlsx":
            write_xlsx(rollcall, tmp, lang)
        else:
            write_csv(rollcall, tmp, lang, delimiter)
    return out
