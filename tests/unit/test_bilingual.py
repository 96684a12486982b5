"""Every text the core shows to people is one type, ``selfreview.text.Bilingual``: a message, a
rating's reason and problem, a table's column title, a form's label; each gives its language with
``get`` and what a screen shows with ``shown``. A form's label keeps its JSON (and so its hash)."""

import pytest

from selfreview.forms.model import Status, Text
from selfreview.messages import msg
from selfreview.rating import Problem, Reason
from selfreview.services.rollcall_table import COLUMNS
from selfreview.text import Bilingual

NOTED = "Gợi ý cho mục 2 (chưa xác nhận là dòng gợi ý của mẫu 2025; giống mẫu 2023)"


@pytest.mark.parametrize("text", [
    msg("answer.not_text"),
    Reason("residual", "Lý do", "Reason"),
    Problem("proposed_missing", "Vấn đề", "Problem", "error"),
    COLUMNS[1],
    Text(vi="Họ và tên", en="Full name"),
], ids=["Message", "Reason", "Problem", "Column", "Text"])
def test_each_core_text_is_bilingual(text):
    assert isinstance(text, Bilingual)
    assert text.get("en") == text.en and text.get("vi") == text.vi == text.get()
    assert text.shown("en") == text.en and text.shown("vi") == text.vi


def test_a_forms_own_label_is_shown_without_its_note_about_the_source():
    own = Text(vi=NOTED, en="Suggestions for item 2 (not confirmed as hint lines of the 2025 form)")
    assert own.shown("vi") == "Gợi ý cho mục 2" and own.get("vi") == NOTED
    assert own.shown("en") == "Suggestions for item 2"
    cited = Text(vi=NOTED, en="x (not confirmed)", status=Status.VERBATIM)  # an official text: as printed
    assert cited.shown("vi") == NOTED


def test_a_forms_label_adds_no_field_to_its_json():
    text = Text(vi="Họ và tên", en="Full name", src="forms-2025.md §2.1")
    assert text.model_dump(mode="json", exclude_none=True) == {
        "vi": "Họ và tên", "en": "Full name", "src": "forms-2025.md §2.1", "status": "app"}
