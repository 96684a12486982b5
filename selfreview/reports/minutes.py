"""The minutes (biên bản) of a cell's review meeting, in the Party document format (Hướng dẫn 36):
the header, "BIÊN BẢN" and its subject, time, place, attendance (total, present, absent with names
and reasons, guests), chair and recorder, content, the collective's result, each member's result
with the votes, the conclusions, and the signatures of the chair and the recorder.

Every text is drawn in Liberation Serif (the styles and table styles of this package name no other
font). The meeting service gathers a :class:`MinutesReport` and writes it through
:func:`write_minutes` into a temporary file that is renamed onto the target when complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from selfreview.rating import RATING_ORDER, Rating
from selfreview.reports.data import Header
from selfreview.reports.fonts import SERIF_BOLD, string_width
from selfreview.reports.header import header_block
from selfreview.reports.markup import DOTS, esc, lines, number, percent, period_title
from selfreview.reports.page import PageSetup, Progress, ShouldCancel, build
from selfreview.reports.styles import SMALL_TABLE_SIZE, grid_table_style, heading, plain_table_style, styles

TITLE = "BIÊN BẢN"
SUBJECT = "HỘI NGHỊ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN"
CHAIR, RECORDER = "CHỦ TRÌ", "THƯ KÝ"
SIGN_HINT = "(Ký, ghi rõ họ tên)"
ABBREVIATIONS = "; ".join(f"{r.short}: {r.label_vi}" for r in RATING_ORDER)


@dataclass(frozen=True)
class MinutesLine:
    """One member's (or the collective's) result at the meeting."""

    name: str
    post: str = ""
    total: Decimal | None = None  # the self-assessed score /100
    self_rating: str | None = None
    committee_rating: str | None = None  # the committee's proposal before the vote
    votes: dict[str, int] = field(default_factory=dict)  # Rating value -> votes
    final_rating: str | None = None  # the cell's proposal after the vote
    opinions: str = ""
    recorded: bool = True
    general: Decimal | None = None  # the collective's /30 and /70
    tasks: Decimal | None = None


@dataclass(frozen=True)
class MinutesReport:
    header: Header
    cell: str
    period: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    chair: str
    recorder: str
    total_members: int
    present: int
    absent: tuple[tuple[str, str], ...]  # (name, reason)
    guests: tuple[tuple[str, str], ...]  # (name, position)
    content: str
    collective: MinutesLine | None
    members: tuple[MinutesLine, ...]
    conclusions: str
    quota_line: str = ""


def short(value: str | None) -> str:
    try:
        return Rating(value).short if value else ""
    except ValueError:
        return str(value)


def label(value: str | None) -> str:
    try:
        return Rating(value).label_vi if value else DOTS
    except ValueError:
        return str(value)


def time_words(t: datetime | None) -> str:
    """"14 giờ 00 phút, ngày 15 tháng 12 năm 2025"; dots where unknown."""
    if t is None:
        return f"{DOTS} giờ {DOTS} phút, ngày {DOTS} tháng {DOTS} năm {DOTS}"
    month = f"{t.month:02d}" if t.month < 3 else str(t.month)
    return f"{t.hour:02d} giờ {t.minute:02d} phút, ngày {t.day:02d} tháng {month} năm {t.year}"


def _para(markup: str, style_name: str = "body_flat") -> Paragraph:
    return Paragraph(markup, getattr(styles(), style_name))


def title_block(report: MinutesReport) -> list[Flowable]:
    st = styles()
    return [Paragraph(TITLE, st.doc_type),
            Paragraph(esc(f"{SUBJECT} {period_title(report.period)}"), st.doc_subject), Spacer(1, 10)]


def facts_block(report: MinutesReport) -> list[Flowable]:
    out: list[Flowable] = [_para(f"<b>1. Thời gian:</b> bắt đầu lúc {esc(time_words(report.starts_at))}."),
           _para(f"<b>2. Địa điểm:</b> {esc(report.place) or DOTS}."),
           _para("<b>3. Thành phần:</b>"),
           _para(f"- Tổng số đảng viên của chi bộ: <b>{report.total_members}</b> đồng chí.", "field"),
           _para(f"- Số đảng viên có mặt: <b>{report.present}</b> đồng chí "
                 f"({percent(report.present, report.total_members)}).", "field")]
    if report.absent:
        names = "; ".join(f"đồng chí {esc(n)} ({esc(r) or 'chưa ghi lý do'})" for n, r in report.absent)
        out.append(_para(f"- Số đảng viên vắng mặt: <b>{len(report.absent)}</b> đồng chí, gồm: {names}.", "field"))
    else:
        out.append(_para("- Số đảng viên vắng mặt: <b>0</b> đồng chí.", "field"))
    if report.guests:
        names = "; ".join(f"đồng chí {esc(n)}" + (f", {esc(p)}" if p else "") for n, p in report.guests)
        out.append(_para(f"- Khách mời: {names}.", "field"))
    out += [_para(f"<b>4. Chủ trì:</b> đồng chí {esc(report.chair) or DOTS}."),
            _para(f"<b>5. Thư ký:</b> đồng chí {esc(report.recorder) or DOTS}."),
            _para("<b>6. Nội dung:</b>")]
    out += [_para(x, "body") for x in lines(report.content)] or [_para(DOTS * 3, "body")]
    return out


def _votes_text(votes: dict[str, int]) -> str:
    return ", ".join(f"{r.short} {votes.get(r.value, 0)}" for r in RATING_ORDER)


def votes_cell(votes: dict[str, int]) -> str:
    """The levels that got votes, one a line ("HTTNV: 27<br/>HTNV: 1"); "0" when nobody voted."""
    shown = [f"{r.short}: {votes[r.value]}" for r in RATING_ORDER if votes.get(r.value)]
    return "<br/>".join(shown) or "0"


def collective_block(line: MinutesLine, present: int) -> list[Flowable]:
    st = styles()
    out = [*heading("<b>I. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ</b>", st.section)]
    if line.total is not None:
        parts = f" (nhóm tiêu chí chung {number(line.general)}/30; kết quả thực hiện nhiệm vụ {number(line.tasks)}/70)" \
            if line.general is not None and line.tasks is not None else ""
        out.append(_para(f"- Tổng điểm tập thể tự đánh giá: <b>{number(line.total)}/100</b>{parts}.", "field"))
    out.append(_para(f"- Tập thể tự đề xuất: {esc(label(line.self_rating))}.", "field"))
    if line.recorded:
        out.append(_para(f"- Kết quả biểu quyết ({present} đồng chí có mặt): {esc(_votes_text(line.votes))}.", "field"))
    out.append(_para(f"- Chi bộ đề xuất xếp loại: <b>{esc(label(line.final_rating))}</b>.", "field"))
    if line.opinions:
        out.append(_para("- Ý kiến tại hội nghị:", "field"))
        out += [_para(x, "body") for x in lines(line.opinions)]
    return out


def members_block(report: MinutesReport, width: float, numeral: str) -> list[Flowable]:
    st = styles()
    out = [*heading(f"<b>{numeral}. KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN</b>", st.section, 45 * mm),
           _para("Từng đảng viên trình bày bản kiểm điểm; hội nghị góp ý; chi ủy nêu nhận xét và đề xuất; "
                 "hội nghị biểu quyết mức xếp loại. Kết quả như sau:")]
    code_w = max(string_width(r.short, SERIF_BOLD, SMALL_TABLE_SIZE) for r in RATING_ORDER) + 8  # + padding
    widths = [8 * mm, 0, 13 * mm, code_w, code_w, 36 * mm, code_w]
    widths[1] = width - sum(widths)
    head = [Paragraph(h, st.th_s) for h in ("TT", "Họ và tên", "Điểm tự chấm", "Tự đề xuất", "Chi ủy đề xuất",
                                              "Kết quả biểu quyết (số phiếu)", "Chi bộ đề xuất")]
    rows: list[list] = [head]
    for n, m in enumerate(report.members, start=1):
        name = esc(m.name) + (f"<br/><i>{esc(m.post)}</i>" if m.post else "")
        rows.append([Paragraph(str(n), st.td_s_c), Paragraph(name, st.td_s),
                     Paragraph(number(m.total), st.td_s_c), Paragraph(short(m.self_rating), st.td_s_c),
                     Paragraph(short(m.committee_rating), st.td_s_c),
                     Paragraph(votes_cell(m.votes) if m.recorded else "", st.td_s),
                     Paragraph(f"<b>{short(m.final_rating)}</b>", st.td_s_c)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_table_style(1))
    out += [table, Paragraph(esc("Viết tắt: " + ABBREVIATIONS + "."), st.note)]
    counts = {r.value: sum(1 for m in report.members if m.final_rating == r.value) for r in RATING_ORDER}
    total = len(report.members)
    out.append(_para("<b>Tổng hợp mức chi bộ đề xuất:</b> " + "; ".join(
        f"{r.short} {counts[r.value]} ({percent(counts[r.value], total)})" for r in RATING_ORDER) + "."))
    if report.quota_line:
        out.append(_para(f"- Hạn mức xếp loại “Hoàn thành xuất sắc nhiệm vụ”: {esc(report.quota_line)}.", "field"))
    with_opinions = [m for m in report.members if m.opinions.strip()]
    if with_opinions:
        out.append(_para("<b>Ý kiến tại hội nghị:</b>"))
        for m in with_opinions:
            body = "<br/>".join(lines(m.opinions))
            out.append(_para(f"- Đồng chí <b>{esc(m.name)}</b>: {body}", "bullet"))
    return out


def conclusions_block(report: MinutesReport, numeral: str) -> list[Flowable]:
    st = styles()
    out = [*heading(f"<b>{numeral}. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ</b>", st.section)]
    out += [_para(x, "body") for x in lines(report.conclusions)] or [_para(DOTS * 3, "body")]
    if report.ends_at is not None:
        same_day = report.starts_at is not None and report.starts_at.date() == report.ends_at.date()
        when = (f"{report.ends_at.hour:02d} giờ {report.ends_at.minute:02d} phút cùng ngày" if same_day
                else time_words(report.ends_at))
        out.append(_para(f"Hội nghị kết thúc lúc {esc(when)}.", "body"))
    return out


def signatures(report: MinutesReport, width: float) -> Table:
    st = styles()

    def block(role: str, name: str) -> list[Flowable]:
        return [Paragraph(role, st.sign_role), Paragraph(SIGN_HINT, st.sign_hint), Spacer(1, 22 * mm),
                Paragraph(esc(name) if name.strip() else DOTS * 3, st.sign_name)]
    table = Table([[block(RECORDER, report.recorder), block(CHAIR, report.chair)]], colWidths=[width / 2] * 2)
    table.setStyle(plain_table_style())
    return table


def minutes_story(report: MinutesReport, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    out += header_block(report.header, width)
    out += title_block(report)
    out += facts_block(report)
    numerals = iter(("I", "II", "III"))
    if report.collective is not None:
        next(numerals)
        out += collective_block(report.collective, report.present)
    out += members_block(report, width, next(numerals))
    out += conclusions_block(report, next(numerals))
    out += [Spacer(1, 12), KeepTogether([signatures(report, width)])]
    return out


def write_minutes(report: MinutesReport, path: str, setup: PageSetup | None = None,
                  progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> None:
    """Lay the minutes out into ``path`` (the caller makes the write atomic)."""
    setup = setup or PageSetup()
    build(path, minutes_story(report, setup.frame_width), setup,
          title=f"{TITLE} {SUBJECT} {period_title(report.period)} — {report.cell}",
          author=report.recorder or report.cell or DOTS, progress=progress, should_cancel=should_cancel)
