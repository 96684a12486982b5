"""Word (DOCX) documents in the Party's document format, with python-docx: the pieces every Word
report shares, made from the same data as the PDFs.

- Times New Roman, named everywhere (body, headings, tables), with Liberation Serif (its
  metric-compatible twin, the font of the PDFs) declared as its alternative in the font table;
  characters Times New Roman may lack (✓ ✗ ☐ ☒ …) in runs of a symbol font (Segoe UI Symbol on
  Windows, Noto Sans Symbols 2 as its alternative), as in the PDFs.
- A4 (or the saved paper) and the PDF's margins; the page number at the top centre from page 2,
  13 pt upright, none on page 1 (a PAGE field in the header, a different first page).
- Real Word headings (Heading 1/2/3, restyled as the form's bold 14 pt lines) and real tables with
  a header row that repeats; blocks side by side (the header, the signatures) are borderless tables.
  No layout is made of spaces or tabs.
"""

from __future__ import annotations

from typing import Iterable

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from selfreview.reports.data import Header
from selfreview.reports.fonts import SERIF_BOLD, needs_fallback, string_width
from selfreview.reports.header import PARTY
from selfreview.reports.markup import DOTS, clean, place_date, upper_vi
from selfreview.reports.page import PAGE_NUMBER_SIZE, PageSetup

FONT = "Times New Roman"
FONT_ALT = "Liberation Serif"
SYMBOL_FONT = "Segoe UI Symbol"
SYMBOL_ALT = "Noto Sans Symbols2"
BODY_PT = 14
TABLE_PT = 12
SMALL_PT = 10

CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)
Run = tuple[str, bool, bool]  # text, bold, italic


def _name_font(rpr, name: str) -> None:
    """Name ``name`` for every script of a run or style's properties; theme fonts removed (they would
    win over a named font)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def _declare_alternatives(doc) -> None:
    """The font table says which font stands in for which (Word and LibreOffice read w:altName)."""
    from lxml import etree

    part = next((r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    table = etree.fromstring(part.blob)
    for name, alt in ((FONT, FONT_ALT), (SYMBOL_FONT, SYMBOL_ALT)):
        font = next((f for f in table.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if font is None:
            font = OxmlElement("w:font")
            font.set(qn("w:name"), name)
            table.append(font)
        for old in font.findall(qn("w:altName")):
            font.remove(old)
        alt_el = OxmlElement("w:altName")
        alt_el.set(qn("w:val"), alt)
        font.insert(0, alt_el)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, needs the symbol font) runs."""
    out: list[tuple[str, bool]] = []
    for ch in text:
        symbol = needs_fallback(ch)
        if out and out[-1][1] == symbol:
            out[-1] = (out[-1][0] + ch, symbol)
        else:
            out.append((ch, symbol))
    return out


