"""The key on the profile card: protect it with a passphrase, back it up, restore it, and make a new
one after a loss (the secretary must then confirm the new code). Through the buttons and the
passphrase dialog's fields; the service does the work (services/keyguard.py)."""

from __future__ import annotations

import shutil

from helpers import click, make_profile
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from selfreview.exchange import keystore
from selfreview.ui.key_actions import PassphraseDialog

PASS = "mật khẩu của Bình"
BACKUP_PASS = "cụm riêng cho bản sao lưu"


def security(window):
    """The Security dialog, opened from the profile card's button as a person does."""
    if window.home.security is None or not window.home.security.isVisible():
        window.home.card.findChild(QPushButton, "securityButton").click()
    return window.home.security


def card_button(window, name: str) -> QPushButton:
    return security(window).findChild(QPushButton, name)


def protection_text(window) -> str:
    return security(window).findChild(QLabel, "keyProtection").text()


def type_keys(widget, text: str) -> None:
    """Characters as key events carrying their text, as Unikey on Windows sends them (the other
    tests of the form type through the input method)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def fill(qtbot, dialog: PassphraseDialog, current: str = "", new: str = "", again: str | None = None) -> None:
    for edit, text in ((dialog.current, current), (dialog.new, new), (dialog.again, new if again is None else again)):
        if edit is not None and text:
            type_keys(edit, text)


def test_the_card_offers_the_four_key_actions_in_vietnamese(qtbot, make_window, ctx):
    make_profile(ctx)
    window = make_window()
    assert window.home is not None
    texts = [card_button(window, n).text() for n in ("protectKeyButton", "backupKeyButton", "restoreKeyButton",
                                                     "renewKeyButton")]
    assert [t.replace("&", "") for t in texts] == ["Đặt mật khẩu bảo vệ khóa…", "Sao lưu khóa…", "Khôi phục khóa…",
                                                   "Tạo khóa mới (mất khóa)…"]
    assert protection_text(window) == "Chưa được bảo vệ bằng mật khẩu"


def test_protect_then_change_the_passphrase(qtbot, make_window, ctx, dialogs):
    profile = make_profile(ctx)
    window = make_window()
    click(qtbot, card_button(window, "protectKeyButton"))
    dialog = window.home.keys.dialog
    assert dialog.isVisible() and dialog.current is None  # nothing to type for the old one: there is none
    fill(qtbot, dialog, new="ngắn", again="ngắn")
    assert not dialog.ok.isEnabled() and "ít nhất 8 ký tự" in dialog.problem.text()
    dialog.new.clear(), dialog.again.clear()
    fill(qtbot, dialog, new=PASS, again=PASS + "!")
    assert not dialog.ok.isEnabled() and "không giống nhau" in dialog.problem.text()
    dialog.again.clear()
    fill(qtbot, dialog, again=PASS)
    assert dialog.ok.isEnabled()
    click(qtbot, dialog.ok)
    assert keystore.is_protected(ctx.keys_dir, profile.id)
    assert keystore.open_identity(ctx.keys_dir, profile.id, PASS).public.fingerprint == profile.fingerprint
    assert dialogs.asked[-1][:2] == ("info", "Đã bảo vệ khóa")
    assert protection_text(window) == "Đã được bảo vệ bằng mật khẩu"

    click(qtbot, card_button(window, "protectKeyButton"))  # change it: the current one is asked first
    dialog = window.home.keys.dialog
    assert dialog.current is not None
    fill(qtbot, dialog, current="không đúng đâu", new="một cụm mới hẳn", again="một cụm mới hẳn")
    click(qtbot, dialog.ok)
    assert dialogs.asked[-1][0] == "error" and dialogs.asked[-1][2].startswith("Cụm mật khẩu không đúng")
    assert keystore.open_identity(ctx.keys_dir, profile.id, PASS)  # unchanged


def test_back_up_then_restore_after_the_key_is_gone(qtbot, make_window, ctx, dialogs, tmp_path):
    profile = make_profile(ctx)
    window = make_window()
    usb = tmp_path / "usb"
    usb.mkdir()
    dialogs.save_file = lambda *a, **k: str(usb / "khoa-binh")  # the suffix is added
    click(qtbot, card_button(window, "backupKeyButton"))
    dialog = window.home.keys.dialog
    fill(qtbot, dialog, new=BACKUP_PASS)
    click(qtbot, dialog.ok)
    backup = usb / "khoa-binh.selfreview-keys"
    assert backup.is_file() and oct(backup.stat().st_mode & 0o777) == "0o600"
    assert dialogs.asked[-1][:2] == ("info", "Đã sao lưu khóa")

    shutil.rmtree(ctx.keys_dir / str(profile.id))  # the disk died
    dialogs.open_file = lambda *a, **k: str(backup)
    click(qtbot, card_button(window, "restoreKeyButton"))
    dialog = window.home.keys.dialog
    assert dialog.ok.isEnabled() is False  # the backup's passphrase is needed
    fill(qtbot, dialog, current="sai rồi nhé")
    click(qtbot, dialog.ok)
    assert dialogs.asked[-1][0] == "error"
    click(qtbot, card_button(window, "restoreKeyButton"))
    dialog = window.home.keys.dialog
    fill(qtbot, dialog, current=BACKUP_PASS, new=PASS)  # and protect it on this computer
    click(qtbot, dialog.ok)
    assert dialogs.asked[-1][:2] == ("info", "Đã khôi phục khóa") and profile.fingerprint in dialogs.asked[-1][2]
    assert keystore.open_identity(ctx.keys_dir, profile.id, PASS).public.fingerprint == profile.fingerprint
    assert protection_text(window) == "Đã được bảo vệ bằng mật khẩu"


def test_a_new_key_after_a_loss_says_the_secretary_must_confirm_it(qtbot, make_window, ctx, dialogs):
    profile = make_profile(ctx)
    window = make_window()
    dialogs.confirm_answers = [False]
    click(qtbot, card_button(window, "renewKeyButton"))
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("confirm", "Tạo khóa mới")
    assert "Bí thư chi bộ sẽ từ chối tệp ký bằng khóa mới" in text
    assert ctx.profiles.get(profile.id).fingerprint == profile.fingerprint  # cancelled: nothing changed

    dialogs.confirm_answers = [True]
    click(qtbot, card_button(window, "renewKeyButton"))
    new = ctx.profiles.get(profile.id).fingerprint
    assert new != profile.fingerprint
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("info", "Đã tạo khóa mới")
    assert f"Dấu vân tay mới: {new} (cũ: {profile.fingerprint})" in text and "bí thư" in text
    assert window.home.card.findChild(QLabel, "fingerprint").text() == new  # the card shows the new code
    assert window.home.profile.fingerprint == new


def test_remove_the_passphrase_after_typing_it(qtbot, make_window, ctx, dialogs):
    """As `selfreview keys protect --remove`: the passphrase in use, a confirmation, then the key is
    kept without one. A wrong passphrase is told plainly and changes nothing."""
    profile = make_profile(ctx)
    window = make_window()
    assert card_button(window, "unprotectKeyButton") is None  # nothing to remove yet
    keystore.protect_keys(ctx.keys_dir, profile.id, PASS)
    window.home.show_profile(window.home.profile)
    button = card_button(window, "unprotectKeyButton")
    qtbot.waitUntil(button.isVisible)  # shown beside "protect" once there is a passphrase
    assert button.text().replace("&", "") == "Bỏ mật khẩu bảo vệ khóa…"

    click(qtbot, button)  # a wrong passphrase
    dialog = window.home.keys.dialog
    assert dialog.isVisible() and dialog.new is None and not dialog.ok.isEnabled()
    fill(qtbot, dialog, current="không phải cụm này")
    assert dialog.ok.isEnabled()
    click(qtbot, dialog.ok)
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("error", "Chưa bỏ được mật khẩu")
    assert text.startswith("Cụm mật khẩu không đúng")
    assert keystore.is_protected(ctx.keys_dir, profile.id)
    assert keystore.open_identity(ctx.keys_dir, profile.id, PASS).public.fingerprint == profile.fingerprint
    assert protection_text(window) == "Đã được bảo vệ bằng mật khẩu"

    dialogs.confirm_answers = [False]  # the right one, but the person thinks again
    click(qtbot, card_button(window, "unprotectKeyButton"))
    fill(qtbot, window.home.keys.dialog, current=PASS)
    click(qtbot, window.home.keys.dialog.ok)
    kind, title, text = dialogs.asked[-1]
    assert (kind, title) == ("confirm", "Bỏ mật khẩu bảo vệ khóa") and "ký và mở tệp" in text
    assert keystore.is_protected(ctx.keys_dir, profile.id)

    dialogs.confirm_answers = [True]
    click(qtbot, card_button(window, "unprotectKeyButton"))
    fill(qtbot, window.home.keys.dialog, current=PASS)
    click(qtbot, window.home.keys.dialog.ok)
    assert [a[:2] for a in dialogs.asked[-2:]] == [("confirm", "Bỏ mật khẩu bảo vệ khóa"), ("info", "Đã bỏ mật khẩu")]
    assert not keystore.is_protected(ctx.keys_dir, profile.id)
    assert keystore.open_identity(ctx.keys_dir, profile.id, None).public.fingerprint == profile.fingerprint
    assert protection_text(window) == "Chưa được bảo vệ bằng mật khẩu"
    assert card_button(window, "unprotectKeyButton") is None
    assert ctx.profiles.get(profile.id).fingerprint == profile.fingerprint  # the same key, only unsealed
