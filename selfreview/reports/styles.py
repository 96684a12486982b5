"""Paragraph and table styles after Hướng dẫn 36-HD/VPTW (2018): Times-metric serif, 14 pt body,
15 pt bold document type, 14 pt italic place and date. Every style names a Liberation Serif font.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, TableStyle

from selfreview.reports.fonts import (
    SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, needs_fallback, register_fonts, string_width,
)
from selfreview.reports.markup import clean, esc

BODY_SIZE = 14
TABLE_SIZE = 12
SMALL_TABLE_SIZE = 10
CELL_PADDING = 3  # left and right padding of a ruled table's cells (grid_table_style)
Alignment = Literal[0, 1, 2, 4]  # TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
INDENT = 10 * mm  # first-line indent of body paragraphs


def _style(name: str, font: str = SERIF, size: float = BODY_SIZE, align: Alignment = TA_JUSTIFY,
           leading: float | None = None, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.25, 1),
                          alignment=align, bulletFontName=font, **kw)


@lru_cache(maxsize=1)
def styles() -> SimpleNamespace:
    """The styles, created once (after the fonts are registered)."""
    register_fonts()
    s = SimpleNamespace()
    # header block
    s.hdr_superior = _style("hdr_superior", size=14, align=TA_CENTER, leading=17)
    s.hdr_issuer = _style("hdr_issuer", SERIF_BOLD, 14, TA_CENTER, 17)
    s.hdr_star = _style("hdr_star", size=14, align=TA_CENTER, leading=16)
    s.hdr_number = _style("hdr_number", size=14, align=TA_CENTER, leading=17)
    s.hdr_party = _style("hdr_party", SERIF_BOLD, 15, TA_CENTER, 18)
    s.hdr_date = _style("hdr_date", SERIF_ITALIC, 14, TA_CENTER, 17)
    s.form_code = _style("form_code", size=12, align=TA_RIGHT, leading=14)
    # titles
    s.doc_type = _style("doc_type", SERIF_BOLD, 15, TA_CENTER, 19, spaceBefore=14)
    s.doc_year = _style("doc_year", SERIF_BOLD, 14, TA_CENTER, 18)
    s.doc_subtitle = _style("doc_subtitle", SERIF_ITALIC, 14, TA_CENTER, 18)
    s.doc_subject = _style("doc_subject", SERIF_BOLD, 14, TA_CENTER, 18)
    # body
    s.part = _style("part", SERIF_BOLD, 14, TA_LEFT, spaceBefore=10, spaceAfter=4)
    s.section = _style("section", SERIF_BOLD, 14, TA_JUSTIFY, spaceBefore=8, spaceAfter=2)
    s.item = _style("item", SERIF_BOLD_ITALIC, 14, TA_JUSTIFY, spaceBefore=4, spaceAfter=2)
    s.hint = _style("hint", SERIF_ITALIC, 13, TA_JUSTIFY, spaceAfter=2)
    s.body = _style("body", firstLineIndent=INDENT, spaceAfter=3)
    s.body_flat = _style("body_flat", spaceAfter=3)
    s.field = _style("field", align=TA_LEFT, spaceAfter=2)
    s.bullet = _style("bullet", leftIndent=INDENT + 4 * mm, firstLineIndent=-4 * mm, spaceAfter=2)
    s.note = _style("note", SERIF_ITALIC, 12, TA_JUSTIFY, spaceBefore=2, spaceAfter=4)
    s.missing = _style("missing", SERIF_ITALIC, 13, TA_LEFT, textColor=colors.HexColor("#555555"))
    # signature blocks
    s.sign_role = _style("sign_role", SERIF_BOLD, 14, TA_CENTER, 17)
    s.sign_hint = _style("sign_hint", SERIF_ITALIC, 13, TA_CENTER, 16)
    s.sign_name = _style("sign_name", SERIF_BOLD, 14, TA_CENTER, 17)
    s.recipients_head = _style("recipients_head", SERIF_BOLD_ITALIC, 12, TA_LEFT, 14)
    s.recipients = _style("recipients", size=11, align=TA_LEFT, leading=13)
    # tables
    s.th = _style("th", SERIF_BOLD, TABLE_SIZE, TA_CENTER, 14)
    s.td = _style("td", size=TABLE_SIZE, align=TA_LEFT, leading=14)
    s.td_c = _style("td_c", size=TABLE_SIZE, align=TA_CENTER, leading=14)
    s.td_r = _style("td_r", size=TABLE_SIZE, align=TA_RIGHT, leading=14)
    s.td_b = _style("td_b", SERIF_BOLD, TABLE_SIZE, TA_LEFT, 14)
    s.th_s = _style("th_s", SERIF_BOLD, SMALL_TABLE_SIZE, TA_CENTER, 12)
    s.td_s = _style("td_s", size=SMALL_TABLE_SIZE, align=TA_LEFT, leading=12)
    s.td_s_c = _style("td_s_c", size=SMALL_TABLE_SIZE, align=TA_CENTER, leading=12)
    s.td_s_b = _style("td_s_b", SERIF_BOLD, SMALL_TABLE_SIZE, TA_LEFT, 12)
    s.td_s_bc = _style("td_s_bc", SERIF_BOLD, SMALL_TABLE_SIZE, TA_CENTER, 12)
    s.th_xs = _style("th_xs", SERIF_BOLD, 8, TA_CENTER, 9.5)
    s.footer = _style("footer", size=11, align=TA_CENTER, leading=13)
    return s


def grid_table_style(header_rows: int = 1, extra: list | None = None) -> TableStyle:
    """A ruled table: thin black grid, header rows repeated on each page, no Type 1 font anywhere."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if header_rows:
        commands += [("FONTNAME", (0, 0), (-1, header_rows - 1), SERIF_BOLD),
                     ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#eeeeee"))]
    return TableStyle(commands + (extra or []))


def cell_text(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell's text: a plain string when it fits on one line of ``width`` (the column less its
    padding) in ``style``'s font and size, else a Paragraph in ``style`` (it wraps; and a text with a
    character the main font lacks, which only a paragraph draws in the fallback font).

    A plain string is drawn by the table itself, with no paragraph to parse, wrap and draw (a table
    of short labels and numbers costs a fraction of the same table made of paragraphs); the table's
    style must then give that cell the font, size, leading and alignment of ``style``.
    """
    text = clean(text)  # NFC, no control characters, as esc() would give a paragraph
    if "\n" not in text and not needs_fallback(text) and string_width(text, style.fontName, style.fontSize) <= width:
        return text
    return Paragraph(esc(text), style)


def plain_table_style(extra: list | None = None) -> TableStyle:
    """A layout table with no rules (header blocks, signature blocks)."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ] + (extra or []))


def heading(markup: str, style: ParagraphStyle, room: float = 30 * mm) -> list[Flowable]:
    """A heading that never ends a page: a new page starts when less than ``room`` is left.

    (Used instead of ``keepWithNext``, which would push a heading and a long table or answer after
    it to the next page as one block, leaving the rest of the page empty.)
    """
    return [CondPageBreak(room), Paragraph(markup, style)]
