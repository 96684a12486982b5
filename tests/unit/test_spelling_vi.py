"""One Vietnamese spelling convention (docs/style-vi.md): "hóa, khóa, hủy", "ĐẢNG ỦY", in the screens'
translations, Qt's own strings, the core's messages and the PDFs' fixed blocks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from spelling_vi import new_style, old_spellings  # noqa: E402

CHECKED = ["resources/translations/selfreview_vi.ts", "resources/translations/qtbase_vi.ts",
           "selfreview/messages.py", "selfreview/office_messages.py", "selfreview/reports/review_pdf.py", "selfreview/reports/header.py",
           "selfreview/reports/minutes.py", "selfreview/reports/cell_summary.py", "selfreview/reports/rollup.py"]


@pytest.mark.parametrize("word, fixed", [("hoá", "hóa"), ("mã hoá", "mã hóa"), ("khoá", "khóa"), ("Huỷ", "Hủy"),
                                         ("UỶ", "ỦY"), ("khoẻ", "khỏe"), ("tuỳ", "tùy")])
def test_old_style_is_rewritten(word, fixed):
    assert new_style(word) == fixed and old_spellings(word) == [word.split()[-1]]


@pytest.mark.parametrize("word", ["hoàn", "thuyết", "quý", "hoặc", "luận", "khoản", "huyện", "Thoát"])
def test_words_both_styles_agree_on_stay(word):
    assert new_style(word) == word and old_spellings(word) == []


@pytest.mark.parametrize("name", CHECKED)
def test_the_app_writes_one_convention(name):
    path = ROOT / name
    assert old_spellings(path.read_text(encoding="utf-8")) == []