class WordDocument:
    """A python-docx document set up as a Party document, with the helpers the reports use."""

    def __init__(self, setup: PageSetup, title: str = "", author: str = "") -> None:
        self.doc = Document()
        self.setup = setup
        props = self.doc.core_properties
        props.title, props.author, props.comments = clean(title), clean(author), ""
        self._styles()
        self._page(setup)
        _declare_alternatives(self.doc)

    # -- set-up -----------------------------------------------------------------------------------
    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        _name_font(normal.element.get_or_add_rPr(), FONT)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(3), 1.1
        for level, size in ((1, BODY_PT), (2, BODY_PT), (3, BODY_PT)):
            h = styles[f"Heading {level}"]
            h.font.size, h.font.bold, h.font.italic = Pt(size), True, level == 3
            h.font.color.rgb = RGBColor(0, 0, 0)
            _name_font(h.element.get_or_add_rPr(), FONT)
            h.paragraph_format.space_before, h.paragraph_format.space_after = Pt(8), Pt(2)
            h.paragraph_format.keep_with_next = True
        title = styles["Title"]
        title.font.size, title.font.bold, title.font.color.rgb = Pt(15), True, RGBColor(0, 0, 0)
        _name_font(title.element.get_or_add_rPr(), FONT)
        title.paragraph_format.alignment = CENTER
        title.paragraph_format.space_before, title.paragraph_format.space_after = Pt(14), Pt(0)
        # the Title style's bottom border (python-docx's template) is not on a Party paper
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
        table_style = styles["Table Grid"]
        table_style.font.size = Pt(TABLE_PT)
        _name_font(table_style.element.get_or_add_rPr(), FONT)

    def _page(self, setup: PageSetup) -> None:
        section = self.doc.sections[0]
        width, height = setup.size  # points
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Pt(width), Pt(height)
        section.top_margin, section.bottom_margin = Mm(setup.top_mm), Mm(setup.bottom_mm)
        section.left_margin, section.right_margin = Mm(setup.left_mm), Mm(setup.right_mm)
        section.header_distance = Mm(max(5.0, setup.top_mm / 2 - 3))
        section.different_first_page_header_footer = True  # page 1: no number
        header = section.header.paragraphs[0]
        header.alignment = CENTER
        self._page_field(header)

    @staticmethod
    def _page_field(paragraph) -> None:
        """A PAGE field (Word and LibreOffice put the page's number in), 13 pt upright."""
        def run():
            r = paragraph.add_run()
            r.font.size, r.font.bold, r.font.italic = Pt(PAGE_NUMBER_SIZE), False, False
            _name_font(r._r.get_or_add_rPr(), FONT)
            return r
        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run()._r.append(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = " PAGE "
        run()._r.append(instr)
        sep = OxmlElement("w:fldChar")
        sep.set(qn("w:fldCharType"), "separate")
        run()._r.append(sep)
        run().text = "2"
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run()._r.append(end)

    @property
    def width_mm(self) -> float:
        return self.setup.frame_width / Mm(1).pt

    # -- text -------------------------------------------------------------------------------------
    @staticmethod
    def add_runs(paragraph, runs: Iterable[Run], size: float | None = None) -> None:
        """Runs of text (NFC, control characters dropped; line breaks kept as breaks), symbols the
        main font may lack in the symbol font."""
        for text, bold, italic in runs:
            for k, line in enumerate(clean(text).split("\n")):
                if k:
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                for piece, symbol in _pieces(line):
                    r = paragraph.add_run(piece)
                    r.bold, r.italic = bold or None, italic or None
                    if size:
                        r.font.size = Pt(size)
                    if symbol:
                        _name_font(r._r.get_or_add_rPr(), SYMBOL_FONT)

    def para(self, runs: str | Iterable[Run], align=JUSTIFY, size: float | None = None, indent_mm: float = 0,
             first_line_mm: float = 0, space_after: float | None = None, container=None, style: str | None = None):
        target = container if container is not None else self.doc
        p = target.add_paragraph(style=style)
        if isinstance(runs, str):
            runs = [(runs, False, False)]
        self.add_runs(p, runs, size)
        p.alignment = align
        if indent_mm:
            p.paragraph_format.left_indent = Mm(indent_mm)
        if first_line_mm:
            p.paragraph_format.first_line_indent = Mm(first_line_mm)
        if space_after is not None:
            p.paragraph_format.space_after = Pt(space_after)
        return p

    def heading(self, text: str, level: int = 1):
        p = self.doc.add_heading("", level=level)
        self.add_runs(p, [(text, False, False)])
        return p

    def title(self, lines: Iterable[str]):
        p = self.doc.add_paragraph(style="Title")
        self.add_runs(p, [("\n".join(lines), False, False)])
        return p

    def centred(self, text: str, bold: bool = False, italic: bool = False, size: float | None = None):
        return self.para([(text, bold, italic)], CENTER, size)

    def body(self, text: str) -> None:
        """A long answer: one paragraph per line, first line indented (dotted lines when empty)."""
        lines = [line.strip() for line in clean(text).split("\n") if line.strip()]
        for line in lines or [DOTS * 6]:
            self.para(line, first_line_mm=10)

    def field(self, label: str, value: str, bold_value: bool = True) -> None:
        label = clean(label).rstrip().rstrip(":")
        shown = clean(value).strip()
        self.para([(f"{label}: ", False, False), (shown or DOTS * 3, bold_value and bool(shown), False)], LEFT)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables -----------------------------------------------------------------------------------
    def table(self, rows: list[list[str | list[Run]]], widths_mm: list[float], header_rows: int = 1,
              size: float = TABLE_PT, centre_cols: Iterable[int] = (), bold_rows: Iterable[int] = ()):
        """A ruled table (Table Grid): header rows in bold, repeated on each page; cells are text a
        secretary can edit."""
        centre, bold = set(centre_cols), set(bold_rows)
        n_rows = len(rows)
        table = self.doc.add_table(rows=n_rows, cols=len(widths_mm))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for r, values in enumerate(rows):
            row = table.rows[r]
            if r < header_rows:
                tr_pr = row._tr.get_or_add_trPr()
                head = OxmlElement("w:tblHeader")
                head.set(qn("w:val"), "true")
                tr_pr.append(head)
            for c, value in enumerate(values):
                cell = row.cells[c]
                cell.width = Mm(widths_mm[c])
                p = cell.paragraphs[0]
                is_head = r < header_rows
                runs = value if isinstance(value, list) else [(str(value), is_head or r in bold, False)]
                self.add_runs(p, runs, size)
                p.paragraph_format.space_after = Pt(0)
                p.alignment = CENTER if (is_head or c in centre) else LEFT
        for c, w in enumerate(widths_mm):  # Word reads the grid's widths, LibreOffice the cells'
            table.columns[c].width = Mm(w)
        return table

    def merge(self, table, r0: int, c0: int, r1: int, c1: int) -> None:
        a, b = table.cell(r0, c0), table.cell(r1, c1)
        text = a.text
        merged = a.merge(b)
        # merging joins the cells' paragraphs: keep one, with the first cell's text
        for p in merged.paragraphs[1:]:
            if not p.text.strip():
                p._p.getparent().remove(p._p)
        if not merged.text.strip() and text:
            merged.paragraphs[0].add_run(text)

    def layout_table(self, cells: list[list], widths_mm: list[float]):
        """A borderless table of blocks side by side; returns the cells to fill."""
        table = self.doc.add_table(rows=1, cols=len(widths_mm))
        table.autofit = False
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            el.set(qn("w:val"), "nil")
            borders.append(el)
        table._tbl.tblPr.append(borders)
        out = []
        for c, w in enumerate(widths_mm):
            cell = table.rows[0].cells[c]
            cell.width = Mm(w)
            table.columns[c].width = Mm(w)
            out.append(cell)
        return out

    @staticmethod
    def cell_para(cell, runs: list[Run], align=CENTER, size: float | None = None, first: bool = False,
                  space_after: float = 0):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        WordDocument.add_runs(p, runs, size)
        p.alignment = align
        p.paragraph_format.space_after = Pt(space_after)
        return p

    # -- the shared blocks ------------------------------------------------------------------------
    def form_code(self, code: str) -> None:
        self.para(code, RIGHT, size=12)

    def header_block(self, header: Header) -> None:
        """Body above and issuer (bold) with "*" and the number | ĐẢNG CỘNG SẢN VIỆT NAM, its rule,
        place and date in italics."""
        width = self.width_mm
        left, right = self.layout_table([[], []], [width * 0.45, width * 0.55])
        first = True
        if header.superior.strip():
            self.cell_para(left, [(upper_vi(header.superior), False, False)], first=True)
            first = False
        self.cell_para(left, [(upper_vi(header.issuer) or DOTS, True, False)], first=first)
        self.cell_para(left, [("*", False, False)])
        if header.number is not None:
            text = header.number.strip()
            if text.lower().startswith("số "):
                text = text[3:]
            self.cell_para(left, [(f"Số {text}" if text else f"Số {DOTS}{header.number_suffix}", False, False)])
        party = self.cell_para(right, [(PARTY, True, False)], first=True, size=15)
        rule = OxmlElement("w:pBdr")  # the rule under the party's name: a bottom border, indented to its width
        bottom = OxmlElement("w:bottom")
        for k, v in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
            bottom.set(qn(f"w:{k}"), v)
        rule.append(bottom)
        party._p.get_or_add_pPr().append(rule)
        text_mm = string_width(PARTY, SERIF_BOLD, 15) / Mm(1).pt
        inset = max(0.0, (width * 0.55 - text_mm - 6) / 2)  # 6 mm: the cell's padding and some air
        party.paragraph_format.left_indent = party.paragraph_format.right_indent = Mm(inset)
        self.cell_para(right, [(place_date(header.place, header.date), False, True)], space_after=0).paragraph_format.space_before = Pt(8)

    def signature(self, role_lines: list[str], hint: str | None, name: str,
                  left_lines: list[Run] | None = None) -> None:
        width = self.width_mm
        left, right = self.layout_table([[], []], [width * 0.45, width * 0.55])
        if left_lines:
            for k, run in enumerate(left_lines):
                self.cell_para(left, [run], LEFT, size=12 if k == 0 else 11, first=k == 0)
        for k, line in enumerate(role_lines):
            self.cell_para(right, [(line, True, False)], first=k == 0)
        if hint:
            self.cell_para(right, [(hint, False, True)], size=13)
        for _ in range(4):  # room to sign: empty paragraphs, not spaces
            self.cell_para(right, [("", False, False)])
        self.cell_para(right, [(clean(name).strip() or DOTS * 3, True, False)])

    def save(self, path: str) -> None:
        self.doc.save(path)
