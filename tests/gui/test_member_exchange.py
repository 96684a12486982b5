"""The member's side of the exchange, through the widgets: an invitation made by a secretary in a
second data directory is checked (its key code shown) and opened, the review filled and finalized,
sent to the cell as a file, and that file imported by the secretary gives back the same answers.
Without an invitation the file is only signed, after the member agreed to that."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import complete_answers, complete_review, labels_text, make_profile
from invitations import Secretary, choose, open_invitation
from PySide6.QtCore import Qt

from selfreview.services import keyguard
from selfreview.services.context import AppContext
from selfreview.services.errors import ServiceError
from selfreview.ui import open_file
from selfreview.ui.exchange_dialogs import InvitationDialog, SentDialog

pytestmark = pytest.mark.usefixtures("opened")  # no viewer is ever started (tests/gui/conftest.py)


@pytest.fixture
def secretary(tmp_path):
    sec = Secretary(tmp_path / "secretary")
    yield sec
    sec.ctx.close()


@pytest.fixture
def invite(tmp_path, secretary) -> Path:
    return secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "chi-bo-van-phong.selfreview-invite")


def test_an_invitation_is_shown_with_the_secretarys_key_code_then_opened(qtbot, make_window, ctx, dialogs,
                                                                          secretary, invite):
    profile = make_profile(ctx)
    window = make_window()
    dialog = open_invitation(qtbot, window, dialogs, invite)
    assert dialog is not None and dialog.isVisible()
    text = labels_text(dialog)
    for shown in ("Chi bộ Văn phòng", "Đảng ủy Sở Tư pháp", "2025", "15/12/2025", "Phan Thị Thanh Hương",
                  secretary.profile.fingerprint, "Mẫu 02B"):
        assert shown in text, shown
    assert dialog.fingerprint.text() == secretary.profile.fingerprint
    assert ctx.reviews.list(profile_id=profile.id) == []  # nothing is kept before the person agrees

    dialog.ok.click()
    editor = window.editor
    assert editor is not None
    summary = editor.detail.summary
    assert (summary.period, summary.template_id, summary.status) == ("2025", "hd43-2025-2b", "draft")
    assert ctx.exchange.is_encrypted_export(summary.id)
    assert [r.id for r in ctx.reviews.list(profile_id=profile.id)] == [summary.id]


def test_a_cancelled_preview_changes_nothing(qtbot, make_window, ctx, dialogs, invite):
    profile = make_profile(ctx)
    window = make_window()
    dialog = open_invitation(qtbot, window, dialogs, invite)
    dialog.reject()
    assert window.home is not None and ctx.reviews.list(profile_id=profile.id) == []
    assert not any(kind == "error" for kind, *_ in dialogs.asked)


def test_an_invitation_for_a_period_already_on_another_form_cannot_be_opened(qtbot, make_window, ctx, dialogs,
                                                                             invite):
    profile = make_profile(ctx)
    own = ctx.reviews.create(profile.id, "2025", "hd43-2025-2a").summary  # started earlier, on form 2A
    window = make_window()
    dialog = open_invitation(qtbot, window, dialogs, invite)
    assert "Mẫu 02A" in dialog.note.text() and not dialog.ok.isEnabled()
    dialog.reject()
    assert [r.id for r in ctx.reviews.list(profile_id=profile.id)] == [own.id]
    assert not ctx.exchange.is_encrypted_export(own.id)


def test_an_invitation_for_a_review_already_started_links_it(qtbot, make_window, ctx, dialogs, invite):
    profile, review_id = complete_review(ctx)  # a 2B draft for 2025, begun before the invitation came
    window = make_window()
    dialog = open_invitation(qtbot, window, dialogs, invite)
    assert "sẽ được gắn với lời mời này" in dialog.note.text() and dialog.ok.isEnabled()
    dialog.ok.click()
    assert window.editor.review_id == review_id and ctx.exchange.is_encrypted_export(review_id)
    assert len(ctx.reviews.list(profile_id=profile.id)) == 1


def _tampered(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    return bytes(data)


@pytest.mark.parametrize("kind", ["tampered", "not_an_invitation", "a_response_file", "empty"])
def test_a_bad_invitation_is_refused_with_the_services_message(qtbot, make_window, ctx, dialogs, tmp_path,
                                                               invite, translators, kind):
    profile = make_profile(ctx)
    bad = tmp_path / f"{kind}.selfreview-invite"
    if kind == "tampered":
        bad.write_bytes(_tampered(invite))
    elif kind == "not_an_invitation":
        bad.write_text("Biên bản họp chi bộ tháng 11", encoding="utf-8")
    elif kind == "a_response_file":
        other = AppContext.open(tmp_path / "other")
        _, rid = complete_review(other)
        other.reviews.finalize(rid)
        bad.write_bytes(other.exchange.export_review(rid, tmp_path / "x.selfreview",
                                                     allow_unencrypted=True).path.read_bytes())
        other.close()
    else:
        bad.write_bytes(b"")
    with pytest.raises(ServiceError) as refused:
        ctx.exchange.read_invitation(bad)
    window = make_window()
    assert open_invitation(qtbot, window, dialogs, bad) is None
    errors = [a for a in dialogs.asked if a[0] == "error"]
    assert errors and errors[-1][2] == refused.value.message.vi
    assert window.home is not None and ctx.reviews.list(profile_id=profile.id) == []
    window.set_language("en")
    open_invitation(qtbot, window, dialogs, bad)
    assert dialogs.asked[-1][2] == refused.value.message.en


def _fill_and_finalize(qtbot, window, ctx, review_id) -> None:
    template = ctx.reviews.open(review_id).template
    for qid, value in complete_answers(template).items():
        ctx.reviews.save_answer(review_id, qid, value)
    window.open_review(review_id)
    window.editor.finalize()  # the fake dialogs say yes
    assert window.editor.locked


def test_a_review_from_an_invitation_is_sent_encrypted_and_the_secretary_imports_it(
        qtbot, make_window, ctx, dialogs, secretary, invite, tmp_path, opened):
    me = make_profile(ctx)
    window = make_window()
    open_invitation(qtbot, window, dialogs, invite).ok.click()
    review_id = window.editor.review_id
    assert not window.editor.send_button.isVisible()  # a draft cannot be sent yet
    _fill_and_finalize(qtbot, window, ctx, review_id)
    editor = window.editor
    assert editor.send_button.isVisible()

    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    suggested = []
    dialogs.save_file = lambda parent, title, name, flt: suggested.append(name) or str(out_dir / "tran-van-binh")
    asked_before = len(dialogs.asked)
    qtbot.mouseClick(editor.send_button, Qt.MouseButton.LeftButton)
    assert Path(suggested[0]).name == "tran-van-binh-2025.selfreview"
    sent = out_dir / "tran-van-binh.selfreview"  # the suffix is added when the dialog did not
    assert sent.is_file()
    assert dialogs.asked[asked_before:] == []  # encrypted for the secretary: nothing to ask

    dialog = editor.actions.dialog
    assert isinstance(dialog, SentDialog) and dialog.isVisible()
    assert dialog.path.text() == str(sent)
    text = labels_text(dialog)
    assert secretary.profile.fingerprint in text and me.fingerprint in text
    assert "KHÔNG" not in text  # encrypted: no warning
    dialog.folder_button.click()
    assert opened == [out_dir]

    assert ctx.reviews.open(review_id).summary.status == "sent"
    assert window.editor.status.text().startswith("Đã gửi")

    (receipt,) = secretary.ctx.exchange.import_paths([sent])
    assert receipt.outcome == "imported" and receipt.member == "Trần Văn Bình"
    assert receipt.fingerprint == me.fingerprint
    assert secretary.ctx.reviews.open(receipt.review_id).answers == ctx.reviews.answers(review_id)


def test_without_an_invitation_the_member_is_asked_before_an_unencrypted_file(
        qtbot, make_window, ctx, dialogs, secretary, tmp_path):
    profile, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    window = make_window()
    window.open_review(review_id)
    out = tmp_path / "ban-kiem-diem.selfreview"
    choose(dialogs, save_path=out)

    dialogs.confirm_answers = [False]
    qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    kind, title, text = dialogs.asked[-1]
    assert kind == "confirm" and "KHÔNG" in text and "mã hóa" in text and text.endswith("?")
    assert not out.exists() and ctx.reviews.open(review_id).summary.status == "finalized"
    assert window.editor.actions.dialog is None

    dialogs.confirm_answers = [True]
    qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    assert out.is_file() and ctx.reviews.open(review_id).summary.status == "sent"
    dialog = window.editor.actions.dialog
    assert isinstance(dialog, SentDialog)
    assert dialog.findChild(type(dialog.path), "unencryptedNote") is not None
    assert dialog.findChild(type(dialog.path), "recipientFingerprint") is None
    assert profile.fingerprint in labels_text(dialog)

    (receipt,) = secretary.ctx.exchange.import_paths([out], round_id=secretary.round.id)
    assert receipt.outcome == "imported"
    assert secretary.ctx.reviews.open(receipt.review_id).answers == ctx.reviews.answers(review_id)


def test_home_sends_the_selected_finalized_review_and_the_menus_follow_the_selection(
        qtbot, make_window, ctx, dialogs, tmp_path):
    profile, review_id = complete_review(ctx, "2024")
    ctx.reviews.finalize(review_id)
    draft = ctx.reviews.create(profile.id, "2025", "hd43-2025-2b").summary.id
    window = make_window()
    home = window.home
    assert home.select_review(draft)
    assert not home.send_button.isEnabled() and home.pdf_button.isEnabled()
    window._update_actions()  # as when the menu opens
    assert not window.actions_by_name["send"].isEnabled() and window.actions_by_name["pdf"].isEnabled()
    assert home.select_review(review_id)
    assert home.send_button.isEnabled()
    window._update_actions()
    assert window.actions_by_name["send"].isEnabled() and window.actions_by_name["invite"].isEnabled()

    out = tmp_path / "gui-chi-bo.selfreview"
    choose(dialogs, save_path=out)
    window.actions_by_name["send"].trigger()  # the menu entry does what the button does
    assert out.is_file() and ctx.reviews.open(review_id).summary.status == "sent"
    assert home.selected().id == review_id and home.selected().status == "sent"  # the list shows it at once
    assert home.send_button.isEnabled()  # a lost file can be made again


def test_a_passphrase_protected_key_is_asked_for(qtbot, make_window, ctx, dialogs, tmp_path):
    profile, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    keyguard.protect(ctx, profile.id, "mật khẩu của Bình")
    window = make_window()
    window.open_review(review_id)
    answers = ["sai mật khẩu", "mật khẩu của Bình"]
    asked = []
    window.editor.actions.ask_passphrase = lambda parent, title, label: asked.append(label) or answers.pop(0)
    out = tmp_path / "binh.selfreview"
    choose(dialogs, save_path=out)
    qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    assert asked[0].startswith("Khóa của hồ sơ này được bảo vệ") and asked[1].startswith("Cụm mật khẩu không đúng")
    assert out.is_file() and ctx.reviews.open(review_id).summary.status == "sent"


def test_a_file_that_cannot_be_written_is_reported_and_nothing_changes(qtbot, make_window, ctx, dialogs, tmp_path):
    _, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    window = make_window()
    window.open_review(review_id)
    choose(dialogs, save_path=tmp_path / "no-such-folder" / "x.selfreview")
    dialogs.confirm_answers = [True]  # unencrypted: yes
    qtbot.mouseClick(window.editor.send_button, Qt.MouseButton.LeftButton)
    kind, title, _text = dialogs.asked[-1]
    assert kind == "error" and title == "Chưa thực hiện được"
    assert ctx.reviews.open(review_id).summary.status == "finalized"
    assert not (tmp_path / "no-such-folder").exists()


def test_the_send_button_and_menu_speak_english_too(qtbot, make_window, ctx, translators):
    profile, review_id = complete_review(ctx)
    ctx.reviews.finalize(review_id)
    translators.install("en")
    window = make_window()
    window.open_review(review_id)
    assert window.editor.send_button.text() == "&Send to the cell…"
    assert window.actions_by_name["invite"].text() == "Open an &invitation from the secretary…"
    window.set_language("vi")
    assert window.editor.send_button.text() == "&Gửi cho chi bộ…"
    assert window.editor.pdf_button.text() == "Xuất &PDF…"


def test_the_file_menu_opens_an_invitation_from_the_form_too(qtbot, make_window, ctx, dialogs, invite):
    profile, review_id = complete_review(ctx, "2024")
    window = make_window()
    window.open_review(review_id)
    choose(dialogs, open_path=invite)
    window.actions_by_name["invite"].trigger()
    dialog = window.home.actions.dialog
    assert isinstance(dialog, InvitationDialog) and dialog.isVisible()
    dialog.ok.click()
    assert window.editor.detail.summary.period == "2025" and window.editor.review_id != review_id


def test_no_viewer_is_started_without_a_screen(tmp_path):
    open_file.set_opener(None)  # the system's opener (the fixture puts the recorder back afterwards)
    assert open_file.open_path(tmp_path) is False  # offscreen: nothing to show it on
