"""Test data for the report tests: a cell with members and finalized reviews on the bundled
Mẫu 02B (2025) with Vietnamese answers, inserted through the ORM; a committee's worth of cells in
bulk; helpers that read PDFs back."""

from __future__ import annotations

import re
import subprocess
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from selfreview.db.models import Answer, Assessment, AuditEntry, Review
from selfreview.forms import load_template, registry
from selfreview.services.cells import MemberData

FORM_ID = "hd43-2025-2b"  # the bundled Mẫu 02B (2025), for people without a leadership post

# a small stored (not bundled) form with the kinds the bundled forms do not use
EXTRA_YAML = """
format: 1
id: test-kinds
version: 1
rule_set: TEST
category: non_leader
title: {vi: "BẢN TỰ ĐÁNH GIÁ THỬ", en: "TEST", status: verbatim}
identity:
  - {field: full_name, label: {vi: "Họ và tên", en: "Name", status: verbatim}}
parts:
  - id: p
    label: {vi: "A. PHẦN THỬ", en: "A. TEST", status: verbatim}
    sections:
      - id: s
        label: {vi: "I. Các loại câu hỏi", en: "I. Kinds", status: verbatim}
        items:
          - {id: q_short, kind: short_text, label: {vi: "Chức vụ chính quyền", en: "Post", status: verbatim}}
          - {id: q_date, kind: date, label: {vi: "Ngày vào Đảng", en: "Joined", status: verbatim}}
          - id: q_levels
            kind: levels
            label: {vi: "Tự đánh giá từng tiêu chí", en: "Levels", status: verbatim}
            criteria:
              - {id: c1, label: {vi: "Phẩm chất chính trị", en: "Politics"}}
              - {id: c2, label: {vi: "Đạo đức, lối sống", en: "Ethics"}}
"""

QUALITY = ("Luôn tuyệt đối trung thành với mục tiêu, lý tưởng của Đảng; giữ gìn phẩm chất đạo đức, "
           "lối sống giản dị, trung thực. Đoàn kết, thống nhất trong nội bộ chi bộ.")
DUTIES_LINES = [
    "Hoàn thành 100% nhiệm vụ được giao đúng tiến độ: thẩm định 42 hồ sơ, soạn thảo 15 văn bản.",
    "Tham mưu xây dựng kế hoạch chuyển đổi số của cơ quan năm 2025; phối hợp tốt với các phòng.",
]
SHORTCOMINGS = ["Đôi khi chưa chủ động đề xuất giải pháp mới", "Việc tự học ngoại ngữ còn hạn chế"]
CAUSES = "Khối lượng công việc lớn; bản thân chưa sắp xếp thời gian hợp lý."
DIRECTION = "Chủ động nghiên cứu, đề xuất; dành 3 giờ mỗi tuần tự học ngoại ngữ."
PLEDGE = "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025."
COLLECTIVE = "Bản thân chịu trách nhiệm một phần về việc chậm tiến độ chuyển đổi số của phòng."
EARLIER = "Chậm cập nhật văn bản mới của ngành"
EARLIER_NOTE = "Đã lập sổ theo dõi văn bản; không còn vướng mắc."
EXAMPLE = "Có lần chuyển hồ sơ về đất đai sang phòng khác thay vì tự xử lý."
REMEDY = "Nghiên cứu kỹ quy định, chủ động xử lý việc thuộc thẩm quyền."


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def bundled_form():
    info = registry.find(FORM_ID)
    assert info is not None, f"bundled form {FORM_ID} missing"
    return info.template, info.hash


def load_extra_form(tmp_path: Path):
    path = tmp_path / "test-kinds.yaml"
    path.write_text(textwrap.dedent(EXTRA_YAML), encoding="utf-8")
    return load_template(path)


def answers_for(n: int, total: tuple[float, float] = (26, 60), rating: str = "httnv",
                freq: dict[str, str] | None = None, shortcomings: list[str] | None = None) -> dict:
    """Answers for member number ``n`` (texts carry the number so each is unique)."""
    behaviours = ["not_proactive", "no_clear_view", "unclear_law_no_plan", "poor_coordination",
                  "not_daring_decide", "pushing_up_sideways", "slow_handling", "fear_of_discipline",
                  "avoiding_posts"]
    freq = freq or {}
    check = {}
    for b in behaviours:
        f = freq.get(b, "never")
        entry = {"frequency": f}
        if f != "never":
            entry.update(example=EXAMPLE, remedy=REMEDY)
        check[b] = entry
    return {
        "a1_political": f"{QUALITY} (Đảng viên số {n}.)",
        "a1_duties": "\n".join(f"- {line}" for line in DUTIES_LINES),
        "a1_pledge": PLEDGE,
        "a2_shortcomings": "\n".join(f"- {s}" for s in (shortcomings if shortcomings is not None else SHORTCOMINGS)),
        "a2_causes": CAUSES,
        "a3_previous": [{"shortcoming": EARLIER, "status": "fixed", "difficulties": EARLIER_NOTE}],
        "a5_collective": COLLECTIVE,
        "a6_direction": DIRECTION,
        "r_behaviours": check,
        "b1_general": total[0],
        "b1_tasks": total[1],
        "b2_proposed": rating,
        "b2_conditions": ["all_tasks_on_time_quality"],
    }


