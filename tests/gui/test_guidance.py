"""Guidance at the right moment: a member without an invitation learns on Home, before writing, what
the invitation is for and how to open it; without one, sending asks about the unencrypted file
before the file name (and a confirmed export is not logged as a failed job); the cell secretary with
a round in hand starts in her workspace."""

from __future__ import annotations

import logging
from datetime import date, timedelta

import pytest
from helpers import complete_review, make_profile
from invitations import Secretary, open_invitation
from PySide6.QtCore import Qt

pytestmark = pytest.mark.usefixtures("opened")  # no viewer is ever started (tests/gui/conftest.py)


def test_home_tells_a_member_without_an_invitation_before_writing(qtbot, make_window, ctx, dialogs, tmp_path):
    make_profile(ctx)
    window = make_window()
    note = window.home.invite_note
    assert note.isVisible()
    text = window.home.findChild(type(window.home.empty), "inviteNote").text()
    assert "lời mời" in text and ".selfreview-invite" in text and "mã hóa" in text
    assert window.home.invite_button.text().replace("&", "").startswith("Mở lời mời")  # the button it names
    secretary = Secretary(tmp_path / "secretary")
    try:
        invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "moi.selfreview-invite")
    finally:
        secretary.ctx.close()
    dialog = open_invitation(qtbot, window, dialogs, invite)
    dialog.ok.click()
    window.show_home()
    assert not window.home.invite_note.isVisible()  # the review now comes from the invitation


def test_sending_without_an_invitation_asks_first_and_logs_no_failure(qtbot, make_window, ctx, dialogs, tmp_path,
                                                                      caplog):
    _, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    window = make_window()
    window.open_review(review_id)
    asked = []
    out = tmp_path / "ban-kiem-diem.selfreview"
    dialogs.save_file = lambda *a, **k: asked.append("file name") or str(out)
    confirm = dialogs.confirm
    dialogs.confirm = lambda *a, **k: asked.append("unencrypted?") or confirm(*a, **k)
    dialogs.confirm_answers = [False]
    qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    assert asked == ["unencrypted?"] and not out.exists()  # asked before the file name; "no" stops there
    dialogs.confirm_answers = [True]
    with caplog.at_level(logging.WARNING):
        qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    assert asked[1:] == ["unencrypted?", "file name"] and out.is_file()
    assert ctx.reviews.open(review_id).summary.status == "sent"
    assert "job failed" not in caplog.text


def test_the_secretary_with_an_open_round_starts_in_the_workspace(qtbot, make_window, ctx):
    me = make_profile(ctx, "Phan Thị Thanh Hương", leader=True)
    ctx.profiles.set_secretary(me.id)
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy Sở Tư pháp")
    ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=10))
    window = make_window()
    assert window.page.objectName() == "secretaryWorkspace"
    window.show_home()
    assert window.home is not None


def test_a_member_who_is_not_the_secretary_starts_on_home(qtbot, make_window, ctx):
    sec = make_profile(ctx, "Phan Thị Thanh Hương", leader=True)
    ctx.profiles.set_secretary(sec.id)
    cell = ctx.cells.create_cell("Chi bộ Văn phòng", "Đảng ủy Sở Tư pháp")
    ctx.cells.create_round(cell.id, "2025", date.today() + timedelta(days=10))
    make_profile(ctx, "Trần Văn Bình")
    window = make_window()
    window.open_profile(next(p.id for p in ctx.profiles.list() if p.full_name == "Trần Văn Bình"))
    assert window.home is not None


def test_home_is_calm_the_key_lives_in_security(qtbot, make_window, ctx, dialogs, tmp_path):
    from PySide6.QtWidgets import QPushButton
    from selfreview.services import keyguard
    profile = make_profile(ctx)
    window = make_window()
    home = window.home
    key_buttons = ("protectKeyButton", "backupKeyButton", "restoreKeyButton", "renewKeyButton")
    assert not [n for n in key_buttons if home.findChild(QPushButton, n) is not None]  # none on Home
    note = home.findChild(type(home.empty), "keyNote")
    assert home.key_note.isVisible() and "sao lưu" in note.text() and "Bảo mật" in note.text()
    window.actions_by_name["security"].trigger()  # from the menu too
    dialog = home.security
    assert dialog is not None and dialog.isVisible()
    assert all(dialog.findChild(QPushButton, n) is not None for n in key_buttons)
    keyguard.export_backup(ctx, profile.id, tmp_path / "khoa.selfreview-key", "cụm mật khẩu sao lưu")
    keyguard.protect(ctx, profile.id, "mật khẩu của Bình")
    home.keys.done.emit("protect")
    assert not home.key_note.isVisible()
    assert dialog.findChild(type(home.empty), "keyBackup").text() == "Đã sao lưu"
