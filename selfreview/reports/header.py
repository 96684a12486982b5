"""The blocks every Party document shares (Hướng dẫn 36-HD/VPTW): the header with the issuing body
on the left and ĐẢNG CỘNG SẢN VIỆT NAM with its rule on the right, place and date in italics, the
signature block, "Nơi nhận", and the small drawn pieces (rule, dotted lines, tick boxes)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from selfreview.reports.data import Header
from selfreview.reports.fonts import SERIF_BOLD, string_width
from selfreview.reports.markup import DOTS, esc, place_date, upper_vi
from selfreview.reports.styles import plain_table_style, styles

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"


class Rule(Flowable):
    """A centred horizontal line of a given width (under ĐẢNG CỘNG SẢN VIỆT NAM, under the "*")."""

    def __init__(self, width: float, thickness: float = 0.7, space: float = 2) -> None:
        super().__init__()
        self.rule_width, self.thickness, self.space = width, thickness, space

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._aw = aw
        return aw, self.space * 2 + self.thickness

    def draw(self) -> None:
        x = (self._aw - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, self.space, x + self.rule_width, self.space)


class DottedLines(Flowable):
    """Lines of dots across the width, for something to be written by hand."""

    def __init__(self, count: int = 2, leading: float = 20, indent: float = 0) -> None:
        super().__init__()
        self.count, self.leading, self.indent = count, leading, indent

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._aw = aw
        return aw, self.count * self.leading

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.8)
        c.setDash(0.8, 2.4)
        for i in range(self.count):
            y = self.leading * (self.count - i - 1) + 4
            c.line(self.indent, y, self._aw, y)
        c.restoreState()


class TickBox(Flowable):
    """A square box, with an "X" (real text, so the PDF's text shows it) when ticked."""

    def __init__(self, ticked: bool, size: float = 11) -> None:
        super().__init__()
        self.ticked, self.size = ticked, size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size + 2, self.size + 2

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.rect(1, 1, self.size, self.size)
        if self.ticked:
            c.setFont(SERIF_BOLD, self.size)
            c.drawCentredString(1 + self.size / 2, 1 + self.size * 0.17, "X")


def tick_list(options: list[tuple[str, bool]], width: float, indent: float = 8 * mm) -> Table:
    """Options one per line, each behind a box; the chosen ones ticked."""
    st = styles()
    rows = [["", TickBox(ticked), Paragraph(esc(label), st.field)] for label, ticked in options]
    t = Table(rows, colWidths=[indent, 7 * mm, width - indent - 7 * mm], hAlign="LEFT")
    t.setStyle(plain_table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def number_line(header: Header) -> str | None:
    if header.number is None:
        return None
    text = header.number.strip()
    if not text:
        return f"Số {'&nbsp;' * 10}{esc(header.number_suffix)}"
    return "Số " + esc(text if not text.lower().startswith("số ") else text[3:])


def _fitted(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """``style``, its size reduced if ``text`` would not fit on one line of ``width`` (small paper)."""
    natural = string_width(text, style.fontName, style.fontSize)
    if natural <= width:
        return style
    size = max(7.0, style.fontSize * width / natural)
    return ParagraphStyle(f"{style.name}_fit", parent=style, fontSize=size, leading=size * 1.2)


def header_block(header: Header, width: float) -> list[Flowable]:
    """The two-column header: body above, issuing body, "*", number | party name, rule, place/date."""
    st = styles()
    left_w = width * 0.45
    right_w = width - left_w
    left: list[Flowable] = []
    if header.superior.strip():
        left.append(Paragraph(esc(upper_vi(header.superior)), st.hdr_superior))
    left.append(Paragraph(esc(upper_vi(header.issuer)) or DOTS, st.hdr_issuer))
    left.append(Paragraph("*", st.hdr_star))
    number = number_line(header)
    if number:
        left.append(Paragraph(number, st.hdr_number))
    party_style = _fitted(st.hdr_party, PARTY, right_w - 4)
    party_w = string_width(PARTY, SERIF_BOLD, party_style.fontSize)
    when = place_date(header.place, header.date)
    right: list[Flowable] = [
        Paragraph(PARTY, party_style),
        Rule(party_w, space=1.5),
        Spacer(1, 8),
        Paragraph(esc(when), _fitted(st.hdr_date, when, right_w - 4)),
    ]
    table = Table([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(plain_table_style())
    return [table]


def signature_block(role_lines: list[str], hint: str | None, name: str, width: float,
                    left: Sequence[Flowable] | None = None, space: float = 22 * mm) -> Table:
    """The signature on the right half: role(s) in bold capitals, a hint in italics, room to sign,
    the name. ``left`` goes in the left half (e.g. "Nơi nhận")."""
    st = styles()
    right: list[Flowable] = [Paragraph(esc(line), st.sign_role) for line in role_lines]
    if hint:
        right.append(Paragraph(esc(hint), st.sign_hint))
    right.append(Spacer(1, space))
    right.append(Paragraph(esc(name) if name.strip() else DOTS * 3, st.sign_name))
    table = Table([[left or "", right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(plain_table_style())
    table.keepWithNext = False
    return table


def recipients(lines: list[str]) -> list[Paragraph]:
    st = styles()
    return [Paragraph("Nơi nhận:", st.recipients_head)] + [Paragraph(esc(x), st.recipients) for x in lines]