@dataclass
class CellFixture:
    cell_id: int
    round_id: int
    period: str
    members: dict[str, int]  # name -> member id
    reviews: dict[str, int]  # name -> review id
    template_hash: str


MEMBERS = [  # name, category, meeting order, party post
    ("Trần Thị Bích Ngọc", "non_leader", 10, ""),
    ("Nguyễn Văn Đức", "leader", 1, "Bí thư chi bộ"),
    ("Lê Hoàng Yến", "non_leader", 10, ""),
    ("Phạm Quốc Hưng", "leader", 2, "Phó Bí thư chi bộ"),
    ("Võ Thị Thu Hà", "non_leader", 10, ""),
    ("Đặng Minh Khôi", "non_leader", 10, ""),
]


def add_review(ctx, template, digest, member_id, round_id, period, answers, *, submitted_at=None,
               finalized_at=datetime(2025, 12, 10, 9, 0), by_secretary=False, status="finalized"):
    with ctx.session() as s:
        r = Review(member_id=member_id, round_id=round_id, period=period, template_id=template.id,
                   template_version=template.version, template_hash=digest, status=status,
                   is_current=True, entered_by_secretary=by_secretary,
                   finalized_at=finalized_at, submitted_at=submitted_at)
        s.add(r)
        s.flush()
        for qid, value in answers.items():
            s.add(Answer(review_id=r.id, question_id=qid, value=value))
        return r.id


def make_cell(ctx, tmp_path, *, missing=("Đặng Minh Khôi",), name="Chi bộ Phòng Tổ chức - Hành chính",
              superior="Đảng bộ Sở Nội vụ", period="2025") -> CellFixture:
    template, digest = bundled_form()
    cell = ctx.cells.create_cell(name, superior)
    rnd = ctx.cells.create_round(cell.id, period, deadline=date(2025, 12, 15),
                                 forms={"non_leader": {"id": template.id, "version": 1, "hash": digest},
                                        "leader": {"id": template.id, "version": 1, "hash": digest}})
    members, reviews = {}, {}
    plan = {  # name -> (scores, self rating, cell rating, responsibility, extra)
        "Nguyễn Văn Đức": ((28, 65), "htxsnv", "htxsnv", {"slow_handling": "sometimes"}, {}),
        "Phạm Quốc Hưng": ((27, 60), "httnv", "httnv", {"slow_handling": "sometimes"}, {}),
        "Trần Thị Bích Ngọc": ((25, 55), "htxsnv", "httnv", {"slow_handling": "often",
                                                          "pushing_up_sideways": "sometimes"},
                               {"late": True}),
        "Lê Hoàng Yến": ((20, 40), "htnv", None, {"slow_handling": "sometimes", "avoiding_posts": "often"},
                         {"by_secretary": True}),
        "Võ Thị Thu Hà": ((26, 58), "httnv", "httnv", {"pushing_up_sideways": "sometimes"},
                          {"short": [SHORTCOMINGS[0]]}),
        "Đặng Minh Khôi": ((24, 50), "htnv", "htnv", {}, {}),
    }
    for n, (full_name, category, order, post) in enumerate(MEMBERS, start=1):
        m = ctx.cells.add_member(cell.id, MemberData(full_name=nfd(full_name), category=category,
                                                     meeting_order=order, party_post=post,
                                                     date_of_birth=date(1980 + n, n, 10 + n)))
        members[full_name] = m.id
        if full_name in missing:
            continue
        scores, self_r, cell_r, freq, extra = plan[full_name]
        # everything is imported after the deadline; only Ngọc finished (finalized) late
        finalized = datetime(2025, 12, 18, 8, 0) if extra.get("late") else datetime(2025, 12, 10, 9, 0)
        answers = answers_for(n, scores, self_r, freq, extra.get("short"))
        reviews[full_name] = add_review(ctx, template, digest, m.id, rnd.id, period, answers,
                                        submitted_at=datetime(2025, 12, 20, 8, 0), finalized_at=finalized,
                                        by_secretary=extra.get("by_secretary", False))
        if cell_r:
            with ctx.session() as s:
                s.add(Assessment(member_id=m.id, round_id=rnd.id, proposed_rating=cell_r,
                                 comments=f"Chi ủy nhất trí với bản tự kiểm điểm của đồng chí {full_name}."))
    return CellFixture(cell.id, rnd.id, period, members, reviews, digest)


