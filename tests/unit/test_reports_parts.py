"""The pieces of the reports: counting and hiding, Vietnamese dates and numbers, page setup."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from reportlab.platypus import Paragraph

from reports_fixtures import assert_fonts_embedded, page_number_marks, pdf_text, pdftotext
from selfreview.reports import PageSetup
from selfreview.reports.cell_summary import responsibility_block
from selfreview.reports.data import Behaviour, ResponsibilityTally
from selfreview.reports.markup import cell_title, number, percent, period_title, place_date, vi_sort_key
from selfreview.reports.page import build
from selfreview.reports.styles import cell_text, styles
from selfreview.reports.tallies import (
    common_lines, quota, rating_counts, responsibility_rows, shown, visible_lines,
)


def tally(counts: dict[str, dict[str, int]]) -> ResponsibilityTally:
    behaviours = tuple(Behaviour(k, f"Biểu hiện {k}") for k in counts)
    return ResponsibilityTally(behaviours, counts, respondents=10)


def test_small_counts_are_hidden_and_cannot_be_worked_out():
    assert shown(0, 3).hidden is False and shown(1, 3).hidden and shown(2, 3).hidden
    assert shown(3, 3).hidden is False and shown(1, 1).hidden is False
    rows = responsibility_rows(tally({"a": {"sometimes": 5, "often": 1}, "b": {"sometimes": 2, "often": 2},
                                      "c": {"sometimes": 4, "often": 3}, "d": {"never": 9},
                                      "e": {"sometimes": 1}}), 3)
    a, b, c, d, e = rows
    assert (a.sometimes.text(3), a.often.text(3), a.total.text(3)) == ("5", "< 3", "≥ 6")
    assert (b.sometimes.text(3), b.often.text(3), b.total.text(3)) == ("< 3", "< 3", "≥ 2")
    assert (c.sometimes.text(3), c.often.text(3), c.total.text(3)) == ("4", "3", "7")
    assert (d.sometimes.text(3), d.often.text(3), d.total.text(3)) == ("0", "0", "0")
    assert (e.sometimes.text(3), e.total.text(3)) == ("< 3", "< 3")
    assert [r.sometimes.plotted for r in rows] == [5, 0, 4, 0, 0]


def test_the_printed_self_check_is_the_same_whatever_the_hidden_counts(tmp_path, monkeypatch):
    """1 or 2 people: the PDF must not differ at all (table, chart bars and labels)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")  # same dates and file id: the bytes can be compared
    outputs = []
    for hidden in (1, 2):
        t = tally({"a": {"sometimes": hidden, "often": 4}, "b": {"often": hidden}, "c": {"sometimes": 3}})
        path = tmp_path / f"h{hidden}.pdf"
        build(str(path), responsibility_block(t, 3, PageSetup().frame_width), PageSetup())
        outputs.append(path)
    assert pdf_text(outputs[0]) == pdf_text(outputs[1])
    assert pdftotext(outputs[0]) == pdftotext(outputs[1])
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    assert_fonts_embedded(outputs[0])


def test_rating_counts_and_quota():
    counts = rating_counts(["htxsnv", "httnv", "httnv", None, "bogus", "khtnv"])
    assert counts == {"htxsnv": 1, "httnv": 2, "htnv": 0, "khtnv": 1, "none": 2}
    q = quota({"htxsnv": 3, "httnv": 10})
    assert (q.max_excellent, q.ok, q.over_by) == (2, False, 1)
    assert quota({"htxsnv": 2, "httnv": 10}).ok


def test_common_lines_count_people_not_lines():
    per_person = [["Chậm báo cáo.", "Ngại va chạm"], ["chậm   báo cáo", "Chậm báo cáo"], ["Ngại va chạm;"],
                  ["Chậm báo cáo"], []]
    lines = common_lines(per_person)
    assert lines[0] == ("Chậm báo cáo", 3)
    assert lines[1] == ("Ngại va chạm", 2)
    assert visible_lines(lines, 3) == [("Chậm báo cáo", 3)]
    assert [n for _, n in visible_lines(lines, 1)] == [3, 2]  # a line one person wrote is never "common"


