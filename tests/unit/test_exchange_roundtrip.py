"""Invitation → member's review → response file → secretary's import, through the services, between
two data directories: what comes back is the review as written, answer for answer."""

import base64
import json
import stat
import unicodedata
from datetime import datetime

import pytest

from answers_2b import complete_2b
from selfreview.exchange.envelope import MAX_FILE_BYTES
from selfreview.forms import canonical_json, registry, template_from_data
from selfreview.services import templates
from selfreview.services.context import AppContext
from selfreview.services.dto import ProfileData
from selfreview.services.errors import ServiceError
from selfreview.services.exchange import UnencryptedExport


def answers_with_everything():
    answers = complete_2b()
    answers["a3_previous"] = [
        {"shortcoming": "Báo cáo tháng nộp trễ.", "status": "being_fixed", "extent": "Đã khắc phục 70%",
         "difficulties": "Thiếu người.", "responsibility": "Chịu trách nhiệm cá nhân."},
        {"shortcoming": "Ít phát biểu trong sinh hoạt chi bộ.", "status": "fixed"}]
    answers["a4_explanations"] = "Giải trình về tiến độ dự án ở xã Điện Quang; đã báo cáo Đảng ủy."
    answers["b1_general"] = 25.5
    return answers


def fill_and_finalize(ctx, review_id, answers):
    for qid, value in answers.items():
        ctx.reviews.save_answer(review_id, qid, value)
    ctx.reviews.finalize(review_id)


def test_review_comes_back_equal_answer_for_answer(tmp_path, secretary, member_ctx):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "chi-bo.selfreview-invite")
    info = member_ctx.exchange.read_invitation(invite)
    assert (info.cell, info.period, info.secretary_name) == ("Chi bộ Văn phòng", "2025", "Phan Thị Thanh Hương")
    assert info.secretary_fingerprint == secretary.profile.fingerprint
    assert info.forms == {"leader": "hd43-2025-2a", "non_leader": "hd43-2025-2b", "outside_system": "hd43-2025-2c"}

    me = member_ctx.profiles.create(ProfileData(full_name="Lê Thị Ánh Tuyết", work_unit="Phòng Tư pháp"))
    review = member_ctx.exchange.open_invitation(invite, me.id)
    assert (review.template.id, review.summary.period, review.summary.status) == ("hd43-2025-2b", "2025", "draft")
    answers = answers_with_everything()
    fill_and_finalize(member_ctx, review.summary.id, answers)

    out = tmp_path / member_ctx.exchange.suggested_file_name(review.summary.id)
    assert out.name == "le-thi-anh-tuyet-2025.selfreview"
    result = member_ctx.exchange.export_review(review.summary.id, out)
    assert result.encrypted and result.recipient_fingerprint == secretary.profile.fingerprint
    assert member_ctx.reviews.open(review.summary.id).summary.status == "sent"
    raw = out.read_bytes()
    assert "Tuyết".encode() not in raw and b"a1_political" not in raw  # nobody on the way can read it
    assert stat.S_IMODE(out.stat().st_mode) & 0o077 == 0 and len(raw) < MAX_FILE_BYTES

    (receipt,) = secretary.ctx.exchange.import_paths([out])
    assert (receipt.outcome, receipt.member, receipt.form, receipt.revision) == (
        "imported", "Lê Thị Ánh Tuyết", "hd43-2025-2b", 1)
    assert receipt.fingerprint == me.fingerprint and receipt.reason.code == "import.key_unconfirmed"  # a first key
    imported = secretary.ctx.reviews.open(receipt.review_id)
    assert imported.answers == member_ctx.reviews.answers(review.summary.id)
    assert imported.answers == {**answers, "b1_general": 25.5}
    assert (imported.summary.status, imported.summary.round_id) == ("finalized", secretary.round.id)
    (member,) = secretary.ctx.cells.members(secretary.round.cell_id)
    assert (member.full_name, member.fingerprint) == ("Lê Thị Ánh Tuyết", me.fingerprint)
    assert secretary.ctx.exchange.receipts()[0].sha256 == result.sha256


