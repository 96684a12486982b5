"""The Vietnamese condition texts of the rating rules are cut from QĐ 366 Article 11, never reworded."""

from pathlib import Path

from selfreview.rating import CONDITION_TEXT
from selfreview.rating import messages as M

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "forms-2025.md"


def test_vietnamese_condition_texts_are_cut_from_article_11():
    text = REFERENCE.read_text(encoding="utf-8")
    article = text[text.index("**Điều 11. Xếp loại chất lượng**"):text.index("Lưu ý cho người dùng")]
    pieces = [vi for vi, _ in CONDITION_TEXT.values()]
    pieces += [vi for vi, _ in M.CONDITION_TEXT_FOR.values()]
    pieces += [vi for vi, _ in M.MITIGATION_TEXT.values()]
    assert len(pieces) >= 10
    for vi in pieces:
        for part in vi.split(" … "):
            assert part in article or part[0].lower() + part[1:] in article, part
