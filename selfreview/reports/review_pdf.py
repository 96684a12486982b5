"""The individual self-review (Mẫu 2A / 2B / 2C and the like), laid out as the paper form: header,
form code, title and year, identity, parts and sections with the answers, the signature, then the
blocks the cell committee and the competent level fill in."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from selfreview.forms.answers import aid_part_ids
from selfreview.forms.model import Category, Score
from selfreview.rating import Rating
from selfreview.reports.data import ReviewReport
from selfreview.reports.header import DottedLines, header_block, signature_block
from selfreview.reports.markup import DOTS, esc, lines, period_words
from selfreview.reports.page import Bookmark, PageSetup, Progress, ShouldCancel, build
from selfreview.reports.review_items import render_item
from selfreview.reports.styles import heading, styles

# Blocks below the signature. Not printed by any 2025 source; the wording is the 2023 form's
# (HD 25), as recorded in shared/domain/forms-2025.md §1.5 [RECONSTRUCTED for 2025].
COMMITTEE_HEADING = "Đánh giá, xếp loại chất lượng đảng viên"
COMMITTEE_COMMENTS = "- Nhận xét, đánh giá của chi ủy:"
COMMITTEE_RATING = "- Chi bộ đề xuất xếp loại mức chất lượng:"
COMMITTEE_SIGN = "T/M CHI ỦY (CHI BỘ)"
COMPETENT_RATING = "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng:"
COMPETENT_SIGN = "T/M ĐẢNG ỦY (CHI ỦY)"
SIGN_HINT = "(Xác lập thời điểm, ký, ghi rõ họ tên)"
SELF_SIGN = "NGƯỜI TỰ KIỂM ĐIỂM"
SELF_SIGN_HINT = "(Ký, ghi rõ họ tên)"


def rating_label(value: str | None) -> str:
    try:
        return Rating(value).label_vi if value else ""
    except ValueError:
        return str(value)


def _field_line(label: str, value: str) -> str:
    label = esc(label).rstrip(":")
    return f"{label}: <b>{esc(value)}</b>" if value.strip() else f"{label}: {DOTS * 3}"


def identity_block(report: ReviewReport) -> list[Flowable]:
    st = styles()
    fields = [(f.field, f.label.vi) for f in report.template.identity]
    out: list[Flowable] = []
    i = 0
    while i < len(fields):
        name, label = fields[i]
        line = _field_line(label, report.identity.get(name, ""))
        # name and date of birth share a line, as on the paper form
        if name == "full_name" and i + 1 < len(fields) and fields[i + 1][0] == "date_of_birth":
            nxt = fields[i + 1]
            line += "&nbsp;&nbsp;&nbsp;&nbsp;" + _field_line(nxt[1], report.identity.get(nxt[0], ""))
            i += 1
        out.append(Paragraph(line, st.field))
        i += 1
    return out


def title_block(report: ReviewReport) -> list[Flowable]:
    st = styles()
    t = report.template
    out: list[Flowable] = [Paragraph(esc(t.title.vi), st.doc_type),
                           Paragraph(esc(period_words(report.period)), st.doc_year)]
    if t.subtitle is not None:
        out.append(Paragraph(esc(t.subtitle.vi), st.doc_subtitle))
    out.append(Spacer(1, 6))
    return out


def body_block(report: ReviewReport, width: float) -> list[Flowable]:
    st = styles()
    t = report.template
    out: list[Flowable] = []
    aid = set() if report.attach_selfcheck else aid_part_ids(t)  # the app's aid: only when attached
    for part in t.parts:
        if part.id in aid:
            continue
        out += heading(esc(part.label.vi), st.part, 40 * mm)
        for section in part.sections:
            out += heading(esc(section.label.vi), st.section, 35 * mm)
            if section.hint is not None and section.hint.status.value != "app":
                out.append(Paragraph(esc(section.hint.vi), st.hint))
            scores = 0
            for item in section.items:
                scores += isinstance(item, Score)
                out += render_item(t, item, report.answers, width, ordinal=scores if isinstance(item, Score) else None)
    return out


def committee_block(report: ReviewReport, width: float) -> list[Flowable]:
    """The committee's comments and ratings: filled when entered, dotted lines to write on otherwise."""
    st = styles()
    view = report.committee
    comments = lines(view.comments) if view and view.comments else []
    cell = rating_label(view.cell_rating) if view else ""
    competent = rating_label(view.competent_rating) if view else ""

    first: list[Flowable] = [Paragraph(f"<b>{esc(COMMITTEE_HEADING)}</b>", st.section),
                             Paragraph(esc(COMMITTEE_COMMENTS), st.body_flat)]
    first += [Paragraph(c, st.body) for c in comments] or [DottedLines(3)]
    second: list[Flowable] = [
        Paragraph(f"{esc(COMMITTEE_RATING)} " + (f"<b>{esc(cell)}</b>" if cell else DOTS * 4), st.body_flat),
        signature_block([COMMITTEE_SIGN], SIGN_HINT, report.cell_secretary, width, space=18 * mm)]
    third: list[Flowable] = [
        Paragraph(f"{esc(COMPETENT_RATING)} " + (f"<b>{esc(competent)}</b>" if competent else DOTS * 3),
                  st.body_flat),
        signature_block([COMPETENT_SIGN], SIGN_HINT, "", width, space=18 * mm)]
    return [Spacer(1, 8), KeepTogether(first), KeepTogether(second), Spacer(1, 6), KeepTogether(third)]


def review_story(report: ReviewReport, width: float, bookmark: str | None = None) -> list[Flowable]:
    """Everything of one review, in order. ``bookmark``: add a PDF outline entry under this key."""
    st = styles()
    out: list[Flowable] = []
    if bookmark:
        out.append(Bookmark(bookmark, report.owner or "Bản kiểm điểm", level=1))
    if report.template.code is not None:
        out.append(Paragraph(esc(report.template.code.vi), st.form_code))
    out += header_block(report.header, width)
    out += title_block(report)
    out += identity_block(report)
    body = body_block(report, width)
    # the signature never stands alone at the top of a page: it keeps the last lines above it
    # (unless the last flowable is a long paragraph, which must be free to split across pages)
    last = [body.pop()] if body and len(getattr(body[-1], "text", "")) < 800 else []
    out += body
    if report.template.category is Category.COLLECTIVE:  # Mẫu 01: the committee signs for the cell
        sign = signature_block(["T/M CHI ỦY", "BÍ THƯ"], None, report.owner, width)
    else:
        sign = signature_block([SELF_SIGN], SELF_SIGN_HINT, report.owner, width)
    out.append(KeepTogether(last + [Spacer(1, 10), sign]))
    if report.template.category is Category.COLLECTIVE:
        return out
    if report.template.category is not Category.ANY:
        out += committee_block(report, width)
    return out


def write_review(report: ReviewReport, path: str, setup: PageSetup | None = None,
                 progress: Progress | None = None, should_cancel: ShouldCancel | None = None) -> None:
    """Render one review into ``path`` (the caller makes the write atomic)."""
    setup = setup or PageSetup()
    story = review_story(report, setup.frame_width)
    title = f"{report.template.title.vi} — {report.owner} — {period_words(report.period)}"
    build(path, story, setup, title=title, author=report.owner, progress=progress,
          should_cancel=should_cancel)
