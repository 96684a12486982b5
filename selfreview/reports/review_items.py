"""How each kind of question of a form template is printed with its answer.

Long answers are paragraphs (they flow across pages); tables hold only short cells (marks, levels),
and the free text a table row would need (examples, remedies) follows the table as paragraphs,
so no table row can grow taller than a page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from selfreview.forms.answers import computed_max, computed_value, is_visible
from selfreview.forms.model import (
    Checklist, Computed, DateItem, Guidance, Levels, LongText, MultiChoice, Records, Score, ShortText,
    SingleChoice, Status, Template,
)
from selfreview.reports.header import DottedLines, tick_list
from selfreview.reports.markup import DOTS, esc, lines, number
from selfreview.reports.styles import CELL_PADDING, cell_text, grid_table_style, heading, styles


def _label(text: str) -> str:
    t = esc(text).rstrip()
    return t if t.endswith((":", "?", ".")) else t + ":"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, (list, dict)) and not value)


def _text_block(value: Any, dotted: int = 3) -> list[Flowable]:
    st = styles()
    paragraphs = lines(value) if isinstance(value, str) else []
    if not paragraphs:
        return [DottedLines(dotted)]
    return [Paragraph(p, st.body) for p in paragraphs]


def _inline(label: str, value_markup: str) -> Paragraph:
    return Paragraph(f"{_label(label)} {value_markup}", styles().field)


def _date_text(value: Any) -> str:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return esc(value) if value else DOTS


def _option_label(options: list, value: Any) -> str:
    for o in options:
        if o.value == value:
            return o.label.vi
    return "" if value is None else str(value)


def on_paper(item: Guidance) -> bool:
    """Whether a guidance text belongs on the printed form.

    Printed: official lines of the form itself (e.g. "Kiểm điểm rõ từng hạn chế…", the sentence
    leading into Part B, the annex note). Not printed: what the template marks ``printed: false``
    (the criteria frameworks of QĐ 366 Phụ lục 3, 4, 5 quoted for reference), the app's own notes
    and third-party texts.
    """
    return item.printed and item.label.status not in (Status.APP, Status.THIRD_PARTY)


def guidance(item: Guidance) -> list[Flowable]:
    return [Paragraph(esc(item.label.vi), styles().hint)] if on_paper(item) else []


def text_item(item: ShortText | LongText, value: Any) -> list[Flowable]:
    """A prompt the app wrote (status "app") is not printed: the form's own heading says it."""
    st = styles()
    if isinstance(item, ShortText) and (_empty(value) or "\n" not in str(value)):
        shown = f"<b>{esc(value)}</b>" if not _empty(value) else DOTS * 4
        return [_inline(item.label.vi, shown)]
    out: list[Flowable] = []
    if item.label.status is not Status.APP:
        out += heading(esc(item.label.vi), st.item, 25 * mm)
    return out + _text_block(value)


def choice_item(item: SingleChoice | MultiChoice, value: Any, width: float, label: bool = True) -> list[Flowable]:
    chosen = set(value) if isinstance(value, list) else {value}
    options = [(o.label.vi, o.value in chosen) for o in item.options]
    head = [Paragraph(esc(item.label.vi), styles().item)] if label else []
    return [KeepTogether(head + [tick_list(options, width)])]


def marks_table(what: str, widths: list[float], options: list, marked: list[tuple[str, Any]]) -> Table:
    """A table of marks: "TT", ``what``, a column per option; a row per (label, the value chosen),
    with an "X" under the chosen option.

    Only the labels (and a heading too long for one line) are paragraphs: the numbers and the marks
    are plain strings drawn by the table in the font, size, leading and centring of ``td_c`` (a
    checklist of 60 reviews is thousands of cells: paragraphs there were a quarter of a cell
    summary's paragraphs)."""
    st = styles()
    pad = 2 * CELL_PADDING
    head = [cell_text(h, st.th, w - pad) for h, w in zip(["TT", what] + [o.label.vi for o in options], widths)]
    rows = [head] + [[str(n), Paragraph(esc(label), st.td)] + ["X" if chosen == o.value else "" for o in options]
                     for n, (label, chosen) in enumerate(marked, start=1)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_table_style(1, [
        ("FONTSIZE", (0, 0), (-1, 0), st.th.fontSize), ("LEADING", (0, 0), (-1, 0), st.th.leading),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("FONTSIZE", (0, 1), (-1, -1), st.td_c.fontSize), ("LEADING", (0, 1), (-1, -1), st.td_c.leading),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (-1, -1), "CENTER")]))
    return table


def levels_item(item: Levels, value: Any, width: float) -> list[Flowable]:
    st = styles()
    value = value if isinstance(value, dict) else {}
    level_w = 22 * mm
    first_w = width - level_w * len(item.levels) - 10 * mm
    table = marks_table("Tiêu chí", [10 * mm, first_w] + [level_w] * len(item.levels), item.levels,
                        [(c.label.vi, value.get(c.id)) for c in item.criteria])
    return [*heading(esc(item.label.vi), st.item, 40 * mm), table]