def mark_key_changed(ctx, member_id: int) -> None:
    """What the importer records when a member's new key is accepted (services/importing/write.py)."""
    with ctx.session() as s:
        s.add(AuditEntry(action="member.key_replaced", actor="", details={
            "member_id": member_id, "old_fingerprint": "AAAA", "new_fingerprint": "BBBB",
            "confirmed": "by voice, on import"}))


# -- reading PDFs back ----------------------------------------------------------------------------
def pdf_text(path: Path) -> str:
    """pypdf's text of every page, joined."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def pdftotext(path: Path, layout: bool = True) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def page_texts(path: Path, tool: str = "pypdf") -> list[str]:
    """Each page's text (tool: "pypdf", "layout" or "raw" pdftotext), the page number taken off."""
    if tool == "pypdf":
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    else:
        pages = pdftotext(path, layout=tool == "layout").split("\f")
        pages = pages[:-1] if pages and not pages[-1].strip() else pages
    return [strip_page_number(text, n) for n, text in enumerate(pages, start=1)]


def strip_page_number(text: str, number: int) -> str:
    """``text`` of page ``number`` without its page number (a line holding only the number, first or
    last of the page depending on the extraction order); page 1 has none."""
    if number < 2:
        return text
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in filled[:1] + filled[-1:]:
        if lines[i].strip() == str(number):
            del lines[i]
            break
    return "\n".join(lines)


def page_number_marks(path: Path) -> list[list[tuple[str, float, float, str, float]]]:
    """For each page, the text drawn in its top margin (above the top 15 mm line): (text, x, y from the
    bottom, font, size), from the PDF's own drawing operations (pypdf's visitor)."""
    out = []
    for page in PdfReader(str(path)).pages:
        height = float(page.mediabox.height)
        found: list[tuple[str, float, float, str, float]] = []

        def visit(text, cm, tm, font, size, found=found, height=height):
            y = tm[5] * cm[3] + cm[5]
            if text.strip() and y > height - 15 * 72 / 25.4:
                name = str(font.get("/BaseFont")) if font else ""
                found.append((text.strip(), tm[4] * cm[0] + cm[4], y, name, size))
        page.extract_text(visitor_text=visit)
        out.append(found)
    return out


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces (line breaks inside a paragraph become spaces)."""
    return " ".join(text.split())


BUILTIN_FONTS = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
                 "Times-Bold", "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold",
                 "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats"}


def font_report(path: Path) -> list[tuple[str, str, bool]]:
    """(base font, subtype, has FontFile2) for every font in every page's resources (and forms)."""
    out = []
    for page in PdfReader(str(path)).pages:
        stack = [page.get("/Resources")]
        while stack:
            res = stack.pop()
            if res is None:
                continue
            res = res.get_object()
            for font in (res.get("/Font") or {}).values():
                font = font.get_object()
                desc = font.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                out.append((str(font.get("/BaseFont")), str(font.get("/Subtype")), "/FontFile2" in desc))
            for xobj in (res.get("/XObject") or {}).values():
                xobj = xobj.get_object()
                if "/Resources" in xobj:
                    stack.append(xobj["/Resources"])
    return out


def assert_fonts_embedded(path: Path) -> None:
    fonts = font_report(path)
    assert fonts, "no fonts found"
    for base, subtype, embedded in fonts:
        assert embedded and subtype == "/TrueType", (base, subtype, embedded)
        assert base.split("+")[-1].lstrip("/") not in BUILTIN_FONTS, base
        assert any(f in base for f in ("LiberationSerif", "NotoSansSymbols2", "DejaVuSans")), base