def test_a_new_revision_updates_and_the_old_one_stays_in_history(tmp_path, secretary, member_ctx):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Trần Văn Đức"))
    rid = member_ctx.exchange.open_invitation(invite, me.id).summary.id
    fill_and_finalize(member_ctx, rid, complete_2b())
    member_ctx.exchange.export_review(rid, tmp_path / "v1.selfreview")
    new = member_ctx.reviews.new_revision(rid).summary.id
    member_ctx.reviews.save_answer(new, "a1_pledge", "Cam kết năm 2026: hoàn thành xuất sắc nhiệm vụ.")
    member_ctx.reviews.finalize(new)
    member_ctx.exchange.export_review(new, tmp_path / "v2.selfreview")

    first, second = secretary.ctx.exchange.import_paths([tmp_path / "v1.selfreview", tmp_path / "v2.selfreview"])
    assert (first.outcome, second.outcome) == ("imported", "updated")
    history = secretary.ctx.reviews.history(second.review_id)
    assert [(h.revision, h.is_current) for h in history] == [(1, False), (2, True)]
    assert secretary.ctx.reviews.answers(second.review_id)["a1_pledge"].startswith("Cam kết năm 2026")
    assert secretary.ctx.reviews.answers(first.review_id) == complete_2b()
    # the older file again, after the newer: refused with its own reason, nothing changes
    (again,) = secretary.ctx.exchange.import_paths([tmp_path / "v1.selfreview"])
    assert (again.outcome, again.reason.code) == ("rejected", "import.older_revision")


def test_opening_an_invitation_twice_keeps_one_review(tmp_path, secretary, member_ctx):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Hồ Sĩ Kỳ", is_leader=True))
    a = member_ctx.exchange.open_invitation(invite, me.id)
    b = member_ctx.exchange.open_invitation(invite, me.id)
    assert a.summary.id == b.summary.id and a.template.id == "hd43-2025-2a"


def test_an_invitation_with_a_new_template_needs_no_app_update(tmp_path, secretary, member_ctx):
    """The secretary's round uses a form this app does not bundle: the invitation carries it."""
    body = json.loads(canonical_json(registry.find("hd43-2025-2b").template))
    body["version"] = 7
    body["title"]["vi"] = "BẢN KIỂM ĐIỂM (mẫu của Đảng ủy khối, bản 7)"
    custom = template_from_data(body, "custom")
    with secretary.ctx.session() as s:
        digest = templates.store(s, custom)
    cell = secretary.ctx.cells.create_cell("Chi bộ Thôn Phú Lộc", "Đảng ủy xã Điện Hòa")
    rnd = secretary.ctx.cells.create_round(cell.id, "2025", forms={
        "non_leader": {"id": custom.id, "version": 7, "hash": digest}})
    invite = secretary.ctx.exchange.write_invitation(rnd.id, tmp_path / "i.selfreview-invite")

    me = member_ctx.profiles.create(ProfileData(full_name="Ngô Trí Dũng"))
    review = member_ctx.exchange.open_invitation(invite, me.id)
    assert (review.template.version, review.template.title.vi) == (7, "BẢN KIỂM ĐIỂM (mẫu của Đảng ủy khối, bản 7)")
    fill_and_finalize(member_ctx, review.summary.id, complete_2b())
    member_ctx.exchange.export_review(review.summary.id, tmp_path / "r.selfreview")
    (receipt,) = secretary.ctx.exchange.import_paths([tmp_path / "r.selfreview"])
    assert receipt.outcome == "imported" and receipt.form == custom.id
    assert secretary.ctx.reviews.open(receipt.review_id).template.version == 7


