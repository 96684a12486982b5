"""Issue 14, through the widgets: the profile form holds a name to the limits files and the import
apply (selfreview/limits.py): no longer than 200 characters, and no invisible character; a refused
name creates no profile and says why."""

from __future__ import annotations

from helpers import type_vietnamese
from PySide6.QtCore import Qt

from selfreview import limits


def test_the_first_run_name_is_held_to_the_one_set_of_limits(qtbot, make_window, ctx, dialogs):
    window = make_window()
    qtbot.mouseClick(window.page.next_button, Qt.MouseButton.LeftButton)
    page = window.page
    name = page.form.edits["full_name"]
    assert name.maxLength() == limits.FULL_NAME
    name.setText("Trần " * 100)  # pasted: the field keeps the first 200 characters
    assert len(name.text()) == limits.FULL_NAME
    name.clear()
    type_vietnamese(name, "Trần Văn\u200b Đức")  # a zero-width space, as a copy from a web page brings
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    (error,) = [a for a in dialogs.asked if a[0] == "error"]
    assert "U+200B" in error[2]
    assert ctx.profiles.list() == []
