"""Finding people as they type: a search matches with and without marks and ignores case ("duc"
finds "Đức"; Đ does not decompose in NFD, so it is handled on its own), and the core's lists of
people are in Vietnamese order, given name first (the reports and the roster share it)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from vietnamese_names import VIETNAMESE_ORDER

from selfreview.services.cells import MemberData
from selfreview.services.rollcall import vi_name_key
from selfreview.text import fold, text_matches


@pytest.mark.parametrize("typed, name", [
    ("duc", "Phạm Minh Đức"), ("DUC", "Phạm Minh Đức"), ("Đức", "Phạm Minh Đức"), ("đức", "PHẠM MINH ĐỨC"),
    ("nguyen van", "Nguyễn Văn An"), ("nguyen  van", "Nguyễn Văn An"), ("Nguyễn văn", "Nguyễn Văn An"),
    ("dang", "Đặng Văn Cường"), ("do van", "Đỗ Văn Cường"), ("ông", "Ông Văn Cường"), ("ta thi", "Tạ Thị Bình"),
    ("nguyễn van", "Nguyễn Văn An"),  # marks on one word, none on the other
])
def test_typed_with_or_without_marks_finds_the_name(typed, name):
    assert text_matches(typed, name)


@pytest.mark.parametrize("typed, name", [
    ("Đúc", "Phạm Minh Đức"),  # a mark the person typed must be there
    ("Ngô", "Nguyễn Văn An"), ("dx", "Đức"), ("tô", "Tạ Thị Bình"), ("nguyen van b", "Nguyễn Văn An"),
])
def test_marks_the_person_typed_still_count(typed, name):
    assert not text_matches(typed, name)


def test_decomposed_input_and_any_field():
    decomposed = "Nguye\u0302\u0303n"  # NFD, as some keyboards deliver it
    assert text_matches(decomposed, "Nguyễn Văn An") and text_matches("", "anything")
    assert text_matches("bi thu", "Trần Văn An", "Bí thư chi bộ")
    assert fold("Đặng Ỷ") == "dang y" and len(fold("Nguyễn")) == len("Nguyễn")


def test_names_sort_by_given_name_then_family_and_middle():
    shuffled = sorted(VIETNAMESE_ORDER, key=lambda n: n[::-1])
    assert sorted(shuffled, key=vi_name_key) == VIETNAMESE_ORDER


def test_the_roster_comes_in_vietnamese_order(ctx):
    """The set-up tab's roster used the database's byte order: Nguyễn before Ngô, Đ and Ô last."""
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=30))
    for name in sorted(VIETNAMESE_ORDER, key=lambda n: n[::-1]):
        ctx.cells.add_member(cell.id, MemberData(name, "non_leader", date(1980, 1, 1)))
    assert [m.full_name for m in ctx.cells.members(cell.id)] == VIETNAMESE_ORDER


def test_the_rollcall_filter_finds_names_without_marks(ctx):
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng bộ Sở Nội vụ")
    rnd = ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=30))
    for name in VIETNAMESE_ORDER:
        ctx.cells.add_member(cell.id, MemberData(name, "non_leader", date(1980, 1, 1)))
    rc = ctx.rollcall.roll_call(rnd.id)
    assert [r.name for r in rc.filtered(None, "duc")] == ["Phạm Minh Đức"]
    assert [r.name for r in rc.filtered(None, "NGUYEN VAN")] == ["Nguyễn Văn An"]
    assert [r.name for r in rc.filtered(None, "dang")] == ["Đặng Văn Cường"]
    assert [r.name for r in rc.rows] == VIETNAMESE_ORDER  # meeting order: all equal, then the name
