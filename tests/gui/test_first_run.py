"""First run (language, then profile, the proposed form), several profiles on one PC, the profile card."""

from __future__ import annotations

from helpers import click, labels_text, make_profile, reactivate, type_vietnamese
from PySide6.QtCore import Qt

from selfreview.services.dto import ProfileData


def test_first_run_in_english_then_the_profile(qtbot, make_window, ctx, settings):
    window = make_window()
    page = window.page
    assert page.language_buttons["vi"].isChecked()  # Vietnamese by default
    assert window.menuBar().actions()[0].text() == "&Tệp"
    click(qtbot, page.language_buttons["en"])
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert settings.language == "en"
    assert window.menuBar().actions()[0].text() == "&File"
    page = window.page
    assert "Your profile" in labels_text(page)
    assert not page.create_button.isEnabled()  # the name is required
    type_vietnamese(page.form.edits["full_name"], "Phạm Quốc Dũng")
    assert page.create_button.isEnabled()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.home is not None
    assert window.home.greeting.text() == "Hello, Phạm Quốc Dũng"
    assert ctx.profiles.list()[0].language == "en"


def test_the_form_is_proposed_from_the_answers(qtbot, make_window):
    window = make_window()
    qtbot.mouseClick(window.page.next_button, Qt.MouseButton.LeftButton)
    form = window.page.form
    assert "02B" in form.proposed.text()
    click(qtbot, form.leader.yes)
    assert "02A" in form.proposed.text()
    click(qtbot, form.system.no)  # retired, student, private company: 2C, whatever the post
    assert "02C" in form.proposed.text()
    assert not form.leader.isEnabled()
    assert form.data().category == "outside_system"
    click(qtbot, form.system.yes)
    click(qtbot, form.leader.no)
    assert "02B" in form.proposed.text()


def test_profile_fields_are_stored_as_typed(qtbot, make_window, ctx):
    window = make_window()
    qtbot.mouseClick(window.page.next_button, Qt.MouseButton.LeftButton)
    page = window.page
    values = {"full_name": "Đặng Thị Ngọc Ánh", "party_post": "Chi uỷ viên", "government_post": "Phó Trưởng phòng",
              "mass_org_post": "Tổ trưởng công đoàn", "work_unit": "Phòng Kế hoạch – Tài chính",
              "cell_name": "Chi bộ Văn phòng Sở", "superior_body": "Đảng bộ Sở Xây dựng"}
    for name, text in values.items():
        type_vietnamese(page.form.edits[name], text, decomposed=(name == "full_name"))
    click(qtbot, page.form.leader.yes)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    stored = ctx.profiles.list()[0]
    for name, text in values.items():
        assert getattr(stored, name) == text
    assert stored.is_leader and stored.in_political_system
    card = labels_text(window.home.card)
    assert stored.fingerprint in card and "Đảng bộ Sở Xây dựng" in card and "02A" in card


def test_several_profiles_are_chosen_at_start_and_kept_apart(qtbot, make_window, ctx):
    a = make_profile(ctx, "Nguyễn Văn An")
    b = make_profile(ctx, "Trần Thị Bích")
    ctx.reviews.create(a.id, "2025", "hd43-2025-2b")
    window = make_window()
    picker = window.page
    assert picker.objectName() == "profilePicker" and picker.list.count() == 2
    names = [picker.list.item(i).text().splitlines()[0] for i in range(picker.list.count())]
    assert names == ["Nguyễn Văn An", "Trần Thị Bích"]
    picker.list.setCurrentRow(1)
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert window.profile.id == b.id
    assert window.home.model.rowCount() == 0  # An's review is not Bích's
    assert "Trần Thị Bích" in window.windowTitle()
    window.actions_by_name["switch"].trigger()
    picker = window.page
    picker.list.setCurrentRow(0)
    qtbot.mouseClick(picker.open_button, Qt.MouseButton.LeftButton)
    assert window.home.model.rowCount() == 1


def test_adding_a_person_from_the_picker_and_cancelling(qtbot, make_window, ctx):
    make_profile(ctx, "Nguyễn Văn An")
    make_profile(ctx, "Trần Thị Bích")
    window = make_window()
    qtbot.mouseClick(window.page.add_button, Qt.MouseButton.LeftButton)
    page = window.page
    assert page.language_step is None and page.steps.currentWidget() is page.profile_step
    qtbot.mouseClick(page.findChild(type(page.create_button), "cancelButton"), Qt.MouseButton.LeftButton)
    assert window.page.objectName() == "profilePicker"


def test_editing_the_profile_updates_the_card(qtbot, make_window, ctx):
    profile = ctx.profiles.create(ProfileData(full_name="Võ Văn Kiệt", work_unit="Sở Y tế"))
    window = make_window()
    home = window.home
    assert window.profile.id == profile.id
    qtbot.mouseClick(home.findChild(type(home.new_button), "editProfileButton"), Qt.MouseButton.LeftButton)
    dialog = home.dialog
    dialog.form.edits["work_unit"].selectAll()
    type_vietnamese(dialog.form.edits["work_unit"], "Bệnh viện Đa khoa tỉnh")
    dialog.accept()
    reactivate(qtbot, window)
    assert ctx.profiles.get(profile.id).work_unit == "Bệnh viện Đa khoa tỉnh"
    assert "Bệnh viện Đa khoa tỉnh" in labels_text(window.home.card)
