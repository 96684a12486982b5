"""The PDFs exactly right (issue 16): no character dropped (every glyph drawn from a font that has
it), page numbers at the top centre from page 2, the committee's signer from the roster, real
creation dates, the "Cộng" column of the self-check honest."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone
from functools import lru_cache

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile
from reportlab.platypus import Paragraph, Table

from reports_fixtures import assert_fonts_embedded, make_cell, page_number_marks, pdftotext, squash
from selfreview.paths import fonts_dir
from selfreview.reports import PageSetup
from selfreview.reports.markup import esc
from selfreview.reports.page import build
from selfreview.reports.styles import cell_text, grid_table_style, styles

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
CONSONANTS = "bcdđghklmnpqrstvx"
SYMBOLS = "✓ ✗ • – — “ ” ≥ ≤ №"
MORE = "⇒ ① ② ‣ ※ ☐ ☑ → € ½"  # symbols of real documents beyond the list (the second fallback)


def vietnamese_letters() -> list[str]:
    """Every letter of Vietnamese, lower and upper case, precomposed (NFC): 134 with tones + đ/Đ."""
    lower = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + list(CONSONANTS)
    return lower + [c.upper() for c in lower]


EVERYTHING = " ".join(vietnamese_letters()) + " " + SYMBOLS + " " + MORE


@lru_cache(maxsize=None)
def shipped_cmaps() -> dict[str, frozenset[int]]:
    """PostScript name -> the characters that font has, for every font shipped in resources/fonts."""
    out = {}
    for path in fonts_dir().glob("*.ttf"):
        face = TTFontFile(str(path), validate=0)
        out[face.name.decode() if isinstance(face.name, bytes) else face.name] = frozenset(face.charToGlyph)
    return out


def drawn_characters(path) -> list[tuple[str, str]]:
    """(font's PostScript name, character) for every character the PDF draws, read from its own
    drawing operations (the text each Tj/TJ shows, decoded through the font's ToUnicode map)."""
    out: list[tuple[str, str]] = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if font is None or not text:
                return
            name = str(font.get("/BaseFont")).lstrip("/").split("+")[-1]
            out.extend((name, ch) for ch in text if not ch.isspace())
        page.extract_text(visitor_text=visit)
    return out


def assert_no_notdef(path) -> None:
    cmaps = shipped_cmaps()
    drawn = drawn_characters(path)
    assert drawn
    lacking = sorted({(font, ch) for font, ch in drawn if ord(ch) not in cmaps[font]})
    assert not lacking, f"drawn as .notdef (the font has no glyph): {lacking}"


def test_every_vietnamese_letter_and_symbol_is_drawn_and_read_back(tmp_path):
    assert len(vietnamese_letters()) == 2 * (12 * 6 + 17) and "Ỵ" in EVERYTHING and "đ" in EVERYTHING
    st = styles()
    story = [Paragraph(esc(EVERYTHING), st.body_flat),
             Paragraph(f"<b>{esc(EVERYTHING)}</b>", st.body_flat),
             Paragraph(f"<i>{esc(EVERYTHING)}</i>", st.body_flat)]
    cells = [[cell_text(s, st.td, 40)] for s in SYMBOLS.split()]  # short: plain strings, were they not ✓
    table = Table(cells, colWidths=[46])
    table.setStyle(grid_table_style(0))
    out = tmp_path / "all.pdf"
    build(str(out), story + [table], PageSetup())
    reader = PdfReader(str(out))
    text = unicodedata.normalize("NFC", squash(" ".join(p.extract_text() for p in reader.pages)))
    assert text.count(squash(EVERYTHING)) == 3  # regular, bold, italic: nothing dropped, nothing changed
    # poppler joins single letters a narrow (justified) space apart: compare without the spaces
    assert "".join(pdftotext(out).split()).count("".join(EVERYTHING.split())) == 3
    assert text.endswith(" ".join(SYMBOLS.split()))  # the table's cells, each whole
    assert_no_notdef(out)
    assert_fonts_embedded(out)
    fonts = {name for name, _ in drawn_characters(out)}
    assert {"LiberationSerif", "LiberationSerif-Bold", "NotoSansSymbols2-Regular", "DejaVuSans"} <= fonts


def test_what_no_shipped_font_has_is_known():
    from selfreview.reports.fonts import missing_glyphs
    assert missing_glyphs(EVERYTHING) == set()
    assert missing_glyphs("Hán tự 漢") == {"漢"}  # CJK ideographs: no font for them is shipped


def test_a_check_mark_in_an_answer_of_a_review_is_drawn(ctx, tmp_path):
    from selfreview.db.models import Answer

    ctx.reports.set_place("Hà Nội")
    cell = make_cell(ctx, tmp_path)
    rid = cell.reviews["Trần Thị Bích Ngọc"]
    with ctx.session() as s:
        s.get(Answer, (rid, "a1_duties")).value = "✓ Hoàn thành đúng hạn; ✗ chưa đạt chỉ tiêu № 3 (≥ 90%)."
    out = tmp_path / "review.pdf"
    ctx.reports.write_review(rid, out)
    assert "✓ Hoàn thành đúng hạn; ✗ chưa đạt chỉ tiêu № 3 (≥ 90%)." in squash(pdftotext(out, layout=False))
    assert_no_notdef(out)


def test_page_numbers_top_centre_from_page_two(tmp_path):
    st = styles()
    story = [Paragraph(f"Đoạn {n}: tự phê bình và phê bình.", st.body) for n in range(120)]
    out = tmp_path / "pages.pdf"
    setup = PageSetup()
    build(str(out), story, setup)
    marks = page_number_marks(out)
    assert len(marks) >= 3
    assert marks[0] == []  # page 1 carries no number
    width, height = setup.size
    for n, page in enumerate(marks[1:], start=2):
        assert len(page) == 1, page
        text, x, y, font, size = page[0]
        assert text == str(n)  # the bare number: no "Trang", no "/y"
        assert 13 <= size <= 14 and font.endswith("LiberationSerif")  # upright: not Italic, not Bold
        number_width = len(text) * size * 0.5
        assert abs(x + number_width / 2 - width / 2) < 2  # centred
        assert height - setup.top_mm * 72 / 25.4 < y < height - 14  # inside the top margin
    assert "Trang" not in pdftotext(out)


def test_the_committee_block_is_signed_by_the_cell_secretary(ctx, tmp_path):
    """The secretary's copy of a member's review: "T/M CHI ỦY (CHI BỘ)" and the secretary's name
    from the roster (the member whose party post is "Bí thư chi bộ")."""
    cell = make_cell(ctx, tmp_path)
    out = tmp_path / "review.pdf"
    ctx.reports.write_review(cell.reviews["Trần Thị Bích Ngọc"], out)
    raw = squash(pdftotext(out, layout=False))
    block = raw[raw.index("T/M CHI ỦY (CHI BỘ)"):raw.index("Đảng ủy, chi ủy cơ sở xếp loại")]
    assert "Nguyễn Văn Đức" in block, block


def test_creation_date_is_real_unless_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "now.pdf"
    before = datetime.now(timezone.utc)
    build(str(out), [Paragraph("Hôm nay", styles().body)], PageSetup())
    made = PdfReader(str(out)).metadata.creation_date
    assert made is not None and abs((made - before).total_seconds()) < 120
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765000000")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (first, second):
        build(str(path), [Paragraph("Hôm nay", styles().body)], PageSetup())
    assert first.read_bytes() == second.read_bytes()
    assert PdfReader(str(first)).metadata.creation_date == datetime.fromtimestamp(1765000000, timezone.utc)


@pytest.mark.parametrize("counts, expected", [
    ({"sometimes": 1, "often": 7}, ("< 3", "7", "≥ 8")),
    ({"sometimes": 13, "often": 2}, ("13", "< 3", "≥ 14")),
    ({"sometimes": 2, "often": 0}, ("< 3", "0", "< 3")),
    ({"sometimes": 1, "often": 2}, ("< 3", "< 3", "≥ 2")),
    ({"sometimes": 4, "often": 5}, ("4", "5", "9")),
])
def test_the_total_of_a_hidden_count_is_true(counts, expected):
    from selfreview.reports.data import Behaviour, ResponsibilityTally
    from selfreview.reports.tallies import responsibility_rows

    row, = responsibility_rows(ResponsibilityTally((Behaviour("a", "Né tránh"),), {"a": counts}, 9), 3)
    assert (row.sometimes.text(3), row.often.text(3), row.total.text(3)) == expected
    total = counts["sometimes"] + counts["often"]
    shown = row.total.text(3)
    # what is printed is true of the real total
    assert (total < 3) if shown.startswith("<") else (total >= int(shown[2:])) if shown.startswith("≥") \
        else total == int(shown)
