"""The Word and Excel outputs (issue 16), read back two ways: their own structure (python-docx,
openpyxl: page, fonts, headings, tables, page numbers, formulas, print setup) and through the real
client, LibreOffice headless (text, CSV and PDF conversions: every name and answer in NFC, the
header right, the page number on page 2). All files are made once for the module, and each
conversion is one LibreOffice run for every file of its kind (a run costs seconds)."""

from __future__ import annotations

import csv
import io
import re
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree
from openpyxl import load_workbook

from libreoffice import CSV, TEXT, convert, read_text
from office_world import make_world
from selfreview.reports import PageSetup

WORD = ("review", "collective", "cell", "minutes", "rollup")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("office"))


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    return tmp_path_factory.mktemp("lo-profile")  # this module's own LibreOffice profile


@pytest.fixture(scope="module")
def lo_text(world, profile, tmp_path_factory):
    files = [world.files[k] for k in WORD]
    out = convert(files, TEXT, tmp_path_factory.mktemp("txt"), profile)
    return {k: read_text(out[world.files[k].name]) for k in WORD}


@pytest.fixture(scope="module")
def lo_pdf(world, profile, tmp_path_factory):
    files = [world.files["review"], world.files["rollup_xlsx"]]
    out = convert(files, "pdf", tmp_path_factory.mktemp("pdf"), profile)
    return {"review": out[world.files["review"].name], "rollup_xlsx": out[world.files["rollup_xlsx"].name]}


def pdf_pages(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], check=True,
                          capture_output=True).stdout.decode()
    return text.split("\f")


# -- the files themselves -------------------------------------------------------------------------
@pytest.mark.parametrize("kind", WORD)
def test_word_page_fonts_and_page_numbers(world, kind):
    doc = Document(str(world.files[kind]))
    setup = PageSetup()
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    for name, mm in (("top_margin", setup.top_mm), ("bottom_margin", setup.bottom_mm),
                     ("left_margin", setup.left_mm), ("right_margin", setup.right_mm)):
        assert abs(getattr(section, name) - Mm(mm)) < Mm(0.2), name
    # Times New Roman named for the body and the headings, no theme font that would override it
    for style in ("Normal", "Heading 1", "Heading 2", "Title"):
        fonts = doc.styles[style].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman", style
        assert fonts.get(qn("w:asciiTheme")) is None
    # its metric-compatible alternative declared in the font table
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    table = etree.fromstring(part.blob)
    tnr = next(f for f in table.findall(qn("w:font")) if f.get(qn("w:name")) == "Times New Roman")
    assert tnr.find(qn("w:altName")).get(qn("w:val")) == "Liberation Serif"
    # page number: a PAGE field centred in the header from page 2, 13 pt upright; page 1's header empty
    assert section.different_first_page_header_footer
    assert section.first_page_header.is_linked_to_previous is False or not section.first_page_header.paragraphs[0].text
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)
    head = section.header.paragraphs[0]
    assert head.alignment == 1  # centre
    assert "PAGE" in "".join(t.text for t in head._p.iter(qn("w:instrText")))
    sizes = {r.font.size.pt for r in head.runs if r.font.size}
    assert sizes == {13.0} and not any(r.font.italic or r.font.bold for r in head.runs)
    # no layout made of spaces or tabs
    for p in doc.paragraphs:
        assert "\t" not in p.text and "   " not in p.text, p.text


def test_word_review_has_real_headings_and_tables(world):
    doc = Document(str(world.files["review"]))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "A. NỘI DUNG KIỂM ĐIỂM") in headings
    assert ("Heading 2", "I. Ưu điểm, kết quả đạt được") in headings
    assert ("Heading 1", "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI") in headings
    # the self-check is a table a secretary can edit: a header row that repeats, a row per behaviour
    checklist = next(t for t in doc.tables if t.rows[0].cells[1].text == "Biểu hiện")
    assert checklist.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(checklist.rows) > 5 and checklist.rows[1].cells[0].text == "1"
    assert doc.paragraphs[0].text == "Mẫu 02B-HD KĐ.ĐG 2025" and doc.paragraphs[0].alignment == 2  # right
    plain = Document(str(world.files["review_plain"]))  # the form as handed in: the app's self-check left out
    assert not any(t.rows[0].cells[1].text == "Biểu hiện" for t in plain.tables if len(t.rows[0].cells) > 1)
    assert not any("Tự kiểm tra về trách nhiệm" in p.text for p in plain.paragraphs)
    assert any(p.style.name == "Title" and p.text == "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN"
               for p in doc.paragraphs)


def test_excel_rollup_numbers_formulas_and_print_setup(world):
    wb = load_workbook(world.files["rollup_xlsx"])
    ws = wb.active
    rows = list(ws.iter_rows(min_row=6, values_only=True))
    names = [r[1] for r in rows]
    assert names == [r.name for r in world.rollup.rows] + ["Tổng cộng"]
    for row, cell in zip(rows, world.rollup.rows):
        assert row[2:4] == (cell.members, cell.submitted)  # real numbers, not text
        assert all(isinstance(v, int) for v in row[2:13])
        assert row[8:12] == tuple(cell.cell_counts.get(k, 0) for k in ("htxsnv", "httnv", "htnv", "khtnv"))
    total = rows[-1]
    assert total[2] == "=SUM(C6:C7)" and total[8] == "=SUM(I6:I7)"
    assert str(rows[0][13]).startswith("=IF(")  # the share of HTXSNV against HTTNV: a formula
    assert ws.freeze_panes == "C6"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.print_title_rows == "$4:$5"


