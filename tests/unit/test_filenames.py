"""File names the app proposes or writes can be created on Windows and on a FAT32/exFAT USB stick."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from selfreview.filenames import MAX_NAME_BYTES, is_portable_name, portable_name, portable_path
from selfreview.ui.member_actions import with_suffix


def test_windows_device_names_are_changed_whatever_their_case_and_extension():
    assert portable_name("CON") == "CON_"
    assert portable_name("con.pdf") == "con_.pdf"
    assert portable_name("nul.tar.gz") == "nul_.tar.gz"
    assert portable_name("Com1.selfreview") == "Com1_.selfreview"
    assert portable_name("LPT9 .csv") == "LPT9_.csv"
    assert portable_name("aux") == "aux_"
    for name in ("CON", "con.pdf", "PRN.txt", "COM3", "lpt1.xlsx", "CONOUT$"):
        assert not is_portable_name(name)
    # names that only start like a device are fine as they are
    for name in ("console.pdf", "com10.csv", "nulls.txt", "bao-cao-chi-bo-1-2026.pdf"):
        assert portable_name(name) == name and is_portable_name(name)


def test_forbidden_characters_and_trailing_dots_and_spaces():
    assert portable_name('Báo cáo: "chi bộ" 1/2026?.pdf') == "Báo cáo- -chi bộ- 1-2026-.pdf"
    assert portable_name("bao-cao.") == "bao-cao"
    assert portable_name("bao-cao . . ") == "bao-cao"
    assert portable_name("  bao-cao.pdf  ") == "bao-cao.pdf"
    assert portable_name("a\tb\nc|d*e<f>g\\h") == "a-b-c-d-e-f-g-h"
    assert portable_name("...") == "tep" and portable_name("") == "tep" and portable_name("  ") == "tep"


def test_vietnamese_names_stay_readable_and_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng.selfreview")
    assert portable_name(decomposed) == unicodedata.normalize("NFC", "Nguyễn Thị Hồng.selfreview")


def test_long_names_are_cut_keeping_the_extension():
    name = portable_name("Đảng viên " * 60 + ".selfreview")
    assert name.endswith(".selfreview") and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert is_portable_name(name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_becomes_a_portable_name(text):
    name = portable_name(text)
    assert is_portable_name(name), (text, name)
    assert portable_name(name) == name  # a portable name is left alone


def test_a_name_typed_in_the_save_dialog_is_made_portable(tmp_path):
    assert with_suffix(str(tmp_path / "CON"), ".pdf") == tmp_path / "CON_.pdf"
    assert with_suffix(str(tmp_path / "bao cao: 2026."), ".selfreview") == tmp_path / "bao cao- 2026..selfreview"
    assert with_suffix(str(tmp_path / "ok.pdf"), ".pdf") == tmp_path / "ok.pdf"
    assert portable_path(tmp_path / "a?b" / "nul.csv") == tmp_path / "a?b" / "nul_.csv"  # folders: the person's
