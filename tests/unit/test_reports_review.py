"""The individual review PDF, read back with pypdf and pdftotext: header, title, every answer
exactly (NFC), scores, the ticked rating, signature and committee blocks, fonts embedded."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from reports_fixtures import (
    CAUSES, COLLECTIVE, DIRECTION, DUTIES_LINES, EARLIER, EARLIER_NOTE, EXAMPLE, PLEDGE, QUALITY, REMEDY,
    SHORTCOMINGS, add_review, assert_fonts_embedded, load_extra_form, make_cell, nfd,
    assert_in_all, page_number_marks, pdftotext, squash, texts,
)
from selfreview.db.models import Answer
from selfreview.forms import registry
from selfreview.forms.model import (
    Checklist, Computed, DateItem, Guidance, Levels, LongText, MultiChoice, Records, Score, ShortText,
    SingleChoice,
)
from selfreview.reports import PageSetup
from selfreview.reports.data import CommitteeView, Header, ReviewReport
from selfreview.reports.review_pdf import write_review
from selfreview.services import templates
from selfreview.services.dto import ProfileData



@pytest.fixture
def cell(ctx, tmp_path):
    ctx.reports.set_place("Hà Nội")
    return make_cell(ctx, tmp_path)


def test_the_selfcheck_is_printed_only_when_attached(ctx, cell, tmp_path):
    """The responsibility self-check is the app's aid, not part of Mẫu 02B: the form the member hands
    in leaves it out unless the member attaches it."""
    plain = tmp_path / "plain.pdf"
    ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"], plain)
    got = texts(plain)
    assert "Tự kiểm tra về trách nhiệm" not in got[1] and squash(EXAMPLE) not in got[0]
    assert_in_all("NGƯỜI TỰ KIỂM ĐIỂM (Ký, ghi rõ họ tên)", got)
    attached = tmp_path / "attached.pdf"
    ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"], attached, attach_selfcheck=True)
    assert "Tự kiểm tra về trách nhiệm" in texts(attached)[1]


def test_review_pdf_shows_the_form_and_every_answer(ctx, cell, tmp_path):
    out = tmp_path / "review.pdf"
    ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"], out, attach_selfcheck=True)
    got = texts(out)
    # header block, form code, title, year, subtitle
    for s in ("Mẫu 02B-HD KĐ.ĐG 2025", "ĐẢNG BỘ SỞ NỘI VỤ", "ĐẢNG CỘNG SẢN VIỆT NAM",
              "Hà Nội, ngày 18 tháng 12 năm 2025", "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN", "Năm 2025",
              "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"):
        assert_in_all(s, got)
    assert "CHI BỘ PHÒNG TỔ CHỨC - HÀNH CHÍNH" in got[2] or "CHI BỘ PHÒNG TỔ CHỨC - HÀNH CHÍNH" in got[0]
    assert "Độc lập - Tự do - Hạnh phúc" not in got[0]  # a state motto never appears on a party paper
    # identity
    assert_in_all("Họ và tên: Trần Thị Bích Ngọc", got)
    assert_in_all("Ngày sinh: 11/01/1981", got)
    assert_in_all("Chi bộ: Chi bộ Phòng Tổ chức - Hành chính", got)
    # parts and sections, in order
    layout = got[1]
    order = ["A. NỘI DUNG KIỂM ĐIỂM", "I. Ưu điểm, kết quả đạt được", "II. Hạn chế, khuyết điểm và nguyên nhân",
             "III. Kết quả khắc phục", "IV. Giải trình", "V. Làm rõ trách nhiệm", "VI. Phương hướng",
             "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI", "I. Đánh giá theo các nhóm tiêu chí",
             "II. Đề xuất xếp loại mức chất lượng", "Tự kiểm tra về trách nhiệm", "NGƯỜI TỰ KIỂM ĐIỂM",
             "Đánh giá, xếp loại chất lượng đảng viên"]
    positions = [layout.index(s) for s in order]
    assert positions == sorted(positions)
    # every answer, exactly
    for answer in [f"{QUALITY} (Đảng viên số 1.)", *[f"- {x}" for x in DUTIES_LINES], PLEDGE,
                   *[f"- {x}" for x in SHORTCOMINGS], CAUSES, f"1. {EARLIER}",
                   "- Kết quả khắc phục: Đã được khắc phục",
                   f"- Những khó khăn, vướng mắc (nếu có): {EARLIER_NOTE}", COLLECTIVE, DIRECTION,
                   f"- Ví dụ: {EXAMPLE}", f"- Biện pháp khắc phục: {REMEDY}"]:
        assert_in_all(answer, got)
    # Part B: scores, total, the proposed rating ticked
    assert_in_all("1. Nhóm tiêu chí chung: 25/30", got)
    assert_in_all("2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 55/70", got)
    assert_in_all("Tổng điểm: 80/100", got)
    assert_in_all("X Hoàn thành xuất sắc nhiệm vụ", got)
    assert "X Hoàn thành tốt nhiệm vụ" not in got[1]
    # the self-check table: behaviour 7 marked "often", behaviour 6 "sometimes"
    lines = pdftotext(out).splitlines()
    row7 = next(line for line in lines if "Xử lý công việc chậm, để kéo dài" in line)
    assert row7.split()[0] == "7" and row7.rstrip().endswith("X")
    # signature and the committee's blocks (filled from the Assessment)
    assert_in_all("NGƯỜI TỰ KIỂM ĐIỂM (Ký, ghi rõ họ tên)", got)
    assert_in_all("Nhận xét, đánh giá của chi ủy: Chi ủy nhất trí với bản tự kiểm điểm của đồng chí "
                  "Trần Thị Bích Ngọc.", got)
    assert_in_all("Chi bộ đề xuất xếp loại mức chất lượng: Hoàn thành tốt nhiệm vụ", got)
    assert_in_all("T/M CHI ỦY (CHI BỘ)", got)
    assert_in_all("Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng: ………………", got)
    assert_in_all("T/M ĐẢNG ỦY (CHI ỦY)", got)
    # the app's notes and the criteria framework are not printed on the form
    assert "Phụ lục 4, Mục I" not in got[0] and "Gợi ý cho mục 2" not in got[0]
    assert "Có quan điểm, bản lĩnh chính trị vững vàng" not in got[0]
    assert_fonts_embedded(out)
    assert b"Helvetica" not in out.read_bytes()


def test_page_numbers_count_every_page_and_long_answers_flow(ctx, cell, tmp_path):
    long_lines = [f"Dòng {n}: hoàn thành nhiệm vụ được giao, bảo đảm chất lượng, tiến độ và hiệu quả công việc."
                  for n in range(1, 181)]
    with ctx.session() as s:
        s.get(Answer, (cell.reviews["Võ Thị Thu Hà"], "a1_duties")).value = "\n".join(long_lines)
    out = tmp_path / "long.pdf"
    ctx.reports.write_review(cell.reviews["Võ Thị Thu Hà"], out)
    pages = len(PdfReader(str(out)).pages)
    assert pages >= 6
    marks = page_number_marks(out)
    assert marks[0] == []  # none on page 1
    assert [[m[0] for m in page] for page in marks[1:]] == [[str(n)] for n in range(2, pages + 1)]
    got = texts(out)
    for line in long_lines:
        assert_in_all(line, got)


def test_text_is_nfc_even_when_stored_decomposed(ctx, cell, tmp_path):
    decomposed = nfd("Tự phê bình nghiêm túc; khắc phục ngay những điểm yếu.")
    with ctx.session() as s:
        s.get(Answer, (cell.reviews["Lê Hoàng Yến"], "a6_direction")).value = decomposed
    out = tmp_path / "nfc.pdf"
    ctx.reports.write_review(cell.reviews["Lê Hoàng Yến"], out)
    got = texts(out)
    composed = unicodedata.normalize("NFC", decomposed)
    assert_in_all(composed, got)
    for text in got:
        assert unicodedata.is_normalized("NFC", text)


def test_markup_characters_in_answers_are_printed_as_typed(ctx, cell, tmp_path):
    typed = "Chỉ tiêu <b>vượt</b> 5% & số hồ sơ > 40; <font size=40>không</font> phóng to"
    with ctx.session() as s:
        s.get(Answer, (cell.reviews["Lê Hoàng Yến"], "a2_causes")).value = typed + "\tcó tab\x07"
    out = tmp_path / "markup.pdf"
    ctx.reports.write_review(cell.reviews["Lê Hoàng Yến"], out)
    assert_in_all(typed + " có tab", texts(out))


def test_committee_blocks_are_dotted_when_nothing_was_entered(ctx, cell, tmp_path):
    out = tmp_path / "empty.pdf"
    ctx.reports.write_review(cell.reviews["Lê Hoàng Yến"], out)  # no Assessment row for this member
    got = texts(out)
    assert_in_all("Nhận xét, đánh giá của chi ủy:", got)
    assert_in_all("Chi bộ đề xuất xếp loại mức chất lượng: ………………", got)
    assert "Hoàn thành nhiệm vụ T/M" not in got[1]


def test_paper_and_margins_are_a_setting(ctx, cell, tmp_path):
    assert ctx.reports.page_setup() == PageSetup("A4", 20, 20, 30, 15)
    ctx.reports.set_page_setup(PageSetup(paper="A5", top_mm=25, bottom_mm=25, left_mm=35, right_mm=15))
    assert ctx.reports.page_setup().paper == "A5"
    out = tmp_path / "a5.pdf"
    ctx.reports.write_review(cell.reviews["Lê Hoàng Yến"], out)
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5 in points
    assert_in_all("ĐẢNG CỘNG SẢN VIỆT NAM", texts(out))
    with pytest.raises(ValueError):
        PageSetup(paper="B7")
    with pytest.raises(ValueError):
        PageSetup(left_mm=0)


def test_own_review_from_a_profile(ctx, tmp_path):
    """A member printing their own review on their PC: header from their profile."""
    p = ctx.profiles.create(ProfileData(full_name="Hoàng Thị Mỹ Linh", date_of_birth=date(1990, 3, 8),
                                        work_unit="Phòng Kế hoạch - Tài chính", cell_name="Chi bộ Kế hoạch",
                                        superior_body="Đảng bộ Cục Thống kê"))
    review = ctx.reviews.create(p.id, "2025", template_id="hd43-2025-2b")
    ctx.reviews.save_answer(review.summary.id, "a1_political", "Giữ vững lập trường, tư tưởng chính trị.")
    ctx.reviews.save_answer(review.summary.id, "b1_general", 27.5)
    out = tmp_path / "own.pdf"
    ctx.reports.write_review(review.summary.id, out, place="Đà Nẵng")
    got = texts(out)
    for s in ("ĐẢNG BỘ CỤC THỐNG KÊ", "CHI BỘ KẾ HOẠCH", "Đà Nẵng, ngày …… tháng …… năm ……",
              "Họ và tên: Hoàng Thị Mỹ Linh", "Ngày sinh: 08/03/1990", "Đơn vị công tác: Phòng Kế hoạch - Tài chính",
              "Giữ vững lập trường, tư tưởng chính trị.", "1. Nhóm tiêu chí chung: 27,5/30",
              "Tổng điểm: ……/100", "Hoàng Thị Mỹ Linh"):
        assert_in_all(s, got)
    assert_fonts_embedded(out)


def test_kinds_the_bundled_forms_do_not_use(ctx, tmp_path):
    template = load_extra_form(tmp_path)
    with ctx.session() as s:
        digest = templates.store(s, template)
    c = ctx.cells.create_cell("Chi bộ Thử nghiệm", "Đảng bộ Thử")
    from selfreview.services.cells import MemberData
    m = ctx.cells.add_member(c.id, MemberData(full_name="Ngô Bảo Châu"))
    rid = add_review(ctx, template, digest, m.id, None, "2025", {
        "q_short": "Chuyên viên chính", "q_date": "2001-05-19", "q_levels": {"c1": "tot", "c2": "xuat_sac"}})
    out = tmp_path / "kinds.pdf"
    ctx.reports.write_review(rid, out)
    got = texts(out)
    assert_in_all("Chức vụ chính quyền: Chuyên viên chính", got)
    assert_in_all("Ngày vào Đảng: 19/05/2001", got)
    lines = pdftotext(out).splitlines()
    row = next(line for line in lines if "Phẩm chất chính trị" in line)
    header = next(line for line in lines if "Xuất sắc" in line and "Kém" in line)
    assert abs(row.index("X") - header.index("Tốt")) <= 3  # the X sits under "Tốt"


def _answer_for(item, n: int):
    """A value for any question kind, with text unique to the question."""
    if isinstance(item, (ShortText, LongText)):
        return f"Nội dung trả lời số {n}: Đảng viên ưu tú, gương mẫu, sẵn sàng nhận nhiệm vụ khó"
    if isinstance(item, SingleChoice):
        return item.options[0].value
    if isinstance(item, MultiChoice):
        return [item.options[0].value]
    if isinstance(item, Score):
        return int(item.max) - 5
    if isinstance(item, DateItem):
        return "2025-11-30"
    if isinstance(item, Levels):
        return {c.id: item.levels[0].value for c in item.criteria}
    if isinstance(item, Records):
        first = item.fields[0]
        return [{first.id: f"Hạn chế cũ số {n}: chậm trễ báo cáo định kỳ"}]
    if isinstance(item, Checklist):
        return {b.id: {"frequency": item.frequencies[-1].value, "example": f"Ví dụ {n}.{k}: để hồ sơ tồn đọng",
                       "remedy": f"Khắc phục {n}.{k}: xử lý ngay trong tuần"}
                for k, b in enumerate(item.behaviours)}
    return None


def test_every_bundled_form_prints_every_answer(tmp_path):
    infos = sorted(registry.bundled().values(), key=lambda i: i.template.id)
    assert {i.template.id for i in infos} >= {"hd43-2025-2a", "hd43-2025-2b", "hd43-2025-2c"}
    for info in infos:
        t = info.template
        answers = {}
        for n, (_, item) in enumerate(t.items(), start=1):
            if item.stores_answer and not isinstance(item, (Guidance, Computed)):
                answers[item.id] = _answer_for(item, n)
        report = ReviewReport(Header("Đảng bộ Khối Cơ quan", "Chi bộ Văn phòng", "Huế", date(2025, 12, 1)), t,
                              "2025", "Phan Thị Ánh Tuyết",
                              {f.field: "Giá trị " + f.label.vi for f in t.identity}, answers,
                              CommitteeView("Nhận xét của chi ủy.", "httnv", "htnv"),
                              attach_selfcheck=True)  # every answer: the attached self-check's too
        out = tmp_path / f"{t.id}.pdf"
        write_review(report, str(out))
        got = texts(out)
        if t.code is not None:
            assert_in_all(t.code.vi, got)
        assert_in_all(t.title.vi, got)
        for f in t.identity:
            assert_in_all(f"Giá trị {f.label.vi}", got)
        for n, (_, item) in enumerate(t.items(), start=1):
            value = answers.get(item.id)
            if isinstance(item, (ShortText, LongText)) or isinstance(item, Records):
                assert_in_all(f"Nội dung trả lời số {n}" if not isinstance(item, Records)
                              else f"Hạn chế cũ số {n}", got)
            elif isinstance(item, Score):
                assert_in_all(f"{value}/{int(item.max)}", got)
            elif isinstance(item, Checklist):
                for k, _b in enumerate(item.behaviours):
                    assert_in_all(f"Ví dụ {n}.{k}: để hồ sơ tồn đọng", got)
                    assert_in_all(f"Khắc phục {n}.{k}: xử lý ngay trong tuần", got)
            elif isinstance(item, SingleChoice) and item.id == t.roles.get("proposed_rating"):
                assert_in_all(f"X {item.options[0].label.vi}", got)
        if t.category.value in ("leader", "non_leader", "outside_system"):
            assert_in_all("Chi bộ đề xuất xếp loại mức chất lượng: Hoàn thành tốt nhiệm vụ", got)
            assert_in_all("Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng: Hoàn thành nhiệm vụ", got)
        assert_fonts_embedded(out)
