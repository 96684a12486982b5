"""The individual self-review (Mẫu 2A/2B/2C …) and the collective's review (Mẫu 01) as a Word
document: the same data and order as ``review_pdf`` (form code, header, title and year, identity,
parts and sections as Word headings, each answer, the signature, the committee's blocks)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from selfreview.forms.answers import computed_max, computed_value, is_visible
from selfreview.forms.answers import aid_part_ids
from selfreview.forms.model import (
    Category, Checklist, Computed, DateItem, Guidance, Levels, LongText, MultiChoice, Records, Score, ShortText,
    SingleChoice, Status, Template,
)
from selfreview.reports.data import ReviewReport
from selfreview.reports.markup import DOTS, clean, number, period_words
from selfreview.reports.page import PageSetup
from selfreview.reports.review_items import on_paper
from selfreview.reports.review_pdf import (
    COMMITTEE_COMMENTS, COMMITTEE_HEADING, COMMITTEE_RATING, COMMITTEE_SIGN, COMPETENT_RATING, COMPETENT_SIGN,
    SELF_SIGN, SELF_SIGN_HINT, SIGN_HINT, rating_label,
)
from selfreview.reports.word import LEFT, SMALL_PT, WordDocument

TICKED, EMPTY = "☒", "☐"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, (list, dict)) and not value)


def _date(value: Any) -> str:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return clean(value) if value else ""


def _option(options: list, value: Any) -> str:
    return next((o.label.vi for o in options if o.value == value), "" if value is None else str(value))


def _marks(w: WordDocument, what: str, options: list, marked: list[tuple[str, Any]], first_mm: float,
           option_mm: float) -> None:
    head = ["TT", what] + [o.label.vi for o in options]
    rows: list[list] = [head]
    rows += [[str(n), label] + ["X" if chosen == o.value else "" for o in options]
             for n, (label, chosen) in enumerate(marked, start=1)]
    w.table(rows, [10, first_mm] + [option_mm] * len(options), size=SMALL_PT + 1,
            centre_cols=[0] + list(range(2, 2 + len(options))))


def render_item(w: WordDocument, t: Template, item: Any, answers: dict[str, Any], ordinal: int | None) -> None:
    if not is_visible(item, answers):
        return
    value = answers.get(item.id)
    roles = t.roles
    width = w.width_mm
    if isinstance(item, Guidance):
        if on_paper(item):
            w.para([(item.label.vi, False, True)], size=13)
    elif isinstance(item, (ShortText, LongText)):
        if isinstance(item, ShortText) and (_empty(value) or "\n" not in str(value)):
            w.field(item.label.vi, "" if _empty(value) else str(value))
            return
        if item.label.status is not Status.APP:
            w.heading(item.label.vi, 3)
        w.body(value if isinstance(value, str) else "")
    elif isinstance(item, (SingleChoice, MultiChoice)):
        if item.id == roles.get("rating_conditions"):
            return
        if item.id != roles.get("proposed_rating"):
            w.heading(item.label.vi, 3)
        chosen = set(value) if isinstance(value, list) else {value}
        for o in item.options:
            w.para(f"{TICKED if o.value in chosen else EMPTY} {o.label.vi}", LEFT, indent_mm=8)
    elif isinstance(item, Levels):
        w.heading(item.label.vi, 3)
        value = value if isinstance(value, dict) else {}
        _marks(w, "Tiêu chí", item.levels, [(c.label.vi, value.get(c.id)) for c in item.criteria],
               width - 22 * len(item.levels) - 10, 22)
    elif isinstance(item, Score):
        label = item.label.vi
        if ordinal is not None and not label[:1].isdigit():
            label = f"{ordinal}. {label}"
        shown = number(Decimal(str(value))) if value is not None else DOTS
        w.para([(f"{clean(label).rstrip(':')}: ", False, False), (shown, value is not None, False),
                (f"/{number(item.max)}", False, False)], LEFT)
    elif isinstance(item, Computed):
        total = computed_value(t, item, answers)
        w.para([(f"{clean(item.label.vi).rstrip(':')}: ", True, False),
                (number(total) if total is not None else DOTS, total is not None, False),
                (f"/{number(computed_max(t, item))}", False, False)], LEFT)
    elif isinstance(item, DateItem):
        w.field(item.label.vi, _date(value))
    elif isinstance(item, Records):
        _records(w, item, value)
    elif isinstance(item, Checklist):
        _checklist(w, item, value)


def _records(w: WordDocument, item: Records, value: Any) -> None:
    if item.label.status is not Status.APP:
        w.heading(item.label.vi, 3)
    records = value if isinstance(value, list) else []
    if not records:
        w.para(DOTS * 6)
        return
    first, rest = item.fields[0], item.fields[1:]

    def text(f, v) -> str:
        if isinstance(f, SingleChoice):
            return _option(f.options, v)
        return _date(v) if isinstance(f, DateItem) else clean(v)
    for n, record in enumerate(records, start=1):
        w.para(f"{n}. {text(first, record.get(first.id)) or DOTS}", first_line_mm=10)
        for f in rest:
            v = record.get(f.id)
            if not _empty(v):
                w.para([(f"- {clean(f.label.vi).rstrip(':')}: ", False, False), (text(f, v), False, False)],
                       indent_mm=14)


def _checklist(w: WordDocument, item: Checklist, value: Any) -> None:
    value = value if isinstance(value, dict) else {}
    w.heading(item.label.vi, 3)
    _marks(w, "Biểu hiện", item.frequencies,
           [(b.label.vi, value.get(b.id, {}).get("frequency")) for b in item.behaviours],
           w.width_mm - 9 - 21 * len(item.frequencies), 21)
    explained = [(n, b, value.get(b.id, {})) for n, b in enumerate(item.behaviours, start=1)]
    explained = [(n, b, e) for n, b, e in explained if e.get("example", "").strip() or e.get("remedy", "").strip()]
    if explained:
        w.heading("Ví dụ cụ thể và biện pháp khắc phục:", 3)
    for n, b, entry in explained:
        w.para([(f"{n}. {b.label.vi}", True, False)], LEFT)
        for key, label in (("example", "Ví dụ"), ("remedy", "Biện pháp khắc phục")):
            text = clean(entry.get(key, "")).strip()
            if text:
                w.para([(f"- {label}: ", False, False), (text, False, False)], indent_mm=14)


def _identity(w: WordDocument, report: ReviewReport) -> None:
    for f in report.template.identity:
        w.field(f.label.vi, report.identity.get(f.field, ""))


def add_review(w: WordDocument, report: ReviewReport) -> None:
    """Everything of one review, in the PDF's order."""
    t = report.template
    if t.code is not None:
        w.form_code(t.code.vi)
    w.header_block(report.header)
    w.title([t.title.vi])
    w.centred(period_words(report.period), bold=True)
    if t.subtitle is not None:
        w.centred(t.subtitle.vi, italic=True)
    _identity(w, report)
    aid = set() if report.attach_selfcheck else aid_part_ids(t)  # the app's aid: only when attached
    for part in t.parts:
        if part.id in aid:
            continue
        w.heading(part.label.vi, 1)
        for section in part.sections:
            w.heading(section.label.vi, 2)
            if section.hint is not None and section.hint.status.value != "app":
                w.para([(section.hint.vi, False, True)], size=13)
            scores = 0
            for item in section.items:
                scores += isinstance(item, Score)
                render_item(w, t, item, report.answers, scores if isinstance(item, Score) else None)
    if t.category is Category.COLLECTIVE:  # Mẫu 01: the committee signs for the cell
        w.signature(["T/M CHI ỦY", "BÍ THƯ"], None, report.owner)
        return
    w.signature([SELF_SIGN], SELF_SIGN_HINT, report.owner)
    if t.category is Category.ANY:
        return
    view = report.committee
    w.heading(COMMITTEE_HEADING, 2)
    w.para(COMMITTEE_COMMENTS)
    w.body(view.comments if view and view.comments else "")
    cell = rating_label(view.cell_rating) if view else ""
    w.para([(COMMITTEE_RATING + " ", False, False), (cell or DOTS * 4, bool(cell), False)])
    w.signature([COMMITTEE_SIGN], SIGN_HINT, report.cell_secretary)
    competent = rating_label(view.competent_rating) if view else ""
    w.para([(COMPETENT_RATING + " ", False, False), (competent or DOTS * 3, bool(competent), False)])
    w.signature([COMPETENT_SIGN], SIGN_HINT, "")


def write_review_docx(report: ReviewReport, path: str, setup: PageSetup | None = None) -> None:
    setup = setup or PageSetup()
    w = WordDocument(setup, f"{report.template.title.vi} — {report.owner} — {period_words(report.period)}",
                     report.owner)
    add_review(w, report)
    w.save(path)