def test_without_an_invitation_the_file_is_signed_but_not_encrypted_and_the_app_says_so(
        tmp_path, secretary, member_ctx):
    me = member_ctx.profiles.create(ProfileData(full_name="Võ Thị Thúy Kiều"))
    rid = member_ctx.reviews.create(me.id, "2025").summary.id
    with pytest.raises(ServiceError) as draft:
        member_ctx.exchange.export_review(rid, tmp_path / "x.selfreview")
    assert draft.value.message.code == "export.draft"
    fill_and_finalize(member_ctx, rid, complete_2b())
    assert member_ctx.exchange.is_encrypted_export(rid) is False
    with pytest.raises(UnencryptedExport) as ask:
        member_ctx.exchange.export_review(rid, tmp_path / "x.selfreview")
    assert "KHÔNG được mã hóa" in ask.value.message.vi and "NOT encrypted" in ask.value.message.en
    assert not (tmp_path / "x.selfreview").exists()  # nothing written before the person agrees
    result = member_ctx.exchange.export_review(rid, tmp_path / "x.selfreview", allow_unencrypted=True)
    envelope = json.loads((tmp_path / "x.selfreview").read_text(encoding="utf-8"))
    assert not result.encrypted and envelope["encryption"] is None
    assert "Võ Thị Thúy Kiều" in base64.b64decode(envelope["payload"])[64:].decode("utf-8")  # readable by anyone

    # the secretary cannot know which round it belongs to unless told
    (no_round,) = secretary.ctx.exchange.import_paths([tmp_path / "x.selfreview"])
    assert (no_round.outcome, no_round.reason.code) == ("rejected", "import.no_round")
    (ok,) = secretary.ctx.exchange.import_paths([tmp_path / "x.selfreview"], round_id=secretary.round.id)
    assert ok.outcome == "imported"
    assert secretary.ctx.reviews.answers(ok.review_id) == member_ctx.reviews.answers(rid)
    with pytest.raises(ServiceError):
        secretary.ctx.exchange.import_paths([tmp_path / "x.selfreview"], round_id=9999)


def test_a_secretary_cannot_export_a_review_she_imported(tmp_path, secretary, member_ctx):
    me = member_ctx.profiles.create(ProfileData(full_name="Mạc Văn Lực"))
    rid = member_ctx.reviews.create(me.id, "2025").summary.id
    fill_and_finalize(member_ctx, rid, complete_2b())
    member_ctx.exchange.export_review(rid, tmp_path / "x.selfreview", allow_unencrypted=True)
    (r,) = secretary.ctx.exchange.import_paths([tmp_path / "x.selfreview"], round_id=secretary.round.id)
    with pytest.raises(ServiceError) as e:
        secretary.ctx.exchange.export_review(r.review_id, tmp_path / "y.selfreview")
    assert e.value.message.code == "export.not_own"


def test_invitation_needs_a_secretary_profile(tmp_path):
    with AppContext.open(tmp_path / "d") as ctx:
        cell = ctx.cells.create_cell("Chi bộ Y tế")
        rnd = ctx.cells.create_round(cell.id, "2025")
        with pytest.raises(ServiceError) as e:
            ctx.exchange.write_invitation(rnd.id, tmp_path / "x.selfreview-invite")
        assert e.value.message.code == "invite.no_secretary"


def test_progress_and_cancel_between_files(tmp_path, secretary, member_ctx):
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, name in enumerate(["Tạ Thị Thủy", "Dương Văn Hỷ", "Khổng Minh Hiển"]):
        p = member_ctx.profiles.create(ProfileData(full_name=name))
        rid = member_ctx.exchange.open_invitation(invite, p.id).summary.id
        fill_and_finalize(member_ctx, rid, complete_2b())
        member_ctx.exchange.export_review(rid, folder / f"{n}.selfreview")
    (folder / "notes.txt").write_text("không phải bản kiểm điểm", encoding="utf-8")  # skipped in a folder
    seen = []
    receipts = secretary.ctx.exchange.import_paths([folder], progress=lambda d, t: seen.append((d, t)),
                                                   should_cancel=lambda: len(seen) > 2)
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert [r.outcome for r in receipts] == ["imported", "imported"]
    assert len(secretary.ctx.reviews.list()) == 2  # the third file was not touched
    rest = secretary.ctx.exchange.import_paths([folder])
    assert sorted(r.outcome for r in rest) == ["already_present", "already_present", "imported"]