# -- LibreOffice reads them -----------------------------------------------------------------------
def test_libreoffice_reads_the_review(world, lo_text):
    text = lo_text["review"]
    lines = [line.strip() for line in text.splitlines()]
    assert lines[:6] == ["Mẫu 02B-HD KĐ.ĐG 2025", "ĐẢNG BỘ SỞ NỘI VỤ", "CHI BỘ PHÒNG TỔ CHỨC - HÀNH CHÍNH", "*",
                         "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 18 tháng 12 năm 2025"]
    assert "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN" in lines
    assert "Họ và tên: Trần Thị Bích Ngọc" in lines
    for answer in world.answers:
        assert answer in text, answer
    assert "☒ Hoàn thành xuất sắc nhiệm vụ" in lines  # the proposed rating, ticked
    assert "T/M CHI ỦY (CHI BỘ)" in lines
    after = lines[lines.index("T/M CHI ỦY (CHI BỘ)"):]
    assert "Nguyễn Văn Đức" in after[:8]  # the cell secretary signs for the committee


def test_libreoffice_reads_the_cell_summary_and_the_rollup(world, lo_text):
    text = lo_text["cell"]
    for name in world.names:
        assert name in text, name
    for s in ("TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ,", "- Tổng số đảng viên: 6", "- Chưa nộp: 1 (Đặng Minh Khôi)",
              "Số ……-BC/CB", "T/M CHI BỘ"):
        assert s in text, s
    roll = lo_text["rollup"]
    for s in ("Chi bộ Phòng Tổ chức - Hành chính", "Chi bộ Văn phòng", "Tổng cộng", "Hoàng Văn Giang",
              "II. KẾT QUẢ THEO TỪNG TỔ CHỨC ĐẢNG"):
        assert s in roll, s


def test_libreoffice_reads_the_minutes_and_the_collective(lo_text):
    text = lo_text["minutes"]
    for s in ("BIÊN BẢN", "HỘI NGHỊ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025",
              "đồng chí Phạm Thị Dung (Ốm, có giấy xin phép)", "4. Chủ trì: đồng chí Nguyễn Văn An.",
              "- Đồng chí Lê Văn Cường: Đồng chí Nguyễn Văn An: đề nghị phát huy.", "HTXSNV: 3", "THƯ KÝ", "CHỦ TRÌ"):
        assert s in text, s
    collective = lo_text["collective"]
    lines = [line.strip() for line in collective.splitlines()]
    assert lines[0] == "Mẫu 01-HD KĐ.ĐG 2025" and "CHI BỘ VĂN PHÒNG" in lines
    assert "Tổng điểm: 87/100" in lines and "☒ Hoàn thành tốt nhiệm vụ." in lines
    assert lines[-1] == "Nguyễn Văn An" and "T/M CHI ỦY" in lines


def test_libreoffice_numbers_page_two_at_the_top(lo_pdf):
    pages = pdf_pages(lo_pdf["review"])
    assert len(pages) >= 3
    first_lines = [next((line.strip() for line in p.splitlines() if line.strip()), "") for p in pages]
    assert first_lines[0] == "Mẫu 02B-HD KĐ.ĐG 2025"  # page 1: no number above the form code
    assert first_lines[1] == "2" and first_lines[2] == "3"


def test_libreoffice_computes_the_excel_totals(world, lo_pdf, profile, tmp_path):
    out = convert([world.files["rollup_xlsx"]], CSV, tmp_path, profile)
    rows = list(csv.reader(io.StringIO(read_text(out[world.files["rollup_xlsx"].name]))))
    assert rows[0][0] == "ĐẢNG BỘ SỞ NỘI VỤ"
    assert rows[1][0] == "TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"
    body = {r[1]: r for r in rows if len(r) > 2 and r[1]}
    total = body["Tổng cộng"]
    cells = [body[r.name] for r in world.rollup.rows]
    for col in range(2, 13):  # LibreOffice computed the SUM formulas: they add up the rows
        assert int(total[col]) == sum(int(c[col]) for c in cells), col
    assert int(total[2]) == sum(r.members for r in world.rollup.rows)
    assert re.fullmatch(r"Đạt|Vượt \d+", total[16])
    landscape = pdf_pages(lo_pdf["rollup_xlsx"])[0]
    assert "Chi bộ Văn phòng" in landscape and "Tổng cộng" in landscape


def test_word_puts_symbols_the_main_font_lacks_in_a_symbol_font(tmp_path):
    from selfreview.reports.word import WordDocument

    w = WordDocument(PageSetup())
    w.para("Hoàn thành ✓ đúng hạn; ✗ chưa đạt ≥ 90%")
    path = tmp_path / "symbols.docx"
    w.save(str(path))
    runs = [(r.text, r._r.rPr.rFonts.get(qn("w:ascii")) if r._r.rPr is not None and r._r.rPr.rFonts is not None
             else None) for r in Document(str(path)).paragraphs[0].runs]
    assert runs == [("Hoàn thành ", None), ("✓", "Segoe UI Symbol"), (" đúng hạn; ", None),
                    ("✗", "Segoe UI Symbol"), (" chưa đạt ≥ 90%", None)]  # ≥ is in Times New Roman
