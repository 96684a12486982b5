"""Through the widgets (issue 14): a second invitation for the same cell and period, signed by
another key, is shown with both fingerprints; "Cancel" keeps the review where it was, and only the
explicit choice sends it to the new key."""

from __future__ import annotations

from helpers import make_profile
from PySide6.QtCore import Qt
from secretary_support import write_round_invitation

from selfreview.db.models import Review


def _open(qtbot, window, dialogs, path):
    if window.home is None:  # the review opened by the last invitation: back to the start page
        window.show_home()
    dialogs.open_file = lambda *a, **k: str(path)
    qtbot.mouseClick(window.home.invite_button, Qt.MouseButton.LeftButton)
    window.home.actions.dialog.ok.click()


def test_a_forged_invitation_asks_with_both_fingerprints_and_cancel_keeps_the_review(qtbot, make_window, ctx,
                                                                                    dialogs, tmp_path):
    profile = make_profile(ctx)
    real, forged = tmp_path / "real.selfreview-invite", tmp_path / "forged.selfreview-invite"
    real_uid = write_round_invitation(tmp_path / "real", real, "Phan Thị Thanh Hương", "Chi bộ Văn phòng", "2025")
    forged_uid = write_round_invitation(tmp_path / "forger", forged, "Kẻ Giả Mạo", "Chi bộ Văn phòng", "2025")
    real_fp = ctx.exchange.read_invitation(real).secretary_fingerprint
    forged_fp = ctx.exchange.read_invitation(forged).secretary_fingerprint
    window = make_window()
    _open(qtbot, window, dialogs, real)
    (summary,) = ctx.reviews.list(profile_id=profile.id)

    def invite_uid():
        with ctx.read() as s:
            return s.get(Review, summary.id).invite_uid

    assert invite_uid() == real_uid
    dialogs.confirm_answers = [False]  # the member does not recognise the new key
    _open(qtbot, window, dialogs, forged)
    (asked,) = [a for a in dialogs.asked if a[0] == "confirm"]
    assert real_fp in asked[2] and forged_fp in asked[2]
    assert invite_uid() == real_uid
    dialogs.confirm_answers = [True]  # after a call to the secretary: the new key is theirs
    _open(qtbot, window, dialogs, forged)
    assert invite_uid() == forged_uid
    assert [a for a in dialogs.asked if a[0] == "error"] == []
