"""Issue 14, the member's side: an invitation signed by another key for a period the member already
has a review for is shown with both fingerprints and needs an explicit choice; the review never
moves to another secretary silently (docs/file-format.md §4)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exchange_kit import open_secretary
from selfreview.cli import main
from selfreview.db.models import Invitation, Review
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.exchange import OtherSecretary


@pytest.fixture
def invitations(tmp_path):
    real = open_secretary(tmp_path / "real")
    forger = open_secretary(tmp_path / "forger", name="Kẻ Giả Mạo")  # same cell name, same period, new uid
    try:
        genuine = real.ctx.exchange.write_invitation(real.round.id, tmp_path / "that.selfreview-invite")
        forged = forger.ctx.exchange.write_invitation(forger.round.id, tmp_path / "forged.selfreview-invite")
        fps = (real.ctx.profiles.secretary().fingerprint, forger.ctx.profiles.secretary().fingerprint)
    finally:
        real.ctx.close()
        forger.ctx.close()
    return genuine, forged, fps


def _invite_uid(ctx, review_id: int) -> str:
    with ctx.read() as s:
        return s.get(Review, review_id).invite_uid


def test_a_forged_invitation_for_the_same_cell_and_period_needs_an_explicit_choice(invitations, tmp_path):
    genuine, forged, (real_fp, forger_fp) = invitations
    with AppContext.open(tmp_path / "member") as ctx:
        p = ctx.profiles.create(ProfileData(full_name="Trần Văn Đức"))
        rid = ctx.exchange.open_invitation(genuine, p.id).summary.id
        ctx.reviews.save_answer(rid, "a1_political", "Bản nháp của tôi.")
        held = _invite_uid(ctx, rid)
        with pytest.raises(OtherSecretary) as e:
            ctx.exchange.open_invitation(ctx.exchange.read_invitation(forged), p.id)
        assert real_fp in e.value.message.vi and forger_fp in e.value.message.vi and forger_fp in e.value.message.en
        assert _invite_uid(ctx, rid) == held  # the draft did not move
        with ctx.read() as s:
            assert len(s.scalars(select(Invitation)).all()) == 1  # the forged one was not kept
        # the member called the secretary and chose the new key, explicitly
        again = ctx.exchange.open_invitation(ctx.exchange.read_invitation(forged), p.id,
                                             accept_other_secretary=forger_fp.lower())
        assert again.summary.id == rid and _invite_uid(ctx, rid) != held


def test_the_command_line_asks_for_the_new_fingerprint(invitations, tmp_path, capsys):
    genuine, forged, (real_fp, forger_fp) = invitations
    data = tmp_path / "member"
    with AppContext.open(data) as ctx:
        pid = ctx.profiles.create(ProfileData(full_name="Trần Văn Đức")).id
    base = ["--data-dir", str(data), "open-invite"]
    assert main(base + [str(genuine), "--profile", str(pid)]) == 0
    assert main(base + [str(forged), "--profile", str(pid)]) == 2  # refused: a setup error, as open-invite says them
    err = capsys.readouterr().err
    assert real_fp in err and forger_fp in err
    assert main(base + [str(forged), "--profile", str(pid), "--accept-other-secretary", forger_fp]) == 0
