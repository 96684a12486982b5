"""Issue 14, identity: a first key is held unconfirmed, and a confirmed key supersedes it whatever
revision numbers it claimed; look-alike names need the secretary's decision; the receipt names the
member the file was stored for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from exchange_kit import NOW, identity, response
from selfreview.exchange.response import write_response
from selfreview.services.cells import MemberData


def _put(ib, name: str, data: bytes):
    path = ib.tmp / name
    path.write_bytes(data)
    return path


def _members(ib):
    return {m.full_name: m for m in ib.sec.ctx.cells.members(ib.sec.round.cell_id)}


def test_an_impostors_first_key_is_superseded_by_the_confirmed_one_whatever_its_revisions(inbox):
    sec = inbox.sec
    sec.ctx.cells.add_member(sec.round.cell_id, MemberData("Trần Văn Đức", "non_leader", date(1980, 5, 17)))
    impostor, real = identity(66), identity(2)
    forged = replace(response(sec, impostor, name="Trần Văn Đức"), revision=1_000_000)
    (first,) = sec.ctx.exchange.import_paths([_put(inbox, "forged.selfreview", write_response(impostor, forged, NOW))])
    assert (first.outcome, first.reason.code) == ("imported", "import.key_unconfirmed")  # the receipt says so
    assert impostor.public.fingerprint in first.reason.vi and "chưa xác nhận" in first.reason.vi
    held = _members(inbox)["Trần Văn Đức"]
    assert held.fingerprint == impostor.public.fingerprint and not held.key_confirmed  # chưa xác nhận
    true_file = _put(inbox, "real.selfreview", write_response(real, response(sec, real, name="Trần Văn Đức"), NOW))
    (refused,) = sec.ctx.exchange.import_paths([true_file])
    assert refused.reason.code == "import.key_changed"
    # the secretary calls the real member and compares the fingerprint by voice
    (taken,) = sec.ctx.exchange.import_paths([true_file], accept_new_key_for=[real.public.fingerprint])
    assert (taken.outcome, taken.reason.code) == ("updated", "import.key_accepted")
    member = _members(inbox)["Trần Văn Đức"]
    assert member.fingerprint == real.public.fingerprint and member.key_confirmed
    assert sec.ctx.reviews.open(taken.review_id).summary.revision == 1
    (again,) = sec.ctx.exchange.import_paths([_put(inbox, "forged2.selfreview", write_response(impostor, forged, NOW))])
    assert again.reason.code == "import.key_changed"  # the impostor's key is nobody's now


def test_a_first_key_is_confirmed_when_the_secretary_gives_its_fingerprint(inbox):
    sec = inbox.sec
    key = identity(2)
    path = _put(inbox, "duc.selfreview", write_response(key, response(sec, key, name="Trần Văn Đức"), NOW))
    (held,) = sec.ctx.exchange.import_paths([path])  # a new roster entry
    assert (held.outcome, held.reason.code) == ("imported", "import.key_unconfirmed")
    assert f"--accept-new-key {key.public.fingerprint}" in held.reason.en
    assert not _members(inbox)["Trần Văn Đức"].key_confirmed
    (r,) = sec.ctx.exchange.import_paths([path], accept_new_key_for=[key.public.fingerprint])
    assert (r.outcome, r.reason.code) == ("already_present", "import.key_confirmed")
    assert _members(inbox)["Trần Văn Đức"].key_confirmed


def test_look_alike_members_need_the_secretarys_decision(inbox, capsys):
    """Same name with another date of birth, a Cyrillic letter: refused with both
    names and the key to give, nothing added; added as new members only when the secretary names
    the file's key (--accept-look-alike), and the receipt still says whom they look like."""
    from selfreview.cli import main
    sec = inbox.sec  # Nguyễn Thị Hằng, born 17/05/1980, is on the roster
    other_dob = replace(response(sec, identity(3)), member=replace(response(sec, identity(3)).member,
                                                                   date_of_birth=date(1990, 1, 1)))
    cyrillic = response(sec, identity(4), name="Nguyễn \u0422hị Hằng")  # a Cyrillic Т
    hidden = response(sec, identity(5), name="Nguyễn Thị\u200b Hằng")  # a zero-width space
    paths = [_put(inbox, "dob.selfreview", write_response(identity(3), other_dob, NOW)),
             _put(inbox, "cyr.selfreview", write_response(identity(4), cyrillic, NOW)),
             _put(inbox, "zw.selfreview", write_response(identity(5), hidden, NOW))]
    before = len(_members(inbox))
    rows = sec.ctx.exchange.import_paths(paths)
    assert rows[2].reason.code == "import.member_field"  # invisible characters: refused in names outright
    for r, n in zip(rows[:2], (3, 4)):
        assert (r.outcome, r.reason.code) == ("rejected", "import.look_alike_refused"), r
        assert "Nguyễn Thị Hằng (17/05/1980)" in r.reason.vi and "is not that member" in r.reason.en
        assert f"--accept-look-alike {identity(n).public.fingerprint}" in r.reason.en
    assert len(_members(inbox)) == before  # nobody added, nothing counted as submitted
    # the secretary called the member of dob.selfreview: another person indeed; the others wait
    data_dir = str(sec.data_dir)
    sec.ctx.close()
    assert main(["--lang", "en", "--data-dir", data_dir, "import", *map(str, paths),
                 "--accept-look-alike", identity(3).public.fingerprint.lower()]) == 1  # two still refused
    out = capsys.readouterr().out
    assert "1 imported" in out and "2 rejected" in out
    from selfreview.services.context import AppContext
    with AppContext.open(data_dir) as ctx:
        added = [m for m in ctx.cells.members(sec.round.cell_id) if m.date_of_birth == date(1990, 1, 1)]
        assert len(added) == 1 and added[0].fingerprint == identity(3).public.fingerprint
        (r,) = [r for r in ctx.exchange.receipts() if r.file_name.endswith("dob.selfreview")
                and r.outcome == "imported"]
        assert r.reason.code == "import.look_alike" and "Nguyễn Thị Hằng (17/05/1980)" in r.reason.vi