def score_item(item: Score, value: Any, ordinal: int | None = None) -> list[Flowable]:
    """"1. Nhóm tiêu chí chung: 26/30" (numbered as on the form when the label has no number)."""
    shown = f"<b>{number(Decimal(str(value)))}</b>" if value is not None else DOTS
    label = item.label.vi
    if ordinal is not None and not label[:1].isdigit():
        label = f"{ordinal}. {label}"
    return [_inline(label, f"{shown}/{number(item.max)}")]


def computed_item(template: Template, item: Computed, answers: dict[str, Any]) -> list[Flowable]:
    total = computed_value(template, item, answers)
    shown = f"<b>{number(total)}</b>" if total is not None else DOTS
    return [Paragraph(f"<b>{_label(item.label.vi)}</b> {shown}/{number(computed_max(template, item))}",
                      styles().field)]


def _field_text(field: Any, value: Any) -> str:
    if isinstance(field, SingleChoice):
        return esc(_option_label(field.options, value))
    if isinstance(field, DateItem):
        return _date_text(value)
    return esc(value)


def records_item(item: Records, value: Any) -> list[Flowable]:
    """Each record as a numbered paragraph (its first field), the other fields as dash lines."""
    st = styles()
    out: list[Flowable] = [] if item.label.status is Status.APP else heading(esc(item.label.vi), st.item, 25 * mm)
    records = value if isinstance(value, list) else []
    if not records:
        return out + [DottedLines(2)]
    first, rest = item.fields[0], item.fields[1:]
    for n, record in enumerate(records, start=1):
        head = _field_text(first, record.get(first.id)) or DOTS
        out.append(Paragraph(f"{n}. {head}", st.body))
        for f in rest:
            v = record.get(f.id)
            if _empty(v):
                continue
            text = _field_text(f, v)
            for k, line in enumerate(text.split("\n")):
                out.append(Paragraph((f"- {_label(f.label.vi)} " if k == 0 else "") + line, st.bullet))
    return out


def checklist_item(item: Checklist, value: Any, width: float) -> list[Flowable]:
    """The self-check as a table of marks, then the examples and remedies as paragraphs."""
    st = styles()
    value = value if isinstance(value, dict) else {}
    freq_w = 21 * mm
    label_w = width - 9 * mm - freq_w * len(item.frequencies)
    table = marks_table("Biểu hiện", [9 * mm, label_w] + [freq_w] * len(item.frequencies), item.frequencies,
                        [(b.label.vi, value.get(b.id, {}).get("frequency")) for b in item.behaviours])
    out: list[Flowable] = [*heading(esc(item.label.vi), st.item, 45 * mm), table]
    explained = [(n, b, value.get(b.id, {})) for n, b in enumerate(item.behaviours, start=1)]
    explained = [(n, b, e) for n, b, e in explained if e.get("example", "").strip() or e.get("remedy", "").strip()]
    if explained:
        out += heading("Ví dụ cụ thể và biện pháp khắc phục:", st.item, 25 * mm)
    for n, b, entry in explained:
        out.append(Paragraph(f"<b>{n}. {esc(b.label.vi)}</b>", st.body_flat))
        for key, label in (("example", "Ví dụ"), ("remedy", "Biện pháp khắc phục")):
            for k, line in enumerate(lines(entry.get(key, ""))):
                out.append(Paragraph((f"- {label}: " if k == 0 else "") + line, st.bullet))
    return out


def render_item(template: Template, item: Any, answers: dict[str, Any], width: float,
                ordinal: int | None = None) -> list[Flowable]:
    """The flowables for one question and its answer (nothing when the question is hidden).

    The proposed rating is printed as the four levels with the chosen one ticked, as on the form;
    the rating conditions (the app's own check behind its suggestion) are not printed.
    """
    if not is_visible(item, answers):
        return []
    value = answers.get(item.id)
    roles = template.roles
    if isinstance(item, Guidance):
        return guidance(item)
    if isinstance(item, (ShortText, LongText)):
        return text_item(item, value)
    if isinstance(item, (SingleChoice, MultiChoice)):
        if item.id == roles.get("rating_conditions"):
            return []
        return choice_item(item, value, width, label=item.id != roles.get("proposed_rating"))
    if isinstance(item, Levels):
        return levels_item(item, value, width)
    if isinstance(item, Score):
        return score_item(item, value, ordinal)
    if isinstance(item, Computed):
        return computed_item(template, item, answers)
    if isinstance(item, DateItem):
        return [_inline(item.label.vi, _date_text(value))]
    if isinstance(item, Records):
        return records_item(item, value)
    if isinstance(item, Checklist):
        return checklist_item(item, value, width)
    return []