def test_vietnamese_dates_numbers_and_names():
    assert place_date("Hà Nội", date(2025, 12, 5)) == "Hà Nội, ngày 05 tháng 12 năm 2025"
    assert place_date("Huế", date(2026, 2, 14)) == "Huế, ngày 14 tháng 02 năm 2026"
    assert place_date("", None) == "……, ngày …… tháng …… năm ……"
    assert number(Decimal("86.5")) == "86,5" and number(86) == "86" and number(None) == ""
    assert percent(1, 3) == "33,3%" and percent(3, 6) == "50%" and percent(0, 0) == "0%"
    assert period_title("2025") == "NĂM 2025" and period_title("Quý I/2026") == "QUÝ I/2026"
    assert cell_title("Văn phòng") == "CHI BỘ VĂN PHÒNG" and cell_title("chi bộ Kho bạc") == "CHI BỘ KHO BẠC"
    names = ["Võ Văn Tú", "Đinh Thị Lan", "Dương Minh", "Lê Ánh", "Lê Anh", "Ân Thị Ba", "An Thị Ba"]
    assert sorted(names, key=vi_sort_key) == ["An Thị Ba", "Ân Thị Ba", "Dương Minh", "Đinh Thị Lan", "Lê Anh",
                                              "Lê Ánh", "Võ Văn Tú"]
    cells = ["Chi bộ số 10", "Chi bộ số 9", "Chi bộ Đội 2", "Chi bộ Dân 1", "Chi bộ ấp 3²"]
    assert sorted(cells, key=vi_sort_key) == ["Chi bộ ấp 3²", "Chi bộ Dân 1", "Chi bộ Đội 2", "Chi bộ số 9",
                                              "Chi bộ số 10"]


def test_page_setup_round_trip_and_trang_x_of_y(tmp_path):
    setup = PageSetup.from_dict({"paper": "letter", "top_mm": 25, "bottom_mm": 25, "left_mm": 35, "right_mm": 15})
    assert setup.paper == "LETTER" and PageSetup.from_dict(setup.to_dict()) == setup
    assert PageSetup.from_dict(None) == PageSetup()
    with pytest.raises(ValueError):
        PageSetup(top_mm=80)
    st = styles()
    story = [Paragraph(f"Đoạn văn số {n}: kiểm điểm, tự phê bình và phê bình.", st.body) for n in range(200)]
    out = tmp_path / "pages.pdf"
    build(str(out), story, setup)
    text = pdftotext(out)
    pages = text.count("\f")
    assert pages >= 5
    marks = page_number_marks(out)
    assert marks[0] == [] and [m[0][0] for m in marks[1:]] == [str(n) for n in range(2, pages + 1)]
    assert "Trang" not in text
    assert "Đoạn văn số 199: kiểm điểm, tự phê bình và phê bình." in text
    assert_fonts_embedded(out)


def test_a_table_cell_is_a_plain_string_when_it_fits_on_one_line():
    st = styles()
    assert cell_text("Đôi khi", st.th_s, 45) == "Đôi khi"
    assert cell_text("Nguye\u0302\u0303n\x07 Văn A", st.td_s, 200) == "Nguyễn Văn A"  # NFC, no control chars
    wrapped = cell_text("Thường xuyên", st.th_s, 45)  # too wide for one line: a paragraph, which wraps
    assert isinstance(wrapped, Paragraph) and wrapped.style is st.th_s
    assert isinstance(cell_text("a\nb", st.td_s, 500), Paragraph)
    assert isinstance(cell_text("A & B <b>", st.td_s, 5), Paragraph)  # escaped: printed as written
    assert "A &amp; B &lt;b&gt;" in cell_text("A & B <b>", st.td_s, 5).text
