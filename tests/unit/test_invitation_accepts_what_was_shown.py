"""The invitation a member accepts is the one they were shown: ``read_invitation`` checks the file
and returns what it says; ``open_invitation`` given that result keeps exactly that invitation, even
when the file was replaced (by another valid invitation), damaged or removed in between."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from answers_2b import complete_2b
from exchange_kit import open_secretary
from selfreview.db.models import Invitation, Review
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError

REPLACEMENTS = ["another_secretary", "same_secretary_other_round", "garbage", "truncated", "empty", "deleted"]


def replace_file(kind: str, path: Path, secretary, tmp_path: Path) -> str | None:
    """Change the invitation file on disk the way ``kind`` says; the uid of the decoy invitation
    when the file is now another valid invitation."""
    original = path.read_bytes()
    if kind == "another_secretary":  # someone else's key, another cell, the same period
        other = open_secretary(tmp_path / "other", name="Đỗ Văn Mạo", cell="Chi bộ Kế toán")
        try:
            decoy = other.ctx.exchange.write_invitation(other.round.id, tmp_path / "decoy.selfreview-invite")
            uid = other.round.uid
        finally:
            other.ctx.close()
    elif kind == "same_secretary_other_round":  # a genuine invitation of the same secretary, for 2026
        cell = secretary.ctx.cells.create_cell("Chi bộ Thôn Phú Lộc", "Đảng ủy xã Điện Hòa")
        rnd = secretary.ctx.cells.create_round(cell.id, "2026")
        decoy = secretary.ctx.exchange.write_invitation(rnd.id, tmp_path / "decoy.selfreview-invite")
        uid = rnd.uid
    else:
        decoy, uid = None, None
    if decoy is not None:
        path.write_bytes(decoy.read_bytes())
    elif kind == "garbage":
        path.write_bytes(b"\x00\xff not an invitation " * 40)
    elif kind == "truncated":
        path.write_bytes(original[: len(original) // 2])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "deleted":
        path.unlink()
    else:  # pragma: no cover - a typo in REPLACEMENTS
        raise AssertionError(kind)
    assert not path.exists() or path.read_bytes() != original
    return uid


@pytest.mark.parametrize("kind", REPLACEMENTS)
def test_the_accepted_invitation_is_the_previewed_one(tmp_path, secretary, member_ctx, kind):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "chi-bo.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Lê Thị Ánh Tuyết", work_unit="Phòng Tư pháp"))
    shown = member_ctx.exchange.read_invitation(invite)
    assert (shown.uid, shown.cell, shown.period) == (secretary.round.uid, "Chi bộ Văn phòng", "2025")
    assert shown.secretary_fingerprint == secretary.profile.fingerprint

    decoy_uid = replace_file(kind, invite, secretary, tmp_path)
    if decoy_uid is not None:  # the file really is another valid invitation now
        now = member_ctx.exchange.read_invitation(invite)
        assert now.uid == decoy_uid != shown.uid
    else:  # the file cannot be read as an invitation any more
        with pytest.raises(ServiceError):
            member_ctx.exchange.read_invitation(invite)

    review = member_ctx.exchange.open_invitation(shown, me.id)
    assert (review.summary.period, review.template.id, review.summary.status) == ("2025", "hd43-2025-2b", "draft")
    with member_ctx.read() as s:
        kept = s.scalars(select(Invitation)).all()
        assert [(i.uid, i.cell_name, i.period, i.secretary_name, i.secretary_fingerprint) for i in kept] == [
            (shown.uid, "Chi bộ Văn phòng", "2025", "Phan Thị Thanh Hương", secretary.profile.fingerprint)]
        assert s.get(Review, review.summary.id).invite_uid == shown.uid

    # and nothing breaks afterwards: the review goes to the secretary who was shown, who imports it
    rid = review.summary.id
    for qid, value in complete_2b().items():
        member_ctx.reviews.save_answer(rid, qid, value)
    member_ctx.reviews.finalize(rid)
    result = member_ctx.exchange.export_review(rid, tmp_path / "tuyet.selfreview")
    assert result.encrypted and result.recipient_fingerprint == secretary.profile.fingerprint
    (receipt,) = secretary.ctx.exchange.import_paths([result.path])
    assert (receipt.outcome, receipt.member, receipt.reason.code) == ("imported", "Lê Thị Ánh Tuyết",
                                                                     "import.key_unconfirmed")
    assert secretary.ctx.reviews.open(receipt.review_id).summary.round_id == secretary.round.id


def test_accepting_the_shown_invitation_twice_keeps_one_review(tmp_path, secretary, member_ctx):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Hồ Sĩ Kỳ"))
    shown = member_ctx.exchange.read_invitation(invite)
    invite.unlink()
    first = member_ctx.exchange.open_invitation(shown, me.id)
    again = member_ctx.exchange.open_invitation(shown, me.id)
    assert first.summary.id == again.summary.id
    assert [r.id for r in member_ctx.reviews.list(profile_id=me.id)] == [first.summary.id]


def test_a_path_is_still_read_and_checked_when_it_is_opened(tmp_path, secretary, member_ctx):
    """The command line passes a path: it is read then, and a damaged file is refused."""
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Ngô Trí Dũng"))
    damaged = tmp_path / "damaged.selfreview-invite"
    damaged.write_bytes(invite.read_bytes()[:-10])
    with pytest.raises(ServiceError):
        member_ctx.exchange.open_invitation(damaged, me.id)
    assert member_ctx.reviews.list(profile_id=me.id) == []
    review = member_ctx.exchange.open_invitation(str(invite), me.id)
    assert review.summary.period == "2025"
    with member_ctx.read() as s:
        assert s.get(Review, review.summary.id).invite_uid == secretary.round.uid