def make_many_cells(ctx, cells: int = 65, members: int = 70, period: str = "2025") -> dict[str, int]:
    """A committee's worth of cells, members and finalized reviews, inserted in bulk (Core).

    Each review carries the answers the roll-up reads (the proposed rating and the self-check) and
    the scores; every 7th member has not submitted; every 5th has no cell rating yet.
    Returns the expected totals.
    """
    from sqlalchemy import insert

    from selfreview.db.models import Cell, Member, ReviewRound

    template, digest = bundled_form()
    levels = ["htxsnv", "httnv", "httnv", "httnv", "htnv", "httnv", "khtnv", "httnv", "htnv", "httnv"]
    behaviours = [b.id for b in template.role_item("responsibility_check").behaviours]
    expected = {"members": 0, "submitted": 0, "htxsnv_self": 0}
    with ctx.session() as s:
        conn = s.connection()
        for c in range(cells):
            cell_id = conn.execute(insert(Cell).values(name=f"Chi bộ Phòng {c + 1:02d}",
                                                       superior_body="Đảng bộ Khối Cơ quan tỉnh")).inserted_primary_key[0]
            round_id = conn.execute(insert(ReviewRound).values(
                cell_id=cell_id, period=period, uid=f"r{c}", deadline=date(2025, 12, 15),
                forms={"non_leader": {"id": template.id, "version": template.version, "hash": digest}})
            ).inserted_primary_key[0]
            rows = [dict(cell_id=cell_id, full_name=f"Đảng viên {c + 1:02d}-{m + 1:02d} Nguyễn Thị Ánh",
                         category="non_leader", meeting_order=m) for m in range(members)]
            conn.execute(insert(Member), rows)
            ids = [mid for (mid,) in conn.execute(select(Member.id).where(Member.cell_id == cell_id))]
            expected["members"] += len(ids)
            reviews, assessments = [], []
            for k, mid in enumerate(ids):
                if k % 7 == 6:
                    continue
                reviews.append(dict(member_id=mid, round_id=round_id, period=period, template_id=template.id,
                                    template_version=template.version, template_hash=digest, status="finalized",
                                    is_current=True, submitted_at=datetime(2025, 12, 10)))
                if k % 5 != 4:
                    assessments.append(dict(member_id=mid, round_id=round_id, proposed_rating=levels[(k + 1) % 10]))
            conn.execute(insert(Review), reviews)
            conn.execute(insert(Assessment), assessments)
            expected["submitted"] += len(reviews)
            answers = []
            for k, (rid, _mid) in enumerate(conn.execute(select(Review.id, Review.member_id)
                                                        .where(Review.round_id == round_id).order_by(Review.id))):
                rating = levels[k % 10]
                expected["htxsnv_self"] += rating == "htxsnv"
                check = {b: {"frequency": "sometimes" if (k + j) % 11 == 0 else "never"} for j, b in enumerate(behaviours)}
                answers += [dict(review_id=rid, question_id="b2_proposed", value=rating),
                            dict(review_id=rid, question_id="b1_general", value=25),
                            dict(review_id=rid, question_id="b1_tasks", value=55),
                            dict(review_id=rid, question_id="r_behaviours", value=check)]
            conn.execute(insert(Answer), answers)
    return expected


def texts(path) -> tuple[str, str, str]:
    """(pypdf text, pdftotext -layout text, pdftotext raw text), page numbers removed, whitespace squashed."""
    return tuple(squash("\n".join(page_texts(path, tool))) for tool in ("pypdf", "layout", "raw"))


def assert_in_all(needle: str, extracted: tuple[str, ...]) -> None:
    needle = squash(needle)
    for name, text in zip(("pypdf", "pdftotext -layout", "pdftotext"), extracted):
        assert needle in text, f"{needle!r} not found by {name}"


def assert_in_flow(needle: str, extracted: tuple[str, ...]) -> None:
    """For text inside table cells or side-by-side blocks, which -layout interleaves by line."""
    needle = squash(needle)
    assert needle in extracted[0], f"{needle!r} not found by pypdf"
    assert needle in extracted[2], f"{needle!r} not found by pdftotext"


def table_rows(path) -> list[list[str]]:
    """pdftotext -layout lines split on runs of 2+ spaces ("< 3" joined back)."""
    rows = []
    for line in pdftotext(path).splitlines():
        line = re.sub(r"<\s*(\d)", r"<\1", line)
        cells = [c for c in re.split(r"\s{2,}", line.strip()) if c]
        if cells:
            rows.append(cells)
    return rows


def row_with(rows, first, *needles) -> list[str]:
    """The first row whose first cell is ``first`` and whose cells contain each of ``needles``."""
    return next(r for r in rows if r[0] == first and all(any(n in c for c in r[1:]) for n in needles))


def check_counts(rows, number: str) -> list[str]:
    """The three counts of behaviour ``number`` in the self-check table (section IV)."""
    start = next(i for i, r in enumerate(rows) if r[0].startswith("IV. TỰ KIỂM TRA"))
    return next(r for r in rows[start:] if r[0] == number and len(r) >= 4)[-3:]