def test_stored_strings_are_nfc_after_import(tmp_path, secretary, member_ctx):
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name=nfd("Đặng Thị Ánh Tuyết")))
    rid = member_ctx.exchange.open_invitation(invite, me.id).summary.id
    answers = complete_2b()
    answers["a1_political"] = nfd(answers["a1_political"])
    fill_and_finalize(member_ctx, rid, answers)
    member_ctx.exchange.export_review(rid, tmp_path / "r.selfreview")
    (r,) = secretary.ctx.exchange.import_paths([tmp_path / "r.selfreview"])
    assert r.member == "Đặng Thị Ánh Tuyết"
    got = secretary.ctx.reviews.answers(r.review_id)["a1_political"]
    assert unicodedata.is_normalized("NFC", got) and got == complete_2b()["a1_political"]


def test_export_on_the_command_line_says_when_the_file_would_not_be_encrypted(tmp_path, member_ctx, capsys):
    from selfreview.cli import main
    me = member_ctx.profiles.create(ProfileData(full_name="Nguyễn Thị Mỹ Hằng"))
    rid = member_ctx.reviews.create(me.id, "2025").summary.id
    fill_and_finalize(member_ctx, rid, complete_2b())
    data = str(member_ctx.data_dir)
    out = tmp_path / "h.selfreview"
    assert main(["--data-dir", data, "export", "--review", str(rid), "--out", str(out)]) == 2
    err = capsys.readouterr().err  # Vietnamese by default
    assert "KHÔNG được mã hóa" in err and "--unencrypted" in err and "NOT" not in err and not out.exists()
    assert main(["--data-dir", data, "export", "--review", str(rid), "--out", str(out), "--lang", "en"]) == 2
    assert "NOT encrypted" in capsys.readouterr().err
    assert main(["--data-dir", data, "--lang", "en", "export", "--review", str(rid), "--out", str(out),
                 "--unencrypted"]) == 0
    assert "NOT encrypted" in capsys.readouterr().out and out.exists()


def test_a_forged_invitation_for_the_same_round_cannot_redirect_the_review(tmp_path, secretary, member_ctx):
    """Someone copies the round's id into an invitation signed with their own key."""
    from exchange_kit import identity
    from selfreview.exchange.invitation import write_invitation

    real = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "real.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Phạm Ngọc Thảo"))
    member_ctx.exchange.open_invitation(real, me.id)
    forms = {"non_leader": registry.find("hd43-2025-2b").template}
    fake = tmp_path / "fake.selfreview-invite"
    fake.write_bytes(write_invitation(identity(66), "Phan Thị Thanh Hương", secretary.round_ref(), None, forms,
                                      datetime(2025, 12, 1)))
    assert member_ctx.exchange.read_invitation(fake).secretary_fingerprint != secretary.profile.fingerprint
    with pytest.raises(ServiceError) as e:
        member_ctx.exchange.open_invitation(fake, me.id)
    assert e.value.message.code == "invite.key_differs" and secretary.profile.fingerprint in e.value.message.vi
    # the real secretary stays the one the review is encrypted to
    rid = member_ctx.reviews.list(profile_id=me.id)[0].id
    fill_and_finalize(member_ctx, rid, complete_2b())
    assert member_ctx.exchange.export_review(rid, tmp_path / "r.selfreview").recipient_fingerprint == \
        secretary.profile.fingerprint


def test_a_secretary_whose_keys_have_a_passphrase_imports_with_it(tmp_path, secretary, member_ctx):
    from selfreview.services import keyguard
    invite = secretary.ctx.exchange.write_invitation(secretary.round.id, tmp_path / "i.selfreview-invite")
    me = member_ctx.profiles.create(ProfileData(full_name="Dương Văn Hỷ"))
    rid = member_ctx.exchange.open_invitation(invite, me.id).summary.id
    fill_and_finalize(member_ctx, rid, complete_2b())
    member_ctx.exchange.export_review(rid, tmp_path / "r.selfreview")
    keyguard.protect(secretary.ctx, secretary.profile.id, "mật khẩu dài đủ")
    with pytest.raises(ServiceError) as e:
        secretary.ctx.exchange.import_paths([tmp_path / "r.selfreview"])
    assert e.value.message.code == "keys.need_passphrase"
    (r,) = secretary.ctx.exchange.import_paths([tmp_path / "r.selfreview"], passphrase="mật khẩu dài đủ")
    assert r.outcome == "imported"