def test_look_alikes_within_one_batch_are_caught(inbox):
    """Two new members whose names look alike, in one import: the second needs a decision too."""
    sec = inbox.sec
    a = response(sec, identity(6), name="Lê Văn Tám")
    b = response(sec, identity(7), name="Lê Văn \u0422ám")  # a Cyrillic Т
    rows = sec.ctx.exchange.import_paths([_put(inbox, "a.selfreview", write_response(identity(6), a, NOW)),
                                          _put(inbox, "b.selfreview", write_response(identity(7), b, NOW))])
    assert [r.outcome for r in rows] == ["imported", "rejected"]
    assert rows[1].reason.code == "import.look_alike_refused" and "Lê Văn Tám" in rows[1].reason.vi


def test_the_receipt_names_the_member_the_file_was_stored_for(inbox):
    sec = inbox.sec
    sec.ctx.cells.add_member(sec.round.cell_id, MemberData("Trần Văn Đức", "non_leader", date(1980, 5, 17)))
    doc = response(sec, identity(2), name="trần   VĂN đức")
    (r,) = sec.ctx.exchange.import_paths([_put(inbox, "d.selfreview", write_response(identity(2), doc, NOW))])
    assert (r.outcome, r.member) == ("imported", "Trần Văn Đức")


def test_a_file_naming_another_cell_is_never_put_into_the_chosen_round_silently(inbox, capsys):
    """An unencrypted file made without an invitation, from "Chi bộ Văn phòng Sở", imported with the
    round of "Chi bộ Văn phòng" chosen: refused, naming both, until the secretary says so."""
    from selfreview.cli import main
    sec = inbox.sec
    doc = response(sec, identity(2), name="Trần Văn Đức", invited=False, encrypted=False)
    doc = replace(doc, member=replace(doc.member, cell_name="Chi bộ Văn phòng Sở"))
    path = _put(inbox, "so.selfreview", write_response(identity(2), doc, NOW))
    (r,) = sec.ctx.exchange.import_paths([path], round_id=sec.round.id)
    assert (r.outcome, r.reason.code) == ("rejected", "import.cell_differs")
    assert "Chi bộ Văn phòng Sở" in r.reason.vi and "“Chi bộ Văn phòng”" in r.reason.vi
    data_dir = str(sec.data_dir)
    sec.ctx.close()
    assert main(["--lang", "en", "--data-dir", data_dir, "import", str(path), "--round", str(sec.round.id),
                 "--accept-other-cell"]) == 0
    assert "1 imported" in capsys.readouterr().out


def test_a_jump_in_revisions_from_one_key_is_noted_on_the_receipt(inbox):
    """Revisions from one key follow each other: 1, 2 pass quietly; 5 after 2 says 3–4 never came."""
    sec = inbox.sec
    key = identity(2)
    doc = response(sec, key, name="Trần Văn Đức")

    def send(revision: int):
        data = write_response(key, replace(doc, revision=revision), NOW)
        (r,) = sec.ctx.exchange.import_paths([_put(inbox, f"r{revision}.selfreview", data)],
                                             accept_new_key_for=[key.public.fingerprint])
        return r

    first = send(1)  # a new member, the key confirmed at once
    assert (first.outcome, first.reason) == ("imported", None)
    second = send(2)
    assert (second.outcome, second.reason) == ("updated", None)
    jumped = send(5)
    assert (jumped.outcome, jumped.reason.code) == ("updated", "import.revision_gap")
    assert "lần 3–4" in jumped.reason.vi and "revision(s) 3–4" in jumped.reason.en
    assert send(6).reason is None
