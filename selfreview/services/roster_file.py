"""Reading a roster file (XLSX or CSV) into plain rows: headers in Vietnamese or English, dates in
the ways Vietnamese offices write them, member categories as 2A/2B/2C, codes or words.

Nothing here touches the database: :mod:`selfreview.services.roster` matches the rows to the roster.
Every string is NFC on the way in. A problem with one row is that row's problem (its number and a
bilingual reason); a problem with the whole file raises :class:`ServiceError`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from selfreview.limits import FULL_NAME, field_problem
from selfreview.messages import Message, msg
from selfreview.services.errors import ServiceError
from selfreview.text import nfc

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 15  # a header may sit under a title ("DANH SÁCH ĐẢNG VIÊN …")
# the text columns, checked with the one set of limits (selfreview/limits.py): the message a row
# gets is the one the profile form and the import give for the same value
TEXT_COLUMNS = ("full_name", "party_post", "government_post", "mass_org_post")

# column -> accepted headers, compared after folding (no diacritics, lower case, single spaces)
HEADERS: dict[str, tuple[str, ...]] = {
    "full_name": ("họ và tên", "họ tên", "họ và tên đảng viên", "full_name", "full name", "name"),
    "date_of_birth": ("ngày sinh", "ngày tháng năm sinh", "ngày, tháng, năm sinh", "date_of_birth",
                      "date of birth", "dob", "birth date", "birthday"),
    "party_post": ("chức vụ đảng", "chức vụ trong đảng", "party_post", "party post"),
    "government_post": ("chức vụ chính quyền", "chức vụ chuyên môn", "government_post", "government post"),
    "mass_org_post": ("chức vụ đoàn thể", "mass_org_post", "mass org post", "mass organisation post",
                      "mass organization post"),
    "category": ("đối tượng", "đối tượng kiểm điểm", "loại đảng viên", "mẫu", "mẫu kiểm điểm", "category"),
    "meeting_order": ("thứ tự kiểm điểm", "thứ tự", "meeting_order", "meeting order", "order"),
}


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), runs of spaces and punctuation made one space."""
    t = unicodedata.normalize("NFD", nfc(text).casefold().replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[\s_\-.:;,/()]+", " ", t).strip()


_HEADER_INDEX = {fold(alias): column for column, aliases in HEADERS.items() for alias in aliases}


def column_for(header: Any) -> str | None:
    """The roster column a header names, or None."""
    return _HEADER_INDEX.get(fold(str(header))) if header is not None else None


# categories: exact codes first, then words (outside the system before "không giữ" before "lãnh đạo")
_CATEGORY_CODES = {
    "2a": "leader", "02a": "leader", "mau 2a": "leader", "mau 02a": "leader", "leader": "leader",
    "2b": "non_leader", "02b": "non_leader", "mau 2b": "non_leader", "mau 02b": "non_leader",
    "non leader": "non_leader", "nonleader": "non_leader",
    "2c": "outside_system", "02c": "outside_system", "mau 2c": "outside_system", "mau 02c": "outside_system",
    "outside system": "outside_system", "outside": "outside_system",
}
_CATEGORY_WORDS = (
    (("he thong chinh tri", "huu tri", "nghi huu", "sinh vien", "hoc sinh", "doanh nghiep tu nhan",
      "outside the political system"), "outside_system"),
    (("khong giu chuc vu", "khong co chuc vu", "khong chuc vu", "khong lanh dao", "khong giu",
      "dang vien", "no leadership"), "non_leader"),
    (("lanh dao", "quan ly", "co chuc vu", "giu chuc vu"), "leader"),
)


def parse_category(value: Any) -> str | None:
    """"2A" / "leader" / "Giữ chức vụ lãnh đạo, quản lý" -> "leader"; None when not understood."""
    key = fold(str(value))
    if key in _CATEGORY_CODES:
        return _CATEGORY_CODES[key]
    for words, category in _CATEGORY_WORDS:
        if any(w in key for w in words):
            return category
    return None


_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
# Excel day serials of plausible birth dates (1927 .. 2064): a bare year such as 1980 is not a serial
EXCEL_BIRTH_SERIALS = range(10000, 60000)


def parse_date(value: Any) -> date:
    """dd/mm/yyyy (also with - or .), yyyy-mm-dd, a date or datetime from Excel, or an Excel serial.

    Raises ValueError when the text is not one of those or names no real day.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if int(value) != value or int(value) not in EXCEL_BIRTH_SERIALS:
            raise ValueError(value)
        from openpyxl.utils.datetime import from_excel
        return from_excel(int(value)).date()
    text = nfc(str(value)).strip()
    m = _DMY.match(text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _YMD.match(text)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(text)


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read (or was read with a note): its number as the file shows it."""

    row: int
    name: str
    message: Message


@dataclass
class ParsedRow:
    row: int
    values: dict[str, Any]  # every roster column; "category" None when the cell was empty


@dataclass
class ParsedFile:
    rows: list[ParsedRow]
    problems: list[RowProblem]
    columns: set[str]  # the roster columns the header named
    ignored_columns: list[str] = field(default_factory=list)
    encoding: str = ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", nfc(str(value))).strip()


def _display(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return _text(value)


def _row_values(row_number: int, cells: dict[str, Any]) -> ParsedRow | RowProblem:
    name = _text(cells.get("full_name"))
    if not name:
        return RowProblem(row_number, "", msg("roster.row.no_name"))
    values: dict[str, Any] = {"full_name": name}
    for column in TEXT_COLUMNS:
        text = _text(cells.get(column)) if column != "full_name" else name
        problem = field_problem(column, text, required=column == "full_name")
        if problem is not None:
            return RowProblem(row_number, name[:FULL_NAME], problem)
        values[column] = text
    raw_dob = cells.get("date_of_birth")
    values["date_of_birth"] = None
    if raw_dob is not None and _text(raw_dob):
        try:
            dob = parse_date(raw_dob)
        except (ValueError, OverflowError):
            return RowProblem(row_number, name, msg("roster.row.bad_date", value=_display(raw_dob)))
        if not date(1900, 1, 1) <= dob <= date.today():
            return RowProblem(row_number, name, msg("roster.row.date_range", value=dob.strftime("%d/%m/%Y")))
        values["date_of_birth"] = dob
    raw_cat = _text(cells.get("category"))
    values["category"] = None  # not given: the roster service decides (2B for a new member)
    if raw_cat:
        values["category"] = parse_category(raw_cat)
        if values["category"] is None:
            return RowProblem(row_number, name, msg("roster.row.bad_category", value=raw_cat))
    raw_order = _text(cells.get("meeting_order"))
    if raw_order:
        try:
            values["meeting_order"] = int(raw_order)
        except ValueError:
            return RowProblem(row_number, name, msg("roster.row.bad_order", value=raw_order))
    return ParsedRow(row_number, values)


def parse_rows(numbered: Iterable[tuple[int, list[Any]]]) -> ParsedFile:
    """Find the header among the first rows, then read every later non-empty row."""
    it: Iterator[tuple[int, list[Any]]] = iter(numbered)
    header: dict[int, str] | None = None
    ignored: list[str] = []
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            _, cells = next(it)
        except StopIteration:
            break
        found = {i: column_for(c) for i, c in enumerate(cells)}
        if "full_name" in found.values():
            header, seen = {}, set()
            for i, column in found.items():
                if column and column not in seen:
                    header[i] = column
                    seen.add(column)
                elif _text(cells[i]):
                    ignored.append(_text(cells[i]))
            break
    if header is None:
        raise ServiceError.of("roster.no_header", n=HEADER_SEARCH_ROWS)
    rows: list[ParsedRow] = []
    problems: list[RowProblem] = []
    count = 0
    for number, cells in it:
        if not any(_text(c) for c in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise ServiceError.of("roster.too_many_rows", max=MAX_ROWS)
        values = {column: cells[i] for i, column in header.items() if i < len(cells)}
        result = _row_values(number, values)
        if isinstance(result, RowProblem):
            problems.append(result)
        else:
            rows.append(result)
    return ParsedFile(rows, problems, set(header.values()), ignored)


# --- the two file formats ----------------------------------------------------------------------------

def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # zip, XML or format errors: the file is not a workbook we can read
        raise ServiceError.of("roster.bad_xlsx", error=f"{type(e).__name__}: {e}") from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            return
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        wb.close()


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding used: UTF-8 (with or without BOM) unless told.

    Bytes that are not UTF-8 are reported (never guessed): Vietnamese in a legacy code page would
    come out wrong without anyone noticing.
    """
    if encoding:
        try:
            return nfc(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError):
            raise ServiceError.of("roster.bad_encoding", encoding=encoding) from None
    try:
        return nfc(data.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError as e:
        raise ServiceError.of("roster.not_utf8", pos=e.start) from None


def _csv_rows(text: str) -> Iterator[tuple[int, list[Any]]]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample.split("\n", 1)[0] or sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells
    except csv.Error as e:
        raise ServiceError.of("roster.bad_csv", error=str(e)) from None


def read_roster_file(path: str | Path, encoding: str | None = None) -> ParsedFile:
    """Read an .xlsx or .csv roster. Raises ServiceError for a file that cannot be read at all."""
    path = Path(path)
    if not path.is_file():
        raise ServiceError.of("roster.file_missing", path=str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ServiceError.of("roster.too_large", size=size, max=MAX_BYTES)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return parse_rows(_xlsx_rows(path))
    if suffix in (".csv", ".txt"):
        text, used = decode_csv(path.read_bytes(), encoding)
        parsed = parse_rows(_csv_rows(text))
        parsed.encoding = used
        return parsed
    raise ServiceError.of("roster.unsupported", suffix=suffix or path.name)
