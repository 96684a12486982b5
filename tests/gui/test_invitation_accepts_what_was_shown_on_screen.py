"""Through the widgets: the member opens an invitation, sees the preview, and while the preview is
open the file on the USB stick is replaced (by another secretary's valid invitation, or by garbage,
or removed). OK then sets up the review from the invitation that was shown, with no error."""

from __future__ import annotations

import pytest
from helpers import labels_text, make_profile
from PySide6.QtCore import Qt
from secretary_support import write_round_invitation
from sqlalchemy import select

from selfreview.db.models import Invitation
from selfreview.ui.exchange_dialogs import InvitationDialog


@pytest.mark.parametrize("kind", ["another_valid_invitation", "garbage", "truncated", "removed"])
def test_ok_accepts_the_previewed_invitation_whatever_became_of_the_file(qtbot, make_window, ctx, dialogs,
                                                                         tmp_path, kind):
    profile = make_profile(ctx)
    invite = tmp_path / "usb" / "chi-bo-van-phong.selfreview-invite"
    invite.parent.mkdir()
    shown_uid = write_round_invitation(tmp_path / "secretary", invite, "Phan Thị Thanh Hương", "Chi bộ Văn phòng",
                                       "2025")
    window = make_window()
    dialogs.open_file = lambda *a, **k: str(invite)
    qtbot.mouseClick(window.home.invite_button, Qt.MouseButton.LeftButton)
    dialog = window.home.actions.dialog
    assert isinstance(dialog, InvitationDialog) and dialog.isVisible()
    assert "Chi bộ Văn phòng" in labels_text(dialog) and "Phan Thị Thanh Hương" in labels_text(dialog)

    original = invite.read_bytes()
    if kind == "another_valid_invitation":
        decoy_uid = write_round_invitation(tmp_path / "someone", tmp_path / "decoy.selfreview-invite",
                                           "Đỗ Văn Mạo", "Chi bộ Kế toán", "2026")
        invite.write_bytes((tmp_path / "decoy.selfreview-invite").read_bytes())
        assert ctx.exchange.read_invitation(invite).uid == decoy_uid  # a real invitation, just not the shown one
    elif kind == "garbage":
        invite.write_bytes(b"Bien ban hop chi bo thang 11 " * 50)
    elif kind == "truncated":
        invite.write_bytes(original[: len(original) // 3])
    else:
        invite.unlink()

    dialog.ok.click()
    assert [a for a in dialogs.asked if a[0] == "error"] == []
    editor = window.editor
    assert editor is not None
    summary = editor.detail.summary
    assert (summary.period, summary.template_id, summary.status) == ("2025", "hd43-2025-2b", "draft")
    assert [r.id for r in ctx.reviews.list(profile_id=profile.id)] == [summary.id]
    assert ctx.exchange.is_encrypted_export(summary.id)
    with ctx.read() as s:
        assert [(i.uid, i.cell_name, i.period, i.secretary_name) for i in s.scalars(select(Invitation))] == [
            (shown_uid, "Chi bộ Văn phòng", "2025", "Phan Thị Thanh Hương")]
